"""The review screen: the marked source, a form per proposed task, and every action on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from chidao.audit.models import HistoryEntry
from chidao.documents.models import Candidate, Decision, Document, DocumentStatus, IngestJob
from chidao.documents.services import submit_upload
from chidao.registry.models import Agency
from chidao.tracking.models import Assignment, Task
from tests.web.factories import make_document

TEXT = (
    "1. Giao Sở Tài chính chủ trì rà soát kinh phí. Hoàn thành trước ngày 30/11/2026.\n"
    "2. Giao Sở Y tế kiểm tra an toàn thực phẩm.\n"
    "3. Các sở, ban, ngành triển khai thực hiện."
)
LINES = TEXT.split("\n")


@pytest.fixture
def document(office: Any, agency_a: Agency, agency_b: Agency) -> Document:
    """Three proposed tasks: item 1 for agency A, item 2 for agency B, item 3 without a lead."""
    document = make_document(office, text=TEXT)
    for order, (line, lead) in enumerate(zip(LINES, [agency_a, agency_b, None], strict=True), 1):
        start = TEXT.index(line)
        c = Candidate.objects.create(
            document=document, order=order, start=start, end=start + len(line), text=line
        )
        if lead is not None:
            c.lead.set([lead])
    return document


@pytest.fixture
def office_client(client_for: Callable[[Any], Client], office: Any) -> Client:
    return client_for(office)


def item(document: Document, order: int) -> Candidate:
    return document.candidates.get(order=order)


def url(name: str, obj: Any) -> str:
    return reverse(f"documents:{name}", args=[obj.pk])


def fields(c: Candidate, action: str, **changes: Any) -> dict[str, Any]:
    """The candidate's form as the page sends it, with ``changes`` applied."""
    values: dict[str, Any] = {
        "text": c.text,
        "lead": [a.pk for a in c.lead.all()],
        "support": [a.pk for a in c.support.all()],
        "deadline": c.deadline.isoformat() if c.deadline else "",
        "recurrence": c.recurrence,
        "version": c.version,
        **changes,
    }
    return {"action": action, **{f"c{c.pk}-{k}": v for k, v in values.items()}}


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- the page -----------------------------------------------------------------------------


def test_the_review_page_marks_each_task_in_the_source_and_shows_a_form_for_it(
    office_client: Client, document: Document
) -> None:
    response = office_client.get(url("review", document))
    page = response.content.decode()
    first = item(document, 1)
    assert (
        f'<mark id="span-{first.pk}" class="pending"><span class="tag">1</span>{LINES[0]}</mark>'
        in page
    )
    assert page.count("<mark ") == 3
    assert f'name="c{first.pk}-text"' in page and f'name="c{first.pk}-version"' in page
    assert f'name="c{first.pk}-lead" value="{first.lead.get().pk}" checked' in page
    assert 'data-url="/co-quan/tim/"' in page and "documents/review.js" in page
    for button in (
        "Chấp nhận",
        "Lưu",
        "Loại bỏ",
        "Gộp với mục 2",
        "Tách",
        "Thêm nhiệm vụ",
        "Đăng ký",
    ):
        assert button in page
    assert "Tách trước: «Hoàn thành trước ngày 30/11/2026.»" in page


@pytest.mark.parametrize("who", ["officer_a", "leader"])
def test_only_the_office_may_open_or_post_to_the_review_screen(
    who: str,
    request: pytest.FixtureRequest,
    client_for: Callable[[Any], Client],
    document: Document,
) -> None:
    client = client_for(request.getfixturevalue(who))
    first = item(document, 1)
    assert client.get(url("review", document)).status_code == 403
    assert client.post(url("candidate", first), fields(first, "accept")).status_code == 403
    assert client.post(url("register", document)).status_code == 403
    assert client.post(url("accept_all", document)).status_code == 403
    assert item(document, 1).decision == Decision.PENDING


def test_a_script_in_an_uploaded_directive_is_shown_as_text(
    office_client: Client, office: Any, django_capture_on_commit_callbacks: Any
) -> None:
    body = (
        "UBND THÀNH PHỐ HÀ NỘI\nSố: 77/UBND-KT\nV/v thử nghiệm\n\n"
        "1. Giao Sở Y tế <script>alert('xss')</script> kiểm tra, báo cáo trước ngày 30/12/2026.\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        submit_upload(office, SimpleUploadedFile("xss.txt", body.encode()))
    document = IngestJob.objects.get().document
    assert document is not None
    page = office_client.get(url("review", document)).content.decode()
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in page
    assert "<script>alert" not in page


def test_an_expanded_group_is_noted_with_its_size_and_its_members_are_editable(
    office_client: Client, office: Any, sample_upload: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        submit_upload(office, sample_upload("tb-ket-luan-giao-ban-thang-3-2022.txt"))
    document = Document.objects.get()
    first = document.candidates.first()
    assert first is not None and first.lead.count() > 20
    page = office_client.get(url("review", document)).content.decode()
    assert "Nhóm: các sở, ban, ngành →" in page and "có thể bỏ bớt" in page
    assert page.count(f' name="c{first.pk}-lead" value=') == first.lead.count()


def test_unmatched_names_are_shown_as_a_warning(office_client: Client, document: Document) -> None:
    Candidate.objects.filter(pk=item(document, 3).pk).update(unmatched=["Ban Quản lý dự án ABC"])
    page = office_client.get(url("review", document)).content.decode()
    assert "Ngoài danh mục:" in page and "Ban Quản lý dự án ABC" in page


# --- accept, edit, reject -----------------------------------------------------------------


def test_accepting_with_edits_saves_them_and_records_history(
    office_client: Client, document: Document, agency_b: Agency
) -> None:
    first = item(document, 1)
    data = fields(
        first, "accept", support=[agency_b.pk], deadline="2026-12-05", recurrence="monthly"
    )
    response = office_client.post(url("candidate", first), data, follow=True)
    assert "Đã chấp nhận mục 1." in messages_of(response)
    first.refresh_from_db()
    assert (first.decision, first.deadline, first.recurrence) == (
        "accepted",
        date(2026, 12, 5),
        "monthly",
    )
    assert list(first.support.all()) == [agency_b]
    entry = HistoryEntry.objects.get(action="candidate.accepted", document=document)
    assert entry.after["decision"] == "accepted" and entry.after["recurrence"] == "monthly"


def test_unticking_a_lead_chip_removes_that_agency(
    office_client: Client, document: Document, agency_a: Agency, agency_b: Agency
) -> None:
    first = item(document, 1)
    office_client.post(url("candidate", first), fields(first, "save", lead=[agency_b.pk]))
    assert list(item(document, 1).lead.all()) == [agency_b]
    assert item(document, 1).decision == Decision.PENDING


def test_rejecting_then_reopening_a_candidate(office_client: Client, document: Document) -> None:
    third = item(document, 3)
    office_client.post(url("candidate", third), fields(third, "reject"))
    third.refresh_from_db()
    assert third.decision == Decision.REJECTED
    page = office_client.get(url("review", document)).content.decode()
    assert 'class="rejected"><span class="tag">3</span>' in page and "Xét lại" in page
    office_client.post(url("candidate", third), fields(third, "reopen"))
    assert item(document, 3).decision == Decision.PENDING


def test_accepting_without_a_lead_is_refused_with_a_message(
    office_client: Client, document: Document
) -> None:
    third = item(document, 3)
    response = office_client.post(url("candidate", third), fields(third, "accept"), follow=True)
    assert "Chọn ít nhất một đơn vị chủ trì trước khi chấp nhận nhiệm vụ." in messages_of(response)
    assert item(document, 3).decision == Decision.PENDING


def test_an_invalid_date_is_reported_and_nothing_changes(
    office_client: Client, document: Document
) -> None:
    first = item(document, 1)
    data = fields(first, "save", deadline="31/02/2026", text="Đổi")
    response = office_client.post(url("candidate", first), data, follow=True)
    assert any(m.startswith("Thời hạn:") for m in messages_of(response))
    assert item(document, 1).text == LINES[0]


def test_two_reviewers_saving_the_same_task_cannot_overwrite_each_other(
    client_for: Callable[[Any], Client], office: Any, admin_user: Any, document: Document
) -> None:
    one, two = client_for(office), client_for(admin_user)
    one.get(url("review", document))
    two.get(url("review", document))
    read = item(document, 1)  # both pages carry version 1
    first = one.post(
        url("candidate", read), fields(read, "save", text="Bản của người thứ nhất"), follow=True
    )
    assert "Đã lưu mục 1." in messages_of(first)
    second = two.post(url("candidate", read), fields(read, "save", text="Bản thứ hai"), follow=True)
    assert any(m.startswith("Người khác vừa cập nhật") for m in messages_of(second))
    assert item(document, 1).text == "Bản của người thứ nhất"
    assert "Bản của người thứ nhất" in second.content.decode()  # the page shows the current text


# --- merge, split, add, accept all --------------------------------------------------------


def test_merging_the_selected_tasks(office_client: Client, document: Document) -> None:
    ids = [item(document, 2).pk, item(document, 3).pk]
    response = office_client.post(url("merge", document), {"ids": ids}, follow=True)
    assert "Đã gộp thành mục 2." in messages_of(response)
    assert document.candidates.count() == 2
    assert item(document, 2).text == LINES[1] + "\n" + LINES[2]


def test_merging_needs_two_of_this_documents_tasks(
    office_client: Client, document: Document, office: Any
) -> None:
    other = make_document(office)
    stranger = Candidate.objects.create(document=other, order=1, text="Việc khác")
    response = office_client.post(
        url("merge", document), {"ids": [item(document, 1).pk, stranger.pk]}, follow=True
    )
    assert "Nhiệm vụ đề xuất không thuộc văn bản này." in " ".join(messages_of(response))
    response = office_client.post(
        url("merge", document), {"ids": [item(document, 1).pk]}, follow=True
    )
    assert "Chọn ít nhất hai nhiệm vụ đề xuất để gộp." in messages_of(response)
    assert document.candidates.count() == 3


def test_splitting_a_task_at_a_sentence(office_client: Client, document: Document) -> None:
    first = item(document, 1)
    at = first.text.index("Hoàn thành")
    response = office_client.post(url("split", first), {"at": at, "version": 1}, follow=True)
    assert "Đã tách thành mục 1 và mục 2." in messages_of(response)
    assert list(document.candidates.values_list("text", flat=True)[:2]) == [
        "1. Giao Sở Tài chính chủ trì rà soát kinh phí.",
        "Hoàn thành trước ngày 30/11/2026.",
    ]
    assert document.candidates.count() == 4


def test_adding_a_missed_task(office_client: Client, document: Document, agency_b: Agency) -> None:
    data = {
        "text": "Tổ chức tập huấn an toàn thực phẩm",
        "quote": "kiểm tra an toàn thực phẩm",
        "lead": [agency_b.pk],
        "deadline": "2026-12-20",
        "recurrence": "",
    }
    response = office_client.post(url("add", document), data, follow=True)
    assert "Đã thêm mục 3." in messages_of(response)
    added = item(document, 3)
    assert (added.decision, added.added_by_reviewer, added.deadline) == (
        "accepted",
        True,
        date(2026, 12, 20),
    )
    assert HistoryEntry.objects.filter(action="candidate.added", document=document).exists()


def test_adding_without_text_shows_the_form_again_with_the_chosen_agency(
    office_client: Client, document: Document, agency_b: Agency
) -> None:
    response = office_client.post(url("add", document), {"text": "", "lead": [agency_b.pk]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "This field is required" in page or "Trường này là bắt buộc" in page
    assert f'name="lead" value="{agency_b.pk}" checked' in page
    assert document.candidates.count() == 3


def test_accept_all_leaves_tasks_without_a_lead_for_the_reviewer(
    office_client: Client, document: Document
) -> None:
    response = office_client.post(url("accept_all", document), follow=True)
    assert "Đã chấp nhận 2 nhiệm vụ đề xuất." in messages_of(response)
    assert any("Còn 1 mục chưa có đơn vị chủ trì" in m for m in messages_of(response))


# --- registration -------------------------------------------------------------------------


def test_registration_is_refused_while_a_task_is_undecided(
    office_client: Client, document: Document
) -> None:
    response = office_client.post(url("register", document), follow=True)
    assert response.redirect_chain[-1][0] == url("review", document)
    assert any(
        m.startswith("Còn 3 nhiệm vụ đề xuất chưa được chấp nhận") for m in messages_of(response)
    )
    assert not Task.objects.exists()


def test_registration_is_refused_when_an_accepted_task_lost_its_lead(
    office_client: Client, document: Document
) -> None:
    office_client.post(url("accept_all", document))
    office_client.post(url("candidate", item(document, 3)), fields(item(document, 3), "reject"))
    first = item(document, 1)
    office_client.post(url("candidate", first), fields(first, "save", lead=[]))
    assert item(document, 1).decision == Decision.ACCEPTED
    response = office_client.post(url("register", document), follow=True)
    assert any("chưa có đơn vị chủ trì" in m for m in messages_of(response))
    assert not Task.objects.exists()


def test_registering_turns_only_accepted_tasks_into_assignments(
    office_client: Client, document: Document, agency_a: Agency, agency_b: Agency
) -> None:
    first, second, third = (item(document, n) for n in (1, 2, 3))
    office_client.post(url("candidate", first), fields(first, "accept", deadline="2026-11-30"))
    office_client.post(url("candidate", second), fields(second, "reject"))
    office_client.post(url("candidate", third), fields(third, "reject"))
    response = office_client.post(url("register", document), follow=True)
    assert response.redirect_chain[-1][0] == url("detail", document)
    assert "Đã đăng ký văn bản với 1 nhiệm vụ." in messages_of(response)
    task = Task.objects.get()
    assert task.text == LINES[0] and task.candidate_id == first.pk
    assert list(Assignment.objects.values_list("agency", "deadline")) == [
        (agency_a.pk, date(2026, 11, 30))
    ]
    page = response.content.decode()
    assert "30/11/2026" in page and reverse("tracking:task_detail", kwargs={"pk": task.pk}) in page
    document.refresh_from_db()
    assert document.status == DocumentStatus.REGISTERED
    # the review screen now leads to the document, and edits are refused
    assert office_client.get(url("review", document)).status_code == 302
    response = office_client.post(
        url("candidate", second), fields(item(document, 2), "accept"), follow=True
    )
    assert any("đã được đăng ký" in m for m in messages_of(response))


# --- htmx: one card back, not the page ----------------------------------------------------

HX = {"HTTP_HX_REQUEST": "true"}


def test_an_htmx_accept_answers_with_the_card_and_the_counters_only(
    office_client: Client, document: Document
) -> None:
    first = item(document, 1)
    response = office_client.post(url("candidate", first), fields(first, "accept"), **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'id="source"' not in html  # the source is not sent again
    assert f'id="c-{first.pk}" data-decision="accepted"' in html
    assert "Đã chấp nhận mục 1." in html
    assert 'id="review-counts" hx-swap-oob="true"' in html and "1 chấp nhận" in html
    assert item(document, 1).decision == Decision.ACCEPTED
    # the message went into the card, not into the session for the next page
    assert not list(office_client.get(url("review", document)).context["messages"])


def test_an_htmx_reject_and_reopen_answer_with_the_card(
    office_client: Client, document: Document
) -> None:
    third = item(document, 3)
    html = office_client.post(url("candidate", third), fields(third, "reject"), **HX)
    assert (
        'data-decision="rejected"' in html.content.decode() and "Xét lại" in html.content.decode()
    )
    third.refresh_from_db()
    html = office_client.post(url("candidate", third), fields(third, "reopen"), **HX)
    assert 'data-decision="pending"' in html.content.decode()
    assert item(document, 3).decision == Decision.PENDING


def test_a_stale_htmx_save_is_refused_in_the_card_with_the_current_text(
    client_for: Callable[[Any], Client], office: Any, admin_user: Any, document: Document
) -> None:
    one, two = client_for(office), client_for(admin_user)
    read = item(document, 1)
    one.post(url("candidate", read), fields(read, "save", text="Bản của người thứ nhất"), **HX)
    response = two.post(url("candidate", read), fields(read, "save", text="Bản thứ hai"), **HX)
    html = response.content.decode()
    assert "Người khác vừa cập nhật" in html and 'class="msg msg-error"' in html
    assert "Bản của người thứ nhất" in html and "<html" not in html
    assert item(document, 1).text == "Bản của người thứ nhất"


def test_an_htmx_action_is_refused_to_others_as_before(
    client_for: Callable[[Any], Client], officer_a: Any, document: Document
) -> None:
    first = item(document, 1)
    response = client_for(officer_a).post(url("candidate", first), fields(first, "accept"), **HX)
    assert response.status_code in {403, 404}
    assert item(document, 1).decision == Decision.PENDING


def test_without_htmx_an_action_still_redirects_to_the_screen(
    office_client: Client, document: Document
) -> None:
    first = item(document, 1)
    response = office_client.post(url("candidate", first), fields(first, "accept"))
    assert response.status_code == 302
    assert response["Location"] == f"{url('review', document)}#c-{first.pk}"
