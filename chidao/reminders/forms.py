"""Forms of the reminder pages: validated at the edge, one clear message per error."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chidao.common.params import is_id


class IdListField(forms.Field):
    """Checked rows: a list of primary keys (``ids=1&ids=2``)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        if not value:
            return []
        if not all(is_id(str(v).strip()) for v in value):
            raise ValidationError(_("Danh sách nhiệm vụ đã chọn không hợp lệ."))
        return sorted({int(v) for v in value})


class RemindForm(forms.Form):
    SELECTED = "selected"
    ALL = "all"

    note = forms.CharField(
        label=_("Ý kiến kèm theo (không bắt buộc)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    ids = IdListField(required=False)
    scope = forms.ChoiceField(
        choices=[(SELECTED, _("Các mục đã chọn")), (ALL, _("Tất cả theo bộ lọc"))],
        initial=SELECTED,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["scope"] = data.get("scope") or self.SELECTED
        if data["scope"] == self.SELECTED and not data.get("ids"):
            raise ValidationError(_("Chưa chọn nhiệm vụ nào để đôn đốc."))
        return data


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Ý kiến kèm theo (không bắt buộc)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
