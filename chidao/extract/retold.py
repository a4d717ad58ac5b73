"""Rule 4, one task once, and the last clean-up of a document's tasks: repeats dropped
(``_dedupe``), a news lead its body retells or sums up, the issuer announcing its own action,
a last task a page cut off before its action.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chidao.extract.grammar import (
    CONNECTORS,
    TRIGGER,
    WORD,
    Mentions,
)
from chidao.extract.model import Task
from chidao.extract.names import _PROVINCE
from chidao.extract.segment import CAPITALS, Block

_DEDUPE_WINDOW = 60  # a repeat is near its first telling, or of the lead at the top


_DEDUPE_LEAD = 12


_RETELLS_MORE = 0.9  # a longer telling of the same assignees: a retelling only this close


def _dedupe(tasks: list[Task]) -> list[Task]:
    """Rule 4: keep the first telling of a task. Linear: each task is compared with the
    tasks just before it and with the first few of the document (a news lead). Two
    numbered items are two tasks however alike (rule 2): a repeat is running text."""
    kept: list[Task] = []
    # the words and leads of each kept task (and where it is in ``kept``); ``running``: those
    # of each kept task not a numbered item
    every: list[tuple[set[str], set[str], int]] = []
    running: list[tuple[set[str], set[str], int]] = []
    for task in tasks:
        words = set(task.text.lower().split())
        leads = {m.name for m in task.lead}
        numbered = task.marker is not None
        pool = running if numbered else every
        if len(pool) > _DEDUPE_LEAD + _DEDUPE_WINDOW:  # (a shorter pool: each task once)
            pool = pool[:_DEDUPE_LEAD] + pool[-_DEDUPE_WINDOW:]
        own_sentence = task.text[:1].isupper()  # (not a piece of one: "các doanh nghiệp ...")
        first = next((e for e in pool if _retells(words, leads, e[0], e[1], own_sentence)), None)
        if first is not None:
            w, names, at = first
            earlier = kept[at]
            if numbered or earlier.marker is not None or not names < leads or len(words) <= len(w):
                continue
            # the body retells the lead naming more of whom it asks ("... yêu cầu Bộ Tài chính
            # ..." and then "... gửi Bộ trưởng Bộ Tài chính, Bộ trưởng Bộ Nội vụ và Chủ tịch
            # UBND các tỉnh ..., yêu cầu ..."): the fuller telling is the task, where the first was
            kept[at] = task
            every.append((words, leads, at))
            running.append((words, leads, at))
            continue
        kept.append(task)
        every.append((words, leads, len(kept) - 1))
        if not numbered:
            running.append((words, leads, len(kept) - 1))
    return kept


_FUTURE = re.compile(r"\s*(?:cũng\s+|sau đó\s+)?sẽ(?!\w)", re.IGNORECASE)
# (the words that qualify it between: "các đơn vị nghiệp vụ sẽ huy động ...")
_FUTURE_AFTER = re.compile(r"(?:[^\S\n]+[^\W\d_]+){0,2}?" + _FUTURE.pattern, re.IGNORECASE)
_TAKES_A_ROLE = re.compile(r"\s+(?:chủ trì|phối hợp|là cơ quan thường trực)(?!\w)")
_LEADING = re.compile(rf"(?:{CONNECTORS})\s*,\s*", re.IGNORECASE)  # ("Theo đó, ...") before it


def _drop_own_announcements(
    tasks: list[Task], text: str, blocks: Sequence[Block], mentions: Mentions
) -> list[Task]:
    """Rule 8: the issuer announcing its own future action ("Sở Giáo dục và Đào tạo sẽ
    tổ chức kiểm tra ...", the Sở heading the letter) directs no one; nor, in a report, does
    a body that opens a sentence saying what it will do ("Ban Chỉ đạo thành phố sẽ kiểm tra")."""
    header = [b for b in blocks if b.role == "header"]
    if not header:  # a news report: a body that says what it will do is asked by no one
        if not mentions.report:
            return tasks
        return [
            t
            for t in tasks
            if not (
                t.lead
                and t.marker is None
                and t.rule == "subject"
                and (
                    t.lead[0].start == t.start or _LEADING.fullmatch(text, t.start, t.lead[0].start)
                )
                and (will := _FUTURE_AFTER.match(text, t.lead[-1].end)) is not None
                and not _TAKES_A_ROLE.match(text, will.end())  # ("... sẽ chủ trì, phối hợp ...":
                # the role the reported plan gives it)
            )
        ]
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
    # (its leads: partners come after the action, "... phối hợp với các địa phương, đơn v")
    named = [m.end for m in last.lead if last.start <= m.start < last.end]
    after = WORD.findall(text, max(named), last.end) if named else []
    if not named and (ask := list(TRIGGER.finditer(text, last.start, last.end))):
        told = WORD.findall(text, ask[-1].end(), last.end)  # "... trân trọng đề nghị Chủ tịch Ủy
        if told and all(w[0].isupper() or w in _NAME_SYLLABLES for w in told):  # ban Trung
            # ương": whom, and no more
            return tasks[:-1]
    acting = [w for w in after[:-1] if not w[0].isupper() and w not in _ADJUNCT_WORDS]
    if (named and sum(not w[0].isupper() for w in after) < _CUT_ACTION_WORDS) or (
        named and not acting
    ):
        # only its assignees are left: "Điều 3. Thủ trưởng các sở, ... các hu", "... yêu cầu Bộ
        # Chỉ huy Quân sự tỉnh, Công an tỉnh, Sở Xây dựng, Cảng vụ hàng"; or they and the
        # words that frame any duty: "Các sở, ngành theo chức năng nhiệm vụ được gi"
        return tasks[:-1]
    return tasks


# the words that frame a duty without being one ("theo chức năng, nhiệm vụ được giao", "trong
# phạm vi quyền hạn của mình", "có liên quan trên địa bàn")
_ADJUNCT_WORDS = frozenset(
    "theo chức năng nhiệm vụ được giao trong phạm vi quyền hạn của mình có liên quan trên địa "
    "bàn thuộc và các cấp ngành".split()
)


# the small-letter syllables of titles and names of bodies: "Chủ tịch", "Giám đốc", "nhân dân"
_NAME_SYLLABLES = frozenset("tịch trưởng đốc tướng thư nhân dân ương quốc hội ban".split())
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
        in_top = (
            any(b.start <= task.start < b.end for b in top)
            and not _GOES_ON.match(task.text)
            and not task.rule.startswith("enumeration")  # (an item of a list: "Đối với Bộ Y tế:
            # Đẩy nhanh ...; Đảm bảo đủ vắc xin ...; Phối hợp ... bảo đảm ... vắc xin ...")
        )
        if in_top and task.marker is None and _retold(task, tasks[i + 1 :]):
            continue
        if in_top and task.marker is None and _summarises(task, tasks[i + 1 :], top):
            continue
        out.append(task)
    return out


# a paragraph that goes on from the one before is the body's, never the lead: "Theo đó, ..."
_GOES_ON = _LEADING


# the lead reports the directive issued: "UBND tỉnh vừa ban hành công văn (số ...) yêu cầu ...",
# "Thủ tướng vừa ký Công điện số 210/CĐ-TTg chỉ đạo ...", "Ngày 31/5, UBND tỉnh ban hành Văn
# bản chỉ đạo ..." (not an ask to issue one: "yêu cầu các quận ban hành kế hoạch ...")
_ISSUED_NOW = re.compile(
    r"(?:(?<!\w)(?:vừa|đã)\s+|^[^\S\n]*[-–+•]?[^\S\n]*(?:(?:Cũng\s+)?[Tt]rong\s+|Cũng\s+)?[Nn]gày\s+"
    r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?\s*,[^.\n]{0,80}?)"
    r"(?:ký|ban hành|có|gửi)(?:\s+ban hành)?\s+(?:\(?\s*)?"
    r"(?:công văn|văn bản|công điện|chỉ thị|kế hoạch|thông báo|quyết định|lệnh)",
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
    words = set(WORD.findall(task.text.lower()))
    groups = _named(task)
    for t in body:
        shared = _overlap(words, set(WORD.findall(t.text.lower())))
        if shared >= _SUMS_UP or (shared >= _SUMS_UP_SAME and groups & _named(t)):
            return True
    return False


_SUMS_UP = 0.7  # the lead's words the body's telling holds (a lead with its own ask says less)
_SUMS_UP_SAME = 0.38  # ... when the body gives it to the same groups: its own words, shorter


_SAPO_PARAGRAPHS = 6  # headline and lead paragraph; a page's clutter may stand before them


def _retold(task: Task, later: list[Task]) -> bool:
    """A later task says it again, in full: the same assignees, most of the words, no fewer."""
    names = _named(task)
    words = set(WORD.findall(task.text.lower()))
    return any(
        (_named(t) == names or _named(t, with_partners=True) == names)
        and not t.rule.startswith("closing:")  # "... để UBND các xã biết, thực hiện./."
        and len(t.text) >= len(task.text) * _RETOLD_LENGTH  # (not a shorter remark on them)
        and _overlap(words, set(WORD.findall(t.text.lower()))) >= _RETOLD_WORDS
        for t in later[:40]
    )


_RETOLD_LENGTH = 0.8  # the body's telling is about as long as the lead's, or longer


# the lead's words the body's telling holds: most of them (a lead that asks something else of
# the same group shares the common words of any ask, about half)
_RETOLD_WORDS = 0.6


_LEVEL_END = re.compile(r"\s+(?:tỉnh|[Tt]hành phố)(?:\s+[" + CAPITALS + r"]\w*)*$")


def _named(task: Task, *, with_partners: bool = False) -> set[str]:
    """The bodies a task names, as a headline and its body may both write them: "Cục Thống kê
    tỉnh (Lâm Đồng)" is "Cục Thống kê"; "các đơn vị liên quan" beside them names no one; with
    its partners, as a lead that lists everyone may tell a body's "X chủ trì, phối hợp Y"."""
    return {
        _PROVINCE_END.sub("", _LEVEL_END.sub("", m.name))  # ("Sở Y tế Quảng Trị": "Sở Y tế")
        for m in (task.lead + task.support if with_partners else task.lead)
        if not m.vague
    }


_PROVINCE_END = re.compile(_PROVINCE.pattern + "$")


def _retells(
    words: set[str], leads: set[str], w: set[str], names: set[str], own_sentence: bool = False
) -> bool:
    """A task of ``words`` and ``leads`` retells an earlier one of ``w`` and ``names``: it
    says no more than the first telling, or names someone it named in nearly the same words
    (not "Đặc biệt các quận, huyện ... tăng cường ứng trực, ..."). The plain tests first:
    most pairs fail them, and the overlap of two sets of words is the costly part."""
    if len(words) > _RETELLING_WORDS:
        return False  # a long passage of its own is no repeat of a lead (a plan's sections)
    if len(words) <= len(w):
        # (others named in words of the first: "Giao các sở, ... phối hợp với Sở Công Thương
        # để thực hiện ..." after Sở Công Thương's own long task is a task of its own)
        others = own_sentence and leads and names and not leads & names
        return _overlap(words, w) >= (0.9 if others else 0.8)
    return bool(leads & names) and _overlap(words, w) >= _RETELLS_MORE


_RETELLING_WORDS = 90  # distinct words a repeat of an earlier telling holds, at most


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
