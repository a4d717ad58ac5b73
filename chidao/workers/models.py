"""One row per running worker process, refreshed by its heartbeat."""

from __future__ import annotations

from django.db import models

from chidao.common import clock


class WorkerBeat(models.Model):
    """A worker's last sign of life; the row goes when the worker stops cleanly."""

    worker_id = models.CharField("mã tiến trình", max_length=64, unique=True)
    host = models.CharField("máy", max_length=255)
    pid = models.PositiveIntegerField("số hiệu tiến trình")
    started_at = models.DateTimeField("khởi động lúc", default=clock.stamp)
    seen_at = models.DateTimeField("tín hiệu cuối", default=clock.stamp, db_index=True)

    class Meta:
        verbose_name = "tiến trình xử lý"
        verbose_name_plural = "tiến trình xử lý"

    def __str__(self) -> str:
        return f"{self.host}:{self.pid} ({self.worker_id})"
