"""Forms of the tracking pages: what an agency reports and what the Office decides.

Each carries the ``version`` of the assignment the user read, passed to the service as
``read_version`` so that two people acting on the same assignment cannot silently
overwrite each other. Evidence files are checked here (type, size, content) so a refused
file is a form error, before anything is stored.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from chidao.common.dayfield import DayField
from chidao.common.uploads import EVIDENCE_TYPES, check_upload
from chidao.registry.models import Agency
from chidao.tracking.models import Assignment


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; cleans to a list (empty when none were chosen)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        items = data if isinstance(data, list | tuple) else [data]
        items = [d for d in items if d]
        if not items and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(d, initial) for d in items]


class VersionedForm(forms.Form):
    """A form acting on one assignment as the user last saw it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    @property
    def read_version(self) -> int | None:
        value: int | None = self.cleaned_data.get("version")
        return value


class EvidenceMixin(forms.Form):
    evidence = MultipleFileField(
        label=_("Tệp minh chứng"),
        required=False,
        help_text=_("Có thể chọn nhiều tệp: văn bản, bảng tính, ảnh, PDF, ZIP."),
    )

    def clean_evidence(self) -> list[UploadedFile]:
        files: list[UploadedFile] = self.cleaned_data.get("evidence") or []
        limit = int(settings.CHIDAO_MAX_FILES_PER_UPLOAD)
        if len(files) > limit:
            raise ValidationError(_("Chỉ được đính kèm tối đa %(n)s tệp.") % {"n": limit})
        errors = []
        for upload in files:
            try:
                check_upload(upload, EVIDENCE_TYPES)
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        return files


def _text(label: Any, *, required: bool = True, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ProgressForm(EvidenceMixin, VersionedForm):
    text = _text(_("Nội dung báo cáo"), rows=4)
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)

    field_order = ["text", "progress", "evidence"]


class DoneForm(EvidenceMixin, VersionedForm):
    text = _text(_("Kết quả thực hiện"), rows=4)

    field_order = ["text", "evidence"]


class ExtensionRequestForm(VersionedForm):
    new_deadline = DayField(label=_("Thời hạn đề nghị"))
    reason = _text(_("Lý do"))


class RefuseForm(VersionedForm):
    reason = _text(_("Lý do từ chối"), rows=3)


class ConfirmForm(VersionedForm):
    note = _text(_("Ý kiến (không bắt buộc)"), required=False, rows=2)


class ReturnForm(VersionedForm):
    reason = _text(_("Lý do trả lại"), rows=3)


class PostponeForm(VersionedForm):
    reason = _text(_("Lý do tạm hoãn"), rows=2)


class ResumeForm(VersionedForm):
    pass


class ReassignForm(VersionedForm):
    agency = forms.ModelChoiceField(
        label=_("Giao cho đơn vị"),
        queryset=Agency.objects.none(),
        empty_label=_("— Chọn đơn vị —"),
    )

    def __init__(self, *args: Any, assignment: Assignment | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = Agency.objects.filter(valid_to__isnull=True).order_by("name")
        if assignment is not None:
            taken = Assignment.objects.filter(task_id=assignment.task_id).values("agency_id")
            qs = qs.exclude(pk__in=taken)
        field = self.fields["agency"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = qs


class ExtensionDecisionForm(forms.Form):
    """Grant or deny: the page sends ``decision`` from the button pressed."""

    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[("grant", _("Đồng ý gia hạn")), ("deny", _("Không đồng ý"))],
    )
    note = _text(_("Ý kiến"), required=False, rows=2)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if data.get("decision") == "deny" and not (data.get("note") or "").strip():
            self.add_error("note", _("Hãy nêu lý do không đồng ý gia hạn."))
        return data

    @property
    def grant(self) -> bool:
        return bool(self.cleaned_data.get("decision") == "grant")
