"""Bodies a reviewer adds to the registry from a directive ("ngoài danh mục").

The extraction keeps a named assignee that no registry holds as written; at review the
specialist may register it as a new agency. It works like any other at once (tasks go
to it, later directives that name it find it) while it waits for the administrator,
who confirms it or refuses it, naming the registry body it really was when there is one
(that body then takes its tasks, as a successor does).

Who may call: the pages that do check it (the registry sits below accounts, so it cannot
ask for roles itself): documents.views_agencies for the Office, accounts.views_agencies
for the administrator.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _

from chidao.audit.services import record
from chidao.common import clock
from chidao.common.errors import ActionError
from chidao.extract.agencies import fold_search
from chidao.registry.models import Agency, Standing

NAME_MAX = 255


def clean_name(name: str) -> str:
    """The name as a person wrote it: NFC, single spaces; refused when empty or too long."""
    cleaned = " ".join(unicodedata.normalize("NFC", name or "").split())
    if not cleaned:
        raise ActionError(_("Tên đơn vị không được để trống."))
    if len(cleaned) > NAME_MAX:
        raise ActionError(_("Tên đơn vị dài quá %(n)s ký tự.") % {"n": NAME_MAX})
    return cleaned


def same_name(name: str) -> Agency | None:
    """A body not refused whose name or a written form is ``name`` (accents, case and
    spacing aside)."""
    folded = fold_search(name)
    rows = Agency.objects.filter(search_text__contains=folded).exclude(standing=Standing.REJECTED)
    for a in rows.order_by("valid_to", "pk"):
        if folded in a.search_text.split(" | "):
            return a
    return None


def proposed_for(names: list[str]) -> dict[str, int]:
    """Names as written → the reviewer-registered body of that name (pending or confirmed)."""
    wanted = {fold_search(n): n for n in names}
    if not wanted:
        return {}
    rows = Agency.objects.filter(proposed_at__isnull=False).exclude(standing=Standing.REJECTED)
    found: dict[str, int] = {}
    for pk, name in rows.values_list("pk", "name"):
        if fold_search(name) in wanted:
            found[wanted[fold_search(name)]] = pk
    return found


@transaction.atomic
def propose(user: Any, name: str, *, document: Any = None) -> Agency:
    """Register ``name`` as a new agency pending the administrator's confirmation; the body
    already in the registry under that name when there is one (no duplicate)."""
    name = clean_name(name)
    existing = same_name(name)
    if existing is not None:
        return existing
    agency = Agency.objects.create(
        code=_free_code(name),
        name=name,
        standing=Standing.PENDING,
        proposed_by=user,
        proposed_at=clock.now(),
        note=_("Đăng ký khi rà soát văn bản %(doc)s.") % {"doc": document} if document else "",
    )
    record(
        user,
        "agency.proposed",
        f"Đăng ký đơn vị mới ngoài danh mục (chờ quản trị xác nhận): {name}",
        document=document,
        after={"agency": agency.pk, "name": name},
    )
    return agency


def _free_code(name: str) -> str:
    base = ("de-xuat-" + slugify(fold_search(name)))[:70].rstrip("-")
    code, n = base, 1
    while Agency.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


def pending() -> QuerySet[Agency]:
    return Agency.objects.filter(standing=Standing.PENDING).select_related("proposed_by")


def _locked_pending(agency: Agency) -> Agency:
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    if locked.standing != Standing.PENDING:
        raise ActionError(_("Đơn vị “%(name)s” không còn chờ xác nhận.") % {"name": locked.name})
    return locked


@transaction.atomic
def confirm(user: Any, agency: Agency) -> Agency:
    """The administrator keeps the body in the registry."""
    locked = _locked_pending(agency)
    locked.standing = Standing.CONFIRMED
    locked.save(update_fields=["standing"])
    record(user, "agency.confirmed", f"Xác nhận đơn vị mới: {locked.name}")
    return locked


@transaction.atomic
def reject(user: Any, agency: Agency, *, same_as: Agency | None = None) -> Agency:
    """The administrator refuses the body; ``same_as``, the registry body it really was,
    then takes its tasks (registration and the review chips treat it as a successor)."""
    locked = _locked_pending(agency)
    if same_as is not None and (same_as.pk == locked.pk or same_as.standing != Standing.CONFIRMED):
        raise ActionError(_("Chọn một đơn vị đã có trong danh mục."))
    locked.standing = Standing.REJECTED
    locked.successor = same_as
    locked.save(update_fields=["standing", "successor", "search_text"])
    summary = f"Không xác nhận đơn vị mới: {locked.name}"
    if same_as is not None:
        summary += f" (là {same_as.name})"
    record(user, "agency.rejected", summary)
    return locked
