"""indicator_rows: the indicators table of the giao ban report, for a period and an agency."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string

from chidao.indicators.models import IndicatorValue
from chidao.indicators.services import indicator_rows
from chidao.registry.models import Agency
from tests.web.factories import make_document
from tests.web.indicator_support import make_indicator


def add_value(ind: Any, month: int, actual: str) -> None:
    IndicatorValue.objects.create(
        indicator=ind,
        period_start=date(2026, month, 1),
        period_end=date(2026, month, calendar.monthrange(2026, month)[1]),
        actual=Decimal(actual),
    )


def test_rows_carry_target_latest_actual_until_the_period_end_and_mark(
    office: Any, agency_a: Agency
) -> None:
    doc = make_document(office, kind="Kế hoạch", number="12/KH-UBND")
    ind = make_indicator(office, agency_a, target="1200", document=doc)
    add_value(ind, 5, "400")
    add_value(ind, 6, "590")
    add_value(ind, 7, "700")  # after the report period: not shown
    (row,) = indicator_rows(date(2026, 6, 1), date(2026, 6, 30))
    assert (row.name, row.unit, row.period_label) == (ind.name, "tỷ đồng", "Năm 2026")
    assert (row.target, row.actual, row.actual_period) == (
        Decimal(1200),
        Decimal(590),
        "Tháng 6/2026",
    )
    assert row.agency == agency_a.name
    assert row.directive == "Kế hoạch 12/KH-UBND"
    # 590 by 30/6 against 1200 × 181/365 ≈ 595.1 expected: at risk (≥ 90 %)
    assert row.mark == "at_risk"
    assert row.mark_label == "Có nguy cơ"


def test_rows_are_limited_to_overlapping_periods_and_one_agency(
    office: Any, agency_a: Agency, agency_b: Agency
) -> None:
    make_indicator(office, agency_a, name="A 2026")
    make_indicator(office, agency_b, name="B 2026")
    make_indicator(office, agency_a, name="A 2025", year=2025)
    names = [r.name for r in indicator_rows(date(2026, 1, 1), date(2026, 1, 31))]
    assert sorted(names) == ["A 2026", "B 2026"]
    names = [r.name for r in indicator_rows(date(2026, 1, 1), date(2026, 1, 31), agency_a.pk)]
    assert names == ["A 2026"]


def test_a_row_without_values_has_no_data(office: Any, agency_a: Agency) -> None:
    make_indicator(office, agency_a)
    (row,) = indicator_rows(date(2026, 11, 1), date(2026, 11, 30))
    assert (row.actual, row.mark, row.mark_label) == (None, "no_data", "Chưa có số liệu")


def test_after_the_year_an_unmet_target_is_off_track(office: Any, agency_a: Agency) -> None:
    ind = make_indicator(
        office,
        agency_a,
        name="Tỷ lệ hộ nghèo",
        target="1",
        unit="%",
        direction="at_most",
        cumulative=False,
    )
    add_value(ind, 11, "1.05")  # within the 10 % tolerance while the year runs
    (during,) = indicator_rows(date(2026, 12, 1), date(2026, 12, 30))
    assert during.mark == "at_risk"
    (after,) = indicator_rows(date(2026, 12, 1), date(2026, 12, 31))
    assert after.mark == "off_track"


def test_rows_partial_renders_the_mark_badge_and_vietnamese_numbers(
    office: Any, agency_a: Agency
) -> None:
    ind = make_indicator(office, agency_a, target="1500000", unit="lượt khách")
    add_value(ind, 12, "1600000")
    html = render_to_string(
        "indicators/_rows.html",
        {"indicator_rows": indicator_rows(date(2026, 12, 1), date(2026, 12, 31))},
    )
    assert "≥ 1.500.000 lượt khách" in html
    assert "1.600.000 lượt khách" in html
    assert 'class="badge on_track trong_han"' in html
