"""Where a recurring task's instances fall due, as its text says, and which periods get
one (chidao/tracking/recurrence.py: pure, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from chidao.common.periods import MONTH, QUARTER, WEEK, YEAR, of_kind
from chidao.tracking.recurrence import (
    NO_DAY,
    DueDay,
    due_from_deadline,
    due_from_text,
    due_on,
    instance_periods,
)


@pytest.mark.parametrize(
    ("text", "recurrence", "due"),
    [
        ("Báo cáo kết quả trước ngày 20 hằng tháng.", "monthly", DueDay(20)),
        ("gửi báo cáo vào ngày 25 hàng tháng", "monthly", DueDay(25)),
        ("Tổng hợp, báo cáo trước 25/01 hằng năm.", "yearly", DueDay(25, 1)),
        ("báo cáo UBND Thành phố trước ngày 15/12 hằng năm", "yearly", DueDay(15, 12)),
        ("chậm nhất ngày 15 hàng quý gửi báo cáo", "quarterly", DueDay(15)),
        ("báo cáo trước ngày 10/2 hằng quý", "quarterly", DueDay(10, 2)),
        ("báo cáo trước 16h00 thứ Sáu hằng tuần", "weekly", DueDay(5)),
        ("vào thứ 2 hàng tuần giao ban", "weekly", DueDay(1)),
        ("họp chủ nhật hằng tuần", "weekly", DueDay(7)),
        ("Thường xuyên kiểm tra, báo cáo định kỳ hàng tháng.", "monthly", NO_DAY),
        ("Báo cáo trước ngày 20 hằng tháng.", "yearly", NO_DAY),  # not its recurrence
    ],
)
def test_the_due_day_is_read_from_the_text(text: str, recurrence: str, due: DueDay) -> None:
    assert due_from_text(recurrence, text) == due


def test_each_form_falls_due_on_its_day_of_the_period() -> None:
    day = date(2027, 2, 10)
    assert due_on("monthly", of_kind(MONTH, day), DueDay(20)) == date(2027, 2, 20)
    assert due_on("monthly", of_kind(MONTH, day), DueDay(31)) == date(2027, 2, 28)
    assert due_on("yearly", of_kind(YEAR, day), DueDay(25, 1)) == date(2027, 1, 25)
    assert due_on("quarterly", of_kind(QUARTER, day), DueDay(15)) == date(2027, 3, 15)
    assert due_on("quarterly", of_kind(QUARTER, day), DueDay(10, 2)) == date(2027, 2, 10)
    assert due_on("weekly", of_kind(WEEK, day), DueDay(5)) == date(2027, 2, 12)  # a Friday
    assert due_on("monthly", of_kind(MONTH, day), NO_DAY) == date(2027, 2, 28)


def test_a_reviewers_deadline_stands_for_its_day_of_the_period() -> None:
    assert due_from_deadline("monthly", date(2026, 12, 15)) == DueDay(15)
    assert due_from_deadline("quarterly", date(2026, 11, 5)) == DueDay(5, 2)
    assert due_from_deadline("yearly", date(2027, 1, 25)) == DueDay(25, 1)
    assert due_from_deadline("weekly", date(2026, 12, 11)) == DueDay(5)


def test_the_first_instance_is_the_first_due_on_or_after_the_start() -> None:
    periods = instance_periods(
        "monthly", DueDay(20), start=date(2026, 11, 21), today=date(2026, 11, 21)
    )
    assert [(p.start, due) for p, due in periods] == [(date(2026, 12, 1), date(2026, 12, 20))]
    periods = instance_periods(
        "monthly", DueDay(20), start=date(2026, 11, 10), today=date(2027, 1, 2)
    )
    assert [due for _p, due in periods] == [
        date(2026, 11, 20), date(2026, 12, 20), date(2027, 1, 20),
    ]  # fmt: skip
    yearly = instance_periods(
        "yearly", DueDay(25, 1), start=date(2026, 11, 21), today=date(2026, 11, 21)
    )
    assert [due for _p, due in yearly] == [date(2027, 1, 25)]


def test_a_kept_deadline_is_its_periods_deadline() -> None:
    periods = instance_periods(
        "monthly", DueDay(20), start=date(2026, 11, 21), today=date(2027, 1, 5),
        kept=date(2026, 12, 15),
    )  # fmt: skip
    assert [due for _p, due in periods] == [date(2026, 12, 15), date(2027, 1, 20)]


def test_an_ended_series_makes_nothing_past_its_end() -> None:
    periods = instance_periods(
        "monthly", NO_DAY, start=date(2021, 8, 16), today=date(2026, 12, 6),
        until=date(2021, 9, 30),
    )  # fmt: skip
    assert [p.start for p, _due in periods] == [date(2021, 8, 1), date(2021, 9, 1)]
    after = instance_periods(
        "monthly", NO_DAY, start=date(2021, 8, 16), today=date(2026, 12, 6),
        until=date(2021, 7, 31),
    )  # fmt: skip
    assert list(after) == []
