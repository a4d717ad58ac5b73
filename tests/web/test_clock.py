"""The application reads the time at one place (chidao/common/clock.py), so a test that sets it
sets every stamp too, whatever the real date."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

from chidao.audit.models import HistoryEntry
from chidao.common import clock
from chidao.tracking import services
from chidao.tracking.models import Assignment, Report
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import set_today

CHIDAO = Path(clock.__file__).resolve().parent.parent
FAR = date(2031, 2, 28)  # far from any real date this suite runs on
# reading the time anywhere but the clock (chidao/extract is handed ``today``)
DIRECT = re.compile(
    r"timezone\.(now|localdate|localtime)\(\)|\b(date|datetime)\.(today|now|utcnow)\(|time\.time\("
)


def _ours() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("chidao.")]


def test_no_time_stamp_of_ours_reads_djangos_own_clock() -> None:
    for model in _ours():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateField):
                name = f"{model.__name__}.{field.name}"
                assert not getattr(field, "auto_now", False), name
                assert not getattr(field, "auto_now_add", False), name
                assert field.default not in (clock.now, timezone.now), name


def test_nothing_outside_the_clock_and_the_extractor_reads_the_time() -> None:
    found = []
    for path in sorted(CHIDAO.rglob("*.py")):
        rel = path.relative_to(CHIDAO).as_posix()
        if rel.startswith(("extract/", "common/clock.py")) or "/migrations/" in rel:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if DIRECT.search(line):
                found.append(f"chidao/{rel}:{number}: {line.strip()}")
    assert not found, "read the time through chidao.common.clock:\n" + "\n".join(found)


def test_today_follows_now_in_the_local_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    # 18:00 UTC on 28/02 is already 01/03 in Hà Nội (UTC+7)
    monkeypatch.setattr(clock, "now", lambda: datetime(2031, 2, 28, 18, 0, tzinfo=UTC))
    assert clock.today() == date(2031, 3, 1)


def test_every_stamp_follows_the_clock_set_by_a_test(
    monkeypatch: pytest.MonkeyPatch, office: Any, officer_a: Any, agency_a: Any
) -> None:
    moment = set_today(monkeypatch, FAR, time(10, 30))
    a = assignment_of(make_task(office, [agency_a], deadline=FAR), agency_a)
    report = services.report_progress(officer_a, a, "Đang thực hiện.", 30)
    a.refresh_from_db()
    assert (a.created_at, a.updated_at, a.last_report_at) == (moment, moment, moment)
    assert Report.objects.get(pk=report.pk).created_at == moment
    assert set(HistoryEntry.objects.filter(assignment=a).values_list("at", flat=True)) == {moment}

    later = set_today(monkeypatch, date(2031, 3, 2))
    Assignment.objects.get(pk=a.pk).save()  # a plain save moves the change stamp
    assert Assignment.objects.get(pk=a.pk).updated_at == later
    assert clock.today() == date(2031, 3, 2)
