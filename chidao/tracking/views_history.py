"""History as the pages show it: who, when, what, and each changed value before → after.

Read only: these helpers only select and format :class:`HistoryEntry` rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chidao.audit.models import HistoryEntry
from chidao.registry.models import Agency
from chidao.tracking.models import Assignment, State, Task

_STATE_LABELS = dict(State.choices)
_FIELD_LABELS = {
    "state": gettext_lazy("Trạng thái"),
    "deadline": gettext_lazy("Thời hạn"),
    "done_on": gettext_lazy("Ngày hoàn thành"),
    "progress": gettext_lazy("Tiến độ"),
    "agency_id": gettext_lazy("Đơn vị"),
    "agencies": gettext_lazy("Đơn vị được giao"),
    "requested_deadline": gettext_lazy("Thời hạn đề nghị"),
    # a document's facts, as the Office corrects them (chidao/documents/facts.py)
    "kind": gettext_lazy("Loại văn bản"),
    "number": gettext_lazy("Số, ký hiệu"),
    "issued_on": gettext_lazy("Ngày ban hành"),
    "issuer": gettext_lazy("Cơ quan ban hành"),
    "signer": gettext_lazy("Người ký"),
    "subject": gettext_lazy("Trích yếu"),
}
_DATE_FIELDS = {"deadline", "done_on", "requested_deadline", "issued_on"}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Item:
    entry: HistoryEntry
    changes: list[Change] = field(default_factory=list)

    @property
    def actor(self) -> str:
        user = self.entry.actor
        if user is None:
            return _("Hệ thống")
        return str(user.get_full_name() or user.get_username())


def for_assignment(a: Assignment) -> QuerySet[HistoryEntry]:
    return HistoryEntry.objects.filter(assignment=a)


def for_task(task: Task, assignments: QuerySet[Assignment]) -> QuerySet[HistoryEntry]:
    """The task's own entries and those of ``assignments`` (the ones the user sees)."""
    return HistoryEntry.objects.filter(
        Q(task=task, assignment__isnull=True) | Q(assignment__in=assignments.values("pk"))
    )


def timeline(entries: QuerySet[HistoryEntry], *, show_agencies: bool = True) -> list[Item]:
    """Entries oldest first, each with its changes as labelled, formatted values.

    ``show_agencies=False`` leaves out the list of every agency a task was given to, for
    users who see only their own agency's assignment.
    """
    rows = list(entries.select_related("actor", "assignment__agency").order_by("at", "id"))
    names = _agency_names(rows)
    items = []
    for entry in rows:
        changes = []
        keys = _keys(entry.before, entry.after)
        for key in keys:
            if key == "agencies" and not show_agencies:
                continue
            changes.append(
                Change(
                    str(_FIELD_LABELS.get(key, key)),
                    _format(key, (entry.before or {}).get(key), names),
                    _format(key, (entry.after or {}).get(key), names),
                )
            )
        items.append(Item(entry, changes))
    return items


def _keys(before: Any, after: Any) -> list[str]:
    keys: list[str] = []
    for values in (before, after):
        if isinstance(values, dict):
            keys.extend(k for k in values if k not in keys)
    return keys


def _agency_ids(value: Any) -> list[int]:
    if isinstance(value, int):
        return [value]
    if isinstance(value, str):
        return [int(p) for p in value.replace(",", " ").split() if p.isdigit()]
    return []


def _agency_names(entries: Iterable[HistoryEntry]) -> dict[int, str]:
    ids: set[int] = set()
    for e in entries:
        for values in (e.before, e.after):
            if isinstance(values, dict):
                for key in ("agency_id", "agencies"):
                    ids.update(_agency_ids(values.get(key)))
    if not ids:
        return {}
    return dict(Agency.objects.filter(pk__in=ids).values_list("pk", "name"))


def _format(key: str, value: Any, names: dict[int, str]) -> str:
    if value is None or value == "":
        return "—"
    if key == "state":
        return str(_STATE_LABELS.get(str(value), str(value)))  # lazy labels: translated
    if key in _DATE_FIELDS:
        try:
            return date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        except ValueError:
            return str(value)
    if key == "progress":
        return f"{value}%"
    if key in ("agency_id", "agencies"):
        ids = _agency_ids(value)
        return ", ".join(names.get(i, f"#{i}") for i in ids) or str(value)
    return str(value)
