"""Dissolved and merged bodies: the extraction keeps the name as written; the review chip
says since when and who took over, with a one-click replacement; registration gives a
task due after the change to the successor and refuses a body that ended without one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.audit.models import HistoryEntry
from chidao.common.errors import ActionError
from chidao.documents.models import Candidate, Decision, Document, DocumentStatus
from chidao.documents.services import register_document
from chidao.registry.models import Agency
from chidao.tracking import services
from chidao.tracking.models import Assignment
from tests.web.factories import assignment_of, make_document, make_task
from tests.web.registry_support import ingest, item
from tests.web.tracking_support import set_today

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


def agency(code: str) -> Agency:
    return Agency.objects.get(code=code)


def accepted(document: Document, lead: Agency, deadline: date | None, text: str = "") -> Candidate:
    c = Candidate.objects.create(
        document=document,
        order=document.candidates.count() + 1,
        text=text or f"Giao {lead.name} chủ trì thực hiện.",
        deadline=deadline,
        decision=Decision.ACCEPTED,
    )
    c.lead.set([lead])
    return c


def old_directive(office: Any) -> Document:
    return make_document(office, issued_on=date(2021, 8, 16))


def test_the_extraction_keeps_the_merged_department_as_the_directive_wrote_it(
    office: Any, django_capture_on_commit_callbacks: Any
) -> None:
    document = ingest(office, django_capture_on_commit_callbacks)
    lead = list(item(document, "tổng hợp báo cáo").lead.all())
    assert [a.code for a in lead] == ["so-ke-hoach-dau-tu"]


def test_a_task_due_after_the_merger_goes_to_the_successor(office: Any) -> None:
    document = old_directive(office)
    accepted(document, agency("so-ke-hoach-dau-tu"), date(2025, 12, 31))
    accepted(document, agency("so-ke-hoach-dau-tu"), None, "Theo dõi thường xuyên.")
    register_document(office, document, today=TODAY)
    assigned = set(Assignment.objects.values_list("agency__code", flat=True))
    assert assigned == {"so-tai-chinh"}
    entry = HistoryEntry.objects.get(action="document.successors")
    assert "Sở Kế hoạch và Đầu tư → Sở Tài chính" in entry.summary


def test_a_task_due_before_the_merger_stays_with_the_body_of_that_time(office: Any) -> None:
    document = old_directive(office)
    accepted(document, agency("so-ke-hoach-dau-tu"), date(2021, 12, 31))
    register_document(office, document, today=TODAY)
    assert list(Assignment.objects.values_list("agency__code", flat=True)) == ["so-ke-hoach-dau-tu"]


def test_a_district_is_refused_after_july_2025_and_nothing_is_registered(office: Any) -> None:
    document = old_directive(office)
    accepted(document, agency("so-y-te"), date(2025, 12, 31))
    accepted(document, agency("ubnd-quan-ba-dinh"), date(2025, 12, 31))
    with pytest.raises(
        ActionError, match=r"UBND quận Ba Đình.*01/07/2025.*không có đơn vị kế thừa"
    ):
        register_document(office, document, today=TODAY)
    document.refresh_from_db()
    assert document.status != DocumentStatus.REGISTERED
    assert not Assignment.objects.exists()


def review(client: Client, document: Document) -> str:
    return client.get(reverse("documents:review", args=[document.pk])).content.decode()


def test_the_review_chip_names_the_date_and_the_successor_and_one_click_replaces_it(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    document = old_directive(office)
    c = accepted(document, agency("so-ke-hoach-dau-tu"), date(2025, 12, 31))
    c.support.set([agency("ubnd-huyen-ba-vi")])
    Candidate.objects.filter(pk=c.pk).update(decision=Decision.PENDING)
    client = client_for(office)
    page = review(client, document)
    assert "đã giải thể/sáp nhập từ 01/03/2025 → Sở Tài chính" in page
    assert "đã giải thể/sáp nhập từ 01/07/2025" in page  # the district: no successor
    assert page.count("Thay bằng ") == 1
    old = agency("so-ke-hoach-dau-tu")
    response = client.post(
        reverse("documents:successor", args=[c.pk]),
        {
            "replace": old.pk,
            f"c{c.pk}-text": c.text,
            f"c{c.pk}-lead": [old.pk],
            f"c{c.pk}-support": [agency("ubnd-huyen-ba-vi").pk],
            f"c{c.pk}-deadline": "31/12/2025",
            f"c{c.pk}-version": c.version,
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "được thay bằng “Sở Tài chính”" in fragment
    c.refresh_from_db()
    assert [a.code for a in c.lead.all()] == ["so-tai-chinh"]
    assert c.version == 2
    assert HistoryEntry.objects.filter(document=document, action="candidate.edited").exists()


def test_a_body_without_successor_cannot_be_replaced_in_one_click(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    document = old_directive(office)
    district = agency("ubnd-huyen-ba-vi")
    c = accepted(document, district, date(2025, 12, 31))
    response = client_for(office).post(
        reverse("documents:successor", args=[c.pk]),
        {"replace": district.pk, f"c{c.pk}-text": c.text, f"c{c.pk}-version": c.version},
    )
    assert response.status_code == 302
    c.refresh_from_db()
    assert [a.code for a in c.lead.all()] == ["ubnd-huyen-ba-vi"] and c.version == 1


def test_a_refused_task_given_again_to_a_merged_body_goes_to_its_successor(
    office: Any, officer_b: Any, agency_b: Agency
) -> None:
    task = make_task(office, [agency_b], deadline=date(2026, 12, 31))
    refused = assignment_of(task, agency_b)
    services.refuse(officer_b, refused, "Không thuộc chức năng của Sở.")
    with pytest.raises(ActionError, match="UBND quận Ba Đình"):
        services.reassign(office, refused, agency("ubnd-quan-ba-dinh").pk)
    new = services.reassign(office, refused, agency("so-ke-hoach-dau-tu").pk)
    assert new.agency.code == "so-tai-chinh"
