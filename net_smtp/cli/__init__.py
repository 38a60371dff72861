"""The ``net-smtp`` command line (also ``python -m net_smtp``): the tool, not
the port. ``import net_smtp`` loads none of it; it is the only user of
aiosmtpd.

``net-smtp demo`` sends the README example to an embedded server and shows
the conversation; ``net-smtp send`` sends a message file through a real
server; ``net-smtp serve`` runs a local development server.

Errors end the program with one line on stderr and an exit code from
:data:`EXIT_CODES`, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import IO

from .. import Net, __version__
from . import _common, demo, port, send, serve
from ._common import *  # noqa: F403 - the exit codes
from ._common import (
    EXIT_CONNECTION,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    CommandError,
    HelpFormatter,
    Parser,
    add_command,
    exit_code_epilog,
    one_line,
)
from .devserver import ListenError
from .send import PROGRESS_THRESHOLD, ProgressReader, default_starttls, parse_server

__all__ = [
    "PROGRESS_THRESHOLD",
    "ProgressReader",
    "build_parser",
    "default_starttls",
    "main",
    "parse_server",
]
__all__ += _common.__all__

# A subcommand is a module with HELP, DESCRIPTION, optionally EPILOG, an
# add_arguments(parser) and a run(args) that returns the exit code. The
# order here is --help's.
_SUBCOMMANDS = (demo, send, serve, port)


def build_parser() -> argparse.ArgumentParser:
    """The ``net-smtp`` parser with every subcommand."""
    parser = Parser(
        prog=PROG, formatter_class=HelpFormatter,
        description="Ruby's Net::SMTP for Python: send mail, run a local test server, "
                    "or watch a demo session.",
        epilog=exit_code_epilog())
    parser.add_argument("--version", action="version",
                        version=f"{PROG} {__version__} (Ruby net-smtp {Net.SMTP.VERSION})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in _SUBCOMMANDS:
        command = add_command(commands, _name(module), help=module.HELP,
                              description=module.DESCRIPTION,
                              epilog=getattr(module, "EPILOG", ""))
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def _name(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[1]


def _report(prefix: str, message: str, stream: IO[str]) -> None:
    text = one_line(message)
    stream.write(text + "\n" if text.startswith(PROG) else f"{prefix}: {text}\n")
    stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
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
            names = ", ".join(_name(module) for module in _SUBCOMMANDS)
            raise CommandError(EXIT_USAGE, f"{PROG}: error: choose a command: "
                                           f"{names} (see '{PROG} --help')")
        prefix = f"{PROG} {args.command}"
        code: int = args.run(args)
        return code
    except CommandError as exc:
        _report(prefix, str(exc), sys.stderr)
        return exc.code
    except ListenError as exc:
        _report(prefix, str(exc), sys.stderr)
        return EXIT_CONNECTION
    except KeyboardInterrupt:
        _report(prefix, "interrupted", sys.stderr)
        return EXIT_INTERRUPTED
