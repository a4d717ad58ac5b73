"""Báo cáo giao ban: the page and its three downloads (XLSX, DOCX, PDF).

All four take the same query: ``period`` (see :mod:`chidao.common.periods`; or ``tu`` and
``den`` as two days), ``agency`` and ``document`` (primary keys). A month, quarter or year
is the reporting window of the setting CHIDAO_REPORT_PERIOD_START_DAY (15 by default: from
the 15th of the month before to the 14th, the regime of Nghị định 09/2019/NĐ-CP; 1: the
calendar period), and the page and the files say which days it covers. Who sees what: the Office,
administrators and city leaders see the whole city and may narrow it; an officer (or an
agency's own leader) gets the same report limited to their agency — the filter is fixed
to it, never another agency's numbers. A directive not visible to the user answers 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from chidao.accounts.roles import agency_id_of, sees_everything
from chidao.common import clock
from chidao.common.dayfield import parse_day
from chidao.common.periods import CUSTOM, QUARTER, YEAR, Period, numbered, parse, recent_months
from chidao.documents.models import Document
from chidao.documents.permissions import visible_documents
from chidao.indicators.services import indicator_rows
from chidao.registry.models import Agency
from chidao.reports import charts, compute, pdf
from chidao.reports import docx as docx_export
from chidao.reports import xlsx as xlsx_export
from chidao.tracking.models import Assignment
from chidao.tracking.permissions import visible_assignments
from chidao.tracking.status import Bucket

# the XLSX lists every overdue assignment (streamed: 80,000 rows in seconds, bench/
# bench_report.py); the DOCX, a text for a person to read, the most overdue ones and how
# many more the XLSX holds
XLSX_OVERDUE_LIMIT = None
DOCX_OVERDUE_LIMIT = 30
DOCUMENT_CHOICES = 300
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Query:
    period: Period
    agency: Agency | None
    document: Document | None

    def url(self, period: Period | None = None, **changes: Any) -> str:
        """The query string for the same report, with ``period`` or filters changed."""
        params: dict[str, Any] = {
            "period": (period or self.period).key,
            "agency": self.agency.pk if self.agency else "",
            "document": self.document.pk if self.document else "",
        }
        params.update(changes)
        return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


def _int(value: str | None) -> int | None:
    try:
        return int(value or "")
    except ValueError:
        return None


def start_day() -> int:
    """The day of the month a report period starts on (the setting)."""
    return int(settings.CHIDAO_REPORT_PERIOD_START_DAY)


def _query(request: HttpRequest, today: date) -> Query:
    get = request.GET
    text = get.get("period")
    start, end = parse_day(get.get("tu", "")), parse_day(get.get("den", ""))
    if start and end:  # typed dd/mm/yyyy (or yyyy-mm-dd), checked by common/params.py
        text = f"{start.isoformat()}..{end.isoformat()}"
    period = parse(text, today, start_day())
    user = request.user
    agency_id = _int(get.get("agency"))
    if not sees_everything(user):
        agency_id = agency_id_of(user)  # an agency's own people: their agency, always
    agency = Agency.objects.filter(pk=agency_id).first() if agency_id else None
    document = None
    if document_id := _int(get.get("document")):
        document = visible_documents(user).filter(pk=document_id).first()
        if document is None:
            raise Http404
    return Query(period, agency, document)


def _build(request: HttpRequest, overdue_limit: int | None) -> tuple[Query, compute.GiaoBan]:
    today = clock.today()
    q = _query(request, today)
    scope = visible_assignments(request.user)
    report = compute.build(
        scope, q.period, today, agency=q.agency, document=q.document, overdue_limit=overdue_limit
    )
    # indicators are set for calendar months, quarters and years: the one the window is named after
    calendar = q.period.calendar
    report.indicators = indicator_rows(
        calendar.start, calendar.end, q.agency.pk if q.agency else None
    )
    return q, report


@login_required
def giao_ban(request: HttpRequest) -> HttpResponse:
    q, report = _build(request, compute.OVERDUE_ON_SCREEN)
    everything = sees_everything(request.user)
    months = recent_months(report.today, start_day=start_day())
    if q.period not in months:
        months.insert(0, q.period)
    context = {
        "report": report,
        "q": q,
        "months": months,
        "custom": q.period.kind == CUSTOM,
        "prev_url": q.url(q.period.previous()),
        "next_url": q.url(q.period.next()) if q.period.next().start <= report.today else "",
        "whole_city": everything,
        "agencies": _agency_choices(request, everything),
        "documents": _document_choices(request, q.document),
        "charts": charts.data(report),
        "pdf_missing": pdf.missing(),
        "qs": q.url(),
        "quarters": _quarters(report.today, start_day()),
        "stats": _stats(report),
        "columns": [(b, _(Bucket.LABELS[b])) for b in Bucket.ORDER],
        "indicator_rows": report.indicators,
        "window_day": start_day() if q.period.kind != CUSTOM else 1,
        "in_period": [
            ("given", _("Giao trong kỳ"), report.total.given),
            ("due", _("Đến hạn trong kỳ"), report.total.due),
        ],
    }
    return render(request, "reports/giao_ban.html", context)


def _quarters(today: date, first_day: int) -> list[Period]:
    """This year's and last year's quarters so far, and the two years."""
    choices: list[Period] = []
    for year in (today.year, today.year - 1):
        quarters = [numbered(QUARTER, year, n, first_day) for n in (4, 3, 2, 1)]
        choices += [p for p in quarters if p.start <= today]
        choices.append(numbered(YEAR, year, None, first_day))
    return choices


# how each count reads on the page, and whether a rise is good (up) or bad (down)
_STAT_STYLE = {
    Bucket.DONE_ON_TIME: ("ok", 1),
    Bucket.DONE_LATE: ("warn", -1),
    Bucket.OPEN_ON_TIME: ("", 0),
    Bucket.OPEN_LATE: ("bad", -1),
    Bucket.NO_DEADLINE: ("none", 0),
}


def _stats(report: compute.GiaoBan) -> list[dict[str, Any]]:
    stats = []
    for b in Bucket.ORDER:
        now, delta = report.total.now.get(b), report.total.change(b)
        style, good = _STAT_STYLE[b]
        trend = "" if not delta or not good else ("up" if delta * good > 0 else "down")
        stats.append(
            {"bucket": b, "label": _(Bucket.LABELS[b]), "now": now, "delta": delta,
             "style": style, "trend": trend}
        )  # fmt: skip
    return stats


def _agency_choices(request: HttpRequest, everything: bool) -> list[Agency]:
    if not everything:
        own = agency_id_of(request.user)
        return list(Agency.objects.filter(pk=own)) if own is not None else []
    return list(Agency.objects.filter(valid_to__isnull=True).order_by("name").only("name"))


def _document_choices(request: HttpRequest, chosen: Document | None) -> list[Document]:
    """The newest directives that gave tasks (a city has thousands; the select shows the
    newest few hundred, and always the chosen one)."""
    with_tasks = Assignment.objects.values("document_id")
    docs = list(
        visible_documents(request.user)
        .filter(pk__in=with_tasks)
        .order_by("-issued_on", "-pk")
        .only("kind", "number", "issued_on", "filename")[:DOCUMENT_CHOICES]
    )
    if chosen is not None and chosen not in docs:
        docs.insert(0, chosen)
    return docs


def _filename(report: compute.GiaoBan, ext: str) -> str:
    return f"bao-cao-giao-ban-{report.period.key.replace('..', '_')}.{ext}"


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def download_xlsx(request: HttpRequest) -> HttpResponse:
    _q, report = _build(request, XLSX_OVERDUE_LIMIT)
    return _attachment(xlsx_export.render(report), XLSX_TYPE, _filename(report, "xlsx"))


@login_required
def download_docx(request: HttpRequest) -> HttpResponse:
    _q, report = _build(request, DOCX_OVERDUE_LIMIT)
    return _attachment(docx_export.render(report), DOCX_TYPE, _filename(report, "docx"))


@login_required
def download_pdf(request: HttpRequest) -> HttpResponse:
    missing = pdf.missing()
    if missing:
        return render(request, "reports/pdf_missing.html", {"missing": missing}, status=503)
    _q, report = _build(request, DOCX_OVERDUE_LIMIT)
    try:
        content = pdf.convert(docx_export.render(report))
    except pdf.ConversionError as exc:
        return render(request, "reports/pdf_missing.html", {"missing": str(exc)}, status=503)
    return _attachment(content, "application/pdf", _filename(report, "pdf"))
