"""The whole flow in a real browser (Debian's Chromium through Playwright):
upload → review → register → the officer reports done → the Office confirms → the
dashboard counts change. Screenshots of each main page go to screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chidao.tracking.models import Assignment, State
from tests.web.browser_support import shot
from tests.web.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# dated 2096 with deadlines in 2099: in time whatever the date, and within the five years a
# deadline may lie after its directive (chidao/tracking/horizon.py)
DIRECTIVE = Path(__file__).resolve().parent / "data" / "cv-kiem-tra-kinh-phi.txt"
DONE_ON_TIME = 'a.stat[href*="bucket=hoan_thanh_dung_han"]'
AWAITING = 'a.stat[href*="bucket=dang_thuc_hien_trong_han"]'


def _count(page: Any, selector: str) -> int:
    return int(page.get_attribute(selector, "data-count"))


def test_a_directive_goes_from_upload_to_a_confirmed_completion(
    open_as: Any,
    live_server: Any,
    cast: dict[str, Any],
) -> None:
    url = live_server.url
    office = open_as("chuyenvien", PASSWORD)

    office.goto(f"{url}/tong-hop/")
    done_before = _count(office, DONE_ON_TIME)
    open_before = _count(office, AWAITING)

    # 1. ingest
    office.goto(f"{url}/van-ban/nhap/")
    office.set_input_files("input[type=file]", str(DIRECTIVE))
    shot(office, "01-nhap-van-ban")
    office.click("main button[type=submit]")
    office.wait_for_selector("#job-rows .badge.done")
    shot(office, "02-tien-trinh-nhap")

    # 2. review: the directive's own <script> is shown as text, never run
    office.click("#job-rows a")
    office.wait_for_selector(".source mark")
    assert '<script>alert("x")</script>' in office.inner_text(".source")
    assert office.locator(".source mark").count() == 2
    shot(office, "03-ra-soat")
    office.click("text=Chấp nhận tất cả mục chưa xem")
    office.wait_for_load_state("networkidle")
    office.click("main button:has-text('Đăng ký')")
    office.wait_for_selector("text=Sở Tài chính")
    shot(office, "04-van-ban-da-dang-ky")
    a = Assignment.objects.get(agency__code="so-tai-chinh", task__document__number="4321/UBND-KT")
    assert a.state == State.NOT_STARTED

    office.goto(f"{url}/tong-hop/")
    assert _count(office, AWAITING) == open_before + 3  # Tài chính, Y tế (support), Y tế

    # 3. the officer of Sở Tài chính sees it among the agency's work and reports it done
    officer = open_as("canbo.taichinh", PASSWORD)
    officer.goto(f"{url}/viec-cua-don-vi/")
    assert "rà soát, tổng hợp kinh phí mua sắm" in officer.inner_text("main")
    assert "kiểm tra việc sử dụng kinh phí" not in officer.inner_text("main")  # Sở Y tế's
    shot(officer, "05-viec-cua-don-vi")
    officer.goto(f"{url}/phan-cong/{a.pk}/")
    officer.fill("textarea[name='hoan-thanh-text']", "Đã tổng hợp xong, gửi kèm báo cáo.")
    officer.click("#buoc-hoan-thanh button[type=submit]")
    officer.wait_for_selector("text=Chờ xác nhận")
    shot(officer, "06-phan-cong-cho-xac-nhan")

    # 4. the Office confirms from its queue
    office.goto(f"{url}/cho-xac-nhan/")
    assert "rà soát, tổng hợp kinh phí mua sắm" in office.inner_text("main")
    shot(office, "07-cho-xac-nhan")
    office.goto(f"{url}/phan-cong/{a.pk}/")
    office.click("#buoc-xac-nhan button[type=submit]")
    office.wait_for_selector(".badge.da_hoan_thanh")
    shot(office, "08-phan-cong-da-hoan-thanh")
    a.refresh_from_db()
    assert a.state == State.DONE

    # 5. the dashboard counts changed, and the count links to the list that has it
    office.goto(f"{url}/tong-hop/")
    assert _count(office, DONE_ON_TIME) == done_before + 1
    assert _count(office, AWAITING) == open_before + 2
    shot(office, "09-tong-hop")
    office.click(DONE_ON_TIME)
    office.wait_for_load_state("networkidle")
    assert "rà soát, tổng hợp kinh phí mua sắm" in office.inner_text("main")
    shot(office, "10-danh-sach-hoan-thanh-dung-han")

    # the leader reads the same picture and has no buttons to change it
    leader = open_as("lanhdao", PASSWORD)
    leader.goto(f"{url}/tong-hop/")
    assert _count(leader, DONE_ON_TIME) == done_before + 1
    leader.goto(f"{url}/phan-cong/{a.pk}/")
    assert leader.locator("form button[type=submit]:not(.link)").count() == 0
    shot(leader, "11-lanh-dao-phan-cong")
