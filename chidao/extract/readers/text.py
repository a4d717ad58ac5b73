"""Plain text and Markdown: decoded, line ends unified, otherwise kept exactly as written.

Markdown markup is left in place on purpose: the normaliser removes it later, and keeping
it here means offsets into this text still match what the user uploaded, line for line.
"""

from __future__ import annotations

from chidao.extract.errors import UnreadableFile
from chidao.extract.model import ReadResult
from chidao.extract.readers.encoding import DecodingError, decode_text

__all__ = ["TextReader", "decoded_warnings", "unify_newlines"]


class TextReader:
    """Reads ``.txt``/``.md`` bytes; ``format`` is ``"text"`` or ``"markdown"``."""

    def __init__(self, format: str = "text") -> None:
        if format not in ("text", "markdown"):
            raise ValueError(f"TextReader format must be 'text' or 'markdown', not {format!r}")
        self.format = format

    def read(self, data: bytes, name: str) -> ReadResult:
        """Decode ``data`` (see :func:`~chidao.extract.readers.encoding.decode_text`)."""
        try:
            text, encoding = decode_text(data)
        except DecodingError as exc:
            raise UnreadableFile(name or None, str(exc)) from exc
        return ReadResult(
            text=unify_newlines(text),
            format=self.format,
            encoding=encoding,
            warnings=decoded_warnings(text),
        )


def unify_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` (every reader's output uses ``\\n``)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decoded_warnings(text: str) -> tuple[str, ...]:
    """A warning when decoding had to replace bytes (U+FFFD in the text), else nothing."""
    count = text.count("\ufffd")
    if not count:
        return ()
    return (
        f"{count} ký tự không giải mã được đã được thay bằng U+FFFD / "
        f"{count} undecodable characters replaced by U+FFFD",
    )
