"""The document's facts as the Office corrects them: kind, number, date, issuer, signer,
subject. What the engine read is a proposal; a specialist may set each fact right at any
time, and every correction is kept in the history with the values before and after."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from chidao.accounts.roles import is_office
from chidao.audit.services import changed, record
from chidao.common.errors import Conflict, NotAllowed

from .models import Document

FIELDS = ("kind", "number", "issued_on", "issuer", "signer", "subject")


@dataclass(frozen=True)
class Facts:
    kind: str
    number: str
    issued_on: date | None
    issuer: str
    signer: str
    subject: str


def facts_of(document: Document) -> Facts:
    return Facts(**{name: getattr(document, name) for name in FIELDS})


def correct_facts(user: Any, document: Document, facts: Facts, *, read_version: int) -> list[str]:
    """Write ``facts`` over the document's, at the version the user read; the names of
    the fields that changed (none: nothing is written, no history). Raises NotAllowed
    for anyone but the Office, Conflict when someone corrected the document meanwhile."""
    if not is_office(user):
        raise NotAllowed(_("Chỉ chuyên viên Văn phòng mới sửa được thông tin văn bản."))
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if locked.version != read_version:
            raise Conflict(
                _(
                    "Người khác vừa sửa thông tin văn bản này. Tải lại trang để xem nội dung "
                    "mới rồi sửa lại."
                )
            )
        before, after = changed(asdict(facts_of(locked)), asdict(facts))
        if not after:
            return []
        for name, value in after.items():
            setattr(locked, name, value)
        locked.version = F("version") + 1
        locked.save(update_fields=[*after, "version"])
        locked.refresh_from_db(fields=["version"])
        record(
            user,
            "document.corrected",
            _summary(list(after)),
            document=locked,
            before=before,
            after=after,
        )
    for name in [*after, "version"]:
        setattr(document, name, getattr(locked, name))
    return list(after)


def _summary(names: list[str]) -> str:
    labels = {f.name: str(f.verbose_name) for f in Document._meta.fields}
    return "Sửa thông tin văn bản: " + ", ".join(labels[n] for n in names)
