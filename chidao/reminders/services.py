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
from django.db.models import Count, F, Q, QuerySet
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
    with a history entry, a flag when the assignment reaches the configured number of
    reminders, and the day's notification of every officer of the agency
    (:func:`notify_officers`). One transaction."""
    made: list[Reminder] = []
    newly_flagged: list[Assignment] = []
    sender = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        for w in wanted:
            reminder = _create(w, day, sender)
            if reminder is None:
                continue
            made.append(reminder)
            record(
                sender,
                "assignment.reminded",
                reminder_text(reminder),
                assignment=w.assignment,
                after={"reminder": reminder.pk, "kind": reminder.kind},
            )
            if _flag_if_due(w.assignment):
                newly_flagged.append(w.assignment)
        notified = notify_officers(made, day)
    return Recorded(made, notified, newly_flagged)


# --- the day's notification of each agency ---------------------------------------------


def day_items(agency_id: int, day: date) -> QuerySet[Reminder]:
    """An agency's reminders of one day: what its officers' notification of that day lists."""
    return Reminder.objects.filter(assignment__agency_id=agency_id, day=day)


# the reasons as a bundled notification names them (stored text: Vietnamese)
WHY: dict[str, str] = {
    Kind.OVERDUE: "quá hạn",
    Kind.DUE_SOON: "sắp đến hạn",
    Kind.SILENT: "lâu chưa báo cáo",
    Kind.MANUAL: "Văn phòng đôn đốc",
}


def day_counts(agency_id: int, day: date) -> dict[str, int]:
    """How many tasks the agency's reminders of ``day`` name: ``n`` in all, and by kind."""
    by_kind = {k: Count("assignment", distinct=True, filter=Q(kind=k)) for k in Kind.values}
    counts: dict[str, int] = day_items(agency_id, day).aggregate(
        n=Count("assignment", distinct=True), **by_kind
    )
    return counts


def bundle_text(agency: Any, day: date, counts: dict[str, int]) -> str:
    """The notification line of an agency's day of several tasks, in Vietnamese."""
    why = ", ".join(f"{WHY[k]} {counts[k]}" for k in Kind.values if counts[k])
    return (
        f"Đôn đốc ngày {day:%d/%m/%Y}: {counts['n']} nhiệm vụ của {agency.name} cần khẩn "
        f"trương thực hiện ({why})."
    )


def notify_officers(made: Sequence[Reminder], day: date) -> int:
    """Raise (or raise again) the notification of ``day`` of every officer of each agency
    in ``made``: one per officer, agency and day, listing the agency's reminders of the
    day. How many rang: new ones, and read ones made unread again."""
    newest: dict[int, Reminder] = {}
    for r in made:
        newest[r.assignment.agency_id] = r
    officers = officers_by_agency(newest)
    rang = 0
    for agency_id, reminder in newest.items():
        users = officers.get(agency_id, [])
        if not users:
            continue
        a = reminder.assignment
        counts = day_counts(agency_id, day)
        single = counts["n"] <= 1
        text = reminder_text(reminder) if single else bundle_text(a.agency, day, counts)
        mine = Notification.objects.filter(agency_id=agency_id, day=day, user__in=users)
        seen = dict(mine.values_list("user_id", "read_at"))
        Notification.objects.bulk_create(
            [
                Notification(user=u, agency_id=agency_id, day=day, text=text)
                for u in users
                if u.pk not in seen
            ],
            ignore_conflicts=True,
        )
        mine.update(
            text=text,
            assignment=a if single else None,
            reminder=reminder if single else None,
            read_at=None,
            created_at=clock.now(),
        )
        rang += sum(1 for u in users if u.pk not in seen or seen[u.pk] is not None)
    return rang


@dataclass(frozen=True)
class DayList:
    """What a bundled notification shows: its first tasks, and how many there are."""

    first: list[Assignment]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.first)


def day_lists(pairs: Iterable[tuple[int, date]], first: int = 5) -> dict[tuple[int, date], DayList]:
    """For each (agency id, day): its reminded tasks, soonest deadline first. Two queries
    whatever the number of pairs (the task texts only of those shown)."""
    wanted = set(pairs)
    if not wanted:
        return {}
    match = Q()
    for agency_id, day in wanted:
        match |= Q(assignment__agency_id=agency_id, day=day)
    rows = (
        Reminder.objects.filter(match)
        .order_by(F("assignment__deadline").asc(nulls_last=True), "assignment_id")
        .values_list("assignment__agency_id", "day", "assignment_id")
    )
    ids: dict[tuple[int, date], list[int]] = {}
    for agency_id, day, pk in rows:
        got = ids.setdefault((agency_id, day), [])
        if pk not in got:
            got.append(pk)
    shown = Assignment.objects.select_related("task").in_bulk(
        [pk for got in ids.values() for pk in got[:first]]
    )
    return {
        key: DayList([shown[pk] for pk in got[:first] if pk in shown], len(got))
        for key, got in ids.items()
    }


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
