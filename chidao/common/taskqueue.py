"""The one adapter over django-tasks-db's queue table.

django-tasks' public API enqueues a task and looks one result up by id; it cannot ask
whether a task is already waiting, nor mark a run failed whose worker died. For those
two the database backend's own model is read here, with the statuses of django-tasks'
:class:`~django_tasks.TaskResultStatus`, and nowhere else in chidao.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django_tasks import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

if TYPE_CHECKING:
    from django_tasks.base import Task


class WorkerLost(Exception):
    """The worker running a task stopped (killed, out of memory, machine lost) midway."""


def is_waiting(task: Task[Any, Any]) -> bool:
    """A run of ``task`` waits in the database queue (due now or later). Always False
    with a backend that keeps no queue (the immediate backend of the tests)."""
    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    return waiting.filter(task_path=task.module_path).exists()


def fail_lost_run(result_id: str, *, worker: str, at: datetime) -> bool:
    """Record as failed (:class:`WorkerLost`) the run ``result_id`` the queue still shows
    as running, once its worker is known to be gone; whether there was such a run."""
    if not result_id:
        return False
    try:
        rows = DBTaskResult.objects.filter(id=result_id, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.FAILED,
            finished_at=at,
            exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            traceback=f"Worker {worker} stopped while running this task; its lease ran out.",
        )
    except ValidationError:  # not an id of this queue (another backend's result)
        return False
    return rows == 1
