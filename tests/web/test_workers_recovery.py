"""A job survives its worker: lost attempts are recovered, and retries are bounded.

In-process and meaningful on SQLite and PostgreSQL alike: a "dead worker" is an attempt
claimed (chidao.documents.runs.claim, exactly as a worker does) and never finished.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from chidao.documents import runs
from chidao.documents.jobs import recover_jobs, run_job
from chidao.documents.models import Document, IngestJob, JobState
from chidao.documents.services import submit_upload
from tests.web.workers_support import directive

pytestmark = pytest.mark.django_db

LEASE = 0.2


@pytest.fixture(autouse=True)
def short_lease() -> Iterator[None]:
    with override_settings(CHIDAO_JOB_LEASE_SECONDS=LEASE, CHIDAO_JOB_MAX_ATTEMPTS=3):
        yield


@pytest.fixture
def queued(office: Any) -> Callable[[int], IngestJob]:
    """A job queued but not run (its on-commit enqueue never fires in this test)."""

    def make(n: int) -> IngestJob:
        job = submit_upload(office, SimpleUploadedFile(f"kh-{n}.txt", directive(n))).job
        assert job is not None
        return job

    return make


def die_mid_job(job: IngestJob) -> None:
    """A worker claims the job, then is killed: the attempt is never finished."""
    assert runs.claim(job.pk, "may-1:4242:dead") is not None
    time.sleep(LEASE * 1.5)


def test_a_job_lost_with_its_worker_is_queued_again_and_completed(
    queued: Callable[[int], IngestJob], django_capture_on_commit_callbacks: Any
) -> None:
    job = queued(301)
    die_mid_job(job)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("recover_jobs", verbosity=0)
    job.refresh_from_db()
    assert job.state == JobState.DONE and job.attempts == 2
    assert Document.objects.filter(sha256=job.sha256).count() == 1


def test_a_live_workers_job_is_not_taken_by_a_second_copy(
    queued: Callable[[int], IngestJob],
) -> None:
    job = queued(302)
    assert runs.claim(job.pk, "may-1:1:song") is not None
    assert recover_jobs() == []
    again = run_job(job.pk)
    assert (again.state, again.attempts) == (JobState.RUNNING, 1)
    assert not Document.objects.exists()


def test_a_file_that_kills_its_worker_every_time_ends_as_failed_without_blocking_others(
    queued: Callable[[int], IngestJob], django_capture_on_commit_callbacks: Any
) -> None:
    poison, healthy = queued(303), queued(304)
    for _ in range(3):
        die_mid_job(poison)
        assert recover_jobs() == [poison.pk]
    poison.refresh_from_db()
    assert poison.state == JobState.FAILED and poison.attempts == 3
    assert "bị dừng giữa chừng" in poison.error and "Đã thử 3 lần" in poison.error
    assert run_job(poison.pk).state == JobState.FAILED
    assert run_job(healthy.pk).state == JobState.DONE


def test_running_a_finished_job_again_changes_nothing(
    queued: Callable[[int], IngestJob],
) -> None:
    job = run_job(queued(305).pk)
    assert job.state == JobState.DONE
    again = run_job(job.pk)
    assert (again.state, again.attempts, again.document_id) == (
        JobState.DONE,
        1,
        job.document_id,
    )
    assert Document.objects.count() == 1


def test_the_same_file_queued_twice_ends_as_one_document_and_one_duplicate(
    office: Any,
) -> None:
    jobs = [
        IngestJob.objects.create(filename=f"ban-{i}.txt", sha256="", size=0, blob="")
        for i in range(2)
    ]
    first = submit_upload(office, SimpleUploadedFile("a.txt", directive(306))).job
    assert first is not None
    for job in jobs:
        job.sha256, job.blob, job.size = first.sha256, first.blob, first.size
        job.save()
    states = [run_job(j.pk).state for j in (first, *jobs)]
    assert states == [JobState.DONE, JobState.DUPLICATE, JobState.DUPLICATE]
    assert Document.objects.count() == 1


def test_the_jobs_page_shows_attempts_duration_and_the_error_of_a_lost_attempt_without_worker_ids(
    queued: Callable[[int], IngestJob], client_for: Callable[[Any], Client], office: Any
) -> None:
    job = queued(307)
    die_mid_job(job)
    recover_jobs()  # queued again; its on-commit enqueue is not run here
    page = client_for(office).get(reverse("documents:jobs")).content.decode()
    assert "Tiến trình xử lý bị dừng giữa chừng" in page and "may-1:4242" not in page
    assert "Thời gian xử lý" in page and "Đang chờ tiến trình xử lý" in page
    run_job(job.pk, worker="may-2:7:song")
    page = client_for(office).get(reverse("documents:jobs")).content.decode()
    assert " s<" in page and "may-2:7:song" not in page  # no worker ids on screen


def test_a_job_held_by_a_dead_process_of_this_machine_is_taken_at_once(
    office: Any, sample_upload: Any
) -> None:
    import socket
    import subprocess
    import sys
    from datetime import timedelta

    from django.utils import timezone

    from chidao.documents import runs
    from chidao.documents.models import IngestJob, JobState
    from chidao.documents.services import submit_upload

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    submitted = submit_upload(office, sample_upload("tb-ket-luan-giao-ban-thang-3-2022.txt"))
    IngestJob.objects.filter(pk=submitted.job.pk).update(
        state=JobState.RUNNING,
        attempts=1,
        lease_until=timezone.now() + timedelta(minutes=5),
        worker=f"{socket.gethostname()}:{dead.pid}:x",
    )
    assert runs.worker_gone(f"{socket.gethostname()}:{dead.pid}:x")
    assert not runs.worker_gone(f"another-host:{dead.pid}:x")
    claim = runs.claim(submitted.job.pk)
    assert claim is not None and claim.attempt == 2
