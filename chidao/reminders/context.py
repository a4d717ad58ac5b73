"""Template context: the current user's unread notifications (the bell in the top bar)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def notifications(request: HttpRequest) -> dict[str, Any]:
    return {"unread_notifications": 0}
