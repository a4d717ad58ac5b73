"""Report periods: how the query string names them and which period comes before."""

from __future__ import annotations

from datetime import date

from chidao.common.periods import CUSTOM, MONTH, QUARTER, YEAR, parse, recent_months

TODAY = date(2026, 11, 21)


def test_no_period_means_the_current_month() -> None:
    p = parse(None, TODAY)
    assert (p.kind, p.start, p.end, p.label) == (
        MONTH,
        date(2026, 11, 1),
        date(2026, 11, 30),
        "tháng 11/2026",
    )


def test_month_quarter_year_and_range_read_back_from_their_keys() -> None:
    for text, kind in (("2026-02", MONTH), ("2026-Q4", QUARTER), ("2025", YEAR)):
        p = parse(text, TODAY)
        assert p.kind == kind and parse(p.key, TODAY) == p
    custom = parse("2026-11-01..2026-11-15", TODAY)
    assert custom.kind == CUSTOM and custom.days == 15 and parse(custom.key, TODAY) == custom


def test_the_previous_period_has_the_same_length_just_before() -> None:
    assert parse("2026-03", TODAY).previous().key == "2026-02"
    assert parse("2026-01", TODAY).previous().key == "2025-12"
    assert parse("2026-Q1", TODAY).previous().label == "quý IV/2025"
    custom = parse("2026-11-01..2026-11-15", TODAY).previous()
    assert (custom.start, custom.end) == (date(2026, 10, 17), date(2026, 10, 31))


def test_a_running_period_is_counted_as_of_today_an_ended_one_as_of_its_end() -> None:
    assert parse("2026-11", TODAY).as_of(TODAY) == TODAY
    assert parse("2026-10", TODAY).as_of(TODAY) == date(2026, 10, 31)


def test_nonsense_falls_back_to_the_current_month() -> None:
    for text in ("2026-13", "abc", "2026-11-30..2026-11-01", "<script>"):
        assert parse(text, TODAY).key == "2026-11"


def test_the_month_switcher_offers_the_last_two_years() -> None:
    months = recent_months(TODAY)
    assert months[0].key == "2026-11" and months[-1].key == "2024-12" and len(months) == 24
