"""Old Word .doc files are read through LibreOffice headless, like their DOCX; without
LibreOffice the error says which package to install."""

from __future__ import annotations

from pathlib import Path

import pytest

from chidao.cli import main
from chidao.extract.errors import UnsupportedFormat
from chidao.extract.readers import detect_format, read_bytes
from tests.doc_support import PARAGRAPHS, word_97_document

pytestmark = pytest.mark.slow


def test_a_word_97_document_is_sniffed_as_doc_and_read_like_its_docx() -> None:
    data = word_97_document()
    assert data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert detect_format(data, "chi-thi.bin") == "doc"
    result = read_bytes(data, "chi-thi.doc")
    assert result.format == "doc"
    assert [block for block in result.text.split("\n\n") if block] == list(PARAGRAPHS)


def test_without_libreoffice_a_doc_names_the_package_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = word_97_document()
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on it
    with pytest.raises(UnsupportedFormat) as caught:
        read_bytes(data, "chi-thi.doc")
    reason = caught.value.reason
    assert reason.startswith("tệp Word 97-2003 (.doc) cần LibreOffice")
    assert "apt-get install libreoffice-writer-nogui" in reason


def test_an_old_excel_file_is_still_unsupported() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "Workbook".encode("utf-16-le")
    with pytest.raises(UnsupportedFormat, match="Excel"):
        read_bytes(data, "bang.xls")


def test_chidao_extract_reads_a_doc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "chi-thi.doc"
    source.write_bytes(word_97_document())
    out = tmp_path / "out"
    assert main(["extract", str(source), "--out", str(out), "--today", "2026-11-21"]) == 0
    written = (out / "chi-thi.json").read_text(encoding="utf-8")
    assert "Sở Xây dựng" in written
