"""Administration of documents: originals and what was read from them stay as they came.

A document's file, hash and extracted text are read-only here (the original is never
altered); the review itself happens on the review screen, where it is recorded.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Candidate, Document, IngestJob


class CandidateInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Candidate
    extra = 0
    fields = ("order", "text", "deadline", "recurrence", "decision", "version")
    readonly_fields = ("version",)
    show_change_link = True


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("__str__", "issued_on", "issuer", "status", "uploaded_at")
    list_filter = ("status", "kind")
    search_fields = ("number", "subject", "filename", "sha256")
    date_hierarchy = "uploaded_at"
    readonly_fields = (
        "sha256",
        "original",
        "filename",
        "size",
        "format",
        "text",
        "extraction",
        "warnings",
        "uploaded_by",
        "uploaded_at",
        "registered_by",
        "registered_at",
        "status",
    )
    inlines = [CandidateInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # tasks and history point at documents


@admin.register(IngestJob)
class IngestJobAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("filename", "state", "attempts", "created_at", "finished_at", "document")
    list_filter = ("state",)
    search_fields = ("filename", "sha256")
    readonly_fields = (
        "filename",
        "sha256",
        "size",
        "blob",
        "state",
        "error",
        "attempts",
        "document",
        "task_result_id",
        "created_by",
        "created_at",
        "started_at",
        "finished_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # jobs come from uploads


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("__str__", "document", "order", "decision", "deadline")
    list_filter = ("decision", "added_by_reviewer")
    search_fields = ("text", "document__number")
    autocomplete_fields = ("lead", "support")
    readonly_fields = ("document", "start", "end", "rule", "groups", "unmatched", "version")
