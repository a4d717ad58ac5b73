"""A real Word 97-2003 (.doc) file for the tests: a DOCX written with python-docx and
saved as .doc by LibreOffice headless (CI installs libreoffice-writer-nogui)."""

from __future__ import annotations

import io
from functools import cache

import docx

from chidao.common import office

PARAGRAPHS = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
    "CHỈ THỊ về tăng cường phòng cháy, chữa cháy trong mùa hanh khô",
    "1. Giao Sở Xây dựng chủ trì kiểm tra an toàn phòng cháy tại các chung cư, "
    "báo cáo kết quả trước ngày 30/12/2026.",
    "2. Công an Thành phố tổ chức diễn tập chữa cháy tại các khu dân cư.",
)


@cache
def word_97_document() -> bytes:
    """The bytes of a .doc holding :data:`PARAGRAPHS` (converted once per test run)."""
    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return office.convert(buffer.getvalue(), ".docx", "doc")
