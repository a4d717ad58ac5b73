"""The archive import through a real worker process (``manage.py db_worker``): the page
queues it, a worker imports it; a worker killed with SIGKILL mid-import is replaced, the
job is recovered and finished by the other, every file once, no folder left behind."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from chidao.documents.imports import job_folder
from chidao.documents.models import Document, ImportJob, JobState
from tests.web.workers_support import directive, running_workers, wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.worker_processes,
    pytest.mark.django_db(transaction=True),
]

FILES = 24


@pytest.fixture(autouse=True)
def database_backend() -> Iterator[None]:
    backend = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=backend, CHIDAO_JOB_LEASE_SECONDS=2):
        yield


def _archive() -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(FILES):
            zf.writestr(f"kh-{i:02d}.txt", directive(700 + i, repeat=3))
    return SimpleUploadedFile("kho-2024.zip", out.getvalue(), content_type="application/zip")


def test_a_worker_killed_mid_import_is_replaced_and_the_import_finishes_once(
    client_for: Any, office: Any
) -> None:
    response = client_for(office).post(reverse("documents:import"), {"archive": _archive()})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    with running_workers() as workers:
        workers.start("worker-a")
        wait_for(lambda: job.items.count() >= 3, "the first files", workers)
        workers.kill("worker-a")
        assert job_folder(job.pk).is_dir()  # the killed worker's files are still there
        workers.start("worker-b")
        wait_for(lambda: ImportJob.objects.get(pk=job.pk).finished, "the import to finish", workers)
    job.refresh_from_db()
    assert job.state == JobState.DONE, job.error
    assert job.attempts == 2 and "worker-b" in job.worker
    assert job.items.count() == FILES == Document.objects.count()
    assert not job_folder(job.pk).exists()
