"""The Office corrects a document's facts on its page (chidao/documents/facts.py does it)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.accounts.decorators import office_only
from chidao.common.errors import ActionError

from .facts import correct_facts as correct
from .facts_form import FactsForm
from .permissions import visible_documents
from .views_ingest import detail_page


@office_only
@require_POST
def correct_facts(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(visible_documents(request.user), pk=pk)
    form = FactsForm(request.POST, prefix="facts")
    if not form.is_valid():
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else str(error))
        return detail_page(request, document, facts_form=form, status=400)
    try:
        names = correct(
            request.user, document, form.facts(), read_version=form.cleaned_data["version"]
        )
    except ActionError as exc:
        messages.error(request, str(exc))
        return redirect("documents:detail", pk=document.pk)
    if names:
        labels = ", ".join(str(form.fields[n].label) for n in names)
        messages.success(request, _("Đã sửa: %(fields)s.") % {"fields": labels})
    else:
        messages.info(request, _("Thông tin văn bản không thay đổi."))
    return redirect("documents:detail", pk=document.pk)
