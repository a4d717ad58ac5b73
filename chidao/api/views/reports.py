"""Reports with their evidence, and the evidence files themselves."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request

from chidao.api.inputs import ReportQuery
from chidao.api.serializers import AttachmentSerializer, ErrorSerializer, ReportSerializer
from chidao.api.views.base import ApiViewSet, valid
from chidao.tracking.models import Attachment, Report
from chidao.tracking.permissions import visible_attachments, visible_reports


@extend_schema_view(
    list=extend_schema(summary="Báo cáo của các phân công được xem", parameters=[ReportQuery]),
    retrieve=extend_schema(summary="Một báo cáo với tệp minh chứng"),
)
class ReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet[Report]):
    serializer_class = ReportSerializer

    def get_queryset(self) -> QuerySet[Report]:
        return (
            visible_reports(self.request.user)
            .select_related("author")
            .prefetch_related("attachments")
        )

    def filter_queryset(self, queryset: QuerySet[Report, Any]) -> QuerySet[Report, Any]:
        if self.action != "list":
            return queryset
        query = valid(ReportQuery, self.request.query_params)
        if "assignment" in query:
            queryset = queryset.filter(assignment_id=query["assignment"])
        return queryset


@extend_schema_view(retrieve=extend_schema(summary="Thông tin một tệp minh chứng"))
class AttachmentViewSet(mixins.RetrieveModelMixin, ApiViewSet[Attachment]):
    serializer_class = AttachmentSerializer

    def get_queryset(self) -> QuerySet[Attachment]:
        return visible_attachments(self.request.user)

    def perform_content_negotiation(
        self, request: Request, force: bool = False
    ) -> tuple[BaseRenderer, str]:
        # A download answers the file whatever the client accepts; errors stay JSON.
        return super().perform_content_negotiation(request, force or self.action == "download")

    @extend_schema(
        summary="Tải tệp minh chứng",
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY),
            404: OpenApiResponse(ErrorSerializer, "Không có, hoặc không thuộc phạm vi được xem."),
        },
    )
    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk: int) -> Any:
        att = self.get_object()
        return FileResponse(
            att.file.open("rb"),
            as_attachment=True,
            filename=att.filename,
            content_type=att.content_type or "application/octet-stream",
        )
