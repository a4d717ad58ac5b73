"""The tracking pages an agency uses: its list, an assignment, its reports and files."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chidao.tracking.models import Attachment, Report, State
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import page_text, set_today, total_shown

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    set_today(monkeypatch, TODAY)


def detail_url(a: Any) -> str:
    return reverse("tracking:assignment_detail", args=[a.pk])


def action_url(a: Any, slug: str) -> str:
    return reverse("tracking:assignment_action", args=[a.pk, slug])


# --- lists --------------------------------------------------------------------------------


def test_officer_list_shows_only_their_agency(
    office: Any, officer_a: Any, agency_a: Any, agency_b: Any, client_for: Any
) -> None:
    make_task(office, [agency_a], deadline=TODAY, text="Việc của Sở Tài chính")
    make_task(office, [agency_b], deadline=TODAY, text="Việc của Sở Y tế")
    for name in ("tracking:my_assignments", "tracking:assignments"):
        body = page_text(client_for(officer_a).get(reverse(name)))
        assert "Việc của Sở Tài chính" in body
        assert "Việc của Sở Y tế" not in body


def test_list_rows_show_directive_role_deadline_and_badges(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    make_task(office, [agency_a], deadline=date(2026, 12, 31))
    body = page_text(client_for(officer_a).get(reverse("tracking:my_assignments")))
    assert "31/12/2026" in body
    assert "ngày 01/10/2026" in body  # the directive's date
    assert "Chủ trì" in body
    assert 'class="badge chua_thuc_hien"' in body
    assert 'data-standing="trong_han"' in body
    assert total_shown(client_for(officer_a).get(reverse("tracking:my_assignments"))) == 1


def test_due_today_is_due_soon_and_yesterday_is_overdue_on_the_list(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any, monkeypatch: Any
) -> None:
    make_task(office, [agency_a], deadline=TODAY, text="Hạn hôm nay")
    make_task(office, [agency_a], deadline=TODAY - timedelta(days=1), text="Hạn hôm qua")
    client = client_for(officer_a)
    url = reverse("tracking:my_assignments")
    soon = page_text(client.get(url, {"standing": "sap_den_han"}))
    late = page_text(client.get(url, {"standing": "qua_han"}))
    assert "Hạn hôm nay" in soon and "Hạn hôm qua" not in soon
    assert "Hạn hôm qua" in late and "Hạn hôm nay" not in late
    set_today(monkeypatch, TODAY + timedelta(days=1))
    late_tomorrow = page_text(client.get(url, {"standing": "qua_han"}))
    assert "Hạn hôm nay" in late_tomorrow


def test_tabs_count_each_state_and_standing(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    make_task(office, [agency_a], deadline=TODAY - timedelta(days=3))
    make_task(office, [agency_a], deadline=TODAY - timedelta(days=2))
    make_task(office, [agency_a], deadline=None)
    body = page_text(client_for(officer_a).get(reverse("tracking:my_assignments")))
    assert 'Quá hạn <span class="badge" data-count="2">' in body
    assert 'Không có hạn <span class="badge" data-count="1">' in body
    assert 'Chưa thực hiện <span class="badge" data-count="3">' in body


def test_state_filter_narrows_the_list(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    started = assignment_of(make_task(office, [agency_a], text="Đã bắt đầu"), agency_a)
    make_task(office, [agency_a], text="Chưa bắt đầu")
    client = client_for(officer_a)
    client.post(
        action_url(started, "bao-cao"), {"bao-cao-text": "Đang làm", "bao-cao-progress": 20}
    )
    response = client.get(reverse("tracking:my_assignments"), {"state": State.IN_PROGRESS})
    assert "Đã bắt đầu" in page_text(response) and "Chưa bắt đầu" not in page_text(response)
    assert total_shown(response) == 1


def test_office_list_filters_by_agency_document_and_text(
    office: Any, agency_a: Any, agency_b: Any, client_for: Any
) -> None:
    shared = make_task(office, [agency_a, agency_b], text="Chuyển đổi số")
    make_task(office, [agency_b], text="Phòng chống dịch")
    client = client_for(office)
    url = reverse("tracking:assignments")
    assert total_shown(client.get(url)) == 3
    assert total_shown(client.get(url, {"agency": agency_b.pk})) == 2
    assert total_shown(client.get(url, {"document": shared.document_id})) == 2
    assert total_shown(client.get(url, {"q": "dịch"})) == 1
    assert total_shown(client.get(url, {"q": "dịch", "agency": agency_a.pk})) == 0


def test_unknown_filter_values_are_ignored(office: Any, agency_a: Any, client_for: Any) -> None:
    make_task(office, [agency_a])
    params = {"state": "x", "standing": "y", "bucket": "z"}
    client = client_for(office)
    response = client.get(reverse("tracking:assignments"), params)
    assert response.status_code == 200 and total_shown(response) == 1
    past_the_end = client.get(reverse("tracking:assignments"), {"page": "999"})
    assert past_the_end.status_code == 200 and total_shown(past_the_end) == 1
    # numbers no list can use are refused (tests/web/test_hostile_parameters.py)
    for bad in ({"agency": "a"}, {"page": "-3"}, {"page": "9" * 30}):
        assert client.get(reverse("tracking:assignments"), bad).status_code == 400


def test_list_pages_by_fifty(office: Any, agency_a: Any, client_for: Any) -> None:
    document = make_task(office, [agency_a]).document
    for _ in range(54):
        make_task(office, [agency_a], document=document)
    client = client_for(office)
    first = page_text(client.get(reverse("tracking:assignments")))
    second = client.get(reverse("tracking:assignments"), {"page": 2})
    assert first.count('href="/phan-cong/') == 50
    assert page_text(second).count('href="/phan-cong/') == 5
    assert "Trang 2/2" in page_text(second)


def test_list_query_count_does_not_grow_with_rows(
    office: Any, agency_a: Any, agency_b: Any, client_for: Any
) -> None:
    client = client_for(office)
    make_task(office, [agency_a, agency_b])
    client.get(reverse("tracking:assignments"))  # warm the session and profile caches
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("tracking:assignments"))
    for _ in range(10):
        make_task(office, [agency_a, agency_b])
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("tracking:assignments"))
    assert len(many) == len(few)


def test_officer_without_agency_list_goes_to_the_full_list(office: Any, client_for: Any) -> None:
    response = client_for(office).get(reverse("tracking:my_assignments"))
    assert response.status_code == 302 and response["Location"] == reverse("tracking:assignments")


def test_pages_need_a_login(client: Any, office: Any, agency_a: Any) -> None:
    a = assignment_of(make_task(office, [agency_a]), agency_a)
    for url in (reverse("tracking:assignments"), detail_url(a), reverse("tracking:dashboard")):
        response = client.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


# --- one assignment -----------------------------------------------------------------------


def test_task_text_with_a_script_is_shown_as_text(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    task = make_task(office, [agency_a], text="Kiểm tra <script>alert(1)</script> ngay")
    a = assignment_of(task, agency_a)
    client = client_for(officer_a)
    for url in (
        detail_url(a),
        reverse("tracking:my_assignments"),
        reverse("tracking:task_detail", args=[task.pk]),
    ):
        body = page_text(client.get(url))
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_officer_of_another_agency_gets_404_everywhere(
    office: Any, officer_a: Any, officer_b: Any, agency_a: Any, client_for: Any
) -> None:
    task = make_task(office, [agency_a])
    a = assignment_of(task, agency_a)
    client_for(officer_a).post(
        action_url(a, "bao-cao"),
        {
            "bao-cao-text": "Có minh chứng",
            "bao-cao-progress": 10,
            "bao-cao-evidence": SimpleUploadedFile("bien-ban.txt", b"Bien ban hop"),
        },
    )
    attachment = Attachment.objects.get()
    other = client_for(officer_b)
    urls = [
        detail_url(a),
        reverse("tracking:task_detail", args=[task.pk]),
        reverse("tracking:attachment", args=[attachment.pk]),
    ]
    for url in urls:
        assert other.get(url).status_code == 404
    for slug in ("bao-cao", "hoan-thanh", "tu-choi", "gia-han", "xac-nhan"):
        assert other.post(action_url(a, slug), {}).status_code == 404
    assert Report.objects.count() == 1


def test_detail_shows_the_agency_forms_to_its_officer_only(
    office: Any, officer_a: Any, leader: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    mine = page_text(client_for(officer_a).get(detail_url(a)))
    assert action_url(a, "bao-cao") in mine and action_url(a, "hoan-thanh") in mine
    assert action_url(a, "xac-nhan") not in mine
    read_only = page_text(client_for(leader).get(detail_url(a)))
    assert "/phan-cong/" + str(a.pk) + "/bao-cao/" not in read_only
    assert "Bạn chỉ được xem" in read_only


def test_officer_reports_progress_with_files_and_downloads_them(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a]), agency_a)
    client = client_for(officer_a)
    response = client.post(
        action_url(a, "bao-cao"),
        {
            "bao-cao-text": "Đã họp triển khai",
            "bao-cao-progress": 40,
            "bao-cao-version": a.version,
            "bao-cao-evidence": [
                SimpleUploadedFile("bien-ban.txt", b"Bien ban hop"),
                SimpleUploadedFile("ke-hoach.md", b"# Ke hoach"),
            ],
        },
    )
    assert response.status_code == 302 and response["Location"] == detail_url(a)
    a.refresh_from_db()
    assert (a.state, a.progress) == (State.IN_PROGRESS, 40)
    page = page_text(client.get(detail_url(a)))
    assert "Đã gửi báo cáo tiến độ." in page and "bien-ban.txt" in page and "ke-hoach.md" in page
    attachment = Attachment.objects.get(filename="bien-ban.txt")
    download = client.get(reverse("tracking:attachment", args=[attachment.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == b"Bien ban hop"  # type: ignore[attr-defined]


def test_a_refused_file_type_is_a_form_error_and_nothing_is_saved(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a]), agency_a)
    response = client_for(officer_a).post(
        action_url(a, "bao-cao"),
        {
            "bao-cao-text": "Kèm tệp lạ",
            "bao-cao-progress": 10,
            "bao-cao-evidence": SimpleUploadedFile("virus.exe", b"MZ\x90\x00"),
        },
    )
    assert response.status_code == 400
    assert "virus.exe" in page_text(response) and "không được nhận" in page_text(response)
    assert not Report.objects.exists()


def test_progress_outside_0_to_100_is_refused(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a]), agency_a)
    response = client_for(officer_a).post(
        action_url(a, "bao-cao"), {"bao-cao-text": "Vượt", "bao-cao-progress": 150}
    )
    assert response.status_code == 400 and not Report.objects.exists()


def test_marking_done_twice_says_why_the_second_is_refused(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    client = client_for(officer_a)
    data = {"hoan-thanh-text": "Đã hoàn thành", "hoan-thanh-version": a.version}
    assert client.post(action_url(a, "hoan-thanh"), data).status_code == 302
    a.refresh_from_db()
    assert (a.state, a.done_on) == (State.AWAITING, TODAY)
    again = client.post(action_url(a, "hoan-thanh"), {"hoan-thanh-text": "Lần nữa"})
    assert again.status_code == 400
    assert "Không thể báo cáo hoàn thành" in page_text(again)
    assert Report.objects.filter(kind="done").count() == 1


def test_two_people_saving_at_once_get_the_conflict_message(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a]), agency_a)
    read_version = a.version
    first, second = client_for(officer_a), client_for(officer_a)
    data = {"bao-cao-text": "Lần một", "bao-cao-progress": 30, "bao-cao-version": read_version}
    assert first.post(action_url(a, "bao-cao"), data).status_code == 302
    data = {"bao-cao-text": "Lần hai", "bao-cao-progress": 60, "bao-cao-version": read_version}
    response = second.post(action_url(a, "bao-cao"), data)
    assert response.status_code == 409
    assert "Người khác vừa cập nhật" in page_text(response)
    assert "Lần hai" in page_text(response)  # what they typed is kept on the form
    a.refresh_from_db()
    assert a.progress == 30


def test_officer_asks_for_an_extension(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    client = client_for(officer_a)
    data = {"gia-han-new_deadline": "2026-12-15", "gia-han-reason": "Chờ số liệu quý IV"}
    assert client.post(action_url(a, "gia-han"), data).status_code == 302
    page = page_text(client.get(detail_url(a)))
    assert "15/12/2026" in page and "Chờ số liệu quý IV" in page
    assert action_url(a, "gia-han") not in page  # one pending request at a time
    again = client.post(action_url(a, "gia-han"), data)
    assert again.status_code == 400 and "đang chờ quyết định" in page_text(again)


def test_extension_to_an_earlier_day_is_refused(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY), agency_a)
    data = {"gia-han-new_deadline": "20/11/2026", "gia-han-reason": "Nhầm"}
    response = client_for(officer_a).post(action_url(a, "gia-han"), data)
    assert response.status_code == 400
    assert "phải sau thời hạn hiện tại" in page_text(response)


def test_officer_refuses_a_task_with_a_reason(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a]), agency_a)
    client = client_for(officer_a)
    assert client.post(action_url(a, "tu-choi"), {"tu-choi-reason": ""}).status_code == 400
    data = {"tu-choi-reason": "Không thuộc chức năng của Sở"}
    assert client.post(action_url(a, "tu-choi"), data).status_code == 302
    a.refresh_from_db()
    assert a.state == State.REFUSED


def test_officer_cannot_take_the_office_steps(
    office: Any, officer_a: Any, agency_a: Any, client_for: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a]), agency_a)
    client = client_for(officer_a)
    for slug in ("xac-nhan", "tra-lai", "tam-hoan", "tiep-tuc", "giao-lai"):
        assert client.post(action_url(a, slug), {f"{slug}-reason": "x"}).status_code == 403
    assert client.post(action_url(a, "khong-co"), {}).status_code == 404
