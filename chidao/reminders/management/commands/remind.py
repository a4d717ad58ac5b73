"""``manage.py remind``: run today's reminders now, or schedule the worker's daily run."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.common import clock
from chidao.reminders.daily import run_daily
from chidao.reminders.jobs import schedule_next
from chidao.tracking.templatetags.tracking_tags import dmy


class Command(BaseCommand):
    help = (
        "Đôn đốc hằng ngày: nhắc các đơn vị về nhiệm vụ sắp đến hạn, quá hạn, lâu chưa báo "
        "cáo (trong ứng dụng và qua thư điện tử). Chạy lại trong ngày không gửi trùng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="ngày chạy, dạng YYYY-MM-DD (mặc định: hôm nay)")
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="không chạy ngay: xếp lịch chạy lúc 07:00 hằng ngày cho db_worker",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            self._schedule()
            return
        day = self._day(options.get("today"))
        result = run_daily(day)
        r, m = result.reminded, result.mail
        self.stdout.write(
            f"Đôn đốc ngày {dmy(day)}: {r['overdue']} quá hạn, {r['due_soon']} sắp đến hạn, "
            f"{r['silent']} lâu chưa báo cáo; {result.notifications} thông báo; "
            f"{m.sent} thư đã gửi, {m.failed} thư lỗi, {m.no_address} đơn vị chưa có địa chỉ "
            f"thư; {result.flagged} nhiệm vụ đưa ra giao ban."
        )
        if m.without_address:
            self.stdout.write(
                "Đơn vị chưa có địa chỉ thư điện tử (bổ sung trong danh mục đơn vị hoặc "
                "tài khoản cán bộ):"
            )
            for name in m.without_address:
                self.stdout.write(f"  - {name}")
        for name, why in m.problems:
            if name not in m.without_address:
                self.stdout.write(f"Thư chưa gửi được tới {name}: {why}")
        if m.failed:
            raise CommandError(f"{m.failed} thư chưa gửi được; chạy lại lệnh để gửi tiếp.")

    def _day(self, value: str | None) -> date:
        if not value:
            return clock.today()
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise CommandError(f"--today {value!r}: cần dạng YYYY-MM-DD") from exc

    def _schedule(self) -> None:
        when = schedule_next()
        if when is None:
            self.stdout.write(
                "Không xếp lịch: đã có lượt chạy đang chờ, hoặc hệ thống không dùng hàng đợi "
                "(CHIDAO_TASKS_BACKEND=immediate; khi đó hãy chạy `manage.py remind` bằng cron)."
            )
            return
        self.stdout.write(f"Đã xếp lịch đôn đốc lúc {dmy(when)}; db_worker sẽ chạy hằng ngày.")
