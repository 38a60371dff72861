"""The ``net-smtp`` command line, run as ``python -m net_smtp`` in
subprocesses against a real ``net-smtp serve`` child or a real aiosmtpd
server in this process (helpers in ``cli_support.py``).

Every failing case checks the documented exit code and that stderr is one
line with no traceback.
"""

from __future__ import annotations

import base64
import io
import mailbox
import signal
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from net_smtp import Net, __version__, cli
from tests.support.aiosmtpd import AiosmtpdServer
from tests.support.cli import (
    ServeProcess,
    cli_env,
    cli_test_server,
    closed_port,
    ipv6_loopback_available,
    run_cli,
    run_cli_on_terminal,
    run_cli_process,
    run_cli_with_pty_stderr,
    send_args,
    silent_server,
)

# The README example the demo must send, as given in the project's brief.
README_MESSAGE = (
    "From: Alice <alice@example.com>\n"
    "To: Bob <bob@example.net>\n"
    "Subject: Hello from net_smtp\n"
    "Date: Sat, 28 Nov 2026 10:00:00 +0000\n"
    "Message-ID: <hello.1@example.com>\n"
    "\n"
    "Hi Bob,\n"
    "this message went out through Net.SMTP, byte for byte as Ruby sends it.\n"
)

# A message that exercises the writer: dot lines, blank lines, tabs, trailing
# spaces, UTF-8, a long line; LF endings (CRLF files are tested apart).
TRICKY_MESSAGE = (
    "From: Alice <alice@example.com>\n"
    "To: Bob <bob@example.net>\n"
    "Subject: =?utf-8?q?caf=C3=A9?=\n"
    "\n"
    ".leading dot\n"
    "..two dots\n"
    ".\n"
    "\n"
    "\ttab and trailing spaces   \n"
    "caf\u00e9 \u2603 \U0001f600\n"
    + "x" * 900 + "\n"
    "last line\n"
).encode("utf-8")

MiB = 1024 * 1024


def normalise(data: bytes) -> bytes:
    """Line endings as a local mail file keeps them."""
    return data.replace(b"\r\n", b"\n")


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory,
              test_ca: trustme.CA) -> tuple[Path, Path, Path]:
    """The session's test CA and a server certificate for 127.0.0.1 /
    localhost from it: (ca.pem, server.crt, server.key)."""
    base = tmp_path_factory.mktemp("tls")
    ca = test_ca
    leaf = ca.issue_cert("127.0.0.1", "localhost", "::1")
    ca_file, cert_file, key_file = base / "ca.pem", base / "server.crt", base / "server.key"
    ca.cert_pem.write_to_path(str(ca_file))
    leaf.private_key_pem.write_to_path(str(key_file))
    for blob in leaf.cert_chain_pems:
        blob.write_to_path(str(cert_file), append=True)
    return ca_file, cert_file, key_file


@pytest.fixture
def message_file(tmp_path: Path) -> Path:
    path = tmp_path / "message.eml"
    path.write_bytes(TRICKY_MESSAGE)
    return path


@pytest.fixture
def intest_server() -> Iterator[AiosmtpdServer]:
    with cli_test_server() as server:
        yield server


# ---------------------------------------------------------------- --version, --help
def test_version_names_package_and_ruby_versions() -> None:
    result = run_cli("--version")
    assert result.code == 0, result.stderr
    assert result.stdout == f"net-smtp {__version__} (Ruby net-smtp {Net.SMTP.VERSION})\n"


def test_the_real_entry_points() -> None:
    """``python -m net_smtp`` and the installed ``net-smtp`` script run the
    same main (most tests here call it in this process)."""
    expected = f"net-smtp {__version__} (Ruby net-smtp {Net.SMTP.VERSION})\n"
    assert run_cli_process("--version").stdout == expected
    script = Path(sys.executable).with_name("net-smtp")
    if script.exists():  # an installed checkout (the README's set-up)
        done = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                              env=cli_env(), timeout=60, check=False)
        assert (done.returncode, done.stdout) == (0, expected)


@pytest.mark.parametrize("command", [[], ["demo"], ["send"], ["serve"]])
def test_help_for_every_command_documents_the_exit_codes(command: list) -> None:
    result = run_cli(*command, "--help")
    assert result.code == 0, result.stderr
    assert result.stdout.startswith(" ".join(["usage: net-smtp", *command]))
    for code, meaning in cli.EXIT_CODES.items():
        assert f"  {code:<3}  {meaning}" in result.stdout


def test_no_command_is_a_usage_error() -> None:
    result = run_cli()
    assert result.code == cli.EXIT_USAGE
    assert "choose a command" in result.single_error_line()


# ---------------------------------------------------------------- demo
def test_demo_shows_the_conversation_then_the_received_message() -> None:
    result = run_cli("demo")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    for line in ('<- "EHLO localhost\\r\\n"', '-> "250-', '-> "250 OK\\r\\n"',
                 '<- "MAIL FROM:<alice@example.com>\\r\\n"', '<- "RCPT TO:<bob@example.net>\\r\\n"',
                 '<- "DATA\\r\\n"', '-> "354 ', "writing message from String",
                 '<- "QUIT\\r\\n"', '-> "221 '):
        assert line in out
    wire_size = len(README_MESSAGE.replace("\n", "\r\n").encode()) + len(".\r\n")
    assert f"wrote {wire_size} bytes\n" in out
    conversation_end = out.index('-> "221 ')
    assert out.index("Connection opened: 127.0.0.1:") < out.index('<- "EHLO') < conversation_end
    received = out[conversation_end:]
    assert "from <alice@example.com> for <bob@example.net>" in received
    assert received.endswith("\n\n" + README_MESSAGE)


def test_demo_on_a_busy_port_fails_in_one_line() -> None:
    with silent_server() as busy:
        port = busy.getsockname()[1]
        result = run_cli("demo", "--port", str(port))
    assert result.code == cli.EXIT_CONNECTION
    line = result.single_error_line()
    assert line.startswith(f"net-smtp demo: cannot listen on 127.0.0.1:{port}")
    assert "in use" in line
    assert result.stdout == ""


def test_demo_with_a_bad_port_is_a_usage_error() -> None:
    result = run_cli("demo", "--port", "70000")
    assert result.code == cli.EXIT_USAGE
    assert "bad port '70000'" in result.single_error_line()


# ---------------------------------------------------------------- send: bad input
@pytest.mark.parametrize("server, complaint", [
    ("127.0.0.1:99999", "bad port '99999'"),
    ("127.0.0.1:smtp", "bad port 'smtp'"),
    ("[::1", "missing ']'"),
])
def test_send_bad_server_or_port_is_a_usage_error(server: str, complaint: str,
                                                  message_file: Path) -> None:
    result = run_cli(*send_args(server, str(message_file)))
    assert result.code == cli.EXIT_USAGE
    line = result.single_error_line()
    assert line.startswith("net-smtp send: --server: ") and complaint in line


@pytest.mark.parametrize("missing, args", [
    ("--to", ["send", "--server", "127.0.0.1", "--from", "a@example.com"]),
    ("--from", ["send", "--server", "127.0.0.1", "--to", "b@example.com"]),
    ("--server", ["send", "--from", "a@example.com", "--to", "b@example.com"]),
])
def test_send_missing_option_is_a_usage_error(missing: str, args: list) -> None:
    result = run_cli(*args)
    assert result.code == cli.EXIT_USAGE
    line = result.single_error_line()
    assert line.startswith("net-smtp send: error: the following arguments are required:")
    assert missing in line


def test_send_unreadable_file_is_a_usage_error(tmp_path: Path, intest_server: AiosmtpdServer) -> None:
    for path, reason in ((tmp_path / "absent.eml", "No such file or directory"),
                         (tmp_path, "Is a directory")):
        result = run_cli(*send_args(intest_server.server, str(path)))
        assert result.code == cli.EXIT_USAGE
        line = result.single_error_line()
        assert line == f"net-smtp send: cannot read message file {str(path)!r}: {reason}"
    assert intest_server.messages == []


def test_send_to_an_unreachable_server_is_a_connection_error(message_file: Path) -> None:
    with closed_port() as sock:
        port = sock.getsockname()[1]
        result = run_cli(*send_args(f"127.0.0.1:{port}", str(message_file)))
    assert result.code == cli.EXIT_CONNECTION
    assert result.single_error_line() == (
        f"net-smtp send: cannot connect to 127.0.0.1:{port}: Connection refused")


def test_send_to_a_silent_server_times_out(message_file: Path) -> None:
    with silent_server() as sock:
        port = sock.getsockname()[1]
        result = run_cli(*send_args(f"127.0.0.1:{port}", "--read-timeout", "0.5",
                                    str(message_file)))
    assert result.code == cli.EXIT_CONNECTION
    assert result.single_error_line() == (
        f"net-smtp send: no greeting from 127.0.0.1:{port} within --read-timeout 0.5")


def test_send_refused_recipient_is_a_permanent_error(intest_server: AiosmtpdServer,
                                                    message_file: Path) -> None:
    result = run_cli(*send_args(intest_server.server, str(message_file),
                                recipients=["bob@example.net", "nobody@example.net"]))
    assert result.code == cli.EXIT_PERMANENT
    assert result.single_error_line() == (
        "net-smtp send: RCPT TO:<nobody@example.net> refused: 550 5.1.1 "
        "<nobody@example.net>: Recipient address rejected: User unknown")
    assert result.stdout == ""
    assert intest_server.messages == []


def test_send_temporarily_refused_recipient_is_a_temporary_error(
        intest_server: AiosmtpdServer, message_file: Path) -> None:
    result = run_cli(*send_args(intest_server.server, str(message_file),
                                recipients=["later@example.net"]))
    assert result.code == cli.EXIT_TEMPORARY
    assert result.single_error_line() == (
        "net-smtp send: RCPT TO:<later@example.net> refused for now (try again later): "
        "451 4.2.1 Mailbox busy, try again later")
    assert intest_server.messages == []


def test_send_starttls_always_without_server_support_is_a_tls_error(
        intest_server: AiosmtpdServer, message_file: Path) -> None:
    result = run_cli(*send_args(intest_server.server, "--starttls", "always", str(message_file)))
    assert result.code == cli.EXIT_TLS
    assert "does not offer STARTTLS" in result.single_error_line()
    assert intest_server.messages == []


def test_send_implicit_tls_to_a_plain_server_is_a_tls_error(
        intest_server: AiosmtpdServer, message_file: Path) -> None:
    result = run_cli(*send_args(intest_server.server, "--tls", "--open-timeout", "10",
                                str(message_file)))
    assert result.code == cli.EXIT_TLS
    assert result.single_error_line().startswith(
        f"net-smtp send: TLS with {intest_server.server} failed:")


@pytest.mark.parametrize("args, complaint", [
    (["--authtype", "bogus", "--user", "joe"], "unknown authentication type 'bogus'"),
    (["--tls", "--starttls", "always"], "--tls and --starttls are exclusive"),
    (["--password-env", "X"], "--password-env needs --user"),
    (["--user", "joe", "--password-env", "NET_SMTP_TEST_UNSET_VARIABLE"],
     "environment variable NET_SMTP_TEST_UNSET_VARIABLE (from --password-env) is not set"),
    (["--read-timeout", "0"], "must be a positive number of seconds"),
    (["--debug", "--debug-secrets"], "not allowed with argument"),
    (["--to", "x\ny@example.net"],
     "RCPT TO:<x y@example.net>: A line must not contain CR or LF"),
])
def test_send_option_errors_are_usage_errors(args: list, complaint: str, message_file: Path,
                                             intest_server: AiosmtpdServer) -> None:
    result = run_cli(*send_args(intest_server.server, *args, str(message_file)))
    assert result.code == cli.EXIT_USAGE
    assert complaint in result.single_error_line()
    assert intest_server.messages == []


def test_no_terminal_for_the_password_is_a_usage_error(message_file: Path,
                                                       intest_server: AiosmtpdServer) -> None:
    """A child with no controlling terminal (in this process, a password
    prompt would reach the tester's terminal)."""
    result = run_cli_process(*send_args(intest_server.server, "--user", "joe",
                                        str(message_file)))
    assert result.code == cli.EXIT_USAGE
    assert result.single_error_line() == (
        "net-smtp send: no terminal to ask for the password: use --password-env VAR")
    assert intest_server.messages == []


def test_send_bad_ca_file_is_a_usage_error(message_file: Path, intest_server: AiosmtpdServer) -> None:
    result = run_cli(*send_args(intest_server.server, "--tls-ca", str(message_file),
                                str(message_file)))
    assert result.code == cli.EXIT_USAGE
    line = result.single_error_line()
    assert line.startswith(f"net-smtp send: cannot use CA file {str(message_file)!r}: ")
    assert "_ssl.c" not in line


# ---------------------------------------------------------------- send: delivery
def test_send_round_trip_to_serve_maildir(tmp_path: Path, message_file: Path) -> None:
    maildir = tmp_path / "Maildir"
    with ServeProcess("--maildir", str(maildir)) as serve:
        result = run_cli(*send_args(serve.server, str(message_file),
                                    recipients=["bob@example.net", "carol@example.org"]))
        assert result.code == 0, result.stderr
        assert result.stdout == "250 OK\n"
        assert result.stderr == ""
        serve.wait_for(r"stored in ")
        stopped = serve.stop()
    assert stopped.code == 0, stopped.stderr
    assert "MAIL FROM: <alice@example.com>\nRCPT TO: <bob@example.net>\n" \
           "RCPT TO: <carol@example.org>\n" in stopped.stdout
    assert "  Subject: =?utf-8?q?caf=C3=A9?=\n" in stopped.stdout
    box = mailbox.Maildir(str(maildir), create=False)
    try:
        keys = box.keys()
        assert len(keys) == 1
        assert normalise(box.get_bytes(keys[0])) == normalise(TRICKY_MESSAGE)
    finally:
        box.close()


def test_send_crlf_file_from_stdin_arrives_intact(tmp_path: Path) -> None:
    maildir = tmp_path / "Maildir"
    crlf = TRICKY_MESSAGE.replace(b"\n", b"\r\n")
    with ServeProcess("--maildir", str(maildir)) as serve:
        result = run_cli(*send_args(serve.server), stdin=crlf)
        assert result.code == 0, result.stderr
        serve.wait_for(r"stored in ")
        assert serve.stop().code == 0
    box = mailbox.Maildir(str(maildir), create=False)
    try:
        (key,) = box.keys()
        assert normalise(box.get_bytes(key)) == normalise(crlf)
    finally:
        box.close()


def test_serve_mbox_keeps_envelope_sender_and_messages(tmp_path: Path) -> None:
    mbox_path = tmp_path / "inbox.mbox"
    bodies = [b"Subject: first\n\nOne.\n", b"Subject: bounce\n\nTwo,\nwith two lines.\n"]
    with ServeProcess("--mbox", str(mbox_path)) as serve:
        for sender, body in zip(("alice@example.com", ""), bodies):
            result = run_cli(*send_args(serve.server, sender=sender), stdin=body)
            assert result.code == 0, result.stderr
            serve.wait_for(r"stored in ")
        stopped = serve.stop()
    assert stopped.code == 0
    assert "MAIL FROM: <alice@example.com>\n" in stopped.stdout
    assert "MAIL FROM: <>\n" in stopped.stdout
    assert "stopped after 2 message(s)" in stopped.stdout
    box = mailbox.mbox(str(mbox_path), create=False)
    try:
        messages = [(box[key].get_from(), box.get_bytes(key)) for key in box.keys()]
    finally:
        box.close()
    assert [frm.split(" ")[0] for frm, _ in messages] == ["alice@example.com", "MAILER-DAEMON"]
    assert [body for _, body in messages] == bodies


def test_send_with_auth_from_password_env(message_file: Path) -> None:
    with ServeProcess("--auth", "joe:s3cret pass") as serve:
        for authtype in ("plain", "login"):
            result = run_cli(*send_args(serve.server, "--user", "joe", "--password-env",
                                        "NET_SMTP_PW", "--authtype", authtype,
                                        str(message_file)),
                             env={"NET_SMTP_PW": "s3cret pass"})
            assert result.code == 0, result.stderr
            assert result.stdout == "250 OK\n"
            serve.wait_for(r"^--- message \d+ from 127\.0\.0\.1:\d+ \(AUTH joe\)")
        wrong = run_cli(*send_args(serve.server, "--user", "joe", "--password-env", "NET_SMTP_PW",
                                   str(message_file)), env={"NET_SMTP_PW": "nope"})
        anonymous = run_cli(*send_args(serve.server, str(message_file)))
        stopped = serve.stop()
    assert wrong.code == cli.EXIT_PERMANENT
    assert wrong.single_error_line() == (
        "net-smtp send: authentication failed: 535 5.7.8 Authentication credentials invalid")
    assert anonymous.code == cli.EXIT_PERMANENT
    assert anonymous.single_error_line() == (
        "net-smtp send: MAIL FROM:<alice@example.com> refused: 530 5.7.0 Authentication required")
    assert stopped.code == 0
    assert "stopped after 2 message(s)" in stopped.stdout
    assert stopped.stderr == ""


def test_send_prompts_for_the_password_without_echo(message_file: Path) -> None:
    with ServeProcess("--auth", "joe:typed-secret") as serve:
        result = run_cli_on_terminal(*send_args(serve.server, "--user", "joe", "--authtype",
                                                "login", str(message_file)),
                                     typed="typed-secret")
        serve.wait_for(r"\(AUTH joe\)")
        assert serve.stop().code == 0
    assert result.code == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Password for joe: ")
    assert "typed-secret" not in result.stdout
    assert result.stdout.rstrip().endswith("250 OK")


@pytest.mark.parametrize("authtype, secret_lines", [
    ("plain", ['<- "AUTH PLAIN {plain}\\r\\n"']),
    ("login", ['<- "AUTH LOGIN\\r\\n"', '<- "{user64}\\r\\n"', '<- "{pass64}\\r\\n"']),
])
def test_debug_is_redacted_and_debug_secrets_is_not(authtype: str, secret_lines: list,
                                                    message_file: Path) -> None:
    user, password = "joe", "hunter2-secret"
    values = {
        "plain": base64.b64encode(f"\0{user}\0{password}".encode()).decode(),
        "user64": base64.b64encode(user.encode()).decode(),
        "pass64": base64.b64encode(password.encode()).decode(),
    }
    wanted = [line.format(**values) for line in secret_lines]
    with ServeProcess("--auth", f"{user}:{password}") as serve:
        common = send_args(serve.server, "--user", user, "--password-env", "PW",
                           "--authtype", authtype, str(message_file))
        redacted = run_cli(*common, "--debug", env={"PW": password})
        secrets = run_cli(*common, "--debug-secrets", env={"PW": password})
        assert serve.stop().code == 0
    assert redacted.code == 0 and secrets.code == 0, (redacted.stderr, secrets.stderr)
    for result in (redacted, secrets):
        assert '<- "MAIL FROM:<alice@example.com>\\r\\n"' in result.stderr
        assert "writing message from File" in result.stderr
        assert result.stdout == "250 OK\n"
    for line in wanted:
        assert line in secrets.stderr
    for value in values.values():
        if value in " ".join(wanted):
            assert value not in redacted.stderr
    assert "<redacted>" in redacted.stderr and "<redacted>" not in secrets.stderr


def test_starttls_to_serve_with_trustme_certificate(tls_files: tuple[Path, Path, Path],
                                                    message_file: Path) -> None:
    ca_file, cert_file, key_file = tls_files
    with ServeProcess("--tls-cert", str(cert_file), "--tls-key", str(key_file),
                      "--auth", "joe:pw") as serve:
        assert "(STARTTLS; AUTH required)" in serve.first_line
        auth = ["--user", "joe", "--password-env", "PW"]
        verified = run_cli(*send_args(serve.server, *auth, "--tls-ca", str(ca_file), "--debug",
                                      str(message_file)), env={"PW": "pw"})
        assert verified.code == 0, verified.stderr
        serve.wait_for(r"\(TLS, AUTH joe\)")
        unverified = run_cli(*send_args(serve.server, *auth, "--tls-no-verify",
                                        str(message_file)), env={"PW": "pw"})
        assert unverified.code == 0, unverified.stderr
        serve.wait_for(r"\(TLS, AUTH joe\)")
        untrusted = run_cli(*send_args(serve.server, *auth, str(message_file)),
                            env={"PW": "pw"})
        wrong_name = run_cli(*send_args(serve.server, *auth, "--tls-ca", str(ca_file),
                                        "--tls-hostname", "mail.example.com",
                                        str(message_file)), env={"PW": "pw"})
        in_clear = run_cli(*send_args(serve.server, *auth, "--starttls", "never",
                                      str(message_file)), env={"PW": "pw"})
        stopped = serve.stop()
    debug = verified.stderr
    assert debug.index('<- "STARTTLS\\r\\n"') < debug.index("TLS connection started\n") \
        < debug.index('<- "AUTH PLAIN <redacted>\\r\\n"')
    assert untrusted.code == cli.EXIT_TLS
    assert untrusted.single_error_line().startswith(
        f"net-smtp send: TLS certificate of {serve.server} not accepted: ")
    assert wrong_name.code == cli.EXIT_TLS
    assert "--tls-hostname" in wrong_name.single_error_line()
    assert in_clear.code == cli.EXIT_PERMANENT
    assert in_clear.single_error_line() == (
        "net-smtp send: authentication failed: 538 5.7.11 Encryption required for "
        "requested authentication mechanism")
    assert stopped.code == 0
    assert "stopped after 2 message(s)" in stopped.stdout


def test_implicit_tls_send(tls_files: tuple[Path, Path, Path], message_file: Path) -> None:
    ca_file, cert_file, key_file = tls_files
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert_file), str(key_file))
    with cli_test_server(ssl_context=context) as server:
        result = run_cli(*send_args(server.server, "--tls", "--tls-ca", str(ca_file),
                                    str(message_file)))
        assert result.code == 0, result.stderr
        assert result.stdout == "250 2.0.0 Ok: queued as TEST1\n"
        assert [normalise(message.content) for message in server.messages] == [
            normalise(TRICKY_MESSAGE)]


@pytest.mark.skipif(not ipv6_loopback_available(), reason="no IPv6 loopback here")
def test_send_to_ipv6_loopback(message_file: Path) -> None:
    with ServeProcess("--host", "::1") as serve:
        assert serve.host == "::1"
        result = run_cli(*send_args(f"[::1]:{serve.port}", str(message_file)))
        assert result.code == 0, result.stderr
        serve.wait_for(r"^--- message 1 from \[::1\]:\d+")
        assert serve.stop().code == 0


def test_progress_bar_only_when_stderr_is_a_terminal(tmp_path: Path) -> None:
    big = tmp_path / "big.eml"
    line = b"0123456789" * 7 + b"\n"
    big.write_bytes(b"Subject: big\n\n" + line * (int(2.5 * MiB) // len(line)))
    small = tmp_path / "small.eml"
    small.write_bytes(b"Subject: small\n\nhello\n")
    with ServeProcess() as serve:
        code, stdout, terminal = run_cli_with_pty_stderr(*send_args(serve.server, str(big)))
        assert code == 0 and stdout == "250 OK\n", terminal
        code, _, quiet_terminal = run_cli_with_pty_stderr(*send_args(serve.server, str(small)))
        assert code == 0
        piped = run_cli(*send_args(serve.server, str(big)))
        assert serve.stop().code == 0
    assert b"] 100% 2.5 of 2.5 MiB" in terminal
    assert b"[" + b"#" * cli.ProgressReader.WIDTH + b"]" in terminal
    assert quiet_terminal == b""
    assert piped.code == 0 and piped.stderr == ""


# ---------------------------------------------------------------- serve
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_serve_stops_cleanly_on_signal_with_a_client_connected(signum: int) -> None:
    with ServeProcess() as serve:
        with socket.create_connection((serve.host, serve.port), timeout=10) as client:
            greeting = client.recv(1024)
            assert greeting.startswith(b"220 ")
            result = serve.stop(signum)
            client.settimeout(10)
            assert client.recv(1024) == b""
    assert result.code == 0
    assert result.stdout.endswith("net-smtp serve: stopped after 0 message(s)\n")
    assert result.stderr == ""


def test_serve_refuses_a_non_loopback_host_without_allow_remote() -> None:
    result = run_cli("serve", "--host", "0.0.0.0", "--port", "0")
    assert result.code == cli.EXIT_USAGE
    assert result.single_error_line() == (
        "net-smtp serve: --host 0.0.0.0 is not a loopback address: add --allow-remote "
        "to accept mail from other machines")


def test_serve_on_a_busy_port_fails_in_one_line() -> None:
    with silent_server() as busy:
        port = busy.getsockname()[1]
        result = run_cli("serve", "--port", str(port))
    assert result.code == cli.EXIT_CONNECTION
    assert result.single_error_line().startswith(
        f"net-smtp serve: cannot listen on 127.0.0.1:{port}: ")


@pytest.mark.parametrize("args, complaint", [
    (["--tls-cert", "/nonexistent/cert.pem"], "cannot use --tls-cert/--tls-key: "),
    (["--tls-key", "/nonexistent/key.pem"], "--tls-key needs --tls-cert"),
    (["--auth", "nocolon"], "expected USER:PASSWORD"),
    (["--maildir", "a", "--mbox", "b"], "not allowed with argument"),
])
def test_serve_option_errors_are_usage_errors(args: list, complaint: str) -> None:
    result = run_cli("serve", "--port", "0", *args)
    assert result.code == cli.EXIT_USAGE
    assert complaint in result.single_error_line()


def test_serve_maildir_that_cannot_be_created_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run_cli("serve", "--port", "0", "--maildir", str(blocker / "Maildir"))
    assert result.code == cli.EXIT_USAGE
    assert result.single_error_line().startswith(
        f"net-smtp serve: cannot store mail in {str(blocker / 'Maildir')!r}: ")


# ---------------------------------------------------------------- pure parts, in process
@pytest.mark.parametrize("text, expected", [
    ("mail.example.com", ("mail.example.com", 25)),
    ("mail.example.com:587", ("mail.example.com", 587)),
    ("127.0.0.1:2525", ("127.0.0.1", 2525)),
    ("[::1]", ("::1", 25)),
    ("[::1]:2525", ("::1", 2525)),
    ("::1", ("::1", 25)),
    ("[fe80::1%eth0]:25", ("fe80::1%eth0", 25)),
])
def test_parse_server_forms(text: str, expected: tuple[str, int]) -> None:
    assert cli.parse_server(text, 25) == expected


@pytest.mark.parametrize("text, complaint", [
    ("127.0.0.1:0", "bad port '0'"),
    ("127.0.0.1:65536", "bad port '65536'"),
    ("127.0.0.1:", "bad port ''"),
    ("127.0.0.1:-5", "bad port '-5'"),
    ("[::1]:x", "bad port 'x'"),
    ("[::1]25", "expected ':PORT' after ']'"),
    ("[example.com]:25", "not an IPv6 address"),
    ("fe80::1::2", "write an IPv6 address with a port as [ADDRESS]:PORT"),
    (":25", "no host name"),
])
def test_parse_server_rejects(text: str, complaint: str) -> None:
    with pytest.raises(ValueError) as caught:
        cli.parse_server(text, 25)
    assert complaint in str(caught.value)


@pytest.mark.parametrize("host, mode", [
    ("127.0.0.1", "auto"), ("127.8.9.10", "auto"), ("::1", "auto"), ("localhost", "auto"),
    ("LOCALHOST.", "auto"), ("192.0.2.1", "always"), ("mail.example.com", "always"),
    ("2001:db8::1", "always"),
])
def test_starttls_defaults_to_always_except_on_loopback(host: str, mode: str) -> None:
    assert cli.default_starttls(host) == mode


def test_progress_reader_passes_data_through_and_draws_past_the_threshold() -> None:
    payload = bytes(range(256)) * (5 * 1024)  # 1.25 MiB
    screen = io.StringIO()
    reader = cli.ProgressReader(io.BytesIO(payload), len(payload), screen)
    chunks = iter(lambda: reader.read(256 * 1024), b"")
    assert b"".join(chunks) == payload
    assert screen.getvalue().endswith("] 100% 1.2 of 1.2 MiB\n")
    small_screen = io.StringIO()
    small = cli.ProgressReader(io.BytesIO(b"x" * 1000), 1000, small_screen)
    assert small.read() == b"x" * 1000 and small.read() == b""
    assert small_screen.getvalue() == ""


def test_main_returns_codes_instead_of_exiting(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["--version"]) == 0
    assert cli.main(["send", "--server", "127.0.0.1:x", "--from", "a", "--to", "b"]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("net-smtp ")
    assert captured.err == "net-smtp send: --server: bad port 'x': expected a number " \
                           "from 1 to 65535\n"
