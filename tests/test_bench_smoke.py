"""Smoke tests of the benchmark suite in bench/, so it does not rot: a tiny
complete run of the runner, the wire check catching a client whose bytes
differ, and the message generator's guarantees the runner relies on."""

from __future__ import annotations

import re
import smtplib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import messages as bench_messages  # noqa: E402
from bench import run as bench_run  # noqa: E402

TINY = ["--clients", "net_smtp", "--runs", "1", "--startup-runs", "1", "--warmup", "0",
        "--small-count", "20", "--connect-count", "3", "--large-mib", "1", "--file-mib", "1",
        "--check-mib", "1", "--no-pin"]


def test_tiny_run_checks_the_wire_and_prints_every_workload(tmp_path: Path) -> None:
    """One run of each workload: every row reports a time and identical wire
    bytes, the sink check and the target table are printed, exit status 0."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), *TINY,
                          "--workdir", str(tmp_path), "--json", str(tmp_path / "r.json")],
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    rows = [line for line in out.stdout.splitlines() if line.startswith("| ")]
    for case in ("startup", "small", "connect", "large-mem 1 MiB", "large-file 1 MiB"):
        for client in ("raw limit", "net_smtp"):
            row = next(r for r in rows if r.startswith(f"| {case} | {client} |"))
            assert row.endswith("| identical |"), row
            assert re.search(r"\| \d+\.\d{3} s \| \d+\.\d\d× \|", row), row
    assert re.search(r"^sink check: the raw client's 1 MiB DATA was absorbed at [\d.]+ GiB/s",
                     out.stdout, re.M)
    assert "Wire check: every run put identical bytes on the wire." in out.stdout
    assert "| large-file 1 MiB | " in out.stdout.split("net_smtp against the targets")[1]
    assert (tmp_path / "r.json").stat().st_size > 0


def test_wire_check_flags_bytes_that_differ(tmp_path: Path) -> None:
    """smtplib given bytes sends bare LFs as they are; given str it converts
    them as Ruby does. The sink's record of the first must fail the check,
    the second must pass it."""
    message = "Subject: x\n\n.dot line\nlone CR\rend\n"
    want = bench_messages.digest([bench_messages.wire_message(message.encode("ascii"))])
    sink = bench_run.Sink(tmp_path, cpu=None)
    try:
        for body in (message.encode("ascii"), message):
            with smtplib.SMTP("127.0.0.1", sink.port, local_hostname="localhost") as smtp:
                smtp.sendmail(bench_run.SENDER, [bench_run.RECIPIENT], body)
        as_bytes, as_str = sink.sessions(2)
    finally:
        sink.close()
    problems = bench_run.check_sessions([[want]], [as_bytes])
    assert len(problems) == 1 and "DATA bytes differ" in problems[0], problems
    assert bench_run.check_sessions([[want]], [as_str]) == []
    assert bench_run.check_sessions([[want], [want]], [as_str]) == [
        "1 sessions seen, 2 expected"]


def test_generated_messages_follow_the_ruby_rules_the_runner_relies_on() -> None:
    """The large message is the 1 MiB block repeated: its wire form must be
    the block's wire form repeated. Line endings, dot-stuffing and the end
    follow net-protocol's write_message."""
    block = bench_messages.make_block().encode("ascii")
    assert len(block) == bench_messages.BLOCK_SIZE and block.endswith(b"\n")
    assert {b"\r\n", b"\n."} <= {block[k * 65536 - 1:k * 65536 + 1] for k in (1, 2)}
    assert re.search(rb"\r[^\n]", block) and re.search(rb"[^\r]\n", block)
    wire = bench_messages.wire_body(block)
    assert bench_messages.wire_body(block * 3) == wire * 3
    assert b"\n.\r\n" not in wire and re.search(rb"\n\.\.", wire)
    assert bench_messages.wire_message(b"a\rb\r\n.c\n..\r") == b"a\r\nb\r\n..c\r\n...\r\n.\r\n"
    assert bench_messages.wire_message(b"") == b"\r\n.\r\n"
    first = bench_messages.make_message(0, 1024, 11)
    assert len(first) == 1024 and first == bench_messages.make_message(0, 1024, 11)
