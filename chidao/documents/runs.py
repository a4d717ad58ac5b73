"""The bookkeeping of jobs run by many workers at once: claim, lease, heartbeat, finish,
recover. For ingest jobs, and for any other LeasedJob (archive imports,
chidao/documents/imports.py) through ``claim_of`` and ``model=``. Queueing a job is
chidao/documents/jobs.py's (imports.py's for an import), which calls these.

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
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Manager, QuerySet

from chidao.common import clock
from chidao.common.taskqueue import fail_lost_run

from .models import Document, IngestJob, JobState, LeasedJob

log = logging.getLogger(__name__)


def lease_seconds() -> float:
    return float(settings.CHIDAO_JOB_LEASE_SECONDS)


J = TypeVar("J", bound=LeasedJob)


@dataclass(frozen=True)
class LeaseClaim(Generic[J]):
    """One attempt at a job: the job as claimed, and the attempt number that owns it."""

    job: J
    attempt: int

    @property
    def owned(self) -> QuerySet[J]:
        """The job row, only while this attempt still owns it."""
        manager: Manager[J] = type(self.job)._default_manager
        return manager.filter(pk=self.job.pk, state=JobState.RUNNING, attempts=self.attempt)


Claim = LeaseClaim[IngestJob]  # an ingest job's


def claim(job_id: int, worker: str = "") -> Claim | None:
    """Take the ingest job for one attempt (see :func:`claim_of`)."""
    return claim_of(IngestJob, job_id, worker)


def claim_of(model: type[J], job_id: int, worker: str = "") -> LeaseClaim[J] | None:
    """Take the job for one attempt; None when it is finished or another worker holds it."""
    now = clock.now()
    with transaction.atomic():
        manager: Manager[J] = model._default_manager
        job = manager.select_for_update().filter(pk=job_id).first()
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
    return LeaseClaim(job=job, attempt=job.attempts)


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


def queue_again(c: LeaseClaim[Any], error: str) -> bool:
    """A transient failure: mark the job queued again, or fail it once its attempts are
    spent. True when the caller must now enqueue it."""
    if c.job.attempts_left == 0:
        error = _spent(error, c.attempt)
        if c.owned.update(
            state=JobState.FAILED, error=error, finished_at=clock.now(), lease_until=None
        ):
            c.job.state, c.job.error = JobState.FAILED, error
        return False
    rows = c.owned.update(state=JobState.QUEUED, error=error, lease_until=None, task_result_id="")
    return rows == 1


class Heartbeat:
    """Renews the attempt's lease from a side thread while the ``with`` block runs."""

    def __init__(self, c: LeaseClaim[Any]) -> None:
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
            log.exception("lease renewal of job %s failed", self.claim.job)
        finally:
            connection.close()  # this thread's own connection


def recover_lost(*, now: datetime | None = None, model: type[LeasedJob] = IngestJob) -> list[Any]:
    """Take back every running job whose lease has passed (its worker is gone): each is
    marked queued again (the caller enqueues it), or failed once lost ``max_attempts``
    times. Returns the jobs handled. Safe to run from several workers at once: each job
    is taken under a row lock.
    """
    now = now or clock.now()
    expired = model._default_manager.filter(state=JobState.RUNNING, lease_until__lt=now)
    handled = []
    for pk in list(expired.values_list("pk", flat=True)[:100]):
        with transaction.atomic():
            job = expired.select_for_update(skip_locked=True).filter(pk=pk).first()
            if job is not None:
                _recover(job, now)
                handled.append(job)
    return handled


def _recover(job: LeasedJob, now: datetime) -> None:
    who = job.worker or "?"
    fail_lost_run(job.task_result_id, worker=who, at=now)
    # the worker's id goes to the log, not to the page (issue 11.9: no internal labels)
    error = f"Tiến trình xử lý bị dừng giữa chừng (lần chạy thứ {job.attempts})."
    if job.attempts_left == 0:
        _give_up(job, error)
        return
    job.state, job.error, job.lease_until, job.task_result_id = JobState.QUEUED, error, None, ""
    job.save(update_fields=["state", "error", "lease_until", "task_result_id"])
    log.warning("%s %s: worker %s lost, queued again", job._meta.model_name, job.pk, who)


def _give_up(job: LeasedJob, error: str) -> None:
    job.state, job.error = JobState.FAILED, _spent(error, job.attempts)
    job.finished_at, job.lease_until = clock.now(), None
    job.save(update_fields=["state", "error", "finished_at", "lease_until"])


def _spent(error: str, attempts: int) -> str:
    return f"{error} Đã thử {attempts} lần, không tiếp tục."


def attempt_running(job_id: int, attempt: int, *, model: type[LeasedJob] = IngestJob) -> Any | None:
    """The job while ``attempt`` still runs it (else None: finished, or taken again)."""
    job = model._default_manager.filter(pk=job_id).first()
    if job is None or job.state != JobState.RUNNING or job.attempts != attempt:
        return None
    return job


def lease_alive(job: LeasedJob) -> bool:
    return job.lease_until is not None and job.lease_until > clock.now()
