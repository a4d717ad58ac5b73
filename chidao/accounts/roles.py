"""Role look-ups, in one place, for pages, the API and jobs alike."""

from __future__ import annotations

from typing import Any

from chidao.accounts.models import Profile, Role


def profile_of(user: Any) -> Profile | None:
    """The user's profile, or None for anonymous users and users without one."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        profile: Profile = user.profile
    except Profile.DoesNotExist:
        return None
    return profile


def role_of(user: Any) -> str | None:
    """The user's role; a superuser without a profile is an administrator."""
    profile = profile_of(user)
    if profile is not None:
        return profile.role
    if getattr(user, "is_superuser", False):
        return Role.ADMIN
    return None


def is_office(user: Any) -> bool:
    """Office specialists and administrators run the flow: ingest, review, confirm."""
    return role_of(user) in {Role.OFFICE, Role.ADMIN}


def is_officer(user: Any) -> bool:
    return role_of(user) == Role.OFFICER


def is_leader(user: Any) -> bool:
    return role_of(user) == Role.LEADER


def agency_id_of(user: Any) -> int | None:
    """The agency a user is limited to (officers; leaders of one agency), else None."""
    profile = profile_of(user)
    if profile is None or profile.role not in {Role.OFFICER, Role.LEADER}:
        return None
    return profile.agency_id


def sees_everything(user: Any) -> bool:
    """Office, administrators and city leaders see every agency's work."""
    role = role_of(user)
    if role in {Role.OFFICE, Role.ADMIN}:
        return True
    return role == Role.LEADER and agency_id_of(user) is None
