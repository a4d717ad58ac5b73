"""A recurring task (báo cáo hằng tháng) yields one instance per period, each with its
own assignments and a deadline at the period's end."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from chidao.common.periods import DAY, MONTH, QUARTER, WEEK, YEAR, of_kind, periods_until
from chidao.tracking.models import Assignment, Recurrence
from chidao.tracking.services import PERIOD_OF, create_instances
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
        document=document, today=date(2026, 11, 21),
    )  # fmt: skip
    instances = list(series.instances.order_by("period_start"))
    assert [(i.period_start, i.deadline) for i in instances] == [
        (date(2026, 9, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 10, 31)),
        (date(2026, 11, 1), date(2026, 11, 30)),
    ]
    assert not Assignment.objects.filter(task=series).exists()
    assert Assignment.objects.filter(task__series=series).count() == 6


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

    document = make_document(office, issued_on=date(2026, 10, 2))
    series = make_task(
        office, [agency_a], recurrence="monthly", document=document, today=date(2026, 10, 20)
    )
    set_today(monkeypatch, date(2026, 11, 2))
    call_command("recurring_instances", stdout=StringIO())
    call_command("recurring_instances", stdout=StringIO())
    assert [t.period_start for t in series.instances.order_by("period_start")] == [
        date(2026, 10, 1),
        date(2026, 11, 1),
    ]
