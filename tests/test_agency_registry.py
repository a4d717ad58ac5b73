"""The Hà Nội agency registry as data, and the loader that validates any registry file."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from chidao.extract.agencies import Agency, Registry, RegistryError, fold_key, fold_search

DATA = resources.files("chidao.extract").joinpath("data", "agencies_hanoi.json")
RAW: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
REG = Registry.load()
CUTOVER = date(2025, 3, 1)

QUAN = [
    "Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng",
    "Hoàng Mai", "Thanh Xuân", "Nam Từ Liêm", "Bắc Từ Liêm", "Hà Đông",
]  # fmt: skip
HUYEN = [
    "Sóc Sơn", "Đông Anh", "Gia Lâm", "Thanh Trì", "Mê Linh", "Ba Vì", "Phúc Thọ", "Đan Phượng",
    "Hoài Đức", "Quốc Oai", "Thạch Thất", "Chương Mỹ", "Thanh Oai", "Thường Tín", "Phú Xuyên",
    "Ứng Hòa", "Mỹ Đức",
]  # fmt: skip
# "Sở TP" would read as "Sở Thành phố"; "Sở Ngoại vụ" has no abbreviation in common use.
NO_ABBREVIATION = {"so-tu-phap", "so-ngoai-vu"}


def minimal(**extra: Any) -> dict[str, Any]:
    """A small valid registry file for the validation tests."""
    data: dict[str, Any] = {
        "province": {"name": "Bắc Ninh", "level_words": ["tỉnh"], "place_names": ["Bắc Ninh"]},
        "kinds": ["sở"],
        "groups": [{"label": "sở, ban, ngành", "phrasings": ["các sở, ban, ngành"]}],
        "agencies": [
            {"id": "so-y-te", "name": "Sở Y tế", "kind": "sở", "groups": ["sở, ban, ngành"]},
            {"id": "so-a", "name": "Sở A", "kind": "sở", "valid_to": "2025-02-28",
             "successor": "so-b"},
            {"id": "so-b", "name": "Sở B", "kind": "sở", "valid_from": "2025-03-01"},
        ],
    }  # fmt: skip
    data.update(extra)
    return data


def agencies_of_kind(kind: str) -> list[Agency]:
    return [a for a in REG.agencies if a.kind == kind]


# --- the data file --------------------------------------------------------------------------------


def test_every_id_is_unique_and_a_lowercase_slug() -> None:
    ids = [a["id"] for a in RAW["agencies"]]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)


def test_every_successor_is_an_id_of_the_file() -> None:
    ids = {a.id for a in REG.agencies}
    assert all(a.successor in ids for a in REG.agencies if a.successor)


def test_every_group_of_an_agency_is_a_known_label() -> None:
    labels = {g["label"] for g in RAW["groups"]}
    assert all(set(a.groups) <= labels for a in REG.agencies)


def test_every_kind_is_listed_in_kinds() -> None:
    assert {a.kind for a in REG.agencies} <= set(RAW["kinds"])


def test_every_date_parses_and_no_body_ends_before_it_starts() -> None:
    for raw in RAW["agencies"]:
        for key in ("valid_from", "valid_to"):
            assert raw[key] is None or date.fromisoformat(raw[key])
    for a in REG.agencies:
        assert a.valid_from is None or a.valid_to is None or a.valid_from <= a.valid_to


def test_every_entry_has_the_schema_fields() -> None:
    fields = {"id", "name", "full_name", "aliases", "kind", "groups", "valid_from", "valid_to",
              "successor", "note"}  # fmt: skip
    assert all(set(raw) == fields for raw in RAW["agencies"])


def test_every_so_has_at_least_one_abbreviation_alias() -> None:
    for a in agencies_of_kind("sở"):
        if a.id in NO_ABBREVIATION:
            continue
        abbreviations = [x for x in a.aliases if re.search(r"[A-ZĐ]{2,}", x.removeprefix("Sở "))]
        assert abbreviations, a.id


def test_names_are_full_forms_never_abbreviations() -> None:
    for a in REG.agencies:
        assert "&" not in a.name, a.name
        assert not re.search(r"\b(?:KH|ĐT|TN|MT|LĐ|TB|XH|GD|NN|PTNT|GTVT|TP|MTV)\b", a.name), a.name


def test_the_thirty_districts_before_july_2025_are_present() -> None:
    districts = agencies_of_kind("UBND cấp huyện")
    names = {a.name for a in districts}
    expected = {f"UBND quận {n}" for n in QUAN} | {f"UBND huyện {n}" for n in HUYEN}
    assert names == expected | {"UBND thị xã Sơn Tây"}
    assert len(districts) == 30


def test_every_district_ends_on_30_june_2025() -> None:
    for a in agencies_of_kind("UBND cấp huyện"):
        assert a.valid_to == date(2025, 6, 30), a.id
        assert "địa phương" in a.groups
        assert a.note


def test_the_city_bodies_of_the_brief_are_present() -> None:
    names = {a.name for a in REG.agencies}
    for name in [
        "UBND Thành phố Hà Nội", "Văn phòng UBND Thành phố", "Thanh tra Thành phố",
        "Công an Thành phố", "Bộ Tư lệnh Thủ đô", "Cục Thống kê", "Cục Quản lý thị trường Hà Nội",
        "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội", "Sở Công Thương",
        "Sở Quy hoạch - Kiến trúc", "Ban Dân tộc", "Kho bạc Nhà nước Hà Nội",
        "Thành đoàn Hà Nội", "Báo Hà Nội mới", "Đài Phát thanh và Truyền hình Hà Nội",
        "Bộ Y tế", "Bộ Tài chính",
    ]:  # fmt: skip
        assert name in names, name


def test_the_group_section_covers_every_phrasing_of_the_scorer(scorer: Any) -> None:
    keys = {g["label"]: set() for g in RAW["groups"]}
    for g in RAW["groups"]:
        keys[g["label"]] |= {fold_key(p) for p in (g["label"], *g["phrasings"])}
        keys[g["label"]] |= {fold_key(p) for p in g.get("context_phrasings", [])}
    for label, phrasings in scorer.GROUPS.items():
        for phrase in phrasings:
            if phrase == "các sở ngành liên quan chủ trì":  # a sentence, not a phrasing
                continue
            assert fold_key(phrase) in keys[label], (label, phrase)
    vague = {fold_key(v) for v in RAW["vague"]["phrasings"]}
    assert {fold_key(v) for v in scorer.VAGUE} <= vague


# --- the 2025 reorganisation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("so-ke-hoach-dau-tu", "so-tai-chinh"),
        ("so-giao-thong-van-tai", "so-xay-dung"),
        ("so-tai-nguyen-moi-truong", "so-nong-nghiep-moi-truong"),
        ("so-nong-nghiep-ptnt", "so-nong-nghiep-moi-truong"),
        ("so-thong-tin-truyen-thong", "so-khoa-hoc-cong-nghe"),
        ("so-lao-dong-tbxh", "so-noi-vu"),
        ("so-ngoai-vu", "van-phong-ubnd"),
        ("ban-dan-toc", "so-dan-toc-ton-giao"),
        ("cuc-thong-ke-ha-noi", "chi-cuc-thong-ke-ha-noi"),
    ],
)
def test_a_merged_department_ends_in_february_2025_and_names_its_successor(
    old: str, new: str
) -> None:
    body = REG[old]
    assert body.valid_to == date(2025, 2, 28)
    successor = REG.successor(old)
    assert successor is not None and successor.id == new
    assert successor.valid_on(CUTOVER)


def test_a_department_new_in_2025_did_not_exist_in_2021() -> None:
    assert not REG["so-nong-nghiep-moi-truong"].valid_on(date(2021, 8, 16))
    assert REG["so-nong-nghiep-moi-truong"].valid_on(CUTOVER)


def test_there_are_fifteen_departments_after_the_reorganisation() -> None:
    kinds = {"sở", "cơ quan chuyên môn"}
    after = [a for a in REG.agencies if a.kind in kinds and a.valid_on(CUTOVER)]
    before = [a for a in REG.agencies if a.kind in kinds and a.valid_on(date(2024, 12, 31))]
    assert len(after) == 15
    assert len(before) == 21


def test_successor_with_a_date_follows_the_chain_to_a_body_valid_then() -> None:
    assert REG.successor("so-tai-chinh") is None
    body = REG.successor("so-ke-hoach-dau-tu", on=date(2025, 6, 1))
    assert body is not None and body.id == "so-tai-chinh"


# --- look-ups -------------------------------------------------------------------------------------


def test_get_returns_none_for_an_unknown_id_and_indexing_raises() -> None:
    assert REG.get("so-y-te") is not None
    assert REG.get("no-such-body") is None
    with pytest.raises(KeyError, match="no-such-body"):
        REG["no-such-body"]


def test_members_of_local_government_are_the_districts_until_july_2025() -> None:
    assert len(REG.members("địa phương", on=date(2021, 8, 16))) == 30
    assert REG.members("địa phương", on=date(2025, 7, 1)) == ()


def test_members_of_departments_follow_the_date() -> None:
    ids_2021 = {a.id for a in REG.members("sở, ban, ngành", on=date(2021, 1, 1))}
    ids_2025 = {a.id for a in REG.members("sở, ban, ngành", on=date(2025, 6, 1))}
    assert "so-ke-hoach-dau-tu" in ids_2021 and "so-ke-hoach-dau-tu" not in ids_2025
    assert "so-nong-nghiep-moi-truong" in ids_2025 and "so-nong-nghiep-moi-truong" not in ids_2021


def test_members_of_an_unknown_group_raise() -> None:
    with pytest.raises(KeyError):
        REG.members("không có")


def test_search_is_accent_and_d_insensitive() -> None:
    assert REG.search("so ke hoach")[0].id == "so-ke-hoach-dau-tu"
    assert REG.search("Sở Kế hoạch")[0].id == "so-ke-hoach-dau-tu"
    assert REG.search("cong an")[0].id == "cong-an-tp"
    assert REG.search("dong da")[0].id == "ubnd-quan-dong-da"


def test_search_finds_abbreviations_and_later_words() -> None:
    assert REG.search("Sở KH&ĐT")[0].id == "so-ke-hoach-dau-tu"
    assert "so-lao-dong-tbxh" in {a.id for a in REG.search("thuong binh")}


def test_search_with_a_date_ranks_bodies_valid_then_first() -> None:
    found = REG.search("so nong nghiep", on=date(2025, 6, 1))
    assert found[0].id == "so-nong-nghiep-moi-truong"
    found = REG.search("so nong nghiep", on=date(2021, 6, 1))
    assert found[0].id == "so-nong-nghiep-ptnt"


def test_search_for_nothing_finds_nothing() -> None:
    assert REG.search("  ") == []
    assert REG.search("xyzzy") == []


def test_fold_search_drops_accents_and_d() -> None:
    assert fold_search("Sở Kế hoạch và Đầu tư") == "so ke hoach va dau tu"


def test_fold_key_treats_connectors_and_tone_placement_alike() -> None:
    assert fold_key("Sở LĐ-TB&XH") == fold_key("Sở LĐ, TB và XH") == "sở lđ tb xh"
    assert fold_key("Uỷ ban nhân dân Thành phố") == "ubnd tp"
    assert fold_key("Sở Văn hoá") == fold_key("Sở Văn hóa")


# --- loading and validation -----------------------------------------------------------------------


def test_load_is_cached_per_process() -> None:
    assert Registry.load() is Registry.load()


def test_load_accepts_another_registry_file(tmp_path: Path) -> None:
    path = tmp_path / "agencies_bacninh.json"
    path.write_text(json.dumps(minimal(), ensure_ascii=False), encoding="utf-8")
    reg = Registry.load(path)
    assert reg.province == "Bắc Ninh"
    assert Registry.load(path) is reg
    [mention] = reg.find("Giao Sở Y tế tỉnh Bắc Ninh chủ trì.")
    assert (mention.agency_id, mention.surface) == ("so-y-te", "Sở Y tế tỉnh Bắc Ninh")


def test_a_missing_file_is_a_registry_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match=r"missing\.json"):
        Registry.load(tmp_path / "missing.json")


def test_a_file_that_is_not_json_is_a_registry_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"broken\.json.*not valid JSON"):
        Registry.load(path)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["agencies"].append(dict(d["agencies"][0])), r"duplicate id 'so-y-te'"),
        (lambda d: d["agencies"][1].update(successor="so-z"), r"successor 'so-z' is not an id"),
        (lambda d: d["agencies"][0].update(groups=["đoàn thể"]), r"unknown group 'đoàn thể'"),
        (lambda d: d["agencies"][0].update(valid_to="2025-02-30"), r"bad date '2025-02-30'"),
        (lambda d: d["agencies"][0].update(valid_from="2025-03-01", valid_to="2025-02-28"),
         "valid_from is after valid_to"),
        (lambda d: d["agencies"][2].update(successor="so-a"), "successor chain loops"),
        (lambda d: d["agencies"][0].update(kind="bộ"), "unknown kind 'bộ'"),
        (lambda d: d["agencies"][0].update(id="Sở Y tế"), "lower-case slug"),
        (lambda d: d["agencies"][0].pop("name"), "'name' must be a non-empty string"),
        (lambda d: d["agencies"][0].update(aliases="Sở YT"), "must be a list"),
        (lambda d: d["groups"][0].update(phrasings=["Sở Y tế"]), "already used by agency"),
        (lambda d: d["groups"].append(dict(d["groups"][0])), "duplicate group label"),
        (lambda d: d.pop("agencies"), "agencies: must be a list"),
    ],
)  # fmt: skip
def test_a_bad_entry_is_a_registry_error_naming_file_and_entry(
    tmp_path: Path, change: Any, message: str
) -> None:
    data = minimal()
    change(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RegistryError, match=message) as info:
        Registry.load(path)
    assert "bad.json" in str(info.value)
    assert info.value.code == "E201"


def test_the_error_names_the_entry_by_index_and_id(tmp_path: Path) -> None:
    data = minimal()
    data["agencies"][1]["successor"] = "so-z"
    with pytest.raises(RegistryError, match=r"agencies\[1\] \(id 'so-a'\)"):
        Registry.from_data(data, "test.json")


def test_the_registrys_group_labels_are_the_contracts():
    from chidao.extract.agencies import Registry
    from chidao.extract.model import GROUP_LABELS

    assert set(Registry.load().groups) <= GROUP_LABELS
