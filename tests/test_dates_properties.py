"""Properties of ``find_times`` (and ``find_references``) on any text, and on hostile text.

The hostile inputs are large (up to 5 MB) so that a pattern that backtracks badly would
make the suite hang; they carry no timing assertion.
"""

from __future__ import annotations

import random
import re
from datetime import date
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.extract.dates import find_times, parse_date_phrase
from chidao.extract.dates.reading import _context, _Groups
from chidao.extract.dates.rules import _RULES
from chidao.extract.dates.scanner import _BEFORE, _fold
from chidao.extract.model import TimeMention
from chidao.extract.references import find_references, is_reference_number

KINDS = {"deadline", "period", "span", "date", "recurrence", "relative"}
RECURRENCES = {None, "daily", "weekly", "monthly", "quarterly", "yearly"}

# Pieces of real time expressions, so that generated texts hit the grammar often.
PIECES = [
    "trước", "ngày", "30/9", "31/2", "14/7/2021", "16.8.2021", "19-6-2020", "tháng", "8/2021",
    "năm", "2021", "2019 - 2020", "quý", "III/2021", "IV", "cuối", "đầu", "giữa", "hàng",
    "hằng", "mỗi", "tuần", "định kỳ", "6", "15", "07", "báo cáo", "trong", "thời hạn",
    "kể từ", "ký", "ban hành", "giai đoạn", "năm học", "đến", "hết", "cả", "sáng", "chiều",
    "(11/12)", "một lần", "làm việc", "nay", "tới", "sau", "này", "17h00", "chậm nhất", "là",
    "thứ", "Sáu", "định hướng", "tầm nhìn", "2030", "từ", "vào", "hoàn thành", "xong", "qua",
    "Nghị quyết số 75/NQ-CP", "các đơn vị", "x", "1", "/", "-", ".", ",", ":", "(", ")",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", "\n", "", "  "]

phrases = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40
).map(lambda parts: "".join(piece + sep for piece, sep in parts))
any_text = st.one_of(st.text(max_size=300), phrases)
any_date = st.one_of(st.none(), st.dates())
real_dates = st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2090, 12, 31)))


def check_mentions(text: str, found: list[TimeMention]) -> None:
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end].strip() != ""
        assert mention.kind in KINDS
        assert mention.recurrence in RECURRENCES
        assert mention.rule.split(":")[0] == mention.kind
        assert mention.value is None or type(mention.value) is date
        if mention.kind == "recurrence":
            assert mention.value is None
    for before, after in pairwise(found):
        assert before.end <= after.start


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, doc_date=any_date, today=any_date)
def test_find_times_never_raises_and_keeps_its_contract(
    text: str, doc_date: date | None, today: date | None
) -> None:
    check_mentions(text, find_times(text, doc_date=doc_date, today=today))


@settings(max_examples=200)
@given(text=phrases, doc_date=real_dates)
def test_a_yearless_date_takes_the_year_of_the_document(text: str, doc_date: date | None) -> None:
    for mention in find_times(text, doc_date=doc_date):
        surface = text[mention.start : mention.end]
        if mention.kind == "date" and not re.search(r"\d{4}", surface):
            if doc_date is None:
                assert mention.value is None
            else:
                assert mention.value is not None and mention.value.year == doc_date.year


@settings(max_examples=200)
@given(text=phrases)
def test_the_result_does_not_depend_on_the_text_around_a_mention(text: str) -> None:
    """A mention is found the same way when the text is padded with a sentence."""
    pad = "Ủy ban nhân dân Thành phố yêu cầu. "
    plain = [(m.start, m.end, m.kind, m.value, m.rule) for m in find_times(text)]
    padded = [
        (m.start - len(pad), m.end - len(pad), m.kind, m.value, m.rule)
        for m in find_times(pad + text)
    ]
    assert padded == plain


def naive_find_times(text: str, doc_date: date | None, today: date | None) -> list[TimeMention]:
    """The grammar's meaning without the scanner: at every position after whitespace or
    punctuation, try every rule in order; the first accepted match wins."""
    low = " " + _fold(text)
    ctx = _context(doc_date, today)
    rules = [(re.compile(rule.pattern), rule.handler) for rule in _RULES]
    before = re.compile(_BEFORE)
    found: list[TimeMention] = []
    i = 1
    while i < len(low):
        mention = None
        if before.fullmatch(low[i - 1]):
            for regex, handler in rules:
                m = regex.match(low, i)
                if m is None:
                    continue
                try:
                    groups = _Groups(m, dict(regex.groupindex))
                    mention = handler(groups, i - 1, m.end() - 1, ctx)
                except (OverflowError, ValueError):
                    mention = None
                if mention is not None:
                    break
        if mention is None:
            i += 1
        else:
            found.append(mention)
            i = mention.end + 1
    return found


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, doc_date=real_dates)
def test_the_fast_scanner_finds_exactly_what_trying_every_rule_everywhere_finds(
    text: str, doc_date: date | None
) -> None:
    assert find_times(text, doc_date=doc_date) == naive_find_times(text, doc_date, None)


@given(text=any_text, doc_date=any_date)
def test_parse_date_phrase_never_raises(text: str, doc_date: date | None) -> None:
    value = parse_date_phrase(text, doc_date=doc_date)
    assert value is None or type(value) is date


@settings(max_examples=200)
@given(text=any_text, doc_date=any_date)
def test_find_references_never_raises_and_keeps_its_contract(
    text: str, doc_date: date | None
) -> None:
    found = find_references(text, doc_date=doc_date)
    for reference in found:
        assert 0 <= reference.start < reference.end <= len(text)
        assert is_reference_number(reference.number)
        assert reference.number in re.sub(r"\s+", "", text[reference.start : reference.end])
    assert [r.start for r in found] == sorted(r.start for r in found)


def hostile(alphabet: list[str], size: int, seed: int) -> str:
    """``size`` characters of pieces of ``alphabet`` drawn at random (reproducibly)."""
    mean = sum(map(len, alphabet)) / len(alphabet)
    rng = random.Random(seed)
    return "".join(rng.choices(alphabet, k=int(size / mean) + 100))[:size]


def test_five_megabytes_of_digits_slashes_and_ngay_are_scanned() -> None:
    text = hostile([*"0123456789/", "ngày", " ", "ngày "], 5_000_000, seed=1)
    check_mentions(text, find_times(text, doc_date=date(2021, 8, 16)))


def test_five_megabytes_on_one_line_without_spaces_are_scanned() -> None:
    text = hostile([*"0123456789/-.", "ngày"], 5_000_000, seed=2)
    check_mentions(text, find_times(text))


def test_long_runs_of_spaces_after_markers_do_not_backtrack() -> None:
    text = ("trước" + " " * 5000 + "x ngày" + " " * 5000 + "tháng ") * 60
    assert find_times(text) == []


def test_dense_valid_and_invalid_dates_are_scanned() -> None:
    text = "ngày 31/2/2021 trước ngày 30/9 " * 20_000
    found = find_times(text, doc_date=date(2021, 8, 16))
    assert len(found) == 20_000
    assert {m.rule for m in found} == {"deadline:before-date"}


def test_every_marker_without_a_target_is_scanned() -> None:
    text = "trước trong đến chậm nhất hạn chót thời hạn cả hết tới hàng định kỳ " * 20_000
    assert find_times(text) == []


def test_extreme_document_dates_never_raise() -> None:
    text = "trước tháng 1, năm tới, tuần tới, trong 999 năm kể từ ngày ký, trong tháng 12"
    for doc_date in (date.min, date.max, date(9999, 12, 1), date(1, 1, 7)):
        check_mentions(text, find_times(text, doc_date=doc_date, today=doc_date))
