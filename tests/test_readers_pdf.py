"""PDF: the text layer page by page; scans, encryption and damage detected and explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import pdfencrypt

from chidao.extract.errors import NeedsOCR, UnreadableFile
from chidao.extract.readers import read_bytes, read_file
from tests.readers_fixtures import make_pdf, password_encryption, scan_image

PAGE_ONE = [
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
    "Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính",
    "báo cáo kết quả thực hiện trước ngày 30/9/2021.",
]
PAGE_TWO = ["Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm thực hiện."]


def test_vietnamese_text_survives_the_pdf_round_trip(tmp_path: Path) -> None:
    result = read_file(make_pdf(tmp_path / "chi-thi.pdf", [PAGE_ONE]))
    assert result.format == "pdf"
    assert result.pages == 1
    assert "Ủy ban nhân dân".upper() in result.text
    assert "Sở Kế hoạch và Đầu tư" in result.text
    assert result.text == "\n".join(PAGE_ONE)
    assert not result.needs_ocr and result.warnings == ()


def test_pages_are_separated_by_a_form_feed_line(tmp_path: Path) -> None:
    result = read_file(make_pdf(tmp_path / "hai-trang.pdf", [PAGE_ONE, PAGE_TWO]))
    assert result.pages == 2
    assert result.text == "\n".join(PAGE_ONE) + "\n\f\n" + PAGE_TWO[0]
    assert [page.strip() for page in result.text.split("\f")] == [
        "\n".join(PAGE_ONE),
        PAGE_TWO[0],
    ]


def test_a_hyphen_at_the_end_of_a_line_is_kept_with_its_line_break(tmp_path: Path) -> None:
    lines = ["Kế hoạch phát triển kinh tế -", "xã hội năm 2021 của Thành phố"]
    result = read_file(make_pdf(tmp_path / "gach.pdf", [lines]))
    assert result.text == "Kế hoạch phát triển kinh tế -\nxã hội năm 2021 của Thành phố"


def test_a_scanned_pdf_needs_ocr_and_says_how_many_pages_lack_text(tmp_path: Path) -> None:
    image = scan_image(tmp_path / "scan.png")
    path = make_pdf(tmp_path / "scan.pdf", [None, None, None], image=image)
    with pytest.raises(NeedsOCR) as caught:
        read_file(path)
    assert caught.value.path == str(path)
    assert "3/3" in caught.value.reason and "3 of 3 pages" in caught.value.reason


def test_a_partly_scanned_pdf_returns_its_text_and_names_the_scanned_pages(
    tmp_path: Path,
) -> None:
    image = scan_image(tmp_path / "scan.png")
    path = make_pdf(tmp_path / "mot-phan.pdf", [PAGE_ONE, None, PAGE_TWO, None], image=image)
    result = read_file(path)
    assert result.pages == 4
    assert "Sở Kế hoạch và Đầu tư" in result.text and PAGE_TWO[0] in result.text
    assert result.needs_ocr
    assert len(result.warnings) == 1
    assert "2, 4" in result.warnings[0] and "OCR" in result.warnings[0]


def test_a_blank_page_is_not_taken_for_a_scan(tmp_path: Path) -> None:
    result = read_file(make_pdf(tmp_path / "trang-trang.pdf", [PAGE_ONE, []]))
    assert result.pages == 2
    assert not result.needs_ocr and result.warnings == ()


def test_a_password_protected_pdf_is_unreadable_with_the_reason(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "mat.pdf", [PAGE_ONE], encrypt=password_encryption())
    with pytest.raises(UnreadableFile) as caught:
        read_file(path)
    assert caught.value.path == str(path)
    assert "mật khẩu" in caught.value.reason and "password-protected" in caught.value.reason


def test_a_pdf_locked_only_against_editing_is_read(tmp_path: Path) -> None:
    owner_only = pdfencrypt.StandardEncryption("", ownerPassword="chu-so-huu", canModify=0)
    result = read_file(make_pdf(tmp_path / "khoa-sua.pdf", [PAGE_TWO], encrypt=owner_only))
    assert result.text == PAGE_TWO[0]


def test_a_corrupt_pdf_is_unreadable_with_the_reason(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "tot.pdf", [PAGE_ONE]).read_bytes()
    with pytest.raises(UnreadableFile) as caught:
        read_bytes(good[: len(good) // 3], "cut.pdf")
    assert caught.value.path == "cut.pdf"
    assert "corrupt" in caught.value.reason


def test_a_pdf_with_only_blank_pages_has_no_text(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no text"):
        read_file(make_pdf(tmp_path / "rong.pdf", [[], []]))
