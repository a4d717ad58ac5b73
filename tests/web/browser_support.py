"""Playwright driving Debian's Chromium against the live test server.

Screenshots of the main pages are written to ``screenshots/`` (or $CHIDAO_SCREENSHOTS) on
every run, for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHIDAO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = Path(
    os.environ.get(
        "CHIDAO_SCREENSHOTS", Path(__file__).resolve().parent.parent.parent / "screenshots"
    )
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium per test module, closed (and the flag below removed) after it."""
    # Playwright's sync API runs an event loop in this thread, which makes Django refuse
    # ORM calls; the calls the tests make between page steps are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            # Chromium never loads a page under libfaketime (make test-sqlite-ahead): it
            # keeps the real clock there, while the server it talks to runs a year ahead
            env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env)
            yield b
            b.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def open_as(browser: Any, live_server: Any) -> Iterator[Any]:
    """``open_as(username, password)`` → a logged-in page (its own browser context)."""
    contexts: list[Any] = []

    def login(username: str, password: str) -> Any:
        context = browser.new_context(
            viewport={"width": 1366, "height": 900}, locale="vi-VN", accept_downloads=True
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        return page

    yield login
    for context in contexts:
        context.close()


def shot(page: Any, name: str) -> Path:
    """Save a full-page screenshot as screenshots/NAME.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# Elements whose right edge passes the window's (a page wider than the screen), and the
# page's scroll width: what a phone-sized page may not have.
_TOO_WIDE = """() => {
  const over = [];
  for (const e of document.querySelectorAll("body *")) {
    const r = e.getBoundingClientRect();
    if (r.width && r.right > window.innerWidth + 0.5) over.push(e.tagName + "." + e.className);
  }
  return {scrollWidth: document.documentElement.scrollWidth, over: over.slice(0, 10)};
}"""


def too_wide(page: Any) -> dict[str, Any]:
    """``{"scrollWidth": …, "over": [the first ten elements past the right edge]}``."""
    measured: dict[str, Any] = page.evaluate(_TOO_WIDE)
    return measured
