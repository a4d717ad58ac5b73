"""A long body is searched in stretches (chidao/search/segments.py): its snippet is placed
as the whole-body search places it, but found through the stretches' full-text index and
read from one stretch, never by scanning or loading the body."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chidao.documents.models import Document
from chidao.search import engine
from chidao.search.models import Kind, SearchEntry, SearchSegment
from chidao.search.segments import LONG_BODY, OVERLAP, SEGMENT, split
from chidao.search.text import body_terms, fold, parse
from tests.web.factories import make_document
from tests.web.large_document import make_large_document

pytestmark = pytest.mark.django_db

QUERIES = [
    "sat lo muong lat",  # the words once, after the last item, not as a phrase
    "muong lat",  # a phrase at the very end
    "chuyen doi so",  # a phrase on every item
    "noi dung thu 2999",  # a phrase once, near the end
    "thanh pho ha n",  # words and a prefix
    "9999/UBND-KT",  # a number the body does not hold
    "bao cao muong",  # words far apart
]


def _entry(document: Document) -> SearchEntry:
    return SearchEntry.objects.get(kind=Kind.DOCUMENT, object_id=document.pk)


def test_stretches_cover_the_body_overlapping_with_their_folded_text_aligned() -> None:
    body = "Sở Kế hoạch và Đầu tư, " * (LONG_BODY // 10)
    stretches = split(body, body_terms(body))
    assert [s.start for s in stretches] == list(range(0, len(body), SEGMENT))[: len(stretches)]
    assert stretches[-1].start + len(stretches[-1].body) == len(body)
    for s, after in itertools.pairwise(stretches):
        assert s.body == body[s.start : s.start + SEGMENT + OVERLAP]
        assert after.start + OVERLAP == s.start + len(s.body)
    for s in stretches:
        assert s.terms[1 : 1 + len(s.body)] == fold(s.body)
    assert stretches[0].terms[0] == " " and stretches[-1].terms.endswith(" ")
    assert split(body[: LONG_BODY - 1], body_terms(body[: LONG_BODY - 1])) == []


def test_a_long_document_keeps_stretches_that_follow_its_body(office: Any) -> None:
    document = make_large_document(office, items=600)  # about 100,000 characters
    entry = _entry(document)
    starts = list(entry.segments.order_by("start").values_list("start", flat=True))
    assert len(starts) == -(-(len(document.text) - OVERLAP) // SEGMENT)
    document.text = "Một văn bản ngắn."
    document.save()
    assert not SearchSegment.objects.filter(entry=entry).exists()
    short = make_document(office, text="Giao Sở Tài chính chủ trì.")
    assert not _entry(short).segments.exists()
    document.delete()
    assert not SearchSegment.objects.exists()


@pytest.mark.parametrize("q", QUERIES)
def test_a_long_body_s_window_is_the_one_the_whole_body_search_gives(office: Any, q: str) -> None:
    document = make_large_document(office, items=3_000)
    pk = _entry(document).pk
    bounds = SearchSegment.objects.filter(entry_id=pk).order_by("id")
    rows = (bounds.first().pk, bounds.last().pk)  # type: ignore[union-attr]
    query = parse(q)
    assert engine._stretch_window(pk, rows, query) == engine._short_windows([pk], query)[pk]


def test_a_phrase_across_two_stretches_is_found_whole(office: Any) -> None:
    filler = "Các sở, ngành thực hiện nhiệm vụ được giao. "
    head = (filler * (SEGMENT // len(filler) + 1))[: SEGMENT - 10] + " "
    assert len(head) == SEGMENT - 9  # the phrase runs from just before 16,000 to past it
    text = head + "Khắc phục sạt lở đất tại Mường Lát. " + filler * (LONG_BODY // len(filler))
    document = make_document(office, text=text)
    hit = engine.search(office, "khac phuc sat lo dat", kind=Kind.DOCUMENT).hits[0]
    assert "<mark>Khắc</mark> <mark>phục</mark> <mark>sạt</mark>" in str(hit.snippet)
    assert hit.url.endswith(f"/{document.pk}/")


def test_a_search_that_finds_a_long_body_scans_none_of_it(office: Any) -> None:
    make_large_document(office, items=3_000)
    with CaptureQueriesContext(connection) as queries:
        found = engine.search(office, "sat lo muong lat", kind=Kind.DOCUMENT)
    assert "<mark>Mường</mark> <mark>Lát</mark>" in str(found.hits[0].snippet)
    for q in queries.captured_queries:
        assert not re.search(r"(INSTR|STRPOS)\(", q["sql"]), q["sql"][:300]
        assert not re.search(r'SUBSTR(ING)?\("search_searchentry"', q["sql"]), q["sql"][:300]
