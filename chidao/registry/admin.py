"""Administration of the agency registry (names, short forms, groups, validity, successor)."""

from __future__ import annotations

from django.contrib import admin

from .models import Agency


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "code", "kind", "valid_from", "valid_to", "successor")
    list_filter = ("kind",)
    search_fields = ("name", "full_name", "code", "search_text")
    autocomplete_fields = ("successor",)
    readonly_fields = ("code",)
