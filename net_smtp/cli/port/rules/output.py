"""The finished Python file: imports first (standard library, then
net_smtp), then ``argv``/``DATA`` when the script needs them, then the
translated statements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import pystr
from ..engine import Line, Translation

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["assemble"]

_FROM_DATETIME = ("date", "datetime", "timezone", "timedelta")


def _import_lines(needed: set[str]) -> list[str]:
    plain = sorted(n for n in needed if ":" not in n and n not in _FROM_DATETIME)
    lines = [f"import {name}" for name in plain]
    dates = [n for n in _FROM_DATETIME if n in needed]
    if dates:
        lines.append(f"from datetime import {', '.join(dates)}")
    ours = sorted(n.split(":", 1)[1] for n in needed if n.startswith("net_smtp:"))
    if ours:
        if lines:
            lines.append("")
        lines.append(f"from net_smtp import {', '.join(ours)}")
    return lines


def assemble(tr: Translator) -> Translation:
    """Put the translation together."""
    head: list[Line] = []
    body = list(tr.lines)
    shebang = body and body[0].text.startswith("#!")
    if shebang:
        head.append(body.pop(0))
    leading: list[Line] = []
    while body and body[0].text.startswith("#") and not body[0].text.startswith("# port:"):
        leading.append(body.pop(0))
    if leading:
        head.extend(leading)
        head.append(Line("", 0))
    needed = set(tr.imports)
    if tr.argv_mutated:
        needed.add("sys")
    for text in _import_lines(needed):
        head.append(Line(text, 0))
    extra: list[Line] = []
    if tr.argv_mutated:
        extra.append(Line("argv = sys.argv[1:]", 0))
    if tr.data_used and tr.data_text is not None:
        extra.append(Line(f"DATA = io.StringIO({pystr.literal(tr.data_text, True)})", 0))
    if head and (extra or body):
        head.append(Line("", 0))
    head.extend(extra)
    if extra and body:
        head.append(Line("", 0))
    while body and not body[0].text:
        body.pop(0)
    lines = head + body
    cleaned: list[Line] = []
    for line in lines:
        if not line.text and cleaned and not cleaned[-1].text:
            continue
        cleaned.append(line)
    while cleaned and not cleaned[-1].text:
        cleaned.pop()
    text = "\n".join(line.text for line in cleaned) + "\n"
    return Translation(text, sorted(tr.diagnostics, key=lambda d: d.line), cleaned)
