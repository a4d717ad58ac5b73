"""Indicators (chỉ tiêu) proposed from directive text: value, unit, direction, period, agency."""

from __future__ import annotations

from decimal import Decimal

import pytest

from chidao.extract.indicators import (
    AT_LEAST,
    AT_MOST,
    IndicatorProposal,
    find_indicators,
    parse_number,
)


def one(text: str, *, default_year: int | None = None) -> IndicatorProposal:
    found = find_indicators(text, default_year=default_year)
    assert len(found) == 1, found
    return found[0]


def test_online_public_services_target_from_the_issue() -> None:
    text = "Hoàn thành chỉ tiêu 30% dịch vụ công trực tuyến mức độ 4 trong năm 2020."
    p = one(text)
    assert (p.name, p.value, p.unit, p.year) == (
        "dịch vụ công trực tuyến mức độ 4",
        Decimal(30),
        "%",
        2020,
    )
    assert p.period == "trong năm 2020"
    assert p.direction == AT_LEAST


def test_grdp_growth_from_the_issue_reads_the_decimal_comma() -> None:
    p = one("Tăng trưởng GRDP đạt 2,92%, cao hơn bình quân cả nước.")
    assert (p.name, p.value, p.unit) == ("Tăng trưởng GRDP", Decimal("2.92"), "%")


def test_offsets_point_at_the_indicator_phrase() -> None:
    text = "Năm 2026, tăng trưởng GRDP đạt 2,92%."
    p = one(text)
    assert text[p.start : p.end] == "tăng trưởng GRDP đạt 2,92%"
    assert text[p.sentence_start : p.sentence_end] == text


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2,92", Decimal("2.92")),
        ("1.500", Decimal(1500)),
        ("12.000.000", Decimal(12000000)),
        ("1.500,5", Decimal("1500.5")),
        ("2.92", Decimal("2.92")),
        ("100", Decimal(100)),
    ],
)
def test_vietnamese_number_notation(written: str, value: Decimal) -> None:
    assert parse_number(written) == value


def test_thousands_dot_before_a_money_unit() -> None:
    p = one("Thu ngân sách nhà nước trên địa bàn đạt 1.500 tỷ đồng.")
    assert (p.name, p.value, p.unit) == (
        "Thu ngân sách nhà nước trên địa bàn",
        Decimal(1500),
        "tỷ đồng",
    )


def test_scale_word_multiplies_a_count() -> None:
    p = one("Thu hút 1,5 triệu lượt khách du lịch quốc tế trong năm 2026.")
    assert p.value == Decimal(1500000)
    assert p.unit == "lượt khách"
    assert p.name == "Thu hút lượt khách du lịch quốc tế"


def test_scale_word_stays_in_a_currency_unit() -> None:
    p = one("Kim ngạch xuất khẩu đạt 17,5 tỷ USD.")
    assert (p.value, p.unit) == (Decimal("17.5"), "tỷ USD")


def test_poverty_rate_reduced_below_is_an_upper_bound() -> None:
    p = one("Phấn đấu giảm tỷ lệ hộ nghèo xuống dưới 1% vào năm 2025.")
    assert (p.name, p.value, p.direction, p.year) == ("tỷ lệ hộ nghèo", Decimal(1), AT_MOST, 2025)


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ thất nghiệp khu vực thành thị không quá 3%.",
        "Tỷ lệ thất nghiệp khu vực thành thị dưới 3%.",
        "Tỷ lệ thất nghiệp khu vực thành thị tối đa 3%.",
        "Tỷ lệ thất nghiệp khu vực thành thị ở mức 3% trở xuống.",
        "Tỷ lệ thất nghiệp khu vực thành thị giảm còn 3%.",
    ],
)
def test_upper_bound_wordings(text: str) -> None:
    p = one(text)
    assert p.direction == AT_MOST
    assert p.name == "Tỷ lệ thất nghiệp khu vực thành thị"


@pytest.mark.parametrize(
    "text",
    [
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu 98%.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn không dưới 98%.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98% trở lên.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn phấn đấu đạt 98%.",
    ],
)
def test_lower_bound_wordings(text: str) -> None:
    p = one(text)
    assert p.direction == AT_LEAST
    assert (p.name, p.value) == ("Tỷ lệ hồ sơ giải quyết đúng hạn", Decimal(98))


def test_agency_named_in_the_same_sentence_is_responsible() -> None:
    text = (
        "Giao Sở Y tế chủ trì, phấn đấu đến năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế "
        "đạt trên 95%."
    )
    p = one(text)
    assert p.agency == "Sở Y tế"
    assert p.name == "tỷ lệ dân số tham gia bảo hiểm y tế"
    assert p.period == "đến năm 2025"


def test_agency_in_another_sentence_is_not_taken() -> None:
    text = "Giao Sở Y tế chủ trì thực hiện. Tỷ lệ bao phủ bảo hiểm y tế đạt 95%."
    assert one(text).agency is None


def test_subject_agency_is_not_part_of_the_name() -> None:
    p = one("Sở Giao thông vận tải xây dựng 50 km đường giao thông nông thôn trong năm 2026.")
    assert p.agency == "Sở Giao thông vận tải"
    assert (p.name, p.value, p.unit) == ("xây dựng đường giao thông nông thôn", Decimal(50), "km")


def test_percentage_before_its_noun_phrase() -> None:
    p = one("Phấn đấu 100% xã đạt chuẩn nông thôn mới.")
    assert (p.name, p.value, p.unit) == ("xã đạt chuẩn nông thôn mới", Decimal(100), "%")


def test_workers_count_unit() -> None:
    p = one("Giải quyết việc làm cho 160.000 lao động.")
    assert (p.name, p.value, p.unit) == ("Giải quyết việc làm", Decimal(160000), "lao động")


def test_businesses_count_unit_and_hectares() -> None:
    assert one("Số doanh nghiệp thành lập mới đạt 3.000 doanh nghiệp.").unit == "doanh nghiệp"
    p = one("Trồng mới 1.000 ha rừng trong giai đoạn 2021-2025.")
    assert (p.name, p.value, p.unit, p.year) == ("Trồng mới rừng", Decimal(1000), "ha", 2025)


def test_people_unit() -> None:
    p = one("Đào tạo nghề cho 50.000 người trong năm 2026.")
    assert (p.value, p.unit) == (Decimal(50000), "người")


def test_a_decrease_is_named_as_such() -> None:
    p = one("Chi phí logistics giảm 10% trong quý II/2026.")
    assert p.name == "Chi phí logistics (mức giảm)"
    assert p.direction == AT_LEAST
    assert (p.period, p.year) == ("quý II/2026", 2026)


def test_two_indicators_in_one_sentence_get_their_own_names() -> None:
    text = "Tỷ lệ trẻ em được tiêm chủng đạt 95% và tỷ lệ học sinh đến trường đạt 99%."
    names = [p.name for p in find_indicators(text)]
    assert names == ["Tỷ lệ trẻ em được tiêm chủng", "tỷ lệ học sinh đến trường"]


def test_default_year_applies_when_no_period_is_written() -> None:
    p = one("Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.", default_year=2026)
    assert (p.period, p.year) == ("", 2026)


def test_month_period() -> None:
    p = one("Trong tháng 6/2026, hoàn thành giải ngân 60% vốn đầu tư công.")
    assert p.year == 2026
    assert p.period == "tháng 6/2026"


def test_narrative_approximation_is_still_proposed() -> None:
    p = one("Qua khảo sát, khoảng 30% doanh nghiệp gặp khó khăn về vốn.")
    assert p.value == 30
    assert p.name.startswith("doanh nghiệp")


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Quyết định số 1234/QĐ-UBND ngày 15/12/2020 của UBND Thành phố.",
        "Báo cáo trước ngày 15/12.",
        "Trong thời hạn 15 ngày kể từ ngày ký, các đơn vị gửi báo cáo.",
        "Theo quy định tại khoản 2 Điều 5 Nghị định 30/2020/NĐ-CP.",
        "Đề án có 3 nhóm giải pháp, triển khai từ năm 2021.",
        "Số điện thoại đường dây nóng: 0243.825.3536.",
    ],
)
def test_dates_document_numbers_and_unitless_numbers_are_not_indicators(text: str) -> None:
    assert find_indicators(text) == []


def test_every_indicator_of_a_directive_item_list() -> None:
    text = (
        "II. MỤC TIÊU\n\n"
        "1. Tốc độ tăng trưởng kinh tế đạt 7,5%.\n\n"
        "2. Tỷ lệ đô thị hóa đạt 62%.\n\n"
        "3. Thu ngân sách đạt 450.000 tỷ đồng."
    )
    found = find_indicators(text, default_year=2026)
    assert [(p.name, p.value, p.unit) for p in found] == [
        ("Tốc độ tăng trưởng kinh tế", Decimal("7.5"), "%"),
        ("Tỷ lệ đô thị hóa", 62, "%"),
        ("Thu ngân sách", 450000, "tỷ đồng"),
    ]
    for p in found:
        assert text[p.sentence_start : p.sentence_end].endswith(".")


def test_hostile_text_is_harmless() -> None:
    text = "<script>alert(1)</script> đạt 50% " + "9" * 5000 + " %" + " ," * 2000
    found = find_indicators(text)
    assert all(isinstance(p.value, Decimal) for p in found)


def test_text_without_figures_gives_nothing() -> None:
    assert find_indicators("Các sở, ban, ngành tăng cường kỷ luật, kỷ cương hành chính.") == []
