"""Bounded input, refused before a view (or Django's form parsing) touches it.

- The body: its declared size (``Content-Length``) against the cap of the page it is
  sent to — ``CHIDAO_MAX_BODY_MB`` (1) for forms and JSON, ``CHIDAO_MAX_UPLOAD_BODY_MB``
  (30) for the pages and API routes that take files, ``CHIDAO_MAX_IMPORT_MB`` (200) plus
  1 MB for the archive import — answered 413 before one byte of it is read, so a 1 GB
  POST is never spooled to the temporary folder. The larger caps are for signed-in users
  (a session, or an API call carrying a token); anyone else gets the small one. A body
  without a declared size is read by Django as empty. In front of the application the
  proxy holds the same line (nginx ``client_max_body_size``, README).
- The query string: chidao/common/params.py's rules, answered 400.

Refusals are Vietnamese: an HTML page, or ``{"detail": "…"}`` under /api/.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from chidao.common import params

MB = 1024 * 1024

# URL names whose requests carry files: uploads of directives, evidence with a report.
UPLOAD_ROUTES = frozenset(
    {
        "documents:upload",
        "tracking:assignment_action",
        "api:document-list",
        "api:assignment-report",
        "api:assignment-done",
    }
)
IMPORT_ROUTES = frozenset({"documents:import"})
UNCHECKED_NAMESPACES = frozenset({"admin"})  # Django's admin has its own parameters


def body_cap(route: str, signed_in: bool) -> int:
    """The largest body, in bytes, accepted for a request to ``route``."""
    if signed_in and route in IMPORT_ROUTES:
        return (int(settings.CHIDAO_MAX_IMPORT_MB) + 1) * MB
    if signed_in and route in UPLOAD_ROUTES:
        return int(settings.CHIDAO_MAX_UPLOAD_BODY_MB) * MB
    return int(settings.CHIDAO_MAX_BODY_MB) * MB


def declared_length(request: HttpRequest) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0  # what Django itself reads as no body


def _signed_in(request: HttpRequest) -> bool:
    if "HTTP_AUTHORIZATION" in request.META:
        return True  # a token: checked by the API view; the cap stays bounded all the same
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _route(request: HttpRequest) -> tuple[str, str]:
    """(URL name with namespace, namespace) of the request's path; ("", "") for none."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return "", ""
    return match.view_name, match.namespace


def _leave_body_unread(request: HttpRequest) -> None:
    """Django's development server (runserver, the tests' live server) reads what is left
    of a body after answering, to keep the connection usable: 1 GB into memory. A refused
    body is not read there either; that connection is simply not reused."""
    stream = getattr(request, "environ", {}).get("wsgi.input")
    if isinstance(stream, LimitedStream):
        stream.limit = 0


def refusal(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    context = {"title": title, "message": message}
    return render(request, "web/refused.html", context, status=status)


class BoundedInput:
    """413 for a body over its cap, 400 for a query parameter out of every range."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        route, namespace = _route(request)
        length = declared_length(request)
        if length > body_cap("", False):
            cap = body_cap(route, _signed_in(request))
            if length > cap:
                _leave_body_unread(request)
                return refusal(
                    request,
                    413,
                    _("Dữ liệu gửi lên quá lớn"),
                    _("Dữ liệu gửi lên quá lớn: tối đa %(mb)s MB cho trang này.")
                    % {"mb": cap // MB},
                )
        if namespace not in UNCHECKED_NAMESPACES:
            try:
                params.check_query(request.GET)
            except params.BadParameter as exc:
                return refusal(request, 400, _("Tham số không hợp lệ"), str(exc))
        return self.get_response(request)
