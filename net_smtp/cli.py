"""The ``net-smtp`` command line (also ``python -m net_smtp``).

``net-smtp demo`` sends the README example to an embedded server and shows
the conversation; ``net-smtp send`` sends a message file through a real
server; ``net-smtp serve`` runs a local development server.

Errors end the program with one line on stderr and an exit code from
:data:`EXIT_CODES`, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import os
import re
import socket
import ssl
import stat
import sys
import textwrap
import time
import warnings
from typing import (IO, Any, BinaryIO, Callable, Dict, List, NoReturn, Optional, Sequence, TextIO,
                    Tuple, Union)

from . import Net, __version__
from .authenticator import Authenticator
from .devserver import (
    Credentials,
    DevServer,
    ListenError,
    MaildirStore,
    MboxStore,
    ReceivedMessage,
    format_address,
    is_loopback_host,
    run_until_signalled,
    server_tls_context,
)
from .errors import (
    ArgumentError,
    OpenTimeout,
    ReadTimeout,
    SMTPAuthenticationError,
    SMTPError,
    SMTPServerBusy,
    SMTPUnsupportedCommand,
    WriteTimeout,
)
from .response import Response
from .smtp import SMTP

__all__ = [
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_CONNECTION",
    "EXIT_TEMPORARY",
    "EXIT_PERMANENT",
    "EXIT_TLS",
    "EXIT_INTERRUPTED",
    "EXIT_CODES",
    "PROGRESS_THRESHOLD",
    "ProgressReader",
    "default_starttls",
    "main",
    "parse_server",
]

PROG = "net-smtp"

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_CONNECTION = 3
EXIT_TEMPORARY = 4
EXIT_PERMANENT = 5
EXIT_TLS = 6
EXIT_INTERRUPTED = 130

EXIT_CODES: Dict[int, str] = {
    EXIT_OK: "done (send: the server accepted the message)",
    EXIT_USAGE: "usage: bad or missing option, bad port, unreadable file",
    EXIT_CONNECTION: "connection: cannot connect or listen, connection lost, timeout",
    EXIT_TEMPORARY: "temporary failure: the server answered 4xx",
    EXIT_PERMANENT: "permanent failure: the server answered 5xx (AUTH refused included)",
    EXIT_TLS: "TLS: handshake or certificate verification failed, STARTTLS not offered",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
}
"""Every exit code of ``net-smtp`` and what it means (shown in ``--help``)."""

PROGRESS_THRESHOLD = 1024 * 1024
"""Messages larger than this get a progress bar when stderr is a terminal."""

DEFAULT_SERVE_PORT = 1025


class CommandError(Exception):
    """An error to report in one line, with the exit code to end with."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _exit_code_epilog() -> str:
    lines = ["exit codes:"]
    lines += [f"  {code:<3}  {meaning}" for code, meaning in EXIT_CODES.items()]
    return "\n".join(lines)


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own and keeps
    indented lines (the exit code table) as they are."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out: List[str] = []
        for line in text.splitlines():
            if not line or line.startswith(" "):
                out.append(indent + line)
            else:
                out.append(textwrap.fill(line, width, initial_indent=indent,
                                         subsequent_indent=indent))
        return "\n".join(out)


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors raised as one-line :class:`CommandError`."""

    def error(self, message: str) -> NoReturn:
        raise CommandError(EXIT_USAGE, f"{self.prog}: error: {message} "
                                       f"(see '{self.prog} --help')")


# ------------------------------------------------------------------ parsing
def _port(text: str, what: str = "port") -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise ValueError(f"bad {what} {text!r}: expected a number from 1 to 65535")
    return int(text)


def parse_server(text: str, default_port: int) -> Tuple[str, int]:
    """Split ``HOST``, ``HOST:PORT``, ``[IPv6]``, ``[IPv6]:PORT`` or a bare
    IPv6 literal into host and port.

    Raises:
        ValueError: an empty host, a bad port, or a malformed IPv6 form.
    """
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise ValueError(f"bad server {text!r}: missing ']'")
        host, rest = text[1:end], text[end + 1:]
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise ValueError(f"bad server {text!r}: {host!r} is not an IPv6 address") from None
        if not rest:
            return host, default_port
        if not rest.startswith(":"):
            raise ValueError(f"bad server {text!r}: expected ':PORT' after ']'")
        return host, _port(rest[1:])
    if text.count(":") > 1:
        try:
            ipaddress.IPv6Address(text)
        except ValueError:
            raise ValueError(f"bad server {text!r}: write an IPv6 address with a port "
                             "as [ADDRESS]:PORT") from None
        return text, default_port
    host, sep, port_text = text.partition(":")
    if not host:
        raise ValueError(f"bad server {text!r}: no host name")
    return host, _port(port_text) if sep else default_port


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text!r}")
    return value


def _listen_port(text: str) -> int:
    if text == "0":
        return 0
    try:
        return _port(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{exc} (or 0 for any free port)") from None


def _auth_type(text: str) -> str:
    if Authenticator.auth_class(text) is None:
        known = ", ".join(sorted(name.lower() for name in Authenticator.auth_classes()))
        raise argparse.ArgumentTypeError(f"unknown authentication type {text!r} (known: {known})")
    return text


def _user_password(text: str) -> Credentials:
    user, sep, password = text.partition(":")
    if not sep or not user:
        raise argparse.ArgumentTypeError("expected USER:PASSWORD")
    return Credentials(user, password)


def _auth_type_names() -> str:
    return ", ".join(sorted(name.lower().replace("-", "_")
                            for name in Authenticator.auth_classes()))


def build_parser() -> argparse.ArgumentParser:
    """The ``net-smtp`` parser with its three subcommands."""
    parser = _Parser(
        prog=PROG, formatter_class=_HelpFormatter,
        description="Ruby's Net::SMTP for Python: send mail, run a local test server, "
                    "or watch a demo session.",
        epilog=_exit_code_epilog())
    parser.add_argument("--version", action="version",
                        version=f"{PROG} {__version__} (Ruby net-smtp {Net.SMTP.VERSION})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo", formatter_class=_HelpFormatter,
        help="send the README example to an embedded server and show the conversation",
        description="Start an aiosmtpd server inside this process, send the README "
                    "example message from alice@example.com to bob@example.net with "
                    "Net.SMTP, print the SMTP conversation in Ruby's debug format, then "
                    "the message as the server received it.",
        epilog=_exit_code_epilog())
    demo.add_argument("--port", type=_listen_port, default=0,
                      help="port for the embedded server on 127.0.0.1 (default: a free port)")

    send = commands.add_parser(
        "send", formatter_class=_HelpFormatter,
        help="send a message file (or stdin) through an SMTP server",
        description="Send one message through an SMTP server. The message (headers and "
                    "body, any line endings) is read from MESSAGE or stdin and streamed, "
                    "never loaded whole. Prints the server's final reply.",
        epilog="The password is never taken from the command line: name an environment "
               "variable with --password-env, or type it at the prompt.\n"
               "STARTTLS defaults to 'always' (refuse to send in clear), or 'auto' when "
               "SERVER is a loopback address.\n\n" + _exit_code_epilog())
    send.add_argument("message", nargs="?", metavar="MESSAGE",
                      help="the message file; '-' or nothing reads stdin")
    send.add_argument("--server", required=True, metavar="HOST[:PORT]",
                      help="the SMTP server; IPv6 as [ADDRESS]:PORT; the port defaults to "
                           "25, or 465 with --tls")
    send.add_argument("--from", dest="from_addr", required=True, metavar="ADDRESS",
                      help="envelope sender (MAIL FROM); '' for the null sender")
    send.add_argument("--to", dest="to_addrs", action="append", required=True,
                      metavar="ADDRESS", help="envelope recipient (RCPT TO); repeat for more")
    send.add_argument("--helo", default="localhost", metavar="DOMAIN",
                      help="the domain sent with EHLO / HELO (default: localhost)")
    send.add_argument("--user", metavar="USER", help="authenticate (SMTP AUTH) as USER")
    send.add_argument("--password-env", metavar="VAR",
                      help="read the password from environment variable VAR "
                           "(default: prompt without echo)")
    send.add_argument("--authtype", type=_auth_type, metavar="TYPE",
                      help=f"AUTH mechanism: {_auth_type_names()} (default: plain)")
    send.add_argument("--tls", action="store_true",
                      help="implicit TLS from the first byte (SMTPS, usually port 465)")
    send.add_argument("--starttls", choices=("always", "auto", "never"),
                      help="use STARTTLS: always (fail if not offered), auto (when "
                           "offered), never")
    send.add_argument("--tls-no-verify", action="store_true",
                      help="do not verify the server's certificate (testing only)")
    send.add_argument("--tls-ca", metavar="FILE",
                      help="trust the CA certificates in PEM FILE instead of the "
                           "system store")
    send.add_argument("--tls-hostname", metavar="NAME",
                      help="the name to verify the certificate against (default: HOST)")
    send.add_argument("--open-timeout", type=_positive_float, default=30.0, metavar="SEC",
                      help="seconds to connect and finish the TLS handshake (default: 30)")
    send.add_argument("--read-timeout", type=_positive_float, default=60.0, metavar="SEC",
                      help="seconds to wait for each reply (default: 60)")
    debug = send.add_mutually_exclusive_group()
    debug.add_argument("--debug", action="store_true",
                       help="show the SMTP conversation on stderr, AUTH secrets redacted")
    debug.add_argument("--debug-secrets", action="store_true",
                       help="show the SMTP conversation on stderr with AUTH secrets")

    serve = commands.add_parser(
        "serve", formatter_class=_HelpFormatter,
        help="run a local SMTP server that prints (and can store) what it receives",
        description="Run a development SMTP server (aiosmtpd). Each message's envelope "
                    "and headers are printed as it arrives; --maildir or --mbox also "
                    "stores it. Stops on Ctrl-C or SIGTERM.",
        epilog=_exit_code_epilog())
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=_listen_port, default=DEFAULT_SERVE_PORT,
                       help=f"port to listen on, 0 for any free port "
                            f"(default: {DEFAULT_SERVE_PORT})")
    serve.add_argument("--allow-remote", action="store_true",
                       help="allow a --host that is not a loopback address")
    store = serve.add_mutually_exclusive_group()
    store.add_argument("--maildir", metavar="DIR",
                       help="store each message in Maildir DIR (created if missing)")
    store.add_argument("--mbox", metavar="FILE",
                       help="append each message to mbox FILE (created if missing)")
    serve.add_argument("--auth", type=_user_password, metavar="USER:PASS",
                       help="require AUTH (PLAIN or LOGIN) with this user and password "
                            "before MAIL")
    serve.add_argument("--tls-cert", metavar="FILE",
                       help="PEM certificate (chain) to offer STARTTLS with; AUTH is "
                            "then only offered after STARTTLS")
    serve.add_argument("--tls-key", metavar="FILE",
                       help="PEM private key for --tls-cert (default: in the cert file)")
    return parser


# ------------------------------------------------------------------ send
class ProgressReader:
    """A binary file whose ``read`` draws a progress bar on a terminal.

    The bar is shown when *total* is over :data:`PROGRESS_THRESHOLD`, or,
    for an unknown size, once that much has been read.
    """

    WIDTH = 30

    def __init__(self, raw: BinaryIO, total: Optional[int], stream: TextIO) -> None:
        self._raw = raw
        self._total = total
        self._stream = stream
        self._done = 0
        self._last = 0.0

    def fileno(self) -> int:
        """The wrapped file's descriptor (so the source is still a file)."""
        return self._raw.fileno()

    def read(self, size: int = -1) -> bytes:
        """Read from the wrapped file and update the bar."""
        data = self._raw.read(size)
        self._done += len(data)
        self._draw(final=not data)
        return data

    def _draw(self, final: bool) -> None:
        big = self._total if self._total is not None else self._done
        if big <= PROGRESS_THRESHOLD:
            return
        now = time.monotonic()
        if not final and now - self._last < 0.1:
            return
        self._last = now
        mib = self._done / (1024 * 1024)
        if self._total:
            fraction = min(1.0, self._done / self._total)
            filled = int(fraction * self.WIDTH)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            text = (f"\r[{bar}] {fraction * 100:3.0f}% "
                    f"{mib:.1f} of {self._total / (1024 * 1024):.1f} MiB")
        else:
            text = f"\r{mib:.1f} MiB sent"
        self._stream.write(text + ("\n" if final else ""))
        self._stream.flush()


class _TrackingSMTP(SMTP):
    """Net.SMTP that remembers the command it is running, to name it when
    the server refuses or the connection breaks."""

    stage = "connect"

    def _new_internet_message_io(self, sock: Any) -> Any:
        if self.stage == "connect":
            self.stage = "greeting"
        return super()._new_internet_message_io(sock)

    def ehlo(self, domain: str) -> Response:
        self.stage = "EHLO"
        return super().ehlo(domain)

    def helo(self, domain: str) -> Response:
        self.stage = "HELO"
        return super().helo(domain)

    def starttls(self) -> Response:
        self.stage = "STARTTLS"
        return super().starttls()

    def authenticate(self, user: str, secret: str,
                     authtype: str = SMTP.DEFAULT_AUTH_TYPE) -> Response:
        self.stage = "AUTH"
        return super().authenticate(user, secret, authtype)

    def mailfrom(self, from_addr: Any) -> Response:
        self.stage = f"MAIL FROM:<{from_addr}>"
        return super().mailfrom(from_addr)

    def rcptto(self, to_addr: Any) -> Response:
        self.stage = f"RCPT TO:<{to_addr}>"
        return super().rcptto(to_addr)

    def data(self, msgstr: Any = None, block: Optional[Callable[[Any], Any]] = None) -> Response:
        self.stage = "DATA"
        return super().data(msgstr, block)


def _open_message(path: Optional[str]) -> Tuple[BinaryIO, bool]:
    """The message file (binary) and whether this program must close it."""
    if path is None or path == "-":
        return sys.stdin.buffer, False
    try:
        return open(path, "rb"), True
    except OSError as exc:
        raise CommandError(EXIT_USAGE, f"cannot read message file {path!r}: "
                                       f"{exc.strerror or exc}") from None


def _remaining_size(handle: BinaryIO) -> Optional[int]:
    try:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None
        return max(0, info.st_size - handle.tell())
    except (OSError, ValueError):
        return None


def _password(args: argparse.Namespace) -> Optional[str]:
    if args.user is None:
        if args.password_env is not None:
            raise CommandError(EXIT_USAGE, "--password-env needs --user")
        return None
    if args.password_env is not None:
        value = os.environ.get(args.password_env)
        if value is None:
            raise CommandError(EXIT_USAGE, f"environment variable {args.password_env} "
                                           "(from --password-env) is not set")
        return value
    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(f"Password for {args.user}: ")
        except getpass.GetPassWarning:
            raise CommandError(EXIT_USAGE, "no terminal to ask for the password: "
                                           "use --password-env VAR") from None
        except EOFError:
            raise CommandError(EXIT_USAGE, "no password given") from None


def default_starttls(host: str) -> str:
    """``send``'s STARTTLS mode without ``--starttls``: ``'auto'`` for a
    loopback server (a local test server rarely has a certificate),
    ``'always'`` for any other (never send mail or passwords in clear)."""
    return "auto" if is_loopback_host(host) else "always"


def _tls_settings(args: argparse.Namespace, host: str) -> Tuple[bool, Any, Dict[str, Any]]:
    """``(tls, starttls mode, ssl_context_params)`` from the options."""
    if args.tls and args.starttls not in (None, "never"):
        raise CommandError(EXIT_USAGE, "--tls and --starttls are exclusive "
                                       "(implicit TLS needs no STARTTLS)")
    mode = args.starttls or default_starttls(host)
    starttls: Any = False if args.tls or mode == "never" else mode
    params: Dict[str, Any] = {}
    if args.tls_ca is not None:
        params["ca_file"] = args.tls_ca
        try:
            Net.SMTP.default_ssl_context(params)
        except OSError as exc:
            raise CommandError(EXIT_USAGE, f"cannot use CA file {args.tls_ca!r}: "
                                           f"{_ssl_text(exc)}") from None
    return bool(args.tls), starttls, params


_SSL_DECORATION = re.compile(r"^\[[A-Z0-9_: ]+\] |\s*\(_ssl\.c:\d+\)$")
# OpenSSL's X509_V_ERR_HOSTNAME_MISMATCH and X509_V_ERR_IP_ADDRESS_MISMATCH.
_NAME_MISMATCH_CODES = (62, 64)


def _ssl_text(exc: OSError) -> str:
    """An ssl error's text without OpenSSL's ``[LIB: CODE]`` and source line."""
    text = exc.strerror if isinstance(exc.strerror, str) else str(exc)
    return _one_line(_SSL_DECORATION.sub("", text)) or type(exc).__name__


def _describe_failure(exc: BaseException, smtp: _TrackingSMTP, target: str) -> CommandError:
    """The exit code and one-line message for an exception from a session."""
    stage = smtp.stage
    if isinstance(exc, ssl.SSLCertVerificationError):
        if exc.verify_code in _NAME_MISMATCH_CODES:
            hint = "check the server name, or name the one in the certificate with " \
                   "--tls-hostname"
        else:
            hint = "use --tls-ca FILE to trust its CA, or --tls-no-verify for testing"
        return CommandError(EXIT_TLS, f"TLS certificate of {target} not accepted: "
                                      f"{_one_line(exc.verify_message)} ({hint})")
    if isinstance(exc, ssl.SSLError):
        hint = ""
        if smtp.is_tls() and exc.reason == "WRONG_VERSION_NUMBER":
            hint = " (the server does not speak TLS on this port: try without --tls)"
        return CommandError(EXIT_TLS, f"TLS with {target} failed: {_ssl_text(exc)}{hint}")
    if isinstance(exc, SMTPUnsupportedCommand):
        return CommandError(EXIT_TLS, f"{target} does not offer STARTTLS (use --starttls "
                                      "auto or never to send without encryption)")
    if isinstance(exc, SMTPError):
        reply = _one_line(exc.message)
        if isinstance(exc, SMTPServerBusy):
            return CommandError(EXIT_TEMPORARY, f"{stage} refused for now (try again "
                                                f"later): {reply}")
        if isinstance(exc, SMTPAuthenticationError) and stage == "AUTH":
            return CommandError(EXIT_PERMANENT, f"authentication failed: {reply}")
        if stage == "greeting":
            return CommandError(EXIT_PERMANENT, f"{target} refused the session: {reply}")
        return CommandError(EXIT_PERMANENT, f"{stage} refused: {reply}")
    if isinstance(exc, OpenTimeout):
        return CommandError(EXIT_CONNECTION, f"timed out connecting to {target} "
                                             f"(--open-timeout {smtp.open_timeout:g})")
    if isinstance(exc, ReadTimeout):
        what = "no greeting" if stage == "greeting" else f"no reply to {stage}"
        return CommandError(EXIT_CONNECTION, f"{what} from {target} within "
                                             f"--read-timeout {smtp.read_timeout:g}")
    if isinstance(exc, WriteTimeout):
        return CommandError(EXIT_CONNECTION, f"{target} stopped accepting data during {stage}")
    if isinstance(exc, EOFError):
        return CommandError(EXIT_CONNECTION, f"{target} closed the connection during {stage}")
    if isinstance(exc, socket.gaierror):
        return CommandError(EXIT_CONNECTION, f"cannot resolve {smtp.address!r}: "
                                             f"{exc.strerror or exc}")
    if isinstance(exc, OSError):
        reason = _one_line(exc.strerror or str(exc) or type(exc).__name__)
        if stage == "connect":
            return CommandError(EXIT_CONNECTION, f"cannot connect to {target}: {reason}")
        return CommandError(EXIT_CONNECTION, f"connection to {target} failed during "
                                             f"{stage}: {reason}")
    if isinstance(exc, ArgumentError):
        return CommandError(EXIT_USAGE, _one_line(f"{stage}: {exc}"))
    raise exc


def cmd_send(args: argparse.Namespace) -> int:
    """Send one message; print the server's final reply."""
    tls_default = Net.SMTP.default_tls_port() if args.tls else Net.SMTP.default_port()
    try:
        host, port = parse_server(args.server, tls_default)
    except ValueError as exc:
        raise CommandError(EXIT_USAGE, f"--server: {exc}") from None
    tls, starttls, params = _tls_settings(args, host)
    smtp = _TrackingSMTP(host, port, tls=tls, starttls=starttls,
                         tls_verify=not args.tls_no_verify, tls_hostname=args.tls_hostname,
                         ssl_context_params=params)
    smtp.open_timeout = args.open_timeout
    smtp.read_timeout = args.read_timeout
    if args.debug or args.debug_secrets:
        smtp.set_debug_output(sys.stderr, redact=not args.debug_secrets)
    handle, owned = _open_message(args.message)
    try:
        password = _password(args)
        source: Any = handle
        if sys.stderr.isatty():
            source = ProgressReader(handle, _remaining_size(handle), sys.stderr)
        if handle is sys.stdin.buffer and sys.stdin.isatty():
            sys.stderr.write("Type the message, end with Ctrl-D:\n")
        target = format_address(host, port)
        try:
            smtp.start(helo=args.helo, user=args.user, secret=password,
                       authtype=args.authtype)
            try:
                response = smtp.send_message(source, args.from_addr, *args.to_addrs)
            finally:
                if smtp.is_started():
                    try:
                        smtp.finish()
                    except (OSError, EOFError, SMTPError):  # the message is already settled
                        pass
        except (OSError, EOFError, SMTPError, ArgumentError) as exc:
            raise _describe_failure(exc, smtp, target) from None
    finally:
        if owned:
            handle.close()
    sys.stdout.write(response.string)
    return EXIT_OK


# ------------------------------------------------------------------ serve
def _escape_controls(text: str) -> str:
    return "".join(ch if ch == "\t" or ch.isprintable() else f"\\x{ord(ch):02x}"
                   for ch in text)


def _print_message(out: TextIO, number: int, message: ReceivedMessage,
                   stored: Optional[str]) -> None:
    when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(message.received_at))
    extras = [part for part in ("TLS" if message.tls else "",
                                f"AUTH {message.user}" if message.user else "") if part]
    how = f" ({', '.join(extras)})" if extras else ""
    lines = [f"--- message {number} from {message.peer}{how} at {when}",
             f"MAIL FROM: <{message.mail_from}>"]
    lines += [f"RCPT TO: <{rcpt}>" for rcpt in message.rcpt_tos]
    headers = message.header_block().decode("utf-8", "replace")
    lines += ["  " + line for line in headers.splitlines()]
    size = f"{len(message.content)} bytes"
    lines.append(f"({size}; stored in {stored})" if stored else f"({size})")
    out.write("\n".join(_escape_controls(line) for line in lines) + "\n")
    out.flush()


def _check_serve_host(host: str, allow_remote: bool) -> None:
    if allow_remote or is_loopback_host(host):
        return
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise CommandError(EXIT_USAGE, f"cannot resolve --host {host!r}: "
                                       f"{exc.strerror or exc}") from None
    if all(ipaddress.ip_address(str(info[4][0]).split("%")[0]).is_loopback for info in infos):
        return
    raise CommandError(EXIT_USAGE, f"--host {host} is not a loopback address: add "
                                   "--allow-remote to accept mail from other machines")


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the development server until SIGINT / SIGTERM."""
    _check_serve_host(args.host, args.allow_remote)
    if args.tls_key is not None and args.tls_cert is None:
        raise CommandError(EXIT_USAGE, "--tls-key needs --tls-cert")
    tls_context: Optional[ssl.SSLContext] = None
    if args.tls_cert is not None:
        try:
            tls_context = server_tls_context(args.tls_cert, args.tls_key)
        except OSError as exc:
            raise CommandError(EXIT_USAGE, f"cannot use --tls-cert/--tls-key: "
                                           f"{_ssl_text(exc)}") from None
    store: Optional[Union[MaildirStore, MboxStore]] = None
    try:
        if args.maildir is not None:
            store = MaildirStore(args.maildir)
        elif args.mbox is not None:
            store = MboxStore(args.mbox)
    except OSError as exc:
        where = args.maildir if args.maildir is not None else args.mbox
        raise CommandError(EXIT_USAGE, f"cannot store mail in {where!r}: "
                                       f"{exc.strerror or exc}") from None
    out = sys.stdout
    count = 0

    def deliver(message: ReceivedMessage) -> None:
        nonlocal count
        stored = store.add(message) if store is not None else None
        count += 1
        _print_message(out, count, message, stored)

    server = DevServer(args.host, args.port, deliver, credentials=args.auth,
                       tls_context=tls_context)
    try:
        host, port = server.bind()
        features = [name for name, on in (("STARTTLS", tls_context is not None),
                                          ("AUTH required", args.auth is not None)) if on]
        if store is not None:
            features.append(f"storing in {store.path}")
        extra = f" ({'; '.join(features)})" if features else ""

        def ready() -> None:
            out.write(f"{PROG} serve: listening on {format_address(host, port)}{extra}; "
                      "Ctrl-C to stop\n")
            out.flush()
        run_until_signalled(server, ready)
    finally:
        server.close()
        if store is not None:
            store.close()
    out.write(f"{PROG} serve: stopped after {count} message(s)\n")
    out.flush()
    return EXIT_OK


# ------------------------------------------------------------------ demo
def cmd_demo(args: argparse.Namespace) -> int:
    """Run the README example against the embedded server."""
    from .demo import run_demo

    smtp_errors = (OSError, EOFError, SMTPError)
    try:
        run_demo(sys.stdout, port=args.port)
    except ListenError:
        raise
    except smtp_errors as exc:
        raise CommandError(EXIT_PERMANENT if isinstance(exc, SMTPError) else EXIT_CONNECTION,
                           f"the demo session failed: {_one_line(str(exc)) or type(exc).__name__}"
                           ) from None
    return EXIT_OK


# ------------------------------------------------------------------ main
_COMMANDS: Dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "send": cmd_send,
    "serve": cmd_serve,
}


def _report(prefix: str, message: str, stream: IO[str]) -> None:
    text = _one_line(message)
    stream.write(text + "\n" if text.startswith(PROG) else f"{prefix}: {text}\n")
    stream.flush()


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run ``net-smtp`` with *argv* (default: ``sys.argv[1:]``); returns the
    exit code (see :data:`EXIT_CODES`)."""
    parser = build_parser()
    prefix = PROG
    try:
        try:
            args = parser.parse_args(list(argv) if argv is not None else None)
        except SystemExit as exc:  # --help and --version
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        if args.command is None:
            raise CommandError(EXIT_USAGE, f"{PROG}: error: choose a command: "
                                           f"{', '.join(_COMMANDS)} (see '{PROG} --help')")
        prefix = f"{PROG} {args.command}"
        return _COMMANDS[args.command](args)
    except CommandError as exc:
        _report(prefix, str(exc), sys.stderr)
        return exc.code
    except ListenError as exc:
        _report(prefix, str(exc), sys.stderr)
        return EXIT_CONNECTION
    except KeyboardInterrupt:
        _report(prefix, "interrupted", sys.stderr)
        return EXIT_INTERRUPTED

