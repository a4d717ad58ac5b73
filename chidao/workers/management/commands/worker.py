"""``manage.py worker``: ``db_worker`` that stays up and says it is alive.

The options are db_worker's (``--queue-name``, ``--interval``, ``--batch``,
``--worker-id``, …); ``--reload`` is ignored: a worker meant to stay up is not restarted
by code changes (``db_worker --reload`` is there for that).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError
from django_tasks_db.management.commands import db_worker

from chidao.workers.beats import Pulse
from chidao.workers.steady import SteadyWorker


class Command(db_worker.Command):
    help = (
        "Chạy tiến trình xử lý nền (db_worker): tự thử lại khi cơ sở dữ liệu đang bị khóa "
        "và ghi tín hiệu hoạt động cho trang tiến trình."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        queues = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queues:
            raise CommandError("--exclude-queues chỉ dùng được với --queue-name=*")
        worker = SteadyWorker(
            queue_names=queues,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        with Pulse(worker.worker_id):
            worker.run()
