from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    name = "chidao.search"
    label = "search"
    verbose_name = "Tìm kiếm"

    def ready(self) -> None:
        from chidao.search.index import INDEXERS, on_delete, on_save

        for model in INDEXERS:
            post_save.connect(on_save, sender=model, dispatch_uid=f"search-{model.__name__}")
            post_delete.connect(on_delete, sender=model, dispatch_uid=f"search-d-{model.__name__}")
