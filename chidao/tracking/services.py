"""Everything that changes a task or an assignment. Pages, the API and jobs call these.

Each function checks who may act, checks that the state allows the step, applies it in
one transaction with its history entry, and refuses to overwrite a change made by someone
else since the caller read the row (``version``): the caller gets :class:`Conflict` and
shows the current values instead of silently losing them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.accounts.roles import agency_id_of, is_office, is_officer
from chidao.audit.services import changed, record
from chidao.common import clock
from chidao.common.errors import ActionError, Conflict, NotAllowed
from chidao.registry import succession
from chidao.registry.models import Agency
from chidao.tracking import horizon, recurrence
from chidao.tracking.files import store_evidence
from chidao.tracking.models import (
    Assignment,
    ExtensionRequest,
    ExtensionState,
    Recurrence,
    Report,
    ReportKind,
    Role,
    State,
    Task,
)

# --- helpers ------------------------------------------------------------------------------


_TRACKED = ("state", "deadline", "done_on", "progress", "agency_id")


def _snapshot(a: Assignment) -> dict[str, Any]:
    return {name: getattr(a, name) for name in _TRACKED}


def _save(a: Assignment, read_version: int | None, fields: dict[str, Any]) -> None:
    """Write ``fields`` if the row still has the version the caller read; bump it."""
    version = a.version if read_version is None else read_version
    rows = Assignment.objects.filter(pk=a.pk, version=version).update(
        version=F("version") + 1, updated_at=clock.now(), **fields
    )
    if rows != 1:
        raise Conflict()
    for name, value in fields.items():
        setattr(a, name, value)
    a.version = version + 1


def _locked(a: Assignment) -> Assignment:
    """The row re-read under a lock, so the state checks below see the latest values."""
    return Assignment.objects.select_for_update().select_related("task", "agency").get(pk=a.pk)


def _require_officer_of(user: Any, a: Assignment) -> None:
    if not (is_officer(user) and agency_id_of(user) == a.agency_id):
        raise NotAllowed(_("Chỉ cán bộ của đơn vị được giao mới thực hiện được thao tác này."))


def _require_office(user: Any) -> None:
    if not is_office(user):
        raise NotAllowed(_("Chỉ chuyên viên Văn phòng mới thực hiện được thao tác này."))


def _require_state(a: Assignment, allowed: Iterable[str], step: str) -> None:
    if a.state not in allowed:
        raise ActionError(
            _("Không thể %(step)s khi nhiệm vụ đang ở trạng thái “%(state)s”.")
            % {"step": step, "state": a.get_state_display()}
        )


def _transition(
    user: Any,
    a: Assignment,
    read_version: int | None,
    action: str,
    summary: str,
    **fields: Any,
) -> None:
    before = _snapshot(a)
    _save(a, read_version, fields)
    old, new = changed(before, _snapshot(a))
    record(user, action, summary, assignment=a, before=old, after=new)


# --- creating tasks -----------------------------------------------------------------------


@dataclass(frozen=True)
class NewTask:
    """What a reviewer accepted: the text, who leads, who supports, when."""

    text: str
    lead: Sequence[int]  # Agency primary keys
    support: Sequence[int] = ()
    deadline: date | None = None
    recurrence: str = ""
    marker: str = ""
    start: int | None = None
    end: int | None = None
    candidate_id: int | None = None
    recur_from: date | None = None  # a recurring task: instances from this day (else today)


def create_task(user: Any, document: Any, new: NewTask, *, order: int, today: date) -> Task:
    """Register one task with an assignment per agency (lead first, then support).

    A recurring task becomes a series whose instances start from ``new.recur_from`` (the
    registration day, ``today``, when not given) and run to ``today``'s period, each due
    on the day its text names (chidao/tracking/recurrence.py).
    Must run inside the caller's transaction (registration of a whole document).
    """
    if not new.lead:
        raise ActionError(
            _("Nhiệm vụ “%(text)s” chưa có đơn vị chủ trì.") % {"text": new.text[:60]}
        )
    if new.recurrence not in Recurrence.values:
        raise ActionError(_("Định kỳ không hợp lệ: “%(value)s”.") % {"value": new.recurrence})
    horizon.check(new.deadline, document)
    due = _due_day(new)
    task = Task.objects.create(
        document=document,
        candidate_id=new.candidate_id,
        order=order,
        marker=new.marker,
        text=new.text,
        start=new.start,
        end=new.end,
        deadline=new.deadline,
        recurrence=new.recurrence,
        created_by=user,
        series_agencies=(
            {"lead": list(new.lead), "support": list(new.support)} if new.recurrence else {}
        ),
        recur_from=(new.recur_from or today) if new.recurrence else None,
        due_day=due.day,
        due_month=due.month,
    )
    record(user, "task.created", f"Đăng ký nhiệm vụ: {new.text[:200]}", task=task)
    if task.recurrence:
        create_instances(user, task, today=today)
    else:
        _assign(user, task, new.lead, new.support)
    return task


def _due_day(new: NewTask) -> recurrence.DueDay:
    """Where a recurring task falls due in its period: as its text says, else on the day
    of the reviewer's deadline."""
    if not new.recurrence:
        return recurrence.NO_DAY
    due = recurrence.due_from_text(new.recurrence, new.text)
    if due.day is None and new.deadline is not None:
        due = recurrence.due_from_deadline(new.recurrence, new.deadline)
    return due


def _assign(user: Any, task: Task, lead: Sequence[int], support: Sequence[int]) -> None:
    roles = {pk: Role.LEAD for pk in lead}
    for pk in support:
        roles.setdefault(pk, Role.SUPPORT)
    rows = [
        Assignment(
            task=task,
            document_id=task.document_id,
            agency_id=pk,
            role=role,
            deadline=task.deadline,
            original_deadline=task.deadline,
        )
        for pk, role in roles.items()
    ]
    Assignment.objects.bulk_create(rows)
    names = ", ".join(str(a.agency_id) for a in rows)
    record(
        user, "task.assigned", f"Giao cho {len(rows)} đơn vị", task=task, after={"agencies": names}
    )


def create_instances(user: Any, series: Task, *, today: date) -> list[Task]:
    """Create the missing instances of a recurring series, from its start to the period
    of ``today`` (chidao/tracking/recurrence.instance_periods), with the series' agencies.

    Idempotent (one instance per period, enforced by a unique constraint); an instance
    once made is never changed here, so a deadline set on it stays.
    """
    lead, support = _series_agencies(series)
    have = set(series.instances.values_list("period_start", flat=True))
    made: list[Task] = []
    due = recurrence.DueDay(series.due_day, series.due_month)
    start = series.recur_from or timezone.localdate(series.created_at)
    periods = recurrence.instance_periods(
        series.recurrence, due, start=start, today=today, kept=series.deadline,
        until=series.recur_until,
    )  # fmt: skip
    for period, deadline in periods:
        if period.start in have:
            continue
        instance = Task.objects.create(
            document_id=series.document_id,
            order=series.order,
            marker=series.marker,
            text=series.text,
            start=series.start,
            end=series.end,
            deadline=deadline,
            series=series,
            period_start=period.start,
            period_end=period.end,
            created_by=user,
        )
        _assign(user, instance, lead, support)
        made.append(instance)
    return made


def _series_agencies(series: Task) -> tuple[list[int], list[int]]:
    agencies = series.series_agencies or {}
    return list(agencies.get("lead", [])), list(agencies.get("support", []))


# --- the agency's steps -------------------------------------------------------------------


@transaction.atomic
def report_progress(
    user: Any,
    a: Assignment,
    text: str,
    progress: int,
    files: Sequence[UploadedFile] = (),
    *,
    read_version: int | None = None,
) -> Report:
    """An officer reports progress (0–100 %) with optional evidence files."""
    _require_officer_of(user, a)
    if not 0 <= progress <= 100:
        raise ActionError(_("Tiến độ phải từ 0 đến 100%."))
    if not text.strip():
        raise ActionError(_("Nội dung báo cáo không được để trống."))
    locked = _locked(a)
    _require_state(locked, OPEN_FOR_REPORTS, _("báo cáo tiến độ"))
    _check_version(locked, read_version)
    state = State.IN_PROGRESS if locked.state == State.NOT_STARTED else locked.state
    now = clock.now()
    _transition(
        user, locked, None, "assignment.progress", f"Báo cáo tiến độ {progress}%",
        state=state, progress=progress, last_report_at=now,
    )  # fmt: skip
    report = _add_report(user, locked, ReportKind.PROGRESS, text, files, progress=progress)
    _copy(locked, a)
    return report


OPEN_FOR_REPORTS = (State.NOT_STARTED, State.IN_PROGRESS, State.REDO)


@transaction.atomic
def mark_done(
    user: Any,
    a: Assignment,
    text: str,
    files: Sequence[UploadedFile] = (),
    *,
    today: date,
    read_version: int | None = None,
) -> Report:
    """An officer reports the task done: chờ xác nhận, with ``today`` as completion day."""
    _require_officer_of(user, a)
    if not text.strip():
        raise ActionError(_("Hãy mô tả kết quả thực hiện."))
    locked = _locked(a)
    _require_state(locked, OPEN_FOR_REPORTS, _("báo cáo hoàn thành"))
    _check_version(locked, read_version)
    _transition(
        user, locked, None, "assignment.done", "Báo cáo hoàn thành, chờ Văn phòng xác nhận",
        state=State.AWAITING, done_on=today, progress=100, last_report_at=clock.now(),
    )  # fmt: skip
    report = _add_report(user, locked, ReportKind.DONE, text, files, progress=100)
    _copy(locked, a)
    return report


@transaction.atomic
def refuse(user: Any, a: Assignment, reason: str, *, read_version: int | None = None) -> Report:
    """An officer refuses a task that is not their agency's, with a reason."""
    _require_officer_of(user, a)
    if not reason.strip():
        raise ActionError(_("Hãy nêu lý do từ chối."))
    locked = _locked(a)
    _require_state(locked, (State.NOT_STARTED, State.IN_PROGRESS), _("từ chối"))
    _check_version(locked, read_version)
    _transition(
        user, locked, None, "assignment.refused", f"Từ chối nhiệm vụ: {reason[:200]}",
        state=State.REFUSED,
    )  # fmt: skip
    report = _add_report(user, locked, ReportKind.REFUSAL, reason, ())
    _copy(locked, a)
    return report


@transaction.atomic
def request_extension(
    user: Any,
    a: Assignment,
    new_deadline: date,
    reason: str,
    *,
    today: date,
    read_version: int | None = None,
) -> ExtensionRequest:
    """An officer asks for a later deadline, with a reason; one pending request at a time."""
    _require_officer_of(user, a)
    if not reason.strip():
        raise ActionError(_("Hãy nêu lý do đề nghị gia hạn."))
    locked = _locked(a)
    _require_state(locked, (*OPEN_FOR_REPORTS, State.AWAITING), _("đề nghị gia hạn"))
    _check_version(locked, read_version)
    if locked.deadline is not None and new_deadline <= locked.deadline:
        raise ActionError(_("Thời hạn đề nghị phải sau thời hạn hiện tại."))
    if new_deadline < today:
        raise ActionError(_("Thời hạn đề nghị không được ở quá khứ."))
    horizon.check(new_deadline, locked.document)
    if locked.extension_requests.filter(state=ExtensionState.PENDING).exists():
        raise ActionError(_("Đã có một đề nghị gia hạn đang chờ quyết định."))
    req = ExtensionRequest.objects.create(
        assignment=locked, requested_deadline=new_deadline, reason=reason, requested_by=user
    )
    record(
        user, "extension.requested",
        f"Đề nghị gia hạn đến {new_deadline:%d/%m/%Y}: {reason[:200]}",
        assignment=locked, after={"requested_deadline": new_deadline},
    )  # fmt: skip
    return req


# --- the Office's steps -------------------------------------------------------------------


@transaction.atomic
def confirm(user: Any, a: Assignment, note: str = "", *, read_version: int | None = None) -> None:
    """The Office confirms a reported completion: đã hoàn thành on the reported day."""
    _require_office(user)
    locked = _locked(a)
    _require_state(locked, (State.AWAITING,), _("xác nhận hoàn thành"))
    _check_version(locked, read_version)
    _transition(user, locked, None, "assignment.confirmed", "Xác nhận hoàn thành", state=State.DONE)
    _add_report(user, locked, ReportKind.CONFIRMED, note or "Xác nhận hoàn thành.", ())
    _copy(locked, a)


@transaction.atomic
def return_completion(
    user: Any, a: Assignment, reason: str, *, read_version: int | None = None
) -> None:
    """The Office returns a reported completion: thực hiện lại, with a reason."""
    _require_office(user)
    if not reason.strip():
        raise ActionError(_("Hãy nêu lý do trả lại."))
    locked = _locked(a)
    _require_state(locked, (State.AWAITING,), _("trả lại"))
    _check_version(locked, read_version)
    _transition(
        user, locked, None, "assignment.returned", f"Trả lại: {reason[:200]}",
        state=State.REDO, done_on=None,
    )  # fmt: skip
    _add_report(user, locked, ReportKind.RETURNED, reason, ())
    _copy(locked, a)


@transaction.atomic
def decide_extension(
    user: Any,
    req: ExtensionRequest,
    *,
    grant: bool,
    note: str = "",
    read_version: int | None = None,
) -> ExtensionRequest:
    """The Office grants (the deadline moves) or denies a pending extension request.

    ``read_version`` is the version of the assignment the decider was shown.
    """
    _require_office(user)
    locked_req = ExtensionRequest.objects.select_for_update().get(pk=req.pk)
    if locked_req.state != ExtensionState.PENDING:
        raise ActionError(_("Đề nghị gia hạn này đã được quyết định."))
    locked_req.state = ExtensionState.GRANTED if grant else ExtensionState.DENIED
    locked_req.decided_by = user
    locked_req.decided_at = clock.now()
    locked_req.decision_note = note
    a = _locked(locked_req.assignment)
    _check_version(a, read_version)
    if grant:
        horizon.check(locked_req.requested_deadline, a.document)
    locked_req.save()
    if grant:
        _transition(
            user, a, None, "extension.granted",
            f"Đồng ý gia hạn đến {locked_req.requested_deadline:%d/%m/%Y}",
            deadline=locked_req.requested_deadline,
        )  # fmt: skip
    else:
        record(user, "extension.denied", f"Không đồng ý gia hạn: {note[:200]}", assignment=a)
    return locked_req


@transaction.atomic
def postpone(user: Any, a: Assignment, reason: str, *, read_version: int | None = None) -> None:
    """The Office suspends an assignment (tạm hoãn): it leaves the giao ban counts."""
    _require_office(user)
    locked = _locked(a)
    _require_state(locked, (*OPEN_FOR_REPORTS, State.AWAITING), _("tạm hoãn"))
    _check_version(locked, read_version)
    _transition(
        user, locked, None, "assignment.postponed", f"Tạm hoãn: {reason[:200]}",
        state=State.POSTPONED,
    )  # fmt: skip
    _copy(locked, a)


@transaction.atomic
def resume(user: Any, a: Assignment, *, read_version: int | None = None) -> None:
    """The Office resumes a postponed assignment."""
    _require_office(user)
    locked = _locked(a)
    _require_state(locked, (State.POSTPONED,), _("tiếp tục"))
    _check_version(locked, read_version)
    state = State.IN_PROGRESS if locked.last_report_at else State.NOT_STARTED
    _transition(user, locked, None, "assignment.resumed", "Tiếp tục thực hiện", state=state)
    _copy(locked, a)


@transaction.atomic
def reassign(
    user: Any, a: Assignment, agency_id: int, *, read_version: int | None = None
) -> Assignment:
    """The Office gives a refused assignment to another agency (a new assignment); a body
    dissolved or merged by then hands it to its successor, and one without is refused."""
    _require_office(user)
    locked = _locked(a)
    _require_state(locked, (State.REFUSED,), _("giao lại"))
    _check_version(locked, read_version)
    today = clock.today()
    day = max(locked.deadline, today) if locked.deadline else today
    target = Agency.objects.filter(pk=agency_id).first()
    if target is not None:
        agency_id = succession.carriers([target], day, item=_("Giao lại"))[0][0]
    if Assignment.objects.filter(task_id=locked.task_id, agency_id=agency_id).exists():
        raise ActionError(_("Đơn vị này đã được giao nhiệm vụ này."))
    new = Assignment.objects.create(
        task_id=locked.task_id,
        document_id=locked.document_id,
        agency_id=agency_id,
        role=locked.role,
        deadline=locked.deadline,
        original_deadline=locked.original_deadline,
        reassigned_from=locked,
    )
    record(
        user, "assignment.reassigned", f"Giao lại cho {new.agency}",
        assignment=new, before={"agency_id": locked.agency_id}, after={"agency_id": agency_id},
    )  # fmt: skip
    return new


# --- shared -------------------------------------------------------------------------------


def _check_version(locked: Assignment, read_version: int | None) -> None:
    if read_version is not None and locked.version != read_version:
        raise Conflict()


def _copy(src: Assignment, dst: Assignment) -> None:
    """Refresh the caller's object with what was saved."""
    if src is not dst:
        for name in (*_TRACKED, "version", "last_report_at"):
            setattr(dst, name, getattr(src, name))


def _add_report(
    user: Any,
    a: Assignment,
    kind: str,
    text: str,
    files: Sequence[UploadedFile],
    *,
    progress: int | None = None,
) -> Report:
    report = Report.objects.create(
        assignment=a, kind=kind, text=text, progress=progress, author=user
    )
    for upload in files:
        try:
            store_evidence(report, upload)
        except ValidationError as exc:
            raise ActionError(" ".join(exc.messages)) from exc
    return report


def create_due_instances(*, today: date) -> int:
    """New periods' instances for every recurring series (daily job); the number made.

    Each series in its own transaction, so one bad series does not hold back the others.
    """
    made = 0
    series_ids = Task.objects.filter(series__isnull=True).exclude(recurrence="")
    for pk in series_ids.values_list("pk", flat=True):
        with transaction.atomic():
            series = Task.objects.select_for_update().get(pk=pk)
            made += len(create_instances(None, series, today=today))
    return made


# --- archive import -----------------------------------------------------------------------


@transaction.atomic
def record_archived(user: Any, document_id: int, *, fallback: date) -> int:
    """Mark every assignment of an archived directive done as the archive has it: on its
    deadline, else on ``fallback`` (the directive's date, or today); each in the history.
    The number of assignments.

    For the import of closed directives (documents/batch.py), which runs from the CLI as
    well as from the Office's import page: no role is checked here. Its recurring tasks
    end with the instances it has: the daily command makes no new ones.
    """
    for series in Task.objects.filter(document_id=document_id, series__isnull=True).exclude(
        recurrence=""
    ):
        last = series.instances.order_by("-period_end").values_list("period_end", flat=True)
        series.recur_until = last.first() or fallback
        series.save(update_fields=["recur_until"])
    count = 0
    for a in Assignment.objects.filter(document_id=document_id).select_related("task"):
        done_on = a.deadline or fallback
        before = a.state
        _save(a, None, {"state": State.DONE, "done_on": done_on, "progress": 100})
        record(
            user, "assignment.archived", "Nhập từ lưu trữ: nhiệm vụ đã hoàn thành",
            assignment=a, before={"state": before},
            after={"state": State.DONE, "done_on": done_on.isoformat()},
        )  # fmt: skip
        count += 1
    return count
