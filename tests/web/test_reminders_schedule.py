"""The worker keeps the daily run going: ``remind --schedule`` queues the first run at
07:00, and each run queues the next day's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from chidao.reminders.jobs import daily_reminders, next_run_at
from chidao.reminders.models import Reminder
from tests.web.reminders_support import TODAY, open_assignment

pytestmark = pytest.mark.django_db

DAILY = "chidao.reminders.jobs.daily_reminders"


@pytest.fixture
def database_backend() -> Iterator[None]:
    backend = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=backend):
        yield


def schedule() -> str:
    out = StringIO()
    call_command("remind", "--schedule", stdout=out)
    return out.getvalue()


def test_the_next_run_is_at_seven_in_the_morning_local_time() -> None:
    local = timezone.get_current_timezone()
    before = timezone.make_aware(datetime(2026, 11, 21, 6, 59), local)
    after = timezone.make_aware(datetime(2026, 11, 21, 7, 0), local)
    assert timezone.localtime(next_run_at(before)) == timezone.make_aware(
        datetime(2026, 11, 21, 7, 0), local
    )
    assert timezone.localtime(next_run_at(after)) == timezone.make_aware(
        datetime(2026, 11, 22, 7, 0), local
    )


def test_scheduling_queues_one_daily_run_at_seven(database_backend: None) -> None:
    out = schedule()
    assert "Đã xếp lịch đôn đốc" in out
    [queued] = DBTaskResult.objects.filter(task_path=DAILY, status=TaskResultStatus.READY)
    when = timezone.localtime(queued.run_after)
    assert when.time() == time(7, 0)
    assert timedelta(0) < when - timezone.now() <= timedelta(days=1)
    schedule()
    assert DBTaskResult.objects.filter(task_path=DAILY, status=TaskResultStatus.READY).count() == 1


def test_a_run_reminds_and_queues_the_next_days_run(
    database_backend: None, office: Any, agency_a: Any
) -> None:
    a = open_assignment(office, agency_a, TODAY - timedelta(days=1))
    result = daily_reminders.call(TODAY.isoformat())
    assert result["reminded_overdue"] == 1 and result["day"] == TODAY.isoformat()
    assert Reminder.objects.filter(assignment=a).count() == 1
    [queued] = DBTaskResult.objects.filter(task_path=DAILY, status=TaskResultStatus.READY)
    assert timezone.localtime(queued.run_after).time() == time(7, 0)


def test_without_a_queue_the_command_says_to_use_cron() -> None:
    out = schedule()  # the test settings run jobs immediately
    assert "cron" in out
