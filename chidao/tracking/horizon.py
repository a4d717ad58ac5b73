"""How far ahead a deadline may lie: ``CHIDAO_DEADLINE_HORIZON_YEARS`` (5) after the date
of the directive that gave the task.

A deadline years beyond that (an extension "to 31/12/9999", a typed 2062 for 2026) is a
slip, and it would keep the task "in time" on every giao ban; it is refused with the
latest day allowed. The directive's date is the day it was issued, or the day it was
uploaded when its date is unknown. Checked wherever a deadline is set by a person: the
review (edit, add, registration), an extension asked for and one granted.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from chidao.common.errors import ActionError


def years() -> int:
    return int(settings.CHIDAO_DEADLINE_HORIZON_YEARS)


def document_date(document: Any) -> date:
    """The directive's date: issued on, else uploaded on (local date)."""
    if document.issued_on is not None:
        issued: date = document.issued_on
        return issued
    return timezone.localdate(document.uploaded_at)


def latest_deadline(start: date) -> date:
    """``start`` plus the horizon in years (29 February falls back to the 28th)."""
    try:
        return start.replace(year=start.year + years())
    except ValueError:
        return start.replace(year=start.year + years(), day=28)


def check(deadline: date | None, document: Any) -> None:
    """Raise ActionError when ``deadline`` lies beyond the horizon of ``document``."""
    if deadline is None:
        return
    start = document_date(document)
    latest = latest_deadline(start)
    if deadline > latest:
        raise ActionError(
            _(
                "Thời hạn %(deadline)s quá xa: không được muộn hơn %(years)s năm kể từ ngày "
                "văn bản (%(start)s), tức là chậm nhất ngày %(latest)s."
            )
            % {
                "deadline": f"{deadline:%d/%m/%Y}",
                "years": years(),
                "start": f"{start:%d/%m/%Y}",
                "latest": f"{latest:%d/%m/%Y}",
            }
        )
