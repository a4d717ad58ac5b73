"""Background jobs of reminders (django-tasks; ``manage.py db_worker`` runs them).

``daily_reminders`` runs the daily reminders and enqueues itself for 07:00 (local time)
the next day, so once ``manage.py remind --schedule`` has enqueued the first run a worker
keeps it going. ``send_reminder_mails`` mails the Office's manual reminders.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django_tasks import task

from chidao.common import clock
from chidao.common.taskqueue import is_waiting
from chidao.reminders.daily import run_daily
from chidao.reminders.mail import send_unsent
from chidao.reminders.models import Reminder

log = logging.getLogger(__name__)

RUN_AT = time(7, 0)


@task()
def daily_reminders(today: str | None = None, reschedule: bool = True) -> dict[str, Any]:
    """Remind agencies of today's (or ``today``'s, ISO date) assignments; then schedule
    tomorrow's run, even when this one failed."""
    try:
        day = date.fromisoformat(today) if today else clock.today()
        return run_daily(day).as_dict()
    finally:
        if reschedule:
            schedule_next()


@task()
def send_reminder_mails(reminder_ids: list[int], today: str) -> dict[str, int]:
    """Mail the agencies of these reminders (those not mailed yet)."""
    result = send_unsent(Reminder.objects.filter(pk__in=reminder_ids), date.fromisoformat(today))
    return {"sent": result.sent, "failed": result.failed, "no_address": result.no_address}


def next_run_at(now: datetime | None = None) -> datetime:
    """The next 07:00 local time after ``now``."""
    local = timezone.localtime(now or clock.now())
    at = timezone.make_aware(datetime.combine(local.date(), RUN_AT))
    return (
        at
        if at > local
        else timezone.make_aware(datetime.combine(local.date() + timedelta(days=1), RUN_AT))
    )


def schedule_next(now: datetime | None = None) -> datetime | None:
    """Enqueue the next daily run (unless one is waiting); when, or None when the tasks
    backend cannot run jobs later (the immediate backend: use cron and ``remind``)."""
    if not daily_reminders.get_backend().supports_defer:
        log.warning("tasks backend cannot defer jobs: schedule `manage.py remind` with cron")
        return None
    if is_waiting(daily_reminders):
        return None
    when = next_run_at(now)
    daily_reminders.using(run_after=when).enqueue()
    return when
