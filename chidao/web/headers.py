"""Response headers every page gets: a Content-Security-Policy that allows only this
site's own files, and ``Cache-Control: no-store`` on whatever a signed-in user is shown.

Every script, style sheet, font and image is served from /static/ (htmx, Chart.js
included); the templates carry no inline script, event handler or ``style`` attribute
(behaviour in chidao/web/static/chidao/app.js, reached through ``data-`` attributes), so
the policy needs no ``'unsafe-inline'`` and no nonce. ``data:`` images are allowed for
Chart.js's downloads of a chart. A page a signed-in user saw (a list of overdue tasks, a
report) must not stay in a shared computer's cache after they log out.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeaders:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        user = getattr(request, "user", None)  # the API's token user too (DRF sets it)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
