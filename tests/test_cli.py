"""`chidao extract`: one file to stdout, folders to --out, bad files reported, batch goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from chidao.cli import main
from tests.conftest import SAMPLES

DIRECTIVE = (
    "UBND Thành phố yêu cầu Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai tiêm chủng, "
    "hoàn thành trước ngày 30/9/2024.\n"
)


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chidao.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_one_file_prints_its_json_on_stdout(tmp_path):
    doc = tmp_path / "cv.txt"
    doc.write_text(DIRECTIVE, encoding="utf-8")
    proc = _run(["extract", str(doc), "--today", "2024-06-01"])
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["tasks"][0]["lead"] == ["Sở Y tế"]
    assert data["tasks"][0]["support"] == ["Sở Tài chính"]
    assert data["tasks"][0]["deadline"] == "2024-09-30"


def test_a_folder_gives_one_json_per_file_and_a_summary(tmp_path):
    out = tmp_path / "out"
    proc = _run(["extract", str(SAMPLES), "--out", str(out), "--jobs", "2"])
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.name for p in out.glob("*.json"))
    inputs = sorted(
        p.stem + ".json" for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html")
    )
    assert written == inputs
    assert "Xong:" in proc.stderr and "0 lỗi" in proc.stderr


def test_a_bad_file_gets_one_clear_line_and_the_batch_goes_on(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(DIRECTIVE, encoding="utf-8")
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.7\nthis is not a pdf at all")
    (inbox / "notes.json").write_text("{}", encoding="utf-8")  # not a directive: skipped
    out = tmp_path / "out"
    code = main(["extract", str(inbox), "--out", str(out)])
    assert code == 1
    assert (out / "good.json").exists() and not (out / "broken.json").exists()
    assert not (out / "notes.json").exists()


def test_error_line_names_the_file_and_the_reason(tmp_path, capsys):
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    code = main(["extract", str(bad)])
    err = capsys.readouterr().err
    assert code == 1
    assert "scan.png" in err and "OCR" in err


def test_several_inputs_without_out_is_a_usage_error(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(DIRECTIVE, encoding="utf-8")
    try:
        main(["extract", str(a), str(a)])
    except SystemExit as exc:
        assert exc.code == 2
    assert "--out" in capsys.readouterr().err


def test_messages_are_available_in_english(tmp_path, capsys):
    doc = tmp_path / "cv.txt"
    doc.write_text(DIRECTIVE, encoding="utf-8")
    assert main(["extract", str(doc), "--out", str(tmp_path / "o"), "--lang", "en"]) == 0
    assert "Done: 1 files, 1 extracted" in capsys.readouterr().err


def test_same_stem_in_two_formats_does_not_overwrite(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(DIRECTIVE, encoding="utf-8")
    (inbox / "a.md").write_text(DIRECTIVE, encoding="utf-8")
    assert main(["extract", str(inbox), "--out", str(tmp_path / "o")]) == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["a.json", "a.txt.json"]


def test_output_offsets_point_into_the_normalised_text(tmp_path):
    doc = tmp_path / "cv.txt"
    doc.write_text(DIRECTIVE, encoding="utf-8")
    out = tmp_path / "o"
    main(["extract", str(doc), "--out", str(out)])
    data = json.loads(Path(out / "cv.json").read_text(encoding="utf-8"))
    for task in data["tasks"]:
        s, e = task["span"]
        assert data["text"][s:e].strip() == task["text"]
        for lead in task["lead_detail"]:
            s, e = lead["span"]
            assert data["text"][s:e] == lead["surface"]
