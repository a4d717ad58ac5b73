"""A sample directive goes from upload to registered tasks through the services."""

from __future__ import annotations

from typing import Any

import pytest

from chidao.documents.models import Decision, Document, IngestJob, JobState
from chidao.documents.services import register_document, submit_upload
from chidao.tracking.models import Assignment


@pytest.mark.django_db(transaction=True)
def test_uploaded_sample_becomes_registered_tasks(
    office: Any, sample_upload: Any, today: Any
) -> None:
    submitted = submit_upload(office, sample_upload("tb-ket-luan-giao-ban-thang-3-2022.txt"))
    job = IngestJob.objects.get(pk=submitted.job.pk)
    assert job.state == JobState.DONE, job.error
    document = job.document
    assert document.candidates.count() >= 3
    document.candidates.update(decision=Decision.ACCEPTED)
    tasks = register_document(office, document, today=today)
    assert len(tasks) == document.candidates.count()
    assert Assignment.objects.filter(document=document).count() >= len(tasks)
    again = submit_upload(office, sample_upload("tb-ket-luan-giao-ban-thang-3-2022.txt"))
    assert again.existing == Document.objects.get(pk=document.pk)
