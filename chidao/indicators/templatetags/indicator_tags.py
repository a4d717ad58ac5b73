"""Numbers the Vietnamese way (1.500,5) and the CSS class of an indicator's mark."""

from __future__ import annotations

from decimal import Decimal

from django import template

from chidao.indicators import marks
from chidao.indicators.services import plain

register = template.Library()

# the mark's colour, borrowed from the standing badges of app.css
_CSS = {
    marks.ON_TRACK: "trong_han",
    marks.AT_RISK: "sap_den_han",
    marks.OFF_TRACK: "qua_han",
    marks.NO_DATA: "khong_co_han",
}


@register.filter
def vnum(value: Decimal | int | float | str | None) -> str:
    """1500000 → "1.500.000", 2.92 → "2,92"; "—" for nothing."""
    if value is None or value == "":
        return "—"
    d = plain(value)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


@register.filter
def mark_css(mark: str) -> str:
    return f"{mark} {_CSS.get(mark, '')}".strip()


@register.filter
def direction_sign(direction: str) -> str:
    return "≤" if direction == "at_most" else "≥"
