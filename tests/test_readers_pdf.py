"""PDF: the text layer page by page; ruled tables as "cell | cell" rows where they stand;
scans, encryption and damage detected and explained."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from chidao.extract.errors import NeedsOCR, UnreadableFile
from chidao.extract.readers import ocr, pdf, read_bytes, read_file
from tests.readers_fixtures import DEJAVU, make_pdf, password_encryption, scan_image

PAGE_ONE = [
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
    "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính",
    "báo cáo kết quả thực hiện trước ngày 30/9/2021.",
]
PAGE_TWO = ["Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm thực hiện."]


def test_vietnamese_text_survives_the_pdf_round_trip(tmp_path: Path) -> None:
    result = read_file(make_pdf(tmp_path / "chi-thi.pdf", [PAGE_ONE]))
    assert result.format == "pdf"
    assert result.pages == 1
    assert "Ủy ban nhân dân".upper() in result.text
    assert "Sở Kế hoạch và Đầu tư" in result.text
    assert result.text == "\n".join(PAGE_ONE)
    assert not result.needs_ocr and result.warnings == ()


def test_pages_are_separated_by_a_form_feed_line(tmp_path: Path) -> None:
    result = read_file(make_pdf(tmp_path / "hai-trang.pdf", [PAGE_ONE, PAGE_TWO]))
    assert result.pages == 2
    assert result.text == "\n".join(PAGE_ONE) + "\n\f\n" + PAGE_TWO[0]
    assert [page.strip() for page in result.text.split("\f")] == [
        "\n".join(PAGE_ONE),
        PAGE_TWO[0],
    ]


def test_a_hyphen_at_the_end_of_a_line_is_kept_with_its_line_break(tmp_path: Path) -> None:
    lines = ["Kế hoạch phát triển kinh tế -", "xã hội năm 2021 của Thành phố"]
    result = read_file(make_pdf(tmp_path / "gach.pdf", [lines]))
    assert result.text == "Kế hoạch phát triển kinh tế -\nxã hội năm 2021 của Thành phố"


def test_a_scanned_pdf_needs_ocr_and_says_how_many_pages_lack_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without Tesseract (an empty PATH), the OCR reader registered for PDFs refuses a scan
    and says how many pages lack text and what to install."""
    image = scan_image(tmp_path / "scan.png")
    path = make_pdf(tmp_path / "scan.pdf", [None, None, None], image=image)
    monkeypatch.setenv("PATH", str(tmp_path))
    ocr._languages.cache_clear()
    try:
        with pytest.raises(NeedsOCR) as caught:
            read_file(path)
    finally:
        ocr._languages.cache_clear()
    assert caught.value.path == str(path)
    assert "3/3" in caught.value.reason and "3 of 3 pages" in caught.value.reason
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in caught.value.reason


def test_a_partly_scanned_pdf_returns_its_text_and_names_the_scanned_pages(
    tmp_path: Path,
) -> None:
    """The text-layer reader (what the OCR reader starts from) keeps the text pages and
    names the scanned ones; the registered reader then OCRs those pages."""
    image = scan_image(tmp_path / "scan.png")
    path = make_pdf(tmp_path / "mot-phan.pdf", [PAGE_ONE, None, PAGE_TWO, None], image=image)
    result = pdf.PdfReader().read(path.read_bytes(), str(path))
    assert result.pages == 4
    assert "Sở Kế hoạch và Đầu tư" in result.text and PAGE_TWO[0] in result.text
    assert result.needs_ocr
    assert len(result.warnings) == 1
    assert "2, 4" in result.warnings[0] and "OCR" in result.warnings[0]
    read = read_file(path)  # OCR'd where Tesseract is installed (CI installs it)
    assert read.pages == 4 and PAGE_TWO[0] in read.text
    assert [c is None for c in read.pages_confidence] == [True, False, True, False]


def test_a_blank_page_is_not_taken_for_a_scan(tmp_path: Path) -> None:
    result = read_file(make_pdf(tmp_path / "trang-trang.pdf", [PAGE_ONE, []]))
    assert result.pages == 2
    assert not result.needs_ocr and result.warnings == ()


def test_a_password_protected_pdf_is_unreadable_with_the_reason(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "mat.pdf", [PAGE_ONE], encrypt=password_encryption())
    with pytest.raises(UnreadableFile) as caught:
        read_file(path)
    assert caught.value.path == str(path)
    assert "mật khẩu" in caught.value.reason and "password-protected" in caught.value.reason


def test_a_pdf_locked_only_against_editing_is_read(tmp_path: Path) -> None:
    owner_only = pdfencrypt.StandardEncryption("", ownerPassword="chu-so-huu", canModify=0)
    result = read_file(make_pdf(tmp_path / "khoa-sua.pdf", [PAGE_TWO], encrypt=owner_only))
    assert result.text == PAGE_TWO[0]


def test_a_corrupt_pdf_is_unreadable_with_the_reason(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "tot.pdf", [PAGE_ONE]).read_bytes()
    with pytest.raises(UnreadableFile) as caught:
        read_bytes(good[: len(good) // 3], "cut.pdf")
    assert caught.value.path == "cut.pdf"
    assert "corrupt" in caught.value.reason


def test_a_pdf_with_only_blank_pages_has_no_text(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no text"):
        read_file(make_pdf(tmp_path / "rong.pdf", [[], []]))


# --------------------------------------------------------------------------------------
# Ruled tables: one line per row, "cell | cell | …", where the table stands
# --------------------------------------------------------------------------------------

_TABLE_FONT = "DejaVuSans"
HEADER = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
COLUMNS = [50, 80, 250, 360, 470, 545]  # x of each column's left edge, then the right one


@dataclass(frozen=True)
class Cell:
    col: int
    row: int
    lines: tuple[str, ...]
    cols: int = 1  # how many columns and rows it spans
    rows: int = 1


def _grid_cells(rows: list[list[str | list[str]]]) -> list[Cell]:
    """One cell per entry; a list is a cell of several lines."""
    return [
        Cell(c, r, tuple(text) if isinstance(text, list) else (text,) if text else ())
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]


def table_pdf(
    path: Path,
    cells: list[Cell],
    *,
    above: list[str],
    below: list[str],
    rules: str = "lines",
    row_height: float = 34,
    extra_pages: list[list[str]] | None = None,
) -> Path:
    """A page with lines of text, a ruled table drawn from ``cells`` (each cell's four
    sides: stroked lines, stroked rectangles, or thin filled bars as some generators draw
    them), and more lines below it."""
    if _TABLE_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_TABLE_FONT, DEJAVU))
    pdf = canvas.Canvas(str(path))
    pdf.setFont(_TABLE_FONT, 10)
    y = 800.0
    for line in above:
        pdf.drawString(50, y, line)
        y -= 16
    top = y - 6
    bottom = top
    for cell in cells:
        x0, x1 = COLUMNS[cell.col], COLUMNS[cell.col + cell.cols]
        y1 = top - cell.row * row_height
        y0 = y1 - cell.rows * row_height
        bottom = min(bottom, y0)
        if rules == "rects":
            pdf.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
        elif rules == "bars":
            for bx, by, bw, bh in (
                (x0, y0, x1 - x0, 0.6),
                (x0, y1, x1 - x0, 0.6),
                (x0, y0, 0.6, y1 - y0),
                (x1, y0, 0.6, y1 - y0),
            ):
                pdf.rect(bx, by, bw, bh, stroke=0, fill=1)
        else:
            pdf.line(x0, y0, x1, y0)
            pdf.line(x0, y1, x1, y1)
            pdf.line(x0, y0, x0, y1)
            pdf.line(x1, y0, x1, y1)
        for k, line in enumerate(cell.lines):
            pdf.drawString(x0 + 3, y1 - 12 - 12 * k, line)
    y = bottom - 20
    for line in below:
        pdf.drawString(50, y, line)
        y -= 16
    pdf.showPage()
    for lines in extra_pages or []:
        pdf.setFont(_TABLE_FONT, 10)
        y = 800
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


TASK_ROWS: list[list[str | list[str]]] = [
    HEADER,
    [
        "1",
        ["Rà soát thủ tục hành", "chính năm 2026"],
        "Sở Tư pháp",
        "Văn phòng UBND tỉnh",
        "Quý II/2026",
    ],
    ["2", "Số hóa hồ sơ", "Sở Nội vụ", "", "Tháng 9/2026"],
    ["3", "Đối thoại với doanh nghiệp", "Sở Công Thương", "Các sở, ban, ngành", "Hằng tháng"],
]
ABOVE = ["PHỤ LỤC", "Phân công thực hiện nhiệm vụ cải cách hành chính năm 2026"]
BELOW = ["Các cơ quan, đơn vị báo cáo kết quả trước ngày 15/12/2026."]


@pytest.mark.parametrize("rules", ["lines", "rects", "bars"])
def test_a_ruled_table_reads_as_one_line_per_row_where_it_stands(
    tmp_path: Path, rules: str
) -> None:
    path = table_pdf(
        tmp_path / "bang.pdf", _grid_cells(TASK_ROWS), above=ABOVE, below=BELOW, rules=rules
    )
    assert read_file(path).text.split("\n") == [
        *ABOVE,
        "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian",
        "1 | Rà soát thủ tục hành chính năm 2026 | Sở Tư pháp | Văn phòng UBND tỉnh | Quý II/2026",
        "2 | Số hóa hồ sơ | Sở Nội vụ |  | Tháng 9/2026",
        "3 | Đối thoại với doanh nghiệp | Sở Công Thương | Các sở, ban, ngành | Hằng tháng",
        *BELOW,
    ]


def test_merged_cells_leave_the_columns_and_rows_they_span_empty(tmp_path: Path) -> None:
    cells = [
        *_grid_cells([HEADER]),
        Cell(0, 1, ("I",)),
        Cell(1, 1, ("Cải cách thể chế",), cols=4),  # a section row across the table
        Cell(0, 2, ("1",)),
        Cell(1, 2, ("Rà soát văn bản",)),
        Cell(2, 2, ("Sở Tư pháp",), rows=2),  # one lead for two rows
        Cell(3, 2, ()),
        Cell(4, 2, ("Quý I/2026",)),
        Cell(0, 3, ("2",)),
        Cell(1, 3, ("Công bố danh mục",)),
        Cell(3, 3, ("Các sở, ngành",)),
        Cell(4, 3, ("Tháng 1/2026",)),
    ]
    path = table_pdf(tmp_path / "gop.pdf", cells, above=["PHỤ LỤC"], below=[])
    assert read_file(path).text.split("\n") == [
        "PHỤ LỤC",
        "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian",
        "I | Cải cách thể chế |  |  | ",
        "1 | Rà soát văn bản | Sở Tư pháp |  | Quý I/2026",
        "2 | Công bố danh mục |  | Các sở, ngành | Tháng 1/2026",
    ]


def test_a_task_table_in_a_pdf_becomes_task_items(tmp_path: Path) -> None:
    """The rows are what normalize turns into one item per row (as for a DOCX table)."""
    from chidao.extract.normalize import normalize

    path = table_pdf(tmp_path / "bang.pdf", _grid_cells(TASK_ROWS), above=ABOVE, below=BELOW)
    text = normalize(read_file(path).text)
    assert "- Rà soát thủ tục hành chính năm 2026." in text
    assert "- Cơ quan chủ trì: Sở Tư pháp" in text
    assert "- Cơ quan phối hợp: Văn phòng UBND tỉnh" in text
    assert "- Thời gian thực hiện: Quý II/2026" in text


def test_a_grid_of_one_row_or_one_column_is_not_a_table(tmp_path: Path) -> None:
    one_row = [Cell(c, 0, (text,)) for c, text in enumerate(["Nơi nhận", "KT. CHỦ TỊCH"])]
    path = table_pdf(tmp_path / "mot-hang.pdf", one_row, above=["Kính gửi:"], below=["Lê Văn A"])
    assert read_file(path).text.split("\n") == ["Kính gửi:", "Nơi nhận KT. CHỦ TỊCH", "Lê Văn A"]
    one_column = [Cell(0, r, (text,)) for r, text in enumerate(["1", "2", "3"])]
    path = table_pdf(tmp_path / "mot-cot.pdf", one_column, above=["Danh sách"], below=[])
    assert " | " not in read_file(path).text


def test_a_page_without_a_table_reads_as_before(tmp_path: Path) -> None:
    """Rules under a header and a boxed note are drawings, not a table: the page reads
    exactly as its text layer does."""
    import pypdfium2 as pdfium

    path = tmp_path / "khung.pdf"
    if _TABLE_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_TABLE_FONT, DEJAVU))
    pdf = canvas.Canvas(str(path))
    pdf.setFont(_TABLE_FONT, 12)
    for k, line in enumerate(PAGE_ONE):
        pdf.drawString(50, 800 - 18 * k, line)
    pdf.line(50, 790, 250, 790)  # the rule under the issuer
    pdf.rect(45, 700, 300, 30)  # a boxed note
    pdf.drawString(50, 710, PAGE_TWO[0])
    pdf.showPage()
    pdf.save()
    expected = [*PAGE_ONE, PAGE_TWO[0]]
    assert read_file(path).text == "\n".join(expected)
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        textpage = document[0].get_textpage()
        layer = textpage.get_text_bounded().replace("\r\n", "\n").strip()
    finally:
        document.close()
    assert read_file(path).text == layer


def test_a_page_with_a_table_keeps_the_page_separators(tmp_path: Path) -> None:
    path = table_pdf(
        tmp_path / "hai-trang.pdf",
        _grid_cells(TASK_ROWS[:2]),
        above=ABOVE,
        below=[],
        extra_pages=[PAGE_TWO],
    )
    result = read_file(path)
    assert result.pages == 2
    first, second = result.text.split("\f")
    assert first == "\n".join([*ABOVE, *_rows(TASK_ROWS[:2])]) + "\n"
    assert second == "\n" + PAGE_TWO[0]


def _rows(rows: list[list[str | list[str]]]) -> list[str]:
    return [" | ".join(c if isinstance(c, str) else " ".join(c) for c in row) for row in rows]


FIXTURES = Path(__file__).parent / "data" / "pdf_tables"


def test_a_word_processor_task_table_reads_row_by_row_on_every_page() -> None:
    """t024 of the train set saved as PDF by LibreOffice: its annex table runs over many
    pages, the header row repeated on each; a line-end hyphen inside a cell joins."""
    result = read_file(FIXTURES / "t024.pdf")
    header = (
        "STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì thực hiện | "
        "Phối hợp thực hiện | Theo dõi, kiểm tra, đôn đốc"
    )
    pages = result.text.split("\f")
    annex = [n for n, page in enumerate(pages) if header in page.split("\n")]
    assert len(annex) >= 20 and annex == list(range(annex[0], len(pages)))
    rows = [line for line in result.text.split("\n") if " | " in line]
    assert len(rows) > 100
    assert "I | Cải cách thể chế |  |  |  |  | " in rows
    assert any(
        row.startswith("1 | Thực hiện việc đăng tải, cập nhật văn bản quy phạm pháp luật")
        and "Nghị định số 52/2015/NĐ-CP ngày 28/5/2015" in row
        and row.endswith("| Sở Tư pháp |  | Sở Tư pháp")
        for row in rows
    )
    # the plan's body before the annex holds no table and reads as plain lines
    assert all(" | " not in page for page in pages[: annex[0]])


def test_a_long_pdf_reads_in_well_under_a_second(eval_dir: Path) -> None:
    """t041 (20 pages) after a warm-up: the look for tables costs next to nothing on
    pages that draw no rules."""
    data = (eval_dir / "train" / "t041.pdf").read_bytes()
    read_bytes(data, "t041.pdf")
    best = min(_timed(lambda: read_bytes(data, "t041.pdf")) for _ in range(3))
    assert best < 1.0


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
