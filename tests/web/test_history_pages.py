"""History on the pages: who, when, what, before → after; shown, never editable."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from chidao.audit.models import HistoryEntry
from chidao.tracking import services
from chidao.tracking.models import Assignment
from tests.web.factories import assignment_of, make_document, make_task
from tests.web.tracking_support import page_text, set_today

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


def test_assignment_page_shows_who_changed_what_before_and_after(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    client = client_for(officer_a)
    client.post(
        reverse("tracking:assignment_action", args=[a.pk, "bao-cao"]),
        {"bao-cao-text": "Đã họp", "bao-cao-progress": 40},
    )
    body = page_text(client.get(reverse("tracking:assignment_detail", args=[a.pk])))
    assert "Báo cáo tiến độ 40%" in body
    assert "Trạng thái: Chưa thực hiện → Đang thực hiện" in body
    assert "Tiến độ: 0% → 40%" in body
    stamp = rf"\d\d/\d\d/\d{{4}} \d\d:\d\d · {re.escape(officer_a.get_full_name())}"
    assert re.search(stamp, body), "each entry says when (dd/mm/yyyy hh:mm) and who"


def test_an_extension_granted_shows_the_deadline_move_in_the_history(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    req = services.request_extension(officer_a, a, date(2026, 12, 31), "Chờ số liệu", today=TODAY)
    services.decide_extension(office, req, grant=True)
    body = page_text(client_for(officer_a).get(reverse("tracking:assignment_detail", args=[a.pk])))
    assert "Thời hạn: 21/11/2026 → 31/12/2026" in body
    assert "Đồng ý gia hạn đến 31/12/2026" in body


def test_task_page_shows_the_task_history_and_only_the_users_assignments(
    office: Any,
    officer_a: Any,
    officer_b: Any,
    agency_a: Any,
    agency_b: Any,
    client_for: Any,
) -> None:
    task = make_task(office, [agency_a, agency_b], deadline=TODAY, text="Việc chung hai sở")
    services.report_progress(officer_a, assignment_of(task, agency_a), "Sở A làm", 35)
    services.report_progress(officer_b, assignment_of(task, agency_b), "Sở B làm", 77)
    url = reverse("tracking:task_detail", args=[task.pk])
    mine = page_text(client_for(officer_a).get(url))
    assert "Đăng ký nhiệm vụ" in mine and "Báo cáo tiến độ 35%" in mine
    assert "77%" not in mine and agency_b.name not in mine
    everything = page_text(client_for(office).get(url))
    assert "Báo cáo tiến độ 35%" in everything and "Báo cáo tiến độ 77%" in everything
    assert agency_a.name in everything and agency_b.name in everything


def test_a_recurring_task_shows_one_instance_per_period(
    office: Any, officer_a: Any, officer_b: Any, agency_a: Any, client_for: Any
) -> None:
    document = make_document(office, issued_on=date(2026, 10, 5))
    series = make_task(
        office, [agency_a], recurrence="monthly", document=document, text="Báo cáo tháng",
        recur_from=date(2026, 10, 5),
    )  # fmt: skip
    assert series.instances.count() == 2
    url = reverse("tracking:task_detail", args=[series.pk])
    for user in (office, officer_a):
        body = page_text(client_for(user).get(url))
        assert "Kỳ 01/10/2026 – 31/10/2026" in body
        assert "Kỳ 01/11/2026 – 30/11/2026" in body
    assert client_for(officer_b).get(url).status_code == 404
    instance = series.instances.get(period_start=date(2026, 11, 1))
    instance_page = page_text(
        client_for(officer_a).get(reverse("tracking:task_detail", args=[instance.pk]))
    )
    assert reverse("tracking:task_detail", args=[series.pk]) in instance_page


def test_nobody_can_add_change_or_delete_history_in_the_admin(
    office: Any, agency_a: Any, admin_user: Any, client_for: Any
) -> None:
    make_task(office, [agency_a])
    entry = HistoryEntry.objects.first()
    assert entry is not None
    client = client_for(admin_user)
    base = "/quan-tri/audit/historyentry/"
    assert client.get(base).status_code == 200
    assert client.get(base + "add/").status_code == 403
    change = client.get(f"{base}{entry.pk}/change/")
    assert change.status_code == 200 and 'name="_save"' not in page_text(change)
    assert client.post(f"{base}{entry.pk}/change/", {"summary": "sửa"}).status_code == 403
    assert client.post(f"{base}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert HistoryEntry.objects.get(pk=entry.pk).summary == entry.summary


def test_assignments_are_read_only_in_the_admin(
    office: Any, agency_a: Any, admin_user: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a]), agency_a)
    client = client_for(admin_user)
    base = "/quan-tri/tracking/assignment/"
    assert client.get(base).status_code == 200
    assert client.post(f"{base}{a.pk}/change/", {"state": "da_hoan_thanh"}).status_code == 403
    assert Assignment.objects.get(pk=a.pk).state == a.state
