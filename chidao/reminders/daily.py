"""The daily run: which assignments are reminded today, and the run itself.

Three reasons, by deadline, so an assignment gets at most one automatic reminder a day:

- quá hạn (overdue): an open assignment past its deadline; reminded on the first day and
  again every ``CHIDAO_REMIND_REPEAT_DAYS`` days (default 7) while it stays overdue;
- sắp đến hạn (due soon): deadline today or within ``CHIDAO_REMIND_DUE_DAYS`` days;
  reminded once in that window;
- lâu chưa báo cáo (silent): no deadline, or one further away than the due-soon window,
  and no report (or, without any, no assignment) for ``CHIDAO_REMIND_SILENT_DAYS`` days:
  nothing since the start of the day M days ago; reminded again every M days.

Only open assignments (chưa thực hiện, đang thực hiện, thực hiện lại) are reminded:
awaiting confirmation, done, postponed and refused ones are the Office's business.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from chidao.common import clock
from chidao.reminders import mail
from chidao.reminders.models import DailyRun, Kind, Reminder
from chidao.reminders.services import Wanted, record_reminders
from chidao.tracking.models import Assignment
from chidao.tracking.status import OPEN_STATES

log = logging.getLogger(__name__)

CHUNK = 500  # reminders recorded per transaction
MAIL_RETRY_DAYS = 2  # a mail that failed is retried by the next runs for this many days


@dataclass(frozen=True)
class Rules:
    due_days: int
    silent_days: int
    repeat_days: int

    @classmethod
    def from_settings(cls) -> Rules:
        return cls(
            due_days=int(settings.CHIDAO_REMIND_DUE_DAYS),
            silent_days=int(settings.CHIDAO_REMIND_SILENT_DAYS),
            repeat_days=max(1, int(settings.CHIDAO_REMIND_REPEAT_DAYS)),
        )


def _reminded_since(kind: str, since: date) -> Exists:
    return Exists(Reminder.objects.filter(assignment=OuterRef("pk"), kind=kind, day__gte=since))


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def selections(today: date, rules: Rules) -> dict[str, QuerySet[Assignment]]:
    """The assignments to remind on ``today``, by kind (disjoint)."""
    # a body dissolved or merged before today has no one to remind (its open tasks stay on
    # the Office's lists, to close or give to another body)
    base = Assignment.objects.filter(state__in=OPEN_STATES).exclude(agency__valid_to__lt=today)
    window_end = today + timedelta(days=rules.due_days)
    overdue = base.filter(deadline__lt=today).exclude(
        _reminded_since(Kind.OVERDUE, today - timedelta(days=rules.repeat_days - 1))
    )
    due_soon = base.filter(deadline__gte=today, deadline__lte=window_end).exclude(
        _reminded_since(Kind.DUE_SOON, today - timedelta(days=rules.due_days))
    )
    quiet_since = start_of(today - timedelta(days=rules.silent_days))
    silent = (
        base.filter(Q(deadline__isnull=True) | Q(deadline__gt=window_end))
        .alias(last_heard=Coalesce("last_report_at", "created_at"))
        .filter(last_heard__lt=quiet_since)
        .exclude(_reminded_since(Kind.SILENT, today - timedelta(days=rules.silent_days - 1)))
    )
    return {Kind.OVERDUE: overdue, Kind.DUE_SOON: due_soon, Kind.SILENT: silent}


def wanted_today(today: date, rules: Rules) -> Iterator[list[Wanted]]:
    """Today's reminders in chunks. The ids are read first, so recording a chunk never
    changes what a still-open cursor returns."""
    ids = [
        (kind, pk)
        for kind, qs in selections(today, rules).items()
        for pk in qs.order_by("agency_id", "id").values_list("pk", flat=True)
    ]
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        rows = Assignment.objects.select_related("task", "agency").in_bulk([pk for _k, pk in part])
        yield [Wanted(rows[pk], kind) for kind, pk in part if pk in rows]


@dataclass
class DailyResult:
    day: date
    reminded: dict[str, int] = field(default_factory=dict)
    notifications: int = 0
    flagged: int = 0
    mail: mail.MailResult = field(default_factory=mail.MailResult)

    def as_dict(self) -> dict[str, int | str]:
        return {
            "day": self.day.isoformat(),
            **{f"reminded_{k}": n for k, n in self.reminded.items()},
            "notifications": self.notifications,
            "flagged": self.flagged,
            "mails_sent": self.mail.sent,
            "mails_failed": self.mail.failed,
            "agencies_without_address": self.mail.no_address,
            "problems": len(self.mail.problems),
        }


def run_daily(today: date, rules: Rules | None = None) -> DailyResult:
    """Record today's reminders (committed chunk by chunk), then mail every agency its
    unsent ones, and keep a :class:`DailyRun` of it (also when it stops on an error).
    Safe to run again: nothing already recorded or mailed is repeated, and an agency
    mailed by today's run already gets what is new in tomorrow's mail."""
    run = DailyRun.objects.create(day=today)
    result = DailyResult(today, reminded={k: 0 for k in (Kind.OVERDUE, Kind.DUE_SOON, Kind.SILENT)})
    try:
        _remind(today, rules or Rules.from_settings(), result)
    except BaseException as exc:  # a killed worker too: the record says why it stopped
        try:
            _keep(run, result, error=f"{exc.__class__.__name__}: {exc}"[:2000])
        except Exception:  # the database itself may be what failed; keep the first error
            log.exception("could not record the failed daily run %s", run.pk)
        raise
    _keep(run, result)
    return result


def _remind(today: date, rules: Rules, result: DailyResult) -> None:
    for chunk in wanted_today(today, rules):
        done = record_reminders(None, chunk, today)
        for r in done.reminders:
            result.reminded[r.kind] += 1
        result.notifications += done.notifications
        result.flagged += len(done.flagged)
    since = today - timedelta(days=MAIL_RETRY_DAYS)
    unsent = Reminder.objects.filter(email_sent_at__isnull=True, day__gte=since)
    result.mail = mail.send_unsent(unsent, today, skip_agencies=mailed_on(today))


def mailed_on(day: date) -> set[int]:
    """Agencies a daily mail already reached on ``day`` (the Office's own reminders are
    mailed apart and do not count)."""
    sent = Reminder.objects.filter(day=day, email_sent_at__isnull=False).exclude(kind=Kind.MANUAL)
    return set(sent.values_list("assignment__agency_id", flat=True).distinct())


def _keep(run: DailyRun, result: DailyResult, error: str = "") -> None:
    m = result.mail
    run.finished_at = clock.now()
    run.reminders = sum(result.reminded.values())
    run.notifications = result.notifications
    run.mails_sent, run.mails_failed = m.sent, m.failed
    run.flagged = result.flagged
    run.problems = [{"agency": agency, "reason": why} for agency, why in m.problems]
    run.error = error
    run.save()
