"""Helpers for ``tests/cli/test_cli.py``: run ``net-smtp`` in this process
(``net_smtp.cli.main``) or as a child, a ``net-smtp serve`` process, and the
aiosmtpd server the send tests use (it refuses two recipients).

Every child is started in its own session (no controlling terminal, so a
password prompt fails at once instead of waiting on the tester's terminal)
and is always waited for; every pipe and socket is closed.
"""

from __future__ import annotations

import contextlib
import io
import os
import queue
import re
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import net_smtp
from net_smtp import cli
from tests.support.aiosmtpd import AiosmtpdServer

__all__ = [
    "CliResult",
    "cli_test_server",
    "ServeProcess",
    "closed_port",
    "cli_command",
    "cli_env",
    "run_cli",
    "run_cli_process",
    "run_cli_on_terminal",
    "run_cli_with_pty_stderr",
    "silent_server",
]

PACKAGE_ROOT = str(Path(net_smtp.__file__).resolve().parent.parent)
LOCALHOST = "127.0.0.1"
WAIT = 30.0  # generous: the machine is shared; nothing here should take long


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a child: this checkout's ``net_smtp`` first on
    the path, nothing that changes Python's output buffering or warnings."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONUNBUFFERED", "PYTHONWARNINGS", "PYTHONDEVMODE")}
    env["PYTHONPATH"] = os.pathsep.join(
        [PACKAGE_ROOT] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env.update(extra or {})
    return env


def cli_command(*args: str) -> list[str]:
    """``python -m net_smtp ARGS`` with ResourceWarnings always shown (a test
    then finds them in stderr)."""
    return [sys.executable, "-W", "always::ResourceWarning", "-m", "net_smtp", *args]


@dataclass(frozen=True)
class CliResult:
    """What one finished ``net-smtp`` run left behind."""

    code: int
    stdout: str
    stderr: str

    def single_error_line(self) -> str:
        """The one stderr line of a failed run (asserts there is exactly one
        and that no traceback or warning leaked)."""
        assert "Traceback" not in self.stderr, self.stderr
        assert "Warning" not in self.stderr, self.stderr
        lines = self.stderr.splitlines()
        assert len(lines) == 1 and self.stderr.endswith("\n"), self.stderr
        return lines[0]


def run_cli(*args: str, stdin: bytes | None = None,
            env: Mapping[str, str] | None = None) -> CliResult:
    """Run ``net-smtp ARGS`` in this process: ``net_smtp.cli.main(args)``
    with *stdin* as standard input (not a terminal), standard output and
    error captured, and *env* added to the environment for the run.

    A password prompt would reach the tester's terminal here: runs that
    need "no terminal" use :func:`run_cli_process`.
    """
    stdout, stderr = io.StringIO(), io.StringIO()
    stdin_file = io.TextIOWrapper(io.BytesIO(stdin or b""), encoding="utf-8")
    saved_env = dict(os.environ)
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), \
                _replaced_stdin(stdin_file):
            code = cli.main(list(args))
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        stdin_file.close()
    return CliResult(code, stdout.getvalue(), stderr.getvalue())


@contextlib.contextmanager
def _replaced_stdin(stream: io.TextIOWrapper) -> Iterator[None]:
    saved, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = saved


def run_cli_process(*args: str, stdin: bytes | None = None,
                    env: Mapping[str, str] | None = None, timeout: float = WAIT) -> CliResult:
    """Run ``python -m net_smtp ARGS`` as a child with no controlling
    terminal, to the end (killed and reaped after *timeout*): the real entry
    point, and the runs that must find no terminal to prompt on."""
    completed = subprocess.run(
        cli_command(*args), input=stdin if stdin is not None else b"",
        capture_output=True, env=cli_env(env),
        timeout=timeout, start_new_session=True, check=False)
    return CliResult(completed.returncode, completed.stdout.decode("utf-8", "replace"),
                     completed.stderr.decode("utf-8", "replace"))


class ServeProcess:
    """``net-smtp serve --port 0 ARGS`` in a child process, for ``with``.

    On entry it waits for the ``listening on HOST:PORT`` line and sets
    :attr:`host` / :attr:`port`. :meth:`wait_for` waits for more output;
    :meth:`stop` signals the child and returns its exit code and output.
    Leaving the ``with`` block kills a child still running.
    """

    _LISTENING = re.compile(r"listening on (?:\[([^\]]+)\]|([^\s:\[]+)):(\d+)")

    def __init__(self, *args: str, env: Mapping[str, str] | None = None) -> None:
        self._command = cli_command("serve", "--port", "0", *args)
        self._env = cli_env(env)
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stdout: list[str] = []
        self._stderr: list[str] = []
        self._threads: list[threading.Thread] = []
        self._proc: subprocess.Popen[str] | None = None
        self.host = ""
        self.port = 0
        self.first_line = ""

    @property
    def server(self) -> str:
        """``HOST:PORT`` for ``send --server``."""
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    def _pump(self, stream: Any, sink: list[str], lines: bool) -> None:
        for line in stream:
            sink.append(line)
            if lines:
                self._lines.put(line)
        if lines:
            self._lines.put(None)

    def __enter__(self) -> ServeProcess:
        proc = subprocess.Popen(self._command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=self._env, text=True,
                                encoding="utf-8", errors="replace", start_new_session=True)
        self._proc = proc
        self._threads = [
            threading.Thread(target=self._pump, args=(proc.stdout, self._stdout, True),
                             daemon=True),
            threading.Thread(target=self._pump, args=(proc.stderr, self._stderr, False),
                             daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        try:
            match = self.wait_for(self._LISTENING)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        self.first_line = match.string.rstrip("\n")
        self.host, self.port = match.group(1) or match.group(2), int(match.group(3))
        return self

    def wait_for(self, pattern: re.Pattern[str] | str, timeout: float = WAIT) -> re.Match[str]:
        """The first new stdout line matching *pattern* (asserts it comes)."""
        regex = re.compile(pattern, re.MULTILINE) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._lines.get(timeout=0.2)
            except queue.Empty:
                continue
            if line is None:
                self._lines.put(None)  # stays at end of file for the next caller
                break
            match = regex.search(line)
            if match:
                return match
        raise AssertionError(f"serve never printed {regex.pattern!r}; stdout: "
                             f"{''.join(self._stdout)!r}; stderr: {''.join(self._stderr)!r}")

    def stop(self, signum: int = signal.SIGINT) -> CliResult:
        """Send *signum*, wait for the exit; returns code and all output."""
        proc = self._proc
        assert proc is not None
        proc.send_signal(signum)
        code = proc.wait(timeout=WAIT)
        self._finish()
        return CliResult(code, "".join(self._stdout), "".join(self._stderr))

    def _finish(self) -> None:
        for thread in self._threads:
            thread.join(timeout=WAIT)
        proc = self._proc
        if proc is not None:
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()

    def __exit__(self, *exc_info: object) -> None:
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=WAIT)
        self._finish()
        self._proc = None


# ---------------------------------------------------------------- in-test server
def cli_test_server(ssl_context: ssl.SSLContext | None = None) -> AiosmtpdServer:
    """The aiosmtpd server the send tests talk to (``with``): it refuses
    ``nobody@example.net`` for good (550) and ``later@example.net`` for now
    (451); *ssl_context* makes it implicit TLS."""
    return AiosmtpdServer(
        ssl_context=ssl_context, accept_reply="250 2.0.0 Ok: queued as TEST1",
        refusals={"nobody@example.net": "550 5.1.1 <nobody@example.net>: Recipient address "
                                        "rejected: User unknown",
                  "later@example.net": "451 4.2.1 Mailbox busy, try again later"})


def closed_port() -> socket.socket:
    """A socket bound to a free 127.0.0.1 port but not listening: connecting
    to that port is refused while the socket is held (close it after)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((LOCALHOST, 0))
    return sock


def silent_server() -> socket.socket:
    """A listening socket nobody accepts from: the kernel completes the TCP
    handshake, then no greeting ever comes (close it after)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((LOCALHOST, 0))
    sock.listen(4)
    return sock


def read_all(fd: int) -> bytes:
    """Everything a pty master yields until the other side is closed."""
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the slave side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def run_cli_with_pty_stderr(*args: str, timeout: float = WAIT) -> tuple[int, str, bytes]:
    """Run ``net-smtp ARGS`` with stderr on a pseudo-terminal; returns the
    exit code, stdout and what the terminal received."""
    import pty

    master, slave = pty.openpty()
    try:
        with subprocess.Popen(cli_command(*args), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=slave, env=cli_env(),
                              start_new_session=True) as proc:
            os.close(slave)
            slave = -1
            terminal = read_all(master)
            assert proc.stdout is not None
            stdout = proc.stdout.read().decode("utf-8", "replace")
            code = proc.wait(timeout=timeout)
    finally:
        if slave >= 0:
            os.close(slave)
        os.close(master)
    return code, stdout, terminal


# Runs in its own (single-threaded) interpreter: forks net-smtp onto a new
# pseudo-terminal that becomes its controlling terminal, types argv[1] after
# the first "Password" prompt, and copies everything the terminal showed to
# stdout; exits with net-smtp's exit code.
_TERMINAL_DRIVER = r"""
import os, pty, select, sys, time
typed, command = sys.argv[1].encode(), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
shown, sent, deadline = b"", False, time.monotonic() + float(os.environ["DRIVER_TIMEOUT"])
while time.monotonic() < deadline:
    if not select.select([fd], [], [], 0.1)[0]:
        continue
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    shown += chunk
    if not sent and b"Password" in shown:
        os.write(fd, typed + b"\n")
        sent = True
else:
    os.kill(pid, 9)
os.close(fd)
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(shown)
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode")
         else status >> 8)
"""


def run_cli_on_terminal(*args: str, typed: str, timeout: float = WAIT) -> CliResult:
    """Run ``net-smtp ARGS`` with a terminal of its own, typing *typed* at
    its password prompt; ``stdout`` is everything the terminal showed."""
    command = [sys.executable, "-c", _TERMINAL_DRIVER, typed, *cli_command(*args)]
    completed = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                               env=cli_env({"DRIVER_TIMEOUT": str(timeout)}),
                               timeout=timeout + 10, start_new_session=True, check=False)
    return CliResult(completed.returncode, completed.stdout.decode("utf-8", "replace"),
                     completed.stderr.decode("utf-8", "replace"))


def ipv6_loopback_available() -> bool:
    """Whether ::1 can be bound here."""
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
            sock.bind(("::1", 0))
    except OSError:
        return False
    return True


def send_args(server: str, *extra: str, sender: str = "alice@example.com",
              recipients: Sequence[str] = ("bob@example.net",)) -> list[str]:
    """``send --server S --from F --to T... EXTRA``."""
    args = ["send", "--server", server, "--from", sender]
    for rcpt in recipients:
        args += ["--to", rcpt]
    return args + list(extra)
