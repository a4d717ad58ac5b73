"""Overdue lists: the XLSX holds every overdue assignment, streamed (openpyxl's write-only
mode), and the DOCX summarises — the most overdue ones, then how many more the XLSX has.

5,100 overdue assignments of Sở Tài chính are added to the month of
tests/web/report_support.py (which has 2): deadlines from 01/01/2026 on, one a day for
the first 300 days, so the most overdue is due 01/01/2026 — 5,102 overdue in November.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, timedelta
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from chidao.registry.models import Agency
from chidao.reports import views
from chidao.tracking.models import Assignment, Task
from tests.web import report_support as support
from tests.web.factories import make_document

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
work = support.work
MANY = 5_100  # more than the 5,000 the XLSX listed before it held them all


@pytest.fixture
def many_overdue(work: Any, office: Any, agency_a: Agency) -> None:
    doc = make_document(office, kind="Công văn", number="999/UBND-KT")
    first = date(2026, 1, 1)
    tasks = Task.objects.bulk_create(
        Task(document=doc, order=i, text=f"Nhiệm vụ quá hạn số {i + 1}", created_by=office)
        for i in range(MANY)
    )
    Assignment.objects.bulk_create(
        Assignment(
            task=t,
            document=doc,
            agency=agency_a,
            deadline=first + timedelta(days=i % 300),
            original_deadline=first + timedelta(days=i % 300),
        )
        for i, t in enumerate(tasks)
    )


def _get(client_for: Any, office: Any, ext: str) -> bytes:
    response = client_for(office).get(f"/giao-ban/bao-cao.{ext}", {"period": "2026-11"})
    assert response.status_code == 200
    return bytes(response.content)


def test_the_xlsx_holds_every_overdue_assignment(
    many_overdue: None, office: Any, client_for: Any
) -> None:
    book = load_workbook(io.BytesIO(_get(client_for, office, "xlsx")))
    ws = book["Nhiệm vụ quá hạn"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r and r[0]]
    assert len(rows) == MANY + 2
    assert rows[0][2] == "Nhiệm vụ quá hạn số 1" and rows[0][4].date() == date(2026, 1, 1)
    assert [r[0] for r in rows] == list(range(1, MANY + 3))
    assert ws.auto_filter.ref == f"A4:J{4 + MANY + 2}"
    assert "Tổng số 5.102 lượt giao quá hạn" in ws["A3"].value


def test_the_xlsx_is_streamed_in_write_only_mode(
    many_overdue: None, office: Any, client_for: Any
) -> None:
    # a sheet written in write-only mode streams its rows and so has no <dimension> (its
    # size is not known before its rows are out); a sheet built in memory always has one
    with zipfile.ZipFile(io.BytesIO(_get(client_for, office, "xlsx"))) as z:
        sheets = [n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n)]
        assert len(sheets) == 5
        for name in sheets:
            assert b"<dimension" not in z.read(name), name


def test_the_docx_lists_the_most_overdue_and_points_to_the_xlsx_for_the_rest(
    many_overdue: None, office: Any, client_for: Any
) -> None:
    doc = Document(io.BytesIO(_get(client_for, office, "docx")))
    overdue = doc.tables[2]
    shown = views.DOCX_OVERDUE_LIMIT
    assert len(overdue.rows) == 1 + shown
    assert overdue.rows[1].cells[2].text.startswith("Nhiệm vụ quá hạn số 1 ")
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("Có 5.102 lượt giao đang thực hiện quá hạn") for t in texts)
    more = f"… và {MANY + 2 - shown:,} lượt giao quá hạn khác".replace(",", ".")
    assert any(t.startswith(more) and "tệp Excel" in t for t in texts), more
