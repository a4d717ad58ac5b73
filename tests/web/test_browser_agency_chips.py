"""The review chip of a merged department in a real browser: it says since when and who
took over, and its one button puts the successor in its place (htmx, no reload)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from chidao.documents.models import Candidate, Document
from chidao.registry.models import Agency
from tests.web.conftest import PASSWORD
from tests.web.factories import make_document
from tests.web.test_browser_csp import watch

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TEXT = "1. Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp, báo cáo trước ngày 31/12/2025."


@pytest.fixture
def document(office: Any, registry: None) -> Document:
    document = make_document(office, text=TEXT, issued_on=date(2021, 8, 16))
    c = Candidate.objects.create(
        document=document, order=1, start=0, end=len(TEXT), text=TEXT, deadline=date(2025, 12, 31)
    )
    c.lead.set([Agency.objects.get(code="so-ke-hoach-dau-tu")])
    return document


def test_one_click_puts_the_successor_in_place_of_the_merged_department(
    open_as: Any, live_server: Any, office: Any, document: Document
) -> None:
    page = open_as("chuyenvien", PASSWORD)
    problems = watch(page)
    page.goto(f"{live_server.url}/van-ban/{document.pk}/ra-soat/")
    c = document.candidates.get()
    card = f"#c-{c.pk}"
    assert "đã giải thể/sáp nhập từ 01/03/2025 → Sở Tài chính" in page.inner_text(card)
    page.evaluate("window.__marker = 1")
    page.click(f"{card} button.chip-successor")
    page.wait_for_selector(f"{card} .msg-success")
    assert page.evaluate("window.__marker") == 1  # no reload
    assert "được thay bằng “Sở Tài chính”" in page.inner_text(card)
    assert page.locator(f"{card} button.chip-successor").count() == 0
    assert [a.code for a in Candidate.objects.get(pk=c.pk).lead.all()] == ["so-tai-chinh"]
    assert problems == []
