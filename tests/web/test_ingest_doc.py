"""An old Word .doc uploaded as a directive is read through LibreOffice; on a server
without LibreOffice the upload is refused with the package to install named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from chidao.documents.batch import Options, Status, import_directory
from chidao.documents.models import Document, IngestJob, JobState
from tests.doc_support import word_97_document

pytestmark = pytest.mark.slow
UPLOAD = reverse("documents:upload")


def post_doc(client: Client, capture: Any) -> Any:
    upload = SimpleUploadedFile("chi-thi-cu.doc", word_97_document())
    with capture(execute=True):
        return client.post(UPLOAD, {"uploads": [upload]}, follow=True)


def test_an_uploaded_doc_becomes_a_document_with_proposed_tasks(
    client_for: Callable[[Any], Client], office: Any, django_capture_on_commit_callbacks: Any
) -> None:
    post_doc(client_for(office), django_capture_on_commit_callbacks)
    job = IngestJob.objects.get(filename="chi-thi-cu.doc")
    assert job.state == JobState.DONE, job.error
    assert job.document is not None
    assert "Sở Xây dựng" in job.document.text
    assert job.document.format == "doc" and job.document.candidates.exists()


def test_without_libreoffice_a_doc_upload_is_refused_naming_the_package(
    client_for: Callable[[Any], Client],
    office: Any,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    word_97_document()  # made while LibreOffice is still on the PATH
    monkeypatch.setenv("PATH", str(tmp_path))
    page = post_doc(client_for(office), django_capture_on_commit_callbacks).content.decode()
    assert "Tệp “chi-thi-cu.doc”: tệp Word 97-2003 (.doc) cần LibreOffice" in page
    assert "libreoffice-writer-nogui" in page
    assert not IngestJob.objects.exists()


def test_an_archive_import_takes_a_doc_like_any_other_file(
    registry: None, office: Any, tmp_path: Path, today: Any
) -> None:
    (tmp_path / "2019").mkdir()
    (tmp_path / "2019" / "chi-thi-cu.doc").write_bytes(word_97_document())
    report = import_directory(tmp_path, Options(user=office, today=today))
    assert {o.path: o.status for o in report.outcomes} == {"2019/chi-thi-cu.doc": Status.IMPORTED}
    assert Document.objects.get().format == "doc"
