"""Replay the ``net-smtp port`` corpus (``port_corpus/``, see its README).

Each entry is a Ruby script recorded under real Ruby (net-smtp 0.5.1) by
``ruby/record_port.py``.  Here the script is translated in this process with
``net_smtp.cli.main(["port", script, "-o", out])`` and the exit code checked
against the entry's ``expect``:

- ``identical``: exit 0, then the translation runs as ``python NAME.py
  ARGV...`` (same environment, input files and standard input, its own work
  dir) against a fresh ``ScriptedServer`` playing the same profile, and must
  match Ruby: per connection the client's bytes and the TLS offset, the
  server's replies (a drift check), stdout after the entry's normalisers,
  the exit status, and stderr empty exactly when Ruby's was.
- ``marked``: exit 1, ``# port:`` markers in the output, and every marked
  line range of the sidecar named on stderr as ``NAME.rb:LINE:``.

``NET_SMTP_PORT_CORPUS=DIR`` replays another corpus of the same layout (the
lead's held-out set).  Without the translator the replays skip; the checks
that recordings match their entries, and that the harness itself tells a
faithful port from a drifted one, always run.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from port_replay import (
    DEFAULT_CORPUS,
    NORMALISERS,
    Entry,
    Run,
    TLSMaterial,
    corpus_dir,
    load_entries,
    make_tls,
    normalise,
    run_entry,
)
from test_goldens import text_mismatch

REPO = Path(__file__).resolve().parent.parent
PYTHON_ENV = {"PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
TRANSLATOR_PRESENT = importlib.util.find_spec("net_smtp.cli.port") is not None
needs_translator = pytest.mark.skipif(not TRANSLATOR_PRESENT,
                                      reason="net_smtp.cli.port not present")
REQUIRED_VERSIONS = {"net-smtp": "0.5.1", "net-protocol": "0.2.2"}

CORPUS = corpus_dir()
ENTRIES = load_entries(CORPUS)


@pytest.fixture(scope="session")
def corpus_tls() -> TLSMaterial:
    """A server certificate and the CA file the programs are told to trust."""
    return make_tls()


def load_recording(entry: Entry) -> dict[str, Any]:
    with entry.recording.open(encoding="utf-8") as f:
        recording: dict[str, Any] = json.load(f)
    return recording


def run_python(entry: Entry, program: Path, tls: TLSMaterial) -> Run:
    """Run a Python program the way the corpus runs a translation."""
    return run_entry(entry, program, [sys.executable], tls, extra_env=PYTHON_ENV)


def differences(recording: dict[str, Any], run: Run) -> list[str]:
    """Every way the Python run differs from Ruby's recording (empty: identical)."""
    diffs: list[str] = []
    if run.timed_out:
        diffs.append("the program was still running at the time limit and was killed")
    if recording["exit_status"] != run.exit_status:
        diffs.append(f"exit status: Ruby {recording['exit_status']}, Python {run.exit_status}")
    want_conns, got_conns = recording["connections"], run.connections
    if len(want_conns) != len(got_conns):
        diffs.append(f"connections: Ruby opened {len(want_conns)}, Python {len(got_conns)}")
    for i, (want, got) in enumerate(zip(want_conns, got_conns)):
        found = text_mismatch(f"connection {i}: client bytes", want["client"], got["client"])
        if found:
            diffs.append(found)
        if want["tls_start"] != got["tls_start"]:
            diffs.append(f"connection {i}: TLS started at Ruby {want['tls_start']!r}, "
                         f"Python {got['tls_start']!r}")
        found = text_mismatch(f"connection {i}: server replies (replay drifted)",
                              want["server"], got["server"])
        if found:
            diffs.append(found)
    found = text_mismatch("stdout", recording["stdout"], run.stdout)
    if found:
        diffs.append(found)
    if bool(recording["stderr"]) != bool(run.stderr):
        diffs.append("stderr: Ruby " + (f"printed {recording['stderr'][:300]!r}"
                                        if recording["stderr"] else "printed nothing")
                     + ", Python " + (f"printed {run.stderr[-600:]!r}" if run.stderr
                                      else "printed nothing"))
    diffs.extend(f"server: {p}" for p in run.server_problems)
    return diffs


def numbered(text: str, limit: int = 200) -> str:
    lines = text.splitlines()
    shown = "\n".join(f"{i:4} {line}" for i, line in enumerate(lines[:limit], 1))
    return shown + (f"\n     ... ({len(lines) - limit} more lines)" if len(lines) > limit else "")


def translate(entry: Entry, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``net-smtp port SCRIPT -o OUT`` in this process; (exit code, its stderr)."""
    from net_smtp.cli import main

    capsys.readouterr()
    code = main(["port", str(entry.script), "-o", str(out)])
    return code, capsys.readouterr().err


def check_marked(entry: Entry, code: int, out: Path, err: str) -> None:
    """Exit 1, markers in the output, every marked range reported on stderr."""
    problems = []
    if code != 1:
        problems.append(f"exit code {code}, expected 1 (translated with markers)")
    if not out.exists() or "# port:" not in out.read_text(encoding="utf-8"):
        problems.append("no '# port:' marker in the output")
    reported = {int(n) for n in re.findall(rf"{re.escape(entry.script.name)}:(\d+):", err)}
    for first, last in entry.sidecar["marks"]:
        if not any(first <= n <= last for n in reported):
            problems.append(f"lines {first}-{last} ({entry.sidecar['why']}) not reported on stderr")
    if problems:
        pytest.fail(f"{entry.name}: " + "; ".join(problems)
                    + f"\ntranslator stderr:\n{err}", pytrace=False)


@needs_translator
@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_port_corpus(entry: Entry, corpus_tls: TLSMaterial, tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    """The translation behaves as the Ruby script did (or is marked, as the entry says)."""
    recording = load_recording(entry)
    out = tmp_path / f"{entry.name}.py"
    code, err = translate(entry, out, capsys)
    if entry.expect == "marked":
        check_marked(entry, code, out, err)
        return
    if code != 0:
        pytest.fail(f"{entry.name}: the translator exited {code}, expected 0 (fully "
                    f"translated)\ntranslator stderr:\n{err}", pytrace=False)
    run = run_python(entry, out, corpus_tls)
    diffs = differences(recording, run)
    if diffs:
        detail = "\n".join(f"- {d}" for d in diffs)
        if run.stderr:
            detail += f"\n\nPython stderr:\n{run.stderr}"
        if run.server_notes:
            detail += "\nserver notes:\n" + "\n".join(run.server_notes)
        detail += f"\n\nthe translation ({out.name}):\n{numbered(out.read_text(encoding='utf-8'))}"
        pytest.fail(f"{entry.name} ({entry.sidecar['about']}):\n{detail}", pytrace=False)


def test_recordings_match_their_entries() -> None:
    """Every script has a recording made from its current text and sidecar,
    with net-smtp 0.5.1 on net-protocol 0.2.2, and no recording is orphaned."""
    recorded = {p.stem for p in (CORPUS / "recorded").glob("*.json")}
    names = {e.name for e in ENTRIES}
    assert not recorded - names, f"recordings without an entry: {sorted(recorded - names)}"
    missing = sorted(names - recorded)
    stale = []
    for entry in ENTRIES:
        if entry.name in missing:
            continue
        recording = load_recording(entry)
        assert recording["name"] == entry.name
        for lib, version in REQUIRED_VERSIONS.items():
            assert recording["recorded_with"][lib] == version, (entry.name, lib)
        if (recording["script"] != entry.script.read_text(encoding="utf-8")
                or recording["sidecar"] != entry.sidecar):
            stale.append(entry.name)
    redo = " ".join(missing + stale)
    assert not missing and not stale, (
        f"not recorded: {missing}; stale: {stale}; run "
        f"python3 compat_tests/ruby/record_port.py --corpus {CORPUS} --only {redo}")


def test_normalisers_replace_only_the_volatile_digits() -> None:
    """A normalised date keeps its zone, an id its brackets, and text an
    entry did not opt in for is left alone."""
    text = ("Date: Tue, 05 Mar 2024 09:30:00 -0000\r\nMessage-ID: <1709631000.ab12@x>\r\n"
            "at 2024-03-05 09:30:00 via 127.0.0.1:4321 in /tmp/w/x\n")
    masks = {"/tmp/w": "{TMP}"}
    assert normalise(text, [], masks, 4321) == (
        "Date: Tue, 05 Mar 2024 09:30:00 -0000\r\nMessage-ID: <1709631000.ab12@x>\r\n"
        "at 2024-03-05 09:30:00 via 127.0.0.1:{PORT} in {TMP}/x\n")
    assert normalise(text, list(NORMALISERS), masks, 4321) == (
        "Date: {RFC2822} -0000\r\nMessage-ID: <{MESSAGE-ID}>\r\n"
        "at {TIMESTAMP} via 127.0.0.1:{PORT} in {TMP}/x\n")
    assert normalise("Tue, 5 Mar 2024 09:30:00 +0000", ["rfc2822"], {}, 1) == (
        "Tue, 5 Mar 2024 09:30:00 +0000"), "an unpadded day is a difference, not noise"


# Hand ports (SPEC section 2) of two corpus scripts, and a drifted copy of
# one: the harness must pass the first two and fail the third, so it is
# known to compare what it claims, with or without the translator.
HAND_PORTS = {
    "hello_block": '''\
import os
from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'localhost')
port = int(os.environ.get('SMTP_PORT', '25'))
frm = 'alerts@example.com'
to = 'ops@example.net'
message = f"""From: Alert Bot <{frm}>
To: Operations <{to}>
Subject: SMTP e-mail test

This is a test e-mail message.
"""
with Net.SMTP.start(host, port) as smtp:
    smtp.send_message(message, frm, to)
print(f"Message sent to {to}")
''',
    "starttls_auto_system_store": '''\
import os
from net_smtp import Net

host = os.environ.get('SMTP_HOST') or 'localhost'
port = int(os.environ.get('SMTP_PORT') or 587)
with Net.SMTP.start(host, port, starttls='auto') as smtp:
    print(f"starttls mode: {smtp.is_starttls()}")
    offered = 'true' if smtp.is_capable_starttls() else 'false'
    print(f"STARTTLS still offered after the upgrade: {offered}")
    smtp.send_message("Subject: ping\\n\\nping\\n", 'monitor@example.com', 'noc@example.com')
''',
}
DRIFTED = HAND_PORTS["hello_block"].replace("to = 'ops@example.net'", "to = 'ops@example.org'")


@pytest.mark.parametrize("name, source, identical", [
    ("hello_block", HAND_PORTS["hello_block"], True),
    ("starttls_auto_system_store", HAND_PORTS["starttls_auto_system_store"], True),
    ("hello_block", DRIFTED, False),
], ids=["hello_block", "starttls_auto_system_store", "hello_block_drifted"])
def test_harness_tells_a_faithful_port_from_a_drifted_one(
        name: str, source: str, identical: bool, corpus_tls: TLSMaterial, tmp_path: Path) -> None:
    """The replay path (environment, CA file, server, comparison) on hand ports."""
    entry = next(e for e in load_entries(DEFAULT_CORPUS) if e.name == name)
    program = tmp_path / f"{name}.py"
    program.write_text(source, encoding="utf-8")
    diffs = differences(load_recording(entry), run_python(entry, program, corpus_tls))
    if identical:
        assert diffs == []
    else:
        assert any(d.startswith("connection 0: client bytes") for d in diffs), diffs
        assert any(d.startswith("stdout") for d in diffs), diffs
