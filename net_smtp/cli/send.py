"""``net-smtp send``: one message file (or stdin) through a real SMTP server,
streamed, with every failure reported in one line and an exit code that
says what kind of failure it was."""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import os
import socket
import ssl
import stat
import sys
import time
import warnings
from typing import Any, BinaryIO, Callable, TextIO

from .. import Net
from ..authenticator import Authenticator, Credential
from ..errors import (
    ArgumentError,
    OpenTimeout,
    ReadTimeout,
    SMTPAuthenticationError,
    SMTPError,
    SMTPServerBusy,
    SMTPUnsupportedCommand,
    WriteTimeout,
)
from ..response import Response
from ..smtp import SMTP
from ._common import (
    EXIT_CONNECTION,
    EXIT_OK,
    EXIT_PERMANENT,
    EXIT_TEMPORARY,
    EXIT_TLS,
    EXIT_USAGE,
    CommandError,
    one_line,
    port_number,
    positive_float,
    ssl_text,
)
from .devserver import format_address, is_loopback_host

__all__ = ["DESCRIPTION", "EPILOG", "HELP", "PROGRESS_THRESHOLD", "ProgressReader",
           "add_arguments", "cmd_send", "default_starttls", "parse_server", "run"]

PROGRESS_THRESHOLD = 1024 * 1024
"""Messages larger than this get a progress bar when stderr is a terminal."""


def parse_server(text: str, default_port: int) -> tuple[str, int]:
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
        return host, port_number(rest[1:])
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
    return host, port_number(port_text) if sep else default_port


def _auth_type(text: str) -> str:
    if Authenticator.auth_class(text) is None:
        known = ", ".join(sorted(name.lower() for name in Authenticator.auth_classes()))
        raise argparse.ArgumentTypeError(f"unknown authentication type {text!r} (known: {known})")
    return text


def _auth_type_names() -> str:
    return ", ".join(sorted(name.lower().replace("-", "_")
                            for name in Authenticator.auth_classes()))


HELP = "send a message file (or stdin) through an SMTP server"
DESCRIPTION = (
    "Send one message through an SMTP server. The message (headers and body, any "
    "line endings) is read from MESSAGE or stdin and streamed, never loaded "
    "whole. Prints the server's final reply."
)
EPILOG = (
    "The password is never taken from the command line: name an environment "
    "variable with --password-env, or type it at the prompt.\nSTARTTLS defaults "
    "to 'always' (refuse to send in clear), or 'auto' when SERVER is a loopback "
    "address.\n\n"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``send``'s options and arguments."""
    parser.add_argument("message", nargs="?", metavar="MESSAGE",
                        help="the message file; '-' or nothing reads stdin")
    parser.add_argument("--server", required=True, metavar="HOST[:PORT]",
                        help="the SMTP server; IPv6 as [ADDRESS]:PORT; the port defaults to "
                             "25, or 465 with --tls")
    parser.add_argument("--from", dest="from_addr", required=True, metavar="ADDRESS",
                        help="envelope sender (MAIL FROM); '' for the null sender")
    parser.add_argument("--to", dest="to_addrs", action="append", required=True,
                        metavar="ADDRESS", help="envelope recipient (RCPT TO); repeat for more")
    parser.add_argument("--helo", default="localhost", metavar="DOMAIN",
                        help="the domain sent with EHLO / HELO (default: localhost)")
    parser.add_argument("--user", metavar="USER", help="authenticate (SMTP AUTH) as USER")
    parser.add_argument("--password-env", metavar="VAR",
                        help="read the password from environment variable VAR "
                             "(default: prompt without echo)")
    parser.add_argument("--authtype", type=_auth_type, metavar="TYPE",
                        help=f"AUTH mechanism: {_auth_type_names()} (default: plain)")
    parser.add_argument("--tls", action="store_true",
                        help="implicit TLS from the first byte (SMTPS, usually port 465)")
    parser.add_argument("--starttls", choices=("always", "auto", "never"),
                        help="use STARTTLS: always (fail if not offered), auto (when "
                             "offered), never")
    parser.add_argument("--tls-no-verify", action="store_true",
                        help="do not verify the server's certificate (testing only)")
    parser.add_argument("--tls-ca", metavar="FILE",
                        help="trust the CA certificates in PEM FILE instead of the "
                             "system store")
    parser.add_argument("--tls-hostname", metavar="NAME",
                        help="the name to verify the certificate against (default: HOST)")
    parser.add_argument("--open-timeout", type=positive_float, default=30.0, metavar="SEC",
                        help="seconds to connect and finish the TLS handshake (default: 30)")
    parser.add_argument("--read-timeout", type=positive_float, default=60.0, metavar="SEC",
                        help="seconds to wait for each reply (default: 60)")
    debug = parser.add_mutually_exclusive_group()
    debug.add_argument("--debug", action="store_true",
                       help="show the SMTP conversation on stderr, AUTH secrets redacted")
    debug.add_argument("--debug-secrets", action="store_true",
                       help="show the SMTP conversation on stderr with AUTH secrets")


class ProgressReader:
    """A binary file whose ``read`` draws a progress bar on a terminal.

    The bar is shown when *total* is over :data:`PROGRESS_THRESHOLD`, or,
    for an unknown size, once that much has been read.
    """

    WIDTH = 30

    def __init__(self, raw: BinaryIO, total: int | None, stream: TextIO) -> None:
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

    def authenticate(self, user: Credential, secret: Credential,
                     authtype: str = SMTP.DEFAULT_AUTH_TYPE) -> Response:
        self.stage = "AUTH"
        return super().authenticate(user, secret, authtype)

    def mailfrom(self, from_addr: Any) -> Response:
        self.stage = f"MAIL FROM:<{from_addr}>"
        return super().mailfrom(from_addr)

    def rcptto(self, to_addr: Any) -> Response:
        self.stage = f"RCPT TO:<{to_addr}>"
        return super().rcptto(to_addr)

    def data(self, msgstr: Any = None, block: Callable[[Any], Any] | None = None) -> Response:
        self.stage = "DATA"
        return super().data(msgstr, block)


def _open_message(path: str | None) -> tuple[BinaryIO, bool]:
    """The message file (binary) and whether this program must close it."""
    if path is None or path == "-":
        return sys.stdin.buffer, False
    try:
        return open(path, "rb"), True
    except OSError as exc:
        raise CommandError(EXIT_USAGE, f"cannot read message file {path!r}: "
                                       f"{exc.strerror or exc}") from None


def _remaining_size(handle: BinaryIO) -> int | None:
    try:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None
        return max(0, info.st_size - handle.tell())
    except (OSError, ValueError):
        return None


def _password(args: argparse.Namespace) -> str | None:
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


def _tls_settings(args: argparse.Namespace, host: str) -> tuple[bool, Any, dict[str, Any]]:
    """``(tls, starttls mode, ssl_context_params)`` from the options."""
    if args.tls and args.starttls not in (None, "never"):
        raise CommandError(EXIT_USAGE, "--tls and --starttls are exclusive "
                                       "(implicit TLS needs no STARTTLS)")
    mode = args.starttls or default_starttls(host)
    starttls: Any = False if args.tls or mode == "never" else mode
    params: dict[str, Any] = {}
    if args.tls_ca is not None:
        params["ca_file"] = args.tls_ca
        try:
            Net.SMTP.default_ssl_context(params)
        except OSError as exc:
            raise CommandError(EXIT_USAGE, f"cannot use CA file {args.tls_ca!r}: "
                                           f"{ssl_text(exc)}") from None
    return bool(args.tls), starttls, params


# OpenSSL's X509_V_ERR_HOSTNAME_MISMATCH and X509_V_ERR_IP_ADDRESS_MISMATCH.
_NAME_MISMATCH_CODES = (62, 64)


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
                                      f"{one_line(exc.verify_message)} ({hint})")
    if isinstance(exc, ssl.SSLError):
        hint = ""
        if smtp.is_tls() and exc.reason == "WRONG_VERSION_NUMBER":
            hint = " (the server does not speak TLS on this port: try without --tls)"
        return CommandError(EXIT_TLS, f"TLS with {target} failed: {ssl_text(exc)}{hint}")
    if isinstance(exc, SMTPUnsupportedCommand):
        return CommandError(EXIT_TLS, f"{target} does not offer STARTTLS (use --starttls "
                                      "auto or never to send without encryption)")
    if isinstance(exc, SMTPError):
        reply = one_line(exc.message)
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
    if isinstance(exc, OSError) and isinstance(exc.__cause__, OSError) and stage == "connect":
        exc = exc.__cause__  # the system's own words; the message names the server already
    if isinstance(exc, socket.gaierror):
        return CommandError(EXIT_CONNECTION, f"cannot resolve {smtp.address!r}: "
                                             f"{exc.strerror or exc}")
    if isinstance(exc, OSError):
        reason = one_line(exc.strerror or str(exc) or type(exc).__name__)
        if stage == "connect":
            return CommandError(EXIT_CONNECTION, f"cannot connect to {target}: {reason}")
        return CommandError(EXIT_CONNECTION, f"connection to {target} failed during "
                                             f"{stage}: {reason}")
    if isinstance(exc, ArgumentError):
        return CommandError(EXIT_USAGE, one_line(f"{stage}: {exc}"))
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


run = cmd_send
