"""Importing an archive: each file ingested once, bad files refused with a reason."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from chidao.audit.models import HistoryEntry
from chidao.documents.batch import Options, Status, import_directory
from chidao.documents.models import Decision, Document, DocumentStatus
from chidao.tracking.models import Assignment, State
from tests.conftest import SAMPLES
from tests.readers_fixtures import make_pdf, password_encryption

TEXTS = ["kh-phong-chong-thien-tai-2024.txt", "tb-ket-luan-giao-ban-thang-3-2022.txt"]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "kho"
    (root / "2024").mkdir(parents=True)
    shutil.copy(SAMPLES / TEXTS[0], root / "2024" / TEXTS[0])
    shutil.copy(SAMPLES / TEXTS[1], root / TEXTS[1])
    (root / "ghi-chu.exe").write_bytes(b"MZ")  # not a document: not picked up
    return root


def _statuses(report: Any) -> dict[str, str]:
    return {o.path: o.status for o in report.outcomes}


def test_every_supported_file_below_the_folder_becomes_one_document(
    registry, office, archive, today
):
    report = import_directory(archive, Options(user=office, today=today))
    assert _statuses(report) == {f"2024/{TEXTS[0]}": Status.IMPORTED, TEXTS[1]: Status.IMPORTED}
    assert Document.objects.count() == 2
    assert set(Document.objects.values_list("status", flat=True)) == {DocumentStatus.REVIEW}


def test_a_second_run_adds_nothing_and_reports_the_files_as_already_present(
    registry, office, archive, today
):
    import_directory(archive, Options(user=office, today=today))
    again = import_directory(archive, Options(user=office, today=today))
    assert {o.status for o in again.outcomes} == {Status.PRESENT}
    assert again.imported == 0 and Document.objects.count() == 2


def test_refused_files_are_reported_with_their_reason_and_the_batch_goes_on(
    registry, office, archive, today, settings
):
    settings.CHIDAO_MAX_UPLOAD_MB = 1
    with (archive / "khong-lo.pdf").open("wb") as fh:
        fh.truncate(2 * 1024**3)  # a sparse 2 GB file: nothing is written, nothing read
    make_pdf(archive / "mat-khau.pdf", [["Sở Y tế báo cáo."]], encrypt=password_encryption())
    (archive / "hong.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bom.txt", b"0" * (20 * 1024 * 1024))
        zf.writestr("le.txt", (SAMPLES / "cv-cai-cach-hanh-chinh-2023.md").read_text())
    (archive / "nen.zip").write_bytes(bomb.getvalue())

    report = import_directory(archive, Options(user=office, today=today))

    reasons = {o.path: o.reason for o in report.of(Status.FAILED)}
    assert "quá lớn" in reasons["khong-lo.pdf"]
    assert "mật khẩu" in reasons["mat-khau.pdf"]
    assert "E102" in reasons["hong.docx"] or "hỏng" in reasons["hong.docx"]
    assert "bom nén" in reasons["nen.zip/bom.txt"]
    assert _statuses(report)["nen.zip/le.txt"] == Status.IMPORTED
    assert report.imported == 3 and report.failed == 4
    assert Document.objects.count() == 3


def test_a_historical_import_registers_the_archive_as_carried_out(registry, office, archive, today):
    report = import_directory(archive, Options(user=office, today=today, historical=True))
    assert report.imported == 2
    for document in Document.objects.all():
        assert document.status == DocumentStatus.REGISTERED
        assert not document.candidates.filter(decision=Decision.PENDING).exists()
    assignments = Assignment.objects.all()
    assert assignments.exists()
    assert {a.state for a in assignments} == {State.DONE}
    for a in assignments:
        assert a.done_on == (a.deadline or a.document.issued_on)
    assert HistoryEntry.objects.filter(action="assignment.archived").count() == len(assignments)
    # and a second historical run changes nothing
    again = import_directory(archive, Options(user=office, today=today, historical=True))
    assert again.present == 2 and Assignment.objects.count() == len(assignments)
