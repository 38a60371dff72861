"""Record the project's own parity scenarios from real Ruby.

    python3 compat_tests/ruby/record.py                  # every scenario
    python3 compat_tests/ruby/record.py --only NAME ...   # some of them
    python3 compat_tests/ruby/record.py --tags auth tls   # by tag
    python3 compat_tests/ruby/record.py --list            # names and tags
    python3 compat_tests/ruby/record.py --deviations      # documented deviations

Each scenario of ``compat_tests/scenarios`` runs its Ruby program (through
``runner.rb``) against a fresh ``ScriptedServer`` (``tests/support/scripted.py``)
playing the scenario's profile on 127.0.0.1, with TLS from a throw-away ``trustme`` CA.
What Ruby sent on each connection, what the server answered, what escaped,
the debug text and the normalised return value are written to
``compat_tests/recorded/NAME.json`` in the golden transcripts' JSON shape,
so ``test_goldens.py`` replays them the same way (without Ruby).

``--deviations`` writes nothing: it runs the Ruby side of each scenario in
``scenarios.deviations`` (where the port differs from Ruby on purpose), then
the Python twin against the same profile, and prints how they differ.

Ruby and the libraries come from the environment: ``RUBY`` (default
``ruby``), ``NET_SMTP_LIB`` and ``NET_PROTOCOL_LIB`` (default the gems
unpacked under /tmp/rb-libs).  The recorder refuses anything but net-smtp
0.5.1 on net-protocol 0.2.2, and never writes a recording whose Ruby run or
server side went wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import ssl
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
COMPAT = HERE.parent
sys.path[:0] = [str(COMPAT), str(COMPAT.parent)]  # the scenarios; the checkout's net_smtp and tests

from scenarios import SCENARIOS  # noqa: E402
from scenarios.deviations import DEVIATIONS  # noqa: E402

from tests.support.scripted import ScriptedServer, resolve_profile  # noqa: E402

RUNNER = HERE / "runner.rb"
RECORDED = COMPAT / "recorded"
GOLDEN = COMPAT / "golden"
MARKER = "@@NET_SMTP_PARITY@@"
RUBY = os.environ.get("RUBY", "ruby")
NET_SMTP_LIB = os.environ.get("NET_SMTP_LIB", "/tmp/rb-libs/net-smtp/lib")
NET_PROTOCOL_LIB = os.environ.get("NET_PROTOCOL_LIB", "/tmp/rb-libs/net-protocol/lib")
EXPECTED_VERSIONS = {"net-smtp": "0.5.1", "net-protocol": "0.2.2"}
RUBY_TIMEOUT = 60.0  # seconds for one Ruby run (each scenario takes a few at most)


class RecordingError(RuntimeError):
    """A scenario could not be recorded faithfully; nothing is written."""


def server_tls_context() -> ssl.SSLContext:
    """A server certificate for localhost/127.0.0.1 from a fresh CA (the
    Ruby programs connect with verification off)."""
    import trustme

    ca = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("localhost", "127.0.0.1", "::1").configure_cert(context)
    return context


def mask_port(value: Any, port: int) -> Any:
    """The server's port -> ``{PORT}`` in text and as an integer value."""
    if isinstance(value, int) and not isinstance(value, bool):
        return "{PORT}" if value == port else value
    if isinstance(value, str):
        return re.sub(rf"(?<![0-9]){port}(?![0-9])", "{PORT}", value)
    if isinstance(value, list):
        return [mask_port(v, port) for v in value]
    if isinstance(value, dict):
        return {mask_port(k, port): mask_port(v, port) for k, v in value.items()}
    return value


def run_ruby(scenario: dict[str, Any], port: int) -> dict[str, Any]:
    """Run the scenario's Ruby program once; return the runner's JSON."""
    with tempfile.TemporaryDirectory(prefix="net-smtp-parity-") as tmp:
        snippet = Path(tmp) / "snippet.rb"
        snippet.write_text(scenario["ruby"], encoding="utf-8")
        argv = [RUBY, "-I", NET_PROTOCOL_LIB, "-I", NET_SMTP_LIB, str(RUNNER), str(snippet),
                str(port), scenario["name"]]
        try:
            proc = subprocess.run(argv, capture_output=True, timeout=RUBY_TIMEOUT, cwd=tmp)
        except subprocess.TimeoutExpired as exc:
            raise RecordingError(f"Ruby still running after {RUBY_TIMEOUT:g} s") from exc
    stdout = proc.stdout.decode("utf-8", "replace")
    for line in reversed(stdout.splitlines()):
        if line.startswith(MARKER):
            payload: dict[str, Any] = json.loads(line[len(MARKER):])
            break
    else:
        raise RecordingError(f"no result line from Ruby (exit {proc.returncode}):\n"
                             + proc.stderr.decode("utf-8", "replace"))
    versions = payload["versions"]
    for lib, wanted in EXPECTED_VERSIONS.items():
        if versions.get(lib) != wanted:
            raise RecordingError(f"{lib} {versions.get(lib)} loaded, {wanted} required")
    exception = payload["exception"]
    if exception and exception["class"] == "<harness>":
        raise RecordingError(f"the Ruby program does not compile: {exception['message']}")
    return payload


def record(scenario: dict[str, Any], tls_context: ssl.SSLContext) -> dict[str, Any]:
    """Record one scenario; the transcript as it will be written."""
    server = ScriptedServer(scenario["profile"], tls_context)
    port = server.start()
    try:
        payload = run_ruby(scenario, port)
    finally:
        server.stop()
    problems = server.problems()
    if problems:
        raise RecordingError("server side: " + "; ".join(problems))
    exception = payload["exception"]
    if exception:
        exception = dict(exception, message=mask_port(exception["message"], port))
    return {
        "name": scenario["name"],
        "about": scenario["about"],
        "tags": scenario["tags"],
        "expect": None,
        "profile": scenario["profile"],
        "ruby": scenario["ruby"],
        "python": scenario["python"],
        "connections": [{"client": c.client_text, "tls_start": c.tls_start,
                         "server": c.server_text} for c in server.connections],
        "result": mask_port(payload["result"], port),
        "result_norm": mask_port(payload["result_norm"], port),
        "exception": exception,
        "debug": mask_port(payload["debug"], port),
        "recorded_with": payload["versions"],
    }


def show_deviations(tls_context: ssl.SSLContext) -> int:
    """Print, for each documented deviation, what Ruby did and how the
    port's twin differs (the replay test's own comparison)."""
    from test_goldens import compare, compile_twin, run_twin

    for s in DEVIATIONS:
        try:
            transcript = record(s, tls_context)
        except RecordingError as exc:
            print(f"== {s['name']}: Ruby side failed: {exc}")
            continue
        server = ScriptedServer(s["profile"], tls_context)
        server.start()
        try:
            outcome = run_twin(compile_twin(s["name"], s["python"]), server.port, server.stop)
        finally:
            server.stop()
        print(f"== {s['name']}: {s['about']}\n   rule: {s['rule']}")
        for i, conn in enumerate(transcript["connections"]):
            print(f"   Ruby connection {i} sent: {conn['client']!r}")
        print(f"   Ruby raised: {transcript['exception'] and transcript['exception']['class']}"
              f"; Ruby returned: {json.dumps(transcript['result_norm'])}")
        for diff in compare(transcript, server, outcome) or ["(no difference)"]:
            print("   - " + diff.replace("\n", "\n     "))
    return 0


def check_catalogue(scenarios: list[dict[str, Any]]) -> None:
    """Names unique (also against the shared goldens), profiles understood,
    every scenario tagged plain or tls."""
    golden_names = {p.stem for p in GOLDEN.glob("*.json")}
    seen: set[str] = set()
    for s in scenarios:
        name = s["name"]
        if name in seen or name in golden_names:
            raise SystemExit(f"scenario name {name!r} is used twice (or by a golden)")
        seen.add(name)
        if not {"plain", "tls"} & set(s["tags"]):
            raise SystemExit(f"{name}: tag it 'plain' or 'tls'")
        resolve_profile(s["profile"])


def select(scenarios: list[dict[str, Any]], only: list[str] | None,
           tags: list[str] | None) -> list[dict[str, Any]]:
    """The scenarios named by ``--only`` and tagged as ``--tags`` asks."""
    chosen = scenarios
    if only:
        unknown = set(only) - {s["name"] for s in scenarios}
        if unknown:
            raise SystemExit(f"unknown scenario(s): {', '.join(sorted(unknown))}")
        chosen = [s for s in chosen if s["name"] in only]
    if tags:
        chosen = [s for s in chosen if set(tags) & set(s["tags"])]
    return chosen


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; exit status 1 if any scenario failed to record."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NAME")
    parser.add_argument("--tags", nargs="+", metavar="TAG")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    parser.add_argument("--deviations", action="store_true",
                        help="show Ruby and the port on the documented deviations; write nothing")
    args = parser.parse_args(argv)
    check_catalogue(SCENARIOS + DEVIATIONS)
    if args.deviations:
        return show_deviations(server_tls_context())
    chosen = select(SCENARIOS, args.only, args.tags)
    if args.list:
        for s in chosen:
            print(f"{s['name']:45} {' '.join(s['tags'])}")
        return 0
    RECORDED.mkdir(exist_ok=True)
    tls_context = server_tls_context()
    failed = 0
    for s in chosen:
        try:
            transcript = record(s, tls_context)
        except RecordingError as exc:
            failed += 1
            print(f"FAILED {s['name']}: {exc}", file=sys.stderr)
            continue
        path = RECORDED / f"{s['name']}.json"
        with path.open("w", encoding="utf-8") as f:
            json.dump(transcript, f, indent=1, ensure_ascii=True)
            f.write("\n")
        escaped = transcript["exception"]["class"] if transcript["exception"] else "-"
        print(f"recorded {s['name']} (raised: {escaped})")
    print(f"{len(chosen) - failed}/{len(chosen)} scenarios recorded")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
