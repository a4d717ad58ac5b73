"""Assignments (list with filters, detail) and every step on them, through the services.

Each step answers the assignment as it now is. A refused step is 400, a step the user
may not take 403, another agency's assignment 404, a stale ``version`` 409.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from chidao.api import inputs
from chidao.api.permissions import LeadersReadOnly, OfficeForChanges
from chidao.api.serializers import AssignmentSerializer, ErrorSerializer, ExtensionSerializer
from chidao.api.views.base import ApiViewSet, valid
from chidao.common import clock
from chidao.tracking import services
from chidao.tracking.dashboard import column_q
from chidao.tracking.models import Assignment, ExtensionRequest
from chidao.tracking.permissions import visible_assignments, visible_extensions
from chidao.tracking.status import standing_q

OFFICE_ONLY = [IsAuthenticated, LeadersReadOnly, OfficeForChanges]


def step(summary: str, body: type[inputs.Versioned], created: bool = False) -> Any:
    """The schema of one step: its request body and the assignment it answers."""
    code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return extend_schema(
        summary=summary,
        request=body,
        responses={
            code: AssignmentSerializer,
            400: OpenApiResponse(
                ErrorSerializer, "Bước này không thực hiện được, hoặc dữ liệu sai."
            ),
            403: OpenApiResponse(ErrorSerializer, "Người dùng không được thực hiện bước này."),
            404: OpenApiResponse(ErrorSerializer, "Không có, hoặc không thuộc phạm vi được xem."),
            409: OpenApiResponse(ErrorSerializer, "Người khác vừa cập nhật; tải lại rồi làm lại."),
        },
    )


@extend_schema_view(
    list=extend_schema(
        summary="Phân công người dùng được xem", parameters=[inputs.AssignmentQuery]
    ),
    retrieve=extend_schema(summary="Một phân công, với tình trạng thời hạn và nhóm giao ban"),
)
class AssignmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet[Assignment]):
    serializer_class = AssignmentSerializer

    def get_queryset(self) -> QuerySet[Assignment]:
        return visible_assignments(self.request.user).select_related("task", "agency", "document")

    def filter_queryset(self, queryset: QuerySet[Assignment, Any]) -> QuerySet[Assignment, Any]:
        if self.action != "list":
            return queryset
        query = valid(inputs.AssignmentQuery, self.request.query_params)
        today, soon = clock.today(), settings.CHIDAO_DUE_SOON_DAYS
        if "agency" in query:
            queryset = queryset.filter(agency_id=query["agency"])
        if "document" in query:
            queryset = queryset.filter(document_id=query["document"])
        if "state" in query:
            queryset = queryset.filter(state=query["state"])
        if "standing" in query:
            queryset = queryset.filter(standing_q(query["standing"], today, soon))
        if "bucket" in query:
            queryset = queryset.filter(column_q(query["bucket"], today, soon))
        return queryset

    def _show(self, a: Assignment, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=a.pk)
        return Response(self.get_serializer(fresh).data, status=code)

    def _read(self, body: type[inputs.Versioned]) -> tuple[Assignment, dict[str, Any]]:
        """The assignment (404 first when not visible), then the checked body."""
        return self.get_object(), valid(body, self.request.data)

    # --- the agency's steps ---

    @step("Báo cáo tiến độ (cán bộ đơn vị)", inputs.ProgressInput)
    @action(detail=True, methods=["post"])
    def report(self, request: Request, pk: int) -> Response:
        a, data = self._read(inputs.ProgressInput)
        services.report_progress(
            request.user, a, data["text"], data["progress"], data.get("files", []),
            read_version=data.get("version"),
        )  # fmt: skip
        return self._show(a)

    @step("Báo cáo hoàn thành (cán bộ đơn vị)", inputs.DoneInput)
    @action(detail=True, methods=["post"])
    def done(self, request: Request, pk: int) -> Response:
        a, data = self._read(inputs.DoneInput)
        services.mark_done(
            request.user, a, data["text"], data.get("files", []),
            today=clock.today(), read_version=data.get("version"),
        )  # fmt: skip
        return self._show(a)

    @step("Từ chối nhiệm vụ không thuộc đơn vị (cán bộ đơn vị)", inputs.ReasonInput)
    @action(detail=True, methods=["post"])
    def refuse(self, request: Request, pk: int) -> Response:
        a, data = self._read(inputs.ReasonInput)
        services.refuse(request.user, a, data["reason"], read_version=data.get("version"))
        return self._show(a)

    @step("Đề nghị gia hạn (cán bộ đơn vị)", inputs.ExtensionInput)
    @action(detail=True, methods=["post"])
    def extension(self, request: Request, pk: int) -> Response:
        a, data = self._read(inputs.ExtensionInput)
        services.request_extension(
            request.user,
            a,
            data["requested_deadline"],
            data["reason"],
            today=clock.today(),
            read_version=data.get("version"),
        )
        return self._show(a)

    # --- the Office's steps ---

    @step("Xác nhận hoàn thành (Văn phòng)", inputs.NoteInput)
    @action(detail=True, methods=["post"], permission_classes=OFFICE_ONLY)
    def confirm(self, request: Request, pk: int) -> Response:
        a, data = self._read(inputs.NoteInput)
        services.confirm(request.user, a, data.get("note", ""), read_version=data.get("version"))
        return self._show(a)

    @step("Trả lại báo cáo hoàn thành (Văn phòng)", inputs.ReasonInput)
    @action(
        detail=True, methods=["post"], url_path="return", url_name="return",
        permission_classes=OFFICE_ONLY,
    )  # fmt: skip
    def return_completion(self, request: Request, pk: int) -> Response:
        a, data = self._read(inputs.ReasonInput)
        services.return_completion(
            request.user, a, data["reason"], read_version=data.get("version")
        )
        return self._show(a)

    @step("Tạm hoãn (Văn phòng)", inputs.OptionalReasonInput)
    @action(detail=True, methods=["post"], permission_classes=OFFICE_ONLY)
    def postpone(self, request: Request, pk: int) -> Response:
        a, data = self._read(inputs.OptionalReasonInput)
        services.postpone(request.user, a, data.get("reason", ""), read_version=data.get("version"))
        return self._show(a)

    @step("Tiếp tục thực hiện (Văn phòng)", inputs.Versioned)
    @action(detail=True, methods=["post"], permission_classes=OFFICE_ONLY)
    def resume(self, request: Request, pk: int) -> Response:
        a, data = self._read(inputs.Versioned)
        services.resume(request.user, a, read_version=data.get("version"))
        return self._show(a)

    @step("Giao lại nhiệm vụ bị từ chối cho đơn vị khác (Văn phòng)", inputs.ReassignInput, True)
    @action(detail=True, methods=["post"], permission_classes=OFFICE_ONLY)
    def reassign(self, request: Request, pk: int) -> Response:
        a, data = self._read(inputs.ReassignInput)
        new = services.reassign(
            request.user, a, data["agency"].pk, read_version=data.get("version")
        )
        return self._show(new, status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Đề nghị gia hạn", parameters=[inputs.ExtensionQuery]),
    retrieve=extend_schema(summary="Một đề nghị gia hạn"),
)
class ExtensionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet[ExtensionRequest]
):
    serializer_class = ExtensionSerializer

    def get_queryset(self) -> QuerySet[ExtensionRequest]:
        return visible_extensions(self.request.user).select_related(
            "requested_by", "decided_by", "assignment"
        )

    def filter_queryset(
        self, queryset: QuerySet[ExtensionRequest, Any]
    ) -> QuerySet[ExtensionRequest, Any]:
        if self.action != "list":
            return queryset
        query = valid(inputs.ExtensionQuery, self.request.query_params)
        if "assignment" in query:
            queryset = queryset.filter(assignment_id=query["assignment"])
        if "state" in query:
            queryset = queryset.filter(state=query["state"])
        return queryset

    @step("Quyết định gia hạn (Văn phòng); trả về phân công", inputs.DecideInput)
    @action(detail=True, methods=["post"], permission_classes=OFFICE_ONLY)
    def decide(self, request: Request, pk: int) -> Response:
        req = self.get_object()
        data = valid(inputs.DecideInput, request.data)
        services.decide_extension(
            request.user,
            req,
            grant=data["grant"],
            note=data.get("note", ""),
            read_version=data.get("version"),
        )
        a = visible_assignments(request.user).select_related("task", "agency", "document")
        context = self.get_serializer_context()
        return Response(AssignmentSerializer(a.get(pk=req.assignment_id), context=context).data)
