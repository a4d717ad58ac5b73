"""Tổng hợp: every count links to a list of exactly that many assignments."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse

from chidao.tracking import services, views_dashboard
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import count_links, page_text, set_today, total_shown

TODAY = date(2026, 11, 21)
DAY = timedelta(days=1)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


@pytest.fixture
def seeded(office: Any, officer_a: Any, officer_b: Any, agency_a: Any, agency_b: Any) -> None:
    """A bit of every bucket, over two agencies and two directives."""

    def done(agency: Any, officer: Any, deadline: date, on: date, confirm: bool) -> None:
        a = assignment_of(make_task(office, [agency], deadline=deadline), agency)
        services.mark_done(officer, a, "Xong", today=on)
        if confirm:
            services.confirm(office, a)

    shared = make_task(office, [agency_a, agency_b], deadline=TODAY + 10 * DAY)
    for agency, officer in ((agency_a, officer_a), (agency_b, officer_b)):
        done(agency, officer, TODAY, TODAY - DAY, confirm=True)  # done on time
        done(agency, officer, TODAY - 5 * DAY, TODAY - 2 * DAY, confirm=True)  # done late
        done(agency, officer, TODAY - 5 * DAY, TODAY - 2 * DAY, confirm=False)  # awaiting, late
        make_task(office, [agency], deadline=TODAY, document=shared.document)  # due today
        make_task(office, [agency], deadline=TODAY - DAY)  # overdue
        make_task(office, [agency], deadline=None)  # no deadline
    make_task(office, [agency_a], deadline=TODAY + 5 * DAY)  # on time, not soon
    postponed = assignment_of(make_task(office, [agency_a], deadline=TODAY - DAY), agency_a)
    services.postpone(office, postponed, "Chờ chủ trương")


def assert_links_match_lists(client: Any, dashboard_url: str) -> int:
    """The counts of the page and of its agency table (loaded after it) match their lists."""
    query = dashboard_url.partition("?")[2]
    agencies_url = reverse("tracking:dashboard_agencies") + (f"?{query}" if query else "")
    links = count_links(client.get(dashboard_url)) + count_links(client.get(agencies_url))
    assert links, "the dashboard shows no count links"
    for url, number in links:
        assert total_shown(client.get(url)) == number, url
    return len(links)


def test_every_dashboard_count_equals_the_list_it_links_to(
    seeded: None, office: Any, client_for: Any
) -> None:
    checked = assert_links_match_lists(client_for(office), reverse("tracking:dashboard"))
    assert checked >= 6 * (1 + 2 + 4)  # the cards, two agencies, four directives at least


def test_an_officers_dashboard_counts_their_agency_and_still_matches(
    seeded: None, officer_a: Any, agency_a: Any, agency_b: Any, client_for: Any
) -> None:
    client = client_for(officer_a)
    body = page_text(client.get(reverse("tracking:dashboard")))
    assert agency_a.name in body and agency_b.name not in body
    assert_links_match_lists(client, reverse("tracking:dashboard"))


def test_city_totals_count_each_bucket(seeded: None, leader: Any, client_for: Any) -> None:
    links = dict(
        (url.split("bucket=")[1].split("&")[0], n)
        for url, n in count_links(client_for(leader).get(reverse("tracking:dashboard")))
        if "agency=" not in url and "document=" not in url
    )
    assert links == {
        "hoan_thanh_dung_han": 2,
        "hoan_thanh_qua_han": 2,
        "dang_thuc_hien_trong_han": 5,  # two shared, two due today, one in five days
        "dang_thuc_hien_qua_han": 4,  # two overdue, two awaiting after the deadline
        "khong_co_han": 2,
        "sap_den_han": 2,
    }


def test_a_wider_due_soon_window_is_carried_to_the_list(
    seeded: None, office: Any, client_for: Any
) -> None:
    client = client_for(office)
    url = reverse("tracking:dashboard") + "?sap_den_han=7"
    links = dict(count_links(client.get(url)))
    assert links["/nhiem-vu/?bucket=sap_den_han&sap_den_han=7"] == 3  # and the one in 5 days
    assert_links_match_lists(client, url)


def test_office_sees_its_queues_on_the_dashboard(
    seeded: None, office: Any, officer_a: Any, client_for: Any
) -> None:
    body = page_text(client_for(office).get(reverse("tracking:dashboard")))
    assert 'data-queue="awaiting">2<' in body
    assert reverse("tracking:awaiting") in body and reverse("tracking:extensions") in body
    officer_page = page_text(client_for(officer_a).get(reverse("tracking:dashboard")))
    assert reverse("tracking:awaiting") not in officer_page


def test_completion_rate_is_shown(seeded: None, office: Any, client_for: Any) -> None:
    body = page_text(client_for(office).get(reverse("tracking:dashboard")))
    assert "Tỷ lệ hoàn thành: <strong>27%</strong>" in body  # 4 of 15


def test_an_empty_dashboard_says_so(office: Any, client_for: Any) -> None:
    body = page_text(client_for(office).get(reverse("tracking:dashboard")))
    assert "Chưa có nhiệm vụ nào." in body


def test_the_agency_table_comes_after_the_page_a_page_of_agencies_at_a_time(
    seeded: None,
    office: Any,
    agency_a: Any,
    agency_b: Any,
    client_for: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = client_for(office)
    board = page_text(client.get(reverse("tracking:dashboard")))
    table = reverse("tracking:dashboard_agencies")
    assert f'hx-get="{table}?page=1"' in board
    assert agency_a.name not in board  # no agency row on the page itself
    monkeypatch.setattr(views_dashboard, "AGENCY_ROWS", 1)
    first = page_text(client.get(table, {"page": 1}, headers={"HX-Request": "true"}))
    assert "<html" not in first  # htmx gets the rows alone
    assert agency_a.name in first and agency_b.name not in first  # by name: Tài chính, Y tế
    assert f'hx-get="{table}?page=2"' in first
    second = page_text(client.get(table, {"page": 2}))
    assert "<html" in second  # without script: a whole page
    assert agency_b.name in second and agency_a.name not in second
