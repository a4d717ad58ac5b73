"""Indicators built through the services, for the page tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from chidao.indicators.models import Indicator
from chidao.indicators.services import IndicatorData, create_indicator
from chidao.registry.models import Agency


def make_indicator(
    office: Any,
    agency: Agency | None,
    *,
    name: str = "Thu ngân sách nhà nước trên địa bàn",
    target: str = "1200",
    unit: str = "tỷ đồng",
    direction: str = "at_least",
    cumulative: bool = True,
    year: int = 2026,
    document: Any = None,
) -> Indicator:
    data = IndicatorData(
        name=name,
        unit=unit,
        period_kind="year",
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        target=Decimal(target),
        direction=direction,
        cumulative=cumulative,
        agency=agency,
    )
    return create_indicator(office, data, document=document)
