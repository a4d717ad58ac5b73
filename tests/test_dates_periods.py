"""Months, quarters, years, parts of years and multi-year spans, with or without a marker."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from chidao.extract.dates import find_times
from chidao.extract.model import TimeMention

DOC = date(2021, 8, 16)


def only(text: str, **kwargs: date | None) -> TimeMention:
    found = find_times(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


def described(text: str, **kwargs: date | None) -> list[tuple[str, str, date | None, str]]:
    """(surface, kind, value, rule) of every mention, for whole-sentence checks."""
    return [(text[m.start : m.end], m.kind, m.value, m.rule) for m in find_times(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("hoàn thành trong tháng 8/2021", date(2021, 8, 31), "deadline:within-month"),
        ("trong tháng 8/2021", date(2021, 8, 31), "deadline:within-month"),
        ("trong tháng 8 năm 2021", date(2021, 8, 31), "deadline:within-month"),
        ("trong tháng 02/2024", date(2024, 2, 29), "deadline:within-month"),
        ("chậm nhất tháng 9", date(2021, 9, 30), "deadline:by-month"),
        ("đến tháng 10/2021", date(2021, 10, 31), "deadline:until-month"),
        ("trong Quý III/2021", date(2021, 9, 30), "deadline:within-quarter"),
        ("trong quý 3 năm 2021", date(2021, 9, 30), "deadline:within-quarter"),
        ("hoàn thành trong quý IV", date(2021, 12, 31), "deadline:within-quarter"),
        ("trong năm 2021", date(2021, 12, 31), "deadline:within-year"),
        ("trong năm nay", date(2021, 12, 31), "deadline:within-year"),
        ("đến hết năm 2021", date(2021, 12, 31), "deadline:until-year"),
        ("cả năm 2021", date(2021, 12, 31), "deadline:whole-year"),
        ("trong 6 tháng đầu năm 2021", date(2021, 6, 30), "deadline:within-first-n-months"),
        ("trong 6 tháng cuối năm 2021", date(2021, 12, 31), "deadline:within-last-n-months"),
    ],
)
def test_a_marker_before_a_period_makes_a_deadline_on_its_last_day(
    text: str, expected: date, rule: str
) -> None:
    mention = only(text, doc_date=DOC)
    assert (mention.kind, mention.value, mention.rule) == ("deadline", expected, rule)


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("trước Quý IV/2021", date(2021, 9, 30), "deadline:before-quarter"),
        ("trước quý I năm 2022", date(2021, 12, 31), "deadline:before-quarter"),
        ("trước tháng 8/2021", date(2021, 7, 31), "deadline:before-month"),
        ("trước tháng 3/2024", date(2024, 2, 29), "deadline:before-month"),
        ("trước năm 2025", date(2024, 12, 31), "deadline:before-year"),
    ],
)
def test_before_a_period_means_by_the_day_before_it_starts(
    text: str, expected: date, rule: str
) -> None:
    mention = only(text, doc_date=DOC)
    assert (mention.kind, mention.value, mention.rule) == ("deadline", expected, rule)


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("cuối năm 2021", date(2021, 12, 31), "deadline:end-of-year"),
        ("đến cuối năm 2021", date(2021, 12, 31), "deadline:end-of-year"),
        ("cuối năm", date(2021, 12, 31), "deadline:end-of-year"),
        ("cuối năm nay", date(2021, 12, 31), "deadline:end-of-year"),
        ("Cuối tháng 9", date(2021, 9, 30), "deadline:end-of-month"),
        ("cuối tháng 2/2024", date(2024, 2, 29), "deadline:end-of-month"),
        ("cuối tháng", date(2021, 8, 31), "deadline:end-of-month"),
        ("cuối Quý III/2021", date(2021, 9, 30), "deadline:end-of-quarter"),
        ("cuối quý", date(2021, 9, 30), "deadline:end-of-quarter"),
        ("đầu tháng 10/2021", date(2021, 10, 10), "deadline:start-of-month"),
        ("giữa tháng 10", date(2021, 10, 15), "deadline:mid-month"),
        ("giữa tháng", date(2021, 8, 15), "deadline:mid-month"),
    ],
)
def test_the_end_start_or_middle_of_a_period_is_a_deadline_by_itself(
    text: str, expected: date, rule: str
) -> None:
    mention = only(text, doc_date=DOC)
    assert (mention.kind, mention.value, mention.rule) == ("deadline", expected, rule)


@pytest.mark.parametrize("text", ["ngay từ những tháng đầu năm", "giữa năm", "đầu quý"])
def test_vague_parts_of_a_year_are_not_deadlines(text: str) -> None:
    assert find_times(text, doc_date=DOC) == []


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("nhiệm vụ trọng tâm tháng 2/2021", date(2021, 2, 28), "period:month"),
        ("phiên họp thường kỳ tháng 6 năm 2021", date(2021, 6, 30), "period:month"),
        ("thường kỳ thảng 5 năm 2020", date(2020, 5, 31), "period:month"),
        ("tháng 12-2020", date(2020, 12, 31), "period:month"),
        ("kiểm điểm công tác tháng 1", date(2021, 1, 31), "period:month"),
        ("Quý III/2021", date(2021, 9, 30), "period:quarter"),
        ("quý I năm 2022", date(2022, 3, 31), "period:quarter"),
        ("quý 2", date(2021, 6, 30), "period:quarter"),
        ("kế hoạch năm 2020", date(2020, 12, 31), "period:year"),
        ("năm nay", date(2021, 12, 31), "period:year"),
        ("năm tới", date(2022, 12, 31), "period:next-year"),
        ("6 tháng đầu năm 2021", date(2021, 6, 30), "period:first-n-months"),
        ("9 tháng đầu năm", date(2021, 9, 30), "period:first-n-months"),
        ("6 tháng cuối năm 2021", date(2021, 12, 31), "period:last-n-months"),
    ],
)
def test_a_period_without_a_marker_is_a_period_ending_on_its_last_day(
    text: str, expected: date, rule: str
) -> None:
    mention = only(text, doc_date=DOC)
    assert (mention.kind, mention.value, mention.rule) == ("period", expected, rule)


def test_a_period_with_no_known_year_has_no_value() -> None:
    mention = only("tháng 8")
    assert (mention.kind, mention.value, mention.rule) == ("period", None, "period:month")


@pytest.mark.parametrize(
    "text", ["tháng 13/2021", "quý V/2021", "quý 5", "15 tháng đầu năm", "0 tháng đầu năm"]
)
def test_a_month_or_quarter_that_does_not_exist_is_not_reported(text: str) -> None:
    assert find_times(text, doc_date=DOC) == []


def test_a_list_of_quarters_gives_one_period_each_in_the_documents_year() -> None:
    text = "26 nhiệm vụ của Quý I, 54 nhiệm vụ của Quý II, 85 nhiệm vụ của Quý III, Quý IV"
    values = [m.value for m in find_times(text, doc_date=DOC)]
    assert values == [date(2021, 3, 31), date(2021, 6, 30), date(2021, 9, 30), date(2021, 12, 31)]


@pytest.mark.parametrize(
    ("text", "last", "rule"),
    [
        ("chuẩn bị khai giảng năm học mới 2021-2022", 2022, "span:year-range"),
        ("từ năm học 2026 - 2027", 2027, "span:school-year"),
        ("niên khóa 2020-2021", 2021, "span:school-year"),
        ("giai đoạn 2021-2025", 2025, "span:period-range"),
        ("giai đoạn 2021 – 2025", 2025, "span:period-range"),
        ("nhiệm kỳ 2021-2026", 2026, "span:term"),
        ("Chính phủ điện tử 2019 - 2020", 2020, "span:year-range"),
        ("trong các năm 2021-2022", 2022, "span:year-range"),
        ("từ năm 2021 đến năm 2025", 2025, "span:year-range"),
        ("đến năm 2025", 2025, "span:until-year"),
        ("định hướng đến 2025", 2025, "span:vision"),
        ("tầm nhìn đến năm 2030", 2030, "span:vision"),
        ("tầm nhìn 2045", 2045, "span:vision"),
    ],
)
def test_multi_year_spans_and_horizons_are_spans_ending_on_the_last_years_last_day(
    text: str, last: int, rule: str
) -> None:
    mention = only(text, doc_date=DOC)
    assert (mention.kind, mention.value, mention.rule) == ("span", date(last, 12, 31), rule)


def test_a_year_inside_a_span_is_not_reported_on_its_own() -> None:
    text = "năm học 2021-2022 và trong năm 2021-2022"
    assert [m.kind for m in find_times(text, doc_date=DOC)] == ["span", "span"]


@pytest.mark.parametrize("text", ["2022-2021", "giai đoạn 2021-2021", "1990-2100"])
def test_a_backwards_empty_or_century_long_year_range_is_not_a_span(text: str) -> None:
    assert [m for m in find_times(text) if m.kind == "span"] == []


def test_a_news_report_is_read_mention_by_mention() -> None:
    text = (
        "giải ngân vốn đầu tư công giai đoạn 2019 - 2020, định hướng đến 2025; nhất là việc "
        "hoàn thành chỉ tiêu 30% dịch vụ công trực tuyến mức độ 4 trong năm 2020"
    )
    assert described(text, doc_date=date(2020, 6, 24)) == [
        ("giai đoạn 2019 - 2020", "span", date(2020, 12, 31), "span:period-range"),
        ("định hướng đến 2025", "span", date(2025, 12, 31), "span:vision"),
        ("trong năm 2020", "deadline", date(2020, 12, 31), "deadline:within-year"),
    ]


def test_a_directive_paragraph_gives_its_deadline_and_its_context() -> None:
    text = (
        "Trong 7 tháng đầu năm 2021, Thành phố đã thực hiện đồng bộ các giải pháp; "
        "phấn đấu đạt mục tiêu giải ngân đề ra đến cuối năm 2021 tại Nghị quyết số "
        "63/NQ-CP ngày 29/6/2021 của Chính phủ."
    )
    assert described(text, doc_date=DOC) == [
        (
            "Trong 7 tháng đầu năm 2021",
            "deadline",
            date(2021, 7, 31),
            "deadline:within-first-n-months",
        ),
        ("đến cuối năm 2021", "deadline", date(2021, 12, 31), "deadline:end-of-year"),
        ("ngày 29/6/2021", "date", date(2021, 6, 29), "date:day-context"),
    ]


def test_mentions_come_sorted_and_never_overlap() -> None:
    text = (
        "tháng 1, nhiệm vụ trọng tâm tháng 2/2021, Quý I/2021, năm học 2021-2022, "
        "cả năm 2021, 6 tháng đầu năm 2021, trước ngày 30/9, hàng tháng"
    )
    found = find_times(text, doc_date=DOC)
    assert len(found) == 8
    for before, after in pairwise(found):
        assert before.end <= after.start


def test_the_end_of_a_month_left_blank_in_a_form_is_no_deadline():
    assert find_times("báo cáo chậm nhất là cuối tháng ... để tổng hợp", doc_date=DOC) == []
    assert only("báo cáo chậm nhất là cuối tháng 9", doc_date=DOC).value == date(2021, 9, 30)
