"""Reminders (đôn đốc): recording them, the notifications and flags they raise, and what
the report and the pages ask of them.

Recording and mailing are two steps. :func:`record_reminders` writes the reminder rows,
the officers' notifications, the history entries and any new flag in one transaction;
:mod:`chidao.reminders.mail` then mails each agency its unsent rows and marks them sent.
A run that stops between the two resumes by mailing only what is still unsent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from chidao.accounts.models import Role
from chidao.accounts.roles import is_office
from chidao.audit.services import record
from chidao.common import clock
from chidao.common.errors import ActionError, NotAllowed
from chidao.reminders.models import Flag, Kind, Notification, Reminder
from chidao.tracking.models import Assignment


def reminder_counts(assignment_ids: Iterable[int]) -> dict[int, int]:
    """How many reminders each assignment got (only those with any), in one query."""
    ids = list(assignment_ids)
    if not ids:
        return {}
    rows = (
        Reminder.objects.filter(assignment_id__in=ids)
        .order_by()
        .values_list("assignment_id")
        .annotate(n=Count("id"))
    )
    return {pk: n for pk, n in rows}


def flagged(qs: QuerySet[Assignment]) -> QuerySet[Assignment]:
    """Those of ``qs`` flagged for the giao ban and not cleared."""
    return qs.filter(giao_ban_flag__isnull=False, giao_ban_flag__cleared_at__isnull=True)


def flag_threshold() -> int:
    return int(settings.CHIDAO_FLAG_AFTER_REMINDERS)


# --- recording -------------------------------------------------------------------------


@dataclass(frozen=True)
class Wanted:
    """One reminder to record: an assignment, why, and an optional note."""

    assignment: Assignment
    kind: str
    note: str = ""


@dataclass
class Recorded:
    reminders: list[Reminder]
    notifications: int
    flagged: list[Assignment]


def officers_by_agency(agency_ids: Iterable[int]) -> dict[int, list[Any]]:
    """Active officers of each agency, in one query."""
    users = get_user_model().objects.filter(
        is_active=True, profile__role=Role.OFFICER, profile__agency_id__in=set(agency_ids)
    )
    by_agency: dict[int, list[Any]] = {}
    for user in users.select_related("profile").order_by("pk"):
        agency_id = user.profile.agency_id
        if agency_id is not None:
            by_agency.setdefault(agency_id, []).append(user)
    return by_agency


def reminder_text(reminder: Reminder) -> str:
    """The notification (and history) line of a reminder, in Vietnamese."""
    a = reminder.assignment
    task = a.task.text if len(a.task.text) <= 120 else a.task.text[:119] + "…"
    deadline = a.deadline.strftime("%d/%m/%Y") if a.deadline else ""
    if reminder.kind == Kind.OVERDUE:
        why = f"đã quá hạn (thời hạn {deadline})"
    elif reminder.kind == Kind.DUE_SOON:
        why = f"sắp đến hạn ({deadline})"
    elif reminder.kind == Kind.SILENT:
        why = "đã lâu chưa có báo cáo tiến độ"
    else:
        note = reminder.note.strip().rstrip(".")
        why = "được Văn phòng đôn đốc" + (f": {note}" if note else "")
    return f"Đôn đốc: nhiệm vụ «{task}» {why}."


def record_reminders(actor: Any, wanted: Sequence[Wanted], day: date) -> Recorded:
    """Record each wanted reminder once (automatic kinds: once per assignment, kind, day),
    with a notification to every officer of the agency, a history entry, and a flag when
    the assignment reaches the configured number of reminders. One transaction."""
    officers = officers_by_agency(w.assignment.agency_id for w in wanted)
    made: list[Reminder] = []
    notes: list[Notification] = []
    newly_flagged: list[Assignment] = []
    sender = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        for w in wanted:
            reminder = _create(w, day, sender)
            if reminder is None:
                continue
            made.append(reminder)
            text = reminder_text(reminder)
            for user in officers.get(w.assignment.agency_id, []):
                notes.append(
                    Notification(user=user, assignment=w.assignment, reminder=reminder, text=text)
                )
            record(
                sender,
                "assignment.reminded",
                text,
                assignment=w.assignment,
                after={"reminder": reminder.pk, "kind": reminder.kind},
            )
            if _flag_if_due(w.assignment):
                newly_flagged.append(w.assignment)
        Notification.objects.bulk_create(notes)
    return Recorded(made, len(notes), newly_flagged)


def _create(w: Wanted, day: date, sender: Any) -> Reminder | None:
    """A new reminder row, or None when this automatic reminder exists for the day."""
    if w.kind == Kind.MANUAL:
        return Reminder.objects.create(
            assignment=w.assignment, kind=w.kind, day=day, sent_by=sender, note=w.note
        )
    reminder, created = Reminder.objects.get_or_create(
        assignment=w.assignment, kind=w.kind, day=day, defaults={"note": w.note}
    )
    return reminder if created else None


def _flag_if_due(a: Assignment) -> bool:
    """Flag ``a`` for the giao ban once it has had enough reminders (since a flag was last
    cleared). True when it was flagged now."""
    flag = Flag.objects.select_for_update().filter(assignment=a).first()
    if flag is not None and flag.cleared_at is None:
        return False
    reminders = Reminder.objects.filter(assignment=a)
    since = reminders.filter(created_at__gt=flag.cleared_at) if flag is not None else reminders
    counted = since.count()
    if counted < flag_threshold():
        return False
    total = reminders.count()
    now = clock.now()
    if flag is None:
        Flag.objects.create(assignment=a, flagged_at=now, reminders=total)
    else:
        flag.flagged_at, flag.reminders, flag.cleared_at, flag.cleared_by = now, total, None, None
        flag.save()
    record(
        None,
        "assignment.flagged",
        f"Đưa ra giao ban sau {counted} lần đôn đốc.",
        assignment=a,
        after={"reminders": total},
    )
    return True


# --- the Office's steps ----------------------------------------------------------------


def clear_flag(user: Any, flag: Flag) -> Flag:
    """The Office takes an assignment off the giao ban list (it stays in the history)."""
    if not is_office(user):
        raise NotAllowed(_("Chỉ Văn phòng được gỡ nhiệm vụ khỏi danh sách giao ban."))
    with transaction.atomic():
        flag = Flag.objects.select_for_update().select_related("assignment__task").get(pk=flag.pk)
        if flag.cleared_at is not None:
            raise ActionError(_("Nhiệm vụ này đã được gỡ khỏi danh sách giao ban."))
        flag.cleared_at = clock.now()
        flag.cleared_by = user
        flag.save(update_fields=["cleared_at", "cleared_by"])
        record(
            user,
            "assignment.flag_cleared",
            "Gỡ khỏi danh sách đưa ra giao ban.",
            assignment=flag.assignment,
            before={"flagged_at": flag.flagged_at},
            after={"cleared_at": flag.cleared_at},
        )
    return flag


# --- notifications ---------------------------------------------------------------------


def unread_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(user: Any, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (``ids``, or all of them); how many changed."""
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=clock.now())
