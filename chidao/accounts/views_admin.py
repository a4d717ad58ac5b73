"""The administrator's account page: every user, and a password reset for any of them."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chidao.accounts import services, tokens
from chidao.accounts.models import Role
from chidao.accounts.roles import role_of

View = Callable[..., HttpResponse]


def admin_only(view: View) -> View:
    """Logged in (else the login page) and the system administrator (else 403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if role_of(request.user) != Role.ADMIN:
            raise PermissionDenied(_("Chỉ quản trị hệ thống mới dùng được chức năng này."))
        return view(request, *args, **kwargs)

    return login_required(wrapper)


@admin_only
@require_GET
def users(request: HttpRequest) -> HttpResponse:
    everyone = (
        get_user_model()
        .objects.select_related("profile", "profile__agency", "auth_token")
        .order_by("username")
    )
    page = Paginator(everyone, 50).get_page(request.GET.get("page"))
    rows = [(u, getattr(u, "auth_token", None)) for u in page.object_list]
    context = {
        "page": page,
        "rows": [(u, t, tokens.expires_at(t) if t else None) for u, t in rows],
    }
    return render(request, "accounts/users.html", context)


@admin_only
@require_POST
def reset_password(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(get_user_model(), pk=pk)
    if user.pk == request.user.pk:
        messages.error(request, _("Đổi mật khẩu của chính mình ở trang Tài khoản."))
        return redirect("accounts:users")
    password = services.reset_password(user)
    return render(request, "accounts/reset_done.html", {"who": user, "password": password})
