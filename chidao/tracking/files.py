"""Evidence files attached to reports."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from chidao.common.uploads import EVIDENCE_TYPES, check_upload, sha256_of, store_blob
from chidao.tracking.models import Attachment, Report


def store_evidence(report: Report, upload: UploadedFile) -> Attachment:
    """Check and keep one evidence file; ValidationError names the file when refused."""
    suffix = check_upload(upload, EVIDENCE_TYPES)
    digest = sha256_of(upload)
    name = store_blob(upload, "evidence", digest, suffix)
    return Attachment.objects.create(
        report=report,
        file=name,
        filename=(upload.name or "tep")[:255],
        sha256=digest,
        size=upload.size or 0,
        content_type=(upload.content_type or "")[:100],
    )
