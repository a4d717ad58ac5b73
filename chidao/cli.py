"""Command line: ``chidao extract FILE|DIR ... [--out DIR] [--jobs N]`` and
``chidao import DIR|ZIP [--jobs N] [--historical --user NAME]`` (see chidao/documents/batch.py).

One file and no ``--out``: its JSON on stdout. Otherwise one ``NAME.json`` per input
under ``--out`` (sub-folders kept), a progress bar on a terminal, one line per file that
could not be read (which file, why), and a summary line. Exit status: 0 when every file
was extracted, 1 when any failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tqdm import tqdm

from chidao import __version__
from chidao.extract.errors import ExtractError
from chidao.extract.readers import SUFFIXES

SUPPORTED = frozenset(SUFFIXES)  # the readers' one list of file types, images included

MESSAGES = {
    "vi": {
        "failed": "LỖI {path}: {reason}",
        "internal": "lỗi nội bộ khi trích xuất ({error}); hãy gửi tệp này cho nhóm phát triển",
        "need_out": "có nhiều tệp đầu vào: hãy chỉ định thư mục kết quả bằng --out",
        "missing": "không tìm thấy: {path}",
        "none": "không có tệp nào được hỗ trợ (" + ", ".join(SUFFIXES) + ") trong đầu vào",
        "summary": "Xong: {total} tệp, {ok} thành công, {failed} lỗi, {tasks} nhiệm vụ, {secs:.1f} giây",
        "bad_date": "ngày không hợp lệ cho --today: {value} (cần dạng YYYY-MM-DD)",
        "unit": "tệp",
    },
    "en": {
        "failed": "FAILED {path}: {reason}",
        "internal": "internal error while extracting ({error}); please send this file to the developers",
        "need_out": "several inputs: give an output folder with --out",
        "missing": "not found: {path}",
        "none": "no supported file (" + ", ".join(SUFFIXES) + ") among the inputs",
        "summary": "Done: {total} files, {ok} extracted, {failed} failed, {tasks} tasks, {secs:.1f} s",
        "bad_date": "invalid date for --today: {value} (expected YYYY-MM-DD)",
        "unit": "file",
    },
}


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    result: dict[str, Any] | None
    error: str | None


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "extract":
        return _extract(args, parser)
    if args.command == "import":
        from chidao.documents.import_cli import run_import

        return run_import(args, parser)
    parser.print_help()
    return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chidao", description="Chỉ đạo: từ văn bản đến nhiệm vụ.")
    parser.add_argument("--version", action="version", version=f"chidao {__version__}")
    sub = parser.add_subparsers(dest="command")
    ext = sub.add_parser("extract", help="trích xuất nhiệm vụ từ văn bản / extract tasks")
    ext.add_argument("inputs", nargs="+", type=Path, help="tệp hoặc thư mục / files or folders")
    ext.add_argument("--out", type=Path, help="thư mục kết quả (một NAME.json mỗi tệp)")
    ext.add_argument("--jobs", type=int, default=1, help="số tiến trình song song (mặc định 1)")
    ext.add_argument("--today", help="ngày tham chiếu YYYY-MM-DD (mặc định: hôm nay)")
    ext.add_argument(
        "--lang", choices=("vi", "en"), default=os.environ.get("CHIDAO_LANG", "vi"),
        help="ngôn ngữ thông báo / message language",
    )  # fmt: skip
    ext.add_argument("--compact", action="store_true", help="JSON trên một dòng")
    imp = sub.add_parser("import", help="nhập cả kho văn bản vào hệ thống / import an archive")
    imp.add_argument("root", type=Path, help="thư mục hoặc tệp .zip / folder or zip")
    imp.add_argument("--jobs", type=int, default=1, help="số luồng song song (mặc định 1)")
    imp.add_argument(
        "--historical", action="store_true",
        help="đăng ký luôn là văn bản đã hoàn thành, không qua rà soát / register as closed",
    )  # fmt: skip
    imp.add_argument("--user", help="tên đăng nhập của chuyên viên Văn phòng thực hiện nhập")
    imp.add_argument("--today", help="ngày tham chiếu YYYY-MM-DD (mặc định: hôm nay)")
    return parser


def _extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from chidao.common import clock

    msg = MESSAGES[args.lang]
    try:
        today = date.fromisoformat(args.today) if args.today else clock.today()
    except ValueError:
        parser.error(msg["bad_date"].format(value=args.today))
    for path in args.inputs:
        if not path.exists():
            parser.error(msg["missing"].format(path=path))
    files = list(_collect(args.inputs))
    if not files:
        parser.error(msg["none"])
    single = len(args.inputs) == 1 and args.inputs[0].is_file()
    if args.out is None and not single:
        parser.error(msg["need_out"])
    if args.out is None:
        return _to_stdout(files[0], today, msg, compact=args.compact)
    return _batch(files, args, today, msg)


def _collect(inputs: Sequence[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, path relative to the output folder without extension), sorted per folder."""
    for root in inputs:
        if root.is_file():
            yield root, Path(root.stem)
            continue
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root)
            hidden = any(part.startswith(".") for part in rel.parts)
            if path.is_file() and not hidden and path.suffix.lower() in SUPPORTED:
                yield path, rel.with_suffix("")


def _to_stdout(file: tuple[Path, Path], today: date, msg: dict[str, str], *, compact: bool) -> int:
    outcome = _work(str(file[0]), today.isoformat(), msg["internal"])
    if outcome.result is None:
        print(msg["failed"].format(path=outcome.path, reason=outcome.error), file=sys.stderr)
        return 1
    json.dump(outcome.result, sys.stdout, ensure_ascii=False, indent=None if compact else 1)
    sys.stdout.write("\n")
    return 0


def _batch(
    files: list[tuple[Path, Path]], args: argparse.Namespace, today: date, msg: dict[str, str]
) -> int:
    started = time.perf_counter()
    targets = _targets(files, args.out)
    ok = failed = n_tasks = 0
    bar = tqdm(total=len(files), unit=msg["unit"], file=sys.stderr, disable=not sys.stderr.isatty())
    for outcome in _run(files, today, args.jobs, msg["internal"]):
        if outcome.result is None:
            failed += 1
            bar.write(
                msg["failed"].format(path=outcome.path, reason=outcome.error), file=sys.stderr
            )
        else:
            ok += 1
            n_tasks += len(outcome.result["tasks"])
            _write_json(targets[outcome.path], outcome.result, compact=args.compact)
        bar.update(1)
    bar.close()
    secs = time.perf_counter() - started
    summary = msg["summary"].format(
        total=len(files), ok=ok, failed=failed, tasks=n_tasks, secs=secs
    )
    print(summary, file=sys.stderr)
    return 1 if failed else 0


def _targets(files: list[tuple[Path, Path]], out: Path) -> dict[str, Path]:
    """Output path per input; "a.txt" and "a.pdf" side by side become a.json and a.pdf.json."""
    targets: dict[str, Path] = {}
    used: set[Path] = set()
    for path, rel in files:
        target = out / rel.with_name(rel.name + ".json")
        if target in used:
            target = out / rel.with_name(path.name + ".json")
        used.add(target)
        targets[str(path)] = target
    return targets


def _run(
    files: list[tuple[Path, Path]], today: date, jobs: int, internal: str
) -> Iterator[Outcome]:
    paths = [str(path) for path, _ in files]
    if jobs <= 1 or len(paths) == 1:
        for p in paths:
            yield _work(p, today.isoformat(), internal)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(
            _work, paths, [today.isoformat()] * len(paths), [internal] * len(paths), chunksize=4
        )


def _work(path: str, today_iso: str, internal: str) -> Outcome:
    """Extract one file; never raises (a batch goes on past a bad file)."""
    from chidao.extract.pipeline import extract_file

    try:
        doc = extract_file(path, today=date.fromisoformat(today_iso))
        return Outcome(path, doc.to_json(), None)
    except ExtractError as err:
        return Outcome(path, None, f"[{err.code}] {err.reason}")
    except Exception as err:  # a bug must not stop the batch; it is reported per file
        return Outcome(path, None, internal.format(error=f"{type(err).__name__}: {err}"))


def _write_json(target: Path, data: dict[str, Any], *, compact: bool) -> None:
    """Write atomically: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=None if compact else 1)
        fh.write("\n")
    os.replace(tmp, target)


if __name__ == "__main__":
    sys.exit(main())
