"""Named classes of bodies and names written short: "các đơn vị duy trì thoát nước",
"các trường trung học phổ thông" (a class, not a group label), a short name a text gives
("(sau đây gọi tắt là Ban Quản lý)"), ministries listed after one head ("các Bộ: Y tế, Tài
chính"), and a head alone standing for the one body of that head the text names in full
("Ban Chỉ đạo", "Tổ công tác").
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from chidao.extract.agencies.grammar import PARTY_UY
from chidao.extract.model import AgencyMention
from chidao.extract.names import _ENDERS, _STOPS, _WORD, UNLISTED, _overlaps, _replace

# a named class of bodies, not a group label: "các đơn vị duy trì thoát nước", "các cơ quan
# Trung ương đóng trên địa bàn tỉnh", "các trường trung học phổ thông", "các doanh nghiệp
# viễn thông". "đơn vị" and "cơ quan" take only the qualifiers listed (a verb follows them
# too often: "các đơn vị xây dựng kế hoạch" is the group); the other nouns any words up
# to a verb, a function word or punctuation.
_GENERIC_QUALIFIERS = (
    r"sự nghiệp công lập|sự nghiệp|duy trì|"
    r"(?:Trung ương|TW|trung ương)(?: đóng)?(?: trên địa bàn(?: tỉnh| thành phố| Thành phố)?)?|"
    r"tư vấn|thi công|cấp nước|thoát nước|điện lực|viễn thông|báo chí|truyền thông|y tế|"
    r"giáo dục|quản lý vận hành|vận hành|khai thác|kinh doanh(?: vận tải)?|vận tải|quản lý đường bộ"
)
_CLASS_REST = (
    r"[^\S\n]+(?:"
    rf"(?P<generic>đơn vị|cơ quan)[^\S\n]+(?P<q>{_GENERIC_QUALIFIERS})"
    r"|(?P<noun>doanh nghiệp|[Tt]rường(?! hợp)|[Tt]rung tâm|tổ chức|nhà đầu tư|[Bb]ệnh viện"
    r"|công ty|hợp tác xã|nhà thầu|[Tt]ổ(?= (?:công tác|kiểm tra|kiểm soát|giúp việc|thẩm định|liên ngành|chuyên gia)(?!\w))"
    r"|[Đđ]ội|chủ rừng|cơ sở(?= (?:giáo dục|y tế|đào tạo|khám bệnh|giáo dục nghề nghiệp)(?!\w)))"
    r"(?=[^\S\n]+\w|[,;:]))"
)
# two expressions with a literal first word each: the engine then skips to where one can start
_CLASSES = (re.compile("các" + _CLASS_REST), re.compile("Các" + _CLASS_REST))


def _class_matches(text: str) -> Iterator[re.Match[str]]:
    for rx in _CLASSES:
        for m in rx.finditer(text):
            if not (m.start() and text[m.start() - 1].isalnum()):
                yield m


# the same class as a heading: "1.3. Đơn vị duy trì thoát nước trên địa bàn Thành phố:"
_CLASS_HEADING = re.compile(
    rf"(?P<generic>Đơn vị)[^\S\n]+(?P<q>{_GENERIC_QUALIFIERS})(?=[^:\n]{{0,80}}:[^\S\n]*(?:\n|$))"
)
_LINE_START = re.compile(r"[\d.]*[^\S\n]*")  # what may stand before it on its line: "1.3. "


def _heading_classes(text: str) -> Iterator[re.Match[str]]:
    for m in _CLASS_HEADING.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if _LINE_START.fullmatch(text, line, m.start()):
            yield m


_UNDER = re.compile(r"[^\S\n]+(?:trực thuộc|thuộc)[^\S\n]+")
_CLASS_WORDS = 8
_CLASS_DASH = re.compile(r"[^\S\n]+[-–][^\S\n]+(?=\w)")
_MORE_STOPS = re.compile(
    r"(?:xây dựng|nạo vét|thu gom|phổ biến|quán triệt|thẩm định|giải quyết|khắc phục|"
    r"chuẩn bị|huy động|nộp|ký|đăng ký|liên quan|có liên quan|trực thuộc|thuộc|khác|này|"
    r"trên địa bàn|đóng|được|cấp|các)(?!\w)"
)


def _classes(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """Named classes replace the group mention of their first words ("các đơn vị")."""
    added: list[AgencyMention] = []
    groups = {f.start: f for f in found if f.is_group and f.name != "cơ quan, đơn vị"}
    by_start = {f.start: f for f in found}
    for m in itertools.chain(_class_matches(text), _heading_classes(text)):
        if m.start() in groups:
            continue  # a group's own phrasing: "các tổ chức chính trị - xã hội"
        end = _class_end(text, m.end()) or (
            m.end() if m.group("generic") or _bare_institutions(text, m) else None
        )
        if end is None:
            continue
        under = _UNDER.match(text, end)
        if under is not None:  # "... trực thuộc UBND Thành phố"
            nxt = by_start.get(under.end())
            if nxt is not None and not nxt.is_group:
                end = nxt.end
        surface = text[m.start() : end]
        name = " ".join(surface.split())
        if not name.lower().startswith("các"):  # a heading's "Đơn vị duy trì thoát nước:"
            name = "Các " + name[0].lower() + name[1:]
        added.append(AgencyMention(m.start(), end, surface, name, rule=UNLISTED))
    if not added:
        return found
    return _replace(found, sorted(added, key=lambda a: a.start))


# the Party's committees, which no registry of People's Committees holds, named in a list of
# assignees ("Đảng ủy, UBND 14 phường", "đảng ủy, UBND các xã", "Ban Thường vụ các huyện ủy,
# thị ủy", "các đảng ủy trực thuộc Tỉnh ủy"; not "các cấp ủy", the Party at every level)
_PARTY = re.compile(  # (opens on its head word's letters, its left edge checked after)
    r"(?:[Đđ]ảng|huyện|thị|quận|thành)[^\S\n]+"
    + PARTY_UY
    + r"(?:[^\S\n]+(?:(?:các[^\S\n]+)?(?:xã|phường|thị trấn|cơ sở)(?:,[^\S\n]+(?:phường|thị trấn))*"
    r"|trực thuộc(?:[^\S\n]+(?:Tỉnh|Thành|Huyện|Quận|Đảng)[^\S\n]+[uủ][ỷy])?)(?!\w))?"
)


_SHARED_PLACES = re.compile(
    r",?[^\S\n]+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)[^\S\n]+(?:các|\d{1,3})[^\S\n]+"
    r"(?P<unit>xã|phường|thị trấn)(?!\w)"
)


def _party_committees(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """The Party's committees the other passes leave unread (or read as the districts)."""
    if " ủy" not in text and " uỷ" not in text:  # (a plain search first: "huyện ủy", "Đảng ủy")
        return found
    added = []
    starts = [f.start for f in found]
    for m in _PARTY.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "/"):
            continue  # inside a word
        if text[max(0, start - 4) : start] in ("các ", "Các "):
            start -= 4  # "các đảng ủy trực thuộc Tỉnh ủy"
        if _overlaps(found, starts, start, m.end()):
            continue
        surface = text[start : m.end()]
        name = " ".join(surface.split())
        shared = (
            _SHARED_PLACES.match(text, m.end())
            if m.group().lower().endswith(("ủy", "uỷ"))
            else None
        )
        if shared is not None:  # "đảng ủy, UBND các xã": the communes' party committees
            name = f"{name} các {shared.group('unit')}"
        added.append(
            AgencyMention(start, m.end(), surface, name[0].upper() + name[1:], rule=UNLISTED)
        )
    return _replace(found, added) if added else found


# "Thành lập Tổ giúp việc của Hội đồng thẩm định ... tỉnh Lâm Đồng (gọi tắt là Tổ giúp việc)"
_CALLED = re.compile(r"\((?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+là:?\s*(?P<short>[^()\n]{2,60}?)\s*\)")
_NAME_BEFORE = 200  # how far before its short name a full name may begin


def _short_names(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """A body the text names in full once and then by the short name it gives it: every
    later short mention stands for the full name, the name the body is registered by."""
    if "tắt là" not in text:  # (a plain substring search first: most texts define none)
        return found
    added: list[AgencyMention] = []
    for m in _CALLED.finditer(text):
        short = m.group("short")
        begin = text.rfind(short, max(0, m.start() - _NAME_BEFORE), m.start())
        if not short[:1].isupper() or begin == -1 or "\n" in text[begin : m.start()]:
            continue  # the full name begins with the short one, on the same line
        full = " ".join(text[begin : m.start()].rstrip(" ,").split())
        rx = re.compile(re.escape(short) + r"(?!\w)")
        pos = m.end()
        while (later := rx.search(text, pos)) is not None:
            if not text[later.start() - 1 : later.start()].isalnum():
                added.append(AgencyMention(later.start(), later.end(), short, full, rule=UNLISTED))
            pos = later.end()
    if not added:
        return found
    return _replace(found, sorted(added, key=lambda a: a.start))


# the ministries by their fields, after one head: "Bộ trưởng các Bộ: Quốc phòng, Công an, Nông
# nghiệp và Môi trường, Y tế; ..." (the longest first: "và" is inside some of the names)
_MINISTRY_FIELDS = sorted(
    [
        "Quốc phòng", "Công an", "Ngoại giao", "Nội vụ", "Tư pháp", "Tài chính", "Công Thương",
        "Nông nghiệp và Môi trường", "Nông nghiệp và Phát triển nông thôn", "Xây dựng",
        "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ", "Giáo dục và Đào tạo", "Y tế",
        "Dân tộc và Tôn giáo", "Kế hoạch và Đầu tư", "Lao động - Thương binh và Xã hội",
        "Giao thông vận tải", "Tài nguyên và Môi trường", "Thông tin và Truyền thông",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
_FIELD = (  # (a dash with or without its spaces: "Lao động-Thương binh và Xã hội")
    "("
    + "|".join(re.escape(f).replace(r"\ \-\ ", r"\s*[-–]\s*") for f in _MINISTRY_FIELDS)
    + r")(?!\w)"
)


def _dashless(field: str) -> str:
    return re.sub(r"\s*[-–]\s*", "-", field)


_CANON_FIELD = {_dashless(f): f for f in _MINISTRY_FIELDS}
_MINISTRIES_HEAD = re.compile(r"(?:Bộ trưởng\s+)?[Cc]ác [Bb]ộ\s*:\s*" + _FIELD)
_MINISTRY_NEXT = re.compile(r"\s*(?:,|và(?!\w))\s*(?:Bộ\s+)?" + _FIELD)


# a minister named by the field alone: "Thủ tướng yêu cầu Bộ trưởng Công an ..."
_MINISTER = re.compile(r"Bộ trưởng[^\S\n]+" + _FIELD)


def _ministry_lists(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """ "Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế": one mention per ministry; "Bộ trưởng
    Công an" stands for the ministry."""
    minister = "Bộ trưởng " in text
    if "ác Bộ" not in text and "ác bộ:" not in text and not minister:  # (substrings first)
        return found
    added: list[AgencyMention] = []
    if minister:
        added += (
            AgencyMention(m.start(), m.end(), m.group(), "Bộ " + _CANON_FIELD[_dashless(m[1])])
            for m in _MINISTER.finditer(text)
        )
    for m in _MINISTRIES_HEAD.finditer(text):
        item: re.Match[str] | None = m
        start = m.start()
        while item is not None:
            name = "Bộ " + _CANON_FIELD[_dashless(item.group(1))]
            added.append(AgencyMention(start, item.end(), text[start : item.end()], name))
            item = _MINISTRY_NEXT.match(text, item.end())
            start = item.start(1) if item else start
    if not added:
        return found
    return _replace(found, sorted(added, key=lambda a: a.start))


# a committee named in full once, then by its head alone: "Ban Chỉ đạo phổ cập giáo dục, xóa mù
# chữ thành phố Hà Nội có 27 thành viên ... Ban Chỉ đạo có nhiệm vụ xây dựng kế hoạch ..."
_BARE = re.compile(  # (a literal first)
    r"(?:Ban [Cc]hỉ đạo|Ban [Cc]hỉ huy|Tổ công tác(?:[^\S\n]+liên ngành)?)(?=[^\S\n]+[a-zđà-ỹ])"
)


_BARE_HEADS = ("Ban Chỉ đạo", "Ban chỉ đạo", "Ban Chỉ huy", "Ban chỉ huy", "Tổ công tác")
_BARE_HEADS_LOWER = ("ban chỉ đạo", "ban chỉ huy", "tổ công tác", "tổ công tác liên ngành")
_HEAD_STARTS = tuple(h + " " for h in _BARE_HEADS_LOWER)
_BARE_DUTY = re.compile(r"[^\S\n]+(?:có nhiệm vụ|có trách nhiệm|chủ trì|khẩn trương)(?!\w)")


def _bare_heads(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """The head alone stands for the one body of that head the text names in full."""
    if not any(head in text for head in _BARE_HEADS):
        return found
    added: list[AgencyMention] = []
    starts = [m.start for m in found]
    # the full names of each head, those that end before the bare head: one walk through the
    # mentions in order of their ends, as the bare heads come (not a scan of them all per head)
    by_end = sorted(
        (f for f in found if f.name.lower().startswith(_HEAD_STARTS)), key=lambda f: f.end
    )
    full_names: dict[str, set[str]] = {}
    k = 0
    for m in _BARE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "/"):
            continue
        while k < len(by_end) and by_end[k].end <= m.start():
            name = by_end[k].name
            for head in _BARE_HEADS_LOWER:
                if name.lower().startswith(head + " "):
                    full_names.setdefault(head, set()).add(name)
            k += 1
        full = set(full_names.get(m.group().lower(), ()))
        i = bisect_left(starts, m.start() + 1) - 1
        inside = i >= 0 and found[i].end > m.start()
        if len(full) == 1 and not inside:
            added.append(AgencyMention(m.start(), m.end(), m.group(), full.pop(), rule=UNLISTED))
        elif not full and not inside and _BARE_DUTY.match(text, m.end()):
            # "Tổ công tác có nhiệm vụ tham mưu ...": the text's one team, named by its head
            added.append(AgencyMention(m.start(), m.end(), m.group(), m.group(), rule=UNLISTED))
    return _replace(found, added) if added else found


_AGAINST = re.compile(r",[^\S\n]*(?P<w>chống)(?!\w)")


def _bare_institutions(text: str, m: re.Match[str]) -> bool:
    """Schools or hospitals named bare, acting at once: "các trường chủ động triển khai ...",
    "yêu cầu các bệnh viện tăng cường trực" (not "các doanh nghiệp", anyone's firms)."""
    if m.group("noun") not in _INSTITUTIONS:
        return False
    gap = _GAP.match(text, m.end())
    return _PUNCT_AFTER.match(text, m.end()) is not None or (
        gap is not None and _STOPS.match(text, gap.end()) is not None
    )


_INSTITUTIONS = frozenset(["trường", "Trường", "bệnh viện", "Bệnh viện"])
_PUNCT_AFTER = re.compile(r"[^\S\n]*[,;:]")
_GAP = re.compile(r"[^\S\n]+")


def _class_end(text: str, pos: int) -> int | None:
    """The end of the qualifier words after a class noun; None without one."""
    end = at = pos
    for _ in range(_CLASS_WORDS):
        if text.endswith("phòng", 0, at) and (against := _AGAINST.match(text, at)):
            at = against.start("w") - 1  # "các tổ kiểm soát phòng, chống dịch": one name
        dash = _CLASS_DASH.match(text, at)
        word = _WORD.match(text, dash.end() - 1 if dash else at)
        if word is None:
            break
        after_education = text[max(0, word.start("w") - 4) : word.start("w")].rstrip() == "dục"
        if (
            _STOPS.match(text, word.start("w")) or _MORE_STOPS.match(text, word.start("w"))
        ) and not (after_education and word.group("w").lower() == "thường"):
            break  # ("Giáo dục thường xuyên" is a name)
        if _ENDERS.match(text, word.start("w")):
            break
        if word.group("w") == "và" and _NEXT_CLASS.match(text, word.end()):
            break  # "các đơn vị tư vấn và nhà thầu thi công": two classes
        at = end = word.end()
    return end if end > pos else None


_NEXT_CLASS = re.compile(
    r"[^\S\n]+(?:(?:các|những)[^\S\n]+)?(?:nhà thầu|nhà đầu tư|chủ đầu tư|doanh nghiệp|đơn vị|"
    r"cơ quan|tổ chức|công ty|hợp tác xã|trường(?! hợp)|bệnh viện|trung tâm)(?!\w)"
)


# the state groups a text names by their short names: "Các Tập đoàn EVN, VNPT, Viettel phối hợp"
_GROUP_NAMES = {
    "EVN": "Tập đoàn Điện lực Việt Nam",
    "VNPT": "Tập đoàn Bưu chính Viễn thông Việt Nam",
    "Viettel": "Tập đoàn Công nghiệp - Viễn thông Quân đội",
    "PVN": "Tập đoàn Dầu khí Việt Nam",
    "TKV": "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam",
}
_SHORT_GROUP = r"(?P<g>EVN|VNPT|Viettel|PVN|TKV)(?!\w)"
_GROUPS_HEAD = re.compile(r"Tập đoàn[^\S\n]+" + _SHORT_GROUP)  # (a literal first: fast)
_THE_GROUPS = re.compile(r"[Cc]ác[^\S\n]+$")
_GROUPS_NEXT = re.compile(r"[^\S\n]*(?:,|và)[^\S\n]*(?P<t>Tập đoàn[^\S\n]+)?" + _SHORT_GROUP)


def _state_groups(text: str, found: Sequence[AgencyMention]) -> Sequence[AgencyMention]:
    """``found`` with the state groups a list names short, one mention each."""
    if "Tập đoàn " not in text:
        return found
    added: list[AgencyMention] = []
    for m in _GROUPS_HEAD.finditer(text):
        if added and m.start() < added[-1].end:
            continue  # read already as an item of the list before
        items = [m]
        while (nxt := _GROUPS_NEXT.match(text, items[-1].end())) is not None:
            items.append(nxt)
        for k, item in enumerate(items):
            if k == 0:  # ("Các Tập đoàn EVN, ...": the list's word with it)
                the = _THE_GROUPS.search(text, max(0, item.start() - 6), item.start())
                start = the.start() if the else item.start()
            else:
                start = item.start("t" if item.group("t") else "g")
            name = _GROUP_NAMES[item.group("g")]
            added.append(
                AgencyMention(start, item.end(), text[start : item.end()], name, rule=UNLISTED)
            )
    return _replace(found, added) if added else found
