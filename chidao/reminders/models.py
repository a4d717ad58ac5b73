"""Reminders (đôn đốc) sent to agencies, the notifications they raise, and the flag that
puts an assignment on the next giao ban.

A reminder of an automatic kind is unique per (assignment, kind, day): the daily job can
run any number of times on one day and records each reminder once. Its ``email_sent_at``
is set right after the agency's mail left, so a run that crashed halfway sends only the
mails still missing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.common import clock


class Kind(models.TextChoices):
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")
    SILENT = "silent", _("Lâu chưa báo cáo")
    MANUAL = "manual", _("Văn phòng đôn đốc")


class Reminder(models.Model):
    assignment = models.ForeignKey(
        "tracking.Assignment",
        verbose_name="phân công",
        on_delete=models.PROTECT,
        related_name="reminders",
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    day = models.DateField("ngày")
    created_at = models.DateTimeField("thời điểm", default=clock.stamp, editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đôn đốc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField("ghi chú", blank=True)
    email_to = models.TextField("gửi thư tới", blank=True)
    email_sent_at = models.DateTimeField("đã gửi thư lúc", null=True, blank=True)
    email_error = models.TextField("lỗi gửi thư", blank=True)

    class Meta:
        verbose_name = "lần đôn đốc"
        verbose_name_plural = "lần đôn đốc"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "kind", "day"],
                condition=~models.Q(kind="manual"),
                name="one_automatic_reminder_a_day",
            )
        ]
        indexes = [models.Index(fields=["day", "email_sent_at"], name="reminder_day_unsent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.day:%d/%m/%Y}: {self.assignment}"


class Notification(models.Model):
    """A line on a user's bell. The reminders of one day to one agency make one
    notification per officer (``agency`` and ``day`` set): it lists the agency's reminders
    of that day, so 98 overdue tasks ring the bell once, not 98 times."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    assignment = models.ForeignKey(
        "tracking.Assignment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reminder = models.ForeignKey(
        Reminder, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    agency = models.ForeignKey(
        "registry.Agency",
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField("ngày đôn đốc", null=True, blank=True)
    text = models.TextField("nội dung")
    created_at = models.DateTimeField("thời điểm", default=clock.stamp, editable=False)
    read_at = models.DateTimeField("đã đọc lúc", null=True, blank=True)

    class Meta:
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "day"],
                condition=models.Q(day__isnull=False),
                name="one_reminder_notification_a_day",
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Flag(models.Model):
    """An assignment put on the next giao ban after too many reminders."""

    assignment = models.OneToOneField(
        "tracking.Assignment",
        verbose_name="phân công",
        on_delete=models.PROTECT,
        related_name="giao_ban_flag",
    )
    flagged_at = models.DateTimeField("đưa ra giao ban lúc")
    reminders = models.PositiveIntegerField("số lần đôn đốc")
    cleared_at = models.DateTimeField("gỡ lúc", null=True, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người gỡ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "nhiệm vụ đưa ra giao ban"
        verbose_name_plural = "nhiệm vụ đưa ra giao ban"
        ordering = ["-flagged_at", "-id"]

    def __str__(self) -> str:
        return str(self.assignment)

    @property
    def active(self) -> bool:
        return self.cleared_at is None


class DailyRun(models.Model):
    """One run of the daily reminders (command or worker): when, what it sent, and what
    failed and why, for the Office to see (Đôn đốc › Nhật ký chạy)."""

    day = models.DateField("ngày đôn đốc")
    started_at = models.DateTimeField("bắt đầu", default=clock.stamp, editable=False)
    finished_at = models.DateTimeField("kết thúc", null=True, blank=True)
    reminders = models.PositiveIntegerField("lượt đôn đốc", default=0)
    notifications = models.PositiveIntegerField("thông báo", default=0)
    mails_sent = models.PositiveIntegerField("thư đã gửi", default=0)
    mails_failed = models.PositiveIntegerField("thư lỗi", default=0)
    flagged = models.PositiveIntegerField("đưa ra giao ban", default=0)
    # [{"agency": name, "reason": why}]: mails refused or not sendable, for each agency
    problems = models.JSONField("sự cố", default=list, blank=True)
    error = models.TextField("lỗi dừng chạy", blank=True)

    class Meta:
        verbose_name = "lượt đôn đốc tự động"
        verbose_name_plural = "lượt đôn đốc tự động"
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["day", "finished_at"], name="daily_run_day")]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.started_at:%H:%M}"

    @property
    def completed(self) -> bool:
        """It ran to its end (mails the server refused are problems, not a stop)."""
        return self.finished_at is not None and not self.error
