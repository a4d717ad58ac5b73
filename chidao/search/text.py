"""Folding, queries and snippets: the text side of search, the same on every database.

Folding lower-cases, drops accents, turns đ into d (not a diacritic in Unicode, so no
database does it for us) and every other character into a space, one character for one:
a match found in the folded text is at the same offsets in the original, which is how a
snippet highlights "Đầu tư" for the query "dau tu".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_WORD_RX = re.compile(r"[^\W_]+")
# "2658/UBND-KT", "75/NQ-CP", "33/2013/QH13", "187/KH-UBND": digits, a slash, then a code
NUMBER_RX = re.compile(r"\b\d+(?:/[^\W_][\w.\-]*)+", re.UNICODE)


def _fold_char(c: str) -> str:
    if not c.isalnum():
        return " "
    base = unicodedata.normalize("NFD", c.lower())[:1]
    if base in ("đ", "ð"):
        return "d"
    return base if base.isalnum() else " "


class _FoldTable(dict[int, str]):
    """str.translate table that folds each character on first sight, then remembers it."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Same length as ``text`` (NFC): "Sở Kế hoạch và Đầu tư" → "so ke hoach va dau tu"."""
    return text.translate(_TABLE)


def terms(text: str) -> str:
    """The folded words of ``text``, one space apart: what the full-text index reads."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).split())


def body_terms(body: str, *extra: str) -> str:
    """What the index stores of a body (NFC): the body folded, one character for one,
    between two spaces, then ``extra`` terms it is also found by. Character ``p`` of the
    body (counting from 1, as SQL does) is character ``p`` after the first space, so the
    database finds where a word stands without the body being folded again."""
    tail = " ".join(e for e in extra if e)
    return f" {fold(body)} {tail} " if tail else f" {fold(body)} "


def number_key(number: str) -> str:
    """A document number as one token: "2658/UBND-KT" → "2658ubndkt"."""
    return "".join(fold(unicodedata.normalize("NFC", number)).split())


@dataclass
class Query:
    """A parsed query: words (all must occur), and document numbers (as phrases)."""

    words: list[str] = field(default_factory=list)
    numbers: list[list[str]] = field(default_factory=list)
    prefix: bool = False  # the last word may be the start of a longer one

    @property
    def empty(self) -> bool:
        return not self.words and not self.numbers

    @property
    def number_keys(self) -> list[str]:
        return ["".join(n) for n in self.numbers]

    def fts5(self) -> str:
        """The query in SQLite FTS5 syntax (every token quoted: no operator injection)."""
        parts = [f'("{" ".join(n)}" OR "{"".join(n)}")' for n in self.numbers]
        parts += [f'"{w}"' for w in self.words]
        if self.prefix and self.words:
            parts[-1] += "*"
        return " ".join(parts)

    def anchors(self) -> list[str]:
        """Where a match may begin in :func:`body_terms` text: first the whole query as a
        phrase, then " word " (the last word, a prefix: " word") and the first part of
        each number."""
        words = [w for n in self.numbers for w in n] + self.words
        phrase = " " + " ".join(words) + ("" if self.prefix else " ")
        found = [phrase, *(f" {n[0]} " for n in self.numbers)]
        for i, w in enumerate(self.words):
            open_end = self.prefix and i == len(self.words) - 1
            found.append(f" {w}" if open_end else f" {w} ")
        return list(dict.fromkeys(found))

    def tsquery(self) -> str:
        """The query in PostgreSQL ``to_tsquery`` syntax (tokens are letters and digits)."""
        parts = [f"({' <-> '.join(n)} | {''.join(n)})" for n in self.numbers]
        parts += list(self.words)
        if self.prefix and self.words:
            parts[-1] += ":*"
        return " & ".join(parts)


def parse(q: str, *, max_words: int = 12) -> Query:
    q = unicodedata.normalize("NFC", q or "")[:300]
    numbers = [_WORD_RX.findall(fold(n)) for n in NUMBER_RX.findall(q)]
    rest = NUMBER_RX.sub(" ", q)
    words = list(dict.fromkeys(_WORD_RX.findall(fold(rest))))[:max_words]
    prefix = bool(words) and not rest.endswith((" ", "\t")) and len(words[-1]) >= 2
    return Query(words=words, numbers=[n for n in numbers if n], prefix=prefix)


def _pattern(query: Query) -> re.Pattern[str] | None:
    """Where the query's words stand in folded text (whole words; the last as a prefix)."""
    alternatives = []
    for n in query.numbers:
        alternatives.append(r"\W+".join(map(re.escape, n)) + r"(?![^\W_])")
    for i, w in enumerate(query.words):
        open_end = query.prefix and i == len(query.words) - 1
        alternatives.append(re.escape(w) + ("" if open_end else r"(?![^\W_])"))
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")")


def highlight(text: str, query: Query) -> SafeString:
    """The whole ``text``, escaped, with the query's matches in <mark>."""
    text = unicodedata.normalize("NFC", text)
    return _marked(text, 0, len(text), _spans(fold(text), query))


def snippet(
    text: str, query: Query, *, width: int = 260, cut_before: bool = False, cut_after: bool = False
) -> SafeString:
    """About ``width`` characters of ``text`` around its best match, escaped, with <mark>.

    ``text`` may be a window of a longer body (``cut_before``/``cut_after``: the body goes
    on that side), so a snippet never costs more than the window it is built from.
    """
    text = unicodedata.normalize("NFC", text)
    folded = fold(text)
    spans = _spans(folded, query, limit=400)
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        start = _best_window(text, folded, spans, width)
        end = min(len(text), start + width)
    if end < len(text):  # end on a word boundary
        cut = text.rfind(" ", start + width // 2, end)
        end = cut if cut > 0 else end
    inner = _marked(text, start, end, [s for s in spans if s[0] >= start and s[1] <= end])
    before = "… " if start > 0 or cut_before else ""
    after = " …" if end < len(text) or cut_after else ""
    return mark_safe(before + inner + after)


def _spans(folded: str, query: Query, *, limit: int = 10_000) -> list[tuple[int, int]]:
    """Where the query matches in ``folded`` text (the same offsets as in the original)."""
    pattern = _pattern(query)
    if pattern is None or not folded:
        return []
    spans = []
    for m in pattern.finditer(folded):
        spans.append(m.span())
        if len(spans) >= limit:
            break
    return spans


def _best_window(text: str, folded: str, spans: list[tuple[int, int]], width: int) -> int:
    """The start of the window that shows the most different matched words."""
    best, best_score = 0, -1
    for i, (s, _e) in enumerate(spans):
        window_end, words = s + width - 60, set()
        for a, b in spans[i:]:  # in order: stop at the first one past the window
            if b > window_end:
                break
            words.add(folded[a:b])
        if len(words) > best_score:
            best, best_score = s, len(words)
    start = max(0, best - 60)
    if start > 0:  # start on a word boundary
        space = text.find(" ", start, best)
        start = space + 1 if space >= 0 else start
    return start


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> SafeString:
    out, at = [], start
    for s, e in spans:
        if s < at:
            continue
        out.append(_flat(escape(text[at:s])))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        at = e
    out.append(_flat(escape(text[at:end])))
    return mark_safe("".join(out))


def _flat(html: str) -> str:
    return re.sub(r"\s+", " ", html)
