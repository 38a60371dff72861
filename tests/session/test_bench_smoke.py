"""Smoke tests of the benchmark suite in bench/, so it does not rot: a tiny
complete run of the runner, the C sink (wire record, reply batching, delay,
PIPELINING), the wire check catching a client whose bytes differ, the ratio
cross-check, and the message generator's guarantees the runner relies on."""

from __future__ import annotations

import hashlib
import re
import shutil
import smtplib
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import messages as bench_messages  # noqa: E402
from bench import run as bench_run  # noqa: E402

pytestmark = pytest.mark.slow

TINY = ["--clients", "net_smtp", "--runs", "1", "--startup-runs", "1", "--warmup", "0",
        "--small-count", "20", "--connect-count", "3", "--large-mib", "1", "--file-mib", "1",
        "--check-mib", "1", "--delayed-count", "3", "--sink-delay", "2"]

needs_cc = pytest.mark.skipif(shutil.which("cc") is None,
                              reason="no C compiler: the benchmark's sink cannot be built")


@needs_cc
def test_tiny_run_checks_the_wire_and_prints_every_workload(tmp_path: Path) -> None:
    """One run of each workload: every row reports a time and identical wire
    bytes, the sink check and the target table are printed, exit status 0."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), *TINY,
                          "--workdir", str(tmp_path), "--json", str(tmp_path / "r.json")],
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    rows = [line for line in out.stdout.splitlines() if line.startswith("| ")]
    for case in ("startup", "small", "connect", "large-mem 1 MiB", "large-file 1 MiB",
                 "delayed 2 ms"):
        for client in ("raw limit", "net_smtp"):
            row = next(r for r in rows if r.startswith(f"| {case} | {client} |"))
            assert row.endswith("| identical |"), row
            assert re.search(r"\| \d+\.\d{3} s \| \d+\.\d\d× \|", row), row
    assert re.search(r"^Sink check: the raw client's 1 MiB DATA was absorbed at [\d.]+ GiB/s",
                     out.stdout, re.M)
    assert re.search(r"pinned to CPU \d+ \(the idlest at the start\)", out.stdout)
    assert re.search(r"^\| small \| 82 \| [\d.]+ µs \| [\d.]+ µs \| [\d.]+% \|$",
                     out.stdout, re.M), out.stdout  # 20 x (MAIL, RCPT, DATA, body) + EHLO, QUIT
    assert "Wire check: every run put identical bytes on the wire." in out.stdout
    assert "| large-file 1 MiB | " in out.stdout.split("net_smtp against the targets")[1]
    assert (tmp_path / "r.json").stat().st_size > 0


@needs_cc
def test_wire_check_flags_bytes_that_differ() -> None:
    """smtplib given bytes sends bare LFs as they are; given str it converts
    them as Ruby does. The sink's record of the first must fail the check,
    the second must pass it."""
    message = "Subject: x\n\n.dot line\nlone CR\rend\n"
    want = bench_messages.digest([bench_messages.wire_message(message.encode("ascii"))])
    sink = bench_run.Sink(cpu=None)
    try:
        for body in (message.encode("ascii"), message):
            with smtplib.SMTP("127.0.0.1", sink.port, local_hostname="localhost") as smtp:
                smtp.sendmail(bench_run.SENDER, [bench_run.RECIPIENT], body)
        as_bytes, as_str = sink.sessions()
    finally:
        sink.close()
    problems = bench_run.check_sessions([[want]], [as_bytes])
    assert len(problems) == 1 and "DATA bytes differ" in problems[0], problems
    assert bench_run.check_sessions([[want]], [as_str]) == []
    assert bench_run.check_sessions([[want], [want]], [as_str]) == [
        "1 sessions seen, 2 expected"]


def _reply(sock: socket.socket, last: bytes) -> bytes:
    """Read until a line starting with *last* (a code and a space) ends."""
    data = b""
    while not re.search(rb"(^|\n)" + last + rb"[^\n]*\n$", data):
        more = sock.recv(4096)
        assert more, data
        data += more
    return data


@needs_cc
def test_sink_batches_pipelined_replies_and_records_the_exact_body() -> None:
    """MAIL, two RCPTs and DATA in one write get their four replies in one
    send; the record has the envelope with parameters, the body's exact size
    and SHA-1 (terminator included), and the command and batch counts."""
    sink = bench_run.Sink(cpu=None, pipelining=True)
    body = b"line one\r\n..dot\r\n.\r\n"
    try:
        with socket.create_connection(("127.0.0.1", sink.port)) as sock:
            assert _reply(sock, b"220 ").startswith(b"220 ")
            sock.sendall(b"EHLO localhost\r\n")
            assert _reply(sock, b"250 ") == b"250-sink\r\n250 PIPELINING\r\n"
            sock.sendall(b"MAIL FROM:<a@x> SIZE=9 BODY=8BITMIME\r\nRCPT TO:<b@x>\r\n"
                         b"RCPT TO:<c@x>\r\nDATA\r\n")
            assert _reply(sock, b"354 ") == b"250 OK\r\n" * 3 + b"354 go ahead\r\n"
            sock.sendall(body)
            assert _reply(sock, b"250 ").startswith(b"250 ")
            sock.sendall(b"NOOP\r\nQUIT\r\n")
            assert _reply(sock, b"221 ") == b"250 OK\r\n221 bye\r\n"
        (record,) = sink.sessions()
    finally:
        sink.close()
    assert record["helo"] == "EHLO localhost" and record["quit"] and not record["errors"]
    assert record["msgs"] == [["a@x", ["b@x", "c@x"], ["SIZE=9", "BODY=8BITMIME"], len(body),
                               hashlib.sha1(body).hexdigest(), record["msgs"][0][5]]]
    assert (record["commands"], record["batches"]) == (8, 5)
    assert record["cpu_ns"] > 0


@needs_cc
def test_sink_delay_holds_back_every_batch_of_replies() -> None:
    """With a delay set (the delayed workload's --sink-delay), greeting, EHLO
    and QUIT replies each come at least the delay late (a lower bound: a
    reply cannot be early)."""
    sink = bench_run.Sink(cpu=None)
    try:
        sink.set_delay(40)
        start = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", sink.port, local_hostname="localhost") as smtp:
            smtp.ehlo()
        took = time.perf_counter() - start
        (record,) = sink.sessions()
    finally:
        sink.close()
    assert record["batches"] == 3 and record["quit"]
    assert took >= 3 * 0.040


def test_ratio_of_medians_cross_check_flags_disagreement() -> None:
    """The median of pair ratios and the ratio of medians agree for steady
    runs; one pair distorted by a burst of load on a few runs shows up."""
    def row(mine: list[float], raw: list[float]) -> bench_run.Row:
        made = bench_run.Row("x", runs=[bench_run.Run(t, 1, [], []) for t in mine],
                             paired=[bench_run.Run(t, 1, [], []) for t in raw])
        made.ratios = [a / b for a, b in zip(mine, raw)]
        return made
    steady = row([2.0, 2.1, 1.9, 2.0, 2.05], [1.0, 1.05, 0.95, 1.0, 1.0])
    assert bench_run.disagreement(steady) < 0.02
    bursty = row([1.2, 1.2, 3.0, 3.0, 3.0], [1.0, 1.0, 1.0, 2.5, 2.5])
    assert bench_run.disagreement(bursty) > bench_run.DISAGREE


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
