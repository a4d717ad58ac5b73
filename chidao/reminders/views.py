"""Pages of reminders: the Office's đôn đốc list and its daily runs, the giao ban list,
notifications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from chidao.accounts.decorators import office_only, require_office
from chidao.accounts.roles import agency_id_of, is_office
from chidao.common import clock
from chidao.common.errors import ActionError
from chidao.common.params import is_id
from chidao.reminders import manual, runs, services
from chidao.reminders.forms import NoteForm, RemindForm
from chidao.reminders.models import Flag, Kind, Notification, Reminder
from chidao.tracking import dashboard
from chidao.tracking.models import Assignment, State
from chidao.tracking.permissions import visible_assignments
from chidao.tracking.queries import STANDING_TABS, ListFilters, Row, apply_filters, page_of
from chidao.tracking.status import OPEN_STATES, Standing
from chidao.tracking.views_lists import Choice, agency_choices


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    ok = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and ok else default


@dataclass(frozen=True)
class RemindRow:
    row: Row
    reminders: int
    flagged: bool

    @property
    def can_remind(self) -> bool:
        return self.row.assignment.state in OPEN_STATES


@office_only
def index(request: HttpRequest) -> HttpResponse:
    """Assignments filtered like the list of tasks, to remind one, several or all."""
    today = clock.today()
    f = ListFilters.from_query(request.GET)
    page = page_of(
        apply_filters(visible_assignments(request.user), f, today), f.page, today, f.soon_days
    )
    ids = [row.assignment.pk for row in page.rows]
    counts = services.reminder_counts(ids)
    flags = set(
        services.flagged(Assignment.objects.filter(pk__in=ids)).values_list("pk", flat=True)
    )
    context = {
        "filters": f,
        "page": page,
        "rows": [
            RemindRow(row, counts.get(row.assignment.pk, 0), row.assignment.pk in flags)
            for row in page.rows
        ],
        "today": today,
        "form": RemindForm(),
        "agencies": agency_choices(f),
        "states": [Choice(v, str(label)) for v, label in State.choices],
        "standings": [Choice(n, _(Standing.LABELS[n])) for n in STANDING_TABS],
        "buckets": [Choice(n, _(dashboard.LABELS[n])) for n in dashboard.COLUMNS],
        "day": _day_summary(today),
        "max_all": manual.MAX_MANUAL,
    }
    return render(request, "reminders/index.html", context)


def _day_summary(today: Any) -> dict[str, int]:
    """Today's reminders by kind, and those whose mail has not left (one query)."""
    aggs = {k: Count("pk", filter=Q(kind=k)) for k in Kind.values}
    aggs["unsent"] = Count("pk", filter=Q(email_sent_at__isnull=True))
    summary: dict[str, int] = Reminder.objects.filter(day=today).aggregate(**aggs)
    summary["flagged"] = services.flagged(Assignment.objects.all()).count()
    return summary


def _report(request: HttpRequest, result: manual.ManualResult) -> None:
    n = len(result.reminded)
    if n:
        messages.success(
            request,
            ngettext(
                "Đã đôn đốc %(n)d nhiệm vụ của %(a)d đơn vị; thư điện tử được gửi tới đơn vị.",
                "Đã đôn đốc %(n)d nhiệm vụ của %(a)d đơn vị; thư điện tử được gửi tới đơn vị.",
                n,
            )
            % {"n": n, "a": result.agencies},
        )
    if result.skipped:
        messages.warning(
            request,
            _(
                "%(n)d nhiệm vụ không đôn đốc vì đã hoàn thành, chờ xác nhận, tạm hoãn hoặc "
                "bị từ chối."
            )
            % {"n": result.skipped},
        )
    if result.flagged:
        messages.warning(
            request,
            _("%(n)d nhiệm vụ đã được đưa vào danh sách giao ban.") % {"n": result.flagged},
        )


@office_only
@require_POST
def remind(request: HttpRequest) -> HttpResponse:
    """Remind the checked assignments, or every one the list's filters select."""
    today = clock.today()
    f = ListFilters.from_query(request.GET)
    back = reverse("reminders:index") + (f"?{f.query()}" if f.query() else "")
    form = RemindForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(back)
    qs = apply_filters(visible_assignments(request.user), f, today)
    if form.cleaned_data["scope"] == RemindForm.SELECTED:
        qs = visible_assignments(request.user).filter(pk__in=form.cleaned_data["ids"])
    try:
        result = manual.remind_manually(request.user, qs, today, form.cleaned_data["note"])
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        _report(request, result)
    return redirect(back)


@login_required
@require_POST
def remind_one(request: HttpRequest, pk: int) -> HttpResponse:
    """Remind the agency of one assignment (from the list or the assignment's page)."""
    a = get_object_or_404(visible_assignments(request.user), pk=pk)
    require_office(request.user)
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        result = manual.remind_manually(
            request.user, Assignment.objects.filter(pk=a.pk), clock.today(), note
        )
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        _report(request, result)
    return redirect(_next_url(request, reverse("tracking:assignment_detail", args=[a.pk])))


@office_only
def daily_runs(request: HttpRequest) -> HttpResponse:
    """Nhật ký đôn đốc tự động: the recent daily runs, what each sent and what failed."""
    return render(request, "reminders/runs.html", {"runs": runs.recent(), "today": clock.today()})


@login_required
def flagged_list(request: HttpRequest) -> HttpResponse:
    """Nhiệm vụ đưa ra giao ban: flagged and not cleared, those the user may see."""
    qs = services.flagged(visible_assignments(request.user))
    rows = (
        qs.select_related("task", "document", "agency", "giao_ban_flag")
        .annotate(n_reminders=Count("reminders"), last_reminded=Max("reminders__day"))
        .order_by("-giao_ban_flag__flagged_at", "id")
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {"page": page, "today": clock.today(), "can_clear": is_office(request.user)}
    return render(request, "reminders/flagged.html", context)


@login_required
@require_POST
def clear_flag(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_object_or_404(visible_assignments(request.user), pk=pk)
    flag = get_object_or_404(Flag, assignment=a)
    require_office(request.user)
    try:
        services.clear_flag(request.user, flag)
    except ActionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã gỡ nhiệm vụ khỏi danh sách đưa ra giao ban."))
    return redirect(_next_url(request, reverse("reminders:flagged")))


# --- notifications ---------------------------------------------------------------------


def _notifications(request: HttpRequest) -> QuerySet[Notification]:
    user: Any = request.user
    return Notification.objects.filter(user=user)


def _day_key(note: Notification) -> tuple[int, date] | None:
    """(agency, day) of a notification that lists several tasks of one day, else None."""
    if note.agency_id is None or note.day is None or note.assignment_id is not None:
        return None
    return (note.agency_id, note.day)


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """The user's notifications, newest first; ``?chua-doc=1`` shows the unread only."""
    unread_only = request.GET.get("chua-doc") == "1"
    qs = _notifications(request).select_related("assignment__agency", "agency")
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    page = Paginator(qs.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    keys = {n.pk: _day_key(n) for n in page}
    lists = services.day_lists(key for key in keys.values() if key is not None)
    rows = [(n, lists.get(key) if (key := keys[n.pk]) else None) for n in page]
    context = {"page": page, "rows": rows, "unread_only": unread_only}
    return render(request, "reminders/notifications.html", context)


@login_required
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go to its assignment; a day's notification, to the
    one of its tasks named by ``?assignment=``, else to the agency's list."""
    note = get_object_or_404(_notifications(request), pk=pk)
    services.mark_read(request.user, [note.pk])
    if note.assignment_id is not None:
        return redirect("tracking:assignment_detail", pk=note.assignment_id)
    chosen = request.GET.get("assignment", "")
    if note.agency_id and note.day and is_id(chosen):
        listed = services.day_items(note.agency_id, note.day).filter(assignment_id=int(chosen))
        if listed.exists():
            return redirect("tracking:assignment_detail", pk=int(chosen))
    if note.agency_id is not None and agency_id_of(request.user) == note.agency_id:
        return redirect("tracking:my_assignments")  # the day's tasks of one's own agency
    return redirect("reminders:notifications")


@login_required
@require_POST
def read(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_object_or_404(_notifications(request), pk=pk)
    services.mark_read(request.user, [note.pk])
    return redirect(_next_url(request, reverse("reminders:notifications")))


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    n = services.mark_read(request.user)
    if n:
        messages.success(request, _("Đã đánh dấu %(n)d thông báo là đã đọc.") % {"n": n})
    return redirect(_next_url(request, reverse("reminders:notifications")))
