"""The mark of an indicator: đạt / có nguy cơ / không đạt, computed here and only here.

Inputs: the target and its direction, the actual figure, whether figures accumulate over
the period (``cumulative``: enterprises founded, revenue collected) or are a level (a
rate, a ratio), and the share of the period elapsed at the time the figure describes
(0 at the start, 1 at the end or later).

While the period runs, the *expectation* is ``target × elapsed`` for a cumulative
figure (pro rata) and ``target`` for a level.

- At least: actual ≥ expectation → on track (đạt); ≥ 90 % of the expectation → at risk
  (có nguy cơ); below → off track (không đạt).
- At most, cumulative: actual ≤ expectation → on track; ≤ target → at risk (spending
  ahead of pace, not yet over); above the target → off track (it cannot come back down).
- At most, level: actual ≤ target → on track; ≤ 110 % of the target → at risk; above →
  off track.

Once the period has ended (elapsed ≥ 1) only two marks remain: on track when the target is
met (≥ target for at least, ≤ target for at most), off track otherwise.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ON_TRACK = "on_track"
AT_RISK = "at_risk"
OFF_TRACK = "off_track"
NO_DATA = "no_data"

LABELS: dict[str, Promise] = {
    ON_TRACK: _("Đạt"),
    AT_RISK: _("Có nguy cơ"),
    OFF_TRACK: _("Không đạt"),
    NO_DATA: _("Chưa có số liệu"),
}

RISK_SHARE = Decimal("0.9")  # at least: within 10 % below the expectation is "at risk"
LEVEL_TOLERANCE = Decimal("1.1")  # at most, level: within 10 % above the target


def elapsed_share(start: date, end: date, on: date) -> Decimal:
    """The share of ``[start, end]`` (both days counted) that has passed by the end of
    ``on``: 0 before the start, 1 on the last day and after."""
    if on < start:
        return Decimal(0)
    if on >= end:
        return Decimal(1)
    return Decimal((on - start).days + 1) / Decimal((end - start).days + 1)


def mark(
    target: Decimal,
    direction: str,
    actual: Decimal | None,
    elapsed: Decimal,
    *,
    cumulative: bool = True,
) -> str:
    """ON_TRACK, AT_RISK or OFF_TRACK (NO_DATA without an actual); see the module doc."""
    if actual is None:
        return NO_DATA
    at_most = direction == "at_most"
    if elapsed >= 1:
        met = actual <= target if at_most else actual >= target
        return ON_TRACK if met else OFF_TRACK
    expected = target * max(elapsed, Decimal(0)) if cumulative else target
    if not at_most:
        if actual >= expected:
            return ON_TRACK
        return AT_RISK if actual >= expected * RISK_SHARE else OFF_TRACK
    if actual <= expected:
        return ON_TRACK
    limit = target if cumulative else target * LEVEL_TOLERANCE
    return AT_RISK if actual <= limit else OFF_TRACK
