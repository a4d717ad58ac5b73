"""The data behind the page's charts (drawn by the vendored Chart.js), as plain JSON."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from chidao.reports.compute import GiaoBan
from chidao.tracking.status import Bucket

TOP_AGENCIES = 15
COLOURS = {
    Bucket.DONE_ON_TIME: "#1e7b45",
    Bucket.DONE_LATE: "#e8a33c",
    Bucket.OPEN_ON_TIME: "#5b8fd0",
    Bucket.OPEN_LATE: "#c0392b",
    Bucket.NO_DEADLINE: "#a0a0a0",
}


def data(report: GiaoBan) -> dict[str, Any]:
    """``totals``: the five counts (a doughnut); ``agencies``: the agencies with the most
    assignments, stacked by bucket; ``rates``: completion rate now and in the previous
    period for the same agencies."""
    top = sorted(report.lines, key=lambda ln: -ln.now.total)[:TOP_AGENCIES]
    labels = [_(Bucket.LABELS[b]) for b in Bucket.ORDER]
    return {
        "buckets": labels,
        "colours": [COLOURS[b] for b in Bucket.ORDER],
        "totals": [report.total.now.get(b) for b in Bucket.ORDER],
        "agencies": [ln.name for ln in top],
        "stacks": [
            {"label": label, "colour": COLOURS[b], "data": [ln.now.get(b) for ln in top]}
            for label, b in zip(labels, Bucket.ORDER, strict=True)
        ],
        "rates": {
            "now": _rates(ln.now.done_rate for ln in top),
            "before": _rates(ln.before.done_rate for ln in top),
            "now_label": report.period.label,
            "before_label": report.previous.label,
        },
    }


def _rates(values: Any) -> list[float | None]:
    return [None if v is None else round(100 * v, 1) for v in values]
