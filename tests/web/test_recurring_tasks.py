"""A recurring task (báo cáo hằng tháng) yields one instance per period, each with its
own assignments and a deadline at the period's end."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from chidao.tracking.models import Assignment
from chidao.tracking.periods import period_of, periods_until
from chidao.tracking.services import create_instances
from tests.web.factories import make_document, make_task
from tests.web.tracking_support import set_today


def test_periods_of_each_recurrence() -> None:
    day = date(2026, 2, 11)  # a Wednesday
    assert period_of("daily", day) == (day, day)
    assert period_of("weekly", day) == (date(2026, 2, 9), date(2026, 2, 15))
    assert period_of("monthly", day) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_of("quarterly", day) == (date(2026, 1, 1), date(2026, 3, 31))
    assert period_of("yearly", day) == (date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(ValueError):
        period_of("fortnightly", day)


def test_months_from_issue_to_today_are_listed_once_each() -> None:
    months = list(periods_until("monthly", date(2026, 9, 15), date(2026, 11, 21)))
    assert months == [
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
