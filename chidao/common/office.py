"""One conversion through LibreOffice headless (``soffice --convert-to``), when installed.

Each run uses its own LibreOffice profile directory (``-env:UserInstallation``), so
parallel requests or test runs never share (and lock) one, and runs under a timeout. The
giao ban's DOCX → PDF and the reading of old Word ``.doc`` files both come through here.

Plain Python (no Django): the extraction library imports it too. The callers word the
failures for their readers; :class:`OfficeError` carries a stable ``reason``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = int(os.environ.get("CHIDAO_SOFFICE_TIMEOUT", "120"))
# What to install on Debian/Ubuntu for the conversions chidao needs (Writer, no GUI).
PACKAGE = "libreoffice-writer-nogui"


class OfficeError(Exception):
    """LibreOffice could not convert: ``reason`` is "missing", "timeout" or "failed"."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, source_suffix: str, target: str, *, timeout: int = TIMEOUT_S) -> bytes:
    """``data`` (a file ending in ``source_suffix``, e.g. ".doc") converted to ``target``
    (a LibreOffice filter name or suffix without the dot, e.g. "pdf", "docx")."""
    program = soffice()
    if program is None:
        raise OfficeError("missing")
    with tempfile.TemporaryDirectory(prefix="chidao-office-") as tmp:
        work = Path(tmp)
        source = work / f"source{source_suffix}"
        source.write_bytes(data)
        out = work / "out"
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ]
        _run(command, timeout)
        produced = out / f"source.{target.split(':')[0]}"
        if not produced.exists():
            raise OfficeError("failed")
        return produced.read_bytes()


def _run(command: list[str], timeout: int) -> None:
    # In a session of its own, so that a timeout ends soffice.bin too, not only the
    # wrapper script that started it.
    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    ) as process:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise OfficeError("timeout") from exc
