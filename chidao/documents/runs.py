"""Running ingest jobs on many workers at once: claim, lease, heartbeat, finish, recover.

Workers (``manage.py db_worker``, on one machine or several, against the same database)
claim queue entries atomically (django-tasks-db: ``SELECT … FOR UPDATE SKIP LOCKED``).
This module makes the *job* safe on top of that:

- ``claim`` takes the job row under a row lock and gives the attempt a lease; a second
  copy of the same job (enqueued twice, or retried by hand) sees it is taken and stops.
- While the attempt runs, a ``Heartbeat`` thread renews the lease. A worker killed mid-job
  (``kill -9``, power cut, OOM) stops renewing; once the lease has passed the job is taken
  for lost: ``recover_jobs`` queues it again, counting the attempt, and a job lost
  ``max_attempts`` times (a file that crashes its reader every time) ends as failed.
- ``finish`` writes the outcome only while the attempt still owns the job, so a worker
  that was presumed dead and comes back cannot overwrite the result of its successor.

Settings (with defaults): ``CHIDAO_JOB_LEASE_SECONDS`` (60), ``CHIDAO_JOB_MAX_ATTEMPTS`` (3).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import TracebackType

from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet
from django_tasks_db.models import DBTaskResult

from chidao.common import clock

from .models import Document, IngestJob, JobState

log = logging.getLogger(__name__)


def lease_seconds() -> float:
    return float(settings.CHIDAO_JOB_LEASE_SECONDS)


def max_attempts() -> int:
    return int(settings.CHIDAO_JOB_MAX_ATTEMPTS)


@dataclass(frozen=True)
class Claim:
    """One attempt at a job: the job as claimed, and the attempt number that owns it."""

    job: IngestJob
    attempt: int

    @property
    def owned(self) -> QuerySet[IngestJob]:
        """The job row, only while this attempt still owns it."""
        return IngestJob.objects.filter(
            pk=self.job.pk, state=JobState.RUNNING, attempts=self.attempt
        )


def claim(job_id: int, worker: str = "") -> Claim | None:
    """Take the job for one attempt; None when it is finished or another worker holds it."""
    now = clock.now()
    with transaction.atomic():
        job = IngestJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.finished:
            return None
        held = job.state == JobState.RUNNING and job.lease_until and job.lease_until > now
        if held and not worker_gone(job.worker):
            return None  # a live worker has it (this is a second copy of the job)
        if job.attempts_left == 0:
            _give_up(job, job.error or "Đã chạy hết số lần thử.")
            return None
        worker = worker or f"{socket.gethostname()}:{os.getpid()}:local"
        job.state, job.attempts, job.worker = JobState.RUNNING, job.attempts + 1, worker[:100]
        job.started_at, job.finished_at = now, None
        job.lease_until = now + timedelta(seconds=lease_seconds())
        job.save(
            update_fields=[
                "state",
                "attempts",
                "worker",
                "started_at",
                "finished_at",
                "lease_until",
            ]
        )
    return Claim(job=job, attempt=job.attempts)


def worker_gone(worker: str) -> bool:
    """True when ``worker`` ("host:pid:…") ran on this machine and its process is dead.

    A killed process on this machine need not wait for its lease to run out (a resumed
    `chidao import` after ``kill -9``); on another machine only the lease tells."""
    host, _, rest = worker.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def finish(c: Claim, state: str, *, document: Document | None = None, error: str = "") -> bool:
    """Record the attempt's outcome; False (nothing written) when it no longer owns the job."""
    rows = c.owned.update(
        state=state, document=document, error=error, finished_at=clock.now(), lease_until=None
    )
    if rows:
        c.job.state, c.job.document, c.job.error = state, document, error
    return rows == 1


def retry_later(c: Claim, error: str) -> None:
    """A transient failure: queue the job again, or fail it once its attempts are spent."""
    from chidao.documents.services import enqueue

    if c.job.attempts_left == 0:
        finish(c, JobState.FAILED, error=_spent(error, c.attempt))
        return
    with transaction.atomic():
        rows = c.owned.update(
            state=JobState.QUEUED, error=error, lease_until=None, task_result_id=""
        )
        if rows:
            enqueue(c.job, delay=2.0**c.attempt)


class Heartbeat:
    """Renews the attempt's lease from a side thread while the ``with`` block runs."""

    def __init__(self, c: Claim) -> None:
        self.claim = c
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"lease-{c.job.pk}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self.thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop.set()
        self.thread.join()

    def _beat(self) -> None:
        every = lease_seconds() / 3
        try:
            while not self.stop.wait(every):
                until = clock.now() + timedelta(seconds=lease_seconds())
                if not self.claim.owned.update(lease_until=until):
                    return
        except Exception:  # the lease then runs out and the job is retried: log, go on
            log.exception("lease renewal of ingest job %s failed", self.claim.job.pk)
        finally:
            connection.close()  # this thread's own connection


def recover_jobs(*, now: datetime | None = None) -> list[int]:
    """Queue again every running job whose lease has passed (its worker is gone).

    Returns the ids of the jobs handled. A job lost ``max_attempts`` times ends as failed.
    Safe to run from several workers at once: each job is taken under a row lock.
    """
    now = now or clock.now()
    expired = IngestJob.objects.filter(state=JobState.RUNNING, lease_until__lt=now)
    handled = []
    for pk in list(expired.values_list("pk", flat=True)[:100]):
        with transaction.atomic():
            job = expired.select_for_update(skip_locked=True).filter(pk=pk).first()
            if job is not None:
                _recover(job, now)
                handled.append(pk)
    return handled


def _recover(job: IngestJob, now: datetime) -> None:
    from chidao.documents.services import enqueue

    who = job.worker or "?"
    stale = DBTaskResult.objects.filter(status="RUNNING", id=job.task_result_id or _NO_TASK)
    stale.update(
        status="FAILED",
        finished_at=now,
        exception_class_path="chidao.documents.runs.WorkerLost",
        traceback=f"Worker {who} stopped while running this task; its lease ran out.",
    )
    error = f"Tiến trình xử lý {who} bị dừng giữa chừng (lần chạy thứ {job.attempts})."
    if job.attempts_left == 0:
        _give_up(job, error)
        return
    job.state, job.error, job.lease_until, job.task_result_id = JobState.QUEUED, error, None, ""
    job.save(update_fields=["state", "error", "lease_until", "task_result_id"])
    log.warning("ingest job %s: worker %s lost, queued again", job.pk, who)
    enqueue(job)


_NO_TASK = "00000000-0000-0000-0000-000000000000"


def _give_up(job: IngestJob, error: str) -> None:
    job.state, job.error = JobState.FAILED, _spent(error, job.attempts)
    job.finished_at, job.lease_until = clock.now(), None
    job.save(update_fields=["state", "error", "finished_at", "lease_until"])


def _spent(error: str, attempts: int) -> str:
    return f"{error} Đã thử {attempts} lần, không tiếp tục."


def watch(job_id: int, attempt: int) -> str:
    """The watchdog queued with each attempt: recover it if its lease ran out, else wait more.

    Runs as a low-priority deferred job, so an idle pool of workers still notices a lost
    job without a cron entry (``manage.py recover_jobs`` does the same by hand).
    """
    job = IngestJob.objects.filter(pk=job_id).first()
    if job is None or job.state != JobState.RUNNING or job.attempts != attempt:
        return "settled"
    if job.lease_until and job.lease_until > clock.now():
        schedule_watch(job)
        return "alive"
    return "recovered" if recover_jobs() else "settled"


def schedule_watch(job: IngestJob) -> None:
    """Queue the watchdog for the job's running attempt, due just after its lease."""
    from chidao.documents.jobs import watch as watch_task

    if not watch_task.get_backend().supports_defer or job.lease_until is None:
        return
    due = job.lease_until + timedelta(seconds=1)
    transaction.on_commit(lambda: watch_task.using(run_after=due).enqueue(job.pk, job.attempts))
