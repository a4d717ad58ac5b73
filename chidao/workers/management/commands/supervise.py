"""``manage.py supervise [--workers N] [-- WORKER OPTIONS]``: keep N workers running.

For ``make run`` and machines without systemd; with systemd, run ``manage.py worker``
under a unit with ``Restart=always`` instead (README).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from chidao.workers.supervisor import Supervisor, worker_command


class Command(BaseCommand):
    help = "Giữ cho các tiến trình xử lý nền luôn chạy: tiến trình nào dừng sẽ được khởi động lại."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workers", type=int, default=1, help="Số tiến trình (mặc định 1).")
        parser.add_argument(
            "worker_options", nargs="*", help="Tùy chọn chuyển cho manage.py worker (sau --)."
        )

    def handle(self, *args: Any, workers: int, worker_options: list[str], **options: Any) -> None:
        command = worker_command(worker_options)
        self.stdout.write(f"Giám sát {workers} tiến trình xử lý: {' '.join(command[1:])}")
        Supervisor(command, max(1, workers), settings.BASE_DIR).run()
