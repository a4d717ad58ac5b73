"""Tokens: obtained with a password (rate-limited by django-axes) or the api_token command."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.web.conftest import PASSWORD


def get_token(username: str, password: str) -> Any:
    return APIClient().post(
        "/api/token/", {"username": username, "password": password}, format="json"
    )


def test_a_password_gets_a_token_that_opens_the_api(officer_a: Any) -> None:
    response = get_token("canbo.taichinh", PASSWORD)
    assert response.status_code == 200
    token = response.json()["token"]
    assert token == Token.objects.get(user=officer_a).key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/assignments/").status_code == 200


def test_the_same_token_is_given_again(officer_a: Any) -> None:
    first = get_token("canbo.taichinh", PASSWORD).json()["token"]
    assert get_token("canbo.taichinh", PASSWORD).json()["token"] == first


def test_a_wrong_password_gets_no_token(officer_a: Any) -> None:
    response = get_token("canbo.taichinh", "sai-mat-khau")
    assert response.status_code == 400
    assert response.json() == {"detail": "Tên đăng nhập hoặc mật khẩu không đúng."}
    assert not Token.objects.filter(user=officer_a).exists()


def test_a_missing_password_is_named_in_vietnamese(officer_a: Any) -> None:
    response = APIClient().post("/api/token/", {"username": "canbo.taichinh"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"password": ["Trường này là bắt buộc."]}


def test_repeated_wrong_passwords_lock_the_account_even_for_the_right_one(
    officer_a: Any, settings: Any
) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert get_token("canbo.taichinh", "sai-mat-khau").status_code == 400
    locked = get_token("canbo.taichinh", "sai-mat-khau")
    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/json"
    assert locked.json()["detail"].startswith("Đăng nhập sai quá nhiều lần")
    assert get_token("canbo.taichinh", PASSWORD).status_code == 429


def test_a_success_clears_earlier_failures(officer_a: Any, settings: Any) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        get_token("canbo.taichinh", "sai-mat-khau")
    assert get_token("canbo.taichinh", PASSWORD).status_code == 200
    assert get_token("canbo.taichinh", "sai-mat-khau").status_code == 400


def test_session_login_also_opens_the_api(client_for: Any, office: Any) -> None:
    assert client_for(office).get("/api/documents/").status_code == 200


def test_api_token_command_prints_the_users_token(office: Any) -> None:
    out = StringIO()
    call_command("api_token", "chuyenvien", stdout=out)
    assert out.getvalue().strip() == Token.objects.get(user=office).key


def test_api_token_command_can_replace_a_token(office: Any) -> None:
    old = Token.objects.create(user=office).key
    out = StringIO()
    call_command("api_token", "chuyenvien", "--reset", stdout=out)
    new = out.getvalue().strip()
    assert new != old
    assert Token.objects.get(user=office).key == new


@pytest.mark.django_db
def test_api_token_command_names_an_unknown_user() -> None:
    with pytest.raises(CommandError, match="Không có người dùng “ai-do”"):
        call_command("api_token", "ai-do")
