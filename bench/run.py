"""Benchmark net_smtp against smtplib, aiosmtplib, Ruby net-smtp 0.5.1 and
the raw socket limit, and print a Markdown table.

``python3 bench/run.py`` runs every workload and client (see ``--help`` and
bench/README.md). Each client runs as a whole process, interpreter start
included, paired with a run of the raw-limit client (in the order A B, B A,
A B ...) against a sink SMTP server written in C (bench/sink.c, built here
with the system compiler) on the clients' own CPU. Before a run's time
counts, the sink's record of it is checked: the same envelopes, and DATA
bytes identical (size and SHA-1) to the raw client's pre-encoded wire bytes,
which follow Ruby's rules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CLIENTS = BENCH / "clients"
if not __package__:
    sys.path.insert(0, str(ROOT))

from bench import messages  # noqa: E402  (run as a script, the project root is added above)
from bench.messages import WireDigest  # noqa: E402

WORKLOADS = ("startup", "small", "connect", "large-mem", "large-file", "delayed")
PEERS = ("net_smtp", "net_smtp-pipelined", "smtplib", "aiosmtplib", "ruby")
SENDER = "sender@example.com"
RECIPIENT = "rcpt@example.com"
SINK_MIN_GIB_S = 1.0
GIB = 1024 ** 3
DISAGREE = 0.10  # flag a cell whose two ratios differ by more than this


@dataclass(frozen=True)
class Target:
    """The targets of issue 12 for net_smtp: at most *ratio* times the raw
    limit, at most *peak_mib* of peak RSS, faster than smtplib."""

    ratio: float | None
    peak_mib: float | None = None
    beat_smtplib: bool = False


TARGETS = {
    "startup": Target(1.3, beat_smtplib=True),
    "small": Target(1.3, beat_smtplib=True),
    "connect": Target(1.3, beat_smtplib=True),
    "large-mem": Target(2.0, peak_mib=150),
    "large-file": Target(2.5, peak_mib=16),
    "delayed": Target(None),  # judged by pipelined net_smtp against the lock-step clients
}


@dataclass
class Case:
    """One row group of the table: a workload at one size."""

    workload: str
    size_mib: int
    expected: list[list[WireDigest]]
    label: str
    datadir: Path
    messages: int = 0
    ratio_target: bool = True
    delay_ms: float = 0.0  # the sink's delay before each batch of replies

    def throughput(self, seconds: float) -> str:
        """What the workload moves per second of whole-process time."""
        if self.workload in ("small", "delayed"):
            return f"{self.messages / seconds:,.0f} msg/s"
        if self.workload == "connect":
            return f"{self.messages / seconds:,.0f} sessions/s"
        if self.size_mib:
            return f"{self.size_mib / seconds:,.0f} MiB/s"
        return "—"


@dataclass
class Client:
    """How to start one client process."""

    name: str
    argv: list[str]
    env: dict[str, str]
    workloads: tuple[str, ...] = WORKLOADS
    runs: int = 5
    warmup: int = 1
    startup_runs: int = 5
    why_not: dict[str, str] = field(default_factory=dict)


@dataclass
class Run:
    """One timed process run and what the sink saw of it."""

    seconds: float
    peak_kib: int | None
    problems: list[str]
    sessions: list[dict[str, Any]]


@dataclass
class Row:
    """A client's results for one case."""

    client: str
    runs: list[Run] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    paired: list[Run] = field(default_factory=list)  # the raw-limit run of each pair
    problems: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def ok(self) -> bool:
        """Measured, and every run checked out."""
        return not self.problems and not self.note and bool(self.runs)

    def median_seconds(self) -> float:
        """Median wall time of the timed runs."""
        return statistics.median(r.seconds for r in self.runs)

    def ratio(self) -> float:
        """Median of the pair-by-pair ratios to the raw limit."""
        return statistics.median(self.ratios) if self.ratios else 1.0

    def peak_mib(self) -> float | None:
        """Largest VmHWM over the timed runs, in MiB."""
        peaks = [r.peak_kib for r in self.runs if r.peak_kib is not None]
        return max(peaks) / 1024 if peaks else None


# --------------------------------------------------------------------- sink
def build_sink() -> Path:
    """The sink program, compiled from bench/sink.c with the system ``cc``
    into a cache directory (outside the checkout), once per source and
    compiler version.

    Raises:
        SystemExit: there is no ``cc``, or it cannot build the sink. There is
            no fallback: a sink that costs the clients' CPU more than a few
            microseconds per command would compress every ratio in the table.
    """
    source = BENCH / "sink.c"
    cc = os.environ.get("CC") or shutil.which("cc")
    if cc is None:
        raise SystemExit("bench: no C compiler (`cc`) found; the benchmark's sink is built "
                         "from bench/sink.c and there is no fallback (see bench/README.md)")
    version = subprocess.run([cc, "--version"], capture_output=True).stdout
    key = hashlib.sha256(source.read_bytes() + version).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for cache in (Path(base) / "net_smtp-bench", Path(tempfile.gettempdir()) / "net_smtp-bench"):
        binary = cache / f"sink-{key}"
        if binary.exists():
            return binary
        try:
            cache.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        partial = cache / f"sink-{key}.{os.getpid()}"
        built = subprocess.run([cc, "-O2", "-std=c11", "-Wall", "-Wextra", "-o", str(partial),
                                str(source)], capture_output=True, text=True)
        if built.returncode != 0:
            raise SystemExit(f"bench: `{cc}` could not build bench/sink.c:\n{built.stderr}")
        os.replace(partial, binary)
        return binary
    raise SystemExit("bench: no writable cache directory for the sink program")


class Sink:
    """The sink server process (bench/sink.c) and the records it reports."""

    def __init__(self, cpu: int | None, pipelining: bool = False) -> None:
        argv = [str(build_sink())]
        if pipelining:
            argv.append("--pipelining")
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)
        if cpu is not None:
            os.sched_setaffinity(self.proc.pid, {cpu})
        assert self.proc.stdout is not None
        first = self.proc.stdout.readline().split()
        if len(first) != 2 or first[0] != "port":
            self.close()
            raise RuntimeError("the sink did not start")
        self.port = int(first[1])

    def set_delay(self, ms: float) -> None:
        """From the next session on, wait *ms* milliseconds before each batch
        of replies."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"delay {ms:g}\n")
        self.proc.stdin.flush()
        if self.proc.stdout.readline() != "ok\n":
            raise RuntimeError("the sink did not take the delay")

    def sessions(self) -> list[dict[str, Any]]:
        """The records of every session since the last call (the sink hashes
        the bodies only now, after the client has exited)."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        try:
            self.proc.stdin.write("flush\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass
        got: list[dict[str, Any]] = []
        for line in self.proc.stdout:
            if line == "end\n":
                return got
            got.append(json.loads(line))
        raise RuntimeError(f"the sink died (exit status {self.proc.wait()})")

    def close(self) -> None:
        """Stop the sink process."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def check_sessions(expected: list[list[WireDigest]], sessions: list[dict[str, Any]]) -> list[str]:
    """Compare what the sink saw with what was meant to be sent; returns the
    problems found (an empty list when the wire was right)."""
    problems: list[str] = []
    if len(sessions) != len(expected):
        problems.append(f"{len(sessions)} sessions seen, {len(expected)} expected")
    for n, (want, got) in enumerate(zip(expected, sessions)):
        where = f"session {n}"
        if got.get("errors"):
            problems.append(f"{where}: {'; '.join(got['errors'])}")
        if not got.get("helo"):
            problems.append(f"{where}: no EHLO/HELO")
        if not got.get("quit"):
            problems.append(f"{where}: no QUIT")
        msgs = got.get("msgs", [])
        if len(msgs) != len(want):
            problems.append(f"{where}: {len(msgs)} messages seen, {len(want)} expected")
        for i, (digest, msg) in enumerate(zip(want, msgs)):
            frm, to, params, size, sha1 = msg[:5]
            if (frm, to, params) != (SENDER, [RECIPIENT], []):
                problems.append(f"{where} message {i}: envelope {frm!r} {to!r} {params!r}")
            if (size, sha1) != (digest.size, digest.sha1):
                problems.append(f"{where} message {i}: DATA bytes differ from the raw client's "
                                f"({size} bytes sha1 {sha1[:12]}, expected {digest.size} bytes "
                                f"sha1 {digest.sha1[:12]})")
        if len(problems) > 5:
            break
    return problems[:6]


# ------------------------------------------------------------------ clients
def python_env(pycache: Path) -> dict[str, str]:
    """The environment of the Python clients, which run with ``-S`` (no
    ``site``): the project and this interpreter's site-packages on the path
    instead. ``site`` would run every ``.pth`` hook of the environment at
    every start (an editable install's import hook alone doubles the
    instructions of a bare ``import socket``), a cost that belongs to no
    client and would pad the raw limit. And a bytecode cache (in the work
    directory, so the checkout is not touched) even where
    PYTHONDONTWRITEBYTECODE is set - an installed package has its bytecode
    compiled, and compiling net_smtp from source at every start would cost
    a client tens of milliseconds."""
    import site

    env = dict(os.environ)
    paths = [str(ROOT), env.get("PYTHONPATH", ""), *site.getsitepackages()]
    user_site = site.getusersitepackages()
    if os.path.isdir(user_site):
        paths.append(user_site)
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def make_clients(names: Sequence[str], args: argparse.Namespace,
                 pycache: Path) -> tuple[Client, list[Client], list[str]]:
    """The raw client, the chosen peers, and notes on peers left out."""
    py = sys.executable
    env = python_env(pycache)
    runs, warmup = args.runs, args.warmup
    no_stream = {"large-file": "no streaming API"}
    buffered = tuple(w for w in WORKLOADS if w != "large-file")

    def pyclient(name: str, script: str, *flags: str, **kw: Any) -> Client:
        """A client script run by this interpreter."""
        return Client(name, [py, "-S", str(CLIENTS / script), *flags], env, runs=runs,
                      warmup=warmup, startup_runs=args.startup_runs, **kw)

    raw = pyclient("raw limit", "raw_client.py")
    peers: list[Client] = []
    notes: list[str] = []
    for name in names:
        if name == "net_smtp":
            peers.append(pyclient("net_smtp", "net_smtp_client.py"))
            notes.append(f"net_smtp encodes DATA {encoder_kind(env)}")
        elif name == "net_smtp-pipelined":
            why = pipelining_missing(env)
            if why:
                notes.append(f"net_smtp-pipelined skipped: {why}")
            else:
                peers.append(pyclient(name, "net_smtp_client.py", "--pipelining"))
        elif name == "smtplib":
            peers.append(pyclient("smtplib", "smtplib_client.py",
                                  workloads=buffered, why_not=no_stream))
        elif name == "aiosmtplib":
            peers.append(pyclient("aiosmtplib", "aiosmtplib_client.py",
                                  workloads=buffered, why_not=no_stream))
        elif name == "ruby":
            client, note = ruby_client(args.ruby_runs, args.ruby_warmup)
            if client is not None:
                peers.append(client)
            notes.append(note)
        else:
            raise SystemExit(f"unknown client {name!r} (choose from {', '.join(PEERS)})")
    return raw, peers, notes


def encoder_kind(env: dict[str, str]) -> str:
    """How the net_smtp the clients import encodes DATA bodies: with its
    optional C accelerator, or in Python (built without a compiler)."""
    probe = subprocess.run(
        [sys.executable, "-S", "-c", "from net_smtp import _text; "
         "print(_text.encode_lines is not _text.encode_lines_py)"],
        capture_output=True, text=True, env=env)
    if probe.stdout.strip() == "True":
        return "in C (net_smtp._speedups)"
    return "in Python (net_smtp was built without its C accelerator)"


def pipelining_missing(env: dict[str, str]) -> str:
    """Why net_smtp cannot be run with ``pipelining=True`` (empty if it can):
    the option of issue 12, section 4."""
    probe = subprocess.run(
        [sys.executable, "-S", "-c", "import inspect; from net_smtp import Net; "
         "inspect.signature(Net.SMTP).bind('localhost', pipelining=True)"],
        capture_output=True, text=True, env=env)
    return "" if probe.returncode == 0 else "this net_smtp has no pipelining option"


RUBY_LIBS_HERE = ("/tmp/rb-libs/net-smtp/lib", "/tmp/rb-libs/net-protocol/lib")


def ruby_client(runs: int, warmup: int) -> tuple[Client | None, str]:
    """Ruby net-smtp 0.5.1 on net-protocol 0.2.2, from NET_SMTP_RUBY_LIBS (or
    the checkouts in /tmp/rb-libs when it is not set)."""
    ruby = shutil.which("ruby")
    libs = [p for p in os.environ.get("NET_SMTP_RUBY_LIBS", "").split(":") if p]
    if not libs and all(os.path.isdir(p) for p in RUBY_LIBS_HERE):
        libs = list(RUBY_LIBS_HERE)
    if ruby is None:
        return None, "Ruby skipped: no `ruby` on PATH"
    if not libs:
        return None, "Ruby skipped: NET_SMTP_RUBY_LIBS is not set (nor /tmp/rb-libs there)"
    includes = [arg for lib in libs for arg in ("-I", lib)]
    probe = subprocess.run(
        [ruby, *includes, "-e", "require 'net/smtp'; print RUBY_VERSION, ' ', "
         "Net::SMTP::VERSION, ' ', Net::Protocol::VERSION"],
        capture_output=True, text=True)
    found = probe.stdout.split()
    if probe.returncode != 0 or found[1:] != ["0.5.1", "0.2.2"]:
        what = " ".join(found[1:]) or probe.stderr.strip()
        return None, f"Ruby skipped: NET_SMTP_RUBY_LIBS gives {what}"
    client = Client("Ruby net-smtp", [ruby, *includes, str(CLIENTS / "ruby_client.rb")],
                    dict(os.environ), runs=runs, warmup=warmup, startup_runs=runs)
    return client, f"Ruby {found[0]} with net-smtp {found[1]}, net-protocol {found[2]}"


def run_once(client: Client, case: Case, sink: Sink, timeout: float) -> Run:
    """Run *client* on *case* once: wall time of the whole process, its peak
    RSS and the check of what reached the sink."""
    argv = [*client.argv, case.workload, str(sink.port), str(case.datadir), str(case.size_mib)]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=client.env)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    seconds = time.perf_counter() - start
    peak: int | None = None
    for line in out.decode("ascii", "replace").splitlines():
        if line.startswith("vmhwm_kib="):
            peak = int(line.split("=", 1)[1])
    sessions = sink.sessions()
    if proc.returncode != 0 or peak is None:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        return Run(seconds, peak, [f"exit status {proc.returncode}: {' / '.join(tail)}"], [])
    return Run(seconds, peak, check_sessions(case.expected, sessions), sessions)


# -------------------------------------------------------------------- cases
def large_mem_case(datadir: Path, block_wire: bytes, mib: int, label: str) -> Case:
    """The in-memory message: the prepared 1 MiB block repeated *mib* times."""
    want = messages.repeated_digest(block_wire, mib)
    return Case("large-mem", mib, [[want]], label, datadir)


def prepare(workloads: Sequence[str], args: argparse.Namespace,
            datadir: Path) -> tuple[list[Case], bytes]:
    """Write the message files; the cases to run, with what each must send,
    and the wire form of the 1 MiB block."""
    cases: list[Case] = []
    block, block_wire = messages.prepare_block(str(datadir))
    where = str(datadir)
    for workload in workloads:
        if workload == "startup":
            cases.append(Case("startup", 0, [[]], "startup", datadir))
        elif workload == "small":
            digests = messages.prepare_messages(where, "small", args.small_count, args.small_size)
            cases.append(Case("small", 0, [digests], "small", datadir, len(digests)))
        elif workload == "delayed":
            digests = messages.prepare_messages(where, "delayed", args.delayed_count,
                                                args.small_size)
            cases.append(Case("delayed", 0, [digests], f"delayed {args.sink_delay:g} ms",
                              datadir, len(digests), delay_ms=args.sink_delay))
        elif workload == "connect":
            digests = messages.prepare_messages(where, "connect", args.connect_count,
                                                args.small_size)
            cases.append(Case("connect", 0, [[d] for d in digests], "connect", datadir,
                              len(digests)))
        elif workload == "large-mem":
            cases.append(large_mem_case(datadir, block_wire, args.large_mib,
                                        f"large-mem {args.large_mib} MiB"))
        elif workload == "large-file":
            for n, mib in enumerate(args.file_mib):
                want = messages.prepare_file(where, mib, block, block_wire)
                cases.append(Case("large-file", mib, [[want]], f"large-file {mib} MiB", datadir,
                                  ratio_target=n == 0))
        else:
            raise SystemExit(f"unknown workload {workload!r} (choose from {', '.join(WORKLOADS)})")
    return cases, block_wire


def progress(text: str) -> None:
    """One line of progress on stderr (the report goes to stdout)."""
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def run_case(case: Case, raw: Client, peers: Sequence[Client], sink: Sink,
             timeout: float) -> tuple[Row, list[Row]]:
    """Each peer is paired with the raw client, the order turning each time
    (A B, B A, A B ...) so that neither side always runs on the heels of the
    other and a steady drift of the machine's load cancels out: warm-up
    pairs, then timed pairs. A run whose wire check fails stops that peer for
    this case."""
    sink.set_delay(case.delay_ms)
    try:
        return _run_pairs(case, raw, peers, sink, timeout)
    finally:
        sink.set_delay(0)


def _run_pairs(case: Case, raw: Client, peers: Sequence[Client], sink: Sink,
               timeout: float) -> tuple[Row, list[Row]]:
    """The pairs of :func:`run_case`."""
    raw_row = Row(raw.name)
    rows: list[Row] = []
    for peer in peers:
        runs = peer.startup_runs if case.workload == "startup" else peer.runs
        label = peer.name
        if runs != (raw.startup_runs if case.workload == "startup" else raw.runs):
            label += f" ({runs} run{'s' if runs != 1 else ''})"
        row = Row(label)
        rows.append(row)
        if case.workload not in peer.workloads:
            row.note = peer.why_not.get(case.workload, "not run")
            continue
        for n in range(peer.warmup + runs):
            timed = n >= peer.warmup
            progress(f"  {case.label}: {peer.name} {'run' if timed else 'warm-up'} "
                     f"{n - peer.warmup + 1 if timed else n + 1}")
            if n % 2 == 0:
                mine = run_once(peer, case, sink, timeout)
                limit = run_once(raw, case, sink, timeout)
            else:
                limit = run_once(raw, case, sink, timeout)
                mine = run_once(peer, case, sink, timeout)
            if limit.problems:
                raw_row.problems = limit.problems
            if mine.problems:
                row.problems = mine.problems
                break
            if timed and not limit.problems:
                row.runs.append(mine)
                row.paired.append(limit)
                raw_row.runs.append(limit)
                row.ratios.append(mine.seconds / limit.seconds)
    if not any(row.runs or row.problems for row in rows):
        runs = raw.startup_runs if case.workload == "startup" else raw.runs
        for n in range(raw.warmup + runs):
            limit = run_once(raw, case, sink, timeout)
            if limit.problems:
                raw_row.problems = limit.problems
                break
            if n >= raw.warmup:
                raw_row.runs.append(limit)
    return raw_row, rows


def prime(clients: Sequence[Client], sink: Sink, datadir: Path, timeout: float) -> None:
    """One untimed start of every client, so the Python bytecode cache is
    filled before anything is timed (and a broken client shows up early)."""
    case = Case("startup", 0, [[]], "startup", datadir)
    for client in clients:
        run = run_once(client, case, sink, timeout)
        if run.problems:
            progress(f"{client.name} failed to start: {'; '.join(run.problems)}")


def sink_check(raw: Client, sink: Sink, case: Case, timeout: float) -> tuple[str, bool]:
    """Time the sink absorbing the raw client's in-memory message (one
    warm-up, three runs): DATA wall rate and the sink's own CPU rate."""
    mib = case.size_mib
    walls: list[float] = []
    cpus: list[float] = []
    for n in range(4):
        run = run_once(raw, case, sink, timeout)
        if run.problems:
            return "sink check: FAILED, " + "; ".join(run.problems), False
        session = run.sessions[0]
        size, data_ns = session["msgs"][0][3], session["msgs"][0][5]
        if n:
            walls.append(size / data_ns * 1e9 / GIB)
            cpus.append(size / max(session["cpu_ns"], 1) * 1e9 / GIB)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    ok = wall >= SINK_MIN_GIB_S
    text = (f"Sink check: the raw client's {mib} MiB DATA was absorbed at {wall:.2f} GiB/s "
            f"(354 sent to terminator seen, the sending client on the same CPU; the sink's "
            f"own CPU time over the session gives {cpu:.2f} GiB/s; median of 3) - "
            f"{'PASS' if ok else 'FAIL'} (must be >= {SINK_MIN_GIB_S:g} GiB/s).")
    return text, ok


# ------------------------------------------------------------------- report
Results = list[tuple[Case, Row, list[Row]]]


def fmt_seconds(seconds: float) -> str:
    """Milliseconds resolution below 10 s, tenths above."""
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def disagreement(row: Row) -> float:
    """How far the median of the pair ratios is from the ratio of the
    medians (the row's median over the median of its paired raw runs)."""
    if not row.ratios:
        return 0.0
    of_medians = row.median_seconds() / statistics.median(r.seconds for r in row.paired)
    return abs(row.ratio() / of_medians - 1)


def table(results: Results) -> list[str]:
    """The results table, one row per case and client."""
    out = ["| workload | client | median time | × raw limit | ratio of medians | "
           "pair ratios IQR | throughput | peak RSS | wire |",
           "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for case, raw_row, rows in results:
        for row in [raw_row, *rows]:
            if row.note:
                out.append(f"| {case.label} | {row.client} | — | — | — | — | — | — "
                           f"| n/a ({row.note}) |")
                continue
            if row.problems or not row.runs:
                out.append(f"| {case.label} | {row.client} | — | — | — | — | — | — | "
                           f"**FAILED** ({row.problems[0] if row.problems else 'no run'}) |")
                continue
            seconds = row.median_seconds()
            peak = row.peak_mib()
            if row.ratios:
                of_medians = seconds / statistics.median(r.seconds for r in row.paired)
                flag = " ⚠" if disagreement(row) > DISAGREE else ""
                spread = ("—" if len(row.ratios) < 4 else
                          "{:.2f}–{:.2f}".format(*statistics.quantiles(row.ratios, n=4)[::2]))
                ratios = f"{row.ratio():.2f}×{flag} | {of_medians:.2f}× | {spread}"
            else:
                ratios = "1.00× | 1.00× | —"
            out.append(f"| {case.label} | {row.client} | {fmt_seconds(seconds)} | {ratios} | "
                       f"{case.throughput(seconds)} | "
                       f"{'—' if peak is None else f'{peak:.1f} MiB'} | identical |")
    return out


def sink_costs(results: Results) -> list[str]:
    """What the sink cost during the raw limit's timed runs, per case."""
    out = ["| case | commands per run | sink CPU per command | raw limit wall per command | "
           "sink CPU / raw limit wall |", "|---|---:|---:|---:|---:|"]
    for case, raw_row, _rows in results:
        runs = [r for r in raw_row.runs if r.sessions]
        if not runs:
            continue
        commands = statistics.median(sum(s["commands"] for s in r.sessions) for r in runs)
        cpu = statistics.median(sum(s["cpu_ns"] for s in r.sessions) for r in runs)
        wall = raw_row.median_seconds() * 1e9
        out.append(f"| {case.label} | {commands:,.0f} | {cpu / commands / 1e3:.1f} µs | "
                   f"{wall / commands / 1e3:.1f} µs | {cpu / wall:.1%} |")
    return out


def _mark(ok: bool) -> str:
    """A tick or a cross."""
    return "✓" if ok else "✗"


def _row(rows: list[Row], client: str) -> Row | None:
    """The measured row of *client*, if it was measured."""
    return next((r for r in rows if r.client == client and r.ok), None)


def verdicts(results: Results) -> tuple[list[str], bool]:
    """net_smtp against the targets of issue 12; whether every one holds."""
    out = ["| case | net_smtp | target | met |", "|---|---|---|---|"]
    all_met = True
    for case, _raw, rows in results:
        if not any(r.client == "net_smtp" for r in rows):
            continue
        if case.workload == "delayed":
            ok = _pipelining_verdict(out, case, rows)
            all_met = all_met and ok
            continue
        target = TARGETS[case.workload]
        row = _row(rows, "net_smtp")
        if row is None:
            out.append(f"| {case.label} | not measured | | ✗ |")
            all_met = False
            continue
        got = [f"{row.ratio():.2f}×"]
        want: list[str] = []
        ok = True
        if case.ratio_target and target.ratio is not None:
            want.append(f"≤ {target.ratio:g}×")
            ok = row.ratio() <= target.ratio
        if target.peak_mib is not None:
            peak = row.peak_mib() or 0.0
            got.append(f"{peak:.1f} MiB")
            want.append(f"≤ {target.peak_mib:g} MiB")
            ok = ok and peak <= target.peak_mib
        smtplib = _row(rows, "smtplib")
        if target.beat_smtplib and smtplib is not None:
            got.append(f"smtplib {smtplib.ratio():.2f}×")
            want.append("ahead of smtplib")
            ok = ok and row.ratio() < smtplib.ratio()
        all_met = all_met and ok
        out.append(f"| {case.label} | {', '.join(got)} | {', '.join(want)} | {_mark(ok)} |")
    return out, all_met


def _pipelining_verdict(out: list[str], case: Case, rows: list[Row]) -> bool:
    """Pipelined net_smtp against lock-step net_smtp and smtplib, with the
    sink answering late: at least 1.8x their messages per second."""
    pipelined = _row(rows, "net_smtp-pipelined")
    if pipelined is None:
        out.append(f"| {case.label} | pipelined net_smtp not measured | ≥ 1.8× the msg/s of "
                   "net_smtp and smtplib | ✗ |")
        return False
    others = [r for r in (_row(rows, "net_smtp"), _row(rows, "smtplib")) if r is not None]
    gains = [f"{other.ratio() / pipelined.ratio():.2f}× the msg/s of {other.client}"
             for other in others]
    ok = bool(others) and all(other.ratio() / pipelined.ratio() >= 1.8 for other in others)
    out.append(f"| {case.label} | pipelined: {', '.join(gains)} | ≥ 1.8× the msg/s of each | "
               f"{_mark(ok)} |")
    return ok


class CpuMeter:
    """How busy the machine's CPUs were, and how much of that was not this
    benchmark (other processes: the noise in the numbers)."""

    def __init__(self) -> None:
        self._busy, self._ours, self._wall = self._sample()

    @staticmethod
    def _sample() -> tuple[float, float, float]:
        ours = os.times()
        busy = 0.0
        try:
            with open("/proc/stat", encoding="ascii") as stat:
                fields = [int(x) for x in stat.readline().split()[1:]]
            busy = (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
        return busy, ours.user + ours.system + ours.children_user + ours.children_system, \
            time.monotonic()

    def others(self) -> float:
        """CPUs kept busy by other processes since the start, on average."""
        busy, ours, wall = self._sample()
        return max(0.0, (busy - self._busy) - (ours - self._ours)) / max(wall - self._wall, 1e-9)


def machine() -> str:
    """Where the numbers come from: CPU, cores, memory, kernel, Python, the
    compiler of the sink and aiosmtplib's version."""
    info: dict[str, str] = {}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                key, _, value = line.partition(":")
                info.setdefault(key.strip(), value.strip())
    except OSError:
        pass
    cpu = info.get("model name", platform.processor() or "unknown CPU")
    cores = info.get("cpu cores")
    cpus = f"{os.cpu_count()} logical CPUs" + (f" ({cores} cores)" if cores else "")
    if "hypervisor" in info.get("flags", "").split():
        cpus += ", virtual machine"
    parts = [f"{cpu}, {cpus}"]
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            kib = int(meminfo.readline().split()[1])
        parts.append(f"{kib / 1024 ** 2:.0f} GiB RAM")
    except (OSError, ValueError, IndexError):
        pass
    parts.append(f"{platform.system()} {platform.release()}")
    parts.append(f"{platform.python_implementation()} {platform.python_version()}")
    cc = os.environ.get("CC") or shutil.which("cc")
    if cc:
        first = subprocess.run([cc, "--version"], capture_output=True, text=True).stdout
        parts.append(f"sink built by {first.splitlines()[0] if first else cc}")
    try:
        from importlib.metadata import version
        parts.append(f"aiosmtplib {version('aiosmtplib')}")
    except Exception:
        pass
    return "; ".join(parts)


# --------------------------------------------------------------------- main
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line (see ``--help``)."""
    parser = argparse.ArgumentParser(description="Benchmark net_smtp against its peers and the "
                                     "raw socket limit; prints a Markdown table.")
    parser.add_argument("--workloads", default=",".join(WORKLOADS),
                        help="comma-separated subset of: %(default)s")
    parser.add_argument("--clients", default=",".join(PEERS),
                        help="comma-separated subset of: %(default)s (the raw limit always runs)")
    parser.add_argument("--runs", type=int, default=7, help="timed pairs per client (default 7)")
    parser.add_argument("--startup-runs", type=int, default=21,
                        help="timed pairs per client for the startup workload, whose runs are "
                        "short and noisy (default 21)")
    parser.add_argument("--warmup", type=int, default=1, help="warm-up pairs (default 1)")
    parser.add_argument("--ruby-runs", type=int, default=1,
                        help="timed pairs for Ruby (default 1: one Ruby small run alone takes "
                        "~90 s)")
    parser.add_argument("--ruby-warmup", type=int, default=0,
                        help="warm-up pairs for Ruby (default 0)")
    parser.add_argument("--small-count", type=int, default=2000,
                        help="messages in the small workload (default 2000)")
    parser.add_argument("--small-size", type=int, default=1024,
                        help="bytes per small/connect message (default 1024)")
    parser.add_argument("--connect-count", type=int, default=300,
                        help="sessions in the connect workload (default 300)")
    parser.add_argument("--large-mib", type=int, default=64,
                        help="MiB of the large-mem message (default 64)")
    parser.add_argument("--file-mib", default="64,256",
                        help="comma-separated MiB sizes of the large-file message (default 64,256)")
    parser.add_argument("--check-mib", type=int, default=64,
                        help="MiB for the sink throughput check, 0 to skip (default 64)")
    parser.add_argument("--sink-delay", type=float, default=1.0, metavar="MS",
                        help="in the delayed workload, the sink waits MS milliseconds before "
                        "each batch of replies, as a server a network away would (default 1)")
    parser.add_argument("--delayed-count", type=int, default=400,
                        help="messages in the delayed workload (default 400)")
    parser.add_argument("--workdir", help="where the message files go (default: a temporary "
                        "directory, removed afterwards)")
    parser.add_argument("--pin", choices=("same", "split", "none"), default="same",
                        help="same: the sink, the runner and the clients on one CPU, the idlest "
                        "at the start (default); split: the sink on another CPU than the "
                        "clients; none: no pinning")
    parser.add_argument("--timeout", type=float, default=1800,
                        help="seconds before a client run is killed (default 1800)")
    parser.add_argument("--markdown", help="also write the report to this file")
    parser.add_argument("--json", help="also write every measurement to this file")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 also when a net_smtp target is missed or the sink check "
                        "fails (always: when a wire check or a client fails)")
    args = parser.parse_args(argv)
    args.file_mib = [int(x) for x in args.file_mib.split(",") if x]
    if min(args.runs, args.startup_runs, args.ruby_runs) < 1 or min(args.warmup,
                                                                    args.ruby_warmup) < 0:
        parser.error("run counts must be >= 1 and warm-up counts >= 0")
    if args.sink_delay <= 0:
        parser.error("--sink-delay must be > 0")
    return args


def idlest_cpu(cpus: Sequence[int], seconds: float = 0.25) -> int:
    """The CPU of *cpus* with the most idle time over the next *seconds*."""
    def idle() -> dict[int, int]:
        found: dict[int, int] = {}
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                name, *fields = line.split()
                if name.startswith("cpu") and name[3:].isdigit():
                    found[int(name[3:])] = int(fields[3]) + int(fields[4])
        return found
    try:
        before = idle()
        time.sleep(seconds)
        after = idle()
    except (OSError, ValueError, IndexError):
        return cpus[0]
    return max(cpus, key=lambda cpu: after.get(cpu, 0) - before.get(cpu, 0))


def pin_cpus(mode: str) -> tuple[int | None, str]:
    """Pin this process (so the clients it starts) and choose the sink's CPU.

    ``same`` puts everything on one CPU: a reply then wakes the client on the
    CPU it is already on, the way a real client on a busy machine or a
    network round trip would not be made cheaper by a second, idle CPU (see
    bench/README.md). ``split`` is the old layout, the sink on another CPU.
    """
    cpus = sorted(os.sched_getaffinity(0))
    if mode == "none" or (mode == "split" and len(cpus) < 2):
        return None, "not pinned"
    mine = idlest_cpu(cpus)
    os.sched_setaffinity(0, {mine})
    if mode == "same":
        return mine, f"sink, runner and clients pinned to CPU {mine} (the idlest at the start)"
    sink = next(cpu for cpu in cpus if cpu != mine)
    return sink, f"sink pinned to CPU {sink}, runner and clients to CPU {mine}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the report; the exit status (see README)."""
    started = time.perf_counter()
    args = parse_args(argv)
    workloads = [w for w in args.workloads.split(",") if w]
    tmp = None
    if args.workdir:
        workdir = Path(args.workdir)
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="net-smtp-bench-")
        workdir = Path(tmp)
    raw, peers, notes = make_clients([c for c in args.clients.split(",") if c], args,
                                     workdir / "pycache")
    for note in notes:
        progress(note)
    build_sink()
    load_before = os.getloadavg()
    meter = CpuMeter()
    try:
        progress(f"preparing messages in {workdir}")
        cases, block_wire = prepare(workloads, args, workdir)
        sink_cpu, pinning = pin_cpus(args.pin)
        progress(pinning)
        pipelining = any(p.name == "net_smtp-pipelined" for p in peers)
        sink = Sink(sink_cpu, pipelining)
        try:
            prime([raw, *peers], sink, workdir, args.timeout)
            check_text, check_ok = "Sink check: skipped.", True
            if args.check_mib > 0:
                progress("sink throughput check")
                check = large_mem_case(workdir, block_wire, args.check_mib, "sink check")
                check_text, check_ok = sink_check(raw, sink, check, args.timeout)
                progress(check_text)
            results: Results = []
            for case in cases:
                progress(f"{case.label}")
                raw_row, rows = run_case(case, raw, peers, sink, args.timeout)
                results.append((case, raw_row, rows))
        finally:
            sink.close()
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    wall = time.perf_counter() - started
    others = meter.others()
    load_after = os.getloadavg()
    late = f", replies {args.sink_delay:g} ms late in delayed" if "delayed" in workloads else ""
    sink_text = (f"The sink is bench/sink.c (blocking sockets, one send per batch of replies"
                 f"{late}{', PIPELINING advertised' if pipelining else ''}).")
    lines = ["# net_smtp benchmark", "",
             f"Machine: {machine()}.", "",
             *([f"Clients: {'; '.join(notes)}.", ""] if notes else []),
             f"Each client ran as a whole process, {args.warmup} warm-up + {args.runs} timed "
             f"times ({args.startup_runs} for startup; Ruby: {args.ruby_warmup} + "
             f"{args.ruby_runs}), each run paired with a raw-limit run in turning order "
             f"(A B, B A, ...); {pinning}. {sink_text}", "",
             f"Noise: other processes kept {others:.2f} of the {os.cpu_count()} CPUs busy on "
             f"average during the run; load average before/after "
             f"{load_before[0]:.2f}/{load_after[0]:.2f}.", "",
             check_text, "", *table(results), "",
             "× raw limit is the median of the pair-by-pair ratios; ratio of medians divides "
             "the medians of the same runs; ⚠ marks a row where the two differ by more than "
             f"{DISAGREE:.0%} (the ratio is then not to be trusted); the IQR column is the "
             "middle half of the pair ratios.", ""]
    costs = sink_costs(results)
    if len(costs) > 2:
        lines += ["What the sink cost in the raw limit's timed runs (its CPU time, measured "
                  "by the sink per session), next to the raw limit's wall time:", "",
                  *costs, ""]
    verdict_lines, all_met = verdicts(results)
    if len(verdict_lines) > 2:
        lines += ["net_smtp against the targets of issue 12 (ratios to the raw limit; the "
                  "ratio target of large-file applies to its first size, the others check "
                  "memory):", "", *verdict_lines, "",
                  f"All targets met: {'yes' if all_met else 'NO'}.", ""]
    flagged = [f"{case.label} / {row.client}" for case, _raw, rows in results for row in rows
               if row.ok and disagreement(row) > DISAGREE]
    if flagged:
        lines += [f"Ratios that disagree by more than {DISAGREE:.0%}: {', '.join(flagged)}.", ""]
    wire_ok = all(not row.problems for _c, raw_row, rows in results for row in [raw_row, *rows])
    wire_text = "every run put identical bytes on the wire" if wire_ok else "FAILED"
    lines.append(f"Wire check: {wire_text}. Wall time of the whole benchmark: {wall:.0f} s.")
    problems = [f"- {case.label} / {row.client}: {p}" for case, raw_row, rows in results
                for row in [raw_row, *rows] for p in row.problems]
    if problems:
        lines += ["", "Problems:", *problems]
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.markdown:
        Path(args.markdown).write_text(report, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(_as_json(results, check_text, wall), indent=1),
                                   encoding="utf-8")
    failed = not wire_ok or (args.strict and not (all_met and check_ok))
    return 1 if failed else 0


def _as_json(results: Results, check: str, wall: float) -> dict[str, Any]:
    """Every measurement, for ``--json``."""
    return {
        "sink_check": check,
        "wall_seconds": wall,
        "cases": [{
            "case": case.label,
            "rows": [{
                "client": row.client,
                "seconds": [r.seconds for r in row.runs],
                "paired_raw_seconds": [r.seconds for r in row.paired],
                "ratios": row.ratios,
                "peak_kib": [r.peak_kib for r in row.runs],
                "sink_cpu_ns": [sum(x["cpu_ns"] for x in r.sessions) for r in row.runs],
                "sink_commands": [sum(x["commands"] for x in r.sessions) for r in row.runs],
                "problems": row.problems,
                "note": row.note,
            } for row in [raw_row, *rows]],
        } for case, raw_row, rows in results],
    }


if __name__ == "__main__":
    sys.exit(main())
