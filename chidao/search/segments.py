"""Long bodies in stretches: where a snippet of a directive of megabytes is found and read.

An entry whose body has LONG_BODY characters or more keeps it also as SearchSegment rows:
stretches of SEGMENT characters, each running OVERLAP characters into the next (so a phrase
or a snippet's window that straddles a boundary lies whole in one of them), with their folded
text under a full-text index of their own (an FTS5 table on SQLite, a tsvector column on
PostgreSQL; migration 0004). The index names the stretches where a query stands; the
snippet's position is looked for in one or two of them (a few kilobytes) and its window read
from one: a search never scans the whole body (the last version looked for each word of the
query, one by one, through megabytes of compressed text).
"""

from __future__ import annotations

from typing import NamedTuple

LONG_BODY = 50_000  # characters: a shorter body is searched whole (instr over < 50 kB)
SEGMENT = 16_000
OVERLAP = 1_000  # more than a snippet's window (engine.WINDOW + 1) and any phrase typed


class Stretch(NamedTuple):
    start: int  # offset of ``body`` in the entry's body, from 0
    body: str  # the entry's body from ``start``, SEGMENT + OVERLAP characters at most
    terms: str  # ``body`` folded, after the character before it (a space at the very start)


def split(body: str, body_terms: str) -> list[Stretch]:
    """The stretches of a long body; none for a short one. ``body_terms`` is the entry's
    (chidao.search.text.body_terms): folded, one character for one, after one space, so
    the folded stretch is cut from it, not folded again. The last stretch's terms end with
    the space after the body: a word at its very end is whole."""
    if len(body) < LONG_BODY:
        return []
    stretches = []
    for start in range(0, len(body), SEGMENT):
        end = min(len(body), start + SEGMENT + OVERLAP)
        last = end == len(body)
        stretches.append(Stretch(start, body[start:end], body_terms[start : end + 1 + last]))
        if last:
            break
    return stretches


def position(stretch_start: int, found: int) -> int:
    """Where ``found`` (an offset in a stretch's terms, from 0) stands in the entry's
    body_terms, counted from 1 as instr/strpos count: the same number the whole-body
    search gives, so snippets are placed the same way for short and long bodies."""
    return stretch_start + found + 1
