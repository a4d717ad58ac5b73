"""Who a user is in the Office's eyes: a role and, for officers, their agency."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICE = "office", _("Chuyên viên Văn phòng")
    OFFICER = "officer", _("Cán bộ đơn vị")
    LEADER = "leader", _("Lãnh đạo")
    ADMIN = "admin", _("Quản trị hệ thống")


class Profile(models.Model):
    """One per user. An officer belongs to one agency; a leader with an agency reads that
    agency only, a leader without one reads the whole city."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField("vai trò", max_length=16, choices=Role.choices)
    agency = models.ForeignKey(
        "registry.Agency",
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    title = models.CharField("chức vụ", max_length=200, blank=True)

    class Meta:
        verbose_name = "hồ sơ người dùng"
        verbose_name_plural = "hồ sơ người dùng"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="officer") | models.Q(agency__isnull=False),
                name="officer_has_agency",
                violation_error_message="Cán bộ đơn vị phải thuộc một đơn vị.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.get_role_display()})"
