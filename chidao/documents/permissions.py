"""Which directives a user may see: the queryset every page and endpoint starts from.

Looked up through this (``get_object_or_404(visible_documents(user), pk=…)``), another
agency's directive answers 404, whether reached by link, by API or by guessing ids.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from chidao.accounts.roles import agency_id_of, role_of, sees_everything
from chidao.tracking.models import Assignment

from .models import Document


def visible_documents(user: Any) -> QuerySet[Document]:
    """Office and city leaders: every document. Agencies: documents that give them a task."""
    qs = Document.objects.all()
    if sees_everything(user):
        return qs
    agency = agency_id_of(user)
    if agency is None or role_of(user) is None:
        return qs.none()
    # a subquery, not a join with DISTINCT: no SELECT DISTINCT over the documents' text
    return qs.filter(pk__in=Assignment.objects.filter(agency_id=agency).values("document_id"))
