"""Dashboard counts through the API: the same numbers as chidao.tracking.dashboard."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from chidao.tracking import services
from tests.web.api_support import api_for
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import set_today


@pytest.fixture
def counted(
    office: Any, officer_a: Any, agency_a: Any, agency_b: Any, today: Any, monkeypatch: Any
) -> None:
    """Agency A: one late, one done on time; agency B: one without deadline."""
    set_today(monkeypatch, today)
    make_task(office, [agency_a], deadline=today - timedelta(1))
    done = assignment_of(make_task(office, [agency_a], deadline=today), agency_a)
    services.mark_done(officer_a, done, "Xong.", today=today)
    services.confirm(office, done)
    make_task(office, [agency_b])


def test_dashboard_by_agency_counts_each_bucket(
    counted: None, leader: Any, agency_a: Any, agency_b: Any
) -> None:
    data = api_for(leader).get("/api/dashboard/").json()
    assert data["by"] == "agency"
    assert data["totals"]["total"] == 3
    rows = {row["key"]: row for row in data["rows"]}
    a = rows[agency_a.pk]
    assert (a["counts"]["dang_thuc_hien_qua_han"], a["counts"]["hoan_thanh_dung_han"]) == (1, 1)
    assert a["done_rate"] == 0.5
    assert rows[agency_b.pk]["counts"]["khong_co_han"] == 1
    assert [c["key"] for c in data["columns"]][-1] == "sap_den_han"


def test_dashboard_by_document_has_one_row_per_directive(counted: None, leader: Any) -> None:
    data = api_for(leader).get("/api/dashboard/", {"by": "document"}).json()
    assert len(data["rows"]) == 3
    assert all(row["name"] for row in data["rows"])


def test_dashboard_refuses_an_unknown_grouping(counted: None, leader: Any) -> None:
    response = api_for(leader).get("/api/dashboard/", {"by": "tinh"})
    assert response.status_code == 400
    assert response.json() == {"by": ["“tinh” không phải là giá trị hợp lệ."]}
