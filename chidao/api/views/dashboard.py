"""The giao ban counts over what the user may see, per agency or per directive."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from chidao.api.inputs import DashboardQuery
from chidao.api.serializers import DashboardSerializer
from chidao.api.views.base import Guarded, valid
from chidao.common import clock
from chidao.tracking.dashboard import COLUMNS, LABELS, by_agency, by_document, totals
from chidao.tracking.permissions import visible_assignments


class DashboardView(Guarded):
    @extend_schema(
        summary="Số liệu giao ban theo đơn vị hoặc theo văn bản",
        parameters=[DashboardQuery],
        responses=DashboardSerializer,
    )
    def get(self, request: Request) -> Response:
        by = valid(DashboardQuery, request.query_params)["by"]
        qs = visible_assignments(request.user)
        today, soon = clock.today(), settings.CHIDAO_DUE_SOON_DAYS
        group = by_agency if by == "agency" else by_document
        data = {
            "today": today,
            "by": by,
            "columns": [{"key": c, "name": LABELS[c]} for c in COLUMNS],
            "totals": totals(qs, today, soon),
            "rows": group(qs, today, soon),
        }
        return Response(DashboardSerializer(data).data)
