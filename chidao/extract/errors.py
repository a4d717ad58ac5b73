"""Coded, actionable errors. Each names the file (or field) and the reason.

The codes are stable so that a batch report, a log or the web application can group
failures; the message is Vietnamese first with the English after a slash.
"""

from __future__ import annotations

from pathlib import Path


class ExtractError(Exception):
    """Base class: ``code`` is stable, ``path`` names the input, ``reason`` says why."""

    code = "E000"

    def __init__(self, path: str | Path | None, reason: str) -> None:
        self.path = str(path) if path is not None else None
        self.reason = reason
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{where}[{self.code}] {reason}")


class UnsupportedFormat(ExtractError):
    code = "E101"


class UnreadableFile(ExtractError):
    """The file exists but cannot be decoded or parsed (corrupt, encrypted, empty)."""

    code = "E102"


class NeedsOCR(ExtractError):
    """A scanned document with no usable text layer."""

    code = "E103"


class FileTooLarge(ExtractError):
    code = "E104"
