"""Account hygiene: a user changes their own password; the administrator resets one; API
tokens expire, are revoked at logout, by their owner and by a password change."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from chidao.accounts import tokens
from chidao.common import clock
from tests.web.conftest import PASSWORD

NEW_PASSWORD = "Mat-khau-moi-cua-toi-2027"


def login(username: str, password: str) -> Client:
    c = Client()
    response = c.post(reverse("login"), {"username": username, "password": password})
    assert response.status_code == 302, f"{username} could not log in"
    return c


def can_log_in(username: str, password: str) -> bool:
    c = Client()
    return c.post(reverse("login"), {"username": username, "password": password}).status_code == 302


def api_with(key: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return c


# --- one's own password ----------------------------------------------------------------------


def test_an_officer_changes_their_own_password(officer_a: Any) -> None:
    c = login("canbo.taichinh", PASSWORD)
    form = c.get(reverse("accounts:password")).content.decode()
    assert "Mật khẩu cũ" in form and "Đổi mật khẩu" in form
    data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    response = c.post(reverse("accounts:password"), data, follow=True)
    assert "Đã đổi mật khẩu." in response.content.decode()
    assert c.get(reverse("tracking:my_assignments")).status_code == 200  # still logged in
    assert can_log_in("canbo.taichinh", NEW_PASSWORD)
    assert not can_log_in("canbo.taichinh", PASSWORD)


def test_a_wrong_old_password_or_a_weak_new_one_changes_nothing(officer_a: Any) -> None:
    c = login("canbo.taichinh", PASSWORD)
    wrong = {"old_password": "sai", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    page = c.post(reverse("accounts:password"), wrong).content.decode()
    assert "Mật khẩu cũ không chính xác" in page
    weak = {"old_password": PASSWORD, "new_password1": "123456", "new_password2": "123456"}
    page = c.post(reverse("accounts:password"), weak).content.decode()
    assert "ít nhất 10 ký tự" in page
    assert can_log_in("canbo.taichinh", PASSWORD)


def test_a_password_change_ends_the_users_other_sessions_and_revokes_their_token(
    officer_a: Any,
) -> None:
    elsewhere = login("canbo.taichinh", PASSWORD)
    here = login("canbo.taichinh", PASSWORD)
    token = tokens.issue(officer_a)
    data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    here.post(reverse("accounts:password"), data)
    assert elsewhere.get(reverse("tracking:my_assignments")).status_code == 302
    assert not Token.objects.filter(key=token.key).exists()


# --- the administrator's reset ---------------------------------------------------------------


def test_the_administrator_resets_a_password(officer_a: Any, admin_user: Any) -> None:
    officers_session = login("canbo.taichinh", PASSWORD)
    tokens.issue(officer_a)
    admin = login("quantri", PASSWORD)
    assert "canbo.taichinh" in admin.get(reverse("accounts:users")).content.decode()
    page = admin.post(reverse("accounts:reset_password", args=[officer_a.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    temporary = text.split('<code id="temporary-password">')[1].split("</code>")[0]
    assert len(temporary) >= 12
    assert not can_log_in("canbo.taichinh", PASSWORD)
    assert can_log_in("canbo.taichinh", temporary)
    assert officers_session.get(reverse("tracking:my_assignments")).status_code == 302
    assert not Token.objects.filter(user=officer_a).exists()


def test_only_the_administrator_resets_and_not_their_own(
    office: Any, officer_a: Any, admin_user: Any, client_for: Any
) -> None:
    url = reverse("accounts:reset_password", args=[officer_a.pk])
    assert client_for(office).get(reverse("accounts:users")).status_code == 403
    assert client_for(office).post(url).status_code == 403
    assert can_log_in("canbo.taichinh", PASSWORD)
    own = client_for(admin_user).post(
        reverse("accounts:reset_password", args=[admin_user.pk]), follow=True
    )
    assert "ở trang Tài khoản" in own.content.decode()
    assert can_log_in("quantri", PASSWORD)


# --- API tokens ------------------------------------------------------------------------------


def test_a_token_issued_on_the_account_page_is_shown_once_and_opens_the_api(
    officer_a: Any,
) -> None:
    c = login("canbo.taichinh", PASSWORD)
    page = c.post(reverse("accounts:token_issue"), follow=True).content.decode()
    key = Token.objects.get(user=officer_a).key
    assert key in page
    assert key not in c.get(reverse("accounts:profile")).content.decode()
    assert api_with(key).get("/api/assignments/").status_code == 200


def test_the_owner_revokes_their_token(officer_a: Any) -> None:
    key = tokens.issue(officer_a).key
    c = login("canbo.taichinh", PASSWORD)
    page = c.post(reverse("accounts:token_revoke"), follow=True).content.decode()
    assert "Đã thu hồi token API." in page
    response = api_with(key).get("/api/assignments/")
    assert response.status_code == 401


def test_logging_out_revokes_the_token(officer_a: Any) -> None:
    c = login("canbo.taichinh", PASSWORD)
    key = tokens.issue(officer_a).key
    assert api_with(key).get("/api/assignments/").status_code == 200
    c.post(reverse("logout"))
    assert api_with(key).get("/api/assignments/").status_code == 401


def test_a_token_expires_after_its_lifetime(
    officer_a: Any, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.CHIDAO_API_TOKEN_DAYS = 30
    key = tokens.issue(officer_a).key
    issued = clock.now()
    monkeypatch.setattr(clock, "now", lambda: issued + timedelta(days=29, hours=23))
    assert api_with(key).get("/api/assignments/").status_code == 200
    monkeypatch.setattr(clock, "now", lambda: issued + timedelta(days=30, seconds=1))
    expired = api_with(key).get("/api/assignments/")
    assert expired.status_code == 401
    assert expired.json()["detail"].startswith("Token đã hết hạn")
    assert expired["WWW-Authenticate"] == "Token"


def test_an_expired_token_is_replaced_by_the_password_exchange_and_the_command(
    officer_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tokens.issue(officer_a)
    later = clock.now() + tokens.lifetime() + timedelta(minutes=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    answer = APIClient().post(
        "/api/token/", {"username": "canbo.taichinh", "password": PASSWORD}, format="json"
    )
    assert answer.status_code == 200
    new = answer.json()
    assert new["token"] != old.key
    assert api_with(new["token"]).get("/api/assignments/").status_code == 200
    monkeypatch.setattr(clock, "now", lambda: later + tokens.lifetime())
    out = StringIO()
    call_command("api_token", "canbo.taichinh", stdout=out)
    assert out.getvalue().strip() not in (old.key, new["token"])
