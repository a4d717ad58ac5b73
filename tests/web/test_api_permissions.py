"""Every API route tried as the wrong user: anonymous, a bad token, another agency's
officer, a leader, an officer on the Office's steps. The table must list every route."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.web.api_support import World, api_for, build_world
from tests.web.test_api_schema import api_routes


@dataclass(frozen=True)
class Route:
    name: str
    method: str = "get"
    target: str | None = None  # World attribute holding the object of agency A
    office_only: bool = False

    def url(self, world: World) -> str:
        if self.target is None:
            return reverse(f"api:{self.name}")
        return reverse(f"api:{self.name}", args=[getattr(world, self.target).pk])

    def call(self, client: APIClient, world: World) -> Any:
        return getattr(client, self.method)(self.url(world), {}, format="json")


ROUTES = [
    Route("token", "post"),
    Route("schema"),
    Route("dashboard"),
    Route("document-list"),
    Route("document-list", "post", office_only=True),
    Route("document-detail", target="document"),
    Route("job-detail", target="job"),
    Route("task-list"),
    Route("task-detail", target="task_a"),
    Route("assignment-list"),
    Route("assignment-detail", target="a"),
    Route("assignment-report", "post", "a"),
    Route("assignment-done", "post", "a"),
    Route("assignment-refuse", "post", "a"),
    Route("assignment-extension", "post", "a"),
    Route("assignment-confirm", "post", "a", office_only=True),
    Route("assignment-return", "post", "a", office_only=True),
    Route("assignment-postpone", "post", "a", office_only=True),
    Route("assignment-resume", "post", "a", office_only=True),
    Route("assignment-reassign", "post", "a", office_only=True),
    Route("extension-list"),
    Route("extension-detail", target="extension"),
    Route("extension-decide", "post", "extension", office_only=True),
    Route("report-list"),
    Route("report-detail", target="report"),
    Route("attachment-detail", target="attachment"),
    Route("attachment-download", target="attachment"),
]
PUBLIC = {"token"}  # the schema too needs a token or a session
GUARDED = [r for r in ROUTES if r.name not in PUBLIC]
UNSAFE = [r for r in GUARDED if r.method != "get"]


def ids(routes: list[Route]) -> list[str]:
    return [f"{r.method.upper()} {r.name}" for r in routes]


@pytest.fixture
def world(office: Any, officer_a: Any, agency_a: Any, agency_b: Any, today: Any) -> World:
    return build_world(office, officer_a, agency_a, agency_b, today)


def test_the_table_lists_every_api_route() -> None:
    assert {r.name for r in ROUTES} == set(api_routes())


@pytest.mark.parametrize("route", GUARDED, ids=ids(GUARDED))
def test_anonymous_request_is_refused_with_401(route: Route, world: World) -> None:
    response = route.call(APIClient(), world)
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Chưa xác thực")
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("route", GUARDED, ids=ids(GUARDED))
def test_a_wrong_token_is_refused_with_401(route: Route, world: World) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    response = route.call(client, world)
    assert response.status_code == 401
    assert response.json()["detail"] == "Xác thực không thành công: token không hợp lệ."


OBJECT_ROUTES = [r for r in GUARDED if r.target is not None]


@pytest.mark.parametrize("route", OBJECT_ROUTES, ids=ids(OBJECT_ROUTES))
def test_officer_of_another_agency_cannot_reach_agency_a_objects(
    route: Route, world: World, officer_b: Any
) -> None:
    response = route.call(api_for(officer_b), world)
    # the Office's steps are refused before the object is looked up; the rest: not found
    assert response.status_code == (403 if route.office_only else 404)
    if not route.office_only:
        assert response.json() == {"detail": "Không tìm thấy."}


@pytest.mark.parametrize("route", UNSAFE, ids=ids(UNSAFE))
def test_leader_can_change_nothing(route: Route, world: World, leader: Any) -> None:
    response = route.call(api_for(leader), world)
    assert response.status_code == 403
    assert response.json()["detail"] == "Lãnh đạo chỉ được xem, không thay đổi được dữ liệu."


OFFICE_ONLY = [r for r in GUARDED if r.office_only]


@pytest.mark.parametrize("route", OFFICE_ONLY, ids=ids(OFFICE_ONLY))
def test_officer_cannot_take_the_office_steps_even_on_own_assignment(
    route: Route, world: World, officer_a: Any
) -> None:
    response = route.call(api_for(officer_a), world)
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Chỉ chuyên viên Văn phòng mới thực hiện được thao tác này."
    )


READS = [r for r in GUARDED if r.method == "get"]


@pytest.mark.parametrize("route", READS, ids=ids(READS))
def test_leader_reads_every_route(route: Route, world: World, leader: Any) -> None:
    assert route.call(api_for(leader), world).status_code == 200


LISTS = {  # list → the World attribute of agency A's object it must not show
    "document-list": "document",
    "task-list": "task_a",
    "assignment-list": "a",
    "extension-list": "extension",
    "report-list": "report",
}


@pytest.mark.parametrize("name", LISTS)
def test_lists_show_another_agency_nothing_of_agency_a(
    name: str, world: World, officer_b: Any, leader: Any
) -> None:
    hidden = getattr(world, LISTS[name]).pk
    assert hidden in [
        r["id"] for r in api_for(leader).get(reverse(f"api:{name}")).json()["results"]
    ]
    assert hidden not in [
        r["id"] for r in api_for(officer_b).get(reverse(f"api:{name}")).json()["results"]
    ]


def test_filtering_by_another_agency_assignment_finds_nothing(world: World, officer_b: Any) -> None:
    response = api_for(officer_b).get(reverse("api:report-list"), {"assignment": world.a.pk})
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_dashboard_of_an_officer_counts_only_their_agency(
    world: World, officer_b: Any, agency_b: Any
) -> None:
    data = api_for(officer_b).get(reverse("api:dashboard")).json()
    assert [row["key"] for row in data["rows"]] == [agency_b.pk]
