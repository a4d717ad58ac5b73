"""After K reminders (CHIDAO_FLAG_AFTER_REMINDERS) an assignment is put on the next giao
ban: it appears in "Nhiệm vụ đưa ra giao ban" until the Office takes it off."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.audit.models import HistoryEntry
from chidao.reminders.manual import remind_manually
from chidao.reminders.models import Flag
from chidao.reminders.services import clear_flag, flagged, reminder_counts
from chidao.tracking.models import Assignment
from tests.web.reminders_support import TODAY, open_assignment, remind
from tests.web.tracking_support import page_text

pytestmark = pytest.mark.django_db

D = timedelta(days=1)


def remind_by_hand(office: Any, a: Assignment, times: int) -> None:
    for _ in range(times):
        remind_manually(office, Assignment.objects.filter(pk=a.pk), TODAY)


def test_the_third_reminder_flags_the_assignment_for_the_giao_ban(
    office: Any, agency_a: Any
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    remind_by_hand(office, a, 2)
    assert not Flag.objects.exists()
    remind_by_hand(office, a, 1)
    flag = Flag.objects.get(assignment=a)
    assert flag.reminders == 3 and flag.cleared_at is None
    assert list(flagged(Assignment.objects.all())) == [a]
    assert reminder_counts([a.pk]) == {a.pk: 3}
    assert HistoryEntry.objects.filter(assignment=a, action="assignment.flagged").count() == 1


def test_the_number_of_reminders_before_a_flag_is_a_setting(
    office: Any, agency_a: Any, settings: Any
) -> None:
    settings.CHIDAO_FLAG_AFTER_REMINDERS = 2
    a = open_assignment(office, agency_a, TODAY - D)
    remind()
    assert not Flag.objects.exists()
    remind(TODAY + 7 * D)  # the weekly overdue reminder
    assert Flag.objects.get(assignment=a).reminders == 2


def test_reminder_counts_are_per_assignment_and_leave_out_those_never_reminded(
    office: Any, agency_a: Any, agency_b: Any
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    b = open_assignment(office, agency_b, TODAY + D)
    quiet = open_assignment(office, agency_b, TODAY + 40 * D)
    remind()
    remind_by_hand(office, a, 1)
    assert reminder_counts([a.pk, b.pk, quiet.pk]) == {a.pk: 2, b.pk: 1}
    assert reminder_counts([]) == {}


def test_the_flagged_list_shows_the_assignment_to_the_office_and_the_leader(
    client_for: Callable[[Any], Client], office: Any, leader: Any, agency_a: Any
) -> None:
    a = open_assignment(office, agency_a, TODAY - D, text="Giải phóng mặt bằng dự án.")
    remind_by_hand(office, a, 3)
    for user in (office, leader):
        response = client_for(user).get(reverse("reminders:flagged"))
        assert response.status_code == 200
        text = page_text(response)
        assert "Nhiệm vụ đưa ra giao ban" in text
        assert f'data-assignment="{a.pk}"' in text and "Giải phóng mặt bằng dự án." in text
    assert "Gỡ khỏi danh sách" in page_text(client_for(office).get(reverse("reminders:flagged")))
    assert "Gỡ khỏi danh sách" not in page_text(
        client_for(leader).get(reverse("reminders:flagged"))
    )


def test_an_officer_sees_only_the_flags_of_their_agency(
    client_for: Callable[[Any], Client], office: Any, officer_b: Any, agency_a: Any, agency_b: Any
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    b = open_assignment(office, agency_b, TODAY - D)
    remind_by_hand(office, a, 3)
    remind_by_hand(office, b, 3)
    text = page_text(client_for(officer_b).get(reverse("reminders:flagged")))
    assert f'data-assignment="{b.pk}"' in text and f'data-assignment="{a.pk}"' not in text


def test_the_office_clears_a_flag_and_the_history_says_who(
    client_for: Callable[[Any], Client], office: Any, agency_a: Any
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    remind_by_hand(office, a, 3)
    response = client_for(office).post(reverse("reminders:clear_flag", args=[a.pk]))
    assert response.status_code == 302
    flag = Flag.objects.get(assignment=a)
    assert flag.cleared_at is not None and flag.cleared_by == office
    assert not flagged(Assignment.objects.all()).exists()
    entry = HistoryEntry.objects.get(assignment=a, action="assignment.flag_cleared")
    assert entry.actor == office
    text = page_text(client_for(office).get(reverse("reminders:flagged")))
    assert f'data-assignment="{a.pk}"' not in text


def test_a_cleared_assignment_is_flagged_again_after_k_more_reminders(
    office: Any, agency_a: Any
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    remind_by_hand(office, a, 3)
    clear_flag(office, Flag.objects.get(assignment=a))
    remind_by_hand(office, a, 2)
    assert not flagged(Assignment.objects.all()).exists()
    remind_by_hand(office, a, 1)
    flag = Flag.objects.get(assignment=a)
    assert flag.cleared_at is None and flag.reminders == 6


@pytest.mark.parametrize("who", ["officer_a", "leader"])
def test_only_the_office_may_clear_a_flag(
    request: pytest.FixtureRequest,
    client_for: Callable[[Any], Client],
    office: Any,
    agency_a: Any,
    who: str,
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    remind_by_hand(office, a, 3)
    client = client_for(request.getfixturevalue(who))
    assert client.post(reverse("reminders:clear_flag", args=[a.pk])).status_code == 403
    assert Flag.objects.get(assignment=a).cleared_at is None
