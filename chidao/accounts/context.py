"""Template context: the current user's role, for the navigation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from chidao.accounts.roles import agency_id_of, is_office, profile_of, role_of


def role(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    profile = profile_of(user)
    return {
        "user_role": role_of(user),
        "user_is_office": is_office(user),
        "user_agency": profile.agency if profile is not None and agency_id_of(user) else None,
    }
