"""Shared fixtures: where the evaluation set and the shipped samples live; the sleep that
works under libfaketime (``make test-sqlite-ahead``)."""

from __future__ import annotations

import importlib.util
import os
import select
import time
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _select_sleep(seconds: float) -> None:
    select.select([], [], [], seconds)


# Under libfaketime 0.9.10 (Debian 12) with FAKETIME_DONT_FAKE_MONOTONIC=1, which the run
# a year ahead needs (a faked monotonic clock hangs every lock wait with a timeout), the
# absolute monotonic clock_nanosleep() behind time.sleep() fails with EINVAL; select()
# sleeps the same time and is left alone.
if "faketime" in os.environ.get("LD_PRELOAD", ""):
    time.sleep = _select_sleep


def shared_dir() -> Path:
    """``../shared`` beside the checkout (CI puts it there), or $CHIDAO_SHARED."""
    return Path(os.environ.get("CHIDAO_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    path = shared_dir() / "eval"
    if not (path / "score.py").exists():
        pytest.fail(
            f"evaluation set not found at {path}: put shared/ beside the checkout or set CHIDAO_SHARED"
        )
    return path


@pytest.fixture(scope="session")
def scorer(eval_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("chidao_eval_score", eval_dir / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
