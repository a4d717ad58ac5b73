"""Counts say what they count: a task (nhiệm vụ) given to several agencies is that many
assignments (lượt giao cho đơn vị); the dashboard, the lists and the giao ban report show
both numbers, each with its own word."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from docx import Document as Docx
from openpyxl import load_workbook

from chidao.registry.models import Agency
from chidao.tracking import services
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import page_text, set_today

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


@pytest.fixture
def two_tasks(office: Any, agency_a: Agency, agency_b: Agency, registry: None) -> None:
    """Worked by hand: task 1 to three agencies, task 2 to two, one of those postponed:
    5 assignments, 4 counted (tạm hoãn is not), and those 4 belong to 2 tasks."""
    third = Agency.objects.get(code="so-xay-dung")
    make_task(office, [agency_a, agency_b, third], deadline=date(2026, 12, 31))
    second = make_task(office, [agency_a, agency_b], deadline=date(2026, 11, 30))
    a = assignment_of(second, agency_b)
    services.postpone(office, a, reason="Chờ ý kiến", read_version=a.version)


def _numbers(html: str) -> tuple[int, int]:
    found = re.search(r'data-assignments="(\d+)" data-tasks="(\d+)"', html)
    assert found, "the page states both counts"
    return int(found[1]), int(found[2])


def test_dashboard_shows_assignments_and_tasks_apart(
    two_tasks: None, office: Any, client_for: Any
) -> None:
    html = page_text(client_for(office).get(reverse("tracking:dashboard")))
    assert _numbers(html) == (4, 2)
    assert "Tổng số 4 lượt giao cho đơn vị, thuộc 2 nhiệm vụ" in html
    assert "Tổng lượt giao" in html  # the tables' total column


def test_the_assignment_list_counts_lượt_giao(
    two_tasks: None, office: Any, client_for: Any
) -> None:
    html = page_text(client_for(office).get(reverse("tracking:assignments")))
    assert re.search(r'data-total="5">5</strong> lượt giao cho đơn vị', html)


def test_giao_ban_screen_and_files_say_lượt_giao_and_nhiệm_vụ(
    two_tasks: None, office: Any, client_for: Any
) -> None:
    client = client_for(office)
    html = page_text(client.get(reverse("reports:giao_ban"), {"period": "2026-11"}))
    assert _numbers(html) == (4, 2)
    assert "Tổng lượt giao" in html
    docx = client.get(reverse("reports:docx"), {"period": "2026-11"})
    texts = [p.text for p in Docx(io.BytesIO(docx.content)).paragraphs]
    assert any(
        t.startswith("1. Tổng số theo dõi trong kỳ: 4 lượt giao cho đơn vị, thuộc 2 nhiệm vụ")
        for t in texts
    )
    xlsx = client.get(reverse("reports:xlsx"), {"period": "2026-11"})
    book = load_workbook(io.BytesIO(xlsx.content))
    assert "Tổng số lượt giao" in [c.value for c in book["Tổng hợp theo đơn vị"][4]]
