"""The giao ban report as a Word document in the layout of Nghị định 30/2020/NĐ-CP.

Rendered with docxtpl from a Word template: the packaged one, templates_docx/giao_ban.docx
(built by make_docx_template.py, which describes the layout), or the Office's own, named by
the setting CHIDAO_REPORT_TEMPLATE, so that the letterhead, the số/ký hiệu, the place and
the recipients change without a developer. This module computes the fields: the date, the
signer (setting CHIDAO_REPORT_SIGNER), the translated texts and the tables' rows.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

from chidao.reports.compute import AgencyLine, GiaoBan, Item
from chidao.reports.make_docx_template import TEMPLATE
from chidao.tracking.status import Bucket

OFFICE = "Văn phòng UBND Thành phố"  # the issuer's name in the body's sentences


def template_path() -> Path:
    """The Office's template where the setting names one, else the packaged template."""
    custom = getattr(settings, "CHIDAO_REPORT_TEMPLATE", "")
    return Path(custom) if custom else TEMPLATE


def render(report: GiaoBan) -> bytes:
    """The document's bytes."""
    doc = DocxTemplate(str(template_path()))
    doc.render(context(report), autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def context(report: GiaoBan) -> dict[str, Any]:
    """The template's fields."""
    day = report.today
    overdue_text, overdue_rows, overdue_more = _overdue(report)
    flagged_text, flagged_rows = _flagged(report)
    indicator_text, indicator_rows = _indicators(report)
    fields: dict[str, Any] = {
        "day": f"{day.day:02d}",
        "month": f"{day.month:02d}",
        "year": str(day.year),
        "signer": settings.CHIDAO_REPORT_SIGNER,
        "subject": _("Tình hình thực hiện nhiệm vụ do UBND Thành phố giao %(period)s")
        % {"period": report.period.label},
        "scope": report.scope if report.scope != "Toàn thành phố" else "",
        "t": _labels(),
        **_general(report),
        "agency_text": "" if report.lines else _("Không có nhiệm vụ nào trong kỳ."),
        "agency_rows": [
            _agency_values(str(n), line) for n, line in enumerate(report.lines, start=1)
        ],
        "total": _agency_values("", report.total),
        "overdue_text": overdue_text,
        "overdue_rows": overdue_rows,
        "overdue_more": overdue_more,
        "flagged_text": flagged_text,
        "flagged_rows": flagged_rows,
        "indicator_text": indicator_text,
        "indicator_rows": indicator_rows,
        "proposal": _(
            "Đề nghị Thủ trưởng các đơn vị có nhiệm vụ quá hạn chỉ đạo khẩn trương hoàn "
            "thành, báo cáo kết quả về UBND Thành phố (qua Văn phòng); trường hợp không "
            "thể hoàn thành đúng hạn, đề nghị gia hạn kèm lý do cụ thể theo quy định."
        ),
        "closing": _("%(office)s trân trọng báo cáo./.") % {"office": OFFICE},
    }
    safe: dict[str, Any] = _safe(fields)
    return safe


def _safe(value: Any) -> Any:
    """Every text without the control characters XML cannot hold."""
    if isinstance(value, str):
        return value.translate(_CONTROL)
    if isinstance(value, dict):
        return {k: _safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_safe(v) for v in value]
    return value


_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def _labels() -> dict[str, Any]:
    return {
        "general": _("I. TÌNH HÌNH CHUNG"),
        "by_agency": _("II. KẾT QUẢ THỰC HIỆN THEO ĐƠN VỊ"),
        "overdue": _("III. NHIỆM VỤ ĐANG THỰC HIỆN QUÁ HẠN"),
        "flagged": _("IV. NHIỆM VỤ ĐỀ NGHỊ ĐƯA RA GIAO BAN"),
        "indicators": _("V. TÌNH HÌNH THỰC HIỆN CHỈ TIÊU"),
        "proposals": _("VI. ĐỀ XUẤT, KIẾN NGHỊ"),
        "recipients": _("Nơi nhận:"),
        "agency_headers": [
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
        ],
        "item_headers": [
            _("TT"),
            _("Đơn vị"),
            _("Nội dung nhiệm vụ, văn bản giao"),
            _("Thời hạn"),
            _("Số ngày quá hạn"),
            _("Báo cáo gần nhất"),
            _("Số lần đôn đốc"),
        ],
        "indicator_headers": [_("TT"), _("Chỉ tiêu"), _("Mục tiêu"), _("Thực hiện"), _("Đánh giá")],
    }


def _general(report: GiaoBan) -> dict[str, Any]:
    now, before = report.total.now, report.total.before
    intro = _(
        "Thực hiện chế độ báo cáo giao ban định kỳ, %(office)s báo cáo tình hình thực "
        "hiện nhiệm vụ do UBND Thành phố, Chủ tịch UBND Thành phố giao %(period)s (số "
        "liệu tính đến ngày %(day)s; phạm vi: %(scope)s) như sau:"
    ) % {
        "office": OFFICE,
        "period": report.period.label,
        "day": f"{report.as_of:%d/%m/%Y}",
        "scope": report.scope.lower()
        if report.agency is None and report.document is None
        else report.scope,
    }
    total_line = _(
        "1. Tổng số theo dõi trong kỳ: %(total)s lượt giao cho đơn vị, thuộc %(tasks)s "
        "nhiệm vụ (không kể lượt giao tạm hoãn, bị từ chối), trong đó:"
    ) % {"total": _count(now.total), "tasks": _count(report.task_total)}
    return {
        "intro": intro,
        "total_line": total_line,
        "overview": _overview_lines(report),
        "comparison": _comparison(report, report.total.same.done_rate, before.done_rate),
        "in_period": _in_period_lines(report),
    }


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")


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
        _("số lượt giao quá hạn không đổi")
        if change == 0
        else (
            _("số lượt giao quá hạn tăng %(n)s")
            if change > 0
            else _("số lượt giao quá hạn giảm %(n)s")
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
    text = _(
        "2. So với %(previous)s, trên cùng các lượt giao đã có đến ngày %(day)s: %(rate)s; "
        "%(overdue)s"
    ) % {
        "previous": report.previous.label,
        "day": f"{report.previous_as_of:%d/%m/%Y}",
        "rate": rate,
        "overdue": overdue,
    }
    if report.new_total:
        text += _(" (%(n)s lượt giao mới giao trong kỳ không tính vào so sánh)") % {
            "n": _count(report.new_total)
        }
    return text + "."


def _in_period_lines(report: GiaoBan) -> list[str]:
    """Beside the as-of counts: what was given and what fell due in the period."""
    given, due = report.total.given, report.total.due
    return [
        _("3. Trong kỳ (%(span)s): giao mới %(n)s lượt giao, trong đó đã hoàn thành %(done)s.")
        % {"span": report.period.span, "n": _count(given.total), "done": _count(given.done)},
        _(
            "- Đến hạn trong kỳ: %(n)s lượt giao; đã hoàn thành %(done)s (đúng hạn: %(a)s; "
            "quá hạn: %(b)s), đạt %(r)s; chưa hoàn thành %(open)s (quá hạn: %(late)s)."
        )
        % {
            "n": _count(due.total),
            "done": _count(due.done),
            "a": _count(due.get(Bucket.DONE_ON_TIME)),
            "b": _count(due.get(Bucket.DONE_LATE)),
            "r": _pct(due.done_rate),
            "open": _count(due.total - due.done),
            "late": _count(due.get(Bucket.OPEN_LATE)),
        },
    ]


# --- tables --------------------------------------------------------------------------------


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


def _item_rows(items: list[Item]) -> list[list[str]]:
    rows = []
    for n, item in enumerate(items, start=1):
        report = item.last_report or _("(chưa báo cáo)")
        if item.last_report_at is not None:
            report = f"{report} ({_local_day(item.last_report_at)})"
        rows.append(
            [
                str(n),
                item.agency,
                f"{item.task} ({item.document})" if item.document else item.task,
                f"{item.deadline:%d/%m/%Y}" if item.deadline else "—",
                str(item.days_late) if item.days_late and item.days_late > 0 else "—",
                report,
                str(item.reminders),
            ]
        )
    return rows


def _local_day(moment: Any) -> str:
    from django.utils import timezone

    return f"{timezone.localtime(moment):%d/%m/%Y}"


def _overdue(report: GiaoBan) -> tuple[str, list[list[str]], str]:
    """The introduction, the rows (the most overdue first) and, when the list is longer
    than the document shows, how many more the XLSX lists."""
    if not report.overdue_total:
        return _("Không có nhiệm vụ đang thực hiện quá hạn."), [], ""
    intro = _("Có %(n)s lượt giao đang thực hiện quá hạn") % {"n": _count(report.overdue_total)}
    more = ""
    if report.overdue_more:
        intro += _("; dưới đây là %(k)s lượt giao quá hạn lâu nhất:") % {
            "k": _count(len(report.overdue))
        }
        more = _(
            "… và %(n)s lượt giao quá hạn khác (danh sách đầy đủ tại tệp Excel kèm theo, "
            "trang «Nhiệm vụ quá hạn»)."
        ) % {"n": _count(report.overdue_more)}
    else:
        intro += ":"
    return intro, _item_rows(report.overdue), more


def _flagged(report: GiaoBan) -> tuple[str, list[list[str]]]:
    if not report.flagged:
        return _("Không có nhiệm vụ nào bị đôn đốc đến mức phải đưa ra giao ban."), []
    intro = _("Các nhiệm vụ đã được đôn đốc nhiều lần nhưng chưa hoàn thành (%(n)s lượt giao):") % {
        "n": _count(len(report.flagged))
    }
    return intro, _item_rows(report.flagged)


def _indicators(report: GiaoBan) -> tuple[str, list[list[str]]]:
    if not report.indicators:
        return _("Không có chỉ tiêu nào được theo dõi trong kỳ."), []
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
    return "", rows


def _number(value: Any) -> str:
    """Vietnamese number: 1.234,5."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
