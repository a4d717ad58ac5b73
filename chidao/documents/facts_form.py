"""The form of a document's facts, as the Office corrects them on the document's page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chidao.common import clock
from chidao.common.dayfield import DayField

from .facts import Facts, facts_of
from .models import Document


class FactsForm(forms.Form):
    """The six facts, each checked here with a message that names the field."""

    kind = forms.CharField(label=gettext_lazy("Loại văn bản"), max_length=80, required=False)
    number = forms.CharField(label=gettext_lazy("Số, ký hiệu"), max_length=80, required=False)
    issued_on = DayField(label=gettext_lazy("Ngày ban hành"), required=False)
    issuer = forms.CharField(label=gettext_lazy("Cơ quan ban hành"), max_length=255, required=False)
    signer = forms.CharField(label=gettext_lazy("Người ký"), max_length=255, required=False)
    subject = forms.CharField(
        label=gettext_lazy("Trích yếu"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_issued_on(self) -> Any:
        day = self.cleaned_data["issued_on"]
        if day is not None and day > clock.today():
            raise forms.ValidationError(_("Ngày ban hành không thể sau ngày hôm nay."))
        return day

    def facts(self) -> Facts:
        data = self.cleaned_data
        return Facts(**{name: data[name] for name in Facts.__dataclass_fields__})


def form_for(document: Document) -> FactsForm:
    """The form as the page first shows it: the document's facts as they stand."""
    initial = {**facts_of(document).__dict__, "version": document.version}
    return FactsForm(initial=initial, prefix="facts")
