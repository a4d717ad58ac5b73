"""The time, in one place: every stamp the application writes and every "today" it reads.

Services, views and commands call :func:`now` or :func:`today` here, never
``timezone.now()`` or ``date.today()`` themselves; the models' time stamps take
``default=clock.stamp`` (and a ``save()`` that sets ``clock.now()`` where the stamp follows
each change), not Django's ``auto_now`` / ``auto_now_add``, which read the real time. A test
sets the time by patching :func:`now` alone (tests/web/tracking_support.set_today); today()
and every stamp follow it. tests/web/test_clock.py keeps it so. The extraction library
(chidao/extract) takes ``today`` as an argument and never reads the clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.conf import settings
from django.utils import timezone


def now() -> datetime:
    """The current instant (aware, UTC). Outside a configured Django project (the
    stand-alone ``chidao extract`` command) the machine's clock, also aware."""
    if not settings.configured:
        return datetime.now(UTC)
    return timezone.now()


def today() -> date:
    """The date of :func:`now` in the configured time zone (Asia/Ho_Chi_Minh by default);
    outside Django, in the machine's own zone."""
    moment = now()
    if not settings.configured:
        return moment.astimezone().date()
    if timezone.is_naive(moment):
        return moment.date()
    return timezone.localdate(moment)


def stamp() -> datetime:
    """The default of the models' time-stamp fields (``default=clock.stamp``): :func:`now`,
    looked up at each call. ``default=clock.now`` would keep the function itself, and a
    test's patch of :func:`now` would never reach the field."""
    return now()
