"""What every API view shares: authentication required, leaders read-only, Vietnamese
errors, and the day statuses are computed on."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model
from rest_framework import serializers, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from chidao.api.errors import api_error
from chidao.api.permissions import LeadersReadOnly
from chidao.common import clock

M = TypeVar("M", bound=Model)


class Guarded(APIView):
    permission_classes = [IsAuthenticated, LeadersReadOnly]

    def handle_exception(self, exc: Exception) -> Response:
        return super().handle_exception(api_error(exc, self.request.method or ""))


class ApiViewSet(Guarded, viewsets.GenericViewSet[M]):
    """A resource looked up by integer id through a ``visible_*`` queryset."""

    lookup_value_converter = "int"

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["today"] = clock.today()
        return context


def valid(serializer_class: type[serializers.Serializer[Any]], data: Any) -> dict[str, Any]:
    """``data`` checked by ``serializer_class``; a 400 with one message per field otherwise."""
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
