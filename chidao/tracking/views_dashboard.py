"""Tổng hợp: the giao ban counts for the whole city, per agency and per directive, every
count a link to the list of exactly those assignments.

The page itself counts once over what the user may see (the cards), the tasks, and the
newest directives; the agency table comes after it, a page of agencies at a time
(htmx; a plain link without script), so the page never renders hundreds of agency rows
nor groups a million assignments by agency before it is shown.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from chidao.accounts.roles import is_office, sees_everything
from chidao.common import clock
from chidao.tracking import dashboard
from chidao.tracking.models import State
from chidao.tracking.permissions import visible_assignments
from chidao.tracking.queries import MAX_SOON_DAYS, default_soon_days
from chidao.tracking.status import Bucket
from chidao.tracking.views_office import pending_extensions

# A national deployment has tens of thousands of directives; the table shows the newest
# (older ones through the list's filter), and the agency table a page at a time.
DOCUMENT_ROWS = 20
AGENCY_ROWS = 50

STAT_STYLE = {
    Bucket.DONE_ON_TIME: "ok",
    Bucket.DONE_LATE: "warn",
    Bucket.OPEN_ON_TIME: "",
    Bucket.OPEN_LATE: "bad",
    Bucket.NO_DEADLINE: "none",
    dashboard.DUE_SOON: "warn",
}
BAR_STYLE = {
    Bucket.DONE_ON_TIME: "ok",
    Bucket.DONE_LATE: "late",
    Bucket.OPEN_ON_TIME: "open",
    Bucket.OPEN_LATE: "bad",
    Bucket.NO_DEADLINE: "none",
}


@dataclass(frozen=True)
class Cell:
    column: str
    label: str
    count: int
    url: str
    style: str


@dataclass(frozen=True)
class Line:
    row: dashboard.Row
    cells: list[Cell]
    bar: list[Cell]
    list_url: str


def _link(soon_days: int, **params: Any) -> str:
    if soon_days != default_soon_days():
        params["sap_den_han"] = soon_days
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{_list_url()}?{query}"


@functools.cache
def _list_url() -> str:
    """Reversed once: the page links about two thousand counts to this list."""
    return reverse("tracking:assignments")


def _cells(row: dashboard.Row, soon_days: int, **scope: Any) -> list[Cell]:
    return [
        Cell(
            col,
            _(dashboard.LABELS[col]),
            row.counts.get(col, 0),
            _link(soon_days, bucket=col, **scope),
            STAT_STYLE[col],
        )
        for col in dashboard.COLUMNS
    ]


def _line(row: dashboard.Row, soon_days: int, key: str) -> Line:
    cells = _cells(row, soon_days, **{key: row.key})
    bar = [Cell(c.column, c.label, c.count, c.url, BAR_STYLE[c.column]) for c in cells[:5]]
    return Line(row, cells, bar, _link(soon_days, **{key: row.key}))


def _soon_days(request: HttpRequest) -> int:
    try:
        value = int(request.GET.get("sap_den_han", ""))
    except ValueError:
        return default_soon_days()
    return min(max(value, 0), MAX_SOON_DAYS)


@login_required
def dashboard_view(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    soon = _soon_days(request)
    scope = visible_assignments(request.user)
    totals = dashboard.totals(scope, today, soon)
    documents = dashboard.by_document(scope, today, soon, limit=DOCUMENT_ROWS + 1)
    context = {
        "today": today,
        "soon_days": soon,
        "stats": _cells(totals, soon),
        "total": totals,
        "task_total": dashboard.task_count(scope),
        "agencies_url": _agencies_url(soon, 1),
        "documents": [_line(r, soon, "document") for r in documents[:DOCUMENT_ROWS]],
        "more_documents": len(documents) > DOCUMENT_ROWS,
        "columns": _columns(),
        "whole_city": sees_everything(request.user),
        "queues": _queues(request) if is_office(request.user) else None,
    }
    return render(request, "tracking/dashboard.html", context)


@login_required
def dashboard_agencies(request: HttpRequest) -> HttpResponse:
    """A page of the agency table (by name): its rows alone for htmx, else a whole page."""
    today = clock.today()
    soon = _soon_days(request)
    scope = visible_assignments(request.user)
    page = Paginator(dashboard.agencies_with_work(scope), AGENCY_ROWS).get_page(
        request.GET.get("page")
    )
    ids = [a.pk for a in page.object_list]
    rows = dashboard.by_agency(scope.filter(agency_id__in=ids), today, soon) if ids else []
    context = {
        "today": today,
        "soon_days": soon,
        "agencies": [_line(r, soon, "agency") for r in rows],
        "page": page,
        "previous_url": _agencies_url(soon, page.number - 1) if page.has_previous() else None,
        "next_url": _agencies_url(soon, page.number + 1) if page.has_next() else None,
        "columns": _columns(),
        "whole_city": sees_everything(request.user),
    }
    if request.headers.get("HX-Request"):
        return render(request, "tracking/_dashboard_agencies.html", context)
    return render(request, "tracking/dashboard_agencies.html", context)


def _agencies_url(soon_days: int, page: int) -> str:
    params: dict[str, Any] = {"page": page}
    if soon_days != default_soon_days():
        params["sap_den_han"] = soon_days
    return f"{reverse('tracking:dashboard_agencies')}?{urlencode(params)}"


def _columns() -> list[tuple[str, str]]:
    return [(c, _(dashboard.LABELS[c])) for c in dashboard.COLUMNS]


def _queues(request: HttpRequest) -> dict[str, int]:
    return {
        "awaiting": visible_assignments(request.user).filter(state=State.AWAITING).count(),
        "extensions": pending_extensions(request.user).count(),
    }
