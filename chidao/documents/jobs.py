"""Background jobs of the documents app (django-tasks; `manage.py db_worker` runs them).

Any number of workers, on any number of machines sharing the database, may run these;
chidao/documents/runs.py explains how a job is claimed once and recovered when its
worker dies.
"""

from __future__ import annotations

import os
import socket

from django_tasks import TaskContext, task


@task(takes_context=True)
def ingest(context: TaskContext, job_id: int) -> str:
    """Extract one uploaded file into a Document with proposed tasks."""
    from chidao.documents.services import recover_jobs, run_job

    recover_jobs()  # cheap (an indexed look-up): a busy pool heals itself as it goes
    return run_job(job_id, worker=worker_name(context)).state


# Below every ingest job: a watchdog only runs when no file is waiting.
@task(priority=-50)
def watch(job_id: int, attempt: int) -> str:
    """Recover the job's attempt if its worker died (queued, deferred, with each attempt)."""
    from chidao.documents.runs import watch as watch_job

    return watch_job(job_id, attempt)


def worker_name(context: TaskContext) -> str:
    """ "host:pid:worker-id", what the jobs page shows as the worker that ran a job."""
    ids = context.task_result.worker_ids
    return f"{socket.gethostname()}:{os.getpid()}:{ids[-1] if ids else '-'}"[:100]
