"""The grammar of written forms: regular expressions built from the registry.

A folded written form becomes an expression over the canonical copy of the text
(``_phrase_rx``: either tone placement, "UBND"/"Ủy ban nhân dân", "TP"/"thành phố",
spaces and line breaks between words); all forms together become one word trie spelt as a
character trie (``_Trie``, ``_CharTrie``, ``_registry_rx``), so that the engine branches on
one character at a time. Also the titles before a body (``_heads_rx``) and literal phrase
tries (``_literal_trie``, ``_literal_alt``) that :mod:`.patterns` builds on.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chidao.extract.agencies.data import _Head, _Province, _Target
from chidao.extract.agencies.folding import _NEW_TONE, fold_key

# "ủy" of a Party committee ("huyện ủy", "Đảng ủy"), not of "ủy quyền", "ủy nhiệm chi", "ủy viên"
PARTY_UY = r"[uủ][ỷy](?!\w)(?![^\S\n]+(?:quyền|thác|nhiệm|viên|ban)(?!\w))"
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


_SP = r"[^\S\n]{1,3}"  # spaces inside a fixed phrase


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
