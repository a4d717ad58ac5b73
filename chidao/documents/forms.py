"""Forms of the ingest and review pages: validation at the edge, one message per error."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from chidao.common import dayfield
from chidao.common.dayfield import DayField
from chidao.common.params import is_id
from chidao.common.uploads import DIRECTIVE_TYPES
from chidao.registry.models import Agency
from chidao.tracking.models import Recurrence

from .review import CandidateEdit


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.Field):
    """Any number of files; each is checked by the ingest service, which names the file
    it refuses, so one bad file does not block the others."""

    widget = MultipleFileInput

    def to_python(self, data: Any) -> list[UploadedFile]:
        items = data if isinstance(data, list | tuple) else [data]
        return [f for f in items if f]

    def validate(self, value: list[UploadedFile]) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class UploadForm(forms.Form):
    uploads = MultipleFileField(
        label=_("Tệp văn bản"),
        error_messages={"required": _("Chọn ít nhất một tệp để nhập.")},
        widget=MultipleFileInput(attrs={"accept": ",".join(sorted(DIRECTIVE_TYPES))}),
    )


class AgencyChoices(forms.ModelMultipleChoiceField[Agency]):
    """Agencies by primary key; shown as removable chips with an autocomplete box."""

    widget = forms.MultipleHiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=Agency.objects.all(), required=False, **kwargs)

    def clean(self, value: Any) -> Any:
        # an id no database holds would reach SQL as an overflow, not as "no such agency"
        if any(not is_id(str(v).strip()) for v in value or ()):
            raise forms.ValidationError(_("Đơn vị đã chọn không hợp lệ."))
        return super().clean(value)


class CandidateForm(forms.Form):
    """One proposed task as the reviewer corrects it."""

    text = forms.CharField(
        label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )
    lead = AgencyChoices(label=_("Đơn vị chủ trì"))
    support = AgencyChoices(label=_("Đơn vị phối hợp"))
    deadline = DayField(label=_("Thời hạn"), required=False)
    recurrence = forms.ChoiceField(label=_("Định kỳ"), choices=Recurrence.choices, required=False)

    def edit(self) -> CandidateEdit:
        data = self.cleaned_data
        return CandidateEdit(
            text=data["text"],
            lead=[a.pk for a in data["lead"]],
            support=[a.pk for a in data["support"]],
            deadline=data["deadline"],
            recurrence=data["recurrence"] or "",
        )


class VersionedCandidateForm(CandidateForm):
    """The candidate form of the review page: carries the version the reviewer read."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class AddCandidateForm(CandidateForm):
    quote = forms.CharField(
        label=_("Trích đoạn trong văn bản (không bắt buộc)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Dán đoạn văn bản gốc để đánh dấu vị trí nhiệm vụ bên trái."),
    )


class SplitForm(forms.Form):
    at = forms.IntegerField(min_value=1)
    version = forms.IntegerField(min_value=1)


class MergeForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=())

    def __init__(self, *args: Any, choices: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["ids"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(str(pk), str(pk)) for pk in choices]
        field.error_messages["invalid_choice"] = _("Nhiệm vụ đề xuất không thuộc văn bản này.")


class RegisterForm(forms.Form):
    """Registration's choices for recurring tasks: the day their instances start from
    (today when empty), and whether the directive is historical, its past periods made."""

    start = DayField(
        label=_("Nhiệm vụ định kỳ theo dõi từ ngày"),
        required=False,
        input_formats=[dayfield.DISPLAY],  # typed by a person only: dd/mm/yyyy alone
        help_text=_("Để trống: từ hôm nay."),
    )
    historical = forms.BooleanField(
        label=_("Văn bản cũ: tạo cả các kỳ đã qua, từ ngày văn bản"),
        required=False,
    )

    def options(self) -> dict[str, Any]:
        return {"start": self.cleaned_data["start"], "historical": self.cleaned_data["historical"]}


class DocumentSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), required=False, max_length=200)
