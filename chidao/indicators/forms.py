"""Forms: an indicator's target (create, edit, accept a proposal) and an actual value."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.common.periods import months_within, numbered, quarter_of
from chidao.indicators.models import Direction, Indicator, PeriodKind
from chidao.indicators.services import IndicatorData
from chidao.registry.models import Agency

COMMON_UNITS = (
    "%", "tỷ đồng", "triệu đồng", "triệu USD", "km", "ha", "người", "lao động",
    "doanh nghiệp", "hộ", "xã", "lượt khách", "công trình", "sản phẩm",
)  # fmt: skip


def _agencies(current: Agency | None) -> Any:
    qs = Agency.objects.filter(valid_to__isnull=True)
    if current is not None:
        qs = qs | Agency.objects.filter(pk=current.pk)
    return qs.order_by("name")


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Tên chỉ tiêu"), max_length=300)
    unit = forms.CharField(
        label=_("Đơn vị tính"),
        max_length=40,
        widget=forms.TextInput(attrs={"list": "indicator-units"}),
    )
    target = forms.DecimalField(label=_("Mục tiêu"), max_digits=20, decimal_places=4)
    direction = forms.ChoiceField(label=_("Chiều đánh giá"), choices=Direction.choices)
    cumulative = forms.BooleanField(
        label=_("Số liệu cộng dồn trong kỳ"),
        required=False,
        help_text=_(
            "Chọn khi số liệu tăng dần trong kỳ (thu ngân sách, số doanh nghiệp…): giữa kỳ "
            "được so với mức tương ứng thời gian đã qua. Bỏ chọn với tỷ lệ, mức độ."
        ),
    )
    period_kind = forms.ChoiceField(label=_("Kỳ chỉ tiêu"), choices=PeriodKind.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    number = forms.IntegerField(
        label=_("Tháng hoặc quý"),
        required=False,
        min_value=1,
        max_value=12,
        help_text=_("Tháng (1–12) hoặc quý (1–4); để trống với chỉ tiêu năm."),
    )
    agency = forms.ModelChoiceField(
        label=_("Đơn vị chịu trách nhiệm"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("— Chưa xác định —"),
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, agency: Agency | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies(agency)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, year, number = data.get("period_kind"), data.get("year"), data.get("number")
        if kind and year:
            if kind == PeriodKind.YEAR:
                data["number"] = None
            elif number is None or (kind == PeriodKind.QUARTER and number > 4):
                self.add_error("number", _("Chọn tháng (1–12) hoặc quý (1–4) của kỳ chỉ tiêu."))
                return data
            period = numbered(kind, year, data["number"])
            data["bounds"] = (period.start, period.end)
        return data

    def to_data(self) -> IndicatorData:
        d = self.cleaned_data
        start, end = d["bounds"]
        return IndicatorData(
            name=d["name"].strip(),
            unit=d["unit"].strip(),
            period_kind=d["period_kind"],
            period_start=start,
            period_end=end,
            target=d["target"],
            direction=d["direction"],
            cumulative=d["cumulative"],
            agency=d["agency"],
            note=d["note"],
        )

    @staticmethod
    def initial_for(ind: Indicator) -> dict[str, Any]:
        number: int | None = None
        if ind.period_kind == PeriodKind.MONTH:
            number = ind.period_start.month
        elif ind.period_kind == PeriodKind.QUARTER:
            number = quarter_of(ind.period_start)
        return {
            "name": ind.name,
            "unit": ind.unit,
            "target": ind.target,
            "direction": ind.direction,
            "cumulative": ind.cumulative,
            "period_kind": ind.period_kind,
            "year": ind.period_start.year,
            "number": number,
            "agency": ind.agency,
            "note": ind.note,
        }


def _key(start: date, end: date) -> str:
    return f"{start.isoformat()}_{end.isoformat()}"


class ValueForm(forms.Form):
    """An actual value for one month of the indicator's period that has begun."""

    period = forms.ChoiceField(label=_("Kỳ báo cáo"))
    actual = forms.DecimalField(label=_("Số liệu thực hiện"), max_digits=20, decimal_places=4)
    note = forms.CharField(
        label=_("Ghi chú, giải trình"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, indicator: Indicator, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        months = months_within(indicator.period_start, indicator.period_end, today)
        self.periods = {_key(m.start, m.end): (m.start, m.end) for m in months}
        choices = [(_key(m.start, m.end), m.title) for m in reversed(months)]
        self.fields["period"].choices = choices  # type: ignore[attr-defined]

    def bounds(self) -> tuple[date, date]:
        return self.periods[self.cleaned_data["period"]]
