"""History: who changed what, when, with the values before and after.

Append-only. The model refuses updates and deletes, and a database trigger (migration
0002, SQLite and PostgreSQL) refuses them even from raw SQL or the admin.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _

from chidao.common import clock


class HistoryError(Exception):
    """History cannot be changed or deleted."""


class HistoryQuerySet(models.QuerySet["HistoryEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise HistoryError(_("Lịch sử thay đổi không thể sửa."))

    def delete(self) -> tuple[int, dict[str, int]]:
        raise HistoryError(_("Lịch sử thay đổi không thể xóa."))


class HistoryEntry(models.Model):
    at = models.DateTimeField("thời điểm", default=clock.stamp, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField("thao tác", max_length=40)
    summary = models.CharField("nội dung", max_length=500)
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    task = models.ForeignKey(
        "tracking.Task", null=True, blank=True, on_delete=models.PROTECT, related_name="history"
    )
    assignment = models.ForeignKey(
        "tracking.Assignment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="history",
    )
    before = models.JSONField("trước", null=True, blank=True)
    after = models.JSONField("sau", null=True, blank=True)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        verbose_name = "lịch sử thay đổi"
        verbose_name_plural = "lịch sử thay đổi"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.summary}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise HistoryError(_("Lịch sử thay đổi không thể sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise HistoryError(_("Lịch sử thay đổi không thể xóa."))
