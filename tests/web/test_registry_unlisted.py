"""A named assignee no registry holds ("ngoài danh mục"): the reviewer registers it as a
new agency in one click; it takes tasks like any other while the administrator has not
decided; the administrator confirms it, or refuses it naming the body it really was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.documents.models import Candidate, Decision, Document
from chidao.documents.services import register_document
from chidao.registry.models import Agency, Standing
from chidao.tracking.models import Assignment
from tests.web.registry_support import AUGUST_2025, UNLISTED, ingest, item
from tests.web.tracking_support import set_today

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


@pytest.fixture
def document(office: Any, django_capture_on_commit_callbacks: Any) -> Document:
    return ingest(office, django_capture_on_commit_callbacks)


def add_unlisted(client: Client, c: Candidate, name: str = UNLISTED) -> Any:
    return client.post(
        reverse("documents:unlisted", args=[c.pk]),
        {
            "new_lead": name,
            f"c{c.pk}-text": c.text,
            f"c{c.pk}-deadline": c.deadline.isoformat() if c.deadline else "",
            f"c{c.pk}-version": c.version,
        },
        headers={"HX-Request": "true"},
    )


def test_the_extraction_marks_the_name_outside_the_registry(document: Document) -> None:
    c = item(document, "bản đồ số")
    assert c.unmatched == [UNLISTED] and not c.lead.exists()


def test_the_reviewer_registers_it_and_it_takes_the_task_while_pending(
    client_for: Callable[[Any], Client], office: Any, document: Document
) -> None:
    c = item(document, "bản đồ số")
    response = add_unlisted(client_for(office), c)
    assert response.status_code == 200
    assert "chờ quản trị xác nhận" in response.content.decode()
    new = Agency.objects.get(name=UNLISTED)
    assert new.standing == Standing.PENDING and new.proposed_by == office
    c.refresh_from_db()
    assert [a.pk for a in c.lead.all()] == [new.pk] and c.unmatched == []
    document.candidates.exclude(pk=c.pk).update(decision=Decision.REJECTED)
    Candidate.objects.filter(pk=c.pk).update(decision=Decision.ACCEPTED)
    register_document(office, document, today=TODAY)
    assert Assignment.objects.get().agency == new


def test_registering_the_same_name_twice_makes_one_agency(
    client_for: Callable[[Any], Client], office: Any, document: Document
) -> None:
    client = client_for(office)
    add_unlisted(client, item(document, "bản đồ số"))
    c = item(document, "bản đồ số")
    Candidate.objects.filter(pk=c.pk).update(unmatched=[UNLISTED.upper()])
    c.refresh_from_db()
    add_unlisted(client, c, UNLISTED.upper())
    assert Agency.objects.filter(search_text__contains="dieu hanh do thi").count() == 1


def test_a_later_directive_that_names_it_finds_it(
    client_for: Callable[[Any], Client],
    office: Any,
    document: Document,
    django_capture_on_commit_callbacks: Any,
) -> None:
    add_unlisted(client_for(office), item(document, "bản đồ số"))
    later = ingest(
        office, django_capture_on_commit_callbacks, AUGUST_2025.replace("123/", "124/"), "b.txt"
    )
    c = item(later, "bản đồ số")
    assert c.unmatched == [] and [a.name for a in c.lead.all()] == [UNLISTED]


def test_only_the_administrator_sees_and_decides_the_pending_agencies(
    client_for: Callable[[Any], Client], office: Any, admin_user: Any, document: Document
) -> None:
    add_unlisted(client_for(office), item(document, "bản đồ số"))
    new = Agency.objects.get(name=UNLISTED)
    assert client_for(office).get(reverse("accounts:agencies")).status_code == 403
    decide = reverse("accounts:decide_agency", args=[new.pk])
    assert client_for(office).post(decide, {"action": "confirm"}).status_code == 403
    admin = client_for(admin_user)
    assert UNLISTED in admin.get(reverse("accounts:agencies")).content.decode()
    admin.post(decide, {"action": "confirm"})
    new.refresh_from_db()
    assert new.standing == Standing.CONFIRMED
    assert list(admin.get(reverse("accounts:agencies")).context["rows"]) == []


def test_a_refused_agency_hands_its_next_tasks_to_the_body_it_really_was(
    client_for: Callable[[Any], Client], office: Any, admin_user: Any, document: Document
) -> None:
    c = item(document, "bản đồ số")
    add_unlisted(client_for(office), c)
    new = Agency.objects.get(name=UNLISTED)
    real = Agency.objects.get(code="so-khoa-hoc-cong-nghe")
    admin = client_for(admin_user)
    admin.post(
        reverse("accounts:decide_agency", args=[new.pk]), {"action": "reject", "same_as": real.pk}
    )
    new.refresh_from_db()
    assert new.standing == Standing.REJECTED and new.successor == real
    document.candidates.exclude(pk=c.pk).update(decision=Decision.REJECTED)
    Candidate.objects.filter(pk=c.pk).update(decision=Decision.ACCEPTED)
    register_document(office, document, today=TODAY)
    assert Assignment.objects.get().agency == real
