"""Finding assignees in directive text with the Hà Nội registry."""

from __future__ import annotations

import itertools
import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.extract.agencies import Registry
from chidao.extract.model import AgencyMention
from tests.conftest import shared_dir

REG = Registry.load()
# ../shared/eval/dev or $CHIDAO_SHARED/eval/dev; when it is missing, the tests that need it
# fail through the ``eval_dir`` / ``scorer`` fixtures of tests/conftest.py (never a skip).
DEV = shared_dir() / "eval" / "dev"
MISSING = "(evaluation set not found: see the eval_dir fixture's message)"


def find(text: str, on: date | None = None) -> list[AgencyMention]:
    """``REG.find`` plus the invariants every result must keep."""
    mentions = REG.find(text, on=on)
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start
    return mentions


def names(text: str, on: date | None = None) -> list[str]:
    return [m.name for m in find(text, on=on) if not m.vague]


def only(text: str, on: date | None = None) -> AgencyMention:
    [mention] = find(text, on=on)
    return mention


# --- departments and city bodies ------------------------------------------------------------------


def test_a_department_written_in_full_is_found_with_its_registry_id() -> None:
    m = only("Sở Kế hoạch và Đầu tư chủ trì, tổng hợp báo cáo.")
    assert (m.start, m.end, m.name, m.agency_id) == (
        0,
        21,
        "Sở Kế hoạch và Đầu tư",
        "so-ke-hoach-dau-tu",
    )
    assert not m.is_group and not m.vague and m.rule == "registry"


def test_the_lead_and_the_partners_of_a_task_are_all_found() -> None:
    text = "Sở Kế hoạch và Đầu tư chủ trì, phối hợp Cục Thống kê và các đơn vị liên quan cập nhật."
    mentions = find(text)
    assert [m.surface for m in mentions] == [
        "Sở Kế hoạch và Đầu tư", "Cục Thống kê", "các đơn vị liên quan",
    ]  # fmt: skip
    assert mentions[1].name == "Cục Thống kê" and mentions[1].agency_id == "cuc-thong-ke-ha-noi"
    assert mentions[2].vague and mentions[2].is_group and mentions[2].members == ()


def test_the_wrong_capital_in_so_cong_thuong_still_gives_the_official_name() -> None:
    m = only("Sở Công thương chủ trì")
    assert (m.surface, m.name) == ("Sở Công thương", "Sở Công Thương")


def test_the_market_surveillance_department_is_found_with_its_city_name() -> None:
    assert names("Cục Quản lý thị trường Hà Nội tiếp tục tăng cường") == [
        "Cục Quản lý thị trường Hà Nội"
    ]
    assert names("Cục QLTT Hà Nội kiểm tra") == ["Cục Quản lý thị trường Hà Nội"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thanh tra Thành phố tiếp tục", "Thanh tra Thành phố"),
        ("Thanh tra TP tiếp tục", "Thanh tra Thành phố"),
        ("Thanh tra thành phố Hà Nội tiếp tục", "Thanh tra Thành phố"),
        ("đề nghị Công an thành phố theo dõi", "Công an Thành phố"),
        ("Công an TP. Hà Nội theo dõi", "Công an Thành phố"),
        ("Giao Văn phòng UBND Thành phố theo dõi", "Văn phòng UBND Thành phố"),
        ("Văn phòng Ủy ban nhân dân thành phố Hà Nội theo dõi", "Văn phòng UBND Thành phố"),
        ("Sở Y tế thành phố Hà Nội báo cáo", "Sở Y tế"),
        ("Sở Y tế Hà Nội báo cáo", "Sở Y tế"),
        ("UBND quận Ba Đình, thành phố Hà Nội báo cáo", "UBND quận Ba Đình"),
    ],
)
def test_a_name_followed_by_the_city_is_the_city_body(text: str, name: str) -> None:
    m = only(text)
    assert m.name == name and m.agency_id is not None
    assert m.surface.endswith(("phố", "TP", "Hà Nội"))


def test_a_comma_and_the_word_thanh_pho_alone_are_not_part_of_a_name() -> None:
    m = find("giao Sở Y tế, thành phố sẽ hỗ trợ")[0]
    assert m.surface == "Sở Y tế"


def test_the_common_nouns_thanh_tra_and_cong_an_alone_are_no_body() -> None:
    assert find("tăng cường công tác thanh tra, kiểm tra và lực lượng công an") == []


def test_the_city_peoples_committee_is_found_in_all_its_forms() -> None:
    for text in [
        "UBND Thành phố", "UBND TP", "UBND thành phố Hà Nội", "Ủy ban nhân dân Thành phố",
        "Uỷ ban nhân dân thành phố", "UBND TP.Hà Nội", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI",
    ]:  # fmt: skip
        m = only(text + " yêu cầu")
        assert (m.surface, m.name, m.agency_id) == (text, "UBND Thành phố Hà Nội", "ubnd-tp")


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở KHĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở KH và ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở KH & ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở Kế hoạch - Đầu tư", "Sở Kế hoạch và Đầu tư"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở LĐ, TB và XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở Lao động – Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("Sở VH&TT", "Sở Văn hóa và Thể thao"),
        ("Sở GTVT", "Sở Giao thông vận tải"),
        ("Sở QH-KT", "Sở Quy hoạch - Kiến trúc"),
        ("Công an TP", "Công an Thành phố"),
        ("BTL Thủ đô", "Bộ Tư lệnh Thủ đô"),
        ("Bộ Tư lệnh Thủ đô Hà Nội", "Bộ Tư lệnh Thủ đô"),
        ("VP UBND TP", "Văn phòng UBND Thành phố"),
        ("Văn phòng UBND TP", "Văn phòng UBND Thành phố"),
    ],
)
def test_an_abbreviation_gives_the_full_official_name(written: str, name: str) -> None:
    m = only(f"Giao {written} chủ trì.")
    assert (m.surface, m.name) == (written, name)


def test_old_and_new_tone_placement_are_the_same_name() -> None:
    assert names("Sở Văn hoá và Thể thao") == names("Sở Văn hóa và Thể thao")
    assert names("Uỷ ban nhân dân Thành phố") == ["UBND Thành phố Hà Nội"]
    assert names("UBND huyện Ứng Hoà") == ["UBND huyện Ứng Hòa"]


def test_extra_spaces_and_a_line_break_inside_a_name_are_allowed() -> None:
    m = only("Sở  Kế hoạch   và\nĐầu tư chủ trì")
    assert m.name == "Sở Kế hoạch và Đầu tư" and m.surface == "Sở  Kế hoạch   và\nĐầu tư"


def test_a_blank_line_ends_a_name() -> None:
    assert names("các sở\n\nngành") == ["sở, ban, ngành"]


def test_matching_ignores_case() -> None:
    assert names("SỞ Y TẾ") == ["Sở Y tế"]
    assert names("sở y tế") == ["Sở Y tế"]


def test_a_document_number_is_not_a_mention() -> None:
    assert find("Công văn số 2658/UBND-KT ngày 16/8/2021") == []
    assert names("Chương trình số 14/CTr-UBND ngày 19/01/2021 của UBND Thành phố") == [
        "UBND Thành phố Hà Nội"
    ]


def test_a_body_inside_a_longer_word_is_not_found() -> None:
    assert find("cơ sở y tế") == []


def test_a_central_ministry_is_found_as_such() -> None:
    m = only("theo hướng dẫn của Bộ Giáo dục và Đào tạo.")
    assert (m.name, REG[m.agency_id or ""].kind) == ("Bộ Giáo dục và Đào tạo", "cơ quan trung ương")


# --- heads stand for their body -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Giám đốc Sở Y tế chỉ đạo", "Giám đốc Sở Y tế", "Sở Y tế"),
        ("Chủ tịch UBND các quận, huyện, thị xã chịu trách nhiệm",
         "Chủ tịch UBND các quận, huyện, thị xã", "địa phương"),
        ("Thủ trưởng các cơ quan, đơn vị thực hiện", "Thủ trưởng các cơ quan, đơn vị",
         "cơ quan, đơn vị"),
        ("Lãnh đạo UBND TP phải phân công", "Lãnh đạo UBND TP", "UBND Thành phố Hà Nội"),
        ("Chánh Văn phòng UBND Thành phố theo dõi", "Chánh Văn phòng UBND Thành phố",
         "Văn phòng UBND Thành phố"),
        ("Chủ tịch UBND quận Hoàn Kiếm báo cáo", "Chủ tịch UBND quận Hoàn Kiếm",
         "UBND quận Hoàn Kiếm"),
        ("Các Phó Chủ tịch UBND TP", "Các Phó Chủ tịch UBND TP", "UBND Thành phố Hà Nội"),
        ("Trưởng Ban Dân tộc Thành phố", "Trưởng Ban Dân tộc Thành phố", "Ban Dân tộc"),
        ("Cục trưởng Cục Thống kê", "Cục trưởng Cục Thống kê", "Cục Thống kê"),
        ("đồng chí Giám đốc Công an Thành phố", "đồng chí Giám đốc Công an Thành phố",
         "Công an Thành phố"),
        ('"Người đứng đầu từng địa bàn phải', "Người đứng đầu từng địa bàn", "địa phương"),
    ],
)  # fmt: skip
def test_a_head_stands_for_the_body_and_the_span_covers_the_title(
    text: str, surface: str, name: str
) -> None:
    m = only(text)
    assert (m.surface, m.name) == (surface, name)
    assert m.rule.endswith(":head") or m.rule == "group"


def test_a_title_word_that_is_only_a_head_before_ban_is_ignored_elsewhere() -> None:
    m = only("nâng cao tăng trưởng các địa phương")
    assert m.surface == "các địa phương"


def test_a_person_after_the_title_is_not_part_of_the_body() -> None:
    found = find("Giám đốc Sở Y tế Nguyễn Văn A và Chủ tịch UBND TP Chu Ngọc Anh")
    assert [m.surface for m in found] == ["Giám đốc Sở Y tế", "Chủ tịch UBND TP"]


# --- groups ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("các sở, ban, ngành, UBND các quận, huyện, thị xã", ["sở, ban, ngành", "địa phương"]),
        ("Các cấp, các ngành, UBND các quận, huyện, thị xã", ["cơ quan, đơn vị", "địa phương"]),
        ("các sở, ngành, địa phương", ["sở, ban, ngành", "địa phương"]),
        ("các cấp, các ngành, các tổ chức, đoàn thể", ["cơ quan, đơn vị", "đoàn thể"]),
        ("Các sở, ban, ngành, chủ đầu tư và UBND các quận, huyện, thị xã",
         ["sở, ban, ngành", "chủ đầu tư", "địa phương"]),
        ("các sở, ban, ngành và UBND quận, huyện, thị xã", ["sở, ban, ngành", "địa phương"]),
        ("các sở, ban, ngành, UBND các quận, huyện", ["sở, ban, ngành", "địa phương"]),
        ("Các sở, ban, ngành Thành phố", ["sở, ban, ngành"]),
        ("Các Tổng công ty, các Công ty TNHH nhà nước trực thuộc UBND Thành phố",
         ["doanh nghiệp nhà nước"]),
        ("UBND các xã, phường, thị trấn", ["địa phương"]),
        ("các cơ quan, đơn vị", ["cơ quan, đơn vị"]),
        ("thủ trưởng các đơn vị", ["cơ quan, đơn vị"]),
        ("các sở ngành phải tham gia", ["sở, ban, ngành"]),
        ("các đoàn thể tham gia giám sát", ["đoàn thể"]),
        ("Mặt trận Tổ quốc và các đoàn thể", ["đoàn thể"]),
        ("các tổ chức chính trị - xã hội", ["đoàn thể"]),
    ],
)  # fmt: skip
def test_a_list_of_groups_yields_one_mention_per_group(text: str, labels: list[str]) -> None:
    mentions = find(text)
    assert [m.name for m in mentions] == labels
    assert all(m.is_group and not m.vague and m.agency_id is None for m in mentions)


def test_a_group_lists_its_members_valid_on_the_date() -> None:
    m = only("UBND các quận, huyện, thị xã", on=date(2021, 8, 16))
    assert len(m.members) == 30 and "ubnd-quan-hoan-kiem" in m.members
    assert only("UBND các quận, huyện, thị xã", on=date(2025, 8, 1)).members == ()
    sbn = only("các sở, ban, ngành", on=date(2021, 8, 16))
    assert "so-ke-hoach-dau-tu" in sbn.members and "so-nong-nghiep-moi-truong" not in sbn.members


def test_a_bare_group_noun_counts_only_where_an_assignee_can_stand() -> None:
    assert find("bảo đảm cân đối ngân sách địa phương") == []
    assert find("chức năng, nhiệm vụ của đơn vị mình") == []
    assert names("Chủ đầu tư phải hoàn thành") == ["chủ đầu tư"]
    assert names("giao chủ đầu tư rà soát") == ["chủ đầu tư"]
    assert names("lãnh đạo sở, ngành, đơn vị") == ["sở, ban, ngành", "cơ quan, đơn vị"]


# --- vague partners -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "các đơn vị liên quan",
        "các cơ quan, đơn vị liên quan",
        "các cơ quan, đơn vị có liên quan",
        "các bộ, ngành có liên quan",
        "các sở, ngành liên quan",
        "các cơ quan chức năng",
        "các địa phương liên quan",
        "các cơ quan, đơn vi liên quan",  # a typo that leaves "liên quan" close by
    ],
)
def test_a_vague_partner_is_found_but_marked_vague(text: str) -> None:
    m = only(f"phối hợp với {text} thực hiện")
    assert m.vague and m.is_group and m.surface == text and m.rule == "vague"


def test_a_whole_list_that_ends_in_lien_quan_is_vague() -> None:
    mentions = find("phối hợp các sở, ngành, địa phương liên quan")
    assert [m.name for m in mentions] == ["sở, ban, ngành", "địa phương"]
    assert all(m.vague for m in mentions)


def test_a_vague_list_after_a_body_leaves_the_body_alone() -> None:
    mentions = find("phối hợp Cục Thống kê và các đơn vị liên quan")
    assert [(m.name, m.vague) for m in mentions] == [
        ("Cục Thống kê", False), ("cơ quan, đơn vị", True),
    ]  # fmt: skip


def test_a_vague_partner_then_a_real_one_keeps_the_real_one() -> None:
    text = "phối hợp các đơn vị liên quan, UBND các quận, huyện, thị xã tập trung"
    assert [(m.name, m.vague) for m in find(text)] == [
        ("cơ quan, đơn vị", True), ("địa phương", False),
    ]  # fmt: skip


# --- enumerations ---------------------------------------------------------------------------------


def test_departments_listed_after_cac_so_are_each_found() -> None:
    mentions = find("Giao các Sở: Tài chính, Kế hoạch và Đầu tư, Xây dựng phối hợp")
    assert [m.name for m in mentions] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng"]
    assert mentions[0].surface == "các Sở: Tài chính"
    assert [m.surface for m in mentions[1:]] == ["Kế hoạch và Đầu tư", "Xây dựng"]


def test_a_department_followed_by_more_domains_gives_each_department() -> None:
    assert names("Sở Y tế, Giáo dục và Đào tạo hướng dẫn") == [
        "Sở Y tế", "Sở Giáo dục và Đào tạo",
    ]  # fmt: skip


def test_districts_listed_after_ubnd_cac_quan_are_each_found() -> None:
    text = "UBND các quận Hoàn Kiếm, Ba Đình và huyện Gia Lâm triển khai"
    assert names(text) == ["UBND quận Hoàn Kiếm", "UBND quận Ba Đình", "UBND huyện Gia Lâm"]


def test_a_lowercase_word_after_a_department_is_not_a_listed_department() -> None:
    assert names("Sở Tài chính, xây dựng dự toán") == ["Sở Tài chính"]


# --- the document date ----------------------------------------------------------------------------


def test_a_2021_text_resolves_the_planning_department_to_the_body_as_it_was() -> None:
    m = only("Sở Kế hoạch và Đầu tư chủ trì", on=date(2021, 8, 16))
    assert m.agency_id == "so-ke-hoach-dau-tu"
    successor = REG.successor("so-ke-hoach-dau-tu")
    assert successor is not None and successor.name == "Sở Tài chính"


def test_a_form_shared_by_two_bodies_resolves_by_the_date() -> None:
    assert only("Cục Thống kê", on=date(2021, 1, 1)).agency_id == "cuc-thong-ke-ha-noi"
    assert only("Cục Thống kê", on=date(2025, 6, 1)).agency_id == "cuc-thong-ke"
    assert only("Cục Thống kê").agency_id == "cuc-thong-ke-ha-noi"  # file order without a date


def test_a_body_new_in_2025_is_found_by_its_name() -> None:
    assert names("Sở Nông nghiệp và Môi trường chủ trì", on=date(2025, 6, 1)) == [
        "Sở Nông nghiệp và Môi trường"
    ]
    assert names("Sở NN&MT chủ trì") == ["Sở Nông nghiệp và Môi trường"]


# --- offsets --------------------------------------------------------------------------------------


def test_offsets_index_a_decomposed_text_as_given() -> None:
    nfc = "Giao Sở Văn hoá và Thể thao, Uỷ ban nhân dân Thành phố và Sở Y tế."
    nfd = unicodedata.normalize("NFD", nfc)
    got = find(nfd)
    want = find(nfc)
    assert [m.name for m in got] == [m.name for m in want]
    assert [unicodedata.normalize("NFC", m.surface) for m in got] == [m.surface for m in want]
    assert got[0].start == len(unicodedata.normalize("NFD", "Giao "))


def test_a_text_with_no_assignee_yields_nothing() -> None:
    assert find("") == []
    assert find("Thời tiết hôm nay đẹp.") == []


FRAGMENTS = [
    "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "UBND Thành phố", "các sở, ban, ngành",
    "UBND các quận, huyện, thị xã", "Giám đốc Sở Y tế", "các đơn vị liên quan", "Sở Công thương",
    "Uỷ ban nhân dân thành phố", "địa phương", "chủ trì", "phối hợp", ", ", " và ", "\n", "\n\n",
    "Sở Y tế tỉnh Bắc Ninh", "UBND phường Phúc Xá", "Cục Thống kê", "- ", "2658/UBND-KT", "ngày",
    "các Sở: Tài chính, Xây dựng", "Thanh tra", "TP.", "Hà Nội", "hoá", "Ủy", "đ", " ",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30), st.booleans())
def test_any_text_gives_sorted_disjoint_mentions_with_exact_offsets(
    parts: list[str], decompose: bool
) -> None:
    text = "".join(parts)
    if decompose:
        text = unicodedata.normalize("NFD", text)
    mentions = find(text)
    assert all(0 <= m.start < m.end <= len(text) for m in mentions)
    assert all(m.name for m in mentions)


# --- the scorer's names ---------------------------------------------------------------------------


def gold_names() -> list[str]:
    found: set[str] = set()
    for path in sorted(DEV.glob("*.gold.json")):
        for task in json.loads(path.read_text(encoding="utf-8"))["tasks"]:
            found.update(task.get("lead") or [])
            found.update(task.get("support") or [])
    return sorted(found)


SURFACES = [  # as written in directives -> as a specialist registers it
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở Công thương", "Sở Công Thương"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Công an thành phố", "Công an Thành phố"),
    ("CATP Hà Nội", "Công an Thành phố"),
    ("Ủy ban nhân dân thành phố", "UBND Thành phố Hà Nội"),
    ("Lãnh đạo UBND TP", "UBND Thành phố Hà Nội"),
    ("VP UBND TP", "Văn phòng UBND Thành phố"),
    ("Chánh Văn phòng UBND Thành phố", "Văn phòng UBND Thành phố"),
    ("Cục QLTT Hà Nội", "Cục Quản lý thị trường Hà Nội"),
    ("BTL Thủ đô", "Bộ Tư lệnh Thủ đô"),
    ("Thanh tra TP", "Thanh tra Thành phố"),
    ("Các sở, ban, ngành Thành phố", "sở, ban, ngành"),
    ("Chủ tịch UBND các quận, huyện, thị xã", "địa phương"),
    ("Người đứng đầu từng địa bàn", "địa phương"),
    ("Các cấp, các ngành", "cơ quan, đơn vị"),
    ("thủ trưởng các đơn vị", "cơ quan, đơn vị"),
    ("các tổ chức, đoàn thể", "đoàn thể"),
    (
        "Các Tổng công ty, các Công ty TNHH nhà nước trực thuộc UBND Thành phố",
        "doanh nghiệp nhà nước",
    ),
    ("các chủ đầu tư", "chủ đầu tư"),
    ("UBND quận Hoàn Kiếm", "UBND quận Hoàn Kiếm"),
]


@pytest.mark.parametrize("gold", gold_names() if DEV.exists() else [MISSING])
def test_every_assignee_of_the_dev_gold_maps_to_itself(gold: str, scorer: Any) -> None:
    m = only(gold)
    assert not m.vague
    assert scorer.norm_agency(m.name) == scorer.norm_agency(gold)


@pytest.mark.parametrize(("surface", "gold"), SURFACES)
def test_a_written_form_gets_the_name_the_scorer_expects(
    surface: str, gold: str, scorer: Any
) -> None:
    m = only(surface)
    assert scorer.norm_agency(m.name) == scorer.norm_agency(gold)
    assert scorer.norm_agency(m.surface) is not None


def test_every_registry_name_normalises_to_a_body_not_to_a_group(scorer: Any) -> None:
    for a in REG.agencies:
        key = scorer.norm_agency(a.name)
        assert key is not None and not key.startswith("group:"), a.name
    for label in REG.groups:
        if label != "bộ, ngành trung ương":  # not one of the scorer's labels
            assert scorer.norm_agency(label) == "group:" + label


def test_every_dev_text_with_a_named_assignee_has_it_found(eval_dir: Path) -> None:
    for path in sorted((eval_dir / "dev").glob("*.gold.json")):
        text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        found = {m.name for m in find(text) if not m.vague}
        for task in json.loads(path.read_text(encoding="utf-8"))["tasks"]:
            for gold in task["lead"]:
                if gold in task["text"] or gold.startswith(("sở", "địa", "cơ", "đoàn", "chủ")):
                    assert gold in found, (path.name, gold)


# --- long single lines ---------------------------------------------------------------------------
# Their speed (linear, never minutes at 5 MB) is measured by bench/bench_speed_budgets.py.


@pytest.mark.parametrize(
    "text",
    [
        " " * 200_000,
        "a" * 200_000,
        "UBND " * 40_000,
        "Sở " * 64_000,
        "các sở, " * 25_000,
        ("Sở A B C D E F G H " * 10_000)[:200_000],
        "Ủy ban nhân dân " * 12_000,
    ],
    ids=["spaces", "letters", "ubnd", "so", "groups", "capitals", "uy-ban"],
)
def test_a_long_single_line_gives_mentions_that_keep_their_offsets(text: str) -> None:
    find(text)
