"""The file types chidao reads, by suffix: one list for the extraction's readers, the CLI,
uploads and imports. What a file calls itself; what it is, the readers sniff from its bytes.

Plain Python (no Django): the extraction library imports it too."""

from __future__ import annotations

SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".docx": "docx", ".doc": "doc", ".pdf": "pdf",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
    ".gif": "image",
}  # fmt: skip
