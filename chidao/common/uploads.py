"""Checks and storage for uploaded files, shared by directive uploads and evidence.

A file is refused before anything is stored when it is too large, empty, or not of an
accepted type (by extension and by its first bytes); the message names the file and the
reason. Accepted files are stored under their SHA-256, written once, never changed.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from chidao.common import office
from chidao.common.filetypes import SUFFIXES

# What the extraction engine reads: its readers' one list (images and scans through OCR).
DIRECTIVE_TYPES = set(SUFFIXES)
# Evidence: documents, spreadsheets, images, archives of those.
EVIDENCE_TYPES = DIRECTIVE_TYPES | {".doc", ".xlsx", ".xls", ".png", ".jpg", ".jpeg", ".zip"}

# Magic bytes of binary formats; text formats have none and must not look binary.
_MAGIC = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".zip": (b"PK\x03\x04",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
}
_TEXT = {suffix for suffix, kind in SUFFIXES.items() if kind in ("text", "markdown", "html")}
# Read only through LibreOffice (old Word .doc).
_THROUGH_OFFICE = {suffix for suffix, kind in SUFFIXES.items() if kind == "doc"}


def max_upload_bytes() -> int:
    return int(settings.CHIDAO_MAX_UPLOAD_MB) * 1024 * 1024


def check_upload(upload: UploadedFile, allowed: set[str]) -> str:
    """Raise ValidationError naming the file when it must be refused; return its suffix."""
    name = upload.name or _("(không tên)")
    suffix = PurePath(name).suffix.lower()
    if suffix not in allowed:
        raise ValidationError(
            _("Tệp “%(name)s”: định dạng %(suffix)s không được nhận (chỉ nhận %(kinds)s)."),
            code="type",
            params={
                "name": name,
                "suffix": suffix or _("(không có đuôi)"),
                "kinds": ", ".join(sorted(allowed)),
            },
        )
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("Tệp “%(name)s”: tệp rỗng."), code="empty", params={"name": name})
    if size > max_upload_bytes():
        raise ValidationError(
            _("Tệp “%(name)s”: dung lượng %(size)s MB vượt giới hạn %(limit)s MB."),
            code="size",
            params={
                "name": name,
                "size": f"{size / 1024 / 1024:.1f}",
                "limit": settings.CHIDAO_MAX_UPLOAD_MB,
            },
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if suffix in _MAGIC and not any(head.startswith(m) for m in _MAGIC[suffix]):
        raise ValidationError(
            _("Tệp “%(name)s”: nội dung không phải tệp %(suffix)s hợp lệ."),
            code="content",
            params={"name": name, "suffix": suffix},
        )
    if suffix in _TEXT and any(head.startswith(m) for ms in _MAGIC.values() for m in ms):
        raise ValidationError(
            _("Tệp “%(name)s”: tệp nhị phân mang đuôi %(suffix)s."),
            code="content",
            params={"name": name, "suffix": suffix},
        )
    if allowed == DIRECTIVE_TYPES and suffix in _THROUGH_OFFICE and office.soffice() is None:
        # A directive is read, and a .doc only through LibreOffice: say so before storing it.
        raise ValidationError(
            _(
                "Tệp “%(name)s”: tệp Word 97-2003 (%(suffix)s) cần LibreOffice để đọc nhưng "
                "máy chủ chưa cài. Hãy lưu lại tệp dưới dạng .docx, hoặc đề nghị quản trị cài "
                "gói %(package)s."
            ),
            code="office",
            params={"name": name, "suffix": suffix, "package": office.PACKAGE},
        )
    return suffix


def sha256_of(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def store_blob(upload: UploadedFile, folder: str, sha256: str, suffix: str) -> str:
    """Save under ``folder/ab/<sha256><suffix>`` unless already there; the storage name."""
    name = f"{folder}/{sha256[:2]}/{sha256}{suffix}"
    if default_storage.exists(name) and default_storage.size(name) == upload.size:
        return name
    # Written under a temporary name and renamed into place, so a crash mid-write never
    # leaves a truncated original under the final name.
    upload.seek(0)
    partial = default_storage.save(f"{name}.part", upload)
    os.replace(default_storage.path(partial), default_storage.path(name))
    return name
