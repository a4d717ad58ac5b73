"""Recurrences ("hàng tháng"), spans counted from an event ("15 ngày kể từ ngày ký") and
the words of urgency that are no time at all."""

from __future__ import annotations

from datetime import date

import pytest

from chidao.extract.dates import find_times
from chidao.extract.model import TimeMention

MONDAY = date(2021, 8, 16)  # a Monday, the date of Công văn 2658/UBND-KT
FRIDAY = date(2021, 8, 20)


def only(text: str, **kwargs: date | None) -> TimeMention:
    found = find_times(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("hàng ngày", "daily"),
        ("hằng ngày", "daily"),
        ("mỗi ngày", "daily"),
        ("định kỳ hàng ngày", "daily"),
        ("hàng tuần", "weekly"),
        ("hằng tuần", "weekly"),
        ("định kỳ hàng tuần", "weekly"),
        ("mỗi tuần", "weekly"),
        ("hàng tháng", "monthly"),
        ("hằng tháng", "monthly"),
        ("định kỳ hàng tháng", "monthly"),
        ("báo cáo định kỳ hàng tháng", "monthly"),
        ("báo cáo tháng", "monthly"),
        ("định kỳ tháng", "monthly"),
        ("hàng quý", "quarterly"),
        ("hằng quý", "quarterly"),
        ("định kỳ hàng quý", "quarterly"),
        ("định kỳ quý", "quarterly"),
        ("báo cáo quý", "quarterly"),
        ("hàng năm", "yearly"),
        ("hằng năm", "yearly"),
        ("định kỳ hàng năm", "yearly"),
        ("báo cáo năm", "yearly"),
        ("Hằng Năm", "yearly"),
    ],
)
def test_recurrence_words_give_the_recurrence(text: str, recurrence: str) -> None:
    mention = only(f"thực hiện {text} theo quy định", doc_date=MONDAY)
    assert (mention.kind, mention.recurrence, mention.value) == ("recurrence", recurrence, None)
    assert mention.rule == f"recurrence:{recurrence}"


def test_a_recurrence_mention_covers_the_whole_phrase() -> None:
    text = "kết quả thực hiện tại báo cáo định kỳ hàng tháng, kịp thời báo cáo"
    mention = only(text)
    assert text[mention.start : mention.end] == "báo cáo định kỳ hàng tháng"


@pytest.mark.parametrize(
    "text",
    [
        "báo cáo năm 2021",
        "báo cáo tháng 8",
        "báo cáo quý I",
        "định kỳ tháng 8/2021",
        "báo cáo tháng này",
        "hàng ngàn người",
        "hàng hóa",
    ],
)
def test_a_report_of_one_named_period_is_not_a_recurrence(text: str) -> None:
    assert [m for m in find_times(text, doc_date=MONDAY) if m.kind == "recurrence"] == []


@pytest.mark.parametrize(
    ("text", "recurrence", "rule"),
    [
        ("trước ngày 20 hằng tháng", "monthly", "recurrence:monthly-day"),
        ("vào ngày 25 hàng tháng", "monthly", "recurrence:monthly-day"),
        ("chậm nhất ngày 15 hàng quý", "quarterly", "recurrence:quarterly-day"),
        ("trước ngày 15/12 hằng năm", "yearly", "recurrence:yearly-day"),
        ("trước 16h00 thứ Sáu hằng tuần", "weekly", "recurrence:weekly-day"),
        ("vào thứ 6 hàng tuần", "weekly", "recurrence:weekly-day"),
        ("chủ nhật hằng tuần", "weekly", "recurrence:weekly-day"),
    ],
)
def test_a_day_of_each_period_is_one_recurrence_mention(
    text: str, recurrence: str, rule: str
) -> None:
    mention = only(text, doc_date=MONDAY)
    assert (mention.kind, mention.recurrence, mention.value, mention.rule) == (
        "recurrence",
        recurrence,
        None,
        rule,
    )
    assert (mention.start, mention.end) == (0, len(text))


def test_an_impossible_day_of_the_month_leaves_only_the_plain_recurrence() -> None:
    text = "trước ngày 35 hằng tháng"
    mention = only(text)
    assert (text[mention.start : mention.end], mention.rule) == ("hằng tháng", "recurrence:monthly")


@pytest.mark.parametrize(
    ("text", "recurrence", "rule"),
    [
        ("6 tháng một lần", None, "recurrence:half-year"),
        ("06 tháng/lần", None, "recurrence:half-year"),
        ("định kỳ 6 tháng", None, "recurrence:half-year"),
        ("định kỳ 6 tháng một lần", None, "recurrence:half-year"),
        ("định kỳ 3 tháng", "quarterly", "recurrence:every-n-months"),
        ("3 tháng một lần", "quarterly", "recurrence:every-n-months"),
        ("định kỳ 12 tháng", "yearly", "recurrence:every-n-months"),
        ("1 tuần 1 lần", "weekly", "recurrence:every-n-weeks"),
        ("2 tuần một lần", None, "recurrence:every-n-weeks"),
        ("định kỳ 1 năm", "yearly", "recurrence:every-n-years"),
    ],
)
def test_every_n_periods_maps_to_a_recurrence_only_when_the_contract_has_one(
    text: str, recurrence: str | None, rule: str
) -> None:
    mention = only(text)
    assert (mention.kind, mention.recurrence, mention.rule) == ("recurrence", recurrence, rule)


def test_the_half_year_report_is_a_period_not_a_recurrence() -> None:
    mention = only("báo cáo định kỳ 6 tháng đầu năm 2021")
    assert (mention.kind, mention.value) == ("period", date(2021, 6, 30))


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("trong thời hạn 15 ngày kể từ ngày ký", date(2021, 8, 31), "relative:days"),
        ("trong vòng 30 ngày kể từ ngày ban hành", date(2021, 9, 15), "relative:days"),
        ("trong 07 ngày làm việc kể từ ngày ký", date(2021, 8, 25), "relative:working-days"),
        ("trong 5 ngày làm việc kể từ ngày ký", date(2021, 8, 23), "relative:working-days"),
        ("trong 2 tuần kể từ ngày ký văn bản này", date(2021, 8, 30), "relative:weeks"),
        ("trong 3 tháng kể từ ngày ký ban hành", date(2021, 11, 16), "relative:months"),
        ("không quá 10 ngày, kể từ ngày ký", date(2021, 8, 26), "relative:days"),
        ("trong 10 ngày kể từ ngày 1/9/2021", date(2021, 9, 11), "relative:days"),
    ],
)
def test_a_span_counted_from_the_signing_date_is_resolved_from_the_document_date(
    text: str, expected: date, rule: str
) -> None:
    mention = only(text, doc_date=MONDAY)
    assert (mention.kind, mention.value, mention.rule) == ("relative", expected, rule)
    assert (mention.start, mention.end) == (0, len(text))


def test_working_days_skip_the_weekend() -> None:
    mention = only("trong 3 ngày làm việc kể từ ngày ký", doc_date=FRIDAY)
    assert mention.value == date(2021, 8, 25)  # Mon 23, Tue 24, Wed 25


def test_working_days_counted_from_a_saturday_start_on_monday() -> None:
    mention = only("trong 1 ngày làm việc kể từ ngày ký", doc_date=date(2021, 8, 21))
    assert mention.value == date(2021, 8, 23)


def test_a_month_later_than_a_31st_is_the_end_of_the_shorter_month() -> None:
    mention = only("trong 1 tháng kể từ ngày ký", doc_date=date(2021, 1, 31))
    assert mention.value == date(2021, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "sau 10 ngày kể từ ngày nhận được văn bản",
        "trong 07 ngày làm việc",
        "Sau 2 ngày làm việc",
        "trong 30 ngày kể từ ngày văn bản có hiệu lực",
    ],
)
def test_a_span_from_another_event_or_from_nothing_has_no_value(text: str) -> None:
    mention = only(text, doc_date=MONDAY)
    assert mention.kind == "relative"
    assert mention.value is None


def test_a_span_from_the_signing_date_has_no_value_without_a_document_date() -> None:
    mention = only("trong thời hạn 15 ngày kể từ ngày ký", today=MONDAY)
    assert (mention.kind, mention.value) == ("relative", None)


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("trong tuần", date(2021, 8, 22), "relative:this-week"),
        ("ngay trong tuần này", date(2021, 8, 22), "relative:this-week"),
        ("tuần tới", date(2021, 8, 29), "relative:next-week"),
        ("trong tuần sau", date(2021, 8, 29), "relative:next-week"),
        ("trong tháng này", date(2021, 8, 31), "relative:this-month"),
        ("trong tháng", date(2021, 8, 31), "relative:this-month"),
        ("tháng sau", date(2021, 9, 30), "relative:next-month"),
        ("trong tháng tới", date(2021, 9, 30), "relative:next-month"),
    ],
)
def test_this_or_next_week_or_month_ends_with_that_week_or_month(
    text: str, expected: date, rule: str
) -> None:
    mention = only(text, doc_date=MONDAY)
    assert (mention.kind, mention.value, mention.rule) == ("relative", expected, rule)


def test_next_month_from_december_is_january_of_next_year() -> None:
    assert only("tháng tới", doc_date=date(2021, 12, 10)).value == date(2022, 1, 31)


@pytest.mark.parametrize(
    "text", ["trong tuần qua", "trong tháng qua", "3 tháng sau", "5 năm tới", "trong tháng trước"]
)
def test_past_weeks_and_durations_are_not_relative_deadlines(text: str) -> None:
    assert find_times(text, doc_date=MONDAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "để dập dịch trong thời gian sớm nhất",
        "khẩn trương tổ chức thực hiện hiệu quả",
        "khoanh vùng kịp thời, thực hiện nghiêm việc cách ly",
        "phòng, chống tham nhũng hiệu quả, ngay tại cơ sở",
        "thường xuyên tổ chức kiểm tra việc thực hiện",
        "trong thời gian tới",
        "ngày càng phát triển",
    ],
)
def test_vague_urgency_is_not_a_time_mention(text: str) -> None:
    assert find_times(text, doc_date=MONDAY) == []


@pytest.mark.parametrize(
    ("signed", "text", "due"),
    [
        # Thursday 12/02/2026: Friday 13 counts, Tết (16–20/02) and the weekends do not
        (date(2026, 2, 12), "trong 07 ngày làm việc kể từ ngày ký", date(2026, 3, 2)),
        # 29/04/2026: 30/4 and 1/5 are holidays, 2–3/5 a weekend
        (date(2026, 4, 29), "trong 03 ngày làm việc kể từ ngày ký", date(2026, 5, 6)),
        # an ordinary week
        (date(2026, 3, 2), "trong 05 ngày làm việc kể từ ngày ký", date(2026, 3, 9)),
    ],
)
def test_working_days_skip_weekends_and_vietnams_public_holidays(signed, text, due):
    [mention] = [t for t in find_times(text, doc_date=signed) if t.kind == "relative"]
    assert mention.value == due
