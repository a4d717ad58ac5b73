"""Background jobs of the documents app (django-tasks; `manage.py db_worker` runs them),
and everything that puts them in the queue.

Any number of workers, on any number of machines sharing the database, may run these;
chidao/documents/runs.py explains how a job is claimed once and recovered when its
worker dies. Pages and the CLI queue a file through :func:`enqueue` (by way of
``services.submit_upload``); a batch import runs it in-process with :func:`run_job`.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import date, timedelta
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django_tasks import TaskContext, task
from django_tasks.base import Task

from chidao.common import clock
from chidao.extract.errors import ExtractError
from chidao.extract.pipeline import extract_file

from . import runs
from .ingest import save_extraction
from .models import Document, IngestJob, JobState, LeasedJob

log = logging.getLogger(__name__)


@task(takes_context=True)
def ingest(context: TaskContext, job_id: int) -> str:
    """Extract one uploaded file into a Document with proposed tasks."""
    recover_jobs()  # cheap (an indexed look-up): a busy pool heals itself as it goes
    return run_job(job_id, worker=worker_name(context)).state


# Below every ingest job: a watchdog only runs when no file is waiting.
@task(priority=-50)
def watch(job_id: int, attempt: int) -> str:
    """The watchdog queued with each attempt: recover it if its lease ran out, else wait
    more. A low-priority deferred job, so an idle pool of workers still notices a lost
    job without a cron entry (``manage.py recover_jobs`` does the same by hand)."""
    job = runs.attempt_running(job_id, attempt)
    if job is None:
        return "settled"
    if runs.lease_alive(job):
        schedule_watch(job)
        return "alive"
    return "recovered" if recover_jobs() else "settled"


def worker_name(context: TaskContext) -> str:
    """ "host:pid:worker-id", what the jobs page shows as the worker that ran a job."""
    ids = context.task_result.worker_ids
    return f"{socket.gethostname()}:{os.getpid()}:{ids[-1] if ids else '-'}"[:100]


def enqueue(job: IngestJob, *, delay: float = 0) -> None:
    """Hand the ingest job to the workers (see :func:`enqueue_task`)."""
    enqueue_task(ingest, job, delay=delay)


def enqueue_task(task: Task[Any, Any], job: LeasedJob, *, delay: float = 0) -> None:
    """Queue ``task(job.pk)`` once the job row is committed (after ``delay`` seconds), and
    note the queue entry on the job."""

    def send() -> None:
        queued = task
        if delay and task.get_backend().supports_defer:
            queued = task.using(run_after=clock.now() + timedelta(seconds=delay))
        result = queued.enqueue(job.pk)
        rows = type(job)._default_manager.filter(pk=job.pk, task_result_id="")
        rows.update(task_result_id=result.id)

    transaction.on_commit(send)


def schedule_watch(job: LeasedJob, watchdog: Task[Any, Any] | None = None) -> None:
    """Queue the watchdog (``watch``, or the one given) for the job's running attempt, due
    just after its lease."""
    dog = watchdog or watch
    if not dog.get_backend().supports_defer or job.lease_until is None:
        return
    due = job.lease_until + timedelta(seconds=1)
    transaction.on_commit(lambda: dog.using(run_after=due).enqueue(job.pk, job.attempts))


def recover_jobs() -> list[int]:
    """Queue again the jobs whose worker died mid-job (see chidao.documents.runs); the ids
    of the jobs handled (queued again, or failed once their attempts are spent)."""
    handled = runs.recover_lost()
    for job in handled:
        if job.state == JobState.QUEUED:
            enqueue(job)
    return [job.pk for job in handled]


def run_job(job_id: int, *, today: date | None = None, worker: str = "") -> IngestJob:
    """Run one attempt of an ingest job: extract, then create the Document and candidates.

    Idempotent: a finished job, or one a live worker holds, is left as it is; the same
    file twice ends as "already in the system". A coded extraction error fails the job at
    once (the file is bad); an unexpected one is retried up to CHIDAO_JOB_MAX_ATTEMPTS
    times.
    """
    claim = runs.claim(job_id, worker)
    if claim is None:
        return IngestJob.objects.get(pk=job_id)
    schedule_watch(claim.job)
    job = claim.job
    with runs.Heartbeat(claim):
        existing = Document.objects.filter(sha256=job.sha256).first()
        if existing is not None:
            runs.finish(claim, JobState.DUPLICATE, document=existing)
            return job
        try:
            extraction = extract_file(default_storage.path(job.blob), today=today or clock.today())
            save_extraction(claim, extraction)
        except ExtractError as exc:
            runs.finish(claim, JobState.FAILED, error=f"[{exc.code}] {exc.reason}")
        except Exception as exc:  # a bug or a lost database must not leave it "running"
            log.exception("ingest job %s failed", job.pk)
            if runs.queue_again(claim, f"Lỗi không mong đợi khi xử lý tệp: {exc}"):
                enqueue(job, delay=2.0**claim.attempt)
    return job
