"""The Office reminds chosen agencies now (đôn đốc): one filtered list, or one assignment.

The reminders are recorded like the daily run's (:func:`services.record_reminders`), and
mailed by a background job once the transaction commits (``jobs.send_reminder_mails``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from chidao.accounts.roles import is_office
from chidao.common.errors import ActionError, NotAllowed
from chidao.reminders.jobs import send_reminder_mails
from chidao.reminders.models import Kind, Reminder
from chidao.reminders.services import Wanted, record_reminders
from chidao.tracking.models import Assignment
from chidao.tracking.status import OPEN_STATES

# Reminding a whole filtered list at once is meant for a page of work, not for the city.
MAX_MANUAL = 1000


@dataclass
class ManualResult:
    reminded: list[Reminder]
    skipped: int
    flagged: int

    @property
    def agencies(self) -> int:
        return len({r.assignment.agency_id for r in self.reminded})


def remind_manually(
    user: Any, assignments: QuerySet[Assignment], today: date, note: str = ""
) -> ManualResult:
    """The Office reminds the agencies of ``assignments`` now. Only open assignments are
    reminded (awaiting, done, postponed and refused ones are skipped and counted)."""
    if not is_office(user):
        raise NotAllowed(_("Chỉ Văn phòng được đôn đốc nhiệm vụ."))
    chosen = list(
        assignments.select_related("task", "agency").order_by("agency_id", "id")[: MAX_MANUAL + 1]
    )
    if len(chosen) > MAX_MANUAL:
        raise ActionError(
            _("Danh sách có hơn %(count)s nhiệm vụ; hãy thu hẹp bộ lọc.")
            % {"count": f"{MAX_MANUAL:,}".replace(",", ".")}
        )
    open_ones = [a for a in chosen if a.state in OPEN_STATES]
    wanted = [Wanted(a, Kind.MANUAL, note.strip()) for a in open_ones]
    done = record_reminders(user, wanted, today)
    if done.reminders:
        ids = [r.pk for r in done.reminders]
        transaction.on_commit(lambda: _enqueue_mails(ids, today))
    return ManualResult(done.reminders, len(chosen) - len(open_ones), len(done.flagged))


def _enqueue_mails(ids: list[int], today: date) -> None:
    send_reminder_mails.enqueue(ids, today.isoformat())
