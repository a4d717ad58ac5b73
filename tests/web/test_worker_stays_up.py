"""The worker stays up: SQLite in WAL mode with a long busy timeout, "database is locked"
at COMMIT retried instead of ending the process, and a heartbeat the jobs page reads."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError
from django.db.utils import ConnectionHandler
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.management.commands import db_worker

from chidao.common import clock
from chidao.documents.models import IngestJob, JobState
from chidao.web.settings import database_from_url
from chidao.workers import beats, steady
from chidao.workers.models import WorkerBeat

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
NO_WORKER = "không có tiến trình xử lý nào đang chạy"


@pytest.fixture
def database_backend() -> Iterator[None]:
    with override_settings(TASKS=DATABASE):
        yield


def run_worker(**options: Any) -> None:
    """``manage.py worker --batch``: everything queued, then return (signals restored)."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("worker", batch=True, startup_delay=False, verbosity=0, **options)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def upload(client: Client, n: int) -> None:
    text = f"UBND THÀNH PHỐ HÀ NỘI\nSố: {n}/UBND-KT\nGiao Sở Tài chính rà soát.\n"
    response = client.post(
        reverse("documents:upload"),
        {"uploads": [SimpleUploadedFile(f"cv-{n}.txt", text.encode())]},
    )
    assert response.status_code == 302


@pytest.fixture
def locked_commits(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], list[str]]:
    """``locked_commits(n)``: the worker's next ``n`` claim transactions fail at COMMIT with
    SQLite's "database is locked", as under a long reader in the "delete" journal mode."""
    failures: list[str] = []
    real = db_worker.exclusive_transaction

    def arm(n: int) -> list[str]:
        @contextmanager
        def failing(using: str | None = None) -> Iterator[None]:
            with real(using):
                yield
                if len(failures) < n:  # the COMMIT fails: the claim is rolled back
                    failures.append("locked")
                    raise OperationalError("database is locked")

        monkeypatch.setattr(db_worker, "exclusive_transaction", failing)
        monkeypatch.setattr(steady, "FIRST_PAUSE", 0.01)
        return failures

    return arm


def test_a_lock_at_commit_is_retried_and_the_job_still_runs(
    database_backend: None,
    locked_commits: Callable[[int], list[str]],
    client_for: Callable[[Any], Client],
    office: Any,
) -> None:
    upload(client_for(office), 1)
    failures = locked_commits(3)
    run_worker()
    assert failures == ["locked"] * 3
    job = IngestJob.objects.get()
    assert job.state == JobState.DONE, job.error


def test_plain_db_worker_dies_on_the_same_lock(
    database_backend: None,
    locked_commits: Callable[[int], list[str]],
    client_for: Callable[[Any], Client],
    office: Any,
) -> None:
    """What the worker guards against: django-tasks-db's own loop ends on it."""
    upload(client_for(office), 2)
    locked_commits(1)
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        with pytest.raises(OperationalError, match="locked"):
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def test_an_error_other_than_a_lock_still_stops_the_worker(
    database_backend: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken database is no lock to wait out: the supervisor starts a fresh worker."""

    @contextmanager
    def broken(using: str | None = None) -> Iterator[None]:
        raise OperationalError("disk I/O error")
        yield

    monkeypatch.setattr(db_worker, "exclusive_transaction", broken)
    with pytest.raises(OperationalError, match="disk I/O"):
        run_worker()
    assert not WorkerBeat.objects.exists()  # it said goodbye on its way out


def test_the_embedded_database_is_in_wal_mode_with_a_long_busy_timeout(tmp_path: Path) -> None:
    settings_dict = database_from_url(f"sqlite:///{tmp_path / 'chidao.sqlite3'}")
    assert settings_dict["OPTIONS"]["timeout"] >= 20  # type: ignore[index]
    handler = ConnectionHandler({"default": settings_dict})
    conn = handler["default"]
    try:
        with conn.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] >= 20_000
    finally:
        conn.close()


def test_a_short_busy_timeout_is_refused_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    import chidao.web.settings as app_settings

    monkeypatch.setenv("CHIDAO_SQLITE_TIMEOUT", "5")
    with pytest.raises(ImproperlyConfigured, match="CHIDAO_SQLITE_TIMEOUT"):
        importlib.reload(app_settings)
    monkeypatch.delenv("CHIDAO_SQLITE_TIMEOUT")
    importlib.reload(app_settings)


# --- the heartbeat and the jobs page --------------------------------------------------------


def test_a_running_worker_beats_and_its_row_goes_when_it_stops(database_backend: None) -> None:
    with beats.Pulse("w-1"):
        (row,) = beats.alive()
        assert row.worker_id == "w-1" and row.pid > 0
    assert not WorkerBeat.objects.exists()


def test_the_jobs_page_says_when_no_worker_is_alive(
    database_backend: None, client_for: Callable[[Any], Client], office: Any
) -> None:
    page = client_for(office).get(reverse("documents:jobs")).content.decode()
    assert NO_WORKER in page.lower()


def test_a_fresh_heartbeat_silences_the_warning_and_a_stale_one_does_not(
    database_backend: None, client_for: Callable[[Any], Client], office: Any
) -> None:
    c = client_for(office)
    beats.beat("w-2")
    assert NO_WORKER not in c.get(reverse("documents:jobs")).content.decode().lower()
    old = clock.now() - beats.stale_after() - timedelta(seconds=1)
    WorkerBeat.objects.update(seen_at=old)
    assert NO_WORKER in c.get(reverse("documents:jobs")).content.decode().lower()


def test_jobs_run_in_the_request_need_no_worker(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    """The "immediate" backend (an office without a worker) shows no warning."""
    page = client_for(office).get(reverse("documents:jobs")).content.decode()
    assert NO_WORKER not in page.lower()
