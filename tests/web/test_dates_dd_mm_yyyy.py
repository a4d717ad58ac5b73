"""Days are typed and shown dd/mm/yyyy in every form (no browser date picker that follows
the browser's locale); yyyy-mm-dd is still accepted from links and scripts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast

import pytest
from django import forms
from django.test import Client

from chidao.common.dayfield import DayField
from chidao.documents.facts_form import FactsForm
from chidao.documents.forms import CandidateForm, RegisterForm
from chidao.tracking.forms import ExtensionRequestForm
from tests.web import report_support as support

work = support.work

DAY_FIELDS = [
    (CandidateForm, "deadline"),
    (RegisterForm, "start"),
    (FactsForm, "issued_on"),
    (ExtensionRequestForm, "new_deadline"),
]


@pytest.mark.parametrize(("form", "name"), DAY_FIELDS)
def test_every_form_asks_for_its_day_as_dd_mm_yyyy(form: type[forms.Form], name: str) -> None:
    field = form.base_fields[name]
    assert isinstance(field, DayField)
    widget = cast(forms.Widget, field.widget)  # an instance on a field (the stubs say class)
    html = widget.render(name, date(2026, 12, 5))
    assert 'value="05/12/2026"' in html and 'placeholder="dd/mm/yyyy"' in html
    assert 'type="text"' in html


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("05/12/2026", date(2026, 12, 5)),
        ("5/12/2026", date(2026, 12, 5)),
        ("2026-12-05", date(2026, 12, 5)),
    ],
)
def test_a_day_field_reads_dd_mm_yyyy_and_iso(typed: str, day: date) -> None:
    assert DayField().clean(typed) == day


@pytest.mark.parametrize("typed", ["12/31/2026", "31/02/2026", "05-12-2026", "hôm qua"])
def test_a_day_that_is_not_dd_mm_yyyy_gets_one_clear_message(typed: str) -> None:
    with pytest.raises(forms.ValidationError) as caught:
        DayField().clean(typed)
    assert caught.value.messages == ["Nhập ngày theo dạng dd/mm/yyyy."]


def test_the_giao_ban_period_is_typed_dd_mm_yyyy(
    work: Any, office: Any, client_for: Callable[[Any], Client]
) -> None:
    client = client_for(office)
    page = client.get("/giao-ban/", {"tu": "01/11/2026", "den": "15/11/2026"}).content.decode()
    assert 'name="tu" value="01/11/2026" placeholder="dd/mm/yyyy"' in page
    assert 'name="den" value="15/11/2026"' in page and 'type="date"' not in page
    refused = client.get("/giao-ban/", {"tu": "31/02/2026", "den": "15/11/2026"})
    assert refused.status_code == 400
    assert "dùng dạng dd/mm/yyyy" in refused.content.decode()
