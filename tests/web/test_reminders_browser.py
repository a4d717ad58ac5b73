"""Đôn đốc in a real browser: the Office checks two late assignments and reminds them; the
officer's bell counts one notification listing both, and a task in it opens its page.
Screenshots go to screenshots/."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from chidao.reminders.models import Reminder
from tests.web import smtp_support
from tests.web.browser_support import shot
from tests.web.conftest import PASSWORD
from tests.web.reminders_support import TODAY, give_email, open_assignment
from tests.web.smtp_support import Inbox
from tests.web.tracking_support import set_today

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

smtp = smtp_support.smtp  # the SMTP server fixture, under its own name


def test_the_office_reminds_two_assignments_and_the_officer_is_notified(
    open_as: Any,
    smtp: Inbox,
    cast: dict[str, Any],
    agency_a: Any,
    agency_b: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_today(monkeypatch, TODAY)
    office, officer = cast["chuyenvien"], cast["canbo.taichinh"]
    give_email(officer, "minh@stc.hanoi.gov.vn")
    late = open_assignment(
        office, agency_a, TODAY - timedelta(days=4), text="Báo cáo tình hình giải ngân vốn."
    )
    soon = open_assignment(
        office, agency_a, TODAY + timedelta(days=2), text="Rà soát danh mục dự án."
    )
    open_assignment(office, agency_b, TODAY - timedelta(days=1), text="Kiểm tra cơ sở y tế.")

    page = open_as("chuyenvien", PASSWORD)
    page.click("nav >> text=Đôn đốc")
    page.wait_for_selector("#remind-form")
    page.check(f'input[name=ids][value="{late.pk}"]')
    page.check(f'input[name=ids][value="{soon.pk}"]')
    page.fill("#id_note", "Đề nghị báo cáo trước cuộc họp giao ban.")
    page.click("text=Đôn đốc các mục đã chọn")
    page.wait_for_selector(".msg-success")
    assert "Đã đôn đốc 2 nhiệm vụ của 1 đơn vị" in page.inner_text(".msg-success")
    shot(page, "don-doc")
    assert Reminder.objects.filter(sent_by=office).count() == 2
    assert len(smtp.to("minh@stc.hanoi.gov.vn")) == 1

    page = open_as("canbo.taichinh", PASSWORD)
    assert page.inner_text(".bell .count") == "1"  # one notification lists both tasks
    page.click(".bell")
    page.wait_for_selector("table.notifications")
    assert "2 nhiệm vụ của Sở Tài chính" in page.inner_text("table.notifications")
    shot(page, "thong-bao")
    page.click("text=Báo cáo tình hình giải ngân vốn.")
    page.wait_for_load_state("networkidle")
    assert f"/phan-cong/{late.pk}/" in page.url
    assert page.locator(".bell .count").count() == 0
