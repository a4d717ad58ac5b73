"""``manage.py api_token USERNAME``: print the user's API token, creating it if needed (or
when it has expired: chidao/accounts/tokens.py)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.accounts import tokens


class Command(BaseCommand):
    help = "In token API của một người dùng (tạo mới nếu chưa có)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="Tên đăng nhập.")
        parser.add_argument(
            "--reset", action="store_true", help="Thu hồi token cũ và cấp token mới."
        )

    def handle(self, *args: Any, username: str, reset: bool, **options: Any) -> None:
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"Không có người dùng “{username}”.") from None
        if not user.is_active:
            raise CommandError(f"Tài khoản “{username}” đã bị khóa.")
        token = tokens.issue(user) if reset else tokens.current(user)
        self.stdout.write(token.key)
