"""The matcher's shortcuts decide exactly as the full rules they stand in for.

``Registry.find`` takes cheap early exits (compound words, list continuations, cached
resolutions and group members); each test here checks one against the plain rule.
"""

from __future__ import annotations

import itertools
import json
import random
from datetime import date
from importlib import resources

import pytest

from chidao.extract.agencies import DEFAULT_REGISTRY, Registry
from chidao.extract.agencies.candidates import _COMPOUNDS, _capital_next, _in_compound
from chidao.extract.agencies.matcher import _Matcher
from chidao.extract.agencies.prepared import _prepare

REG = Registry.load()
REG.find("")  # builds the matcher


def matcher() -> _Matcher:
    assert REG._matcher is not None
    return REG._matcher


def in_compound_plain(text: str, start: int) -> bool:
    """The rule of ``_in_compound`` without its early exit."""
    first = text[start : start + 2]
    if first not in _COMPOUNDS or text[start + 2 : start + 3].isalnum():
        return False
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1] in _COMPOUNDS[first]


def test_in_compound_matches_the_plain_rule() -> None:
    pieces = ["sở", "bộ", "cơ", "trụ", "cán", "toàn", "đồng", "nội", " ", "  ", "\n", "(", "x"]
    pieces += ["ơ", "n", "¶", "\t", "1", "sởx", "g"]
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
        for start in range(len(text) + 1):
            assert _in_compound(text, start) == in_compound_plain(text, start), (
                text,
                start,
            )


def next_department(text: str, end: int) -> bool:
    """Whether the expression for the next department finds a capitalised item at ``end``."""
    prep = _prepare(text)
    m = matcher().so_next.match(prep.match, end)
    return m is not None and prep.cased[m.start("d")].isupper()


@pytest.mark.parametrize(
    "tail",
    [
        " chủ trì",
        ", Tài chính",
        " và Tài chính",
        " - Xây dựng",
        "; Tư pháp",
        " ;Tư pháp",
        "   \n  Tài chính",
        " " * 14 + "Tài chính",
        "Tài chính",
        " tài chính",
        "",
        " ",
        ", và Nội vụ",
        " & Công Thương",
    ],
)
def test_capital_next_never_hides_a_list_item(tail: str) -> None:
    text = "Giao Sở Y tế" + tail
    end = len("Giao Sở Y tế")
    if next_department(text, end):
        assert _capital_next(_prepare(text), end)


def test_lists_still_follow_departments() -> None:
    found = REG.find("Giao Sở Y tế và Tài chính; Xây dựng, Tư pháp phối hợp.")
    assert [m.name for m in found] == ["Sở Y tế", "Sở Tài chính", "Sở Xây dựng", "Sở Tư pháp"]
    assert [m.rule for m in found] == ["registry", "list", "list", "list"]


def fresh_registry() -> Registry:
    """The packaged registry again, with nothing cached yet."""
    path = resources.files("chidao.extract").joinpath("data", DEFAULT_REGISTRY)
    return Registry.from_data(json.loads(path.read_text(encoding="utf-8")))


def test_cached_results_do_not_depend_on_call_order() -> None:
    """A fresh registry gives what a registry warmed on other dates gives."""
    text = (
        "Giao Cục Thống kê, các sở, ban, ngành và UBND các quận, huyện, thị xã; "
        "Giám đốc Sở Y tế chủ trì; địa phương phối hợp; Chủ tịch UBND quận Ba Đình báo cáo."
    )
    days = [None, date(2019, 1, 1), date(2021, 8, 16), date(2025, 8, 1), None]
    warmed = fresh_registry()
    for day in days:
        assert fresh_registry().find(text, on=day) == warmed.find(text, on=day)
    assert fresh_registry().find(text, on=date(2019, 1, 1)) == REG.find(text, on=date(2019, 1, 1))


def test_group_members_match_the_registry() -> None:
    days = [None, date(2010, 1, 1), date(2021, 8, 16), date(2025, 8, 1), date(2030, 1, 1)]
    for label, day in itertools.product(REG.groups, days):
        expected = tuple(a.id for a in REG.members(label, on=day))
        assert matcher()._group_members(label, day) == expected
    assert matcher()._group_members(None, None) == ()
    assert matcher()._group_members("no such group", None) == ()


def test_capital_next_on_random_tails() -> None:
    pieces = [" ", "  ", ",", ";", " và ", "-", "&", "\n", "\n\n", "(", "Tài chính", "tài chính"]
    pieces += ["Xây dựng", "Nội vụ", "chủ trì", "X", "\t"]
    rng = random.Random(5)
    end = len("Giao Sở Y tế")
    for _ in range(3_000):
        text = "Giao Sở Y tế" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        if next_department(text, end):
            assert _capital_next(_prepare(text), end), text
