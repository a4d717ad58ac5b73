"""DOCX → PDF of the giao ban report through LibreOffice headless, when it is installed
(the conversion itself: chidao/common/office.py)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chidao.common import office


class ConversionError(Exception):
    """LibreOffice ran but produced no PDF (the message says why, in Vietnamese)."""


def missing() -> str:
    """Why a PDF cannot be made here ("" when it can)."""
    if office.soffice() is None:
        return _(
            "Máy chủ chưa cài LibreOffice (chương trình soffice) nên chưa xuất được PDF. "
            "Hãy tải bản Word (DOCX) rồi in ra PDF, hoặc đề nghị quản trị cài gói "
            "%(package)s."
        ) % {"package": office.PACKAGE}
    return ""


def convert(docx: bytes) -> bytes:
    """The PDF of a DOCX document."""
    try:
        return office.convert(docx, ".docx", "pdf")
    except office.OfficeError as exc:
        if exc.reason == "missing":
            raise ConversionError(missing()) from exc
        if exc.reason == "timeout":
            raise ConversionError(
                _("LibreOffice không chuyển xong tệp PDF trong %(s)d giây.")
                % {"s": office.TIMEOUT_S}
            ) from exc
        raise ConversionError(_("LibreOffice không tạo được tệp PDF.")) from exc
