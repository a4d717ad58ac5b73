"""Indicator pages: the list, one indicator with its values, create and edit (Office)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.accounts.decorators import office_only
from chidao.accounts.roles import sees_everything
from chidao.common import clock
from chidao.common.periods import period_label
from chidao.indicators import services
from chidao.indicators.forms import COMMON_UNITS, IndicatorForm, ValueForm
from chidao.indicators.models import Indicator
from chidao.registry.models import Agency


def _indicator(user: Any, pk: int) -> Indicator:
    qs = services.visible_indicators(user).select_related("agency", "document")
    return get_object_or_404(qs, pk=pk)


@login_required
def indicator_list(request: HttpRequest) -> HttpResponse:
    """Every indicator the user may see, with its latest actual and mark."""
    today = clock.today()
    qs = services.visible_indicators(request.user).select_related("agency", "document")
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(name__icontains=q)
    agency_id = request.GET.get("agency", "")
    if agency_id.isdigit() and sees_everything(request.user):
        qs = qs.filter(agency_id=int(agency_id))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    rows = services.list_rows(list(page.object_list), today)
    context = {
        "page": page,
        "rows": rows,
        "q": q,
        "agency_id": agency_id,
        "agencies": Agency.objects.filter(indicators__isnull=False).distinct().order_by("name")
        if sees_everything(request.user)
        else None,
        "can_manage": services.can_manage(request.user),
    }
    return render(request, "indicators/list.html", context)


def _render_detail(
    request: HttpRequest, ind: Indicator, form: ValueForm | None = None, status: int = 200
) -> HttpResponse:
    today = clock.today()
    can_enter = services.can_enter_values(request.user, ind)
    if can_enter and form is None:
        form = ValueForm(indicator=ind, today=today)
    context = {
        "ind": ind,
        "period": period_label(ind.period_start, ind.period_end),
        "values": services.value_rows(ind, today),
        "current": services.list_rows([ind], today)[0],
        "form": form if can_enter else None,
        "can_manage": services.can_manage(request.user),
        "today": today,
    }
    return render(request, "indicators/detail.html", context, status=status)


@login_required
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, _indicator(request.user, pk))


@login_required
@require_POST
def enter_value(request: HttpRequest, pk: int) -> HttpResponse:
    """The responsible agency's officer (or the Office) enters one period's actual value."""
    ind = _indicator(request.user, pk)
    if not services.can_enter_values(request.user, ind):
        raise PermissionDenied
    form = ValueForm(request.POST, indicator=ind, today=clock.today())
    if not form.is_valid():
        messages.error(request, _("Vui lòng kiểm tra lại thông tin đã nhập."))
        return _render_detail(request, ind, form, status=400)
    services.enter_value(
        request.user, ind, form.bounds(), form.cleaned_data["actual"], form.cleaned_data["note"]
    )
    messages.success(request, _("Đã lưu số liệu thực hiện."))
    return redirect("indicators:detail", pk=ind.pk)


def _render_form(
    request: HttpRequest, form: IndicatorForm, ind: Indicator | None, status: int = 200
) -> HttpResponse:
    context = {"form": form, "ind": ind, "units": COMMON_UNITS}
    return render(request, "indicators/form.html", context, status=status)


@office_only
def indicator_create(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        initial = {"year": clock.today().year, "period_kind": "year", "cumulative": True}
        return _render_form(request, IndicatorForm(initial=initial), None)
    form = IndicatorForm(request.POST)
    if not form.is_valid():
        return _render_form(request, form, None, status=400)
    ind = services.create_indicator(request.user, form.to_data())
    messages.success(request, _("Đã tạo chỉ tiêu."))
    return redirect("indicators:detail", pk=ind.pk)


@office_only
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    ind = _indicator(request.user, pk)
    if request.method != "POST":
        form = IndicatorForm(initial=IndicatorForm.initial_for(ind), agency=ind.agency)
        return _render_form(request, form, ind)
    form = IndicatorForm(request.POST, agency=ind.agency)
    if not form.is_valid():
        return _render_form(request, form, ind, status=400)
    services.update_indicator(request.user, ind, form.to_data())
    messages.success(request, _("Đã lưu chỉ tiêu."))
    return redirect("indicators:detail", pk=ind.pk)
