"""Indicators (chỉ tiêu) appear in the giao ban report: on screen, in the XLSX and DOCX."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from docx import Document
from openpyxl import load_workbook

from chidao.indicators.services import enter_value
from tests.web.indicator_support import make_indicator
from tests.web.tracking_support import set_today

pytestmark = pytest.mark.django_db
NAME = "Thu ngân sách nhà nước trên địa bàn"


@pytest.fixture
def indicator(office: Any, officer_a: Any, agency_a: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    set_today(monkeypatch, date(2026, 11, 21))
    ind = make_indicator(office, agency_a, name=NAME, target="1200")
    enter_value(officer_a, ind, (date(2026, 10, 1), date(2026, 10, 31)), Decimal("1050.5"))
    return ind


def test_the_report_page_shows_actual_against_target(
    indicator: Any, office: Any, client_for: Callable[[Any], Client]
) -> None:
    page = client_for(office).get("/giao-ban/", {"period": "2026-11"}).content.decode()
    assert NAME in page
    assert "1.050,5" in page or "1050,5" in page


def test_the_xlsx_has_an_indicators_sheet_with_the_numbers(
    indicator: Any, office: Any, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(office).get("/giao-ban/bao-cao.xlsx", {"period": "2026-11"})
    ws = load_workbook(io.BytesIO(response.content))["Chỉ tiêu"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r and r[1] == NAME]
    assert len(rows) == 1
    assert (rows[0][5], rows[0][6]) == (1200, 1050.5)
    assert ws.freeze_panes == "C5"


def test_the_docx_reports_the_indicators(
    indicator: Any, office: Any, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(office).get("/giao-ban/bao-cao.docx", {"period": "2026-11"})
    doc = Document(io.BytesIO(response.content))
    texts = [p.text for p in doc.paragraphs]
    assert "V. TÌNH HÌNH THỰC HIỆN CHỈ TIÊU" in texts
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert any(NAME in c for c in cells)
    assert "1.050,5 tỷ đồng" in cells
