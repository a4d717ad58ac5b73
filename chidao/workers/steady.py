"""django-tasks-db's worker loop, kept running through "database is locked".

``db_worker`` ignores a lock while it looks for a job, but a lock raised when that
transaction commits (SQLite answers "database is locked" at COMMIT once its busy timeout
has passed), or while a finished job's result is written, ends the process, and every
later upload stays queued. Here such an error is logged and the loop starts again after a
pause that grows while the database stays locked. A job whose result could not be written
is left running; its lease runs out and chidao/documents/runs.py queues it again. Any
other error still stops the worker, for the supervisor (``manage.py supervise``, systemd)
to start a fresh one.
"""

from __future__ import annotations

import logging
import time

from django.db import connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.utils import is_locked_database_exception

log = logging.getLogger(__name__)

FIRST_PAUSE = 0.5  # seconds before the first retry; doubled up to LONGEST_PAUSE
LONGEST_PAUSE = 30.0
CALM_AFTER = 60.0  # a loop that ran this long before failing starts the pauses again


class SteadyWorker(Worker):
    """A ``db_worker`` ``Worker`` whose loop survives locked-database errors."""

    def run(self) -> None:
        pause = FIRST_PAUSE
        while self.running:
            started = time.monotonic()
            try:
                super().run()
                return
            except OperationalError as exc:
                if not is_locked_database_exception(exc):
                    raise
                if time.monotonic() - started > CALM_AFTER:
                    pause = FIRST_PAUSE
                log.warning(
                    "worker %s: database locked (%s); trying again in %.1f s",
                    self.worker_id,
                    exc,
                    pause,
                )
            self.startup_delay = False
            connections.close_all()  # a fresh connection, whatever state the lock left
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
