"""The overdue count at the end of each closed month, kept once computed (chidao/leader/trend.py)."""

from __future__ import annotations

from django.db import models

from chidao.common import clock


class MonthEnd(models.Model):
    """Đang thực hiện quá hạn on a month's last day: one agency's count, or the whole
    city's (``agency`` empty; its row also says the month has been computed)."""

    month = models.DateField("ngày cuối tháng")
    agency = models.ForeignKey(
        "registry.Agency", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    overdue = models.PositiveIntegerField("quá hạn")
    computed_at = models.DateTimeField(default=clock.stamp, editable=False)

    class Meta:
        verbose_name = "số quá hạn cuối tháng"
        verbose_name_plural = "số quá hạn cuối tháng"
        constraints = [
            models.UniqueConstraint(
                fields=["month", "agency"],
                condition=models.Q(agency__isnull=False),
                name="month_end_agency",
            ),
            models.UniqueConstraint(
                fields=["month"], condition=models.Q(agency__isnull=True), name="month_end_city"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%m/%Y}: {self.overdue}"
