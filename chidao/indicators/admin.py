from django.contrib import admin

from chidao.indicators.models import Indicator, IndicatorValue


class ValueInline(admin.TabularInline[IndicatorValue, Indicator]):
    model = IndicatorValue
    extra = 0
    readonly_fields = ("entered_by", "entered_at")


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin[Indicator]):
    list_display = ("name", "target", "unit", "direction", "period_start", "period_end", "agency")
    list_filter = ("period_kind", "direction")
    search_fields = ("name",)
    raw_id_fields = ("agency", "document", "created_by")
    inlines = [ValueInline]
