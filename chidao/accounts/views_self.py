"""One's own account: who I am, change my password, my API token (issue, revoke)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chidao.accounts import tokens
from chidao.accounts.models import Role
from chidao.accounts.roles import role_of

# The key of a token just issued waits here (the server-side session, never a cookie)
# until the account page shows it, once.
NEW_TOKEN = "chidao_new_api_token"


@login_required
@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    token = tokens.of(request.user)
    new_key = request.session.pop(NEW_TOKEN, None)
    context = {
        "token": token,
        "expires": tokens.expires_at(token) if token else None,
        "expired": tokens.expired(token) if token else False,
        "new_key": new_key if token is not None and new_key == token.key else None,
        "days": settings.CHIDAO_API_TOKEN_DAYS,
        "is_admin": role_of(request.user) == Role.ADMIN,
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def token_issue(request: HttpRequest) -> HttpResponse:
    token = tokens.issue(request.user)
    request.session[NEW_TOKEN] = token.key
    messages.success(request, _("Đã cấp token API mới; token cũ (nếu có) không còn dùng được."))
    return redirect("accounts:profile")


@login_required
@require_POST
def token_revoke(request: HttpRequest) -> HttpResponse:
    if tokens.revoke(request.user):
        messages.success(request, _("Đã thu hồi token API."))
    else:
        messages.info(request, _("Bạn không có token API nào."))
    return redirect("accounts:profile")


class PasswordChange(PasswordChangeView):
    """Django's password change (old password, new one twice, the password validators);
    the user stays logged in here, other sessions end, and the API token is revoked."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        tokens.revoke(self.request.user)
        messages.success(self.request, _("Đã đổi mật khẩu. Token API cũ (nếu có) đã bị thu hồi."))
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["title"] = _("Đổi mật khẩu")
        return context
