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
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from chidao.extract.deadlines import attach_times, attribute_deadline
from chidao.extract.grammar import (
    CONNECTORS,
    PAGE_DATE,
    TRIGGER,
    TRIGGERS,
    Mentions,
    Unit,
    is_issuer,
    list_from,
)
from chidao.extract.model import AgencyMention, Task, TimeMention
from chidao.extract.names import UNLISTED
from chidao.extract.segment import CAPITALS, Block
from chidao.extract.units import retells_earlier, units

_PAGE_DATE = re.compile(PAGE_DATE)
_CONNECTOR_START = re.compile(
    r"^[\s\"“'(\-–]*" + PAGE_DATE + r"(?:" + CONNECTORS + r")(?!\w)", re.IGNORECASE
)
_BARE_VERB = re.compile(
    r"[\s\-–+]*(?:" + "|".join(TRIGGERS) + r"|hướng dẫn|đôn đốc)(?!\w)", re.IGNORECASE
)
_ORDINAL = re.compile(r"[\s\-–]*thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)", re.IGNORECASE)
# the words of a bare list intro ("tập trung thực hiện các nhiệm vụ chủ yếu sau đây:")
_INTRO_WORDS = frozenset(
    """tập trung triển khai thực hiện tổ chức tốt nghiêm túc quyết liệt hiệu quả khẩn trương
    tiếp tục các những một số nhiệm vụ nội dung giải pháp công việc biện pháp trọng tâm chủ
    yếu cụ thể sau đây như chủ trì phối hợp nhóm có liên quan theo chức năng và đồng thời
    được giao yêu cầu với cùng chính""".split()
)
_DETAILING = re.compile(r"(?<!\w)trong đó(?!\w)", re.IGNORECASE)
_EXAMPLES = re.compile(r"(?<!\w)(?:như|gồm|bao gồm|chẳng hạn)\s*:\s*$", re.IGNORECASE)
_MARKED_ITEMS = re.compile(r"\s*\(i\)\s")
_ENUM_INTRO = re.compile(r"nhiệm vụ|giải pháp|nội dung|việc|biện pháp|yêu cầu", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# a numbered name before the colon: "Dự án 1:", "Tiểu dự án 2:", "Phụ lục II:"
_NUMBERED_NAME = re.compile(
    r"(?<!\w)(?!(?:tháng|quý|ngày|năm|tuần|đợt|giai đoạn)\s)\w+\s+(?:\d{1,3}[a-z]?|[IVX]{1,5})\s*$",
    re.IGNORECASE,
)


def find_tasks(
    text: str,
    blocks: Sequence[Block],
    agencies: Sequence[AgencyMention],
    times: Sequence[TimeMention],
    *,
    reference_date: date | None = None,
    default_deadline: TimeMention | None = None,
    own_number: str | None = None,
    report: bool = False,
    government: bool = False,
) -> list[Task]:
    """All tasks of a document, in order. See the module docstring for the rules.

    ``reference_date`` (the document's date, or the start of the period it sets) rules
    out time expressions that lie before it as deadlines; ``default_deadline`` is the
    period the document sets for all its tasks ("nhiệm vụ trọng tâm tháng 2/2021");
    ``own_number`` (the document's, or the directive's a news report retells) tells its own
    assignments from those of earlier documents it cites; ``report``: the text is a news
    report, whose "UBND tỉnh đã yêu cầu ..." is the directive it reports; ``government``: the
    Government's text, in which a province's committee is one it directs.
    """
    mentions = Mentions(agencies, own_number, report=report)
    mentions.government = government
    times = sorted(times, key=lambda t: t.start)
    time_starts = [t.start for t in times]
    attrs = [_attribute(text, b) for b in blocks]
    tasks: list[Task] = []
    forced: dict[int, TimeMention | None] = {}
    prev_block_task: Task | None = None
    stack: list[_Context] = []  # headings and intros over the current block, outermost first
    section = -1  # the level of the last numbered item: where a paragraph's intro ends
    addressees, address_blocks = _addressees(text, blocks, mentions)
    mentions.addressed = frozenset(m.name for m in addressees)
    pending: list[Block] | None = None  # items under "a) Nhiệm vụ:" that name no one yet
    in_force = False  # the article before said when the decision takes effect
    for i, block in enumerate(blocks):
        if block.role in ("header", "footer", "noise") or i in address_blocks:
            prev_block_task = None
            continue
        if attrs[i] is not None or _not_a_task(text, block.body_start, block.end):
            continue  # read with the block it describes; a phone list's or a roster's line
        if _executes(text, block, in_force):
            continue  # rule 1: "Điều 3. Chánh Văn phòng ..., Thủ trưởng ... chịu trách nhiệm thi
        if block.marker is not None and block.marker.startswith("Điều"):  # hành Quyết định này"
            in_force = text.find("có hiệu lực", block.body_start, block.end) != -1
        if _TASK_LABEL.fullmatch(text, block.body_start, block.end):
            pending = []  # "a) Nhiệm vụ:" over bullets, then "b) Cơ quan thực hiện: ..."
        elif block.role == "heading" or (
            block.marker is not None and _level(block.marker) < _BULLET_LEVEL
        ):
            pending = None
        while stack and _closes(stack[-1], block):
            if stack[-1].loose and _PART_TITLE.fullmatch(text, block.body_start, block.end):
                break  # "... đề nghị các Sở thực hiện các nội dung sau:" + "A. NHIỆM VỤ CHUNG"
            if stack[-1].loose and block.marker is None and _caption(text, block):
                break  # a photo's caption a web page set between its intro and the paragraphs
            stack.pop()
        if block.marker is not None and _level(block.marker) < _BULLET_LEVEL:
            section = _level(block.marker)  # a paragraph's intro lasts to this item's sibling
        ctx = stack[-1] if stack else None
        if ctx is not None and ctx.roster:
            continue  # "Điều 1. Thành lập Ban Chỉ đạo ... gồm các thành viên sau:" over its members
        if (
            ctx is not None
            and ctx.attendance
            and not _DUTY.search(text, block.body_start, block.end)
        ):
            continue  # who attends a meeting, unless an attendee is given a duty there
        ends_colon = text[block.body_start : block.end].rstrip().endswith(":")
        if ends_colon and _roster(text, block):
            stack.append(_Context([], [], _level(block.marker), paragraphs=False, roster=True))
            continue
        if ends_colon and _ATTENDANCE.match(text, block.body_start, block.end):
            stack.append(_Context([], [], _level(block.marker), paragraphs=False, attendance=True))
            prev_block_task = None
            continue
        if ends_colon and retells_earlier(text, block.body_start, block.end, mentions.own_number):
            # "Ngày 28/5/2026, UBND tỉnh ban hành Phương án số 05/PA-UBND ...; theo đó, UBND tỉnh
            # giao nhiệm vụ:" over the assignments of that earlier document: background
            stack.append(_Context([], [], _level(block.marker), paragraphs=True, roster=True))
            prev_block_task = None
            continue
        if _ACCOUNT_TITLE.fullmatch(text, block.body_start, block.end) and (
            block.role == "heading" or _level(block.marker) <= 2
        ):  # "I. DIỄN BIẾN VỤ VIỆC", "1. Đánh giá chung": what happened, not what to do
            stack.append(_Context([], [], _level(block.marker), paragraphs=False, roster=True))
            prev_block_task = None
            continue
        heading = (
            _agency_heading(text, block, mentions)
            or _duties_heading(text, block)
            or _addressed_groups(text, block, mentions)
        )
        if heading:
            stack.append(_Context(*heading, _level(block.marker), paragraphs=True))
            prev_block_task = None
            continue
        if _only_names(text, block, mentions):
            continue  # "- Tòa án nhân dân tối cao;" in a list of who attends, a table's cell
        intro = _colon_intro(text, blocks, attrs, i, mentions, ctx)
        if intro is not None:
            if not intro[0] and addressees and TRIGGER.search(text, block.body_start, block.end):
                intro = (addressees, [])  # "UBND tỉnh yêu cầu:" over items: the addressees'
            if intro[0]:
                owner = _level(block.marker) if block.marker else section
                loose = block.role == "paragraph"
                stack.append(_Context(*intro, owner, paragraphs=False, loose=loose))
            prev_block_task = None
            continue
        if prev_block_task is not None and _runs_on(text, blocks, i, mentions):
            # "b) Chủ trì ... nội bộ;" + "tăng cường theo dõi, ...": the item's own words go on
            prev_block_task.end = block.end
            prev_block_task.text = text[prev_block_task.start : block.end].strip()
            continue
        block_tasks, new_intro = _block_tasks(text, block, mentions, prev_block_task, ctx)
        invites = None if block_tasks else _invites(text, block)
        invited = _invited(text, invites, mentions) if invites else []
        if invites and (invited or addressees):
            # "... kính mời Đồng chí dự" (the addressees), "... kính mời Lãnh đạo các Bộ, cơ quan,
            # địa phương tham dự Hội nghị" (those it names)
            block_tasks = [_invitation(text, block, invited or addressees)]
            # the meeting's day is when to be there: in the invitation, else on its "Thời gian:"
            # line below ("I. Thời gian: 14 giờ 30 phút, ngày 12 tháng 01 năm 2026")
            when = [(block.start, block.end)] + [
                (a.start, a.end)
                for a in attrs[i + 1 : i + 1 + _MEETING_LINES]
                if a is not None and a.name == "time"
            ]
            forced[id(block_tasks[0])] = next(
                (
                    t
                    for start, end in when
                    for t in times[bisect.bisect_left(time_starts, start) :]
                    if t.start < end and t.kind in ("date", "deadline") and t.value
                ),
                None,
            )
        described = _following_attributes(blocks, attrs, i)
        if described:
            block_tasks = _apply_attributes(text, block, block_tasks, described, mentions, ctx)
            block_tasks = [  # the attribute lines are for every item of the run
                task
                for earlier in pending or []
                for task in _apply_attributes(text, earlier, [], described, mentions, ctx)
            ] + block_tasks
            spans = [(a.start, a.end) for a in described if a.name == "time"]
            for task in block_tasks:
                forced[id(task)] = attribute_deadline(spans, times, reference_date)
            pending = None
        elif pending is not None and block.role == "item" and not block_tasks:
            pending.append(block)
        if new_intro is not None:
            owner = section if block.marker is None else _level(block.marker)
            loose = block.role == "paragraph"
            stack.append(_Context(*new_intro, owner, paragraphs=not loose, loose=loose))
        elif (
            block.role == "paragraph"
            and not block_tasks
            and ctx
            and not ctx.paragraphs
            and not _opens_paragraph(text, blocks, i)
            and not (ctx.loose and _caption(text, block))
        ):
            stack.pop()  # (not the paragraph an item ending on ":" opens: "- Rà soát ...:"; not
            # a photo's caption between a web page's intro and its paragraphs)
        elif block_tasks and ends_colon and _PARTS.search(text, block.body_start, block.end):
            owner = section if block.marker is None else _level(block.marker)
            stack.append(_Context([], [], owner, paragraphs=False, roster=True))
        elif (
            block_tasks
            and block.marker is not None
            and _level(block.marker) < _BULLET_LEVEL
            and i + 1 < len(blocks)
            and blocks[i + 1].marker in ("-", "+", "–", "•")
        ):  # "2.1.8. Sở Xây dựng phối hợp với UBND các phường, xã trong công tác ..." over
            # dash items that name no one: they are its assignee's (rule 8)
            last = block_tasks[-1]
            stack.append(_Context(last.lead, last.support, _level(block.marker), paragraphs=False))
        elif (
            block_tasks
            and block.marker is None
            and block_tasks[0].rule == "subject:colon"
            and i + 1 < len(blocks)
            and blocks[i + 1].marker in ("-", "+", "–", "•")
        ):  # "Sở Công Thương: Theo dõi ..." over dash items that name no one: the Sở's too
            first = block_tasks[0]
            stack.append(_Context(first.lead, first.support, section, paragraphs=False))
        tasks.extend(block_tasks)
        if block_tasks or not _aside(text, block, mentions):
            prev_block_task = block_tasks[-1] if block_tasks else None
        # (a photo's caption between a task and its "Cùng với đó, ..." leaves the task before)
    tasks = _drop_cut_tail(_dedupe(_drop_retold_lead(tasks, blocks)), text)
    tasks = _drop_own_announcements(tasks, text, blocks, mentions)
    for task in tasks:
        if task.text.startswith("date ") and (dated := _PAGE_DATE.match(task.text)) is not None:
            task.start += (
                dated.end()
            )  # "date 2025-06 Các đơn vị ...": the page's date, not its words
            task.text = task.text[dated.end() :]
        lo = bisect.bisect_left(time_starts, task.start)
        hi = bisect.bisect_left(time_starts, task.end, lo=lo)
        attach_times(task, times[lo:hi], reference_date, default_deadline)
        if forced.get(id(task)) is not None:
            task.deadline = forced[id(task)]
    return tasks


_CAPTION_LENGTH = 160
_ASIDE_LENGTH = 100


def _aside(text: str, block: Block, mentions: Mentions) -> bool:
    """A web page's photo caption: a short paragraph that ends on no mark, or a short
    sentence that names no body ("Hơn 50 ha thành phố chìm trong biển nước.")."""
    if block.marker is not None or block.role not in ("paragraph", "heading"):
        return False
    if _caption(text, block):  # (a caption read as a heading is a sentence, not a title)
        return block.role == "paragraph" or len(text[block.body_start : block.end].split()) >= 8
    if block.role != "paragraph":
        return False
    line = text[block.body_start : block.end].strip()
    return (
        len(line) < _ASIDE_LENGTH
        and line.count(". ") == 0
        and mentions.first(block.body_start, block.end) is None
        and TRIGGER.search(line) is None
    )


def _caption(text: str, block: Block) -> bool:
    """A short line that ends on no mark: a photo's caption ("Người dân thành phố Hà Giang
    chuẩn bị hoa, cây cảnh chơi Tết")."""
    line = text[block.body_start : block.end].rstrip()
    return len(line) < _CAPTION_LENGTH and line[-1:] not in _TERMINAL_MARKS and not line.isupper()


def _runs_on(text: str, blocks: Sequence[Block], i: int, mentions: Mentions) -> bool:
    """``blocks[i]`` is a paragraph that carries on the item before it and names no one: it
    opens in lower case (a page or a column broke the item), or it follows a bullet that
    does not introduce it with a colon (the bullet's second paragraph)."""
    block = blocks[i]
    if block.role != "paragraph" or i == 0 or blocks[i - 1].role != "item":
        return False
    item = blocks[i - 1]
    goes_on = text[block.body_start : block.body_start + 1].islower() or (
        item.marker in ("-", "+", "–", "•")
        and not text[item.body_start : item.end].rstrip().endswith(":")
    )
    return goes_on and mentions.first(block.body_start, block.end) is None


def _opens_paragraph(text: str, blocks: Sequence[Block], i: int) -> bool:
    """The block before ``blocks[i]`` is a bullet item that ends on ":" (its paragraph), or
    runs on into it (a line that a page broke: "... danh sách/“bản đồ”" + "các điểm ...")."""
    before = blocks[i - 1] if i else None
    return (
        before is not None
        and before.marker in ("-", "+", "–", "•")
        and (
            text[before.body_start : before.end].rstrip().endswith(":")
            or text[blocks[i].body_start : blocks[i].body_start + 1].islower()
        )
    )


_INTRO_MAX = 250  # characters: a longer block that ends with ":" says more than who
# lines that name no one to act: "Trung tâm Quản lý hạ tầng kỹ thuật: 0243.6269.3723" in a
# list of hotlines; "Sở Tư pháp: Ông Nguyễn Văn A - Trưởng phòng ..." in a list of members;
# the formula that announces a conclusion ("UBND tỉnh trân trọng thông báo kết luận ...");
# who chairs a meeting ("Hội nghị do Thủ tướng Chính phủ chủ trì"); a bare list of names
# the execution clause of a decision (rule 1), also mistyped ("chịu trách nhiệm hành Quyết
# định này") or cut off with the page after its list of bodies
_EXECUTION = re.compile(
    r"(?:chịu trách nhiệm\s+(?:thi\s+)?hành|căn cứ\s+Quyết định(?:\s+này)?\s+(?:để\s+)?thi hành"
    r"|thi hành Quyết định này)[^\n]{0,40}$",
    re.IGNORECASE,
)


def _executes(text: str, block: Block, in_force: bool) -> bool:
    """The block is a decision's execution clause: it says who carries the decision out, or
    it is the article after "Quyết định này có hiệu lực ..." and directs no one."""
    if block.marker is None or not block.marker.startswith("Điều"):
        return False
    if in_force and not TRIGGER.search(text, block.body_start, block.end):
        return True
    return text.find("hành", block.body_start, block.end) != -1 and bool(
        _EXECUTION.search(text, block.body_start, block.end)
    )


# (one pattern each, tried only when the block holds what the pattern needs: most hold none)
_PHONE_LINE = re.compile(r"[^:\n]{3,160}:\s*(?:[\d.\s()–-]{7,}[,;]?\s*)+[.;]?\s*$")
_IN_ANNEX = re.compile(
    r"[^:\n]{3,200}:\s*(?i:(?:chi tiết\s+)?(?:tại|theo|như)\s+phụ lục)[^.;\n]{0,40}[.;]?\s*$"
)
_MEMBER_LINE = re.compile(
    r"(?:[^:\n]{3,160}:\s*)?(?:Ông|Bà|Đồng chí|đồng chí|Đ/c)\s+["
    + CAPITALS
    + r"]\w*(?:\s+["
    + CAPITALS
    + r"]\w*){1,5}"
    r"\s*[-–,(]"
)
_PERSON_TITLES = ("Ông", "Bà", "Đồng chí", "đồng chí", "Đ/c")
_ANNOUNCES = re.compile(r"(?:[^.\n]{0,60}\s)?(?i:trân trọng thông báo)")
_ANNOUNCES_WITHIN = 81  # characters from the start: 60 + a space + the formula's 20
_CHAIRS = re.compile(
    r"(?:Phiên họp|Hội nghị|Cuộc họp|Buổi làm việc|Hội thảo|Lễ)\s+(?:do|sẽ do)\s|Đồng chủ trì"
)
_CHAIRS_START = (
    "Phiên họp",
    "Hội nghị",
    "Cuộc họp",
    "Buổi làm việc",
    "Hội thảo",
    "Lễ",
    "Đồng chủ trì",
)
_NAME_LIST = re.compile(
    r"(?:["
    + CAPITALS
    + r"]\w*(?:\s+["
    + CAPITALS
    + r"]\w*){1,4}\s*[,;]\s*){2,}["
    + CAPITALS
    + r"]\w*(?:\s+["
    + CAPITALS
    + r"]\w*){1,4}\.?\s*$"
)


def _not_a_task(text: str, start: int, end: int) -> bool:
    """The block ``text[start:end]`` names no one to act (see the comment over
    ``_EXECUTION``): a hotline's number, a line of an annex's contents, a member and their
    title, the formula that announces a conclusion, who chairs, a bare list of names.

    Each pattern runs only past a plain test that every match passes: a colon for those
    with a label, a title at the start or after the label, the formula in the case-folded
    opening, the meeting's word at the start."""
    colon = text.find(":", start, end) != -1
    if colon and (_PHONE_LINE.match(text, start, end) or _IN_ANNEX.match(text, start, end)):
        return True
    if (colon or text.startswith(_PERSON_TITLES, start, end)) and _MEMBER_LINE.match(
        text, start, end
    ):
        return True
    opening = text[start : min(end, start + _ANNOUNCES_WITHIN)].lower()
    if "trân trọng thông báo" in opening and _ANNOUNCES.match(text, start, end):
        return True
    if text.startswith(_CHAIRS_START, start, end) and _CHAIRS.match(text, start, end):
        return True
    return _NAME_LIST.match(text, start, end) is not None


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
_SENT_TO = re.compile(
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
    if any(w not in _LIST_WORDS for w in _WORD.findall(text, block.body_start, first)):
        return False  # it opens on what to do to the body: "a) Kiện toàn Ban Chỉ huy ..."
    rest = _outside_mentions(text, block.body_start, block.end, mentions)
    words = (m.group() for m in _WORD.finditer(rest))  # lazily: three words decide
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
    if marker.startswith("Thứ"):
        return 2
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
    if block.marker is None and not text[: block.start].strip():
        return None  # a page's banner: "Đài Truyền Thanh - Truyền Hình Huyện Duy Xuyên"
    return heading


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
    r"triển khai|đạt được|chung))(?![^\n]*[;.:]\s*\S)[^\n]{0,250}"
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


_UNDER_THEN = re.compile(
    r"\s*(?:trực\s+)?thuộc\s+(?:tỉnh|thành phố|Thành phố|UBND (?:tỉnh|Thành phố)|Sở)\s*[;,]\s*"
)
_HEADING_TAIL = re.compile(
    r"\s*(?:(?:trực\s+)?thuộc\s+[^:.();,\n]{1,80}?|trên địa bàn(?:\s+(?:tỉnh|[Tt]hành phố))?"
    r"|được\s+(?:kiểm tra|thanh tra|giao|phân công|khảo sát|đánh giá)"
    r"|\s*,?\s*(?:và\s+)?(?:các\s+)?tổ chức,?\s*(?:và\s+)?cá nhân(?:\s+(?:có\s+)?liên quan)?"
    r"|(?:của|các)\s+(?:\d+\s+)?(?:dự án|công trình|gói thầu)[^:;\n]{0,150}?(?=\s*:))?"
    r"\s*(?:\([^()\n]{0,200}\))?\s*[:.]?\s*"
)
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
_SUPPORT_IN_VALUE = re.compile(r"(?<!\w)phối hợp(?:\s+(?:với|cùng))?", re.IGNORECASE)
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
# the label over an activity's items, its lead and time on attribute lines after them
_TASK_LABEL = re.compile(
    r"(?:(?:Các\s+)?[Nn]hiệm vụ(?:\s+cụ thể)?|Nội dung(?:\s+(?:nhiệm vụ|thực hiện|công việc))?)"
    r"\s*:\s*"
)


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
    mentions: Mentions,
    ctx: _Context | None,
) -> list[Task]:
    """The attribute lines under an item name its lead and partners (and its time); "Đơn vị
    thực hiện: Sở X chủ trì, phối hợp với Sở Y" names both."""
    lead: list[AgencyMention] = []
    support: list[AgencyMention] = []
    for a in described:
        found = mentions.between(a.start, a.end)
        if a.name == "lead":
            role = _SUPPORT_IN_VALUE.search(text, a.start, a.end)
            lead += [m for m in found if role is None or m.start < role.start()]
            support += [m for m in found if role is not None and m.start >= role.end()]
        elif a.name == "support":
            support += found
    if not tasks:
        owner = lead or (ctx.lead if ctx else [])
        if not owner or len(text[block.body_start : block.end].split()) < _ITEM_WORDS:
            return []  # (not a portal's footer: "Liên hệ" over "Cơ quan thường trực: ...")
        own = [m for u in units(text, block, mentions) for m in u.support if not m.vague]
        task = _task(block.body_start, block.end, owner, support or own, "item-with-attributes")
        task.text = text[task.start : task.end].strip()
        task.marker = block.marker
        return [task]
    for task in tasks[-1:]:
        if lead:  # the row's own columns say who does it, and with whom (not the intro
            # above); else the partners its own text names ("(3) Phối hợp Ban Cơ yếu ...")
            task.lead = lead
            task.support = support or [
                m for u in units(text, block, mentions) for m in u.support if not m.vague
            ]
            task.rule = "item-with-attributes"
        elif support:
            task.support = support
    return tasks


_ITEM_WORDS = 3  # words an item with attribute lines says what to do in, at least


def _block_tasks(
    text: str,
    block: Block,
    mentions: Mentions,
    prev_task: Task | None,
    ctx: _Context | None,
) -> tuple[list[Task], tuple[list[AgencyMention], list[AgencyMention]] | None]:
    """Tasks of one block, and the assignees of a list intro it ends with (if any)."""
    out: list[Task] = []
    current: Task | None = None
    new_intro: tuple[list[AgencyMention], list[AgencyMention]] | None = None
    quoted = _law_quotes(text, block)
    for n, unit in enumerate(units(text, block, mentions)):
        if block.role == "heading" and not unit.rule.startswith(("trigger", "role")):
            continue
        if any(s <= unit.start < e for s, e in quoted):
            current = None  # the words of a law the text quotes: "... quy định: “b) ..."
            continue
        if (
            ctx is not None
            and ctx.paragraphs
            and block.marker is not None
            and _BARE_VERB.match(text, unit.start, unit.end)
        ):
            # under "1. Sở Giao thông vận tải:", "Yêu cầu các chủ đầu tư ..." is the Sở's task
            unit.lead, unit.rule = ctx.lead, "under-heading:" + unit.rule
            unit.support = unit.support or ctx.support
        if unit.lead:
            items = _enumeration(text, unit, mentions)
            if items:
                out.extend(items)
                current = None
                continue
            if _only_introduces(text, unit, mentions):
                new_intro = unit.lead, [m for m in unit.support if not m.vague]
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
            current.support += [m for m in unit.support if m not in current.support]
        elif n == 0:
            current = _first_unit_without_assignee(text, block, unit, prev_task, ctx)
            if current is not None:
                out.append(current)
    floor = block.body_start  # a task's quotation opens after the task before it ends
    for task in out:
        task.start, task.end = _quotation_bounds(text, floor, task.start, task.end)
        task.text = text[task.start : task.end].strip()
        task.marker = block.marker
        floor = task.end
    return out, new_intro


# a provision quoted as the law says it: "Điều 12 Nghị quyết số 254/2025/QH15 quy định: “..."
# (not a leader's words a news report quotes: "Phó Chủ tịch yêu cầu như sau: “Các sở ...”")
_LAW_QUOTE = re.compile(r"quy định(?:\s+như sau)?\s*:?\s*“", re.IGNORECASE)


def _law_quotes(text: str, block: Block) -> list[tuple[int, int]]:
    if text.find("“", block.body_start, block.end) == -1:
        return []  # (most blocks quote nothing: a plain substring search first)
    out = []
    for m in _LAW_QUOTE.finditer(text, block.body_start, block.end):
        close = text.find("”", m.end(), block.end)
        out.append((m.end() - 1, close if close != -1 else block.end))
    return out


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
    text: str, block: Block, unit: Unit, prev_task: Task | None, ctx: _Context | None
) -> Task | None:
    """Rule 3 (continuation of the previous block's task) and blocks under an intro or an
    agency heading."""
    span = text[unit.start : unit.end]
    connector = _CONNECTOR_START.match(span) and not _ORDINAL.match(span)
    if prev_task is not None and prev_task.lead and connector and not _ANSWERABLE.search(span):
        # (not "Đặc biệt, Công văn nêu rõ, Giám đốc các sở ... chịu trách nhiệm trước UBND tỉnh")
        return _task(unit.start, unit.end, prev_task.lead, unit.support, "continuation")
    # "- Nghị định số 57/2018/NĐ-CP ... về ...; Nghị quyết số ...": documents an intro lists
    if ctx is not None and all(_CITATION_ITEM.match(p) for p in span.split(";") if p.strip()):
        return None
    if ctx is not None and (block.role == "item" or ctx.paragraphs):
        return _task(unit.start, unit.end, ctx.lead, unit.support or ctx.support, "under-intro")
    if ctx is not None and ctx.loose and ctx.lead and _IMPERATIVE.match(span) and span[-1:] != ":":
        # "... yêu cầu các sở, ngành triển khai các nội dung:" over paragraphs whose list marks
        # a web page lost: "Tập trung rà soát ...", "Tiếp tục chủ động ..."
        return _task(unit.start, unit.end, ctx.lead, unit.support or ctx.support, "under-intro")
    if (
        prev_task is not None
        and prev_task.lead
        and block.role == "paragraph"
        and prev_task.marker is None
        and _IMPERATIVE.match(span)
        and span[-1:] != ":"
    ):  # rule 3: "... yêu cầu các cơ quan, đơn vị quán triệt ..." + "Tổ chức tự kiểm tra ..."
        return _task(unit.start, unit.end, prev_task.lead, unit.support, "continuation")
    if (
        prev_task is not None
        and prev_task.lead
        and _directs(span)
        and span[-1:] != ":"
        and not _UNKNOWN_OBJECT.match(span)  # "Giao Phó Thủ tướng Trần Hồng Hà ...": someone else
        and not _ANSWERABLE.search(span)  # "..., người đứng đầu phải chịu trách nhiệm trước ..."
    ):
        return _task(unit.start, unit.end, prev_task.lead, unit.support, "continuation")
    return None


# a directive verb read as a noun: "văn bản truyền đạt ý kiến chỉ đạo của Chủ tịch ..."
_NOUN_BEFORE = re.compile(r"(?:ý kiến|văn bản|sự|theo|những|các|ban hành|có)\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+(?:của|này|về|số)(?!\w)")


def _directs(span: str) -> bool:
    """Whether ``span`` holds a directive verb used as a verb."""
    return any(
        not _NOUN_BEFORE.search(span, max(0, m.start() - 10), m.start())
        and not _OF_AFTER.match(span, m.end())
        for m in TRIGGER.finditer(span)
    )


# an item that names a document and nothing to do with it
_CITATION_ITEM = re.compile(
    r"[\s\-–+•]*(?:Luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Công văn|Kế hoạch|"
    r"Văn bản|Thông báo|Hướng dẫn)\s+(?:số\s+)?\d[^:]{0,300}$"
)
# a paragraph that opens on what to do, with no one named: the task before goes on
_IMPERATIVE = re.compile(
    # (not a basis: "Thực hiện Công điện số 04/CĐ-TTg ..., để chủ động ...")
    r"[\s\-–+]*"
    + PAGE_DATE
    + r"(?!Thực hiện (?:Công điện|Công văn|Văn bản|Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|"
    r"Thông báo|Kết luận|Chương trình|ý kiến|chỉ đạo))"
    r"(?:Tổ chức|Tăng cường|Triển khai|Kiểm tra|Rà soát|Thực hiện|Đẩy mạnh|Khẩn trương|"
    r"Chủ động|Xây dựng|Tuyên truyền|Nghiêm túc|Quán triệt|Bố trí|Bảo đảm|Đảm bảo|Theo dõi|"
    r"Thường xuyên|Kịp thời|Xử lý|Hướng dẫn|Đôn đốc|Tập trung|Tiếp tục|Kiểm soát|Sẵn sàng|"
    r"Nâng cao|Đẩy nhanh|Huy động|Quản lý|Cập nhật|Duy trì|Ưu tiên|Hoàn thành|Hoàn thiện|"
    r"Chấn chỉnh|Vận động|Khắc phục|Phấn đấu|Hạn chế|Nghiên cứu|Phát huy|Đổi mới|"
    r"Kiên quyết|Nghiêm cấm|Tuyệt đối|Không để|Giải quyết|Tham mưu|Phối hợp|"
    r"Lên phương án|Lên kế hoạch|Chuẩn bị|Bổ sung|Ngăn chặn|Giám sát|Ứng trực|Tạm dừng|"
    r"Di dời|Sơ tán|Củng cố|Kiện toàn|Hỗ trợ|Phổ biến|Tổng hợp|Đề xuất|Chỉ đạo|"
    r"Báo cáo(?! (?:của|số|tóm tắt|tổng hợp|cho biết))|Định kỳ|Tiến hành|Cung cấp|Thông tin cho)(?!\w)"
)
# a directive verb that opens the block on a name the registry does not hold
_UNKNOWN_OBJECT = re.compile(
    r"(?:[-+•]\s*)?(?:Giao|Yêu cầu|Đề nghị)\s+(?:cho\s+)?(?:đồng chí\s+|ông\s+|bà\s+)?["
    + CAPITALS
    + r"]"
)
_ANSWERABLE = re.compile(r"chịu trách nhiệm(?:\s+\w+){0,2}\s+trước(?!\w)", re.IGNORECASE)


# an invitation to the addressees: "Văn phòng Chính phủ trân trọng kính mời Đồng chí dự Phiên họp"
_INVITES = re.compile(
    r"(?<!\w)kính (?P<mời>mời)(?:\s+\S+){0,12}?\s+(?:tới\s+)?(?:dự|tham dự|tham gia)(?!\w)",
    re.IGNORECASE,
)


def _invites(text: str, block: Block) -> re.Match[str] | None:
    """``_INVITES`` in the block, tried only when "kính m" is in it (case-folded)."""
    if "kính m" not in text[block.body_start : block.end].lower():
        return None
    return _INVITES.search(text, block.body_start, block.end)


_MEETING_LINES = 6  # blocks below an invitation that may hold its "Thời gian:" line


def _invited(text: str, invites: re.Match[str], mentions: Mentions) -> list[AgencyMention]:
    """The bodies an invitation names between "kính mời" and "dự": "Lãnh đạo các Bộ, ..."."""
    found = mentions.between(invites.start(), invites.end())
    if not found or _INVITED_GAP.fullmatch(text, invites.start("mời"), found[0].start) is None:
        return []
    named = list_from(found, text)
    return [] if all(m.vague for m in named) else named


_INVITED_GAP = re.compile(
    r"mời\s+(?:(?:đại diện\s+)?(?:lãnh đạo|Lãnh đạo|Lãnh\s+đạo|thủ trưởng|Thủ trưởng)\s+)?",
)


def _invitation(text: str, block: Block, addressees: list[AgencyMention]) -> Task:
    task = _task(block.body_start, block.end, addressees, [], "invitation")
    task.text = text[task.start : task.end].strip()
    task.marker = block.marker
    return task


def _task(
    start: int, end: int, lead: list[AgencyMention], support: list[AgencyMention], rule: str
) -> Task:
    return Task(start=start, end=end, text="", lead=list(lead), support=list(support), rule=rule)


def _same_assignees(task: Task, unit: Unit, text: str) -> bool:
    """A new sentence naming the same assignees continues the task, unless it opens with a
    connector ("Đồng thời, các cơ quan ...") which marks a task of its own."""
    if _CONNECTOR_START.match(text[unit.start : unit.end]):
        return False
    return {m.name for m in task.lead} == {m.name for m in unit.lead}


# --- list intros and inline enumerations ---------------------------------------------


def _content_words(text: str, start: int, end: int, mentions: Mentions) -> int:
    """Words of ``text[start:end]`` that say what to do: not intro words ("tổ chức triển
    khai thực hiện các nội dung sau"), not assignees, not remarks in brackets."""
    rest = _CITED.sub(" ", _outside_mentions(text, start, end, mentions))
    return sum(1 for w in _WORD.findall(rest) if w not in _INTRO_WORDS and not w.isdigit())


def _outside_mentions(text: str, start: int, end: int, mentions: Mentions) -> str:
    """``text[start:end]`` in lower case without its assignees and remarks in brackets."""
    pieces = []
    pos = start
    for m in mentions.between(start, end):
        pieces.append(text[pos : m.start])
        pos = max(pos, m.end)
    pieces.append(text[pos:end])
    return _BRACKETS.sub(" ", " ".join(pieces)).lower()


# "(thực hiện) Quyết định số 2839/QĐ-BNNMT, ngày 21/7/2026 của Bộ ...": what is carried out
_CITED = re.compile(
    r"(?i)(?:quyết định|công văn|kế hoạch|chỉ thị|văn bản|thông báo|nghị quyết|kết luận)"
    r"\s+(?:số\s+)?\S*\d\S*(?:,?\s*ngày\s+\S+)?(?:\s+của\s+[^,;:]{0,80}?(?=\s+(?:với|về|và)\b|[,;:]|$))?"
)


def _only_introduces(text: str, unit: Unit, mentions: Mentions) -> bool:
    """ "... yêu cầu các sở tập trung thực hiện các nhiệm vụ chủ yếu sau đây:", "... giao
    Sở Nội vụ chủ trì, phối hợp với Sở Tài chính (...) triển khai các nội dung sau:" only
    introduce the list below them: after the lead, nothing but intro words, other
    assignees and remarks in brackets."""
    span = text[unit.start : unit.end].rstrip()
    if not span.endswith(":"):
        return False
    return _content_words(text, unit.lead[-1].end, unit.end, mentions) < 4


_BRACKETS = re.compile(r"\([^()]*\)")


_LIST_HEAD = re.compile(
    r"(?<!\w)(?:các\s+(?:[Ss]ở|đơn vị|cơ quan|ngành|[Bb]ộ|huyện|xã|phường)|gồm(?:\s+có)?)\s*$"
)


def _enumeration(text: str, unit: Unit, mentions: Mentions) -> list[Task]:
    """ "... 4 nhóm nhiệm vụ trọng tâm: a; b; c; d." is one task per item."""
    colon = text.find(":", unit.lead[-1].end, unit.end)
    if colon == -1:
        return []
    if not _ENUM_INTRO.search(text, unit.lead[-1].end, colon) and not (
        _MARKED_ITEMS.match(text, colon + 1) and text.find("; (ii)", colon, unit.end) != -1
    ):  # ("Bộ Y tế: (i) Tiếp thu ý kiến ...; (ii) Khẩn trương báo cáo ...": marked items)
        return []
    if text.count("(", unit.lead[-1].end, colon) > text.count(")", unit.lead[-1].end, colon):
        return []  # "(... Thông tin liên hệ: Đ/c ...; SĐT ...)": a colon inside brackets
    if _NUMBERED_NAME.search(text, unit.lead[-1].end, colon):
        return []  # "... các nội dung tại Dự án 1: ...; Dự án 2: ...": names, not tasks
    if _DETAILING.search(text, unit.lead[-1].end, colon):
        return []  # "hoàn thiện hồ sơ ..., trong đó làm rõ các nội dung sau: a; b": one task
    if _LIST_HEAD.search(text, max(unit.start, colon - 24), colon):
        return []  # "lấy ý kiến góp ý của các sở: Nông nghiệp ..., Sở Tài chính; ...": names
    if _EXAMPLES.search(text, unit.lead[-1].end, colon + 1):
        return []  # "xử lý nghiêm các hành vi vi phạm như: hàng giả; ...": examples of one object
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
    return [_task(s, e, _own_subject(text, s, e, mentions) or unit.lead, unit.support, rule)
            for s, e in parts]  # fmt: skip


def _own_subject(text: str, start: int, end: int, mentions: Mentions) -> list[AgencyMention]:
    """The bodies an item opens on, when it names its own ("...; Cổng thông tin điện tử tỉnh
    phải thường xuyên cập nhật ...")."""
    first = mentions.first(start, end)
    if first is None or _OPENS_ON.fullmatch(text, start, first.start) is None:
        return []
    return [m for m in list_from(mentions.between(start, end), text) if not m.vague]


_OPENS_ON = re.compile(r"[\s\-–+•]*(?:(?:các|những)\s+)?", re.IGNORECASE)


# --- rule 4: one task once -----------------------------------------------------------


_DEDUPE_WINDOW = 60  # a repeat is near its first telling, or of the lead at the top
_DEDUPE_LEAD = 12
_RETELLS_MORE = 0.9  # a longer telling of the same assignees: a retelling only this close


def _dedupe(tasks: list[Task]) -> list[Task]:
    """Rule 4: keep the first telling of a task. Linear: each task is compared with the
    tasks just before it and with the first few of the document (a news lead). Two
    numbered items are two tasks however alike (rule 2): a repeat is running text."""
    kept: list[Task] = []
    every: list[tuple[set[str], set[str]]] = []  # the words and leads of each kept task
    running: list[tuple[set[str], set[str]]] = []  # ... of each kept task not a numbered item
    for task in tasks:
        words = set(task.text.lower().split())
        leads = {m.name for m in task.lead}
        numbered = task.marker is not None
        pool = running if numbered else every
        if len(pool) > _DEDUPE_LEAD + _DEDUPE_WINDOW:  # (a shorter pool: each task once)
            pool = pool[:_DEDUPE_LEAD] + pool[-_DEDUPE_WINDOW:]
        own_sentence = task.text[:1].isupper()  # (not a piece of one: "các doanh nghiệp ...")
        if any(_retells(words, leads, w, names, own_sentence) for w, names in pool):
            continue
        kept.append(task)
        every.append((words, leads))
        if not numbered:
            running.append((words, leads))
    return kept


_FUTURE = re.compile(r"\s*(?:cũng\s+|sau đó\s+)?sẽ(?!\w)", re.IGNORECASE)


def _drop_own_announcements(
    tasks: list[Task], text: str, blocks: Sequence[Block], mentions: Mentions
) -> list[Task]:
    """Rule 8: the issuer announcing its own future action ("Sở Giáo dục và Đào tạo sẽ
    tổ chức kiểm tra ...", the Sở heading the letter) directs no one."""
    header = [b for b in blocks if b.role == "header"]
    if not header:
        return tasks
    own = {
        m.agency_id or m.name.casefold()
        for b in header
        for m in mentions.between(b.start, b.end)
        if not m.is_group
    }
    return [
        t
        for t in tasks
        if not (
            t.lead
            and all((m.agency_id or m.name.casefold()) in own for m in t.lead)
            and _FUTURE.match(text, t.lead[-1].end)
        )
    ]


def _drop_cut_tail(tasks: list[Task], text: str) -> list[Task]:
    """A page cut off mid-sentence (the opening of a web page): a last task of a few words
    has lost its action ("Chỉ đạo các cơ qua") and is no task."""
    end = text.rstrip()
    if not tasks or not end or end[-1] in _TERMINAL_MARKS or tasks[-1].end < len(end) - 1:
        return tasks
    last = tasks[-1]
    if len(last.text.split()) < _CUT_TASK_WORDS:
        return tasks[:-1]
    named = [m.end for m in last.lead + last.support if last.start <= m.start < last.end]
    after = _WORD.findall(text, max(named), last.end) if named else []
    if named and sum(not w[0].isupper() for w in after) < _CUT_ACTION_WORDS:
        # only its assignees are left: "Điều 3. Thủ trưởng các sở, ... các hu", "... yêu cầu Bộ
        # Chỉ huy Quân sự tỉnh, Công an tỉnh, Sở Xây dựng, Cảng vụ hàng"
        return tasks[:-1]
    return tasks


_TERMINAL_MARKS = frozenset('.!?;:…"”)')
_CUT_TASK_WORDS = 8  # words a cut-off task keeps when its assignee and action are there
_CUT_ACTION_WORDS = (
    3  # words after its last assignee, not capitalised, that a cut-off task's action needs
)


def _drop_retold_lead(tasks: list[Task], blocks: Sequence[Block]) -> list[Task]:
    """Rule 4 for news: the lead paragraph (sapo) retells what the body says in full;
    keep the body's telling when both name the same assignees and share half the words."""
    if any(b.role == "header" for b in blocks):
        return tasks
    # the headline and the lead paragraph (sapo); a page's clutter may stand before them
    top = [b for b in blocks if b.role in ("paragraph", "heading") and b.marker is None]
    top = top[:_SAPO_PARAGRAPHS]
    out = []
    for i, task in enumerate(tasks):
        in_top = any(b.start <= task.start < b.end for b in top)
        if in_top and task.marker is None and _retold(task, tasks[i + 1 :]):
            continue
        if in_top and task.marker is None and _summarises(task, tasks[i + 1 :], top):
            continue
        out.append(task)
    return out


# the lead reports the directive issued: "UBND tỉnh vừa ban hành công văn (số ...) yêu cầu ...",
# "Thủ tướng vừa ký Công điện số 210/CĐ-TTg chỉ đạo ..."
_ISSUED_NOW = re.compile(
    r"(?<!\w)vừa\s+(?:ký|ban hành|có|gửi)(?:\s+ban hành)?\s+(?:\(?\s*)?"
    r"(?:công văn|văn bản|công điện|chỉ thị|kế hoạch|thông báo|quyết định)",
    re.IGNORECASE,
)


def _summarises(task: Task, later: list[Task], top: list[Block]) -> bool:
    """Rule 4 for news: a lead paragraph that reports the directive issued and asks only
    groups ("yêu cầu các ngành, địa phương triển khai ...") sums up what the body then gives
    to named bodies in much the same words: the body's tasks are the tasks."""
    if not task.lead or not all(m.is_group for m in task.lead) or not _ISSUED_NOW.search(task.text):
        return False
    own = next((b for b in top if b.start <= task.start < b.end), None)
    body = [t for t in later[:40] if t.lead and own is not None and t.start >= own.end]
    words = set(_WORD.findall(task.text.lower()))
    return any(_overlap(words, set(_WORD.findall(t.text.lower()))) >= _SUMS_UP for t in body)


_SUMS_UP = 0.7  # the lead's words the body's telling holds (a lead with its own ask says less)


_SAPO_PARAGRAPHS = 6  # headline and lead paragraph; a page's clutter may stand before them


def _retold(task: Task, later: list[Task]) -> bool:
    """A later task says it again, in full: the same assignees, most of the words, no fewer."""
    names = _named(task)
    words = set(_WORD.findall(task.text.lower()))
    return any(
        _named(t) == names
        and not t.rule.startswith("closing:")  # "... để UBND các xã biết, thực hiện./."
        and len(t.text) >= len(task.text) * _RETOLD_LENGTH  # (not a shorter remark on them)
        and _overlap(words, set(_WORD.findall(t.text.lower()))) >= _RETOLD_WORDS
        for t in later[:40]
    )


_RETOLD_LENGTH = 0.8  # the body's telling is about as long as the lead's, or longer
# the lead's words the body's telling holds: most of them (a lead that asks something else of
# the same group shares the common words of any ask, about half)
_RETOLD_WORDS = 0.6
_LEVEL_END = re.compile(r"\s+(?:tỉnh|[Tt]hành phố)$")


def _named(task: Task) -> set[str]:
    """The bodies a task names, as a headline and its body may both write them: "Cục Thống kê
    tỉnh" is "Cục Thống kê"; "các đơn vị liên quan" beside them names no one."""
    return {_LEVEL_END.sub("", m.name) for m in task.lead if not m.vague}


def _retells(
    words: set[str], leads: set[str], w: set[str], names: set[str], own_sentence: bool = False
) -> bool:
    """A task of ``words`` and ``leads`` retells an earlier one of ``w`` and ``names``: it
    says no more than the first telling, or names someone it named in nearly the same words
    (not "Đặc biệt các quận, huyện ... tăng cường ứng trực, ..."). The plain tests first:
    most pairs fail them, and the overlap of two sets of words is the costly part."""
    if len(words) <= len(w):
        # (others named in words of the first: "Giao các sở, ... phối hợp với Sở Công Thương
        # để thực hiện ..." after Sở Công Thương's own long task is a task of its own)
        others = own_sentence and leads and names and not leads & names
        return _overlap(words, w) >= (0.9 if others else 0.8)
    return bool(leads & names) and _overlap(words, w) >= _RETELLS_MORE


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
