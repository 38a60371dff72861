"""``net-smtp serve``: a local development SMTP server (aiosmtpd) that prints
each message's envelope and headers and can store it in a Maildir or mbox."""

from __future__ import annotations

import argparse
import ipaddress
import socket
import ssl
import sys
import time
from typing import TextIO

from ._common import (
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    CommandError,
    listen_port,
    ssl_text,
)
from .devserver import (
    Credentials,
    DevServer,
    MaildirStore,
    MboxStore,
    ReceivedMessage,
    format_address,
    is_loopback_host,
    run_until_signalled,
    server_tls_context,
)

__all__ = ["DEFAULT_SERVE_PORT", "DESCRIPTION", "HELP", "add_arguments", "cmd_serve", "run"]

DEFAULT_SERVE_PORT = 1025


def _user_password(text: str) -> Credentials:
    user, sep, password = text.partition(":")
    if not sep or not user:
        raise argparse.ArgumentTypeError("expected USER:PASSWORD")
    return Credentials(user, password)


HELP = "run a local SMTP server that prints (and can store) what it receives"
DESCRIPTION = (
    "Run a development SMTP server (aiosmtpd). Each message's envelope and "
    "headers are printed as it arrives; --maildir or --mbox also stores it. "
    "Stops on Ctrl-C or SIGTERM."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``serve``'s options and arguments."""
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=listen_port, default=DEFAULT_SERVE_PORT,
                        help=f"port to listen on, 0 for any free port "
                             f"(default: {DEFAULT_SERVE_PORT})")
    parser.add_argument("--allow-remote", action="store_true",
                        help="allow a --host that is not a loopback address")
    store = parser.add_mutually_exclusive_group()
    store.add_argument("--maildir", metavar="DIR",
                       help="store each message in Maildir DIR (created if missing)")
    store.add_argument("--mbox", metavar="FILE",
                       help="append each message to mbox FILE (created if missing)")
    parser.add_argument("--auth", type=_user_password, metavar="USER:PASS",
                        help="require AUTH (PLAIN or LOGIN) with this user and password "
                             "before MAIL")
    parser.add_argument("--tls-cert", metavar="FILE",
                        help="PEM certificate (chain) to offer STARTTLS with; AUTH is "
                             "then only offered after STARTTLS")
    parser.add_argument("--tls-key", metavar="FILE",
                        help="PEM private key for --tls-cert (default: in the cert file)")


def _escape_controls(text: str) -> str:
    return "".join(ch if ch == "\t" or ch.isprintable() else f"\\x{ord(ch):02x}"
                   for ch in text)


def _print_message(out: TextIO, number: int, message: ReceivedMessage,
                   stored: str | None) -> None:
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
    tls_context: ssl.SSLContext | None = None
    if args.tls_cert is not None:
        try:
            tls_context = server_tls_context(args.tls_cert, args.tls_key)
        except OSError as exc:
            raise CommandError(EXIT_USAGE, f"cannot use --tls-cert/--tls-key: "
                                           f"{ssl_text(exc)}") from None
    store: MaildirStore | MboxStore | None = None
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


run = cmd_serve
