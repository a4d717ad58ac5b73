"""Review services (chidao/documents/review.py) and the source highlighter, without pages."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from chidao.audit.models import HistoryEntry
from chidao.common.errors import ActionError, Conflict, NotAllowed
from chidao.documents.highlight import Span, highlight
from chidao.documents.models import Candidate, Decision, Document
from chidao.documents.review import (
    CandidateEdit,
    accept_all,
    add_candidate,
    decide,
    merge,
    save_candidate,
    sentence_breaks,
    split,
)
from chidao.documents.services import register_document
from chidao.registry.models import Agency
from tests.web.factories import make_document

TEXT = (
    "1. Giao Sở Tài chính chủ trì rà soát kinh phí. Hoàn thành trước ngày 30/11/2026.\n"
    "2. Giao Sở Y tế kiểm tra an toàn thực phẩm; báo cáo kết quả trước ngày 15/12/2026.\n"
    "3. Các sở, ban, ngành triển khai thực hiện."
)


def _span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def candidate(document: Document, order: int, part: str, *lead: Agency, **fields: Any) -> Candidate:
    start, end = _span(part)
    c = Candidate.objects.create(
        document=document, order=order, start=start, end=end, text=part, **fields
    )
    c.lead.set(lead)
    return c


@pytest.fixture
def document(office: Any) -> Document:
    return make_document(office, text=TEXT)


@pytest.fixture
def three(document: Document, agency_a: Agency, agency_b: Agency) -> list[Candidate]:
    lines = TEXT.split("\n")
    return [
        candidate(document, 1, lines[0], agency_a, deadline=date(2026, 11, 30)),
        candidate(document, 2, lines[1], agency_b, deadline=date(2026, 12, 15)),
        candidate(document, 3, lines[2]),
    ]


# --- the highlighter ----------------------------------------------------------------------


def test_highlight_escapes_text_between_and_inside_marks() -> None:
    text = "Trước <script>alert(1)</script> giữa <b>đậm</b> sau"
    html = highlight(text, [Span(text.index("giữa"), len(text) - 4, "1")])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark><span class="tag">1</span>giữa &lt;b&gt;đậm&lt;/b&gt;</mark> sau' in html


def test_highlight_cuts_an_overlapping_span_at_the_end_of_the_one_before() -> None:
    html = highlight("abcdefghij", [Span(5, 9, "2"), Span(0, 6, "1"), Span(2, 4, "3")])
    assert html == (
        '<mark><span class="tag">1</span>abcdef</mark><mark><span class="tag">2</span>ghi</mark>j'
    )


def test_highlight_clips_out_of_range_spans_and_skips_spans_without_offsets() -> None:
    html = highlight(
        "abc", [Span(-5, 1, "1"), Span(2, 99, "2"), Span(50, 60, "3"), Span(None, 2, "4")]
    )
    assert (
        html == '<mark><span class="tag">1</span>a</mark>b<mark><span class="tag">2</span>c</mark>'
    )


def test_highlight_puts_anchor_and_class_on_the_mark_escaped() -> None:
    html = highlight("xy", [Span(0, 1, "<1>", css="accepted", anchor='span-"9')])
    assert html.startswith(
        '<mark id="span-&quot;9" class="accepted"><span class="tag">&lt;1&gt;</span>x'
    )


def test_sentence_breaks_are_after_sentence_ends_with_text_on_both_sides() -> None:
    text = "Rà soát kinh phí. Báo cáo kết quả; tổng hợp gửi Văn phòng."
    breaks = sentence_breaks(text)
    assert [at for at, _ in breaks] == [17, 34]
    assert breaks[0][1].startswith("Báo cáo")
    assert sentence_breaks("Một câu duy nhất.") == []


# --- edit, accept, reject -----------------------------------------------------------------


def test_saving_with_the_version_read_changes_the_candidate_and_records_history(
    office: Any, three: list[Candidate], agency_a: Agency, agency_b: Agency
) -> None:
    c = three[0]
    edit = CandidateEdit(
        "Rà soát kinh phí năm 2027", [agency_a.pk], [agency_b.pk], date(2026, 12, 1)
    )
    save_candidate(office, c, edit, read_version=1)
    c.refresh_from_db()
    assert (c.text, c.deadline, c.version) == ("Rà soát kinh phí năm 2027", date(2026, 12, 1), 2)
    assert list(c.support.all()) == [agency_b]
    entry = HistoryEntry.objects.get(action="candidate.edited")
    assert entry.document_id == c.document_id
    assert entry.before["deadline"] == "2026-11-30" and entry.after["deadline"] == "2026-12-01"
    assert entry.after["support"] == [agency_b.pk]


def test_a_stale_version_is_refused_and_nothing_is_overwritten(
    office: Any, three: list[Candidate], agency_a: Agency
) -> None:
    c = three[0]
    save_candidate(
        office, c, CandidateEdit("Bản của người thứ nhất", [agency_a.pk]), read_version=1
    )
    stale = Candidate.objects.get(pk=c.pk)
    with pytest.raises(Conflict, match="Người khác vừa cập nhật"):
        save_candidate(office, stale, CandidateEdit("Bản thứ hai", [agency_a.pk]), read_version=1)
    assert Candidate.objects.get(pk=c.pk).text == "Bản của người thứ nhất"


def test_accepting_needs_a_lead_agency(office: Any, three: list[Candidate]) -> None:
    with pytest.raises(ActionError, match="đơn vị chủ trì"):
        decide(office, three[2], Decision.ACCEPTED, read_version=1)
    with pytest.raises(ActionError, match="đơn vị chủ trì"):
        save_candidate(
            office, three[2], CandidateEdit("x"), read_version=1, decision=Decision.ACCEPTED
        )
    assert Candidate.objects.get(pk=three[2].pk).decision == Decision.PENDING


def test_only_the_office_reviews(officer_a: Any, three: list[Candidate]) -> None:
    with pytest.raises(NotAllowed):
        decide(officer_a, three[0], Decision.REJECTED, read_version=1)


def test_a_registered_document_can_no_longer_be_reviewed(
    office: Any, three: list[Candidate], today: date
) -> None:
    decide(office, three[0], Decision.ACCEPTED, read_version=1)
    decide(office, three[1], Decision.REJECTED, read_version=1)
    decide(office, three[2], Decision.REJECTED, read_version=1)
    register_document(office, three[0].document, today=today)
    with pytest.raises(ActionError, match="đã được đăng ký"):
        decide(office, Candidate.objects.get(pk=three[1].pk), Decision.PENDING, read_version=2)


def test_accept_all_accepts_those_with_a_lead_and_leaves_the_others(
    office: Any, document: Document, three: list[Candidate]
) -> None:
    assert accept_all(office, document) == (2, 1)
    decisions = dict(document.candidates.values_list("order", "decision"))
    assert decisions == {1: "accepted", 2: "accepted", 3: "pending"}


# --- merge, split, add --------------------------------------------------------------------


def test_merging_joins_text_unites_agencies_keeps_earliest_deadline_and_renumbers(
    office: Any, document: Document, three: list[Candidate], agency_a: Agency, agency_b: Agency
) -> None:
    merged = merge(office, document, [three[1].pk, three[0].pk])
    assert merged.pk == three[0].pk
    assert merged.text == TEXT.split("\n")[0] + "\n" + TEXT.split("\n")[1]
    assert set(merged.lead.all()) == {agency_a, agency_b}
    assert merged.deadline == date(2026, 11, 30)
    assert (merged.start, merged.end) == (
        0,
        len(TEXT.split("\n")[0]) + 1 + len(TEXT.split("\n")[1]),
    )
    assert list(document.candidates.values_list("pk", "order")) == [
        (three[0].pk, 1),
        (three[2].pk, 2),
    ]
    assert HistoryEntry.objects.filter(action="candidate.merged", document=document).exists()


def test_merging_needs_two_candidates(
    office: Any, document: Document, three: list[Candidate]
) -> None:
    with pytest.raises(ActionError, match="ít nhất hai"):
        merge(office, document, [three[0].pk])


def test_splitting_at_a_sentence_makes_two_candidates_with_their_own_spans(
    office: Any, document: Document, three: list[Candidate], agency_a: Agency
) -> None:
    c = three[0]
    at = sentence_breaks(c.text)[0][0]
    first, second = split(office, c, at, read_version=1)
    assert first.text == "1. Giao Sở Tài chính chủ trì rà soát kinh phí."
    assert second.text == "Hoàn thành trước ngày 30/11/2026."
    assert TEXT[second.start : second.end] == second.text
    assert first.end == second.start
    assert list(second.lead.all()) == [agency_a]
    assert list(document.candidates.values_list("order", flat=True)) == [1, 2, 3, 4]
    assert Candidate.objects.get(pk=three[1].pk).order == 3


def test_splitting_with_an_empty_side_is_refused(office: Any, three: list[Candidate]) -> None:
    with pytest.raises(ActionError, match="không có nội dung"):
        split(office, three[0], len(three[0].text), read_version=1)


def test_an_added_task_with_a_lead_is_accepted_and_placed_by_its_quote(
    office: Any, document: Document, three: list[Candidate], agency_b: Agency
) -> None:
    edit = CandidateEdit("Kiểm tra an toàn thực phẩm", [agency_b.pk], deadline=date(2026, 12, 15))
    added = add_candidate(office, document, edit, quote="kiểm tra an toàn thực phẩm")
    assert added.decision == Decision.ACCEPTED and added.added_by_reviewer
    assert TEXT[added.start : added.end] == "kiểm tra an toàn thực phẩm"
    assert added.order == 3  # after item 2's start, before item 3
    without_lead = add_candidate(office, document, CandidateEdit("Việc chưa rõ đơn vị"))
    assert (without_lead.decision, without_lead.order, without_lead.start) == ("pending", 5, None)
