"""The web application's test cast: the registry loaded, five named users, a client each.

- ``office``: Office specialist (chuyên viên Văn phòng), runs ingest/review/confirm
- ``officer_a``: officer of Sở Tài chính; ``officer_b``: officer of Sở Y tế
- ``leader``: a city leader (reads everything, changes nothing)
- ``admin``: administrator
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from chidao.accounts.cast import create_cast
from chidao.registry.models import Agency
from tests.conftest import RegistryRows
from tests.web.browser_support import browser, open_as  # noqa: F401  (fixtures)

PASSWORD = "Mat-khau-thu-nghiem-2026"
SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


@pytest.fixture
def registry(db: None, django_db_setup: RegistryRows) -> None:
    """The agency registry: loaded once per session (tests/conftest.py's
    ``django_db_setup``); put back here after a transactional test flushed it away."""
    if not Agency.objects.exists():
        django_db_setup.restore()


@pytest.fixture
def cast(registry: None) -> dict[str, Any]:
    return create_cast(PASSWORD)


@pytest.fixture
def office(cast: dict[str, Any]) -> Any:
    return cast["chuyenvien"]


@pytest.fixture
def officer_a(cast: dict[str, Any]) -> Any:
    return cast["canbo.taichinh"]


@pytest.fixture
def officer_b(cast: dict[str, Any]) -> Any:
    return cast["canbo.yte"]


@pytest.fixture
def leader(cast: dict[str, Any]) -> Any:
    return cast["lanhdao"]


@pytest.fixture
def admin_user(cast: dict[str, Any]) -> Any:
    return cast["quantri"]


@pytest.fixture
def agency_a(registry: None) -> Agency:
    return Agency.objects.get(code="so-tai-chinh")


@pytest.fixture
def agency_b(registry: None) -> Agency:
    return Agency.objects.get(code="so-y-te")


@pytest.fixture
def client_for() -> Callable[[Any], Client]:
    """A logged-in test client for a user (session login). CSRF checks are off, as in
    Django's test client; tests/web/test_security.py checks that a form needs the token."""

    def make(user: Any) -> Client:
        c = Client(enforce_csrf_checks=False)
        c.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return c

    return make


@pytest.fixture
def sample_upload() -> Callable[[str], SimpleUploadedFile]:
    """An upload of one of the project's sample directives (samples/NAME)."""

    def make(name: str) -> SimpleUploadedFile:
        return SimpleUploadedFile(name, (SAMPLES / name).read_bytes())

    return make


@pytest.fixture
def today() -> date:
    return date(2026, 11, 21)
