"""Bodies named for their field, not by a head word: a sector for its department ("ngành
Thuế" is the Cục Thuế, "Ngành giao thông vận tải ..." the Sở), the culture department
written short or in small letters, and whole names a registry of Hà Nội would read as two
("Sở Văn hóa, Thể thao và Du lịch" of another province, "Báo và Phát thanh, Truyền hình").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from chidao.extract.model import AgencyMention
from chidao.extract.names import UNLISTED, _overlaps, _replace, _with_added
from chidao.extract.segment import CAPITALS

# bodies of other provinces whose names a registry of Hà Nội reads as two of its own
# ("Sở Văn hóa, Thể thao" + "Du lịch"), or that begin with a word of a list ("Báo và Phát
# thanh, Truyền hình tỉnh", the 2025 merger of a province's newspaper and broadcaster),
# or that no head word begins ("Nhà đầu tư" of a project, capitalised as a party)
_WHOLE_NAMES = re.compile(
    r"(?:Sở [Vv]ăn h(?:óa|oá)(?:,? (?:[-–] )?|\s?[-–]\s?)[Tt]hể thao,? (?:[-–] |và )?[Dd]u lịch"
    r"|Ban cán sự (?:Đảng|đảng) (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:tỉnh|thành phố|Thành phố)"
    r"|Báo và (?:Đài )?Phát [Tt]hanh,? (?:- )?Truyền [Hh]ình(?: tỉnh| [Tt]hành phố)?"
    r"(?: [A-ZĐ][\w]*){0,3}"
    r"|Sở An toàn thực phẩm"  # (TP.HCM's since 2025: "Sở An" and "toàn ..." to a pattern)
    r"|Nhà đầu tư|Nhà thầu thi công|nhà thầu thi công)(?!\w)"  # literal first characters: fast
)
_WHOLE_WORDS = (
    "Sở Văn h",
    "Sở văn h",
    "Ban cán sự",
    "Báo và ",
    "Nhà đầu tư",
    "hà thầu thi công",
    "Sở An toàn",
)  # one is in each match


# a sector named for its department: "chỉ đạo ngành Thuế tỉnh ...", "đề nghị ngành Y tế ...";
# opening a sentence, in small letters too: "Ngành giao thông vận tải theo dõi diễn biến bão"
_FIELDS = (
    r"Y tế|Giáo dục(?:[^\S\n]+và[^\S\n]+Đào tạo)?|GD-ĐT|GD&ĐT|Du lịch|Thuế|Công Thương|Tài chính|"
    r"Xây dựng|Giao thông(?:[^\S\n]+vận tải)?|Văn hóa|Tư pháp|Nội vụ|"
    r"Nông nghiệp(?:[^\S\n]+và[^\S\n]+Phát "
    r"triển nông thôn|[^\S\n]+và[^\S\n]+Môi trường)?|Tài nguyên(?:[^\S\n]+và[^\S\n]+Môi trường)?|"
    r"Lao động(?:[^\S\n]*-[^\S\n]*Thương binh[^\S\n]+và[^\S\n]+Xã hội)?|"
    r"Thông tin và Truyền thông|Kế hoạch và Đầu tư|Khoa học và Công nghệ"
)
_SECTOR = re.compile(
    r"ngành(?<!\wngành)(?<![Cc]ác ngành)(?<![Nn]hững ngành)[^\S\n]+(?P<d>" + _FIELDS + r")(?!\w)"
)
# in small letters where a list or a directive verb names it: "yêu cầu lãnh đạo các địa
# phương, ngành nông nghiệp chỉ đạo ...", "phối hợp với ngành y tế"
_SECTOR_ASKED = re.compile(  # (opens on its literal, the words before checked after)
    r"ngành(?:(?<=, ngành)|(?<=và ngành)|(?<=yêu cầu ngành)|(?<=đề nghị ngành)|(?<=giao ngành)"
    r"|(?<=chỉ đạo ngành)|(?<=với ngành)|(?<=trong đó ngành)|(?<=trong đó, ngành))[^\S\n]+"
    r"(?P<d>(?i:" + _FIELDS + r"))(?!\w)"
)
_PLACE_AFTER = r"[" + CAPITALS + r"]\w*(?:[^\S\n][" + CAPITALS + r"]\w*){0,2}"
_SECTOR_OPENING = re.compile(  # (its place too: "Ngành giáo dục Hà Nội đã hoàn thành ...")
    r"Ngành[^\S\n]+(?P<d>(?i:" + _FIELDS + r"))(?!\w)"
    r"(?:[^\S\n]+(?:Thủ đô|(?:tỉnh|thành phố)(?:[^\S\n]+"
    + _PLACE_AFTER
    + r")?|"
    + _PLACE_AFTER
    + r"))?"
)
_SENTENCE_GAPS = frozenset([". ", ": ", "; ", ".\n", ":\n", ";\n"])


def _opens_sentence(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] == "\n" or text[max(0, pos - 2) : pos] in _SENTENCE_GAPS


_SECTOR_BODY = {
    "Y tế": "Sở Y tế", "Giáo dục": "Sở Giáo dục và Đào tạo", "GD-ĐT": "Sở Giáo dục và Đào tạo",
    "GD&ĐT": "Sở Giáo dục và Đào tạo", "Du lịch": "Sở Du lịch", "Thuế": "Cục Thuế",
    "Công Thương": "Sở Công Thương", "Tài chính": "Sở Tài chính", "Xây dựng": "Sở Xây dựng",
    "Giao thông vận tải": "Sở Giao thông vận tải", "Giao thông": "Sở Giao thông vận tải",
    "Văn hóa": "Sở Văn hóa", "Tư pháp": "Sở Tư pháp",
    "Nội vụ": "Sở Nội vụ", "Nông nghiệp": "Sở Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Phát triển nông thôn": "Sở Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường": "Sở Nông nghiệp và Môi trường",
    "Tài nguyên": "Sở Tài nguyên và Môi trường", "Tài nguyên và Môi trường": "Sở Tài nguyên và Môi trường",
    "Lao động": "Sở Lao động - Thương binh và Xã hội",
    "Lao động - Thương binh và Xã hội": "Sở Lao động - Thương binh và Xã hội",
    "Thông tin và Truyền thông": "Sở Thông tin và Truyền thông",
    "Kế hoạch và Đầu tư": "Sở Kế hoạch và Đầu tư",
    "Khoa học và Công nghệ": "Sở Khoa học và Công nghệ",
}  # fmt: skip


# the provinces' departments merged in 2025 (Nghị định 45/2025/NĐ-CP and each province's own
# resolutions, most from 1 March): a sector named after it is the merged department's
# ("ngành nông nghiệp" in 2026)
_SECTOR_MERGED = date(2025, 3, 1)
_MERGED_INTO = {
    "Sở Nông nghiệp và Phát triển nông thôn": "Sở Nông nghiệp và Môi trường",
    "Sở Tài nguyên và Môi trường": "Sở Nông nghiệp và Môi trường",
    "Sở Kế hoạch và Đầu tư": "Sở Tài chính",
    "Sở Giao thông vận tải": "Sở Xây dựng",
    "Sở Thông tin và Truyền thông": "Sở Khoa học và Công nghệ",
    "Sở Lao động - Thương binh và Xã hội": "Sở Nội vụ",
}


def _names_a_sector(m: AgencyMention) -> bool:
    """``m`` is a department read from its sector ("ngành y tế")."""
    return m.rule == UNLISTED and m.surface[:5].lower() == "ngành"


def merged_sectors(found: Sequence[AgencyMention], on: date) -> None:
    """The sectors ``found`` names for departments merged before ``on`` are the merged ones."""
    if on < _SECTOR_MERGED:
        return
    for m in found:
        if _names_a_sector(m) and m.name in _MERGED_INTO:
            m.name = _MERGED_INTO[m.name]


# a department named by the first words of its name: "giao Sở Giáo dục phối hợp Sở Y tế"
CUT_SHORT = {
    "Sở Giáo dục": "Sở Giáo dục và Đào tạo", "Sở Lao động": "Sở Lao động - Thương binh và Xã hội",
    "Sở Tài nguyên": "Sở Tài nguyên và Môi trường", "Sở Kế hoạch": "Sở Kế hoạch và Đầu tư",
    "Sở Khoa học": "Sở Khoa học và Công nghệ", "Sở Thông tin": "Sở Thông tin và Truyền thông",
    "Sở Giao thông": "Sở Giao thông vận tải",
}  # fmt: skip


def _sector_key(field: str) -> str:
    return re.sub(r"\s*-\s*", "-", " ".join(field.split()).lower())


_SECTOR_KEYS = {_sector_key(k): v for k, v in _SECTOR_BODY.items()}


def _sectors(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the sectors a text names for their department ("ngành Thuế" is the
    Cục Thuế, "ngành Y tế" the Sở Y tế), where nothing else reads those words but the group
    word "Ngành" itself."""
    if "ngành " not in text and "Ngành " not in text:
        return found
    added = []
    starts = [f.start for f in found]
    opening = (
        [m for m in _SECTOR_OPENING.finditer(text) if _opens_sentence(text, m.start())]
        if "Ngành " in text
        else []
    )
    asked = [m for m in _SECTOR_ASKED.finditer(text) if not m.group("d")[0].isupper()]
    for m in sorted([*_SECTOR.finditer(text), *opening, *asked], key=lambda m: m.start()):
        field, at = m.group("d"), m.start("d")
        if _overlaps(found, starts, at, m.end()):
            continue  # ("Ngành" alone, read as a group, gives way: it starts before ``at``)
        domain = _sector_key(field)
        name = _SECTOR_KEYS.get(domain) or _SECTOR_KEYS[domain.split(" và ")[0]]
        added.append(AgencyMention(m.start(), m.end(), m.group(), name, rule=UNLISTED))
    return _replace(found, added) if added else found


_CULTURE = re.compile(r"Sở [Vv]ăn h(?:óa|oá)")


def _official(written: str) -> str:
    """The full official form of a whole name: "Sở Văn hoá Thể thao Du lịch" is written
    "Sở Văn hóa, Thể thao và Du lịch"."""
    if _CULTURE.match(written):
        return _CULTURE_NAME
    return written.replace("Phát Thanh", "Phát thanh").replace("Truyền Hình", "Truyền hình")


def _culture_and_tourism(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """ "Các Sở: Y tế, VHTT&DL": the registry reads "VHTT" and "DL" as two of its bodies (the
    city has both); written with "&" they are one province's Sở Văn hóa, Thể thao và Du lịch."""
    out: list[AgencyMention] = []
    for m in found:
        last = out[-1] if out else None
        if last is not None and last.name == _CULTURE_NAME and m.start < last.end:
            continue  # ("DL" of "VHTT&DL", read into the mention before)
        if (
            last is not None
            and m.name == "Sở Du lịch"
            and last.name == "Sở Văn hóa và Thể thao"
            and text[last.end : m.start].strip() in ("&", "-")
            and not m.surface.startswith("Sở")
        ):
            out[-1] = AgencyMention(
                last.start, m.end, text[last.start : m.end], _CULTURE_NAME, rule=UNLISTED
            )
            continue
        if m.name == "Sở Văn hóa và Thể thao" and (tail := _AND_TOURISM.match(text, m.end)):
            # "Sở VH-TT-DL": the registry read "Sở VH-TT"
            m = AgencyMention(
                m.start, tail.end(), text[m.start : tail.end()], _CULTURE_NAME, rule=UNLISTED
            )
        out.append(m)
    return out


_AND_TOURISM = re.compile(r"[-&]\s?DL(?!\w)")


_CULTURE_NAME = "Sở Văn hóa, Thể thao và Du lịch"


def _whole_names(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    if "Du lịch" in text or "DL" in text:
        found = _culture_and_tourism(text, found)
    if not any(words in text for words in _WHOLE_WORDS):
        return found  # (a plain substring search first: most texts name none)
    wholes = [
        AgencyMention(m.start(), m.end(), m.group(), _official(m.group()), rule=UNLISTED)
        for m in _WHOLE_NAMES.finditer(text)
        if not text.endswith(("các ", "Các "), 0, m.start())  # "các nhà thầu ...": a class
    ]
    if not wholes:
        return found
    starts = [f.start for f in found]
    for w in wholes:  # "Lãnh đạo Sở Văn hóa, Thể thao" read by the registry: the title goes on it
        i = bisect_left(starts, w.start) - 1
        if i >= 0 and found[i].start < w.start < found[i].end:
            w.start, w.surface = found[i].start, text[found[i].start : w.end]
    return _replace(found, wholes)  # (in order: found by one left-to-right scan)


# departments a list names by their field alone after a head and a colon, with other bodies
# between them: "Thủ trưởng các đơn vị: Y tế, Bộ Chỉ huy Quân sự thành phố, Công an thành
# phố, Công Thương, Tài chính, Thông tin và Truyền thông và Chủ tịch UBND quận, huyện"
_FIELD_LIST_REST = r"[^\S\n]+(?:đơn vị|[Ss]ở, ngành|[Ss]ở|ngành)[^\S\n]*:[^\S\n]*"
# (two expressions with a literal first word each: the engine skips to where one can start)
_FIELD_LIST_HEADS = (re.compile("các" + _FIELD_LIST_REST), re.compile("Các" + _FIELD_LIST_REST))
_FIELD_ITEM = re.compile(r"(?P<f>" + _FIELDS + r")(?=[^\S\n]*(?:,|;|\.|và[^\S\n]|$))", re.M)
_ITEM_SEP = re.compile(r"[^\S\n]*(?:,|và)[^\S\n]*")
_FIELD_LIST_REACH = 600  # characters a list after its head runs, at most


def _field_lists(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the departments a list after "các đơn vị:" names by field alone,
    between bodies named in full (those the registry reads already)."""
    added: list[AgencyMention] = []
    starts = [f.start for f in found]
    heads = (h for rx in _FIELD_LIST_HEADS for h in rx.finditer(text))
    for head in heads:
        pos, stop = head.end(), min(len(text), head.end() + _FIELD_LIST_REACH)
        while pos < stop:
            item = _FIELD_ITEM.match(text, pos)
            if item is not None and not _overlaps(found, starts, item.start(), item.end()):
                key = _sector_key(item.group("f"))
                name = _SECTOR_KEYS.get(key)
                if name:
                    added.append(
                        AgencyMention(item.start(), item.end(), item.group(), name, rule=UNLISTED)
                    )
            ends = [i for i in (text.find(",", pos, stop), text.find(" và ", pos, stop)) if i != -1]
            if (
                not ends
                or text.find(";", pos, min(ends)) != -1
                or text.find(".", pos, min(ends)) != -1
            ):
                break  # the list ends with its sentence or clause
            sep = _ITEM_SEP.match(text, min(ends))
            pos = sep.end() if sep else min(ends) + 1
    return _with_added(found, added) if added else found
