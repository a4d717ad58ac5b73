from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "chidao.api"
    label = "api"
    verbose_name = "API"
