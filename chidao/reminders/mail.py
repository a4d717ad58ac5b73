"""Reminder mails: one per agency per run, listing its assignments, through Django's
mail backend (SMTP in production).

Each agency's unsent reminders are claimed (row locks where the database has them), its
mail sent, and the rows marked sent in the same transaction; a failure leaves them unsent
with the error, for the next run. So a run that dies halfway resumes with the agencies
whose mail had not left yet.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse

from chidao.common import clock
from chidao.registry.models import Agency
from chidao.reminders.models import Kind, Reminder
from chidao.reminders.services import officers_by_agency

log = logging.getLogger(__name__)

NO_ADDRESS = "Đơn vị chưa có địa chỉ thư điện tử (cán bộ hoặc đơn vị)."


@dataclass
class MailResult:
    sent: int = 0  # mails that left
    failed: int = 0  # mails the server refused or could not take
    problems: list[tuple[str, str]] = field(default_factory=list)  # (agency, why), each
    without_address: list[str] = field(default_factory=list)  # agencies nobody to write to

    @property
    def no_address(self) -> int:
        return len(self.without_address)


@dataclass
class Line:
    """One assignment in a mail, with every reason it is reminded."""

    assignment: Any
    kinds: list[str]
    notes: list[str]
    url: str


def recipients(agency: Agency, officers: list[Any]) -> list[str]:
    """The officers' addresses and the agency's own, each once."""
    found = [u.email for u in officers if u.email] + ([agency.email] if agency.email else [])
    return list(dict.fromkeys(a.strip().lower() for a in found if a.strip()))


def assignment_url(pk: int) -> str:
    base = str(settings.CHIDAO_BASE_URL).rstrip("/")
    return base + reverse("tracking:assignment_detail", args=[pk])


def compose(agency: Agency, rows: list[Reminder], to: list[str], today: date) -> EmailMessage:
    lines: dict[int, Line] = {}
    labels = {k: str(label) for k, label in Kind.choices}  # in the active language
    for r in sorted(rows, key=lambda r: (r.assignment.deadline or date.max, r.assignment_id)):
        line = lines.setdefault(
            r.assignment_id, Line(r.assignment, [], [], assignment_url(r.assignment_id))
        )
        if labels[r.kind] not in line.kinds:
            line.kinds.append(labels[r.kind])
        if r.note:
            line.notes.append(r.note)
    context = {"agency": agency, "lines": list(lines.values()), "today": today}
    subject = render_to_string("reminders/email/subject.txt", context).strip()
    body = render_to_string("reminders/email/body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=to)


def send_unsent(
    rows: QuerySet[Reminder], today: date, skip_agencies: set[int] | None = None
) -> MailResult:
    """Mail each agency the reminders of ``rows`` not mailed yet, one mail per agency;
    the agencies of ``skip_agencies`` are left for a later run."""
    result = MailResult()
    unsent = rows.filter(email_sent_at__isnull=True)
    agency_ids = sorted(set(unsent.values_list("assignment__agency_id", flat=True)))
    agency_ids = [pk for pk in agency_ids if pk not in (skip_agencies or set())]
    if not agency_ids:
        return result
    officers = officers_by_agency(agency_ids)
    agencies = Agency.objects.in_bulk(agency_ids)
    connection = get_connection()
    try:
        for agency_id in agency_ids:
            agency = agencies[agency_id]
            _send_agency(connection, unsent, agency, officers.get(agency_id, []), today, result)
    finally:
        connection.close()
    return result


def _send_agency(
    connection: Any,
    unsent: QuerySet[Reminder],
    agency: Agency,
    officers: list[Any],
    today: date,
    result: MailResult,
) -> None:
    with transaction.atomic():
        claimed = list(
            unsent.filter(assignment__agency_id=agency.pk)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("assignment__task", "assignment__document")
        )
        if not claimed:
            return  # another run has them
        ids = [r.pk for r in claimed]
        to = recipients(agency, officers)
        if not to:
            Reminder.objects.filter(pk__in=ids).update(email_error=NO_ADDRESS)
            result.without_address.append(agency.name)
            result.problems.append((agency.name, NO_ADDRESS))
            return
        message = compose(agency, claimed, to, today)
        message.connection = connection
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as exc:
            log.warning("reminder mail to %s failed: %s", agency.name, exc)
            why = str(exc)[:1000] or exc.__class__.__name__
            Reminder.objects.filter(pk__in=ids).update(email_to=", ".join(to), email_error=why)
            result.failed += 1
            result.problems.append((agency.name, why))
            return
        Reminder.objects.filter(pk__in=ids).update(
            email_sent_at=clock.now(), email_to=", ".join(to), email_error=""
        )
        result.sent += 1
