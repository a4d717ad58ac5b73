"""The task count (nhiệm vụ) beside the assignment count: tasks with at least one
assignment that is counted (not tạm hoãn, not từ chối), worked out by hand and recounted
row by row, for the Office and for each agency's officer."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef
from django.urls import reverse

from chidao.registry.models import Agency
from chidao.tracking import dashboard, services
from chidao.tracking.models import COUNTED_STATES, Assignment, State, Task
from chidao.tracking.permissions import visible_assignments
from chidao.tracking.status import Bucket, bucket
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import page_text, set_today

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


@pytest.fixture
def five_tasks(
    office: Any, officer_a: Any, officer_b: Any, agency_a: Agency, agency_b: Agency
) -> None:
    """Task 1 open at both agencies; task 2 postponed at A and refused by B; task 3 done
    at B; task 4 postponed at A; task 5 awaiting confirmation at A. Counted: tasks 1, 3
    and 5 for the city, 1 and 5 for A, 1 and 3 for B."""
    deadline = date(2026, 12, 31)
    make_task(office, [agency_a, agency_b], deadline=deadline)
    second = make_task(office, [agency_a, agency_b], deadline=deadline)
    services.postpone(office, assignment_of(second, agency_a), "Chờ chủ trương")
    services.refuse(officer_b, assignment_of(second, agency_b), "Không thuộc chức năng")
    third = assignment_of(make_task(office, [agency_b], deadline=deadline), agency_b)
    services.mark_done(officer_b, third, "Xong", today=TODAY)
    services.confirm(office, third)
    fourth = assignment_of(make_task(office, [agency_a], deadline=deadline), agency_a)
    services.postpone(office, fourth, "Chờ kinh phí")
    fifth = assignment_of(make_task(office, [agency_a], deadline=deadline), agency_a)
    services.mark_done(officer_a, fifth, "Đã báo cáo", today=TODAY)


def recount(qs: Any) -> int:
    """The straightforward count: every row read, its task kept when it is counted."""
    return len({a.task_id for a in qs if a.state not in (State.POSTPONED, State.REFUSED)})


def test_the_task_count_equals_a_recount_row_by_row(
    five_tasks: None, office: Any, officer_a: Any, officer_b: Any
) -> None:
    for user, by_hand in ((office, 3), (officer_a, 2), (officer_b, 2)):
        scope = visible_assignments(user)
        assert dashboard.task_count(scope) == recount(scope) == by_hand, user.username


def test_the_dashboard_states_the_task_count(
    five_tasks: None, office: Any, officer_a: Any, client_for: Any
) -> None:
    for user, tasks in ((office, 3), (officer_a, 2)):
        html = page_text(client_for(user).get(reverse("tracking:dashboard")))
        assert f'data-tasks="{tasks}"' in html, user.username


def test_the_counted_states_are_those_in_a_bucket() -> None:
    in_a_bucket = {s for s in State.values if bucket(s, None, None, TODAY) is not None}
    assert set(COUNTED_STATES) == in_a_bucket
    assert {bucket(s, None, None, TODAY) for s in COUNTED_STATES} <= set(Bucket.ORDER)


@pytest.mark.postgresql
def test_the_task_count_can_read_the_counted_tasks_index_alone_on_postgresql(
    five_tasks: None,
) -> None:
    # the count's condition implies the partial index's, so PostgreSQL may answer each
    # task's probe from asg_task_counted; with table scans priced out it must. (SQLite
    # never uses a partial index for a condition with bound parameters: there the probe
    # goes through the (task, agency) index, as before.)
    assert connection.vendor == "postgresql", "run with -m postgresql on PostgreSQL only"
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
    counted = Assignment.objects.filter(task_id=OuterRef("pk"), state__in=COUNTED_STATES)
    plan = Task.objects.filter(Exists(counted)).order_by().explain()
    assert "asg_task_counted" in plan, plan
