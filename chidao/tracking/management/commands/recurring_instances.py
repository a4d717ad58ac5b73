"""`manage.py recurring_instances`: create this period's instances of recurring tasks.

Run daily (cron or a systemd timer); running it twice on one day creates nothing new.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from chidao.common import clock
from chidao.tracking.services import create_due_instances


class Command(BaseCommand):
    help = "Tạo nhiệm vụ của kỳ mới cho các nhiệm vụ định kỳ (chạy hằng ngày)."

    def handle(self, *args: Any, **options: Any) -> None:
        made = create_due_instances(today=clock.today())
        self.stdout.write(f"Đã tạo {made} nhiệm vụ của kỳ mới.")
