"""The XLSX export, opened with openpyxl: the numbers match the database, the sheets are
formatted (frozen headers, filters, widths, Vietnamese headers, numbers as numbers)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from chidao.common.periods import parse
from chidao.registry.models import Agency
from chidao.tracking.models import Assignment
from chidao.tracking.status import Bucket, bucket_as_of_q, counted_q
from tests.web import report_support as support
from tests.web.report_support import LAST_REPORT, TODAY

pytestmark = pytest.mark.django_db
work = support.work


@pytest.fixture
def book(work: Any, office: Any, client_for: Callable[[Any], Client]) -> Workbook:
    response = client_for(office).get("/giao-ban/bao-cao.xlsx", {"period": "2026-11"})
    assert response.status_code == 200
    assert 'filename="bao-cao-giao-ban-2026-11.xlsx"' in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content))


def _rows(ws: Any) -> dict[str, tuple[Any, ...]]:
    """Data rows under the header (row 4), by the name in column B."""
    return {r[1]: r for r in ws.iter_rows(min_row=5, values_only=True) if r and r[1]}


def test_one_sheet_per_table(book: Workbook) -> None:
    assert book.sheetnames == [
        "Tổng hợp theo đơn vị",
        "Trong kỳ",
        "Nhiệm vụ quá hạn",
        "Đưa ra giao ban",
        "Chỉ tiêu",
    ]


def test_summary_numbers_match_the_database(book: Workbook, agency_a: Agency) -> None:
    ws = book["Tổng hợp theo đơn vị"]
    row = _rows(ws)["Sở Tài chính"]
    period = parse("2026-11", TODAY)
    mine = Assignment.objects.filter(counted_q(period.start, TODAY), agency=agency_a)
    expected = [mine.filter(bucket_as_of_q(b, TODAY)).count() for b in Bucket.ORDER]
    assert list(row[3:8]) == expected == [1, 1, 1, 1, 0]
    assert row[2] == 4 and isinstance(row[2], int)
    assert row[8] == pytest.approx(0.5) and row[10] == pytest.approx(
        200 / 3
    )  # like for like: "new" left out
    total = _rows(ws)["Tổng cộng"]
    assert total[2] == 6 and total[6] == 2


def test_title_row_names_the_period_and_the_scope(book: Workbook) -> None:
    ws = book["Tổng hợp theo đơn vị"]
    assert ws["A1"].value == "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THÁNG 11/2026"
    assert "Phạm vi: Toàn thành phố" in ws["A2"].value and "21/11/2026" in ws["A2"].value
    assert "tháng 10/2026" in ws["A3"].value


def test_headers_are_frozen_filtered_and_in_vietnamese(book: Workbook) -> None:
    for ws in book.worksheets:
        assert ws.freeze_panes == "C5"
        assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A4:")
        assert ws["A4"].value == "STT"
        assert ws["B4"].value in ("Đơn vị", "Chỉ tiêu")
        assert ws["B4"].font.bold and ws["B4"].font.name == "Times New Roman"
        assert ws.column_dimensions["B"].width >= 30
    summary = [c.value for c in book["Tổng hợp theo đơn vị"][4]]
    assert "Hoàn thành đúng hạn" in summary and "Tỷ lệ hoàn thành" in summary


def test_overdue_sheet_lists_last_report_dates_and_reminders(book: Workbook, work: Any) -> None:
    ws = book["Nhiệm vụ quá hạn"]
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert [r[2] for r in rows] == [
        "Kiểm tra an toàn thực phẩm.",
        "Rà soát định mức chi thường xuyên.",
    ]
    late = rows[1]
    assert late[4].date() == date(2026, 11, 10) and ws["E6"].number_format == "dd/mm/yyyy"
    assert (late[5], late[6], late[7], late[9]) == (11, 40, LAST_REPORT, 2)
    assert ws.auto_filter.ref == "A4:J6"


def test_flagged_sheet_has_the_flag_date(book: Workbook) -> None:
    ws = book["Đưa ra giao ban"]
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert len(rows) == 1 and rows[0][2] == "Rà soát định mức chi thường xuyên."
    assert rows[0][10].date() == date(2026, 11, 17)
    assert ws["K4"].value == "Ngày đưa ra giao ban"
