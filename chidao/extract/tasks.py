"""Task detection: who must do what, by when, from which passage.

Reads the segmented blocks, the agency mentions and the time mentions of one document;
returns ``Task`` objects with offsets into the normalised text and the rule that found
each. The rules follow ``shared/eval/README.md`` (annotation rules 1-7):

- a *unit* (a sentence, or a clause after "; " that names new assignees) directs named
  assignees when a directive verb governs them (``giao``, ``yêu cầu``, ``đề nghị``,
  ``chỉ đạo``, ``nhắc nhở``, ``đòi hỏi``, ``phân công``), when they are its subject and
  act ("X chủ trì", "X có nhiệm vụ", "X phải", an agency at the head of an item), and not
  when they are merely accountable ("chịu trách nhiệm trước"), reported on or praised;
- a task runs from such a unit through the units after it in the same block, until the
  assignees change; an inline enumeration ("4 nhóm nhiệm vụ: a; b; c; d") is one task
  per item; a unit that only introduces a list is not a task, but its assignees pass to
  the list items that name none;
- a block that names no assignee but continues the previous block's task ("Đồng thời,
  ...", "Bên cạnh đó, ...") is a task of its own with that task's lead;
- the same task repeated (a news lead the body repeats) is kept once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from chidao.extract.model import AgencyMention, Task, TimeMention
from chidao.extract.segment import Block

TRIGGERS = ("giao", "yêu cầu", "đề nghị", "chỉ đạo", "nhắc nhở", "đòi hỏi", "phân công", "lưu ý")
_TRIGGER = re.compile(r"(?<!\w)(?:" + "|".join(TRIGGERS) + r")(?!\w)", re.IGNORECASE)
_TO_OBJECT = re.compile(
    r"[\s:“\"'(]*(?:(?:cho|đối với|với|giao cho)\s+)?[\s:“\"'(]*", re.IGNORECASE
)
_LIST_GAP = re.compile(r"\s*(?:[,;]\s*)?(?:(?:và|cùng|với|hoặc)\s+)?(?:[,;]\s*)?", re.IGNORECASE)
_CONNECTORS = (
    "đồng thời|bên cạnh đó|cùng với đó|ngoài ra|đặc biệt|mặt khác|trong đó|theo đó|"
    "trước mắt|song song với đó|song song đó|tiếp theo|sau đó|một lần nữa|trên cơ sở đó|"
    "về lâu dài|đáng chú ý|lưu ý|cùng với việc đó|bên cạnh việc đó|thêm vào đó|tiếp đó|"
    "thứ nhất|thứ hai|thứ ba|thứ tư|thứ năm|thứ sáu|thứ bảy|thứ tám|thứ chín|thứ mười|cuối cùng"
)
_CONNECTOR_START = re.compile(r"^[\s\"“'(\-–]*(?:" + _CONNECTORS + r")(?!\w)", re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(
    r"^[\s\"“'(\-–]*(?:(?:" + _CONNECTORS + r")\s*,?\s*)*(?:(?:tất cả|toàn bộ|mỗi|từng)\s+)?$",
    re.IGNORECASE,
)
_BARE_VERB = re.compile(
    r"[\s\-–+]*(?:" + "|".join(TRIGGERS) + r"|hướng dẫn|đôn đốc)(?!\w)", re.IGNORECASE
)
_ORDINAL = re.compile(r"[\s\-–]*thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)", re.IGNORECASE)
# a dateline opens a report of what happened, not a directive: "Ngày 04/3/2022, Văn phòng ..."
_NARRATIVE = re.compile(
    r"[\s\"“'(\-–]*(?:ngày|sáng|chiều|tối|trưa|hôm|tại|theo|trước đó)\b", re.IGNORECASE
)
_FRONTED = re.compile(r"^[\s\"“'(\-–]*[^,;:.“”\"]{1,60},\s*$")
_MODAL = re.compile(
    r"\s*(?:cũng\s+|đều\s+)?(?:phải|cần phải|cần|có trách nhiệm|có nhiệm vụ|chủ trì|"
    r"khẩn trương|tiếp tục|chủ động)(?!\w)",
    re.IGNORECASE,
)
_NOT_ACTING = re.compile(
    r"\s*(?:cũng\s+|vẫn\s+|đều\s+)?(?:đã|vừa|đang|được|bị|là(?! (?:cơ quan|đơn vị|đầu mối))|"
    r"còn|chưa|cho biết|cho rằng|nhấn mạnh|phát biểu|nêu rõ|khẳng định|gồm|có ý kiến|tham dự|"
    r"dự|thuộc|trực thuộc|của|tại|về|ở|nói|thông tin|chia sẻ|ghi nhận|đánh giá cao|"
    r"thông báo|báo cáo cho biết)(?!\w)|"
    r"\s*(?:phải\s+)?chịu trách nhiệm(?:\s+(?:toàn diện|hoàn toàn|cá nhân))?\s+(?:trước|thi hành)|"
    r"\s*[;.:)]|\s*$",
    re.IGNORECASE,
)
_TRANSFER = re.compile(
    r"\s*(?:(?:đã|cũng|đặc biệt|tiếp tục|có|vừa|thống nhất)\s+){0,3}"
    r"(?P<verb>giao|yêu cầu|đề nghị|nhắc nhở|đòi hỏi|phân công|chỉ đạo)(?!\w)",
    re.IGNORECASE,
)
_LEAD_ROLE = re.compile(
    r"\s*,?\s*(?:chủ trì|làm đầu mối|là cơ quan (?:chủ trì|thường trực|đầu mối))(?!\w)",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(r"\s*\([^()\n]{0,200}\)")
_SUBJECT_COLON = re.compile(r"\s*:\s*(?=\S)")
# accountability, then more after "; ": "... chịu trách nhiệm trước ...; huy động ..."
_ACCOUNTABLE = re.compile(r"\s*(?:phải\s+)?chịu trách nhiệm", re.IGNORECASE)
# a closing formula, never a task: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, ..."
_BOILERPLATE = re.compile(
    r"[\s\-–]*(?:(?:trong quá trình[^,]{0,40},\s*)?nếu có (?:khó khăn|vướng mắc|phát sinh)|"
    r"xét đề nghị|theo đề nghị|(?:phải\s+)?chịu trách nhiệm(?:\s+(?:toàn diện|hoàn toàn|cá nhân))?\s+trước)",
    re.IGNORECASE,
)
_SUPPORT_ROLE = re.compile(r"(?<!\w)phối hợp(?:\s+(?:với|cùng))?\s*", re.IGNORECASE)
_ISSUER_NAMES = re.compile(
    r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:Thành phố|tỉnh|thành phố)|^(?:HĐND|Hội đồng "
    r"nhân dân|Chính phủ|Thủ tướng|Thành ủy|Tỉnh ủy)",
)
# the words of a bare list intro ("tập trung thực hiện các nhiệm vụ chủ yếu sau đây:")
_INTRO_WORDS = frozenset(
    """tập trung triển khai thực hiện tổ chức tốt nghiêm túc quyết liệt hiệu quả khẩn trương
    tiếp tục các những một số nhiệm vụ nội dung giải pháp công việc biện pháp trọng tâm chủ
    yếu cụ thể sau đây như chủ trì phối hợp nhóm có liên quan theo chức năng và đồng thời
    được giao yêu cầu""".split()
)
_ENUM_INTRO = re.compile(r"nhiệm vụ|giải pháp|nội dung|việc|biện pháp|yêu cầu", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_MAX_LIST = 40  # assignees in one list; bounds the work on pathological input
_INTRO_COLON = re.compile(r"\s*:\s*")


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    lead: list[AgencyMention] = field(default_factory=list)
    support: list[AgencyMention] = field(default_factory=list)
    rule: str = ""
    breaks: bool = False  # names assignees only to say they are not acting (accountability)


class _Mentions:
    """Agency mentions of a document, sorted, with fast lookup by range."""

    def __init__(self, mentions: Sequence[AgencyMention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def first(self, start: int, end: int) -> AgencyMention | None:
        """The first mention starting in [start, end), without collecting the rest."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.items) and self.items[i].start < end:
            return self.items[i]
        return None

    def between(self, start: int, end: int) -> list[AgencyMention]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, lo=i)
        return [m for m in self.items[i:j] if m.end <= end]


def find_tasks(
    text: str,
    blocks: Sequence[Block],
    agencies: Sequence[AgencyMention],
    times: Sequence[TimeMention],
    *,
    reference_date: date | None = None,
    default_deadline: TimeMention | None = None,
) -> list[Task]:
    """All tasks of a document, in order. See the module docstring for the rules.

    ``reference_date`` (the document's date, or the start of the period it sets) rules
    out time expressions that lie before it as deadlines; ``default_deadline`` is the
    period the document sets for all its tasks ("nhiệm vụ trọng tâm tháng 2/2021").
    """
    mentions = _Mentions(agencies)
    times = sorted(times, key=lambda t: t.start)
    time_starts = [t.start for t in times]
    attrs = [_attribute(text, b) for b in blocks]
    tasks: list[Task] = []
    forced: dict[int, TimeMention | None] = {}
    prev_block_task: Task | None = None
    ctx: _Context | None = None
    for i, block in enumerate(blocks):
        if block.role in ("header", "footer"):
            prev_block_task = None
            continue
        if attrs[i] is not None:
            continue  # read with the block it describes
        if ctx is not None and _closes(ctx, block):
            ctx = None
        heading = _agency_heading(text, block, mentions)
        if heading:
            ctx = _Context(heading, _level(block.marker), paragraphs=True)
            prev_block_task = None
            continue
        block_tasks, new_intro = _block_tasks(text, block, mentions, prev_block_task, ctx)
        described = _following_attributes(blocks, attrs, i)
        if described:
            block_tasks = _apply_attributes(text, block, block_tasks, described, mentions, ctx)
            for task in block_tasks:
                forced[id(task)] = _attribute_deadline(described, times, reference_date)
        if new_intro is not None:
            owner = -1 if block.marker is None else _level(block.marker)
            ctx = _Context(new_intro, owner, paragraphs=block.role != "paragraph")
        elif block.role == "paragraph" and not block_tasks and ctx and not ctx.paragraphs:
            ctx = None
        tasks.extend(block_tasks)
        prev_block_task = block_tasks[-1] if block_tasks else None
    tasks = _dedupe(tasks)
    for task in tasks:
        lo = bisect.bisect_left(time_starts, task.start)
        hi = bisect.bisect_left(time_starts, task.end, lo=lo)
        _attach_times(task, times[lo:hi], reference_date, default_deadline)
        if forced.get(id(task)) is not None:
            task.deadline = forced[id(task)]
    return tasks


@dataclass(slots=True)
class _Context:
    """Assignees that pass to the blocks below: a list intro ("UBND các quận, huyện, thị
    xã:") or an agency heading ("1. Sở Tư pháp") over its items and paragraphs."""

    lead: list[AgencyMention]
    level: int  # the outline level of the block that set it
    paragraphs: bool  # unnumbered paragraphs inherit too (under an agency heading)


def _level(marker: str | None) -> int:
    """Outline depth of an item marker: Điều < I. < 1. < 1.1. < a) < - < +."""
    if marker is None:
        return 99
    if marker.startswith("Điều"):
        return 0
    if marker[0] in "IVXLC" and marker.endswith("."):
        return 1
    if marker.startswith("Thứ"):
        return 2
    if marker[0].isdigit():
        return 2 + marker.rstrip(".)").count(".")
    if marker.endswith(")"):
        return 8
    return 10 if marker == "+" else 9


def _closes(ctx: _Context, block: Block) -> bool:
    """A sibling or a parent of the block that set the context ends it, and so does a
    section title; a paragraph's list intro (level -1) lasts to the next section."""
    if block.marker is None:
        return block.role == "heading"
    return _level(block.marker) <= max(ctx.level, 1)


def _agency_heading(text: str, block: Block, mentions: _Mentions) -> list[AgencyMention]:
    """ "1. Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội (cơ quan thường trực):":
    a block that is only an assignee list names who does the blocks below it."""
    if block.role not in ("heading", "item"):
        return []
    found = mentions.between(block.body_start, block.end)
    if not found or found[0].start - block.body_start > 1:
        return []
    lst = _list_from(found, text)
    body = text[block.body_start : block.end]
    if all(m.vague for m in lst) or _issuer(lst) or body.isupper():
        return []  # not "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" over a decision's preamble
    return lst if _HEADING_TAIL.fullmatch(text, lst[-1].end, block.end) else []


_HEADING_TAIL = re.compile(r"\s*(?:\([^()\n]{0,200}\))?\s*[:.]?\s*")
_ATTRIBUTE = re.compile(
    r"(?P<lead>(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|thường trực|đầu mối|chịu trách nhiệm)"
    r"(?:\s+thực hiện)?)|(?P<support>(?:cơ quan|đơn vị)\s+phối hợp(?:\s+thực hiện)?)|"
    r"(?P<time>(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|báo cáo))?)|"
    r"(?P<other>sản phẩm|kết quả(?: đầu ra)?|hình thức|kinh phí|nguồn kinh phí|nội dung)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Attribute:
    """A plan's item attribute line: "- Cơ quan chủ trì: Sở Tư pháp." (value after ":")."""

    name: str  # lead | support | time | other
    start: int
    end: int


def _attribute(text: str, block: Block) -> _Attribute | None:
    if block.role not in ("item", "paragraph", "heading"):
        return None
    m = _ATTRIBUTE.match(text, block.body_start, block.end)
    if m is None:
        return None
    colon = _COLON_AFTER.match(text, m.end(), block.end)
    if colon is None:
        return None
    return _Attribute(m.lastgroup or "other", colon.end(), block.end)


_COLON_AFTER = re.compile(r"\s*:\s*")


def _following_attributes(
    blocks: Sequence[Block], attrs: list[_Attribute | None], i: int
) -> list[_Attribute]:
    out = []
    j = i + 1
    while j < len(blocks) and (a := attrs[j]) is not None:
        out.append(a)
        j += 1
    return out


def _apply_attributes(
    text: str,
    block: Block,
    tasks: list[Task],
    described: list[_Attribute],
    mentions: _Mentions,
    ctx: _Context | None,
) -> list[Task]:
    """The attribute lines under an item name its lead and partners (and its time)."""
    lead = [m for a in described if a.name == "lead" for m in mentions.between(a.start, a.end)]
    support = [
        m for a in described if a.name == "support" for m in mentions.between(a.start, a.end)
    ]
    if not tasks:
        owner = lead or (ctx.lead if ctx else [])
        if not owner:
            return []
        task = _task(block.body_start, block.end, owner, support, "item-with-attributes")
        task.text = text[task.start : task.end].strip()
        task.marker = block.marker
        return [task]
    for task in tasks[-1:]:
        if lead:
            task.lead = lead
            task.rule = "item-with-attributes"
        if support:
            task.support = support
    return tasks


def _attribute_deadline(
    described: list[_Attribute], times: Sequence[TimeMention], reference_date: date | None
) -> TimeMention | None:
    """The latest deadline or period named in a "Thời gian thực hiện:" line."""
    found = [
        t
        for a in described
        if a.name == "time"
        for t in times
        if a.start <= t.start and t.end <= a.end and t.value is not None
        if t.kind in ("deadline", "relative", "period")
        and (reference_date is None or t.value >= reference_date)
    ]
    return max(found, key=lambda t: t.value or date.min) if found else None


def _block_tasks(
    text: str,
    block: Block,
    mentions: _Mentions,
    prev_task: Task | None,
    ctx: _Context | None,
) -> tuple[list[Task], list[AgencyMention] | None]:
    """Tasks of one block, and the assignees of a list intro it ends with (if any)."""
    out: list[Task] = []
    current: Task | None = None
    new_intro: list[AgencyMention] | None = None
    for n, unit in enumerate(_units(text, block, mentions)):
        if block.role == "heading" and not unit.rule.startswith(("trigger", "role")):
            continue
        if (
            ctx is not None
            and ctx.paragraphs
            and block.marker is not None
            and _BARE_VERB.match(text, unit.start, unit.end)
        ):
            # under "1. Sở Giao thông vận tải:", "Yêu cầu các chủ đầu tư ..." is the Sở's task
            unit.lead, unit.rule = ctx.lead, "under-heading:" + unit.rule
        if unit.lead:
            items = _enumeration(text, unit)
            if items:
                out.extend(items)
                current = None
                continue
            if _only_introduces(text, unit):
                new_intro = unit.lead
                current = None
                continue
            if current is not None and _same_assignees(current, unit, text):
                current.end = unit.end
                continue
            current = _task(unit.start, unit.end, unit.lead, unit.support, unit.rule)
            out.append(current)
        elif unit.breaks:
            current = None
        elif current is not None:
            current.end = unit.end
        elif n == 0:
            current = _first_unit_without_assignee(text, block, unit, prev_task, ctx)
            if current is not None:
                out.append(current)
    for task in out:
        task.start, task.end = _quotation_bounds(text, block.body_start, task.start, task.end)
        task.text = text[task.start : task.end].strip()
        task.marker = block.marker
    return out, new_intro


_ATTRIBUTION = re.compile(
    r"[”\"]\s*,\s*[^.“”\"]{0,100}?(?:nhấn mạnh|yêu cầu|chỉ đạo|nói|cho biết|khẳng định|lưu ý|"
    r"nêu rõ|đề nghị|phát biểu)\s*\.?\s*$",
    re.IGNORECASE,
)


def _quotation_bounds(text: str, block_start: int, start: int, end: int) -> tuple[int, int]:
    """A task spoken in a quotation is the quotation: it starts at the opening mark when
    that came earlier in the paragraph, and ends before "”, ông X nhấn mạnh."."""
    before = text[block_start:start]
    opened = max(before.rfind("“"), before.rfind('"') if before.count('"') % 2 else -1)
    if opened != -1 and before.rfind("”") < opened:
        start = block_start + opened
    tail = _ATTRIBUTION.search(text, start, end)
    if tail is not None:
        end = tail.start() + 1
    return start, end


def _first_unit_without_assignee(
    text: str, block: Block, unit: _Unit, prev_task: Task | None, ctx: _Context | None
) -> Task | None:
    """Rule 3 (continuation of the previous block's task) and blocks under an intro or an
    agency heading."""
    span = text[unit.start : unit.end]
    connector = _CONNECTOR_START.match(span) and not _ORDINAL.match(span)
    if prev_task is not None and prev_task.lead and connector:
        return _task(unit.start, unit.end, prev_task.lead, unit.support, "continuation")
    if ctx is not None and (block.role == "item" or ctx.paragraphs):
        return _task(unit.start, unit.end, ctx.lead, unit.support, "under-intro")
    if prev_task is not None and prev_task.lead and _TRIGGER.search(span):
        return _task(unit.start, unit.end, prev_task.lead, unit.support, "continuation")
    return None


def _task(
    start: int, end: int, lead: list[AgencyMention], support: list[AgencyMention], rule: str
) -> Task:
    return Task(start=start, end=end, text="", lead=list(lead), support=list(support), rule=rule)


def _same_assignees(task: Task, unit: _Unit, text: str) -> bool:
    """A new sentence naming the same assignees continues the task, unless it opens with a
    connector ("Đồng thời, các cơ quan ...") which marks a task of its own."""
    if _CONNECTOR_START.match(text[unit.start : unit.end]):
        return False
    return {m.name for m in task.lead} == {m.name for m in unit.lead}


# --- units and their assignees ---------------------------------------------------------


def _units(text: str, block: Block, mentions: _Mentions) -> list[_Unit]:
    units = []
    for start, end in block.sentences:
        for s, e in _clauses(text, start, end, mentions):
            units.append(_analyse(text, s, e, mentions))
    return units


def _clauses(text: str, start: int, end: int, mentions: _Mentions) -> list[tuple[int, int]]:
    """Split a sentence at "; " where the next clause opens with new assignees that act."""
    cuts = [start]
    pos = text.find("; ", start, end)
    while pos != -1:
        nxt = pos + 2
        first = mentions.first(nxt, min(end, nxt + 80))
        if (
            first is not None
            and nxt - cuts[-1] > 40
            and not _list_continues(mentions, cuts[-1], pos)
            and _SUBJECT_PREFIX.match(text[nxt : first.start])
            and not _NOT_ACTING.match(
                text,
                _list_from(mentions.between(first.start, min(end, first.start + 4000)), text)[
                    -1
                ].end,
            )
        ):
            cuts.append(nxt)
        pos = text.find("; ", nxt, end)
    cuts.append(end)
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _list_continues(mentions: _Mentions, start: int, semicolon: int) -> bool:
    """ "Giám đốc các Sở, ngành; Chủ tịch UBND các quận ...": the ";" only separates
    assignees of one list."""
    before = mentions.between(max(start, semicolon - 200), semicolon)
    return bool(before) and before[-1].end >= semicolon - 2


def _analyse(text: str, start: int, end: int, mentions: _Mentions) -> _Unit:
    """Find who a unit directs: subject, object of a directive verb, or nobody."""
    unit = _Unit(start, end)
    if _BOILERPLATE.match(text, start, end) or _is_citation_line(text, start, end):
        unit.breaks = True
        return unit
    found = mentions.between(start, end)
    if not found:
        return unit
    subject = _subject(text, start, found)
    if subject:
        decided = _with_subject(text, unit, subject, found)
        if decided is not None:
            return decided
    for m in _TRIGGER.finditer(text, start, end):
        obj = _object_of(text, m.end(), found)
        verb = m.group().lower()
        if obj and not (verb == "chỉ đạo" and not text[start : m.start()].strip(" -–")):
            unit.breaks = False  # (a bare "Chỉ đạo X ..." item: the implied subject directs X)
            return _with_roles(text, unit, obj, found, "trigger:" + verb)
    modal_subject = _subject_after_comma(text, found)
    if modal_subject:
        unit.breaks = False
        return _with_roles(text, unit, modal_subject, found, "subject:modal")
    unit.support = _partners(text, start, end, found)  # "Chủ trì, phối hợp Sở Tư pháp ..."
    return unit


_BASIS = re.compile(r"[\s\-–]*căn cứ\b", re.IGNORECASE)


def _is_citation_line(text: str, start: int, end: int) -> bool:
    """ "Căn cứ Luật ...;" (a legal basis) but not "Căn cứ Kế hoạch này, xây dựng ..."."""
    if not _BASIS.match(text, start, end):
        return False
    span = text[start:end].rstrip()
    return span.endswith((";", ",", ":")) or "," not in span


def _with_subject(
    text: str, unit: _Unit, subject: list[AgencyMention], found: list[AgencyMention]
) -> _Unit | None:
    """Decide a unit that opens with assignees; None when the triggers must decide."""
    last = subject[-1].end
    paren = _PARENTHETICAL.match(text, last)
    if paren:  # "Sở LĐTB&XH (cơ quan thường trực Ban Chỉ đạo):"
        last = paren.end()
    transfer = _TRANSFER.match(text, last)
    if transfer:
        obj = _object_of(text, transfer.end(), found)
        if obj and not (transfer.group("verb").lower() == "chỉ đạo" and not _issuer(subject)):
            return _with_roles(text, unit, obj, found, "trigger:" + transfer.group("verb").lower())
    if _INTRO_COLON.fullmatch(text, last, unit.end):
        return _with_roles(text, unit, subject, found, "subject:list-intro")
    if _SUBJECT_COLON.match(text, last):  # "Sở Tài chính: Chủ trì, phối hợp ..."
        return _with_roles(text, unit, subject, found, "subject:colon")
    if _ACCOUNTABLE.match(text, last) and text.find("; ", last, unit.end) != -1:
        return _with_roles(text, unit, subject, found, "subject:accountable-and-acting")
    if _NOT_ACTING.match(text, last):
        unit.breaks = True  # unless a directive verb later in the unit names assignees
        return None
    if not _issuer(subject) or _MODAL.match(text, last):
        rule = "role:chủ trì" if _LEAD_ROLE.match(text, last) else "subject"
        return _with_roles(text, unit, subject, found, rule)
    return None


def _subject(text: str, start: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The assignee list opening the unit (after connectors, quantifiers or a short fronted
    adverbial such as "Định kỳ hàng quý,"), if any."""
    first = found[0]
    prefix = text[start : first.start]
    if not (
        _SUBJECT_PREFIX.match(prefix) or (_FRONTED.match(prefix) and not _NARRATIVE.match(prefix))
    ):
        return []
    return _list_from(found, text)


def _subject_after_comma(text: str, found: list[AgencyMention]) -> list[AgencyMention]:
    """ "Để tăng trưởng ..., các sở ngành phải ...": a subject after a fronted clause."""
    for i, m in enumerate(found):
        before = text[max(0, m.start - 3) : m.start].rstrip()
        if before.endswith(",") or before.endswith("“") or before.endswith('"'):
            lst = _list_from(found[i:], text)
            if _MODAL.match(text, lst[-1].end):
                return lst
    return []


def _object_of(text: str, pos: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The assignee list right after a directive verb ("giao Sở Y tế", "đề nghị: “Các sở")."""
    gap = _TO_OBJECT.match(text, pos)
    at = gap.end() if gap else pos
    i = bisect.bisect_left(found, pos, key=lambda m: m.start)
    if i < len(found) and found[i].start <= at:
        return _list_from(found[i:], text)
    return []


def _list_from(found: list[AgencyMention], text: str) -> list[AgencyMention]:
    """Consecutive mentions joined by ",", ";", "và", "cùng": "Công an TP, Bộ Tư lệnh ..."."""
    out = [found[0]]
    for m in found[1:_MAX_LIST]:
        gap = _LIST_GAP.fullmatch(text, out[-1].end, m.start)
        if gap is None:
            break
        out.append(m)
    return out


def _with_roles(
    text: str, unit: _Unit, lead: list[AgencyMention], found: list[AgencyMention], rule: str
) -> _Unit:
    unit.lead = lead
    unit.rule = rule
    unit.support = [p for p in _partners(text, lead[-1].end, unit.end, found) if p not in lead]
    return unit


def _partners(text: str, start: int, end: int, found: list[AgencyMention]) -> list[AgencyMention]:
    """The list after the first "phối hợp (với)" in [start, end) that names one."""
    for m in _SUPPORT_ROLE.finditer(text, start, end):
        partners = _object_of(text, m.end(), found)
        if partners:
            return partners
    return []


def _issuer(subject: list[AgencyMention]) -> bool:
    """The body that issues directives (the city's People's Committee, the Government)."""
    return any(_ISSUER_NAMES.match(m.name) and not m.is_group for m in subject)


# --- list intros and inline enumerations ---------------------------------------------


def _only_introduces(text: str, unit: _Unit) -> bool:
    """ "... yêu cầu các sở tập trung thực hiện các nhiệm vụ chủ yếu sau đây:" only
    introduces the list below it."""
    span = text[unit.start : unit.end].rstrip()
    if not span.endswith(":"):
        return False
    rest = text[unit.lead[-1].end : unit.end].lower()
    words = [w for w in _WORD.findall(rest) if w not in _INTRO_WORDS and not w.isdigit()]
    return len(words) < 4


def _enumeration(text: str, unit: _Unit) -> list[Task]:
    """ "... 4 nhóm nhiệm vụ trọng tâm: a; b; c; d." is one task per item."""
    colon = text.find(":", unit.lead[-1].end, unit.end)
    if colon == -1 or not _ENUM_INTRO.search(text, unit.lead[-1].end, colon):
        return []
    after = text[colon + 1 : unit.end]
    if after.lstrip().startswith(("“", '"')):
        return []
    parts = []
    pos = colon + 1
    for piece in after.split(";"):
        s = pos + len(piece) - len(piece.lstrip())
        e = pos + len(piece.rstrip())
        if e > s:
            parts.append((s, e))
        pos += len(piece) + 1
    if len(parts) < 2:
        return []
    rule = "enumeration:" + unit.rule
    return [_task(s, e, unit.lead, unit.support, rule) for s, e in parts]


# --- rule 4: one task once -----------------------------------------------------------


_DEDUPE_WINDOW = 60  # a repeat is near its first telling, or of the lead at the top
_DEDUPE_LEAD = 12


def _dedupe(tasks: list[Task]) -> list[Task]:
    """Rule 4: keep the first telling of a task. Linear: each task is compared with the
    tasks just before it and with the first few of the document (a news lead)."""
    kept: list[Task] = []
    kept_words: list[tuple[set[str], bool]] = []
    for task in tasks:
        words = set(task.text.lower().split())
        numbered = task.marker is not None
        earlier = kept_words[:_DEDUPE_LEAD] + kept_words[-_DEDUPE_WINDOW:]
        # two numbered items are two tasks however alike (rule 2); a repeat is running text
        if any(_overlap(words, w) >= 0.8 for w, num in earlier if not (num and numbered)):
            continue
        kept.append(task)
        kept_words.append((words, numbered))
    return kept


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


# --- rule 7: deadline and recurrence ------------------------------------------------

_PLAN_NOUN = re.compile(
    r"(?<!\w)(?:kế hoạch|nhiệm vụ|chỉ tiêu|mục tiêu|vốn|ngân sách|dự toán|giải ngân|đề ra|"
    r"thu|chi|năm kế hoạch|xây dựng cơ bản)(?!\w)",
    re.IGNORECASE,
)
_STRONG = ("deadline", "relative")


def _attach_times(
    task: Task,
    times: Sequence[TimeMention],
    reference_date: date | None,
    default: TimeMention | None,
) -> None:
    inside = [t for t in times if t.end <= task.end]  # (``times`` start inside the task)
    if task.rule.startswith("enumeration") or task.rule == "under-intro":
        inside = [t for t in inside if t.kind in _STRONG or t.kind == "recurrence"]
    task.recurrence = next((t.recurrence for t in inside if t.kind == "recurrence"), None)
    candidates = [
        t for t in inside if t.value is not None and _can_be_deadline(task, t, reference_date)
    ]
    strong = [t for t in candidates if t.kind in _STRONG]
    pool = strong or candidates
    if pool:
        task.deadline = max(pool, key=lambda t: t.value or date.min)
    elif default is not None and task.recurrence is None:
        task.deadline = default


def _can_be_deadline(task: Task, t: TimeMention, reference_date: date | None) -> bool:
    if t.kind not in ("deadline", "relative", "period"):
        return False
    if reference_date is not None and t.value is not None and t.value < reference_date:
        return False
    return not (t.kind == "period" and t.rule.endswith("year")) or _plan_noun_before(task, t)


def _plan_noun_before(task: Task, t: TimeMention) -> bool:
    """A bare "năm 2020" is a deadline for a plan, target or budget ("kế hoạch năm 2020",
    "vốn đầu tư xây dựng cơ bản năm 2020"), not for an event ("kỳ thi ... năm 2020")."""
    offset = t.start - task.start
    before = task.text[max(0, offset - 40) : offset]
    return bool(_PLAN_NOUN.search(before))
