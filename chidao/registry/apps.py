from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "chidao.registry"
    label = "registry"
    verbose_name = "Danh mục cơ quan"
