"""The matcher: the compiled expressions of one registry and the steps that turn their
matches into :class:`~chidao.extract.model.AgencyMention` objects (registry matches,
titles before a body, other provinces, lists such as "các Sở: Y tế, Tài chính", patterns
for unregistered bodies, context-only groups, vague suffixes).

:meth:`chidao.extract.agencies.registry.Registry.find` compiles one ``_Matcher`` per registry
and calls :meth:`_Matcher.find`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from chidao.extract.agencies.candidates import (
    _CACHE_SIZE,
    _COLON_NEXT,
    _COMPOUNDS,
    _ITEM_GAP,
    _LEFT_OK,
    _LIST_GAP,
    _LOCAL_GROUP_END,
    _NO_PROVINCE,
    _Cand,
    _CandFields,
    _capital_next,
    _in_compound,
    _may_start_list,
    _propagate_vague,
    _strip_head_prefix,
)
from chidao.extract.agencies.data import _Head, _Target
from chidao.extract.agencies.folding import fold_key
from chidao.extract.agencies.grammar import (
    _SEP,
    PARTY_UY,
    _alternation,
    _heads_rx,
    _registry_rx,
    _spellings,
)
from chidao.extract.agencies.patterns import _LOCAL_START, _name_vocab, _pattern_rx, _place_rx
from chidao.extract.agencies.prepared import _prepare, _Prepared
from chidao.extract.model import AgencyMention

if TYPE_CHECKING:
    from chidao.extract.agencies.registry import Registry


# "các huyện ủy, thị ủy": the party's committees of the districts (not "... huyện ủy quyền cho")
_PARTY_TAIL = re.compile(" " + PARTY_UY)
_PARTY_PLACES = ("huyện", "quận", "thị", "thành", "xã", "tỉnh")


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
            # the level between: "Thủ trưởng các sở, ngành tỉnh liên quan"
            rf"|\s{{1,3}}(?:cấp\s{{1,3}})?(?:tỉnh|thành\s{{1,3}}phố|huyện|quận)\s{{1,6}}(?:{suffixes})(?!\w)"
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
            if lower[max(0, start - 3) : start] == "ub " or lower[max(0, start - 7) : start] in (
                "ủy ban ",
                "uỷ ban ",
            ):
                pos = start + 1  # "UB MTTQ và các đoàn thể": the Front's committee, named short
                continue
            if text[start : start + 2] in _COMPOUNDS and _in_compound(text, start):
                pos = start + 1  # "cơ sở y tế", "cán bộ y tế"
                continue
            if (
                lower[pos : pos + 2] in (" ủ", " u")
                and lower[start:pos].endswith(_PARTY_PLACES)
                and _PARTY_TAIL.match(lower, pos)
            ):
                continue  # "các huyện ủy, thị ủy": the party's committees, not the districts'
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
        if not start or text[start - 1] != " ":
            return None  # no space before: no title
        j = start - 2
        while j >= 0 and text[j] == " ":
            j -= 1
        window = max(0, j - 12)  # the word before, its last 13 characters at most
        space = text.rfind(" ", window, j + 1)
        if text[window if space < 0 else space + 1 : j + 1] not in self.heads_end:
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
        if c.vague or c.label not in ("sở, ban, ngành", "địa phương", "cơ quan, đơn vị"):
            return None, None, {}
        written = fold_key(prep.match[c.start : c.end])
        if c.label == "cơ quan, đơn vị":  # "các đơn vị: Y tế, Công Thương, ..." (a colon only)
            if written.endswith(("các đơn vị", "các cơ quan")) and _COLON_NEXT.match(
                prep.match, c.end
            ):
                return self.so_first, self.so_next, self.domains
            return None, None, {}
        if c.label == "sở, ban, ngành" and written.endswith(("các sở", "các ngành")):
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
        if not added:
            return cands  # nothing dropped either; ``cands`` are in order of start
        kept = [c for k, c in enumerate(cands) if k not in dropped]
        return sorted(kept + added, key=lambda c: c.start)

    # -- context and output --

    def _keep_in_context(self, prep: _Prepared, cands: list[_Cand]) -> list[_Cand]:
        """Drop context-only phrasings ("địa phương") that stand outside an assignee list;
        one kept confirms the next ("yêu cầu các ngành, địa phương ...")."""
        kept: list[_Cand] = []
        confirmed = False  # the candidate before was kept
        for i, c in enumerate(cands):
            confirmed = not c.context or self._in_context(prep, cands, i, confirmed)
            if confirmed:
                kept.append(c)
        return kept

    def _in_context(self, prep: _Prepared, cands: list[_Cand], i: int, after_kept: bool) -> bool:
        c = cands[i]
        if (
            i > 0
            and (not cands[i - 1].context or after_kept)
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
            if not c.is_group or c.vague or "liên quan" not in prep.lower[c.end : c.end + 40]:
                continue  # (a plain substring test first)
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
