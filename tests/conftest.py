"""Shared fixtures: where the evaluation set and the shipped samples live; the test
database with the agency registry loaded once per session; the sleep that works under
libfaketime (``make test-sqlite-ahead``)."""

from __future__ import annotations

import importlib.util
import os
import select
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _select_sleep(seconds: float) -> None:
    select.select([], [], [], seconds)


# Under libfaketime 0.9.10 (Debian 12) with FAKETIME_DONT_FAKE_MONOTONIC=1, which the run
# a year ahead needs (a faked monotonic clock hangs every lock wait with a timeout), the
# absolute monotonic clock_nanosleep() behind time.sleep() fails with EINVAL; select()
# sleeps the same time and is left alone.
if "faketime" in os.environ.get("LD_PRELOAD", ""):
    time.sleep = _select_sleep


def shared_dir() -> Path:
    """``../shared`` beside the checkout (CI puts it there), or $CHIDAO_SHARED."""
    return Path(os.environ.get("CHIDAO_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    path = shared_dir() / "eval"
    if not (path / "score.py").exists():
        pytest.fail(
            f"evaluation set not found at {path}: put shared/ beside the checkout or set CHIDAO_SHARED"
        )
    return path


@pytest.fixture(scope="session")
def scorer(eval_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("chidao_eval_score", eval_dir / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class RegistryRows:
    """The rows ``sync_registry()`` writes (every agency and its search entry), read once
    after the session's load and written back by two bulk inserts: a transactional test
    (browser, worker) flushes the database, and the next test that wants the registry gets
    it back in milliseconds instead of the seconds 272 ``update_or_create`` calls take."""

    def __init__(self) -> None:
        from chidao.registry.models import Agency
        from chidao.search.models import Kind, SearchEntry

        self.agencies = list(Agency.objects.order_by("pk").values())
        self.entries = list(SearchEntry.objects.filter(kind=Kind.AGENCY).order_by("pk").values())

    def restore(self) -> None:
        """Put the rows back, with their primary keys, into a database that has none."""
        from django.core.management.color import no_style
        from django.db import connection, transaction

        from chidao.registry.models import Agency
        from chidao.search.models import SearchEntry

        with transaction.atomic():
            Agency.objects.bulk_create([Agency(**row) for row in self.agencies])
            SearchEntry.objects.bulk_create([SearchEntry(**row) for row in self.entries])
            # explicit keys leave PostgreSQL's sequences behind (as loaddata does)
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [Agency, SearchEntry]):
                    cursor.execute(sql)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[RegistryRows]:
    """The test database (pytest-django's) with the agency registry loaded once, committed:
    every test sees it through its own rolled-back transaction. Yields the loaded rows for
    the ``registry`` fixture (tests/web/conftest.py), which puts them back where a
    transactional test's flush took them away."""
    from chidao.registry.services import sync_registry

    with django_db_blocker.unblock():
        sync_registry()
        rows = RegistryRows()
    yield rows
