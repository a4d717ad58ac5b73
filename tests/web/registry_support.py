"""A directive of August 2025 for the registry's tests, ingested through the real job."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from chidao.documents.models import Candidate, Document
from chidao.documents.services import submit_upload

AUGUST_2025 = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HÀ NỘI
Số: 123/UBND-KT
Hà Nội, ngày 05 tháng 8 năm 2025

CÔNG VĂN
Về việc triển khai nhiệm vụ

1. Giao UBND các xã, phường rà soát, báo cáo kết quả trước ngày 30/9/2025.
2. Giao Trung tâm Điều hành đô thị thông minh Thành phố chủ trì xây dựng bản đồ số, hoàn thành trước ngày 31/10/2025.
3. Các cơ quan, đơn vị triển khai thực hiện nghiêm túc.
4. Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp báo cáo trước ngày 15/12/2025.
"""
UNLISTED = "Trung tâm Điều hành đô thị thông minh Thành phố"


def ingest(office: Any, capture: Any, text: str = AUGUST_2025, name: str = "cv.txt") -> Document:
    """Upload ``text`` and run its extraction job (the job runs on commit)."""
    with capture(execute=True):
        submit_upload(office, SimpleUploadedFile(name, text.encode()))
    return Document.objects.get(filename=name)


def item(document: Document, words: str) -> Candidate:
    return next(c for c in document.candidates.all() if words in c.text)


def codes(agencies: Any) -> set[str]:
    return (
        {a.code for a in agencies.all()} if hasattr(agencies, "all") else {a.code for a in agencies}
    )
