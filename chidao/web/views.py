"""The landing page sends each role where its work is."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from chidao.accounts.roles import is_office, is_officer


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if is_office(request.user):
        return redirect("documents:list")
    if is_officer(request.user):
        return redirect("tracking:my_assignments")
    return redirect("leader:overview")  # leaders: the overview, one screen
