"""The giao ban report as an Excel workbook (openpyxl): one formatted sheet per table.

Each sheet: a title row (the report and its period), a line with the scope and the as-of
day, then the header row — frozen with everything above it, with an auto-filter over the
table — and the rows: counts and days as numbers, rates as percentages, dates as dates.

Written in openpyxl's write-only mode, so nothing is built in memory first. The two lists
(overdue, flagged) hold every row — 80,000 overdue assignments at a million — and
openpyxl spends some 50 µs on each styled cell (a cell object, a style lookup, an XML
element): 800,000 cells would take far longer than the 10 s a download may. So openpyxl
writes everything but the lists' data rows, and :func:`_with_rows` then streams those rows
into their sheets' ``<sheetData>`` as the file is copied, each cell a short string in the
format openpyxl itself writes (inline strings, dates as serial numbers, the cell styles
openpyxl registered): a few seconds for the 80,000 (bench/bench_report.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from copy import copy
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from chidao.reports.compute import AgencyLine, GiaoBan, Item
from chidao.tracking.status import Bucket

FONT = "Times New Roman"
HEADER_ROW = 4  # rows 1–3: title, scope, a note; the table's header is row 4
_thin = Side(style="thin", color="9AA5B1")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
TITLE = Font(name=FONT, size=14, bold=True, color="1F3864")
SUBTITLE = Font(name=FONT, size=11, italic=True)
HEAD = Font(name=FONT, size=11, bold=True, color="FFFFFF")
HEAD_FILL = PatternFill("solid", fgColor="1F4E79")
BODY = Font(name=FONT, size=11)
BOLD = Font(name=FONT, size=11, bold=True)
TOTAL_FILL = PatternFill("solid", fgColor="E8EEF5")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
PERCENT, POINTS, DAY = "0.0%", '+0.0" đ";-0.0" đ";0', "dd/mm/yyyy"


def render(report: GiaoBan) -> bytes:
    """The workbook's bytes."""
    book = Workbook(write_only=True)
    _summary(book.create_sheet(_("Tổng hợp theo đơn vị")), report)
    _in_period(book.create_sheet(_("Trong kỳ")), report)
    overdue = book.create_sheet(_("Nhiệm vụ quá hạn"))
    overdue_rows = _list(
        overdue,
        report,
        _("DANH SÁCH NHIỆM VỤ QUÁ HẠN"),
        report.overdue,
        _overdue_note(report),
    )
    flagged = book.create_sheet(_("Đưa ra giao ban"))
    flagged_rows = _list(
        flagged,
        report,
        _("DANH SÁCH NHIỆM VỤ ĐƯA RA GIAO BAN (ĐÃ ĐÔN ĐỐC NHIỀU LẦN)"),
        report.flagged,
        "",
        flagged=True,
    )
    _indicators(book.create_sheet(_("Chỉ tiêu")), report)
    out = io.BytesIO()
    book.save(out)
    # a sheet's part name is known once the workbook is saved
    rows = {overdue.path.lstrip("/"): overdue_rows, flagged.path.lstrip("/"): flagged_rows}
    return _with_rows(out.getvalue(), rows)


# --- cells ----------------------------------------------------------------------------------


def _style(ws: WriteOnlyWorksheet, font: Font, fmt: str = "", **style: Any) -> Any:
    """The workbook's style index for a combination of this module's constant styles.

    openpyxl looks every style object up in the workbook's tables on each assignment,
    which costs more than writing the cell: each combination is looked up once per
    workbook, and cells then take a copy of the result."""
    cache: dict[tuple[Any, ...], Any] = ws.parent.__dict__.setdefault("_chidao_styles", {})
    key = (id(font), fmt, *((k, id(v)) for k, v in sorted(style.items())))
    if key not in cache:
        c = WriteOnlyCell(ws)
        c.font = font
        if fmt:
            c.number_format = fmt
        for name, v in style.items():
            setattr(c, name, v)
        cache[key] = c._style
    return cache[key]


def _local(value: Any) -> Any:
    """Excel has no time zones: a moment becomes its local day."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _cell(
    ws: WriteOnlyWorksheet, value: Any, font: Font = BODY, fmt: str = "", **style: Any
) -> Any:
    value = _local(value)
    if not fmt and isinstance(value, date):
        fmt = DAY
    return _styled(ws, value, _style(ws, font, fmt, **style))


def _styled(ws: WriteOnlyWorksheet, value: Any, style: Any) -> Any:
    c = WriteOnlyCell(ws, value=value)
    c._style = copy(style)
    return c


def _heading(
    ws: WriteOnlyWorksheet, report: GiaoBan, title: str, note: str, widths: Sequence[int]
) -> None:
    """Widths, the frozen panes and the three lines above the header (call before rows)."""
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    ws.append([_cell(ws, f"{title} {report.period.label.upper()}", TITLE)])
    scope = _("Phạm vi: %(scope)s · Số liệu tính đến ngày %(day)s · Lập ngày %(today)s") % {
        "scope": report.scope,
        "day": f"{report.as_of:%d/%m/%Y}",
        "today": f"{report.today:%d/%m/%Y}",
    }
    ws.append([_cell(ws, scope, SUBTITLE)])
    ws.append([_cell(ws, note, SUBTITLE)] if note else [])


def _header(ws: WriteOnlyWorksheet, names: Iterable[str]) -> None:
    ws.append([_cell(ws, n, HEAD, fill=HEAD_FILL, alignment=CENTER, border=BORDER) for n in names])


def _filter(ws: WriteOnlyWorksheet, columns: int, rows: int) -> None:
    last = get_column_letter(columns)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(rows, 1)}"


# --- the summary sheet ---------------------------------------------------------------------


def _summary(ws: WriteOnlyWorksheet, report: GiaoBan) -> None:
    names = [
        _("STT"),
        _("Đơn vị"),
        _("Tổng số lượt giao"),
        *(_(Bucket.LABELS[b]) for b in Bucket.ORDER),
        _("Tỷ lệ hoàn thành"),
        _("Tỷ lệ hoàn thành kỳ trước"),
        _("Thay đổi tỷ lệ (điểm %)"),
        _("Quá hạn kỳ trước"),
        _("Thay đổi số quá hạn"),
        _("Giao mới trong kỳ (không so sánh)"),
    ]
    widths = [6, 42, 12, 13, 13, 13, 13, 12, 12, 13, 13, 12, 12, 13]
    note = _(
        "Kỳ báo cáo %(span)s. So sánh với %(previous)s (số liệu tính đến ngày %(day)s) trên "
        "cùng các lượt giao đã có đến ngày đó; %(new)s lượt giao mới giao trong kỳ không "
        "tính vào so sánh."
    ) % {
        "span": report.period.span,
        "previous": report.previous.label,
        "day": f"{report.previous_as_of:%d/%m/%Y}",
        "new": _number(report.new_total),
    }
    _heading(ws, report, _("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"), note, widths)
    _header(ws, names)
    for n, line in enumerate(report.lines, start=1):
        ws.append(_summary_row(ws, n, line, BODY))
    ws.append(_summary_row(ws, "", report.total, BOLD, TOTAL_FILL))
    _filter(ws, len(names), len(report.lines))


def _summary_row(
    ws: WriteOnlyWorksheet, n: int | str, line: AgencyLine, font: Font, fill: Any = None
) -> list[Any]:
    values: list[tuple[Any, str]] = [
        (n, ""),
        (line.name if line.agency_id is not None or n else _("Tổng cộng"), ""),
        (line.now.total, "#,##0"),
        *((line.now.get(b), "#,##0") for b in Bucket.ORDER),
        (line.now.done_rate, PERCENT),
        (line.before.done_rate, PERCENT),
        (None if line.rate_change is None else line.rate_change * 100, POINTS),
        (line.before.get(Bucket.OPEN_LATE), "#,##0"),
        (line.overdue_change, "+#,##0;-#,##0;0"),
        (line.given.total, "#,##0"),
    ]
    return _bordered(ws, values, font, fill)


def _bordered(
    ws: WriteOnlyWorksheet, values: list[tuple[Any, str]], font: Font, fill: Any
) -> list[Any]:
    """A table row's cells: (value, number format) pairs, bordered, filled when given."""
    style: dict[str, Any] = {"border": BORDER}
    if fill is not None:
        style["fill"] = fill
    return [_cell(ws, v, font, fmt, **style) for v, fmt in values]


# --- the in-period sheet -------------------------------------------------------------------

_DUE_BUCKETS = Bucket.ORDER[:4]  # a deadline in the period: never "không có hạn"


def _in_period(ws: WriteOnlyWorksheet, report: GiaoBan) -> None:
    short = {
        Bucket.DONE_ON_TIME: _("HT đúng hạn"),
        Bucket.DONE_LATE: _("HT quá hạn"),
        Bucket.OPEN_ON_TIME: _("Đang TH trong hạn"),
        Bucket.OPEN_LATE: _("Đang TH quá hạn"),
        Bucket.NO_DEADLINE: _("Không có hạn"),
    }
    names = [
        _("STT"),
        _("Đơn vị"),
        _("Giao trong kỳ"),
        *(short[b] for b in Bucket.ORDER),
        _("Đến hạn trong kỳ"),
        *(short[b] for b in _DUE_BUCKETS),
        _("Tỷ lệ hoàn thành (đến hạn)"),
    ]
    widths = [6, 42, 12, 11, 11, 11, 11, 11, 12, 11, 11, 11, 11, 13]
    note = _(
        "Giao trong kỳ: lượt giao được giao %(span)s; đến hạn trong kỳ: lượt giao có thời "
        "hạn trong kỳ; kết quả tính đến ngày %(day)s."
    ) % {"span": report.period.span, "day": f"{report.as_of:%d/%m/%Y}"}
    _heading(ws, report, _("TÌNH HÌNH GIAO VÀ ĐẾN HẠN TRONG KỲ"), note, widths)
    _header(ws, names)
    lines = [line for line in report.lines if line.given.total or line.due.total]
    for n, line in enumerate(lines, start=1):
        ws.append(_in_period_row(ws, n, line, BODY))
    ws.append(_in_period_row(ws, "", report.total, BOLD, TOTAL_FILL))
    _filter(ws, len(names), len(lines))


def _in_period_row(
    ws: WriteOnlyWorksheet, n: int | str, line: AgencyLine, font: Font, fill: Any = None
) -> list[Any]:
    values: list[tuple[Any, str]] = [
        (n, ""),
        (line.name if n else _("Tổng cộng"), ""),
        (line.given.total, "#,##0"),
        *((line.given.get(b), "#,##0") for b in Bucket.ORDER),
        (line.due.total, "#,##0"),
        *((line.due.get(b), "#,##0") for b in _DUE_BUCKETS),
        (line.due.done_rate, PERCENT),
    ]
    return _bordered(ws, values, font, fill)


# --- the lists -------------------------------------------------------------------------------


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _overdue_note(report: GiaoBan) -> str:
    if report.overdue_more:
        return _("Liệt kê %(n)s/%(total)s lượt giao quá hạn lâu nhất.") % {
            "n": _number(len(report.overdue)),
            "total": _number(report.overdue_total),
        }
    return _("Tổng số %(total)s lượt giao quá hạn, xếp theo thời hạn (quá hạn lâu nhất trước).") % {
        "total": _number(report.overdue_total)
    }


def _list(
    ws: WriteOnlyWorksheet,
    report: GiaoBan,
    title: str,
    items: list[Item],
    note: str,
    *,
    flagged: bool = False,
) -> Iterator[str]:
    """The list's heading and header, and its data rows to be streamed in by
    :func:`_with_rows`."""
    names = [
        _("STT"),
        _("Đơn vị"),
        _("Nội dung nhiệm vụ"),
        _("Văn bản giao"),
        _("Thời hạn"),
        _("Số ngày quá hạn"),
        _("Tiến độ (%)"),
        _("Báo cáo gần nhất"),
        _("Ngày báo cáo"),
        _("Số lần đôn đốc"),
    ]
    widths = [6, 30, 60, 28, 12, 10, 9, 50, 12, 10]
    if flagged:
        names.append(_("Ngày đưa ra giao ban"))
        widths.append(14)
    _heading(ws, report, title, note, widths)
    _header(ws, names)
    text = _styled(ws, None, _style(ws, BODY, "", alignment=WRAP, border=BORDER)).style_id
    day = _styled(ws, None, _style(ws, BODY, DAY, alignment=WRAP, border=BORDER)).style_id
    styles = [text] * len(names)
    for i in (4, 8, 10):  # thời hạn, ngày báo cáo, ngày đưa ra giao ban
        if i < len(styles):
            styles[i] = day
    _filter(ws, len(names), len(items))
    return _list_rows(items, styles, flagged)


def _list_rows(items: list[Item], styles: list[int], flagged: bool) -> Iterator[str]:
    not_reported = _("(chưa báo cáo)")
    zone = timezone.get_current_timezone()

    def day(moment: datetime | None) -> date | None:
        return None if moment is None else moment.astimezone(zone).date()

    for n, item in enumerate(items, start=1):
        values: list[Any] = [
            n,
            item.agency,
            item.task,
            item.document,
            item.deadline,
            item.days_late if item.days_late and item.days_late > 0 else None,
            item.progress,
            item.last_report or not_reported,
            day(item.last_report_at),
            item.reminders,
        ]
        if flagged:
            values.append(day(item.flagged_at))
        yield _row_xml(HEADER_ROW + n, values, styles)


# --- the lists' rows, streamed into their sheets ----------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what XML 1.0 cannot hold
_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's serial dates (1900 date system)
_MAX_TEXT = 32_767  # the most characters an Excel cell holds
_ROWS_PER_WRITE = 1000
_LETTERS = [get_column_letter(i) for i in range(1, 27)]


def _row_xml(number: int, values: Sequence[Any], styles: Sequence[int]) -> str:
    """One ``<row>`` of cells as openpyxl writes them: numbers, dates as serial numbers,
    text as inline strings; each with the style id its column's cells take (at most 26
    columns)."""
    cells = []
    for letter, value, style in zip(_LETTERS, values, styles, strict=False):
        kind = type(value)
        if value is None:
            cells.append(f'<c r="{letter}{number}" s="{style}"/>')
        elif kind is date:  # never a datetime: the lists pass days
            serial = (value - _EXCEL_EPOCH).days
            cells.append(f'<c r="{letter}{number}" s="{style}" t="n"><v>{serial}</v></c>')
        elif kind is int or kind is float:
            cells.append(f'<c r="{letter}{number}" s="{style}" t="n"><v>{value}</v></c>')
        else:
            text = _xml_text(str(value)[:_MAX_TEXT])
            cells.append(
                f'<c r="{letter}{number}" s="{style}" t="inlineStr">'
                f'<is><t xml:space="preserve">{text}</t></is></c>'
            )
    return f'<row r="{number}">{"".join(cells)}</row>'


def _xml_text(text: str) -> str:
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _with_rows(book: bytes, rows: dict[str, Iterator[str]]) -> bytes:
    """The workbook with each named sheet part's rows added at the end of its
    ``<sheetData>``, streamed as the file is copied."""
    out = io.BytesIO()
    # the rows' parts at deflate level 1: a third larger, compressed in half the time
    with (
        zipfile.ZipFile(io.BytesIO(book)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename not in rows:
                target.writestr(info, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            with target.open(info.filename, "w") as part:
                part.write(head)
                batch: list[str] = []
                for row in rows[info.filename]:
                    batch.append(row)
                    if len(batch) == _ROWS_PER_WRITE:
                        part.write("".join(batch).encode())
                        batch.clear()
                part.write("".join(batch).encode() + b"</sheetData>" + tail)
    return out.getvalue()


# --- the indicators sheet ------------------------------------------------------------------


def _indicators(ws: WriteOnlyWorksheet, report: GiaoBan) -> None:
    names = [
        _("STT"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Kỳ"), _("Chiều"), _("Mục tiêu"),
        _("Thực hiện"), _("Kỳ số liệu"), _("Đánh giá"), _("Đơn vị chịu trách nhiệm"),
        _("Văn bản giao"),
    ]  # fmt: skip
    widths = [6, 50, 12, 16, 10, 12, 12, 16, 16, 30, 28]
    _heading(ws, report, _("TÌNH HÌNH THỰC HIỆN CHỈ TIÊU"), "", widths)
    _header(ws, names)
    text = _style(ws, BODY, "", alignment=WRAP, border=BORDER)
    number = _style(ws, BODY, "#,##0.##", border=BORDER)
    for n, r in enumerate(report.indicators, start=1):
        values: list[tuple[Any, Any]] = [
            (n, text),
            (r.name, text),
            (r.unit, text),
            (r.period_label, text),
            (_("tối thiểu") if r.direction == "at_least" else _("tối đa"), text),
            (float(r.target), number),
            (float(r.actual) if r.actual is not None else None, number),
            (r.actual_period, text),
            (r.mark_label, text),
            (r.agency, text),
            (r.directive, text),
        ]
        ws.append([_styled(ws, v, st) for v, st in values])
    _filter(ws, len(names), len(report.indicators))
