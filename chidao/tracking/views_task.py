"""One task: its directive, the assignments the user may see, its history; for a recurring
task, its instances (one per period)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from chidao.accounts.roles import sees_everything
from chidao.common import clock
from chidao.tracking import views_history
from chidao.tracking.models import Task
from chidao.tracking.permissions import visible_assignments, visible_tasks
from chidao.tracking.queries import Row, default_soon_days
from chidao.tracking.status import standing


def _rows(assignments: Any) -> list[Row]:
    today, soon = clock.today(), default_soon_days()
    return [Row(a, standing(a.state, a.deadline, a.done_on, today, soon)) for a in assignments]


def _instances(user: Any, series: Task) -> list[tuple[Task, list[Row]]]:
    if not series.is_series:
        return []
    seen = visible_assignments(user).select_related("agency").order_by("role", "agency__name")
    instances = (
        visible_tasks(user)
        .filter(series=series)
        .order_by("-period_start")
        .prefetch_related(Prefetch("assignments", queryset=seen, to_attr="seen"))
    )
    return [(t, _rows(t.seen)) for t in instances]


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    qs: QuerySet[Task] = visible_tasks(user).select_related("document", "series")
    task = get_object_or_404(qs, pk=pk)
    mine = (
        visible_assignments(user)
        .filter(task=task)
        .select_related("agency")
        .order_by("role", "agency__name")
    )
    everything = sees_everything(user)
    context = {
        "task": task,
        "document": task.document,
        "rows": _rows(mine),
        "instances": _instances(user, task),
        "timeline": views_history.timeline(
            views_history.for_task(task, mine), show_agencies=everything
        ),
        "today": clock.today(),
    }
    return render(request, "tracking/task_detail.html", context)
