"""Token authentication with an expiry (chidao/accounts/tokens.py holds the lifetime)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from chidao.accounts import tokens


class TokenExpired(AuthenticationFailed):
    """A token past its lifetime (401, with its own message: the client knows to renew)."""

    default_detail = gettext_lazy(
        "Token đã hết hạn: lấy token mới bằng POST /api/token/ hoặc ở trang Tài khoản."
    )
    default_code = "token_expired"


class ExpiringTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>``, refused once the token is older than its lifetime."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        user, token = super().authenticate_credentials(key)
        if tokens.expired(token):
            raise TokenExpired()
        return user, token
