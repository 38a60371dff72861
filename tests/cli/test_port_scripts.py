"""The translator's own tricky scripts (``tests/cli/port_scripts/``): habits of
public Ruby mail scripts beyond the main corpus (prompts read with
``gets``, ``"#{e}"`` of an SMTP error, ``case`` on exception classes,
keyword arguments, options hashes, String and Array idioms, capability
probes, multipart bodies, ``each_slice``, an uncaught error, ``exit`` in a
block, LOGIN over STARTTLS, ``ssl_context_params``, ``set_params``,
low-level commands, ``self.x +=``...), and the batches written to measure
the translator on scripts it had not seen (Structs and class families,
``yield`` and ``configure`` blocks, enumerator chains, ``group_by`` /
``partition`` / ``sort_by``, files and directories, JSON and CSV data,
``$1`` after ``=~``, ``Timeout``, ``catch``, Logger / OpenStruct / Set,
in-place bang methods...).

Same layout and recorder as ``compat_tests/port_corpus`` (see its README):
each script was run once under real Ruby 3.1 with net-smtp 0.5.1 against
the scripted server; here its translation must exit 0 and then send the
same bytes, print the same output and exit with the same status.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "compat_tests"))

from port_replay import Entry, TLSMaterial, load_entries, make_tls, run_entry  # noqa: E402
from test_goldens import text_mismatch  # noqa: E402

from net_smtp.cli import main  # noqa: E402

pytest.importorskip("tree_sitter_ruby", reason="net-smtp port needs the [port] extra")

SCRIPTS = Path(__file__).resolve().parent / "port_scripts"
ENTRIES = load_entries(SCRIPTS)
PYTHON_ENV = {"PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture(scope="module")
def tls() -> TLSMaterial:
    return make_tls()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_translation_behaves_as_ruby(entry: Entry, tls: TLSMaterial, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    recording = json.loads(entry.recording.read_text(encoding="utf-8"))
    program = tmp_path / f"{entry.name}.py"
    assert main(["port", str(entry.script), "-o", str(program)]) == 0, capsys.readouterr().err
    run = run_entry(entry, program, [sys.executable], tls, extra_env=PYTHON_ENV)
    problems = [p for p in (
        text_mismatch("stdout", recording["stdout"], run.stdout),
        None if recording["exit_status"] == run.exit_status else
        f"exit status: Ruby {recording['exit_status']}, Python {run.exit_status}",
        None if bool(recording["stderr"]) == bool(run.stderr) else f"stderr: {run.stderr[-500:]}",
        None if len(recording["connections"]) == len(run.connections) else "connections",
    ) if p]
    for want, got in zip(recording["connections"], run.connections):
        problems += [p for p in (text_mismatch("client bytes", want["client"], got["client"]),
                                 None if want["tls_start"] == got["tls_start"] else "TLS start")
                     if p]
    assert not problems, "\n".join(problems) + "\n\n" + program.read_text(encoding="utf-8")


def test_every_script_has_a_current_recording() -> None:
    assert len(ENTRIES) >= 25
    for entry in ENTRIES:
        recording = json.loads(entry.recording.read_text(encoding="utf-8"))
        assert recording["script"] == entry.script.read_text(encoding="utf-8"), entry.name
        assert recording["sidecar"] == entry.sidecar, entry.name
        assert recording["recorded_with"]["net-smtp"] == "0.5.1", entry.name
