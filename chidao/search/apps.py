from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "chidao.search"
    label = "search"
    verbose_name = "Tìm kiếm"
