"""Every page names the favicon, a small SVG served from our own static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.web.tracking_support import page_text


def test_pages_link_the_favicon_and_it_is_a_local_svg(office: Any, client_for: Any) -> None:
    for page in (
        client_for(office).get(reverse("tracking:dashboard")),
        client_for(office).get(reverse("login")),
    ):
        assert 'rel="icon" type="image/svg+xml"' in page_text(page)
        assert "chidao/favicon.svg" in page_text(page)
    found = finders.find("chidao/favicon.svg")
    assert found and Path(str(found)).read_text(encoding="utf-8").startswith("<svg")
