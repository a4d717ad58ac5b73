"""Registering a directive with a recurring task on the review page: its instances start
on the registration day (or the start the reviewer enters, dd/mm/yyyy); the periods
already past are made only when the reviewer registers it as a historical directive."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.audit.models import HistoryEntry
from chidao.documents.models import Candidate, Decision, Document, DocumentStatus
from chidao.registry.models import Agency
from chidao.tracking.models import Assignment, Task
from tests.web.factories import make_document
from tests.web.tracking_support import page_text, set_today

TODAY = date(2026, 12, 6)
# like Công văn 2658/UBND-KT of 16/08/2021: a monthly report from every agency it names
TEXT = (
    "UBND Thành phố yêu cầu các sở, ban, ngành khẩn trương triển khai các nhiệm vụ. "
    "Thường xuyên kiểm tra, đánh giá tình hình và kết quả thực hiện tại báo cáo định kỳ "
    "hàng tháng, kịp thời báo cáo UBND Thành phố.\n"
    "Các sở tổng hợp, gửi báo cáo kết quả trước ngày 20 hằng tháng."
)


@pytest.fixture
def dispatch(office: Any, agency_a: Agency, agency_b: Agency) -> Document:
    document = make_document(office, text=TEXT, issued_on=date(2021, 8, 16), number="2658/UBND-KT")
    for order, line in enumerate(TEXT.split("\n"), 1):
        start = TEXT.index(line)
        c = Candidate.objects.create(
            document=document, order=order, start=start, end=start + len(line), text=line,
            recurrence="monthly", decision=Decision.ACCEPTED,
        )  # fmt: skip
        c.lead.set([agency_a, agency_b])
    return document


def register(client: Client, document: Document, **fields: str) -> list[str]:
    response = client.post(reverse("documents:register", args=[document.pk]), fields, follow=True)
    return [str(m) for m in response.context["messages"]]


def instances(document: Document, order: int) -> list[tuple[date, date | None]]:
    series = Task.objects.get(document=document, order=order, series__isnull=True)
    return list(series.instances.order_by("period_start").values_list("period_start", "deadline"))


@pytest.fixture
def office_client(office: Any, client_for: Any, monkeypatch: pytest.MonkeyPatch) -> Client:
    set_today(monkeypatch, TODAY)
    client: Client = client_for(office)
    return client


def test_a_2021_dispatch_registered_today_starts_its_reports_today_not_in_2021(
    office_client: Client, dispatch: Document
) -> None:
    assert register(office_client, dispatch) == ["Đã đăng ký văn bản với 2 nhiệm vụ."]
    assert instances(dispatch, 1) == [(date(2026, 12, 1), date(2026, 12, 31))]  # not 65
    assert instances(dispatch, 2) == [(date(2026, 12, 1), date(2026, 12, 20))]  # the 20th
    assignments = Assignment.objects.filter(document=dispatch)
    assert assignments.count() == 4
    assert not assignments.filter(deadline__lt=TODAY).exists()  # none overdue at birth
    series = Task.objects.get(document=dispatch, order=1, series__isnull=True)
    assert series.recur_from == TODAY
    entry = HistoryEntry.objects.get(action="document.registered")
    assert "theo dõi từ ngày 06/12/2026" in entry.summary
    series_page = page_text(office_client.get(reverse("tracking:task_detail", args=[series.pk])))
    assert "Theo dõi từ ngày 06/12/2026" in series_page


def test_a_historical_registration_makes_the_periods_since_the_directive(
    office_client: Client, dispatch: Document
) -> None:
    register(office_client, dispatch, historical="on")
    months = instances(dispatch, 1)
    assert len(months) == 65  # August 2021 to December 2026
    assert months[0] == (date(2021, 8, 1), date(2021, 8, 31))
    assert months[-1] == (date(2026, 12, 1), date(2026, 12, 31))
    due_20th = instances(dispatch, 2)
    assert due_20th[0] == (date(2021, 8, 1), date(2021, 8, 20))  # on or after 16/08/2021
    assert len(due_20th) == 65


def test_the_reviewer_chooses_the_start_in_dd_mm_yyyy(
    office_client: Client, dispatch: Document
) -> None:
    register(office_client, dispatch, start="01/02/2027")
    assert instances(dispatch, 1) == [(date(2027, 2, 1), date(2027, 2, 28))]
    assert instances(dispatch, 2) == [(date(2027, 2, 1), date(2027, 2, 20))]


def test_a_past_start_needs_a_historical_registration(
    office_client: Client, dispatch: Document
) -> None:
    messages = register(office_client, dispatch, start="01/10/2026")
    assert messages == [
        "Ngày bắt đầu theo dõi 01/10/2026 đã qua: chỉ khi đăng ký là văn bản cũ mới tạo các "
        "kỳ đã qua."
    ]
    assert not Task.objects.exists()
    register(office_client, dispatch, start="01/10/2026", historical="on")
    assert [p for p, _ in instances(dispatch, 1)] == [
        date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("2027-02-01", "Nhập ngày theo dạng dd/mm/yyyy."),
        ("31/02/2027", "Nhập ngày theo dạng dd/mm/yyyy."),
        ("01/01/2030", "Ngày bắt đầu theo dõi 01/01/2030 quá xa: chậm nhất một năm kể từ hôm nay."),
    ],
)
def test_a_bad_start_is_refused_with_a_clear_message(
    office_client: Client, dispatch: Document, start: str, message: str
) -> None:
    messages = register(office_client, dispatch, start=start)
    assert len(messages) == 1 and messages[0].endswith(message)
    dispatch.refresh_from_db()
    assert dispatch.status == DocumentStatus.REVIEW and not Task.objects.exists()


def test_a_start_before_the_directive_is_refused(office_client: Client, dispatch: Document) -> None:
    messages = register(office_client, dispatch, start="01/01/2021", historical="on")
    assert messages == ["Ngày bắt đầu theo dõi 01/01/2021 trước ngày văn bản 16/08/2021."]


def test_the_review_page_offers_the_choices_only_for_recurring_tasks(
    office_client: Client, dispatch: Document, office: Any
) -> None:
    page = page_text(office_client.get(reverse("documents:review", args=[dispatch.pk])))
    assert 'name="start"' in page and 'name="historical"' in page
    plain = make_document(office)
    Candidate.objects.create(document=plain, order=1, text="Rà soát kinh phí.")
    page = page_text(office_client.get(reverse("documents:review", args=[plain.pk])))
    assert 'name="historical"' not in page
