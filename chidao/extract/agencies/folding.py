"""Text folding: the canonical forms that written names are compared and matched in.

:func:`fold_key` is the key of a written form (equal keys mean the same name), with old
tone placement ("hoá", "uỷ") moved to the new ("hóa", "ủy"); :func:`fold_search` is the
accent-insensitive form for autocomplete; :func:`_match_text` is the length-preserving
canonical copy of a text that the registry expression runs on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# old-style tone placement -> new style, in open syllables only ("hoá" but not "hoạch")
_OLD_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_NEW_TONE = {new: old for old, new in _OLD_TONE.items()}
_OLD_TONE_RX = re.compile(r"[ou][àáảãạèéẻẽẹỳýỷỹỵ](?!\w)")  # a character class first: fast
_CONNECTORS = "-–—,&/+"
_PUNCT_RX = re.compile(r"[\-–—,;:.&/+()\[\]\"“”'’…]")
_VA_RX = re.compile(r"và(?<!\wvà)(?!\w)")  # literal first: a fast scan
_SPACES_RX = re.compile(r"\s+")
_MULTIWORD = (
    (re.compile(r"(?<!\w)ủy ban nhân dân(?!\w)"), "ubnd"),
    (re.compile(r"(?<!\w)hội đồng nhân dân(?!\w)"), "hđnd"),
    (re.compile(r"(?<!\w)thành phố(?!\w)"), "tp"),
)


def _new_tones(text: str) -> str:
    """Old tone placement to new at word ends; keeps the length."""
    return _OLD_TONE_RX.sub(lambda m: _OLD_TONE.get(m.group(), m.group()), text)


@lru_cache(maxsize=8192)
def fold_key(text: str) -> str:
    """Canonical key of a written form: equal keys mean the same name.

    NFC, lower case, ð→đ, new-style tone placement, punctuation and the connector "và" as
    spaces, spaces collapsed, then "ủy ban nhân dân"→"ubnd", "hội đồng nhân dân"→"hđnd",
    "thành phố"→"tp". So "Sở LĐ-TB&XH" and "Sở LĐ, TB và XH" share the key "sở lđ tb xh".
    """
    t = _new_tones(unicodedata.normalize("NFC", text).lower().replace("ð", "đ"))
    t = _VA_RX.sub(" ", _PUNCT_RX.sub(" ", t))
    t = _SPACES_RX.sub(" ", t).strip()
    for rx, short in _MULTIWORD:
        t = rx.sub(short, t)
    return t


def fold_search(text: str) -> str:
    """Accent- and đ-insensitive form for autocomplete: "Sở Kế hoạch" → "so ke hoach"."""
    t = unicodedata.normalize("NFD", text.lower()).replace("đ", "d").replace("ð", "d")
    t = "".join(c for c in t if not unicodedata.combining(c))
    return _SPACES_RX.sub(" ", _PUNCT_RX.sub(" ", t)).strip()


_BLANK_LINE_RX = re.compile(r"\n(?=[^\S\n]*\n)")


def _match_text(lower: str) -> str:
    """The canonical copy the registry expression runs on; same length as ``lower``.

    Connectors become spaces, "và" two spaces, and a blank line "¶", so that no written
    form spans two paragraphs. (Tone placement is left alone: the expressions accept both.)
    """
    t = lower.replace("ð", "đ")
    for connector in _CONNECTORS:  # str.replace is many times faster than a regex here
        t = t.replace(connector, " ")
    return _BLANK_LINE_RX.sub("¶", _VA_RX.sub("  ", t))
