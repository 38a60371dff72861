"""The project's linter (``ruff.toml``) is clean over the whole checkout
(package, tests, compat tests, bench, tools): one annotation style (PEP 585
/ 604 forms in annotations), sorted imports, nothing unused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_is_clean() -> None:
    pytest.importorskip("ruff", reason="ruff comes with the [test] extra")
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
