"""Named bodies that no registry holds ("ngoài danh mục").

A directive names many assignees the packaged registry cannot know: the bodies of
another province written without its name ("Công an tỉnh", "Viện Kiểm sát nhân dân
tỉnh"), units below a department ("Trung tâm Quản lý hạ tầng kỹ thuật Thành phố",
"Chi cục Hải quan khu vực XIII", "Phòng Kế hoạch - Tài chính"), central bodies,
companies, embassies. They are read here from their shape: a capitalised head word
that begins the name of a body, then the words of the name up to the verb, the
punctuation or the next body that ends it. Such a mention keeps the name as written
(the reviewer may register it as a new agency) and carries the rule ``unlisted``.

Registry mentions win where both read the same words; an unlisted name that goes on
past a registry match ("Ngân hàng Nhà nước khu vực X" past "Ngân hàng Nhà nước")
replaces it.

``find_unlisted`` runs the passes of the other shapes first, each in its module: places
(``places``: "giao huyện Gio Linh", "UBND 36 phường, xã"), fields (``fields``: "ngành
Thuế", the culture department written short), classes and short names (``classes``: "các
trường trung học phổ thông", "các Bộ: Y tế, Tài chính", "Tổ công tác"); the words that end
a name and the edits of a mention list they share are in ``names``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from chidao.extract.agencies.grammar import _literal_node
from chidao.extract.classes import (
    _bare_heads,
    _classes,
    _ministry_lists,
    _party_committees,
    _short_names,
    _state_groups,
)
from chidao.extract.fields import CUT_SHORT, _field_lists, _sectors, _whole_names
from chidao.extract.model import AgencyMention
from chidao.extract.names import _ENDERS, _PROVINCE, _STOPS, _WORD, UNLISTED
from chidao.extract.places import (
    SHORT_UNITS,
    _bare_levels,
    _bare_places,
    _bare_provinces,
    _colon_places,
    _counted,
    _counted_named,
    _place_lists,
    _place_subjects,
    _shared_places,
)
from chidao.extract.segment import CAPITALS

# the office of a council and its committee, a whole name on its own or before its level
_COUNCIL_OFFICES = (
    "Văn phòng HĐND và UBND",
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "Văn phòng Hội đồng nhân dân và Uỷ ban nhân dân",
)
# head words that begin the name of a body (capitalised, as written at a name's start)
_HEADS = (
    "Ban Quản lý", "Ban quản lý", "Ban Chỉ đạo", "Ban Chỉ huy", "Ban chỉ đạo", "Ban chỉ huy",
    "Ban", "Trung tâm", "Chi cục",
    "Cục", "Tổng cục", "Phòng", "Văn phòng", "Viện Kiểm sát nhân dân",
    "Viện kiểm sát nhân dân", "Viện", "Học viện",
    "Bộ tư lệnh",
    "Tòa án nhân dân", "Toà án nhân dân", "Bộ Chỉ huy", "Bộ Tư lệnh", "Bộ đội Biên phòng",
    "Công an", "Công ty", "Tổng công ty", "Tổng Công ty", "Tập đoàn", "Ngân hàng", "Kho bạc Nhà nước",
    "Bảo hiểm xã hội", "Ủy ban Mặt trận Tổ quốc", "Uỷ ban Mặt trận Tổ quốc", "Ủy ban MTTQ",
    "UB MTTQ", "UBMTTQ", "UBMT TQ", "Trạm", "Ủy ban bầu cử", "Uỷ ban bầu cử", "Ban bầu cử", "CDC", "BQL",
    "Hội đồng", "Bộ chỉ huy", "Bộ CHQS", "BCHQS", "BĐBP", "BCH BĐBP", "Liên đoàn Lao động", "Liên đoàn", "Liên hiệp các Hội", "Liên hiệp",
    "Hiệp hội", "Tổng Liên đoàn", "Liên minh Hợp tác xã", "Tạp chí", "Hội", "Tỉnh đoàn", "Thành đoàn", "Đoàn",
    "Đài", "Báo", "Bảo tàng", "Thư viện", "Nhà hát", "Bệnh viện", "Trường", "Đại học",
    "Đại sứ quán", "Lãnh sự quán", "Tổng Lãnh sự quán", "Thanh tra", "Quỹ", "Hợp tác xã",
    "Cảng vụ", "Vườn quốc gia", "Vườn Quốc gia", "Khu bảo tồn", "Hạt Kiểm lâm", "Đội",
    "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ", "Đảng ủy", "Đảng uỷ",
    "Ban cán sự", "Huyện đoàn", "Quận đoàn", *_COUNCIL_OFFICES,
)  # fmt: skip


def _heads_rx(heads: Sequence[str]) -> str:
    """The longest of ``heads`` not preceded by a word character or "/", as one expression
    that opens on a literal capital: ``re`` then skips to the capitals (a set of first
    characters) and branches one character at a time, several times faster than an
    alternation behind ``(?<![\\w/])``, with the same matches. The look-behind sits after
    the first character as ``(?<![\\w/].)``: that character is a letter (never a line
    break, which ``.`` would miss), so it holds exactly where the plain one would."""
    tree: dict[str, Any] = {}
    for head in heads:
        node = tree
        for ch in head:
            node = node.setdefault(ch, {})
        node[""] = {}
    firsts = [
        re.escape(ch) + r"(?<![\w/].)" + _literal_node(child, " ")
        for ch, child in sorted(tree.items())
    ]
    return "(?:" + "|".join(firsts) + r")(?!\w)"


_HEAD = re.compile(_heads_rx(_HEADS))
# a body of the issuing province or city, named by its level alone: "Công an tỉnh"
_LEVEL = re.compile(
    r"[^\S\n]+(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?|huyện|quận|thị xã|xã(?![^\S\n]+hội)|phường|"
    r"thị trấn)(?!\w)"
    r"(?![^\S\n]+[ủu][ỷy](?!\w))"
)
_PLACE_WORD = re.compile(r"[^\S\n]+(?:[" + CAPITALS + r"][\w]*|\d{1,3}(?!\w))")
_DASH_WORD = re.compile(  # (a space on one side only too: "Trung tâm GDNN- GDTX")
    r"(?:[^\S\n]+[-–][^\S\n]*|[-–][^\S\n]+)(?=[" + CAPITALS + r"])"
)
# an office's second field in small letters: "Phòng Kinh tế – hạ tầng", "Phòng Tài chính - kế hoạch"
_DASH_FIELD = re.compile(
    r"[^\S\n]+[-–&][^\S\n]+(?=(?:hạ tầng|kế hoạch|tài chính|xã hội|đô thị|thông tin|thương binh)(?!\w))"
)
# a steering committee's name lists its topics: "Ban Chỉ đạo phát triển khoa học, công nghệ,
# đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh"
_COMMA_TOPIC = re.compile(
    r",[^\S\n]+(?=[a-zà-ỹđ])(?!(?:các|những|đơn vị|cơ quan|địa phương)(?!\w))"
)
_COMMA_WORD = re.compile(r",[^\S\n]+(?=[" + CAPITALS + r"])")
# a fixed phrase with its comma inside a name: "Phòng Kiểm tra xây dựng và phòng cháy, chữa cháy"
_COMMA_PHRASE = re.compile(
    r"(?<=[Pp]hòng cháy),[^\S\n]+(?=chữa cháy(?!\w))|(?<=[Pp]hòng),[^\S\n]+(?=[Cc]hống(?!\w))"
    r"|(?<=[Tt]hiên tai),[^\S\n]+(?=[Tt]ìm kiếm cứu nạn(?!\w))"
)  # (and "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh", "... thiên tai, tìm
# kiếm cứu nạn và phòng thủ dân sự tỉnh")
_ROMAN_OR_CODE = re.compile(r"[IVXLC]+|\d{1,3}|[A-Z]{1,4}\d{0,2}")
# lower-case words that end a name: verbs that follow a subject, function words
_MAX_WORDS = 20
_WHOLE_HEADS = frozenset(  # a whole name on their own
    ["Tỉnh đoàn", "Thành đoàn", "Huyện đoàn", "Quận đoàn", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy",
     "Thành uỷ", "Huyện ủy", "Huyện uỷ", "UB MTTQ", "UBMTTQ", "UBMT TQ", "Ủy ban MTTQ", "Công an",
     "CDC", *_COUNCIL_OFFICES]
)  # fmt: skip
_PUNCT = re.compile(r"[^\S\n]*[,;:.)]")


def find_unlisted(text: str, found: Sequence[AgencyMention]) -> list[AgencyMention]:
    """``found`` (the registry's mentions, in order) with the unlisted bodies of ``text``
    merged in, in order; see the module docstring."""
    found = _bare_places(text, _counted(text, _counted_named(text, _whole_names(text, found))))
    found = _bare_levels(text, _bare_provinces(text, found))
    found = _place_lists(text, _colon_places(text, _place_subjects(text, found)))
    found = _field_lists(text, _sectors(text, found))
    found = _short_names(text, _party_committees(text, _classes(text, found)))
    found = _state_groups(text, _ministry_lists(text, found))
    starts = [m.start for m in found]
    taken: set[int] = set()
    added: list[AgencyMention] = []
    last_end = -1
    for m in _heads(text):
        if m.start() < last_end:
            continue
        if m.group() == "Trạm" and _WORKS.match(text, m.end()):
            continue  # "Trạm bơm Yên Sở": works, not a body
        end = _name_end(text, m.end(), m.group())
        if end is None and m.group() in _WHOLE_HEADS and _alone(text, m.end()):
            end = m.end()  # "..., Hội Cựu chiến binh tỉnh, Tỉnh đoàn: Chỉ đạo ..."
        if end is None:
            continue
        i = bisect_left(starts, m.start())
        inside = []
        j = i - 1 if i and found[i - 1].end > m.start() else i
        while j < len(found) and found[j].start < end:
            inside.append(j)
            j += 1
        if inside:
            first = found[inside[0]]
            covered = first.start == m.start() and found[inside[-1]].end >= end
            if first.start < m.start() or (first.is_group and first.start == m.start()) or covered:
                continue  # the registry reads these words, or an enumeration starts here
            groups = [k for k in inside if found[k].is_group]
            if groups and _places_of(text, m.group(), end, found[groups[0]]):
                end = max(end, found[groups[0]].end)  # "Ban Chỉ huy ... các huyện, thị xã"
            elif groups:
                end = found[groups[0]].start
                end = len(text[m.start() : end].rstrip(" ,;và")) + m.start()
            taken.update(  # (not a group the list goes on with: "Ủy ban MTTQ ... và các đoàn thể")
                k
                for k in inside
                if found[k].start < end or not _LIST_JOIN.fullmatch(text, end, found[k].start)
            )
        surface = text[m.start() : end]
        name = " ".join(surface.split())
        if name[0].islower():  # "phòng Tài chính - Kế hoạch", "công an xã"
            name = name[0].upper() + name[1:]
        if name.startswith("Phòng"):  # "Phòng kinh tế hạ tầng" is "Phòng Kinh tế và Hạ tầng"
            name = _INFRASTRUCTURE.sub("Kinh tế và Hạ tầng", name)
            name = _OWN_LEVEL.sub("", name)  # "Phòng Văn hóa và Thông tin quận"
        added.append(AgencyMention(m.start(), end, surface, name, rule=UNLISTED))
        last_end = end
    if added:
        kept = [f for k, f in enumerate(found) if k not in taken]
        found = sorted(kept + added, key=lambda a: a.start)
    out = list(_shared_places(text, _without_short_forms(text, list(_bare_heads(text, found)))))
    for mention in out:
        if mention.agency_id is None and not mention.is_group:
            if _SHORTENED.search(mention.name):
                mention.name = spelled_out(mention.name)
            mention.name = CUT_SHORT.get(mention.name, mention.name)
    return out


# the places a body's name goes on with: "Ban Chỉ huy PCTT và TKCN các huyện, thị xã, thành
# phố", "Ủy ban bầu cử các xã, phường, thị trấn" (the committees of those places)
_LIST_JOIN = re.compile(r"[^\S\n]*(?:,|và|,[^\S\n]*và)[^\S\n]+")
# the fields a district's office is named by ("Phòng Tài chính - Kế hoạch", "phòng Y tế")
_OFFICE_FIELDS = (
    "Tài chính|Kinh tế|Văn hóa|Văn hoá|Giáo dục|Nội vụ|Tư pháp|Y tế|Tài nguyên|Lao động|"
    "Nông nghiệp|Quản lý đô thị|Kế hoạch|Công [Tt]hương|Dân tộc"
)
_OFFICE_FIELD = re.compile(r"[^\S\n]+(?i:" + _OFFICE_FIELDS + r")(?!\w)")  # (in small letters)
_INFRASTRUCTURE = re.compile(r"(?i:kinh tế)\s*(?:[-–&]|và)?\s*(?i:hạ tầng)(?!\w)")
_EACH_PLACE_HEADS = frozenset(
    ["Ban Chỉ huy", "Ban Chỉ đạo", "Ủy ban bầu cử", "Uỷ ban bầu cử", "Ban bầu cử", "Hội đồng"]
)


def _places_of(text: str, head: str, end: int, group: AgencyMention) -> bool:
    """The local group ``group`` inside a name is the places the name goes on with."""
    return (
        head in _EACH_PLACE_HEADS
        and group.name == "địa phương"
        and group.surface.startswith("các ")
        and text[group.start - 1 : group.start] == " "
        and not text[: group.start].rstrip().endswith((",", "và"))
    )


def _without_short_forms(text: str, found: list[AgencyMention]) -> list[AgencyMention]:
    """``found`` less the short form a text gives in brackets right after a body's name:
    "Trung tâm Kiểm soát bệnh tật tỉnh (CDC)", "Bộ Chỉ huy Quân sự tỉnh (Bộ CHQS)" name one
    body (not rule 8's two: "Sở Y tế (Thường trực Ban Chỉ đạo ...)")."""
    out: list[AgencyMention] = []
    for m in found:
        if (
            out
            and text[out[-1].end : m.start].strip() == "("
            and text[m.end : m.end + 1] == ")"
            and len(m.surface) <= _SHORT_FORM
            and all(w[:1].isupper() for w in m.surface.split())
        ):
            continue
        out.append(m)
    return out


_SHORT_FORM = 16  # characters: "UBMTTQ", "Bộ CHQS", "CDC"


# a district's office written in small letters: "giao phòng Tài chính - Kế hoạch huyện"
# (only before a field's name: "phòng COVID-19", "phòng Cháy" are no office)
_LOWER_OFFICE = re.compile(
    r"phòng(?<!\wphòng)(?=[^\S\n]+(?:" + _OFFICE_FIELDS + "|"
    r"Thông tin|Hạ tầng|Đô thị|Hành chính|Tổ chức|Kế toán|Tổng hợp|GDĐT|GD&ĐT|GD-ĐT|TN&MT|TN-MT|TC-KH|TCKH|NN&PTNT|NN-PTNT|NN và PTNT|TN và MT|"
    r"VH-TT|VHTT|LĐTB&XH|LĐ-TB&XH|KT-HT|QLĐT)(?![\w&-]))"
)


_WORKS = re.compile(
    r"[^\S\n]+(?:bơm|biến áp|thu phí|quan trắc|cân|xăng|sạc|dừng nghỉ|BTS|phát sóng)(?!\w)"
)


# a commune's police written in small letters: "công an xã chủ trì", "công an phường Yên Hòa"
_LOWER_POLICE = re.compile(r"công an(?<!\wcông an)(?=[^\S\n]+(?:xã|phường|thị trấn|đặc khu)(?!\w))")


def _heads(text: str) -> list[re.Match[str]]:
    """The head words of bodies in ``text``, in order: capitalised, and an office or a
    commune's police in small letters (read as "Phòng", "Công an")."""
    heads = list(_HEAD.finditer(text))
    lower = list(_LOWER_OFFICE.finditer(text)) if text.find("phòng ") != -1 else []
    if text.find("công an ") != -1:
        lower += _LOWER_POLICE.finditer(text)
    return sorted(heads + lower, key=lambda m: m.start()) if lower else heads


# the shortenings written inside names of bodies the registry does not hold; output names
# are in full official form ("Ban Quản lý dự án ... các công trình NN&PTNT tỉnh Quảng Nam")
_SPELLED_OUT = {
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn", "NN-PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NNPTNT": "Nông nghiệp và Phát triển nông thôn", "MTTQ": "Mặt trận Tổ quốc",
    "TN&MT": "Tài nguyên và Môi trường", "TN-MT": "Tài nguyên và Môi trường",
    "GTVT": "Giao thông vận tải", "KH&ĐT": "Kế hoạch và Đầu tư", "KH-ĐT": "Kế hoạch và Đầu tư",
    "KH&CN": "Khoa học và Công nghệ", "KHCN": "Khoa học và Công nghệ",
    "GD&ĐT": "Giáo dục và Đào tạo", "GDĐT": "Giáo dục và Đào tạo", "GD-ĐT": "Giáo dục và Đào tạo",
    "ĐTXD": "Đầu tư xây dựng", "VH-TT": "Văn hóa - Thông tin", "TT-TT": "Thông tin và Truyền thông",
    "KH-CN": "Khoa học và Công nghệ",
    "TT&TT": "Thông tin và Truyền thông", "TTTT": "Thông tin và Truyền thông",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội", "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "VHTTDL": "Văn hóa, Thể thao và Du lịch", "VH-TT&DL": "Văn hóa, Thể thao và Du lịch",
    "QLDA": "Quản lý dự án", "KDL": "Khu du lịch", "CDC": "Trung tâm Kiểm soát bệnh tật",
    "BQL": "Ban Quản lý", "KT-XH": "kinh tế - xã hội", "KTCK": "kinh tế cửa khẩu",
    "KCN": "khu công nghiệp", "PTNT": "Phát triển nông thôn", "KKT": "Khu kinh tế", "CHQS": "Chỉ huy Quân sự",
    "PCTT và TKCN": "Phòng, chống thiên tai và Tìm kiếm cứu nạn",
    "PCTT&TKCN": "Phòng, chống thiên tai và Tìm kiếm cứu nạn",
    "PCTT-TKCN": "Phòng, chống thiên tai và Tìm kiếm cứu nạn", "PTDS": "Phòng thủ dân sự",
    "BĐBP": "Bộ đội Biên phòng", "ATGT": "An toàn giao thông", "BCHQS": "Bộ Chỉ huy Quân sự",
    "BCH": "Bộ Chỉ huy", "CSGT": "Cảnh sát giao thông", "PCCC": "Phòng cháy, chữa cháy",
    "PCCC&CNCH": "Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "NTM": "nông thôn mới",
    "DA": "dự án",
    "UB MTTQ": "Ủy ban Mặt trận Tổ quốc", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "UBMT TQ": "Ủy ban Mặt trận Tổ quốc", "NN và PTNT": "Nông nghiệp và Phát triển nông thôn",
    "TN và MT": "Tài nguyên và Môi trường",
    "TPHCM": "Thành phố Hồ Chí Minh", "TP.HCM": "Thành phố Hồ Chí Minh",
    "TP HCM": "Thành phố Hồ Chí Minh", "TP. HCM": "Thành phố Hồ Chí Minh",
}  # fmt: skip
_ABBREVIATED = re.compile(
    r"(?<![\w&-])(?:"
    + "|".join(re.escape(k) for k in sorted(_SPELLED_OUT, key=len, reverse=True))
    + r")(?![\w&-])"
)


# a unit written short before its place: "UBND H.Bắc Bình", "UBND TX. Sơn Tây"
_UNIT_SHORT = re.compile(r"(?<!\w)(H|TX|TP|P)\.\s*(?=[" + CAPITALS + "])(?!HCM)")
_SHORTENED = re.compile(_ABBREVIATED.pattern + "|" + _UNIT_SHORT.pattern)


def spelled_out(name: str) -> str:
    """ "Ủy ban MTTQ Việt Nam tỉnh X" → "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh X"; "UBND
    H.Bắc Bình" → "UBND huyện Bắc Bình"."""
    name = _UNIT_SHORT.sub(lambda m: SHORT_UNITS[m.group(1) + "."] + " ", name)
    name = _ABBREVIATED.sub(lambda m: _SPELLED_OUT[m.group()], name)
    if "Mặt trận Tổ quốc" in name and "Mặt trận Tổ quốc Việt Nam" not in name:
        name = name.replace("Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam")  # its full name
    return name


def _alone(text: str, pos: int) -> bool:
    """Punctuation, a verb or "và" follows: "Tỉnh đoàn:", "Huyện đoàn phối hợp ...", "UB MTTQ
    và các đoàn thể"."""
    return _PUNCT.match(text, pos) is not None or (
        text[pos : pos + 1] == " "
        and (_STOPS.match(text, pos + 1) is not None or text.startswith("và ", pos + 1))
    )


def _name_end(text: str, pos: int, head: str) -> int | None:
    """Where the name that ``head`` begins at ``pos`` ends; None when no name follows."""
    words = 0
    capitals = 0
    end = at = pos  # the name's end so far; where the next word is read
    while words < _MAX_WORDS:
        province = _PROVINCE.match(text, at)
        if province is not None:  # "Trung tâm Kiểm soát bệnh tật Hà Nội": the place ends it
            return province.end()
        level = _LEVEL.match(text, at)
        if level is not None:
            end = level.end()
            if (province := _PROVINCE.match(text, end)) is not None:
                return province.end()  # "... TP Hải Phòng": not an office ("Phòng")
            place = _PLACE_WORD.match(text, end)
            while (
                place is not None
                and not place.group().strip()[0].islower()  # ("À-Ỹ" holds small letters too)
                and not _ENDERS.match(text, place.end() - len(place.group().strip()))
            ):
                end = place.end()
                place = _PLACE_WORD.match(text, end)
            return end
        dash = (
            _DASH_WORD.match(text, at)
            or _COMMA_WORD.match(text, at)
            or _COMMA_PHRASE.match(text, at)
            or (_COMMA_TOPIC.match(text, at) if head == "Ban Chỉ đạo" else None)
            or (_DASH_FIELD.match(text, at) if head in ("Phòng", "phòng", "Trung tâm") else None)
        )
        if dash is not None and words and (after := _PROVINCE.match(text, dash.end() - 1)):
            return after.end()  # "Tòa án nhân dân khu vực 1 - Lâm Đồng": the place ends it
        if dash is not None and words:
            word = _WORD.match(text, dash.end() - 1)
        else:
            word = _WORD.match(text, at)
        if word is None:
            break
        w = word.group("w")
        capital = w[0].isupper() or _ROMAN_OR_CODE.fullmatch(w) is not None
        if _ends_name(text, word, capital, words, head):
            break
        capitals += capital
        words += 1
        at = word.end()
        if w != "và":  # a name never ends in "và"
            end = at
    if words == 0 or (
        capitals == 0
        and head not in _LOWER_FIRST_HEADS
        and not (head == "Phòng" and _OFFICE_FIELD.match(text, pos))
    ):  # a name needs words, and one of them capitalised unless its head allows (or an
        return None  # office's field in small letters: "Phòng kinh tế hạ tầng")
    return end


def _ends_name(text: str, word: re.Match[str], capital: bool, words: int, head: str) -> bool:
    """True when ``word`` is not part of the name: the head of another body or a person,
    a verb or function word, a "và" before another capitalised name."""
    w = word.group("w")
    if capital:
        ender = _ENDERS.match(text, word.start("w")) is not None
        if w == "Phòng" and head in _PREVENTION_HEADS and _AGAINST.match(text, word.end()):
            return False  # "Ban Chỉ huy Phòng thủ dân sự - Phòng, chống thiên tai ..." goes on
        own = head in _OWN_WORD_HEADS or (w == "Phòng" and head in _PREVENTION_HEADS)
        return ender and not (words == 0 and own)
    if words == 0 and head not in _LOWER_FIRST_HEADS:
        return not (head == "Phòng" and _OFFICE_FIELD.match(text, word.start()))
    if w == "và":  # "Chi cục Chăn nuôi và Thú y" goes on; "... và Công an tỉnh" is a list
        return _ENDERS.match(text, word.end() + 1) is not None
    if w == "về" and head == "Ban Chỉ đạo" and words:
        return False  # "Ban Chỉ đạo quốc gia về dữ liệu"
    return _STOPS.match(text, word.start("w")) is not None


# heads whose name may begin with a lower-case word ("Bảo hiểm xã hội", "Ban quản lý dự án")
_LOWER_FIRST_HEADS = frozenset(
    [
        "Ban Quản lý",
        "Ban quản lý",
        "BQL",  # "BQL các dự án trọng điểm phát triển đô thị"
        "Tòa án nhân dân",
        "Toà án nhân dân",
        "Viện Kiểm sát nhân dân",
        "Viện kiểm sát nhân dân",
        "Bảo hiểm xã hội",
        "Kho bạc Nhà nước",
        "Liên đoàn Lao động",
        "Công an",
        "Bộ Chỉ huy",
        "Ban Chỉ huy",
        "Ban Chỉ đạo",  # "Ban Chỉ đạo quốc gia về dữ liệu"
        "Ban chỉ đạo",  # "Ban chỉ đạo huyện"
        "Ban chỉ huy",
        "Ban cán sự",  # "Ban cán sự các thôn"
        "Công ty",  # "Công ty cổ phần Nước sạch Hà Đông"
        "Cảng vụ",  # "Cảng vụ hàng hải Quảng Ninh", "Cảng vụ đường thủy nội địa"
        "Tổng công ty",
        "Tổng Công ty",
        "Đài",  # "Đài khí tượng thủy văn tỉnh"
        "Hạt Kiểm lâm",  # "các Hạt Kiểm lâm địa phương"
        "Trạm",  # "Trạm thủy nông huyện", "Trạm y tế xã"
        "Ủy ban bầu cử",  # "Ủy ban bầu cử các huyện, thành phố"
        "Uỷ ban bầu cử",
        "Ban bầu cử",
        "Bộ chỉ huy",  # "Bộ chỉ huy Quân sự tỉnh"
    ]
)
# heads whose first name word may itself be a head word ("Văn phòng Sở", "Ban Quản lý")
_OWN_WORD_HEADS = frozenset(  # "Thanh tra Sở Xây dựng", "Ban Chỉ huy Bộ đội Biên phòng tỉnh"
    ["Văn phòng", "Công an", "Thanh tra", "Bộ Chỉ huy", "Ban Chỉ huy"]
)
# "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh": "Phòng" of prevention
_PREVENTION_HEADS = frozenset(["Ban Chỉ huy", "Ban Chỉ đạo"])
_AGAINST = re.compile(r",?[^\S\n]+chống(?!\w)")
# a level written bare after an office's name, the office standing for its kind ("Phòng Văn
# hóa và Thông tin quận": the annotators write "Phòng Văn hóa và Thông tin")
_OWN_LEVEL = re.compile(r"[^\S\n]+(?:huyện|quận|thị xã)$")
# heads that name a body without more words when the level follows ("Công an tỉnh")
_STANDALONE = frozenset(
    [
        "Công an", "Tỉnh đoàn", "Thành đoàn", "Bộ đội Biên phòng", "Kho bạc Nhà nước",
        "Bảo hiểm xã hội", "Liên đoàn Lao động", "Viện Kiểm sát nhân dân", "Tòa án nhân dân",
        "Toà án nhân dân", "Ủy ban Mặt trận Tổ quốc", "Uỷ ban Mặt trận Tổ quốc", "Ủy ban MTTQ",
        "Liên minh Hợp tác xã", "Thanh tra",
    ]
)  # fmt: skip
