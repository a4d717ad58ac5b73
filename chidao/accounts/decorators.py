"""Who may open a page, as view decorators: the one written check for Office-only pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from chidao.accounts.roles import is_office

View = Callable[..., HttpResponse]


def require_office(user: Any) -> None:
    """403 unless ``user`` is from the Office or an administrator. A view that must first
    answer 404 for what the user may not see calls this after that look-up."""
    if not is_office(user):
        raise PermissionDenied(_("Chỉ chuyên viên Văn phòng mới dùng được chức năng này."))


def office_only(view: View) -> View:
    """Logged in (else the login page) and from the Office or an administrator (else 403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require_office(request.user)
        return view(request, *args, **kwargs)

    return login_required(wrapper)
