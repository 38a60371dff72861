"""``--side-by-side``: the Ruby script and its translation in two columns,
aligned statement by statement (each Python line sits beside the Ruby line
it came from)."""

from __future__ import annotations

from ..port.engine import Line

__all__ = ["side_by_side"]


def _fit(text: str, width: int) -> str:
    text = text.replace("\t", "    ")
    return text if len(text) <= width else text[:width - 1] + "…"


def side_by_side(ruby: str, python: list[Line], width: int) -> str:
    """Two columns of *width* characters in all: Ruby left, Python right.

    Each Ruby statement starts a row group; the Python lines made from it
    sit beside it, and whichever side is longer pads the other with blanks.
    """
    ruby_lines = ruby.splitlines()
    column = max((width - 3) // 2, 20)
    # Python lines grouped by the Ruby line they came from (0: imports and the like).
    groups: list[tuple[int, list[str]]] = []
    for line in python:
        if groups and (line.ruby_line == groups[-1][0] or line.ruby_line == 0 or
                       line.ruby_line < groups[-1][0]):
            groups[-1][1].append(line.text)
        else:
            groups.append((line.ruby_line, [line.text]))
    out: list[str] = []
    next_ruby = 1

    def row(left: str, right: str) -> None:
        out.append(f"{_fit(left, column):<{column}} | {_fit(right, column)}".rstrip())

    for start, texts in groups:
        lefts: list[str] = []
        if start >= next_ruby:
            while next_ruby < start:
                row(ruby_lines[next_ruby - 1], "")
                next_ruby += 1
        end = start
        for later_start, _ in groups:
            if later_start > start:
                end = later_start - 1
                break
        else:
            end = len(ruby_lines)
        if start >= next_ruby and start > 0:
            lefts = ruby_lines[start - 1:end]
            next_ruby = end + 1
        for i in range(max(len(lefts), len(texts))):
            row(lefts[i] if i < len(lefts) else "", texts[i] if i < len(texts) else "")
    while next_ruby <= len(ruby_lines):
        row(ruby_lines[next_ruby - 1], "")
        next_ruby += 1
    header = f"{'Ruby':<{column}} | Python"
    return "\n".join([header, "-" * column + "-+-" + "-" * column] + out) + "\n"
