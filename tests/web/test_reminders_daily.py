"""The daily run reminds each agency once: a notification for each of its officers, one
mail listing its assignments, a record on each assignment and in its history. Run again
on the same day it sends nothing; stopped halfway, it finishes without sending twice."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.mail.backends.smtp import EmailBackend
from django.core.management import call_command
from django.core.management.base import CommandError

from chidao.audit.models import HistoryEntry
from chidao.reminders.models import Kind, Notification, Reminder
from tests.web import smtp_support
from tests.web.reminders_support import (
    TODAY,
    add_officer,
    give_email,
    open_assignment,
    remind,
)
from tests.web.smtp_support import Inbox, free_port

pytestmark = pytest.mark.django_db

smtp = smtp_support.smtp  # the SMTP server fixture, under its own name

D = timedelta(days=1)
MINH = "minh@stc.hanoi.gov.vn"
HA = "ha@syt.hanoi.gov.vn"


@pytest.fixture
def addresses(officer_a: Any, officer_b: Any, agency_b: Any) -> None:
    give_email(officer_a, MINH)
    give_email(officer_b, HA)
    agency_b.email = "syt@hanoi.gov.vn"
    agency_b.save()


def test_each_agency_gets_one_mail_listing_its_own_assignments(
    smtp: Inbox,
    addresses: None,
    office: Any,
    agency_a: Any,
    agency_b: Any,
) -> None:
    late = open_assignment(office, agency_a, TODAY - 2 * D, text="Báo cáo quyết toán ngân sách.")
    soon = open_assignment(office, agency_a, TODAY + D, text="Rà soát nợ đọng xây dựng cơ bản.")
    other = open_assignment(office, agency_b, TODAY - D, text="Kiểm tra an toàn thực phẩm.")
    open_assignment(office, agency_a, TODAY + 30 * D, text="Nhiệm vụ còn xa hạn.")
    remind()
    assert len(smtp.messages) == 2
    [to_a] = smtp.to(MINH)
    assert to_a.rcpt_tos == [MINH]
    assert "Sở Tài chính" in to_a.subject and "2 nhiệm vụ" in to_a.subject
    assert "21/11/2026" in to_a.subject
    body = to_a.body
    assert "Kính gửi: Sở Tài chính" in body
    assert "Báo cáo quyết toán ngân sách." in body and "[Quá hạn]" in body
    assert "Rà soát nợ đọng xây dựng cơ bản." in body and "[Sắp đến hạn]" in body
    assert f"http://127.0.0.1:8000/phan-cong/{late.pk}/" in body
    assert f"http://127.0.0.1:8000/phan-cong/{soon.pk}/" in body
    assert "Kiểm tra an toàn thực phẩm." not in body and "còn xa hạn" not in body
    [to_b] = smtp.to(HA)
    assert sorted(to_b.rcpt_tos) == sorted([HA, "syt@hanoi.gov.vn"])
    assert "Kiểm tra an toàn thực phẩm." in to_b.body
    assert f"/phan-cong/{other.pk}/" in to_b.body
    assert "Báo cáo quyết toán" not in to_b.body


def test_links_in_mails_start_with_the_configured_address(
    smtp: Inbox,
    addresses: None,
    office: Any,
    agency_a: Any,
    settings: Any,
) -> None:
    settings.CHIDAO_BASE_URL = "https://chidao.hanoi.gov.vn/"
    a = open_assignment(office, agency_a, TODAY - D)
    remind()
    assert f"https://chidao.hanoi.gov.vn/phan-cong/{a.pk}/" in smtp.to(MINH)[0].body


def test_every_officer_of_the_agency_and_nobody_else_is_notified(
    smtp: Inbox,
    addresses: None,
    office: Any,
    officer_a: Any,
    officer_b: Any,
    leader: Any,
    agency_a: Any,
) -> None:
    second = add_officer(agency_a, "canbo2.taichinh", "lan@stc.hanoi.gov.vn")
    a = open_assignment(office, agency_a, TODAY - D, text="Hoàn thiện hồ sơ đề án.")
    remind()
    notified = set(Notification.objects.values_list("user__username", flat=True))
    assert notified == {officer_a.username, second.username}
    note = Notification.objects.get(user=officer_a)
    assert note.assignment == a and note.read_at is None
    assert "Hoàn thiện hồ sơ đề án." in note.text and "quá hạn" in note.text
    assert sorted(smtp.messages[0].rcpt_tos) == sorted([MINH, "lan@stc.hanoi.gov.vn"])
    assert not Notification.objects.filter(user__in=[officer_b, leader, office]).exists()


def test_each_reminder_is_recorded_on_the_assignment_and_in_its_history(
    smtp: Inbox,
    addresses: None,
    office: Any,
    agency_a: Any,
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    remind()
    reminder = Reminder.objects.get(assignment=a)
    assert reminder.kind == Kind.OVERDUE and reminder.day == TODAY and reminder.sent_by is None
    assert reminder.email_sent_at is not None and reminder.email_to == MINH
    entry = HistoryEntry.objects.get(assignment=a, action="assignment.reminded")
    assert entry.actor is None and "quá hạn" in entry.summary
    assert entry.after == {"reminder": reminder.pk, "kind": "overdue"}


def test_running_twice_on_one_day_sends_nothing_new(
    smtp: Inbox,
    addresses: None,
    office: Any,
    agency_a: Any,
    agency_b: Any,
) -> None:
    open_assignment(office, agency_a, TODAY - D)
    open_assignment(office, agency_b, TODAY + D)
    remind()
    counts = (Reminder.objects.count(), Notification.objects.count(), HistoryEntry.objects.count())
    remind()
    assert len(smtp.messages) == 2
    after = (Reminder.objects.count(), Notification.objects.count(), HistoryEntry.objects.count())
    assert after == counts


def test_a_refused_mail_is_sent_by_the_next_run_and_the_others_are_not_repeated(
    smtp: Inbox,
    addresses: None,
    office: Any,
    agency_a: Any,
    agency_b: Any,
) -> None:
    open_assignment(office, agency_a, TODAY - D)
    b = open_assignment(office, agency_b, TODAY - D)
    smtp.refuse = {HA, "syt@hanoi.gov.vn"}
    out_first = _remind_expecting_failure()
    assert "1 thư lỗi" in out_first
    assert len(smtp.to(MINH)) == 1 and smtp.to(HA) == []
    unsent = Reminder.objects.get(assignment=b)
    assert unsent.email_sent_at is None and "451" in unsent.email_error
    smtp.refuse = set()
    remind()
    assert len(smtp.to(MINH)) == 1 and len(smtp.to(HA)) == 1
    assert Reminder.objects.get(assignment=b).email_sent_at is not None
    assert Notification.objects.filter(assignment=b).count() == 1


def _remind_expecting_failure() -> str:
    """Run the command, which must end with an error; what it printed before."""
    out = StringIO()
    with pytest.raises(CommandError, match="chưa gửi được"):
        call_command("remind", "--today", TODAY.isoformat(), stdout=out)
    return out.getvalue()


def test_a_run_that_dies_after_the_first_mail_resumes_without_sending_it_again(
    smtp: Inbox,
    addresses: None,
    office: Any,
    agency_a: Any,
    agency_b: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_assignment(office, agency_a, TODAY - D)
    open_assignment(office, agency_b, TODAY + 2 * D)
    real_send = EmailBackend.send_messages
    calls = []

    def dies_on_second(self: EmailBackend, messages: Any) -> int:
        calls.append(1)
        if len(calls) > 1:
            raise SystemExit("worker killed")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", dies_on_second)
    with pytest.raises(SystemExit):
        remind()
    assert len(smtp.messages) == 1
    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    remind()
    assert len(smtp.to(MINH)) == 1 and len(smtp.to(HA)) == 1
    assert len(smtp.messages) == 2
    assert not Reminder.objects.filter(email_sent_at__isnull=True).exists()


def test_with_the_mail_server_down_reminders_stay_recorded_and_are_mailed_later(
    smtp: Inbox,
    addresses: None,
    office: Any,
    agency_a: Any,
    settings: Any,
) -> None:
    running_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens there
    a = open_assignment(office, agency_a, TODAY - D)
    _remind_expecting_failure()
    reminder = Reminder.objects.get(assignment=a)
    assert reminder.email_sent_at is None and reminder.email_error
    assert Notification.objects.filter(assignment=a).count() == 1
    settings.EMAIL_PORT = running_port
    remind(TODAY + D)
    assert len(smtp.to(MINH)) == 1
    assert Reminder.objects.get(assignment=a).email_sent_at is not None


def test_an_agency_without_any_address_is_notified_in_the_application_only(
    smtp: Inbox,
    office: Any,
    officer_a: Any,
    agency_a: Any,
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    out = remind()
    assert "1 đơn vị chưa có địa chỉ thư" in out
    assert smtp.messages == []
    assert Notification.objects.filter(user=officer_a, assignment=a).exists()
    assert "chưa có địa chỉ" in Reminder.objects.get(assignment=a).email_error


def test_the_command_reports_what_it_did(
    smtp: Inbox,
    addresses: None,
    office: Any,
    agency_a: Any,
) -> None:
    open_assignment(office, agency_a, TODAY - D)
    open_assignment(office, agency_a, TODAY + D)
    out = remind()
    assert out.startswith("Đôn đốc ngày 21/11/2026: 1 quá hạn, 1 sắp đến hạn, 0 lâu chưa báo cáo")
    assert "1 thư đã gửi" in out


def test_the_command_refuses_a_malformed_day() -> None:
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("remind", "--today", "21/11/2026")
