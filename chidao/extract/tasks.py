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

Here: the walk over the blocks (``find_tasks``), a block's tasks and the continuation of
the task before. Its parts each have a module: headings, intros, addressees and the context
stack (``headings``), attribute lines under an item (``attributes``), list intros and inline
enumerations (``enumerations``), rule 4 and the last clean-up (``retold``); a unit's own
decision is in ``units``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date

from chidao.extract.attributes import (
    _TASK_LABEL,
    _apply_attributes,
    _attribute,
    _following_attributes,
)
from chidao.extract.deadlines import TERM_OF_TASKS, attach_times, attribute_deadline
from chidao.extract.enumerations import _enumeration, _only_introduces
from chidao.extract.grammar import (
    _FRONTED,
    CONNECTORS,
    LOCAL_COMMITTEE,
    PAGE_DATE,
    TRIGGER,
    Mentions,
    Unit,
    list_from,
)
from chidao.extract.headings import (
    _ACCOUNT_TITLE,
    _ATTENDANCE,
    _BARE_VERB,
    _BULLET_LEVEL,
    _DUTY,
    _PART_TITLE,
    _PARTS,
    _addressed_groups,
    _addressees,
    _agency_heading,
    _closes,
    _colon_intro,
    _Context,
    _duties_heading,
    _ends_colon,
    _level,
    _only_names,
    _roster,
)
from chidao.extract.model import AgencyMention, Task, TimeMention, new_task
from chidao.extract.retold import (
    _TERMINAL_MARKS,
    _dedupe,
    _drop_cut_tail,
    _drop_own_announcements,
    _drop_retold_lead,
)
from chidao.extract.segment import CAPITALS, COUNTED_ITEM, Block
from chidao.extract.units import _TOPIC, retells_earlier, units

_PAGE_DATE = re.compile(PAGE_DATE)


_CONNECTOR_START = re.compile(
    r"^[\s\"“'(\-–]*" + PAGE_DATE + r"(?:" + CONNECTORS + r")(?!\w)", re.IGNORECASE
)


_ORDINAL = re.compile(r"[\s\-–]*" + COUNTED_ITEM, re.IGNORECASE)


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
            while block.marker and _level(block.marker) <= 1 and stack and stack[-1].roster:
                stack.pop()  # ("II. NỘI DUNG:" read as a label still ends "I. MỤC ĐÍCH")
            continue  # read with the block it describes; a phone list's or a roster's line
        if block.marker is None and TERM_OF_TASKS.match(text, block.body_start, block.end):
            prev_block_task = None  # the time of all the tasks (``document_period``), no task
            continue
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
            if stack[-1].loose and (
                _PART_TITLE.fullmatch(text, block.body_start, block.end)
                or _ACCOUNT_TITLE.fullmatch(text, block.body_start, block.end)
            ):  # "... đề nghị các Sở thực hiện các nội dung sau:" + "A. NHIỆM VỤ CHUNG" (or
                break  # "I. MỤC ĐÍCH YÊU CẦU", no task, before "II. NỘI DUNG")
            if stack[-1].loose and block.marker is None and _caption(text, block):
                break  # a photo's caption a web page set between its intro and the paragraphs
            stack.pop()
        if block.marker is not None and _level(block.marker) < _BULLET_LEVEL:
            section = _level(block.marker)  # a paragraph's intro lasts to this item's sibling
        ctx = stack[-1] if stack else None
        if (
            ctx is not None
            and ctx.roster
            and not (
                ctx.account
                and _ON_A_BASIS.match(text, block.body_start, block.end)
                and _ASKS_NAMED.search(text, block.body_start, block.end)
            )
        ):
            continue  # "Điều 1. Thành lập Ban Chỉ đạo ... gồm các thành viên sau:" over its members
            # (an account's paragraph that asks bodies by name on a basis is a task: "Căn cứ
            # ..., yêu cầu các sở, ban, ngành ... khẩn trương đánh giá tình hình thực hiện ...")
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
            stack.append(
                _Context([], [], _level(block.marker), paragraphs=False, roster=True, account=True)
            )
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
        if (
            new_intro is None
            and block_tasks
            and block_tasks[-1].lead
            and block.role == "paragraph"
            and _FOLLOWING.search(block_tasks[-1].text)
            and i + 1 < len(blocks)
            and blocks[i + 1].role == "item"
            and (mentions.report or not _ends_colon(text, blocks[i + 1]))
        ):  # rule 8: a task that ends on the list of what to do passes its assignees down
            # ("... đề nghị Chủ tịch UBND các tỉnh thành lập Ban Chỉ đạo ... với những nội dung
            # cơ bản sau:" over "– Đẩy mạnh ...", "– Tăng cường ..."); outside a report, not
            # over a list whose items name their own ("1. Nhà đầu tư ...:")
            last = block_tasks[-1]
            new_intro = last.lead, [m for m in last.support if not m.vague]
        if (
            not block_tasks
            and new_intro is None
            and addressees
            and block.role == "paragraph"
            and (asks := _ASKS_NO_ONE.match(text, block.body_start, block.end)) is not None
            and mentions.first(asks.end(), block.end) is None
        ):  # rule 8: "Thủ tướng yêu cầu chủ động sơ tán ngay ..." asks those it is sent to
            block_tasks = [_to_addressees(text, block, addressees, "addressees")]
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
    tasks = _drop_cut_tail(_drop_retold_lead(_dedupe(tasks), blocks), text)
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


# the issuer's leader asking without naming anyone: the addressees are asked
_ASKS_NO_ONE = re.compile(
    r"[^.;:\n]{0,80}?(?<!\w)(?:Thủ tướng|Chủ tịch|Bộ trưởng|Phó Thủ tướng)(?!\w)[^.;:\n]{0,60}?"
    r"\s(?:yêu cầu|đề nghị|chỉ đạo)\s+(?=[a-zà-ỹđ])(?!(?:các|những|mỗi|từng|toàn|lãnh đạo|như)\s)"
    r"[^:\n]*$"  # (not an intro: "Phó Thủ tướng có ý kiến chỉ đạo như sau:")
)


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
    runs on into it (a line that a page broke: "... danh sách/“bản đồ”" + "các điểm ..."); or
    the paragraphs since the last item are the list that item opened on ":" ("(1) Thực hiện
    nghiêm việc đeo khẩu trang đối với các đối tượng:" + "Cán bộ, công chức ...")."""
    before = blocks[i - 1] if i else None
    if (
        before is not None
        and before.marker in ("-", "+", "–", "•")
        and (
            text[before.body_start : before.end].rstrip().endswith(":")
            or text[blocks[i].body_start : blocks[i].body_start + 1].islower()
        )
    ):
        return True
    for k in range(i - 1, max(-1, i - 1 - _ITS_LIST), -1):
        if blocks[k].marker is not None:
            return (
                blocks[k].role == "item"
                and text[blocks[k].start : blocks[k].end].rstrip()[-1:] == ":"
            )
        if blocks[k].role != "paragraph":
            return False
    return False


_ITS_LIST = 8  # paragraphs an item that ends on ":" may hold


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


# where to send or call: "Địa chỉ : Văn phòng Bộ ..., số 18 Nguyễn Du, Hà Nội."
_CONTACT_LABEL = re.compile(
    r"(?:Địa chỉ(?: liên hệ| nhận)?|Điện thoại|Email|E-mail|Fax|Website|Người liên hệ)\s*:"
)


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


_ASKS_OF = re.compile(
    r"(?<!\w)(?:(?:yêu cầu|đề nghị|giao|chỉ đạo|lưu ý)\s+(?:các\s|những\s|lãnh đạo\s|thủ trưởng\s|"
    r"người đứng đầu\s|[" + CAPITALS + r"])"
    r"|(?:nhấn mạnh|yêu cầu|chỉ đạo|đề nghị|lưu ý|kết luận)\s*:"  # ("..., Chủ tịch ... nhấn mạnh:")
    # ("..., Chủ tịch UBND TP Cần Thơ vừa ký ban hành văn bản gửi các sở, ...")
    r"|(?:ký|ban hành)\s+(?:ban hành\s+)?(?:văn bản|công văn|công điện|chỉ thị|kế hoạch)(?!\w))"
)
_MEMBER_REACH = 200  # characters: a roster's line is short; a leader's ask comes early


def _before_colon(text: str, start: int, end: int) -> int:
    """Where a roster line's own duty begins ("...: giúp Trưởng ban chỉ đạo ..."), or the
    reach of a leader's ask that opens the block."""
    reach = min(end, start + _MEMBER_REACH)
    colon = text.find(":", start, reach)  # (from after the person: a label may come before)
    return colon + 1 if colon != -1 else reach  # (the colon itself: "nhấn mạnh:" asks)


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
    if colon and (
        _PHONE_LINE.match(text, start, end)
        or _IN_ANNEX.match(text, start, end)
        or _CONTACT_LABEL.match(text, start, end)
    ):
        return True
    if (
        (colon or text.startswith(_PERSON_TITLES, start, end))
        and (member := _MEMBER_LINE.match(text, start, end)) is not None
        and not _ASKS_OF.search(text, start, _before_colon(text, member.end(), end))
    ):  # (not a leader's ask: "Ông Đồng Văn Thanh, Chủ tịch UBND tỉnh yêu cầu Sở Y tế ...")
        return True
    opening = text[start : min(end, start + _ANNOUNCES_WITHIN)].lower()
    if "trân trọng thông báo" in opening and _ANNOUNCES.match(text, start, end):
        return True
    if text.startswith(_CHAIRS_START, start, end) and _CHAIRS.match(text, start, end):
        return True
    return _NAME_LIST.match(text, start, end) is not None


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
        if (
            unit.rule == "subject:these"
            and current is not None
            and (_local(current.lead) or unit.lead[0].name == "cơ quan, đơn vị")
        ):
            current.end = unit.end  # "... UBND huyện A, UBND huyện B rà soát. Các địa phương này
            continue  # phải báo cáo ...": the same assignees, the same task (rule 2)
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
            current = new_task(unit.start, unit.end, unit.lead, unit.support, unit.rule)
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


def _local(lead: list[AgencyMention]) -> bool:
    """All of ``lead`` are local committees (named, or the group)."""
    return bool(lead) and all(
        m.name == "địa phương" or LOCAL_COMMITTEE.match(m.name) is not None for m in lead
    )


def _law_quotes(text: str, block: Block) -> list[tuple[int, int]]:
    if text.find("“", block.body_start, block.end) == -1:
        return []  # (most blocks quote nothing: a plain substring search first)
    out = []
    for m in _LAW_QUOTE.finditer(text, block.body_start, block.end):
        close = text.find("”", m.end(), block.end)
        out.append((m.end() - 1, close if close != -1 else block.end))
    return out


def _first_clause(span: str) -> str:
    semicolon = span.find(";")
    return span if semicolon == -1 else span[:semicolon]


# a condition opening a paragraph after a task, and what to do then: "Trường hợp có dấu hiệu vi
# phạm pháp luật xử lý theo thẩm quyền. Báo cáo UBND TP trước ngày 15/1/2024."
_CONDITION_START = re.compile(r"(?:Trường hợp|Nếu)\s")
_ACTS_ON_IT = re.compile(r"(?<!\w)(?:xử lý|báo cáo|đề xuất|kịp thời|chủ động|phải|cần)(?!\w)")


def _acts_on_a_condition(span: str) -> bool:
    """What the task's assignees do if something happens, with no one else named to do it
    (not "Nếu phát hiện ..., người dân cần báo ngay ...", nor a provision's "Khi ... thì ...")."""
    if not _CONDITION_START.match(span) or " thì " in span:
        return False
    act = _ACTS_ON_IT.search(span)
    if act is None:
        return False
    comma = span.rfind(",", 0, act.start())
    return comma == -1 or not span[comma + 1 : act.start()].strip()


# after a connector, what the plan itself sets out, or the issuer's own doings: "Theo đó, kế
# hoạch đặt ra mục tiêu ...", "Đồng thời, tỉnh tiếp tục đẩy mạnh tuyên truyền ..." (rule 8)
_TELLS_ITSELF = re.compile(
    r"[^,]{0,30},\s+(?:(?:kế hoạch|chương trình|công điện|văn bản|chỉ thị|đề án|phương án)\s+"
    r"(?:đặt ra|nêu|xác định|đề ra|hướng tới|nhằm|gồm)"
    r"|(?:tỉnh|thành phố|huyện)\s+(?:sẽ|tiếp tục|cũng|đã))(?!\w)"
)


# a fact counted after "Trong đó,": "Trong đó, chương trình lễ hội ... có 4 điểm bắn pháo hoa"
_COUNTS_A_FACT = re.compile(
    r"(?:Trong đó|Cụ thể)\s*,\s+(?P<what>[^,;:.]{0,120}?)\s(?:có|gồm|là|đạt|chiếm)\s+"
    r"(?:\d|khoảng\s|gần\s|hơn\s|trên\s)"
)


def _counts_a_fact(span: str) -> bool:
    """(not what to do with what is counted: "Trong đó, rà soát các bệnh viện có trên 500 ...")"""
    fact = _COUNTS_A_FACT.match(span)
    return fact is not None and not _IMPERATIVE.match(fact.group("what"))


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
    continues = (
        connector
        # (not "Đặc biệt, Công văn nêu rõ, Giám đốc các sở ... chịu trách nhiệm trước UBND tỉnh";
        # but "Cùng với đó, tiếp tục ...; đồng thời, chịu trách nhiệm ... trước ..." acts first)
        and not _ANSWERABLE.search(_first_clause(span))
        and not _LEADER_WILL.match(span)
        and not _counts_a_fact(span)
        and not _TELLS_ITSELF.match(span)
    ) or (block.role == "paragraph" and _acts_on_a_condition(span))
    if prev_task is not None and prev_task.lead and continues:
        return new_task(unit.start, unit.end, prev_task.lead, unit.support, "continuation")
    # "- Nghị định số 57/2018/NĐ-CP ... về ...; Nghị quyết số ...": documents an intro lists
    if ctx is not None and all(_CITATION_ITEM.match(p) for p in span.split(";") if p.strip()):
        return None
    if ctx is not None and (block.role == "item" or ctx.paragraphs):
        return new_task(unit.start, unit.end, ctx.lead, unit.support or ctx.support, "under-intro")
    if (
        block.marker is not None
        and _ORDINAL.match(block.marker)
        and prev_task is not None
        and prev_task.lead
        and span[-1:] != ":"
        and _IMPERATIVE.match(span[:1].upper() + span[1:])
    ):  # "... tổ chức thực hiện một số nội dung." + "Thứ nhất, tăng cường triển khai ..."
        return new_task(unit.start, unit.end, prev_task.lead, unit.support, "continuation")
    if ctx is not None and ctx.loose and ctx.lead and _IMPERATIVE.match(span) and span[-1:] != ":":
        # "... yêu cầu các sở, ngành triển khai các nội dung:" over paragraphs whose list marks
        # a web page lost: "Tập trung rà soát ...", "Tiếp tục chủ động ..."
        return new_task(unit.start, unit.end, ctx.lead, unit.support or ctx.support, "under-intro")
    if (
        prev_task is not None
        and prev_task.lead
        and block.role == "paragraph"
        and prev_task.marker is None
        and (
            _IMPERATIVE.match(_after_fronted_time(span))
            or (
                _TOPIC.match(span)
                and not _PAST_TIME.search(span)
                and not _TOPIC_TOLD.search(span, 0, _TOPIC_REACH)
                and ":" not in span
            )
        )
        and span[-1:] != ":"
    ):  # rule 3: "... yêu cầu các cơ quan, đơn vị quán triệt ..." + "Tổ chức tự kiểm tra ..."
        # or what to do where: "Đối với các khu vực dễ bị ảnh hưởng ... thông báo, cảnh báo ..."
        # (a time before it too: "Ngay sau Tết Nguyên đán 2025, tổ chức đoàn công tác ...")
        return new_task(unit.start, unit.end, prev_task.lead, unit.support, "continuation")
    if (
        prev_task is not None
        and prev_task.lead
        and _directs(span)
        and span[-1:] != ":"
        and not _UNKNOWN_OBJECT.match(span)  # "Giao Phó Thủ tướng Trần Hồng Hà ...": someone else
        and not _ANSWERABLE.search(span)  # "..., người đứng đầu phải chịu trách nhiệm trước ..."
    ):
        return new_task(unit.start, unit.end, prev_task.lead, unit.support, "continuation")
    return None


# the one who directs saying what they will do: "Trên cơ sở đó, Phó Thủ tướng sẽ họp với ..."
_LEADER_WILL = re.compile(  # (the subject right after the connector, not a word further on)
    r"[^,.;:]{0,30},\s*(?:Phó\s+)?(?:Thủ tướng|Chủ tịch|Bộ trưởng|Bí thư|lãnh đạo)[^,.;:]{0,40}?"
    r"\s(?:cũng\s+)?sẽ(?!\w)"
)
_ON_A_BASIS = re.compile(r"\s*(?:Căn cứ|Trên cơ sở|Để)\s", re.IGNORECASE)
# an ask and the bodies asked: "yêu cầu các sở, ban, ngành ..." (not "giao": in an account,
# what was given then: "UBND tỉnh giao Thanh tra tỉnh chủ trì ...")
_ASKS_NAMED = re.compile(
    r"(?<!\w)(?:yêu cầu|đề nghị)\s+(?:(?:Giám đốc|Thủ trưởng|Chủ tịch)\s+)?(?:các\s+)?"
    r"(?:[Ss]ở|UBND|Ủy ban|Uỷ ban|Công an|Ban|[Pp]hòng|[Cc]hủ đầu tư|[Đđ]ơn vị|[Cc]ơ quan)(?!\w)"
)
# a task that ends on the list of what to do: "... với những nội dung cơ bản sau:"
_FOLLOWING = re.compile(r"(?<!\w)sau(?: đây)?\s*:$")
_PAST_TIME = re.compile(r"(?<!\w)(?:qua|trước đây|đã)(?!\w)")
# what a topic is, not what to do there: "Đối với ngành y tế, hiện toàn tỉnh có 20 bệnh viện"
_TOPIC_TOLD = re.compile(
    r",\s*(?:hiện(?: nay)?|đây là|năm nay|toàn (?:tỉnh|thành phố|huyện)|tỉnh|thành phố|huyện)(?!\w)"
)
_TOPIC_REACH = 160


_FRONTED_REACH = 80


def _after_fronted_time(span: str) -> str:
    """``span`` past a fronted adverbial ("Ngay sau Tết Nguyên đán 2025, "), its first letter
    capitalised as a sentence's."""
    comma = span.find(", ", 0, _FRONTED_REACH)  # (the adverbial subjects are read after)
    if comma == -1 or not _FRONTED.match(span[: comma + 2]) or _PAST_TIME.search(span, 0, comma):
        return span  # (not a time past: "Trong năm qua, tổ chức 12 đợt" tells what was done)
    rest = span[comma + 2 :]
    return rest[:1].upper() + rest[1:]


# a directive verb read as a noun: "văn bản truyền đạt ý kiến chỉ đạo của Chủ tịch ..."
_NOUN_BEFORE = re.compile(
    r"(?:ý kiến|văn bản|sự|theo|những|các|ban hành|có|ban)\s+$", re.IGNORECASE
)


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
    r"Lên phương án|Lên kế hoạch|Chuẩn bị|Bổ sung|Ngăn chặn|Giám sát|Ứng trực|Tạm dừng|Tạm ngừng|"
    # the tasks just given, to be done: "Các công việc này phải hoàn thành trước 21h00 ..."
    r"(?:Các\s+)?(?:[Cc]ông việc|[Nn]hiệm vụ|[Nn]ội dung)\s+(?:này|trên|nêu trên)\s+(?:phải|cần)|"
    r"Di dời|Sơ tán|Củng cố|Kiện toàn|Hỗ trợ|Phổ biến|Tổng hợp|Đề xuất|Chỉ đạo|"
    r"Báo cáo(?= (?:kết quả|tình hình|tiến độ|về|gửi|xin gửi|định kỳ|bằng văn bản|["
    + CAPITALS
    + r"]))|"
    r"Cung cấp|Định kỳ(?=[^,.;\n]{0,24},?\s(?:báo cáo|tổ chức|kiểm tra|rà soát|tiến hành|tổng hợp|"
    r"gửi|đánh giá))|"
    r"Thông tin cho (?:nhân dân|người dân))(?!\w)"
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
    return _to_addressees(text, block, addressees, "invitation")


def _to_addressees(text: str, block: Block, addressees: list[AgencyMention], rule: str) -> Task:
    """The block as a task of those the document is sent to (rule 8)."""
    task = new_task(block.body_start, block.end, addressees, [], rule)
    task.text = text[task.start : task.end].strip()
    task.marker = block.marker
    return task


def _same_assignees(task: Task, unit: Unit, text: str) -> bool:
    """A new sentence naming the same assignees continues the task, unless it opens with a
    connector ("Đồng thời, các cơ quan ...") which marks a task of its own."""
    if _CONNECTOR_START.match(text[unit.start : unit.end]):
        return False
    return {m.name for m in task.lead} == {m.name for m in unit.lead}
