"""The Office reviews the indicators proposed from one document's text (Office only)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.accounts.decorators import office_only
from chidao.common.periods import period_label
from chidao.documents.highlight import Span, highlight
from chidao.documents.models import Document
from chidao.indicators import review, services
from chidao.indicators.forms import COMMON_UNITS, IndicatorForm


def _initial(p: review.Proposal) -> dict[str, Any]:
    kind, year, number = review.initial_period(p.found)
    return {
        "name": p.found.name,
        "unit": p.found.unit,
        "target": p.found.value,
        "direction": p.found.direction,
        "cumulative": p.found.unit != "%",
        "period_kind": kind,
        "year": year,
        "number": number,
        "agency": p.agency,
    }


def _render(
    request: HttpRequest,
    document: Document,
    bound: tuple[str, IndicatorForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    items: list[dict[str, Any]] = []
    for p in review.proposals_for(document):
        f = p.found
        sentence = document.text[f.sentence_start : f.sentence_end]
        span = Span(f.start - f.sentence_start, f.end - f.sentence_start, _("Chỉ tiêu"))
        if bound is not None and bound[0] == p.key:
            form = bound[1]
        else:
            form = IndicatorForm(prefix=f"p{p.key}", initial=_initial(p), agency=p.agency)
        items.append({"p": p, "sentence": highlight(sentence, [span]), "form": form})
    context = {
        "document": document,
        "items": items,
        "pending": sum(1 for i in items if i["p"].state == review.PENDING),
        "units": COMMON_UNITS,
        "indicators": [
            (i, period_label(i.period_start, i.period_end))
            for i in document.indicators.select_related("agency").order_by("id")
        ],
    }
    return render(request, "indicators/review.html", context, status=status)


@office_only
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    return _render(request, get_object_or_404(Document, pk=pk))


def _offsets(request: HttpRequest) -> tuple[int, int] | None:
    start, end = request.POST.get("start", ""), request.POST.get("end", "")
    if not (start.isdigit() and end.isdigit()) or int(start) >= int(end):
        return None
    return int(start), int(end)


@office_only
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Create an indicator from one proposal, as corrected in its form."""
    document = get_object_or_404(Document, pk=pk)
    offsets = _offsets(request)
    if offsets is None:
        messages.error(request, _("Đề xuất không hợp lệ."))
        return redirect("indicators:review", pk=pk)
    key = f"{offsets[0]}-{offsets[1]}"
    form = IndicatorForm(request.POST, prefix=f"p{key}")
    if not form.is_valid():
        messages.error(request, _("Vui lòng kiểm tra lại thông tin đã nhập."))
        return _render(request, document, (key, form), status=400)
    services.create_indicator(request.user, form.to_data(), document=document, source=offsets)
    messages.success(request, _("Đã tạo chỉ tiêu từ đề xuất."))
    return redirect(reverse("indicators:review", args=[pk]) + f"#de-xuat-{key}")


@office_only
@require_POST
def skip(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    offsets = _offsets(request)
    if offsets is not None:
        review.skip_proposal(request.user, document, *offsets)
        messages.success(request, _("Đã bỏ qua đề xuất."))
    return redirect("indicators:review", pk=pk)
