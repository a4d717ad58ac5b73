"""Headers on every answer: a Content-Security-Policy allowing only this site's own files
(so no template may carry an inline script, handler or style), and no-store on whatever
a signed-in user is shown; the static files stay cacheable."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from chidao.accounts import tokens
from chidao.web.headers import POLICY

CHIDAO = Path(__file__).resolve().parent.parent.parent / "chidao"
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"\sstyle=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+=", re.I), "an on… handler"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def test_the_policy_allows_only_this_site() -> None:
    directives = dict(d.split(" ", 1) for d in POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in POLICY


def test_no_template_needs_an_inline_exception() -> None:
    found = []
    for path in sorted(CHIDAO.rglob("templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for m in pattern.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                found.append(f"{path.relative_to(CHIDAO)}:{line}: {what}")
    assert not found, "\n".join(found)


def test_the_login_page_carries_the_policy(db: None) -> None:
    response = Client().get(reverse("login"))
    assert response["Content-Security-Policy"] == POLICY


def test_a_signed_in_page_is_not_stored(office: Any, client_for: Any) -> None:
    response = client_for(office).get(reverse("documents:list"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == POLICY
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_download_and_an_api_answer_are_not_stored(office: Any, client_for: Any) -> None:
    xlsx = client_for(office).get(reverse("reports:xlsx"))
    assert "no-store" in xlsx["Cache-Control"]
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {tokens.issue(office).key}")
    answer = api.get("/api/documents/")
    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]


def test_static_files_stay_cacheable(db: None) -> None:
    assert finders.find("chidao/app.js")
    response = Client().get("/static/chidao/app.js")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
