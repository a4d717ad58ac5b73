"""Word 97-2003 (``.doc``): converted to DOCX by LibreOffice headless, then read by the
DOCX reader, so an old document gives the same blocks and numbering as a new one.

Without LibreOffice the error (``UnsupportedFormat``) says which package to install; a
file LibreOffice cannot convert (corrupt, encrypted) is ``UnreadableFile``.
"""

from __future__ import annotations

import dataclasses

from chidao.common import office
from chidao.extract.errors import UnreadableFile, UnsupportedFormat
from chidao.extract.model import ReadResult

__all__ = ["DocReader"]


class DocReader:
    def read(self, data: bytes, name: str) -> ReadResult:
        from chidao.extract.readers import get_reader

        label = name or None
        try:
            docx = office.convert(data, ".doc", "docx")
        except office.OfficeError as exc:
            raise _error(exc.reason, label) from exc
        return dataclasses.replace(get_reader("docx").read(docx, name), format="doc")


def _error(reason: str, label: str | None) -> UnsupportedFormat | UnreadableFile:
    if reason == "missing":
        return UnsupportedFormat(
            label,
            "tệp Word 97-2003 (.doc) cần LibreOffice để đọc, máy này chưa cài: hãy cài gói "
            f"{office.PACKAGE} (apt-get install {office.PACKAGE}) hoặc lưu lại tệp dưới "
            f"dạng .docx / an old Word (.doc) file needs LibreOffice, which is not installed: "
            f"install the Debian package {office.PACKAGE} or save the file as .docx",
        )
    if reason == "timeout":
        return UnreadableFile(
            label,
            f"LibreOffice không chuyển xong tệp .doc trong {office.TIMEOUT_S} giây / "
            f"LibreOffice did not convert the .doc file within {office.TIMEOUT_S} s",
        )
    return UnreadableFile(
        label,
        "LibreOffice không chuyển được tệp .doc (tệp hỏng hoặc có mật khẩu?) / "
        "LibreOffice could not convert the .doc file (corrupt or encrypted?)",
    )
