"""Time standing and giao ban buckets: every boundary, and the database form agrees with
the Python form on every combination."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from chidao.tracking.models import Assignment, State
from chidao.tracking.status import (
    Bucket,
    Standing,
    bucket,
    bucket_expression,
    bucket_q,
    count_standings,
    standing,
    standing_expression,
    standing_q,
)
from tests.web.factories import make_task

TODAY = date(2026, 11, 21)
D = timedelta(days=1)


def test_open_task_due_today_is_within_its_deadline_and_due_soon() -> None:
    assert standing(State.IN_PROGRESS, TODAY, None, TODAY) == Standing.DUE_SOON
    assert bucket(State.IN_PROGRESS, TODAY, None, TODAY) == Bucket.OPEN_ON_TIME


def test_open_task_is_overdue_the_day_after_its_deadline() -> None:
    assert standing(State.IN_PROGRESS, TODAY - D, None, TODAY) == Standing.OVERDUE
    assert bucket(State.NOT_STARTED, TODAY - D, None, TODAY) == Bucket.OPEN_LATE


def test_due_soon_covers_exactly_the_next_n_days() -> None:
    assert standing(State.NOT_STARTED, TODAY + 3 * D, None, TODAY) == Standing.DUE_SOON
    assert standing(State.NOT_STARTED, TODAY + 4 * D, None, TODAY) == Standing.ON_TIME
    assert standing(State.NOT_STARTED, TODAY + 4 * D, None, TODAY, soon_days=5) == (
        Standing.DUE_SOON
    )


def test_completed_on_the_due_day_is_on_time() -> None:
    assert bucket(State.DONE, TODAY, TODAY, TODAY + 30 * D) == Bucket.DONE_ON_TIME


def test_completed_a_day_after_the_deadline_is_late() -> None:
    assert bucket(State.DONE, TODAY, TODAY + D, TODAY + D) == Bucket.DONE_LATE


def test_task_without_deadline_is_counted_as_having_none_until_done() -> None:
    assert bucket(State.IN_PROGRESS, None, None, TODAY) == Bucket.NO_DEADLINE
    assert standing(State.NOT_STARTED, None, None, TODAY) == Standing.NO_DEADLINE
    assert bucket(State.DONE, None, TODAY, TODAY) == Bucket.DONE_ON_TIME


def test_awaiting_confirmation_is_judged_on_the_reported_day_not_today() -> None:
    # reported done on the due day; the Office confirms a week later: not late
    assert bucket(State.AWAITING, TODAY, TODAY, TODAY + 7 * D) == Bucket.OPEN_ON_TIME
    assert bucket(State.AWAITING, TODAY, TODAY + D, TODAY + D) == Bucket.OPEN_LATE


def test_postponed_and_refused_are_in_no_bucket() -> None:
    for state in (State.POSTPONED, State.REFUSED):
        assert bucket(state, TODAY, None, TODAY + 9 * D) is None
        assert standing(state, TODAY, None, TODAY) == Standing.NONE


def test_redo_after_a_return_is_open_again() -> None:
    assert bucket(State.REDO, TODAY + D, None, TODAY) == Bucket.OPEN_ON_TIME
    assert bucket(State.REDO, TODAY - D, None, TODAY) == Bucket.OPEN_LATE


# --- the database conditions agree with the Python rules ----------------------------------

# far from today on both sides too: count_standings folds those deadlines into the days
# next to the window, and must still give each row its own standing
DEADLINES = (
    None,
    TODAY - 40 * D,
    TODAY - 5 * D,
    TODAY - 2 * D,
    TODAY - D,
    TODAY,
    TODAY + D,
    TODAY + 3 * D,
    TODAY + 4 * D,
    TODAY + 5 * D,
    TODAY + 30 * D,
)
DONE_ON = (None, TODAY - 6 * D, TODAY - D, TODAY, TODAY + D)


@pytest.fixture
def every_combination(office: Any, agency_a: Any) -> list[Assignment]:
    """One assignment per (state, deadline, done_on) combination, on one task each."""
    task = make_task(office, [agency_a])
    template = Assignment.objects.get(task=task)
    rows = []
    for i, (state, deadline, done_on) in enumerate(
        itertools.product(State.values, DEADLINES, DONE_ON)
    ):
        t = make_task(office, [agency_a], document=template.document, text=f"Việc {i}")
        Assignment.objects.filter(task=t).update(state=state, deadline=deadline, done_on=done_on)
        rows.append(Assignment.objects.get(task=t))
    return rows


def test_bucket_conditions_select_exactly_the_rows_the_rules_put_in_them(
    every_combination: list[Assignment],
) -> None:
    ids = [a.pk for a in every_combination]
    qs = Assignment.objects.filter(pk__in=ids)
    for name in Bucket.ORDER:
        expected = {
            a.pk for a in every_combination if bucket(a.state, a.deadline, a.done_on, TODAY) == name
        }
        assert set(qs.filter(bucket_q(name, TODAY)).values_list("pk", flat=True)) == expected, name
    annotated = dict(qs.annotate(b=bucket_expression(TODAY)).values_list("pk", "b"))
    for a in every_combination:
        assert annotated[a.pk] == bucket(a.state, a.deadline, a.done_on, TODAY)


def test_standing_conditions_select_exactly_the_rows_the_rules_give_them(
    every_combination: list[Assignment],
) -> None:
    qs = Assignment.objects.filter(pk__in=[a.pk for a in every_combination])
    names = list(Standing.LABELS)
    for name in names:
        expected = {
            a.pk
            for a in every_combination
            if standing(a.state, a.deadline, a.done_on, TODAY) == name
        }
        assert set(qs.filter(standing_q(name, TODAY)).values_list("pk", flat=True)) == expected, (
            name
        )
    annotated = dict(qs.annotate(s=standing_expression(TODAY)).values_list("pk", "s"))
    for a in every_combination:
        assert annotated[a.pk] == standing(a.state, a.deadline, a.done_on, TODAY)


def test_every_counted_assignment_is_in_exactly_one_bucket(
    every_combination: list[Assignment],
) -> None:
    qs = Assignment.objects.filter(pk__in=[a.pk for a in every_combination])
    counted = qs.exclude(state__in=[State.POSTPONED, State.REFUSED]).count()
    assert sum(qs.filter(bucket_q(b, TODAY)).count() for b in Bucket.ORDER) == counted


@pytest.mark.parametrize("soon_days", [3, 4])
def test_counting_by_state_and_deadline_gives_every_row_its_own_standing(
    every_combination: list[Assignment], soon_days: int
) -> None:
    # the completion day before, on, after the deadline and none, in every state: the
    # stand-in days of count_standings stand for each of them rightly
    qs = Assignment.objects.filter(pk__in=[a.pk for a in every_combination])
    expected = Counter(
        standing(a.state, a.deadline, a.done_on, TODAY, soon_days) for a in every_combination
    )
    assert count_standings(qs, TODAY, soon_days) == expected
    assert count_standings(qs.none(), TODAY) == Counter()
