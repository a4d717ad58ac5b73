"""Ingest (file → Document with proposed tasks) and registration (accepted → tasks).

An upload is checked and its original stored first (content-addressed, never changed);
the extraction then runs as a background job (chidao/documents/jobs.py) that creates the
Document and its candidates in one transaction, so a failure leaves no half-made
document, only a failed job that says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from chidao.accounts.roles import is_office
from chidao.audit.services import record
from chidao.common import clock
from chidao.common.errors import ActionError, NotAllowed
from chidao.common.uploads import DIRECTIVE_TYPES, check_upload, sha256_of, store_blob
from chidao.registry import succession
from chidao.tracking import horizon
from chidao.tracking.services import NewTask, create_task

from .jobs import enqueue
from .models import Decision, Document, DocumentStatus, IngestJob, JobState


@dataclass(frozen=True)
class Submitted:
    """The outcome of one uploaded file: a queued job, or the document it already is."""

    filename: str
    job: IngestJob | None = None
    existing: Document | None = None


def submit_upload(user: Any, upload: UploadedFile, *, queue: bool = True) -> Submitted:
    """Check, hash and store one upload, then queue its extraction (``queue=False``: the
    caller runs the job itself, as a batch import does, with ``jobs.run_job``).

    Raises ValidationError (naming the file) for a refused file. The same content already
    in the system is not stored again: the result names the existing document.
    """
    suffix = check_upload(upload, DIRECTIVE_TYPES)
    digest = sha256_of(upload)
    name = upload.name or "tep"
    existing = Document.objects.filter(sha256=digest).first()
    if existing is not None:
        return Submitted(filename=name, existing=existing)
    blob = store_blob(upload, "originals", digest, suffix)
    job = IngestJob.objects.create(
        filename=PurePath(name).name[:255],
        sha256=digest,
        size=upload.size or 0,
        blob=blob,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    if queue:
        enqueue(job)
    return Submitted(filename=name, job=job)


def retry_job(user: Any, job: IngestJob) -> IngestJob:
    """Queue a failed job again (after a fix, or once a missing OCR engine is installed).

    The retry gets a fresh allowance of attempts (the count itself goes on).
    """
    if not is_office(user):
        raise NotAllowed(_("Chỉ chuyên viên Văn phòng mới chạy lại được lượt nhập."))
    with transaction.atomic():
        rows = IngestJob.objects.filter(pk=job.pk, state=JobState.FAILED).update(
            state=JobState.QUEUED,
            error="",
            attempts_before_retry=F("attempts"),
            started_at=None,
            finished_at=None,
            lease_until=None,
            task_result_id="",
        )
        if rows != 1:
            raise ActionError(
                _("Lượt nhập “%(name)s” không ở trạng thái lỗi.") % {"name": job.filename}
            )
        job.refresh_from_db()
        record(user, "ingest.retried", f"Chạy lại lượt nhập “{job.filename}”")
        enqueue(job)
    return job


# --- registration -------------------------------------------------------------------------


@transaction.atomic
def register_document(
    user: Any,
    document: Document,
    *,
    today: date,
    start: date | None = None,
    historical: bool = False,
) -> list[Any]:
    """Turn every accepted candidate into a task with its assignments; all or nothing.

    Recurring tasks get their instances from ``start`` (the reviewer's choice), else from
    today; a ``historical`` registration (the reviewer's explicit choice) starts from the
    directive's date, making the periods already past too. Refused while any candidate
    is undecided or an accepted one has no lead agency. A task due after one of its
    bodies was dissolved or merged goes to the successor; one that has none is refused
    (chidao/registry/succession.py).
    """
    if not is_office(user):
        raise NotAllowed(_("Chỉ chuyên viên Văn phòng mới đăng ký được văn bản."))
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if locked.status == DocumentStatus.REGISTERED:
        raise ActionError(_("Văn bản này đã được đăng ký."))
    candidates = list(locked.candidates.prefetch_related("lead", "support"))
    pending = [c for c in candidates if c.decision == Decision.PENDING]
    if pending:
        raise ActionError(
            _(
                "Còn %(count)s nhiệm vụ đề xuất chưa được chấp nhận hoặc loại bỏ "
                "(đầu tiên: mục %(order)s)."
            )
            % {"count": len(pending), "order": pending[0].order}
        )
    recur_from = _recurring_start(locked, start, historical, today)
    tasks, moved = [], []
    for order, c in enumerate((c for c in candidates if c.decision == Decision.ACCEPTED), 1):
        day = succession.reference_day(c.deadline, c.recurrence, today)
        item = _("Mục %(order)s") % {"order": c.order}
        lead, lead_moved = succession.carriers(list(c.lead.all()), day, item=item)
        support, support_moved = succession.carriers(list(c.support.all()), day, item=item)
        moved += lead_moved + support_moved
        new = NewTask(
            text=c.text,
            lead=lead,
            support=[pk for pk in support if pk not in lead],
            deadline=c.deadline,
            recurrence=c.recurrence,
            marker=c.marker,
            start=c.start,
            end=c.end,
            candidate_id=c.pk,
            recur_from=recur_from,
        )
        tasks.append(create_task(user, locked, new, order=order, today=today))
    locked.status = DocumentStatus.REGISTERED
    locked.registered_by = user
    locked.registered_at = clock.now()
    locked.save(update_fields=["status", "registered_by", "registered_at"])
    summary = f"Đăng ký văn bản: {len(tasks)} nhiệm vụ"
    if any(t.recurrence for t in tasks):
        summary += f"; nhiệm vụ định kỳ theo dõi từ ngày {recur_from:%d/%m/%Y}"
    record(user, "document.registered", summary, document=locked)
    if moved:
        pairs = "; ".join(f"{a.name} → {b.name}" for a, b in dict.fromkeys(moved))
        record(user, "document.successors", f"Giao cho đơn vị kế thừa: {pairs}", document=locked)
    document.status = locked.status
    return tasks


def _recurring_start(document: Document, start: date | None, historical: bool, today: date) -> date:
    """The day recurring tasks start from; a day before today only for a historical
    registration, never before the directive's date nor more than a year ahead."""
    issued = horizon.document_date(document)
    if start is None:
        return issued if historical else today
    shown = {"start": f"{start:%d/%m/%Y}"}
    if start < today and not historical:
        raise ActionError(
            _(
                "Ngày bắt đầu theo dõi %(start)s đã qua: chỉ khi đăng ký là văn bản cũ mới "
                "tạo các kỳ đã qua."
            )
            % shown
        )
    if start < issued:
        raise ActionError(
            _("Ngày bắt đầu theo dõi %(start)s trước ngày văn bản %(issued)s.")
            % {**shown, "issued": f"{issued:%d/%m/%Y}"}
        )
    if start > today + timedelta(days=366):
        raise ActionError(
            _("Ngày bắt đầu theo dõi %(start)s quá xa: chậm nhất một năm kể từ hôm nay.") % shown
        )
    return start
