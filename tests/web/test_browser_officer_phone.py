"""An agency officer's "Việc của đơn vị" on a 390 × 844 phone: nothing wider than the
screen (no sideways scrolling), with long task texts, long agency names and every column
of the list. Screenshot: screenshots/50-viec-cua-don-vi-390.png."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from chidao.registry.models import Agency
from tests.web.browser_support import shot, too_wide
from tests.web.conftest import PASSWORD
from tests.web.factories import make_document, make_task
from tests.web.tracking_support import set_today

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 21)
LONG_TEXT = (
    "Chủ trì, phối hợp với các sở, ban, ngành và UBND các xã, phường rà soát, tổng hợp "
    "và báo cáo UBND Thành phố kết quả thực hiện các nhiệm vụ trọng tâm về cải cách hành "
    "chính, chuyển đổi số và phát triển kinh tế - xã hội năm 2026 (Kế hoạch số "
    "123/KH-UBND-KT-TH-NC-VX)."
)


@pytest.fixture
def officer_work(monkeypatch: pytest.MonkeyPatch, office: Any, agency_a: Agency) -> None:
    """Sở Tài chính's work: overdue, due soon and on time, lead and support, recurring."""
    longest = max(Agency.objects.filter(valid_to__isnull=True), key=lambda a: len(a.name))
    set_today(monkeypatch, TODAY)
    for n, days in enumerate((-40, -3, 2, 30, 90)):
        document = make_document(
            office, kind="Kế hoạch", number=f"{100 + n}/KH-UBND-KT", subject=LONG_TEXT
        )
        make_task(
            office,
            [agency_a] if n % 2 else [longest],
            support=[] if n % 2 else [agency_a],
            deadline=TODAY + timedelta(days=days),
            document=document,
            text=LONG_TEXT,
            today=TODAY - timedelta(days=60),
        )


def test_the_officers_page_fits_a_390_px_phone(
    officer_work: None, open_as: Any, live_server: Any
) -> None:
    page = open_as("canbo.taichinh", PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/viec-cua-don-vi/")
    assert page.locator("table.assignments tbody tr").count() == 5
    shot(page, "50-viec-cua-don-vi-390")
    measured = too_wide(page)
    assert measured["over"] == [] and measured["scrollWidth"] <= 390, measured


def test_an_assignment_the_officer_opens_fits_the_phone_too(
    officer_work: None, open_as: Any, live_server: Any
) -> None:
    page = open_as("canbo.taichinh", PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/viec-cua-don-vi/")
    page.click("table.assignments tbody tr:first-child td:first-child a")
    page.wait_for_load_state("networkidle")
    shot(page, "51-luot-giao-390")
    measured = too_wide(page)
    assert measured["over"] == [] and measured["scrollWidth"] <= 390, measured
