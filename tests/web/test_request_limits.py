"""A request body over its cap is refused with 413 before one byte of it is read: never
spooled to the temporary folder, never held in memory."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from chidao.web.limits import MB, body_cap

GB = 1024 * MB


class Untouchable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args: Any) -> bytes:
        raise AssertionError("the refused body was read")

    readline = read


def post_declaring(client: Client, url: str, length: int, **extra: Any) -> Any:
    return client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": Untouchable(), **extra},
    )


def test_a_1_gb_post_to_the_login_page_is_refused_unread(db: None) -> None:
    response = post_declaring(Client(), reverse("login"), GB)
    assert response.status_code == 413
    page = response.content.decode()
    assert "Dữ liệu gửi lên quá lớn: tối đa 1 MB cho trang này." in page


def test_an_anonymous_post_to_the_import_page_gets_the_small_cap(db: None) -> None:
    response = post_declaring(Client(), reverse("documents:import"), 2 * MB)
    assert response.status_code == 413


def test_the_office_cannot_send_a_2_gb_archive(office: Any, client_for: Any) -> None:
    response = post_declaring(client_for(office), reverse("documents:import"), 2 * GB)
    assert response.status_code == 413
    cap = settings.CHIDAO_MAX_IMPORT_MB + 1
    assert f"tối đa {cap} MB" in response.content.decode()


def test_an_upload_over_the_upload_cap_is_refused(office: Any, client_for: Any) -> None:
    over = settings.CHIDAO_MAX_UPLOAD_BODY_MB * MB + 1
    response = post_declaring(client_for(office), reverse("documents:upload"), over)
    assert response.status_code == 413


def test_the_api_refuses_in_json(office: Any) -> None:
    token = Token.objects.create(user=office)
    response = post_declaring(
        Client(), "/api/documents/", GB, HTTP_AUTHORIZATION=f"Token {token.key}"
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("Dữ liệu gửi lên quá lớn")


def test_the_caps_of_each_kind_of_page() -> None:
    assert body_cap("login", signed_in=False) == MB
    assert body_cap("documents:upload", signed_in=False) == MB
    assert body_cap("documents:upload", signed_in=True) == 30 * MB
    assert body_cap("tracking:assignment_action", signed_in=True) == 30 * MB
    assert body_cap("api:document-list", signed_in=True) == 30 * MB
    assert body_cap("documents:import", signed_in=True) == 201 * MB
    assert body_cap("tracking:assignments", signed_in=True) == MB
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == MB


def test_a_form_under_the_cap_goes_through(office: Any, client_for: Any) -> None:
    response = client_for(office).post(reverse("documents:upload"), {})
    assert response.status_code == 200  # the form's own "choose a file" message


@pytest.mark.django_db(transaction=True)
def test_the_server_answers_before_the_body_arrives_and_spools_nothing(
    live_server: Any, tmp_path: Path, settings: Any
) -> None:
    """Over a real socket: headers announcing 1 GB, then nothing. The answer comes at
    once, and the temporary folder stays empty."""
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    host = urlsplit(live_server.url)
    with socket.create_connection((host.hostname, host.port), timeout=10) as s:
        s.sendall(
            (
                f"POST {reverse('login')} HTTP/1.1\r\nHost: {host.hostname}\r\n"
                "Content-Type: multipart/form-data; boundary=x\r\n"
                f"Content-Length: {GB}\r\n\r\n"
            ).encode()
            + b"--x\r\n"
        )
        answer = s.recv(65536).decode("utf-8", "replace")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert not list(tmp_path.iterdir())
