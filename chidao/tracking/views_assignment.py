"""One assignment: its page, the steps its agency and the Office take on it, its files."""

from __future__ import annotations

import mimetypes
from typing import Any

from django import forms as djforms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.accounts.roles import is_office, sees_everything
from chidao.common import clock
from chidao.common.errors import ActionError, Conflict, NotAllowed
from chidao.tracking import forms, services, views_history
from chidao.tracking.models import Assignment, Attachment, ExtensionRequest, ExtensionState
from chidao.tracking.permissions import (
    visible_assignments,
    visible_attachments,
    visible_extensions,
)
from chidao.tracking.queries import default_soon_days
from chidao.tracking.status import standing
from chidao.tracking.views_actions import STEPS, Step


def _assignment(user: Any, pk: int) -> Assignment:
    qs = visible_assignments(user).select_related("task", "task__series", "document", "agency")
    return get_object_or_404(qs, pk=pk)


def _next_url(request: HttpRequest) -> str | None:
    target = request.POST.get("next", "")
    ok = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and ok else None


def render_detail(
    request: HttpRequest,
    a: Assignment,
    *,
    bound: tuple[str, djforms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The assignment page, with ``bound`` (slug, form) shown in place of a fresh form."""
    user = request.user
    today = clock.today()
    pending_request = a.extension_requests.filter(state=ExtensionState.PENDING).first()
    pending = pending_request is not None
    steps: list[tuple[Step, djforms.Form]] = []
    for step in STEPS.values():
        if bound is not None and bound[0] == step.slug:
            steps.append((step, bound[1]))
        elif step.offered(user, a, pending_extension=pending):
            steps.append((step, step.make_form(a)))
    reports = a.reports.select_related("author").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("id"))
    )
    extensions = a.extension_requests.select_related("requested_by", "decided_by")
    context = {
        "a": a,
        "task": a.task,
        "document": a.document,
        "standing": standing(a.state, a.deadline, a.done_on, today, default_soon_days()),
        "today": today,
        "reports": reports,
        "extensions": extensions,
        "pending_request": pending_request,
        "decide": is_office(user),
        "officer_steps": [(s, f) for s, f in steps if not s.office],
        "office_steps": [(s, f) for s, f in steps if s.office],
        "reassigned_to": Assignment.objects.filter(reassigned_from=a).select_related("agency"),
        "timeline": views_history.timeline(views_history.for_assignment(a)),
        "read_only": not steps,
        "extension_deadline_changed": a.original_deadline and a.original_deadline != a.deadline,
        "sees_all": sees_everything(user),
    }
    return render(request, "tracking/assignment_detail.html", context, status=status)


@login_required
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_detail(request, _assignment(request.user, pk))


@login_required
@require_POST
def assignment_action(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """Take step ``slug`` on an assignment: 404 when unseen, 403 when not the user's step."""
    step = STEPS.get(slug)
    if step is None:
        raise Http404
    a = _assignment(request.user, pk)
    if not step.permitted(request.user, a):
        raise PermissionDenied
    form = step.make_form(a, request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Vui lòng kiểm tra lại thông tin đã nhập."))
        return render_detail(request, a, bound=(slug, form), status=400)
    try:
        outcome = step.run(request.user, a, form)
    except NotAllowed as exc:
        raise PermissionDenied(str(exc)) from exc
    except ActionError as exc:
        messages.error(request, str(exc))
        fresh = _assignment(request.user, pk)
        data = request.POST.copy()
        data[f"{slug}-version"] = str(fresh.version)
        retry = step.make_form(fresh, data)
        status = 409 if isinstance(exc, Conflict) else 400
        return render_detail(request, fresh, bound=(slug, retry), status=status)
    messages.success(request, outcome.message)
    back = _next_url(request)
    if back:
        return redirect(back)
    return redirect("tracking:assignment_detail", pk=outcome.assignment.pk)


@login_required
@require_POST
def decide_extension(request: HttpRequest, pk: int) -> HttpResponse:
    """The Office grants or denies a pending extension request."""
    req = get_object_or_404(visible_extensions(request.user).select_related("assignment"), pk=pk)
    if not is_office(request.user):
        raise PermissionDenied
    form = forms.ExtensionDecisionForm(request.POST)
    back = _next_url(request)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        _decide(request, req, form)
    if back:
        return redirect(back)
    return redirect("tracking:assignment_detail", pk=req.assignment_id)


def _decide(request: HttpRequest, req: ExtensionRequest, form: forms.ExtensionDecisionForm) -> None:
    try:
        services.decide_extension(
            request.user, req, grant=form.grant, note=form.cleaned_data["note"]
        )
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Đã đồng ý gia hạn.") if form.grant else _("Đã không đồng ý gia hạn.")
        )


@login_required
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file, downloaded (never displayed inline), to those who see its report."""
    item = get_object_or_404(visible_attachments(request.user), pk=pk)
    kind = mimetypes.guess_type(item.filename)[0] or "application/octet-stream"
    response = FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.filename, content_type=kind
    )
    return response
