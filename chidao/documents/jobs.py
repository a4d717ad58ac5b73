"""Background jobs of the documents app (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def ingest(job_id: int) -> str:
    """Extract one uploaded file into a Document with proposed tasks."""
    from chidao.documents.services import run_job

    return run_job(job_id).state
