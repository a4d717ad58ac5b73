"""Đôn đốc bundled: an agency's reminders of one day ring each officer's bell once, in a
notification that lists them, and leave in one mail; the command names the agencies it
could not write to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.reminders.manual import remind_manually
from chidao.reminders.models import Notification, Reminder
from chidao.tracking.models import Assignment
from tests.web import smtp_support
from tests.web.reminders_support import TODAY, bell, give_email, open_assignment, remind
from tests.web.smtp_support import Inbox
from tests.web.tracking_support import page_text

pytestmark = pytest.mark.django_db

smtp = smtp_support.smtp  # the SMTP server fixture, under its own name

D = timedelta(days=1)
MINH = "minh@stc.hanoi.gov.vn"


def many_late(office: Any, agency: Any, n: int) -> list[Assignment]:
    return [
        open_assignment(office, agency, TODAY - (1 + i % 5) * D, text=f"Rà soát hồ sơ số {i:03d}.")
        for i in range(n)
    ]


def test_98_late_tasks_of_one_agency_make_one_notification_and_one_mail(
    smtp: Inbox,
    client_for: Callable[[Any], Client],
    office: Any,
    officer_a: Any,
    agency_a: Any,
) -> None:
    give_email(officer_a, MINH)
    many_late(office, agency_a, 98)
    out = remind()
    assert "98 quá hạn" in out and "1 thông báo" in out and "1 thư đã gửi" in out
    assert Reminder.objects.count() == 98
    [note] = Notification.objects.filter(user=officer_a)
    assert note.agency == agency_a and note.day == TODAY and note.assignment is None
    assert "98 nhiệm vụ của Sở Tài chính" in note.text and "quá hạn 98" in note.text
    [mail] = smtp.messages
    assert mail.rcpt_tos == [MINH] and "98 nhiệm vụ" in mail.subject
    assert all(f"Rà soát hồ sơ số {i:03d}." in mail.body for i in range(98))

    client = client_for(officer_a)
    response = client.get(reverse("reminders:notifications"))
    assert bell(response) == 1
    text = page_text(response)
    assert text.count("Rà soát hồ sơ số") == 5  # the first few, the soonest deadline first
    assert "và 93 nhiệm vụ khác" in text
    opened = client.get(reverse("reminders:open_notification", args=[note.pk]))
    assert opened["Location"] == reverse("tracking:my_assignments")
    note.refresh_from_db()
    assert note.read_at is not None


def test_a_second_run_adds_to_the_days_notification_and_its_mail_waits_for_tomorrow(
    smtp: Inbox,
    client_for: Callable[[Any], Client],
    office: Any,
    officer_a: Any,
    agency_a: Any,
) -> None:
    give_email(officer_a, MINH)
    many_late(office, agency_a, 2)
    remind()
    client_for(officer_a).post(reverse("reminders:read_all"))
    late = open_assignment(office, agency_a, TODAY - D, text="Việc mới quá hạn trong ngày.")
    remind()
    [note] = Notification.objects.filter(user=officer_a)
    assert note.read_at is None and "3 nhiệm vụ" in note.text
    assert len(smtp.to(MINH)) == 1  # one mail a day to an agency
    assert Reminder.objects.get(assignment=late).email_sent_at is None
    remind(TODAY + D)
    first, second = smtp.to(MINH)
    assert "Việc mới quá hạn trong ngày." in second.body
    assert "Rà soát hồ sơ số" not in second.body and "Việc mới" not in first.body
    assert Reminder.objects.get(assignment=late).email_sent_at is not None


def test_the_office_reminding_several_by_hand_raises_one_notification_per_officer(
    office: Any, officer_a: Any, agency_a: Any
) -> None:
    tasks = many_late(office, agency_a, 3)
    remind_manually(office, Assignment.objects.filter(pk__in=[a.pk for a in tasks]), TODAY)
    [note] = Notification.objects.filter(user=officer_a)
    assert "3 nhiệm vụ" in note.text and "Văn phòng đôn đốc 3" in note.text


def test_remind_names_the_agencies_it_has_no_address_for(
    smtp: Inbox, office: Any, officer_b: Any, agency_a: Any, agency_b: Any
) -> None:
    give_email(officer_b, "ha@syt.hanoi.gov.vn")
    open_assignment(office, agency_a, TODAY - D)
    open_assignment(office, agency_b, TODAY - D)
    out = remind()
    assert "1 đơn vị chưa có địa chỉ thư" in out
    listed = out.split("Đơn vị chưa có địa chỉ thư điện tử", 1)[1]
    assert "  - Sở Tài chính" in listed and "Sở Y tế" not in listed
    assert len(smtp.to("ha@syt.hanoi.gov.vn")) == 1


def test_a_task_listed_in_the_days_notification_opens_its_page(
    client_for: Callable[[Any], Client], office: Any, officer_a: Any, agency_a: Any, agency_b: Any
) -> None:
    first, _second = many_late(office, agency_a, 2)
    elsewhere = open_assignment(office, agency_b, TODAY - D)
    remind()
    note = Notification.objects.get(user=officer_a)
    client = client_for(officer_a)
    url = reverse("reminders:open_notification", args=[note.pk])
    opened = client.get(f"{url}?assignment={first.pk}")
    assert opened["Location"] == reverse("tracking:assignment_detail", args=[first.pk])
    note.refresh_from_db()
    assert note.read_at is not None
    assert client.get(f"{url}?assignment={elsewhere.pk}")["Location"] == reverse(
        "tracking:my_assignments"
    )


def test_a_body_dissolved_before_today_is_not_reminded(
    smtp: Inbox, office: Any, officer_a: Any, agency_a: Any, agency_b: Any
) -> None:
    many_late(office, agency_a, 2)
    many_late(office, agency_b, 3)
    agency_b.valid_to = TODAY - 30 * D  # merged last month
    agency_b.save(update_fields=["valid_to"])
    out = remind()
    assert "2 quá hạn" in out
    assert set(Reminder.objects.values_list("assignment__agency_id", flat=True)) == {agency_a.pk}
