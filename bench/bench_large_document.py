"""One huge directive in the archive: p50/p95 of the pages it could slow down.

Usage:
  python bench/bench_large_document.py     # a temporary SQLite database (made, removed)
  python bench/bench_large_document.py --database-url postgres://postgres@127.0.0.1:5432/chidao_bench_large
  python bench/bench_large_document.py --keep   # keep the filled database; reuse it

The corpus: ``--documents`` ordinary directives (each with a few proposed tasks, some
registered for Sở Tài chính), ``--entries`` more search entries of generated directives
(bench_search.py's fill), and one directive of ``--items`` numbered items (30,000 by
default: about 6 MB of text) with one proposed task per item, written straight to the
database by tests/web/large_document.py. Then times, ``--repeat`` times each, through
the test client as a signed-in user: the documents list (the Office's, a filtered one,
an officer's), search pages whose results include the huge directive, and its review
screen (first, middle and last page). Targets of issue 12: list and search p95 < 300 ms,
review page p95 < 1 s.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_tracking import Result, prepare_database, remove_database, timed

ROOT = Path(__file__).resolve().parent.parent
TARGETS_MS = {"list": 300, "search": 300, "review": 1000}
SEARCHES = {
    "rare words at the very end": "sat lo muong lat",
    "words on every item": "chuyen doi so",
    "its document number": "9999/UBND-KT",
    "a common word + prefix": "thanh pho ha n",
}


def main() -> None:
    args = parse_args()
    var_dir = tempfile.mkdtemp(prefix="chidao-bench-")
    url = args.database_url or f"sqlite:///{var_dir}/bench.sqlite3"
    os.environ.update(
        CHIDAO_DATABASE_URL=url,
        CHIDAO_VAR_DIR=var_dir,
        DJANGO_SETTINGS_MODULE="chidao.web.settings",
        CHIDAO_LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT))
    Path(var_dir, "static").mkdir()
    prepare_database(url, args.keep)
    import django

    django.setup()
    try:
        run(args)
    finally:
        if not args.keep:
            remove_database(url)
        if not (args.keep and args.database_url is None):
            shutil.rmtree(var_dir, ignore_errors=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    parser.add_argument("--items", type=int, default=30_000)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true")
    return parser.parse_args()


def run(args: argparse.Namespace) -> None:
    from django.core.management import call_command
    from django.db import connection

    from chidao.accounts.cast import create_cast
    from chidao.documents.models import Document
    from chidao.registry.services import sync_registry

    call_command("migrate", verbosity=0)
    sync_registry()
    users = create_cast("bench-mat-khau-2026")
    large = Document.objects.filter(number="9999/UBND-KT").first()
    if large is None:
        large = fill(args, users)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{connection.vendor}: {Document.objects.count():,} documents; the large one: "
        f"{len(large.text.encode()) / 2**20:.1f} MB, {large.candidates.count():,} items"
    )
    results = measure(users, large, args.repeat)
    report(results)


def fill(args: argparse.Namespace, users: dict[str, Any]) -> Any:
    from bench_search import fill as fill_search

    from chidao.documents.models import Candidate
    from chidao.registry.models import Agency
    from tests.web.factories import make_document, make_task
    from tests.web.large_document import ITEM, make_large_document

    started = time.perf_counter()
    office = users["chuyenvien"]
    agency = Agency.objects.get(code="so-tai-chinh")
    for n in range(args.documents):
        text = "\n".join(ITEM.format(n=i, agency=agency.name) for i in range(1, 6))
        document = make_document(office, text=text)
        Candidate.objects.bulk_create(
            Candidate(document=document, order=i, text=line)
            for i, line in enumerate(text.splitlines(), start=1)
        )
        if n % 10 == 0:
            make_task(office, [agency], document=document)
    fill_search(args.entries, start=0)
    large = make_large_document(office, items=args.items)
    print(f"filled in {time.perf_counter() - started:.0f} s")
    return large


def measure(users: dict[str, Any], large: Any, repeat: int) -> list[Result]:
    from django.test import Client
    from django.urls import reverse

    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    office, officer = users["chuyenvien"], users["canbo.taichinh"]
    documents = reverse("documents:list")
    found = reverse("search:results")
    review = reverse("documents:review", args=[large.pk])
    last = -(-large.candidates.count() // 50)
    cases: list[tuple[str, Any, str, dict[str, Any]]] = [
        ("list: Office, documents", office, documents, {}),
        ("list: Office, documents matching 'UBND-KT'", office, documents, {"q": "UBND-KT"}),
        ("list: officer, documents", officer, documents, {}),
        *[(f"search: {name}", office, found, {"q": q}) for name, q in SEARCHES.items()],
        ("review: page 1", office, review, {}),
        ("review: middle page", office, review, {"page": last // 2}),
        ("review: last page", office, review, {"page": last}),
    ]
    results = []
    for name, user, url, query in cases:
        client = Client()
        client.force_login(user)

        def get(client: Client = client, url: str = url, query: Any = query) -> str:
            response = client.get(url, query)
            if response.status_code != 200:
                raise RuntimeError(f"{url} {query}: HTTP {response.status_code}")
            return f"{len(response.content) // 1024} KB"

        results.append(timed(name, get, repeat))
    return results


def report(results: list[Result]) -> None:
    width = max(len(r.name) for r in results)
    print(f"\n{'page':<{width}}  {'p50 ms':>8}  {'p95 ms':>8}  result")
    for r in results:
        print(f"{r.name:<{width}}  {r.p(0.5):>8.1f}  {r.p(0.95):>8.1f}  {r.rows}")
    print()
    for kind, target in TARGETS_MS.items():
        worst = max(r.p(0.95) for r in results if r.name.startswith(kind))
        verdict = "met" if worst < target else "NOT met"
        print(f"target {kind} p95 < {target} ms: {verdict} (worst p95 {worst:.1f} ms)")


if __name__ == "__main__":
    main()
