"""The Office imports a zip of directives from the web: the request stores it and returns
at once; a worker imports it; the job's page shows the files done and each error."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.documents.imports import run_import
from chidao.documents.models import (
    Document,
    DocumentStatus,
    ImportItem,
    ImportJob,
    ImportStatus,
    JobState,
)
from tests.conftest import SAMPLES


def _zip(**members: bytes) -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return SimpleUploadedFile("kho.zip", out.getvalue(), content_type="application/zip")


def _archive() -> SimpleUploadedFile:
    sample = (SAMPLES / "tb-ket-luan-giao-ban-thang-3-2022.txt").read_bytes()
    return _zip(**{"2022/tb.txt": sample, "hong.docx": b"PK\x03\x04" + b"\0" * 100})


def _post(client: Any, **data: Any) -> Any:
    return client.post(reverse("documents:import"), {"archive": _archive(), **data})


def test_the_import_returns_at_once_with_a_job_page_that_shows_it_waiting(client_for, office: Any):
    client = client_for(office)
    response = _post(client)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:import_job", args=[job.pk])
    assert job.state == JobState.QUEUED and job.filename == "kho.zip"
    assert not Document.objects.exists()  # nothing imported inside the request
    page = client.get(response["Location"]).content.decode()
    assert "Đang chờ tiến trình xử lý" in page
    assert 'hx-trigger="every 2s"' in page  # polled while the job waits


def test_the_worker_imports_the_archive_and_the_page_names_each_file_and_error(
    client_for, office: Any
):
    client = client_for(office)
    _post(client)
    job = ImportJob.objects.get()
    assert run_import(job.pk).state == JobState.DONE
    page = client.get(reverse("documents:import_job", args=[job.pk])).content.decode()
    assert "Đã xử lý 2/2 tệp" in page
    assert "kho.zip/2022/tb.txt" in page and "Xem văn bản" in page
    assert "kho.zip/hong.docx" in page and "Lỗi" in page
    failed = ImportItem.objects.get(job=job, status=ImportStatus.FAILED)
    assert failed.path == "kho.zip/hong.docx" and failed.reason in page
    assert 'hx-trigger="every 2s"' not in page  # finished: no more polling
    assert Document.objects.get().status == DocumentStatus.REVIEW
    progress = client.get(reverse("documents:import_progress", args=[job.pk]))
    assert "Đã xử lý 2/2 tệp" in progress.content.decode()
    assert "<html" not in progress.content.decode()  # the fragment alone


def test_the_progress_counts_the_files_done_of_the_total_while_it_runs(client_for, office: Any):
    client = client_for(office)
    _post(client)
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(state=JobState.RUNNING, total=2)
    ImportItem.objects.create(job=job, path="kho.zip/hong.docx", status="failed", reason="Hỏng.")
    page = client.get(reverse("documents:import_progress", args=[job.pk])).content.decode()
    assert "Đã xử lý 1/2 tệp" in page and 'value="1" max="2"' in page
    assert "kho.zip/hong.docx" in page and "Hỏng." in page
    assert 'hx-trigger="every 2s"' in page


def test_a_historical_import_from_the_web_registers_the_documents(client_for, office: Any):
    response = _post(client_for(office), historical="on")
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.historical
    run_import(job.pk)
    assert Document.objects.get().status == DocumentStatus.REGISTERED


def test_a_file_that_is_not_a_zip_is_refused_on_the_form(client_for, office: Any):
    fake = SimpleUploadedFile("kho.zip", b"not a zip at all")
    response = client_for(office).post(reverse("documents:import"), {"archive": fake})
    assert "không phải tệp nén .zip hợp lệ" in response.content.decode()
    assert not Document.objects.exists() and not ImportJob.objects.exists()


def test_only_the_office_may_import_an_archive(client_for, officer_a: Any, leader: Any):
    for user in (officer_a, leader):
        assert client_for(user).get(reverse("documents:import")).status_code == 403
        response = client_for(user).post(reverse("documents:import"), {"archive": _archive()})
        assert response.status_code == 403
    assert not Document.objects.exists() and not ImportJob.objects.exists()


def test_the_review_screen_highlights_low_confidence_pages_and_uncertain_names(
    client_for, office: Any, registry: None, tmp_path
):
    from chidao.documents.batch import Options, import_file
    from chidao.documents.models import Candidate
    from chidao.extract.model import ReadResult
    from chidao.extract.pipeline import extract_read

    text = "1. Giao Sờ Tài chinh chủ trì rà soát kinh phí, báo cáo trước ngày 30/9/2021.\n"
    path = tmp_path / "ocr.txt"
    path.write_text(text, encoding="utf-8")
    document = Document.objects.get(
        pk=import_file(path, "ocr.txt", Options(user=office)).document_id
    )
    scanned = extract_read(ReadResult(text=text, format="image", pages_confidence=(64.0,)))
    document.extraction = scanned.to_json()
    document.save(update_fields=["extraction"])
    start, end = scanned.to_json()["ocr"]["uncertain"][0]["span"]
    Candidate.objects.create(document=document, order=1, start=start - 5, end=end + 5, text=text)

    page = client_for(office).get(reverse("documents:review", args=[document.pk])).content.decode()
    assert "Trang có độ tin cậy thấp:" in page and "Trang 1: 64%" in page
    assert "“Sờ Tài chinh” → “Sở Tài chính”" in page
    assert "OCR không chắc chắn, hãy kiểm tra:" in page
