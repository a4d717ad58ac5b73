"""Tổng quan điều hành: what a leader takes in at a glance, on one screen.

The agencies and directives with the most overdue work, the overdue count at each month's
end, and what waits for a decision (extension requests, tasks flagged for the giao ban),
over what the user may see. Every count is one of the dashboard's (chidao/tracking/
dashboard.py) and links to the list of exactly those assignments. One pass over the
overdue assignments, index look-ups for the rest; closed months come from
chidao/leader/trend.py.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from chidao.accounts.roles import agency_id_of, sees_everything
from chidao.common import clock
from chidao.leader.trend import trend
from chidao.reminders.services import flagged
from chidao.tracking import dashboard
from chidao.tracking.permissions import visible_assignments
from chidao.tracking.queries import default_soon_days
from chidao.tracking.status import Bucket, due_soon_q
from chidao.tracking.views_office import pending_extensions

TOP = 5  # agencies and directives in each ranking
WAITING = 3  # extension requests and flagged tasks listed (the counts say how many)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    soon = default_soon_days()
    scope = visible_assignments(request.user)
    late = dashboard.overdue(scope, today, TOP)
    everything = sees_everything(request.user)
    agency = None if everything else agency_id_of(request.user)
    points = trend(today, late.total, agency) if everything or agency else []
    extensions = pending_extensions(request.user).select_related(
        "assignment__task", "assignment__agency"
    )
    flags = flagged(scope).select_related("task", "agency", "giao_ban_flag")
    context = {
        "today": today,
        "soon_days": soon,
        "whole_city": everything,
        "overdue": late.total,
        "overdue_url": _list(bucket=Bucket.OPEN_LATE),
        "due_soon": scope.filter(due_soon_q(today, soon)).count(),
        "due_soon_url": _list(bucket=dashboard.DUE_SOON),
        "agencies": [(r, _list(bucket=Bucket.OPEN_LATE, agency=r.key)) for r in late.agencies],
        "documents": [(r, _list(bucket=Bucket.OPEN_LATE, document=r.key)) for r in late.documents],
        "trend": points,
        "trend_top": max((p.overdue for p in points), default=0),
        "extension_count": extensions.count(),
        "extensions": list(extensions.order_by("requested_at", "id")[:WAITING]),
        "flag_count": flags.count(),
        "flags": list(flags.order_by("-giao_ban_flag__flagged_at", "id")[:WAITING]),
    }
    return render(request, "leader/overview.html", context)


def _list(**params: Any) -> str:
    return f"{reverse('tracking:assignments')}?{urlencode(params)}"
