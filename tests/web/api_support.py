"""Shared by the tests/web/test_api_*.py files: token clients and a small world of objects.

The world is built through the services, as the pages and the API would build it:
agency A (Sở Tài chính) has an assignment with a progress report, an evidence file and a
pending extension request; agency B (Sở Y tế) has an assignment of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from chidao.documents.models import Document, IngestJob, JobState
from chidao.registry.models import Agency
from chidao.tracking import services
from chidao.tracking.models import Assignment, Attachment, ExtensionRequest, Report, Task
from tests.web.factories import assignment_of, make_task

PDF = b"%PDF-1.4\n% bien ban hop\n"


def api_for(user: Any) -> APIClient:
    """A client that authenticates with the user's token, as an integration would."""
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def evidence(name: str = "bien-ban.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@dataclass
class World:
    document: Document
    task_a: Task
    a: Assignment
    b: Assignment
    report: Report
    attachment: Attachment
    extension: ExtensionRequest
    job: IngestJob


def build_world(
    office: Any, officer_a: Any, agency_a: Agency, agency_b: Agency, today: date
) -> World:
    task_a = make_task(office, [agency_a], deadline=today + timedelta(10))
    task_b = make_task(office, [agency_b], deadline=today + timedelta(10))
    a = assignment_of(task_a, agency_a)
    report = services.report_progress(officer_a, a, "Đã họp triển khai.", 30, [evidence()])
    extension = services.request_extension(
        officer_a, a, today + timedelta(30), "Chờ số liệu quý IV.", today=today
    )
    job = IngestJob.objects.create(
        filename="van-ban.txt", sha256="0" * 64, size=1, blob="x", state=JobState.QUEUED
    )
    a.refresh_from_db()
    return World(
        document=task_a.document,
        task_a=task_a,
        a=a,
        b=assignment_of(task_b, agency_b),
        report=report,
        attachment=report.attachments.get(),
        extension=extension,
        job=job,
    )
