"""A review that takes a minute: a group of agencies is one chip, the least certain
proposals can come first (with why each was proposed and how sure the machine was), and
the page names its keyboard shortcuts."""

from __future__ import annotations

import re
from datetime import date
from importlib import import_module
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from chidao.documents.models import Candidate, Decision, Document
from chidao.documents.views_review import PER_PAGE
from chidao.registry.models import Agency
from chidao.registry.services import members_of_group
from tests.web.factories import make_document
from tests.web.registry_support import ingest
from tests.web.tracking_support import set_today

pytestmark = pytest.mark.django_db

GROUP = "sở, ban, ngành"


@pytest.fixture
def office_client(office: Any, client_for: Any) -> Client:
    client: Client = client_for(office)
    return client


def review_url(document: Document, query: str = "") -> str:
    return reverse("documents:review", args=[document.pk]) + query


def card_orders(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="cand-no"[^>]*>(\d+)<', html)]


def test_a_group_is_one_chip_whose_members_open_on_demand(
    office_client: Client, office: Any, registry: None
) -> None:
    document = make_document(office, text="Giao các sở, ban, ngành triển khai thực hiện.")
    members = members_of_group(GROUP, on=document.issued_on)
    assert len(members) > 5
    alone = Agency.objects.exclude(pk__in=[a.pk for a in members]).first()
    assert alone is not None
    c = Candidate.objects.create(
        document=document, order=1, text=document.text, groups=[GROUP], rule="trigger:giao"
    )
    c.lead.set([*members, alone])
    html = office_client.get(review_url(document)).content.decode()
    chips = re.findall(r'<details class="chip-group">(.*?)</details>', html, re.S)
    assert len(chips) == 1
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", chips[0], re.S)
    assert summary is not None and f"{GROUP} ({len(members)})" in summary.group(1)
    # every member is inside the group (closed: a details element), ticked, sent as before
    inside = re.findall(rf'name="c{c.pk}-lead" value="(\d+)" checked', chips[0])
    assert sorted(map(int, inside)) == sorted(a.pk for a in members)
    outside = html.replace(chips[0], "")
    assert f'name="c{c.pk}-lead" value="{alone.pk}" checked' in outside
    assert "Đề xuất vì:" in html  # the reason it was proposed


def test_one_member_of_a_group_is_an_ordinary_chip(
    office_client: Client, office: Any, registry: None
) -> None:
    document = make_document(office)
    member = members_of_group(GROUP, on=document.issued_on)[0]
    c = Candidate.objects.create(document=document, order=1, text=document.text, groups=[GROUP])
    c.lead.set([member])
    html = office_client.get(review_url(document)).content.decode()
    assert "chip-group" not in html
    assert f'value="{member.pk}" checked' in html


def test_accepting_with_a_closed_group_keeps_all_its_members(
    office_client: Client, office: Any, registry: None
) -> None:
    document = make_document(office)
    members = members_of_group(GROUP, on=document.issued_on)
    c = Candidate.objects.create(document=document, order=1, text=document.text, groups=[GROUP])
    c.lead.set(members)
    data = {
        f"c{c.pk}-text": c.text,
        f"c{c.pk}-version": c.version,
        f"c{c.pk}-lead": [a.pk for a in members],
        "action": "accept",
    }
    office_client.post(reverse("documents:candidate", args=[c.pk]), data)
    saved = Candidate.objects.get(pk=c.pk)
    assert saved.decision == Decision.ACCEPTED
    assert saved.lead.count() == len(members)


@pytest.fixture
def scored(office: Any, agency_a: Agency) -> Document:
    """Five proposals: four scored by the extractor, one added by the reviewer."""
    document = make_document(office)
    for order, score in enumerate([0.9, 0.2, None, 0.5, 0.7], 1):
        c = Candidate.objects.create(
            document=document,
            order=order,
            text=f"Nhiệm vụ số {order}.",
            confidence=score,
            added_by_reviewer=score is None,
            rule="trigger:giao",
        )
        c.lead.set([agency_a])
    return document


def test_the_least_certain_come_first_on_request(office_client: Client, scored: Document) -> None:
    in_document = office_client.get(review_url(scored)).content.decode()
    assert card_orders(in_document) == [1, 2, 3, 4, 5]
    doubtful = office_client.get(review_url(scored, "?sort=confidence")).content.decode()
    assert card_orders(doubtful) == [2, 4, 5, 1, 3]  # the reviewer's own, unscored, last
    assert "Ít chắc chắn trước" in doubtful and "chắc chắn 20%" in doubtful
    assert "Có động từ giao việc «giao» kèm tên đơn vị" in doubtful
    # out of the document's order no card offers to merge with "the next one"
    assert "Gộp với mục" in in_document and "Gộp với mục" not in doubtful


def test_the_order_survives_paging_and_an_action_without_javascript(
    office_client: Client, office: Any, agency_a: Agency
) -> None:
    document = make_document(office)
    total = PER_PAGE + 10
    rows = Candidate.objects.bulk_create(
        Candidate(document=document, order=n, text=f"Việc {n}.", confidence=n / 100)
        for n in range(1, total + 1)
    )
    page2 = office_client.get(review_url(document, "?sort=confidence&page=2")).content.decode()
    assert card_orders(page2) == list(range(PER_PAGE + 1, total + 1))
    assert "?sort=confidence&amp;page=1" in page2  # the page links keep the order
    most_sure = rows[-1]
    answer = office_client.post(
        reverse("documents:candidate", args=[most_sure.pk]),
        {"action": "reject", f"c{most_sure.pk}-version": "1", "sort": "confidence"},
    )
    assert answer["Location"].endswith(f"?sort=confidence&page=2#c-{most_sure.pk}")


def test_the_page_names_its_shortcuts_and_loads_them_from_its_own_script(
    office_client: Client, scored: Document
) -> None:
    html = office_client.get(review_url(scored)).content.decode()
    keys = re.search(r'id="review-keys">(.*?)</p>', html, re.S)
    assert keys is not None
    for key in ("a", "r", "j", "k", "e", "d"):
        assert f"<kbd>{key}</kbd>" in keys.group(1)
    assert "chấp nhận" in keys.group(1) and "mục sau" in keys.group(1)
    assert "documents/review.js" in html and "<script>" not in html


def test_a_read_document_keeps_the_extractors_confidence(
    office: Any, django_capture_on_commit_callbacks: Any
) -> None:
    document = ingest(office, django_capture_on_commit_callbacks)
    scores = [c.confidence for c in document.candidates.all()]
    stored = [t["confidence"] for t in document.extraction["tasks"]]
    assert scores and all(s is not None and 0 <= s <= 1 for s in scores)
    assert scores == stored


def test_a_group_says_which_members_ended_and_offers_to_drop_them(
    office_client: Client, office: Any, registry: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_today(monkeypatch, date(2026, 11, 2))  # after the 2025 reorganisation
    document = make_document(office, issued_on=date(2021, 8, 16))
    members = members_of_group("địa phương", on=document.issued_on)  # the 30 quận/huyện
    c = Candidate.objects.create(
        document=document, order=1, text=document.text, groups=["địa phương"]
    )
    c.lead.set(members)
    html = office_client.get(review_url(document)).content.decode()
    summary = re.search(r'<details class="chip-group"><summary[^>]*>(.*?)</summary>', html, re.S)
    assert summary is not None
    assert f"địa phương ({len(members)})" in summary.group(1)
    assert f"{len(members)} đã giải thể/sáp nhập" in summary.group(1)
    gone = re.findall(r'class="chip chip-ended chip-gone"', html)
    assert len(gone) == len(members)
    assert f"Bỏ {len(members)} đơn vị đã giải thể" in html


def test_candidates_read_before_the_change_get_their_confidence_from_the_extraction(
    office: Any,
) -> None:
    document = make_document(
        office,
        extraction={"tasks": [{"text": "Việc một.", "confidence": 0.42}, {"text": "Việc hai."}]},
    )
    for order, text in enumerate(["Việc một.", "Việc hai.", "Việc đã sửa."], 1):
        Candidate.objects.create(document=document, order=order, text=text)
    migration = import_module("chidao.documents.migrations.0006_candidate_confidence")
    migration.from_extraction(apps, None)
    scores = list(document.candidates.order_by("order").values_list("confidence", flat=True))
    assert scores == [0.42, None, None]
