"""Vietnamese first: the interface is Vietnamese unless the user picks English."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class VietnameseFirst:
    """Drop the browser's Accept-Language, so LocaleMiddleware falls back to Vietnamese.

    An office computer set up in English must not turn the application English; the
    language menu (a cookie, read by LocaleMiddleware) is how a user chooses English.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
