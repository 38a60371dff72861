"""``net-smtp port``: read the script, translate, write the Python (or
the side-by-side view), report markers, choose the exit code."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .._common import EXIT_OK, EXIT_USAGE, CommandError

__all__ = ["EXIT_MARKED", "port"]

EXIT_MARKED = 1


def _read(script: str) -> tuple[bytes, str]:
    if script == "-":
        return sys.stdin.buffer.read(), "-"
    path = Path(script)
    try:
        return path.read_bytes(), path.name
    except FileNotFoundError:
        raise CommandError(EXIT_USAGE, f"{script}: no such file") from None
    except IsADirectoryError:
        raise CommandError(EXIT_USAGE, f"{script}: is a directory") from None
    except OSError as exc:
        raise CommandError(EXIT_USAGE, f"{script}: cannot read: {exc.strerror}") from None


def port(script: str, output: str | None, side_by_side: bool, width: int) -> int:
    """Run the command; returns the exit code."""
    from .engine import translate
    from .render import side_by_side as render
    from .syntax import MissingParser, RubySyntaxError

    source, name = _read(script)
    try:
        result = translate(source)
    except MissingParser as exc:
        raise CommandError(EXIT_USAGE, str(exc)) from None
    except RubySyntaxError as exc:
        sys.stderr.write(f"{name}:{exc.line}:{exc.column}: {exc.what}\n"
                         f"    {exc.text}\n    {' ' * (exc.column - 1)}^\n")
        return EXIT_USAGE
    if side_by_side:
        total = width or shutil.get_terminal_size((160, 24)).columns
        text = render(source.decode("utf-8", "replace"), result.lines, total)
    else:
        text = result.python
    if output is not None and not side_by_side:
        try:
            Path(output).write_text(result.python, encoding="utf-8")
        except OSError as exc:
            raise CommandError(EXIT_USAGE, f"{output}: cannot write: {exc.strerror}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    for diagnostic in result.diagnostics:
        sys.stderr.write(f"{name}:{diagnostic.line}: {diagnostic.why}\n")
    return EXIT_MARKED if result.diagnostics else EXIT_OK
