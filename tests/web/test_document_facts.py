"""The Office corrects a document's facts (kind, number, date, issuer, signer, subject) on
its page; each correction is kept in the history, before and after, and shown there."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from chidao.audit.models import HistoryEntry
from chidao.documents.models import Document
from chidao.search.models import Kind, SearchEntry
from chidao.search.text import number_key
from tests.web.factories import make_document, make_task
from tests.web.tracking_support import page_text, set_today

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


def _post(client: Any, document: Document, **changes: Any) -> Any:
    data = {
        "kind": document.kind,
        "number": document.number,
        "issued_on": document.issued_on.strftime("%d/%m/%Y") if document.issued_on else "",
        "issuer": document.issuer,
        "signer": document.signer,
        "subject": document.subject,
        "version": document.version,
    }
    data.update(changes)
    url = reverse("documents:facts", args=[document.pk])
    return client.post(url, {f"facts-{k}": v for k, v in data.items()})


def test_office_corrects_number_and_date_and_the_page_shows_before_and_after(
    office: Any, client_for: Any
) -> None:
    document = make_document(office, number="2658/UBND-K", issued_on=date(2021, 8, 6))
    client = client_for(office)
    response = _post(client, document, number="2658/UBND-KT", issued_on="16/08/2021")
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.number, document.issued_on) == ("2658/UBND-KT", date(2021, 8, 16))
    assert document.version == 2
    entry = HistoryEntry.objects.get(document=document, action="document.corrected")
    assert entry.actor == office
    assert entry.before == {"number": "2658/UBND-K", "issued_on": "2021-08-06"}
    assert entry.after == {"number": "2658/UBND-KT", "issued_on": "2021-08-16"}
    body = page_text(client.get(reverse("documents:detail", args=[document.pk])))
    assert "Số, ký hiệu: 2658/UBND-K → 2658/UBND-KT" in body
    assert "Ngày ban hành: 06/08/2021 → 16/08/2021" in body
    assert office.get_full_name() in body


def test_every_fact_can_be_corrected(office: Any, client_for: Any) -> None:
    document = make_document(office)
    _post(
        client_for(office),
        document,
        kind="Chỉ thị",
        number="05/CT-UBND",
        issued_on="01/03/2024",
        issuer="UBND Thành phố Hà Nội",
        signer="Trần Sỹ Thanh",
        subject="Về tăng cường công tác phòng cháy",
    )
    document.refresh_from_db()
    assert (document.kind, document.number, document.issued_on) == (
        "Chỉ thị",
        "05/CT-UBND",
        date(2024, 3, 1),
    )
    assert document.signer == "Trần Sỹ Thanh"
    assert document.subject == "Về tăng cường công tác phòng cháy"


def test_nothing_changed_leaves_no_history(office: Any, client_for: Any) -> None:
    document = make_document(office)
    response = _post(client_for(office), document)
    assert response.status_code == 302
    assert not HistoryEntry.objects.filter(document=document, action="document.corrected")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"issued_on": "31/02/2021"}, "Ngày ban hành: Nhập ngày theo dạng dd/mm/yyyy."),
        ({"issued_on": "22/11/2026"}, "Ngày ban hành: Ngày ban hành không thể sau ngày hôm nay."),
        ({"number": "9" * 81}, "Số, ký hiệu: "),
    ],
)
def test_a_refused_value_is_named_by_its_field_and_nothing_changes(
    office: Any, client_for: Any, changes: dict[str, str], message: str
) -> None:
    document = make_document(office, number="1/UBND")
    response = _post(client_for(office), document, **changes)
    assert response.status_code == 400
    assert message in page_text(response)
    document.refresh_from_db()
    assert (document.number, document.version) == ("1/UBND", 1)


def test_a_correction_made_on_an_old_page_is_refused(office: Any, client_for: Any) -> None:
    document = make_document(office, number="1/UBND")
    client = client_for(office)
    _post(client, document, number="2/UBND")
    stale = _post(client, document, number="3/UBND")  # still version 1
    assert stale.status_code == 302
    document.refresh_from_db()
    assert document.number == "2/UBND"
    body = page_text(client.get(stale["Location"]))
    assert "Người khác vừa sửa thông tin văn bản này" in body


def test_officers_and_leaders_may_not_correct_and_see_no_form(
    office: Any, officer_a: Any, leader: Any, agency_a: Any, client_for: Any
) -> None:
    task = make_task(office, [agency_a])
    document = task.document
    for user in (officer_a, leader):
        client = client_for(user)
        assert _post(client, document, number="X").status_code == 403
        page = page_text(client.get(reverse("documents:detail", args=[document.pk])))
        assert "Sửa thông tin văn bản" not in page
    document.refresh_from_db()
    assert document.number != "X"


def test_a_corrected_number_finds_the_documents_tasks(
    office: Any, agency_a: Any, client_for: Any
) -> None:
    task = make_task(office, [agency_a])
    _post(client_for(office), task.document, number="2658/UBND-KT")
    entry = SearchEntry.objects.get(kind=Kind.TASK, object_id=task.pk)
    assert number_key("2658/UBND-KT") in entry.body_terms
