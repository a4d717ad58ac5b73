"""Real `manage.py db_worker` processes against the test database, for the worker tests.

The workers are separate processes, so they need a database they can open: the test
database on PostgreSQL, or a SQLite file (CHIDAO_TEST_SQLITE); pytest-django's default
in-memory SQLite database lives only inside the test process.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "samples" / "kh-phong-chong-thien-tai-2024.txt"


def database_url() -> str:
    """The URL of the test database (pytest-django's ``test_…``) for the workers."""
    s = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = quote(s["USER"] or "", safe="")
        if s["PASSWORD"]:
            auth += ":" + quote(s["PASSWORD"], safe="")
        host = f"{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}"
        return f"postgres://{auth}@{host}/{quote(s['NAME'], safe='')}"
    name = str(s["NAME"])
    if connection.vendor != "sqlite" or "mode=memory" in name or name == ":memory:":
        raise AssertionError(
            "worker processes need a database they can open: tests/settings.py gives SQLite "
            "a file; run on PostgreSQL or keep that setting"
        )
    return f"sqlite:///{name}"


def directive(n: int, *, repeat: int = 1) -> bytes:
    """The sample plan numbered ``n``/KH-UBND (a different file each ``n``), its tasks
    section repeated ``repeat`` times (a long document takes the reader seconds)."""
    text = SAMPLE.read_text(encoding="utf-8").replace("187/KH-UBND", f"{n}/KH-UBND")
    head, sep, tasks = text.partition("II. NHIỆM VỤ VÀ GIẢI PHÁP")
    return (head + sep + tasks * repeat).encode()


class Workers:
    """Started workers by name; each writes its log to a file the test can wait on."""

    def __init__(self) -> None:
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.logs: dict[str, Path] = {}
        self.dir = Path(tempfile.mkdtemp(prefix="chidao-workers-"))

    def start(self, name: str) -> None:
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "tests.web.worker_settings",
            "CHIDAO_DATABASE_URL": database_url(),
            "CHIDAO_TASKS_BACKEND": "database",
            "CHIDAO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "CHIDAO_VAR_DIR": str(self.dir),
            "CHIDAO_SECRET_KEY": "test-workers",
            "CHIDAO_LOG_LEVEL": "WARNING",
        }
        self.logs[name] = self.dir / f"{name}.log"
        command = [sys.executable, str(ROOT / "manage.py"), "db_worker", "--worker-id", name]
        command += ["--interval", "0.1", "--no-startup-delay", "--no-reload", "-v", "1"]
        with self.logs[name].open("wb") as out:
            self.procs[name] = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        wait_for(lambda: "Starting worker" in self.log(name), f"worker {name} to start", self)

    def log(self, name: str) -> str:
        return self.logs[name].read_text(encoding="utf-8", errors="replace")

    def kill(self, name: str) -> None:
        self.procs[name].send_signal(signal.SIGKILL)
        self.procs[name].wait()

    def stop_all(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.terminate()  # the worker finishes its current job, then exits
        for proc in self.procs.values():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def wait_for(
    condition: Callable[[], bool], what: str, workers: Workers, *, timeout: float = 90
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {n}\n{workers.log(n)[-3000:]}" for n in workers.logs)
            pytest.fail(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.02)


@contextmanager
def running_workers() -> Iterator[Workers]:
    workers = Workers()
    try:
        yield workers
    finally:
        workers.stop_all()
