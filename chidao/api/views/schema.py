"""The OpenAPI schema, for signed-in users only (a token or a session), errors in JSON."""

from __future__ import annotations

from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from chidao.api.errors import api_error


class SchemaView(SpectacularAPIView):
    permission_classes = [IsAuthenticated]

    def handle_exception(self, exc: Exception) -> Response:
        # the schema's own renderers write YAML; a refusal is JSON like the rest of the API
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(api_error(exc, self.request.method or ""))
