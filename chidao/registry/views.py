"""Agency look-up for the review screen's assignee pickers."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from chidao.registry.services import search_agencies


@login_required
@require_GET
def autocomplete(request: HttpRequest) -> JsonResponse:
    """``?q=so ke hoach[&on=2021-05-04]`` → ``{"results": [{"id", "name", "kind",
    "dissolved"}]}``: up to 20 agencies, accent-insensitive; with ``on`` (a document's
    date), the bodies that existed that day rank first."""
    query = request.GET.get("q", "")[:100]
    try:
        on = date.fromisoformat(request.GET["on"]) if request.GET.get("on") else None
    except ValueError:
        on = None
    found = search_agencies(query, on=on, limit=20)
    results = [
        {"id": a.pk, "name": a.name, "kind": a.kind, "dissolved": a.dissolved} for a in found
    ]
    return JsonResponse({"results": results})
