"""``manage.py recover_jobs``: queue again the ingest and archive import jobs whose worker
died mid-job, and remove the folders of import jobs that no longer need them.

Workers already do this on their own (every job they start, and a watchdog queued with
each attempt); this is for a cron entry or a person, e.g. after a whole machine was lost.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from chidao.documents.imports import recover_imports
from chidao.documents.jobs import recover_jobs


class Command(BaseCommand):
    help = "Queue again the ingest and import jobs whose worker stopped mid-job (lease expired)."

    def handle(self, *args: Any, **options: Any) -> None:
        handled = recover_jobs()
        self.stdout.write(f"{len(handled)} lượt nhập được xử lý lại: {handled or '-'}")
        imports = recover_imports()
        self.stdout.write(f"{len(imports)} lượt nhập kho được xử lý lại: {imports or '-'}")
