"""Indicators proposed from a document's text, for the Office to accept or skip."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from chidao.common.errors import NotAllowed
from chidao.common.periods import ROMAN
from chidao.documents.models import Document
from chidao.extract.indicators import IndicatorProposal, find_indicators
from chidao.indicators.models import Indicator, PeriodKind, SkippedProposal
from chidao.indicators.services import can_manage
from chidao.registry.models import Agency

PENDING, ACCEPTED, SKIPPED = "pending", "accepted", "skipped"

_QUARTER = re.compile(r"quý\s+([IV]{1,3}|[1-4])", re.IGNORECASE)
_MONTH = re.compile(r"tháng\s+(1[0-2]|0?[1-9])\s*(?:/|năm)", re.IGNORECASE)
_ROMAN = {numeral: n for n, numeral in enumerate(ROMAN, 1)}


@dataclass(frozen=True)
class Proposal:
    """A proposal with what became of it and the registry body it names."""

    found: IndicatorProposal
    state: str  # PENDING | ACCEPTED | SKIPPED
    indicator: Indicator | None
    agency: Agency | None

    @property
    def key(self) -> str:
        return f"{self.found.start}-{self.found.end}"


def match_agency(name: str | None) -> Agency | None:
    """The registry body of that name; a dissolved one's successor when it has one."""
    if not name:
        return None
    found = Agency.objects.filter(name=name).order_by("valid_to", "id").first()
    if found is None:
        found = Agency.objects.filter(full_name=name).order_by("valid_to", "id").first()
    if found is not None and found.valid_to is not None and found.successor_id is not None:
        return found.successor
    return found


def initial_period(p: IndicatorProposal) -> tuple[str, int | None, int | None]:
    """(kind, year, month or quarter number) suggested by the proposal's period text."""
    m = _QUARTER.search(p.period)
    if m:
        number = _ROMAN.get(m.group(1).upper()) or int(m.group(1))
        return PeriodKind.QUARTER, p.year, number
    m = _MONTH.search(p.period)
    if m:
        return PeriodKind.MONTH, p.year, int(m.group(1))
    return PeriodKind.YEAR, p.year, None


def proposals_for(document: Document) -> list[Proposal]:
    """What the extractor proposes in ``document.text`` and what the Office decided."""
    year = document.issued_on.year if document.issued_on else None
    found = find_indicators(document.text, default_year=year)
    accepted = {
        (i.source_start, i.source_end): i
        for i in Indicator.objects.filter(document=document, source_start__isnull=False)
    }
    skipped = set(SkippedProposal.objects.filter(document=document).values_list("start", "end"))
    out = []
    for p in found:
        ind = accepted.get((p.start, p.end))
        state = ACCEPTED if ind else SKIPPED if (p.start, p.end) in skipped else PENDING
        out.append(Proposal(p, state, ind, match_agency(p.agency)))
    return out


@transaction.atomic
def skip_proposal(user: Any, document: Document, start: int, end: int) -> None:
    if not can_manage(user):
        raise NotAllowed(_("Chỉ Văn phòng được rà soát chỉ tiêu."))
    SkippedProposal.objects.get_or_create(
        document=document, start=start, end=end, defaults={"skipped_by": user}
    )
