"""Indicators (chỉ tiêu): a numeric target for a period, and the actual values reported.

A target reads "``name`` at least/at most ``target`` ``unit`` in ``period``", e.g. "tỷ lệ
hộ nghèo at most 1 % in 2026". Each :class:`IndicatorValue` is the figure as it stood at
the end of one reporting period (a month inside the indicator's period), entered by the
responsible agency or the Office. How a value compares with the target is computed in
:mod:`chidao.indicators.marks`, never stored.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chidao.common import clock


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    YEAR = "year", _("Năm")


class Direction(models.TextChoices):
    AT_LEAST = "at_least", _("Tối thiểu (đạt từ mức này trở lên)")
    AT_MOST = "at_most", _("Tối đa (không vượt quá mức này)")


class Indicator(models.Model):
    name = models.CharField("tên chỉ tiêu", max_length=300)
    unit = models.CharField("đơn vị tính", max_length=40)
    period_kind = models.CharField(
        "loại kỳ", max_length=8, choices=PeriodKind.choices, default=PeriodKind.YEAR
    )
    period_start = models.DateField("kỳ từ ngày")
    period_end = models.DateField("kỳ đến ngày")
    target = models.DecimalField("mục tiêu", max_digits=20, decimal_places=4)
    direction = models.CharField(
        "chiều đánh giá", max_length=8, choices=Direction.choices, default=Direction.AT_LEAST
    )
    cumulative = models.BooleanField(
        "số liệu cộng dồn",
        default=True,
        help_text="Số liệu tăng dần trong kỳ (số doanh nghiệp, thu ngân sách…): so sánh với "
        "mức tương ứng thời gian đã qua. Bỏ chọn với tỷ lệ, mức độ (tỷ lệ hộ nghèo…).",
    )
    agency = models.ForeignKey(
        "registry.Agency",
        verbose_name="đơn vị chịu trách nhiệm",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản chỉ đạo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    # where the extractor found it in document.text, for "why" on the review page
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("tạo lúc", default=clock.stamp, editable=False)
    updated_at = models.DateTimeField("cập nhật lúc", default=clock.stamp, editable=False)

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["-period_end", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="indicator_period_ordered",
                violation_error_message="Ngày kết thúc kỳ phải sau ngày bắt đầu.",
            )
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.updated_at = clock.now()  # auto_now, through the application's clock
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """The actual figure at the end of ``[period_start, period_end]``; one per period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField("kỳ báo cáo từ ngày")
    period_end = models.DateField("kỳ báo cáo đến ngày")
    actual = models.DecimalField("số liệu thực hiện", max_digits=20, decimal_places=4)
    note = models.TextField("ghi chú", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField("nhập lúc", default=clock.stamp, editable=False)

    class Meta:
        verbose_name = "số liệu thực hiện chỉ tiêu"
        verbose_name_plural = "số liệu thực hiện chỉ tiêu"
        ordering = ["indicator", "period_end", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"],
                name="indicator_value_once_per_period",
            )
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.entered_at = clock.now()  # auto_now, through the application's clock
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.indicator}: {self.actual} ({self.period_start:%m/%Y})"


class SkippedProposal(models.Model):
    """A proposal from a document's text that the Office chose not to track."""

    document = models.ForeignKey("documents.Document", on_delete=models.CASCADE, related_name="+")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    skipped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    skipped_at = models.DateTimeField(default=clock.stamp, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "start", "end"], name="indicator_proposal_skipped_once"
            )
        ]
