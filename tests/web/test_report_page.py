"""The giao ban page: who sees which numbers, the filters, the charts' local script."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.registry.models import Agency
from tests.web import report_support as support

pytestmark = pytest.mark.django_db
work = support.work
URL = "/giao-ban/"


def _charts(response: Any) -> dict[str, Any]:
    html = response.content.decode()
    start = html.index('<script id="report-data" type="application/json">')
    body = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(body)  # type: ignore[no-any-return]


def test_the_office_sees_the_whole_city_with_counts_and_lists(
    work: Any, office: Any, client_for: Callable[[Any], Client]
) -> None:
    assert reverse("reports:giao_ban") == URL
    response = client_for(office).get(URL, {"period": "2026-11"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Báo cáo giao ban" in html and "tháng 11/2026" in html and "Toàn thành phố" in html
    assert 'data-bucket="dang_thuc_hien_qua_han" data-count="2"' in html
    assert "Rà soát định mức chi thường xuyên." in html  # overdue and flagged
    assert _charts(response)["totals"] == [1, 1, 1, 2, 1]


def test_charts_are_drawn_by_the_applications_own_chart_library(
    work: Any, office: Any, client_for: Callable[[Any], Client]
) -> None:
    html = client_for(office).get(URL).content.decode()
    assert "/static/reports/chart.umd.js" in html
    # (the URLs the page loads, not its random CSRF token, which may spell "cdn" by chance)
    loaded = re.findall(r"""(?:src|href)=["']([^"']*)""", html)
    assert loaded and not any("cdn" in url.lower() for url in loaded)
    assert "https://" not in html


def test_an_agency_filter_narrows_the_page(
    work: Any, office: Any, agency_b: Agency, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(office).get(URL, {"period": "2026-11", "agency": agency_b.pk})
    assert _charts(response)["totals"] == [0, 0, 0, 1, 1]
    assert "Rà soát định mức chi thường xuyên." not in response.content.decode()


def test_an_officer_sees_only_their_own_agency_whatever_the_query(
    work: Any, officer_b: Any, agency_a: Agency, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(officer_b).get(URL, {"period": "2026-11", "agency": agency_a.pk})
    assert response.status_code == 200
    assert _charts(response)["agencies"] == ["Sở Y tế"]
    assert "Rà soát định mức chi thường xuyên." not in response.content.decode()


def test_a_leader_reads_the_report(
    work: Any, leader: Any, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(leader).get(URL)
    assert response.status_code == 200 and _charts(response)["totals"] == [1, 1, 1, 2, 1]


def test_a_directive_the_user_cannot_see_answers_404(
    work: Any, officer_a: Any, office: Any, agency_b: Agency, client_for: Callable[[Any], Client]
) -> None:
    from tests.web.factories import make_document, make_task

    hidden = make_task(office, [agency_b], document=make_document(office)).document
    assert client_for(officer_a).get(URL, {"document": hidden.pk}).status_code == 404


def test_the_period_switcher_links_to_the_previous_month_and_keeps_the_filters(
    work: Any, office: Any, agency_a: Agency, client_for: Callable[[Any], Client]
) -> None:
    response = client_for(office).get(URL, {"period": "2026-11", "agency": agency_a.pk})
    html = response.content.decode()
    assert f'href="?period=2026-10&amp;agency={agency_a.pk}" id="period-prev"' in html
    assert 'id="period-next"' not in html  # December has not begun


def test_the_page_asks_for_a_login(client: Client) -> None:
    assert client.get(URL).status_code == 302


def test_a_directives_text_is_shown_escaped(
    work: Any, office: Any, agency_a: Agency, client_for: Callable[[Any], Client]
) -> None:
    from tests.web.factories import make_task

    make_task(office, [agency_a], deadline=date(2026, 11, 1), text='<script>alert("x")</script>')
    html = client_for(office).get(URL).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
