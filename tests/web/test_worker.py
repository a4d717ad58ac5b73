"""The real worker: an upload queues a job in the database, `manage.py db_worker` runs it.

A malformed file ends as a failed job with the engine's coded error, and leaves no
Document behind (the document and its candidates are created in one transaction).
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks import TaskResultStatus

from chidao.documents.jobs import ingest
from chidao.documents.models import Candidate, Document, IngestJob, JobState

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_backend() -> Iterator[None]:
    backend = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=backend):
        yield


def run_worker() -> None:
    """Process everything queued, then return (the worker's signal handlers are undone)."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def upload(client: Client, *files: SimpleUploadedFile) -> None:
    response = client.post(reverse("documents:upload"), {"uploads": list(files)})
    assert response.status_code == 302


def test_an_upload_is_queued_and_the_worker_turns_it_into_a_document(
    client_for: Callable[[Any], Client], office: Any, sample_upload: Callable[[str], Any]
) -> None:
    upload(client_for(office), sample_upload("kh-phong-chong-thien-tai-2024.txt"))
    job = IngestJob.objects.get()
    assert job.state == JobState.QUEUED and job.task_result_id
    queue = ingest.get_backend()
    assert queue.get_result(job.task_result_id).status == TaskResultStatus.READY
    run_worker()
    job.refresh_from_db()
    assert job.state == JobState.DONE, job.error
    assert job.attempts == 1 and job.finished_at is not None
    assert job.document is not None and job.document.number == "187/KH-UBND"
    assert job.document.candidates.count() >= 5
    assert queue.get_result(job.task_result_id).status == TaskResultStatus.SUCCESSFUL


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("hong.docx", b"PK\x03\x04 not really a zip archive"),
        ("hong.pdf", b"%PDF-1.7\n" + b"\x00garbage\xff" * 200),
    ],
)
def test_a_malformed_file_fails_with_a_coded_error_and_leaves_no_document(
    name: str, content: bytes, client_for: Callable[[Any], Client], office: Any
) -> None:
    upload(client_for(office), SimpleUploadedFile(name, content))
    run_worker()
    job = IngestJob.objects.get()
    assert job.state == JobState.FAILED
    assert job.error.startswith("[E10"), job.error
    assert job.document is None
    assert not Document.objects.exists() and not Candidate.objects.exists()
    page = client_for(office).get(reverse("documents:jobs")).content.decode()
    assert job.error.split("]")[0] in page and "Chạy lại" in page
