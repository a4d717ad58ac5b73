"""Fuzzy repair of OCR noise where it matters: agency names and document numbers.

Runs only on text that came from OCR (the pipeline checks ``ReadResult.ocr``), right after
normalisation, so every later stage reads the repaired text and all offsets point into
it. Each repair is a :class:`~chidao.extract.model.Correction`; :func:`mark_uncertain`
then flags the agency mentions and references that overlap one, for the reviewer.

- Agency names: a run of words whose letters, tone marks and "đ" stripped (case kept),
  equal a registry name's, or differ by one letter for a name of 12 letters or more,
  is replaced by the registry's spelling: "Sờ Tài chinh" → "Sở Tài chính".
- Document numbers: in "75/NÑQ-CP" each part of the symbol that holds a character a
  symbol never has (a tone mark, "Ñ", "0" among letters) is mapped to the one known
  symbol part within one edit: "NÑQ" → "NQ". Unknown parts without such characters
  ("TTr", "SNN&PTNT") are left alone: they may be right.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from chidao.extract.agencies import fold_key
from chidao.extract.model import AgencyMention, Correction, Reference

if TYPE_CHECKING:
    from chidao.extract.agencies import Registry
    from chidao.extract.pipeline import Extraction

__all__ = ["SYMBOL_PARTS", "fold_case", "mark_uncertain", "ocr_json", "repair"]

# Parts of document symbols ("số, ký hiệu": 75/NQ-CP, 2658/UBND-KT, 15/2020/QĐ-TTg).
SYMBOL_PARTS = frozenset(
    """NQ CP QĐ TTg CT KH TB BC CV UBND HĐND VP KT NĐ TT TTLT QH BTC BYT BNV BGDĐT BKHĐT
    BTNMT BXD BCA BQP BCT BTTTT BLĐTBXH BNNPTNT BVHTTDL BGTVT BTP BKHCN NHNN TU TW VPCP
    VX NC ĐT TH PC HC QLĐT ĐT KGVX XDCB GT NN MT YT GD VH CN TC SYT STC SNV SXD SGTVT
    SKHĐT STNMT SNN SCT SGDĐT SLĐTBXH STP SVHTT STTTT CAHN BCĐ TCT UBMTTQ ĐU BTV BCS
    TTr HD QC QĐi GM TM ĐA CTr KL TTHC CCHC PCTT PCCC ANTT BHXH TKCN CĐS""".split()
)
_SYMBOL_KEYS = {p.upper(): p for p in SYMBOL_PARTS}

_MIN_FUZZY_KEY = 12  # letters: shorter names are too close to each other for one edit
_MAX_NAME_WORDS = 14
_WORD = re.compile(r"[^\s,;:.()\[\]\"“”'‘’]+")
_GAP = re.compile(r"[ \t]+\n?[ \t]*|\n[ \t]*")  # spaces, or one line break, between words
_NUMBER = re.compile(r"(?<![\w/])(\d{1,6}(?:/\d{4})?/)([^\s,;:()\[\]\"“”]{1,40})")
_ASCII_SYMBOL = re.compile(r"[A-Za-zĐđ&]+")


def fold_case(text: str) -> str:
    """Letters without tone marks, "đ" as "d", case kept, spaces collapsed: "Sở Tài" → "So Tai"."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("ð", "d").replace("Ð", "D")
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(bare.split())


# --- the name index ------------------------------------------------------------------------


class _Names:
    """Registry names by folded key, by one-deletion variants of long keys, by first word."""

    def __init__(self, registry: Registry) -> None:
        self.exact: dict[str, str | None] = {}
        for agency in registry.agencies:
            for form in agency.written_forms():
                words = form.split()
                if len(words) < 2 or not form[:1].isupper() or len(words) > _MAX_NAME_WORDS:
                    continue
                key = fold_case(form)
                # two bodies folding alike ("Sở Y tế" of two provinces): keep the first
                self.exact.setdefault(key, form)
        self.first_words = {key.split(" ", 1)[0] for key in self.exact}
        self.lengths = sorted({key.count(" ") + 1 for key in self.exact}, reverse=True)
        self.deletions: dict[str, str | None] = {}
        for key, name in self.exact.items():
            if len(key) >= _MIN_FUZZY_KEY:
                for variant in _deletions(key):
                    known = self.deletions.get(variant, name)
                    self.deletions[variant] = name if known == name else None

    def lookup(self, key: str) -> str | None:
        if key in self.exact:
            return self.exact[key]
        if len(key) < _MIN_FUZZY_KEY:
            return None
        found = {self.deletions.get(v) for v in (key, *_deletions(key))} - {None}
        return found.pop() if len(found) == 1 else None


def _deletions(key: str) -> Iterator[str]:
    for i in range(len(key)):
        yield key[:i] + key[i + 1 :]


@lru_cache(maxsize=4)
def _names(registry: Registry) -> _Names:
    return _Names(registry)


# --- repair --------------------------------------------------------------------------------


def repair(text: str, registry: Registry) -> tuple[str, list[Correction]]:
    """``text`` with agency names and document numbers repaired, and the repairs made
    (offsets into the returned text, in order)."""
    edits = sorted(
        [*_agency_edits(text, _names(registry)), *_number_edits(text)], key=lambda e: e[0]
    )
    out: list[str] = []
    corrections: list[Correction] = []
    pos = shift = 0
    for start, end, value, kind in edits:
        if start < pos:
            continue  # overlaps an earlier repair
        out.append(text[pos:start])
        new_start = start + shift
        corrections.append(
            Correction(new_start, new_start + len(value), text[start:end], value, kind)
        )
        out.append(value)
        shift += len(value) - (end - start)
        pos = end
    out.append(text[pos:])
    return "".join(out), corrections


def _agency_edits(text: str, names: _Names) -> Iterator[tuple[int, int, str, str]]:
    words = [(m.start(), m.end(), fold_case(m.group())) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        start, _, first = words[i]
        if first not in names.first_words or not text[start].isupper():
            i += 1
            continue
        found = _longest_name(text, words, i, names)
        if found is None:
            i += 1
            continue
        count, form = found
        end = words[i + count - 1][1]
        surface = text[start:end]
        if fold_key(surface) != fold_key(form):
            yield start, end, form, "agency"
        i += count


def _longest_name(
    text: str, words: list[tuple[int, int, str]], i: int, names: _Names
) -> tuple[int, str] | None:
    for count in names.lengths:
        if i + count > len(words):
            continue
        run = words[i : i + count]
        if any(not _GAP.fullmatch(text[a[1] : b[0]]) for a, b in itertools.pairwise(run)):
            continue
        form = names.lookup(" ".join(w[2] for w in run))
        if form is not None:
            return count, form
    return None


def _number_edits(text: str) -> Iterator[tuple[int, int, str, str]]:
    for m in _NUMBER.finditer(text):
        symbol = m.group(2).rstrip(".-/")
        parts = symbol.split("-")
        fixed = [_fix_part(p) for p in parts]
        if any(f is None for f in fixed) or fixed == parts:
            continue
        value = m.group(1) + "-".join(f for f in fixed if f is not None)
        yield m.start(), m.start(2) + len(symbol), value, "number"


def _fix_part(part: str) -> str | None:
    """The part as it should read, or None when it cannot be told.

    Edits at the odd characters ("Ñ" in "NÑQ") are tried before edits anywhere else, so
    "NÑQ" is "NQ" (drop the odd letter), not "NN" (drop the "Q").
    """
    if part.upper() in _SYMBOL_KEYS or _ASCII_SYMBOL.fullmatch(part):
        return part
    bare = (
        fold_case(part.replace("Đ", "\x00").replace("Ð", "\x00").replace("ð", "\x00"))
        .replace("\x00", "Đ")
        .upper()
        .replace("0", "O")
    )
    if bare in _SYMBOL_KEYS:
        return _SYMBOL_KEYS[bare]
    if len(bare) != len(part):
        return None
    odd = {i for i, c in enumerate(part) if not _ASCII_SYMBOL.fullmatch(c)}
    for positions in (odd, set(range(len(bare))) - odd):
        near = {_SYMBOL_KEYS.get(bare[:i] + bare[i + 1 :]) for i in positions}
        near |= {
            known
            for key, known in _SYMBOL_KEYS.items()
            if len(key) == len(bare)
            and [i for i, (a, b) in enumerate(zip(key, bare, strict=True)) if a != b][:2]
            in ([i] for i in positions)
        }
        near.discard(None)
        if near:
            return near.pop() if len(near) == 1 else None
    return None


# --- flags ---------------------------------------------------------------------------------


def mark_uncertain(doc: Extraction) -> None:
    """Flag agency mentions and references that overlap a repair (reads ``corrections``)."""
    spans = [(c.start, c.end) for c in doc.corrections]
    if not spans:
        return

    def hit(start: int, end: int) -> bool:
        return any(start < b and a < end for a, b in spans)

    mentions: list[AgencyMention] = [
        *doc.agencies,
        *(m for t in doc.tasks for m in (*t.lead, *t.support)),
    ]
    for m in mentions:
        if hit(m.start, m.end):
            m.uncertain = True
    doc.references = [_flag(r) if hit(r.start, r.end) else r for r in doc.references]


def _flag(ref: Reference) -> Reference:
    return replace(ref, uncertain=True)


def ocr_json(doc: Extraction) -> dict[str, Any]:
    """What the review screen shows about OCR: each page's confidence and what is uncertain.

    ``pages``: one object per page (``confidence`` None for a text-layer page, ``low`` for
    an OCR'd page under the threshold); ``uncertain``: every repair, with the span in
    ``text``, what the OCR read and what it was taken for.
    """
    from chidao.extract.readers.ocr import LOW_CONFIDENCE

    pages = [
        {"page": n, "confidence": c, "low": c is not None and c < LOW_CONFIDENCE}
        for n, c in enumerate(doc.read.pages_confidence, start=1)
    ]
    return {
        "threshold": LOW_CONFIDENCE,
        "pages": pages,
        "low_pages": [p["page"] for p in pages if p["low"]],
        "uncertain": [
            {"kind": c.kind, "read": c.surface, "value": c.value, "span": [c.start, c.end]}
            for c in doc.corrections
        ],
    }
