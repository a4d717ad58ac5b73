"""Who may send what: leaders only read; some steps are the Office's alone.

Object visibility is not decided here but by the querysets of
:mod:`chidao.tracking.permissions`, so another agency's object answers 404.
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from chidao.accounts.roles import is_leader, is_office


class LeadersReadOnly(BasePermission):
    """Leaders read everything they may see and change nothing."""

    message = "Lãnh đạo chỉ được xem, không thay đổi được dữ liệu."

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or not is_leader(request.user)


class OfficeForChanges(BasePermission):
    """Changes through this endpoint are the Office's (specialists and administrators)."""

    message = "Chỉ chuyên viên Văn phòng mới thực hiện được thao tác này."

    def has_permission(self, request: Request, view: Any) -> bool:
        return request.method in SAFE_METHODS or is_office(request.user)
