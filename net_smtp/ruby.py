"""Ruby's behaviour where Python's builtins differ, for scripts that
``net-smtp port`` translated (and for anyone porting by hand).

Each function does what the Ruby method of the same name does, and the
translator uses one only where plain Python would behave differently:
``puts`` (Ruby's newline and Array rules), ``p`` and :func:`inspect`
(Ruby's notation), :func:`to_s` (``nil`` is ``''``, ``true`` is
``'true'``, an SMTP error is its class name, as in net-smtp 0.5.1),
:func:`truthy` (only ``nil`` and ``false`` are false), :func:`rfc2822`
(``-0000`` for a UTC time), :func:`class_name` (``e.class``) and
:func:`message` (``e.message``).

Nothing here needs ``net_smtp.cli`` or tree-sitter.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import IO, Any, NoReturn

from . import errors

__all__ = [
    "Symbol",
    "chomp",
    "class_name",
    "encode64",
    "format",
    "inspect",
    "lines",
    "message",
    "p",
    "puts",
    "round",
    "rfc2822",
    "split",
    "strftime",
    "to_i",
    "to_s",
    "truthy",
    "ArgumentParser",
    "OptionError",
]


class Symbol(str):
    """A Ruby symbol: a ``str`` everywhere, but :func:`inspect` shows it as
    ``:name`` (``p :sym`` prints ``:sym``)."""

    __slots__ = ()


def truthy(value: object) -> bool:
    """Ruby's truth: everything is true but ``nil`` and ``false`` (``0``,
    ``''`` and ``[]`` are true)."""
    return value is not None and value is not False


def _float_to_s(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        sign = exponent[0] if exponent[0] in "+-" else "+"
        digits = exponent.lstrip("+-").rjust(2, "0")
        return f"{mantissa}e{sign}{digits}"
    return text


_RUBY_CLASS_NAMES: dict[type, str] = {
    BaseException: "Exception",
    Exception: "StandardError",
    RuntimeError: "RuntimeError",
    ValueError: "ArgumentError",
    TypeError: "TypeError",
    KeyError: "KeyError",
    IndexError: "IndexError",
    ZeroDivisionError: "ZeroDivisionError",
    AttributeError: "NoMethodError",
    NameError: "NameError",
    NotImplementedError: "NotImplementedError",
    KeyboardInterrupt: "Interrupt",
    SystemExit: "SystemExit",
    EOFError: "EOFError",
    OSError: "IOError",
    TimeoutError: "Timeout::Error",
    ConnectionRefusedError: "Errno::ECONNREFUSED",
    ConnectionResetError: "Errno::ECONNRESET",
    BrokenPipeError: "Errno::EPIPE",
    FileNotFoundError: "Errno::ENOENT",
    PermissionError: "Errno::EACCES",
    str: "String",
    int: "Integer",
    float: "Float",
    bool: "TrueClass",
    list: "Array",
    tuple: "Array",
    dict: "Hash",
    type(None): "NilClass",
    Symbol: "Symbol",
    datetime: "Time",
}


def class_name(value: object) -> str:
    """The name Ruby's ``value.class`` prints: ``Net::SMTPFatalError``,
    ``RuntimeError``, ``String``, ``NilClass``... A class gives its own name."""
    cls = value if isinstance(value, type) else type(value)
    if value is False:
        return "FalseClass"
    if cls.__module__ == errors.__name__:
        return "EOFError" if cls is errors.EOFError else f"Net::{cls.__name__}"
    if cls.__module__ == "ssl":
        return "OpenSSL::SSL::SSLError"
    if cls.__name__ == "gaierror":
        return "SocketError"
    if cls in _RUBY_CLASS_NAMES:
        return _RUBY_CLASS_NAMES[cls]
    if cls.__module__ in ("builtins", "socket"):
        for base in cls.__mro__:
            if base in _RUBY_CLASS_NAMES:
                return _RUBY_CLASS_NAMES[base]
    return cls.__qualname__.replace(".", "::")


def to_s(value: object) -> str:
    """Ruby's ``to_s`` (and ``"#{value}"``): ``nil`` -> ``''``, ``true`` ->
    ``'true'``, arrays and hashes in Ruby's notation, floats as Ruby writes
    them (``1.0e+20``), a ``Time`` as ``2024-03-05 09:30:00 UTC``.

    An SMTP error gives its class name (``Net::SMTPFatalError``): in
    net-smtp 0.5.1 ``SMTPError`` overrides ``message`` but not ``to_s``,
    so ``"#{e}"`` prints the class and ``e.message`` the server's reply.
    """
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, float):
        return _float_to_s(value)
    if isinstance(value, (list, tuple, dict)):
        return inspect(value)
    if isinstance(value, datetime):
        zone = "UTC" if value.tzinfo is timezone.utc else value.strftime("%z")
        return value.strftime("%Y-%m-%d %H:%M:%S ") + zone
    if isinstance(value, errors.SMTPError) and not isinstance(value, errors.SMTPSessionAborted):
        return class_name(value)
    if isinstance(value, BaseException):
        return message(value)
    return str(value)


_INSPECT_ESCAPES = {
    '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
    "\f": "\\f", "\v": "\\v", "\b": "\\b", "\a": "\\a", "\x1b": "\\e",
}


def _inspect_str(text: str) -> str:
    out = ['"']
    for i, char in enumerate(text):
        if char in _INSPECT_ESCAPES:
            out.append(_INSPECT_ESCAPES[char])
        elif char == "#" and text[i + 1:i + 2] in ("$", "@", "{"):
            out.append("\\#")
        elif char.isprintable():
            out.append(char)
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(f"\\u{{{ord(char):X}}}")
    out.append('"')
    return "".join(out)


def inspect(value: object) -> str:
    """Ruby's ``inspect``: ``nil``, ``"text"`` with Ruby's escapes, ``:sym``,
    ``[1, "a"]``, ``{:key=>"value"}`` (Ruby 3.1's hash notation)."""
    if value is None:
        return "nil"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Symbol):
        return ":" + str.__str__(value)
    if isinstance(value, str):
        return _inspect_str(value)
    if isinstance(value, float):
        return _float_to_s(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inspect(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{inspect(k)}=>{inspect(v)}" for k, v in value.items()) + "}"
    if isinstance(value, BaseException):
        return f"#<{class_name(value)}: {to_s(value) or class_name(value)}>"
    if isinstance(value, datetime):
        return to_s(value)
    inspector = getattr(value, "inspect", None)
    if callable(inspector):
        return str(inspector())
    return repr(value)


def _puts_lines(value: object, out: list[str]) -> None:
    if isinstance(value, (list, tuple)):
        for item in value:
            _puts_lines(item, out)
        return
    text = to_s(value)
    out.append(text if text.endswith("\n") else text + "\n")


def puts(*values: object, file: IO[str] | None = None) -> None:
    """Ruby's ``puts``: each value on its own line, without doubling a
    newline it already ends with; arrays one item a line (an empty array
    prints nothing); ``nil`` an empty line; no value, one newline."""
    out: list[str] = []
    if not values:
        out.append("\n")
    for value in values:
        _puts_lines(value, out)
    (sys.stdout if file is None else file).write("".join(out))


def p(*values: Any) -> Any:
    """Ruby's ``p``: print each value's :func:`inspect` on its own line and
    return the value (``None`` for none, a list for several)."""
    for value in values:
        sys.stdout.write(inspect(value) + "\n")
    if not values:
        return None
    return values[0] if len(values) == 1 else list(values)


def format(template: str, *args: object) -> str:
    """Ruby's ``format`` / ``String#%`` for C-style templates: like Python's
    ``%``, but ``nil``, ``true`` and ``false`` print as Ruby prints them for
    ``%s``."""
    converted = tuple(to_s(arg) if arg is None or isinstance(arg, (bool, list, dict))
                      else arg for arg in args)
    return template % converted


def rfc2822(time: datetime) -> str:
    """Ruby's ``Time#rfc2822``: ``Tue, 05 Mar 2024 09:30:00 -0000`` for a UTC
    time (``Time.utc``, ``tzinfo=timezone.utc``), the numeric offset otherwise."""
    zone = "-0000" if time.tzinfo is timezone.utc else time.strftime("%z")
    return time.strftime("%a, %d %b %Y %H:%M:%S ") + zone


def strftime(time: datetime, template: str) -> str:
    """Ruby's ``Time#strftime``, with Ruby's ``%L`` (milliseconds), ``%N``
    (nanoseconds), ``%s`` (epoch seconds) and ``%:z`` (``+09:00``) too."""
    def ruby_only(match: re.Match[str]) -> str:
        code = match.group(0)
        if code == "%L":
            return f"{time.microsecond // 1000:03d}"
        if code == "%N":
            return f"{time.microsecond * 1000:09d}"
        if code == "%s":
            return str(int(time.timestamp()))
        offset = time.strftime("%z")
        return offset[:3] + ":" + offset[3:] if offset else ""
    return time.strftime(re.sub(r"%(?:L|N|s|:z)", ruby_only, template.replace("%%", "\0"))
                         ).replace("\0", "%")


def chomp(text: str, suffix: str | None = None) -> str:
    """Ruby's ``chomp``: without *suffix*, drop one trailing ``\\r\\n``,
    ``\\n`` or ``\\r``."""
    if suffix is not None:
        return text[:-len(suffix)] if suffix and text.endswith(suffix) else text
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith(("\n", "\r")) else text


def lines(text: str) -> list[str]:
    """Ruby's ``String#lines``: split after each ``\\n`` only, keeping it."""
    parts = text.split("\n")
    out = [part + "\n" for part in parts[:-1]]
    return out + [parts[-1]] if parts[-1] else out


def split(text: str, separator: str | re.Pattern[str] | None = None,
          limit: int = 0) -> list[str]:
    """Ruby's ``String#split``: on white space (``None`` or ``' '``), a
    string or a regular expression; trailing empty fields are dropped
    unless *limit* is negative."""
    if separator is None or separator == " ":
        parts = text.split(None, limit - 1) if limit > 0 else text.split()
        return parts
    if isinstance(separator, str):
        parts = text.split(separator, limit - 1) if limit > 0 else text.split(separator)
    else:
        parts = separator.split(text, maxsplit=max(limit - 1, 0)) if limit >= 0 \
            else separator.split(text)
        if parts and parts[0] == "" and text and separator.match(text) and \
                separator.match(text).end() == 0:  # type: ignore[union-attr]
            parts = parts[1:]
    if limit == 0:
        while parts and parts[-1] == "":
            parts.pop()
    return parts


_LEADING_INTEGER = re.compile(r"\s*([-+]?\d(?:_?\d)*)")


def to_i(value: object) -> int:
    """Ruby's ``to_i``: ``nil`` is 0, a string gives its leading integer
    (``'25abc'`` -> 25, ``'abc'`` -> 0), a float is truncated."""
    if value is None:
        return 0
    if isinstance(value, str):
        match = _LEADING_INTEGER.match(value)
        return int(match.group(1).replace("_", "")) if match else 0
    if isinstance(value, (int, float)):
        return int(value)
    raise TypeError(f"undefined method `to_i' for {class_name(value)}")


def _c_round(value: float) -> float:
    """C's ``round``: halves away from zero."""
    whole = math.floor(abs(value) + 0.5)
    return math.copysign(whole, value)


def round(number: float, digits: int = 0) -> float | int:
    """Ruby's ``Float#round``: halves go away from zero (``2.5`` -> 3, where
    Python gives 2), with Ruby's correction for decimals a float cannot
    hold exactly (``1.005.round(2)`` is 1.01); an Integer without *digits*."""
    if digits <= 0:
        return int(_c_round(number))
    scale = 10.0 ** digits
    rounded = _c_round(number * scale)
    if number > 0 and (rounded + 0.5) / scale <= number:
        rounded += 1
    elif number < 0 and (rounded - 0.5) / scale >= number:
        rounded -= 1
    return rounded / scale


def encode64(data: str | bytes) -> str:
    """Ruby's ``Base64.encode64`` / ``[data].pack('m')``: base64 in lines of
    60 characters, each ending with a newline (Python's ``encodebytes``
    uses 76)."""
    import base64

    raw = data.encode() if isinstance(data, str) else data
    text = base64.b64encode(raw).decode("ascii")
    return "".join(text[i:i + 60] + "\n" for i in range(0, len(text), 60))


def message(exc: BaseException) -> str:
    """Ruby's ``e.message``: the reply line of an SMTP error, Ruby's wording
    for the errors Ruby words differently (``key not found: "X"``), else
    ``str(exc)``."""
    if isinstance(exc, errors.SMTPError):
        return exc.message
    if isinstance(exc, (errors.ReadTimeout, errors.WriteTimeout)):
        # Ruby appends the socket's inspect; by the time a script outside
        # the session's block reads it, the socket is closed.
        return f"Net::{type(exc).__name__} with #<TCPSocket:(closed)>"
    if isinstance(exc, OSError) and exc.errno is not None and isinstance(exc.strerror, str):
        # Ruby's Errno::X and SocketError messages, without Python's "[Errno N]"
        # (and without the "(for HOST port N)" net_smtp adds to a lookup failure).
        if exc.strerror.startswith("getaddrinfo: "):
            return re.sub(r" \(for .*\)$", "", exc.strerror)
        return exc.strerror
    if isinstance(exc, KeyError) and len(exc.args) == 1:
        return f"key not found: {inspect(exc.args[0])}"
    text = str(exc)
    found = re.fullmatch(r"invalid literal for int\(\) with base 10: '(.*)'", text)
    if found:
        return f"invalid value for Integer(): {inspect(found.group(1))}"
    return text


class OptionError(Exception):
    """Ruby's ``OptionParser::ParseError`` (an unknown option, a missing or
    bad argument), raised by :class:`ArgumentParser` instead of exiting, so
    that an uncaught one ends the script with status 1, as in Ruby."""


_ARGPARSE_WORDING = (
    (re.compile(r"argument (?:\S+/)?(\S+): invalid \w+ value: '(.*)'"),
     "invalid argument: {0} {1}"),
    (re.compile(r"argument (?:\S+/)?(\S+): expected one argument"), "missing argument: {0}"),
    (re.compile(r"argument (?:\S+/)?(\S+): ignored explicit argument '(.*)'"),
     "needless argument: {0}={1}"),
)


_SUMMARY_WIDTH = 32
_SUMMARY_INDENT = "    "


def _summarize(flags: list[str], arg: str, description: list[str]) -> list[str]:
    """One option's lines in Ruby's ``OptionParser#summarize`` layout."""
    shorts = [f for f in flags if not f.startswith("--")]
    longs = [f for f in flags if f.startswith("--")]
    left = [", ".join(shorts)]
    right = list(description)
    for name in longs:
        width = len(left[-1]) + len(name) + (len(arg) if len(left) == 1 and arg else 0)
        if not (width < _SUMMARY_WIDTH - 1 or not shorts):
            left.append("")
        left[-1] += (" " * 4 if not left[-1] else ", ") + name
    if arg:
        left[0] += arg.lstrip("=") + "," if len(left) > 1 else arg
    out = []
    longest = max(len(text) for text in left)
    while longest > _SUMMARY_WIDTH and left:
        text = left.pop(0)
        if left:
            longest = max(len(t) for t in left) if len(text) == longest else longest
        if len(text) < _SUMMARY_WIDTH and right and right[0]:
            text = text.ljust(_SUMMARY_WIDTH) + " " + right.pop(0)
        out.append(_SUMMARY_INDENT + text)
    while left or right:
        text = left.pop(0) if left else ""
        description_line = right.pop(0) if right else ""
        if description_line:
            text = text.ljust(_SUMMARY_WIDTH) + " " + description_line
        out.append(_SUMMARY_INDENT + text)
    return out


class ArgumentParser(argparse.ArgumentParser):
    """``argparse`` that fails the way Ruby's ``OptionParser`` does: an
    error raises :class:`OptionError` worded as Ruby words it (``invalid
    option: --x``, ``missing argument: --to``, ``invalid argument: --port
    abc``) instead of printing usage and exiting with status 2; ``-h`` is
    not added. :meth:`parse` returns the options and, like Ruby's
    ``parse!``, the arguments that are not options, in order."""

    def __init__(self, banner: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(**kwargs)
        program = os.path.splitext(os.path.basename(sys.argv[0] or "-"))[0]
        self.banner = banner if banner is not None else f"Usage: {program} [options]"
        self._summary: list[tuple[list[str], str, list[str]] | str] = []

    def add_argument(self, *flags: Any, **kwargs: Any) -> Any:
        """argparse's ``add_argument``; also remembers the option for the
        Ruby-style help of :meth:`__str__`."""
        metavar = kwargs.get("metavar")
        takes_value = kwargs.get("action") not in ("store_true", "store_false", "count")
        arg = f" {metavar}" if metavar and takes_value else ""
        help_text = kwargs.get("help")
        self._summary.append(([str(f) for f in flags], arg, [help_text] if help_text else []))
        return super().add_argument(*flags, **kwargs)

    def separator(self, text: str) -> None:
        """Ruby's ``opts.separator``: a line of its own in the help."""
        self._summary.append(text)

    def __str__(self) -> str:
        """The help text as Ruby's ``puts opts`` prints it: the banner, then
        each option as ``    -s, --server HOST                SMTP server``."""
        lines = [self.banner]
        for entry in self._summary:
            if isinstance(entry, str):
                lines.append(entry)
            else:
                lines.extend(_summarize(*entry))
        return "\n".join(lines) + "\n"

    to_s = help = __str__

    def parse(self, argv: Iterable[str]) -> tuple[argparse.Namespace, list[str]]:
        """``(options, other arguments)`` from *argv*.

        Raises:
            OptionError: an unknown option or a missing or bad value.
        """
        args = list(argv)
        for arg in args:
            if arg == "--":
                break
            if arg in ("--help", "-h") and arg not in self._option_string_actions:
                # OptionParser's own --help: print the summary, exit 0.
                sys.stdout.write(str(self))
                sys.exit(0)
        options, rest = self.parse_known_args(args)
        for arg in rest:
            if arg == "--":
                break
            if arg.startswith("-") and arg != "-":
                raise OptionError(f"invalid option: {arg}")
        return options, [arg for arg in rest if arg != "--"]

    def error(self, message: str) -> NoReturn:
        for pattern, wording in _ARGPARSE_WORDING:
            found = pattern.fullmatch(message)
            if found:
                raise OptionError(wording.format(*found.groups()))
        raise OptionError(message)
