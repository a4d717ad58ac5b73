"""Issue 11's scenario in a real browser, as a new City Office user goes through it: upload
a real dispatch of 2021 with a monthly report (Công văn 2658/UBND-KT) and a 2024 Hà Nội
plan (Kế hoạch 187/KH-UBND), review, register, an officer reports, the Office confirms,
the giao ban, đôn đốc. The clock stands at 08:30 on Monday 07/12/2026, after the 2025
reorganisation (the quận/huyện/thị xã ended on 30/06/2025).

The counts below are worked out by hand from the two texts and the registry, not read
back from the application. Screenshots go to screenshots/kich-ban-*.png.
"""

from __future__ import annotations

import re
from datetime import date, time
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Q

from chidao.registry.models import Agency
from chidao.registry.succession import ended, reference_day
from chidao.reminders.models import Kind, Notification, Reminder
from chidao.tracking.models import Assignment, State, Task
from chidao.tracking.status import OPEN_STATES
from tests.web.browser_support import shot
from tests.web.conftest import PASSWORD, SAMPLES
from tests.web.tracking_support import set_today

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TODAY = date(2026, 12, 7)
DISPATCH_2021 = "dev/002_b2afe1b5b9049371.txt"  # Công văn 2658/UBND-KT, 16/08/2021
PLAN_2024 = SAMPLES / "kh-phong-chong-thien-tai-2024.txt"  # Kế hoạch 187/KH-UBND, 12/06/2024

# --- worked out by hand ---------------------------------------------------------------
# 2658/UBND-KT: 17 items. Two are due 31/12/2021 (item 2's "26 … 54 … 85 nhiệm vụ …
# cả năm 2021" and 2.3's "đến cuối năm 2021"): they go to the bodies of 2021, the 30
# quận/huyện/thị xã included: 74 and 75 (2.3 also names "chủ đầu tư") = 149 overdue.
# The other 15 have no deadline or recur, so they are carried out after 01/07/2025: the
# 30 quận/huyện, with no single successor, are taken off them at review, and merged Sở go
# to their successors. The monthly report (mục 3) gets ONE instance, December 2026,
# due 31/12/2026 (no day in the text), for 37 bodies; Văn phòng's monthly follow-up one,
# for 1: 38 on time. No deadline: 85.  272 assignments, 17 tasks.
# 187/KH-UBND: 9 items; 5b (quận/huyện only, no deadline) is refused at review → 8 tasks.
# Due in 2024, all overdue: 1 (33), 2 (2), 3 (2), 4 (1), 5a (30 quận/huyện) = 68. No
# deadline: Sở TT&TT's item, to its successor, 1. "trước ngày 20 hằng tháng": one
# instance due 20/12/2026 for 37; the quarterly follow-up, due 31/12/2026, for 1: 38 on
# time.  107 assignments, 8 tasks.
TASKS = 17 + 8
ASSIGNMENTS = 272 + 107
OVERDUE = 149 + 68
NO_DEADLINE = 85 + 1
ON_TIME = 38 + 38
RECURRING_INSTANCES = {  # series (document, order) → the one instance's deadline
    ("2658/UBND-KT", 16): date(2026, 12, 31),
    ("2658/UBND-KT", 17): date(2026, 12, 31),
    ("187/KH-UBND", 7): date(2026, 12, 20),
    ("187/KH-UBND", 8): date(2026, 12, 31),
}
# Sở Tài chính's overdue: 2658's two 2021 items and 187's item 3 (due in Quý III/2024)
FINANCE_OVERDUE = 3

BUCKET = 'a.stat[href*="bucket={}"]'
OPEN_LATE, DONE_LATE = "dang_thuc_hien_qua_han", "hoan_thanh_qua_han"
OPEN_ON_TIME, NO_DL = "dang_thuc_hien_trong_han", "khong_co_han"


def _count(page: Any, selector: str) -> int:
    return int(page.get_attribute(selector, "data-count"))


def _upload(page: Any, url: str, path: Path) -> None:
    page.goto(f"{url}/van-ban/nhap/")
    page.set_input_files("input[type=file]", str(path))
    page.click("main button[type=submit]")
    page.wait_for_selector("#job-rows .badge.done")
    page.click("#job-rows a")
    page.wait_for_selector("article.cand")


def _register(page: Any) -> list[str]:
    """Press Đăng ký; the refusals shown."""
    page.click("main button:has-text('Đăng ký')")
    page.wait_for_load_state("networkidle")
    return page.locator(".msg-error").all_inner_texts()


def _fix(page: Any, order: int) -> None:
    """What the reviewer does with item ``order`` once a refusal names it: open its
    groups, untick the bodies that ended without a successor (the quận/huyện), and accept
    it, or refuse it when nobody is left to lead it."""
    card = page.locator("article.cand").filter(
        has=page.locator(".cand-no", has_text=re.compile(rf"^{order}$"))
    )
    for summary in card.locator("details.chip-group:has(label.chip-ended) > summary").all():
        summary.click()
    for chip in card.locator("label.chip-ended").filter(has_not_text="→").all():
        chip.locator("input").uncheck()
    lead_left = card.locator(".picker").first.locator("input[type=checkbox]:checked").count()
    with page.expect_response(lambda r: r.request.method == "POST"):
        card.locator(f"button[name=action][value={'accept' if lead_left else 'reject'}]").click()
    card.locator(".msg-success").wait_for()  # the card as saved, swapped in
    card.locator(f".badge.{'accepted' if lead_left else 'rejected'}").wait_for()


def _accept_and_register(page: Any) -> tuple[list[int], str]:
    """Accept every proposal, press Đăng ký, and fix each item a refusal names until the
    document registers; the items fixed, and the first refusal's text."""
    page.click("text=Chấp nhận tất cả mục chưa xem")
    page.wait_for_load_state("networkidle")
    fixed: list[int] = []
    first = ""
    while refusals := _register(page):
        first = first or refusals[0]
        found = re.search(r"Mục (\d+):", refusals[0])
        assert found, refusals
        order = int(found.group(1))
        assert order not in fixed, refusals
        fixed.append(order)
        _fix(page, order)
    return fixed, first


def test_a_new_office_user_registers_a_2021_dispatch_and_a_2024_plan_and_the_numbers_hold(
    open_as: Any,
    live_server: Any,
    cast: dict[str, Any],
    eval_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_today(monkeypatch, TODAY, time(8, 30))
    url = live_server.url
    office = open_as("chuyenvien", PASSWORD)
    office.goto(f"{url}/tong-hop/")
    assert office.get_attribute("[data-assignments]", "data-assignments") == "0"

    # 1. the 2021 dispatch, accepted as proposed: registration is refused while an item
    # carried out after 07/2025 names an abolished huyện; the reviewer takes the
    # quận/huyện off each item named (1, 2.8, 2.11, 3's monthly report) and registers. The
    # merged Sở go to their successors on registration.
    _upload(office, url, eval_dir / DISPATCH_2021)
    shot(office, "kich-ban-01-ra-soat-2658")
    fixed, refusal = _accept_and_register(office)
    assert fixed == [1, 12, 15, 16]
    assert refusal.startswith("Mục 1: “UBND huyện Ba Vì” đã giải thể/sáp nhập từ 01/07/2025")
    assert "không có đơn vị kế thừa" in refusal
    assert "UBND quận" not in office.inner_text("main")  # the registered document's page
    shot(office, "kich-ban-02-da-dang-ky-2658")

    # 2. the 2024 plan: item 5b names only quận/huyện and has no deadline: refused; the
    # monthly report loses them
    _upload(office, url, PLAN_2024)
    shot(office, "kich-ban-03-ra-soat-187")
    assert _accept_and_register(office)[0] == [6, 8]
    shot(office, "kich-ban-04-da-dang-ky-187")

    # 3. what registration made: the monthly report starts this month, not in 2021
    for (number, order), due in RECURRING_INSTANCES.items():
        series = Task.objects.get(document__number=number, order=order, series__isnull=True)
        assert list(series.instances.values_list("deadline", flat=True)) == [due]
    assert Assignment.objects.count() == ASSIGNMENTS
    # no body that ended before the day a task is carried out holds it
    for a in Assignment.objects.select_related("agency", "task"):
        day = reference_day(a.task.deadline, a.task.recurrence, TODAY)
        assert ended(a.agency, day) is None, (a.agency.name, a.task.deadline)
    district = Agency.objects.get(name="UBND huyện Ba Vì")
    assert {a.task.deadline for a in Assignment.objects.filter(agency=district)} == {
        date(2021, 12, 31),
        date(2024, 6, 30),
    }

    # 4. the dashboard: assignments and tasks said apart, overdue as counted by hand
    office.goto(f"{url}/tong-hop/")
    totals = office.locator("[data-assignments]").first
    assert totals.get_attribute("data-assignments") == str(ASSIGNMENTS)
    assert totals.get_attribute("data-tasks") == str(TASKS)
    text = totals.inner_text()
    assert f"{ASSIGNMENTS} lượt giao cho đơn vị, thuộc {TASKS} nhiệm vụ" in text
    assert _count(office, BUCKET.format(OPEN_LATE)) == OVERDUE
    assert _count(office, BUCKET.format(OPEN_ON_TIME)) == ON_TIME
    assert _count(office, BUCKET.format(NO_DL)) == NO_DEADLINE
    shot(office, "kich-ban-05-tong-hop")

    # 5. giao ban: everything was given this morning, so nothing "changed since last period"
    office.goto(f"{url}/giao-ban/")
    for bucket, now in ((OPEN_LATE, OVERDUE), (DONE_LATE, 0), (OPEN_ON_TIME, ON_TIME)):
        stat = office.locator(f'.stat[data-bucket="{bucket}"]')
        assert (stat.get_attribute("data-count"), stat.get_attribute("data-change")) == (
            str(now),
            "0",
        )
    assert f"{ASSIGNMENTS} lượt giao mới giao trong kỳ" in office.inner_text("#comparison-note")
    shot(office, "kich-ban-06-giao-ban")

    # 6. Sở Tài chính's officer reports on the 2024 budget item, then reports it done
    finance = Agency.objects.get(code="so-tai-chinh")
    item = Assignment.objects.get(
        task__document__number="187/KH-UBND", task__order=3, agency=finance
    )
    officer = open_as("canbo.taichinh", PASSWORD)
    officer.goto(f"{url}/phan-cong/{item.pk}/")
    officer.fill(
        "textarea[name='bao-cao-text']", "Đã trình dự toán kinh phí phòng, chống thiên tai."
    )
    officer.fill("input[name='bao-cao-progress']", "60")
    officer.click("#buoc-bao-cao button[type=submit]")
    officer.wait_for_selector("text=60%")
    officer.fill("textarea[name='hoan-thanh-text']", "UBND Thành phố đã phê duyệt kinh phí.")
    officer.click("#buoc-hoan-thanh button[type=submit]")
    officer.wait_for_selector("text=Chờ xác nhận")
    shot(officer, "kich-ban-07-can-bo-bao-cao")

    # the Office confirms: one assignment moves from open-and-late to done-late
    office.goto(f"{url}/phan-cong/{item.pk}/")
    office.click("#buoc-xac-nhan button[type=submit]")
    office.wait_for_selector(".badge.da_hoan_thanh")
    item.refresh_from_db()
    assert item.state == State.DONE
    office.goto(f"{url}/giao-ban/")
    assert office.get_attribute(f'.stat[data-bucket="{OPEN_LATE}"]', "data-count") == str(
        OVERDUE - 1
    )
    assert office.get_attribute(f'.stat[data-bucket="{DONE_LATE}"]', "data-count") == "1"
    shot(office, "kich-ban-08-giao-ban-sau-xac-nhan")

    # 7. đôn đốc everything overdue of Sở Tài chính: one notification lists both items
    office.goto(f"{url}/don-doc/?standing=qua_han&agency={finance.pk}")
    office.fill("#id_note", "Đề nghị báo cáo trước cuộc họp giao ban.")
    office.once("dialog", lambda d: d.accept())
    office.click("text=Đôn đốc tất cả theo bộ lọc")
    office.wait_for_selector(".msg-success")
    assert f"Đã đôn đốc {FINANCE_OVERDUE - 1} nhiệm vụ của 1 đơn vị" in office.inner_text(
        ".msg-success"
    )
    shot(office, "kich-ban-09-don-doc")
    officer.goto(f"{url}/viec-cua-don-vi/")
    assert officer.inner_text(".bell .count") == "1"
    officer.click(".bell")
    officer.wait_for_selector("table.notifications")
    assert f"{FINANCE_OVERDUE - 1} nhiệm vụ của Sở Tài chính" in officer.inner_text(
        "table.notifications"
    )
    shot(officer, "kich-ban-10-thong-bao")

    # 8. the daily run (the worker's 07:00 job; here `manage.py remind`, as a person may
    # run it): every open overdue assignment of a body that still exists is reminded (69 of
    # the 216: the other 147 are held by bodies dissolved or merged before today, the 30
    # quận/huyện/thị xã among them, with no one to remind), and each agency's officer still
    # has one notification for the day, which now lists the day's items
    out = StringIO()
    call_command("remind", stdout=out)
    assert "69 quá hạn, 0 sắp đến hạn, 0 lâu chưa báo cáo; 1 thông báo" in out.getvalue()
    assert OVERDUE - 1 - 69 == 147
    assert "Sở Tài chính" in out.getvalue()  # named among the agencies without a mail address
    bells = dict(Notification.objects.values_list("user__username", "text"))
    assert bells == {
        "canbo.taichinh": "Đôn đốc ngày 07/12/2026: 2 nhiệm vụ của Sở Tài chính cần khẩn "
        "trương thực hiện (quá hạn 2, Văn phòng đôn đốc 2).",
        "canbo.yte": "Đôn đốc ngày 07/12/2026: 2 nhiệm vụ của Sở Y tế cần khẩn trương thực "
        "hiện (quá hạn 2).",
    }
    officer.goto(f"{url}/viec-cua-don-vi/")
    assert officer.inner_text(".bell .count") == "1"
    office.goto(f"{url}/don-doc/nhat-ky/")
    assert "07/12/2026 08:30" in office.inner_text("main")
    shot(office, "kich-ban-11-nhat-ky-don-doc")
    # the overdue items of 2021 and 2024 held by the 30 quận/huyện/thị xã abolished on
    # 01/07/2025 (2658's two 2021 items, 187's items 1 and 5a: 4 × 30) stay open and counted
    # for the Office to close or give to another body, but nobody is reminded of them
    districts = Q(assignment__agency__name__regex=r"^UBND (quận|huyện|thị xã) ")
    assert Reminder.objects.filter(districts, day=TODAY, kind=Kind.OVERDUE).count() == 0
    assert (
        Assignment.objects.filter(
            agency__name__regex=r"^UBND (quận|huyện|thị xã) ",
            state__in=OPEN_STATES,
            deadline__lt=TODAY,
        ).count()
        == 4 * 30
    )
