"""The giao ban report as a Word document in the layout of Nghị định 30/2020/NĐ-CP.

The parts, top to bottom, as Appendix I of the decree places them: a borderless header
table — the issuing body (cơ quan chủ quản above, the Office in bold with a short line
under it) on the left, the national title and motto (quốc hiệu, tiêu ngữ, the motto bold
with a line under it) on the right — then số/ký hiệu on the left and place and date in
italics on the right; the title "BÁO CÁO" and its subject; the body (numbered sections,
justified paragraphs, tables); and a borderless table with "Nơi nhận:" on the left and
the signature block on the right. Times New Roman throughout: 14 pt body, 13 pt for the
header lines the decree sets at 12–13 pt, 11 pt in tables and the list of recipients.
A4 with the decree's margins: top and bottom 20 mm, left 30 mm, right 15 mm.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from chidao.reports.compute import AgencyLine, GiaoBan, Item
from chidao.tracking.status import Bucket

FONT = "Times New Roman"
BODY_PT, HEAD_PT, MOTTO_PT, TABLE_PT = 14, 12, 13, 11
PAGE_WIDTH_CM, LEFT_CM, RIGHT_CM = 21.0, 3.0, 1.5
TEXT_CM = PAGE_WIDTH_CM - LEFT_CM - RIGHT_CM
LEFT_COL_CM = 6.5  # the header's and the signature's left column


@dataclass(frozen=True)
class Letterhead:
    """Who issues the report and who signs it (settings can name the signer)."""

    parent: str = "UBND THÀNH PHỐ HÀ NỘI"
    issuer: str = "VĂN PHÒNG"
    issuer_name: str = "Văn phòng UBND Thành phố"
    symbol: str = "BC-VP"
    place: str = "Hà Nội"
    on_behalf: str = "KT. CHÁNH VĂN PHÒNG"
    signer_title: str = "PHÓ CHÁNH VĂN PHÒNG"
    signer: str = field(default_factory=lambda: settings.CHIDAO_REPORT_SIGNER)
    recipients: tuple[str, ...] = (
        "Chủ tịch UBND Thành phố (để báo cáo);",
        "Các Phó Chủ tịch UBND Thành phố;",
        "Chánh Văn phòng, các Phó Chánh Văn phòng;",
        "Các sở, ban, ngành; UBND các xã, phường;",
        "Lưu: VT, TH.",
    )


def render(report: GiaoBan, head: Letterhead | None = None) -> bytes:
    """The document's bytes."""
    head = head or Letterhead()
    doc = new_document()
    _page_and_fonts(doc)
    _letterhead(doc, report, head)
    _title(doc, report)
    _body(doc, report, head)
    _signature(doc, head)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


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


def _letterhead(doc: Any, report: GiaoBan, head: Letterhead) -> None:
    right = TEXT_CM - LEFT_COL_CM
    table = _plain_table(doc, 2, [LEFT_COL_CM, right])
    left_top, right_top = _cell(table, 0, 0), _cell(table, 0, 1)
    _para(left_top, head.parent, size=HEAD_PT)
    _rule(_para(left_top, head.issuer, size=HEAD_PT, bold=True), 1.7, 1.7)
    _para(right_top, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=HEAD_PT, bold=True)
    _rule(_para(right_top, "Độc lập - Tự do - Hạnh phúc", size=MOTTO_PT, bold=True), 1.6, 1.6)
    left_bottom, right_bottom = _cell(table, 1, 0), _cell(table, 1, 1)
    _para(left_bottom, f"Số:        /{head.symbol}", size=MOTTO_PT, before=6)
    day = report.today
    _para(
        right_bottom,
        f"{head.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
        italic=True,
        before=6,
    )


def _title(doc: Any, report: GiaoBan) -> None:
    _para(doc, "BÁO CÁO", bold=True, before=18)
    subject = _("Tình hình thực hiện nhiệm vụ do UBND Thành phố giao %(period)s") % {
        "period": report.period.label
    }
    _para(doc, subject, bold=True)
    if report.scope != "Toàn thành phố":
        _para(doc, f"({report.scope})", bold=True)
    _rule(_para(doc, "", size=4, after=12), 6.5, 6.5)


def _section(doc: Any, text: str) -> None:
    _para(doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=6, after=6, indent=1.0)


def _text(doc: Any, text: str) -> Any:
    return _para(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, indent=1.0)


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")


def _body(doc: Any, report: GiaoBan, head: Letterhead) -> None:
    now, before = report.total.now, report.total.before
    _text(
        doc,
        _(
            "Thực hiện chế độ báo cáo giao ban định kỳ, %(office)s báo cáo tình hình thực "
            "hiện nhiệm vụ do UBND Thành phố, Chủ tịch UBND Thành phố giao %(period)s (số "
            "liệu tính đến ngày %(day)s; phạm vi: %(scope)s) như sau:"
        )
        % {
            "office": head.issuer_name,
            "period": report.period.label,
            "day": f"{report.as_of:%d/%m/%Y}",
            "scope": report.scope.lower()
            if report.agency is None and report.document is None
            else report.scope,
        },
    )
    _section(doc, _("I. TÌNH HÌNH CHUNG"))
    _text(
        doc,
        _(
            "1. Tổng số theo dõi trong kỳ: %(total)s lượt giao cho đơn vị, thuộc %(tasks)s "
            "nhiệm vụ (không kể lượt giao tạm hoãn, bị từ chối), trong đó:"
        )
        % {"total": _count(now.total), "tasks": _count(report.task_total)},
    )
    for line in _overview_lines(report):
        _text(doc, line)
    _text(doc, _comparison(report, now.done_rate, before.done_rate))
    _section(doc, _("II. KẾT QUẢ THỰC HIỆN THEO ĐƠN VỊ"))
    _agency_table(doc, report)
    _section(doc, _("III. NHIỆM VỤ ĐANG THỰC HIỆN QUÁ HẠN"))
    _overdue(doc, report)
    _section(doc, _("IV. NHIỆM VỤ ĐỀ NGHỊ ĐƯA RA GIAO BAN"))
    _flagged(doc, report)
    _section(doc, _("V. TÌNH HÌNH THỰC HIỆN CHỈ TIÊU"))
    _indicators(doc, report)
    _section(doc, _("VI. ĐỀ XUẤT, KIẾN NGHỊ"))
    _text(
        doc,
        _(
            "Đề nghị Thủ trưởng các đơn vị có nhiệm vụ quá hạn chỉ đạo khẩn trương hoàn "
            "thành, báo cáo kết quả về UBND Thành phố (qua Văn phòng); trường hợp không "
            "thể hoàn thành đúng hạn, đề nghị gia hạn kèm lý do cụ thể theo quy định."
        ),
    )
    _text(doc, _("%(office)s trân trọng báo cáo./.") % {"office": head.issuer_name})


def _overview_lines(report: GiaoBan) -> list[str]:
    now = report.total.now
    return [
        _("- Đã hoàn thành: %(n)s lượt giao (đúng hạn: %(a)s; quá hạn: %(b)s), đạt %(r)s;")
        % {
            "n": _count(now.done),
            "a": _count(now.get(Bucket.DONE_ON_TIME)),
            "b": _count(now.get(Bucket.DONE_LATE)),
            "r": _pct(now.done_rate),
        },
        _("- Đang thực hiện: %(n)s lượt giao (trong hạn: %(a)s; quá hạn: %(b)s);")
        % {
            "n": _count(now.get(Bucket.OPEN_ON_TIME) + now.get(Bucket.OPEN_LATE)),
            "a": _count(now.get(Bucket.OPEN_ON_TIME)),
            "b": _count(now.get(Bucket.OPEN_LATE)),
        },
        _("- Không có thời hạn: %(n)s lượt giao.") % {"n": _count(now.get(Bucket.NO_DEADLINE))},
    ]


def _comparison(report: GiaoBan, now: float | None, before: float | None) -> str:
    change = report.total.overdue_change
    overdue = (
        _("số nhiệm vụ quá hạn không đổi")
        if change == 0
        else (
            _("số nhiệm vụ quá hạn tăng %(n)s")
            if change > 0
            else _("số nhiệm vụ quá hạn giảm %(n)s")
        )
        % {"n": _count(abs(change))}
    )
    if now is None or before is None:
        rate = _("chưa có số liệu để so sánh tỷ lệ hoàn thành")
    else:
        rate = _("tỷ lệ hoàn thành %(before)s → %(now)s") % {
            "before": _pct(before),
            "now": _pct(now),
        }
    return _("2. So với %(previous)s: %(rate)s; %(overdue)s.") % {
        "previous": report.previous.label,
        "rate": rate,
        "overdue": overdue,
    }


# --- tables --------------------------------------------------------------------------------


def _grid(doc: Any, headers: list[str], widths: list[float]) -> Any:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    for cell, text, width in zip(table.rows[0].cells, headers, widths, strict=True):
        cell.width = Cm(width)
        _fill_cell(cell, text, bold=True, center=True)
    _repeat_header(table.rows[0])
    return table


def _repeat_header(row: Any) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _fill_cell(cell: Any, text: str, *, bold: bool = False, center: bool = False) -> None:
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    _run(p, text, size=TABLE_PT, bold=bold)


def _add_rows(
    table: Any,
    rows: list[list[str]],
    widths: list[float],
    left: tuple[int, ...],
    *,
    bold: bool = False,
) -> None:
    """Rows; the columns in ``left`` (names, texts) aligned left, the rest centred.

    python-docx builds each cell's XML with a search per element, too slow for a few
    thousand cells; one row is built through it and copied for the others, its texts
    replaced."""
    if not rows:
        return
    cells = table.add_row().cells
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        cell.width = Cm(width)
        _fill_cell(cell, "x", bold=bold, center=i not in left)
    template = table.rows[-1]._tr
    for values in rows:
        tr = deepcopy(template)
        for t, text in zip(tr.iter(qn("w:t")), values, strict=True):
            t.text = _xml_safe(text)
        template.addprevious(tr)
    template.getparent().remove(template)


_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def _xml_safe(text: str) -> str:
    """Text without the control characters XML cannot hold."""
    return text.translate(_CONTROL)


def _agency_table(doc: Any, report: GiaoBan) -> None:
    headers = [
        _("TT"),
        _("Đơn vị"),
        _("Tổng số lượt giao"),
        _("HT đúng hạn"),
        _("HT quá hạn"),
        _("Đang TH trong hạn"),
        _("Đang TH quá hạn"),
        _("Không có hạn"),
        _("Tỷ lệ HT"),
        _("So với kỳ trước (điểm %)"),
    ]
    widths = [1.0, 3.4, 1.5, 1.4, 1.4, 1.5, 1.5, 1.6, 1.6, 1.6]
    if not report.lines:
        _text(doc, _("Không có nhiệm vụ nào trong kỳ."))
        return
    table = _grid(doc, headers, widths)
    lines = [_agency_values(str(n), line) for n, line in enumerate(report.lines, start=1)]
    _add_rows(table, lines, widths, (1,))
    _add_rows(table, [_agency_values("", report.total)], widths, (1,), bold=True)
    _para(doc, "", after=6)


def _agency_values(n: str, line: AgencyLine) -> list[str]:
    change = line.rate_change
    delta = "—" if change is None else f"{change * 100:+.1f}".replace(".", ",")
    return [
        n,
        line.name,
        _count(line.now.total),
        *(_count(line.now.get(b)) for b in Bucket.ORDER),
        _pct(line.now.done_rate),
        delta,
    ]


def _item_table(doc: Any, items: list[Item]) -> None:
    headers = [
        _("TT"),
        _("Đơn vị"),
        _("Nội dung nhiệm vụ, văn bản giao"),
        _("Thời hạn"),
        _("Số ngày quá hạn"),
        _("Báo cáo gần nhất"),
        _("Số lần đôn đốc"),
    ]
    widths = [0.9, 2.6, 4.9, 2.2, 1.4, 3.2, 1.3]
    table = _grid(doc, headers, widths)
    rows = []
    for n, item in enumerate(items, start=1):
        report = item.last_report or _("(chưa báo cáo)")
        if item.last_report_at is not None:
            report = f"{report} ({_local_day(item.last_report_at)})"
        values = [
            str(n),
            item.agency,
            f"{item.task} ({item.document})" if item.document else item.task,
            f"{item.deadline:%d/%m/%Y}" if item.deadline else "—",
            str(item.days_late) if item.days_late and item.days_late > 0 else "—",
            report,
            str(item.reminders),
        ]
        rows.append(values)
    _add_rows(table, rows, widths, (1, 2, 5))
    _para(doc, "", after=6)


def _local_day(moment: Any) -> str:
    from django.utils import timezone

    return f"{timezone.localtime(moment):%d/%m/%Y}"


def _overdue(doc: Any, report: GiaoBan) -> None:
    if not report.overdue_total:
        _text(doc, _("Không có nhiệm vụ đang thực hiện quá hạn."))
        return
    intro = _("Có %(n)s lượt giao đang thực hiện quá hạn") % {"n": _count(report.overdue_total)}
    if report.overdue_more:
        intro += _(
            "; dưới đây là %(k)s lượt giao quá hạn lâu nhất (danh sách đầy đủ tại tệp Excel "
            "kèm theo):"
        ) % {"k": _count(len(report.overdue))}
    else:
        intro += ":"
    _text(doc, intro)
    _item_table(doc, report.overdue)


def _flagged(doc: Any, report: GiaoBan) -> None:
    if not report.flagged:
        _text(doc, _("Không có nhiệm vụ nào bị đôn đốc đến mức phải đưa ra giao ban."))
        return
    _text(
        doc,
        _("Các nhiệm vụ đã được đôn đốc nhiều lần nhưng chưa hoàn thành (%(n)s lượt giao):")
        % {"n": _count(len(report.flagged))},
    )
    _item_table(doc, report.flagged)


# --- nơi nhận and the signature --------------------------------------------------------------


def _signature(doc: Any, head: Letterhead) -> None:
    _para(doc, "", after=6)
    table = _plain_table(doc, 1, [LEFT_COL_CM + 1.5, TEXT_CM - LEFT_COL_CM - 1.5])
    left, right = _cell(table, 0, 0), _cell(table, 0, 1)
    _para(left, _("Nơi nhận:"), size=12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in head.recipients:
        _para(left, f"- {line}", size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(right, head.on_behalf, bold=True)
    _para(right, head.signer_title, bold=True)
    for _blank in range(4):
        _para(right, "")
    _para(right, head.signer, bold=True)


def _indicators(doc: Any, report: GiaoBan) -> None:
    if not report.indicators:
        _text(doc, _("Không có chỉ tiêu nào được theo dõi trong kỳ."))
        return
    widths = [1.0, 6.0, 2.8, 2.8, 2.6]
    table = _grid(
        doc, [_("TT"), _("Chỉ tiêu"), _("Mục tiêu"), _("Thực hiện"), _("Đánh giá")], widths
    )
    rows = [
        [
            str(n),
            r.name + (f" ({r.agency})" if r.agency else ""),
            f"{_number(r.target)} {r.unit}",
            f"{_number(r.actual)} {r.unit}" if r.actual is not None else "—",
            r.mark_label,
        ]
        for n, r in enumerate(report.indicators, start=1)
    ]
    _add_rows(table, rows, widths, left=(1,))


def _number(value: Any) -> str:
    """Vietnamese number: 1.234,5."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
