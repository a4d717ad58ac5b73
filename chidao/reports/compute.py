"""The giao ban report: counts per agency, the overdue list and the flagged list.

What a period means. A report for a period (``start`` … ``end``) is taken **as of** the
period's end, or as of today when the period has not ended yet. It counts the assignments
that

- existed by the as-of day (created on or before it), and
- were not completed before the period started (those belong to earlier reports: an
  assignment done in March is in March's report, not in November's).

Each is put in its giao ban bucket by :mod:`chidao.tracking.status`'s rules with
``today`` = the as-of day, with one adjustment: an assignment reported done *after* the
as-of day (``done_on`` later) was still open on that day, so it is judged as an open
assignment (trong hạn / quá hạn / không có hạn on the as-of day). Workflow states that
leave no date behind (tạm hoãn, từ chối) are taken as they are now: such assignments are
in no bucket, as on the dashboard. Reminder counts are all reminders an assignment has
had; the flagged list holds assignments flagged by the as-of day and not cleared.

"Change since the previous period" compares with the period of the same length just
before (:meth:`Period.previous`), computed by the same rules, in the same grouped query.

Cost: the counts for both periods are one grouped query over the assignments; the overdue
list is one query (limited, most overdue first) with the last report as a subquery, plus
the reminder counts; the flagged list the same. Nothing is loaded row by row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from chidao.common.periods import Period
from chidao.documents.models import Document
from chidao.registry.models import Agency
from chidao.reminders.services import flagged as flagged_of
from chidao.reminders.services import reminder_counts
from chidao.tracking.dashboard import task_count
from chidao.tracking.models import Assignment, Report, State
from chidao.tracking.status import Bucket, bucket, bucket_q

OVERDUE_ON_SCREEN = 200
FLAGGED_LIMIT = 1000
_LATER = (State.DONE, State.AWAITING)  # the states that carry a completion day
_ID_CHUNK = 2000


# --- the status rules, as of a day ----------------------------------------------------------


def bucket_as_of(
    state: str, deadline: date | None, done_on: date | None, as_of: date
) -> str | None:
    """The bucket of one assignment on ``as_of`` (see the module docstring)."""
    if state in _LATER and done_on is not None and done_on > as_of:
        return bucket(State.IN_PROGRESS, deadline, None, as_of)
    return bucket(state, deadline, done_on, as_of)


def bucket_as_of_q(name: str, as_of: date) -> Q:
    """:func:`bucket_as_of` as a filter: ``status.bucket_q`` for rows whose completion day is
    not after ``as_of``; rows completed later are judged as open on ``as_of``."""
    later = Q(state__in=_LATER, done_on__gt=as_of)
    as_open = {
        Bucket.OPEN_LATE: Q(deadline__lt=as_of),
        Bucket.OPEN_ON_TIME: Q(deadline__gte=as_of),
        Bucket.NO_DEADLINE: Q(deadline__isnull=True),
    }
    now = ~later & bucket_q(name, as_of)
    if name in as_open:
        return now | (later & as_open[name])
    return now


def day_end(day: date) -> datetime:
    """The first instant after ``day`` in the local time zone (for created_at < …)."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def in_period_q(period: Period, as_of: date) -> Q:
    """The assignments a report for ``period`` counts (see the module docstring)."""
    return Q(created_at__lt=day_end(as_of)) & ~Q(state=State.DONE, done_on__lt=period.start)


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


@dataclass
class AgencyLine:
    agency_id: int | None
    name: str
    now: Counts
    before: Counts

    @property
    def rate_change(self) -> float | None:
        """Completion rate now minus before, in points of 1.0 (0.05 = 5 điểm %)."""
        if self.now.done_rate is None or self.before.done_rate is None:
            return None
        return self.now.done_rate - self.before.done_rate

    @property
    def overdue_change(self) -> int:
        return self.now.get(Bucket.OPEN_LATE) - self.before.get(Bucket.OPEN_LATE)


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
    overdue_limit: int = OVERDUE_ON_SCREEN,
) -> GiaoBan:
    """The report over ``qs`` (what the user may see), narrowed to one agency or one
    directive when given; the overdue list holds at most ``overdue_limit`` rows."""
    if agency is not None:
        qs = qs.filter(agency_id=agency.pk)
    if document is not None:
        qs = qs.filter(document_id=document.pk)
    previous = period.previous()
    as_of, prev_as_of = period.as_of(today), previous.as_of(today)
    lines = _lines(qs, period, as_of, previous, prev_as_of)
    total = AgencyLine(None, "Tổng cộng", Counts(), Counts())
    for line in lines:
        total.now, total.before = total.now + line.now, total.before + line.before
    current = qs.filter(in_period_q(period, as_of))
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
        overdue=_items(overdue[:overdue_limit], as_of),
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
    """Both periods' counts per agency in one grouped query, by agency name."""
    now_q, before_q = in_period_q(period, as_of), in_period_q(previous, prev_as_of)
    aggregates: dict[str, Any] = {}
    for b in Bucket.ORDER:
        aggregates[f"now_{b}"] = Count("pk", filter=now_q & bucket_as_of_q(b, as_of))
        aggregates[f"before_{b}"] = Count("pk", filter=before_q & bucket_as_of_q(b, prev_as_of))
    grouped = qs.filter(now_q | before_q).order_by().values("agency_id").annotate(**aggregates)
    rows = list(grouped)
    names = dict(
        Agency.objects.filter(pk__in=[r["agency_id"] for r in rows]).values_list("pk", "name")
    )
    lines = [
        AgencyLine(
            r["agency_id"],
            names.get(r["agency_id"], ""),
            Counts({b: r[f"now_{b}"] for b in Bucket.ORDER}),
            Counts({b: r[f"before_{b}"] for b in Bucket.ORDER}),
        )
        for r in rows
    ]
    return sorted((ln for ln in lines if ln.now.total), key=lambda ln: ln.name)


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
    reminders = _reminder_counts(r["pk"] for r in rows)
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


def _reminder_counts(ids: Iterable[int]) -> dict[int, int]:
    """reminder_counts in chunks, so a long list stays under the databases' parameter caps."""
    ids = list(ids)
    counts: dict[int, int] = {}
    for i in range(0, len(ids), _ID_CHUNK):
        counts.update(reminder_counts(ids[i : i + _ID_CHUNK]))
    return counts


def _document_label(d: Document) -> str:
    if d.issued_on is None:
        return d.title
    return f"{d.title} ngày {d.issued_on:%d/%m/%Y}"
