"""Heartbeats: each worker process writes a row every few seconds; a worker is alive while
its row is fresh.

A ``Pulse`` beats from a side thread, so a long job (a scanned archive, minutes of OCR)
does not make its worker look dead. A row older than ``stale_after()`` belongs to a
worker that was killed (a clean stop deletes it); the jobs page says so when no row is
fresh. Setting: ``CHIDAO_WORKER_BEAT_SECONDS`` (10); a worker is taken for dead after
three missed beats.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from datetime import timedelta
from types import TracebackType

from django.conf import settings
from django.db import DatabaseError, connection

from chidao.common import clock

from .models import WorkerBeat

log = logging.getLogger(__name__)

MISSED_BEATS = 3
FORGET_AFTER = timedelta(days=1)  # rows of killed workers are cleared after a day


def beat_seconds() -> float:
    return float(settings.CHIDAO_WORKER_BEAT_SECONDS)


def stale_after() -> timedelta:
    return timedelta(seconds=MISSED_BEATS * beat_seconds())


def beat(worker_id: str) -> None:
    """Record that ``worker_id`` (this process) is alive now."""
    now = clock.now()
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"host": socket.gethostname()[:255], "pid": os.getpid(), "seen_at": now},
        create_defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "seen_at": now,
            "started_at": now,
        },
    )
    WorkerBeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()


def forget(worker_id: str) -> None:
    WorkerBeat.objects.filter(worker_id=worker_id).delete()


def alive() -> list[WorkerBeat]:
    """The workers whose last beat is fresh, newest first."""
    since = clock.now() - stale_after()
    return list(WorkerBeat.objects.filter(seen_at__gte=since).order_by("-seen_at"))


def database_workers_expected() -> bool:
    """True when jobs wait for a worker (the database backend); False when they run in
    the request ("immediate"), where no worker is needed."""
    backend = str(settings.TASKS.get("default", {}).get("BACKEND", ""))
    return backend.startswith("django_tasks_db.")


class Pulse:
    """``with Pulse(worker_id):`` beats every ``beat_seconds()`` from a side thread and
    removes the row when the block ends (the worker stopped cleanly)."""

    def __init__(self, worker_id: str) -> None:
        self.worker_id = worker_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"pulse-{worker_id}", daemon=True)

    def __enter__(self) -> Pulse:
        self._safely(beat)  # visible at once, before the first job
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=beat_seconds() + 30)
        self._safely(forget)

    def _run(self) -> None:
        try:
            while not self._stop.wait(beat_seconds()):
                self._safely(beat)
        finally:
            connection.close()  # this thread's own connection

    def _safely(self, action: Callable[[str], None]) -> None:
        """A beat that cannot be written (the database is busy or away) is skipped: the
        next one tries again, and the worker itself goes on."""
        try:
            action(self.worker_id)
        except DatabaseError as exc:
            log.warning("heartbeat of worker %s not written: %s", self.worker_id, exc)
