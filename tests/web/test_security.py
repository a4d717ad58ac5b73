"""Security defaults: login rate limit, password rules, cookies, headers, CSRF."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.web.conftest import PASSWORD


def test_five_wrong_passwords_lock_the_login(office: Any) -> None:
    c = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        c.post(reverse("login"), {"username": "chuyenvien", "password": "sai-mat-khau"})
    r = c.post(reverse("login"), {"username": "chuyenvien", "password": PASSWORD})
    assert r.status_code == 429
    assert "Tạm khóa đăng nhập" in r.content.decode()
    assert "_auth_user_id" not in c.session


def test_the_right_password_logs_in(office: Any) -> None:
    c = Client()
    r = c.post(reverse("login"), {"username": "chuyenvien", "password": PASSWORD})
    assert r.status_code == 302
    assert c.session["_auth_user_id"] == str(office.pk)


def test_weak_passwords_are_refused() -> None:
    for weak in ("12345678901", "password123", "ngan"):
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_pages_need_a_login() -> None:
    r = Client().get(reverse("home"))
    assert r.status_code == 302
    assert r["Location"].startswith(reverse("login"))


def test_login_form_is_csrf_protected(office: Any) -> None:
    c = Client(enforce_csrf_checks=True)
    r = c.post(reverse("login"), {"username": "chuyenvien", "password": PASSWORD})
    assert r.status_code == 403


def test_responses_forbid_framing_and_sniffing(office: Any, client_for: Any) -> None:
    r = client_for(office).get(reverse("login"))
    assert r["X-Frame-Options"] == "DENY"
    assert r["X-Content-Type-Options"] == "nosniff"


def test_session_cookie_is_http_only_and_same_site(office: Any) -> None:
    c = Client()
    c.post(reverse("login"), {"username": "chuyenvien", "password": PASSWORD})
    cookie = c.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


@pytest.mark.slow
def test_deployment_check_passes_behind_https() -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "chidao.web.settings",
        "CHIDAO_HTTPS": "true",
        "CHIDAO_SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-" + "z" * 20,
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_bad_setting_fails_loudly_at_start() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "chidao.web.settings", "CHIDAO_HTTPS": "maybe"}
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "CHIDAO_HTTPS='maybe'" in done.stderr


def test_an_english_browser_still_gets_vietnamese_until_english_is_chosen(
    office: Any, client_for: Any
) -> None:
    c = client_for(office)
    r = c.get(reverse("tracking:dashboard"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in r.content.decode()
    c.post(reverse("set_language"), {"language": "en", "next": "/"})
    r = c.get(reverse("tracking:dashboard"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="en">' in r.content.decode()
