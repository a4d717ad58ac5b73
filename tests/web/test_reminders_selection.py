"""Which assignments the daily run reminds, and why: the boundaries of "sắp đến hạn"
(N = 3 days), "quá hạn" and "lâu chưa báo cáo" (M = 14 days), the states left alone, and
how often a reminder repeats."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from chidao.reminders.models import Kind, Reminder
from chidao.tracking.models import Assignment, State
from tests.web.reminders_support import TODAY, at, open_assignment, remind

pytestmark = pytest.mark.django_db

D = timedelta(days=1)


def kinds(a: Assignment) -> list[tuple[str, date]]:
    return list(Reminder.objects.filter(assignment=a).order_by("day").values_list("kind", "day"))


def test_an_assignment_past_its_deadline_is_reminded_as_overdue(office: Any, agency_a: Any) -> None:
    late = open_assignment(office, agency_a, TODAY - D)
    remind()
    assert kinds(late) == [(Kind.OVERDUE, TODAY)]


def test_deadlines_from_today_to_three_days_ahead_are_due_soon(office: Any, agency_a: Any) -> None:
    today = open_assignment(office, agency_a, TODAY)
    last_day = open_assignment(office, agency_a, TODAY + 3 * D)
    beyond = open_assignment(office, agency_a, TODAY + 4 * D)
    remind()
    assert kinds(today) == [(Kind.DUE_SOON, TODAY)]
    assert kinds(last_day) == [(Kind.DUE_SOON, TODAY)]
    assert kinds(beyond) == []


def test_the_due_soon_window_follows_the_setting(office: Any, agency_a: Any, settings: Any) -> None:
    settings.CHIDAO_REMIND_DUE_DAYS = 5
    five = open_assignment(office, agency_a, TODAY + 5 * D)
    remind()
    assert kinds(five) == [(Kind.DUE_SOON, TODAY)]


def test_silent_means_nothing_heard_before_the_day_fourteen_days_ago(
    office: Any, agency_a: Any
) -> None:
    quiet = open_assignment(office, agency_a, None, created=TODAY - 15 * D)
    Assignment.objects.filter(pk=quiet.pk).update(created_at=at(TODAY - 15 * D, 23, 59))
    just_heard = open_assignment(office, agency_a, None, created=TODAY - 14 * D)
    Assignment.objects.filter(pk=just_heard.pk).update(created_at=at(TODAY - 14 * D, 0, 0))
    reported = open_assignment(
        office, agency_a, TODAY + 30 * D, created=TODAY - 90 * D, heard=at(TODAY - 14 * D)
    )
    long_ago = open_assignment(
        office, agency_a, TODAY + 30 * D, created=TODAY - 90 * D, heard=at(TODAY - 15 * D)
    )
    remind()
    assert kinds(quiet) == [(Kind.SILENT, TODAY)]
    assert kinds(just_heard) == []
    assert kinds(reported) == []
    assert kinds(long_ago) == [(Kind.SILENT, TODAY)]


def test_an_assignment_gets_one_automatic_reminder_a_day_overdue_before_silent(
    office: Any, agency_a: Any
) -> None:
    late_and_quiet = open_assignment(office, agency_a, TODAY - 5 * D, created=TODAY - 60 * D)
    soon_and_quiet = open_assignment(office, agency_a, TODAY + D, created=TODAY - 60 * D)
    remind()
    assert kinds(late_and_quiet) == [(Kind.OVERDUE, TODAY)]
    assert kinds(soon_and_quiet) == [(Kind.DUE_SOON, TODAY)]


@pytest.mark.parametrize(
    "state", [State.AWAITING, State.DONE, State.POSTPONED, State.REFUSED], ids=str
)
def test_assignments_that_are_not_open_are_not_reminded(
    office: Any, agency_a: Any, state: str
) -> None:
    a = open_assignment(office, agency_a, TODAY - 10 * D, created=TODAY - 60 * D)
    Assignment.objects.filter(pk=a.pk).update(state=state, done_on=TODAY - 20 * D)
    remind()
    assert kinds(a) == []


def test_assignments_sent_back_for_redo_are_reminded(office: Any, agency_a: Any) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    Assignment.objects.filter(pk=a.pk).update(state=State.REDO)
    remind()
    assert kinds(a) == [(Kind.OVERDUE, TODAY)]


def test_overdue_reminders_repeat_weekly_while_the_assignment_stays_late(
    office: Any, agency_a: Any
) -> None:
    late = open_assignment(office, agency_a, TODAY - D)
    for offset in range(8):
        remind(TODAY + offset * D)
    assert kinds(late) == [(Kind.OVERDUE, TODAY), (Kind.OVERDUE, TODAY + 7 * D)]


def test_a_due_soon_reminder_is_sent_once_in_its_window(office: Any, agency_a: Any) -> None:
    soon = open_assignment(office, agency_a, TODAY + 3 * D)
    for offset in range(4):
        remind(TODAY + offset * D)
    assert kinds(soon) == [(Kind.DUE_SOON, TODAY)]
    remind(TODAY + 4 * D)
    assert kinds(soon)[-1] == (Kind.OVERDUE, TODAY + 4 * D)


def test_silent_reminders_repeat_every_fourteen_days(office: Any, agency_a: Any) -> None:
    quiet = open_assignment(office, agency_a, None, created=TODAY - 30 * D)
    for offset in range(15):
        remind(TODAY + offset * D)
    assert kinds(quiet) == [(Kind.SILENT, TODAY), (Kind.SILENT, TODAY + 14 * D)]
