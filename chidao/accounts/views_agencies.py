"""The administrator's page of agencies that reviewers registered from directives
("ngoài danh mục"): confirm each, or refuse it naming the registry body it really was."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chidao.accounts.views_admin import admin_only
from chidao.common.errors import ActionError
from chidao.common.params import is_id
from chidao.registry import proposals
from chidao.registry.models import Agency, Standing


@admin_only
@require_GET
def agencies(request: HttpRequest) -> HttpResponse:
    context = {
        "rows": proposals.pending().order_by("proposed_at", "pk"),
        "registry": Agency.objects.filter(standing=Standing.CONFIRMED, valid_to__isnull=True)
        .order_by("name")
        .only("pk", "name"),
    }
    return render(request, "accounts/agencies.html", context)


@admin_only
@require_POST
def decide_agency(request: HttpRequest, pk: int) -> HttpResponse:
    """``action=confirm``, or a refusal with the body it really was (``same_as``, optional)."""
    agency = get_object_or_404(Agency, pk=pk)
    same_as_id = request.POST.get("same_as", "")
    try:
        if request.POST.get("action") == "confirm":
            proposals.confirm(request.user, agency)
            messages.success(request, _("Đã xác nhận “%(name)s”.") % {"name": agency.name})
        else:
            same_as = (
                Agency.objects.filter(pk=int(same_as_id)).first() if is_id(same_as_id) else None
            )
            if same_as_id and same_as is None:
                raise ActionError(_("Chọn một đơn vị đã có trong danh mục."))
            proposals.reject(request.user, agency, same_as=same_as)
            messages.success(request, _("Đã không xác nhận “%(name)s”.") % {"name": agency.name})
    except ActionError as exc:
        messages.error(request, str(exc))
    return redirect("accounts:agencies")
