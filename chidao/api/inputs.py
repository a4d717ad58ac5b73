"""What clients may send: strict request bodies and query filters, Vietnamese messages.

A body with a field the endpoint does not know is refused (a typo must not be silently
ignored); every refused field gets one message saying what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinLengthValidator,
    MinValueValidator,
)
from rest_framework import fields, relations, serializers
from rest_framework.fields import empty

from chidao.common.uploads import DIRECTIVE_TYPES, EVIDENCE_TYPES, check_upload
from chidao.registry.models import Agency
from chidao.tracking.dashboard import COLUMNS, LABELS
from chidao.tracking.models import ExtensionState, State
from chidao.tracking.status import Standing

AnyField = fields.Field[Any, Any, Any, Any]

# Per field class; a subclass's messages win over its bases'.
MESSAGES: dict[type[AnyField], dict[str, str]] = {
    fields.Field: {
        "required": "Trường này là bắt buộc.",
        "null": "Trường này không được để trống.",
    },
    fields.CharField: {
        "invalid": "Cần một chuỗi ký tự.",
        "blank": "Trường này không được để trống.",
        "max_length": "Không được dài quá {max_length} ký tự.",
        "min_length": "Cần ít nhất {min_length} ký tự.",
    },
    fields.IntegerField: {
        "invalid": "Cần một số nguyên.",
        "max_value": "Giá trị không được lớn hơn {max_value}.",
        "min_value": "Giá trị không được nhỏ hơn {min_value}.",
        "max_string_length": "Số quá lớn.",
    },
    fields.BooleanField: {"invalid": "Cần giá trị true hoặc false."},
    fields.DateField: {
        "invalid": "Ngày không đúng định dạng, cần {format}.",
        "datetime": "Cần một ngày, không kèm giờ.",
    },
    fields.ChoiceField: {"invalid_choice": "“{input}” không phải là giá trị hợp lệ."},
    fields.FileField: {
        "invalid": "Dữ liệu gửi lên không phải là tệp: hãy gửi dạng multipart/form-data.",
        "no_name": "Không xác định được tên tệp.",
        "empty": "Tệp gửi lên rỗng.",
        "max_length": "Tên tệp không được dài quá {max_length} ký tự.",
    },
    fields.ListField: {
        "not_a_list": "Cần một danh sách, nhận được {input_type}.",
        "empty": "Cần ít nhất một phần tử.",
        "min_length": "Cần ít nhất {min_length} phần tử.",
        "max_length": "Không được quá {max_length} phần tử.",
    },
    relations.PrimaryKeyRelatedField: {
        "does_not_exist": "Không có đối tượng mã số “{pk_value}”.",
        "incorrect_type": "Mã số phải là số nguyên, nhận được {data_type}.",
    },
}


# The limit validators DRF builds in a field's constructor, and the message each takes.
_LIMITS = {
    MaxValueValidator: "max_value",
    MinValueValidator: "min_value",
    MaxLengthValidator: "max_length",
    MinLengthValidator: "min_length",
}


def in_vietnamese(field: AnyField) -> None:
    """Replace DRF's English messages on ``field`` (and its list's items)."""
    for cls in reversed(type(field).__mro__):
        field.error_messages.update(MESSAGES.get(cls, {}))
    for validator in field.validators:
        for kind, key in _LIMITS.items():
            if isinstance(validator, kind) and key in field.error_messages:
                validator.message = field.error_messages[key].format(**{key: validator.limit_value})
    child = getattr(field, "child", None)
    if isinstance(child, fields.Field):
        in_vietnamese(child)


class Query(serializers.Serializer[Any]):
    """Query-string filters: Vietnamese messages; other parameters (page, format) pass."""

    default_error_messages = {"invalid": "Dữ liệu không hợp lệ: cần một đối tượng JSON."}

    def get_fields(self) -> dict[str, AnyField]:
        found = super().get_fields()
        for field in found.values():
            in_vietnamese(field)
        return found


class Body(Query):
    """A request body: like :class:`Query`, and a field the endpoint does not know is an error."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["Trường này không được nhận ở đây."] for name in unknown}
                )
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """A boolean that is required in a form too (DRF reads a missing one as false)."""

    default_empty_html = empty


def refused_files(files: list[UploadedFile], allowed: set[str]) -> list[UploadedFile]:
    """``files`` when every one passes the upload checks; else one message per refused file."""
    messages: list[str] = []
    for upload in files:
        try:
            check_upload(upload, allowed)
        except DjangoValidationError as exc:
            messages.extend(exc.messages)
    if messages:
        raise serializers.ValidationError(messages)
    return files


# --- authentication -----------------------------------------------------------------------


class TokenRequest(Body):
    username = serializers.CharField(max_length=150, help_text="Tên đăng nhập.")
    password = serializers.CharField(
        max_length=128, trim_whitespace=False, style={"input_type": "password"}
    )


# --- documents ----------------------------------------------------------------------------


class UploadInput(Body):
    files = serializers.ListField(
        child=serializers.FileField(),
        allow_empty=False,
        max_length=settings.CHIDAO_MAX_FILES_PER_UPLOAD,
        help_text="Một hoặc nhiều tệp văn bản chỉ đạo (.txt, .md, .html, .docx, .pdf).",
    )

    def validate_files(self, value: list[UploadedFile]) -> list[UploadedFile]:
        return refused_files(value, DIRECTIVE_TYPES)


class TaskQuery(Query):
    document = serializers.IntegerField(required=False, help_text="Chỉ nhiệm vụ của văn bản này.")


# --- assignments --------------------------------------------------------------------------


class AssignmentQuery(Query):
    agency = serializers.IntegerField(required=False, help_text="Mã số đơn vị.")
    document = serializers.IntegerField(required=False, help_text="Mã số văn bản.")
    state = serializers.ChoiceField(choices=State.choices, required=False)
    standing = serializers.ChoiceField(choices=list(Standing.LABELS.items()), required=False)
    bucket = serializers.ChoiceField(
        choices=[(c, LABELS[c]) for c in COLUMNS],
        required=False,
        help_text="Cột của bảng giao ban (như số liệu của /api/dashboard/).",
    )


class Versioned(Body):
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Phiên bản đã đọc; khác phiên bản hiện tại thì trả 409.",
    )


def _text(help_text: str, *, required: bool = True) -> serializers.CharField:
    return serializers.CharField(
        max_length=10000, required=required, allow_blank=not required, help_text=help_text
    )


def _evidence() -> serializers.ListField:
    return serializers.ListField(
        child=serializers.FileField(),
        required=False,
        max_length=20,
        help_text="Tệp minh chứng (gửi dạng multipart/form-data).",
    )


class ProgressInput(Versioned):
    text = _text("Nội dung báo cáo.")
    progress = serializers.IntegerField(min_value=0, max_value=100, help_text="Tiến độ (%).")
    files = _evidence()

    def validate_files(self, value: list[UploadedFile]) -> list[UploadedFile]:
        return refused_files(value, EVIDENCE_TYPES)


class DoneInput(Versioned):
    text = _text("Kết quả thực hiện.")
    files = _evidence()

    def validate_files(self, value: list[UploadedFile]) -> list[UploadedFile]:
        return refused_files(value, EVIDENCE_TYPES)


class ReasonInput(Versioned):
    reason = _text("Lý do.")


class OptionalReasonInput(Versioned):
    reason = _text("Lý do (không bắt buộc).", required=False)


class NoteInput(Versioned):
    note = _text("Ý kiến (không bắt buộc).", required=False)


class ExtensionInput(Versioned):
    requested_deadline = serializers.DateField(help_text="Thời hạn đề nghị (YYYY-MM-DD).")
    reason = _text("Lý do đề nghị gia hạn.")


class ReassignInput(Versioned):
    agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(), help_text="Mã số đơn vị nhận nhiệm vụ."
    )


class DecideInput(Versioned):
    grant = StrictBooleanField(help_text="true: đồng ý gia hạn; false: không đồng ý.")
    note = _text("Ý kiến (không bắt buộc).", required=False)


# --- reports, extensions, dashboard -------------------------------------------------------


class ReportQuery(Query):
    assignment = serializers.IntegerField(required=False, help_text="Mã số phân công.")


class ExtensionQuery(Query):
    assignment = serializers.IntegerField(required=False, help_text="Mã số phân công.")
    state = serializers.ChoiceField(choices=ExtensionState.choices, required=False)


class DashboardQuery(Query):
    by = serializers.ChoiceField(
        choices=[("agency", "Theo đơn vị"), ("document", "Theo văn bản")],
        default="agency",
        help_text="Nhóm theo đơn vị hoặc theo văn bản.",
    )
