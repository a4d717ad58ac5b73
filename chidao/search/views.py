"""The search page: one box over documents, tasks, reports and agencies."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .engine import search
from .models import Kind


@login_required
def results(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    kind = request.GET.get("kind") or None
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    found = search(request.user, q, kind=kind, page=page)
    return render(
        request,
        "search/results.html",
        {
            "q": q,
            "found": found,
            "tabs": [(v, label, found.counts.get(v, 0)) for v, label in Kind.choices],
            "active_kind": found.kind,
        },
    )
