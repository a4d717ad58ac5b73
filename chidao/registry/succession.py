"""Who carries a task given to a body that no longer exists.

A directive keeps the names it was written with (the extraction does not change them);
a task registered from it that is due after a body was dissolved or merged goes to the
body that took over (``successor``, followed down the chain to one that exists on that
day). A body that ended without a successor, or that the administrator refused, takes
no new task: registration is refused with a message that says which and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from chidao.common.errors import ActionError
from chidao.registry.models import Agency, Standing


@dataclass(frozen=True)
class Ended:
    """What a review chip says of a body that can take no new task."""

    since: date | None  # the first day without it (None: refused by the administrator)
    successor: Agency | None
    refused: bool


def ended(agency: Agency, day: date) -> Ended | None:
    """Why ``agency`` can take no task due on ``day``, with who took over; None if it can."""
    if not agency.ended_before(day):
        return None
    since = None if agency.standing == Standing.REJECTED else agency.valid_to
    if since is not None:
        since = date.fromordinal(since.toordinal() + 1)
    return Ended(
        since=since,
        successor=successor_on(agency, day),
        refused=agency.standing == Standing.REJECTED,
    )


def successor_on(agency: Agency, day: date) -> Agency | None:
    """The body that carries ``agency``'s tasks due on ``day``: its successor, followed down
    the chain to the first one that can take them; None when the chain ends without one."""
    seen = {agency.pk}
    current = agency.successor
    while current is not None and current.pk not in seen:
        if not current.ended_before(day):
            return current
        seen.add(current.pk)
        current = current.successor
    return None


def reference_day(deadline: date | None, recurrence: str, today: date) -> date:
    """The day an assignment registered ``today`` must be carried out by: its deadline,
    or for a recurring task or one without a deadline, the registration day itself."""
    return deadline if deadline is not None and not recurrence else today


def carriers(
    agencies: Sequence[Agency], day: date, *, item: str
) -> tuple[list[int], list[tuple[Agency, Agency]]]:
    """The primary keys that take these assignees' task due on ``day`` (each body, or its
    successor; no body twice) and the replacements made, as (written, carrier).

    Raises ActionError naming ``item`` and the body when one ended without a successor.
    """
    pks: list[int] = []
    moved: list[tuple[Agency, Agency]] = []
    for a in agencies:
        why = ended(a, day)
        if why is not None and why.successor is None:
            raise ActionError(_refusal(a, why, item))
        carrier = why.successor if why is not None and why.successor is not None else a
        if carrier is not a:
            moved.append((a, carrier))
        if carrier.pk not in pks:
            pks.append(carrier.pk)
    return pks, moved


def _refusal(agency: Agency, why: Ended, item: str) -> str:
    if why.refused:
        return _(
            "%(item)s: “%(name)s” không được quản trị xác nhận là đơn vị trong danh mục; "
            "chọn đơn vị khác trước khi đăng ký."
        ) % {"item": item, "name": agency.name}
    return _(
        "%(item)s: “%(name)s” đã giải thể/sáp nhập từ %(since)s và không có đơn vị kế thừa; "
        "chọn đơn vị đang hoạt động trước khi đăng ký."
    ) % {
        "item": item,
        "name": agency.name,
        "since": why.since.strftime("%d/%m/%Y") if why.since else "",
    }
