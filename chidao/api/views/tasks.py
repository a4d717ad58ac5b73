"""Tasks, each with the assignments the user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from chidao.api.inputs import TaskQuery
from chidao.api.serializers import TaskSerializer
from chidao.api.views.base import ApiViewSet, valid
from chidao.tracking.models import Task
from chidao.tracking.permissions import visible_assignments, visible_tasks


@extend_schema_view(
    list=extend_schema(summary="Nhiệm vụ người dùng được xem", parameters=[TaskQuery]),
    retrieve=extend_schema(summary="Một nhiệm vụ và các phân công người dùng được xem"),
)
class TaskViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet[Task]):
    serializer_class = TaskSerializer

    def get_queryset(self) -> QuerySet[Task]:
        user = self.request.user
        assignments = visible_assignments(user).select_related("task", "agency", "document")
        return (
            visible_tasks(user)
            .select_related("document")
            .prefetch_related(Prefetch("assignments", queryset=assignments, to_attr="visible"))
        )

    def filter_queryset(self, queryset: QuerySet[Task, Any]) -> QuerySet[Task, Any]:
        query = valid(TaskQuery, self.request.query_params)
        if "document" in query:
            queryset = queryset.filter(document_id=query["document"])
        return queryset
