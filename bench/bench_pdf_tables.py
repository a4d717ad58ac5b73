"""PDF tables: pypdfium2's own boxes and drawn rules (chidao's reader) against pdfplumber.

Issue 9 asks to choose between the two by table-row recall on the train documents with
tables and by speed. For each method this prints, per document with ruled tables, the
rows found and how many of the expected ones, and the read time per document (p50/p95 of
``--repeat`` runs after a warm-up; CPU time of this process, so a busy machine does not
skew it); then the peak memory of a batch over all of train through each method, each in
a process of its own.

    python bench/bench_pdf_tables.py               # both methods
    python bench/bench_pdf_tables.py --repeat 3

The documents:

- ``../shared/eval/train/*.pdf``. Two hold ruled tables: t046 (a 7-page annex of dams and
  their minimum flows, two header rows per table; not a task table) and t063 (a 3-row
  table of business lines, then 5 pages of boundary coordinates M1…M85 twice). Their rows
  were counted by eye on ``pdftoppm`` renders, page by page (``_COUNTED``); a method
  scores ``min(found, counted) / counted`` per page, and the pages it gets exactly are
  listed. The other train PDFs have no ruled table (only stamps, signatures and rules
  under the header): every row found there is a false one. t041's 20 pages hold none.
- ``tests/data/pdf_tables/*.pdf``: four train DOCX with ruled tables (t010, t022, the
  task table of t024, t027) saved as PDF by LibreOffice (see the README there). The
  expected rows are the DOCX's own: a row counts as found when a row of the PDF has the
  same non-empty cells (whitespace aside, line wraps included). A table row that a page break cuts in two is
  lost to both methods alike.

pdfplumber is not a dependency of chidao: the bench uses it when it can be imported
(install it anywhere and put it on ``PYTHONPATH``, e.g. ``pip install --target
/tmp/plumber pdfplumber==0.11.11``) and says so when it cannot. Its method is the one a
pdfplumber-based reader would use: ``find_tables()`` (ruled lines, its defaults) on pages
that draw lines or rectangles, plus the text layer read through pypdfium2 as today (the
time of both is counted). No network; the counts are deterministic.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("CHIDAO_SHARED", ROOT.parent / "shared"))
TRAIN = SHARED / "eval" / "train"
FIXTURES = ROOT / "tests" / "data" / "pdf_tables"

# Rows of the ruled tables, counted by eye page by page (1-based) on pdftoppm renders.
_COUNTED: dict[str, dict[int, int]] = {
    # 2 header rows over each table; page 5 and 8 start a second table (2 more headers);
    # an item with two dams has a second row with an empty STT (pages 4, 6, 8, 9)
    "t046": {3: 10, 4: 10, 5: 13, 6: 12, 7: 11, 8: 11, 9: 5},
    # header + 3 business lines; then the coordinate tables: 2 header rows on the first
    # page of each, 1 on the others, one row per marker (M1-M35, M36-M76, M77-M85 and a
    # new table M1-M27, M28-M69, M70-M85)
    "t063": {2: 4, 5: 37, 6: 42, 7: 39, 8: 43, 9: 17},
}
# The DOCX tables that are ruled (drawn borders), by their order in the document.
_RULED_DOCX_TABLES: dict[str, tuple[int, ...]] = {
    "t010": (1, 2),
    "t022": (2,),
    "t024": (2,),
    "t027": (2, 3, 4),
}

Rows = list[list[str]]  # per page, the rows as "cell | cell" lines


def _split(row: str) -> list[str]:
    """The cells of a "cell | cell" line (whose trailing space a page's end may have cut)."""
    return re.split(r" ?\| ?", row)


def _key(cells: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """A row's non-empty cells with no whitespace at all: a PDF's narrow column may wrap
    a word ("TRUN" / "G BÌNH"), which the DOCX does not show."""
    return tuple(k for k in ("".join(cell.split()) for cell in cells) if k)


# --------------------------------------------------------------------------------------
# The two methods: each returns, per page, the table rows it read
# --------------------------------------------------------------------------------------


def rows_pdfium(data: bytes) -> Rows:
    """chidao's reader: its table rows are the lines holding " | "."""
    from chidao.extract.readers.pdf import read_pages

    return [
        [line for line in page.text.split("\n") if " | " in line] for page in read_pages(data, "")
    ]


def rows_pdfplumber(data: bytes) -> Rows:
    """pdfplumber's ``find_tables`` (ruled lines) with the text layer as read today."""
    import pdfplumber
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):  # the free text, as the reader reads it today
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
    finally:
        document.close()
    out: Rows = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows: list[str] = []
            if page.lines or page.rects:
                for table in page.find_tables():
                    grid = table.extract()
                    if len(grid) < 2 or max(len(r) for r in grid) < 2:
                        continue
                    for r in grid:
                        cells = [" ".join((c or "").split()) for c in r]
                        if any(cells):
                            rows.append(" | ".join(cells))
            out.append(rows)
            page.close()
    return out


METHODS: dict[str, Callable[[bytes], Rows]] = {
    "pypdfium2": rows_pdfium,
    "pdfplumber": rows_pdfplumber,
}


def _available(method: str) -> bool:
    if method != "pdfplumber":
        return True
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        return False
    return True


# --------------------------------------------------------------------------------------
# What is expected
# --------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_rows(path: Path, ruled: tuple[int, ...]) -> list[tuple[str, ...]]:
    """The non-empty cells of each row of the DOCX's ruled top-level tables."""
    with zipfile.ZipFile(path) as z:
        body = ElementTree.fromstring(z.read("word/document.xml")).find(f"{_W}body")
    assert body is not None
    tables = list(body.iter(f"{_W}tbl"))
    top = [t for t in tables if not any(t in list(o.iter(f"{_W}tbl"))[1:] for o in tables)]
    out: list[tuple[str, ...]] = []
    for k in ruled:
        for tr in top[k].findall(f"{_W}tr"):
            cells = []
            for tc in tr.findall(f"{_W}tc"):
                paragraphs = [
                    "".join(t.text or "" for t in p.iter(f"{_W}t")) for p in tc.iter(f"{_W}p")
                ]
                cells.append(" ".join(" ".join(paragraphs).split()))
            if any(cells):
                out.append(tuple(c for c in cells if c))
    return out


def _cut_rows(pages: Rows) -> set[tuple[str, ...]]:
    """Rows that a page break cut in two, put back together: the last row of a page and
    each of the first rows of the next one (past a repeated header) with as many cells,
    joined cell by cell."""
    out: set[tuple[str, ...]] = set()
    for before, after in itertools.pairwise(pages):
        if not before or not after:
            continue
        last = _split(before[-1])
        for first in after[:3]:
            cells = _split(first)
            if len(cells) == len(last):
                out.add(_key([a + b for a, b in zip(last, cells, strict=True)]))
    return out


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   - "


# --------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------


def _timed(method: Callable[[bytes], Rows], data: bytes, repeat: int) -> tuple[Rows, list[float]]:
    rows = method(data)  # warm-up
    times = []
    for _ in range(repeat):
        start = time.process_time()
        method(data)
        times.append(time.process_time() - start)
    return rows, times


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _documents() -> list[tuple[str, Path]]:
    docs = [(p.stem, p) for p in sorted(TRAIN.glob("*.pdf"))]
    docs += [(f"{p.stem} (docx→pdf)", p) for p in sorted(FIXTURES.glob("*.pdf"))]
    return docs


def _peak(method: str) -> int:
    """Peak resident memory (MB) of a fresh process reading all train PDFs and the
    fixtures through ``method``; "extract" runs the whole pipeline over all of train."""
    out = subprocess.run(
        [sys.executable, __file__, "--peak-of", method],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path[1:]])},
    )
    return int(out.stdout.strip().splitlines()[-1])


def _peak_child(method: str) -> None:
    if method == "extract":
        from chidao.extract.pipeline import extract_file

        for path in sorted(TRAIN.iterdir()):
            if path.suffix in (".pdf", ".docx", ".txt"):
                json.dumps(extract_file(path).to_json())
    else:
        for _, path in _documents():
            METHODS[method](path.read_bytes())
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec
    status = Path("/proc/self/status").read_text(encoding="ascii")
    hwm = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    print(
        int(hwm.group(1)) // 1024
        if hwm
        else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per document")
    parser.add_argument("--peak-of", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak_of:
        _peak_child(args.peak_of)
        return 0
    if not TRAIN.is_dir():
        print(f"no train set at {TRAIN}", file=sys.stderr)
        return 1
    methods = [m for m in METHODS if _available(m)]
    for m in METHODS:
        if m not in methods:
            print(f"({m} is not installed: left out)")

    results: dict[str, dict[str, tuple[Rows, list[float]]]] = {m: {} for m in methods}
    for name, path in _documents():
        data = path.read_bytes()
        for m in methods:
            results[m][name] = _timed(METHODS[m], data, args.repeat)

    print("\nRuled tables in the real train PDFs (rows counted by eye, per page)")
    print(
        f"{'document':<10} {'counted':>7}"
        + "".join(f"  {m + ' rows':>15} {'recall':>6} {'exact pages':>11}" for m in methods)
    )
    for doc, counted in _COUNTED.items():
        line = f"{doc:<10} {sum(counted.values()):>7}"
        for m in methods:
            pages = results[m][doc][0]
            found = {n: len(pages[n - 1]) for n in counted}
            hit = sum(min(found[n], counted[n]) for n in counted)
            exact = sum(found[n] == counted[n] for n in counted)
            line += f"  {sum(len(p) for p in pages):>15} {_pct(hit, sum(counted.values())):>6} {exact:>5}/{len(counted):<5}"
        print(line)

    print("\nTrain PDFs without ruled tables: rows found (all false)")
    for m in methods:
        false = {
            name: sum(len(p) for p in rows)
            for name, (rows, _) in results[m].items()
            if re.fullmatch(r"t\d+", name) and name not in _COUNTED
        }
        print(
            f"  {m:<11} {sum(false.values())} rows"
            + "".join(f", {n}: {c}" for n, c in false.items() if c)
        )

    print("\nTrain DOCX with ruled tables, saved as PDF (expected rows: the DOCX's own)")
    print("(recall: rows read whole; then also counting a row that a page break cut in two")
    print(" when its two halves are the last row of a page and one of the first of the next)")
    print(
        f"{'document':<20} {'docx rows':>9}"
        + "".join(f"  {m + ' rows':>15} {'recall':>6} {'+cut':>6}" for m in methods)
    )
    for name, path in _documents():
        stem = path.stem
        if path.parent != FIXTURES:
            continue
        source = TRAIN / f"{stem}.docx"
        if not source.exists():
            continue
        expected = docx_rows(source, _RULED_DOCX_TABLES.get(stem, ()))
        line = f"{name:<20} {len(expected):>9}"
        for m in methods:
            pages = results[m][name][0]
            got = {_key(_split(r)) for page in pages for r in page}
            hit = sum(_key(row) in got for row in expected)
            joined = got | _cut_rows(pages)
            hit_joined = sum(_key(row) in joined for row in expected)
            line += f"  {sum(len(p) for p in pages):>15} {_pct(hit, len(expected)):>6} {_pct(hit_joined, len(expected)):>6}"
        print(line)

    print(f"\nRead time per document, ms of CPU (p50 / p95 of {args.repeat} runs after a warm-up)")
    print(f"{'document':<20} {'pages':>5}" + "".join(f"  {m:>19}" for m in methods))
    shown = set(_COUNTED) | {"t041"}
    for name, path in _documents():
        if name not in shown and path.parent != FIXTURES:
            continue
        pages = len(results[methods[0]][name][0])
        line = f"{name:<20} {pages:>5}"
        for m in methods:
            times = results[m][name][1]
            line += f"  {1000 * statistics.median(times):>8.0f} / {1000 * _p95(times):>8.0f}"
        print(line)
    for m in methods:
        total = sum(statistics.median(t) for _, t in results[m].values())
        print(f"  {m}: all {len(results[m])} documents, sum of p50: {1000 * total:.0f} ms")

    print("\nPeak memory of a batch (fresh process each)")
    for m in methods:
        print(f"  {m:<11} all train PDFs + fixtures: {_peak(m)} MB")
    print(f"  extract     all of train through the pipeline: {_peak('extract')} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
