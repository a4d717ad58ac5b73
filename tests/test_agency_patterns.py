"""Bodies of other provinces and unregistered bodies, recognised by pattern."""

from __future__ import annotations

import pytest

from chidao.extract.agencies import Registry
from chidao.extract.model import AgencyMention

REG = Registry.load()


def found(text: str) -> list[AgencyMention]:
    mentions = REG.find(text)
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    return mentions


def only(text: str) -> AgencyMention:
    [mention] = found(text)
    return mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sở Giao thông vận tải tỉnh Quảng Ninh phối hợp", "Sở Giao thông vận tải tỉnh Quảng Ninh"),
        ("Sở Y tế tỉnh Bắc Ninh chủ trì", "Sở Y tế tỉnh Bắc Ninh"),
        ("Sở Y tế Bắc Ninh chủ trì", "Sở Y tế Bắc Ninh"),
        ("UBND tỉnh Hưng Yên đề nghị", "UBND tỉnh Hưng Yên"),
        ("Ủy ban nhân dân tỉnh Hưng Yên đề nghị", "Ủy ban nhân dân tỉnh Hưng Yên"),
        ("UBND huyện Văn Lâm tỉnh Hưng Yên báo cáo", "UBND huyện Văn Lâm tỉnh Hưng Yên"),
        ("UBND huyện Yên Phong, tỉnh Bắc Ninh báo cáo", "UBND huyện Yên Phong, tỉnh Bắc Ninh"),
        ("UBND thành phố Bắc Ninh báo cáo", "UBND thành phố Bắc Ninh"),
        ("UBND TP.HCM báo cáo", "UBND TP.HCM"),
        ("Sở Tài nguyên và Môi trường tỉnh Vĩnh Phúc",
         "Sở Tài nguyên và Môi trường tỉnh Vĩnh Phúc"),
        ("Công an tỉnh Quảng Ninh phối hợp", "Công an tỉnh Quảng Ninh"),
        ("Bộ Chỉ huy Quân sự tỉnh Hòa Bình", "Bộ Chỉ huy Quân sự tỉnh Hòa Bình"),
        ("Cục Thuế tỉnh Bắc Giang", "Cục Thuế tỉnh Bắc Giang"),
        ("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ninh tổ chức",
         "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ninh"),
    ],
)  # fmt: skip
def test_a_body_of_another_province_is_found_as_written(text: str, name: str) -> None:
    m = only(text)
    assert (m.name, m.surface, m.agency_id) == (name, name, None)
    assert m.rule == "pattern:province" and not m.is_group and not m.vague


def test_the_pattern_stops_before_the_verb() -> None:
    m = only("Sở Y tế tỉnh Bắc Ninh chủ trì, phối hợp")
    assert m.end == len("Sở Y tế tỉnh Bắc Ninh")


def test_the_pattern_keeps_the_title_in_the_span_but_not_in_the_name() -> None:
    m = only("Giám đốc Sở Y tế tỉnh Bắc Ninh chỉ đạo")
    assert (m.surface, m.name) == ("Giám đốc Sở Y tế tỉnh Bắc Ninh", "Sở Y tế tỉnh Bắc Ninh")
    m = only("Chủ tịch UBND tỉnh Hưng Yên đề nghị")
    assert (m.surface, m.name) == ("Chủ tịch UBND tỉnh Hưng Yên", "UBND tỉnh Hưng Yên")


def test_a_commune_peoples_committee_is_found_without_a_registry_entry() -> None:
    m = only("UBND phường Phúc Xá báo cáo")
    assert (m.name, m.agency_id, m.rule) == ("UBND phường Phúc Xá", None, "pattern:local")
    assert only("UBND xã Kim Chung thực hiện").name == "UBND xã Kim Chung"
    assert only("UBND phường 12 thực hiện").name == "UBND phường 12"


def test_an_unknown_department_is_found_by_its_capitalised_name() -> None:
    m = only("Sở Giao thông công chính chủ trì")
    assert (m.name, m.agency_id, m.rule) == ("Sở Giao thông công chính", None, "pattern:so")


def test_spaces_in_a_pattern_name_are_normalised() -> None:
    assert only("Sở  Y tế   tỉnh  Bắc Ninh").name == "Sở Y tế tỉnh Bắc Ninh"


def test_a_registry_body_of_the_city_is_never_taken_for_another_province() -> None:
    for text in ["Sở Y tế Hà Nội", "Sở Y tế thành phố Hà Nội", "UBND thành phố Hà Nội",
                 "Sở Y tế chủ trì", "UBND quận Ba Đình", "Sở Nội vụ Hà Nội chủ trì"]:  # fmt: skip
        assert found(text)[0].agency_id is not None, text


def test_a_person_after_a_title_is_no_place() -> None:
    m = only("Chủ tịch UBND TP Chu Ngọc Anh yêu cầu")
    assert (m.surface, m.agency_id) == ("Chủ tịch UBND TP", "ubnd-tp")
    m = only("Giám đốc Sở Y tế Trần Thị Nhị Hà cho biết")
    assert (m.surface, m.agency_id) == ("Giám đốc Sở Y tế", "so-y-te")


def test_another_body_after_a_comma_is_not_swallowed() -> None:
    assert [m.name for m in found("Sở Y tế, Công an tỉnh Quảng Ninh")] == [
        "Sở Y tế", "Công an tỉnh Quảng Ninh",
    ]  # fmt: skip
    assert [m.name for m in found("Sở Y tế tỉnh Bắc Ninh và Sở Y tế tỉnh Bắc Giang")] == [
        "Sở Y tế tỉnh Bắc Ninh", "Sở Y tế tỉnh Bắc Giang",
    ]  # fmt: skip


def test_a_header_in_capitals_of_another_province_is_found() -> None:
    m = only("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n\nSố: 12/UBND-KT")
    assert m.name == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"


def test_a_cased_head_word_in_running_text_is_no_body() -> None:
    assert found("Hội nghị trực tuyến được tổ chức tại Trung tâm Hội nghị quốc gia") == []
    assert found("Ban hành kèm theo Quyết định này") == []


def test_cac_co_so_y_te_are_facilities_not_the_department() -> None:
    assert found("các cơ sở y tế trên địa bàn") == []
    assert found("Cơ sở Y tế tư nhân") == []
    assert found("đội ngũ cán bộ y tế") == []


def test_a_registry_name_followed_by_another_province_is_that_provinces_body() -> None:
    m = only("Sở Nông nghiệp và Phát triển nông thôn tỉnh Nam Định chủ trì")
    assert (m.name, m.agency_id) == ("Sở Nông nghiệp và Phát triển nông thôn tỉnh Nam Định", None)
    assert m.rule == "pattern:province"
    m = only("Công an Thành phố Hải Phòng phối hợp")
    assert (m.name, m.agency_id) == ("Công an Thành phố Hải Phòng", None)
    m = only("Giám đốc Sở Y tế Bắc Ninh")
    assert (m.surface, m.name) == ("Giám đốc Sở Y tế Bắc Ninh", "Sở Y tế Bắc Ninh")


def test_a_ministry_followed_by_a_province_stays_the_ministry() -> None:
    m = found("Bộ Y tế, tỉnh Bắc Ninh đã thống nhất")[0]
    assert (m.surface, m.agency_id) == ("Bộ Y tế", "bo-y-te")


def test_a_local_committee_name_never_runs_over_a_blank_line_into_a_list_item():
    text = "- Cơ quan chủ trì: Lãnh đạo UBND xã Đức Trọng\n\n- Thời gian thực hiện: tháng 4"
    assert [m.name for m in found(text) if not m.is_group] == ["UBND xã Đức Trọng"]
    mention = only("Lãnh đạo UBND phường Xuân Hương - Đà Lạt trả lời")
    assert mention.name == "UBND phường Xuân Hương - Đà Lạt"


def test_a_place_of_two_words_may_open_on_a_surname_a_person_may_not() -> None:
    assert [m.name for m in found("Giao UBND huyện Triệu Phong, UBND huyện Võ Nhai chủ trì")] == [
        "UBND huyện Triệu Phong", "UBND huyện Võ Nhai",
    ]  # fmt: skip
    for text in (
        "Chủ tịch UBND huyện Lê Văn Tám yêu cầu",
        "Chủ tịch UBND xã Trần Quốc Bảo cho biết",
    ):
        assert all("Tám" not in m.name and "Bảo" not in m.name for m in found(text)), text
