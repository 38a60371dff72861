"""``net-smtp port SCRIPT.rb``: translate a Ruby script that uses Net::SMTP
into Python that does the same (issue 11).

Built on tree-sitter's Ruby grammar (``pip install 'net-smtp[port]'``);
without it the command says what to install and exits 2. ``import
net_smtp.cli`` does not import tree-sitter: the parser loads when the
command runs.

Exit codes: 0 everything translated; 1 translated, but some constructs are
kept as commented Ruby under ``# port:`` markers (listed on stderr as
``SCRIPT.rb:LINE: why``); 2 bad input (no such file, Ruby that does not
parse, tree-sitter missing).
"""

from __future__ import annotations

import argparse

__all__ = ["DESCRIPTION", "EPILOG", "HELP", "add_arguments", "run"]

HELP = "translate a Ruby Net::SMTP script into Python"
DESCRIPTION = ("Translate a Ruby script that sends mail with Net::SMTP into a Python script "
               "that does the same with net_smtp. What cannot be translated with certainty is "
               "kept as commented Ruby under a '# port:' marker and listed on stderr.")
EPILOG = ("port exits 0 when everything was translated, 1 when some lines carry '# port:' "
          "markers, 2 for bad input (a missing file, Ruby that does not parse).\n")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("script", metavar="SCRIPT.rb", help="the Ruby script ('-': stdin)")
    parser.add_argument("-o", "--output", metavar="OUT.py",
                        help="write the Python here instead of to stdout")
    parser.add_argument("--side-by-side", action="store_true",
                        help="print Ruby and Python in two columns, statement by statement")
    parser.add_argument("--width", type=int, default=0, metavar="N",
                        help="total width for --side-by-side (default: the terminal's)")


def run(args: argparse.Namespace) -> int:
    from .command import port

    return port(args.script, args.output, args.side_by_side, args.width)


