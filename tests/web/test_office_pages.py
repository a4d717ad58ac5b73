"""The Office's steps on the pages, its queues, and leaders reading without changing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from chidao.tracking import services
from chidao.tracking.models import Assignment, ExtensionRequest, ExtensionState, State
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import page_text, set_today, total_shown

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


def action_url(a: Any, slug: str) -> str:
    return reverse("tracking:assignment_action", args=[a.pk, slug])


def awaiting_assignment(office: Any, officer: Any, agency: Any, text: str = "Việc") -> Any:
    a = assignment_of(make_task(office, [agency], deadline=TODAY, text=text), agency)
    services.mark_done(officer, a, "Đã xong", today=TODAY)
    return a


def pending_request(office: Any, officer: Any, agency: Any) -> ExtensionRequest:
    a = assignment_of(make_task(office, [agency], deadline=TODAY), agency)
    return services.request_extension(
        officer, a, date(2026, 12, 31), "Cần thêm thời gian", today=TODAY
    )


def test_office_confirms_a_completion_from_the_awaiting_queue(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = awaiting_assignment(office, officer_a, agency_a, "Báo cáo tổng kết")
    client = client_for(office)
    queue = client.get(reverse("tracking:awaiting"))
    assert "Báo cáo tổng kết" in page_text(queue) and total_shown(queue) == 1
    response = client.post(
        action_url(a, "xac-nhan"),
        {"xac-nhan-version": a.version, "next": reverse("tracking:awaiting")},
    )
    assert response.status_code == 302 and response["Location"] == reverse("tracking:awaiting")
    a.refresh_from_db()
    assert a.state == State.DONE
    assert total_shown(client.get(reverse("tracking:awaiting"))) == 0


def test_an_outside_next_address_is_not_followed(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = awaiting_assignment(office, officer_a, agency_a)
    response = client_for(office).post(action_url(a, "xac-nhan"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("tracking:assignment_detail", args=[a.pk])


def test_office_returns_a_completion_only_with_a_reason(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = awaiting_assignment(office, officer_a, agency_a)
    client = client_for(office)
    assert client.post(action_url(a, "tra-lai"), {"tra-lai-reason": " "}).status_code == 400
    data = {"tra-lai-reason": "Thiếu biên bản nghiệm thu"}
    assert client.post(action_url(a, "tra-lai"), data).status_code == 302
    a.refresh_from_db()
    assert (a.state, a.done_on) == (State.REDO, None)
    page = page_text(client_for(officer_a).get(reverse("tracking:assignment_detail", args=[a.pk])))
    assert "Thiếu biên bản nghiệm thu" in page


def test_confirming_twice_says_it_is_already_done(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = awaiting_assignment(office, officer_a, agency_a)
    client = client_for(office)
    assert client.post(action_url(a, "xac-nhan"), {}).status_code == 302
    again = client.post(action_url(a, "xac-nhan"), {})
    assert again.status_code == 400 and "Đã hoàn thành" in page_text(again)


def test_office_grants_an_extension_from_the_queue(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    req = pending_request(office, officer_a, agency_a)
    client = client_for(office)
    queue = page_text(client.get(reverse("tracking:extensions")))
    assert "Cần thêm thời gian" in queue and "31/12/2026" in queue
    url = reverse("tracking:decide_extension", args=[req.pk])
    response = client.post(url, {"decision": "grant", "next": reverse("tracking:extensions")})
    assert response["Location"] == reverse("tracking:extensions")
    a = Assignment.objects.get(pk=req.assignment_id)
    assert a.deadline == date(2026, 12, 31) and a.original_deadline == TODAY
    page = page_text(client.get(reverse("tracking:assignment_detail", args=[a.pk])))
    assert "ban đầu 21/11/2026" in page
    assert "Không có đề nghị gia hạn nào đang chờ" in page_text(
        client.get(reverse("tracking:extensions"))
    )


def test_denying_an_extension_needs_a_note_and_is_decided_once(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    req = pending_request(office, officer_a, agency_a)
    client = client_for(office)
    url = reverse("tracking:decide_extension", args=[req.pk])
    client.post(url, {"decision": "deny"})
    req.refresh_from_db()
    assert req.state == ExtensionState.PENDING
    client.post(url, {"decision": "deny", "note": "Đã gia hạn một lần"})
    req.refresh_from_db()
    assert req.state == ExtensionState.DENIED
    follow = client.post(url, {"decision": "grant"}, follow=True)
    assert "đã được quyết định" in page_text(follow)
    assert Assignment.objects.get(pk=req.assignment_id).deadline == TODAY


def test_office_postpones_and_resumes(office: Any, agency_a: Any, client_for: Any) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    client = client_for(office)
    assert (
        client.post(action_url(a, "tam-hoan"), {"tam-hoan-reason": "Chờ chủ trương"}).status_code
        == 302
    )
    a.refresh_from_db()
    assert a.state == State.POSTPONED
    page = page_text(client.get(reverse("tracking:assignment_detail", args=[a.pk])))
    assert action_url(a, "tiep-tuc") in page and action_url(a, "tam-hoan") not in page
    assert client.post(action_url(a, "tiep-tuc"), {}).status_code == 302
    a.refresh_from_db()
    assert a.state == State.NOT_STARTED


def test_office_gives_a_refused_assignment_to_another_agency(
    office: Any, officer_a: Any, officer_b: Any, agency_a: Any, agency_b: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    services.refuse(officer_a, a, "Không thuộc chức năng")
    client = client_for(office)
    page = page_text(client.get(reverse("tracking:assignment_detail", args=[a.pk])))
    assert action_url(a, "giao-lai") in page and f'value="{agency_b.pk}"' in page
    response = client.post(action_url(a, "giao-lai"), {"giao-lai-agency": agency_b.pk})
    new = Assignment.objects.get(reassigned_from=a)
    assert new.agency == agency_b and new.state == State.NOT_STARTED
    assert response["Location"] == reverse("tracking:assignment_detail", args=[new.pk])
    listed = page_text(client_for(officer_b).get(reverse("tracking:my_assignments")))
    assert reverse("tracking:assignment_detail", args=[new.pk]) in listed


def test_leader_reads_everything_and_changes_nothing(
    office: Any, officer_a: Any, leader: Any, agency_a: Any, client_for: Any
) -> None:
    a = awaiting_assignment(office, officer_a, agency_a, "Việc lãnh đạo xem")
    req = pending_request(office, officer_a, agency_a)
    client = client_for(leader)
    assert "Việc lãnh đạo xem" in page_text(client.get(reverse("tracking:assignments")))
    assert client.get(reverse("tracking:assignment_detail", args=[a.pk])).status_code == 200
    for slug in ("bao-cao", "hoan-thanh", "xac-nhan", "tra-lai", "tam-hoan", "giao-lai"):
        assert client.post(action_url(a, slug), {}).status_code == 403
    decide = reverse("tracking:decide_extension", args=[req.pk])
    assert client.post(decide, {"decision": "grant"}).status_code == 403
    a.refresh_from_db()
    assert a.state == State.AWAITING


def test_office_queues_are_the_offices_only(
    office: Any, officer_a: Any, officer_b: Any, leader: Any, agency_a: Any, client_for: Any
) -> None:
    req = pending_request(office, officer_a, agency_a)
    for user in (officer_a, leader):
        client = client_for(user)
        assert client.get(reverse("tracking:awaiting")).status_code == 403
        assert client.get(reverse("tracking:extensions")).status_code == 403
    decide = reverse("tracking:decide_extension", args=[req.pk])
    assert client_for(officer_a).post(decide, {"decision": "grant"}).status_code == 403
    assert client_for(officer_b).post(decide, {"decision": "grant"}).status_code == 404
    req.refresh_from_db()
    assert req.state == ExtensionState.PENDING


def test_office_cannot_report_for_an_agency(office: Any, agency_a: Any, client_for: Any) -> None:
    a = assignment_of(make_task(office, [agency_a]), agency_a)
    data = {"bao-cao-text": "Thay đơn vị", "bao-cao-progress": 50}
    assert client_for(office).post(action_url(a, "bao-cao"), data).status_code == 403
