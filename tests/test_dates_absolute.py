"""Calendar dates and dated deadlines: what ``find_times`` reads and what it refuses."""

from __future__ import annotations

from datetime import date

import pytest

from chidao.extract.dates import find_times, last_day, parse_date_phrase
from chidao.extract.model import TimeMention

DOC = date(2021, 8, 16)  # the date of Công văn 2658/UBND-KT


def only(text: str, **kwargs: date | None) -> TimeMention:
    """The single mention found in ``text``; fails if there is not exactly one."""
    found = find_times(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


def surface(text: str, mention: TimeMention) -> str:
    return text[mention.start : mention.end]


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("Hà Nội, ngày 16 tháng 8 năm 2021", date(2021, 8, 16), "date:text"),
        ("ký ngày 16 tháng 08, năm 2021", date(2021, 8, 16), "date:text"),
        ("16/8/2021", date(2021, 8, 16), "date:numeric"),
        ("19-6-2020", date(2020, 6, 19), "date:numeric"),
        ("Đăng 24-06-2020 09:15", date(2020, 6, 24), "date:numeric"),
        ("16.8.2021", date(2021, 8, 16), "date:numeric"),
        ("ngày 14/7/2021", date(2021, 7, 14), "date:day-context"),
        ("ngày 29-5-2020", date(2020, 5, 29), "date:day-context"),
        ("Ngày 19/01/2021", date(2021, 1, 19), "date:day-context"),
        ("ngày 14 / 7 / 2021", date(2021, 7, 14), "date:day-context"),
        ("(16/8/2021)", date(2021, 8, 16), "date:parenthesised"),
    ],
)
def test_a_date_with_its_year_is_read_exactly(text: str, expected: date, rule: str) -> None:
    mention = only(text)
    assert (mention.kind, mention.value, mention.rule) == ("date", expected, rule)


def test_the_span_of_a_date_covers_its_day_word() -> None:
    text = "Hà Nội, ngày 16 tháng 8 năm 2021"
    assert surface(text, only(text)) == "ngày 16 tháng 8 năm 2021"


@pytest.mark.parametrize(
    ("text", "expected_surface"),
    [
        ("chiều 14/12, Bí thư nhấn mạnh", "chiều 14/12"),
        ("Sáng ngày 26/12, Hội đồng", "Sáng ngày 26/12"),
        ("Tối 26/12, tại Nhà hát", "Tối 26/12"),
        ("trưa 5/1 đoàn công tác", "trưa 5/1"),
        ("Dự báo thời tiết ngày 27/12: trời rét", "ngày 27/12"),
        ("Tỷ giá USD hôm nay (27/12): tăng", "(27/12)"),
        ("Giá vàng hôm nay (27-12) ghi nhận", "(27-12)"),
        ("chiều nay (11/12), ông Chu Ngọc Anh", "(11/12)"),
    ],
)
def test_a_day_and_month_after_a_day_word_or_in_brackets_take_the_documents_year(
    text: str, expected_surface: str
) -> None:
    mention = only(text, doc_date=date(2021, 12, 27))
    assert mention.kind == "date"
    assert surface(text, mention) == expected_surface
    assert mention.value is not None and mention.value.year == 2021


def test_without_a_document_date_the_missing_year_is_todays() -> None:
    assert only("ngày 27/12", today=date(2025, 3, 1)).value == date(2025, 12, 27)


def test_the_document_date_wins_over_today_for_a_missing_year() -> None:
    mention = only("ngày 27/12", doc_date=date(2021, 1, 5), today=date(2025, 3, 1))
    assert mention.value == date(2021, 12, 27)


def test_with_neither_date_a_yearless_date_is_kept_without_a_value() -> None:
    mention = only("chiều 14/12")
    assert mention.kind == "date"
    assert mention.value is None


def test_an_explicit_year_ignores_the_document_date() -> None:
    assert only("ngày 14/7/2019", doc_date=DOC).value == date(2019, 7, 14)


@pytest.mark.parametrize(
    "text",
    [
        "ngày 31/2/2021",
        "31/2/2021",
        "ngày 30 tháng 2 năm 2021",
        "ngày 29/2/2021",
        "ngày 31/4",
        "ngày 32/1/2021",
        "ngày 12/13/2021",
        "(0/5)",
        "trước ngày 31/9",
    ],
)
def test_an_impossible_date_is_not_reported(text: str) -> None:
    assert [m for m in find_times(text, doc_date=DOC) if m.kind in ("date", "deadline")] == []


def test_after_an_impossible_day_the_month_is_still_read_as_a_period() -> None:
    text = "ngày 30 tháng 2 năm 2021"
    mention = only(text)
    assert (mention.kind, mention.value) == ("period", date(2021, 2, 28))
    assert surface(text, mention) == "tháng 2 năm 2021"


def test_the_29th_of_february_exists_in_a_leap_year_only() -> None:
    assert only("ngày 29/2/2020").value == date(2020, 2, 29)
    assert find_times("ngày 29/2/2021") == []


def test_a_yearless_29th_of_february_is_kept_when_the_year_is_unknown() -> None:
    mention = only("ngày 29/2")
    assert (mention.kind, mention.value) == ("date", None)


@pytest.mark.parametrize(
    "text",
    [
        "tỷ giá dao động quanh mức 26.750 đồng/USD ở chiều mua vào",
        "tăng trưởng GRDP đạt 2,92%",
        "tỷ giá USD/VNĐ đang dao động",
        "đường dây nóng phục vụ 24/7",
        "tỷ lệ 3/4 số hộ",
        "dịch Covid-19 và F0, F1",
        "giá 1.234.567 đồng",
        "số điện thoại 024.3825.3536",
        "Nghị quyết số 75/NQ-CP",
        "Quyết định 15/2020/QĐ-TTg",
        "version 1.2.3",
    ],
)
def test_numbers_that_are_not_dates_are_not_reported(text: str) -> None:
    assert find_times(text, doc_date=DOC) == []


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        ("trước ngày 30/9", date(2021, 9, 30), "deadline:before-date"),
        ("trước ngày 30/9/2021", date(2021, 9, 30), "deadline:before-date"),
        ("Trước 15/10/2021", date(2021, 10, 15), "deadline:before-date"),
        ("xong trước 30/11", date(2021, 11, 30), "deadline:before-date"),
        ("hoàn thành trước ngày 20/10/2021", date(2021, 10, 20), "deadline:before-date"),
        ("chậm nhất ngày 15/10/2021", date(2021, 10, 15), "deadline:by-date"),
        ("chậm nhất là ngày 15/10", date(2021, 10, 15), "deadline:by-date"),
        ("chậm nhất trước ngày 20/10", date(2021, 10, 20), "deadline:before-date"),
        ("hạn chót 20/11/2021", date(2021, 11, 20), "deadline:by-date"),
        ("hạn chót là ngày 20/11", date(2021, 11, 20), "deadline:by-date"),
        ("thời hạn: ngày 25/9/2021", date(2021, 9, 25), "deadline:by-date"),
        ("đến ngày 31/12", date(2021, 12, 31), "deadline:until-date"),
        ("đến hết ngày 31/12/2021", date(2021, 12, 31), "deadline:until-date"),
        ("trong ngày 30/9", date(2021, 9, 30), "deadline:within-date"),
        ("trước 17h00 ngày 30/9/2021", date(2021, 9, 30), "deadline:before-date"),
        ("trước 16 giờ 30 phút chiều ngày 30/9", date(2021, 9, 30), "deadline:before-date"),
        ("trước ngày 16 tháng 8 năm 2021", date(2021, 8, 16), "deadline:before-date"),
    ],
)
def test_a_deadline_marker_before_a_date_makes_a_deadline_on_that_date(
    text: str, expected: date, rule: str
) -> None:
    mention = only(text, doc_date=DOC)
    assert (mention.kind, mention.value, mention.rule) == ("deadline", expected, rule)
    assert mention.start == 0 and mention.end == len(text)


def test_a_deadline_marker_lets_a_bare_day_and_month_count_as_a_date() -> None:
    assert only("trước 30/9", doc_date=DOC).value == date(2021, 9, 30)
    assert find_times("đạt 30/9", doc_date=DOC) == []


def test_a_deadline_without_a_year_is_reported_even_when_no_year_is_known() -> None:
    mention = only("trước ngày 30/9")
    assert (mention.kind, mention.value, mention.rule) == ("deadline", None, "deadline:before-date")


def test_words_that_only_look_like_markers_do_not_make_a_deadline() -> None:
    text = "kết hợp triển khai các hoạt động trước, trong và sau tết"
    assert find_times(text, doc_date=DOC) == []


def test_a_range_of_times_gives_a_date_and_an_until_deadline() -> None:
    text = "từ 23h45 ngày 31/12/2025 đến 0h00 ngày 1/1/2026"
    first, second = find_times(text)
    assert (first.kind, first.value) == ("date", date(2025, 12, 31))
    assert (second.kind, second.value, second.rule) == (
        "deadline",
        date(2026, 1, 1),
        "deadline:until-date",
    )


def test_a_citation_date_is_a_plain_date() -> None:
    text = "Chỉ thị số 19/CT-UBND ngày 29/12/2020 của Chủ tịch UBND thành phố"
    mention = only(text, doc_date=DOC)
    assert (mention.kind, mention.value) == ("date", date(2020, 12, 29))
    assert surface(text, mention) == "ngày 29/12/2020"


def test_upper_case_text_is_read_like_lower_case() -> None:
    mention = only("TRƯỚC NGÀY 30/9/2021")
    assert (mention.kind, mention.value) == ("deadline", date(2021, 9, 30))


def test_offsets_stay_right_after_a_character_that_lower_case_lengthens() -> None:
    text = "İİ trước ngày 30/9/2021"
    mention = only(text)
    assert surface(text, mention) == "trước ngày 30/9/2021"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("ngày 14/7/2021", date(2021, 7, 14)),
        ("14/7/2021", date(2021, 7, 14)),
        (" 16 tháng 8 năm 2021 ", date(2021, 8, 16)),
        ("19-6-2020", date(2020, 6, 19)),
        ("2021-08-16", date(2021, 8, 16)),
        ("ngày 14 / 7 / 2021.", date(2021, 7, 14)),
        ("Hà Nội, ngày 16 tháng 8 năm 2021", date(2021, 8, 16)),
    ],
)
def test_parse_date_phrase_reads_one_phrase(phrase: str, expected: date) -> None:
    assert parse_date_phrase(phrase) == expected


def test_parse_date_phrase_fills_a_missing_year_from_the_document_then_today() -> None:
    assert parse_date_phrase("14/7") is None
    assert parse_date_phrase("14/7", doc_date=DOC) == date(2021, 7, 14)
    assert parse_date_phrase("14/7", today=date(2024, 1, 1)) == date(2024, 7, 14)


@pytest.mark.parametrize("phrase", ["", "abc", "31/2/2021", "ngày 2021-13-01", "24/7 giờ"])
def test_parse_date_phrase_returns_none_for_what_is_not_a_date(phrase: str) -> None:
    assert parse_date_phrase(phrase, doc_date=DOC) is None


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2021, 2, date(2021, 2, 28)),
        (2020, 2, date(2020, 2, 29)),
        (1900, 2, date(1900, 2, 28)),
        (2000, 2, date(2000, 2, 29)),
        (2021, 4, date(2021, 4, 30)),
        (2021, 12, date(2021, 12, 31)),
    ],
)
def test_last_day_knows_month_lengths_and_leap_years(year: int, month: int, expected: date) -> None:
    assert last_day(year, month) == expected


@pytest.mark.parametrize("month", [0, 13, -1])
def test_last_day_refuses_a_month_outside_one_to_twelve(month: int) -> None:
    with pytest.raises(ValueError):
        last_day(2021, month)
