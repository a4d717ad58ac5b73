"""``manage.py supervise`` (what ``make run`` starts): a worker killed with SIGKILL is
started again, and the next upload is processed; SIGTERM stops everything cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from chidao.documents.models import IngestJob, JobState
from chidao.documents.services import submit_upload
from chidao.workers.models import WorkerBeat
from tests.web.workers_support import ROOT, database_url, directive

pytestmark = [
    pytest.mark.slow,
    pytest.mark.worker_processes,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def database_backend() -> Iterator[None]:
    backend = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=backend, CHIDAO_WORKER_BEAT_SECONDS=1):
        yield


@pytest.fixture
def supervisor() -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    folder = Path(tempfile.mkdtemp(prefix="chidao-supervise-"))
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "tests.web.worker_settings",
        "CHIDAO_DATABASE_URL": database_url(),
        "CHIDAO_TASKS_BACKEND": "database",
        "CHIDAO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CHIDAO_VAR_DIR": str(folder),
        "CHIDAO_SECRET_KEY": "test-supervise",
        "CHIDAO_LOG_LEVEL": "WARNING",
        "CHIDAO_WORKER_BEAT_SECONDS": "1",
    }
    log = folder / "supervise.log"
    command = [sys.executable, str(ROOT / "manage.py"), "supervise", "--"]
    command += ["--interval", "0.1", "--no-startup-delay"]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield proc, log
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def wait_for(condition: Callable[[], Any], what: str, log: Path, timeout: float = 90) -> Any:
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.1)
    return found


def test_a_killed_worker_is_started_again_and_the_next_upload_is_processed(
    supervisor: tuple[subprocess.Popen[bytes], Path], office: Any
) -> None:
    proc, log = supervisor
    first = wait_for(lambda: WorkerBeat.objects.first(), "the first worker's heartbeat", log)
    os.kill(first.pid, signal.SIGKILL)
    second = wait_for(
        lambda: WorkerBeat.objects.exclude(pid=first.pid).first(), "a new worker", log
    )
    assert second.worker_id != first.worker_id
    job = submit_upload(office, SimpleUploadedFile("kh-501.txt", directive(501))).job
    assert job is not None

    def processed() -> bool:
        job.refresh_from_db()
        return job.finished

    wait_for(processed, "the upload to be processed", log)
    assert job.state == JobState.DONE, job.error
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0
    assert not WorkerBeat.objects.filter(pid=second.pid).exists()  # it stopped cleanly
    assert IngestJob.objects.count() == 1
