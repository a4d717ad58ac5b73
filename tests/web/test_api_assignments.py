"""Assignments through the API: filters, computed standing, and every step via the services."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from chidao.tracking.models import Assignment, ExtensionState, State
from tests.web.api_support import PDF, World, api_for, build_world, evidence
from tests.web.factories import assignment_of, make_task
from tests.web.tracking_support import set_today


@pytest.fixture
def world(
    office: Any, officer_a: Any, agency_a: Any, agency_b: Any, today: Any, monkeypatch: Any
) -> World:
    set_today(monkeypatch, today)
    return build_world(office, officer_a, agency_a, agency_b, today)


def step(user: Any, a: Assignment, name: str, **body: Any) -> Any:
    return api_for(user).post(f"/api/assignments/{a.pk}/{name}/", body, format="json")


def test_detail_gives_standing_bucket_and_version(world: World, officer_a: Any) -> None:
    data = api_for(officer_a).get(f"/api/assignments/{world.a.pk}/").json()
    assert data["state"] == State.IN_PROGRESS
    assert data["standing"] == "trong_han"
    assert data["bucket"] == "dang_thuc_hien_trong_han"
    assert data["bucket_label"] == "Đang thực hiện trong hạn"
    assert data["version"] == world.a.version
    assert data["agency"]["name"] == "Sở Tài chính"


def test_standing_follows_the_clock(world: World, officer_a: Any, monkeypatch: Any) -> None:
    set_today(monkeypatch, world.a.deadline + timedelta(1))
    data = api_for(officer_a).get(f"/api/assignments/{world.a.pk}/").json()
    assert (data["standing"], data["bucket"]) == ("qua_han", "dang_thuc_hien_qua_han")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": State.IN_PROGRESS}, ["a"]),
        ({"state": State.NOT_STARTED}, ["b", "soon"]),
        ({"standing": "sap_den_han"}, ["soon"]),
        ({"standing": "trong_han"}, ["a", "b"]),
        ({"bucket": "sap_den_han"}, ["soon"]),
        ({"bucket": "dang_thuc_hien_trong_han"}, ["a", "b", "soon"]),
        ({"bucket": "hoan_thanh_dung_han"}, []),
    ],
)
def test_list_filters_by_state_standing_and_bucket(
    world: World, office: Any, agency_b: Any, today: Any, query: Any, expected: list[str]
) -> None:
    soon = assignment_of(make_task(office, [agency_b], deadline=today + timedelta(2)), agency_b)
    names = {world.a.pk: "a", world.b.pk: "b", soon.pk: "soon"}
    rows = api_for(office).get("/api/assignments/", query).json()["results"]
    assert sorted(names[r["id"]] for r in rows) == expected


def test_list_filters_by_agency_and_document(world: World, office: Any, agency_a: Any) -> None:
    client = api_for(office)
    by_agency = client.get("/api/assignments/", {"agency": agency_a.pk}).json()["results"]
    assert [r["id"] for r in by_agency] == [world.a.pk]
    by_document = client.get("/api/assignments/", {"document": world.b.document_id}).json()
    assert [r["id"] for r in by_document["results"]] == [world.b.pk]


def test_an_unknown_filter_value_is_refused_in_vietnamese(world: World, office: Any) -> None:
    response = api_for(office).get("/api/assignments/", {"standing": "som"})
    assert response.status_code == 400
    assert response.json() == {"standing": ["“som” không phải là giá trị hợp lệ."]}


def test_report_with_evidence_then_download(world: World, officer_a: Any, office: Any) -> None:
    client = api_for(officer_a)
    response = client.post(
        f"/api/assignments/{world.a.pk}/report/",
        {"text": "Đã hoàn thành dự thảo.", "progress": 60, "files": [evidence("du-thao.pdf")]},
        format="multipart",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["progress"] == 60
    reports = client.get("/api/reports/", {"assignment": world.a.pk}).json()["results"]
    latest = reports[-1]
    assert (latest["text"], latest["progress"]) == ("Đã hoàn thành dự thảo.", 60)
    (attachment,) = latest["attachments"]
    assert attachment["filename"] == "du-thao.pdf"
    download = api_for(office).get(attachment["download_url"], HTTP_ACCEPT="application/pdf")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="du-thao.pdf"' in download["Content-Disposition"]


def test_refused_evidence_is_named_and_no_report_is_made(world: World, officer_a: Any) -> None:
    before = world.a.reports.count()
    response = api_for(officer_a).post(
        f"/api/assignments/{world.a.pk}/report/",
        {"text": "Kèm tệp", "progress": 50, "files": [evidence("virus.exe", b"MZ")]},
        format="multipart",
    )
    assert response.status_code == 400
    assert "virus.exe" in response.json()["files"][0]
    assert world.a.reports.count() == before


def test_done_then_confirmed_by_the_office(world: World, officer_a: Any, office: Any) -> None:
    done = step(officer_a, world.a, "done", text="Đã ban hành kế hoạch.")
    assert done.status_code == 200
    assert done.json()["state"] == State.AWAITING
    confirmed = step(office, world.a, "confirm", version=done.json()["version"])
    assert confirmed.status_code == 200
    assert confirmed.json()["state"] == State.DONE
    assert confirmed.json()["bucket"] == "hoan_thanh_dung_han"


def test_office_returns_a_completion_with_a_reason(
    world: World, officer_a: Any, office: Any
) -> None:
    step(officer_a, world.a, "done", text="Xong.")
    returned = step(office, world.a, "return", reason="Thiếu số liệu.")
    assert returned.json()["state"] == State.REDO


def test_refused_then_reassigned_to_another_agency(
    world: World, officer_a: Any, office: Any, agency_b: Any
) -> None:
    refused = step(officer_a, world.a, "refuse", reason="Không thuộc chức năng của Sở.")
    assert refused.json()["state"] == State.REFUSED
    response = step(office, world.a, "reassign", agency=agency_b.pk)
    assert response.status_code == 201
    new = response.json()
    assert (new["agency"]["id"], new["reassigned_from"]) == (agency_b.pk, world.a.pk)


def test_extension_requested_then_granted(
    world: World, officer_a: Any, office: Any, today: Any
) -> None:
    world.extension.delete()
    wanted = today + timedelta(40)
    asked = step(officer_a, world.a, "extension", requested_deadline=wanted.isoformat(),
                 reason="Chờ ý kiến của Bộ.")  # fmt: skip
    assert asked.status_code == 200, asked.json()
    pending = api_for(office).get("/api/extensions/", {"state": ExtensionState.PENDING}).json()
    (request,) = pending["results"]
    decided = api_for(office).post(
        f"/api/extensions/{request['id']}/decide/", {"grant": True}, format="json"
    )
    assert decided.status_code == 200
    assert decided.json()["deadline"] == wanted.isoformat()


def test_deciding_requires_an_explicit_grant(world: World, office: Any) -> None:
    response = api_for(office).post(
        f"/api/extensions/{world.extension.pk}/decide/", {}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json() == {"grant": ["Trường này là bắt buộc."]}


def test_postponed_then_resumed(world: World, office: Any) -> None:
    assert step(office, world.a, "postpone", reason="Chờ chủ trương.").json()["state"] == (
        State.POSTPONED
    )
    resumed = step(office, world.a, "resume").json()
    assert (resumed["state"], resumed["bucket"]) == (State.IN_PROGRESS, "dang_thuc_hien_trong_han")


def test_a_stale_version_is_a_conflict(world: World, officer_a: Any) -> None:
    stale = world.a.version
    assert step(officer_a, world.a, "report", text="Lần 1", progress=40).status_code == 200
    response = step(officer_a, world.a, "report", text="Lần 2", progress=50, version=stale)
    assert response.status_code == 409
    assert response.json()["detail"].startswith("Người khác vừa cập nhật")
    assert Assignment.objects.get(pk=world.a.pk).progress == 40


def test_a_stale_version_on_extension_is_a_conflict(
    world: World, officer_a: Any, today: Any
) -> None:
    world.extension.delete()
    response = step(officer_a, world.a, "extension", reason="Chờ",
                    requested_deadline=(today + timedelta(40)).isoformat(),
                    version=world.a.version - 1)  # fmt: skip
    assert response.status_code == 409


def test_a_step_the_state_forbids_is_400_with_the_reason(world: World, office: Any) -> None:
    response = step(office, world.a, "confirm")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Không thể xác nhận hoàn thành khi nhiệm vụ đang ở trạng thái “Đang thực hiện”."
    }


def test_the_office_cannot_report_for_an_agency(world: World, office: Any) -> None:
    response = step(office, world.a, "report", text="Thay đơn vị", progress=10)
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Chỉ cán bộ của đơn vị được giao")


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"text": "x", "progress": 101}, {"progress": ["Giá trị không được lớn hơn 100."]}),
        ({"text": "x", "progress": "nhiều"}, {"progress": ["Cần một số nguyên."]}),
        ({"progress": 10}, {"text": ["Trường này là bắt buộc."]}),
        ({"text": " ", "progress": 10}, {"text": ["Trường này không được để trống."]}),
        (
            {"text": "x", "progress": 1, "percent": 2},
            {"percent": ["Trường này không được nhận ở đây."]},
        ),
    ],
)
def test_report_bodies_are_checked_field_by_field(
    world: World, officer_a: Any, body: Any, errors: Any
) -> None:
    response = step(officer_a, world.a, "report", **body)
    assert response.status_code == 400
    assert response.json() == errors


def test_a_bad_date_says_the_format(world: World, officer_a: Any) -> None:
    response = step(officer_a, world.a, "extension", requested_deadline="21/12/2026", reason="x")
    assert response.json() == {"requested_deadline": ["Ngày không đúng định dạng, cần YYYY-MM-DD."]}


def test_reassign_to_an_unknown_agency_is_refused(world: World, office: Any) -> None:
    response = step(office, world.a, "reassign", agency=999999)
    assert response.json() == {"agency": ["Không có đối tượng mã số “999999”."]}


def test_task_shows_only_the_assignments_the_user_may_see(
    office: Any, officer_a: Any, agency_a: Any, agency_b: Any
) -> None:
    task = make_task(office, [agency_a], support=[agency_b])
    mine = api_for(officer_a).get(f"/api/tasks/{task.pk}/").json()
    assert [a["agency"]["id"] for a in mine["assignments"]] == [agency_a.pk]
    everyone = api_for(office).get(f"/api/tasks/{task.pk}/").json()
    assert {a["agency"]["id"] for a in everyone["assignments"]} == {agency_a.pk, agency_b.pk}
