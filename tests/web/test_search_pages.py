"""One search box over documents, tasks, reports and agencies, on SQLite FTS5 and on
PostgreSQL full-text search alike (the suite runs on both)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from chidao.search.engine import search
from chidao.search.models import Kind, SearchEntry
from chidao.tracking.services import report_progress
from tests.web.factories import assignment_of, make_document, make_task

pytestmark = pytest.mark.django_db

DIRECTIVE = (
    "UBND Thành phố giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp Sở Tài chính rà soát "
    "danh mục dự án đầu tư công trung hạn; báo cáo UBND Thành phố trước ngày 30/12/2026. "
    "Thực hiện Công văn số 2658/UBND-KT ngày 15/6/2026 về chuyển đổi số."
)


def titles(user: Any, q: str, **kw: Any) -> list[str]:
    return [str(hit.title) for hit in search(user, q, **kw).hits]


def page(client: Client, **params: str) -> str:
    return client.get(reverse("search:results"), params).content.decode()


def test_a_query_without_accents_finds_the_agency_with_them(office: Any) -> None:
    found = search(office, "so ke hoach dau tu")
    agencies = [h for h in found.hits if h.kind == Kind.AGENCY]
    assert agencies and "<mark>Đầu</mark> <mark>tư</mark>" in str(agencies[0].title)
    assert re.sub("</?mark>", "", str(agencies[0].title)) == "Sở Kế hoạch và Đầu tư"


def test_the_letter_d_finds_đ_and_the_other_way_round(office: Any) -> None:
    make_document(office, number="11/KH-UBND", text="Đường giao thông nông thôn.")
    assert titles(office, "duong giao thong")
    assert titles(office, "ĐƯỜNG GIAO")
    make_document(office, number="12/KH-UBND", text="Duong Lam là làng cổ.")
    assert len(titles(office, "đuong lam", kind=Kind.DOCUMENT)) == 1


def test_a_document_number_finds_that_document_first_and_not_a_similar_number(
    office: Any,
) -> None:
    citing = make_document(office, number="7/KH-UBND", text=DIRECTIVE)
    make_document(office, number="2658/UBND-VX", text="Văn bản khác, mục KT.")
    own = make_document(office, number="2658/UBND-KT", text="Về chuyển đổi số năm 2026.")
    found = search(office, "2658/UBND-KT", kind=Kind.DOCUMENT)
    urls = [h.url for h in found.hits]
    assert urls == [
        reverse("documents:detail", args=[own.pk]),
        reverse("documents:detail", args=[citing.pk]),
    ]
    assert "<mark>2658/UBND-KT</mark>" in str(found.hits[0].title)
    assert "<mark>2658/UBND-KT</mark>" in str(found.hits[1].snippet)


def test_snippets_are_escaped_and_highlight_the_original_accented_words(office: Any) -> None:
    make_document(office, text="Danh mục <script>alert('x')</script> dự án đầu tư công.")
    hit = search(office, "du an dau tu cong", kind=Kind.DOCUMENT).hits[0]
    assert "&lt;script&gt;" in str(hit.snippet) and "<script>" not in str(hit.snippet)
    assert "<mark>dự</mark> <mark>án</mark> <mark>đầu</mark> <mark>tư</mark> <mark>công</mark>" in (
        str(hit.snippet)
    )


def test_results_are_ranked_title_matches_first(office: Any) -> None:
    make_document(office, number="1/KH-UBND", text="Phòng cháy chữa cháy " * 3)
    make_document(
        office, number="2/KH-UBND", subject="Phòng cháy chữa cháy mùa khô", text="Nội dung."
    )
    first = search(office, "phong chay", kind=Kind.DOCUMENT).hits[0]
    assert "2/KH-UBND" in str(first.title)


def test_tasks_and_reports_are_found_and_link_to_their_pages(
    office: Any, officer_a: Any, agency_a: Any
) -> None:
    task = make_task(office, [agency_a], text="Rà soát danh mục dự án đầu tư công trung hạn.")
    a = assignment_of(task, agency_a)
    report_progress(officer_a, a, "Đã hoàn thành rà soát 120 dự án, còn 15 dự án vướng mắc.", 60)
    found = search(office, "vuong mac")
    assert [h.kind for h in found.hits] == [Kind.REPORT]
    assert found.hits[0].url == reverse("tracking:assignment_detail", args=[a.pk])
    found = search(office, "du an dau tu cong trung han", kind=Kind.TASK)
    assert found.hits[0].url == reverse("tracking:task_detail", args=[task.pk])


def test_an_officer_finds_only_what_their_agency_may_see(
    office: Any, officer_a: Any, officer_b: Any, agency_a: Any, agency_b: Any
) -> None:
    mine = make_task(office, [agency_a], text="Kiểm kê tài sản công năm 2026.")
    theirs = make_task(office, [agency_b], text="Kiểm tra an toàn thực phẩm năm 2026.")
    report_progress(officer_b, assignment_of(theirs, agency_b), "Đã kiểm tra 40 cơ sở.", 30)
    assert {h.url for h in search(officer_a, "kiem", kind=Kind.TASK).hits} == {
        reverse("tracking:task_detail", args=[mine.pk])
    }
    assert not search(officer_a, "an toan thuc pham").counts.get(Kind.DOCUMENT)
    assert not search(officer_a, "40 co so").hits
    assert search(officer_b, "40 co so").hits
    assert len(search(office, "kiem", kind=Kind.TASK).hits) == 2


def test_the_search_page_shows_tabs_counts_and_marked_results(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    make_document(office, number="187/KH-UBND", subject="Phòng, chống thiên tai năm 2024")
    html = page(client_for(office), q="thien tai")
    assert "Văn bản" in html and "Tất cả" in html
    assert "<mark>thiên</mark> <mark>tai</mark>" in html
    html = page(client_for(office), q="khong co gi nhu the nay")
    assert "Không tìm thấy kết quả nào" in html


def test_the_search_page_asks_to_sign_in(client: Client) -> None:
    response = client.get(reverse("search:results"), {"q": "so tai chinh"})
    assert (response.status_code == 302 and "login" in response["Location"]) or "dang-nhap" in (
        response["Location"]
    )


def test_reindex_rebuilds_the_index_from_the_database(office: Any) -> None:
    make_document(office, number="9/KH-UBND", text="Chỉnh trang đô thị.")
    SearchEntry.objects.all().delete()
    assert not search(office, "chinh trang").hits
    call_command("reindex", verbosity=0)
    assert search(office, "chinh trang").hits
    assert SearchEntry.objects.filter(kind=Kind.AGENCY).count() > 50


def test_odd_queries_find_nothing_and_break_nothing(office: Any) -> None:
    for q in ['"', "*", "AND OR NOT", "(", "-", "': DROP TABLE", "   ", "NEAR(a b)"]:
        search(office, q)
    assert not search(office, "").hits
