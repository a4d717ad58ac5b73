"""Every URL with hostile parameters: out-of-range pages, periods, dates and ids give 400
(JSON under /api/), never a 5xx; hostile form values give a form error, never a 5xx.

The walk covers every page of the wrong-user table (tests/web/test_pages_wrong_user.py)
and every route of the API table (tests/web/test_api_permissions.py), so a new URL is
walked as soon as it is listed there.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.api_support import World, api_for, build_world
from tests.web.test_api_permissions import ROUTES, Route
from tests.web.test_pages_wrong_user import PAGES, Page, _post_data, _urls
from tests.web.test_pages_wrong_user import objects as objects  # the fixture

HUGE = "99999999999999999999"  # beyond any 64-bit integer
HOSTILE = [
    {"page": "9223372036854775807"},
    {"page": HUGE},
    {"page": "0"},
    {"page": "-1"},
    {"page": "abc"},
    {"period": "0001-01"},
    {"period": "9999-12"},
    {"period": "2026-13"},
    {"period": "khong-phai-ky"},
    {"tu": "0001-01-01", "den": "9999-12-31"},
    {"tu": "2026-02-30"},
    {"agency": HUGE},
    {"agency": "-5"},
    {"agency": "abc"},
    {"document": HUGE},
    {"task": HUGE},
    {"assignment": HUGE},
    {"sap_den_han": HUGE},
]
# Form values no view can store: each must end as a form error (or a refusal), not a 5xx.
POST_HOSTILE = [
    {"period": "0001-01"},
    {"period": "9999-12"},
    {"new_deadline": "9999-12-31"},
    {"deadline": "0001-01-01"},
    {"deadline": "9999-12-31"},
    {"ids": [HUGE]},
    {"agency": HUGE},
    {"lead": HUGE},
    {"support": HUGE},
    {"progress": HUGE},
    {"version": HUGE},
    {"actual": "1e999999"},
    {"target": "9" * 40},
]
GET_PAGES = [p for p in PAGES if not p.post_only]
POST_PAGES = [p for p in PAGES if p.post_only or p.office_only]


def client(user: Any) -> Client:
    c = Client(raise_request_exception=False)
    c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return c


@pytest.mark.parametrize("page", GET_PAGES, ids=lambda p: p.name)
def test_a_page_answers_hostile_parameters_with_400(
    page: Page, objects: dict[str, Any], office: Any
) -> None:
    c = client(office)
    for url in _urls(page, objects):
        for params in HOSTILE:
            r = c.get(url, params)
            assert r.status_code == 400, (url, params, r.status_code)
            assert "không hợp lệ" in r.content.decode(), (url, params)


@pytest.mark.parametrize("page", POST_PAGES, ids=lambda p: p.name)
def test_hostile_form_values_never_give_a_server_error(
    page: Page, objects: dict[str, Any], office: Any, officer_a: Any
) -> None:
    for user in (office, officer_a):
        c = client(user)
        for url in _urls(page, objects):
            for values in POST_HOSTILE:
                r = c.post(url, {**_post_data(objects), **values})
                assert r.status_code < 500, (user, url, values, r.status_code)


def test_harmless_values_still_work(office: Any) -> None:
    """A page past the end shows the last one; a known filter value filters."""
    c = client(office)
    assert c.get(reverse("tracking:assignments"), {"page": "500"}).status_code == 200
    assert c.get(reverse("reports:giao_ban"), {"period": "2026-Q4"}).status_code == 200
    assert (
        c.get(reverse("reports:giao_ban"), {"period": "2026-01-01..2026-03-31"}).status_code == 200
    )
    assert c.get(reverse("tracking:assignments"), {"agency": "", "page": ""}).status_code == 200


# --- the API -------------------------------------------------------------------------------


@pytest.fixture
def world(office: Any, officer_a: Any, agency_a: Any, agency_b: Any, today: Any) -> World:
    return build_world(office, officer_a, agency_a, agency_b, today)


API_GET = [r for r in ROUTES if r.method == "get"]


@pytest.mark.parametrize("route", API_GET, ids=lambda r: r.name)
def test_the_api_answers_hostile_parameters_with_400_in_json(
    route: Route, world: World, office: Any
) -> None:
    c = api_for(office)
    c.raise_request_exception = False
    for params in HOSTILE:
        r = c.get(route.url(world), params)
        assert r.status_code == 400, (route.name, params, r.status_code)
        assert r["Content-Type"] == "application/json"
        assert "không hợp lệ" in r.json()["detail"]


API_POST = [r for r in ROUTES if r.method == "post" and r.name != "token"]


@pytest.mark.parametrize("route", API_POST, ids=lambda r: r.name)
def test_hostile_api_bodies_are_refused_in_json(route: Route, world: World, office: Any) -> None:
    c = api_for(office)
    c.raise_request_exception = False
    for values in POST_HOSTILE:
        r = c.post(route.url(world), values, format="json")
        assert r.status_code < 500, (route.name, values, r.status_code)
        assert r["Content-Type"] == "application/json"


# --- ids in the path ----------------------------------------------------------------------


def _huge_urls(page: Page) -> list[str]:
    if page.name == "tracking:assignment_action":
        return [reverse(page.name, kwargs={"pk": int(HUGE), "slug": "bao-cao"})]
    return [reverse(page.name, kwargs={"pk": int(HUGE)})]


@pytest.mark.parametrize("page", [p for p in PAGES if p.kwargs_of], ids=lambda p: p.name)
def test_an_id_beyond_any_integer_in_a_path_is_not_found(page: Page, office: Any) -> None:
    c = client(office)
    for url in _huge_urls(page):
        r = c.post(url, {}) if page.post_only else c.get(url)
        assert r.status_code in (403, 404), (url, r.status_code)


@pytest.mark.parametrize("route", [r for r in ROUTES if r.target], ids=lambda r: r.name)
def test_the_api_answers_an_id_beyond_any_integer_with_404_in_json(
    route: Route, office: Any
) -> None:
    c = api_for(office)
    c.raise_request_exception = False
    r = getattr(c, route.method)(reverse(f"api:{route.name}", args=[int(HUGE)]), {}, format="json")
    assert r.status_code in (403, 404), (route.name, r.status_code)
    assert r["Content-Type"] == "application/json"
