"""Record what each Ruby example in ``docs/examples/`` sends, and check that
its Python twin sends the same bytes.

Each example ``NAME.rb`` runs under real Ruby (net-smtp 0.5.1) against a
the tests' scripted SMTP server (``tests/support/scripted.py``) on 127.0.0.1;
every byte the client sends is kept, one entry per connection, with the
messages the server accepted, and written to
``docs/examples/recorded/NAME.json``.
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
import json
import os
import ssl
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the tests' scripted server

from tests.support.scripted import ConnectionLog, ScriptedServer  # noqa: E402

EXAMPLES_DIR = ROOT / "docs" / "examples"
RECORDED_DIR = EXAMPLES_DIR / "recorded"

HOST = "127.0.0.1"
SERVER_NAME = "mail.example.com"
USER = "alice"
SECRET = "s3cret"
# A fixed CRAM-MD5 challenge keeps the client's answer, and so the recording,
# the same on every run.
CRAM_MD5_CHALLENGE = "<20261128093000.4711@mail.example.com>"
RUN_WAIT = 60.0  # seconds an example may run


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

    def scripted(self) -> dict[str, object]:
        """This behaviour as a profile of the tests' scripted server."""
        keywords = ["8BITMIME", "SMTPUTF8", "SIZE 10485760"]
        if self.tls == "starttls":
            keywords.append("STARTTLS")
        if self.auth:
            keywords.append("AUTH " + " ".join(self.auth))
        return {"hostname": SERVER_NAME, "greeting": f"220 {SERVER_NAME} ESMTP scripted",
                "capabilities": keywords, "tls": self.tls == "implicit",
                "auth": {"user": USER, "secret": SECRET, "cram_challenge": CRAM_MD5_CHALLENGE},
                "refuse_rcpt": dict(self.refuse),
                "replies": {"DATA_END": "250 2.0.0 Ok: queued"}}


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
@dataclass(frozen=True)
class Delivery:
    """One message the server accepted: the sender's mailbox and MAIL FROM
    parameters, the accepted recipients, and the content with its
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


def _replies(server_text: str) -> Iterator[str]:
    """The server's replies in order, each with all its lines."""
    reply = ""
    for line in server_text.splitlines(keepends=True):
        reply += line
        if line[3:4] != "-":
            yield reply
            reply = ""


def deliveries(log: ConnectionLog) -> list[Delivery]:
    """The messages the server accepted on one connection, read back from
    both sides of the conversation (one reply per command: no pipelining;
    none for the lines of a message)."""
    replies = _replies(log.server_text)
    next(replies, None)  # the greeting
    found: list[Delivery] = []
    sender: tuple[str, list[str]] | None = None
    recipients: list[str] = []
    body: list[str] | None = None
    for line in log.client_text.split("\r\n")[:-1]:
        if body is not None and line != ".":
            body.append(line[1:] if line.startswith(".") else line)
            continue
        reply = next(replies, "")
        verb, _, arg = line.partition(" ")
        verb = verb.upper()
        if body is not None:
            if reply.startswith("2") and sender is not None:
                content = "".join(f"{x}\r\n" for x in body).encode("latin-1")
                found.append(Delivery(sender[0], sender[1], recipients, content))
            body, sender, recipients = None, None, []
        elif verb == "MAIL" and reply.startswith("2"):
            sender, recipients = _mailbox_and_parameters(arg), []
        elif verb == "RCPT" and reply.startswith("2"):
            recipients.append(_mailbox_and_parameters(arg)[0])
        elif verb == "DATA" and reply.startswith("3"):
            body = []
        elif verb == "RSET":
            sender, recipients = None, []
    return found


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
    with ScriptedServer(profile.scripted(), kit.server_context if kit else None) as server:
        done = subprocess.run(list(command), env=twin_environment(server.port, kit.ca_file if kit else None),
                              cwd=str(ROOT), capture_output=True, timeout=RUN_WAIT)
    problems = server.problems()
    if problems:
        raise RuntimeError(f"{name}: the scripted server saw: {'; '.join(problems)}")
    return Conversation(
        connections=[{"client": log.client_text, "tls_start": log.tls_start}
                     for log in server.connections],
        stdout=done.stdout.decode("utf-8"),
        stderr=done.stderr.decode("utf-8", "replace"),
        exit_status=done.returncode,
        deliveries=[d.as_json() for log in server.connections for d in deliveries(log)],
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
