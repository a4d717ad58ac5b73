from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "chidao.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu"
