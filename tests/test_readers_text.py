"""Plain text and Markdown files: decoded, kept as written, line ends unified."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from chidao.extract.errors import UnreadableFile
from chidao.extract.readers import read_bytes, read_file
from chidao.extract.readers.encoding import VNI, encode_text
from tests.readers_fixtures import DIRECTIVE


def test_a_utf8_txt_file_is_read_as_text_with_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "chi-thi.txt"
    path.write_text(DIRECTIVE, encoding="utf-8")
    result = read_file(path)
    assert (result.text, result.format, result.encoding) == (DIRECTIVE, "text", "utf-8")
    assert result.pages is None and not result.needs_ocr and result.warnings == ()


def test_a_md_file_is_read_as_markdown_with_its_markup_kept(tmp_path: Path) -> None:
    markdown = "# Kế hoạch số 170/KH-UBND\n\n**Giao Sở Y tế** chủ trì:\n\n- tiêm chủng;\n"
    path = tmp_path / "ke-hoach.md"
    path.write_text(markdown, encoding="utf-8")
    result = read_file(path)
    assert result.format == "markdown"
    assert result.text == markdown


def test_windows_and_old_mac_line_ends_become_line_feeds() -> None:
    result = read_bytes("Điều 1.\r\nĐiều 2.\rĐiều 3.\n".encode(), "a.txt")
    assert result.text == "Điều 1.\nĐiều 2.\nĐiều 3.\n"


def test_a_vni_encoded_txt_file_is_decoded_and_its_encoding_reported(tmp_path: Path) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(encode_text(DIRECTIVE, VNI))
    result = read_file(path)
    assert result.encoding == VNI
    assert "Giao Sở Kế hoạch và Đầu tư chủ trì" in result.text


def test_a_utf16_txt_file_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + DIRECTIVE.encode("utf-16-le"))
    result = read_file(path)
    assert (result.text, result.encoding) == (DIRECTIVE, "utf-16-le")


def test_a_text_file_in_no_known_encoding_is_unreadable_and_named(tmp_path: Path) -> None:
    path = tmp_path / "rac.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(UnreadableFile) as caught:
        read_file(path)
    assert str(path) in str(caught.value)
    assert "unknown text encoding" in caught.value.reason


def test_replaced_bytes_after_a_utf8_bom_are_reported_in_a_warning() -> None:
    result = read_bytes(codecs.BOM_UTF8 + b"Giao S\xff Y t\xe1\xba\xbf", "a.txt")
    assert result.text == "Giao S\ufffd Y tế"
    assert len(result.warnings) == 1 and "U+FFFD" in result.warnings[0]


def test_a_whitespace_only_file_is_unreadable_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "rong.txt"
    path.write_bytes(b" \n\t\n")
    with pytest.raises(UnreadableFile, match="empty file"):
        read_file(path)
