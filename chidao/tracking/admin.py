"""Tracking in the admin, read only: every change to a task goes through
chidao.tracking.services so that it is checked and recorded in the history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from chidao.tracking.models import Assignment, Attachment, ExtensionRequest, Report, Task


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "document", "deadline", "recurrence", "created_at")
    list_filter = ("recurrence",)
    search_fields = ("text", "document__number")
    list_select_related = ("document",)
    raw_id_fields = ("document", "series", "candidate")


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ("task", "agency", "role", "state", "deadline", "done_on", "progress")
    list_filter = ("state", "role")
    search_fields = ("task__text", "agency__name")
    list_select_related = ("task", "agency")
    raw_id_fields = ("task", "document", "agency", "reassigned_from")


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "assignment", "kind", "author", "created_at")
    list_filter = ("kind",)
    list_select_related = ("assignment__task", "assignment__agency", "author")
    raw_id_fields = ("assignment",)


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ("filename", "report", "size", "sha256")
    search_fields = ("filename", "sha256")
    list_select_related = ("report",)
    raw_id_fields = ("report",)


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(ReadOnlyAdmin):
    list_display = ("assignment", "requested_deadline", "state", "requested_by", "requested_at")
    list_filter = ("state",)
    list_select_related = ("assignment__task", "assignment__agency", "requested_by")
    raw_id_fields = ("assignment",)
