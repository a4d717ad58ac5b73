"""Tokens: a user name and password in, a token out, rate-limited like the login page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate, user_logged_in
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from chidao.accounts import tokens
from chidao.api.errors import LockedOut, Refused
from chidao.api.inputs import TokenRequest
from chidao.api.serializers import ErrorSerializer, TokenSerializer
from chidao.api.views.base import Guarded, valid


class TokenView(Guarded):
    """``POST`` user name and password; answers the user's token (a new one when they had
    none or it expired) and when it expires."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Lấy token truy cập",
        request=TokenRequest,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(ErrorSerializer, "Sai tên đăng nhập hoặc mật khẩu."),
            429: OpenApiResponse(ErrorSerializer, "Sai quá nhiều lần; tạm thời bị khóa."),
        },
        auth=[],
    )
    def post(self, request: Request) -> Response:
        data = valid(TokenRequest, request.data)
        # django-axes counts failures on the HttpRequest (its middleware reads its flags
        # there), so authenticate with that one, not DRF's wrapper.
        http = request._request
        user = authenticate(http, username=data["username"], password=data["password"])
        if user is None:
            if getattr(http, "axes_locked_out", False):
                # answered here, in JSON, rather than by the middleware's HTML page
                http.axes_locked_out = False  # type: ignore[attr-defined]
                minutes = round(float(settings.AXES_COOLOFF_TIME) * 60)
                raise LockedOut(
                    f"Đăng nhập sai quá nhiều lần; tài khoản tạm thời bị khóa {minutes} phút."
                )
            raise Refused("Tên đăng nhập hoặc mật khẩu không đúng.")
        # A token is a login: axes clears the failures, Django records last_login.
        user_logged_in.send(sender=type(user), request=http, user=user)
        token = tokens.current(user)
        data = {"token": token.key, "expires": tokens.expires_at(token)}
        return Response(TokenSerializer(data).data)
