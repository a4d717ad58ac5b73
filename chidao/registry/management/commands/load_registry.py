"""`manage.py load_registry [FILE]`: bring the Agency table in step with a registry file."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chidao.extract.agencies import Registry, RegistryError
from chidao.registry.services import sync_registry


class Command(BaseCommand):
    help = "Nạp hoặc cập nhật danh mục cơ quan từ tệp JSON (mặc định: danh mục Hà Nội)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="tệp danh mục JSON của tỉnh, thành phố")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            registry = Registry.load(options["file"]) if options["file"] else Registry.load()
        except RegistryError as exc:
            raise CommandError(str(exc)) from exc
        created, updated = sync_registry(registry)
        self.stdout.write(f"Danh mục {registry.province}: {created} thêm mới, {updated} cập nhật.")
