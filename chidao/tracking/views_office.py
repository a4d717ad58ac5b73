"""The Office's queues: completions waiting for confirmation, extension requests waiting
for a decision. Office only (403 for others)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chidao.accounts.decorators import office_only
from chidao.common import clock
from chidao.tracking.models import ExtensionRequest, ExtensionState, State
from chidao.tracking.permissions import visible_assignments, visible_extensions
from chidao.tracking.queries import ListFilters, page_of


def pending_extensions(user: Any) -> QuerySet[ExtensionRequest]:
    return visible_extensions(user).filter(state=ExtensionState.PENDING)


@office_only
def awaiting(request: HttpRequest) -> HttpResponse:
    """Completions reported by agencies, waiting for the Office's confirmation."""
    today = clock.today()
    f = ListFilters.from_query(request.GET)
    qs = visible_assignments(request.user).filter(state=State.AWAITING)
    context = {
        "page": page_of(qs, f.page, today, f.soon_days),
        "filters": f,
        "today": today,
    }
    return render(request, "tracking/awaiting.html", context)


@office_only
def extensions(request: HttpRequest) -> HttpResponse:
    """Pending extension requests, oldest first, each with its decision form."""
    qs = (
        pending_extensions(request.user)
        .select_related("assignment__task", "assignment__agency", "assignment__document")
        .select_related("requested_by")
        .order_by("requested_at", "id")
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    context = {"page": page, "today": clock.today()}
    return render(request, "tracking/extensions.html", context)
