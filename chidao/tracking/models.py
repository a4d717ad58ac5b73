"""Registered tasks, one assignment per (task, agency), and what agencies report.

The workflow state of an assignment is stored; its time standing and giao ban bucket are
derived (chidao/tracking/status.py), never stored, so they are right on any day.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.common import clock


class Recurrence(models.TextChoices):
    NONE = "", _("Không định kỳ")
    DAILY = "daily", _("Hằng ngày")
    WEEKLY = "weekly", _("Hằng tuần")
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    YEARLY = "yearly", _("Hằng năm")


class Task(models.Model):
    """A task a person accepted. A recurring task is a series: its instances (one per
    period, ``series`` set) carry the assignments; the series itself carries none."""

    document = models.ForeignKey(
        "documents.Document", on_delete=models.PROTECT, related_name="tasks"
    )
    candidate = models.ForeignKey(
        "documents.Candidate", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveIntegerField("thứ tự", default=0)
    marker = models.CharField("số mục", max_length=20, blank=True)
    text = models.TextField("nội dung")
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    deadline = models.DateField("thời hạn", null=True, blank=True)
    recurrence = models.CharField(
        "định kỳ", max_length=16, choices=Recurrence.choices, blank=True, default=""
    )
    series = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="instances"
    )
    period_start = models.DateField("kỳ từ", null=True, blank=True)
    period_end = models.DateField("kỳ đến", null=True, blank=True)
    # a series' agencies, given to each new instance: {"lead": [pk…], "support": [pk…]}
    series_agencies = models.JSONField(default=dict, blank=True)
    # a series: the day its instances start from, and where in its period each falls due
    # (chidao/tracking/recurrence.py); empty on instances and one-off tasks
    recur_from = models.DateField("theo dõi từ ngày", null=True, blank=True)
    # a series that has ended (an archived directive's): no instance after this day
    recur_until = models.DateField("theo dõi đến ngày", null=True, blank=True)
    due_day = models.PositiveSmallIntegerField("hạn: ngày trong kỳ", null=True, blank=True)
    due_month = models.PositiveSmallIntegerField("hạn: tháng trong kỳ", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.stamp, editable=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["document", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "period_start"], name="one_instance_per_period"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_series(self) -> bool:
        return bool(self.recurrence) and self.series_id is None


class State(models.TextChoices):
    NOT_STARTED = "chua_thuc_hien", _("Chưa thực hiện")
    IN_PROGRESS = "dang_thuc_hien", _("Đang thực hiện")
    AWAITING = "cho_xac_nhan", _("Chờ xác nhận")
    DONE = "da_hoan_thanh", _("Đã hoàn thành")
    POSTPONED = "tam_hoan", _("Tạm hoãn")
    REFUSED = "tu_choi", _("Từ chối")
    REDO = "thuc_hien_lai", _("Thực hiện lại")


# the states an assignment is counted in on the dashboard and in the giao ban (one of the
# five buckets): every state but tạm hoãn and từ chối
COUNTED_STATES = (
    State.NOT_STARTED,
    State.IN_PROGRESS,
    State.REDO,
    State.AWAITING,
    State.DONE,
)


class Role(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    SUPPORT = "support", _("Phối hợp")


class Assignment(models.Model):
    """A task as one agency must carry it out: its own state, deadline and reports.

    ``document`` repeats ``task.document`` so the per-directive dashboard groups without a
    join over a million rows. ``deadline`` starts as the task's and moves with a granted
    extension (``original_deadline`` keeps the first). ``done_on`` is the day the agency
    reported completion; the Office's confirmation keeps that day as the completion date.
    """

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="assignments")
    document = models.ForeignKey("documents.Document", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        "registry.Agency", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField("vai trò", max_length=8, choices=Role.choices, default=Role.LEAD)
    state = models.CharField(
        "trạng thái", max_length=16, choices=State.choices, default=State.NOT_STARTED
    )
    deadline = models.DateField("thời hạn", null=True, blank=True)
    original_deadline = models.DateField("thời hạn ban đầu", null=True, blank=True)
    done_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    last_report_at = models.DateTimeField("báo cáo gần nhất", null=True, blank=True)
    reassigned_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.stamp, editable=False)
    updated_at = models.DateTimeField(default=clock.stamp, editable=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "phân công"
        verbose_name_plural = "phân công"
        ordering = ["deadline", "id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "agency"], name="one_assignment_per_agency"),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="progress_at_most_100"
            ),
        ]
        indexes = [
            # covering the dashboard's counts (state, deadline, done_on) per agency and per
            # directive: SQLite counts from the index alone instead of a million row look-ups
            models.Index(
                fields=["agency", "state", "deadline", "done_on"], name="asg_agency_counts"
            ),
            models.Index(
                fields=["document", "state", "deadline", "done_on"], name="asg_document_counts"
            ),
            # the city's cards (status.count_standings): grouped by (state, deadline) and
            # split by done_on from the index alone, in its order, without a row look-up
            models.Index(fields=["state", "deadline", "done_on"], name="asg_state_counts"),
            # the lists' order (deadline, none last, then id): a page without a narrow
            # filter walks this index instead of sorting a million rows
            models.Index(fields=["deadline", "id"], name="asg_deadline_id"),
            # the task count (dashboard.task_count): "has this task a counted assignment"
            # answered from the index alone, one probe per task, no row look-up
            models.Index(
                fields=["task"],
                condition=models.Q(state__in=COUNTED_STATES),
                name="asg_task_counted",
            ),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.updated_at = clock.now()  # auto_now, through the application's clock
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.agency} — {self.task}"


class ReportKind(models.TextChoices):
    PROGRESS = "progress", _("Báo cáo tiến độ")
    DONE = "done", _("Báo cáo hoàn thành")
    CONFIRMED = "confirmed", _("Xác nhận hoàn thành")
    RETURNED = "returned", _("Trả lại")
    REFUSAL = "refusal", _("Từ chối nhiệm vụ")


class Report(models.Model):
    """A progress report, a completion report, or the Office's answer to one."""

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField("loại", max_length=16, choices=ReportKind.choices)
    text = models.TextField("nội dung")
    progress = models.PositiveSmallIntegerField("tiến độ (%)", null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("thời điểm", default=clock.stamp, editable=False)

    class Meta:
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Attachment(models.Model):
    """Evidence attached to a report; stored under its hash, never changed."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to="evidence/", max_length=255)
    filename = models.CharField("tên tệp", max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = "tệp minh chứng"
        verbose_name_plural = "tệp minh chứng"

    def __str__(self) -> str:
        return self.filename


class ExtensionState(models.TextChoices):
    PENDING = "pending", _("Chờ quyết định")
    GRANTED = "granted", _("Đồng ý")
    DENIED = "denied", _("Không đồng ý")


class ExtensionRequest(models.Model):
    assignment = models.ForeignKey(
        Assignment, on_delete=models.PROTECT, related_name="extension_requests"
    )
    requested_deadline = models.DateField("thời hạn đề nghị")
    reason = models.TextField("lý do")
    state = models.CharField(
        max_length=16, choices=ExtensionState.choices, default=ExtensionState.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=clock.stamp, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField("ý kiến", blank=True)

    class Meta:
        verbose_name = "đề nghị gia hạn"
        verbose_name_plural = "đề nghị gia hạn"
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment"],
                condition=models.Q(state="pending"),
                name="one_pending_extension",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} → {self.requested_deadline}"
