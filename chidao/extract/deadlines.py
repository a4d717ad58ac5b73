"""Rule 7: the deadline and recurrence of a task.

Reads a task and the time mentions inside it (from ``dates.find_times``); sets
``task.deadline`` and ``task.recurrence``. An explicit deadline ("trước ngày 30/9",
"trong Quý III/2021", "trong thời hạn 15 ngày kể từ ngày ký") beats a bare period
("tháng 8/2021", or "năm 2020" after a plan noun); a time already past at the document's
date is no deadline; with none, the period the document sets for all its tasks.
Recurrences ("hàng tháng") are not deadlines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from chidao.extract.model import Task, TimeMention
from chidao.extract.segment import CAPITALS

_PLAN_NOUN = re.compile(
    r"(?<!\w)(?:kế hoạch|nhiệm vụ|chỉ tiêu|mục tiêu|vốn|ngân sách|dự toán|giải ngân|đề ra|"
    r"thu|chi|năm kế hoạch|xây dựng cơ bản)(?!\w)",
    re.IGNORECASE,
)
_STRONG = ("deadline", "relative")
# a sentence of its own that sets the time of all the tasks given ("Thời hạn thực hiện nhiệm
# vụ được giao trước ngày 31/7/2023."): the document's frame (rule 7), no task itself
TERM_OF_TASKS = re.compile(  # (opens on its literal: ``document_period`` scans the text)
    r"Thời hạn (?:thực hiện|hoàn thành)(?: các)? (?:nhiệm vụ|nội dung|công việc)"
    r"(?: (?:được giao|được phân công|nêu trên|trên|này))*\s*(?::|là)?\s*"
)


def attach_times(
    task: Task,
    times: Sequence[TimeMention],
    reference_date: date | None,
    default: TimeMention | None,
) -> None:
    inside = [t for t in times if t.end <= task.end]  # (``times`` start inside the task)
    if task.rule.startswith("enumeration") or task.rule == "under-intro":
        inside = [
            t for t in inside if t.kind in _STRONG or t.kind == "recurrence" or _announced(task, t)
        ]
    task.recurrence = next((t.recurrence for t in inside if t.kind == "recurrence"), None)
    candidates = [
        t for t in inside if t.value is not None and _can_be_deadline(task, t, reference_date)
    ]
    candidates = _before_next_step(task, candidates)
    dated = [t for t in candidates if t.kind == "relative" or t.rule.endswith("-date")]
    strong = [t for t in candidates if t.kind in _STRONG]
    pool = dated or strong or candidates  # "trước ngày 15/10" beats "cả năm 2021" beside it
    if task.recurrence is not None:
        return  # "trước ngày 05/6 và 05/12 hàng năm": a recurring task has no deadline (rule 7)
    if pool:
        task.deadline = max(pool, key=lambda t: t.value or date.min)
    elif default is not None:
        task.deadline = default


# the next step, someone else's, after the task's own time: "gửi hồ sơ trước ngày 28-10 để
# Sở tổ chức thẩm định, trình UBND tỉnh trước ngày 10-11"
_SO_THAT = re.compile(  # ("để Sở tổ chức ...", "để các sở, ngành thẩm định ...", not "để bảo đảm")
    r"[,\s]để\s+(?=[" + CAPITALS + r"]|các\s|cơ quan\s|đơn vị\s)"
)


def _before_next_step(task: Task, candidates: list[TimeMention]) -> list[TimeMention]:
    """``candidates`` up to the first "để" that follows one of them."""
    for i, t in enumerate(candidates[:-1]):
        nxt = candidates[i + 1]
        if _SO_THAT.search(task.text, t.end - task.start, nxt.start - task.start):
            return candidates[: i + 1]
    return candidates


# a period given as the task's own time: "Thời gian hoàn thành: Quý III/2026"
_TIME_LABEL = re.compile(
    r"(?:thời gian|thời hạn|tiến độ)(?:\s+(?:hoàn thành|thực hiện))?\s*:?\s*(?:trong\s+)?$",
    re.IGNORECASE,
)


def _announced(task: Task, t: TimeMention) -> bool:
    offset = t.start - task.start
    return t.kind == "period" and bool(_TIME_LABEL.search(task.text[max(0, offset - 40) : offset]))


def _can_be_deadline(task: Task, t: TimeMention, reference_date: date | None) -> bool:
    if t.kind not in ("deadline", "relative", "period"):
        return False
    if reference_date is not None and t.value is not None and t.value < reference_date:
        return False
    if _AND_AFTER.match(task.text, t.end - task.start):
        return False  # "trong năm 2026 và các năm tiếp theo": from then on, no due day
    if t.kind == "deadline" and _DONE_BEFORE.search(
        task.text, max(0, t.start - task.start - 60), t.start - task.start
    ):  # "các dự án đã được UBND tỉnh phê duyệt trước ngày 31/5/2021": which ones, not when
        return False
    if t.kind == "period" and _MEETING_BEFORE.search(
        task.text, max(0, t.start - task.start - 80), t.start - task.start
    ):  # "Nghị quyết phiên họp Chính phủ thường kỳ tháng 8/2015": when the cited meeting met,
        return False  # not a due time (not "báo cáo tại phiên họp thường kỳ tháng 4/2021")
    return not (t.kind == "period" and t.rule.endswith("year")) or _plan_noun_before(task, t)


_AND_AFTER = re.compile(r"\s*(?:,\s*)?(?:và|cùng)\s+(?:các|những)\s+năm\s+(?:tiếp theo|sau)(?!\w)")
_DONE_BEFORE = re.compile(
    r"(?<!\w)đã\s+được\s+(?:[^\s,;.:]+\s+){0,4}?(?:phê duyệt|ban hành|cấp phép|thành lập|phân bổ|"
    r"bố trí|cấp|ký)\s+$"
)
_MEETING_BEFORE = re.compile(
    r"(?:nghị quyết|kết luận|thông báo)\s+(?:của\s+)?(?:phiên họp|hội nghị|cuộc họp|kỳ họp)"
    r"[^,;.:]{0,40}?(?:thường kỳ|phiên họp|hội nghị|cuộc họp|kỳ họp|giao ban|Chính phủ)\s*$",
    re.IGNORECASE,
)


def _plan_noun_before(task: Task, t: TimeMention) -> bool:
    """A bare "năm 2020" is a deadline for a plan, target or budget ("kế hoạch năm 2020",
    "vốn đầu tư xây dựng cơ bản năm 2020"), not for an event ("kỳ thi ... năm 2020"), nor
    for the plan or budget being drawn up ("xây dựng dự toán ngân sách năm 2019", "dự kiến
    kế hoạch năm 2020", "cho ý kiến hồ sơ Kế hoạch sử dụng đất năm 2025": the year it is
    for, not when it is due)."""
    offset = t.start - task.start
    plan = _PLAN_NOUN.search(task.text, max(0, offset - 40), offset)
    return plan is not None and not _DRAWN_UP.search(
        task.text, max(0, plan.start() - 50), plan.start()
    )


_DRAWN_UP = re.compile(  # (or still a draft: "hoàn thiện hồ sơ Kế hoạch sử dụng đất năm 2025")
    r"(?<!\w)(?:xây dựng|lập|dự kiến|dự thảo|chuẩn bị|hoàn thiện|góp ý|cho ý kiến|lấy ý kiến|"
    r"thẩm định|hồ sơ)\s+(?:\w+\s+){0,5}$"
)


def attribute_deadline(
    spans: Sequence[tuple[int, int]], times: Sequence[TimeMention], reference_date: date | None
) -> TimeMention | None:
    """The latest deadline, period or day named in the ``spans`` of "Thời gian thực hiện:"
    lines (an item's attribute lines in a plan; a day there is when it must be done)."""
    found = [
        t
        for start, end in spans
        for t in times
        if start <= t.start and t.end <= end and t.value is not None
        if t.kind in ("deadline", "relative", "period", "date")
        and (reference_date is None or t.value >= reference_date)
    ]
    return max(found, key=lambda t: t.value or date.min) if found else None
