"""``manage.py recover_jobs``: queue again the ingest jobs whose worker died mid-job.

Workers already do this on their own (every job they start, and a watchdog queued with
each attempt); this is for a cron entry or a person, e.g. after a whole machine was lost.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from chidao.documents.jobs import recover_jobs


class Command(BaseCommand):
    help = "Queue again the ingest jobs whose worker stopped mid-job (lease expired)."

    def handle(self, *args: Any, **options: Any) -> None:
        handled = recover_jobs()
        self.stdout.write(f"{len(handled)} lượt nhập được xử lý lại: {handled or '-'}")
