"""The giao ban report in a real browser: the Office specialist opens it, switches period
and agency, and downloads the Excel and Word files. Screenshots go to screenshots/."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from chidao.registry.models import Agency
from tests.web import report_support as support
from tests.web.browser_support import shot
from tests.web.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]
work = support.work


def _count(page: Any, bucket: str) -> int:
    return int(page.get_attribute(f'.stat[data-bucket="{bucket}"]', "data-count"))


def test_the_specialist_reads_the_giao_ban_and_downloads_both_files(
    open_as: Any,
    live_server: Any,
    work: dict[str, Any],
    agency_b: Agency,
) -> None:
    office = open_as("chuyenvien", PASSWORD)

    office.goto(f"{live_server.url}/")
    office.click("nav >> text=Giao ban")
    office.wait_for_selector("body[data-charts=drawn]")
    assert "tháng 11/2026" in office.inner_text("h1")
    assert _count(office, "dang_thuc_hien_qua_han") == 2
    assert office.locator("#chart-agencies").bounding_box()["height"] > 200
    shot(office, "20-giao-ban-thang")

    # the previous month, then back to November with the selector
    office.click("#period-prev")
    office.wait_for_selector("body[data-charts=drawn]")
    assert "tháng 10/2026" in office.inner_text("h1")
    assert _count(office, "dang_thuc_hien_qua_han") == 1
    shot(office, "21-giao-ban-thang-truoc")
    office.select_option("#period", "2026-11")
    office.wait_for_selector("h1:has-text('tháng 11/2026')")

    # one agency
    office.select_option("#agency", str(agency_b.pk))
    office.wait_for_selector("#report-scope:has-text('Sở Y tế')")
    office.wait_for_selector("body[data-charts=drawn]")
    assert _count(office, "dang_thuc_hien_qua_han") == 1
    assert "Rà soát định mức chi thường xuyên." not in office.inner_text("main")
    shot(office, "22-giao-ban-mot-don-vi")

    with office.expect_download() as xlsx_info:
        office.click("#download-xlsx")
    xlsx = xlsx_info.value
    assert xlsx.suggested_filename == "bao-cao-giao-ban-2026-11.xlsx"
    book = load_workbook(io.BytesIO(xlsx.path().read_bytes()))
    rows = [r for r in book.worksheets[0].iter_rows(min_row=5, values_only=True) if r[1]]
    assert [r[1] for r in rows] == ["Sở Y tế", "Tổng cộng"]

    with office.expect_download() as docx_info:
        office.click("#download-docx")
    docx = docx_info.value
    assert docx.suggested_filename == "bao-cao-giao-ban-2026-11.docx"
    doc = Document(docx.path())
    assert "BÁO CÁO" in [p.text for p in doc.paragraphs]
    assert "(Sở Y tế)" in [p.text for p in doc.paragraphs]
