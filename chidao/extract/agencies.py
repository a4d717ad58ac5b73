"""The agency registry (data, not code) and the matcher that finds assignees in text.

The registry is a JSON file (``data/agencies_hanoi.json`` for Hà Nội; another province is
another file) listing every body a directive may name — written forms, kind, groups,
validity dates, successor — plus the group phrasings ("các sở, ban, ngành"), the vague
ones ("các đơn vị liên quan") and the head titles that stand for their body ("Giám đốc").
:meth:`Registry.load` reads and validates a file once per process; :meth:`Registry.find`
returns :class:`~chidao.extract.model.AgencyMention` objects whose offsets index the text
exactly as given.

Matching is case-insensitive and accent-sensitive, but tolerant of old and new tone
placement (hoá/hóa, uỷ/ủy), of "và"/"&"/"-"/"," between the parts of a name, of extra
spaces and line breaks, and of "Ủy ban nhân dân"/"UBND", "Hội đồng nhân dân"/"HĐND" and
"thành phố"/"TP". It runs on a length-preserving canonical copy of the text (lower case,
connectors as spaces), so one trie-shaped regular expression with bounded quantifiers
covers every written form, and offsets need mapping back only when the input was not NFC.
Bodies of other provinces and unregistered bodies are recognised by pattern ("Sở Y tế
tỉnh Bắc Ninh", "UBND phường Phúc Xá") with ``agency_id`` None.

The cost grows with the length of the text and the number of mentions, never worse: the
expressions use bounded repetition only, and Python code runs per match, not per position.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from chidao.extract.errors import ExtractError
from chidao.extract.model import AgencyMention

__all__ = [
    "DEFAULT_REGISTRY",
    "Agency",
    "GroupDef",
    "Registry",
    "RegistryError",
    "find_agencies",
    "fold_key",
    "fold_search",
]

DEFAULT_REGISTRY = "agencies_hanoi.json"  # in the package's data/ folder


class RegistryError(ExtractError):
    """The registry file is unreadable or invalid; the message names the file and entry."""

    code = "E201"


# --- folding -----------------------------------------------------------------------------------

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


# --- registry data -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agency:
    """One body of the registry. ``name`` is the full official short form used in output."""

    id: str
    name: str
    full_name: str
    aliases: tuple[str, ...]
    kind: str
    groups: tuple[str, ...]
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = None
    note: str = ""

    def valid_on(self, day: date) -> bool:
        """True when the body existed on ``day`` (bounds inclusive; None is open)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def written_forms(self) -> tuple[str, ...]:
        """Name, full name and aliases, without duplicates, in that order."""
        return tuple(dict.fromkeys((self.name, self.full_name, *self.aliases)))


@dataclass(frozen=True, slots=True)
class GroupDef:
    """A group label and how texts write it.

    ``context_phrasings`` are also ordinary nouns ("địa phương", "đơn vị"): they count only
    next to another assignee, at the start of a clause, or after a directive verb.
    """

    label: str
    description: str
    phrasings: tuple[str, ...]
    context_phrasings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Head:
    text: str
    only_before: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Target:
    """What a folded written form stands for."""

    kind: str  # "agency" | "group" | "vague"
    ids: tuple[str, ...] = ()  # agencies sharing this written form, in file order
    label: str | None = None  # group label (for a vague form: the group it narrows, if any)
    context: bool = False  # a context-only group phrasing


@dataclass(frozen=True, slots=True)
class _Province:
    name: str
    level_words: tuple[str, ...]  # "thành phố", "TP" (or "tỉnh")
    place_names: tuple[str, ...]  # "Hà Nội", "HN"


@dataclass(frozen=True, slots=True)
class _Parts:
    """A validated registry file."""

    province: _Province
    agencies: tuple[Agency, ...]
    groups: tuple[GroupDef, ...]
    heads: tuple[_Head, ...]
    vague_phrasings: tuple[str, ...]
    vague_suffixes: tuple[str, ...]


# --- loading and validation --------------------------------------------------------------------


def _fail(path: str, where: str, reason: str) -> RegistryError:
    return RegistryError(path, f"{where}: {reason}" if where else reason)


def _str_list(value: Any, path: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, where, "must be a list of non-empty strings")
    return tuple(value)


def _req_str(obj: Mapping[str, Any], key: str, path: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, f"'{key}' must be a non-empty string")
    return value


def _date(value: Any, path: str, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _fail(path, where, f"bad date {value!r} (want YYYY-MM-DD or null)") from None


_ID_RX = re.compile(r"[a-z0-9][a-z0-9-]*")


def _parse_agency(raw: Any, i: int, path: str, kinds: set[str], labels: set[str]) -> Agency:
    where = f"agencies[{i}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "must be an object")
    ident = _req_str(raw, "id", path, where)
    where = f"agencies[{i}] (id {ident!r})"
    if not _ID_RX.fullmatch(ident):
        raise _fail(path, where, "id must be a lower-case slug (a-z, 0-9, '-')")
    kind = _req_str(raw, "kind", path, where)
    if kinds and kind not in kinds:
        raise _fail(path, where, f"unknown kind {kind!r} (not listed in 'kinds')")
    groups = _str_list(raw.get("groups"), path, where + ".groups")
    for g in groups:
        if g not in labels:
            raise _fail(path, where, f"unknown group {g!r}")
    successor = raw.get("successor")
    if successor is not None and not isinstance(successor, str):
        raise _fail(path, where, "successor must be an id or null")
    name = _req_str(raw, "name", path, where)
    agency = Agency(
        id=ident,
        name=name,
        full_name=str(raw.get("full_name") or name),
        aliases=_str_list(raw.get("aliases"), path, where + ".aliases"),
        kind=kind,
        groups=groups,
        valid_from=_date(raw.get("valid_from"), path, where + ".valid_from"),
        valid_to=_date(raw.get("valid_to"), path, where + ".valid_to"),
        successor=successor,
        note=str(raw.get("note") or ""),
    )
    if agency.valid_from and agency.valid_to and agency.valid_from > agency.valid_to:
        raise _fail(path, where, "valid_from is after valid_to")
    return agency


def _parse_group(raw: Any, i: int, path: str) -> GroupDef:
    where = f"groups[{i}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "must be an object")
    label = _req_str(raw, "label", path, where)
    where = f"groups[{i}] ({label!r})"
    return GroupDef(
        label=label,
        description=str(raw.get("description") or ""),
        phrasings=_str_list(raw.get("phrasings"), path, where + ".phrasings"),
        context_phrasings=_str_list(raw.get("context_phrasings"), path, where + ".context"),
    )


def _parse_heads(raw: Any, path: str) -> tuple[_Head, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _fail(path, "heads", "must be a list")
    heads = []
    for i, h in enumerate(raw):
        if not isinstance(h, dict):
            raise _fail(path, f"heads[{i}]", "must be an object with 'text'")
        before = _str_list(h.get("only_before"), path, f"heads[{i}].only_before")
        heads.append(_Head(_req_str(h, "text", path, f"heads[{i}]"), before))
    return tuple(heads)


def _parse_province(raw: Any, path: str) -> _Province:
    if not isinstance(raw, dict):
        raise _fail(path, "province", "must be an object with 'name'")
    name = _req_str(raw, "name", path, "province")
    return _Province(
        name=name,
        level_words=_str_list(raw.get("level_words"), path, "province.level_words"),
        place_names=_str_list(raw.get("place_names"), path, "province.place_names") or (name,),
    )


def _check_ids(agencies: Sequence[Agency], path: str) -> None:
    """Unique ids; successors exist and their chains end."""
    first: dict[str, int] = {}
    for i, a in enumerate(agencies):
        if a.id in first:
            raise _fail(path, f"agencies[{i}]", f"duplicate id {a.id!r} (first at [{first[a.id]}])")
        first[a.id] = i
    by_id = {a.id: a for a in agencies}
    for i, a in enumerate(agencies):
        where = f"agencies[{i}] (id {a.id!r})"
        seen = {a.id}
        nxt = a.successor
        while nxt is not None:
            if nxt not in by_id:
                raise _fail(path, where, f"successor {nxt!r} is not an id in this file")
            if nxt in seen:
                raise _fail(path, where, f"successor chain loops back to {nxt!r}")
            seen.add(nxt)
            nxt = by_id[nxt].successor


def _parse_document(data: Any, path: str) -> _Parts:
    """Validate a whole registry file (parsed JSON); raise :class:`RegistryError` if bad."""
    if not isinstance(data, dict):
        raise _fail(path, "", "the registry must be a JSON object")
    if not isinstance(data.get("agencies"), list):
        raise _fail(path, "agencies", "must be a list")
    if not isinstance(data.get("groups") or [], list):
        raise _fail(path, "groups", "must be a list")
    groups = tuple(_parse_group(g, i, path) for i, g in enumerate(data.get("groups") or []))
    labels = [g.label for g in groups]
    for i, label in enumerate(labels):
        if label in labels[:i]:
            raise _fail(path, f"groups[{i}]", f"duplicate group label {label!r}")
    kinds = set(_str_list(data.get("kinds"), path, "kinds"))
    agencies = tuple(
        _parse_agency(a, i, path, kinds, set(labels)) for i, a in enumerate(data["agencies"])
    )
    _check_ids(agencies, path)
    vague = data.get("vague") or {}
    if not isinstance(vague, dict):
        raise _fail(path, "vague", "must be an object")
    return _Parts(
        province=_parse_province(data.get("province"), path),
        agencies=agencies,
        groups=groups,
        heads=_parse_heads(data.get("heads"), path),
        vague_phrasings=_str_list(vague.get("phrasings"), path, "vague.phrasings"),
        vague_suffixes=_str_list(vague.get("suffixes"), path, "vague.suffixes")
        or ("liên quan", "có liên quan"),
    )


# --- the index of written forms ----------------------------------------------------------------


def _add_target(index: dict[str, _Target], key: str, new: _Target, path: str, what: str) -> None:
    """Record ``key``; bodies may share a written form, but not with a group or vague form."""
    old = index.get(key)
    if old is None:
        index[key] = new
    elif old.kind == new.kind == "agency":
        index[key] = replace(old, ids=old.ids + tuple(i for i in new.ids if i not in old.ids))
    elif old.kind == new.kind and old.label == new.label:
        index[key] = replace(old, context=old.context and new.context)
    else:
        where = f"{old.kind} {old.label or ', '.join(old.ids)}"
        raise _fail(path, what, f"written form {key!r} is already used by {where}")


def _strip_suffix(key: str, suffixes: Sequence[str]) -> str | None:
    for suf in suffixes:
        if key.endswith(" " + suf):
            return key[: -len(suf) - 1]
    return None


def _build_index(parts: _Parts, path: str) -> dict[str, _Target]:
    """Folded written form → what it stands for, for bodies, groups and vague phrasings."""
    index: dict[str, _Target] = {}
    for a in parts.agencies:
        for form in a.written_forms():
            if key := fold_key(form):
                _add_target(index, key, _Target("agency", (a.id,)), path, f"agency {a.id!r}")
    for g in parts.groups:
        strong = {fold_key(f) for f in g.phrasings}
        for key in strong:
            _add_target(index, key, _Target("group", label=g.label), path, g.label)
        for form in (g.label, *g.context_phrasings):  # a bare label is a noun too
            if fold_key(form) not in strong:
                target = _Target("group", label=g.label, context=True)
                _add_target(index, fold_key(form), target, path, g.label)
    suffixes = _suffix_keys(parts.vague_suffixes)
    for form in parts.vague_phrasings:
        key = fold_key(form)
        base = _strip_suffix(key, suffixes)
        narrowed = index.get(base) if base else None
        label = narrowed.label if narrowed and narrowed.kind == "group" else None
        _add_target(index, key, _Target("vague", label=label), path, f"vague {form!r}")
    return index


def _suffix_keys(suffixes: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted({fold_key(s) for s in suffixes}, key=len, reverse=True))


# --- the registry expression (runs on the canonical copy of the text) -----------------------------

_SEP = r"\s{1,10}"  # blank lines are "¶" in the canonical copy, so never inside a match
_SEP_DOT = r"(?:\.\s{0,8}|\s{1,10})"  # after an abbreviation: "TP.Hà Nội", "Q. Ba Đình"
_DOT_TOKENS = frozenset({"tp", "q", "h", "tx", "p", "x", "tt"})
_SPECIAL_TOKENS = {
    "ubnd": rf"(?:ubnd|(?:ủy|uỷ){_SEP}ban{_SEP}nhân{_SEP}dân)",
    "hđnd": rf"(?:hđnd|hội{_SEP}đồng{_SEP}nhân{_SEP}dân)",
    "tp": rf"(?:tp|thành{_SEP}phố)",
}


def _token_rx(tok: str) -> str:
    """A folded word as a regex: either tone placement at its end ("hóa"/"hoá")."""
    if tok in _SPECIAL_TOKENS:
        return _SPECIAL_TOKENS[tok]
    if tok[-2:] in _NEW_TONE:
        return re.escape(tok[:-2]) + f"(?:{tok[-2:]}|{_NEW_TONE[tok[-2:]]})"
    return re.escape(tok)


def _spellings(tok: str) -> tuple[str, ...]:
    """Literal spellings of a folded word (both tone placements)."""
    if tok[-2:] in _NEW_TONE:
        return tok, tok[:-2] + _NEW_TONE[tok[-2:]]
    return (tok,)


def _phrase_rx(text: str) -> str:
    """A written form as a regex over the canonical copy of the text."""
    toks = fold_key(text).split()
    out = _token_rx(toks[0])
    for prev, tok in itertools.pairwise(toks):
        out += (_SEP_DOT if prev in _DOT_TOKENS else _SEP) + _token_rx(tok)
    return out


def _alternation(phrases: Sequence[str]) -> str:
    uniq = sorted({_phrase_rx(p) for p in phrases if fold_key(p)}, key=len, reverse=True)
    return "(?:" + "|".join(uniq) + ")" if uniq else "(?!)"


@dataclass
class _Trie:
    """Written forms as a trie of words; its expression tries longer forms first."""

    children: dict[str, _Trie] = field(default_factory=dict)
    end: bool = False  # a complete written form ends here

    def add(self, tokens: Sequence[str]) -> None:
        node = self
        for tok in tokens:
            node = node.children.setdefault(tok, _Trie())
        node.end = True

    def rx(self, tok: str) -> str:
        """The expression for what may follow ``tok``, the word that led to this node."""
        if not self.children:
            return ""
        sep = _SEP_DOT if tok in _DOT_TOKENS else _SEP
        body = sep + self.words_rx()
        return f"(?:{body})?" if self.end else body

    def words_rx(self) -> str:
        """The next words, spelt as a character trie.

        Python's engine tries the alternatives of a group one by one; branching on one
        character at a time keeps the cost per position of the text small.
        """
        chars = _CharTrie()
        for tok, child in self.children.items():
            rest = child.rx(tok)
            for spelling in _SPELLINGS.get(tok) or _spellings(tok):
                chars.add(spelling, rest)
        return chars.rx()


_SPELLINGS = {  # the special tokens, written out: (literal first word, rest of the expression)
    "ubnd": ("ubnd", *(f"{u}{_SEP}ban{_SEP}nhân{_SEP}dân" for u in ("ủy", "uỷ"))),
    "hđnd": ("hđnd", "hội" + _SEP + "đồng" + _SEP + "nhân" + _SEP + "dân"),
    "tp": ("tp", "thành" + _SEP + "phố"),
}


@dataclass
class _CharTrie:
    children: dict[str, _CharTrie] = field(default_factory=dict)
    tails: list[str] = field(default_factory=list)  # expressions that follow a complete word

    def add(self, spelling: str, rest: str) -> None:
        """``spelling`` starts with a literal word, maybe followed by expression text."""
        word = spelling.partition("\\")[0]  # up to the first escape, i.e. a separator
        node = self
        for ch in word:
            node = node.children.setdefault(ch, _CharTrie())
        node.tails.append(spelling[len(word) :] + rest)

    def rx(self) -> str:
        alts = [re.escape(ch) + child.rx() for ch, child in sorted(self.children.items())]
        alts += sorted(set(self.tails), key=len, reverse=True)
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _heads_rx(heads: Sequence[_Head]) -> str:
    """Titles that stand for their body ("Giám đốc", "Các Phó Chủ tịch"), ending at the
    body; a character trie first, so that a search skips quickly to where one starts."""
    forms: set[str] = set()
    for h in heads:
        title = fold_key(h.text)
        for prefix in ("", "các ", "đồng chí ", "ông ", "bà ", "các đồng chí "):
            forms.update(prefix + t for t in _spellings_of_phrase(title))
    return rf"{_literal_trie(forms, _SEP)}{_SEP}$"


def _spellings_of_phrase(phrase: str) -> list[str]:
    """Both tone placements of the last word of a folded phrase."""
    *words, last = phrase.split()
    return [" ".join([*words, s]) for s in _spellings(last)]


def _registry_rx(index: Mapping[str, _Target], prov: _Province) -> str:
    """Any written form + the province's own suffix? + a vague suffix?."""
    trie = _Trie()
    for key in index:
        trie.add(key.split())
    level = _alternation(prov.level_words) if prov.level_words else "(?!)"
    place = _alternation(prov.place_names)
    city = rf"(?:{_SEP}{level}(?:{_SEP_DOT}{place})?|{_SEP}{place})"
    vague = rf"{_SEP}(?:có{_SEP})?liên{_SEP}quan"
    return rf"(?P<b>{trie.words_rx()})(?P<c>{city})?(?P<v>{vague})?(?!\w)"


# --- patterns for bodies not in the registry (run on the NFC text, case kept) ---------------------

_VI_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
_UP = "[" + re.escape(_VI_LOWER.upper()) + "]"
_CAP = _UP + r"\w*"
_PROVINCES = (
    "Hà Nội", "Hồ Chí Minh", "TP.HCM", "HCM", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
    "Thừa Thiên Huế", "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bắc Giang", "Bắc Kạn",
    "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận",
    "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hoà Bình", "Hưng Yên",
    "Khánh Hòa", "Khánh Hoà", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thanh Hoá", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip
# surnames: a capitalised word after a title is a person, not the rest of a name
_SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Chu", "Đinh", "Trịnh", "Trương", "Lương", "Phùng", "Đoàn",
    "Kiều", "Khuất", "Nghiêm", "Vương", "Tạ", "Lưu", "Quách", "Thân", "Triệu", "Từ", "Đàm", "Doãn",
)  # fmt: skip
_NOT_NAME_WORDS = frozenset((  # function words, and verbs that follow an assignee
    "và", "các", "của", "cho", "với", "tại", "trên", "theo", "thuộc", "trực", "tỉnh", "thành",
    "phố", "quận", "huyện", "xã", "phường", "thị", "trấn", "có", "là", "được", "đã", "đang", "sẽ",
    "phải", "cần", "để", "về", "chủ", "trì", "phối", "hợp", "giao", "triển", "khai", "thực",
    "hiện", "tham", "mưu", "chỉ", "đạo", "hướng", "dẫn", "kiểm", "tra", "báo", "cáo", "tổ",
    "chức", "xây", "rà", "soát", "tập", "trung", "tăng", "cường", "đẩy", "mạnh", "ban", "hành",
    "chi", "phòng", "theo", "dõi", "đôn", "đốc", "khẩn", "trương", "nghiên", "cứu", "đề", "xuất",
    "quản", "tiếp", "tục", "nghĩa", "chủ", "an", "toàn", "bảo", "đảm",
))  # fmt: skip
_BODY_HEADWORDS = (  # words that begin the name of a body
    "Sở", "Công an", "Thanh tra", "Văn phòng", "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy",
    "Kho bạc Nhà nước", "Bảo hiểm xã hội", "Ngân hàng Nhà nước", "Cục", "Chi cục", "Ban",
    "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Tỉnh đoàn", "Thành đoàn", "Hội",
    "Liên đoàn Lao động", "Đài", "Báo", "Trung tâm", "Viện Kiểm sát nhân dân", "Tòa án nhân dân",
    "Toà án nhân dân", "Ủy ban", "Uỷ ban",
)  # fmt: skip
_NOT_PLACE = (  # head words of bodies that no place name starts with
    "Sở", "Cục", "Chi cục", "Công an", "Thanh tra", "Văn phòng", "UBND", "Ủy ban", "Uỷ ban",
    "Kho bạc",
)  # fmt: skip
_W = r"(?:[^\S\n]{1,3}\n?[^\S\n]{0,3}|\n[^\S\n]{0,3})"  # spaces, at most one line break
_SP = r"[^\S\n]{1,3}"  # spaces inside a fixed phrase
_PROV_MARK = rf"(?i:tỉnh|thành{_W}phố|tp\.?)"
_PROV_WORDS = ("tỉnh", "thành phố", "tp", "ubnd", "hđnd", "ủy ban nhân dân", "uỷ ban nhân dân")
_UNIT = rf"(?i:tỉnh|thành{_W}phố|tp\.?|quận|huyện|thị{_W}xã|xã|phường|thị{_W}trấn)"


def _literal_alt(words: Sequence[str], *, upper: bool = False) -> str:
    """Whole words or phrases, as a character trie: one branch per character."""
    forms = set(words) | ({w.upper() for w in words} if upper else set())
    return _literal_trie(forms) + r"(?!\w)"


def _literal_trie(forms: set[str], space: str = _SP) -> str:
    """Literal phrases as one expression that branches on one character at a time."""
    tree: dict[str, Any] = {}
    for form in forms:
        node = tree
        for ch in " ".join(form.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _literal_node(tree, space) or "(?!)"


def _literal_node(node: dict[str, Any], space: str) -> str:
    alts = [
        (space if ch == " " else re.escape(ch)) + _literal_node(child, space)
        for ch, child in sorted(node.items())
        if ch
    ]
    if "" in node:
        alts.append("")
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


def _cased(words: Sequence[str]) -> list[str]:
    """A word as written at the start of a capitalised name: Title case or all capitals."""
    return [f(w) for w in words for f in (lambda w: w[:1].upper() + w[1:], str.upper)]


def _place_rx(places: Sequence[str]) -> tuple[str, str]:
    """A place (capitalised words, not a person), and a place after a name ("tỉnh Bắc Ninh",
    ", thành phố Hải Phòng", or a province written bare: "Bắc Ninh")."""
    known = _literal_alt([*_PROVINCES, *places], upper=True)
    # a capitalised word of a place: not a person's surname, not the head of a next body
    # ("… tỉnh Bắc Ninh\nSở Kế hoạch" must stop before "Sở")
    body = rf"(?:{_literal_alt(_cased(_NOT_PLACE))})(?!\w)"
    word = rf"(?!{_literal_alt(_SURNAMES)})(?!{body}){_CAP}"
    # a surname may go on a place ("xã Đơn Dương"), not start a person's name after it
    more = rf"(?!{_literal_alt(_SURNAMES)}{_W}{_CAP})(?!{body}){_CAP}"
    number = rf"(?:{_W}\d{{1,3}}(?!\w))?"  # "xã Bảo Lâm 2"
    place = rf"(?:{known}|{word}(?:(?:{_W}|\s{{0,2}}-\s{{0,2}}){more}){{0,3}}{number})"
    prov = rf"(?:(?:\s{{0,3}},)?{_W}{_PROV_MARK}[^\S\n]{{0,3}}{place}|{_W}{known})"
    return place, prov


def _pattern_rx(vocab: Sequence[str], places: Sequence[str], titles: Sequence[str]) -> str:
    """Bodies written with a province, unknown "Sở ...", and local People's Committees.

    A capitalised head word ("Sở", "Công an", "UBND") starts it, spelt as a character trie
    so that the engine skips quickly to where one can start. Case matters after it: names
    and places are capitalised words, which is how the expression knows where they end.
    """
    low = _literal_alt([s for w in vocab for s in _spellings(w)])
    # a capitalised word that cannot continue a name: a head word, a place, a title, a person
    enders = [*_BODY_HEADWORDS, *_PROVINCES, *places, *_SURNAMES, *_PROV_WORDS, *titles]
    stop = rf"(?!{_literal_alt(_cased(enders))})"
    comp = rf"{_CAP}(?:{_W}{low}){{0,3}}"
    conn = rf"(?:\s{{0,3}}[-–,&]\s{{0,3}}|{_W}và{_W}|{_W})"
    name = rf"{stop}{comp}(?:{conn}{stop}{comp}){{0,5}}"
    place, prov = _place_rx(places)
    local = rf"{_W}(?P<unit>{_UNIT})(?:{_W}|(?<=\.))(?P<place>{place}|\d{{1,3}}(?!\w)(?:{_W}{place})?)(?P<lprov>{prov})?"
    body = rf"{_W}(?P<name>{name})(?P<bprov>{prov})?|(?P<hprov>{prov})"
    start = _literal_alt([*_BODY_HEADWORDS, *_LOCAL_HEADWORDS], upper=True)
    return rf"{start}(?:{local}|{body})(?!\w)"


_LOCAL_HEADWORDS = ("UBND", "HĐND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Hội đồng nhân dân")
_LOCAL_START = re.compile(_literal_alt(_LOCAL_HEADWORDS, upper=True))


def _name_vocab(agencies: Sequence[Agency]) -> list[str]:
    """Lower-case words that continue a capitalised word in the names of departments and
    agencies ("vận tải" in "Sở Giao thông vận tải"), so that a pattern knows where an
    unknown name ends and the verb after it begins."""
    vocab: set[str] = set()
    for a in agencies:
        for form in (a.name, a.full_name):
            for w in re.findall(r"\w+", form):
                if w.islower() and w not in _NOT_NAME_WORDS and not w.isdigit():
                    vocab.add(fold_key(w))
    return sorted(vocab)


# --- text preparation ----------------------------------------------------------------------------


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


# --- candidates ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    """A mention before resolution; offsets index the prepared text."""

    start: int
    end: int
    name: str
    rule: str
    agency_id: str | None = None
    kind: str = ""  # the agency's kind, for list continuations
    is_group: bool = False
    vague: bool = False
    label: str | None = None
    context: bool = False  # a context-only group phrasing, not yet confirmed
    place: bool = False  # a pattern that names a place other than the registry's province


# the fields of a _Cand after its offsets, as :meth:`_Matcher._resolve` gives them
_CandFields = tuple[str, str, str | None, str, bool, bool, str | None, bool]
_CACHE_SIZE = 20_000  # resolved forms kept per matcher: registry keys x dates seen
_NO_PROVINCE = ("", "cơ quan trung ương")  # kinds that never take a province: groups, ministries

_LIST_GAP = re.compile(r"\s{0,6}(?:[,;&/]\s{0,6})?(?:và\s{1,6})?")
_ITEM_GAP = re.compile(
    r"\s{0,6}(?:[,;&]|và)\s{0,6}(?:(?:các\s{1,6})?(?:quận|huyện|thị\s{1,6}xã)\s{0,6}:?\s{0,6})?"
)
_LEFT_OK = re.compile(
    r"(?:^|[.:;!?\n(\"“”*•+–-]|(?<!\w)(?:giao|yêu\s+cầu|đề\s+nghị|chỉ\s+đạo|nhắc\s+nhở|"
    r"đòi\s+hỏi|phối\s+hợp(?:\s+(?:với|cùng))?|và|gồm|đối\s+với|để))\s*$"
)
_LOCAL_GROUP_END = re.compile(r"ubnd các (?:quận|huyện|thị xã)(?: (?:quận|huyện|thị xã))*$")


# "sở", "bộ" that end a compound word are no body: "cơ sở y tế", "trụ sở", "cán bộ y tế"
_COMPOUNDS = {"sở": ("cơ", "trụ"), "bộ": ("cán", "toàn", "đồng", "nội")}
_COMPOUND_ENDS = frozenset(w[-1] for words in _COMPOUNDS.values() for w in words)


def _in_compound(text: str, start: int) -> bool:
    """True when the word at ``start`` (canonical text) ends a compound with the one before."""
    first = text[start : start + 2]
    if first not in _COMPOUNDS or text[start + 2 : start + 3].isalnum():
        return False
    k = start - 2 if start > 1 and text[start - 1].isspace() else start - 1
    last = text[k] if k >= 0 else " "  # the last character of the word before, mostly
    if not last.isspace() and last not in _COMPOUND_ENDS:
        return False  # the word before ends in a character that no compound ends in
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1] in _COMPOUNDS[first]


# --- the registry --------------------------------------------------------------------------------


class Registry:
    """A validated agency registry and its compiled matcher.

    Get one with :meth:`load` (cached per file for the process) or :meth:`from_data`. The
    matcher is compiled on the first :meth:`find` and then reused.
    """

    _cache: ClassVar[dict[str, Registry]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, data: Any, source: str = "<data>") -> None:
        """Validate ``data`` (parsed JSON); raise :class:`RegistryError` naming ``source``."""
        parts = _parse_document(data, source)
        self.source = source
        self.province: str = parts.province.name
        self.agencies: tuple[Agency, ...] = parts.agencies
        self.groups: dict[str, GroupDef] = {g.label: g for g in parts.groups}
        self._parts = parts
        self._by_id = {a.id: a for a in self.agencies}
        self._order = {a.id: i for i, a in enumerate(self.agencies)}
        self._index = _build_index(parts, source)
        self._matcher: _Matcher | None = None
        self._search_rows = [
            (a, [fold_search(f) for f in a.written_forms()]) for a in self.agencies
        ]

    # -- construction --

    @classmethod
    def load(cls, path: str | Path | None = None) -> Registry:
        """The registry in ``path`` (default: the packaged Hà Nội file), read once per process.

        Raises :class:`RegistryError` for a missing, unreadable or invalid file.
        """
        key = (
            str(Path(path).resolve())
            if path is not None
            else f"chidao/extract/data/{DEFAULT_REGISTRY}"
        )
        with cls._lock:
            registry = cls._cache.get(key)
            if registry is None:
                registry = cls._cache[key] = cls._read(path, key)
        return registry

    @classmethod
    def clear_cache(cls) -> None:
        """Forget loaded registries (tests, or a data file changed on disk)."""
        with cls._lock:
            cls._cache.clear()

    @classmethod
    def from_data(cls, data: Any, source: str = "<data>") -> Registry:
        """A registry from already-parsed JSON; not cached."""
        return cls(data, source)

    @classmethod
    def _read(cls, path: str | Path | None, source: str) -> Registry:
        try:
            if path is None:
                ref = resources.files("chidao.extract").joinpath("data", DEFAULT_REGISTRY)
                text = ref.read_text(encoding="utf-8")
            else:
                text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RegistryError(source, f"cannot read the registry: {exc}") from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RegistryError(source, f"not valid JSON: {exc}") from exc
        return cls(data, source)

    # -- look-ups --

    def get(self, agency_id: str) -> Agency | None:
        """The body with this id, or None."""
        return self._by_id.get(agency_id)

    def __getitem__(self, agency_id: str) -> Agency:
        try:
            return self._by_id[agency_id]
        except KeyError:
            raise KeyError(f"no agency {agency_id!r} in {self.source}") from None

    def successor(self, agency_id: str, *, on: date | None = None) -> Agency | None:
        """The body that took over ``agency_id``'s tasks, or None.

        Without ``on``: the immediate successor. With ``on``: follows the chain to the first
        body valid on that date (or to its last link).
        """
        current = self[agency_id]
        nxt = self._by_id.get(current.successor) if current.successor else None
        while on is not None and nxt is not None and not nxt.valid_on(on) and nxt.successor:
            nxt = self._by_id[nxt.successor]
        return nxt

    def members(self, label: str, *, on: date | None = None) -> tuple[Agency, ...]:
        """Bodies of group ``label`` in file order; with ``on``, only those valid that day."""
        if label not in self.groups:
            raise KeyError(f"no group {label!r} in {self.source}")
        return tuple(
            a for a in self.agencies if label in a.groups and (on is None or a.valid_on(on))
        )

    def search(self, prefix: str, *, on: date | None = None, limit: int = 20) -> list[Agency]:
        """Autocomplete: bodies whose name or a written form starts with ``prefix``.

        Accent- and đ-insensitive ("so ke hoach" finds Sở Kế hoạch và Đầu tư). A match at
        the start of the official name ranks first, then of another form, then at the start
        of a later word; with ``on``, bodies valid that day rank before the others.
        """
        q = fold_search(prefix)
        if not q:
            return []
        ranked = []
        for a, forms in self._search_rows:
            rank = _search_rank(q, forms)
            if rank is not None:
                stale = on is not None and not a.valid_on(on)
                ranked.append((rank, stale, self._order[a.id], a))
        ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked[:limit]]

    def resolve(self, ids: Sequence[str], on: date | None = None) -> Agency:
        """Of bodies sharing a written form: the first valid on ``on``, else the first."""
        agencies = [self[i] for i in ids]
        if on is not None:
            for a in agencies:
                if a.valid_on(on):
                    return a
        return agencies[0]

    # -- matching --

    def find(self, text: str, *, on: date | None = None) -> list[AgencyMention]:
        """Every assignee mentioned in ``text``, in order of position, without overlaps.

        Offsets index ``text`` as given (NFC or not). ``on`` is the document's date: it
        chooses between bodies sharing a written form and filters group members; without it
        the first body in file order wins and a group lists all its members.
        """
        matcher = self._matcher
        if matcher is None:
            with self._lock:
                if self._matcher is None:
                    self._matcher = _Matcher(self)
                matcher = self._matcher
        return matcher.find(text, on)


def _search_rank(q: str, forms: Sequence[str]) -> int | None:
    if forms[0].startswith(q):
        return 0
    if any(f.startswith(q) for f in forms[1:]):
        return 1
    if any((" " + q) in (" " + f) for f in forms):
        return 2
    return None


# --- the matcher ---------------------------------------------------------------------------------


class _Matcher:
    """The compiled expressions of one registry and the steps that turn matches into mentions."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        parts = reg._parts
        self.rx = re.compile(_registry_rx(reg._index, parts.province))
        vocab = _name_vocab(parts.agencies)
        titles = [h.text for h in parts.heads]
        self.pattern_rx = re.compile(_pattern_rx(vocab, parts.province.place_names, titles))
        self.own_places = {fold_key(p) for p in parts.province.place_names}
        self.other_place = re.compile(_place_rx(parts.province.place_names)[1] + r"(?!\w)")
        self.place_rx = re.compile(_alternation(parts.province.place_names) + r"\s*$")
        self.head_rx = re.compile(_heads_rx(parts.heads))
        self.heads = {fold_key(h.text): h for h in parts.heads}
        self.heads_end = frozenset(w for key in self.heads for w in _spellings(key.split()[-1]))
        suffixes = "|".join(re.escape(v).replace(r"\ ", r"\s{1,6}") for v in parts.vague_suffixes)
        self.near_vague = re.compile(
            rf"\s{{0,3}},\s{{0,3}}\w+(?:\s{{1,3}}\w+)?\s{{1,6}}(?:{suffixes})(?!\w)"
        )
        self._titles: dict[str, _Head] = {}
        self._cand_fields: dict[tuple[str, bool, bool, date | None], _CandFields] = {}
        self._dated_forms = frozenset(  # forms whose body depends on the date
            key for key, t in reg._index.items() if t.kind == "agency" and len(t.ids) > 1
        )
        self._build_members()
        self._build_lists()

    def _build_members(self) -> None:
        """Each group's members; only a group with a dated member changes with the date."""
        self._members: dict[tuple[str, date | None], tuple[str, ...]] = {}
        self._all_members = {label: self.reg.members(label) for label in self.reg.groups}
        self._undated_members = {
            label: tuple(a.id for a in members)
            for label, members in self._all_members.items()
            if all(a.valid_from is None and a.valid_to is None for a in members)
        }

    def _group_members(self, label: str | None, on: date | None) -> tuple[str, ...]:
        """Registry ids of the members of group ``label`` on ``on`` (all without a date)."""
        if label is None or label not in self._all_members:
            return ()
        ids = self._undated_members.get(label) or self._members.get((label, on))
        if ids is None:
            if len(self._members) >= _CACHE_SIZE:
                self._members.clear()  # many dates seen: start again
            members = self._all_members[label]
            ids = tuple(a.id for a in members if on is None or a.valid_on(on))
            self._members[(label, on)] = ids
        return ids

    def _build_lists(self) -> None:
        """Continuations: "Sở Y tế, Tài chính" and "UBND các quận Hoàn Kiếm, Ba Đình"."""
        self.domains: dict[str, str] = {}
        self.districts: dict[str, str] = {}
        for key, target in self.reg._index.items():
            if target.kind != "agency":
                continue
            a = self.reg[target.ids[0]]
            if a.kind == "sở" and key.startswith("sở "):
                self.domains.setdefault(key[3:], a.id)
            m = re.fullmatch(r"ubnd (?:quận|huyện|thị xã) (.+)", key)
            if a.kind == "UBND cấp huyện" and m:
                self.districts.setdefault(m.group(1), a.id)
        unit = rf"(?:(?:các{_SEP})?(?:quận|huyện|thị{_SEP}xã)[\s:]{{0,8}})?"
        dom, dist = _alternation(list(self.domains)), _alternation(list(self.districts))
        self.so_first = re.compile(rf"[\s:]{{0,8}}(?P<d>{dom})(?!\w)")
        self.so_next = re.compile(rf"[\s;]{{1,12}}(?P<d>{dom})(?!\w)")
        self.district_first = re.compile(rf"[\s:]{{0,8}}{unit}(?P<d>{dist})(?!\w)")
        self.district_next = re.compile(rf"[\s;]{{1,12}}{unit}(?P<d>{dist})(?!\w)")

    # -- the pipeline --

    def find(self, text: str, on: date | None) -> list[AgencyMention]:
        """See :meth:`Registry.find`: registry matches, lists, patterns, then context."""
        prep = _prepare(text)
        cands = self._expand_lists(prep, self._registry_cands(prep, on), on)
        cands = self._merge_patterns(prep, cands, self._pattern_cands(prep, cands))
        cands = self._keep_in_context(prep, cands)
        self._near_vague(prep, cands)
        _propagate_vague(prep, cands)
        return [self._mention(prep, c, on) for c in cands]

    def _registry_cands(self, prep: _Prepared, on: date | None) -> list[_Cand]:
        """Registry matches, leftmost-longest, skipping codes such as "2658/UBND-KT".

        Runs once per match, so the common case is kept cheap: no title before the body
        (:meth:`_head_start`), no suffix after it, and what the form stands for cached.
        """
        out: list[_Cand] = []
        text, lower, search, index = prep.match, prep.lower, self.rx.search, self.reg._index
        pos = 0
        while m := search(text, pos):
            start, pos = m.span()
            if start and (text[start - 1].isalnum() or lower[start - 1] in "/-–"):
                pos = start + 1  # inside a word, or part of a document number
                continue
            if text[start : start + 2] in _COMPOUNDS and _in_compound(text, start):
                pos = start + 1  # "cơ sở y tế", "cán bộ y tế"
                continue
            form, city, vague_suffix = m.group("b", "c", "v")
            key = fold_key(form)
            target = index.get(key)
            if target is None:  # pragma: no cover - every trie path ends at an indexed form
                continue
            head = self._head_start(prep, start, key)
            if head is not None and out and head < out[-1].end:
                head = None
            end, vague = pos, False  # neither the city nor a vague suffix follows: mostly
            if city or vague_suffix:
                end = self._end(prep, m, target)
                vague = end == pos and bool(vague_suffix)
            cand = self._cand(start if head is None else head, end, key, vague, head is None, on)
            if cand.kind not in _NO_PROVINCE:
                self._other_province(prep, cand, start)
            out.append(cand)
        return out

    def _other_province(self, prep: _Prepared, cand: _Cand, start: int) -> None:
        """A registry name followed by another province is that province's body:
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nam Định" (no registry id)."""
        ahead = prep.cased[cand.end : cand.end + 4].lstrip()[:1]
        if not ahead or not (ahead == "," or ahead.isupper() or ahead in "tT"):
            return  # a verb follows, as it mostly does: decided cheaply
        m = self.other_place.match(prep.cased, cand.end)
        if m is None:
            return
        place = fold_key(m.group())
        if any(place == p or place.endswith(" " + p) for p in self.own_places):
            return
        cand.name = " ".join(prep.cased[start : m.end()].split())
        cand.end, cand.agency_id, cand.kind, cand.rule = m.end(), None, "", "pattern:province"

    def _head_start(self, prep: _Prepared, start: int, key: str) -> int | None:
        """Where a title before the body starts ("Giám đốc Sở Y tế"), or None."""
        text = prep.match
        j = start - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j == start - 1 or text[max(0, j - 12) : j + 1].rpartition(" ")[2] not in self.heads_end:
            return None  # the word before is no title (the common case: decided cheaply)
        pos = max(0, start - 60)
        while (
            (m := self.head_rx.search(text, pos, start))
            and m.start()
            and text[m.start() - 1].isalnum()
        ):
            pos = m.start() + 1  # began inside a word
        if m is None:
            return None
        head = self._title(m.group())
        if head.only_before and not any(key.startswith(fold_key(b)) for b in head.only_before):
            return None
        return m.start()

    def _title(self, written: str) -> _Head:
        """The head title a match of :attr:`head_rx` stands for, cached per written form."""
        head = self._titles.get(written)
        if head is None:
            if len(self._titles) >= _CACHE_SIZE:
                self._titles.clear()
            head = self._titles[written] = self.heads[_strip_head_prefix(fold_key(written))]
        return head

    def _end(self, prep: _Prepared, m: re.Match[str], target: _Target) -> int:
        """Where the mention ends: a vague suffix counts after a group only, and a comma
        before the city's name ("UBND quận Ba Đình, thành phố Hà Nội") only with the name."""
        c, v = m.group("c"), m.group("v")
        if c and "," in prep.lower[m.start("c") : m.end("c")] and not self.place_rx.search(c):
            return m.end("b")
        if v and target.kind != "agency":
            return m.end()
        return m.end("c") if c else m.end("b")

    def _cand(
        self, start: int, end: int, key: str, vague: bool, headless: bool, on: date | None
    ) -> _Cand:
        """A candidate for the indexed form ``key``; its fields are cached (per date, for
        a form that bodies valid at different times share)."""
        cache_key = (key, vague, headless, on if key in self._dated_forms else None)
        fields = self._cand_fields.get(cache_key)
        if fields is None:
            if len(self._cand_fields) >= _CACHE_SIZE:
                self._cand_fields.clear()  # many dates seen: start again
            fields = self._cand_fields[cache_key] = self._resolve(key, vague, headless, on)
        return _Cand(start, end, *fields)

    def _resolve(self, key: str, vague: bool, headless: bool, on: date | None) -> _CandFields:
        """What the indexed form ``key`` stands for on ``on``: the fields of a :class:`_Cand`
        after its offsets (name, rule, agency id, kind, group, vague, label, context)."""
        target = self.reg._index[key]
        if target.kind == "agency":
            a = self.reg.resolve(target.ids, on)
            rule = "registry" if headless else "registry:head"
            return a.name, rule, a.id, a.kind, False, False, None, False
        vague = vague or target.kind == "vague"
        rule = "vague" if vague else "group" if headless else "group:head"
        context = target.context and headless and not vague
        return target.label or "", rule, None, "", True, vague, target.label, context

    # -- lists --

    def _expand_lists(self, prep: _Prepared, cands: list[_Cand], on: date | None) -> list[_Cand]:
        """Split "các Sở: Y tế, Tài chính" and follow "Sở Y tế, Giáo dục và Đào tạo"."""
        out: list[_Cand] = []
        for i, c in enumerate(cands):
            if not _may_start_list(c):  # most mentions: decided without a look at the text
                out.append(c)
                continue
            limit = cands[i + 1].start if i + 1 < len(cands) else len(prep.match)
            out.extend(self._list_after(prep, c, limit, on) or [c])
        return out

    def _list_after(self, prep: _Prepared, c: _Cand, limit: int, on: date | None) -> list[_Cand]:
        """The items of a list that ``c`` starts, up to ``limit``; [] when it starts none."""
        first, nxt, table = self._list_kind(prep, c)
        if first is None or nxt is None:
            return []
        if nxt is self.so_next and not c.is_group and not _capital_next(prep, c.end):
            return []  # "Sở Y tế chủ trì": no capital, so no next item (decided cheaply)
        items = [c]
        if c.is_group:
            m = first.match(prep.match, c.end)
            if not m or m.end() > limit or not prep.cased[m.start("d")].isupper():
                return []
            items = [self._list_item(c.start, m, table, on)]
        while (m := nxt.match(prep.match, items[-1].end)) and m.end() <= limit:
            gap_ok = _ITEM_GAP.fullmatch(prep.lower, items[-1].end, m.start("d"))
            if not gap_ok or not prep.cased[m.start("d")].isupper():
                break
            items.append(self._list_item(m.start("d"), m, table, on))
        return items if len(items) > 1 or c.is_group else []

    def _list_kind(
        self, prep: _Prepared, c: _Cand
    ) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, str]]:
        """The expressions for the first and next items of a list ``c`` may start."""
        if c.kind == "sở":
            return self.so_first, self.so_next, self.domains
        if c.kind == "UBND cấp huyện":
            return self.district_first, self.district_next, self.districts
        if c.vague or c.label not in ("sở, ban, ngành", "địa phương"):
            return None, None, {}
        written = fold_key(prep.match[c.start : c.end])
        if c.label == "sở, ban, ngành" and written.endswith("các sở"):
            return self.so_first, self.so_next, self.domains
        if c.label == "địa phương" and _LOCAL_GROUP_END.search(written):
            return self.district_first, self.district_next, self.districts
        return None, None, {}

    def _list_item(
        self, start: int, m: re.Match[str], table: Mapping[str, str], on: date | None
    ) -> _Cand:
        a = self.reg.resolve((table[fold_key(m.group("d"))],), on)
        return _Cand(start, m.end(), a.name, "list", agency_id=a.id, kind=a.kind)

    # -- patterns --

    def _pattern_cands(self, prep: _Prepared, found: Sequence[_Cand]) -> list[_Cand]:
        """Bodies the registry does not know ("Sở Y tế tỉnh Bắc Ninh", "UBND phường X").

        One that names no place is dropped where the registry found something: there the
        registry's reading wins anyway (see :meth:`_merge_patterns`).
        """
        ends = [c.end for c in found]
        out: list[_Cand] = []
        for m in self.pattern_rx.finditer(prep.cased):
            start, end = m.span()
            before = prep.cased[start - 1] if start else " "
            if before.isalnum() or before in "/-–" or _in_compound(prep.match, start):
                continue
            i = bisect_right(ends, start)
            taken = i < len(found) and found[i].start < end  # the registry found something
            if taken and not any(m.group("unit", "bprov", "hprov")):
                continue  # no place: only where the registry found nothing
            cand = self._pattern_cand(m)
            if cand is None or (taken and not cand.place):
                continue
            head = self._head_start(prep, start, "")
            if head is not None and (not out or head >= out[-1].end):
                cand.start = head
            out.append(cand)
        return out

    def _pattern_cand(self, m: re.Match[str]) -> _Cand | None:
        """A candidate from a pattern match, or None where it names no body on its own."""
        prov = m.group("lprov") or m.group("bprov") or m.group("hprov") or ""
        unit = fold_key(m.group("unit") or "")
        committee = _LOCAL_START.match(m.group()) is not None
        if not unit and not prov and m.group()[:2].lower() != "sở":
            return None  # without a place, only "Sở <Name>" stands alone
        if committee and not unit:
            return None  # "UBND" needs its unit: tỉnh, huyện, phường ...
        place = fold_key(prov or m.group("place") or "")
        own = any(place == p or place.endswith(" " + p) for p in self.own_places)
        provincial = bool(prov) or unit in ("tỉnh", "tp")
        rule = "pattern:province" if provincial else "pattern:local" if unit else "pattern:so"
        name = " ".join(m.group().split())
        return _Cand(m.start(), m.end(), name, rule, place=bool(place) and not own)

    def _merge_patterns(
        self, prep: _Prepared, cands: list[_Cand], patterns: list[_Cand]
    ) -> list[_Cand]:
        """Add pattern matches where the registry found nothing, or where one covers
        registry matches and goes on to name another province ("Sở Y tế tỉnh Bắc Ninh")."""
        starts = [c.start for c in cands]
        dropped: set[int] = set()
        added: list[_Cand] = []
        for p in patterns:
            i = bisect_right(starts, p.start) - 1
            if i < 0 or cands[i].end <= p.start:
                i += 1
            hit = []
            while i < len(cands) and cands[i].start < p.end:
                hit.append(i)
                i += 1
            if not hit:
                added.append(p)
                continue
            last = max(cands[k].end for k in hit)
            covers = cands[hit[0]].start >= p.start and p.end > last
            if covers and p.place:
                dropped.update(hit)
                added.append(p)
        kept = [c for k, c in enumerate(cands) if k not in dropped]
        return sorted(kept + added, key=lambda c: c.start)

    # -- context and output --

    def _keep_in_context(self, prep: _Prepared, cands: list[_Cand]) -> list[_Cand]:
        """Drop context-only phrasings ("địa phương") that stand outside an assignee list."""
        return [c for i, c in enumerate(cands) if not c.context or self._in_context(prep, cands, i)]

    def _in_context(self, prep: _Prepared, cands: list[_Cand], i: int) -> bool:
        c = cands[i]
        if (
            i > 0
            and not cands[i - 1].context
            and _LIST_GAP.fullmatch(prep.lower, cands[i - 1].end, c.start)
        ):
            return True
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (  # "địa phương, các sở, ngành"
            nxt is not None
            and nxt.is_group
            and not nxt.context
            and _LIST_GAP.fullmatch(prep.lower, c.end, nxt.start)
        ):
            return True
        left = prep.lower[max(0, c.start - 40) : c.start]
        return bool(_LEFT_OK.search(("\n" if c.start <= 40 else "") + left))

    def _near_vague(self, prep: _Prepared, cands: list[_Cand]) -> None:
        """A group with "liên quan" two words after a comma is vague too: "các cơ quan, đơn
        vi liên quan" (a typo), "các cơ quan, tổ chức liên quan" — unless those words are
        another mention."""
        for i, c in enumerate(cands):
            if not c.is_group or c.vague or prep.lower.find(",", c.end, c.end + 4) < 0:
                continue
            near = self.near_vague.match(prep.lower, c.end)
            if near and (i + 1 == len(cands) or cands[i + 1].start >= near.end()):
                c.end, c.vague, c.rule = near.end(), True, "vague"

    def _mention(self, prep: _Prepared, c: _Cand, on: date | None) -> AgencyMention:
        """The public result: offsets into the original text, members of a group on ``on``."""
        start, end = (c.start, c.end) if prep.offsets is None else prep.span(c.start, c.end)
        members = self._group_members(c.label, on) if c.is_group and not c.vague else ()
        name = c.name or " ".join(prep.cased[c.start : c.end].split())
        surface = prep.original[start:end]
        return AgencyMention(
            start, end, surface, name, c.agency_id, c.is_group, c.vague, members, c.rule
        )


def _capital_next(prep: _Prepared, end: int) -> bool:
    """False when no department can follow ``end`` in a list ("Sở Y tế, Tài chính"): the
    first word after the spaces (connectors count as spaces) is not capitalised."""
    ahead = prep.match[end : end + 13]
    rest = ahead.lstrip()
    if rest[:1] == ";":
        return True  # ";" is a separator too: leave it to the expression
    at = end + len(ahead) - len(rest)
    return bool(rest) and at > end and prep.cased[at].isupper()


def _may_start_list(c: _Cand) -> bool:
    """False when :meth:`_Matcher._list_kind` surely finds no list after ``c``."""
    if c.kind in ("sở", "UBND cấp huyện"):
        return True
    return not c.vague and c.label in ("sở, ban, ngành", "địa phương")


def _strip_head_prefix(key: str) -> str:
    """ "các đồng chí phó chủ tịch" → "phó chủ tịch"; the new tone placement."""
    for prefix in ("các ", "đồng chí ", "ông ", "bà "):
        key = key.removeprefix(prefix)
    return key


def _propagate_vague(prep: _Prepared, cands: list[_Cand]) -> None:
    """In "các sở, ngành, địa phương liên quan" the whole list is vague, not just the last;
    but in "các sở, ban, ngành và các đơn vị liên quan" only the last, a phrase of its own."""
    for i in range(len(cands) - 1, 0, -1):
        c, prev = cands[i], cands[i - 1]
        if not c.vague or not prev.is_group or prev.vague:
            continue
        if prep.lower[c.start : c.start + 4] == "các ":
            continue
        if _LIST_GAP.fullmatch(prep.lower, prev.end, c.start):
            prev.vague, prev.rule = True, "vague"


# --- module-level convenience --------------------------------------------------------------------


def find_agencies(text: str, *, on: date | None = None) -> list[AgencyMention]:
    """``Registry.load().find(text, on=on)`` with the packaged Hà Nội registry."""
    return Registry.load().find(text, on=on)
