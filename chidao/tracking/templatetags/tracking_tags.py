"""Template filters for tracking pages: dates as dd/mm/yyyy and the names of statuses."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext

from chidao.tracking import dashboard
from chidao.tracking.models import State
from chidao.tracking.status import Standing

register = template.Library()

_STATE_LABELS = dict(State.choices)


@register.filter
def dmy(value: date | datetime | None) -> str:
    """21/11/2026; a date-time in local time with its hour (21/11/2026 14:05); none: —."""
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


@register.filter
def standing_label(name: str | None) -> str:
    return gettext(Standing.LABELS.get(name or "", name or ""))


@register.filter
def bucket_label(name: str | None) -> str:
    return gettext(dashboard.LABELS.get(name or "", name or ""))


@register.filter
def state_label(code: str | None) -> str:
    return str(_STATE_LABELS.get(code or "", code or ""))  # lazy labels: translated


@register.filter
def percent(value: float | None) -> str:
    """0.857 → 86%; none → —."""
    if value is None:
        return "—"
    return f"{round(value * 100)}%"


@register.filter
def share(part: int | None, whole: int | None) -> str:
    """``part`` as a percentage of ``whole`` for a CSS width, e.g. 12.5."""
    if not whole or not part:
        return "0"
    return f"{100 * part / whole:.2f}"


@register.filter
def get_item(mapping: dict[str, Any] | None, key: str) -> Any:
    return (mapping or {}).get(key)
