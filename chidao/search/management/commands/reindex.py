"""``manage.py reindex``: rebuild the search index from the documents, tasks, reports and
agencies in the database (after a restore, a bulk load, or a change to the folding)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from chidao.search.index import reindex
from chidao.search.models import Kind


class Command(BaseCommand):
    help = "Rebuild the search index (documents, tasks, reports, agencies)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = reindex()
        labels = dict(Kind.choices)
        summary = ", ".join(f"{labels[k]}: {n}" for k, n in counts.items())
        self.stdout.write(f"Đã lập lại chỉ mục tìm kiếm — {summary}.")
