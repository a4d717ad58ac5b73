"""Scanned PDFs and images go through OCR: only pages without text, turned upright first."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from chidao.extract.errors import NeedsOCR, UnreadableFile
from chidao.extract.readers import ocr
from chidao.extract.readers.deskew import find_skew
from chidao.extract.readers.ocr import (
    OcrUnavailable,
    mean_confidence,
    parse_osd,
    read_bytes_with_ocr,
    read_file_with_ocr,
)
from tests.ocr_support import char_accuracy, scan_pages
from tests.readers_fixtures import make_pdf

needs_tesseract = pytest.mark.skipif(
    not ocr.ocr_available(), reason="needs tesseract-ocr and tesseract-ocr-vie"
)

TEXT = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\n"
    "1. Giao Sở Tài chính chủ trì, phối hợp với Sở Y tế rà soát kinh phí,\n"
    "báo cáo UBND Thành phố trước ngày 30/9/2021.\n\n"
    "2. Sở Nội vụ hướng dẫn các đơn vị thực hiện cải cách hành chính."
)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return scan_pages(TEXT, dpi=200, tilt=0, seed=3)[0]


@pytest.mark.slow
@needs_tesseract
@pytest.mark.parametrize("angle", [90, 180, 270])
def test_a_page_scanned_on_its_side_or_upside_down_is_turned_upright(page, angle):
    result = read_bytes_with_ocr(_png(page.rotate(angle, expand=True)), "nghieng.png")
    assert result.format == "image" and result.pages == 1
    assert char_accuracy(TEXT, result.text) >= 0.97, result.text


def test_a_small_skew_is_measured_by_the_projection_profile(page):
    assert find_skew(page.rotate(2.0, fillcolor=255)) == pytest.approx(-2.0, abs=0.25)
    assert find_skew(page.rotate(-3.5, fillcolor=255)) == pytest.approx(3.5, abs=0.25)
    assert find_skew(page) == 0.0


def test_a_blank_page_has_no_skew():
    assert find_skew(Image.new("L", (800, 1100), 255)) == 0.0


@pytest.mark.slow
@needs_tesseract
def test_only_the_scanned_pages_of_a_pdf_are_ocred_and_each_keeps_its_confidence(
    tmp_path: Path, page
):
    scan = tmp_path / "trang-quet.png"
    page.save(scan)
    lines = ["Trang có lớp chữ: Sở Xây dựng kiểm tra an toàn công trình."]
    path = make_pdf(tmp_path / "mot-phan.pdf", [lines, None], image=scan)
    result = read_file_with_ocr(path)
    first, second = result.text.split("\f")
    assert first.strip() == lines[0]
    assert char_accuracy(TEXT, second) >= 0.95
    assert result.pages_confidence[0] is None
    assert result.pages_confidence[1] is not None and result.pages_confidence[1] > 80
    assert result.ocr and not result.needs_ocr


@pytest.mark.slow
@needs_tesseract
def test_every_page_of_a_multi_page_tiff_is_read(page):
    second = scan_pages("Trang hai: Sở Y tế báo cáo kết quả.", dpi=200, tilt=0)[0]
    out = io.BytesIO()
    page.save(out, format="TIFF", save_all=True, append_images=[second], dpi=(200, 200))
    result = read_bytes_with_ocr(out.getvalue(), "hai-trang.tiff")
    assert result.pages == 2 and len(result.pages_confidence) == 2
    assert "Sở Y tế báo cáo kết quả" in result.text.split("\f")[1]


def test_a_corrupt_image_is_unreadable_with_its_reason():
    with pytest.raises(UnreadableFile, match="hỏng"):
        read_bytes_with_ocr(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "hong.png")


def test_without_tesseract_a_scan_is_refused_with_what_to_install(monkeypatch, tmp_path, page):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no tesseract on the path
    ocr._languages.cache_clear()
    try:
        with pytest.raises(OcrUnavailable) as caught:
            read_bytes_with_ocr(_png(page), "quet.png")
    finally:
        ocr._languages.cache_clear()
    assert caught.value.code == "E105" and isinstance(caught.value, NeedsOCR)
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in caught.value.reason
    assert "quet.png" in str(caught.value)


def test_the_orientation_report_of_tesseract_is_read_as_a_counter_clockwise_turn():
    report = (
        "Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: 9.1\n"
    )
    assert parse_osd(report) == 270
    assert parse_osd(report.replace("9.1", "0.2")) == 0  # a weak guess turns nothing
    assert parse_osd("garbage") == 0


def test_page_confidence_is_the_mean_of_the_recognised_words():
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t",
        "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tSở",
        "5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t70\tTài",
        "5\t1\t1\t1\t1\t3\t0\t0\t10\t10\t95\t ",
    ]
    assert mean_confidence("\n".join([head, *rows])) == 80.0
