"""`manage.py demo`: load the registry, the demo cast and the sample directives."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from chidao.accounts.cast import CAST
from chidao.common import clock
from chidao.web.demo import load_demo
from chidao.web.settings import env

DEFAULT_PASSWORD = "chidao-demo-2026"


class Command(BaseCommand):
    help = "Nạp danh mục cơ quan, tài khoản mẫu và các văn bản mẫu đã đăng ký."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password",
            default=env("CHIDAO_DEMO_PASSWORD", DEFAULT_PASSWORD),
            help="mật khẩu của các tài khoản mẫu (mặc định: $CHIDAO_DEMO_PASSWORD)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        password = options["password"]
        result = load_demo(password, today=clock.today())
        created, updated = result.agencies
        out = self.stdout
        out.write(f"Danh mục cơ quan: {created} thêm mới, {updated} cập nhật.")
        for title in result.documents:
            out.write(f"Văn bản mẫu đã đăng ký: {title}")
        if result.skipped:
            out.write(f"Đã có từ trước: {', '.join(result.skipped)}")
        out.write(f"Tổng: {result.tasks} nhiệm vụ, {result.assignments} phân công.")
        out.write("")
        out.write(self.style.SUCCESS(f"Tài khoản mẫu (mật khẩu chung: {password})"))
        for m in CAST:
            out.write(f"  {m.username:<16} {m.full_name:<18} {m.title}")
        out.write("Đổi mật khẩu các tài khoản này trước khi dùng thật.")
