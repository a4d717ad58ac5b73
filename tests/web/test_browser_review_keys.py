"""The review in a real browser, by keyboard: the shortcuts move between cards and decide
them, a group of agencies opens on demand, and the scripted review of Công văn
2658/UBND-KT (17 tasks) counts the clicks and keys it takes, at most 2 per correct
proposal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from chidao.documents.models import Candidate, Decision, Document, DocumentStatus
from chidao.documents.services import submit_upload
from chidao.registry.models import Agency
from chidao.registry.services import members_of_group
from chidao.tracking.models import Task
from tests.web.conftest import PASSWORD
from tests.web.factories import make_document
from tests.web.test_browser_csp import watch
from tests.web.tracking_support import set_today

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DISPATCH_2658 = "dev/002_b2afe1b5b9049371"  # Công văn 2658/UBND-KT of 16/08/2021, in shared/eval


def current(page: Any) -> str:
    return str(page.get_attribute("article.cand.current", "id"))


def test_the_keys_move_between_cards_edit_and_decide(
    open_as: Any, live_server: Any, office: Any, agency_a: Agency
) -> None:
    document = make_document(office, text="Giao các sở, ban, ngành triển khai.")
    members = members_of_group("sở, ban, ngành", on=document.issued_on)
    rows = []
    for order in (1, 2, 3):
        c = Candidate.objects.create(
            document=document, order=order, text=f"Việc số {order}.", groups=["sở, ban, ngành"]
        )
        c.lead.set(members if order == 1 else [agency_a])
        rows.append(c)
    page = open_as("chuyenvien", PASSWORD)
    problems = watch(page)
    page.goto(f"{live_server.url}/van-ban/{document.pk}/ra-soat/")
    assert current(page) == f"c-{rows[0].pk}"
    # the group is one chip; its members show when it is opened
    group = f"#c-{rows[0].pk} details.chip-group"
    assert page.locator(f"#c-{rows[0].pk} .picker label.chip").first.is_visible() is False
    page.click(f"{group} > summary")
    assert page.locator(f"{group} label.chip").count() == len(members)
    assert page.locator(f"{group} label.chip").first.is_visible()
    page.keyboard.press("j")
    assert current(page) == f"c-{rows[1].pk}"
    page.keyboard.press("k")
    page.keyboard.press("n")
    assert current(page) == f"c-{rows[1].pk}"
    # e: into the text; a key typed there is text, not a shortcut; Esc leaves it
    page.keyboard.press("e")
    textarea = f"#c-{rows[1].pk} textarea"
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.press("End")
    page.keyboard.type(" a")
    page.keyboard.press("Escape")
    assert page.input_value(textarea).endswith(" a")
    assert Candidate.objects.get(pk=rows[1].pk).decision == Decision.PENDING
    page.keyboard.press("r")  # rejects the second card, moves on to the third
    page.wait_for_selector(f"#c-{rows[1].pk}.rejected")
    assert current(page) == f"c-{rows[2].pk}"
    page.keyboard.press("p")
    page.keyboard.press("p")
    page.keyboard.press("a")  # the first: its 47 members sent from the closed group
    page.wait_for_selector(f"#c-{rows[0].pk}.accepted")
    assert Candidate.objects.get(pk=rows[0].pk).lead.count() == len(members)
    assert Candidate.objects.get(pk=rows[1].pk).decision == Decision.REJECTED
    assert problems == []


def test_a_refused_accept_brings_the_card_back(
    open_as: Any, live_server: Any, office: Any, agency_a: Agency
) -> None:
    document = make_document(office)
    lacking = Candidate.objects.create(document=document, order=1, text="Việc chưa có chủ trì.")
    other = Candidate.objects.create(document=document, order=2, text="Việc khác.")
    other.lead.set([agency_a])
    page = open_as("chuyenvien", PASSWORD)
    page.goto(f"{live_server.url}/van-ban/{document.pk}/ra-soat/")
    page.keyboard.press("a")
    page.wait_for_selector(f"#c-{lacking.pk} .msg-error")
    page.wait_for_function(
        f"document.getElementById('c-{lacking.pk}').classList.contains('current')"
    )
    assert Candidate.objects.get(pk=lacking.pk).decision == Decision.PENDING


@pytest.fixture
def dispatch_2658(office: Any, eval_dir: Path) -> tuple[Document, list[dict[str, Any]]]:
    path = eval_dir / f"{DISPATCH_2658}.txt"
    gold = json.loads((eval_dir / f"{DISPATCH_2658}.gold.json").read_text(encoding="utf-8"))
    submit_upload(office, SimpleUploadedFile("2658-UBND-KT.txt", path.read_bytes()))
    document = Document.objects.get(filename="2658-UBND-KT.txt")
    assert document.number == "2658/UBND-KT"
    return document, gold["tasks"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # reviewed the week it came: one key per proposal and the registration click
        (date(2021, 8, 20), 17 + 1),
        # reviewed after the 2025 reorganisation: in the 6 items that name the quận/huyện,
        # one more key drops those bodies (dissolved, no successor); the merged Sở go to
        # their successors at registration without a key
        (date(2026, 11, 2), 17 + 6 + 1),
    ],
)
def test_reviewing_dispatch_2658_takes_at_most_two_actions_per_correct_proposal(
    open_as: Any,
    live_server: Any,
    office: Any,
    scorer: ModuleType,
    dispatch_2658: tuple[Document, list[dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    day: date,
    expected: int,
) -> None:
    set_today(monkeypatch, day)
    document, gold = dispatch_2658
    proposals = list(document.candidates.order_by("order"))
    matched = scorer.match_tasks(gold, [{"text": c.text} for c in proposals])
    correct = {proposals[p].pk for _g, p in matched}
    assert len(gold) == 17 and len(correct) >= 15  # the extractor finds (nearly) all of them
    page = open_as("chuyenvien", PASSWORD)
    problems = watch(page)
    page.goto(f"{live_server.url}/van-ban/{document.pk}/ra-soat/")
    actions = 0
    for c in proposals:  # the reviewer reads the card, then a key or two decide it
        assert current(page) == f"c-{c.pk}"
        if c.pk in correct and page.locator(f"#c-{c.pk} button.drop-ended").count():
            page.keyboard.press("d")
            actions += 1
        page.keyboard.press("a" if c.pk in correct else "r")
        actions += 1
        # waiting for the answer is reading, no action (and keeps SQLite's writes apart)
        page.wait_for_selector(f"#c-{c.pk}.{'accepted' if c.pk in correct else 'rejected'}")
    accepted = len(correct)
    page.wait_for_selector(f"#review-counts:has-text('{accepted} chấp nhận')")
    page.wait_for_selector("#review-counts:has-text('0 chưa xem')")
    page.click(f"form[action='/van-ban/{document.pk}/dang-ky/'] button[type=submit]")
    actions += 1
    page.wait_for_url(f"**/van-ban/{document.pk}/")
    document.refresh_from_db()
    assert document.status == DocumentStatus.REGISTERED
    assert Task.objects.filter(document=document, series=None).count() == accepted
    print(f"2658/UBND-KT on {day:%d/%m/%Y}: {actions} actions, {accepted} correct proposals")
    assert actions == expected
    assert actions <= 2 * accepted
    assert problems == []
