"""A recurring task (báo cáo hằng tháng) yields one instance per period from the day it
starts, each with its own assignments, due on the day its text names (the period's end
when it names none); the daily command adds each new period once."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from chidao.common.periods import DAY, MONTH, QUARTER, WEEK, YEAR, of_kind, periods_until
from chidao.tracking.models import Assignment, Recurrence
from chidao.tracking.recurrence import PERIOD_OF
from chidao.tracking.services import create_due_instances, create_instances, record_archived
from tests.web.factories import make_document, make_task
from tests.web.tracking_support import set_today


def test_periods_of_each_recurrence() -> None:
    day = date(2026, 2, 11)  # a Wednesday
    bounds = {
        r: (of_kind(PERIOD_OF[r], day).start, of_kind(PERIOD_OF[r], day).end) for r in PERIOD_OF
    }
    assert bounds == {
        "daily": (day, day),
        "weekly": (date(2026, 2, 9), date(2026, 2, 15)),
        "monthly": (date(2026, 2, 1), date(2026, 2, 28)),
        "quarterly": (date(2026, 1, 1), date(2026, 3, 31)),
        "yearly": (date(2026, 1, 1), date(2026, 12, 31)),
    }
    assert set(PERIOD_OF) == set(Recurrence.values) - {""}
    assert set(PERIOD_OF.values()) == {DAY, WEEK, MONTH, QUARTER, YEAR}
    with pytest.raises(ValueError):
        of_kind("fortnight", day)


def test_months_from_issue_to_today_are_listed_once_each() -> None:
    months = list(periods_until(MONTH, date(2026, 9, 15), date(2026, 11, 21)))
    assert [(m.start, m.end) for m in months] == [
        (date(2026, 9, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 10, 31)),
        (date(2026, 11, 1), date(2026, 11, 30)),
    ]


def test_a_monthly_task_has_one_instance_per_month_with_its_agencies(
    office: Any, agency_a: Any, agency_b: Any
) -> None:
    document = make_document(office, issued_on=date(2026, 9, 15))
    series = make_task(
        office, [agency_a], support=[agency_b], recurrence="monthly",
        document=document, today=date(2026, 11, 21), recur_from=date(2026, 9, 15),
    )  # fmt: skip
    instances = list(series.instances.order_by("period_start"))
    assert [(i.period_start, i.deadline) for i in instances] == [
        (date(2026, 9, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 10, 31)),
        (date(2026, 11, 1), date(2026, 11, 30)),
    ]
    assert not Assignment.objects.filter(task=series).exists()
    assert Assignment.objects.filter(task__series=series).count() == 6


def test_a_series_starts_on_the_day_it_is_registered_not_on_the_directives_date(
    office: Any, agency_a: Any
) -> None:
    document = make_document(office, issued_on=date(2021, 8, 16))
    series = make_task(
        office, [agency_a], recurrence="monthly", document=document, today=date(2026, 11, 21)
    )
    assert series.recur_from == date(2026, 11, 21)
    assert [(i.period_start, i.deadline) for i in series.instances.all()] == [
        (date(2026, 11, 1), date(2026, 11, 30))
    ]


def test_each_instance_is_due_on_the_day_the_text_names(office: Any, agency_a: Any) -> None:
    series = make_task(
        office, [agency_a], recurrence="monthly", today=date(2026, 11, 21),
        text="Báo cáo kết quả thực hiện trước ngày 20 hằng tháng.",
    )  # fmt: skip
    # the 20th of November had passed on the day it was registered: December comes first
    assert [(i.period_start, i.deadline) for i in series.instances.all()] == [
        (date(2026, 12, 1), date(2026, 12, 20))
    ]
    create_instances(None, series, today=date(2027, 1, 2))
    assert list(series.instances.order_by("period_start").values_list("deadline", flat=True)) == [
        date(2026, 12, 20),
        date(2027, 1, 20),
    ]


def test_a_yearly_task_is_due_on_the_day_and_month_it_names(office: Any, agency_a: Any) -> None:
    series = make_task(
        office, [agency_a], recurrence="yearly", today=date(2026, 11, 21),
        text="Tổng hợp, báo cáo UBND Thành phố trước 25/01 hằng năm.",
    )  # fmt: skip
    assert [(i.period_start, i.deadline) for i in series.instances.all()] == [
        (date(2027, 1, 1), date(2027, 1, 25))
    ]


def test_a_deadline_the_reviewer_set_is_kept(office: Any, agency_a: Any) -> None:
    series = make_task(
        office, [agency_a], recurrence="monthly", today=date(2026, 11, 21),
        deadline=date(2026, 12, 15), text="Báo cáo trước ngày 20 hằng tháng.",
    )  # fmt: skip
    create_instances(None, series, today=date(2027, 1, 2))
    instances = series.instances.order_by("period_start")
    assert [(i.deadline, i.assignments.get().deadline) for i in instances] == [
        (date(2026, 12, 15), date(2026, 12, 15)),  # the reviewer's
        (date(2027, 1, 20), date(2027, 1, 20)),  # the text's
    ]
    # with no day in the text, the others fall on the reviewer's day of the month
    plain = make_task(
        office, [agency_a], recurrence="monthly", today=date(2026, 11, 21),
        deadline=date(2026, 11, 25), text="Báo cáo định kỳ hằng tháng.",
    )  # fmt: skip
    create_instances(None, plain, today=date(2027, 1, 2))
    assert list(plain.instances.order_by("period_start").values_list("deadline", flat=True)) == [
        date(2026, 11, 25),
        date(2026, 12, 25),
        date(2027, 1, 25),
    ]


def test_creating_instances_again_adds_only_the_new_period(office: Any, agency_a: Any) -> None:
    document = make_document(office, issued_on=date(2026, 10, 2))
    series = make_task(
        office, [agency_a], recurrence="monthly", document=document, today=date(2026, 10, 20)
    )
    assert series.instances.count() == 1
    assert create_instances(office, series, today=date(2026, 10, 31)) == []
    made = create_instances(office, series, today=date(2026, 11, 3))
    assert [t.period_start for t in made] == [date(2026, 11, 1)]
    assert made[0].assignments.get().agency == agency_a


def test_the_daily_command_creates_each_new_period_once(
    office: Any, agency_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from io import StringIO

    from django.core.management import call_command

    document = make_document(office, issued_on=date(2021, 8, 16))
    series = make_task(
        office, [agency_a], recurrence="monthly", document=document, today=date(2026, 10, 20)
    )
    october = series.instances.get()
    october.deadline = date(2026, 11, 5)  # set by a person since: never recomputed
    october.save(update_fields=["deadline"])
    set_today(monkeypatch, date(2026, 11, 2))
    first, again = StringIO(), StringIO()
    call_command("recurring_instances", stdout=first)
    call_command("recurring_instances", stdout=again)
    assert (first.getvalue().strip(), again.getvalue().strip()) == (
        "Đã tạo 1 nhiệm vụ của kỳ mới.",
        "Đã tạo 0 nhiệm vụ của kỳ mới.",
    )
    assert list(
        series.instances.order_by("period_start").values_list("period_start", "deadline")
    ) == [
        (date(2026, 10, 1), date(2026, 11, 5)),
        (date(2026, 11, 1), date(2026, 11, 30)),
    ]
    assert Assignment.objects.filter(task__series=series).count() == 2


def test_an_archived_directives_series_ends_with_what_the_archive_holds(
    office: Any, agency_a: Any
) -> None:
    document = make_document(office, issued_on=date(2021, 8, 16))
    series = make_task(
        office, [agency_a], recurrence="monthly", document=document, today=date(2021, 8, 16)
    )
    record_archived(office, document.pk, fallback=date(2021, 8, 16))
    series.refresh_from_db()
    assert series.recur_until == date(2021, 8, 31)
    assert create_due_instances(today=date(2026, 12, 6)) == 0
    assert [i.period_start for i in series.instances.all()] == [date(2021, 8, 1)]
