"""A small month of work for the giao ban report tests, built through the services.

Today is 21/11/2026 (the application's clock is stopped at 09:00 that day, so every stamp
the services write falls on it, whatever the real date); the report is for November 2026
(as of today), compared with October 2026 (as of 31/10). Every assignment exists since 01/09/2026 except ``new``, registered on
05/11/2026. Sở Tài chính (A) and Sở Y tế (B):

================ ===== ========== ============================ =============== ==============
name             agency deadline   what happened                November        October
================ ===== ========== ============================ =============== ==============
new              A     30/11/2026 nothing                      open, on time   (not yet)
late             A     10/11/2026 progress 40 %, 2 reminders,   open, late      open, on time
                                  flagged
done             A     15/11/2026 done 12/11, confirmed         done on time    open, on time
done_after       A     15/10/2026 done 03/11, confirmed         done late       open, late
awaiting_late    B     05/11/2026 done 18/11, not confirmed     open, late      open, on time
no_deadline      B     —          nothing                      no deadline     no deadline
done_october     B     20/10/2026 done 25/10, confirmed         (before)        done late
================ ===== ========== ============================ =============== ==============
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from django.utils import timezone

from chidao.registry.models import Agency
from chidao.reminders.models import Flag, Kind, Reminder
from chidao.tracking import services
from chidao.tracking.models import Assignment
from tests.web.factories import assignment_of, make_document, make_task
from tests.web.tracking_support import set_today

TODAY = date(2026, 11, 21)
LAST_REPORT = "Đang hoàn thiện hồ sơ trình UBND Thành phố."


@pytest.fixture
def work(
    monkeypatch: pytest.MonkeyPatch,
    office: Any,
    officer_a: Any,
    officer_b: Any,
    agency_a: Agency,
    agency_b: Agency,
) -> dict[str, Assignment]:
    """The month above, with the clock set to 21/11/2026 (in a test module:
    ``work = support.work``)."""
    set_today(monkeypatch, TODAY)
    return seed(office, officer_a, officer_b, agency_a, agency_b)


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 9, 0))


def seed(
    office: Any, officer_a: Any, officer_b: Any, agency_a: Agency, agency_b: Agency
) -> dict[str, Assignment]:
    doc = make_document(office, kind="Kế hoạch", number="215/KH-UBND", issued_on=date(2026, 9, 1))

    def task(agency: Agency, deadline: date | None, text: str) -> Assignment:
        t = make_task(office, [agency], deadline=deadline, document=doc, text=text)
        return assignment_of(t, agency)

    a = {
        "new": task(agency_a, date(2026, 11, 30), "Xây dựng kế hoạch chuyển đổi số năm 2027."),
        "late": task(agency_a, date(2026, 11, 10), "Rà soát định mức chi thường xuyên."),
        "done": task(agency_a, date(2026, 11, 15), "Tổng hợp dự toán ngân sách năm 2027."),
        "done_after": task(agency_a, date(2026, 10, 15), "Báo cáo quyết toán vốn đầu tư."),
        "awaiting_late": task(agency_b, date(2026, 11, 5), "Kiểm tra an toàn thực phẩm."),
        "no_deadline": task(agency_b, None, "Theo dõi tình hình dịch bệnh."),
        "done_october": task(agency_b, date(2026, 10, 20), "Báo cáo tiêm chủng quý III."),
    }
    services.report_progress(officer_a, a["late"], LAST_REPORT, 40)
    _done(officer_a, office, a["done"], date(2026, 11, 12))
    _done(officer_a, office, a["done_after"], date(2026, 11, 3))
    _done(officer_b, None, a["awaiting_late"], date(2026, 11, 18))
    _done(officer_b, office, a["done_october"], date(2026, 10, 25))
    for day in (date(2026, 11, 12), date(2026, 11, 17)):
        Reminder.objects.create(assignment=a["late"], kind=Kind.OVERDUE, day=day)
    Flag.objects.create(assignment=a["late"], flagged_at=_aware(date(2026, 11, 17)), reminders=2)
    ids = [x.pk for x in a.values()]
    Assignment.objects.filter(pk__in=ids).update(created_at=_aware(date(2026, 9, 1)))
    Assignment.objects.filter(pk=a["new"].pk).update(created_at=_aware(date(2026, 11, 5)))
    for x in a.values():
        x.refresh_from_db()
    return a


def _done(officer: Any, office: Any, a: Assignment, day: date) -> None:
    services.mark_done(officer, a, "Đã hoàn thành, gửi kèm báo cáo.", today=day)
    if office is not None:
        services.confirm(office, a)
