"""Every user's notifications: the list, newest first; marking one or all read; the
unread count on the bell in the top bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.reminders.models import Notification
from tests.web.reminders_support import TODAY, bell, open_assignment, remind
from tests.web.tracking_support import page_text

pytestmark = pytest.mark.django_db

D = timedelta(days=1)


@pytest.fixture
def two_reminders(office: Any, agency_a: Any) -> tuple[Any, Any]:
    first = open_assignment(office, agency_a, TODAY - D, text="Nhiệm vụ nhắc trước.")
    remind(TODAY)
    second = open_assignment(office, agency_a, TODAY + 2 * D, text="Nhiệm vụ nhắc sau.")
    remind(TODAY + D)
    return first, second


def test_an_officer_sees_their_notifications_newest_first_and_the_bell_counts_them(
    client_for: Callable[[Any], Client], officer_a: Any, two_reminders: tuple[Any, Any]
) -> None:
    client = client_for(officer_a)
    response = client.get(reverse("reminders:notifications"))
    assert response.status_code == 200
    text = page_text(response)
    assert text.index("Nhiệm vụ nhắc sau.") < text.index("Nhiệm vụ nhắc trước.")
    assert bell(response) == 2
    assert bell(client.get(reverse("tracking:my_assignments"))) == 2


def test_marking_one_read_lowers_the_count(
    client_for: Callable[[Any], Client], officer_a: Any, two_reminders: tuple[Any, Any]
) -> None:
    client = client_for(officer_a)
    note = Notification.objects.filter(user=officer_a).order_by("created_at", "id").first()
    assert note is not None
    response = client.post(reverse("reminders:read", args=[note.pk]))
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.read_at is not None
    assert bell(client.get(reverse("reminders:notifications"))) == 1
    unread = page_text(client.get(reverse("reminders:notifications") + "?chua-doc=1"))
    assert "Nhiệm vụ nhắc sau." in unread and "Nhiệm vụ nhắc trước." not in unread


def test_marking_all_read_clears_the_bell(
    client_for: Callable[[Any], Client], officer_a: Any, two_reminders: tuple[Any, Any]
) -> None:
    client = client_for(officer_a)
    response = client.post(reverse("reminders:read_all"), follow=True)
    assert "Đã đánh dấu 2 thông báo là đã đọc." in page_text(response)
    assert bell(response) == 0
    assert not Notification.objects.filter(user=officer_a, read_at__isnull=True).exists()


def test_opening_a_notification_marks_it_read_and_shows_the_assignment(
    client_for: Callable[[Any], Client], officer_a: Any, two_reminders: tuple[Any, Any]
) -> None:
    first, _second = two_reminders
    note = Notification.objects.get(user=officer_a, assignment=first)
    response = client_for(officer_a).get(reverse("reminders:open_notification", args=[note.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("tracking:assignment_detail", args=[first.pk])
    note.refresh_from_db()
    assert note.read_at is not None


def test_nobody_reads_or_marks_another_users_notifications(
    client_for: Callable[[Any], Client],
    officer_a: Any,
    officer_b: Any,
    two_reminders: tuple[Any, Any],
) -> None:
    note = Notification.objects.filter(user=officer_a).first()
    assert note is not None
    client = client_for(officer_b)
    assert "Nhiệm vụ nhắc" not in page_text(client.get(reverse("reminders:notifications")))
    assert client.post(reverse("reminders:read", args=[note.pk])).status_code == 404
    assert client.get(reverse("reminders:open_notification", args=[note.pk])).status_code == 404
    client.post(reverse("reminders:read_all"))
    note.refresh_from_db()
    assert note.read_at is None


def test_a_user_without_notifications_sees_an_empty_list_and_no_count(
    client_for: Callable[[Any], Client], leader: Any
) -> None:
    response = client_for(leader).get(reverse("reminders:notifications"))
    assert response.status_code == 200
    assert "Chưa có thông báo nào." in page_text(response)
    assert bell(response) == 0


def test_the_bell_costs_one_query(
    client_for: Callable[[Any], Client],
    officer_a: Any,
    two_reminders: tuple[Any, Any],
    django_assert_num_queries: Any,
) -> None:
    from django.test import RequestFactory

    from chidao.reminders.context import notifications

    request = RequestFactory().get("/")
    request.user = officer_a
    with django_assert_num_queries(1):
        assert notifications(request) == {"unread_notifications": 2}
