"""API tokens with a lifetime: issued, renewed, revoked — one place for all three.

A user holds at most one token (DRF's ``Token``); it is valid for
``CHIDAO_API_TOKEN_DAYS`` (30) from its issue and is revoked when its owner logs out of
the web application, revokes it on the account page, changes their password, or has it
reset by the administrator. ``POST /api/token/`` and ``manage.py api_token`` give the
current token, or a new one once it has expired. The issue time is the application's
clock (DRF's own ``created`` reads the real time; it is overwritten here).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest
from rest_framework.authtoken.models import Token

from chidao.common import clock


def lifetime() -> timedelta:
    return timedelta(days=int(settings.CHIDAO_API_TOKEN_DAYS))


def expires_at(token: Token) -> datetime:
    created: datetime = token.created
    return created + lifetime()


def expired(token: Token) -> bool:
    return clock.now() >= expires_at(token)


def issue(user: Any) -> Token:
    """A new token for ``user``, replacing any they had."""
    revoke(user)
    token = Token.objects.create(user=user)
    token.created = clock.now()
    Token.objects.filter(pk=token.pk).update(created=token.created)
    return token


def current(user: Any) -> Token:
    """The user's token while it is valid; a new one when they have none or it expired."""
    token = Token.objects.filter(user=user).first()
    if token is None or expired(token):
        return issue(user)
    return token


def of(user: Any) -> Token | None:
    return Token.objects.filter(user=user).first()


def revoke(user: Any) -> int:
    """Delete the user's token; the number deleted (0 or 1)."""
    deleted, _ = Token.objects.filter(user=user).delete()
    return deleted


@receiver(user_logged_out)
def revoke_at_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        revoke(user)
