"""The Office reviews indicators proposed from a directive's text: accept or skip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from django.test import Client
from django.urls import reverse

from chidao.audit.models import HistoryEntry
from chidao.documents.models import Document
from chidao.extract.indicators import find_indicators
from chidao.indicators.models import Indicator
from chidao.registry.models import Agency
from tests.web.factories import make_document

Clients = Callable[[Any], Client]

TEXT = (
    "KẾ HOẠCH\n\n"
    "1. Giao Sở Y tế chủ trì, phấn đấu tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%.\n\n"
    "2. Hoàn thành chỉ tiêu 30% dịch vụ công trực tuyến mức độ 4 <script>x</script>.\n\n"
    "3. Báo cáo trước ngày 15/12."
)


def directive(office: Any) -> Document:
    return make_document(office, text=TEXT, issued_on=date(2026, 3, 2))


def accept_post(doc: Document, index: int, agency: Agency | None, **over: str) -> dict[str, str]:
    p = find_indicators(doc.text, default_year=2026)[index]
    prefix = f"p{p.start}-{p.end}-"
    data = {
        "start": str(p.start),
        "end": str(p.end),
        prefix + "name": p.name,
        prefix + "unit": p.unit,
        prefix + "target": str(p.value),
        prefix + "direction": p.direction,
        prefix + "period_kind": "year",
        prefix + "year": str(p.year),
        prefix + "agency": str(agency.pk) if agency else "",
    }
    data.update({prefix + k: v for k, v in over.items()})
    return data


def test_review_page_shows_each_proposal_with_its_sentence_escaped(
    client_for: Clients, office: Any
) -> None:
    doc = directive(office)
    page = client_for(office).get(reverse("indicators:review", args=[doc.pk])).content.decode()
    assert "tỷ lệ dân số tham gia bảo hiểm y tế" in page
    assert "dịch vụ công trực tuyến mức độ 4" in page
    assert "<script>x</script>" not in page
    assert "&lt;script&gt;x&lt;/script" in page
    assert "<mark>" in page
    assert page.count('id="de-xuat-') == 2  # the date is not proposed


def test_proposal_agency_is_matched_to_the_registry(
    client_for: Clients, office: Any, agency_b: Agency
) -> None:
    doc = directive(office)
    page = client_for(office).get(reverse("indicators:review", args=[doc.pk])).content.decode()
    assert f'<option value="{agency_b.pk}" selected>' in page


def test_accepting_a_proposal_creates_an_indicator_from_the_directive(
    client_for: Clients, office: Any, agency_b: Agency
) -> None:
    doc = directive(office)
    url = reverse("indicators:accept", args=[doc.pk])
    r = client_for(office).post(url, accept_post(doc, 0, agency_b, cumulative=""))
    assert r.status_code == 302
    ind = Indicator.objects.get()
    assert ind.document == doc
    assert ind.agency == agency_b
    assert (ind.target, ind.unit, ind.direction) == (Decimal(95), "%", "at_least")
    assert (ind.period_start, ind.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    entry = HistoryEntry.objects.get(action="indicator.create")
    assert entry.document_id == doc.pk
    page = client_for(office).get(reverse("indicators:review", args=[doc.pk])).content.decode()
    assert "Đã tạo chỉ tiêu" in page


def test_an_invalid_accept_shows_the_form_again(client_for: Clients, office: Any) -> None:
    doc = directive(office)
    url = reverse("indicators:accept", args=[doc.pk])
    r = client_for(office).post(url, accept_post(doc, 1, None, target="nhiều"))
    assert r.status_code == 400
    assert not Indicator.objects.exists()


def test_skipping_a_proposal_marks_it_and_creates_nothing(client_for: Clients, office: Any) -> None:
    doc = directive(office)
    p = find_indicators(doc.text)[1]
    c = client_for(office)
    r = c.post(reverse("indicators:skip", args=[doc.pk]), {"start": p.start, "end": p.end})
    assert r.status_code == 302
    page = c.get(reverse("indicators:review", args=[doc.pk])).content.decode()
    assert "Đã bỏ qua" in page
    assert not Indicator.objects.exists()


def test_review_is_for_the_office_only(
    client_for: Clients, office: Any, officer_b: Any, leader: Any, agency_b: Agency
) -> None:
    doc = directive(office)
    for user in (officer_b, leader):
        c = client_for(user)
        assert c.get(reverse("indicators:review", args=[doc.pk])).status_code == 403
        url = reverse("indicators:accept", args=[doc.pk])
        assert c.post(url, accept_post(doc, 0, agency_b)).status_code == 403
    assert not Indicator.objects.exists()
