"""Reminders in the admin: read them, fix nothing by hand (they are a record)."""

from __future__ import annotations

from django.contrib import admin

from chidao.reminders.models import Flag, Notification, Reminder


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("day", "kind", "assignment", "sent_by", "email_sent_at", "email_error")
    list_filter = ("kind", "day")
    raw_id_fields = ("assignment", "sent_by")
    date_hierarchy = "day"


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("created_at", "user", "text", "read_at")
    raw_id_fields = ("user", "assignment", "reminder")


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("assignment", "flagged_at", "reminders", "cleared_at", "cleared_by")
    raw_id_fields = ("assignment", "cleared_by")
