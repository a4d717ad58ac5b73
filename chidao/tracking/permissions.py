"""What a user may see: the querysets every page and endpoint starts from.

Looking an object up through these (``get_object_or_404(visible_assignments(user), pk=…)``)
is what makes another agency's rows answer 404, whether reached by link, by API or by
guessing ids.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from chidao.accounts.roles import agency_id_of, sees_everything
from chidao.tracking.models import Assignment, Attachment, ExtensionRequest, Report, Task


def visible_assignments(user: Any) -> QuerySet[Assignment]:
    qs = Assignment.objects.all()
    if sees_everything(user):
        return qs
    agency = agency_id_of(user)
    return qs.filter(agency_id=agency) if agency is not None else qs.none()


def visible_tasks(user: Any) -> QuerySet[Task]:
    """Tasks with an assignment of the user's agency, and recurring series with such an
    instance (a series itself carries no assignments)."""
    qs = Task.objects.all()
    if sees_everything(user):
        return qs
    agency = agency_id_of(user)
    if agency is None:
        return qs.none()
    mine = Assignment.objects.filter(agency_id=agency)
    return qs.filter(Q(pk__in=mine.values("task_id")) | Q(pk__in=mine.values("task__series_id")))


def visible_reports(user: Any) -> QuerySet[Report]:
    return Report.objects.filter(assignment__in=visible_assignments(user))


def visible_attachments(user: Any) -> QuerySet[Attachment]:
    return Attachment.objects.filter(report__assignment__in=visible_assignments(user))


def visible_extensions(user: Any) -> QuerySet[ExtensionRequest]:
    return ExtensionRequest.objects.filter(assignment__in=visible_assignments(user))
