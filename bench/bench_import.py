"""Import throughput: documents per second through real `manage.py db_worker` processes.

Usage:
  python bench/bench_import.py                 # 10,000 documents; PostgreSQL with 1 and
                                               # 2 workers, then SQLite with 1 worker
  python bench/bench_import.py --documents 2000 --workers 1,2,4 --no-sqlite

For each configuration a fresh database (PostgreSQL: chidao_bench_import_<n>w on the
server of ``--postgres-url``, dropped at the end; SQLite: a temporary file) is migrated,
the registry loaded, and ``--documents`` different text directives (the sample directives
with their number, date and task order varied, so each has its own hash) are queued
through ``submit_upload``, as uploads are. Then N workers run with ``--batch`` until the
queue is empty; the time from their start to the last exit gives documents per second.
Every job must end done: the table says so.

  python bench/bench_import.py --archive 300   # the web archive import (issue 12.3)

``--archive N``: a .zip of N such directives POSTed to the import page (a signed-in
Office specialist, Django's test client after one warm-up request, the database task
backend), then one worker with ``--batch`` imports it. The table gives the request's
time (it only stores the archive and queues the job), the worker's run (process start
to exit) and the job's own duration, per database.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_tracking import _pg_admin, prepare_database

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ["kh-phong-chong-thien-tai-2024.txt", "tb-ket-luan-giao-ban-thang-3-2022.txt"]
NUMBERS = {"kh-phong-chong-thien-tai-2024.txt": "187/KH-UBND"}


def main() -> None:
    args = parse_args()
    if args.archive:
        archive_rows([run_archive(args, vendor) for vendor in _vendors(args)])
        return
    configs = [("postgresql", n) for n in args.workers] if args.postgres else []
    if args.sqlite:
        configs.append(("sqlite", 1))
    rows = []
    for vendor, workers in configs:
        rows.append(run_one(args, vendor, workers))
    print(
        f"\n{'database':<11} {'workers':>7} {'documents':>9} {'queue s':>8} {'run s':>8} "
        f"{'docs/s':>8}  outcome"
    )
    for r in rows:
        print(
            f"{r['vendor']:<11} {r['workers']:>7} {r['documents']:>9} {r['queue']:>8.1f} "
            f"{r['run']:>8.1f} {r['rate']:>8.1f}  {r['outcome']}"
        )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/x")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--workers", type=lambda s: [int(n) for n in s.split(",")], default=[1, 2])
    parser.add_argument("--no-sqlite", dest="sqlite", action="store_false")
    parser.add_argument("--no-postgres", dest="postgres", action="store_false")
    parser.add_argument("--archive", type=int, default=0, help="files in a web archive import")
    return parser.parse_args()


def _vendors(args: argparse.Namespace) -> list[str]:
    return (["postgresql"] if args.postgres else []) + (["sqlite"] if args.sqlite else [])


def _setting_up(
    args: argparse.Namespace, vendor: str, workers: int
) -> tuple[Path, str, dict[str, str]]:
    """A fresh database and folder for one configuration: (folder, URL, environment)."""
    var_dir = Path(tempfile.mkdtemp(prefix="chidao-bench-import-"))
    if vendor == "sqlite":
        url = f"sqlite:///{var_dir}/bench.sqlite3"
    else:
        parts = urlsplit(args.postgres_url)
        url = parts._replace(path=f"/chidao_bench_import_{workers}w").geturl()
    env = os.environ | {
        "CHIDAO_DATABASE_URL": url,
        "CHIDAO_VAR_DIR": str(var_dir),
        "CHIDAO_MEDIA_ROOT": str(var_dir / "media"),
        "CHIDAO_TASKS_BACKEND": "database",
        "CHIDAO_SECRET_KEY": "bench-import",
        "CHIDAO_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "chidao.web.settings",
    }
    prepare_database(url, keep=False)
    return var_dir, url, env


def run_one(args: argparse.Namespace, vendor: str, workers: int) -> dict[str, object]:
    var_dir, url, env = _setting_up(args, vendor, workers)
    try:
        python = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*python, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        started = time.perf_counter()
        queue = [sys.executable, __file__, "--queue", str(args.documents)]
        subprocess.run(queue, env=env, check=True, cwd=ROOT)
        queued = time.perf_counter() - started
        print(f"{vendor}, {workers} worker(s): {args.documents} queued in {queued:.0f} s")
        started = time.perf_counter()
        procs = [
            subprocess.Popen(
                [
                    *python,
                    "db_worker",
                    "--batch",
                    "--no-startup-delay",
                    "--no-reload",
                    "-v0",
                    "--worker-id",
                    f"bench-{i}",
                ],
                env=env,
                cwd=ROOT,
            )
            for i in range(workers)
        ]
        for p in procs:
            p.wait()
        elapsed = time.perf_counter() - started
        outcome = subprocess.run(
            [sys.executable, __file__, "--outcome"],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        print(f"  ran in {elapsed:.0f} s: {outcome}")
    finally:
        _drop(url)
        shutil.rmtree(var_dir, ignore_errors=True)
    return {
        "vendor": vendor,
        "workers": workers,
        "documents": args.documents,
        "queue": queued,
        "run": elapsed,
        "rate": args.documents / elapsed,
        "outcome": outcome,
    }


def run_archive(args: argparse.Namespace, vendor: str) -> dict[str, object]:
    var_dir, url, env = _setting_up(args, vendor, 1)
    try:
        python = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*python, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        post = [sys.executable, __file__, "--post-archive", str(args.archive)]
        answer = subprocess.run(
            post, env=env, check=True, cwd=ROOT, capture_output=True, text=True
        ).stdout.split()
        started = time.perf_counter()
        worker = [*python, "db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v0"]
        subprocess.run(worker, env=env, check=True, cwd=ROOT)
        elapsed = time.perf_counter() - started
        check = [sys.executable, __file__, "--archive-outcome"]
        outcome = subprocess.run(
            check, env=env, check=True, cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        print(f"{vendor}: request {answer[0]} s (HTTP {answer[1]}), import {elapsed:.1f} s")
    finally:
        _drop(url)
        shutil.rmtree(var_dir, ignore_errors=True)
    return {
        "vendor": vendor,
        "files": args.archive,
        "request": float(answer[0]),
        "run": elapsed,
        "outcome": outcome,
    }


def archive_rows(rows: list[dict[str, object]]) -> None:
    print(
        f"\n{'database':<11} {'files':>6} {'request s':>10} {'import s':>9} {'files/s':>8}  outcome"
    )
    for r in rows:
        rate = float(r["files"]) / float(r["run"])
        print(
            f"{r['vendor']:<11} {r['files']:>6} {r['request']:>10.3f} {r['run']:>9.1f} "
            f"{rate:>8.1f}  {r['outcome']}"
        )


def _drop(url: str) -> None:
    if url.startswith("postgres"):
        from psycopg import sql

        name = urlsplit(url).path.lstrip("/")
        with _pg_admin(url) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


# --- run inside the configured environment ------------------------------------------------


def queue_documents(n: int) -> None:
    """Queue ``n`` different directives through submit_upload (the upload path)."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from chidao.accounts.cast import create_cast
    from chidao.documents.services import submit_upload
    from chidao.registry.services import sync_registry

    sync_registry()
    office = create_cast("bench-mat-khau-2026")["chuyenvien"]
    rng = random.Random(2026)
    texts = {name: (ROOT / "samples" / name).read_text(encoding="utf-8") for name in SAMPLES}
    for start in range(0, n, 500):
        with transaction.atomic():
            for i in range(start, min(n, start + 500)):
                name = SAMPLES[i % len(SAMPLES)]
                body = vary(texts[name], NUMBERS.get(name), i, rng)
                submit_upload(office, SimpleUploadedFile(f"vb-{i}.txt", body.encode()))


def vary(text: str, number: str | None, i: int, rng: random.Random) -> str:
    """The sample with its number, its date and the order of its numbered tasks changed."""
    if number:
        text = text.replace(number, f"{1000 + i}/{number.split('/', 1)[1]}")
    text = text.replace("năm 2024", f"năm {2015 + i % 11}").replace("2022", str(2015 + i % 11))
    paragraphs = text.split("\n\n")
    tasks = [k for k, p in enumerate(paragraphs) if p[:2].rstrip(".").isdigit()]
    moved = [paragraphs[k] for k in tasks]
    rng.shuffle(moved)
    for k, p in zip(tasks, moved, strict=True):
        paragraphs[k] = p
    return "\n\n".join(paragraphs) + f"\n\nNơi nhận: lưu VT ({i})."


def post_archive(n: int) -> None:
    """POST a zip of ``n`` directives to the import page; print the seconds and status."""
    import io
    import zipfile

    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from chidao.accounts.cast import create_cast
    from chidao.registry.services import sync_registry

    sync_registry()
    office = create_cast("bench-mat-khau-2026")["chuyenvien"]
    rng = random.Random(2026)
    texts = {name: (ROOT / "samples" / name).read_text(encoding="utf-8") for name in SAMPLES}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(n):
            name = SAMPLES[i % len(SAMPLES)]
            zf.writestr(f"kho/vb-{i}.txt", vary(texts[name], NUMBERS.get(name), i, rng))
    client = Client()
    client.force_login(office)
    client.get(reverse("documents:import"))  # the process's first request loads the modules
    upload = SimpleUploadedFile("kho.zip", out.getvalue(), content_type="application/zip")
    started = time.perf_counter()
    response = client.post(reverse("documents:import"), {"archive": upload})
    print(f"{time.perf_counter() - started:.3f} {response.status_code}")


def archive_outcome() -> None:
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from chidao.documents.imports import job_folder
    from chidao.documents.models import Document, ImportJob

    job = ImportJob.objects.get()
    left = "folder left behind" if job_folder(job.pk).exists() else "no folder left"
    print(
        f"job {job.state} in {job.duration or 0:.1f} s, {job.items.count()}/{job.total} files, "
        f"{Document.objects.count()} documents; {left}"
    )


def outcome() -> None:
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.db.models import Count

    from chidao.documents.models import Document, IngestJob

    states = dict(IngestJob.objects.values_list("state").annotate(n=Count("id")))
    print(f"{Document.objects.count()} documents; jobs {states}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--queue"]:
        queue_documents(int(sys.argv[2]))
    elif sys.argv[1:2] == ["--outcome"]:
        outcome()
    elif sys.argv[1:2] == ["--post-archive"]:
        post_archive(int(sys.argv[2]))
    elif sys.argv[1:2] == ["--archive-outcome"]:
        archive_outcome()
    else:
        main()
