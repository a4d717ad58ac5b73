"""What the list pages ask of the database: filters read from the query string, tab counts,
and a page of rows in one query plus one (capped) count.

Every filter is a condition from :mod:`chidao.tracking.status` or
:func:`chidao.tracking.dashboard.column_q`, so a list always agrees with the dashboard
count that links to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet

from chidao.tracking import dashboard
from chidao.tracking.models import Assignment, State
from chidao.tracking.status import Standing, standing, standing_q

PAGE_SIZE = 50
# Counting every row of a million-row filter costs more than the page itself; past this
# many the list says "more than N" (dashboard counts are exact and link here).
COUNT_CAP = 10_000
MAX_SOON_DAYS = 60
MAX_PAGE = 20_000  # a million rows at 50 a page; keeps OFFSET within reason

STANDING_TABS = (
    Standing.OVERDUE,
    Standing.DUE_SOON,
    Standing.ON_TIME,
    Standing.NO_DEADLINE,
    Standing.DONE_ON_TIME,
    Standing.DONE_LATE,
)
BUCKETS = dashboard.COLUMNS


def default_soon_days() -> int:
    return int(settings.CHIDAO_DUE_SOON_DAYS)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


@dataclass
class ListFilters:
    """The list filters, read from a query string; unknown values are ignored."""

    state: str = ""
    standing: str = ""
    bucket: str = ""
    agency: int | None = None
    document: int | None = None
    q: str = ""
    page: int = 1
    soon_days: int = field(default_factory=default_soon_days)

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> ListFilters:
        state = params.get("state", "")
        stand = params.get("standing", "")
        bucket = params.get("bucket", "")
        soon = _int_or_none(params.get("sap_den_han"))
        return cls(
            state=state if state in State.values else "",
            standing=stand if stand in Standing.LABELS else "",
            bucket=bucket if bucket in BUCKETS else "",
            agency=_int_or_none(params.get("agency")),
            document=_int_or_none(params.get("document")),
            q=params.get("q", "").strip()[:200],
            page=min(max(1, _int_or_none(params.get("page")) or 1), MAX_PAGE),
            soon_days=default_soon_days() if soon is None else min(max(soon, 0), MAX_SOON_DAYS),
        )

    def query(self, **overrides: Any) -> str:
        """The query string of these filters (without the page), with ``overrides``."""
        values: dict[str, Any] = {
            "state": self.state,
            "standing": self.standing,
            "bucket": self.bucket,
            "agency": self.agency,
            "document": self.document,
            "q": self.q,
        }
        if self.soon_days != default_soon_days():
            values["sap_den_han"] = self.soon_days
        values.update(overrides)
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})

    @property
    def custom_soon_days(self) -> int | None:
        """The "sắp đến hạn" window when it is not the configured default."""
        return None if self.soon_days == default_soon_days() else self.soon_days

    @property
    def active(self) -> bool:
        return bool(
            self.state or self.standing or self.bucket or self.agency or self.document or self.q
        )


def apply_filters(
    qs: QuerySet[Assignment],
    f: ListFilters,
    today: date,
    *,
    skip: tuple[str, ...] = (),
) -> QuerySet[Assignment]:
    """``qs`` narrowed by every filter of ``f`` except those named in ``skip``."""
    if f.state and "state" not in skip:
        qs = qs.filter(state=f.state)
    if f.standing and "standing" not in skip:
        qs = qs.filter(standing_q(f.standing, today, f.soon_days))
    if f.bucket:
        qs = qs.filter(dashboard.column_q(f.bucket, today, f.soon_days))
    if f.agency is not None:
        qs = qs.filter(agency_id=f.agency)
    if f.document is not None:
        qs = qs.filter(document_id=f.document)
    if f.q:
        qs = qs.filter(Q(task__text__icontains=f.q) | Q(document__number__icontains=f.q))
    return qs


def ordered(qs: QuerySet[Assignment]) -> QuerySet[Assignment]:
    """By deadline (none last, on every database), then by id; with what a row shows."""
    return qs.select_related("task", "document", "agency").order_by(
        F("deadline").asc(nulls_last=True), "id"
    )


def state_counts(qs: QuerySet[Assignment]) -> dict[str, int]:
    """Rows per workflow state (every state present, zero when none), in one query."""
    aggs = {s: Count("pk", filter=Q(state=s)) for s in State.values}
    counts: dict[str, int] = qs.order_by().aggregate(**aggs)
    return counts


def standing_counts(qs: QuerySet[Assignment], today: date, soon_days: int) -> dict[str, int]:
    """Rows per time standing shown on the tabs, in one query."""
    aggs = {n: Count("pk", filter=standing_q(n, today, soon_days)) for n in STANDING_TABS}
    counts: dict[str, int] = qs.order_by().aggregate(**aggs)
    return counts


@dataclass
class Row:
    """One assignment as a list shows it, with its time standing on ``today``."""

    assignment: Assignment
    standing: str


@dataclass
class Page:
    """A page of rows and how many there are in all (``capped``: at least ``total``)."""

    rows: list[Row]
    number: int
    total: int
    capped: bool
    has_next: bool
    page_size: int = PAGE_SIZE

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def num_pages(self) -> int | None:
        if self.capped:
            return None
        return max(1, -(-self.total // self.page_size))

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.page_size + 1 if self.rows else 0

    @property
    def last_index(self) -> int:
        return (self.number - 1) * self.page_size + len(self.rows)


def capped_count(qs: QuerySet[Assignment], cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many rows ``qs`` has, counting no further than ``cap`` (then ``(cap, True)``)."""
    n = qs.order_by()[: cap + 1].count()
    return (cap, True) if n > cap else (n, False)


def page_of(
    qs: QuerySet[Assignment], number: int, today: date, soon_days: int, *, size: int = PAGE_SIZE
) -> Page:
    """Page ``number`` of ``qs``: one query for the rows, one capped COUNT."""
    total, capped = capped_count(qs)
    if not capped:
        number = min(number, max(1, -(-total // size)))
    start = (number - 1) * size
    fetched = list(ordered(qs)[start : start + size + 1])
    rows = [
        Row(a, standing(a.state, a.deadline, a.done_on, today, soon_days)) for a in fetched[:size]
    ]
    return Page(rows, number, total, capped, has_next=len(fetched) > size, page_size=size)
