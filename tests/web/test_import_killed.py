"""An archive import whose worker is killed: the next attempt removes the leftovers,
resumes where the killed one stopped and imports nothing twice; no job leaves its
temporary files behind, whether it succeeds, fails, or is killed."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings

from chidao.documents import runs
from chidao.documents.batch import Options, import_file
from chidao.documents.imports import (
    archive_of,
    clean_leftovers,
    imports_root,
    job_folder,
    run_import,
    start_import,
)
from chidao.documents.models import Document, ImportItem, ImportJob, ImportStatus, JobState
from tests.web.workers_support import directive

pytestmark = pytest.mark.django_db

LEASE = 0.2


@pytest.fixture(autouse=True)
def short_lease() -> Iterator[None]:
    with override_settings(CHIDAO_JOB_LEASE_SECONDS=LEASE, CHIDAO_JOB_MAX_ATTEMPTS=3):
        yield


def queued_import(office: Any, n: int = 3) -> ImportJob:
    """An archive of ``n`` different directives and one bad file, stored and queued."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(n):
            zf.writestr(f"kh/kh-{i}.txt", directive(500 + i))
        zf.writestr("kh/hong.pdf", b"not a pdf")
    upload = SimpleUploadedFile("lưu trữ 2024.zip", out.getvalue())
    return start_import(office, upload, historical=False)


def killed_after_one_file(job: ImportJob) -> Path:
    """What a worker killed mid-job leaves: the attempt claimed and never finished, one
    file imported and reported, the archive unpacked into the attempt's folder."""
    claim = runs.claim_of(ImportJob, job.pk, "may-1:4242:chet")
    assert claim is not None
    unpacked = job_folder(job.pk) / "giai-nen-1" / "00000"
    unpacked.mkdir(parents=True)
    first = unpacked / "kh-0.txt"
    with zipfile.ZipFile(archive_of(job)) as zf:
        first.write_bytes(zf.read("kh/kh-0.txt"))
    outcome = import_file(first, f"{job.filename}/kh/kh-0.txt", Options(user=job.created_by))
    ImportItem.objects.create(
        job=job, path=outcome.path, status=outcome.status, document_id=outcome.document_id
    )
    time.sleep(LEASE * 1.5)  # the lease runs out: no heartbeat renews it
    return unpacked.parent


def test_a_killed_import_is_recovered_resumed_and_its_leftovers_removed(
    office: Any, django_capture_on_commit_callbacks: Any
) -> None:
    job = queued_import(office)
    leftovers = killed_after_one_file(job)
    assert leftovers.is_dir() and Document.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        call_command("recover_jobs", verbosity=0)  # queued again: the test backend runs it
    job.refresh_from_db()
    assert (job.state, job.attempts, job.total) == (JobState.DONE, 2, 4)
    assert not leftovers.exists() and not job_folder(job.pk).exists()
    assert Document.objects.count() == 3  # kh-0 imported once, before the kill
    statuses = dict(job.items.values_list("path", "status"))
    assert statuses == {
        "lưu trữ 2024.zip/kh/kh-0.txt": ImportStatus.IMPORTED,
        "lưu trữ 2024.zip/kh/kh-1.txt": ImportStatus.IMPORTED,
        "lưu trữ 2024.zip/kh/kh-2.txt": ImportStatus.IMPORTED,
        "lưu trữ 2024.zip/kh/hong.pdf": ImportStatus.FAILED,
    }


def test_running_the_killed_job_again_by_hand_does_the_same(office: Any) -> None:
    job = queued_import(office, n=2)
    leftovers = killed_after_one_file(job)
    assert run_import(job.pk).state == JobState.DONE
    assert not leftovers.exists() and not job_folder(job.pk).exists()
    assert Document.objects.count() == 2 and job.items.count() == 3


def test_a_job_whose_worker_is_alive_is_left_to_it(office: Any) -> None:
    job = queued_import(office, n=1)
    assert runs.claim_of(ImportJob, job.pk, "may-1:1:song") is not None
    again = run_import(job.pk)
    assert (again.state, again.attempts) == (JobState.RUNNING, 1)
    assert archive_of(job).is_file()  # its folder is kept for the worker that holds it
    assert not Document.objects.exists()


def test_a_finished_import_leaves_no_folder(office: Any) -> None:
    job = queued_import(office, n=1)
    assert archive_of(job).is_file()
    assert run_import(job.pk).state == JobState.DONE
    assert not job_folder(job.pk).exists()


def test_a_failed_import_says_why_and_leaves_no_folder(office: Any) -> None:
    job = queued_import(office, n=1)
    archive_of(job).unlink()  # the stored archive is gone (a disk swapped, a hand)
    (job_folder(job.pk) / "giai-nen-1").mkdir()
    failed = run_import(job.pk)
    assert failed.state == JobState.FAILED
    assert "Không còn tệp nén" in failed.error
    assert not job_folder(job.pk).exists()


def test_the_cleanup_removes_only_what_no_job_needs_and_can_run_again(office: Any) -> None:
    waiting = queued_import(office, n=1)
    finished = queued_import(office, n=1)
    ImportJob.objects.filter(pk=finished.pk).update(state=JobState.DONE)
    orphan = imports_root() / "999999" / "giai-nen-1"  # a request cut off before its job
    orphan.mkdir(parents=True)
    assert clean_leftovers() == [finished.pk, 999999]
    assert clean_leftovers() == []
    assert archive_of(waiting).is_file()
    assert not job_folder(finished.pk).exists() and not orphan.parent.exists()
