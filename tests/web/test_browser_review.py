"""The review screen in a real browser: accepting a proposed task swaps in its card (htmx),
the page itself is not reloaded, and the counters and the mark in the source follow."""

from __future__ import annotations

from typing import Any

import pytest

from chidao.documents.models import Candidate, Decision, Document
from chidao.registry.models import Agency
from tests.web.conftest import PASSWORD
from tests.web.factories import make_document
from tests.web.test_browser_csp import watch

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TEXT = "1. Giao Sở Tài chính chủ trì rà soát kinh phí.\n2. Giao Sở Y tế kiểm tra an toàn thực phẩm."


@pytest.fixture
def document(office: Any, agency_a: Agency, agency_b: Agency) -> Document:
    document = make_document(office, text=TEXT)
    for order, (line, lead) in enumerate(
        zip(TEXT.split("\n"), [agency_a, agency_b], strict=True), 1
    ):
        start = TEXT.index(line)
        c = Candidate.objects.create(
            document=document, order=order, start=start, end=start + len(line), text=line
        )
        c.lead.set([lead])
    return document


def test_accepting_a_task_updates_its_card_without_reloading_the_page(
    open_as: Any, live_server: Any, office: Any, document: Document
) -> None:
    page = open_as("chuyenvien", PASSWORD)
    problems = watch(page)
    page.goto(f"{live_server.url}/van-ban/{document.pk}/ra-soat/")
    first = document.candidates.get(order=1)
    card = f"#c-{first.pk}"
    page.evaluate("window.__marker = 1")
    page.click(f"{card} button[value=accept]")
    page.wait_for_selector(f"{card}.accepted .msg-success")
    assert page.evaluate("window.__marker") == 1  # the same page: no reload, no navigation
    assert "Đã chấp nhận mục 1." in page.inner_text(card)
    assert "1 chấp nhận" in page.inner_text("#review-counts")
    mark = page.get_attribute(f"#span-{first.pk}", "class").split()
    assert "accepted" in mark and "pending" not in mark  # the source's mark follows
    assert Candidate.objects.get(pk=first.pk).decision == Decision.ACCEPTED
    # the swapped-in card works again: reject it, still on the same page
    page.click(f"{card} button[value=reject]")
    page.wait_for_selector(f"{card}.rejected button[value=reopen]")
    assert page.evaluate("window.__marker") == 1
    assert problems == []
