"""Template context: the current user's unread notifications (the bell in the top bar)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from chidao.reminders.services import unread_count


def notifications(request: HttpRequest) -> dict[str, Any]:
    """One COUNT over the (user, read_at) index; nothing for anonymous users."""
    return {"unread_notifications": unread_count(getattr(request, "user", None))}
