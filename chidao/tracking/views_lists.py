"""Lists of assignments: "Việc của đơn vị" for an agency, and the list for everybody that
dashboard counts link to. One query for the page's rows, one capped COUNT."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chidao.accounts.roles import agency_id_of, sees_everything
from chidao.common import clock
from chidao.registry.models import Agency
from chidao.tracking import dashboard
from chidao.tracking.models import Assignment, State
from chidao.tracking.permissions import visible_assignments, visible_tasks
from chidao.tracking.queries import (
    STANDING_TABS,
    ListFilters,
    apply_filters,
    page_of,
    standing_counts,
    state_counts,
)
from chidao.tracking.status import Standing


@dataclass(frozen=True)
class Tab:
    label: str
    count: int
    query: str
    active: bool


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def _state_tabs(qs: QuerySet[Assignment], f: ListFilters) -> list[Tab]:
    counts = state_counts(qs)
    tabs = [Tab(_("Tất cả"), sum(counts.values()), f.query(state=""), not f.state)]
    for value, label in State.choices:
        tabs.append(Tab(str(label), counts[value], f.query(state=value), f.state == value))
    return tabs


def _standing_tabs(qs: QuerySet[Assignment], f: ListFilters) -> list[Tab]:
    counts = standing_counts(qs, clock.today(), f.soon_days)
    tabs = [Tab(_("Mọi thời hạn"), -1, f.query(standing=""), not f.standing)]
    for name in STANDING_TABS:
        label = _(Standing.LABELS[name])
        tabs.append(Tab(label, counts[name], f.query(standing=name), f.standing == name))
    return tabs


@login_required
def my_assignments(request: HttpRequest) -> HttpResponse:
    """The agency's own assignments, with counts per state and per time standing."""
    if agency_id_of(request.user) is None:
        return redirect("tracking:assignments")
    today = clock.today()
    f = ListFilters.from_query(request.GET)
    base = visible_assignments(request.user)
    context = {
        "filters": f,
        "page": page_of(apply_filters(base, f, today), f.page, today, f.soon_days),
        "state_tabs": _state_tabs(apply_filters(base, f, today, skip=("state",)), f),
        "standing_tabs": _standing_tabs(apply_filters(base, f, today, skip=("standing",)), f),
        "today": today,
    }
    return render(request, "tracking/my_assignments.html", context)


@login_required
def assignments(request: HttpRequest) -> HttpResponse:
    """Every assignment the user may see, filtered; where dashboard counts link to."""
    today = clock.today()
    f = ListFilters.from_query(request.GET)
    qs = apply_filters(visible_assignments(request.user), f, today)
    everything = sees_everything(request.user)
    context = {
        "filters": f,
        "page": page_of(qs, f.page, today, f.soon_days),
        "today": today,
        "choose_agency": everything,
        "agencies": agency_choices(f) if everything else [],
        "states": [Choice(v, str(label)) for v, label in State.choices],
        "standings": [Choice(n, _(Standing.LABELS[n])) for n in STANDING_TABS],
        "buckets": [Choice(n, _(dashboard.LABELS[n])) for n in dashboard.COLUMNS],
        "chosen_agency": _chosen_agency(f),
        "chosen_document": _chosen_document(request.user, f),
    }
    return render(request, "tracking/assignments.html", context)


def agency_choices(f: ListFilters) -> list[tuple[int, str]]:
    """Current agencies, and the chosen one even when dissolved."""
    rows = Agency.objects.filter(valid_to__isnull=True).order_by("name").values_list("pk", "name")
    choices = list(rows)
    if f.agency is not None and all(pk != f.agency for pk, _n in choices):
        choices += list(Agency.objects.filter(pk=f.agency).values_list("pk", "name"))
    return choices


def _chosen_agency(f: ListFilters) -> Agency | None:
    if f.agency is None:
        return None
    return Agency.objects.filter(pk=f.agency).first()


def _chosen_document(user: Any, f: ListFilters) -> Any:
    """The directive the list is filtered by, if the user sees a task of it."""
    if f.document is None:
        return None
    task = visible_tasks(user).filter(document_id=f.document).select_related("document").first()
    return task.document if task is not None else None
