"""Account changes the administrator makes."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from django.db import transaction

from chidao.accounts import tokens

log = logging.getLogger(__name__)


@transaction.atomic
def reset_password(user: Any) -> str:
    """Give ``user`` a new random password and return it (shown once to the administrator).

    Their sessions end (Django checks the password hash on the next request) and their API
    token is revoked; they log in with the temporary password and change it."""
    password = "cd-" + secrets.token_urlsafe(12)
    user.set_password(password)
    user.save(update_fields=["password"])
    tokens.revoke(user)
    log.info("password of %s reset by the administrator", user.get_username())
    return password
