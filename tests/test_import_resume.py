"""A batch import killed with ``kill -9`` halfway and started again finishes the job:
every file once, no duplicate, no half-made document (the real command, in a subprocess).

Runs on a fresh SQLite file database; when the suite runs on PostgreSQL
(``CHIDAO_DATABASE_URL=postgres://…``) also on the suite's own PostgreSQL test database.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow

FILES = 30


def _archive(root: Path) -> Path:
    base = (SAMPLES / "tb-ket-luan-giao-ban-thang-3-2022.txt").read_text(encoding="utf-8")
    for n in range(FILES):
        folder = root / f"nam-{2000 + n % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"tb-{n:03d}.txt").write_text(f"{base}\nBản lưu số {n}.\n", encoding="utf-8")
    return root


def _env(tmp: Path, database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chidao.web.settings",
        "CHIDAO_DATABASE_URL": database_url,
        "CHIDAO_VAR_DIR": str(tmp / "var"),
        "CHIDAO_MEDIA_ROOT": str(tmp / "media"),
        "CHIDAO_TASKS_BACKEND": "immediate",
        "CHIDAO_SECRET_KEY": "test-only",
        "PYTHONPATH": str(ROOT),
    }


def _import(archive: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "chidao.cli", "import", str(archive), "--today", "2026-11-21"],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _kill_halfway(archive: Path, env: dict[str, str], count: Callable[[], int]) -> int:
    proc = _import(archive, env)
    deadline = time.monotonic() + 120
    while count() < FILES // 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return count()


def test_a_killed_import_run_again_finishes_with_every_file_once_on_sqlite(tmp_path: Path):
    db = tmp_path / "chidao.sqlite3"
    env = _env(tmp_path, f"sqlite:///{db}")
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    archive = _archive(tmp_path / "kho")

    def count() -> int:
        with sqlite3.connect(db, timeout=20) as conn:
            return conn.execute("select count(*) from documents_document").fetchone()[0]

    before = _kill_halfway(archive, env, count)
    assert 0 < before < FILES

    again = _import(archive, env)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert f"{FILES} tệp" in err.decode()

    with sqlite3.connect(db) as conn:
        docs = conn.execute("select count(*), count(distinct sha256) from documents_document")
        assert docs.fetchone() == (FILES, FILES)
        # no half-made document: each has its candidates, as many as its extraction has
        empty = conn.execute(
            "select count(*) from documents_document d where not exists "
            "(select 1 from documents_candidate c where c.document_id = d.id)"
        ).fetchone()[0]
        assert empty == 0
        unfinished = conn.execute(
            "select count(*) from documents_ingestjob where state in ('queued', 'running')"
        ).fetchone()[0]
        assert unfinished == 0

    third = _import(archive, env)
    _, err = third.communicate(timeout=300)
    assert third.returncode == 0 and "0 đã nhập" in err.decode()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_a_killed_import_run_again_finishes_with_every_file_once_on_postgresql(tmp_path: Path):
    from django.db import connection

    from chidao.documents.models import Document, IngestJob

    assert connection.vendor == "postgresql", "run with -m postgresql on PostgreSQL only"
    s = connection.settings_dict
    url = f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"
    env = _env(tmp_path, url)
    archive = _archive(tmp_path / "kho")
    before = _kill_halfway(archive, env, Document.objects.count)
    assert 0 < before < FILES
    again = _import(archive, env)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert Document.objects.count() == FILES
    assert Document.objects.filter(candidates__isnull=True).count() == 0
    assert not IngestJob.objects.filter(state__in=["queued", "running"]).exists()
