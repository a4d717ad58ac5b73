"""The daily run leaves a record the Office reads (Đôn đốc › Nhật ký đôn đốc tự động):
when it ran, what it sent, what failed and why; and when no run has finished by 09:00,
the Office's dashboard says so."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.mail.backends.smtp import EmailBackend
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from chidao.reminders.models import DailyRun
from tests.web import smtp_support
from tests.web.reminders_support import TODAY, at, give_email, open_assignment, remind
from tests.web.smtp_support import Inbox, free_port
from tests.web.tracking_support import page_text, set_today

pytestmark = pytest.mark.django_db

smtp = smtp_support.smtp  # the SMTP server fixture, under its own name

D = timedelta(days=1)
MINH = "minh@stc.hanoi.gov.vn"
NO_RUN = 'data-daily-run="missing"'


@pytest.fixture
def addresses(officer_a: Any, officer_b: Any) -> None:
    give_email(officer_a, MINH)
    give_email(officer_b, "ha@syt.hanoi.gov.vn")


def remind_failing() -> str:
    out = StringIO()
    with pytest.raises(CommandError, match="chưa gửi được"):
        call_command("remind", "--today", TODAY.isoformat(), stdout=out)
    return out.getvalue()


def test_a_run_records_when_it_ran_and_what_it_sent(
    smtp: Inbox,
    addresses: None,
    monkeypatch: pytest.MonkeyPatch,
    client_for: Callable[[Any], Client],
    office: Any,
    agency_a: Any,
    agency_b: Any,
) -> None:
    moment = set_today(monkeypatch, TODAY, time(7, 0))
    open_assignment(office, agency_a, TODAY - D)
    open_assignment(office, agency_a, TODAY + D)
    open_assignment(office, agency_b, TODAY - D)
    remind()
    run = DailyRun.objects.get()
    assert (run.day, run.started_at, run.finished_at) == (TODAY, moment, moment)
    assert (run.reminders, run.notifications, run.mails_sent, run.mails_failed) == (3, 2, 2, 0)
    assert run.problems == [] and run.error == "" and run.completed
    page = page_text(client_for(office).get(reverse("reminders:runs")))
    assert "Nhật ký đôn đốc tự động" in page and "21/11/2026 07:00" in page
    assert "Hoàn thành" in page
    index = page_text(client_for(office).get(reverse("reminders:index")))
    assert reverse("reminders:runs") in index


def test_a_run_with_the_mail_server_down_records_each_agency_and_why(
    smtp: Inbox,
    addresses: None,
    settings: Any,
    client_for: Callable[[Any], Client],
    office: Any,
    agency_a: Any,
) -> None:
    settings.EMAIL_PORT = free_port()  # nothing listens there
    open_assignment(office, agency_a, TODAY - D)
    out = remind_failing()
    run = DailyRun.objects.get()
    assert run.completed and run.mails_sent == 0 and run.mails_failed == 1
    [problem] = run.problems
    assert problem["agency"] == "Sở Tài chính" and "refused" in problem["reason"].lower()
    assert f"Thư chưa gửi được tới Sở Tài chính: {problem['reason']}" in out
    page = page_text(client_for(office).get(reverse("reminders:runs")))
    assert "Xong, có thư lỗi" in page and "Sở Tài chính: " in page


def test_a_run_that_stops_halfway_records_why_and_is_not_counted_as_done(
    smtp: Inbox,
    addresses: None,
    office: Any,
    agency_a: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def killed(self: EmailBackend, messages: Any) -> int:
        raise SystemExit("worker killed")

    monkeypatch.setattr(EmailBackend, "send_messages", killed)
    open_assignment(office, agency_a, TODAY - D)
    with pytest.raises(SystemExit):
        remind()
    run = DailyRun.objects.get()
    assert run.finished_at is not None and run.error == "SystemExit: worker killed"
    assert run.reminders == 1 and not run.completed


def dashboard_for(client: Client) -> str:
    return page_text(client.get(reverse("tracking:dashboard")))


def test_the_dashboard_warns_the_office_when_no_run_has_finished_by_nine(
    smtp: Inbox,
    addresses: None,
    monkeypatch: pytest.MonkeyPatch,
    client_for: Callable[[Any], Client],
    office: Any,
    leader: Any,
    agency_a: Any,
) -> None:
    client = client_for(office)
    DailyRun.objects.create(day=TODAY - D, finished_at=at(TODAY - D, 7))  # yesterday's
    DailyRun.objects.create(day=TODAY, finished_at=at(TODAY, 7), error="OperationalError: x")
    set_today(monkeypatch, TODAY, time(8, 59))
    assert NO_RUN not in dashboard_for(client)
    set_today(monkeypatch, TODAY, time(9, 0))
    page = dashboard_for(client)
    assert NO_RUN in page and "Hôm nay chưa có lượt đôn đốc tự động nào chạy xong" in page
    assert reverse("reminders:runs") in page
    assert NO_RUN not in dashboard_for(client_for(leader))
    open_assignment(office, agency_a, TODAY - D)
    remind()
    assert NO_RUN not in dashboard_for(client)


def test_the_dashboard_says_when_todays_run_left_mails_unsent(
    smtp: Inbox,
    addresses: None,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    client_for: Callable[[Any], Client],
    office: Any,
    agency_a: Any,
) -> None:
    set_today(monkeypatch, TODAY, time(10, 0))
    settings.EMAIL_PORT = free_port()
    open_assignment(office, agency_a, TODAY - D)
    remind_failing()
    page = dashboard_for(client_for(office))
    assert NO_RUN not in page
    assert "Lượt đôn đốc tự động hôm nay chưa gửi được thư tới 1 đơn vị." in page
