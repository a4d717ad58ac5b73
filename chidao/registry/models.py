"""The agency registry in the database, loaded from the extraction engine's data file.

The JSON file (chidao/extract/data) stays the source of truth for names and aliases;
this table gives each body a primary key that assignments can point at, and keeps
bodies that were dissolved (2025 reorganisation) so old directives still resolve.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from chidao.extract.agencies import fold_search


class Standing(models.TextChoices):
    """Whether the administrator stands behind a body: every body of a registry file is
    confirmed; one a reviewer registered from a directive waits for the administrator."""

    CONFIRMED = "confirmed", "đã xác nhận"
    PENDING = "pending", "chờ xác nhận"
    REJECTED = "rejected", "không xác nhận"


class Agency(models.Model):
    code = models.SlugField("mã", max_length=80, unique=True)
    name = models.CharField("tên", max_length=255)
    full_name = models.CharField("tên đầy đủ", max_length=255, blank=True)
    kind = models.CharField("loại", max_length=80, blank=True)
    aliases = models.JSONField("tên viết tắt, cách viết khác", default=list, blank=True)
    groups = models.JSONField("nhóm", default=list, blank=True)
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name="cơ quan kế thừa",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    standing = models.CharField(
        "xác nhận", max_length=12, choices=Standing.choices, default=Standing.CONFIRMED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đề nghị",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField("ngày đề nghị", null=True, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    note = models.TextField("ghi chú", blank=True)
    # name and written forms folded (no accents, đ→d, lower case) for search
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = "cơ quan, đơn vị"
        verbose_name_plural = "cơ quan, đơn vị"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        forms = dict.fromkeys([self.name, self.full_name, *self.aliases])
        self.search_text = " | ".join(fold_search(f) for f in forms if f)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def dissolved(self) -> bool:
        return self.valid_to is not None

    def valid_on(self, day: date) -> bool:
        """True when the body existed on ``day`` (bounds inclusive; None is open)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def ended_before(self, day: date) -> bool:
        """True when the body can take no new task due on ``day``: dissolved or merged
        before it, or refused by the administrator."""
        if self.standing == Standing.REJECTED:
            return True
        return self.valid_to is not None and self.valid_to < day
