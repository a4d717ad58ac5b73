"""Template filters of the giao ban page: changes since the previous period."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def signed(value: int | None) -> str:
    """+3, −2, 0 (a real minus sign)."""
    if not value:
        return "0"
    return f"+{value:,}".replace(",", ".") if value > 0 else f"−{-value:,}".replace(",", ".")


@register.filter
def points(change: float | None) -> str:
    """A change of rate as percentage points: 0.052 → +5,2 điểm; none → —."""
    if change is None:
        return "—"
    text = f"{abs(change) * 100:.1f}".replace(".", ",")
    if round(change * 1000) == 0:
        return "0"
    return f"+{text}" if change > 0 else f"−{text}"


@register.filter
def trend(change: float | None) -> str:
    """CSS class for a completion-rate change: up is good, down is bad."""
    if change is None or round(change * 1000) == 0:
        return ""
    return "up" if change > 0 else "down"


@register.filter
def with_agency(q: Any, agency_id: int | None) -> str:
    """The report's query string narrowed to one agency."""
    return str(q.url(agency=agency_id or ""))
