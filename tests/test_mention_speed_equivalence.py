"""The faster forms of the mentions stage decide exactly as the plain rules they replace.

Each test builds the plain rule here (as it was written before it was made fast) and checks
the fast one against it on random texts made of the pieces that matter, and on the samples.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from chidao.extract.agencies import Registry
from chidao.extract.agencies.folding import fold_key
from chidao.extract.agencies.matcher import _Matcher
from chidao.extract.agencies.prepared import _prepare
from chidao.extract.bodies import _HEAD, _HEADS
from chidao.extract.fields import _WHOLE_NAMES
from chidao.extract.normalize import normalize

REG = Registry.load()
REG.find("")  # builds the matcher
SAMPLES = [
    normalize(p.read_text(encoding="utf-8"))
    for p in sorted((Path(__file__).resolve().parent.parent / "samples").iterdir())
    if p.suffix in (".txt", ".md")
]


def matcher() -> _Matcher:
    assert REG._matcher is not None
    return REG._matcher


PLAIN_HEAD = re.compile(
    r"(?<![\w/])(?:"
    + "|".join(re.escape(h) for h in sorted(_HEADS, key=len, reverse=True))
    + r")(?!\w)"
)
PLAIN_WHOLE_NAMES = re.compile(_WHOLE_NAMES.pattern.replace("Nhà thầu thi công|nhà", "[Nn]hà"))


def spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]


def test_head_words_are_found_as_by_the_plain_alternation() -> None:
    pieces = [*_HEADS, "Tổng", "Liên", "x", "X", "/", "-", " ", "  ", "\n", ",", "đoàn", "1", "_"]
    pieces += ["Ban Chỉ", "Cục Thuế", "Trung tâmx", "Quỹ", "Ủy", "Uỷ ban"]
    rng = random.Random(11)
    texts = list(SAMPLES)
    for _ in range(5_000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))))
    for text in texts:
        assert spans(_HEAD, text) == spans(PLAIN_HEAD, text), text
    assert PLAIN_WHOLE_NAMES.pattern != _WHOLE_NAMES.pattern


def test_whole_names_are_found_as_by_the_plain_expression() -> None:
    pieces = ["Nhà thầu thi công", "nhà thầu thi công", "Nhà đầu tư", "nhà", "Nhà", " ", "x"]
    pieces += ["Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình tỉnh", "các "]
    rng = random.Random(12)
    texts = list(SAMPLES)
    for _ in range(3_000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))))
    for text in texts:
        assert spans(_WHOLE_NAMES, text) == spans(PLAIN_WHOLE_NAMES, text), text


def head_start_plain(m: _Matcher, text: str, start: int, key: str) -> int | None:
    """``_Matcher._head_start`` as first written (its early exit a loop and ``rpartition``)."""
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j == start - 1 or text[max(0, j - 12) : j + 1].rpartition(" ")[2] not in m.heads_end:
        return None
    pos = max(0, start - 60)
    while (
        (found := m.head_rx.search(text, pos, start))
        and found.start()
        and text[found.start() - 1].isalnum()
    ):
        pos = found.start() + 1
    if found is None:
        return None
    head = m._title(found.group())
    if head.only_before and not any(key.startswith(fold_key(b)) for b in head.only_before):
        return None
    return found.start()


def test_title_before_a_body_is_found_as_by_the_plain_rule() -> None:
    pieces = ["giám đốc", "chủ tịch", "phó chủ tịch", "thủ trưởng", " ", "  ", "\n", "¶", "x"]
    pieces += ["các", "đồng chí", "ông", "trưởngtrưởngtrưởng", "tịch" * 4, "sở", "ubnd", ","]
    rng = random.Random(13)
    m = matcher()
    for _ in range(4_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
        text += rng.choice(["", " ", "  "]) + "sở y tế"
        prep = _prepare(text)
        for start in range(len(text) + 1):
            fast = m._head_start(prep, start, "sở y tế")
            assert fast == head_start_plain(m, prep.match, start, "sở y tế"), (text, start)


def test_registry_candidates_come_in_order_of_start() -> None:
    """``_merge_patterns`` returns them unsorted when no pattern is added: they must be in
    order already (titles, list items and other provinces included)."""
    m = matcher()
    texts = [
        *SAMPLES,
        "Giám đốc Sở Y tế, Tài chính; Chủ tịch UBND các quận Ba Đình, Hoàn Kiếm và "
        "Sở Y tế tỉnh Nam Định, Sở Xây dựng Hà Nội phối hợp",
    ]
    for text in texts:
        prep = _prepare(text)
        cands = m._expand_lists(prep, m._registry_cands(prep, None), None)
        starts = [c.start for c in cands]
        assert starts == sorted(starts)
        assert m._merge_patterns(prep, cands, []) == cands
