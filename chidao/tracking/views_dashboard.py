"""Tổng hợp: the giao ban counts for the whole city, per agency and per directive, every
count a link to the list of exactly those assignments."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
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

# A national deployment has tens of thousands of directives; the table shows the newest.
DOCUMENT_ROWS = 100

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
    agencies = dashboard.by_agency(scope, today, soon)
    totals = _sum(agencies)
    documents = dashboard.by_document(scope, today, soon, limit=DOCUMENT_ROWS + 1)
    context = {
        "today": today,
        "soon_days": soon,
        "stats": _cells(totals, soon),
        "total": totals,
        "task_total": dashboard.task_count(scope),
        "agencies": [_line(r, soon, "agency") for r in agencies],
        "documents": [_line(r, soon, "document") for r in documents[:DOCUMENT_ROWS]],
        "more_documents": len(documents) > DOCUMENT_ROWS,
        "columns": [(c, _(dashboard.LABELS[c])) for c in dashboard.COLUMNS],
        "whole_city": sees_everything(request.user),
        "queues": _queues(request) if is_office(request.user) else None,
    }
    return render(request, "tracking/dashboard.html", context)


def _sum(rows: list[dashboard.Row]) -> dashboard.Row:
    """The city totals as the sum of the agency rows: each assignment has one agency, so
    this equals :func:`dashboard.totals` and saves a second pass over every row."""
    counts = {c: sum(r.counts.get(c, 0) for r in rows) for c in dashboard.COLUMNS}
    return dashboard.Row(None, _("Tổng cộng"), counts)


def _queues(request: HttpRequest) -> dict[str, int]:
    return {
        "awaiting": visible_assignments(request.user).filter(state=State.AWAITING).count(),
        "extensions": pending_extensions(request.user).count(),
    }
