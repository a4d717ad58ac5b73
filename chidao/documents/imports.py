"""Archive imports from the web, run by a worker (the import page queues them).

- :func:`start_import` (the request): stores the uploaded .zip in the job's folder,
  ``imports_root()/<job id>/``, queues the job and returns at once.
- :func:`run_import` (the ``import_archive`` task, in a worker): claims the job for one
  attempt (chidao/documents/runs.py: lease, heartbeat, recovery of a killed worker's
  job), runs chidao/documents/batch.py over the archive, exactly as ``chidao import``
  does, unpacking into the job's folder, and writes an ImportItem per file as it goes:
  the progress the page shows, each error named by its file.
- Temporary files never outlive the job: its folder is removed when it ends, done or
  failed. A killed worker leaves it behind; the job's next attempt empties the unpacked
  files before it starts, and :func:`clean_leftovers` (at the start of every import, in
  :func:`recover_imports` and ``manage.py recover_jobs``) removes the folder of every job
  that no longer waits or runs. Both are idempotent.
- Resumable: a job's next attempt skips the files that already have an item; the rest go
  through batch.py again, where a document is keyed by its SHA-256, so a file imported
  before the kill is not imported twice.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django_tasks import TaskContext, task

from chidao.common import clock

from . import runs
from .batch import FileOutcome, Options, count_files, import_directory
from .jobs import enqueue_task, schedule_watch, worker_name
from .models import ImportItem, ImportJob, JobState

log = logging.getLogger(__name__)

ARCHIVE = "kho.zip"
UNPACKED = "giai-nen"  # "giai-nen-<attempt>": an attempt's unpacked files, beside the archive


class Superseded(Exception):
    """This attempt no longer owns its job (taken for dead, and recovered): it stops."""


def imports_root() -> Path:
    """Where every import job keeps its archive and its unpacked files, one folder each."""
    return Path(settings.MEDIA_ROOT) / "imports"


def job_folder(job_id: int) -> Path:
    return imports_root() / str(job_id)


def archive_of(job: ImportJob) -> Path:
    """The stored archive. Under a fixed name (the user's may be anything); the report
    names its files after the user's (:func:`_import`)."""
    return job_folder(job.pk) / ARCHIVE


# --- the request --------------------------------------------------------------------------


def start_import(user: Any, upload: UploadedFile, *, historical: bool) -> ImportJob:
    """Store the archive and queue its import; the job, queued."""
    name = PurePath(upload.name or "kho.zip").name[:255]
    # Committed before its folder exists, so a sweep never takes the folder for a leftover.
    job = ImportJob.objects.create(
        filename=name, size=upload.size or 0, historical=historical, created_by=user
    )
    path = archive_of(job)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    except OSError as exc:
        shutil.rmtree(job_folder(job.pk), ignore_errors=True)
        job.state, job.finished_at = JobState.FAILED, clock.now()
        job.error = f"Không lưu được tệp nén: {exc.strerror or exc}"
        job.save(update_fields=["state", "finished_at", "error"])
        return job
    enqueue_import(job)
    return job


def enqueue_import(job: ImportJob, *, delay: float = 0) -> None:
    """Hand the job to the workers once its row is committed (after ``delay`` seconds)."""
    enqueue_task(import_archive, job, delay=delay)


# --- the worker ---------------------------------------------------------------------------


@task(takes_context=True)
def import_archive(context: TaskContext, job_id: int) -> str:
    """Import one uploaded archive (see :func:`run_import`)."""
    return run_import(job_id, worker=worker_name(context)).state


@task(priority=-50)
def watch_import(job_id: int, attempt: int) -> str:
    """The watchdog of an attempt, due just after its lease: recover the job if its worker
    is gone, else look again later (as chidao.documents.jobs.watch does for ingest)."""
    job = runs.attempt_running(job_id, attempt, model=ImportJob)
    if job is None:
        return "settled"
    if runs.lease_alive(job):
        schedule_watch(job, watch_import)
        return "alive"
    return "recovered" if recover_imports() else "settled"


def run_import(job_id: int, *, worker: str = "", today: date | None = None) -> ImportJob:
    """Run one attempt of an import job; the job as it then stands.

    Idempotent: a finished job, or one a live worker holds, is left as it is. An
    unexpected error queues the job again (up to CHIDAO_JOB_MAX_ATTEMPTS attempts).
    """
    recover_imports()
    claim = runs.claim_of(ImportJob, job_id, worker)
    if claim is None:
        return _settled(ImportJob.objects.get(pk=job_id))
    schedule_watch(claim.job, watch_import)
    job = claim.job
    try:
        with runs.Heartbeat(claim):
            _import(claim, today or clock.today())
    except Superseded:
        log.warning("import job %s: attempt %s was superseded", job.pk, claim.attempt)
    except Exception as exc:  # a bug or a lost database must not leave it "running"
        log.exception("import job %s failed", job.pk)
        if runs.queue_again(claim, f"Lỗi không mong đợi khi nhập kho: {exc}"):
            enqueue_import(job, delay=2.0**claim.attempt)
    job.refresh_from_db()
    return _settled(job)


def _settled(job: ImportJob) -> ImportJob:
    """A finished job's folder goes (its archive is no longer needed); a queued or running
    one keeps it, for its next attempt or the attempt that holds it."""
    if job.finished:
        shutil.rmtree(job_folder(job.pk), ignore_errors=True)
    return job


def _import(claim: runs.LeaseClaim[ImportJob], today: date) -> None:
    job = claim.job
    archive = archive_of(job)
    if not archive.is_file():
        _finish(claim, JobState.FAILED, "Không còn tệp nén của lượt nhập này trên máy chủ.")
        return
    scratch = job_folder(job.pk) / f"{UNPACKED}-{claim.attempt}"
    for earlier in job_folder(job.pk).glob(f"{UNPACKED}-*"):  # a killed attempt's files
        if earlier != scratch:
            shutil.rmtree(earlier, ignore_errors=True)
    claim.owned.update(total=count_files(archive))
    # batch.py labels the files "kho.zip/…"; the report "<the user's file name>/…"
    done = {
        ARCHIVE + p.removeprefix(job.filename) for p in job.items.values_list("path", flat=True)
    }
    options = Options(user=job.created_by, today=today, historical=job.historical)

    def record(outcome: FileOutcome) -> None:
        if not claim.owned.exists():
            raise Superseded
        ImportItem.objects.update_or_create(
            job=job,
            path=(job.filename + outcome.path.removeprefix(ARCHIVE))[:1000],
            defaults={
                "status": outcome.status,
                "reason": outcome.reason,
                "document_id": outcome.document_id,
            },
        )

    import_directory(archive, options, progress=record, scratch=scratch, skip=done)
    _finish(claim, JobState.DONE)


def _finish(claim: runs.LeaseClaim[ImportJob], state: str, error: str = "") -> None:
    """The attempt's outcome (nothing written when it no longer owns the job); the total
    made to match the files reported (an empty archive says 0, not 1)."""
    claim.owned.update(
        state=state,
        error=error,
        finished_at=clock.now(),
        lease_until=None,
        total=ImportItem.objects.filter(job_id=claim.job.pk).count(),
    )


# --- recovery and cleanup -----------------------------------------------------------------


def recover_imports() -> list[int]:
    """Queue again the import jobs whose worker died mid-job (their lease passed), or fail
    those lost too often; then remove the leftovers. The ids of the jobs handled."""
    handled = runs.recover_lost(model=ImportJob)
    for job in handled:
        if job.state == JobState.QUEUED:
            enqueue_import(job)
    clean_leftovers()
    return [job.pk for job in handled]


def clean_leftovers() -> list[int]:
    """Remove the folder of every import job that neither waits nor runs (finished, or
    unknown: a request that failed before its job was saved); the ids removed.
    Idempotent, and safe beside running jobs: theirs are kept."""
    root = imports_root()
    if not root.is_dir():
        return []
    folders = {int(p.name): p for p in root.iterdir() if p.name.isdigit()}
    live = ImportJob.objects.filter(pk__in=folders, state__in=[JobState.QUEUED, JobState.RUNNING])
    keep = set(live.values_list("pk", flat=True))
    gone = sorted(pk for pk in folders if pk not in keep)
    for pk in gone:
        shutil.rmtree(folders[pk], ignore_errors=True)
    return gone
