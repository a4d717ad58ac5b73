"""The review card's agency actions, one click each: put the successor in place of a
dissolved or merged body, and register a name outside the registry ("ngoài danh mục")
as a new agency pending the administrator's confirmation.

Both are sent from inside the candidate's form, so the reviewer's unsaved edits travel
with them; they are saved through review.save_candidate (version check and history),
and answered like the card's own actions (views_review).
"""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.accounts.decorators import office_only
from chidao.common import clock
from chidao.common.errors import ActionError
from chidao.common.params import is_id
from chidao.registry import proposals, succession
from chidao.registry.models import Agency

from . import review
from .forms import VersionedCandidateForm
from .models import Candidate
from .review import CandidateEdit
from .views_review import _back, _candidate, _card_fragment, _error_texts, _htmx


def _swap(ids: list[int], old: int, new: int) -> list[int]:
    return list(dict.fromkeys(new if pk == old else pk for pk in ids))


def _answer(
    request: HttpRequest, candidate: Candidate, notes: list[tuple[str, str]]
) -> HttpResponse:
    if _htmx(request):
        return _card_fragment(request, candidate, notes)
    for level, text in notes:
        getattr(messages, level)(request, text)
    return _back(candidate.document, candidate)


def _posted_edit(request: HttpRequest, candidate: Candidate) -> tuple[CandidateEdit, int]:
    form = VersionedCandidateForm(request.POST, prefix=f"c{candidate.pk}")
    if not form.is_valid():
        raise ActionError(" ".join(_error_texts(form)))
    return form.edit(), form.cleaned_data["version"]


@office_only
@require_POST
def successor(request: HttpRequest, pk: int) -> HttpResponse:
    """Replace body ``replace`` (lead or support) by the body that took it over."""
    candidate = _candidate(request, pk)
    try:
        old = _chosen_agency(request.POST.get("replace", ""))
        gone = succession.ended(old, clock.today())
        if gone is None or gone.successor is None:
            raise ActionError(_("“%(name)s” không có đơn vị kế thừa.") % {"name": old.name})
        edit, version = _posted_edit(request, candidate)
        new = gone.successor.pk
        edit = replace(edit, lead=_swap(list(edit.lead), old.pk, new))
        edit = replace(edit, support=_swap(list(edit.support), old.pk, new))
        review.save_candidate(request.user, candidate, edit, read_version=version)
    except ActionError as exc:
        return _answer(request, candidate, [("error", str(exc))])
    text = _("Mục %(n)s: “%(old)s” được thay bằng “%(new)s”.") % {
        "n": candidate.order,
        "old": old.name,
        "new": gone.successor.name,
    }
    return _answer(request, candidate, [("success", text)])


def _chosen_agency(value: str) -> Agency:
    found = Agency.objects.filter(pk=int(value)).first() if is_id(value) else None
    if found is None:
        raise ActionError(_("Đơn vị đã chọn không hợp lệ."))
    return found


@office_only
@require_POST
def unlisted(request: HttpRequest, pk: int) -> HttpResponse:
    """Register a name outside the registry as a new agency and add it as lead
    (``new_lead``) or support (``new_support``); the name leaves the card's list."""
    candidate = _candidate(request, pk)
    as_lead = "new_lead" in request.POST
    name = request.POST.get("new_lead" if as_lead else "new_support", "")
    try:
        if name not in candidate.unmatched:
            raise ActionError(_("Tên này không có trong danh sách ngoài danh mục của mục này."))
        with transaction.atomic():
            edit, version = _posted_edit(request, candidate)
            agency = proposals.propose(request.user, name, document=candidate.document)
            if as_lead:
                edit = replace(edit, lead=[*edit.lead, agency.pk])
            else:
                edit = replace(edit, support=[*edit.support, agency.pk])
            review.save_candidate(request.user, candidate, edit, read_version=version)
            left = [n for n in candidate.unmatched if n != name]
            Candidate.objects.filter(pk=candidate.pk).update(unmatched=left)
    except ActionError as exc:
        return _answer(request, candidate, [("error", str(exc))])
    text = _("Mục %(n)s: đã thêm “%(name)s” (đơn vị mới, chờ quản trị xác nhận).") % {
        "n": candidate.order,
        "name": agency.name,
    }
    return _answer(request, candidate, [("success", text)])
