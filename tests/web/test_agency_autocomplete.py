"""The agency autocomplete (registry:autocomplete): JSON, accent-insensitive, logged in only.

Answer: ``{"results": [{"id", "name", "kind", "dissolved"}, …]}``, at most 20 rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

URL = reverse("registry:autocomplete")


def names(response: Any) -> list[str]:
    return [row["name"] for row in response.json()["results"]]


def test_a_query_without_accents_finds_the_agency(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    response = client_for(office).get(URL, {"q": "so ke hoach"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert names(response)[0] == "Sở Kế hoạch và Đầu tư"
    row = response.json()["results"][0]
    assert set(row) == {"id", "name", "kind", "dissolved"}
    assert row["dissolved"] is True  # merged into Sở Tài chính in 2025


def test_an_abbreviation_and_the_letter_d_find_the_agency(
    client_for: Callable[[Any], Client], officer_a: Any
) -> None:
    assert "Sở Tài chính" in names(client_for(officer_a).get(URL, {"q": "sở tài"}))
    assert "Sở Kế hoạch và Đầu tư" in names(client_for(officer_a).get(URL, {"q": "dau tu"}))


def test_at_most_twenty_results_and_none_for_an_empty_query(
    client_for: Callable[[Any], Client], leader: Any
) -> None:
    client = client_for(leader)
    assert len(names(client.get(URL, {"q": "so"}))) == 20
    assert names(client.get(URL, {"q": "  "})) == []
    assert names(client.get(URL, {"q": "so", "on": "không phải ngày"}))  # bad date ignored


def test_the_autocomplete_needs_a_login(registry: None) -> None:
    assert Client().get(URL, {"q": "so"}).status_code == 302
