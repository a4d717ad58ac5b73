"""Documents (list, detail, upload) and ingest jobs."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from chidao.accounts.roles import is_office, sees_everything
from chidao.api.inputs import UploadInput
from chidao.api.permissions import LeadersReadOnly, OfficeForChanges
from chidao.api.serializers import (
    DocumentDetailSerializer,
    DocumentSerializer,
    JobSerializer,
    UploadResultSerializer,
)
from chidao.api.views.base import ApiViewSet, valid
from chidao.documents.models import Document, IngestJob, JobState
from chidao.documents.permissions import visible_documents
from chidao.documents.services import Submitted, submit_upload
from chidao.tracking.permissions import visible_tasks


@extend_schema_view(
    list=extend_schema(summary="Văn bản người dùng được xem"),
    retrieve=extend_schema(summary="Một văn bản: thông tin, nhiệm vụ, nhiệm vụ đề xuất"),
)
class DocumentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet[Document]):
    permission_classes = [IsAuthenticated, LeadersReadOnly, OfficeForChanges]
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self) -> QuerySet[Document]:
        return visible_documents(self.request.user)

    def get_serializer_class(self) -> type[BaseSerializer[Document]]:
        return DocumentDetailSerializer if self.action == "retrieve" else DocumentSerializer

    def get_object(self) -> Document:
        document = super().get_object()
        user = self.request.user
        document.visible_tasks = list(  # type: ignore[attr-defined]
            visible_tasks(user).filter(document=document).order_by("order", "id")
        )
        document.candidates_for_review = (  # type: ignore[attr-defined]
            document.candidates.prefetch_related("lead", "support") if is_office(user) else None
        )
        return document

    @extend_schema(
        summary="Tải lên văn bản (chỉ Văn phòng)",
        request={"multipart/form-data": UploadInput},
        responses={
            201: OpenApiResponse(UploadResultSerializer, "Ít nhất một tệp được nhận để xử lý."),
            200: OpenApiResponse(UploadResultSerializer, "Mọi tệp đều đã có trong hệ thống."),
        },
    )
    def create(self, request: Request) -> Response:
        files = valid(UploadInput, request.data)["files"]
        with transaction.atomic():  # the jobs start when every file is recorded
            outcomes = [submit_upload(request.user, upload) for upload in files]
        results = [_outcome(o) for o in outcomes]
        code = status.HTTP_201_CREATED if any(o.job for o in outcomes) else status.HTTP_200_OK
        data = UploadResultSerializer({"results": results}, context=self.get_serializer_context())
        return Response(data.data, status=code)


def _outcome(o: Submitted) -> dict[str, Any]:
    if o.existing is not None:
        return {
            "filename": o.filename,
            "existing": True,
            "document": o.existing.pk,
            "job": None,
            "message": f"Tệp “{o.filename}” đã có trong hệ thống: {o.existing.title}.",
        }
    assert o.job is not None
    job = IngestJob.objects.get(pk=o.job.pk)  # a job run immediately has finished by now
    messages: dict[str, str] = {
        JobState.DONE: f"Tệp “{o.filename}” đã được xử lý thành văn bản.",
        JobState.DUPLICATE: f"Tệp “{o.filename}” đã có trong hệ thống.",
        JobState.FAILED: f"Tệp “{o.filename}” không xử lý được: {job.error}",
    }
    return {
        "filename": o.filename,
        "existing": job.state == JobState.DUPLICATE,
        "document": job.document_id,
        "job": job,
        "message": messages.get(job.state, f"Tệp “{o.filename}” đã được nhận, đang chờ xử lý."),
    }


def visible_jobs(user: Any) -> QuerySet[IngestJob]:
    """Ingest records are the Office's (leaders of the city read them too)."""
    return IngestJob.objects.all() if sees_everything(user) else IngestJob.objects.none()


@extend_schema_view(retrieve=extend_schema(summary="Trạng thái một lượt nhập văn bản"))
class JobViewSet(mixins.RetrieveModelMixin, ApiViewSet[IngestJob]):
    serializer_class = JobSerializer

    def get_queryset(self) -> QuerySet[IngestJob]:
        return visible_jobs(self.request.user)
