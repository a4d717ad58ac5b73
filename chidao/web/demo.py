"""The demo that `make run` loads: the registry, the cast, the sample directives already
reviewed and registered, and a few reports, so every page has something to show.

Runs through the same services as real use (ingest, registration, reports); running it
again changes nothing but the cast's passwords.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from chidao.accounts.cast import CAST, create_cast
from chidao.documents.jobs import run_job
from chidao.documents.models import Decision, Document, DocumentStatus
from chidao.documents.services import register_document, submit_upload
from chidao.registry import succession
from chidao.registry.services import sync_registry
from chidao.tracking import horizon, services
from chidao.tracking.models import Assignment, State

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"
SAMPLE_SUFFIXES = {".txt", ".md", ".html", ".docx", ".pdf"}


@dataclass
class DemoResult:
    agencies: tuple[int, int] = (0, 0)
    documents: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    tasks: int = 0
    assignments: int = 0


def load_demo(password: str, *, today: date, samples: Path = SAMPLES) -> DemoResult:
    """Load everything; returns what was created."""
    result = DemoResult(agencies=sync_registry())
    users = create_cast(password)
    office = users["chuyenvien"]
    for path in sorted(p for p in samples.iterdir() if p.suffix in SAMPLE_SUFFIXES):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if Document.objects.filter(sha256=digest).exists():
            result.skipped.append(path.name)
            continue
        document = _ingest(office, path, today)
        if document is None:
            result.skipped.append(path.name)
            continue
        _review_and_register(office, document, today)
        result.documents.append(f"{document.title} ({path.name})")
    _add_reports(users, today)
    result.tasks = sum(d.tasks.count() for d in Document.objects.all())
    result.assignments = Assignment.objects.count()
    return result


def _ingest(office: Any, path: Path, today: date) -> Document | None:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    with transaction.atomic():
        submitted = submit_upload(office, upload)
    if submitted.job is None:
        return submitted.existing
    job = run_job(submitted.job.pk, today=today)
    return job.document


def _review_and_register(office: Any, document: Document, today: date) -> None:
    """What a specialist would do with a clean extraction: take out the bodies that ended
    without a successor (the district level in 2025), accept every task that has a lead
    agency, reject the rest, register."""
    for candidate in document.candidates.all():
        day = succession.reference_day(candidate.deadline, candidate.recurrence, today)
        for agencies in (candidate.lead, candidate.support):
            ended = [succession.ended(a, day) for a in agencies.all()]
            agencies.remove(
                *(a for a, e in zip(agencies.all(), ended, strict=True) if e and not e.successor)
            )
        has_lead = candidate.lead.exists()
        candidate.decision = Decision.ACCEPTED if has_lead else Decision.REJECTED
        candidate.save(update_fields=["decision"])
    if document.status != DocumentStatus.REGISTERED:
        register_document(office, document, today=today)


def _extension_day(a: Assignment, today: date) -> date:
    """A month on, but never past the deadline horizon of the assignment's directive (a
    demo loaded years after its samples' dates must still be accepted)."""
    latest = horizon.latest_deadline(horizon.document_date(a.document))
    return min(today + timedelta(days=30), latest)


def _add_reports(users: dict[str, Any], today: date) -> None:
    """A few reports by the two demo agencies, once: progress, completions (on time and
    late), one confirmed, one extension request."""
    office = users["chuyenvien"]
    for member in CAST:
        if member.agency_code is None:
            continue
        officer = users[member.username]
        mine = Assignment.objects.filter(
            agency__code=member.agency_code, state=State.NOT_STARTED
        ).order_by("deadline", "id")
        if Assignment.objects.filter(agency__code=member.agency_code).exclude(
            state=State.NOT_STARTED
        ):
            continue  # reports already added by an earlier run
        rows = list(mine[:6])
        for i, a in enumerate(rows):
            if i == 0:
                services.report_progress(
                    officer,
                    a,
                    "Đã xây dựng kế hoạch triển khai, giao phòng chuyên môn thực hiện.",
                    40,
                )
            elif i in (1, 2):
                day = (a.deadline - timedelta(days=2)) if a.deadline else today
                services.mark_done(
                    officer, a, "Đã hoàn thành, gửi kèm báo cáo kết quả.", today=min(day, today)
                )
                if i == 1:
                    services.confirm(office, a, "Văn phòng xác nhận hoàn thành.")
            elif i == 3:
                services.mark_done(
                    officer,
                    a,
                    "Đã hoàn thành, chậm do chờ số liệu của các quận, huyện.",
                    today=today,
                )
            elif (
                i == 4
                and _extension_day(a, today) > today
                and (a.deadline is None or a.deadline < _extension_day(a, today))
            ):
                services.report_progress(officer, a, "Đang tổng hợp số liệu.", 60)
                services.request_extension(
                    officer,
                    a,
                    _extension_day(a, today),
                    "Chờ số liệu của Cục Thống kê.",
                    today=today,
                )
