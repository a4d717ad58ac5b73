"""The Office reminds by hand: one assignment, the checked ones, or a whole filtered
list; recorded like the daily reminders, with who sent them. Nobody else may."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.audit.models import HistoryEntry
from chidao.reminders.models import Kind, Notification, Reminder
from chidao.tracking.models import Assignment, State
from tests.web import smtp_support
from tests.web.reminders_support import TODAY, give_email, open_assignment
from tests.web.smtp_support import Inbox
from tests.web.tracking_support import page_text, set_today

pytestmark = pytest.mark.django_db

smtp = smtp_support.smtp  # the SMTP server fixture, under its own name

D = timedelta(days=1)
MINH = "minh@stc.hanoi.gov.vn"
HA = "ha@syt.hanoi.gov.vn"


@pytest.fixture(autouse=True)
def clock_and_addresses(monkeypatch: pytest.MonkeyPatch, officer_a: Any, officer_b: Any) -> None:
    set_today(monkeypatch, TODAY)
    give_email(officer_a, MINH)
    give_email(officer_b, HA)


def test_the_office_reminds_one_assignment_with_a_note(
    smtp: Inbox,
    client_for: Callable[[Any], Client],
    office: Any,
    officer_a: Any,
    agency_a: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    a = open_assignment(office, agency_a, TODAY + 20 * D, text="Xây dựng kế hoạch chuyển đổi số.")
    detail = reverse("tracking:assignment_detail", args=[a.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(office).post(
            reverse("reminders:remind_one", args=[a.pk]),
            {"note": "Đề nghị báo cáo trước ngày 25/11.", "next": detail},
        )
    assert response.status_code == 302 and response["Location"] == detail
    reminder = Reminder.objects.get(assignment=a)
    assert reminder.kind == Kind.MANUAL and reminder.sent_by == office
    assert reminder.note == "Đề nghị báo cáo trước ngày 25/11." and reminder.email_sent_at
    [mail] = smtp.to(MINH)
    assert "Xây dựng kế hoạch chuyển đổi số." in mail.body
    assert "Ý kiến của Văn phòng: Đề nghị báo cáo trước ngày 25/11." in mail.body
    assert Notification.objects.get(user=officer_a).reminder == reminder
    entry = HistoryEntry.objects.get(assignment=a, action="assignment.reminded")
    assert entry.actor == office


def test_the_office_reminds_the_checked_assignments_one_mail_per_agency(
    smtp: Inbox,
    client_for: Callable[[Any], Client],
    office: Any,
    agency_a: Any,
    agency_b: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    a1 = open_assignment(office, agency_a, TODAY - D, text="Việc thứ nhất của Sở Tài chính.")
    a2 = open_assignment(office, agency_a, TODAY + 9 * D, text="Việc thứ hai của Sở Tài chính.")
    b1 = open_assignment(office, agency_b, TODAY - D, text="Việc của Sở Y tế.")
    unchecked = open_assignment(office, agency_b, TODAY - D, text="Việc không được chọn.")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(office).post(
            reverse("reminders:remind"), {"ids": [a1.pk, a2.pk, b1.pk], "scope": "selected"}
        )
    assert response.status_code == 302
    assert set(Reminder.objects.values_list("assignment_id", flat=True)) == {a1.pk, a2.pk, b1.pk}
    assert not Reminder.objects.filter(assignment=unchecked).exists()
    [to_a] = smtp.to(MINH)
    assert "Việc thứ nhất" in to_a.body and "Việc thứ hai" in to_a.body
    [to_b] = smtp.to(HA)
    assert "Việc của Sở Y tế." in to_b.body and "Việc không được chọn." not in to_b.body
    assert len(smtp.messages) == 2


def test_the_office_reminds_every_assignment_the_filters_select(
    smtp: Inbox,
    client_for: Callable[[Any], Client],
    office: Any,
    agency_a: Any,
    agency_b: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    late_a = open_assignment(office, agency_a, TODAY - 3 * D)
    later_a = open_assignment(office, agency_a, TODAY + 20 * D)
    late_b = open_assignment(office, agency_b, TODAY - 3 * D)
    query = f"?agency={agency_a.pk}&standing=qua_han"
    client = client_for(office)
    listed = client.get(reverse("reminders:index") + query)
    assert listed.status_code == 200
    assert f'name="ids" value="{late_a.pk}"' in page_text(listed)
    assert f'name="ids" value="{later_a.pk}"' not in page_text(listed)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reminders:remind") + query, {"scope": "all"})
    assert response.status_code == 302
    assert (
        f"agency={agency_a.pk}" in response["Location"]
        and "standing=qua_han" in response["Location"]
    )
    assert list(Reminder.objects.values_list("assignment_id", flat=True)) == [late_a.pk]
    assert not Reminder.objects.filter(assignment__in=[later_a, late_b]).exists()
    assert len(smtp.messages) == 1


def test_closed_assignments_in_a_selection_are_skipped_with_a_warning(
    smtp: Inbox,
    client_for: Callable[[Any], Client],
    office: Any,
    agency_a: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    open_one = open_assignment(office, agency_a, TODAY - D)
    done = open_assignment(office, agency_a, TODAY - D)
    Assignment.objects.filter(pk=done.pk).update(state=State.DONE, done_on=TODAY - 2 * D)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(office).post(
            reverse("reminders:remind"), {"ids": [open_one.pk, done.pk]}, follow=True
        )
    text = page_text(response)
    assert "Đã đôn đốc 1 nhiệm vụ của 1 đơn vị" in text
    assert "1 nhiệm vụ không đôn đốc vì đã hoàn thành" in text
    assert list(Reminder.objects.values_list("assignment_id", flat=True)) == [open_one.pk]


def test_reminding_with_nothing_checked_says_so_and_records_nothing(
    client_for: Callable[[Any], Client], office: Any, agency_a: Any
) -> None:
    open_assignment(office, agency_a, TODAY - D)
    response = client_for(office).post(reverse("reminders:remind"), {}, follow=True)
    assert "Chưa chọn nhiệm vụ nào để đôn đốc." in page_text(response)
    assert not Reminder.objects.exists()


@pytest.mark.parametrize("who", ["officer_a", "leader"])
def test_officers_and_leaders_may_not_remind(
    request: pytest.FixtureRequest,
    client_for: Callable[[Any], Client],
    office: Any,
    agency_a: Any,
    who: str,
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("reminders:index")).status_code == 403
    assert client.post(reverse("reminders:remind"), {"ids": [a.pk]}).status_code == 403
    assert client.post(reverse("reminders:remind_one", args=[a.pk])).status_code == 403
    assert not Reminder.objects.exists()


def test_another_agencys_assignment_is_not_found(
    client_for: Callable[[Any], Client], office: Any, officer_b: Any, agency_a: Any
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    response = client_for(officer_b).post(reverse("reminders:remind_one", args=[a.pk]))
    assert response.status_code == 404


def test_the_reminder_list_shows_how_often_each_assignment_was_reminded(
    client_for: Callable[[Any], Client],
    office: Any,
    agency_a: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    a = open_assignment(office, agency_a, TODAY - D, text="Nhiệm vụ <script>alert(1)</script>")
    client = client_for(office)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("reminders:remind_one", args=[a.pk]))
    text = page_text(client.get(reverse("reminders:index")))
    assert 'data-reminders="2"' in text
    assert 'data-count="manual">2<' in text
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text


def test_the_anonymous_visitor_is_sent_to_the_login_page(client: Client) -> None:
    response = client.get(reverse("reminders:index"))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def render_box(user: Any, a: Assignment) -> str:
    from django.template import RequestContext, Template
    from django.test import RequestFactory

    request = RequestFactory().get(f"/phan-cong/{a.pk}/")
    request.user = user
    template = Template("{% load reminders_tags %}{% reminder_box a %}")
    return template.render(RequestContext(request, {"a": a}))


def test_the_assignment_box_shows_the_reminders_and_offers_the_button_to_the_office(
    office: Any,
    officer_a: Any,
    agency_a: Any,
    django_capture_on_commit_callbacks: Any,
    client_for: Callable[[Any], Client],
) -> None:
    a = open_assignment(office, agency_a, TODAY - D)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(office).post(
            reverse("reminders:remind_one", args=[a.pk]), {"note": "Khẩn trương."}
        )
    office_box = render_box(office, a)
    assert "Đã đôn đốc 1 lần." in office_box and "Khẩn trương." in office_box
    assert reverse("reminders:remind_one", args=[a.pk]) in office_box
    officer_box = render_box(officer_a, a)
    assert "Đã đôn đốc 1 lần." in officer_box
    assert reverse("reminders:remind_one", args=[a.pk]) not in officer_box
