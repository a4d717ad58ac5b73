"""How the API answers a refusal: the HTTP status it deserves and one message (Vietnamese,
or English for a client that chose it; gettext).

The services raise :class:`~chidao.common.errors.ActionError` and its kinds; Django
raises ``Http404`` / ``PermissionDenied`` / ``ValidationError``; DRF raises its own
exceptions with English messages. :func:`api_error` turns each into the DRF exception
that renders as ``{"detail": "…"}`` with the right status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status

from chidao.api.authentication import TokenExpired
from chidao.common.errors import ActionError, Conflict, NotAllowed

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class Refused(exceptions.APIException):
    """A step the state or the values do not allow (400)."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = gettext_lazy("Yêu cầu không thực hiện được.")
    default_code = "refused"


class Conflicted(exceptions.APIException):
    """Someone else changed the object since the client read it (409)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("Người khác vừa cập nhật dữ liệu này.")
    default_code = "conflict"


class LockedOut(exceptions.APIException):
    """Too many failed logins for this user name from this address (429)."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = gettext_lazy("Đăng nhập sai quá nhiều lần; tài khoản tạm thời bị khóa.")
    default_code = "locked_out"


NOT_FOUND = gettext_lazy("Không tìm thấy.")
FORBIDDEN = gettext_lazy("Bạn không có quyền thực hiện thao tác này.")

# DRF's own messages are English (its Vietnamese catalogue is nearly empty).
_REPLACED: dict[type[exceptions.APIException], StrPromise] = {
    exceptions.NotAuthenticated: gettext_lazy(
        "Chưa xác thực: gửi kèm tiêu đề “Authorization: Token <mã>” hoặc đăng nhập."
    ),
    exceptions.AuthenticationFailed: gettext_lazy("Xác thực không thành công: token không hợp lệ."),
    exceptions.ParseError: gettext_lazy("Không đọc được dữ liệu gửi lên (sai cú pháp JSON?)."),
    exceptions.UnsupportedMediaType: gettext_lazy("Kiểu dữ liệu gửi lên không được hỗ trợ."),
    exceptions.NotAcceptable: gettext_lazy("Không có định dạng trả về phù hợp với tiêu đề Accept."),
}


def api_error(exc: Exception, method: str) -> Exception:
    """The exception DRF should render for ``exc`` (``exc`` itself when it is fine)."""
    if isinstance(exc, Conflict):
        return Conflicted(str(exc))
    if isinstance(exc, NotAllowed):
        return exceptions.PermissionDenied(str(exc))
    if isinstance(exc, ActionError):
        return Refused(str(exc))
    if isinstance(exc, DjangoValidationError):
        return Refused(" ".join(exc.messages))
    if isinstance(exc, Http404):
        return exceptions.NotFound(NOT_FOUND)
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(FORBIDDEN)
    if isinstance(exc, exceptions.NotFound):
        page = str(exc.detail) == "Invalid page."
        return exceptions.NotFound(_("Trang không tồn tại.") if page else NOT_FOUND)
    if isinstance(exc, exceptions.PermissionDenied):
        default = str(exc.detail) == str(exceptions.PermissionDenied.default_detail)
        return exceptions.PermissionDenied(FORBIDDEN) if default else exc
    if isinstance(exc, exceptions.MethodNotAllowed):
        return exceptions.MethodNotAllowed(
            method,
            _("Phương thức %(method)s không được hỗ trợ ở địa chỉ này.") % {"method": method},
        )
    if isinstance(exc, TokenExpired):
        return exc  # its message is ours already, and tells the client what to do
    for kind, message in _REPLACED.items():
        if isinstance(exc, kind):
            return kind(message)
    return exc
