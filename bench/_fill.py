"""Fill a migrated chidao database with a realistic load for bench_tracking.py.

Agencies: the registry's bodies (sync_registry) plus synthetic communes up to the number
asked. Documents and tasks go in through the ORM (a few thousand rows); assignments, the
million, go in through COPY on PostgreSQL and one executemany transaction on SQLite.

The shape: a task is given to a few agencies (most), to a list of ten to forty (some), or
to a whole group such as "UBND các xã, phường" (one in seven). Some agencies are named
far more often than others (Sở Tài chính first, the officer of the demo cast). Deadlines
run from about two and a half years ago to a year ahead of today; most past work is
done (on time or late), some is overdue, some awaits confirmation, a few are postponed
or refused; about one in twenty tasks has no deadline and one assignment in twenty had
its deadline extended.
"""

from __future__ import annotations

import hashlib
import heapq
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import connection, transaction

from chidao.documents.models import Document, DocumentStatus
from chidao.registry.models import Agency
from chidao.registry.services import sync_registry
from chidao.tracking.models import Role, State, Task

HEAVY_FIRST = ("so-tai-chinh", "so-y-te")  # the cast's officers: the biggest agencies
KINDS = ("Kế hoạch", "Công văn", "Chỉ thị", "Quyết định", "Thông báo")
SIGNS = ("KH-UBND", "UBND-KT", "CT-UBND", "QĐ-UBND", "TB-VP")
COLUMNS = (
    "task_id", "document_id", "agency_id", "role", "state", "deadline", "original_deadline",
    "done_on", "progress", "last_report_at", "created_at", "updated_at", "version",
)  # fmt: skip
OPEN = (State.NOT_STARTED, State.IN_PROGRESS, State.IN_PROGRESS, State.IN_PROGRESS, State.REDO)


@dataclass(frozen=True)
class Plan:
    assignments: int
    tasks: int
    agencies: int
    documents: int
    today: date
    seed: int = 20261121


def agencies(plan: Plan) -> list[int]:
    """Agency ids, heaviest first: the registry's, then synthetic communes up to the plan."""
    sync_registry()
    have = Agency.objects.filter(valid_to__isnull=True).count()
    Agency.objects.bulk_create(
        Agency(
            code=f"bench-xa-{i}",
            name=f"UBND xã Thử Nghiệm {i}",
            kind="UBND cấp xã",
            search_text=f"ubnd xa thu nghiem {i}",
        )
        for i in range(max(0, plan.agencies - have))
    )
    ids = dict(Agency.objects.filter(valid_to__isnull=True).values_list("code", "id"))
    heavy = [ids.pop(code) for code in HEAVY_FIRST if code in ids]
    rest = sorted(ids.values())
    random.Random(plan.seed).shuffle(rest)
    return (heavy + rest)[: plan.agencies]


def documents(plan: Plan, office: Any) -> list[tuple[int, date]]:
    """``plan.documents`` registered directives issued over the last two and a half years."""
    rng = random.Random(plan.seed + 1)
    now = datetime.now(UTC)
    rows = []
    for i in range(plan.documents):
        issued = plan.today - timedelta(days=rng.randint(-90, 900))
        kind = rng.randrange(len(KINDS))
        text = (
            f"{KINDS[kind]} số {i + 1}/{SIGNS[kind]} về việc triển khai nhiệm vụ năm {issued.year}."
        )
        rows.append(
            Document(
                sha256=hashlib.sha256(f"bench-{i}".encode()).hexdigest(),
                original=f"originals/bench-{i}.txt",
                filename=f"van-ban-{i + 1}.txt",
                size=len(text.encode()),
                format="txt",
                kind=KINDS[kind],
                number=f"{i + 1}/{SIGNS[kind]}",
                issued_on=issued,
                issuer="UBND thành phố Hà Nội",
                signer="Phạm Quốc Hưng",
                subject=f"Triển khai nhiệm vụ trọng tâm số {i + 1}",
                text=text,
                status=DocumentStatus.REGISTERED,
                uploaded_by=office,
                registered_by=office,
                registered_at=now,
            )
        )
    Document.objects.bulk_create(rows, batch_size=1000)
    return list(Document.objects.order_by("id").values_list("id", "issued_on"))


def tasks(
    plan: Plan, docs: list[tuple[int, date]], office: Any
) -> list[tuple[int, int, date | None]]:
    """``plan.tasks`` tasks spread over the documents (some plans carry many), with deadlines."""
    rng = random.Random(plan.seed + 2)
    weights = [rng.paretovariate(1.5) for _ in docs]
    picks = rng.choices(docs, weights=weights, k=plan.tasks)
    rows = []
    order: dict[int, int] = {}
    for doc_id, issued in picks:
        order[doc_id] = order.get(doc_id, 0) + 1
        no_deadline = rng.random() < 0.05
        rows.append(
            Task(
                document_id=doc_id,
                order=order[doc_id],
                marker=str(order[doc_id]),
                text=f"Nhiệm vụ {order[doc_id]}: tổ chức thực hiện và báo cáo kết quả.",
                deadline=None if no_deadline else issued + timedelta(days=rng.randint(15, 400)),
                created_by=office,
            )
        )
    Task.objects.bulk_create(rows, batch_size=2000)
    return list(Task.objects.order_by("id").values_list("id", "document_id", "deadline"))


def fan_out(rng: random.Random, n_tasks: int, total: int, n_agencies: int) -> list[int]:
    """How many agencies each task goes to, summing to ``total`` exactly."""
    counts = []
    for _ in range(n_tasks):
        r = rng.random()
        if r < 0.55:
            counts.append(rng.randint(1, 6))
        elif r < 0.86:
            counts.append(rng.randint(10, 40))
        else:
            counts.append(rng.randint(n_agencies // 2, n_agencies))
    counts = [min(n_agencies, max(1, round(c * total / sum(counts)))) for c in counts]
    gap = total - sum(counts)
    while gap:
        i = rng.randrange(n_tasks)
        step = 1 if gap > 0 else -1
        if 1 <= counts[i] + step <= n_agencies:
            counts[i] += step
            gap -= step
    return counts


def pick(
    rng: random.Random, ids: list[int], weights: list[float], cum: list[float], k: int
) -> list[int]:
    """``k`` distinct agencies, heavier ones likelier (weighted sampling without replacement)."""
    if k <= 6:
        chosen: dict[int, None] = {}
        while len(chosen) < k:
            chosen.update(dict.fromkeys(rng.choices(ids, cum_weights=cum, k=k - len(chosen))))
        return list(chosen)
    keyed = ((rng.random() ** (1.0 / w), a) for a, w in zip(ids, weights, strict=True))
    return [a for _, a in heapq.nlargest(k, keyed)]


def assignment_rows(
    plan: Plan, agency_ids: list[int], task_rows: list[tuple[int, int, date | None]]
) -> Iterator[tuple[Any, ...]]:
    """One tuple per assignment, in COLUMNS order."""
    rng = random.Random(plan.seed + 3)
    today = plan.today
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(agency_ids))]
    cum = [sum(weights[: i + 1]) for i in range(len(weights))]
    counts = fan_out(rng, len(task_rows), plan.assignments, len(agency_ids))
    created = datetime.now(UTC) - timedelta(days=400)
    for (task_id, doc_id, deadline), k in zip(task_rows, counts, strict=True):
        for n, agency_id in enumerate(pick(rng, agency_ids, weights, cum, k)):
            state, done_on, dl, original = _state(rng, deadline, today)
            progress = 100 if done_on else (rng.randrange(0, 95, 5) if state in OPEN else 0)
            report = created + timedelta(days=rng.randint(0, 390)) if progress else None
            yield (
                task_id, doc_id, agency_id, Role.LEAD if n == 0 else Role.SUPPORT, state, dl,
                original, done_on, progress, report, created, report or created, 1,
            )  # fmt: skip


def _state(
    rng: random.Random, deadline: date | None, today: date
) -> tuple[str, date | None, date | None, date | None]:
    """(state, done_on, deadline, original_deadline) for one assignment."""
    original = deadline
    if deadline is not None and rng.random() < 0.05:
        deadline = deadline + timedelta(days=rng.choice((15, 30, 60)))
    r = rng.random()
    past = deadline is not None and deadline < today
    done_share, open_share = (0.80, 0.90) if past else (0.25, 0.85)
    if r < done_share or (r < open_share + 0.06 and r >= open_share):
        state = State.DONE if r < done_share else State.AWAITING
        if deadline is None:
            done_on = today - timedelta(days=rng.randint(1, 600))
        elif rng.random() < 0.75:
            done_on = deadline - timedelta(days=rng.randint(0, 40))
        else:
            done_on = deadline + timedelta(days=rng.randint(1, 90))
        if done_on > today:
            done_on = today - timedelta(days=rng.randint(0, 60))
        return state, done_on, deadline, original
    if r < open_share:
        return rng.choice(OPEN), None, deadline, original
    return (State.POSTPONED if r < 0.98 else State.REFUSED), None, deadline, original


def assignments(
    plan: Plan, agency_ids: list[int], task_rows: list[tuple[int, int, date | None]]
) -> None:
    """Insert the assignments: COPY on PostgreSQL, one executemany transaction on SQLite."""
    rows = assignment_rows(plan, agency_ids, task_rows)
    table = "tracking_assignment"
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            with raw.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    sql = f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    connection.ensure_connection()
    db = connection.connection
    db.execute("PRAGMA synchronous = OFF")
    with transaction.atomic():
        db.executemany(sql, (tuple(map(_sqlite, row)) for row in rows))
    db.execute("PRAGMA synchronous = FULL")


def _sqlite(value: Any) -> Any:
    """Django's SQLite storage: dates as ISO text, aware datetimes as naive UTC text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def analyze() -> None:
    """Fresh statistics (and, on PostgreSQL, a visibility map for index-only scans)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
