"""Indicators: who sees and changes what, creating and editing targets, entering actual
values, and the rows the giao ban report shows. Every change is recorded in the history."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from chidao.accounts.roles import agency_id_of, is_office, is_officer, sees_everything
from chidao.audit.services import changed, record
from chidao.common.errors import NotAllowed
from chidao.common.periods import period_label
from chidao.documents.models import Document
from chidao.indicators import marks
from chidao.indicators.models import Indicator, IndicatorValue
from chidao.registry.models import Agency


def plain(number: Decimal | int | float | str) -> Decimal:
    """``number`` without trailing zeros and without an exponent: 1500.0000 → 1500."""
    d = Decimal(str(number)).normalize()
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


# --- who ---------------------------------------------------------------------------------------


def visible_indicators(user: Any) -> QuerySet[Indicator]:
    """Office, administrators and city leaders: all; officers and agency leaders: their
    agency's. Look indicators up through this so another agency's answer 404."""
    qs = Indicator.objects.all()
    if sees_everything(user):
        return qs
    agency = agency_id_of(user)
    return qs.filter(agency_id=agency) if agency is not None else qs.none()


def can_manage(user: Any) -> bool:
    """Create and edit indicators, review proposals: the Office."""
    return is_office(user)


def can_enter_values(user: Any, indicator: Indicator) -> bool:
    """The Office, and officers of the responsible agency."""
    if is_office(user):
        return True
    return (
        is_officer(user)
        and indicator.agency_id is not None
        and agency_id_of(user) == indicator.agency_id
    )


# --- changes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorData:
    """What a person sets on an indicator (the form's cleaned data)."""

    name: str
    unit: str
    period_kind: str
    period_start: date
    period_end: date
    target: Decimal
    direction: str
    cumulative: bool = True
    agency: Agency | None = None
    note: str = ""


def _fields(ind: Indicator) -> dict[str, Any]:
    return {
        "name": ind.name,
        "unit": ind.unit,
        "period_kind": ind.period_kind,
        "period_start": ind.period_start,
        "period_end": ind.period_end,
        "target": plain(ind.target),
        "direction": ind.direction,
        "cumulative": ind.cumulative,
        "agency": ind.agency_id,
        "note": ind.note,
    }


@transaction.atomic
def create_indicator(
    user: Any,
    data: IndicatorData,
    *,
    document: Document | None = None,
    source: tuple[int, int] | None = None,
) -> Indicator:
    """A new indicator, optionally from ``document`` (``source``: offsets in its text)."""
    if not can_manage(user):
        raise NotAllowed(_("Chỉ Văn phòng được tạo chỉ tiêu."))
    ind = Indicator.objects.create(
        **asdict(data) | {"agency": data.agency},
        document=document,
        source_start=source[0] if source else None,
        source_end=source[1] if source else None,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    record(
        user,
        "indicator.create",
        f"Tạo chỉ tiêu: {ind.name}",
        document=document,
        after=_fields(ind),
    )
    return ind


@transaction.atomic
def update_indicator(user: Any, ind: Indicator, data: IndicatorData) -> Indicator:
    if not can_manage(user):
        raise NotAllowed(_("Chỉ Văn phòng được sửa chỉ tiêu."))
    old = _fields(ind)
    for key, value in asdict(data).items():
        setattr(ind, key, value)
    ind.agency = data.agency
    ind.save()
    before, after = changed(old, _fields(ind))
    if after:
        record(
            user,
            "indicator.update",
            f"Sửa chỉ tiêu: {ind.name}",
            document=ind.document,
            before=before,
            after=after,
        )
    return ind


@transaction.atomic
def enter_value(
    user: Any,
    ind: Indicator,
    period: tuple[date, date],
    actual: Decimal,
    note: str = "",
) -> IndicatorValue:
    """Set the actual figure of one reporting period (a second entry replaces the first)."""
    if not can_enter_values(user, ind):
        raise NotAllowed(_("Bạn không được nhập số liệu cho chỉ tiêu này."))
    start, end = period
    value = (
        IndicatorValue.objects.select_for_update()
        .filter(indicator=ind, period_start=start, period_end=end)
        .first()
    )
    label = period_label(start, end)
    old = {"actual": plain(value.actual), "note": value.note} if value else None
    if value is None:
        value = IndicatorValue(indicator=ind, period_start=start, period_end=end)
    value.actual, value.note = actual, note
    value.entered_by = user if getattr(user, "is_authenticated", False) else None
    value.save()
    new = {"actual": plain(actual), "note": note}
    if old is None:
        summary = f"Nhập số liệu {label} cho chỉ tiêu {ind.name}: {actual} {ind.unit}"
        record(user, "indicator.value", summary, document=ind.document, after=new)
    else:
        before, after = changed(old, new)
        if after:
            summary = f"Sửa số liệu {label} của chỉ tiêu {ind.name}"
            record(
                user,
                "indicator.value",
                summary,
                document=ind.document,
                before=before,
                after=after,
            )
    return value


# --- where it stands ---------------------------------------------------------------------------


def mark_of(ind: Indicator, value: IndicatorValue | None, today: date) -> str:
    """The mark of ``value`` against ``ind``: elapsed at the end of the value's period,
    and final from the last day of the indicator's period on."""
    if value is None:
        return marks.NO_DATA
    if today >= ind.period_end:
        elapsed = Decimal(1)
    else:
        elapsed = marks.elapsed_share(ind.period_start, ind.period_end, value.period_end)
    return marks.mark(
        Decimal(ind.target),
        ind.direction,
        Decimal(value.actual),
        elapsed,
        cumulative=ind.cumulative,
    )


def latest_values(
    indicators: list[Indicator], until: date | None = None
) -> dict[int, IndicatorValue]:
    """The latest value of each indicator (period ending on or before ``until``)."""
    qs = IndicatorValue.objects.filter(indicator__in=[i.pk for i in indicators])
    if until is not None:
        qs = qs.filter(period_end__lte=until)
    latest: dict[int, IndicatorValue] = {}
    for v in qs.order_by("indicator_id", "period_end", "id"):
        latest[v.indicator_id] = v
    return latest


@dataclass(frozen=True)
class IndicatorRow:
    """One line of the indicators table in the giao ban report."""

    indicator_id: int
    name: str
    unit: str
    period_label: str
    target: Decimal
    direction: str  # "at_least" | "at_most"
    actual: Decimal | None
    actual_period: str  # label of the period the actual describes, "" without one
    mark: str  # marks.ON_TRACK | AT_RISK | OFF_TRACK | NO_DATA
    agency: str  # "" when not stated
    directive: str  # "Công văn 2658/UBND-KT", "" without one
    directive_id: int | None

    @property
    def mark_label(self) -> str:
        return str(marks.LABELS[self.mark])


def indicator_rows(
    period_start: date, period_end: date, agency_id: int | None = None
) -> list[IndicatorRow]:
    """Indicators whose period overlaps ``[period_start, period_end]`` (of one agency when
    given), each with its latest actual up to ``period_end`` and the mark as of then."""
    qs = (
        Indicator.objects.filter(period_start__lte=period_end, period_end__gte=period_start)
        .select_related("agency", "document")
        .order_by("agency__name", "name", "id")
    )
    if agency_id is not None:
        qs = qs.filter(agency_id=agency_id)
    indicators = list(qs)
    latest = latest_values(indicators, until=period_end)
    rows = []
    for ind in indicators:
        v = latest.get(ind.pk)
        rows.append(
            IndicatorRow(
                indicator_id=ind.pk,
                name=ind.name,
                unit=ind.unit,
                period_label=period_label(ind.period_start, ind.period_end),
                target=plain(ind.target),
                direction=ind.direction,
                actual=plain(v.actual) if v else None,
                actual_period=period_label(v.period_start, v.period_end) if v else "",
                mark=mark_of(ind, v, period_end),
                agency=ind.agency.name if ind.agency else "",
                directive=ind.document.title if ind.document else "",
                directive_id=ind.document_id,
            )
        )
    return rows


@dataclass(frozen=True)
class Standing:
    """An indicator (or one of its values) with its mark, for the pages."""

    indicator: Indicator
    value: IndicatorValue | None
    mark: str

    @property
    def mark_label(self) -> str:
        return str(marks.LABELS[self.mark])

    @property
    def period_label(self) -> str:
        v = self.value
        return period_label(v.period_start, v.period_end) if v else ""


def list_rows(indicators: list[Indicator], today: date) -> list[Standing]:
    """Each indicator with its latest value and the mark as of ``today``."""
    latest = latest_values(indicators)
    return [Standing(i, latest.get(i.pk), mark_of(i, latest.get(i.pk), today)) for i in indicators]


def value_rows(ind: Indicator, today: date) -> list[Standing]:
    """Every value of ``ind``, newest first, each marked as of the end of its own period."""
    values = ind.values.select_related("entered_by").order_by("-period_end", "-id")
    return [Standing(ind, v, mark_of(ind, v, min(today, v.period_end))) for v in values]
