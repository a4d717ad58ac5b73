"""The search index: one row per searchable object, kept in step by chidao/search/index.py.

``title_terms`` and ``body_terms`` hold the folded text (no accents, đ → d, lower case,
punctuation → space) that the full-text index reads: an FTS5 table on SQLite, a weighted
``tsvector`` column with a GIN index on PostgreSQL (both made by migration 0002, outside
Django's model state). ``title`` and ``body`` keep the original text for display.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from chidao.common import clock


class Kind(models.TextChoices):
    DOCUMENT = "document", "Văn bản"
    TASK = "task", "Nhiệm vụ"
    REPORT = "report", "Báo cáo"
    AGENCY = "agency", "Cơ quan, đơn vị"


class SearchEntry(models.Model):
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    object_id = models.BigIntegerField("mã đối tượng")
    document_id = models.BigIntegerField("văn bản", null=True, blank=True)
    title = models.CharField("tiêu đề", max_length=300)
    context = models.CharField("ngữ cảnh", max_length=300, blank=True)
    body = models.TextField("nội dung", blank=True)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # a document number folded and without separators: "2658/UBND-KT" → "2658ubndkt"
    number_key = models.CharField(max_length=80, blank=True, db_index=True)
    updated_at = models.DateTimeField(default=clock.stamp, editable=False)

    class Meta:
        verbose_name = "mục tìm kiếm"
        verbose_name_plural = "mục tìm kiếm"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_entry_per_object")
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.updated_at = clock.now()  # auto_now, through the application's clock
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title[:60]}"


class SearchSegment(models.Model):
    """A stretch of a long entry's body, and its folded text (chidao/search/segments.py).
    Its full-text index (migration 0004) is outside Django's model state."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="segments")
    start = models.PositiveIntegerField()
    body = models.TextField()
    terms = models.TextField()

    class Meta:
        verbose_name = "đoạn nội dung tìm kiếm"
        verbose_name_plural = "đoạn nội dung tìm kiếm"
        constraints = [
            models.UniqueConstraint(fields=["entry", "start"], name="one_segment_per_start")
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}@{self.start}"
