"""The giao ban report: counts per agency, the overdue list and the flagged list.

What a period counts is chidao.tracking.status's to say (its module docstring): the as-of
view (:func:`~chidao.tracking.status.counted_q`: what existed by the as-of day and was not
completed before the period started), beside it the in-period view (giao trong kỳ, đến hạn
trong kỳ), each put in its giao ban bucket as of the as-of day. Workflow states that leave
no date behind (tạm hoãn, từ chối) are taken as they are now: such assignments are in no
bucket, as on the dashboard. Reminder counts are all reminders an assignment has had; the
flagged list holds assignments flagged by the as-of day and not cleared.

"Change since the previous period" compares like with like: the period of the same length
just before (:meth:`Period.previous`), computed by the same rules, against this period's
counts of the assignments that already existed then — those given in this period
(:attr:`AgencyLine.given`) did not exist before and are left out of the comparison, and
said so (a directive registered this morning with years of back-filled instances adds
thousands of overdue rows, none of them a change since last month).

Cost: the counts of both periods and of both in-period views are one grouped query over
the assignments; the overdue list is one query (most overdue first, limited or whole) with
the last report as a subquery, plus the reminder counts; the flagged list the same.
Nothing is loaded row by row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery

from chidao.common.periods import Period
from chidao.documents.models import Document
from chidao.registry.models import Agency
from chidao.reminders.models import Reminder
from chidao.reminders.services import flagged as flagged_of
from chidao.tracking.dashboard import task_count
from chidao.tracking.models import Assignment, Report, State
from chidao.tracking.status import (
    Bucket,
    bucket_as_of_q,
    counted_q,
    day_end,
    due_q,
    given_q,
)

OVERDUE_ON_SCREEN = 200
FLAGGED_LIMIT = 1000
_LATER = (State.DONE, State.AWAITING)  # the states that carry a completion day
_VIEWS = ("now", "before", "given", "due")


# --- the result -------------------------------------------------------------------------------


@dataclass
class Counts:
    """The five counts of one agency (or of the total) in one period."""

    values: dict[str, int] = field(default_factory=dict)

    def get(self, name: str) -> int:
        return self.values.get(name, 0)

    @property
    def total(self) -> int:
        return sum(self.get(b) for b in Bucket.ORDER)

    @property
    def done(self) -> int:
        return self.get(Bucket.DONE_ON_TIME) + self.get(Bucket.DONE_LATE)

    @property
    def done_rate(self) -> float | None:
        """Share completed (on time or late), None when there is nothing to count."""
        return self.done / self.total if self.total else None

    @property
    def on_time_rate(self) -> float | None:
        """Share of the completed ones completed on time."""
        return self.get(Bucket.DONE_ON_TIME) / self.done if self.done else None

    def __add__(self, other: Counts) -> Counts:
        return Counts({b: self.get(b) + other.get(b) for b in Bucket.ORDER})

    def __sub__(self, other: Counts) -> Counts:
        return Counts({b: self.get(b) - other.get(b) for b in Bucket.ORDER})


@dataclass
class AgencyLine:
    """One agency's counts: ``now`` (the as-of view), ``before`` (the previous period's),
    ``given`` (those of ``now`` given in the period) and ``due`` (due in the period)."""

    agency_id: int | None
    name: str
    now: Counts = field(default_factory=Counts)
    before: Counts = field(default_factory=Counts)
    given: Counts = field(default_factory=Counts)
    due: Counts = field(default_factory=Counts)

    @property
    def same(self) -> Counts:
        """``now`` of the assignments that existed in the previous period too: the side of
        the comparison that is like ``before``."""
        return self.now - self.given

    @property
    def rate_change(self) -> float | None:
        """Completion rate of :attr:`same` minus before, in points of 1.0 (0.05 = 5 điểm %)."""
        if self.same.done_rate is None or self.before.done_rate is None:
            return None
        return self.same.done_rate - self.before.done_rate

    def change(self, name: str) -> int:
        """Change of one count since the previous period, like with like."""
        return self.same.get(name) - self.before.get(name)

    @property
    def overdue_change(self) -> int:
        return self.change(Bucket.OPEN_LATE)

    def __add__(self, other: AgencyLine) -> AgencyLine:
        views = {v: getattr(self, v) + getattr(other, v) for v in _VIEWS}
        return AgencyLine(self.agency_id, self.name, **views)


@dataclass
class Item:
    """One assignment of the overdue or flagged list."""

    pk: int
    agency: str
    task: str
    document: str
    deadline: date | None
    days_late: int | None
    progress: int
    state: str
    last_report: str
    last_report_at: datetime | None
    reminders: int
    flagged_at: datetime | None = None


@dataclass
class GiaoBan:
    period: Period
    previous: Period
    as_of: date
    previous_as_of: date
    today: date
    scope: str
    agency: Agency | None
    document: Document | None
    lines: list[AgencyLine]
    total: AgencyLine
    overdue: list[Item]
    flagged: list[Item]
    # indicators (chỉ tiêu) of the period, chidao.indicators.services.IndicatorRow
    indicators: list[Any] = field(default_factory=list)
    # the tasks (nhiệm vụ) the counted assignments (lượt giao) belong to
    task_total: int = 0

    @property
    def new_total(self) -> int:
        """Assignments given in the period: counted, but not in the comparison."""
        return self.total.given.total

    @property
    def overdue_total(self) -> int:
        return self.total.now.get(Bucket.OPEN_LATE)

    @property
    def overdue_more(self) -> int:
        """Overdue assignments counted but not listed (the list is limited)."""
        return max(0, self.overdue_total - len(self.overdue))


# --- building it ------------------------------------------------------------------------------


def build(
    qs: QuerySet[Assignment],
    period: Period,
    today: date,
    *,
    agency: Agency | None = None,
    document: Document | None = None,
    overdue_limit: int | None = OVERDUE_ON_SCREEN,
) -> GiaoBan:
    """The report over ``qs`` (what the user may see), narrowed to one agency or one
    directive when given; the overdue list holds at most ``overdue_limit`` rows (all of
    them when None)."""
    if agency is not None:
        qs = qs.filter(agency_id=agency.pk)
    if document is not None:
        qs = qs.filter(document_id=document.pk)
    previous = period.previous()
    as_of, prev_as_of = period.as_of(today), previous.as_of(today)
    lines = _lines(qs, period, as_of, previous, prev_as_of)
    total = sum(lines, AgencyLine(None, "Tổng cộng"))
    current = qs.filter(counted_q(period.start, as_of))
    overdue = current.filter(bucket_as_of_q(Bucket.OPEN_LATE, as_of)).order_by("deadline", "id")
    flagged = flagged_of(current).filter(giao_ban_flag__flagged_at__lt=day_end(as_of))
    return GiaoBan(
        period=period,
        previous=previous,
        as_of=as_of,
        previous_as_of=prev_as_of,
        today=today,
        scope=scope_label(agency, document),
        agency=agency,
        document=document,
        lines=lines,
        total=total,
        overdue=_items(overdue[:overdue_limit] if overdue_limit is not None else overdue, as_of),
        flagged=_items(
            flagged.order_by("-giao_ban_flag__flagged_at", "id")[:FLAGGED_LIMIT], as_of, True
        ),
        task_total=task_count(current),
    )


def scope_label(agency: Agency | None, document: Document | None) -> str:
    parts = []
    if agency is not None:
        parts.append(agency.name)
    if document is not None:
        parts.append(document.title)
    return " · ".join(parts) or "Toàn thành phố"


def _lines(
    qs: QuerySet[Assignment], period: Period, as_of: date, previous: Period, prev_as_of: date
) -> list[AgencyLine]:
    """Every view's counts per agency in one grouped query, by agency name."""
    now_q = counted_q(period.start, as_of)
    views = {
        "now": (now_q, as_of),
        "before": (counted_q(previous.start, prev_as_of), prev_as_of),
        "given": (now_q & given_q(period.start, as_of), as_of),
        "due": (due_q(period.start, period.end, as_of), as_of),
    }
    aggregates: dict[str, Any] = {
        f"{view}_{b}": Count("pk", filter=where & bucket_as_of_q(b, day))
        for view, (where, day) in views.items()
        for b in Bucket.ORDER
    }
    anywhere = views["now"][0] | views["before"][0] | views["due"][0]
    rows = list(qs.filter(anywhere).order_by().values("agency_id").annotate(**aggregates))
    names = dict(
        Agency.objects.filter(pk__in=[r["agency_id"] for r in rows]).values_list("pk", "name")
    )
    lines = [
        AgencyLine(
            r["agency_id"],
            names.get(r["agency_id"], ""),
            **{view: Counts({b: r[f"{view}_{b}"] for b in Bucket.ORDER}) for view in views},
        )
        for r in rows
    ]
    return sorted((ln for ln in lines if ln.now.total or ln.due.total), key=lambda ln: ln.name)


def _items(qs: QuerySet[Assignment], as_of: date, with_flag: bool = False) -> list[Item]:
    """The list rows, with each one's last report up to the as-of day and reminder count."""
    last = Report.objects.filter(assignment=OuterRef("pk"), created_at__lt=day_end(as_of))
    last = last.order_by("-created_at", "-id")
    fields = ["pk", "agency__name", "task__text", "document_id", "deadline", "progress", "state"]
    fields.append("done_on")
    if with_flag:
        fields.append("giao_ban_flag__flagged_at")
    rows = list(
        qs.annotate(
            last_text=Subquery(last.values("text")[:1]),
            last_at=Subquery(last.values("created_at")[:1]),
        ).values(*fields, "last_text", "last_at")
    )
    reminders = _reminder_counts(qs)
    titles = {
        d.pk: _document_label(d)
        for d in Document.objects.filter(pk__in={r["document_id"] for r in rows}).only(
            "kind", "number", "issued_on", "filename"
        )
    }
    return [
        Item(
            pk=r["pk"],
            agency=r["agency__name"],
            task=r["task__text"],
            document=titles.get(r["document_id"], ""),
            deadline=r["deadline"],
            days_late=_days_late(r["state"], r["deadline"], r["done_on"], as_of),
            progress=r["progress"],
            state=r["state"],
            last_report=r["last_text"] or "",
            last_report_at=r["last_at"],
            reminders=reminders.get(r["pk"], 0),
            flagged_at=r.get("giao_ban_flag__flagged_at"),
        )
        for r in rows
    ]


def _days_late(state: str, deadline: date | None, done_on: date | None, as_of: date) -> int | None:
    """Days past the deadline on ``as_of``; a completion reported by then (awaiting the
    Office) stops the count on the day it was reported."""
    if deadline is None:
        return None
    if state in _LATER and done_on is not None and done_on <= as_of:
        return (done_on - deadline).days
    return (as_of - deadline).days


def _reminder_counts(qs: QuerySet[Assignment]) -> dict[int, int]:
    """How many reminders each assignment of the list had (those with any), in one grouped
    query over the list's own query: a list of 80,000 ids sent back in chunks took twenty
    times as long."""
    rows = (
        Reminder.objects.filter(assignment__in=qs.values("pk"))
        .order_by()
        .values_list("assignment_id")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def _document_label(d: Document) -> str:
    if d.issued_on is None:
        return d.title
    return f"{d.title} ngày {d.issued_on:%d/%m/%Y}"
