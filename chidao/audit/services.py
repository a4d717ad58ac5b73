"""Record a change. Called inside the transaction that makes the change, so a change
and its history entry land together or not at all."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from chidao.audit.models import HistoryEntry


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, model instances as their primary key, containers recursively."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    if hasattr(value, "pk"):
        return value.pk
    return value


def record(
    actor: Any,
    action: str,
    summary: str,
    *,
    document: Any = None,
    task: Any = None,
    assignment: Any = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> HistoryEntry:
    """Append one entry. ``before``/``after`` hold only the fields that changed."""
    if assignment is not None and task is None:
        task = assignment.task
    if task is not None and document is None:
        document = task.document
    user = actor if getattr(actor, "is_authenticated", False) else None
    return HistoryEntry.objects.create(
        actor=user,
        action=action,
        summary=summary[:500],
        document=document,
        task=task,
        assignment=assignment,
        before=jsonable(before) if before is not None else None,
        after=jsonable(after) if after is not None else None,
    )


def changed(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields whose values differ, as (before, after)."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}
