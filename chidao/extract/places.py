"""Local People's Committees named by their places: bare after a directive verb ("giao
thành phố Đông Hà, huyện Gio Linh"), counted ("UBND 36 phường, xã"), as the subject ("Huyện
X chỉ đạo ..."), after a colon ("UBND huyện: Phong Điền, Phú Lộc") and in lists after the
first ("UBND các xã: Đức Trọng, Hiệp Thạnh").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from chidao.extract.agencies.patterns import _PROVINCES
from chidao.extract.grammar import LOCAL_COMMITTEE
from chidao.extract.model import AgencyMention
from chidao.extract.names import _ENDERS, _PROVINCE, UNLISTED, _overlaps, _with_added
from chidao.extract.segment import CAPITALS

# "UBND các xã: Đức Trọng, Hiệp Thạnh, Đinh Văn Lâm Hà": the group names its members
_LOCAL_GROUP = re.compile(  # ("UBND các Phường 2, 4, 5 và 10")
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) các ((?i:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh))$"
)
_PLACE = (  # (an apostrophe inside a highland place: "Ea H’Leo")
    r"(?:[" + CAPITALS + r"](?:['’]\w+|\w*)|\d{1,3})"
    r"(?:[^\S\n](?:[" + CAPITALS + r"](?:['’]\w+|\w*)|\d{1,3}))*"
)
# (a place of another level may be written short in the list: "..., Phù Cát, TX.An Nhơn và
# TP.Quy Nhơn")
_PLACE_ITEM = re.compile(
    rf"(?:[^\S\n]*:[^\S\n]*|,[^\S\n]+|[^\S\n]+và[^\S\n]+)(?:(?P<short>TX|TP|H)\.[^\S\n]*)?({_PLACE})"
)
_PLACE_FIRST = re.compile(rf"[^\S\n]*:?[^\S\n]*({_PLACE})")


_MORE_PLACE = re.compile(  # (a unit written short: "TX.Sơn Tây", "TP Tuy Hòa")
    rf"(?:[,;][^\S\n]+(?:(?P<unit>huyện|quận|thị xã|thành phố|xã|phường|thị trấn)[^\S\n]+"
    r"|(?P<short>TX|TP|H)\.[^\S\n]?|(?P<bare>TX|TP)[^\S\n]+)?"
    rf"|[^\S\n]+và[^\S\n]+(?:(?P<named>huyện|quận|thị xã|thành phố|xã|phường|thị trấn)[^\S\n]+"
    r"|(?P<and_short>TX|TP|H)\.[^\S\n]?|(?P<and_bare>TX|TP)[^\S\n]+))"
    rf"(?P<place>{_PLACE})"
    rf"(?=[^\S\n]*(?:[,;:]|và|[^\S\n][a-zđà-ỹ]))"
)


def _more_places(text: str, pos: int, unit: str, taken: set[int]) -> list[AgencyMention]:
    """The places named after "UBND huyện Quang Bình": ", Bắc Quang", ", 9, Thủ Đức", ",
    huyện Chư Sê" (none that the registry reads itself)."""
    out: list[AgencyMention] = []
    while len(out) < 20 and (nxt := _MORE_PLACE.match(text, pos)) is not None:
        place = nxt.group("place")
        # the place's own unit, if written: "..., huyện Chư Sê", "... và thị xã X", ", TX.Sơn Tây"
        named = next(
            (g for g in ("unit", "named", "short", "bare", "and_short", "and_bare") if nxt[g]),
            None,
        )
        if (
            _ENDERS.match(place)
            or (_PROVINCE.match(" " + place) and not named)  # ("thị xã Quảng Trị" is a place)
            or nxt.start("place") in taken
        ):
            break
        if named in ("short", "bare", "and_short", "and_bare"):
            unit = SHORT_UNITS[nxt.group(named) + "."]
        elif named:
            unit = nxt.group(named)  # "UBND thị xã An Khê, huyện Chư Sê, Mang Yang"
        start = nxt.start(named) if named else nxt.start("place")
        name = f"UBND {unit} {place}"
        out.append(AgencyMention(start, nxt.end(), text[start : nxt.end()], name, rule=UNLISTED))
        pos = nxt.end()
    return out


# "giao" that hands over, not assigns: "bàn giao 3 xã", "chuyển giao", "Ngoại giao"
_NOT_HANDING = r"(?<![Bb]àn )(?<!chuyển )(?<![Nn]goại )"
# local committees counted, not listed: "Chủ tịch UBND 36 phường, xã", "yêu cầu 13 huyện,
# thị xã, thành phố", "đề nghị 32 tỉnh, thành phố": the group of local People's Committees (rule 6)
_LOCAL_UNIT = r"(?:quận|huyện|thị xã|thành phố|xã|phường|thị trấn|đặc khu)"
# (read from the count on; the words before it are checked after)
_COUNTED = re.compile(  # (a literal space first: the fastest scan re has)
    rf" (?P<count>[0-9]{{1,3}}) (?=[qhtxpđ])(?:tỉnh|{_LOCAL_UNIT})"
    rf"(?:(?:[^\S\n]*,[^\S\n]*|[^\S\n]+và[^\S\n]+){_LOCAL_UNIT})*(?!\w)"
    r"(?![^\S\n]+[" + CAPITALS + r"])"  # ("UBND 2 xã Tân Lập, Tân Hòa": the places are named)
)
_COUNTED_BY = re.compile(
    r"(?:(?P<committee>UBND|Ủy ban nhân dân|Uỷ ban nhân dân)|(?:"
    + _NOT_HANDING
    + r"giao|yêu cầu|đề nghị|chỉ đạo)"
    r"(?: cho)?)[^\S\n]+$"
)


_NUMBER_WORDS = ("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")  # 2 to 10
# local committees counted and then named: "UBND 2 xã Tân Lập, Tân Hòa", "yêu cầu hai huyện
# Kiến Xương và Tiền Hải", "Ủy ban nhân dân ba huyện biên giới Lộc Ninh, Bù Đốp và Bù Gia Mập"
_COUNTED_NAMED = re.compile(
    r" (?P<count>[0-9]{1,2}|" + "|".join(_NUMBER_WORDS) + r") (?P<unit>" + _LOCAL_UNIT + r")"
    r"(?:[^\S\n]+[a-zđà-ỹ]+){0,3}?[^\S\n]+(?=[" + CAPITALS + r"])"
)


def _counted_named(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with one mention for each place a counted list names (the count's words
    go with the first); only after a committee's name or a directive verb."""
    added: list[AgencyMention] = []
    starts = [f.start for f in found]
    for m in _COUNTED_NAMED.finditer(text):
        by = _COUNTED_BY.search(text, max(0, m.start() - 24), m.start() + 1)
        if by is None:
            continue
        first = _PLACE_FIRST.match(text, m.end() - 1)
        if first is None:
            continue
        start = by.start() if by.group("committee") else m.start("count")
        places = _named_places(text, first)
        count = m.group("count")
        wanted = int(count) if count.isdigit() else _NUMBER_WORDS.index(count) + 2
        if places is None or len(places) != wanted:
            continue  # the places named are the ones counted
        if _overlaps(found, starts, start, places[-1].end()):
            continue
        added += _place_mentions(text, places, start, m.group("unit"))
    return _with_added(found, added)


_HEAD_TITLE = re.compile(r"(?<!\w)(?:Chủ tịch|Lãnh đạo|lãnh đạo)[^\S\n]+$")


def _counted(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the local committees a text counts ("UBND 36 phường, xã") as the group."""
    added = []
    starts = [f.start for f in found]
    for m in _COUNTED.finditer(text):
        start, end = m.start("count"), m.end()
        by = _COUNTED_BY.search(text, max(0, start - 24), start)
        if by is None:
            continue
        if by.group("committee"):
            start = by.start()
            if (title := _HEAD_TITLE.search(text, max(0, start - 20), start)) is not None:
                start = title.start()  # "Chủ tịch UBND 36 phường, xã": the head stands for it
        if _overlaps(found, starts, start, end):
            continue
        added.append(
            AgencyMention(
                start, end, text[start:end], "địa phương", is_group=True, rule="group:counted"
            )
        )
    return _with_added(found, added)


# a place the directive verb names bare: "giao thành phố Đông Hà, huyện Gio Linh kiểm tra"
# is their People's Committees
# (read from the place on, a literal space first: the fastest scan re has; the verb before it
# is checked after, on a few characters)
_BARE_PLACE = re.compile(
    r" (?:các[^\S\n]+(?=huyện|xã|phường|quận))?"
    r"(?P<unit>tỉnh|thành phố|thị xã|huyện|quận|xã|phường|thị trấn|H\.|TX\.|TP\.|TP(?=[^\S\n]))"
    rf"[^\S\n]*(?<=[.\s])(?P<place>{_PLACE})"
    r"(?![^\S\n]*\()"  # ("giao huyện Gio Linh (cũ)": history, left to the reader)
)  # ("Đối với huyện Khánh Sơn: Áp dụng ...": a heading that names the place's committee)
_BARE_VERB = re.compile(
    r"(?<!\w)(?:"
    + _NOT_HANDING
    + r"giao|yêu cầu|đề nghị|chỉ đạo|chỉ thị|lưu ý|Giao|Yêu cầu|Đề nghị|Chỉ đạo|[Đđ]ối với|"
    r"[Tt]rong đó,|Riêng|Đặc biệt,)"  # ("Trong đó, các huyện Ba Vì, Phúc Thọ ... cần ...")
    r"(?:[^\S\n]+(?:cho|đối với|chính quyền))?$"  # ("chỉ đạo chính quyền thành phố Hưng Yên")
)
SHORT_UNITS = {
    "H.": "huyện",
    "TX.": "thị xã",
    "TP.": "thành phố",
    "TP": "thành phố",
    "P.": "phường",
}


# a place that acts as its committee at a sentence's start: "Huyện Sốp Cộp chỉ đạo các cơ quan
# chuyên môn ...", "Thị xã Quảng Trị yêu cầu ..."
_PLACE_SUBJECT = re.compile(  # (a capital first: the engine skips to where one can start)
    r"[HQTXP](?:(?<=^[HQTXP])|(?<=\n[HQTXP])|(?<=[.;:]\s[HQTXP]))"
    r"(?P<unit>(?<=H)uyện|(?<=Q)uận|(?<=T)hị xã|(?<=T)hành phố|(?<=X)ã|(?<=P)hường|(?<=T)hị trấn)"
    rf"[^\S\n]+(?P<place>{_PLACE})(?=[^\S\n]+(?:đã[^\S\n]+|vừa[^\S\n]+|cũng[^\S\n]+)?"
    r"(?:chỉ đạo|yêu cầu|giao|đề nghị)(?!\w))",
    re.MULTILINE,
)


def _place_subjects(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the places that open a sentence as their committee ("Huyện Sốp Cộp")."""
    added = []
    starts = [f.start for f in found]
    for m in _PLACE_SUBJECT.finditer(text):
        if _ENDERS.match(m.group("place")) or _overlaps(found, starts, m.start(), m.end()):
            continue
        unit = text[m.start() : m.end("unit")].lower()
        name = f"UBND {unit} {m.group('place')}"
        added.append(AgencyMention(m.start(), m.end(), m.group(), name, rule=UNLISTED))
    return _with_added(found, added)


# one committee's head word over a list of places after a colon: "Chủ tịch UBND huyện: Phong
# Điền, Phú Lộc chỉ đạo ..." (the places after the first are read by ``_place_lists``)
_COLON_PLACES = re.compile(  # (or each with its own unit: "giao UBND: thành phố Vị Thanh, ...")
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)(?:[^\S\n]+(?P<unit>huyện|quận|thị xã|xã|phường))?"
    r"[^\S\n]*:[^\S\n]*(?(unit)|(?P<own>huyện|quận|thị xã|thành phố|xã|phường)[^\S\n]+)"
    rf"(?P<place>{_PLACE})(?=[^\S\n]*(?:,|và[^\S\n]))"
)


def _colon_places(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the first place of a committee's colon list ("UBND huyện: Phong Điền")."""
    if ":" not in text:
        return found
    added = []
    starts = [f.start for f in found]
    for m in _COLON_PLACES.finditer(text):
        if _ENDERS.match(m.group("place")) or _overlaps(found, starts, m.start(), m.end()):
            continue
        name = f"UBND {m.group('unit') or m.group('own')} {m.group('place')}"
        start = m.start()
        if (title := _HEAD_TITLE.search(text, max(0, start - 20), start)) is not None:
            start = title.start()  # "Chủ tịch UBND huyện: ...": the head stands for it
        added.append(AgencyMention(start, m.end(), text[start : m.end()], name, rule=UNLISTED))
    return _with_added(found, added)


def _bare_places(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the places a directive verb names bare, one mention each, "UBND
    huyện Gio Linh" (the places listed after the first are read by ``_place_lists``)."""
    if not any(
        w in text for w in ("phố ", "xã ", "huyện ", "quận ", "phường ", "tỉnh ", "H.", "TX.", "TP")
    ):
        return found
    added = []
    dropped: set[int] = set()
    starts = [m.start for m in found]
    for m in _BARE_PLACE.finditer(text):
        place = m.group("place")
        if not _BARE_VERB.search(text, max(0, m.start() - 24), m.start()) or _ENDERS.match(place):
            continue
        i = bisect_left(starts, m.start("unit") - 4)
        group = None  # "Đối với các huyện Khánh Vĩnh, ...": the places, not the group
        if i < len(found) and found[i].is_group and found[i].end <= m.start("place"):
            group, i = i, i + 1
        if (i < len(found) and found[i].start < m.end()) or (
            i and i - 1 != group and found[i - 1].end > m.start("unit")
        ):
            continue  # the registry or a pattern reads these words
        if group is not None:
            dropped.add(group)
        unit = SHORT_UNITS.get(m.group("unit"), m.group("unit"))
        name = f"UBND {unit} {place}"
        start = m.start("unit")
        if (government := _GOVERNMENT_OF.search(text, max(0, start - 13), start)) is not None:
            start = government.start()  # "chính quyền thành phố Hưng Yên": its committee
        added.append(AgencyMention(start, m.end(), text[start : m.end()], name, rule=UNLISTED))
    return _with_added([f for k, f in enumerate(found) if k not in dropped], added)


# a province the directive verb names bare (the Government's or a ministry's text): "Thủ tướng
# yêu cầu Điện Biên tập trung ...", "đề nghị Hậu Giang, Sóc Trăng phối hợp ..." (looked up by its
# words in a set, after a directive verb: far cheaper than an alternation tried at each word)
_PROVINCE_NAMES = frozenset(p for p in _PROVINCES if not p.startswith("TP") and p != "HCM")
_CAPITALISED_WORDS = re.compile(rf"[{CAPITALS}]\w*(?:[^\S\n][{CAPITALS}]\w*){{0,3}}")
_TO_A_PLACE = (
    r"(?:[^\S\n]+(?:cho|đối với))?[^\S\n]+(?:(?:tỉnh|thành phố)[^\S\n]+)?(?=[" + CAPITALS + r"])"
)
# the verbs that ask a place or the local levels, each its own pattern opening on its literal
_ASKING_VERBS = ("yêu cầu", "đề nghị", "giao")
_ASKS_A_PLACE = tuple(re.compile(f"{verb}(?<!\\w{verb})" + _TO_A_PLACE) for verb in _ASKING_VERBS)
_AFTER_PLACE = re.compile(r"[^\S\n]*(?:,|và[^\S\n])|[^\S\n]+[a-zđ]")
_HANDED = re.compile(r"(?:[Bb]àn|chuyển|[Nn]goại)\s+$")  # "bàn giao Hà Nội ...": hands over
_AND_PLACE = re.compile(r"[^\S\n]*(?:,|và)[^\S\n]*")
_UNIT_WORD = re.compile(r"(?:TP\.?|tỉnh|thành phố)[^\S\n]*")
_CITIES = frozenset(["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"])


def _province_at(text: str, pos: int) -> tuple[int, str] | None:
    """(end, name) of the province named at ``pos`` and followed by a list's comma or a verb."""
    words = _CAPITALISED_WORDS.match(text, pos)
    if words is None:
        return None
    parts = words.group().split(" ")
    for k in range(len(parts), 0, -1):
        name = " ".join(parts[:k])
        end = pos + len(name)
        if name in _PROVINCE_NAMES and _AFTER_PLACE.match(text, end):
            return end, name
    return None


def _bare_provinces(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the provinces a directive verb names bare, each its People's Committee
    ("UBND tỉnh Điện Biên"), and those listed after the first."""
    added: list[AgencyMention] = []
    starts = [f.start for f in found]
    verbs = sorted((v for rx in _ASKS_A_PLACE for v in rx.finditer(text)), key=lambda v: v.start())
    for verb in verbs:  # (the verbs first, each opening on its literal: re jumps between them)
        first = _province_at(text, verb.end())
        if first is None or _HANDED.search(text, max(0, verb.start() - 8), verb.start()):
            continue
        listed = [(verb.end(), *first)]
        while (gap := _AND_PLACE.match(text, listed[-1][1])) is not None:
            unit_word = _UNIT_WORD.match(text, gap.end())  # ("Hà Nội, TP. Hồ Chí Minh")
            nxt = _province_at(text, unit_word.end() if unit_word else gap.end())
            if nxt is None:
                break
            listed.append((gap.end(), *nxt))
        for start, end, place in listed:
            if _overlaps(found, starts, start, end):
                continue
            unit = "thành phố" if place in _CITIES else "tỉnh"
            name = f"UBND {unit} {place}"
            added.append(AgencyMention(start, end, text[start:end], name, rule=UNLISTED))
    return _with_added(found, added) if added else found


# the local committees named by their levels alone after the verb, no "các", no "UBND": "UBND
# tỉnh Yên Bái yêu cầu huyện, thị xã rà soát ..." (rule 6: the local group)
_ASKS_LEVELS = tuple(
    re.compile(
        f"{verb}(?<!\\w{verb})[^\\S\\n]+(?P<units>{_LOCAL_UNIT}"
        rf"(?:(?:[^\S\n]*,[^\S\n]*|[^\S\n]+và[^\S\n]+){_LOCAL_UNIT})+)(?=[^\S\n]+[a-zđ])"
    )
    for verb in _ASKING_VERBS
)


def _bare_levels(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the local group a directive names by its levels alone."""
    added = []
    starts = [f.start for f in found]
    for rx in _ASKS_LEVELS:
        for m in rx.finditer(text):
            start, end = m.span("units")
            if not _overlaps(found, starts, start, end):
                added.append(
                    AgencyMention(
                        start, end, m.group("units"), "địa phương", is_group=True, rule="group:bare"
                    )
                )
    return _with_added(found, sorted(added, key=lambda a: a.start)) if added else found


def _place_lists(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """A local group followed by the places it means, two or more: one mention each,
    "UBND xã Đức Trọng", ... (the first one spans the group's words too); and the places
    named after one local committee ("UBND huyện Quang Bình, Bắc Quang")."""
    out: list[AgencyMention] = []
    changed = False
    starts = {m.start for m in found}
    for m in found:
        if not m.is_group and (one := LOCAL_COMMITTEE.match(m.name)) is not None:
            out.append(m)  # "UBND huyện Quang Bình, Bắc Quang": the places after the first
            more = _more_places(text, m.end, one.group(1), starts)
            changed = changed or bool(more)
            out.extend(more)
            continue
        unit = _LOCAL_GROUP.search(m.surface) if m.is_group else None
        first = _PLACE_FIRST.match(text, m.end) if unit else None
        if unit is None or first is None:
            out.append(m)
            continue
        places = _named_places(text, first)
        if places is None or len(places) < 2:
            out.append(m)
            continue
        changed = True
        out += _place_mentions(text, places, m.start, unit.group(1).lower())
    return out if changed else found


_MAX_PLACES = 40


def _named_places(text: str, first: re.Match[str]) -> list[re.Match[str]] | None:
    """The places a list names from ``first`` on ("Đức Trọng, Hiệp Thạnh và Đinh Văn"); None
    when one of them is the head of another body."""
    places = [first]
    while len(places) < _MAX_PLACES and (nxt := _PLACE_ITEM.match(text, places[-1].end())):
        places.append(nxt)
    if any(_ENDERS.match(p.group(p.lastindex or 1)) for p in places):
        return None
    return places


def _place_mentions(
    text: str, places: list[re.Match[str]], start: int, unit: str
) -> list[AgencyMention]:
    """One committee per place of a list; the first spans the words before it from ``start``
    (its group or its count); a place written short keeps its own unit ("TX.An Nhơn")."""
    out = []
    for k, p in enumerate(places):
        at = p.lastindex or 1  # the place's group ("short" is the first of an item's)
        short = p.groupdict().get("short")
        begin = start if k == 0 else p.start("short") if short else p.start(at)
        level = SHORT_UNITS[short + "."] if short else unit
        name = f"UBND {level} {p.group(at)}"
        out.append(AgencyMention(begin, p.end(), text[begin : p.end()], name, rule=UNLISTED))
    return out


# a committee written bare before a body that names the place they share: "UBND huyện, Công
# an huyện Thanh Trì", "Chủ tịch UBND, Trưởng Ban Chỉ huy PTDS các xã, phường ven biển"
_BARE_COMMITTEE = re.compile(  # (the look-ahead lets the scan skip most characters)
    r"(?=[CUỦ])(?<!\w)(?P<committee>(?:Chủ tịch[^\S\n]+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)"
    r"(?:[^\S\n]+(?P<unit>huyện|quận|thị xã|xã|phường|thị trấn))?)"
    r"(?:[^\S\n]*,[^\S\n]*|[^\S\n]+và[^\S\n]+)(?:(?:Trưởng|Giám đốc|Chỉ huy trưởng)[^\S\n]+)?"
)
_GOVERNMENT_OF = re.compile(r"(?<!\w)[Cc]hính quyền[^\S\n]+$")
# the place at the end of the body's name: "... huyện Thanh Trì", "... các xã, phường"
_SHARED_PLACE = re.compile(
    rf"(?<!\w)(?:(?P<group>các[^\S\n]+(?:tỉnh|huyện|quận|thị xã|xã|phường|thị trấn)"
    r"(?:(?:,[^\S\n]*|[^\S\n]+và[^\S\n]+)(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn))*"
    r"(?:[^\S\n]+trực thuộc Trung ương)?)"
    rf"|(?P<unit>huyện|quận|thị xã|xã|phường|thị trấn)[^\S\n]+(?P<place>{_PLACE}))$"
)


def _shared_places(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the committee written bare before a body of the same place, and the
    places' government named as such ("chính quyền các huyện, thành phố")."""
    found = [
        replace(f, start=f.start - len(g.group()), surface=g.group() + f.surface)
        if f.is_group
        and f.name == "địa phương"
        and (g := _GOVERNMENT_OF.search(text, max(0, f.start - 12), f.start)) is not None
        else f
        for f in found
    ]
    if "UBND" not in text and "nhân dân" not in text:
        return found
    added = []
    starts = [f.start for f in found]
    for m in _BARE_COMMITTEE.finditer(text):
        i = bisect_left(starts, m.end())
        if i >= len(found) or found[i].start != m.end() or _overlaps(found, starts, *m.span()):
            continue
        body = found[i]
        place = _SHARED_PLACE.search(body.surface)
        places = (  # "UBND và Sở Y tế các tỉnh, thành phố": the group read on its own
            i + 1 < len(found)
            and found[i + 1].name == "địa phương"
            and not text[body.end : found[i + 1].start].strip()
        )
        if not places and (
            place is None or (m.group("unit") and m.group("unit") != place.group("unit"))
        ):
            continue
        start, end = m.span("committee")
        if place is not None and not place.group("group"):
            name = f"UBND {place.group('unit')} {place.group('place')}"
            mention = AgencyMention(start, end, text[start:end], name, rule=UNLISTED)
        else:
            mention = AgencyMention(
                start, end, text[start:end], "địa phương", is_group=True, rule="group:shared"
            )
        added.append(mention)
    return _with_added(found, added)
