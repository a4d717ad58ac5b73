"""Today's date, in one place, so tests can set the clock (the only thing they patch)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone


def today() -> date:
    """The local date in the configured time zone (Asia/Ho_Chi_Minh by default)."""
    return timezone.localdate()
