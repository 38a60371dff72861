"""What every ``net-smtp`` subcommand shares: the program name, the exit
codes, the one-line error type and the argparse pieces that report usage
errors in one line."""

from __future__ import annotations

import argparse
import re
import textwrap
from typing import Any, NoReturn

# The exit codes are the command line's public API (net_smtp.cli exports
# them); the helpers below are the subcommand modules' own.
__all__ = [
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_CONNECTION",
    "EXIT_TEMPORARY",
    "EXIT_PERMANENT",
    "EXIT_TLS",
    "EXIT_INTERRUPTED",
    "EXIT_CODES",
]

PROG = "net-smtp"

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_CONNECTION = 3
EXIT_TEMPORARY = 4
EXIT_PERMANENT = 5
EXIT_TLS = 6
EXIT_INTERRUPTED = 130

EXIT_CODES: dict[int, str] = {
    EXIT_OK: "done (send: the server accepted the message)",
    EXIT_USAGE: "usage: bad or missing option, bad port, unreadable file",
    EXIT_CONNECTION: "connection: cannot connect or listen, connection lost, timeout",
    EXIT_TEMPORARY: "temporary failure: the server answered 4xx",
    EXIT_PERMANENT: "permanent failure: the server answered 5xx (AUTH refused included)",
    EXIT_TLS: "TLS: handshake or certificate verification failed, STARTTLS not offered",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
}
"""Every exit code of ``net-smtp`` and what it means (shown in ``--help``)."""

class CommandError(Exception):
    """An error to report in one line, with the exit code to end with."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def one_line(text: str) -> str:
    """*text* with every run of white space (newlines too) made one space."""
    return " ".join(str(text).split())


def add_command(commands: Any, name: str, *, help: str, description: str,
                epilog: str = "") -> argparse.ArgumentParser:
    """Add subcommand *name*; its ``--help`` ends with *epilog* and the
    exit code table."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name, formatter_class=HelpFormatter, help=help, description=description,
        epilog=epilog + exit_code_epilog())
    return parser


def exit_code_epilog() -> str:
    """The exit code table shown at the end of every ``--help``."""
    lines = ["exit codes:"]
    lines += [f"  {code:<3}  {meaning}" for code, meaning in EXIT_CODES.items()]
    return "\n".join(lines)


class HelpFormatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own and keeps
    indented lines (the exit code table) as they are."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out: list[str] = []
        for line in text.splitlines():
            if not line or line.startswith(" "):
                out.append(indent + line)
            else:
                out.append(textwrap.fill(line, width, initial_indent=indent,
                                         subsequent_indent=indent))
        return "\n".join(out)


class Parser(argparse.ArgumentParser):
    """argparse with usage errors raised as one-line :class:`CommandError`."""

    def error(self, message: str) -> NoReturn:
        raise CommandError(EXIT_USAGE, f"{self.prog}: error: {message} "
                                       f"(see '{self.prog} --help')")


def port_number(text: str, what: str = "port") -> int:
    """A TCP port from 1 to 65535.

    Raises:
        ValueError: anything else, worded for the user.
    """
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise ValueError(f"bad {what} {text!r}: expected a number from 1 to 65535")
    return int(text)


def positive_float(text: str) -> float:
    """An argparse type: a finite number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds: {text!r}")
    return value


def listen_port(text: str) -> int:
    """An argparse type: a port to listen on, 0 for any free one."""
    if text == "0":
        return 0
    try:
        return port_number(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{exc} (or 0 for any free port)") from None


_SSL_DECORATION = re.compile(r"^\[[A-Z0-9_: ]+\] |\s*\(_ssl\.c:\d+\)$")


def ssl_text(exc: OSError) -> str:
    """An ssl error's text without OpenSSL's ``[LIB: CODE]`` and source line."""
    text = exc.strerror if isinstance(exc.strerror, str) else str(exc)
    return one_line(_SSL_DECORATION.sub("", text)) or type(exc).__name__


