"""Directive documents, their ingest jobs, and the tasks proposed for review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.common import clock


class DocumentStatus(models.TextChoices):
    REVIEW = "review", _("Chờ rà soát")
    REGISTERED = "registered", _("Đã đăng ký")


class Document(models.Model):
    """One original file (by SHA-256) and what the engine read from it.

    ``original`` is written once, under a name derived from the hash, and never changed.
    """

    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    original = models.FileField("tệp gốc", upload_to="originals/", max_length=255)
    filename = models.CharField("tên tệp", max_length=255)
    size = models.PositiveBigIntegerField("dung lượng (byte)")
    format = models.CharField("định dạng", max_length=20, blank=True)
    kind = models.CharField("loại văn bản", max_length=80, blank=True)
    number = models.CharField("số, ký hiệu", max_length=80, blank=True, db_index=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    issuer = models.CharField("cơ quan ban hành", max_length=255, blank=True)
    signer = models.CharField("người ký", max_length=255, blank=True)
    subject = models.TextField("trích yếu", blank=True)
    text = models.TextField("nội dung (đã chuẩn hóa)")
    extraction = models.JSONField("kết quả trích xuất", default=dict)
    warnings = models.JSONField("cảnh báo", default=list, blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.REVIEW
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("ngày tải lên", default=clock.stamp, editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField("ngày đăng ký", null=True, blank=True)
    # guards the Office's corrections of the facts above (chidao/documents/facts.py)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        kind = self.kind[:1].upper() + self.kind[1:]
        label = " ".join(p for p in (kind, self.number) if p)
        return label or self.filename

    @property
    def title(self) -> str:
        """ "Công văn 2658/UBND-KT" or the file name."""
        return str(self)


def max_attempts() -> int:
    """How many attempts a job gets before it fails for good (CHIDAO_JOB_MAX_ATTEMPTS)."""
    return int(settings.CHIDAO_JOB_MAX_ATTEMPTS)


class JobState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang xử lý")
    DONE = "done", _("Hoàn tất")
    DUPLICATE = "duplicate", _("Đã có trong hệ thống")
    FAILED = "failed", _("Lỗi")


class LeasedJob(models.Model):
    """A piece of background work a worker claims for one attempt at a time, under a lease
    it renews while alive (chidao/documents/runs.py); the record a person sees."""

    state = models.CharField(
        "trạng thái", max_length=16, choices=JobState.choices, default=JobState.QUEUED
    )
    error = models.TextField("lỗi", blank=True)
    attempts = models.PositiveSmallIntegerField("số lần chạy", default=0)
    # attempts made before the last manual retry: each retry gets a fresh allowance
    attempts_before_retry = models.PositiveSmallIntegerField(default=0)
    task_result_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("tạo lúc", default=clock.stamp, editable=False)
    started_at = models.DateTimeField("bắt đầu", null=True, blank=True)
    finished_at = models.DateTimeField("kết thúc", null=True, blank=True)
    # The running attempt's lease: its worker renews it while alive; once it has passed,
    # the worker is taken for dead and the job is queued again (runs.recover_lost).
    lease_until = models.DateTimeField("hết hạn giữ", null=True, blank=True)
    worker = models.CharField("tiến trình xử lý", max_length=100, blank=True)

    class Meta:
        abstract = True

    @property
    def finished(self) -> bool:
        return self.state in {JobState.DONE, JobState.DUPLICATE, JobState.FAILED}

    @property
    def attempts_left(self) -> int:
        return max(0, max_attempts() - (self.attempts - self.attempts_before_retry))

    @property
    def duration(self) -> float | None:
        """Seconds the last attempt took (so far, while it runs); None before it starts."""
        if self.started_at is None:
            return None
        end = self.finished_at or clock.now()
        return max(0.0, (end - self.started_at).total_seconds())


class IngestJob(LeasedJob):
    """One uploaded file on its way to becoming a Document."""

    filename = models.CharField("tên tệp", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    size = models.PositiveBigIntegerField("dung lượng (byte)")
    blob = models.CharField("tệp lưu tạm", max_length=255)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )

    class Meta:
        verbose_name = "lượt nhập văn bản"
        verbose_name_plural = "lượt nhập văn bản"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "lease_until"], name="ingestjob_state_lease")]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_state_display()})"


class ImportJob(LeasedJob):
    """An archive (.zip) uploaded on the import page, imported by a worker
    (chidao/documents/imports.py); one ImportItem per file as it is done."""

    filename = models.CharField("tên tệp", max_length=255)
    size = models.PositiveBigIntegerField("dung lượng (byte)")
    historical = models.BooleanField("văn bản lưu trữ đã hoàn thành", default=False)
    total = models.PositiveIntegerField("số tệp", default=0)

    class Meta:
        verbose_name = "lượt nhập kho"
        verbose_name_plural = "lượt nhập kho"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "lease_until"], name="importjob_state_lease")]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_state_display()})"


class ImportStatus(models.TextChoices):
    """What became of one file of a batch import."""

    IMPORTED = "imported", _("Đã nhập")
    PRESENT = "present", _("Đã có trong hệ thống")
    FAILED = "failed", _("Lỗi")


class ImportItem(models.Model):
    """What became of one file of an import (chidao/documents/batch.py's FileOutcome)."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="items")
    path = models.CharField("tệp", max_length=1000)
    status = models.CharField("kết quả", max_length=16, choices=ImportStatus.choices)
    reason = models.TextField("lý do", blank=True)
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "tệp của lượt nhập kho"
        verbose_name_plural = "tệp của lượt nhập kho"
        ordering = ["job", "path"]
        constraints = [
            models.UniqueConstraint(fields=["job", "path"], name="importitem_one_per_path")
        ]

    def __str__(self) -> str:
        return self.path


class Decision(models.TextChoices):
    PENDING = "pending", _("Chưa xem")
    ACCEPTED = "accepted", _("Chấp nhận")
    REJECTED = "rejected", _("Loại bỏ")


class Candidate(models.Model):
    """A task the engine proposed (or a reviewer added), waiting for a person's decision.

    ``lead`` and ``support`` hold Agency primary keys; ``unmatched`` the assignee names the
    registry does not know, for the reviewer to resolve. ``version`` guards against two
    reviewers saving the same candidate at once.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="candidates")
    order = models.PositiveIntegerField("thứ tự")
    start = models.PositiveIntegerField("vị trí đầu", null=True, blank=True)
    end = models.PositiveIntegerField("vị trí cuối", null=True, blank=True)
    marker = models.CharField("số mục", max_length=20, blank=True)
    text = models.TextField("nội dung nhiệm vụ")
    lead = models.ManyToManyField(
        "registry.Agency", verbose_name="chủ trì", related_name="+", blank=True
    )
    support = models.ManyToManyField(
        "registry.Agency", verbose_name="phối hợp", related_name="+", blank=True
    )
    groups = models.JSONField("nhóm đã mở rộng", default=list, blank=True)
    unmatched = models.JSONField("tên chưa nhận ra", default=list, blank=True)
    deadline = models.DateField("thời hạn", null=True, blank=True)
    recurrence = models.CharField("định kỳ", max_length=16, blank=True)
    rule = models.CharField("quy tắc", max_length=80, blank=True)
    # how sure the extractor was (0-1, chidao/extract/confidence.py); None: added by a person
    confidence = models.FloatField("độ chắc chắn", null=True, blank=True)
    decision = models.CharField(
        "quyết định", max_length=16, choices=Decision.choices, default=Decision.PENDING
    )
    added_by_reviewer = models.BooleanField("do người rà soát thêm", default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "nhiệm vụ đề xuất"
        verbose_name_plural = "nhiệm vụ đề xuất"
        ordering = ["document", "order", "id"]
        indexes = [
            # a review page of a 30,000-item directive: its slice in order, its counts
            models.Index(fields=["document", "order", "id"], name="candidate_in_order"),
            models.Index(fields=["document", "decision", "recurrence"], name="candidate_tally"),
        ]

    def __str__(self) -> str:
        return self.text[:80]
