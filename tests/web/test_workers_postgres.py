"""Several `manage.py db_worker` processes on one batch: every file processed exactly once.

Real worker processes against the test database (PostgreSQL in production; SQLite when
the test database is a file, see tests/web/workers_support.py), and one of them killed
with SIGKILL in the middle of a job.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from chidao.documents.models import Candidate, Document, IngestJob, JobState
from chidao.documents.services import submit_upload
from tests.web.workers_support import directive, running_workers, wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.worker_processes,
    pytest.mark.django_db(transaction=True),
]

INGEST = "chidao.documents.jobs.ingest"


@pytest.fixture(autouse=True)
def database_backend() -> Iterator[None]:
    backend = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=backend, CHIDAO_JOB_LEASE_SECONDS=2):
        yield


def submit(office: Any, n: int, *, repeat: int = 1) -> IngestJob:
    upload = SimpleUploadedFile(f"kh-{n}.txt", directive(n, repeat=repeat))
    job = submit_upload(office, upload).job
    assert job is not None
    return job


def all_finished() -> bool:
    return not IngestJob.objects.exclude(
        state__in=[JobState.DONE, JobState.DUPLICATE, JobState.FAILED]
    ).exists()


def assert_each_file_made_one_document() -> None:
    assert Document.objects.count() == IngestJob.objects.count()
    assert not IngestJob.objects.exclude(state=JobState.DONE).exists()
    assert IngestJob.objects.values("document").distinct().count() == Document.objects.count()
    repeated = Candidate.objects.values("document", "order").annotate(n=Count("id"))
    assert not repeated.filter(n__gt=1).exists()


def test_two_workers_process_every_file_of_a_batch_exactly_once(office: Any) -> None:
    with running_workers() as workers:
        workers.start("worker-a")
        workers.start("worker-b")
        jobs = [submit(office, 1000 + i) for i in range(40)]
        wait_for(all_finished, "the batch to finish", workers)
    assert_each_file_made_one_document()
    assert set(IngestJob.objects.values_list("attempts", flat=True)) == {1}
    runs = DBTaskResult.objects.filter(task_path=INGEST)
    assert runs.count() == len(jobs)
    assert {tuple(r.worker_ids) for r in runs} == {("worker-a",), ("worker-b",)}
    assert set(runs.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
    per_document = Document.objects.annotate(n=Count("candidates")).values_list("n", flat=True)
    assert min(per_document) >= 5


def test_a_job_whose_worker_is_killed_is_recovered_and_finished_by_the_other(
    office: Any,
) -> None:
    with running_workers() as workers:
        workers.start("worker-a")
        workers.start("worker-b")
        # a long directive, so that its worker is caught in the middle of it
        long_job = submit(office, 999, repeat=300)
        running = IngestJob.objects.filter(pk=long_job.pk, state=JobState.RUNNING)
        wait_for(running.exists, "a worker to start the long directive", workers)
        victim = running.get().worker.rsplit(":", 1)[1]
        survivor = ({"worker-a", "worker-b"} - {victim}).pop()
        workers.kill(victim)
        # past the lease (2 s in worker_settings): the next jobs' claims find it expired,
        # whatever became of the watchdog task the dead worker may have taken with it
        time.sleep(3)
        others = [submit(office, 2000 + i) for i in range(10)]
        wait_for(all_finished, "the batch to finish after the kill", workers)
    long_job.refresh_from_db()
    assert long_job.state == JobState.DONE, long_job.error
    assert long_job.attempts == 2 and long_job.worker.endswith(f":{survivor}")
    assert_each_file_made_one_document()
    lost = DBTaskResult.objects.filter(task_path=INGEST, worker_ids=[victim])
    assert lost.filter(
        status=TaskResultStatus.FAILED, exception_class_path__endswith="WorkerLost"
    ).exists()
    assert {j.attempts for j in IngestJob.objects.filter(pk__in=[o.pk for o in others])} == {1}
