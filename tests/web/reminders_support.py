"""Helpers of the reminder tests: open assignments with a chosen history, the daily
command, and the officers' mail addresses."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from io import StringIO
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from chidao.accounts.models import Profile, Role
from chidao.registry.models import Agency
from chidao.tracking.models import Assignment
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import page_text

TODAY = date(2026, 11, 21)


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def open_assignment(
    office: Any,
    agency: Agency,
    deadline: date | None,
    *,
    created: date = TODAY - timedelta(days=1),
    heard: datetime | None = None,
    text: str = "Rà soát, báo cáo kết quả thực hiện.",
) -> Assignment:
    """An open assignment of ``agency`` registered on ``created``, last reported ``heard``."""
    task = make_task(office, [agency], deadline=deadline, text=text)
    a = assignment_of(task, agency)
    Assignment.objects.filter(pk=a.pk).update(created_at=at(created), last_report_at=heard)
    a.refresh_from_db()
    return a


def give_email(user: Any, address: str) -> Any:
    user.email = address
    user.save(update_fields=["email"])
    return user


def add_officer(agency: Agency, username: str, email: str = "") -> Any:
    user = get_user_model().objects.create_user(username, email=email, password="x-Mat-khau-9")
    Profile.objects.create(user=user, role=Role.OFFICER, agency=agency)
    return user


def remind(day: date = TODAY, *args: str) -> str:
    """Run ``manage.py remind --today DAY``; what it printed."""
    out = StringIO()
    call_command("remind", "--today", day.isoformat(), *args, stdout=out)
    return out.getvalue()


def bell(response: Any) -> int:
    """The unread count on the bell in the page's top bar (0 when it shows none)."""
    found = re.search(r'class="bell".*?</a>', page_text(response), re.DOTALL)
    assert found, "the page has no bell"
    count = re.search(r'<span class="count">(\d+)</span>', found.group(0))
    return int(count.group(1)) if count else 0
