"""The DOCX export in the layout of Nghị định 30/2020/NĐ-CP, opened with python-docx, and
its PDF through LibreOffice, rendered to screenshots/ for a person to look at."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from docx import Document
from docx.document import Document as DocumentObject
from docx.shared import Cm, Pt

from chidao.reports import make_docx_template
from tests.web import report_support as support
from tests.web.browser_support import SHOTS
from tests.web.report_support import LAST_REPORT

pytestmark = pytest.mark.django_db
work = support.work
SIGNER = "Nguyễn Hoàng Anh"


@pytest.fixture(autouse=True)
def signer(settings: Any) -> None:
    settings.CHIDAO_REPORT_SIGNER = SIGNER


@pytest.fixture
def docx_bytes(work: Any, office: Any, client_for: Callable[[Any], Client]) -> bytes:
    response = client_for(office).get("/giao-ban/bao-cao.docx", {"period": "2026-11"})
    assert response.status_code == 200
    assert 'filename="bao-cao-giao-ban-2026-11.docx"' in response["Content-Disposition"]
    return response.content


@pytest.fixture
def doc(docx_bytes: bytes) -> DocumentObject:
    return Document(io.BytesIO(docx_bytes))


def _cell_text(table: Any, row: int, col: int) -> list[str]:
    return [p.text for p in table.cell(row, col).paragraphs]


def test_header_has_the_issuing_body_and_the_national_title(doc: DocumentObject) -> None:
    head = doc.tables[0]
    assert _cell_text(head, 0, 0) == ["UBND THÀNH PHỐ HÀ NỘI", "VĂN PHÒNG"]
    assert _cell_text(head, 0, 1) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    motto = head.cell(0, 1).paragraphs[1]
    assert motto.runs[0].bold
    assert "w:pBdr" in motto._p.pPr.xml  # the line under the motto
    assert "/BC-VP" in _cell_text(head, 1, 0)[0] and _cell_text(head, 1, 0)[0].startswith("Số:")
    date_line = head.cell(1, 1).paragraphs[0]
    assert date_line.text == "Hà Nội, ngày 21 tháng 11 năm 2026" and date_line.runs[0].italic
    assert 'w:val="single"' not in head._tbl.xml.split("<w:tr")[0]  # no table borders


def test_title_subject_and_body_follow(doc: DocumentObject) -> None:
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts
    assert "Tình hình thực hiện nhiệm vụ do UBND Thành phố giao tháng 11/2026" in texts
    assert any(
        t.startswith("1. Tổng số theo dõi trong kỳ: 6 lượt giao cho đơn vị, thuộc 6 nhiệm vụ")
        for t in texts
    )
    assert any(
        "Đã hoàn thành: 2 lượt giao (đúng hạn: 1; quá hạn: 1), đạt 33,3%" in t for t in texts
    )
    assert any(
        t.startswith("2. So với tháng 10/2026, trên cùng các lượt giao đã có đến ngày 31/10/2026:")
        for t in texts
    )
    assert any(t.startswith("III. NHIỆM VỤ ĐANG THỰC HIỆN QUÁ HẠN") for t in texts)


def test_body_tables_carry_the_databases_numbers(doc: DocumentObject) -> None:
    summary = doc.tables[1]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in summary.rows}
    assert rows["Sở Tài chính"][2:9] == ["4", "1", "1", "1", "1", "0", "50,0%"]
    assert rows["Sở Tài chính"][9] == "+66,7"  # "new" (given 05/11) left out
    assert rows["Tổng cộng"][2] == "6"
    overdue = doc.tables[2]
    assert [r.cells[1].text for r in overdue.rows[1:]] == ["Sở Y tế", "Sở Tài chính"]
    assert LAST_REPORT in overdue.rows[2].cells[5].text and overdue.rows[2].cells[6].text == "2"


def test_signature_block_and_recipients(doc: DocumentObject) -> None:
    sign = doc.tables[-1]
    left, right = _cell_text(sign, 0, 0), _cell_text(sign, 0, 1)
    assert left[0] == "Nơi nhận:" and left[-1] == "- Lưu: VT, TH."
    assert right[:2] == ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"] and right[-1] == SIGNER


def test_times_new_roman_and_the_decrees_margins(doc: DocumentObject) -> None:
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21.0)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    mm = {k: round(getattr(section, f"{k}_margin").mm) for k in ("top", "bottom", "left", "right")}
    assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25
    assert 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20
    assert doc.styles["Normal"].font.name == "Times New Roman"
    body = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert {r.font.name for r in body} == {"Times New Roman"}
    assert {r.font.size for r in body} <= {Pt(13), Pt(14)}


def test_the_packaged_template_is_what_make_docx_template_builds() -> None:
    packaged = Document(str(make_docx_template.TEMPLATE))
    built = make_docx_template.build()
    assert [p.text for p in packaged.paragraphs] == [p.text for p in built.paragraphs]
    assert len(packaged.tables) == len(built.tables)


def test_the_offices_own_template_set_in_the_settings_is_used(
    work: Any,
    office: Any,
    client_for: Callable[[Any], Client],
    settings: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(make_docx_template, "PARENT", "UBND TỈNH BẮC NINH")
    monkeypatch.setattr(make_docx_template, "ISSUER", "VĂN PHÒNG & TỔNG HỢP")
    custom = tmp_path / "mau-bao-cao.docx"
    make_docx_template.build().save(str(custom))
    settings.CHIDAO_REPORT_TEMPLATE = str(custom)
    response = client_for(office).get("/giao-ban/bao-cao.docx", {"period": "2026-11"})
    doc = Document(io.BytesIO(response.content))
    assert _cell_text(doc.tables[0], 0, 0) == ["UBND TỈNH BẮC NINH", "VĂN PHÒNG & TỔNG HỢP"]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in doc.tables[1].rows}
    assert rows["Sở Tài chính"][2:9] == ["4", "1", "1", "1", "1", "0", "50,0%"]
    assert _cell_text(doc.tables[-1], 0, 1)[-1] == SIGNER


def test_texts_with_markup_characters_are_escaped(
    work: Any, office: Any, client_for: Callable[[Any], Client]
) -> None:
    from chidao.tracking.models import Task

    Task.objects.update(text="Rà soát <b> & \x07 báo cáo")
    response = client_for(office).get("/giao-ban/bao-cao.docx", {"period": "2026-11"})
    overdue = Document(io.BytesIO(response.content)).tables[2]
    assert overdue.rows[1].cells[2].text.startswith("Rà soát <b> &  báo cáo")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_pdf_is_rendered_to_a_png_a_person_can_look_at(
    work: Any, office: Any, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(office).get("/giao-ban/bao-cao.pdf", {"period": "2026-11"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    SHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SHOTS / "bao-cao-giao-ban.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf),
            str(SHOTS / "bao-cao-giao-ban"),
        ],
        check=True,
        timeout=60,
    )
    pdf.unlink()
    pages = list(SHOTS.glob("bao-cao-giao-ban*.png"))
    assert pages and pages[0].stat().st_size > 10_000


def test_without_libreoffice_the_pdf_button_explains_what_is_missing(
    work: Any, office: Any, client_for: Callable[[Any], Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    client = client_for(office)
    response = client.get("/giao-ban/bao-cao.pdf", {"period": "2026-11"})
    assert response.status_code == 503
    assert "chưa cài LibreOffice" in response.content.decode()
    page = client.get("/giao-ban/").content.decode()
    assert 'id="download-pdf" disabled' in page and "chưa cài LibreOffice" in page
