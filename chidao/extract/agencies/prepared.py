"""A text prepared for matching: the same text three ways, all the same length (NFC as
written, lower case, canonical copy), and the map from NFC offsets back to the offsets of
the text as given when the input was not NFC (``_prepare``, ``_Prepared``, ``_OffsetMap``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from chidao.extract.agencies.folding import _match_text

_COMBINING_RUN = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.S)


@dataclass(frozen=True, slots=True)
class _OffsetMap:
    """Offsets in the NFC text → offsets in the text as given.

    Only runs of combining marks change length under NFC; the map keeps, per such run, its
    start and length on both sides (``cs``/``cl`` in NFC, ``os``/``ol`` as given).
    """

    cs: tuple[int, ...]
    cl: tuple[int, ...]
    os: tuple[int, ...]
    ol: tuple[int, ...]

    def start(self, x: int) -> int:
        k = bisect_right(self.cs, x) - 1
        if k < 0:
            return x
        if x < self.cs[k] + self.cl[k]:
            return self.os[k]
        return x + (self.os[k] + self.ol[k]) - (self.cs[k] + self.cl[k])

    def end(self, x: int) -> int:
        k = bisect_right(self.cs, x - 1) - 1
        if k >= 0 and x - 1 < self.cs[k] + self.cl[k]:
            return self.os[k] + self.ol[k]
        return self.start(x - 1) + 1 if x > 0 else 0


def _nfc_with_map(text: str) -> tuple[str, _OffsetMap] | None:
    """NFC of ``text`` composed run by run, with its offset map; None if that is not NFC."""
    pieces: list[str] = []
    cs: list[int] = []
    cl: list[int] = []
    os_: list[int] = []
    ol: list[int] = []
    last = shift = 0
    for m in _COMBINING_RUN.finditer(text):
        composed = unicodedata.normalize("NFC", m.group())
        pieces.append(text[last : m.start()])
        pieces.append(composed)
        cs.append(m.start() + shift)
        cl.append(len(composed))
        os_.append(m.start())
        ol.append(m.end() - m.start())
        shift += len(composed) - (m.end() - m.start())
        last = m.end()
    pieces.append(text[last:])
    cased = "".join(pieces)
    if not unicodedata.is_normalized("NFC", cased):
        return None
    return cased, _OffsetMap(tuple(cs), tuple(cl), tuple(os_), tuple(ol))


def _nfc_slow(text: str) -> tuple[str, _OffsetMap]:
    """NFC character cluster by cluster, for texts the run-by-run way cannot normalise."""
    pieces: list[str] = []
    cs: list[int] = []
    cl: list[int] = []
    os_: list[int] = []
    ol: list[int] = []
    i, n, out = 0, len(text), 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        pieces.append(piece)
        cs.append(out)
        cl.append(len(piece))
        os_.append(i)
        ol.append(j - i)
        out += len(piece)
        i = j
    return "".join(pieces), _OffsetMap(tuple(cs), tuple(cl), tuple(os_), tuple(ol))


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One text three ways, all the same length: NFC as written, lower case, canonical."""

    original: str
    cased: str
    lower: str
    match: str
    offsets: _OffsetMap | None  # None: ``cased`` is ``original``

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in ``cased`` → offsets in ``original``."""
        if self.offsets is None:
            return start, end
        return self.offsets.start(start), self.offsets.end(end)


def _prepare(text: str) -> _Prepared:
    cased, offsets = text, None
    if not unicodedata.is_normalized("NFC", text):
        cased, offsets = _nfc_with_map(text) or _nfc_slow(text)
    lower = cased.lower()
    if len(lower) != len(cased):  # a character whose lower case is longer: keep it as is
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in cased)
    return _Prepared(text, cased, lower, _match_text(lower), offsets)
