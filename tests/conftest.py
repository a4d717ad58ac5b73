"""Shared fixtures: where the evaluation set and the shipped samples live."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


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
