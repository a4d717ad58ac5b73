"""Small helpers shared by the tracking page tests: set the clock, read what a page shows."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, time

import pytest
from django.http import HttpResponse
from django.utils import timezone

from chidao.common import clock


def set_today(monkeypatch: pytest.MonkeyPatch, day: date, at: time = time(9, 0)) -> datetime:
    """Stop the application's one clock at ``day``, ``at`` local time, and return that
    instant: ``clock.now()`` (every time stamp written) and ``clock.today()`` both follow
    it, whatever the real date (the outer edge: nothing of ours is mocked)."""
    moment = timezone.make_aware(datetime.combine(day, at))
    monkeypatch.setattr(clock, "now", lambda: moment)
    return moment


def page_text(response: HttpResponse) -> str:
    return response.content.decode()


def total_shown(response: HttpResponse) -> int:
    """The row count a list page states (its ``data-total``)."""
    found = re.search(r'data-total="(\d+)"', page_text(response))
    assert found, "the page states no total"
    return int(found.group(1))


def count_links(response: HttpResponse) -> list[tuple[str, int]]:
    """Every (list URL, number) a dashboard shows as a link to the task list."""
    pattern = r'href="(/nhiem-vu/\?[^"]*)"[^>]*data-count="(\d+)"'
    return [(html.unescape(u), int(n)) for u, n in re.findall(pattern, page_text(response))]
