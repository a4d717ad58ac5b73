"""One directive of thousands of items keeps every page bounded: the documents list
reads none of its text, its review screen is paged, and a search that finds it reads a
window of its body, not the body."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chidao.documents.models import Document
from chidao.documents.views_ingest import DETAIL_PER_PAGE
from chidao.documents.views_review import PER_PAGE
from chidao.registry.models import Agency
from chidao.search.engine import search
from chidao.search.models import Kind
from tests.web.factories import make_document, make_task
from tests.web.large_document import RARE, make_large_document

pytestmark = pytest.mark.slow

ITEMS = 3_000


@pytest.fixture
def large(office: Any) -> Document:
    return make_large_document(office, items=ITEMS)


@pytest.fixture
def office_client(client_for: Callable[[Any], Client], office: Any) -> Client:
    return client_for(office)


def _list_queries(client: Client) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("documents:list")).status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_the_documents_list_reads_no_text_and_groups_by_nothing_of_a_document(
    office: Any, office_client: Client, officer_a: Any, client_for: Callable[[Any], Client]
) -> None:
    make_document(office)
    before = _list_queries(office_client)
    document = make_large_document(office, items=ITEMS)
    after = _list_queries(office_client)
    assert len(after) == len(before)
    for sql in after:
        assert '"documents_document"."text"' not in sql
        assert '"documents_document"."extraction"' not in sql
        assert not re.search(r"GROUP BY\s+\"documents_document\"", sql)
    page = office_client.get(reverse("documents:list")).content.decode()
    assert f'<td class="num">{ITEMS}</td>' in page
    assert document.number in page


def test_the_review_screen_shows_one_page_of_candidates_and_a_window_of_the_text(
    office_client: Client, large: Document
) -> None:
    url = reverse("documents:review", args=[large.pk])
    page = office_client.get(url).content.decode()
    assert page.count('<article class="card cand') == PER_PAGE
    assert page.count("<mark ") == PER_PAGE
    assert f"{ITEMS} nhiệm vụ đề xuất" in page
    last = -(-ITEMS // PER_PAGE)
    assert 'href="?page=2"' in page and f'href="?page={last}"' in page
    # the source shown is this page's stretch: up to the next page's first item
    assert f"nội dung thứ {PER_PAGE} về" in page
    assert f"nội dung thứ {PER_PAGE + 1} về" not in page and RARE not in page

    second = office_client.get(url, {"page": 2}).content.decode()
    first_of_second = large.candidates.get(order=PER_PAGE + 1)
    assert f'id="c-{first_of_second.pk}"' in second
    assert f'id="span-{first_of_second.pk}"' in second
    assert f"Gộp với mục {2 * PER_PAGE + 1}" in second  # the last card reaches the next page
    assert second.count('<article class="card cand') == PER_PAGE

    final = office_client.get(url, {"page": last}).content.decode()
    assert f"Trang {last}/{last}" in final and RARE in final
    assert office_client.get(url, {"page": "9223372036854775807"}).status_code == 400


def test_the_review_screen_reads_only_its_stretch_of_the_text(
    office_client: Client, large: Document
) -> None:
    url = reverse("documents:review", args=[large.pk])
    for page in (1, 30, 60):
        with CaptureQueriesContext(connection) as queries:
            assert office_client.get(url, {"page": page}).status_code == 200
        for q in queries.captured_queries:  # the text only ever through SUBSTR
            sql = re.sub(r"SUBSTR(ING)?\(\"documents_document\".\"text\"", "", q["sql"])
            assert '"documents_document"."text"' not in sql, q["sql"][:300]
        # the counts and "is any recurring" in one walk of the candidates, not two
        tallies = [q for q in queries.captured_queries if "COUNT(" in q["sql"]]
        assert sum('FROM "documents_candidate"' in q["sql"] for q in tallies) == 1


def test_the_review_screen_s_queries_do_not_grow_with_the_dissolved_bodies_on_it(
    office_client: Client, large: Document
) -> None:
    url = reverse("documents:review", args=[large.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert office_client.get(url).status_code == 200
        return len(captured.captured_queries)

    before = queries()
    cards = list(large.candidates.order_by("order")[:PER_PAGE])
    heir = Agency.objects.filter(valid_to__isnull=True).order_by("pk").last()
    for c in cards[:20]:  # each card's lead merged into another body, which lives on
        gone = c.lead.get()
        Agency.objects.filter(pk=gone.pk).update(valid_to=date(2025, 6, 30), successor=heir)
    page = office_client.get(url).content.decode()
    assert page.count("chip-successor") >= 10  # "Thay bằng …" on the dissolved chips
    assert queries() == before


def test_an_action_on_a_candidate_of_a_later_page_comes_back_to_that_page(
    office_client: Client, large: Document
) -> None:
    c = large.candidates.get(order=2 * PER_PAGE + 5)
    response = office_client.post(
        reverse("documents:candidate", args=[c.pk]),
        {"action": "reject", f"c{c.pk}-version": c.version},
    )
    review = reverse("documents:review", args=[large.pk])
    assert response["Location"] == f"{review}?page=3#c-{c.pk}"


def test_merging_two_candidates_of_a_large_document_renumbers_the_rest(
    office_client: Client, large: Document
) -> None:
    a, b = large.candidates.get(order=10), large.candidates.get(order=11)
    response = office_client.post(
        reverse("documents:merge", args=[large.pk]), {"ids": [a.pk, b.pk]}
    )
    assert response.status_code == 302
    orders = list(large.candidates.values_list("order", flat=True))
    assert orders == list(range(1, ITEMS))


def test_a_search_that_finds_the_large_document_reads_a_window_of_its_body(
    office: Any, large: Document
) -> None:
    with CaptureQueriesContext(connection) as queries:
        found = search(office, "sat lo muong lat", kind=Kind.DOCUMENT)
    hit = found.hits[0]
    assert hit.url == reverse("documents:detail", args=[large.pk])
    snippet = str(hit.snippet)
    assert "<mark>sạt</mark> <mark>lở</mark>" in snippet and "<mark>Mường</mark>" in snippet
    assert snippet.startswith("… ")  # the match is 600 kB in: the window starts there
    assert len(re.sub(r"</?mark>", "", snippet)) < 400
    for q in queries.captured_queries:  # the body only ever through SUBSTR
        sql = re.sub(r"SUBSTR(ING)?\(\"search_searchentry\".\"body\"", "", q["sql"])
        assert '"search_searchentry"."body"' not in sql, q["sql"][:300]


def test_the_page_of_a_large_document_lists_a_page_of_its_tasks_and_a_few_proposals(
    office: Any, office_client: Client, large: Document, agency_a: Any
) -> None:
    page = office_client.get(reverse("documents:detail", args=[large.pk])).content.decode()
    assert f"{ITEMS} nhiệm vụ đề xuất" in page
    assert "nội dung thứ 50 về" in page and "nội dung thứ 51 về" not in page

    registered = make_document(office, status="registered")
    for n in range(DETAIL_PER_PAGE + 3):
        make_task(office, [agency_a], document=registered, text=f"Nhiệm vụ thứ {n} của văn bản.")
    url = reverse("documents:detail", args=[registered.pk])
    first = office_client.get(url).content.decode()
    assert first.count('<article class="task-row">') == DETAIL_PER_PAGE
    second = office_client.get(url, {"page": 2}).content.decode()
    assert second.count('<article class="task-row">') == 3
