"""What ``import net_smtp`` costs: no ``typing`` at run time (it costs
several milliseconds at start-up; the package's annotations and protocols
need it only under a type checker)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import net_smtp


def test_importing_the_package_does_not_import_typing() -> None:
    """``typing`` costs several milliseconds at start-up: the package's
    annotations and protocols need it only under a type checker."""
    code = "import sys; from net_smtp import Net; print('typing' in sys.modules)"
    proc = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(Path(net_smtp.__file__).parents[1])})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"
