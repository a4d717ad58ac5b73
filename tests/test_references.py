"""Document numbers cited in a text: the number as written, its kind, date and issuer."""

from __future__ import annotations

import random
from datetime import date
from itertools import pairwise

import pytest

from chidao.extract.model import Reference
from chidao.extract.references import find_references, is_reference_number


def only(text: str, doc_date: date | None = None) -> Reference:
    found = find_references(text, doc_date=doc_date)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("number", "kind", "issuer", "rule"),
    [
        ("75/NQ-CP", "Nghị quyết", "Chính phủ", "reference:number-code"),
        ("15/2020/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "reference:number-year-code"),
        ("3983/UBND-TKTH", "Công văn", "Ủy ban nhân dân", "reference:number-code"),
        ("08-QC/TW", "Quy chế", "Ban Chấp hành Trung ương", "reference:party"),
        ("77/2025/NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân", "reference:number-year-code"),
        ("14/CTr-UBND", "Chương trình", "Ủy ban nhân dân", "reference:number-code"),
        ("462/TB-UBND", "Thông báo", "Ủy ban nhân dân", "reference:number-code"),
        ("19/CT-UBND", "Chỉ thị", "Ủy ban nhân dân", "reference:number-code"),
        ("17/NQ-CP", "Nghị quyết", "Chính phủ", "reference:number-code"),
        ("6686/UBND-NC", "Công văn", "Ủy ban nhân dân", "reference:number-code"),
        ("30/2020/NĐ-CP", "Nghị định", "Chính phủ", "reference:number-year-code"),
        ("01/2021/TT-BTC", "Thông tư", "Bộ Tài chính", "reference:number-year-code"),
        ("05/CĐ-TTg", "Công điện", "Thủ tướng Chính phủ", "reference:number-code"),
        ("12/KH-UBND", "Kế hoạch", "Ủy ban nhân dân", "reference:number-code"),
        ("100/BC-UBND", "Báo cáo", "Ủy ban nhân dân", "reference:number-code"),
        ("2658/UBND-KT", "Công văn", "Ủy ban nhân dân", "reference:number-code"),
        ("1234/QĐ-UBND", "Quyết định", "Ủy ban nhân dân", "reference:number-code"),
        ("45/2019/QH14", "Luật", "Quốc hội", "reference:number-year-code"),
        ("12/TTr-UBND", "Tờ trình", "Ủy ban nhân dân", "reference:number-code"),
        ("15-KL/TW", "Kết luận", "Ban Chấp hành Trung ương", "reference:party"),
        ("08-QĐi/TW", "Quy định", "Ban Chấp hành Trung ương", "reference:party"),
        ("12-CTr/TU", "Chương trình", "Thành ủy", "reference:party"),
        ("1023/NQ-UBTVQH14", "Nghị quyết", "Ủy ban Thường vụ Quốc hội", "reference:number-code"),
        ("123/BYT-KCB", "Công văn", "Bộ Y tế", "reference:number-code"),
        ("1234/TTg-KGVX", "Công văn", "Thủ tướng Chính phủ", "reference:number-code"),
    ],
)
def test_a_bare_number_gives_its_kind_and_issuer_from_its_code(
    number: str, kind: str, issuer: str, rule: str
) -> None:
    text = f"thực hiện theo {number} và các văn bản liên quan"
    reference = only(text)
    assert (reference.number, reference.kind, reference.issuer, reference.rule) == (
        number,
        kind,
        issuer,
        rule,
    )
    assert text[reference.start : reference.end] == number
    assert reference.date is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nghị quyết số 75/NQ-CP", "Nghị quyết"),
        ("Nghị quyết 17/NQ-CP", "Nghị quyết"),
        ("Quyết định số 15/2020/QĐ-TTg", "Quyết định"),
        ("Công văn số 3983/UBND-TKTH", "Công văn"),
        ("Chỉ thị số 19/CT-UBND", "Chỉ thị"),
        ("Thông báo số 462/TB-UBND", "Thông báo"),
        ("Thông báo kết luận số 462/TB-UBND", "Thông báo"),
        ("Kế hoạch số 12/KH-UBND", "Kế hoạch"),
        ("Chương trình hành động số 14/CTr-UBND", "Chương trình"),
        ("Thông tư số 01/2021/TT-BTC", "Thông tư"),
        ("Nghị định số 30/2020/NĐ-CP", "Nghị định"),
        ("Luật số 45/2019/QH14", "Luật"),
        ("Luật Đầu tư số 61/2020/QH14", "Luật"),
        ("Công điện số 05/CĐ-TTg", "Công điện"),
        ("Báo cáo số 100/BC-UBND", "Báo cáo"),
        ("Tờ trình số 12/TTr-UBND", "Tờ trình"),
        ("Kết luận số 15-KL/TW", "Kết luận"),
        ("Quy định số 08-QĐi/TW", "Quy định"),
        ("Quyết định của Thủ tướng Chính phủ số 15/2020/QĐ-TTg", "Quyết định"),
        ("NGHỊ QUYẾT SỐ 75/NQ-CP", "Nghị quyết"),
        ("Nghị quyết số: 75/NQ-CP", "Nghị quyết"),
    ],
)
def test_the_document_word_before_the_number_gives_the_kind_and_starts_the_span(
    text: str, kind: str
) -> None:
    reference = only(f"Thực hiện {text} về phát triển", date(2021, 8, 16))
    assert reference.kind == kind
    assert f"Thực hiện {text} về phát triển"[reference.start :].startswith(text.split()[0])


def test_the_generic_word_van_ban_leaves_the_kind_to_the_code() -> None:
    assert only("Văn bản số 123/BYT-KCB").kind == "Công văn"
    assert only("Văn bản số 15/2020/QĐ-TTg").kind == "Quyết định"


def test_after_a_gap_of_words_a_typed_code_outweighs_the_document_word() -> None:
    text = "Kế hoạch chuyển đổi số 12/QĐ-UBND"
    reference = only(text)
    assert reference.kind == "Quyết định"
    assert reference.start == 0
    assert only("Kế hoạch của UBND Thành phố số 12/UBND-KT").kind == "Kế hoạch"


def test_a_character_that_lower_case_lengthens_does_not_shift_the_span() -> None:
    text = "İstanbul; Nghị quyết số 75/NQ-CP"
    reference = only(text)
    assert text[reference.start : reference.end] == "Nghị quyết số 75/NQ-CP"


def test_a_document_word_far_away_or_without_so_after_a_gap_is_not_used() -> None:
    reference = only("Quyết định về việc này đã rõ; 123/UBND-KT")
    assert reference.kind == "Công văn"
    assert reference.start > 0


@pytest.mark.parametrize(
    ("text", "number", "when", "issuer"),
    [
        (
            "Nghị quyết số 75/NQ-CP ngày 14/7/2021 của Chính phủ",
            "75/NQ-CP",
            date(2021, 7, 14),
            "Chính phủ",
        ),
        (
            "Quyết định số 15/2020/QĐ-TTg ngày 24-4-2020 của Thủ tướng Chính phủ",
            "15/2020/QĐ-TTg",
            date(2020, 4, 24),
            "Thủ tướng Chính phủ",
        ),
        (
            "Chỉ thị số 19/CT-UBND ngày 29/12/2020 của Chủ tịch UBND thành phố",
            "19/CT-UBND",
            date(2020, 12, 29),
            "Chủ tịch Ủy ban nhân dân Thành phố",
        ),
        (
            "Thông báo số 462/TB-UBND ngày 28/6/2021 của UBND Thành phố",
            "462/TB-UBND",
            date(2021, 6, 28),
            "Ủy ban nhân dân Thành phố",
        ),
        (
            "Nghị quyết số 77/2025/NQ-HĐND của Hội đồng nhân dân (HĐND) Thành phố",
            "77/2025/NQ-HĐND",
            None,
            "Hội đồng nhân dân Thành phố",
        ),
        (
            "Kết luận số 15-KL/TW ngày 16 tháng 8 năm 2021 của Bộ Chính trị",
            "15-KL/TW",
            date(2021, 8, 16),
            "Bộ Chính trị",
        ),
        (
            "Nghị quyết số 30/NQ-HĐND của HĐND Thành phố",
            "30/NQ-HĐND",
            None,
            "Hội đồng nhân dân Thành phố",
        ),
        (
            "Thông tư số 01/2021/TT-BTC ngày 5/1/2021 của Bộ Tài chính",
            "01/2021/TT-BTC",
            date(2021, 1, 5),
            "Bộ Tài chính",
        ),
    ],
)
def test_the_date_and_issuer_after_the_number_are_read(
    text: str, number: str, when: date | None, issuer: str
) -> None:
    reference = only(f"theo {text}; đồng thời")
    assert (reference.number, reference.date, reference.issuer) == (number, when, issuer)
    assert f"theo {text}; đồng thời"[reference.start : reference.end] == text


def test_a_citation_broken_over_lines_is_read_whole() -> None:
    text = "V/v thực hiện Nghị quyết số  \n75/NQ-CP ngày 14/7/2021 của  \nChính phủ"
    reference = only(text)
    assert (reference.number, reference.kind, reference.date, reference.issuer) == (
        "75/NQ-CP",
        "Nghị quyết",
        date(2021, 7, 14),
        "Chính phủ",
    )


def test_a_date_without_a_year_takes_the_numbers_year_then_the_documents() -> None:
    assert only("Quyết định 15/2020/QĐ-TTg ngày 24/4").date == date(2020, 4, 24)
    assert only("Công điện số 05/CĐ-TTg ngày 5/3", date(2021, 8, 16)).date == date(2021, 3, 5)
    assert only("Công điện số 05/CĐ-TTg ngày 5/3").date is None


def test_an_impossible_date_after_a_number_is_ignored() -> None:
    reference = only("Nghị quyết số 75/NQ-CP ngày 31/2/2021 của Chính phủ")
    assert reference.date is None
    assert reference.issuer == "Chính phủ"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Nghị quyết 75/NQ–CP", "75/NQ-CP"),
        ("số 1234 /QĐ-UBND", "1234/QĐ-UBND"),
        ("số 15/ 2020/ QĐ-TTg", "15/2020/QĐ-TTg"),
        ("số 08 - QC/TW", "08-QC/TW"),
    ],
)
def test_the_number_is_kept_as_written_without_spaces_and_with_plain_dashes(
    text: str, number: str
) -> None:
    assert only(text).number == number


@pytest.mark.parametrize(
    "text",
    [
        "tỷ giá quanh mức 26.750 đồng/USD ở chiều mua vào",
        "tỷ giá USD/VNĐ đang dao động",
        "khai giảng năm học 2021-2022",
        "phục vụ 24/7",
        "ngày 14/7/2021",
        "cách ly F1, điều trị F0 tại nhà",
        "GRDP đạt 2,92%",
        "phòng chống dịch COVID-19/Covid-19",
        "tốc độ 60 km/h",
        "diện tích 5 m2/người",
        "gọi 024.3825.3536 hoặc 0243-825-353",
        "xem http://hanoi.gov.vn/vb/1234/QĐ-UBND và www.x.vn/12/KH-UBND",
        "giá 50/USD",
        "tỷ lệ 3/4",
        "75/nq-cp viết thường",
        "số 123456/QĐ-UBND",
    ],
)
def test_things_that_only_look_like_numbers_are_not_references(text: str) -> None:
    assert find_references(text) == []


def test_a_one_segment_code_needs_a_known_code_digits_a_year_or_a_document_word() -> None:
    assert only("số 123/UBND").issuer == "Ủy ban nhân dân"
    assert only("45/2019/QH14").kind == "Luật"
    assert only("Công văn số 50/ABC").kind == "Công văn"
    assert find_references("số 50/ABC") == []


def test_every_occurrence_is_reported_in_order() -> None:
    text = (
        "Thực hiện Nghị quyết số 63/NQ-CP ngày 29/6/2021 của Chính phủ. Sở Kế hoạch và Đầu tư "
        "tham mưu theo chỉ đạo tại Nghị quyết số 63/NQ-CP của Chính phủ và Thông báo số "
        "462/TB-UBND ngày 28/6/2021 của UBND Thành phố."
    )
    found = find_references(text)
    assert [r.number for r in found] == ["63/NQ-CP", "63/NQ-CP", "462/TB-UBND"]
    assert [r.date for r in found] == [date(2021, 6, 29), None, date(2021, 6, 28)]
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_a_text_without_a_slash_has_no_reference() -> None:
    assert find_references("Không có văn bản nào được trích dẫn.") == []


@pytest.mark.parametrize(
    "number",
    ["75/NQ-CP", " 15/2020/QĐ-TTg ", "08-QC/TW", "45/2019/QH14", "123/UBND", "14/CTr-UBND"],
)
def test_is_reference_number_accepts_document_numbers(number: str) -> None:
    assert is_reference_number(number)


@pytest.mark.parametrize(
    "text", ["24/7", "USD/VNĐ", "50/USD", "14/7/2021", "75/NQ-CP ngày", "", "2021-2022", "F0"]
)
def test_is_reference_number_refuses_anything_else(text: str) -> None:
    assert not is_reference_number(text)


@pytest.mark.parametrize(
    "hostile",
    [
        "1/" * 200_000,
        "1" * 400_000,
        ("1/" + "A" * 40 + "-") * 10_000,
        "Nghị quyết số " * 30_000,
        "".join(
            random.Random(7).choice(["1", "2", "/", "-", "QĐ", "UBND", " ", "số "])
            for _ in range(150_000)
        ),
    ],
    ids=["slashes", "digits", "long-codes", "document-words", "random-pieces"],
)
def test_hostile_input_is_scanned_without_error(hostile: str) -> None:
    for reference in find_references(hostile):
        assert 0 <= reference.start < reference.end <= len(hostile)
        assert is_reference_number(reference.number)


def test_long_issuer_codes_with_vietnamese_capitals_are_kept_whole():
    refs = find_references(
        "Thực hiện Kế hoạch số 1021/KH-BCĐTƯVSATTP ngày 10/3/2021 của Ban Chỉ đạo."
    )
    assert [r.number for r in refs] == ["1021/KH-BCĐTƯVSATTP"]


def test_a_department_by_its_numeral_stays_in_the_code():
    refs = find_references("Công văn số 8601/VPCP-V.I ngày 08/9/2018 và số 12/UBND-KT.")
    assert [r.number for r in refs] == ["8601/VPCP-V.I", "12/UBND-KT"]
