"""The Content-Security-Policy in a real browser: every main page loads without one
violation (Chromium reports each on the console), and what moved out of inline code
still works — bars drawn from data-width, the language menu, "select all", the
confirmation before sending. Screenshots of the account pages go to screenshots/."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from rest_framework.authtoken.models import Token

from chidao.tracking import services
from tests.web.browser_support import shot
from tests.web.conftest import PASSWORD
from tests.web.factories import assignment_of, make_task
from tests.web.reminders_support import TODAY
from tests.web.tracking_support import set_today

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

OFFICE_PAGES = [
    "/van-ban/",
    "/van-ban/nhap/",
    "/van-ban/tien-trinh/",
    "/nhiem-vu/",
    "/tong-hop/",
    "/don-doc/",
    "/giao-ban/",
    "/chi-tieu/",
    "/tim-kiem/?q=kinh+phi",
    "/tai-khoan/",
    "/tai-khoan/mat-khau/",
]


def watch(page: Any) -> list[str]:
    """Every CSP violation and script error the page reports from now on."""
    problems: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and "Content Security Policy" in m.text
            else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    return problems


def test_the_main_pages_load_without_a_policy_violation(
    open_as: Any,
    live_server: Any,
    cast: dict[str, Any],
    agency_a: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_today(monkeypatch, TODAY)
    office, officer = cast["chuyenvien"], cast["canbo.taichinh"]
    a = assignment_of(make_task(office, [agency_a], deadline=TODAY + timedelta(days=9)), agency_a)
    services.report_progress(officer, a, "Đã triển khai một nửa.", 50, [])
    late = make_task(office, [agency_a], deadline=TODAY - timedelta(days=3))

    page = open_as("chuyenvien", PASSWORD)
    problems = watch(page)
    for path in [*OFFICE_PAGES, f"/nhiem-vu/{late.pk}/", "/quan-tri/"]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    assert not problems, problems

    # the bars of the dashboard are drawn (their widths come from data-width)
    page.goto(f"{live_server.url}/tong-hop/")
    # the agencies' table arrives by htmx after the page has loaded: wait until it is in
    # and its bars are drawn (htmx:load), or fail after the timeout
    page.wait_for_selector("#agency-table table")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-width]')].every(e => e.style.width)"
    )
    widths = page.eval_on_selector_all("[data-width]", "els => els.map(e => e.style.width)")
    assert widths and all(w.endswith("%") for w in widths)

    # "select all" on the reminders page ticks every row
    page.goto(f"{live_server.url}/don-doc/")
    page.check("input[data-check-all]")
    assert page.eval_on_selector_all("input[name=ids]", "els => els.every(e => e.checked)")

    # the language menu switches at once, without a button
    page.select_option("select[name=language]", "en")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.select_option("select[name=language]", "vi")
    page.wait_for_load_state("networkidle")

    page = open_as("canbo.taichinh", PASSWORD)
    problems = watch(page)
    for path in ["/viec-cua-don-vi/", f"/phan-cong/{a.pk}/", "/tai-khoan/"]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    assert not problems, problems
    assert page.url.endswith("/tai-khoan/")

    # issuing a second token asks first (data-confirm); declining keeps the first
    page.click("text=Cấp token")
    page.wait_for_selector("#new-token")
    first = page.inner_text("#new-token")
    shot(page, "tai-khoan")
    page.once("dialog", lambda d: d.dismiss())
    page.click("text=Cấp token mới")
    page.wait_for_load_state("networkidle")
    assert Token.objects.get(user=officer).key == first
    page.once("dialog", lambda d: d.accept())
    page.click("text=Cấp token mới")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("#new-token") == Token.objects.get(user=officer).key != first
