"""Ingest (file → Document with proposed tasks) and registration (accepted → tasks).

An upload is checked and its original stored first (content-addressed, never changed);
the extraction then runs as a background job (chidao/documents/jobs.py) that creates the
Document and its candidates in one transaction, so a failure leaves no half-made
document, only a failed job that says why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from chidao.accounts.roles import is_office
from chidao.audit.services import record
from chidao.common import clock
from chidao.common.errors import ActionError, NotAllowed
from chidao.common.uploads import DIRECTIVE_TYPES, check_upload, sha256_of, store_blob
from chidao.extract.errors import ExtractError
from chidao.extract.model import AgencyMention
from chidao.extract.pipeline import Extraction, extract_file
from chidao.registry.models import Agency
from chidao.tracking.services import NewTask, create_task

from . import runs
from .models import Candidate, Decision, Document, DocumentStatus, IngestJob, JobState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Submitted:
    """The outcome of one uploaded file: a queued job, or the document it already is."""

    filename: str
    job: IngestJob | None = None
    existing: Document | None = None


def submit_upload(user: Any, upload: UploadedFile) -> Submitted:
    """Check, hash and store one upload, then queue its extraction.

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
    enqueue(job)
    return Submitted(filename=name, job=job)


def enqueue(job: IngestJob, *, delay: float = 0) -> None:
    """Hand the job to the workers once the job row is committed (after ``delay`` seconds)."""
    from chidao.documents.jobs import ingest

    def send() -> None:
        task = ingest
        if delay and ingest.get_backend().supports_defer:
            task = ingest.using(run_after=clock.now() + timedelta(seconds=delay))
        result = task.enqueue(job.pk)
        IngestJob.objects.filter(pk=job.pk, task_result_id="").update(task_result_id=result.id)

    transaction.on_commit(send)


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


def recover_jobs() -> list[int]:
    """Queue again the jobs whose worker died mid-job (see chidao.documents.runs)."""
    return runs.recover_jobs()


def run_job(job_id: int, *, today: date | None = None, worker: str = "") -> IngestJob:
    """Run one attempt of an ingest job: extract, then create the Document and candidates.

    Idempotent: a finished job, or one a live worker holds, is left as it is; the same
    file twice ends as "already in the system". The document, its candidates and the
    job's "done" are committed together, so a worker killed at any point leaves either
    nothing or all of it. A coded extraction error fails the job at once (the file is
    bad); an unexpected one is retried up to CHIDAO_JOB_MAX_ATTEMPTS times.
    """
    claim = runs.claim(job_id, worker)
    if claim is None:
        return IngestJob.objects.get(pk=job_id)
    runs.schedule_watch(claim.job)
    job = claim.job
    with runs.Heartbeat(claim):
        existing = Document.objects.filter(sha256=job.sha256).first()
        if existing is not None:
            runs.finish(claim, JobState.DUPLICATE, document=existing)
            return job
        try:
            extraction = extract_file(default_storage.path(job.blob), today=today or clock.today())
            _save(claim, extraction)
        except ExtractError as exc:
            runs.finish(claim, JobState.FAILED, error=f"[{exc.code}] {exc.reason}")
        except Exception as exc:  # a bug or a lost database must not leave it "running"
            log.exception("ingest job %s failed", job.pk)
            runs.retry_later(claim, f"Lỗi không mong đợi khi xử lý tệp: {exc}")
    return job


class _NotOurs(Exception):
    """The attempt lost the job (presumed dead and recovered): undo what it made."""


def _save(claim: runs.Claim, extraction: Extraction) -> None:
    job = claim.job
    try:
        with transaction.atomic():
            document = _create_document(job, extraction)
            if not runs.finish(claim, JobState.DONE, document=document):
                raise _NotOurs
    except _NotOurs:
        log.warning("ingest job %s: attempt %s was superseded", job.pk, claim.attempt)
    except IntegrityError:
        existing = Document.objects.filter(sha256=job.sha256).first()
        if existing is None:
            raise
        runs.finish(claim, JobState.DUPLICATE, document=existing)


def _create_document(job: IngestJob, x: Extraction) -> Document:
    data = x.to_json()
    meta = x.meta
    document = Document.objects.create(
        sha256=job.sha256,
        original=job.blob,
        filename=job.filename,
        size=job.size,
        format=x.read.format,
        kind=meta.kind or "",
        number=meta.number or "",
        issued_on=meta.date,
        issuer=meta.issuer or "",
        signer=meta.signer or "",
        subject=getattr(meta, "subject", None) or "",
        text=x.text,
        extraction=data,
        warnings=list(x.read.warnings),
        uploaded_by=job.created_by,
    )
    agencies = _agency_rows(x)
    candidates, links = [], []
    for order, t in enumerate(x.tasks, start=1):
        lead, lead_groups, lead_unknown = _resolve(t.lead, agencies)
        support, support_groups, support_unknown = _resolve(t.support, agencies)
        candidates.append(
            Candidate(
                document=document,
                order=order,
                start=t.start,
                end=t.end,
                marker=t.marker or "",
                text=t.text,
                groups=lead_groups + support_groups,
                unmatched=lead_unknown + support_unknown,
                deadline=t.deadline.value if t.deadline is not None else None,
                recurrence=t.recurrence or "",
                rule=t.rule[:80],
            )
        )
        links.append((lead, [pk for pk in support if pk not in lead]))
    # in bulk: a directive has dozens of candidates, each with two agency lists
    Candidate.objects.bulk_create(candidates)
    lead_rows, support_rows = Candidate.lead.through, Candidate.support.through
    lead_rows.objects.bulk_create(
        lead_rows(candidate_id=c.pk, agency_id=pk)
        for c, (lead, _s) in zip(candidates, links, strict=True)
        for pk in lead
    )
    support_rows.objects.bulk_create(
        support_rows(candidate_id=c.pk, agency_id=pk)
        for c, (_l, support) in zip(candidates, links, strict=True)
        for pk in support
    )
    record(
        job.created_by,
        "document.ingested",
        f"Nhập văn bản {document.title}: {len(x.tasks)} nhiệm vụ đề xuất",
        document=document,
    )
    return document


def _agency_rows(x: Extraction) -> dict[str, int]:
    codes: set[str] = set()
    for t in x.tasks:
        for m in (*t.lead, *t.support):
            codes.update(m.members if m.is_group else (m.agency_id,) if m.agency_id else ())
    return dict(Agency.objects.filter(code__in=codes).values_list("code", "pk"))


def _resolve(
    mentions: list[AgencyMention], rows: dict[str, int]
) -> tuple[list[int], list[str], list[str]]:
    """Agency pks (groups expanded to their members), group labels, unknown names."""
    pks: list[int] = []
    groups: list[str] = []
    unknown: list[str] = []
    for m in mentions:
        if m.vague:
            continue
        if m.is_group:
            groups.append(m.name)
            pks.extend(rows[c] for c in m.members if c in rows)
        elif m.agency_id and m.agency_id in rows:
            pks.append(rows[m.agency_id])
        else:
            unknown.append(m.name)
    return list(dict.fromkeys(pks)), groups, unknown


# --- registration -------------------------------------------------------------------------


@transaction.atomic
def register_document(user: Any, document: Document, *, today: date) -> list[Any]:
    """Turn every accepted candidate into a task with its assignments; all or nothing.

    Refused while any candidate is undecided or an accepted one has no lead agency.
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
    tasks = []
    for order, c in enumerate((c for c in candidates if c.decision == Decision.ACCEPTED), 1):
        new = NewTask(
            text=c.text,
            lead=[a.pk for a in c.lead.all()],
            support=[a.pk for a in c.support.all()],
            deadline=c.deadline,
            recurrence=c.recurrence,
            marker=c.marker,
            start=c.start,
            end=c.end,
            candidate_id=c.pk,
        )
        tasks.append(create_task(user, locked, new, order=order, today=today))
    locked.status = DocumentStatus.REGISTERED
    locked.registered_by = user
    locked.registered_at = clock.now()
    locked.save(update_fields=["status", "registered_by", "registered_at"])
    record(user, "document.registered", f"Đăng ký văn bản: {len(tasks)} nhiệm vụ", document=locked)
    document.status = locked.status
    return tasks
