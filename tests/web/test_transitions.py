"""Every workflow step of an assignment: who may take it, from which state, and what it
leaves behind (state, dates, history)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from chidao.audit.models import HistoryEntry
from chidao.common.errors import ActionError, Conflict, NotAllowed
from chidao.tracking import services
from chidao.tracking.models import Assignment, ExtensionState, Role, State
from chidao.tracking.status import Bucket, bucket
from tests.web.factories import assignment_of, make_task

TODAY = date(2026, 11, 21)
D = timedelta(days=1)


@pytest.fixture
def assignment(office: Any, agency_a: Any) -> Assignment:
    return assignment_of(make_task(office, [agency_a], deadline=TODAY + 10 * D), agency_a)


def _bucket(a: Assignment, today: date = TODAY) -> str | None:
    a.refresh_from_db()
    return bucket(a.state, a.deadline, a.done_on, today)


def test_a_progress_report_starts_the_work(officer_a: Any, assignment: Assignment) -> None:
    services.report_progress(officer_a, assignment, "Đã họp triển khai.", 30)
    assignment.refresh_from_db()
    assert (assignment.state, assignment.progress) == (State.IN_PROGRESS, 30)
    assert assignment.last_report_at is not None
    assert assignment.reports.get().text == "Đã họp triển khai."


def test_a_report_keeps_its_evidence_file(officer_a: Any, assignment: Assignment) -> None:
    evidence = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minh chung", "application/pdf")
    report = services.report_progress(officer_a, assignment, "Kèm biên bản.", 50, [evidence])
    attachment = report.attachments.get()
    assert attachment.filename == "bien-ban.pdf"
    assert attachment.file.read() == b"%PDF-1.4 minh chung"


def test_evidence_of_a_refused_type_is_rejected_with_its_name(
    officer_a: Any, assignment: Assignment
) -> None:
    bad = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", "application/octet-stream")
    with pytest.raises(ActionError, match=r"virus\.exe"):
        services.report_progress(officer_a, assignment, "Kèm tệp.", 50, [bad])
    assert not assignment.reports.exists()


def test_progress_outside_0_to_100_is_refused(officer_a: Any, assignment: Assignment) -> None:
    with pytest.raises(ActionError, match="0 đến 100"):
        services.report_progress(officer_a, assignment, "Sai.", 120)


def test_another_agencys_officer_cannot_report(officer_b: Any, assignment: Assignment) -> None:
    with pytest.raises(NotAllowed):
        services.report_progress(officer_b, assignment, "Không phải việc của tôi.", 10)


def test_leader_and_office_cannot_report_for_an_agency(
    leader: Any, office: Any, assignment: Assignment
) -> None:
    for user in (leader, office):
        with pytest.raises(NotAllowed):
            services.mark_done(user, assignment, "Xong.", today=TODAY)


def test_marking_done_awaits_confirmation_with_the_reported_day(
    officer_a: Any, assignment: Assignment
) -> None:
    services.mark_done(officer_a, assignment, "Đã hoàn thành.", today=TODAY)
    assignment.refresh_from_db()
    assert (assignment.state, assignment.done_on, assignment.progress) == (
        State.AWAITING, TODAY, 100,
    )  # fmt: skip


def test_marking_done_twice_is_refused(officer_a: Any, assignment: Assignment) -> None:
    services.mark_done(officer_a, assignment, "Đã hoàn thành.", today=TODAY)
    with pytest.raises(ActionError, match="Chờ xác nhận"):
        services.mark_done(officer_a, assignment, "Lần nữa.", today=TODAY)


def test_confirmation_completes_on_the_reported_day_not_the_confirmation_day(
    office: Any, officer_a: Any, assignment: Assignment
) -> None:
    Assignment.objects.filter(pk=assignment.pk).update(deadline=TODAY)
    assignment.refresh_from_db()
    services.mark_done(officer_a, assignment, "Đã hoàn thành.", today=TODAY)
    services.confirm(office, assignment)
    assert _bucket(assignment, TODAY + 5 * D) == Bucket.DONE_ON_TIME
    assert assignment.state == State.DONE


def test_only_the_office_confirms(officer_a: Any, leader: Any, assignment: Assignment) -> None:
    services.mark_done(officer_a, assignment, "Xong.", today=TODAY)
    for user in (officer_a, leader):
        with pytest.raises(NotAllowed):
            services.confirm(user, assignment)


def test_a_returned_completion_must_be_done_again(
    office: Any, officer_a: Any, assignment: Assignment
) -> None:
    services.mark_done(officer_a, assignment, "Xong.", today=TODAY)
    services.return_completion(office, assignment, "Thiếu số liệu quý III.")
    assignment.refresh_from_db()
    assert (assignment.state, assignment.done_on) == (State.REDO, None)
    services.report_progress(officer_a, assignment, "Đã bổ sung.", 90)
    services.mark_done(officer_a, assignment, "Đã bổ sung số liệu.", today=TODAY + D)
    services.confirm(office, assignment)
    assignment.refresh_from_db()
    assert (assignment.state, assignment.done_on) == (State.DONE, TODAY + D)


def test_extension_granted_after_the_deadline_passed_puts_the_task_back_in_time(
    office: Any, officer_a: Any, agency_a: Any
) -> None:
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY - 3 * D), agency_a)
    assert _bucket(a) == Bucket.OPEN_LATE
    req = services.request_extension(officer_a, a, TODAY + 14 * D, "Chờ ý kiến Bộ.", today=TODAY)
    services.decide_extension(office, req, grant=True, note="Đồng ý.")
    a.refresh_from_db()
    assert (a.deadline, a.original_deadline) == (TODAY + 14 * D, TODAY - 3 * D)
    assert _bucket(a) == Bucket.OPEN_ON_TIME
    req.refresh_from_db()
    assert req.state == ExtensionState.GRANTED


def test_extension_denied_leaves_the_deadline(
    office: Any, officer_a: Any, assignment: Assignment
) -> None:
    req = services.request_extension(officer_a, assignment, TODAY + 40 * D, "Lý do.", today=TODAY)
    services.decide_extension(office, req, grant=False, note="Không đủ căn cứ.")
    assignment.refresh_from_db()
    assert assignment.deadline == TODAY + 10 * D
    with pytest.raises(ActionError, match="đã được quyết định"):
        services.decide_extension(office, req, grant=True)


def test_one_pending_extension_at_a_time_and_only_to_a_later_date(
    officer_a: Any, assignment: Assignment
) -> None:
    with pytest.raises(ActionError, match="sau thời hạn hiện tại"):
        services.request_extension(officer_a, assignment, TODAY + 5 * D, "Sớm hơn.", today=TODAY)
    services.request_extension(officer_a, assignment, TODAY + 30 * D, "Lý do.", today=TODAY)
    with pytest.raises(ActionError, match="đang chờ"):
        services.request_extension(officer_a, assignment, TODAY + 40 * D, "Lần hai.", today=TODAY)


def test_refused_then_reassigned_counts_once_for_the_new_agency(
    office: Any, officer_a: Any, assignment: Assignment, agency_b: Any
) -> None:
    services.refuse(officer_a, assignment, "Không thuộc chức năng của Sở Tài chính.")
    assert _bucket(assignment) is None
    new = services.reassign(office, assignment, agency_b.pk)
    assert (new.agency_id, new.role, new.deadline) == (agency_b.pk, Role.LEAD, assignment.deadline)
    assert new.reassigned_from_id == assignment.pk
    counted = [a for a in Assignment.objects.filter(task=assignment.task) if _bucket(a) is not None]
    assert [a.agency_id for a in counted] == [agency_b.pk]


def test_refusal_needs_a_reason(officer_a: Any, assignment: Assignment) -> None:
    with pytest.raises(ActionError, match="lý do"):
        services.refuse(officer_a, assignment, "  ")


def test_only_a_refused_assignment_can_be_reassigned(
    office: Any, assignment: Assignment, agency_b: Any
) -> None:
    with pytest.raises(ActionError, match="giao lại"):
        services.reassign(office, assignment, agency_b.pk)


def test_postponed_leaves_the_counts_and_resumes(
    office: Any, officer_a: Any, assignment: Assignment
) -> None:
    services.postpone(office, assignment, "Chờ điều chỉnh quy hoạch.")
    assert _bucket(assignment) is None
    with pytest.raises(ActionError):
        services.report_progress(officer_a, assignment, "Báo cáo.", 10)
    services.resume(office, assignment)
    assignment.refresh_from_db()
    assert assignment.state == State.NOT_STARTED


def test_a_stale_version_is_a_conflict_and_changes_nothing(
    officer_a: Any, assignment: Assignment
) -> None:
    read = assignment.version
    services.report_progress(officer_a, assignment, "Lần một.", 20, read_version=read)
    with pytest.raises(Conflict):
        services.report_progress(officer_a, assignment, "Lần hai, đọc cũ.", 60, read_version=read)
    assignment.refresh_from_db()
    assert assignment.progress == 20
    assert assignment.reports.count() == 1


def test_every_step_is_in_the_history_with_before_and_after(
    office: Any, officer_a: Any, assignment: Assignment
) -> None:
    services.report_progress(officer_a, assignment, "Bắt đầu.", 40)
    services.mark_done(officer_a, assignment, "Xong.", today=TODAY)
    services.confirm(office, assignment)
    entries = list(HistoryEntry.objects.filter(assignment=assignment).order_by("id"))
    assert [e.action for e in entries] == [
        "assignment.progress",
        "assignment.done",
        "assignment.confirmed",
    ]
    assert entries[0].actor == officer_a
    assert entries[0].before == {"state": State.NOT_STARTED, "progress": 0}
    assert entries[0].after == {"state": State.IN_PROGRESS, "progress": 40}
    assert entries[2].actor == office
    assert entries[2].after == {"state": State.DONE}


def test_support_agency_gets_its_own_assignment(office: Any, agency_a: Any, agency_b: Any) -> None:
    task = make_task(office, [agency_a], support=[agency_b], deadline=TODAY)
    roles = dict(task.assignments.values_list("agency_id", "role"))
    assert roles == {agency_a.pk: Role.LEAD, agency_b.pk: Role.SUPPORT}


def test_a_task_without_lead_cannot_be_created(office: Any) -> None:
    with pytest.raises(ActionError, match="chủ trì"):
        make_task(office, [])
