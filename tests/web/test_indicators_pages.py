"""Indicator pages: who sees which indicators, who enters values, who creates and edits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chidao.audit.models import HistoryEntry
from chidao.indicators.models import Indicator, IndicatorValue
from chidao.registry.models import Agency
from tests.web.factories import make_document
from tests.web.indicator_support import make_indicator
from tests.web.tracking_support import set_today

Clients = Callable[[Any], Client]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    set_today(monkeypatch, today)


def value_post(
    period: str = "2026-10-01_2026-10-31", actual: str = "1000", note: str = ""
) -> dict[str, str]:
    return {"period": period, "actual": actual, "note": note}


def test_officer_lists_only_indicators_of_their_agency(
    client_for: Clients, office: Any, officer_a: Any, agency_a: Agency, agency_b: Agency
) -> None:
    make_indicator(office, agency_a, name="Thu ngân sách nhà nước")
    make_indicator(office, agency_b, name="Tỷ lệ bao phủ bảo hiểm y tế", unit="%", target="95")
    page = client_for(officer_a).get(reverse("indicators:list")).content.decode()
    assert "Thu ngân sách nhà nước" in page
    assert "Tỷ lệ bao phủ bảo hiểm y tế" not in page


def test_office_and_leader_list_every_indicator_with_target_actual_and_mark(
    client_for: Clients, office: Any, leader: Any, agency_a: Agency, agency_b: Agency
) -> None:
    a = make_indicator(office, agency_a, name="Thu ngân sách nhà nước", target="1200")
    make_indicator(office, agency_b, name="Tỷ lệ bao phủ bảo hiểm y tế", unit="%", target="95")
    IndicatorValue.objects.create(
        indicator=a,
        period_start=date(2026, 10, 1),
        period_end=date(2026, 10, 31),
        actual=Decimal("1500"),
    )
    for user in (office, leader):
        page = client_for(user).get(reverse("indicators:list")).content.decode()
        assert "Tỷ lệ bao phủ bảo hiểm y tế" in page
        assert "1.200 tỷ đồng" in page
        assert "1.500 tỷ đồng" in page
        assert "on_track" in page
        assert "Chưa có số liệu" in page


def test_responsible_officer_enters_a_value_with_a_note_and_history(
    client_for: Clients, office: Any, officer_a: Any, agency_a: Agency
) -> None:
    doc = make_document(office)
    ind = make_indicator(office, agency_a, document=doc)
    url = reverse("indicators:enter_value", args=[ind.pk])
    r = client_for(officer_a).post(url, value_post(actual="980.5", note="Lũy kế 10 tháng"))
    assert r.status_code == 302
    v = IndicatorValue.objects.get(indicator=ind)
    assert (v.period_start, v.period_end, v.actual) == (
        date(2026, 10, 1),
        date(2026, 10, 31),
        Decimal("980.5"),
    )
    assert v.note == "Lũy kế 10 tháng"
    assert v.entered_by == officer_a
    entry = HistoryEntry.objects.filter(action="indicator.value").get()
    assert entry.document_id == doc.pk
    assert entry.actor == officer_a
    page = client_for(officer_a).get(reverse("indicators:detail", args=[ind.pk])).content.decode()
    assert "980,5 tỷ đồng" in page
    assert "Lũy kế 10 tháng" in page


def test_entering_the_same_period_again_replaces_the_value_and_records_the_change(
    client_for: Clients, office: Any, officer_a: Any, agency_a: Agency
) -> None:
    ind = make_indicator(office, agency_a)
    c = client_for(officer_a)
    url = reverse("indicators:enter_value", args=[ind.pk])
    c.post(url, value_post(actual="900"))
    c.post(url, value_post(actual="950"))
    assert IndicatorValue.objects.get(indicator=ind).actual == Decimal(950)
    last = HistoryEntry.objects.filter(action="indicator.value").order_by("id").last()
    assert last is not None
    assert (last.before, last.after) == ({"actual": "900"}, {"actual": "950"})


def test_a_future_month_cannot_be_entered(
    client_for: Clients, office: Any, officer_a: Any, agency_a: Agency
) -> None:
    ind = make_indicator(office, agency_a)
    url = reverse("indicators:enter_value", args=[ind.pk])
    r = client_for(officer_a).post(url, value_post(period="2026-12-01_2026-12-31"))
    assert r.status_code == 400
    assert not IndicatorValue.objects.exists()


def test_another_agencys_officer_gets_404(
    client_for: Clients, office: Any, officer_b: Any, agency_a: Agency
) -> None:
    ind = make_indicator(office, agency_a)
    c = client_for(officer_b)
    assert c.get(reverse("indicators:detail", args=[ind.pk])).status_code == 404
    r = c.post(reverse("indicators:enter_value", args=[ind.pk]), value_post())
    assert r.status_code == 404
    assert not IndicatorValue.objects.exists()


def test_leader_reads_but_every_post_is_forbidden(
    client_for: Clients, office: Any, leader: Any, agency_a: Agency
) -> None:
    ind = make_indicator(office, agency_a)
    c = client_for(leader)
    page = c.get(reverse("indicators:detail", args=[ind.pk]))
    assert page.status_code == 200
    assert "Nhập số liệu thực hiện" not in page.content.decode()
    assert c.post(reverse("indicators:enter_value", args=[ind.pk]), value_post()).status_code == 403
    assert c.post(reverse("indicators:create"), {}).status_code == 403
    assert c.post(reverse("indicators:edit", args=[ind.pk]), {}).status_code == 403
    assert not IndicatorValue.objects.exists()


def test_officer_cannot_create_or_edit(
    client_for: Clients, office: Any, officer_a: Any, agency_a: Agency
) -> None:
    ind = make_indicator(office, agency_a)
    c = client_for(officer_a)
    assert c.get(reverse("indicators:create")).status_code == 403
    assert c.get(reverse("indicators:edit", args=[ind.pk])).status_code == 403


def indicator_post(agency: Agency | None, **over: str) -> dict[str, str]:
    data = {
        "name": "Tỷ lệ hộ nghèo",
        "unit": "%",
        "target": "1",
        "direction": "at_most",
        "period_kind": "year",
        "year": "2026",
        "number": "",
        "agency": str(agency.pk) if agency else "",
        "note": "",
    }
    data.update(over)
    return data


def test_office_creates_an_indicator_with_history(
    client_for: Clients, office: Any, agency_b: Agency
) -> None:
    r = client_for(office).post(reverse("indicators:create"), indicator_post(agency_b))
    assert r.status_code == 302
    ind = Indicator.objects.get()
    assert (ind.name, ind.target, ind.direction, ind.agency) == (
        "Tỷ lệ hộ nghèo",
        Decimal(1),
        "at_most",
        agency_b,
    )
    assert (ind.period_start, ind.period_end, ind.cumulative) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
        False,
    )
    assert ind.created_by == office
    assert HistoryEntry.objects.filter(action="indicator.create").count() == 1


def test_quarter_indicator_needs_its_quarter(client_for: Clients, office: Any) -> None:
    c = client_for(office)
    r = c.post(reverse("indicators:create"), indicator_post(None, period_kind="quarter"))
    assert r.status_code == 400
    r = c.post(
        reverse("indicators:create"), indicator_post(None, period_kind="quarter", number="2")
    )
    assert r.status_code == 302
    ind = Indicator.objects.get()
    assert (ind.period_start, ind.period_end) == (date(2026, 4, 1), date(2026, 6, 30))


def test_office_edits_an_indicator_and_the_change_is_recorded(
    client_for: Clients, office: Any, agency_a: Agency
) -> None:
    ind = make_indicator(office, agency_a, target="1200")
    post = indicator_post(
        agency_a,
        name=ind.name,
        unit="tỷ đồng",
        target="1300",
        direction="at_least",
        cumulative="on",
    )
    r = client_for(office).post(reverse("indicators:edit", args=[ind.pk]), post)
    assert r.status_code == 302
    ind.refresh_from_db()
    assert ind.target == Decimal(1300)
    entry = HistoryEntry.objects.get(action="indicator.update")
    assert entry.before == {"target": "1200"}
    assert entry.after == {"target": "1300"}


def test_indicator_name_is_shown_escaped(
    client_for: Clients, office: Any, agency_a: Agency
) -> None:
    ind = make_indicator(office, agency_a, name="<script>alert(1)</script>")
    page = client_for(office).get(reverse("indicators:detail", args=[ind.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_anonymous_is_sent_to_login(client: Client) -> None:
    r = client.get(reverse("indicators:list"))
    assert r.status_code == 302
    assert "dang-nhap" in r["Location"]
