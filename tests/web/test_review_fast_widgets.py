"""The review screen's cards write their widgets without the template engine
(chidao/documents/widgets_fast.py): the HTML is the same as Django's own templates give."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from chidao.documents.forms import AddCandidateForm, VersionedCandidateForm
from chidao.documents.widgets_fast import FAST

HOSTILE = "Giao Sở Y tế <script>alert(\"x\")</script> & “ngoặc” 'đơn'"


def _fields(form_class: type[forms.Form], **kwargs: Any) -> list[tuple[str, str]]:
    """Each field's HTML with the default renderer and with the fast one."""
    pairs = []
    for renderer in (DjangoTemplates(), FAST):
        form = form_class(renderer=renderer, **kwargs)
        pairs.append([str(form[name]) for name in form.fields])
    return list(zip(*pairs, strict=True))


@pytest.mark.parametrize(
    "initial",
    [
        {"text": HOSTILE, "deadline": date(2026, 12, 30), "recurrence": "monthly", "version": 3},
        {"text": "", "deadline": None, "recurrence": "", "version": 1},
    ],
)
def test_a_review_card_s_fields_are_the_html_django_s_templates_give(
    initial: dict[str, Any],
) -> None:
    fields = _fields(VersionedCandidateForm, initial=initial, prefix="c42", auto_id="id_c42_%s")
    assert len(fields) == 6
    for slow, fast in fields:
        assert fast == slow


def test_a_re_shown_add_form_with_errors_is_the_same_html_too() -> None:
    data = {"text": HOSTILE, "deadline": "31/02/2026", "recurrence": "x", "quote": "<b>"}
    for slow, fast in _fields(AddCandidateForm, data=data):
        assert fast == slow
    assert "&lt;script&gt;" in fast or "&lt;b&gt;" in fast


def test_a_widget_the_fast_renderer_does_not_know_goes_to_its_template() -> None:
    class Other(forms.Form):
        done = forms.BooleanField(required=False)
        when = forms.SplitDateTimeField(required=False)
        kinds = forms.MultipleChoiceField(
            choices=[("a", "A & B")], widget=forms.CheckboxSelectMultiple, required=False
        )

    pairs = _fields(Other, initial={"done": True, "kinds": ["a"]})
    assert [fast for _slow, fast in pairs] == [slow for slow, _fast in pairs]
    assert 'type="checkbox"' in pairs[0][1] and "checked" in pairs[0][1]
