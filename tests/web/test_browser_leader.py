"""The leader's overview in a real browser: one screen at 1366×768 (nothing below the
fold), and nothing wider than a 390-px phone. The city is busy: the longest agency names
of the registry, long task texts, a year of overdue work, more waiting decisions than
the page lists. Screenshots go to screenshots/."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from chidao.registry.models import Agency
from chidao.reminders.models import Flag
from chidao.tracking.models import ExtensionRequest
from tests.web.browser_support import shot, too_wide
from tests.web.conftest import PASSWORD
from tests.web.factories import make_document, make_task
from tests.web.tracking_support import set_today

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 11, 21)
LONG_TEXT = (
    "Chủ trì, phối hợp với các sở, ban, ngành và UBND các xã, phường rà soát, tổng hợp "
    "và báo cáo UBND Thành phố kết quả thực hiện các nhiệm vụ trọng tâm về cải cách hành "
    "chính, chuyển đổi số và phát triển kinh tế - xã hội năm 2026."
)


@pytest.fixture
def busy_city(monkeypatch: pytest.MonkeyPatch, office: Any) -> None:
    agencies = sorted(
        Agency.objects.filter(valid_to__isnull=True), key=lambda a: (-len(a.name), a.pk)
    )[:8]
    documents = [
        make_document(office, kind="Kế hoạch", number=f"{n}/KH-UBND", subject=LONG_TEXT)
        for n in range(101, 107)
    ]
    waiting = []
    for month in range(12):  # a task a month, over a year, some to every agency
        given = date(2025, 11, 5) + timedelta(days=30 * month)
        set_today(monkeypatch, given)
        task = make_task(
            office,
            agencies[: 2 + month % 7],
            deadline=given + timedelta(days=20),
            document=documents[month % len(documents)],
            text=LONG_TEXT,
            today=given,
        )
        waiting += list(task.assignments.all()[:1])
    set_today(monkeypatch, TODAY)
    for a in waiting[:5]:
        ExtensionRequest.objects.create(
            assignment=a,
            requested_deadline=TODAY + timedelta(days=30),
            reason="Chờ số liệu của các đơn vị phối hợp.",
            requested_by=office,
        )
    for a in waiting[5:10]:
        Flag.objects.create(assignment=a, flagged_at=timezone.now(), reminders=3)


def test_the_overview_fits_one_screen_and_a_phone(
    busy_city: None, open_as: Any, live_server: Any
) -> None:
    page = open_as("lanhdao", PASSWORD)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/tong-quan/")
    assert page.locator(".rank li").count() == 10  # five agencies, five directives
    assert page.locator(".months li").count() == 12
    assert page.locator(".waiting li").count() == 6  # three of each, the counts say more
    shot(page, "40-tong-quan-1366")
    assert page.evaluate("document.documentElement.scrollHeight") <= 768

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    shot(page, "41-tong-quan-390")
    measured = too_wide(page)
    assert measured["over"] == [] and measured["scrollWidth"] <= 390, measured
