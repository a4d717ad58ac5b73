"""The OpenAPI schema is generated from the code, valid, and covers every API route."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from drf_spectacular.generators import SchemaGenerator
from openapi_spec_validator import validate

NOT_IN_SCHEMA = {"schema"}  # the schema does not describe itself


def api_routes() -> dict[str, list[str]]:
    """URL name → path parameters, for every route under the ``api`` namespace."""
    (api,) = [
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and p.namespace == "api"
    ]
    routes: dict[str, list[str]] = {}
    for p in api.url_patterns:
        assert isinstance(p, URLPattern)
        assert p.name is not None
        routes[p.name] = list(p.pattern.regex.groupindex)
    return routes


def templated(name: str, params: list[str]) -> str:
    """/api/assignments/{id}/report/ for ``assignment-report`` (the schema calls pk "id")."""
    path = reverse(f"api:{name}", kwargs=dict.fromkeys(params, 987654))
    return path.replace("987654", "{id}")


@pytest.fixture(scope="module")
def schema() -> Any:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_is_a_valid_openapi_3_document(schema: Any) -> None:
    validate(schema)
    assert schema["openapi"].startswith("3.")


def test_every_api_route_is_described_in_the_schema(schema: Any) -> None:
    routes = api_routes()
    assert len(routes) > 20
    missing = [
        templated(name, params)
        for name, params in routes.items()
        if name not in NOT_IN_SCHEMA and templated(name, params) not in schema["paths"]
    ]
    assert missing == []


def test_steps_describe_their_request_body_and_answer(schema: Any) -> None:
    post = schema["paths"]["/api/assignments/{id}/extension/"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body.endswith("/ExtensionInput")
    answer = post["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert answer.endswith("/Assignment")
    assert set(post["responses"]) >= {"200", "400", "403", "404", "409"}


def test_schema_generation_gives_no_warning(tmp_path: Path) -> None:
    out = tmp_path / "schema.yaml"
    call_command("spectacular", validate=True, fail_on_warn=True, file=str(out), stdout=StringIO())
    assert "/api/dashboard/" in yaml.safe_load(out.read_text(encoding="utf-8"))["paths"]


def test_schema_is_served_as_json_to_a_signed_in_user(client_for: Any, officer_a: Any) -> None:
    response = client_for(officer_a).get(
        "/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "chidao API"


@pytest.mark.django_db
def test_the_schema_is_closed_to_anonymous_visitors(client: Any) -> None:
    response = client.get("/api/schema/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("Chưa xác thực")
