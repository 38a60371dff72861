"""The package is fully typed: ``mypy --strict`` over ``net_smtp`` is clean,
``py.typed`` ships with it, user code gets the types ``type_usage.py``
claims, and a wrong argument is flagged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def test_py_typed_marker_is_in_the_package() -> None:
    assert (ROOT / "net_smtp" / "py.typed").is_file()


WRONG_USAGE = """\
from net_smtp import Net

smtp = Net.SMTP.start("mail.example.com", 25)
smtp.send_message(42, "a@example.com", "b@example.net")
smtp.authenticate(12, "x")
Net.SMTP("mail.example.com", 25, read_timeout="5")
"""


def mypy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """mypy --strict with the checkout on its path (an editable install
    hides the package from mypy)."""
    pytest.importorskip("mypy", reason="mypy comes with the [test] extra")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"),
         *args],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "MYPYPATH": str(ROOT)})


def test_mypy_strict_is_clean(tmp_path: Path) -> None:
    proc = mypy(tmp_path, str(ROOT / "net_smtp"), str(ROOT / "tests" / "project" / "type_usage.py"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success" in proc.stdout


def test_mypy_flags_wrong_arguments(tmp_path: Path) -> None:
    script = tmp_path / "wrong.py"
    script.write_text(WRONG_USAGE, encoding="utf-8")
    proc = mypy(tmp_path, str(script))
    flagged = sorted(int(line.split(":")[1]) for line in proc.stdout.splitlines()
                     if "error: Argument" in line)
    assert flagged == [4, 5, 6], proc.stdout
