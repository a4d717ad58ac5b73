"""DOCX → PDF through LibreOffice headless, when it is installed.

Each conversion uses its own LibreOffice profile directory (``-env:UserInstallation``),
so parallel requests or test runs never share (and lock) one, and runs under a timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

TIMEOUT_S = int(os.environ.get("CHIDAO_SOFFICE_TIMEOUT", "120"))


class ConversionError(Exception):
    """LibreOffice ran but produced no PDF (the message says why, in Vietnamese)."""


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing() -> str:
    """Why a PDF cannot be made here ("" when it can)."""
    if soffice() is None:
        return _(
            "Máy chủ chưa cài LibreOffice (chương trình soffice) nên chưa xuất được PDF. "
            "Hãy tải bản Word (DOCX) rồi in ra PDF, hoặc đề nghị quản trị cài gói "
            "libreoffice-writer."
        )
    return ""


def convert(docx: bytes) -> bytes:
    """The PDF of a DOCX document."""
    program = soffice()
    if program is None:
        raise ConversionError(missing())
    with tempfile.TemporaryDirectory(prefix="chidao-pdf-") as tmp:
        work = Path(tmp)
        source = work / "bao-cao.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(
                _("LibreOffice không chuyển xong tệp PDF trong %(s)d giây.") % {"s": TIMEOUT_S}
            ) from exc
        target = work / "bao-cao.pdf"
        if not target.exists():
            raise ConversionError(_("LibreOffice không tạo được tệp PDF."))
        return target.read_bytes()
