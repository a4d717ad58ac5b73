from django.apps import AppConfig


class WorkersConfig(AppConfig):
    name = "chidao.workers"
    label = "workers"
    verbose_name = "Tiến trình xử lý"
