"""The reminder box on an assignment's page: how often it was reminded, its giao ban
flag, and the Office's "Đôn đốc" button; the daily run's warning on the dashboard."""

from __future__ import annotations

from typing import Any

from django import template

from chidao.accounts.roles import is_office
from chidao.reminders import runs
from chidao.reminders.forms import NoteForm
from chidao.reminders.models import Flag, Reminder
from chidao.tracking.models import Assignment
from chidao.tracking.status import OPEN_STATES

register = template.Library()


@register.inclusion_tag("reminders/_box.html", takes_context=True)
def reminder_box(context: template.Context, a: Assignment) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    reminders = list(
        Reminder.objects.filter(assignment=a).select_related("sent_by").order_by("-created_at")[:5]
    )
    return {
        "a": a,
        "reminders": reminders,
        "count": Reminder.objects.filter(assignment=a).count() if reminders else 0,
        "flag": Flag.objects.filter(assignment=a, cleared_at__isnull=True).first(),
        "can_remind": is_office(user) and a.state in OPEN_STATES,
        "can_clear": is_office(user),
        "form": NoteForm(auto_id="don-doc-%s"),
        "next": request.get_full_path() if request is not None else "",
    }


@register.inclusion_tag("reminders/_run_notice.html", takes_context=True)
def daily_run_notice(context: template.Context) -> dict[str, Any]:
    """For the Office: a warning when no daily run has completed by 09:00 today, or when
    today's left mails unsent (one small query; nothing for anyone else)."""
    request = context.get("request")
    if not is_office(getattr(request, "user", None)):
        return {"today": None}
    return {"today": runs.today_at()}
