"""Record the ``net-smtp port`` corpus from real Ruby.

    python3 compat_tests/ruby/record_port.py                 # every entry
    python3 compat_tests/ruby/record_port.py --only NAME ...  # some of them
    python3 compat_tests/ruby/record_port.py --verify         # re-run, compare, write nothing
    python3 compat_tests/ruby/record_port.py --corpus DIR     # another corpus (a held-out set)

Each script of ``compat_tests/port_corpus`` (or ``--corpus`` /
``$NET_SMTP_PORT_CORPUS``) runs as ``ruby -I NET_PROTOCOL -I NET_SMTP
NAME.rb ARGV...`` in a fresh work dir, with its sidecar's environment, input
files and standard input, against a fresh ``tests.support.scripted.ScriptedServer``
playing its profile (TLS from a throw-away ``trustme`` CA).  What Ruby sent
on each connection (and where TLS began), what the server answered, stdout,
stderr and the exit status are written to ``recorded/NAME.json``, with the
port, the paths and the volatile parts the sidecar names normalised
(``port_replay.normalise``), so recording twice gives identical files.

A small probe loaded with ``-r`` reports, when Ruby exits, the versions and
files of net-smtp and net-protocol the script really used; anything but
net-smtp 0.5.1 on net-protocol 0.2.2 from the given directories is refused.
Ruby and the libraries come from ``RUBY``, ``NET_SMTP_LIB`` and
``NET_PROTOCOL_LIB`` (defaults: ``ruby`` and the gems under /tmp/rb-libs).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent.parent)]  # compat_tests; the checkout

from port_replay import (  # noqa: E402
    CorpusError,
    Entry,
    TLSMaterial,
    corpus_dir,
    load_entries,
    make_tls,
    run_entry,
)
from record import EXPECTED_VERSIONS, NET_PROTOCOL_LIB, NET_SMTP_LIB, RUBY  # noqa: E402

PROBE = """\
# Written by record_port.py: when Ruby exits, say which net-smtp and
# net-protocol this script really ran with (the script itself is untouched).
at_exit do
  smtp = $LOADED_FEATURES.find { |f| f.end_with?('/net/smtp.rb') }
  protocol = $LOADED_FEATURES.find { |f| f.end_with?('/net/protocol.rb') }
  File.write(%s, [
    "ruby=#{RUBY_VERSION}",
    "net-smtp=#{defined?(Net::SMTP::VERSION) ? Net::SMTP::VERSION : ''}",
    "net-protocol=#{defined?(Net::Protocol::VERSION) ? Net::Protocol::VERSION : ''}",
    "openssl-gem=#{defined?(OpenSSL::VERSION) ? OpenSSL::VERSION : ''}",
    "net-smtp-file=#{smtp}",
    "net-protocol-file=#{protocol}",
  ].join("\\n"))
end
"""


class RecordingError(RuntimeError):
    """An entry could not be recorded faithfully; nothing is written."""


def ruby_noise(text: str) -> str:
    """Ruby's stderr without object addresses (they change every run)."""
    return re.sub(r"0x[0-9a-f]{8,16}\b", "0x\u2026", text)


def check_versions(report: dict[str, str]) -> dict[str, str]:
    """The versions from the probe's report, or RecordingError."""
    for lib, wanted in EXPECTED_VERSIONS.items():
        if report.get(lib) != wanted:
            raise RecordingError(f"{lib} {report.get(lib) or '(not loaded)'} used, {wanted} "
                                 "required")
    for lib, folder in (("net-smtp", NET_SMTP_LIB), ("net-protocol", NET_PROTOCOL_LIB)):
        loaded = report.get(f"{lib}-file", "")
        if not Path(loaded).resolve().is_relative_to(Path(folder).resolve()):
            raise RecordingError(f"{lib} was loaded from {loaded}, not from {folder}")
    return {k: report[k] for k in ("ruby", "net-smtp", "net-protocol", "openssl-gem")}


def record(entry: Entry, tls: TLSMaterial) -> dict[str, Any]:
    """Run one entry under Ruby; the recording as it will be written."""
    with tempfile.TemporaryDirectory(prefix="net-smtp-probe-") as probe_dir:
        report_file = Path(probe_dir) / "versions.txt"
        probe = Path(probe_dir) / "probe.rb"
        probe.write_text(PROBE % json.dumps(str(report_file)), encoding="utf-8")
        command = [RUBY, "-I", NET_PROTOCOL_LIB, "-I", NET_SMTP_LIB, "-r", str(probe)]
        run = run_entry(entry, entry.script, command, tls, volatile=ruby_noise)
        if run.timed_out:
            raise RecordingError("Ruby still running after the time limit:\n" + run.stderr)
        if not report_file.exists():
            raise RecordingError(f"no version report from Ruby (exit {run.exit_status}):\n"
                                 + run.stderr)
        report = dict(line.split("=", 1)
                      for line in report_file.read_text(encoding="utf-8").splitlines())
    if "(SyntaxError)" in run.stderr and run.exit_status == 1:
        raise RecordingError("the script does not compile:\n" + run.stderr)
    versions = check_versions(report)
    if run.server_problems:
        raise RecordingError("server side: " + "; ".join(run.server_problems))
    return {
        "name": entry.name,
        "script": entry.script.read_text(encoding="utf-8"),
        "sidecar": entry.sidecar,
        "connections": run.connections,
        "stdout": run.stdout,
        "stderr": run.stderr,
        "exit_status": run.exit_status,
        "recorded_with": versions,
    }


def dump(recording: dict[str, Any]) -> str:
    """The recording's file text (stable key order, ASCII, one trailing newline)."""
    return json.dumps(recording, indent=1, ensure_ascii=True) + "\n"


def select(entries: list[Entry], only: list[str] | None) -> list[Entry]:
    if not only:
        return entries
    unknown = set(only) - {e.name for e in entries}
    if unknown:
        raise SystemExit(f"unknown entr(ies): {', '.join(sorted(unknown))}")
    return [e for e in entries if e.name in only]


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; exit status 1 if any entry failed (or differed)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: %(default)s)",
                        default=None)
    parser.add_argument("--only", nargs="+", metavar="NAME")
    parser.add_argument("--list", action="store_true", help="list the entries and exit")
    parser.add_argument("--verify", action="store_true",
                        help="record again and compare with the stored recordings; write nothing")
    args = parser.parse_args(argv)
    folder = (args.corpus or corpus_dir()).resolve()
    try:
        entries = select(load_entries(folder), args.only)
    except CorpusError as exc:
        raise SystemExit(str(exc)) from exc
    if args.list:
        for e in entries:
            print(f"{e.name:40} {e.expect:9} {e.sidecar['about']}")
        return 0
    (folder / "recorded").mkdir(exist_ok=True)
    tls = make_tls()
    failed = 0
    for entry in entries:
        try:
            text = dump(record(entry, tls))
        except RecordingError as exc:
            failed += 1
            print(f"FAILED {entry.name}: {exc}", file=sys.stderr)
            continue
        if args.verify:
            old = entry.recording.read_text(encoding="utf-8") if entry.recording.exists() else ""
            same = old == text
            failed += not same
            print(f"{'same' if same else 'DIFFERENT'} {entry.name}")
            continue
        entry.recording.write_text(text, encoding="utf-8")
        status = json.loads(text)["exit_status"]
        print(f"recorded {entry.name} (exit {status})")
    verb = "verified" if args.verify else "recorded"
    print(f"{len(entries) - failed}/{len(entries)} entries {verb}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
