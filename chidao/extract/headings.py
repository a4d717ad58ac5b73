"""Structure that passes assignees down (rule 8): the addressees ("Kính gửi: ..."), an
agency heading over items ("2. Công an tỉnh", "Sở Y tế:"), a list intro ending on a colon
("Giao Sở Tư pháp chủ trì, phối hợp ...:"), the groups a heading addresses, a heading of
duties, a roster of members; the context stack those open and where it closes.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chidao.extract.enumerations import _outside_mentions
from chidao.extract.grammar import (
    TRIGGERS,
    WORD,
    Mentions,
    is_issuer,
    list_from,
)
from chidao.extract.model import AgencyMention
from chidao.extract.names import UNLISTED
from chidao.extract.segment import Block
from chidao.extract.units import units

if TYPE_CHECKING:  # (annotations only: the modules use each other's types)
    from chidao.extract.attributes import _Attribute

# "3.9. Chủ tịch UBND cấp xã chỉ đạo", "5.2. Bộ Chỉ huy quân sự tỉnh chỉ đạo lực lượng Bộ đội
# Biên phòng": who directs the items below is their lead
_DIRECTS_TAIL = re.compile(r"\s+chỉ đạo(?:\s+[^:.;,\n]{1,60})?\s*:?\s*", re.IGNORECASE)


_HEADING_LEAD_IN = re.compile(
    r"\s*(?P<verb>(?:Giao(?:\s+cho)?|Đề nghị|Yêu cầu|Trách nhiệm của|Đối với)\s+)"
    r"(?:(?:người đứng đầu|tập thể lãnh đạo|lãnh đạo|thủ trưởng)\s*,?\s*(?:và\s+)?)*",
    re.IGNORECASE,
)


# "... chủ trì", "... chủ trì, phối hợp (với)", "... là cơ quan chủ trì" after a heading's list
_HEADING_ROLES = re.compile(
    r"\s*(?:\(?(?:là\s+)?(?:cơ quan\s+)?(?:chủ trì|thường trực|đầu mối)\)?)?\s*,?\s*"
    r"(?P<support>phối hợp(?:\s+(?:với|cùng))?\s*)?"
)


_HEADING_TAIL = re.compile(
    r"\s*(?:(?:trực\s+)?thuộc\s+[^:.();,\n]{1,80}?|trên địa bàn(?:\s+(?:tỉnh|[Tt]hành phố))?"
    r"|được\s+(?:kiểm tra|thanh tra|giao|phân công|khảo sát|đánh giá)"
    r"|\s*,?\s*(?:và\s+)?(?:các\s+)?tổ chức,?\s*(?:và\s+)?cá nhân(?:\s+(?:có\s+)?liên quan)?"
    r"|(?:của|các)\s+(?:\d+\s+)?(?:dự án|công trình|gói thầu)[^:;\n]{0,150}?(?=\s*:))?"
    r"\s*(?:\([^()\n]{0,200}\))?\s*[:.]?\s*"
)


_UNDER_THEN = re.compile(
    r"\s*(?:trực\s+)?thuộc\s+(?:tỉnh|thành phố|Thành phố|UBND (?:tỉnh|Thành phố)|Sở)\s*[;,]\s*"
)


_INTRO_MAX = 250  # characters: a longer block that ends with ":" says more than who


_BARE_VERB = re.compile(
    r"[\s\-–+]*(?:" + "|".join(TRIGGERS) + r"|hướng dẫn|đôn đốc)(?!\w)", re.IGNORECASE
)


def _addressees(
    text: str, blocks: Sequence[Block], mentions: Mentions
) -> tuple[list[AgencyMention], range]:
    """Who the document is sent to: the assignees of its "Kính gửi:" (or "Điện:") line and
    the list items under it; and the indexes of those blocks (no tasks, no headings)."""
    k = next(
        (
            i
            for i, b in enumerate(blocks[:_ADDRESS_SEARCH])
            if text.startswith(_ADDRESS, b.body_start)
            or _SENT_TO.match(text, b.body_start, b.end)
            or (  # (a plain check first: a sender's line ends on its colon)
                text[b.body_start : b.end].rstrip().endswith(":")
                and _SENDER_CABLES.fullmatch(text, b.body_start, b.end)
            )
        ),
        None,
    )
    if k is None:
        return [], range(0)
    last = k
    if (
        _ADDRESS_ALONE.fullmatch(text, blocks[k].body_start, blocks[k].end)
        and k + 1 < len(blocks)
        and blocks[k + 1].marker is None
        and mentions.first(blocks[k + 1].body_start, blocks[k + 1].end) is not None
        and not text[blocks[k + 1].body_start : blocks[k + 1].end].rstrip().endswith((".", ":"))
    ):  # "Kính gửi:" alone, its addressees on the line after
        last = k + 1
    while last + 1 < len(blocks) and blocks[last + 1].marker in ("-", "+", "–", "•"):
        last += 1
    first = (
        blocks[k].end
        if _SENDER_CABLES.fullmatch(text, blocks[k].body_start, blocks[k].end)
        else blocks[k].start
    )
    found = mentions.between(first, blocks[last].end)
    # not those a bracket cites: "- Các đồng chí thành viên Ban Chỉ đạo (Theo Quyết định số
    # 2319/QĐ-TTg ... của Thủ tướng Chính phủ);"
    return [m for m in found if not m.vague and not _in_brackets(text, m.start)], range(k, last + 1)


_ADDRESS_ALONE = re.compile(r"\s*Kính gửi\s*:?\s*")


def _in_brackets(text: str, pos: int) -> bool:
    """In a bracket that cites a document ("(Theo Quyết định số ... của Thủ tướng ...)"), not
    a bracketed body (rule 8: "Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)")."""
    line = text.rfind("\n", 0, pos) + 1
    opened = text.rfind("(", line, pos)
    if opened == -1 or text.count(")", opened, pos):
        return False
    return _CITING.search(text, opened, pos) is not None


_CITING = re.compile(r"(?i)(?<!\w)(?:theo|số|quyết định|văn bản|tại)(?!\w)")


_ADDRESS_SEARCH = 120  # blocks: the addressees stand near the top


_ADDRESS = ("Kính gửi", "Điện:", "Điện gửi")


# a report's line of whom the directive is sent to: "Công điện gửi Chủ tịch UBND các tỉnh, thành
# phố: ...; Bộ trưởng các Bộ: ...; Chánh Văn phòng ..."
_SENT_TO = re.compile(  # (after a page's stored date: "date 2023-10 Công điện gửi ...")
    r"(?:date\s+\d{4}-\d{2}(?:-\d{2})?\s+)?"
    r"(?:Công điện|Công văn|Văn bản|Chỉ thị|Thông báo)(?:\s+số\s+[\w/.-]+)?\s+(?:được\s+)?gửi"
    r"(?:\s+(?:tới|đến|cho))?\s*:?\s+(?:các\s+)?(?:Chủ tịch|Bộ trưởng|Bí thư|Giám đốc|Thủ trưởng|Ủy ban"
    r"|UBND|Uỷ ban|Bộ|Sở|Ban|Văn phòng)"
)


# a cable's sender line over its addressees: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:"
_SENDER_CABLES = re.compile(r"[^\n:]{3,120}\s(?:điện|ĐIỆN)(?:\s+(?:gửi|GỬI))?\s*:\s*")


def _only_names(text: str, block: Block, mentions: Mentions) -> bool:
    """A block that holds assignees and nothing else ("Các Bộ: Công an, Quốc phòng;", a
    table's cell) — not one that introduces what follows ("UBND các quận, huyện:")."""
    if block.end - block.body_start > _NAME_LIST_MAX:
        return False
    found = mentions.between(block.body_start, block.end)
    if not found or text[block.body_start : block.end].rstrip().endswith(":"):
        return False
    first = found[0].start
    if any(w not in _LIST_WORDS for w in WORD.findall(text, block.body_start, first)):
        return False  # it opens on what to do to the body: "a) Kiện toàn Ban Chỉ huy ..."
    rest = _outside_mentions(text, block.body_start, block.end, mentions)
    words = (m.group() for m in WORD.finditer(rest))  # lazily: three words decide
    others = (w for w in words if w not in _LIST_WORDS)
    return next(itertools.islice(others, _NAME_ONLY_WORDS, None), None) is None


_LIST_WORDS = frozenset(["và", "các", "cùng", "với", "gồm", "có"])


_NAME_ONLY_WORDS = 2  # other words a list entry may hold ("Văn phòng Sở (để biết)")


_NAME_LIST_MAX = 400  # characters: a longer block is running text, not a list entry


def _colon_intro(
    text: str,
    blocks: Sequence[Block],
    attrs: list[_Attribute | None],
    i: int,
    mentions: Mentions,
    ctx: _Context | None,
) -> tuple[list[AgencyMention], list[AgencyMention]] | None:
    """A block that ends with ":" over items one level deeper introduces them and is no
    task of its own ("Sở Xây dựng phối hợp với Sở Nông nghiệp và Môi trường trong công tác
    ...:", "- Tham mưu UBND tỉnh trình HĐND tỉnh quyết định:"). Returns the lead and
    partners it passes down (its own, else those above it), or None for any other block."""
    block = blocks[i]
    if (
        block.role not in ("item", "paragraph")
        or text[block.start : block.end].rstrip()[-1:] != ":"
    ):
        return None
    nxt = next(
        (
            b
            for j, b in enumerate(blocks[i + 1 :], i + 1)
            if attrs[j] is None and not _PART_TITLE.fullmatch(text, b.body_start, b.end)
        ),
        None,
    )
    if nxt is None or nxt.role != "item" or nxt.marker is None:
        return None
    if len(block.sentences) > 1 or block.end - block.body_start > _INTRO_MAX:
        last = block.sentences[-1][0] if block.sentences else block.body_start
        if block.end - last > _INTRO_MAX or not _ISSUER_ASKS.match(text, last, block.end):
            return None  # a task of its own that ends by announcing details
        return [], []  # "Theo dự báo, ... Chủ tịch UBND tỉnh yêu cầu:": to the addressees
    if block.marker is not None and _level(nxt.marker) <= _level(block.marker):
        return None
    if _COMPONENTS.search(text, block.body_start, block.end) or _PARTS.search(
        text, block.body_start, block.end
    ):
        return None  # "... tổ chức chương trình ... năm 2026, gồm 11 chuyên mục sau:": a task
    lead: list[AgencyMention] = []
    support: list[AgencyMention] = []
    for unit in units(text, block, mentions):
        if unit.lead and not lead:
            lead, support = unit.lead, unit.support
        elif not support and unit.support:
            support = unit.support
    if not lead and ctx is not None:
        lead, support = ctx.lead, support or ctx.support
    return lead, [m for m in support if not m.vague]


# a task whose object's parts are listed below it: "Xây dựng báo cáo tóm tắt ... gồm:"; the
# items are the parts, not tasks
_PARTS = re.compile(r"(?<!\w)(?:bao\s+)?gồm\s*:\s*$", re.IGNORECASE)


# a task that counts the parts listed below it, each with its own row
_COMPONENTS = re.compile(r"(?<!\w)gồm\s+\d{1,3}\s+\w+[^:]{0,40}:\s*$", re.IGNORECASE)


# the issuer's request that closes a paragraph of background: "..., Chủ tịch UBND tỉnh yêu cầu:"
_ISSUER_ASKS = re.compile(
    r".{0,200}?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch)[^:;.]{0,60}?"
    r"(?:yêu cầu|đề nghị|chỉ đạo)\s*:\s*",
    re.IGNORECASE | re.DOTALL,
)


# a part of what a lead-in announces, naming no one: "A. NHIỆM VỤ CHUNG", "II. Nhiệm vụ cụ thể"
_PART_TITLE = re.compile(
    r"\s*(?:(?:[A-D]|[IVX]{1,4})[.)]\s*)?(?:(?:CÁC|Các)\s+)?"
    r"(?:NHIỆM VỤ|Nhiệm vụ|GIẢI PHÁP|Giải pháp|NHIỆM VỤ, GIẢI PHÁP|Nhiệm vụ, giải pháp|NỘI DUNG"
    r"|Nội dung)(?:\s+(?:CHUNG|chung|CỤ THỂ|cụ thể|TRỌNG TÂM|trọng tâm|CHỦ YẾU|chủ yếu))?\s*:?\s*"
)


@dataclass(slots=True)
class _Context:
    """Assignees that pass to the blocks below: a list intro ("UBND các quận, huyện, thị
    xã:") or an agency heading ("1. Sở Tư pháp") over its items and paragraphs."""

    lead: list[AgencyMention]
    support: list[AgencyMention]  # the partners a heading names ("X chủ trì, phối hợp Y")
    level: int  # the outline level of the block that set it
    paragraphs: bool  # unnumbered paragraphs inherit too (under an agency heading)
    roster: bool = False  # the members of a committee: no tasks below
    attendance: bool = False  # who attends a meeting: tasks below only where a duty is said
    loose: bool = False  # a paragraph's intro: its items may be paragraphs a web page unmarked
    account: bool = False  # an account ("I. TÌNH HÌNH THỰC HIỆN"): tasks below only where asked


_BULLET_LEVEL = 9  # "-", "•": below every numbered level


@functools.lru_cache(maxsize=1024)  # asked of every block's marker many times; few markers
def _level(marker: str | None) -> int:
    """Outline depth of an item marker: Điều < I. < 1. < 1.1. < a), (1) < - < +."""
    if marker is None:
        return 99
    if marker.startswith("Điều"):
        return 0
    if marker[0] in "IVXLC" and marker.endswith("."):
        return 1
    if marker.startswith("Thứ") or marker.endswith((" là,", " là:")):
        return 2  # "Thứ nhất,", "Một là:"
    if marker[0].isdigit():
        return 2 + marker.rstrip(".)").count(".")
    if marker.endswith(")") or marker.startswith("("):
        return 8
    return 10 if marker == "+" else _BULLET_LEVEL


def _closes(ctx: _Context, block: Block) -> bool:
    """A sibling or a parent of the block that set the context ends it, and so does a
    section title; a paragraph's list intro (level -1) lasts to the next section."""
    if block.marker is None:
        return block.role == "heading"
    return _level(block.marker) <= max(ctx.level, 1)


_BANNER_REACH = 400  # characters: a page's banner is its first line


def _agency_heading(
    text: str, block: Block, mentions: Mentions
) -> tuple[list[AgencyMention], list[AgencyMention]] | None:
    """ "1. Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội (cơ quan thường trực):",
    "1.1. Giao Sở Nông nghiệp và Môi trường", "8.1. Sở Tài chính chủ trì, phối hợp các sở,
    ban, ngành": a block that is only an assignee list (with its partners) names who does
    the blocks below it. Returns (lead, support), or None for any other block."""
    if block.role not in ("heading", "item"):
        return None
    found = mentions.between(block.body_start, block.end)
    lead_in = _HEADING_LEAD_IN.match(text, block.body_start, block.end)
    at = lead_in.end() if lead_in else block.body_start
    verb_end = lead_in.end("verb") if lead_in else at  # a mention may hold the head words
    if not found or not (0 <= found[0].start - at <= 1 or verb_end <= found[0].start <= at):
        return None
    lst = list_from(found, text)
    while (more := _UNDER_THEN.match(text, lst[-1].end, block.end)) is not None:
        rest = [m for m in found if m.start >= more.end()]  # "..., đơn vị thuộc tỉnh; UBND ..."
        if not rest or rest[0].start != more.end():
            break
        lst += list_from(rest, text)
    heading = _heading_roles(text, block, found, lst)
    if heading is None:
        return None  # (decided first: most blocks go on to say what to do, and this is cheap)
    if all(m.vague for m in lst) or is_issuer(lst) or text[block.body_start : block.end].isupper():
        return None  # not "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" over a decision's preamble
    if block.marker is None and block.start < _BANNER_REACH and not text[: block.start].strip():
        return None  # a page's banner: "Đài Truyền Thanh - Truyền Hình Huyện Duy Xuyên"
    if mentions.report and block.marker is None and not _ends_colon(text, block):
        return None  # a news page's section or byline line: "Mục lục" / "Văn phòng UBND TP"
    return heading


def _ends_colon(text: str, block: Block) -> bool:
    return text[block.start : block.end].rstrip().endswith(":")


def _heading_roles(
    text: str, block: Block, found: list[AgencyMention], lst: list[AgencyMention]
) -> tuple[list[AgencyMention], list[AgencyMention]] | None:
    """(lead, support) when nothing but roles and partners follow the assignee list ``lst``
    in the block ("chủ trì, phối hợp các sở, ban, ngành"), else None."""
    if _HEADING_TAIL.fullmatch(text, lst[-1].end, block.end) or _DIRECTS_TAIL.fullmatch(
        text, lst[-1].end, block.end
    ):
        return lst, []
    role = _HEADING_ROLES.match(text, lst[-1].end, block.end)
    if role is None:
        return None
    rest = [m for m in found if m.start >= role.end()]
    if not role.group("support"):
        return (lst, []) if _HEADING_TAIL.fullmatch(text, role.end(), block.end) else None
    if not rest or rest[0].start - role.end() > 1:
        return None
    partners = list_from(rest, text)
    if not _HEADING_TAIL.fullmatch(text, partners[-1].end, block.end):
        return None
    return lst, [m for m in partners if not m.vague]


# "Điều 1. Thành lập Ban Chỉ đạo ... gồm các thành viên sau:", "5. Các thành viên Ban Chỉ đạo:"
_ROSTER = re.compile(
    r"(?:(?:bao\s+)?gồm(?:\s+các)?\s+(?:thành viên|ông, bà|đồng chí)(?:\s+sau|\s+có tên sau)?"
    r"|^(?:[\d.]+\s*)?Các thành viên(?:\s+\w+){0,6}|^Thành phần(?:\s+\w+){0,4})\s*:\s*$",
    re.IGNORECASE | re.MULTILINE,
)


_ROSTER_WORDS = ("gồm", "thành v", "thành phần")  # one is in every match, case-folded


def _roster(text: str, block: Block) -> bool:
    """``_ROSTER`` finds the block, which is tried only when it holds one of its words."""
    low = text[block.body_start : block.end].lower()
    return any(w in low for w in _ROSTER_WORDS) and bool(
        _ROSTER.search(text, block.body_start, block.end)
    )


# the list of who attends: "1. Dự tại điểm cầu Trụ sở Chính phủ:", "Thành phần dự họp:"
_ATTENDANCE = re.compile(
    r"(?:(?:Mời\s+)?(?:dự|tham dự)\s+(?:tại|họp)|Thành phần(?:\s+(?:dự|tham dự|mời))?)(?!\w)",
    re.IGNORECASE,
)


_DUTY = re.compile(
    r"(?<!\w)(?:chịu trách nhiệm|có trách nhiệm|có nhiệm vụ)(?!\s+trước)(?!\w)", re.IGNORECASE
)


# the title of a section that tells what happened: the account of a case, the assessment that
# opens a conclusion or a plan ("I. Đánh giá chung", "II. TÌNH HÌNH THỰC HIỆN NĂM 2025")
_ACCOUNT_TITLE = re.compile(
    r"(?i:diễn biến|đánh giá chung|thực trạng|bối cảnh|(?:tình hình|kết quả)\s+(?:thực hiện|"
    r"triển khai|đạt được|chung)"
    # (or who a scheme covers: "2. Đối tượng thi đua" over "- Các phòng chuyên môn ...")
    r"|đối tượng(?:\s+(?:thi đua|áp dụng|khen thưởng|tham gia))?\s*$"
    # (or what a plan is for: "I. MỤC ĐÍCH YÊU CẦU:", not what each must do)
    r"|mục đích(?:,?\s*(?:và\s+)?yêu cầu)?\s*:?\s*$|mục tiêu\s*:?\s*$)"
    r"(?![^\n]*[;.:]\s*\S)[^\n]{0,250}"
)


# "Điều 3. Nhiệm vụ và quyền hạn của Ban Chỉ đạo": the body the decision sets up does what follows
_DUTIES = re.compile(
    r"(?:Chức năng,\s*)?(?:Nhiệm vụ|Trách nhiệm)(?:,?\s+(?:và\s+)?quyền hạn)?\s+của\s+"
    r"(?P<body>(?:Ban|Tổ|Hội đồng|Ủy ban|Uỷ ban|Cơ quan thường trực)\b[^.:;\n]{0,80}?)\s*[.:]?\s*$"
)


_SHORT_NAME = re.compile(
    r"(?P<full>(?:Ban|Tổ|Hội đồng|Ủy ban|Uỷ ban)\s[^()\n]{3,120}?)\s*\(\s*sau đây\s+(?:gọi|viết)"
    r"(?:\s+tắt)?\s+là:?\s*(?P<short>[^()\n]{2,60}?)\s*\)"
)


_FOUNDED = re.compile(r"(?i:thành lập)\s+((?:Ban|Tổ|Hội đồng|Ủy ban|Uỷ ban)\s[^.,;:()\n]{3,100})")


def _addressed_groups(
    text: str, block: Block, mentions: Mentions
) -> tuple[list[AgencyMention], list[AgencyMention]] | None:
    """ "Thủ trưởng các Sở, ban, ngành; các cơ quan, tổ chức Trung ương được tổ chức theo ngành
    dọc tại tỉnh; ...; Chủ tịch UBND các huyện, thành phố:" over items: a lead-in of groups, one
    to a ";", each qualified as it likes, directing none of them to anything yet."""
    body = text[block.body_start : block.end].rstrip()
    if not body.endswith(":") or body.count("; ") < _GROUPS_LEAD_IN_PARTS - 1:
        return None
    lead: list[AgencyMention] = []
    opened = 0  # parts that open on their group (or its head: "Chủ tịch UBND ...")
    start = block.body_start
    parts = body[:-1].split("; ")
    for part in parts:
        if _BARE_VERB.match(part):
            return None  # a part that says what to do: a task, not a lead-in
        first = mentions.first(start, start + len(part))
        if first is not None and first.start - start <= _GROUP_PART_LEAD:
            opened += 1
            lead += list_from(mentions.between(first.start, start + len(part)), text)
        start += len(part) + 2
    named = [m for m in lead if not m.vague]
    if not named or opened * 3 < len(parts) * 2 or is_issuer(named):
        return None  # (nor a report of a letter: "Chủ tịch UBND tỉnh ... có Công điện gửi X; Y; Z")
    colon = block.body_start + len(body) - 1
    return None if _REPORTED_LETTER.search(text, lead[-1].end, colon) else (named, [])


# the tail of a report's line of whom a letter went to: "... về việc ... Công điện nêu rõ:"
_REPORTED_LETTER = re.compile(r"về việc|nêu rõ|Công điện|Công văn|Văn bản|ban hành", re.IGNORECASE)


_GROUPS_LEAD_IN_PARTS = 3  # groups, one to a ";", that make a lead-in of its own


_GROUP_PART_LEAD = 5  # characters before a part's group: "các ", "và "


def _duties_heading(
    text: str, block: Block
) -> tuple[list[AgencyMention], list[AgencyMention]] | None:
    """ "Điều 3. Nhiệm vụ và quyền hạn của Ban Chỉ đạo" over the duties of the body that the
    decision sets up: its full name from "(sau đây gọi tắt là Ban Chỉ đạo)" where written."""
    if block.role not in ("heading", "item"):
        return None
    m = _DUTIES.match(text, block.body_start, block.end)
    if m is None:
        return None
    body = m.group("body")
    name = next(
        (s.group("full") for s in _SHORT_NAME.finditer(text) if s.group("short") == body), None
    ) or next((f.group(1) for f in _FOUNDED.finditer(text) if f.group(1).startswith(body)), body)
    mention = AgencyMention(
        m.start("body"), m.end("body"), body, " ".join(name.split()), rule=UNLISTED
    )
    return [mention], []
