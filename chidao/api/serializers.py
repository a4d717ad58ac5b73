"""What the API answers: one serializer per kind of object, read-only.

Time standing and giao ban bucket are computed by :mod:`chidao.tracking.status` for the
``today`` the view puts in the serializer context, never stored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from chidao.documents.models import Candidate, Document, IngestJob
from chidao.registry.models import Agency
from chidao.tracking import status
from chidao.tracking.dashboard import LABELS
from chidao.tracking.models import Assignment, Attachment, ExtensionRequest, Report, Task


class AgencyRefSerializer(serializers.ModelSerializer[Agency]):
    class Meta:
        model = Agency
        fields = ["id", "code", "name"]


class UserRefSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(source="get_username", read_only=True)
    full_name = serializers.CharField(source="get_full_name", read_only=True)


# --- documents ----------------------------------------------------------------------------


class DocumentSerializer(serializers.ModelSerializer[Document]):
    title = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Document
        fields = [
            "id", "title", "kind", "number", "issued_on", "issuer", "signer", "subject",
            "filename", "format", "size", "sha256", "status", "status_label",
            "uploaded_at", "registered_at",
        ]  # fmt: skip
        read_only_fields = fields


class TaskRefSerializer(serializers.ModelSerializer[Task]):
    class Meta:
        model = Task
        fields = ["id", "order", "marker", "text", "deadline", "recurrence", "series"]
        read_only_fields = fields


class CandidateSerializer(serializers.ModelSerializer[Candidate]):
    lead = AgencyRefSerializer(many=True, read_only=True)
    support = AgencyRefSerializer(many=True, read_only=True)
    groups = serializers.ListField(child=serializers.CharField(), read_only=True)
    unmatched = serializers.ListField(child=serializers.CharField(), read_only=True)
    decision_label = serializers.CharField(source="get_decision_display", read_only=True)

    class Meta:
        model = Candidate
        fields = [
            "id", "order", "marker", "text", "start", "end", "lead", "support", "groups",
            "unmatched", "deadline", "recurrence", "rule", "decision", "decision_label",
            "added_by_reviewer", "version",
        ]  # fmt: skip
        read_only_fields = fields


class DocumentDetailSerializer(DocumentSerializer):
    """A document with its text, the tasks the user may see, and (Office only) candidates.

    The view sets ``visible_tasks`` and ``candidates_for_review`` (None for others)."""

    warnings = serializers.ListField(child=serializers.CharField(), read_only=True)
    tasks = TaskRefSerializer(source="visible_tasks", many=True, read_only=True)
    candidates = CandidateSerializer(
        source="candidates_for_review",
        many=True,
        read_only=True,
        allow_null=True,
        help_text="Nhiệm vụ đề xuất chờ rà soát; chỉ chuyên viên Văn phòng thấy (null với người khác).",
    )

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "text", "warnings", "tasks", "candidates"]
        read_only_fields = fields


class JobSerializer(serializers.ModelSerializer[IngestJob]):
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    finished = serializers.BooleanField(read_only=True)

    class Meta:
        model = IngestJob
        fields = [
            "id", "filename", "sha256", "size", "state", "state_label", "finished", "error",
            "document", "created_at", "started_at", "finished_at",
        ]  # fmt: skip
        read_only_fields = fields


class UploadItemSerializer(serializers.Serializer[Any]):
    filename = serializers.CharField()
    existing = serializers.BooleanField(help_text="true: tệp này đã có trong hệ thống.")
    document = serializers.IntegerField(allow_null=True, help_text="Văn bản (đã có hoặc vừa tạo).")
    job = JobSerializer(allow_null=True, help_text="Lượt nhập; null khi tệp đã có.")
    message = serializers.CharField()


class UploadResultSerializer(serializers.Serializer[Any]):
    results = UploadItemSerializer(many=True)


# --- tasks and assignments ----------------------------------------------------------------


def _standing_of(a: Assignment, context: dict[str, Any]) -> str:
    today: date = context["today"]
    return status.standing(a.state, a.deadline, a.done_on, today, settings.CHIDAO_DUE_SOON_DAYS)


class AssignmentSerializer(serializers.ModelSerializer[Assignment]):
    """An assignment with its time standing and giao ban bucket on the server's today."""

    task_text = serializers.CharField(source="task.text", read_only=True)
    document_title = serializers.CharField(source="document.title", read_only=True)
    agency = AgencyRefSerializer(read_only=True)
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    standing = serializers.SerializerMethodField()
    standing_label = serializers.SerializerMethodField()
    bucket = serializers.SerializerMethodField()
    bucket_label = serializers.SerializerMethodField()

    class Meta:
        model = Assignment
        fields = [
            "id", "task", "task_text", "document", "document_title", "agency", "role",
            "role_label", "state", "state_label", "deadline", "original_deadline", "done_on",
            "progress", "last_report_at", "standing", "standing_label", "bucket",
            "bucket_label", "reassigned_from", "version", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=list(status.Standing.LABELS.items())))
    def get_standing(self, a: Assignment) -> str:
        return _standing_of(a, self.context)

    def get_standing_label(self, a: Assignment) -> str:
        return status.Standing.LABELS[_standing_of(a, self.context)]

    @extend_schema_field(
        serializers.ChoiceField(choices=list(status.Bucket.LABELS.items()), allow_null=True)
    )
    def get_bucket(self, a: Assignment) -> str | None:
        today: date = self.context["today"]
        return status.bucket(a.state, a.deadline, a.done_on, today)

    def get_bucket_label(self, a: Assignment) -> str | None:
        name = self.get_bucket(a)
        return status.Bucket.LABELS[name] if name else None


class TaskSerializer(serializers.ModelSerializer[Task]):
    """A task with the assignments the user may see (the view prefetches ``visible``)."""

    document_title = serializers.CharField(source="document.title", read_only=True)
    recurrence_label = serializers.CharField(source="get_recurrence_display", read_only=True)
    assignments = AssignmentSerializer(source="visible", many=True, read_only=True)

    class Meta:
        model = Task
        fields = [
            "id", "document", "document_title", "order", "marker", "text", "deadline",
            "recurrence", "recurrence_label", "series", "period_start", "period_end",
            "version", "created_at", "assignments",
        ]  # fmt: skip
        read_only_fields = fields


# --- reports and extensions ---------------------------------------------------------------


class AttachmentSerializer(serializers.ModelSerializer[Attachment]):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "report", "filename", "size", "content_type", "sha256", "download_url"]
        read_only_fields = fields

    def get_download_url(self, att: Attachment) -> str:
        path = reverse("api:attachment-download", args=[att.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class ReportSerializer(serializers.ModelSerializer[Report]):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    author = UserRefSerializer(read_only=True)
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Report
        fields = [
            "id", "assignment", "kind", "kind_label", "text", "progress", "author",
            "created_at", "attachments",
        ]  # fmt: skip
        read_only_fields = fields


class ExtensionSerializer(serializers.ModelSerializer[ExtensionRequest]):
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    requested_by = UserRefSerializer(read_only=True)
    decided_by = UserRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ExtensionRequest
        fields = [
            "id", "assignment", "requested_deadline", "reason", "state", "state_label",
            "requested_by", "requested_at", "decided_by", "decided_at", "decision_note",
        ]  # fmt: skip
        read_only_fields = fields


# --- dashboard and tokens -----------------------------------------------------------------


class CountsSerializer(serializers.Serializer[Any]):
    """The giao ban counts (and "sắp đến hạn") of one row."""

    hoan_thanh_dung_han = serializers.IntegerField(help_text=LABELS["hoan_thanh_dung_han"])
    hoan_thanh_qua_han = serializers.IntegerField(help_text=LABELS["hoan_thanh_qua_han"])
    dang_thuc_hien_trong_han = serializers.IntegerField(
        help_text=LABELS["dang_thuc_hien_trong_han"]
    )
    dang_thuc_hien_qua_han = serializers.IntegerField(help_text=LABELS["dang_thuc_hien_qua_han"])
    khong_co_han = serializers.IntegerField(help_text=LABELS["khong_co_han"])
    sap_den_han = serializers.IntegerField(help_text=LABELS["sap_den_han"])


class DashboardRowSerializer(serializers.Serializer[Any]):
    key = serializers.IntegerField(allow_null=True, help_text="Mã số đơn vị hoặc văn bản.")
    name = serializers.CharField(source="label", help_text="Tên đơn vị hoặc văn bản.")
    counts = CountsSerializer()
    total = serializers.IntegerField(help_text="Tổng năm nhóm giao ban.")
    done_rate = serializers.FloatField(allow_null=True, help_text="Tỷ lệ hoàn thành (0–1).")


class ColumnSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    name = serializers.CharField()


class DashboardSerializer(serializers.Serializer[Any]):
    today = serializers.DateField(help_text="Ngày tính số liệu.")
    by = serializers.CharField(help_text="agency hoặc document.")
    columns = ColumnSerializer(many=True)
    totals = DashboardRowSerializer()
    rows = DashboardRowSerializer(many=True)


class ErrorSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField(help_text="Lý do, bằng tiếng Việt.")


class TokenSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(help_text="Gửi kèm: “Authorization: Token <mã>”.")
    expires = serializers.DateTimeField(help_text="Hết hạn lúc; sau đó lấy token mới.")
