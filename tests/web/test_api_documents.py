"""Directives through the API: upload (Office only), duplicates, refused files, jobs, detail."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from chidao.documents.models import Document, IngestJob, JobState
from tests.web.api_support import api_for, build_world

SAMPLE = "tb-ket-luan-giao-ban-thang-3-2022.txt"


def upload(user: Any, *files: Any) -> Any:
    return api_for(user).post("/api/documents/", {"files": list(files)}, format="multipart")


def test_uploaded_sample_becomes_a_document_through_its_job(
    office: Any, sample_upload: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(office, sample_upload(SAMPLE))
    assert response.status_code == 201
    (item,) = response.json()["results"]
    assert item["filename"] == SAMPLE
    assert item["existing"] is False
    job = api_for(office).get(f"/api/jobs/{item['job']['id']}/").json()
    assert job["state"] == JobState.DONE, job["error"]
    document = Document.objects.get(pk=job["document"])
    assert document.filename == SAMPLE
    detail = api_for(office).get(f"/api/documents/{document.pk}/").json()
    assert len(detail["candidates"]) >= 3
    assert detail["candidates"][0]["lead"][0]["name"]


def test_second_upload_of_the_same_file_says_it_exists(
    office: Any, sample_upload: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        upload(office, sample_upload(SAMPLE))
    document = Document.objects.get()
    response = upload(office, sample_upload(SAMPLE))
    assert response.status_code == 200
    (item,) = response.json()["results"]
    assert item["existing"] is True
    assert item["document"] == document.pk
    assert item["job"] is None
    assert "đã có trong hệ thống" in item["message"]
    assert IngestJob.objects.count() == 1


def test_several_files_are_uploaded_at_once(
    office: Any, sample_upload: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            office, sample_upload(SAMPLE), sample_upload("kh-phong-chong-thien-tai-2024.txt")
        )
    assert response.status_code == 201
    assert len(response.json()["results"]) == 2
    assert Document.objects.count() == 2


def test_a_refused_file_is_named_and_nothing_is_queued(office: Any, sample_upload: Any) -> None:
    bad = SimpleUploadedFile("chi-thi.exe", b"MZ\x90\x00")
    response = upload(office, sample_upload(SAMPLE), bad)
    assert response.status_code == 400
    (message,) = response.json()["files"]
    assert "chi-thi.exe" in message
    assert IngestJob.objects.count() == 0


def test_a_binary_file_with_a_pdf_name_is_refused(office: Any) -> None:
    response = upload(office, SimpleUploadedFile("chi-thi.pdf", b"khong phai pdf"))
    assert response.status_code == 400
    assert response.json()["files"] == ["Tệp “chi-thi.pdf”: nội dung không phải tệp .pdf hợp lệ."]


def test_an_upload_without_files_is_refused(office: Any) -> None:
    response = api_for(office).post("/api/documents/", {}, format="multipart")
    assert response.status_code == 400
    assert response.json() == {"files": ["Trường này là bắt buộc."]}


def test_an_officer_cannot_upload(officer_a: Any, sample_upload: Any) -> None:
    response = upload(officer_a, sample_upload(SAMPLE))
    assert response.status_code == 403
    assert IngestJob.objects.count() == 0


def test_officer_sees_the_document_of_their_task_without_candidates(
    office: Any, officer_a: Any, agency_a: Any, agency_b: Any, today: Any
) -> None:
    world = build_world(office, officer_a, agency_a, agency_b, today)
    detail = api_for(officer_a).get(f"/api/documents/{world.document.pk}/").json()
    assert detail["candidates"] is None
    assert [t["id"] for t in detail["tasks"]] == [world.task_a.pk]
    assert detail["text"] == world.document.text
    listed = api_for(officer_a).get("/api/documents/").json()
    assert [d["id"] for d in listed["results"]] == [world.document.pk]


def test_an_officer_cannot_read_ingest_jobs(
    office: Any, officer_a: Any, agency_a: Any, agency_b: Any, today: Any
) -> None:
    world = build_world(office, officer_a, agency_a, agency_b, today)
    assert api_for(officer_a).get(f"/api/jobs/{world.job.pk}/").status_code == 404
    assert api_for(office).get(f"/api/jobs/{world.job.pk}/").json()["state"] == "queued"
