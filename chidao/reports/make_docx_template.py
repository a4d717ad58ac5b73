"""Builds the packaged Word template of the giao ban report, templates_docx/giao_ban.docx.

Run once after changing the layout: ``python -m chidao.reports.make_docx_template``. The
report itself is rendered from the template with docxtpl (chidao/reports/docx.py); the
Office may replace the template with its own (setting CHIDAO_REPORT_TEMPLATE), edited in
Word, keeping the ``{{ … }}`` fields and the ``{%p … %}``/``{%tr … %}`` tags it needs.

The layout is that of Nghị định 30/2020/NĐ-CP, Appendix I, top to bottom: a borderless
header table — the issuing body (cơ quan chủ quản above, the Office in bold with a short
line under it) on the left, the national title and motto (quốc hiệu, tiêu ngữ, the motto
bold with a line under it) on the right — then số/ký hiệu on the left and place and date
in italics on the right; the title "BÁO CÁO" and its subject; the body (numbered sections,
justified paragraphs, tables); and a borderless table with "Nơi nhận:" on the left and
the signature block on the right. Times New Roman throughout: 14 pt body, 13 pt for the
header lines the decree sets at 12–13 pt, 11 pt in tables and the list of recipients.
A4 with the decree's margins: top and bottom 20 mm, left 30 mm, right 15 mm.

The letterhead, the số/ký hiệu, the place and the list of recipients are plain text in
the template, for the Office to change; everything counted or translated is a field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TEMPLATE = Path(__file__).with_name("templates_docx") / "giao_ban.docx"

FONT = "Times New Roman"
BODY_PT, HEAD_PT, MOTTO_PT, TABLE_PT = 14, 12, 13, 11
PAGE_WIDTH_CM, LEFT_CM, RIGHT_CM = 21.0, 3.0, 1.5
TEXT_CM = PAGE_WIDTH_CM - LEFT_CM - RIGHT_CM
LEFT_COL_CM = 6.5  # the header's and the signature's left column

PARENT = "UBND THÀNH PHỐ HÀ NỘI"
ISSUER = "VĂN PHÒNG"
SYMBOL = "BC-VP"
PLACE = "Hà Nội"
ON_BEHALF = "KT. CHÁNH VĂN PHÒNG"
SIGNER_TITLE = "PHÓ CHÁNH VĂN PHÒNG"
RECIPIENTS = (
    "Chủ tịch UBND Thành phố (để báo cáo);",
    "Các Phó Chủ tịch UBND Thành phố;",
    "Chánh Văn phòng, các Phó Chánh Văn phòng;",
    "Các sở, ban, ngành; UBND các xã, phường;",
    "Lưu: VT, TH.",
)

AGENCY_WIDTHS = [1.0, 3.4, 1.5, 1.4, 1.4, 1.5, 1.5, 1.6, 1.6, 1.6]
ITEM_WIDTHS = [0.9, 2.6, 4.9, 2.2, 1.4, 3.2, 1.3]
INDICATOR_WIDTHS = [1.0, 6.0, 2.8, 2.8, 2.6]


def build() -> Any:
    """The template as a python-docx document."""
    doc = new_document()
    _page_and_fonts(doc)
    _letterhead(doc)
    _title(doc)
    _body(doc)
    _signature(doc)
    return doc


def main() -> None:
    TEMPLATE.parent.mkdir(exist_ok=True)
    build().save(str(TEMPLATE))
    print(TEMPLATE)


# --- page, fonts, small helpers ------------------------------------------------------------


def _page_and_fonts(doc: Any) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(LEFT_CM), Cm(RIGHT_CM)
    section.header_distance = section.footer_distance = Cm(1.0)
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(BODY_PT)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
    _page_numbers(section)
    normal = doc.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(0), 1.0


def _page_numbers(section: Any) -> None:
    """Page numbers centred at the top from the second page on, as the decree asks."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)


def _para(
    container: Any,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.CENTER,
    after: float = 0,
    before: float = 0,
    indent: float | None = None,
) -> Any:
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    if indent is not None:
        fmt.first_line_indent = Cm(indent)
    if text:
        _run(p, text, size=size, bold=bold, italic=italic)
    return p


def _run(
    p: Any, text: str, *, size: float = BODY_PT, bold: bool = False, italic: bool = False
) -> Any:
    r = p.add_run(text)
    r.font.name, r.font.size, r.bold, r.italic = FONT, Pt(size), bold, italic
    return r


def _tag(container: Any, tag: str) -> None:
    """A paragraph holding only a docxtpl ``{%p … %}`` tag; rendering removes it."""
    _para(container, f"{{%p {tag} %}}", align=WD_ALIGN_PARAGRAPH.LEFT)


def _rule(p: Any, left_cm: float, right_cm: float) -> None:
    """A line under paragraph ``p``, narrowed by indents to about its text's width."""
    p.paragraph_format.left_indent, p.paragraph_format.right_indent = Cm(left_cm), Cm(right_cm)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p._p.get_or_add_pPr().append(borders)


def _cell(table: Any, row: int, col: int) -> Any:
    """A table cell emptied of its default paragraph, ready for _para."""
    cell = table.cell(row, col)
    cell._tc.remove(cell.paragraphs[0]._p)
    return cell


def _plain_table(doc: Any, rows: int, widths: list[float]) -> Any:
    """A borderless layout table (header, signature)."""
    table = doc.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    return table


def _widths(table: Any, widths: list[float]) -> None:
    """Fixed column widths; LibreOffice reads the grid, Word the cells: set both."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)


# --- the parts -------------------------------------------------------------------------------


def _letterhead(doc: Any) -> None:
    table = _plain_table(doc, 2, [LEFT_COL_CM, TEXT_CM - LEFT_COL_CM])
    left_top, right_top = _cell(table, 0, 0), _cell(table, 0, 1)
    _para(left_top, PARENT, size=HEAD_PT)
    _rule(_para(left_top, ISSUER, size=HEAD_PT, bold=True), 1.7, 1.7)
    _para(right_top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=HEAD_PT, bold=True)
    _rule(_para(right_top, "Độc lập - Tự do - Hạnh phúc", size=MOTTO_PT, bold=True), 1.6, 1.6)
    left_bottom, right_bottom = _cell(table, 1, 0), _cell(table, 1, 1)
    _para(left_bottom, f"Số:        /{SYMBOL}", size=MOTTO_PT, before=6)
    date = f"{PLACE}, ngày {{{{ day }}}} tháng {{{{ month }}}} năm {{{{ year }}}}"
    _para(right_bottom, date, italic=True, before=6)


def _title(doc: Any) -> None:
    _para(doc, "BÁO CÁO", bold=True, before=18)
    _para(doc, "{{ subject }}", bold=True)
    _tag(doc, "if scope")
    _para(doc, "({{ scope }})", bold=True)
    _tag(doc, "endif")
    _rule(_para(doc, "", size=4, after=12), 6.5, 6.5)


def _section(doc: Any, field: str) -> None:
    _para(
        doc,
        f"{{{{ {field} }}}}",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        before=6,
        after=6,
        indent=1.0,
    )


def _text(doc: Any, field: str) -> None:
    _para(doc, f"{{{{ {field} }}}}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, indent=1.0)


def _optional_text(doc: Any, field: str) -> None:
    _tag(doc, f"if {field}")
    _text(doc, field)
    _tag(doc, "endif")


def _body(doc: Any) -> None:
    _text(doc, "intro")
    _section(doc, "t.general")
    _text(doc, "total_line")
    _tag(doc, "for line in overview")
    _text(doc, "line")
    _tag(doc, "endfor")
    _text(doc, "comparison")
    _tag(doc, "for line in in_period")
    _text(doc, "line")
    _tag(doc, "endfor")
    _section(doc, "t.by_agency")
    _optional_text(doc, "agency_text")
    _tag(doc, "if agency_rows")
    table = _grid(doc, "t.agency_headers", AGENCY_WIDTHS)
    _loop_rows(table, "agency_rows", AGENCY_WIDTHS, (1,))
    _field_row(table, "total", AGENCY_WIDTHS, (1,), bold=True)
    _para(doc, "", after=6)
    _tag(doc, "endif")
    for part in ("overdue", "flagged"):
        _section(doc, f"t.{part}")
        _optional_text(doc, f"{part}_text")
        _tag(doc, f"if {part}_rows")
        table = _grid(doc, "t.item_headers", ITEM_WIDTHS)
        _loop_rows(table, f"{part}_rows", ITEM_WIDTHS, (1, 2, 5))
        _para(doc, "", after=6)
        _tag(doc, "endif")
        if part == "overdue":  # the rest of a long list is in the XLSX
            _optional_text(doc, "overdue_more")
    _section(doc, "t.indicators")
    _optional_text(doc, "indicator_text")
    _tag(doc, "if indicator_rows")
    table = _grid(doc, "t.indicator_headers", INDICATOR_WIDTHS)
    _loop_rows(table, "indicator_rows", INDICATOR_WIDTHS, (1,))
    _tag(doc, "endif")
    _section(doc, "t.proposals")
    _text(doc, "proposal")
    _text(doc, "closing")


# --- tables --------------------------------------------------------------------------------


def _grid(doc: Any, headers: str, widths: list[float]) -> Any:
    """A bordered table whose header row, repeated on every page, shows ``headers[i]``."""
    table = doc.add_table(rows=1, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    for i, (cell, width) in enumerate(zip(table.rows[0].cells, widths, strict=True)):
        cell.width = Cm(width)
        _fill_cell(cell, f"{{{{ {headers}[{i}] }}}}", bold=True, center=True)
    props = table.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)
    return table


def _fill_cell(cell: Any, text: str, *, bold: bool = False, center: bool = False) -> None:
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    _run(p, text, size=TABLE_PT, bold=bold)


def _loop_rows(table: Any, rows: str, widths: list[float], left: tuple[int, ...]) -> None:
    """One row per item of ``rows``, between the docxtpl ``{%tr for %}`` rows."""
    table.add_row().cells[0].paragraphs[0].add_run(f"{{%tr for row in {rows} %}}")
    _field_row(table, "row", widths, left)
    table.add_row().cells[0].paragraphs[0].add_run("{%tr endfor %}")


def _field_row(
    table: Any, name: str, widths: list[float], left: tuple[int, ...], *, bold: bool = False
) -> None:
    """A row of ``name[i]``; the columns in ``left`` (names, texts) aligned left."""
    cells = table.add_row().cells
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        cell.width = Cm(width)
        _fill_cell(cell, f"{{{{ {name}[{i}] }}}}", bold=bold, center=i not in left)


# --- nơi nhận and the signature --------------------------------------------------------------


def _signature(doc: Any) -> None:
    _para(doc, "", after=6)
    table = _plain_table(doc, 1, [LEFT_COL_CM + 1.5, TEXT_CM - LEFT_COL_CM - 1.5])
    left, right = _cell(table, 0, 0), _cell(table, 0, 1)
    _para(
        left, "{{ t.recipients }}", size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT
    )
    for line in RECIPIENTS:
        _para(left, f"- {line}", size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(right, ON_BEHALF, bold=True)
    _para(right, SIGNER_TITLE, bold=True)
    for _blank in range(4):
        _para(right, "")
    _para(right, "{{ signer }}", bold=True)


if __name__ == "__main__":
    main()
