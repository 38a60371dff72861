"""``net-smtp demo``: the README example, sent to an aiosmtpd server running
inside this process, with the SMTP conversation shown in Ruby's debug
format and then the message as the server received it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from .. import Net
from ..errors import SMTPError
from ..response import Response
from ._common import (
    EXIT_CONNECTION,
    EXIT_OK,
    EXIT_PERMANENT,
    CommandError,
    listen_port,
    one_line,
)
from .devserver import (
    BackgroundServer,
    DevServer,
    ListenError,
    ReceivedMessage,
    format_address,
)

__all__ = ["DEMO_FROM", "DEMO_MESSAGE", "DEMO_TO", "DESCRIPTION", "HELP", "add_arguments",
           "cmd_demo", "run", "run_demo"]

DEMO_FROM = "alice@example.com"
DEMO_TO = "bob@example.net"
DEMO_MESSAGE = """\
From: Alice <alice@example.com>
To: Bob <bob@example.net>
Subject: Hello from net_smtp
Date: Sat, 28 Nov 2026 10:00:00 +0000
Message-ID: <hello.1@example.com>

Hi Bob,
this message went out through Net.SMTP, byte for byte as Ruby sends it.
"""


def _shown_on(out: TextIO) -> type[Net.SMTP]:
    """``Net.SMTP`` whose sessions write their conversation to *out*, so the
    README's class-level ``start(..., block=...)`` can be shown as it is."""

    class ShownSMTP(Net.SMTP):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.debug_output = out

    return ShownSMTP


def run_demo(out: TextIO, port: int = 0, host: str = "127.0.0.1") -> Response:
    """Start the embedded server on *host*:*port* (0: a free port), send the
    README message with ``Net.SMTP.start(..., block=...)`` and debug output
    to *out*, then print what the server received.

    Returns:
        The server's reply to the message.

    Raises:
        ListenError: the port is busy or cannot be bound.
        OSError, EOFError, Net.SMTPError: the session failed.
    """
    received: list[ReceivedMessage] = []

    def deliver(message: ReceivedMessage) -> None:
        received.append(message)

    with BackgroundServer(DevServer(host, port, deliver)) as (bound_host, bound_port):
        out.write(f"net-smtp demo: aiosmtpd is listening on "
                  f"{format_address(bound_host, bound_port)} in this process.\n")
        out.write("Sending the README example with Net.SMTP.start(..., block=...); "
                  "its debug_output shows:\n\n")
        out.flush()
        response: Response = _shown_on(out).start(
            bound_host, bound_port,
            block=lambda smtp: smtp.send_message(DEMO_MESSAGE, DEMO_FROM, DEMO_TO))
    out.write("\n")
    for message in received:
        out.write(f"The server received from <{message.mail_from}> for "
                  f"{', '.join(f'<{rcpt}>' for rcpt in message.rcpt_tos)} "
                  f"({len(message.content)} bytes):\n\n")
        out.write(message.unix_bytes().decode("utf-8", "replace"))
    out.flush()
    return response


def cmd_demo(args: argparse.Namespace) -> int:
    """Run the README example against the embedded server."""
    try:
        run_demo(sys.stdout, port=args.port)
    except ListenError:
        raise  # main reports it: the same words as for serve
    except (OSError, SMTPError) as exc:
        raise CommandError(EXIT_PERMANENT if isinstance(exc, SMTPError) else EXIT_CONNECTION,
                           f"the demo session failed: {one_line(str(exc)) or type(exc).__name__}"
                           ) from None
    return EXIT_OK


HELP = "send the README example to an embedded server and show the conversation"
DESCRIPTION = (
    "Start an aiosmtpd server inside this process, send the README example "
    "message from alice@example.com to bob@example.net with Net.SMTP, print the "
    "SMTP conversation in Ruby's debug format, then the message as the server "
    "received it."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``demo``'s options and arguments."""
    parser.add_argument("--port", type=listen_port, default=0,
                        help="port for the embedded server on 127.0.0.1 (default: a free port)")


run = cmd_demo
