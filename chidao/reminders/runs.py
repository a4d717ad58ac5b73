"""The record of the daily runs, as the Office reads it: the recent runs, and whether
today's has finished by the hour the Office starts work (09:00 local time)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from chidao.common import clock
from chidao.reminders.models import DailyRun

# The worker runs at 07:00 (jobs.RUN_AT); by 09:00 a run that has not finished is missing.
EXPECTED_BY = time(9, 0)
RECENT = 60  # runs listed on the page: about a month at two runs a day


def recent() -> QuerySet[DailyRun]:
    return DailyRun.objects.order_by("-started_at", "-id")[:RECENT]


@dataclass(frozen=True)
class Today:
    """Today's runs at ``now``: ``missing`` once it is past 09:00 and none has completed;
    ``problems``, the mails the last completed one could not send."""

    missing: bool
    problems: int


def today_at(now: datetime | None = None) -> Today:
    local = timezone.localtime(now or clock.now())
    done = DailyRun.objects.filter(day=local.date(), finished_at__isnull=False, error="")
    last = done.order_by("-finished_at", "-id").first()
    if last is None:
        return Today(missing=local.time() >= EXPECTED_BY, problems=0)
    return Today(missing=False, problems=len(last.problems))
