"""``chidao import DIR|ZIP``: the command-line side of chidao/documents/batch.py.

Sets up Django (``DJANGO_SETTINGS_MODULE`` defaults to the application's settings), shows
a progress bar on a terminal, prints one line per failed file and a summary. Exit status:
0 when every file was imported or already present, 1 when any failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import Any

from tqdm import tqdm


def run_import(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.web.settings")
    import django

    django.setup()
    from chidao.common import clock
    from chidao.documents.batch import FileOutcome, Options, count_files, import_directory

    if not args.root.exists():
        parser.error(f"không tìm thấy: {args.root}")
    try:
        today = date.fromisoformat(args.today) if args.today else clock.today()
    except ValueError:
        parser.error(f"ngày không hợp lệ cho --today: {args.today} (cần dạng YYYY-MM-DD)")
    user = _user(args, parser)
    bar = tqdm(
        total=count_files(args.root), unit="tệp", file=sys.stderr, disable=not sys.stderr.isatty()
    )

    def progress(outcome: FileOutcome) -> None:
        if outcome.status == "failed":
            bar.write(f"LỖI {outcome.path}: {outcome.reason}", file=sys.stderr)
        bar.update(1)

    options = Options(user=user, today=today, historical=args.historical)
    report = import_directory(args.root, options, jobs=max(1, args.jobs), progress=progress)
    bar.close()
    print(
        f"Xong: {len(report.outcomes)} tệp, {report.imported} đã nhập, "
        f"{report.present} đã có trong hệ thống, {report.failed} lỗi",
        file=sys.stderr,
    )
    return 1 if report.failed else 0


def _user(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Any:
    from django.contrib.auth import get_user_model

    from chidao.accounts.roles import is_office

    if not args.user:
        if args.historical:
            parser.error("--historical cần --user: chuyên viên Văn phòng đăng ký các văn bản")
        return None
    user = get_user_model().objects.filter(username=args.user).first()
    if user is None:
        parser.error(f"không có người dùng “{args.user}”")
    if args.historical and not is_office(user):
        parser.error(f"“{args.user}” không phải chuyên viên Văn phòng")
    return user
