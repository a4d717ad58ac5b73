"""The Office imports a zip of directives from the web and reads the per-file report."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.documents.models import Document, DocumentStatus
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


def test_the_office_imports_a_zip_and_sees_what_became_of_each_file(client_for, office: Any):
    response = client_for(office).post(reverse("documents:import"), {"archive": _archive()})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kết quả nhập" in page and "kho.zip/2022/tb.txt" in page and "kho.zip/hong.docx" in page
    assert "Đã nhập" in page and "Lỗi" in page
    assert Document.objects.get().status == DocumentStatus.REVIEW


def test_a_historical_import_from_the_web_registers_the_documents(client_for, office: Any):
    client_for(office).post(
        reverse("documents:import"), {"archive": _archive(), "historical": "on"}
    )
    assert Document.objects.get().status == DocumentStatus.REGISTERED


def test_a_file_that_is_not_a_zip_is_refused_on_the_form(client_for, office: Any):
    fake = SimpleUploadedFile("kho.zip", b"not a zip at all")
    response = client_for(office).post(reverse("documents:import"), {"archive": fake})
    assert "không phải tệp nén .zip hợp lệ" in response.content.decode()
    assert not Document.objects.exists()


def test_only_the_office_may_import_an_archive(client_for, officer_a: Any, leader: Any):
    for user in (officer_a, leader):
        assert client_for(user).get(reverse("documents:import")).status_code == 403
        response = client_for(user).post(reverse("documents:import"), {"archive": _archive()})
        assert response.status_code == 403
    assert not Document.objects.exists()


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
