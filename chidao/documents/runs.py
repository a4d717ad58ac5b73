"""The bookkeeping of ingest jobs run by many workers at once: claim, lease, heartbeat,
finish, recover. Queueing a job is chidao/documents/jobs.py's, which calls these.

Workers (``manage.py db_worker``, on one machine or several, against the same database)
claim queue entries atomically (django-tasks-db: ``SELECT … FOR UPDATE SKIP LOCKED``).
This module makes the *job* safe on top of that:

- ``claim`` takes the job row under a row lock and gives the attempt a lease; a second
  copy of the same job (enqueued twice, or retried by hand) sees it is taken and stops.
- While the attempt runs, a ``Heartbeat`` thread renews the lease. A worker killed mid-job
  (``kill -9``, power cut, OOM) stops renewing; once the lease has passed the job is taken
  for lost: ``recover_lost`` marks it queued again, counting the attempt (jobs.py queues
  it), and a job lost ``max_attempts`` times (a file that crashes its reader every time)
  ends as failed.
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

from chidao.common import clock
from chidao.common.taskqueue import fail_lost_run

from .models import Document, IngestJob, JobState

log = logging.getLogger(__name__)


def lease_seconds() -> float:
    return float(settings.CHIDAO_JOB_LEASE_SECONDS)


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


def queue_again(c: Claim, error: str) -> bool:
    """A transient failure: mark the job queued again, or fail it once its attempts are
    spent. True when the caller must now enqueue it."""
    if c.job.attempts_left == 0:
        finish(c, JobState.FAILED, error=_spent(error, c.attempt))
        return False
    rows = c.owned.update(state=JobState.QUEUED, error=error, lease_until=None, task_result_id="")
    return rows == 1


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


def recover_lost(*, now: datetime | None = None) -> list[IngestJob]:
    """Take back every running job whose lease has passed (its worker is gone): each is
    marked queued again (the caller enqueues it), or failed once lost ``max_attempts``
    times. Returns the jobs handled. Safe to run from several workers at once: each job
    is taken under a row lock.
    """
    now = now or clock.now()
    expired = IngestJob.objects.filter(state=JobState.RUNNING, lease_until__lt=now)
    handled = []
    for pk in list(expired.values_list("pk", flat=True)[:100]):
        with transaction.atomic():
            job = expired.select_for_update(skip_locked=True).filter(pk=pk).first()
            if job is not None:
                _recover(job, now)
                handled.append(job)
    return handled


def _recover(job: IngestJob, now: datetime) -> None:
    who = job.worker or "?"
    fail_lost_run(job.task_result_id, worker=who, at=now)
    error = f"Tiến trình xử lý {who} bị dừng giữa chừng (lần chạy thứ {job.attempts})."
    if job.attempts_left == 0:
        _give_up(job, error)
        return
    job.state, job.error, job.lease_until, job.task_result_id = JobState.QUEUED, error, None, ""
    job.save(update_fields=["state", "error", "lease_until", "task_result_id"])
    log.warning("ingest job %s: worker %s lost, queued again", job.pk, who)


def _give_up(job: IngestJob, error: str) -> None:
    job.state, job.error = JobState.FAILED, _spent(error, job.attempts)
    job.finished_at, job.lease_until = clock.now(), None
    job.save(update_fields=["state", "error", "finished_at", "lease_until"])


def _spent(error: str, attempts: int) -> str:
    return f"{error} Đã thử {attempts} lần, không tiếp tục."


def attempt_running(job_id: int, attempt: int) -> IngestJob | None:
    """The job while ``attempt`` still runs it (else None: finished, or taken again)."""
    job = IngestJob.objects.filter(pk=job_id).first()
    if job is None or job.state != JobState.RUNNING or job.attempts != attempt:
        return None
    return job


def lease_alive(job: IngestJob) -> bool:
    return job.lease_until is not None and job.lease_until > clock.now()
