from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "chidao.reports"
    label = "reports"
    verbose_name = "Báo cáo giao ban"
