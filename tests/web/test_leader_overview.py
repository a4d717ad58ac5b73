"""Tổng quan điều hành: the leader's one screen shows the counts a person works out by hand
for a small city, each a link to a list of exactly that many assignments.

The cast (TODAY = 21/11/2026; Sở Tài chính = A, Sở Y tế = B):

- plan 1, given on 01/07 to A and B, due 10/08: A's still open; B reported it done
  on 15/09 (late) and the Office confirmed;
- plan 2, given on 01/09 to A, due 20/10 (open; A asks for an extension), and given
  today to B, due yesterday (open, flagged for the giao ban);
- given today: A's due in two days, A's without a deadline, B's postponed past due.

Overdue now: A 2, B 1 (3); by directive: plan 2 has 2, plan 1 has 1. At the end of
August: A and B on plan 1 (2); September: A only (B was done on 15/09) (1); October: A on
both plans (2); every earlier month 0.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from chidao.leader.models import MonthEnd
from chidao.reminders.models import Flag
from chidao.tracking import services
from tests.web.factories import assignment_of, make_document, make_task
from tests.web.tracking_support import count_links, page_text, set_today, total_shown

TODAY = date(2026, 11, 21)
DAY = timedelta(days=1)


@pytest.fixture
def city(
    monkeypatch: pytest.MonkeyPatch,
    office: Any,
    officer_a: Any,
    officer_b: Any,
    agency_a: Any,
    agency_b: Any,
) -> dict[str, Any]:
    plan1 = make_document(office, kind="Kế hoạch", number="1/KH-UBND")
    plan2 = make_document(office, kind="Kế hoạch", number="2/KH-UBND")
    # the clock is set to each day something happened: created_at is the real record
    set_today(monkeypatch, date(2026, 7, 1))
    t1 = make_task(
        office,
        [agency_a, agency_b],
        deadline=date(2026, 8, 10),
        document=plan1,
        today=date(2026, 7, 1),
    )
    set_today(monkeypatch, date(2026, 9, 15))
    b_done = assignment_of(t1, agency_b)
    services.mark_done(officer_b, b_done, "Đã xong", today=date(2026, 9, 15))
    services.confirm(office, b_done)
    set_today(monkeypatch, date(2026, 9, 1))
    t2 = make_task(
        office, [agency_a], deadline=date(2026, 10, 20), document=plan2, today=date(2026, 9, 1)
    )
    set_today(monkeypatch, TODAY)
    t3 = make_task(office, [agency_b], deadline=TODAY - DAY, document=plan2)
    make_task(office, [agency_a], deadline=TODAY + 2 * DAY)
    make_task(office, [agency_a], deadline=None)
    postponed = assignment_of(make_task(office, [agency_b], deadline=TODAY - 5 * DAY), agency_b)
    services.postpone(office, postponed, "Chờ chủ trương")
    services.request_extension(
        officer_a, assignment_of(t2, agency_a), TODAY + 30 * DAY, "Chờ số liệu.", today=TODAY
    )
    Flag.objects.create(
        assignment=assignment_of(t3, agency_b), flagged_at=timezone.now(), reminders=3
    )
    return {"plan1": plan1, "plan2": plan2}


def overview(client: Any) -> HttpResponse:
    response: HttpResponse = client.get(reverse("leader:overview"))
    assert response.status_code == 200
    return response


def test_the_overview_shows_the_hand_counted_figures(
    city: dict[str, Any], leader: Any, client_for: Any
) -> None:
    response = overview(client_for(leader))
    links = dict(count_links(response))
    body = page_text(response)
    assert links["/nhiem-vu/?bucket=dang_thuc_hien_qua_han"] == 3
    assert links["/nhiem-vu/?bucket=sap_den_han"] == 1
    assert 'data-extensions="1"' in body and 'data-flags="1"' in body


def test_the_worst_agencies_and_directives_come_first(
    city: dict[str, Any], leader: Any, agency_a: Any, agency_b: Any, client_for: Any
) -> None:
    links = count_links(overview(client_for(leader)))
    late = "/nhiem-vu/?bucket=dang_thuc_hien_qua_han"
    agencies = [(u, n) for u, n in links if u.startswith(late + "&agency=")]
    documents = [(u, n) for u, n in links if u.startswith(late + "&document=")]
    assert agencies == [(f"{late}&agency={agency_a.pk}", 2), (f"{late}&agency={agency_b.pk}", 1)]
    assert documents == [
        (f"{late}&document={city['plan2'].pk}", 2),
        (f"{late}&document={city['plan1'].pk}", 1),
    ]


def test_every_count_equals_the_list_it_links_to(
    city: dict[str, Any], leader: Any, client_for: Any
) -> None:
    client = client_for(leader)
    links = count_links(overview(client))
    assert len(links) == 2 + 2 + 2
    for url, number in links:
        assert total_shown(client.get(url)) == number, url


def test_the_trend_counts_overdue_at_each_month_end_and_keeps_closed_months(
    city: dict[str, Any], leader: Any, client_for: Any
) -> None:
    months = trend_of(overview(client_for(leader)))
    assert len(months) == 12
    assert months["2026-08"] == 2 and months["2026-09"] == 1 and months["2026-10"] == 2
    assert months["2026-11"] == 3  # today, the running month
    assert all(n == 0 for m, n in months.items() if m < "2026-08")
    assert MonthEnd.objects.get(month=date(2026, 9, 30), agency=None).overdue == 1
    MonthEnd.objects.filter(month=date(2026, 9, 30), agency=None).update(overdue=7)
    assert trend_of(overview(client_for(leader)))["2026-09"] == 7  # closed: kept, not recounted


def test_an_agency_officer_sees_their_agency_only(
    city: dict[str, Any], officer_b: Any, agency_a: Any, client_for: Any
) -> None:
    response = overview(client_for(officer_b))
    body = page_text(response)
    assert agency_a.name not in body
    assert dict(count_links(response))["/nhiem-vu/?bucket=dang_thuc_hien_qua_han"] == 1
    months = trend_of(response)
    assert months["2026-08"] == 1 and months["2026-09"] == 0 and months["2026-10"] == 0
    assert 'data-extensions="0"' in body and 'data-flags="1"' in body


def test_a_leader_lands_on_the_overview(leader: Any, client_for: Any) -> None:
    response = client_for(leader).get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("leader:overview")


def test_an_empty_city_says_there_is_nothing_overdue(leader: Any, client_for: Any) -> None:
    body = page_text(overview(client_for(leader)))
    assert "Không có việc quá hạn." in body
    assert "Không có đề nghị gia hạn nào đang chờ." in body


def trend_of(response: HttpResponse) -> dict[str, int]:
    """Month (``2026-09``) → the overdue count the trend shows for it."""
    pattern = r'data-month="([\d-]+)" data-overdue="(\d+)"'
    return {m: int(n) for m, n in re.findall(pattern, page_text(response))}
