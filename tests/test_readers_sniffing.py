"""Choosing the reader: by content (magic bytes) first, the file name second."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from chidao.extract.errors import (
    ExtractError,
    FileTooLarge,
    UnreadableFile,
    UnsupportedFormat,
)
from chidao.extract.model import ReadResult
from chidao.extract.readers import (
    MAX_FILE_BYTES,
    Reader,
    detect_format,
    get_reader,
    read_bytes,
    read_file,
    register_reader,
)
from tests.readers_fixtures import DIRECTIVE, docx_bytes, make_pdf, new_docx

HTML = (
    "<!DOCTYPE html><html><body><p>Giao Sở Y tế chủ trì, báo cáo trước ngày 30/9.</p></body></html>"
)


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_txt_file_that_holds_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "tai-ve.txt"
    path.write_text("\ufeff  \n" + HTML, encoding="utf-8")
    result = read_file(path)
    assert result.format == "html"
    assert result.text == "Giao Sở Y tế chủ trì, báo cáo trước ngày 30/9."


@pytest.mark.parametrize(
    "opening", ["<!doctype html>", "<HTML lang='vi'>", "<head><title>x</title>", "<body>"]
)
def test_any_html_opening_tag_near_the_start_means_html(opening: str) -> None:
    assert detect_format(f"{opening}<p>Nội dung</p>".encode(), "x.txt") == "html"


def test_text_that_merely_mentions_a_tag_later_on_is_text() -> None:
    data = "Hướng dẫn: thẻ <html> mở đầu một trang web.".encode()
    assert detect_format(data, "huong-dan.txt") == "text"


def test_a_pdf_named_file_that_is_really_text_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "nham.pdf"
    path.write_text(DIRECTIVE, encoding="utf-8")
    result = read_file(path)
    assert (result.format, result.text) == ("text", DIRECTIVE)


def test_a_real_pdf_is_read_as_pdf_whatever_its_name(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "x.pdf", [["Sở Tư pháp thẩm định."]])
    result = read_bytes(pdf.read_bytes(), "ten-sai.txt")
    assert (result.format, result.text) == ("pdf", "Sở Tư pháp thẩm định.")


def test_a_docx_is_recognised_by_content_whatever_its_name() -> None:
    document = new_docx()
    document.add_paragraph("Quyết định có hiệu lực kể từ ngày ký.")
    result = read_bytes(docx_bytes(document), "khong-duoi")
    assert (result.format, result.text) == ("docx", "Quyết định có hiệu lực kể từ ngày ký.")


def test_a_zip_without_a_word_document_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormat, match="without a Word document"):
        read_bytes(_zip({"readme.txt": "xin chào"}), "goi.zip")


def test_an_excel_workbook_is_unsupported_and_called_by_its_name() -> None:
    with pytest.raises(UnsupportedFormat, match="Excel"):
        read_bytes(_zip({"xl/workbook.xml": "<workbook/>"}), "bang.docx")


def test_a_corrupt_zip_is_unreadable() -> None:
    data = b"PK\x03\x04" + b"\x00" * 40 + "hỏng".encode()
    with pytest.raises(UnreadableFile, match="corrupt ZIP"):
        read_bytes(data, "hong.docx")


def test_an_old_office_file_that_is_no_word_document_is_unsupported() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    with pytest.raises(UnsupportedFormat) as caught:
        read_bytes(data, "cong-van.doc")
    assert "Office cũ" in caught.value.reason  # a Word .doc: tests/test_readers_doc.py


@pytest.mark.parametrize(
    ("magic", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff\xe0", "JPEG"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
        (b"GIF89a", "GIF"),
    ],
)
def test_an_image_is_read_by_the_ocr_reader(magic: bytes, kind: str) -> None:
    """Whatever its name says, an image's bytes make it an image, which the OCR reader
    registered for the format reads (see tests/test_ocr_readers.py)."""
    assert detect_format(magic + b"\x00\x01\x02" * 100, "anh-quet.txt") == "image"
    assert type(get_reader("image")).__name__ == "ImageReader", kind


def test_rtf_is_unsupported_with_advice() -> None:
    with pytest.raises(UnsupportedFormat, match="RTF"):
        read_bytes(b"{\\rtf1\\ansi Giao S\\'f4 Y t\\'ea}", "van-ban.rtf")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # all byte values, NULs included
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 200 + b"van ban",  # control characters
    ],
)
def test_other_binary_data_is_unsupported(data: bytes) -> None:
    with pytest.raises(UnsupportedFormat, match="binary"):
        read_bytes(data, "du-lieu.bin")


def test_a_file_over_the_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "lon.txt"
    path.write_text(DIRECTIVE, encoding="utf-8")
    with pytest.raises(FileTooLarge) as caught:
        read_file(path, max_bytes=100)
    assert caught.value.path == str(path) and "too large" in caught.value.reason
    with pytest.raises(FileTooLarge):
        read_bytes(DIRECTIVE.encode(), "lon.txt", max_bytes=100)


def test_the_default_size_limit_is_200_mib() -> None:
    assert MAX_FILE_BYTES == 200 * 1024 * 1024


def test_a_missing_file_is_unreadable_and_named(tmp_path: Path) -> None:
    path = tmp_path / "khong-co.txt"
    with pytest.raises(UnreadableFile) as caught:
        read_file(path)
    assert caught.value.path == str(path) and "not found" in caught.value.reason


def test_a_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="directory"):
        read_file(tmp_path)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        b"PK\x03\x04broken",
        bytes(range(256)),
        b"%PDF-1.7\n%%EOF",
    ],
)
def test_every_failure_names_the_file_and_gives_a_coded_reason(data: bytes) -> None:
    with pytest.raises(ExtractError) as caught:
        read_bytes(data, "ho-so/van-ban-123.dat")
    message = str(caught.value)
    assert message.startswith("ho-so/van-ban-123.dat: [E1")
    assert " / " in caught.value.reason  # Vietnamese / English


@pytest.mark.parametrize(
    ("name", "expected"),
    [("ke-hoach.md", "markdown"), ("KE-HOACH.MARKDOWN", "markdown"), ("ke-hoach.txt", "text")],
)
def test_the_name_only_tells_markdown_from_plain_text(name: str, expected: str) -> None:
    assert detect_format("# Kế hoạch".encode(), name) == expected


def test_a_registered_reader_replaces_the_built_in_one() -> None:
    class Shouting:
        def read(self, data: bytes, name: str) -> ReadResult:
            return ReadResult(text=data.decode().upper(), format="text")

    original = get_reader("text")
    reader: Reader = Shouting()
    register_reader("text", reader)
    try:
        assert read_bytes(b"giao so y te", "a.txt").text == "GIAO SO Y TE"
    finally:
        register_reader("text", original)


def test_reading_text_does_not_import_the_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from chidao.extract.readers import read_bytes\n"
        "read_bytes('Giao Sở Y tế'.encode(), 'a.txt')\n"
        "print(sorted(m for m in ('trafilatura', 'docx', 'pypdfium2') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
