"""Giao ban counts per agency or per directive, in one grouped query.

Every count is computed from :mod:`chidao.tracking.status`'s conditions, so a number on
the dashboard and the list it links to (filtered by the same condition) always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_noop

from chidao.registry.models import Agency
from chidao.tracking.models import COUNTED_STATES, Assignment, Task
from chidao.tracking.status import (
    Bucket,
    Standing,
    bucket_of,
    bucket_q,
    count_standings,
    due_soon_q,
)

DUE_SOON = Standing.DUE_SOON  # the column of the open rows due within the window
COLUMNS = (*Bucket.ORDER, DUE_SOON)
LABELS = {**Bucket.LABELS, DUE_SOON: gettext_noop("Sắp đến hạn")}


@dataclass
class Row:
    """Counts for one agency or one directive (``key`` is its primary key)."""

    key: int | None
    label: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Assignments in the five buckets (postponed and refused are not counted)."""
        return sum(self.counts.get(b, 0) for b in Bucket.ORDER)

    @property
    def done_rate(self) -> float | None:
        """Share completed (on time or late), or None when there is nothing to count."""
        total = self.total
        if not total:
            return None
        return (self.counts[Bucket.DONE_ON_TIME] + self.counts[Bucket.DONE_LATE]) / total


def _aggregates(today: date, soon_days: int) -> dict[str, Any]:
    # COUNT(state), not COUNT(id): state is never null and, like every column the
    # conditions read, in the covering indexes, so the database counts from the index
    # alone (Django refuses COUNT(*) with a filter)
    aggs: dict[str, Any] = {b: Count("state", filter=bucket_q(b, today)) for b in Bucket.ORDER}
    aggs[DUE_SOON] = Count("state", filter=due_soon_q(today, soon_days))
    return aggs


def totals(qs: QuerySet[Assignment], today: date, soon_days: int = 3) -> Row:
    """The six counts over ``qs`` as one row: its rows' time standings
    (:func:`~chidao.tracking.status.count_standings`, one pass over an index) summed per
    bucket, the same numbers the grouped conditions below give per agency or directive."""
    standings = count_standings(qs, today, soon_days)
    counts = dict.fromkeys(Bucket.ORDER, 0)
    for name, n in standings.items():
        column = bucket_of(name)
        if column is not None:
            counts[column] += n
    counts[DUE_SOON] = standings[Standing.DUE_SOON]
    return Row(None, "Tổng cộng", counts)


def by_agency(qs: QuerySet[Assignment], today: date, soon_days: int = 3) -> list[Row]:
    """One row per agency with at least one assignment in ``qs``, by agency name.

    Grouped on ``agency_id`` alone, the names read afterwards: joining the agency table
    into the million-row GROUP BY makes PostgreSQL sort the whole table."""
    grouped = qs.order_by().values("agency_id").annotate(**_aggregates(today, soon_days))
    counts = {g.pop("agency_id"): g for g in grouped}
    names = Agency.objects.filter(pk__in=counts).order_by("name").values_list("pk", "name")
    return [Row(pk, name, counts[pk]) for pk, name in names]


def agencies_with_work(qs: QuerySet[Assignment]) -> QuerySet[Agency]:
    """The agencies with at least one assignment in ``qs``, by name: one index probe per
    agency, so a page of the agency table is found without counting anything."""
    return Agency.objects.filter(Exists(qs.filter(agency_id=OuterRef("pk")))).order_by("name", "pk")


def by_document(
    qs: QuerySet[Assignment], today: date, soon_days: int = 3, *, limit: int | None = None
) -> list[Row]:
    """One row per directive with at least one assignment in ``qs``, newest first; with
    ``limit``, only the newest ``limit`` directives (found by walking the directives
    newest first, one index probe each, not by a DISTINCT over the assignments)."""
    if limit is not None:
        directive = apps.get_model("documents", "Document")
        newest = (
            directive._default_manager.filter(Exists(qs.filter(document_id=OuterRef("pk"))))
            .order_by("-pk")
            .values_list("pk", flat=True)
        )
        qs = qs.filter(document_id__in=list(newest[:limit]))
    grouped = (
        qs.order_by()
        .values("document_id")
        .annotate(**_aggregates(today, soon_days))
        .order_by("-document_id")
    )
    rows = [Row(g.pop("document_id"), "", g) for g in grouped]
    titles = _titles([r.key for r in rows if r.key is not None])
    for r in rows:
        r.label = titles.get(r.key, "") if r.key is not None else ""
    return rows


def _titles(keys: list[int]) -> dict[int, str]:
    """Each directive's title ("Công văn 2658/UBND-KT", else its file name).

    The documents app sits above tracking (its review creates the tasks), so tracking
    names the model by its app label, as the assignments' foreign key does, and never
    imports it (tests/test_import_graph.py)."""
    directive = apps.get_model("documents", "Document")
    rows = directive._default_manager.filter(pk__in=keys).only("kind", "number", "filename")
    return {d.pk: str(d) for d in rows}


def task_count(qs: QuerySet[Assignment]) -> int:
    """How many tasks the counted assignments of ``qs`` belong to: a task given to five
    agencies is five assignments (lượt giao) and one task (nhiệm vụ). Asked task by task
    (EXISTS on the task's assignments), not as a DISTINCT over a million assignments;
    the condition is the partial index ``asg_task_counted``'s own (the same states, in
    the same order), so each probe reads that index alone, never a row."""
    counted = qs.filter(task_id=OuterRef("pk"), state__in=COUNTED_STATES)
    return Task.objects.filter(Exists(counted)).count()


@dataclass
class Overdue:
    """Đang thực hiện quá hạn today: how many, and the agencies and directives with the
    most (``limit`` of each, most first; a row's ``counts`` holds the one bucket)."""

    total: int
    agencies: list[Row]
    documents: list[Row]


def overdue(qs: QuerySet[Assignment], today: date, limit: int = 5) -> Overdue:
    """The overdue assignments of ``qs`` counted per agency and per directive: one pass
    over them (GROUPING SETS) on PostgreSQL, two grouped queries elsewhere."""
    late = qs.filter(bucket_q(Bucket.OPEN_LATE, today)).order_by()
    per_agency, per_document = _grouped_twice(late, "agency_id", "document_id")
    agencies = _worst(per_agency, limit)
    names = dict(Agency.objects.filter(pk__in=agencies).values_list("pk", "name"))
    documents = _worst(per_document, limit)
    titles = _titles(list(documents))
    return Overdue(
        sum(per_agency.values()),
        [Row(k, names.get(k, ""), {Bucket.OPEN_LATE: n}) for k, n in agencies.items()],
        [Row(k, titles.get(k, ""), {Bucket.OPEN_LATE: n}) for k, n in documents.items()],
    )


def _count_per(qs: QuerySet[Assignment], key: str) -> dict[int, int]:
    return dict(qs.values_list(key).annotate(n=Count("pk")).values_list(key, "n"))


def _worst(counts: dict[int, int], limit: int) -> dict[int, int]:
    """The ``limit`` largest counts, largest first (ties by key, so the order is stable)."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


def _grouped_twice(
    qs: QuerySet[Assignment], a: str, b: str
) -> tuple[dict[int, int], dict[int, int]]:
    """Rows of ``qs`` counted per ``a`` and per ``b`` (neither column is ever null)."""
    if connection.vendor != "postgresql":
        return _count_per(qs, a), _count_per(qs, b)
    sql, params = qs.values(a, b).query.sql_with_params()
    grouped = f"SELECT {a}, {b}, COUNT(*) FROM ({sql}) AS r GROUP BY GROUPING SETS (({a}), ({b}))"
    first: dict[int, int] = {}
    second: dict[int, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(grouped, params)
        for x, y, n in cursor.fetchall():
            if x is not None:
                first[x] = n
            else:
                second[y] = n
    return first, second


def column_q(name: str, today: date, soon_days: int = 3) -> Q:
    """The filter behind a dashboard column, for the list a count links to."""
    if name == DUE_SOON:
        return due_soon_q(today, soon_days)
    return bucket_q(name, today)
