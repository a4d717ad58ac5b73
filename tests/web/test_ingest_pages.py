"""Ingest pages: upload, the jobs list, the documents list, a document and its original."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from chidao.documents.models import Decision, Document, IngestJob, JobState
from chidao.documents.services import register_document
from tests.web.factories import make_document, make_task

SAMPLES = [
    "cv-cai-cach-hanh-chinh-2023.md",
    "kh-phong-chong-thien-tai-2024.txt",
    "tin-chi-dao-phong-chay-2023.html",
]
UPLOAD = reverse("documents:upload")
JOBS = reverse("documents:jobs")


@pytest.fixture
def post_files(
    client_for: Callable[[Any], Client], office: Any, django_capture_on_commit_callbacks: Any
) -> Callable[..., Any]:
    """POST files to the upload page as the Office; jobs run (immediate backend)."""

    def post(*files: SimpleUploadedFile, client: Client | None = None) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return (client or client_for(office)).post(
                UPLOAD, {"uploads": list(files)}, follow=True
            )

    return post


def text_of(response: Any) -> str:
    return response.content.decode()


# --- who may ingest -----------------------------------------------------------------------


@pytest.mark.parametrize("url", [UPLOAD, JOBS, reverse("documents:job_rows")])
def test_ingest_pages_are_for_the_office_only(
    url: str, client_for: Callable[[Any], Client], office: Any, officer_a: Any, leader: Any
) -> None:
    assert client_for(office).get(url).status_code == 200
    assert client_for(officer_a).get(url).status_code == 403
    assert client_for(leader).get(url).status_code == 403
    assert client_for(leader).post(url).status_code == 403
    assert Client().get(url).status_code == 302  # to the login page


def test_upload_page_offers_several_files_with_the_limits(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    page = text_of(client_for(office).get(UPLOAD))
    assert 'type="file"' in page and " multiple" in page
    assert "Mỗi tệp tối đa 25 MB" in page


# --- uploading ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_each_sample_format_becomes_a_document_ready_for_review(
    name: str,
    post_files: Callable[..., Any],
    sample_upload: Callable[[str], Any],
    client_for: Callable[[Any], Client],
    office: Any,
) -> None:
    response = post_files(sample_upload(name))
    assert response.redirect_chain[-1][0] == JOBS
    assert "Đang chờ" in text_of(response)  # the page came back before the worker ran
    job = IngestJob.objects.get(filename=name)
    assert job.state == JobState.DONE, job.error
    assert job.document is not None and job.document.candidates.exists()
    page = text_of(client_for(office).get(JOBS))
    assert "Hoàn tất" in page and "Sẵn sàng rà soát" in page
    assert reverse("documents:review", args=[job.document.pk]) in page


def test_several_files_at_once_each_get_a_job_and_a_refused_one_does_not_stop_them(
    post_files: Callable[..., Any], sample_upload: Callable[[str], Any]
) -> None:
    bad = SimpleUploadedFile("chuong-trinh.exe", b"MZ\x90\x00")
    response = post_files(*(sample_upload(n) for n in SAMPLES), bad)
    assert IngestJob.objects.filter(state=JobState.DONE).count() == 3
    page = text_of(response)
    assert "Đã nhận 3 tệp" in page
    assert "Tệp “chuong-trinh.exe”: định dạng .exe không được nhận" in page


def test_the_same_file_twice_is_one_document_and_the_second_upload_says_so(
    post_files: Callable[..., Any], sample_upload: Callable[[str], Any]
) -> None:
    post_files(sample_upload(SAMPLES[1]))
    document = Document.objects.get()
    response = post_files(sample_upload(SAMPLES[1]))
    assert Document.objects.count() == 1 and IngestJob.objects.count() == 1
    assert response.redirect_chain[-1][0] == UPLOAD
    page = text_of(response)
    assert "đã có trong hệ thống" in page
    assert f'href="{reverse("documents:detail", args=[document.pk])}"' in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("bang-tinh.xlsx", b"PK\x03\x04..."), "định dạng .xlsx không được nhận"),
        (SimpleUploadedFile("rong.txt", b""), "Tệp “rong.txt”: tệp rỗng."),
        (SimpleUploadedFile("gia.pdf", b"<html>not a pdf</html>"), "không phải tệp .pdf hợp lệ"),
    ],
)
def test_a_refused_file_gets_a_clear_message_and_no_job(
    upload: SimpleUploadedFile, message: str, post_files: Callable[..., Any]
) -> None:
    response = post_files(upload)
    assert message in text_of(response)
    assert not IngestJob.objects.exists()


@override_settings(CHIDAO_MAX_UPLOAD_MB=1)
def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(
    post_files: Callable[..., Any],
) -> None:
    big = SimpleUploadedFile("dai.txt", "Giao Sở Y tế thực hiện. ".encode() * 50_000)
    page = text_of(post_files(big))
    assert "Tệp “dai.txt”: dung lượng 1.5 MB vượt giới hạn 1 MB." in page
    assert not IngestJob.objects.exists()


def test_submitting_no_file_asks_for_one(client_for: Callable[[Any], Client], office: Any) -> None:
    response = client_for(office).post(UPLOAD, {})
    assert response.status_code == 200
    assert "Chọn ít nhất một tệp để nhập." in text_of(response)


# --- the jobs list ------------------------------------------------------------------------


def test_jobs_poll_while_one_is_unfinished_and_stop_when_all_are_done(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    job = IngestJob.objects.create(filename="cho.txt", sha256="a" * 64, size=10, blob="x")
    client = client_for(office)
    rows = text_of(client.get(reverse("documents:job_rows")))
    assert 'hx-trigger="every 2s"' in rows and "Đang chờ" in rows and "cho.txt" in rows
    assert 'hx-trigger="every 2s"' in text_of(client.get(JOBS))
    IngestJob.objects.filter(pk=job.pk).update(state=JobState.FAILED, error="[E102] hỏng")
    rows = text_of(client.get(reverse("documents:job_rows")))
    assert "hx-trigger" not in rows and "[E102] hỏng" in rows


def test_a_failed_job_can_be_run_again_by_the_office(
    post_files: Callable[..., Any],
    client_for: Callable[[Any], Client],
    office: Any,
    leader: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    post_files(SimpleUploadedFile("hong.docx", b"PK\x03\x04 this is no zip archive"))
    job = IngestJob.objects.get()
    assert job.state == JobState.FAILED and job.error.startswith("[E102]")
    retry = reverse("documents:job_retry", args=[job.pk])
    assert client_for(leader).post(retry).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(office).post(retry, follow=True)
    assert "Đã đưa “hong.docx” vào hàng đợi lại." in text_of(response)
    job.refresh_from_db()
    assert (job.state, job.attempts) == (JobState.FAILED, 2)
    assert not Document.objects.exists()


def test_retrying_a_job_that_did_not_fail_is_refused(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    job = IngestJob.objects.create(filename="a.txt", sha256="b" * 64, size=1, blob="x")
    response = client_for(office).post(reverse("documents:job_retry", args=[job.pk]), follow=True)
    assert "không ở trạng thái lỗi" in text_of(response)


# --- documents ----------------------------------------------------------------------------


def test_the_office_lists_every_document_and_searches_number_and_subject(
    client_for: Callable[[Any], Client], office: Any
) -> None:
    make_document(office, number="12/CT-UBND", subject="Về phòng cháy chữa cháy")
    make_document(office, number="88/KH-UBND", subject="Kế hoạch chuyển đổi số")
    client = client_for(office)
    page = text_of(client.get(reverse("documents:list")))
    assert "12/CT-UBND" in page and "88/KH-UBND" in page and "01/10/2026" in page
    found = text_of(client.get(reverse("documents:list"), {"q": "chuyển đổi"}))
    assert "88/KH-UBND" in found and "12/CT-UBND" not in found
    assert "88/KH-UBND" in text_of(client.get(reverse("documents:list"), {"q": "88/kh"}))


def test_an_officer_lists_only_documents_giving_their_agency_a_task(
    client_for: Callable[[Any], Client],
    office: Any,
    officer_a: Any,
    leader: Any,
    agency_a: Any,
    agency_b: Any,
) -> None:
    mine = make_task(office, [agency_a]).document
    theirs = make_task(office, [agency_b]).document
    page = text_of(client_for(officer_a).get(reverse("documents:list")))
    assert mine.number in page and theirs.number not in page
    assert theirs.number in text_of(client_for(leader).get(reverse("documents:list")))


def test_detail_shows_metadata_and_registered_tasks_with_their_assignments(
    client_for: Callable[[Any], Client], office: Any, officer_a: Any, agency_a: Any, agency_b: Any
) -> None:
    task = make_task(office, [agency_a], support=[agency_b], text="Rà soát <b>kinh phí</b>")
    document = task.document
    document.status = "registered"
    document.save()
    page = text_of(client_for(office).get(reverse("documents:detail", args=[document.pk])))
    assert document.number in page and "01/10/2026" in page
    assert "Rà soát &lt;b&gt;kinh phí&lt;/b&gt;" in page
    assert "Sở Tài chính" in page and "Sở Y tế" in page and "Chủ trì" in page
    assert reverse("tracking:task_detail", kwargs={"pk": task.pk}) in page
    # an officer sees the document, but only their own agency's assignment
    own = text_of(client_for(officer_a).get(reverse("documents:detail", args=[document.pk])))
    assert "Sở Tài chính" in own and "Sở Y tế" not in own


def test_another_agencys_document_and_original_answer_404(
    client_for: Callable[[Any], Client], office: Any, officer_b: Any, agency_a: Any
) -> None:
    document = make_task(office, [agency_a]).document
    client = client_for(officer_b)
    assert client.get(reverse("documents:detail", args=[document.pk])).status_code == 404
    assert client.get(reverse("documents:original", args=[document.pk])).status_code == 404


def test_the_original_downloads_unchanged_as_an_attachment(
    post_files: Callable[..., Any],
    sample_upload: Callable[[str], Any],
    client_for: Callable[[Any], Client],
    office: Any,
) -> None:
    post_files(sample_upload(SAMPLES[2]))
    document = Document.objects.get()
    response = client_for(office).get(reverse("documents:original", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert SAMPLES[2] in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == sample_upload(SAMPLES[2]).read()


def test_a_document_under_review_links_to_the_review_screen(
    post_files: Callable[..., Any],
    sample_upload: Callable[[str], Any],
    client_for: Callable[[Any], Client],
    office: Any,
    today: Any,
) -> None:
    post_files(sample_upload(SAMPLES[0]))
    document = Document.objects.get()
    page = text_of(client_for(office).get(reverse("documents:detail", args=[document.pk])))
    assert reverse("documents:review", args=[document.pk]) in page
    document.candidates.update(decision=Decision.REJECTED)
    register_document(office, document, today=today)
    page = text_of(client_for(office).get(reverse("documents:detail", args=[document.pk])))
    assert "Văn bản không có nhiệm vụ nào được giao." in page
