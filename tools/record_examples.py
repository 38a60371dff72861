"""Record what each Ruby example in ``docs/examples/`` sends, and check that
its Python twin sends the same bytes.

Each example ``NAME.rb`` runs under real Ruby (net-smtp 0.5.1) against a
scripted SMTP server on 127.0.0.1; every byte the client sends is kept, one
entry per connection, and written to ``docs/examples/recorded/NAME.json``.
Where a connection switches to TLS the server records the decrypted bytes and
``tls_start`` says at which offset TLS began, so the whole conversation is
compared, not only its plaintext part. The Python twin ``NAME.py`` is run
against the same server profile and must produce the same connections, the
same standard output and the same exit status.

Usage::

    # record (needs Ruby; the lib dirs of net-protocol and net-smtp)
    NET_SMTP_RUBY_LIBS=/src/net-protocol/lib:/src/net-smtp/lib \\
        python3 tools/record_examples.py [NAME ...]
    # compare the Python twins with the committed recordings (no Ruby needed)
    python3 tools/record_examples.py --check [NAME ...]

The twins read ``SMTP_HOST``, ``SMTP_PORT``, ``SMTP_USER`` and
``SMTP_SECRET`` from the environment; TLS examples verify the server's
certificate against ``SSL_CERT_FILE``, which both OpenSSL builds (Ruby's and
Python's) read for their default trust store.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import hmac
import json
import os
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "docs" / "examples"
RECORDED_DIR = EXAMPLES_DIR / "recorded"

HOST = "127.0.0.1"
SERVER_NAME = "mail.example.com"
USER = "alice"
SECRET = "s3cret"
# A fixed CRAM-MD5 challenge keeps the client's answer, and so the recording,
# the same on every run.
CRAM_MD5_CHALLENGE = b"<20261128093000.4711@mail.example.com>"
# How long the server waits for a client line, and a twin may run, in seconds.
IO_WAIT = 15.0
RUN_WAIT = 60.0


@dataclass(frozen=True)
class ServerProfile:
    """How the scripted server behaves for one example.

    ``tls``: ``"none"``, ``"starttls"`` (offers STARTTLS until it is used)
    or ``"implicit"`` (TLS from the first byte). ``auth``: the mechanisms
    EHLO offers (PLAIN, LOGIN, CRAM-MD5; LOGIN also takes an initial
    response). ``refuse``: recipient -> the reply its RCPT TO gets.
    """

    tls: str = "none"
    auth: tuple[str, ...] = ()
    refuse: Mapping[str, str] = field(default_factory=dict)


AUTH_ALL = ("PLAIN", "LOGIN", "CRAM-MD5")

# Every example and the server it talks to.
EXAMPLES: dict[str, ServerProfile] = {
    "send_with_block": ServerProfile(),
    "start_and_finish": ServerProfile(),
    "helo_domain": ServerProfile(),
    "auth_plain": ServerProfile(auth=AUTH_ALL),
    "auth_login": ServerProfile(auth=AUTH_ALL),
    "auth_cram_md5": ServerProfile(auth=AUTH_ALL),
    "starttls": ServerProfile(tls="starttls", auth=AUTH_ALL),
    "smtps": ServerProfile(tls="implicit", auth=AUTH_ALL),
    "message_stream": ServerProfile(),
    "address_parameters": ServerProfile(),
    "custom_authenticator": ServerProfile(auth=AUTH_ALL),
    "error_handling": ServerProfile(refuse={
        "nobody@example.net": "550 5.1.1 <nobody@example.net>: mailbox unavailable",
        "later@example.net": "451 4.3.0 <later@example.net>: try again later",
    }),
    "report_mailer": ServerProfile(auth=AUTH_ALL),
}


# ---------------------------------------------------------------- the server
@dataclass
class ConnectionRecord:
    """What the client sent on one connection (decrypted after TLS began)."""

    client: bytearray = field(default_factory=bytearray)
    tls_start: int | None = None

    def as_json(self) -> dict[str, object]:
        """The record as JSON data (bytes kept exactly, as latin-1 text)."""
        return {"client": bytes(self.client).decode("latin-1"), "tls_start": self.tls_start}


@dataclass(frozen=True)
class Delivery:
    """One message the scripted server accepted: the sender's mailbox and
    MAIL FROM parameters, the accepted recipients, and the content with its
    dot-stuffing removed (lines still ended by CRLF)."""

    mail_from: str
    mail_options: list[str]
    rcpt_to: list[str]
    content: bytes

    def as_json(self) -> dict[str, object]:
        """The delivery as JSON data (content as latin-1 text)."""
        return {"mail_from": self.mail_from, "mail_options": self.mail_options,
                "rcpt_to": self.rcpt_to, "content": self.content.decode("latin-1")}


def _mailbox_and_parameters(arg: str) -> tuple[str, list[str]]:
    """``FROM:<a@b> K=V`` -> ``('a@b', ['K=V'])``."""
    _, _, rest = arg.partition("<")
    mailbox, _, params = rest.partition(">")
    return mailbox, params.split()


class _Session:
    """The server side of one connection, following a ServerProfile."""

    def __init__(self, sock: socket.socket, profile: ServerProfile,
                 tls_context: ssl.SSLContext | None, record: ConnectionRecord,
                 deliveries: list[Delivery], lock: threading.Lock) -> None:
        self._raw = sock
        self._sock = sock
        self._profile = profile
        self._tls_context = tls_context
        self._record = record
        self._deliveries = deliveries
        self._lock = lock
        self._buffer = b""
        self._tls = False
        self._mail_from: tuple[str, list[str]] | None = None
        self._rcpt_to: list[str] = []

    # -- wire
    def _reply(self, *lines: str) -> None:
        text = "".join(f"{line[:3]}-{line[4:]}\r\n" for line in lines[:-1])
        self._sock.sendall((text + lines[-1] + "\r\n").encode("utf-8"))

    def _readline(self) -> bytes | None:
        while b"\n" not in self._buffer:
            try:
                chunk = self._sock.recv(65536)
            except (OSError, ssl.SSLError):
                return None
            if not chunk:
                return None
            self._record.client += chunk
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line[:-1] if line.endswith(b"\r") else line

    def _start_tls(self) -> None:
        assert self._tls_context is not None
        self._record.tls_start = len(self._record.client)
        self._sock = self._tls_context.wrap_socket(self._sock, server_side=True)
        self._tls = True

    # -- conversation
    def run(self) -> None:
        """Serve the connection until QUIT or the client goes away, then
        close it."""
        try:
            if self._profile.tls == "implicit":
                self._start_tls()
            self._reply(f"220 {SERVER_NAME} ESMTP scripted")
            while True:
                line = self._readline()
                if line is None:
                    return
                verb, _, arg = line.decode("utf-8", "replace").partition(" ")
                if not self._command(verb.upper(), arg):
                    return
        except (OSError, ssl.SSLError):
            return
        finally:
            self._sock.close()
            self._raw.close()

    def _capabilities(self) -> list[str]:
        caps = ["8BITMIME", "SMTPUTF8", "SIZE 10485760"]
        if self._profile.tls == "starttls" and not self._tls:
            caps.append("STARTTLS")
        if self._profile.auth:
            caps.append("AUTH " + " ".join(self._profile.auth))
        return caps

    def _command(self, verb: str, arg: str) -> bool:
        if verb == "EHLO":
            self._reply(f"250 {SERVER_NAME}", *[f"250 {cap}" for cap in self._capabilities()])
        elif verb == "HELO":
            self._reply(f"250 {SERVER_NAME}")
        elif verb == "STARTTLS" and "STARTTLS" in self._capabilities():
            self._reply("220 2.0.0 Ready to start TLS")
            self._start_tls()
        elif verb == "AUTH":
            self._auth(arg.split())
        elif verb == "MAIL":
            self._mail_from = _mailbox_and_parameters(arg)
            self._rcpt_to = []
            self._reply("250 2.1.0 Ok")
        elif verb == "RCPT":
            self._rcpt(arg)
        elif verb == "DATA":
            self._data()
        elif verb == "RSET":
            self._mail_from = None
            self._rcpt_to = []
            self._reply("250 2.0.0 Ok")
        elif verb == "NOOP":
            self._reply("250 2.0.0 Ok")
        elif verb == "QUIT":
            self._reply("221 2.0.0 Bye")
            return False
        else:
            self._reply("502 5.5.2 Error: command not recognized")
        return True

    def _rcpt(self, arg: str) -> None:
        mailbox, _ = _mailbox_and_parameters(arg)
        refusal = self._profile.refuse.get(mailbox)
        if refusal is not None:
            self._reply(refusal)
            return
        self._rcpt_to.append(mailbox)
        self._reply("250 2.1.5 Ok")

    def _data(self) -> None:
        if self._mail_from is None or not self._rcpt_to:
            self._reply("503 5.5.1 Error: need RCPT command")
            return
        self._reply("354 End data with <CR><LF>.<CR><LF>")
        lines: list[bytes] = []
        while True:
            line = self._readline()
            if line is None:
                return
            if line == b".":
                break
            lines.append(line[1:] if line.startswith(b".") else line)
        with self._lock:
            self._deliveries.append(Delivery(
                self._mail_from[0], self._mail_from[1], list(self._rcpt_to),
                b"".join(x + b"\r\n" for x in lines)))
        self._mail_from = None
        self._rcpt_to = []
        self._reply("250 2.0.0 Ok: queued")

    # -- AUTH
    def _ask(self, challenge: bytes) -> bytes | None:
        """Send a 334 challenge; the decoded answer, None if cancelled."""
        self._reply("334 " + base64.b64encode(challenge).decode("ascii"))
        line = self._readline()
        if line is None or line == b"*":
            return None
        try:
            return base64.b64decode(line, validate=True)
        except binascii.Error:
            return None

    def _auth(self, words: list[str]) -> None:
        mechanism = words[0].upper() if words else ""
        if mechanism not in self._profile.auth:
            self._reply("504 5.5.4 Unrecognized authentication type")
            return
        initial: bytes | None = None
        if len(words) > 1:
            try:
                initial = base64.b64decode(words[1], validate=True)
            except binascii.Error:
                self._reply("501 5.5.2 Cannot decode the initial response")
                return
        ok = False
        if mechanism == "PLAIN":
            answer = initial if initial is not None else self._ask(b"")
            parts = answer.split(b"\0") if answer is not None else []
            ok = len(parts) == 3 and parts[1:] == [USER.encode(), SECRET.encode()]
        elif mechanism == "LOGIN":
            user = initial if initial is not None else self._ask(b"Username:")
            secret = self._ask(b"Password:") if user is not None else None
            ok = user == USER.encode() and secret == SECRET.encode()
        elif mechanism == "CRAM-MD5":
            answer = self._ask(CRAM_MD5_CHALLENGE)
            expected = hmac.new(SECRET.encode(), CRAM_MD5_CHALLENGE, hashlib.md5).hexdigest()
            ok = answer == f"{USER} {expected}".encode()
        if ok:
            self._reply("235 2.7.0 Authentication successful")
        else:
            self._reply("535 5.7.8 Authentication credentials invalid")


class ScriptedSMTPServer:
    """A small SMTP server on 127.0.0.1 that records every client byte.

    It accepts any number of connections (each served in its own thread)
    until the ``with`` block ends; :attr:`connections` lists their records
    in the order they were accepted, :attr:`deliveries` the messages.
    """

    def __init__(self, profile: ServerProfile, tls_context: ssl.SSLContext | None = None) -> None:
        if profile.tls != "none" and tls_context is None:
            raise ValueError("a TLS profile needs a server context")
        self.profile = profile
        self.connections: list[ConnectionRecord] = []
        self.deliveries: list[Delivery] = []
        self._tls_context = tls_context
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind((HOST, 0))
        self._listener.listen(8)
        self._listener.settimeout(0.1)
        self.port: int = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            sock.settimeout(IO_WAIT)
            record = ConnectionRecord()
            self.connections.append(record)
            thread = threading.Thread(target=self._serve, args=(sock, record), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket, record: ConnectionRecord) -> None:
        _Session(sock, self.profile, self._tls_context, record, self.deliveries, self._lock).run()

    def __enter__(self) -> ScriptedSMTPServer:
        self._acceptor.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        self._acceptor.join(IO_WAIT)
        self._listener.close()
        for thread in self._threads:
            thread.join(IO_WAIT)


# ----------------------------------------------------------------- certificates
@dataclass(frozen=True)
class TLSKit:
    """A server context and the CA file a client must trust for it."""

    server_context: ssl.SSLContext
    ca_file: Path


def make_tls_kit(directory: Path) -> TLSKit:
    """Issue (with trustme) a CA and a certificate for 127.0.0.1 and
    localhost; write the CA to *directory*."""
    import trustme

    ca = trustme.CA()
    ca_file = directory / "examples-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert(HOST, "localhost").configure_cert(context)
    return TLSKit(context, ca_file)


# ----------------------------------------------------------------- running twins
@dataclass(frozen=True)
class Conversation:
    """One run of an example: what it sent, printed and returned."""

    connections: list[dict[str, object]]
    stdout: str
    stderr: str
    exit_status: int
    deliveries: list[dict[str, object]]


def twin_environment(port: int, ca_file: Path | None) -> dict[str, str]:
    """The environment an example runs in: server address, account, CA file,
    and the checkout first on PYTHONPATH."""
    env = dict(os.environ)
    env.update(SMTP_HOST=HOST, SMTP_PORT=str(port), SMTP_USER=USER, SMTP_SECRET=SECRET,
               PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               PYTHONIOENCODING="utf-8")
    if ca_file is not None:
        env["SSL_CERT_FILE"] = str(ca_file)
    return env


def ruby_command(*args: str) -> list[str]:
    """``ruby -I lib ... ARGS``, with the lib dirs listed in NET_SMTP_RUBY_LIBS.

    Raises:
        RuntimeError: NET_SMTP_RUBY_LIBS is not set.
    """
    libs = [d for d in os.environ.get("NET_SMTP_RUBY_LIBS", "").split(":") if d]
    if not libs:
        raise RuntimeError("set NET_SMTP_RUBY_LIBS to the lib dirs of net-protocol and net-smtp, "
                           "separated by ':'")
    return ["ruby", *[f"-I{d}" for d in libs], *args]


def python_command(script: Path) -> list[str]:
    """The current interpreter running *script*."""
    return [sys.executable, str(script)]


def converse(name: str, command: Sequence[str], workdir: Path) -> Conversation:
    """Run *command* (an example) against a fresh scripted server with the
    example's profile; *workdir* receives the certificate files."""
    profile = EXAMPLES[name]
    kit = make_tls_kit(workdir) if profile.tls != "none" else None
    with ScriptedSMTPServer(profile, kit.server_context if kit else None) as server:
        done = subprocess.run(list(command), env=twin_environment(server.port, kit.ca_file if kit else None),
                              cwd=str(ROOT), capture_output=True, timeout=RUN_WAIT)
    return Conversation(
        connections=[record.as_json() for record in server.connections],
        stdout=done.stdout.decode("utf-8"),
        stderr=done.stderr.decode("utf-8", "replace"),
        exit_status=done.returncode,
        deliveries=[delivery.as_json() for delivery in server.deliveries],
    )


def recording_path(name: str) -> Path:
    """Where the recording of example *name* is kept."""
    return RECORDED_DIR / f"{name}.json"


def load_recording(name: str) -> dict[str, object]:
    """The committed recording of example *name*."""
    with open(recording_path(name), encoding="utf-8") as fh:
        data: dict[str, object] = json.load(fh)
    return data


def comparable(conversation: Conversation) -> dict[str, object]:
    """The parts of a run that a recording fixes."""
    return {"connections": conversation.connections, "stdout": conversation.stdout,
            "exit_status": conversation.exit_status, "deliveries": conversation.deliveries}


def ruby_versions() -> dict[str, str]:
    """The Ruby, net-smtp and net-protocol versions that record, as Ruby reports them."""
    probe = ("require 'net/smtp'; puts RUBY_DESCRIPTION, Net::SMTP::VERSION, "
             "Net::Protocol::VERSION")
    done = subprocess.run(ruby_command("-e", probe), capture_output=True,
                          text=True, check=True, timeout=RUN_WAIT)
    ruby, smtp, protocol = done.stdout.splitlines()
    return {"ruby": ruby, "net-smtp": smtp, "net-protocol": protocol}


def record(name: str, versions: Mapping[str, str], workdir: Path) -> Conversation:
    """Run ``NAME.rb`` under Ruby, write its recording and return the run.

    Raises:
        RuntimeError: the Ruby example failed (its stderr is in the message).
    """
    run = converse(name, ruby_command(str(EXAMPLES_DIR / f"{name}.rb")), workdir)
    if run.exit_status != 0 or run.stderr:
        raise RuntimeError(f"{name}.rb exited {run.exit_status}:\n{run.stderr}")
    data: dict[str, object] = {
        "example": name,
        "recorded_with": dict(versions),
        "server": asdict(EXAMPLES[name]),
        **comparable(run),
    }
    RECORDED_DIR.mkdir(parents=True, exist_ok=True)
    with open(recording_path(name), "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, ensure_ascii=True)
        fh.write("\n")
    return run


def differences(name: str, workdir: Path) -> list[str]:
    """How the Python twin of *name* differs from the Ruby recording
    (empty when the conversations are identical)."""
    expected = load_recording(name)
    run = converse(name, python_command(EXAMPLES_DIR / f"{name}.py"), workdir)
    got = comparable(run)
    problems = [f"{key}: Ruby {expected[key]!r} != Python {got[key]!r}"
                for key in got if expected[key] != got[key]]
    if problems and run.stderr:
        problems.append(f"Python stderr:\n{run.stderr}")
    return problems


def _names(requested: Sequence[str]) -> Iterator[str]:
    for name in requested or EXAMPLES:
        if name not in EXAMPLES:
            raise SystemExit(f"unknown example {name!r}; known: {', '.join(EXAMPLES)}")
        yield name


def main(argv: Sequence[str] | None = None) -> int:
    """Record the Ruby examples, or with ``--check`` compare the Python twins."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare the Python twins with the committed recordings")
    parser.add_argument("names", nargs="*", help="examples to handle (default: all)")
    args = parser.parse_args(argv)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        versions = {} if args.check else ruby_versions()
        for name in _names(args.names):
            if args.check:
                problems = differences(name, Path(tmp))
                failures += bool(problems)
                print(f"{name}: {'identical' if not problems else 'DIFFERENT'}")
                for problem in problems:
                    print("   ", problem)
            else:
                run = record(name, versions, Path(tmp))
                print(f"{name}: recorded {len(run.connections)} connection(s), "
                      f"{len(run.deliveries)} message(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
