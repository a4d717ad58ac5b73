from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "chidao.tracking"
    label = "tracking"
    verbose_name = "Theo dõi nhiệm vụ"
