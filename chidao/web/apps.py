from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "chidao.web"
    label = "chidao_web"
    verbose_name = "Giao diện"
