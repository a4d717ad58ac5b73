"""Time standing and giao ban buckets: the one place they are computed.

Two forms of the same rules: :func:`standing` / :func:`bucket` for one assignment in
Python, and :func:`bucket_expression` / :func:`standing_expression` for the database, so
a dashboard over a million rows counts in one query. tests/web/test_status_rules.py
checks that both forms agree on every boundary. :func:`count_standings` counts a whole
set in one pass with the Python form, over (state, deadline) groups the database makes.

The rules (DESIGN.md, "Statuses"):

- Completed (đã hoàn thành): đúng hạn when the completion day (the day the agency
  reported it done) is on or before the deadline, quá hạn after it. Without a deadline a
  completed task counts as đúng hạn: it cannot be late.
- Awaiting confirmation (chờ xác nhận): still "đang thực hiện" for the briefing, but
  judged on the day the agency reported it done, not on today, so the Office's delay in
  confirming never makes an agency late.
- Any other open state (chưa thực hiện, đang thực hiện, thực hiện lại): no deadline →
  không có hạn; today on or before the deadline → trong hạn (and sắp đến hạn when the
  deadline is at most N days away); after it → quá hạn.
- Postponed (tạm hoãn) and refused (từ chối) assignments are in no bucket.

What a report period counts (the giao ban, chidao/reports/compute.py), from its first day
``start`` as of a day ``as_of`` (the period's end, or today while it runs):

- :func:`counted_q`, the as-of view: the assignments that existed by ``as_of`` and were
  not completed before ``start`` (a completion belongs to the period it happened in);
- :func:`given_q`: those of them given (created) from ``start`` on, "giao trong kỳ" — the
  ones a comparison with the previous period leaves out, as they did not exist then;
- :func:`due_q`, "đến hạn trong kỳ": those existing by ``as_of`` whose deadline falls in
  the period, however early they were completed.

Each is put in its bucket by :func:`bucket_as_of` (:func:`bucket_as_of_q`): the rules above
with ``today`` = ``as_of``, except that an assignment reported done *after* ``as_of`` was
still open that day and is judged as open.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.utils import timezone
from django.utils.translation import gettext_noop

from chidao.tracking.models import Assignment, State


class Standing:
    """Time standing of one assignment."""

    ON_TIME = "trong_han"
    DUE_SOON = "sap_den_han"
    OVERDUE = "qua_han"
    NO_DEADLINE = "khong_co_han"
    DONE_ON_TIME = "dung_han"
    DONE_LATE = "hoan_thanh_qua_han"
    NONE = "khong_tinh"

    LABELS = {
        ON_TIME: gettext_noop("Trong hạn"),
        DUE_SOON: gettext_noop("Sắp đến hạn"),
        OVERDUE: gettext_noop("Quá hạn"),
        NO_DEADLINE: gettext_noop("Không có hạn"),
        DONE_ON_TIME: gettext_noop("Hoàn thành đúng hạn"),
        DONE_LATE: gettext_noop("Hoàn thành quá hạn"),
        NONE: gettext_noop("Không tính"),
    }


class Bucket:
    """The five giao ban counts, in report order."""

    DONE_ON_TIME = "hoan_thanh_dung_han"
    DONE_LATE = "hoan_thanh_qua_han"
    OPEN_ON_TIME = "dang_thuc_hien_trong_han"
    OPEN_LATE = "dang_thuc_hien_qua_han"
    NO_DEADLINE = "khong_co_han"

    ORDER = (DONE_ON_TIME, DONE_LATE, OPEN_ON_TIME, OPEN_LATE, NO_DEADLINE)
    LABELS = {
        DONE_ON_TIME: gettext_noop("Hoàn thành đúng hạn"),
        DONE_LATE: gettext_noop("Hoàn thành quá hạn"),
        OPEN_ON_TIME: gettext_noop("Đang thực hiện trong hạn"),
        OPEN_LATE: gettext_noop("Đang thực hiện quá hạn"),
        NO_DEADLINE: gettext_noop("Không có hạn"),
    }


OPEN_STATES = (State.NOT_STARTED, State.IN_PROGRESS, State.REDO)
UNCOUNTED_STATES = (State.POSTPONED, State.REFUSED)


def standing(
    state: str, deadline: date | None, done_on: date | None, today: date, soon_days: int = 3
) -> str:
    """The time standing of an assignment on ``today`` (a :class:`Standing` value)."""
    if state in UNCOUNTED_STATES:
        return Standing.NONE
    if state == State.DONE:
        if deadline is None or (done_on is not None and done_on <= deadline):
            return Standing.DONE_ON_TIME
        return Standing.DONE_LATE
    if deadline is None:
        return Standing.NO_DEADLINE
    judged_on = done_on if state == State.AWAITING and done_on is not None else today
    if judged_on > deadline:
        return Standing.OVERDUE
    if state != State.AWAITING and (deadline - today).days <= soon_days:
        return Standing.DUE_SOON
    return Standing.ON_TIME


def bucket(state: str, deadline: date | None, done_on: date | None, today: date) -> str | None:
    """The giao ban bucket of an assignment on ``today``, or None (postponed, refused)."""
    return bucket_of(standing(state, deadline, done_on, today))


def bucket_of(name: str) -> str | None:
    """The bucket a time standing falls in (sắp đến hạn is trong hạn; none for không tính)."""
    return _BUCKET_OF_STANDING[name]


_BUCKET_OF_STANDING: dict[str, str | None] = {
    Standing.DONE_ON_TIME: Bucket.DONE_ON_TIME,
    Standing.DONE_LATE: Bucket.DONE_LATE,
    Standing.ON_TIME: Bucket.OPEN_ON_TIME,
    Standing.DUE_SOON: Bucket.OPEN_ON_TIME,
    Standing.OVERDUE: Bucket.OPEN_LATE,
    Standing.NO_DEADLINE: Bucket.NO_DEADLINE,
    Standing.NONE: None,
}


def count_standings(qs: QuerySet[Assignment], today: date, soon_days: int = 3) -> Counter[str]:
    """How many rows of ``qs`` have each time standing on ``today``, by :func:`standing`.

    The database groups the rows by (state, deadline), each group split three ways by the
    completion day: on or before the deadline, none, after it (or any, without a
    deadline). :func:`standing` reads the completion day only through that comparison, so
    one call per part with a stand-in day (the deadline, none, the day after) gives every
    row of the part its standing: a few dozen calls for a million rows, and the
    database only walks the (state, deadline, done_on) index, evaluating no condition per
    row (DESIGN.md, "Statuses"; the dashboard's cards).
    """
    groups = (
        qs.order_by()
        .values_list("state", "deadline")
        .annotate(
            n=Count("state"),
            by_deadline=Count("state", filter=Q(done_on__lte=F("deadline"))),
            undone=Count("state", filter=Q(done_on__isnull=True)),
        )
    )
    # :func:`standing` compares the deadline only with today, today + soon_days and the
    # completion day, and the completion day only with the deadline: a deadline before
    # yesterday stands as yesterday, one after the window as the day after it. So the
    # thousands of groups fold into a few dozen before the rules are asked, and the
    # stand-in completion days are taken from the folded deadline.
    low, high = today - timedelta(days=1), today + timedelta(days=soon_days + 1)
    folded: dict[tuple[str, date | None], list[int]] = {}
    for state, deadline, n, by_deadline, undone in groups:
        if deadline is not None:
            deadline = low if deadline < low else high if deadline > high else deadline
        parts = folded.get((state, deadline))
        if parts is None:
            folded[state, deadline] = [by_deadline, undone, n - by_deadline - undone]
        else:
            parts[0] += by_deadline
            parts[1] += undone
            parts[2] += n - by_deadline - undone
    counts: Counter[str] = Counter()
    for (state, deadline), (by_deadline, undone, after_it) in folded.items():
        after = None if deadline is None else deadline + timedelta(days=1)
        for done_on, rows in ((deadline, by_deadline), (None, undone), (after, after_it)):
            if rows:
                counts[standing(state, deadline, done_on, today, soon_days)] += rows
    return counts


# --- the same rules as database conditions ------------------------------------------------


def bucket_q(name: str, today: date) -> Q:
    """Rows of ``name`` bucket on ``today``, as a filter.

    Written in positive form (no NOT over nullable columns), so the database evaluates
    a few plain comparisons per row: the dashboard runs six of these over every row.
    """
    awaiting = Q(state=State.AWAITING)
    if name == Bucket.DONE_ON_TIME:
        return Q(state=State.DONE) & (Q(deadline__isnull=True) | Q(done_on__lte=F("deadline")))
    if name == Bucket.DONE_LATE:
        return Q(state=State.DONE, deadline__isnull=False) & (
            Q(done_on__isnull=True) | Q(done_on__gt=F("deadline"))
        )
    if name == Bucket.OPEN_LATE:
        return Q(deadline__isnull=False) & (
            Q(state__in=OPEN_STATES, deadline__lt=today)
            | awaiting
            & (Q(done_on__gt=F("deadline")) | Q(done_on__isnull=True, deadline__lt=today))
        )
    if name == Bucket.OPEN_ON_TIME:
        return Q(deadline__isnull=False) & (
            Q(state__in=OPEN_STATES, deadline__gte=today)
            | awaiting
            & (Q(done_on__lte=F("deadline")) | Q(done_on__isnull=True, deadline__gte=today))
        )
    if name == Bucket.NO_DEADLINE:
        return Q(state__in=(*OPEN_STATES, State.AWAITING), deadline__isnull=True)
    raise ValueError(f"unknown bucket {name!r}")


def due_soon_q(today: date, soon_days: int = 3) -> Q:
    """Open rows whose deadline is today or within ``soon_days`` days."""
    return Q(state__in=OPEN_STATES, deadline__gte=today, deadline__lte=today + timedelta(soon_days))


def standing_q(name: str, today: date, soon_days: int = 3) -> Q:
    """Rows of time standing ``name`` on ``today``, as a filter (for list pages)."""
    soon = due_soon_q(today, soon_days)
    conditions = {
        Standing.DONE_ON_TIME: bucket_q(Bucket.DONE_ON_TIME, today),
        Standing.DONE_LATE: bucket_q(Bucket.DONE_LATE, today),
        Standing.OVERDUE: bucket_q(Bucket.OPEN_LATE, today),
        Standing.NO_DEADLINE: bucket_q(Bucket.NO_DEADLINE, today),
        Standing.DUE_SOON: soon,
        Standing.ON_TIME: bucket_q(Bucket.OPEN_ON_TIME, today) & ~soon,
        Standing.NONE: Q(state__in=UNCOUNTED_STATES),
    }
    if name not in conditions:
        raise ValueError(f"unknown time standing {name!r}")
    return conditions[name]


def bucket_expression(today: date) -> Case:
    """Annotation giving each row its bucket name (NULL for postponed/refused)."""
    return Case(
        *(When(bucket_q(name, today), then=Value(name)) for name in Bucket.ORDER),
        default=Value(None),
        output_field=CharField(),
    )


def standing_expression(today: date, soon_days: int = 3) -> Combinable:
    """Annotation giving each row its time standing name."""
    order = (
        Standing.NONE,
        Standing.DONE_ON_TIME,
        Standing.DONE_LATE,
        Standing.NO_DEADLINE,
        Standing.OVERDUE,
        Standing.DUE_SOON,
        Standing.ON_TIME,
    )
    return Case(
        *(When(standing_q(name, today, soon_days), then=Value(name)) for name in order),
        default=Value(Standing.NONE),
        output_field=CharField(),
    )


# --- as of a day, and what a report period counts -------------------------------------------

_LATER = (State.DONE, State.AWAITING)  # the states that carry a completion day


def bucket_as_of(
    state: str, deadline: date | None, done_on: date | None, as_of: date
) -> str | None:
    """The bucket of one assignment on ``as_of`` (see the module docstring)."""
    if state in _LATER and done_on is not None and done_on > as_of:
        return bucket(State.IN_PROGRESS, deadline, None, as_of)
    return bucket(state, deadline, done_on, as_of)


def bucket_as_of_q(name: str, as_of: date) -> Q:
    """:func:`bucket_as_of` as a filter: :func:`bucket_q` for rows whose completion day is
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


def counted_q(start: date, as_of: date) -> Q:
    """The as-of view of a period from ``start``: existing by ``as_of``, not completed
    before ``start``."""
    return Q(created_at__lt=day_end(as_of)) & ~Q(state=State.DONE, done_on__lt=start)


def given_q(start: date, as_of: date) -> Q:
    """Given in the period (giao trong kỳ): created from ``start`` to ``as_of``."""
    return Q(created_at__gte=day_end(start - timedelta(days=1)), created_at__lt=day_end(as_of))


def due_q(start: date, end: date, as_of: date) -> Q:
    """Due in the period (đến hạn trong kỳ): existing by ``as_of``, deadline in
    ``start`` … ``end``."""
    return Q(created_at__lt=day_end(as_of), deadline__gte=start, deadline__lte=end)
