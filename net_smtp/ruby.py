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
import builtins
import calendar
import errno
import io
import math
import os
import re
import signal
import sys
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone, tzinfo
from fractions import Fraction
from typing import IO, Any, AnyStr, NoReturn

from . import _ruby, errors
from ._process import (
    ProcessStatus,
    backtick,
    capture2,
    capture2e,
    capture3,
    last_status,
    open_command,
)
from ._yaml import BadAlias, DisallowedClass, PsychError, YAMLSyntaxError
from ._yaml import load as yaml_load
from ._yaml import load_file as yaml_load_file

__all__ = [
    "ABBR_DAYNAMES",
    "ABBR_MONTHNAMES",
    "DAYNAMES",
    "DateTime",
    "DefaultHash",
    "MONTHNAMES",
    "argf",
    "array",
    "assoc",
    "backtick",
    "basename",
    "capture2",
    "capture2e",
    "capture3",
    "chomp",
    "class_name",
    "class_of",
    "cmp",
    "counted",
    "count",
    "csv_line",
    "csv_parse",
    "csv_read",
    "delete",
    "delete_at",
    "delete_item",
    "date_new",
    "datetime_new",
    "datetime_parse",
    "date_parse",
    "dig",
    "dirname",
    "each",
    "each_slice",
    "encode64",
    "erb_local",
    "escape_html",
    "exit_status",
    "fdiv",
    "file_join",
    "fields",
    "first",
    "flatten",
    "format",
    "generate",
    "gets",
    "group",
    "group_by",
    "include",
    "index",
    "inject",
    "inspect",
    "integer",
    "is_empty",
    "iso8601",
    "join",
    "kernel_open",
    "last",
    "last_status",
    "length",
    "lineno",
    "lines",
    "message",
    "option_choice",
    "option_pattern",
    "months_later",
    "order_key",
    "p",
    "partition",
    "puts",
    "readline",
    "readlines",
    "responds_to",
    "rfc2822",
    "round",
    "scan",
    "select",
    "size",
    "slice_out",
    "slice",
    "sort",
    "split",
    "spread",
    "squeeze",
    "strftime",
    "string_arg",
    "sub",
    "sum",
    "symbol",
    "symbolize_names",
    "throw",
    "time_parse",
    "time_strptime",
    "timeout",
    "to_a",
    "to_f",
    "to_i",
    "to_s",
    "to_sym",
    "tr",
    "transpose",
    "truthy",
    "valid_date",
    "yaml_load",
    "yaml_load_file",
    "zip",
    "ArgumentParser",
    "CSVTable",
    "Catch",
    "ClassName",
    "Comparable",
    "Logger",
    "OpenStruct",
    "AmbiguousArgument",
    "BadAlias",
    "DisallowedClass",
    "InvalidArgument",
    "InvalidOption",
    "MissingArgument",
    "NeedlessArgument",
    "OptionError",
    "ProcessStatus",
    "PsychError",
    "Range",
    "Set",
    "Symbol",
    "UncaughtThrowError",
    "YAMLSyntaxError",
]


class Range:
    """A Ruby Range of Integers kept as a value (what ``(1..n).each`` gives
    when no ``break`` left it): iterated as Python's ``range``, shown as
    Ruby writes it (``1..3``, ``1...4``), which Python's ``range`` cannot
    tell apart."""

    __slots__ = ("first", "last", "exclude_end")

    def __init__(self, first: int, last: int, exclude_end: bool = False) -> None:
        self.first = first
        self.last = last
        self.exclude_end = exclude_end

    def __iter__(self) -> Iterator[int]:
        return iter(range(self.first, self.last if self.exclude_end else self.last + 1))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Range) and (self.first, self.last, self.exclude_end) == (
            other.first, other.last, other.exclude_end)

    def __hash__(self) -> int:
        return hash((self.first, self.last, self.exclude_end))

    def __str__(self) -> str:
        return f"{self.first}{'...' if self.exclude_end else '..'}{self.last}"

    def inspect(self) -> str:
        """Ruby's ``inspect``: the same as ``to_s`` for Integers."""
        return str(self)


class Symbol(str):
    """A Ruby symbol: a ``str`` everywhere, but :func:`inspect` shows it as
    ``:name`` (``p :sym`` prints ``:sym``)."""

    __slots__ = ()


# Symbols Ruby's inspect shows bare (``:name``, ``:name?``, ``:@x``, ``:+``);
# any other is quoted (``:"dry-run"``).
_PLAIN_SYMBOL = re.compile(r"(?:(?:@@?|\$)?[^\W\d]\w*|[^\W\d]\w*[?!=])|\[\]=?|\*\*|[+\-]@|"
                           r"<=>|===?|=~|!=|!~|<=|>=|<<|>>|[+\-*/%<>!~^&|]")


def symbolized(value: Any, shape: Any) -> Any:
    """*value* with its Symbols made :class:`Symbol`, for ``p`` and
    ``inspect``: the translator knows from the types where they are.
    *shape*: ``"sym"`` a Symbol, ``""`` nothing to change, ``("list",
    item)``, ``("items", (first, second, ...))``, ``("dict", key, value,
    ((name, value of that key), ...))``."""
    if not shape or value is None:
        return value
    if shape == "sym":
        return Symbol(value) if isinstance(value, str) else value
    kind = shape[0]
    if kind == "list" and isinstance(value, (list, tuple)):  # (a Hash's pair is a tuple)
        return [symbolized(item, shape[1]) for item in value]
    if kind == "items" and isinstance(value, (list, tuple)):
        return [symbolized(item, part) for item, part in zip(value, shape[1])] + \
            list(value[len(shape[1]):])
    if kind == "dict" and isinstance(value, Mapping):
        fields = dict(shape[3])
        return {symbolized(key, shape[1]): symbolized(item, fields.get(key, shape[2]))
                for key, item in value.items()}
    return value


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
    Fraction: "Rational",
    bool: "TrueClass",
    list: "Array",
    tuple: "Array",
    dict: "Hash",
    type(None): "NilClass",
    Symbol: "Symbol",
    datetime: "Time",
    date: "Date",
}


# the library's classes (a session, its replies...) as Ruby names them
_LIBRARY_CLASSES = {"SMTP": "Net::SMTP", "Response": "Net::SMTP::Response",
                    "Address": "Net::SMTP::Address", "Authenticator": "Net::SMTP::Authenticator",
                    "InternetMessageIO": "Net::InternetMessageIO", "BufferedIO": "Net::BufferedIO",
                    "WriteAdapter": "Net::WriteAdapter"}


class ClassName(str):
    """A class as ``value.class`` gives it, by its name: a ``str`` that
    :func:`inspect` (and so ``p``) shows bare, as Ruby shows a class."""

    __slots__ = ()


class DefaultHash(dict):  # type: ignore[type-arg]
    """A Hash made by ``Hash.new { |h, k| h[k] = value }``: reading a
    missing key stores the block's value for it and gives it (``fetch``,
    ``key?`` and ``get`` do not, as in Ruby)."""

    def __init__(self, block: Callable[[dict[Any, Any], Any], Any]) -> None:
        super().__init__()
        self._block = block

    def __missing__(self, key: Any) -> Any:
        value = self._block(self, key)
        self[key] = value
        return value


MONTHNAMES: list[str | None] = [None, "January", "February", "March", "April", "May", "June",
                                "July", "August", "September", "October", "November",
                                "December"]
"""Ruby's ``Date::MONTHNAMES``: nil, then the months from 1."""
ABBR_MONTHNAMES: list[str | None] = [None] + [m[:3] for m in MONTHNAMES[1:] if m]
"""Ruby's ``Date::ABBR_MONTHNAMES``."""
DAYNAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
"""Ruby's ``Date::DAYNAMES``, Sunday first (``wday`` indexes it)."""
ABBR_DAYNAMES = [d[:3] for d in DAYNAMES]
"""Ruby's ``Date::ABBR_DAYNAMES``."""


def class_of(value: object) -> ClassName:
    """``value.class``: the class by its name (:func:`class_name`), shown
    bare by ``p`` and ``inspect`` as Ruby shows a class."""
    return ClassName(class_name(value))


def class_name(value: object) -> str:
    """The name Ruby's ``value.class`` prints: ``Net::SMTPFatalError``,
    ``RuntimeError``, ``String``, ``NilClass``... A class gives its own name."""
    cls = value if isinstance(value, type) else type(value)
    if value is False:
        return "FalseClass"
    if cls.__module__ == errors.__name__:
        # EOFError and ArgumentError are Ruby's own classes, the rest Net::'s
        core = cls is errors.EOFError or cls is errors.ArgumentError
        return cls.__name__ if core else f"Net::{cls.__name__}"
    if cls.__module__ == "ssl":
        return "OpenSSL::SSL::SSLError"
    if cls.__name__ == "gaierror":
        return "SocketError"
    if cls.__module__ == "Errno":
        return f"Errno::{cls.__name__}"
    if cls in (RubyIOError, RubySystemCallError):
        return cls.__name__[4:]
    if cls.__module__.startswith(__package__ + ".") and cls.__qualname__ in _LIBRARY_CLASSES:
        return _LIBRARY_CLASSES[cls.__qualname__]
    # an error of the system is named by its errno (Python's PermissionError
    # is both EACCES and EPERM)
    code = value.errno if isinstance(value, OSError) else None
    if code is not None and code in errno.errorcode:
        return f"Errno::{errno.errorcode[code]}"
    if issubclass(cls, OptionError):
        return cls.ruby_name
    if cls in _RUBY_CLASS_NAMES:
        return _RUBY_CLASS_NAMES[cls]
    if cls.__module__ in ("builtins", "socket"):
        for base in cls.__mro__:
            if base in _RUBY_CLASS_NAMES:
                return _RUBY_CLASS_NAMES[base]
    # a class of a ported script that Python knows by another name
    # (ImportError_ for Ruby's ImportError) carries Ruby's
    return str(cls.__dict__.get("_ruby_name") or cls.__qualname__.replace(".", "::"))


def to_s(value: object) -> str:
    """Ruby's ``to_s`` (and ``"#{value}"``): ``nil`` -> ``''``, ``true`` ->
    ``'true'``, arrays and hashes in Ruby's notation, floats as Ruby writes
    them (``1.0e+20``), a ``Time`` as ``2024-03-05 09:30:00 UTC``, a class
    by its name (``Net::SMTP``, ``Mailer::Job``).

    An SMTP error gives its class name (``Net::SMTPFatalError``): in
    net-smtp 0.5.1 ``SMTPError`` overrides ``message`` but not ``to_s``,
    so ``"#{e}"`` prints the class and ``e.message`` the server's reply.
    """
    if value is None or isinstance(value, (bool, bytes, bytearray)):
        return _ruby.to_s(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, float):
        return _float_to_s(value)
    if isinstance(value, Fraction):  # a Rational, such as date - date
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, (list, tuple, dict)):
        return inspect(value)
    if isinstance(value, DateTime):
        return str(value)
    if isinstance(value, datetime):
        zone = "UTC" if value.tzinfo is timezone.utc else value.strftime("%z")
        return value.strftime("%Y-%m-%d %H:%M:%S ") + zone
    if isinstance(value, errors.SMTPError) and not isinstance(value, errors.SMTPSessionAborted):
        return class_name(value)
    if isinstance(value, BaseException):
        return message(value)
    if isinstance(value, type):
        return class_name(value)
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
    ``[1, "a"]``, ``{:key=>"value"}`` (Ruby 3.1's hash notation), a class
    by its name."""
    if value is None:
        return "nil"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Symbol):
        text = str.__str__(value)
        return ":" + (text if _PLAIN_SYMBOL.fullmatch(text) else _inspect_str(text))
    if isinstance(value, ClassName):
        return str.__str__(value)
    if isinstance(value, str):
        return _inspect_str(value)
    if isinstance(value, float):
        return _float_to_s(value)
    if isinstance(value, Fraction):
        return f"({value.numerator}/{value.denominator})"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inspect(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{inspect(k)}=>{inspect(v)}" for k, v in value.items()) + "}"
    if isinstance(value, BaseException):
        return f"#<{class_name(value)}: {to_s(value) or class_name(value)}>"
    if isinstance(value, datetime):
        return to_s(value)
    if isinstance(value, type):  # (a class of the script may define inspect for its objects)
        return class_name(value)
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
    return _shown(values, inspect)


def _shown(values: tuple[Any, ...], text: Callable[[Any], str]) -> Any:
    """Print ``text(value)`` of each of *values* on its own line; the value
    ``p`` and ``pp`` return."""
    for value in values:
        sys.stdout.write(text(value) + "\n")
    if not values:
        return None
    return values[0] if len(values) == 1 else list(values)


# A document for the pretty printer: ("text", s), ("break", sep),
# ("group", [docs]) and ("nest", indent, [docs]), as Ruby's PrettyPrint.
_Doc = tuple[Any, ...]


def _pp_doc(value: Any) -> _Doc:
    """*value* as Ruby's PP lays it out: an Array as ``[a, b]``, a Hash as
    ``{k=>v}`` (each pair a group, its value on the next line when too
    long), anything else as its ``inspect``."""
    if isinstance(value, (list, tuple)):
        items = [_pp_doc(item) for item in value]
        return ("group", [("text", "["), ("group", [("nest", 1, _commas(items))]), ("text", "]")])
    if isinstance(value, Mapping):
        pairs = [("group", [("text", inspect(key) + "=>"),
                            ("group", [("nest", 1, [("break", ""), _pp_doc(item)])])])
                 for key, item in value.items()]
        return ("group", [("text", "{"), ("group", [("nest", 1, _commas(pairs))]), ("text", "}")])
    return ("text", inspect(value))


def _commas(items: list[_Doc]) -> list[_Doc]:
    out: list[_Doc] = []
    for n, item in enumerate(items):
        if n:
            out += [("text", ","), ("break", " ")]
        out.append(item)
    return out


def _layout(doc: _Doc, width: int) -> str:
    """Lay *doc* out within *width* columns: a group whose content fits on
    the rest of the line stays on it; otherwise each of its breaks is a new
    line at the indentation the nests give."""
    out: list[str] = []
    column = 0
    stack: list[tuple[int, bool, _Doc]] = [(0, False, doc)]  # (indent, flat, doc)
    while stack:
        indent, flat, item = stack.pop()
        kind = item[0]
        if kind == "text":
            out.append(item[1])
            column += len(item[1])
        elif kind == "break":
            if flat:
                out.append(item[1])
                column += len(item[1])
            else:
                out.append("\n" + " " * indent)
                column = indent
        elif kind == "nest":
            stack.extend((indent + item[1], flat, part) for part in reversed(item[2]))
        else:  # a group
            fits = flat or _fits(width - column, [(indent, True, item)] + stack[::-1])
            stack.extend((indent, fits, part) for part in reversed(item[1]))
    return "".join(out)


def _fits(room: int, items: list[tuple[int, bool, _Doc]]) -> bool:
    """Whether what comes next, up to the next line break, takes at most
    *room* columns (the first item laid out flat)."""
    pending = list(reversed(items))
    while room >= 0 and pending:
        indent, flat, item = pending.pop()
        kind = item[0]
        if kind == "text":
            room -= len(item[1])
        elif kind == "break":
            if not flat:
                return True
            room -= len(item[1])
        elif kind == "nest":
            pending.extend((indent + item[1], flat, part) for part in reversed(item[2]))
        else:
            pending.extend((indent, flat, part) for part in reversed(item[1]))
    return room >= 0


def pp(*values: Any) -> Any:
    """Ruby's ``pp``: as :func:`p`, but a value longer than a line (79
    columns, as for output that is not a terminal) is laid out over several
    lines as Ruby's PP lays it out."""
    return _shown(values, lambda value: _layout(_pp_doc(value), 79))


def _format_arg(arg: object) -> object:
    return to_s(arg) if arg is None or isinstance(arg, (bool, list, dict)) else arg


_DIRECTIVE = re.compile(r"%(?:(%)|\{(\w+)\}|(?:<(\w+)>)?([-+ 0#]*)(\d+|\*)?(\.\d+)?([a-zA-Z]?))")
_NO_ARGUMENT = object()


def _binary(value: int, flags: str, kind: str) -> str:
    """Ruby's ``%b``/``%B`` digits with their sign and ``0b`` prefix (a
    negative number without a sign flag, which Ruby writes in two's
    complement, is refused)."""
    if value < 0 and "+" not in flags and " " not in flags:
        raise ValueError("format directive %b of a negative number (Ruby's two's "
                         "complement) is not in the port's runtime")
    sign = "-" if value < 0 else "+" if "+" in flags else " " if " " in flags else ""
    prefix = ("0" + kind) if "#" in flags and value else ""
    return sign + prefix + bin(abs(value))[2:]


def _directive(flags: str, width: int | None, precision: str, kind: str, arg: object) -> str:
    """One directive filled with *arg*: Python's ``%`` where it writes what
    Ruby writes (a float of ``%f`` rounded as Ruby rounds it first); ``%p``
    (inspect) and ``%b`` here."""
    if kind in ("p", "b", "B"):
        text = inspect(arg) if kind == "p" else _binary(integer(arg) or 0, flags, kind)
        if kind == "p" and precision:
            text = text[:int(precision[1:])]
        if width is None or len(text) >= width:
            return text
        if "-" in flags:
            return text.ljust(width)
        if "0" in flags and kind != "p":  # zeros go after the sign and prefix
            head = re.match(r"[-+ ]?(?:0[bB])?", text)
            cut = head.end() if head else 0
            return text[:cut] + text[cut:].rjust(width - cut, "0")
        return text.rjust(width)
    if kind in ("a", "A"):
        raise ValueError(f"format directive %{kind} (Ruby's) is not in the port's runtime")
    if kind in ("f", "F") and type(arg) is float:  # rounded as Ruby's sprintf rounds it
        arg = _ruby.fixed(arg, int(precision[1:] or 0) if precision else 6)
    spec = "%" + flags + ("" if width is None else str(width)) + precision + (kind or "s")
    return spec % (_format_arg(arg),)


def format(template: str, *args: object) -> str:
    """Ruby's ``format`` / ``String#%``: C-style directives as Python's ``%``
    writes them, but ``nil``, ``true`` and ``false`` as Ruby prints them for
    ``%s``; ``%p`` (inspect), ``%b``, a ``*`` width; named references
    (``%<name>s``, ``%{name}``) from one Hash; extra arguments ignored, too
    few Ruby's ArgumentError."""
    names = args[0] if len(args) == 1 and isinstance(args[0], Mapping) else None
    queue = iter(args)

    def take() -> object:
        found = next(queue, _NO_ARGUMENT)
        if found is _NO_ARGUMENT:
            raise errors.ArgumentError("too few arguments")
        return found

    def named(key: str) -> object:
        if names is None:
            raise errors.ArgumentError("one hash required")
        if key not in names:  # (a Symbol key is a str too)
            raise KeyError(f"key<{key}> not found")
        return names[key]

    def convert(found: re.Match[str]) -> str:
        percent, braced, angled, flags, width, precision, kind = found.groups()
        if percent:
            return "%"
        if not kind and braced is None:
            raise errors.ArgumentError("incomplete format specifier; use %% (double %) instead")
        if braced is not None:
            return to_s(named(braced))
        size = None if width is None else integer(take() if width == "*" else width)
        if size is not None and size < 0:
            flags, size = flags + "-", -size
        arg = named(angled) if angled is not None else take()
        return _directive(flags, size, precision or "", kind, arg)
    return _DIRECTIVE.sub(convert, template)


class DateTime(datetime):
    """Ruby's DateTime (``require 'date'``): a date and time with an offset
    (UTC when none is given), shown as Ruby shows one
    (``2024-03-25T09:00:00+00:00``). A number added or subtracted counts
    days, and the difference of two is a Rational of days."""

    _ruby_name = "DateTime"

    def __add__(self, other: Any) -> Any:
        if _is_number(other):
            return datetime.__add__(self, timedelta(days=float(other)))
        return datetime.__add__(self, other)

    def __sub__(self, other: Any) -> Any:
        if isinstance(other, datetime):
            delta = datetime.__sub__(self, other)
            return Fraction(delta.days * 86_400 + delta.seconds, 86_400) + \
                Fraction(delta.microseconds, 86_400_000_000)
        if _is_number(other):
            return datetime.__sub__(self, timedelta(days=float(other)))
        return datetime.__sub__(self, other)

    def __str__(self) -> str:
        return iso8601(self)


def datetime_new(year: int, month: int = 1, day: int = 1, hour: int = 0, minute: int = 0,
                 second: int = 0) -> DateTime:
    """Ruby's ``DateTime.new`` without an offset: in UTC (a negative month
    or day counts from the end, as ``Date.new``'s)."""
    found = date_new(year, month, day)
    return DateTime(found.year, found.month, found.day, hour, minute, second,
                    tzinfo=timezone.utc)


def datetime_parse(text: object) -> DateTime:
    """Ruby's ``DateTime.parse`` / ``DateTime.iso8601`` for the forms
    :func:`time_parse` reads: no zone is UTC here (Time's is local time)."""
    moment, zone = _wall_clock(text, "DateTime.parse")
    return DateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute,
                    moment.second, moment.microsecond,
                    tzinfo=timezone.utc if zone is None else _zone(zone))


def rfc2822(time: datetime) -> str:
    """Ruby's ``Time#rfc2822``: ``Tue, 05 Mar 2024 09:30:00 -0000`` for a UTC
    time (``Time.utc``, ``tzinfo=timezone.utc``), the numeric offset otherwise
    (a DateTime's always)."""
    if isinstance(time, DateTime):  # (its day of the month without a leading zero)
        return time.strftime("%a, ") + str(time.day) + time.strftime(" %b %Y %H:%M:%S %z")
    zone = "-0000" if time.tzinfo is timezone.utc else time.strftime("%z")
    return time.strftime("%a, %d %b %Y %H:%M:%S ") + zone


_XMLSCHEMA = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


def time_iso8601(text: str) -> datetime:
    """Ruby's ``Time.iso8601`` (``require 'time'``): a date and time with
    ``Z`` or an offset; anything else raises Ruby's ArgumentError."""
    found = _XMLSCHEMA.fullmatch(text)
    if not found:
        raise errors.ArgumentError(f"invalid xmlschema format: {inspect(text)}")
    moment = datetime.fromisoformat(text[:19])
    return moment.replace(microsecond=_microseconds(found.group(1)), tzinfo=_zone(found.group(2)))


def _microseconds(fraction: str | None) -> int:
    """The microseconds of a second's fraction written after its point
    (``.25`` or ``25``; digits past the sixth are cut, as Ruby's Time keeps
    them but shows none of them here)."""
    digits = (fraction or "").lstrip(".")
    return int(digits.ljust(6, "0")[:6]) if digits else 0


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_CLOCK = r"(?:[T\s]+(?P<h>\d{1,2}):(?P<mi>\d\d)(?::(?P<s>\d\d)(?:[.,](?P<f>\d+))?)?)?"
_ZONE_CODE = r"[zZ]|UTC?|GMT|[+-]\d\d(?::?\d\d)?"
"""A zone as Ruby reads it after a date and time (see :func:`_zone`)."""
_ZONE = rf"\s*(?P<z>{_ZONE_CODE})?\s*"
_MONTH = r"(?P<mon>[A-Za-z]{3})[a-z]*\.?"
_PARSED_FORMS = tuple(re.compile(r"\s*" + form + _CLOCK + _ZONE) for form in (
    r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})",
    r"(?:[A-Za-z]+,?\s+)?(?P<d>\d{1,2})\s+" + _MONTH + r"\s+(?P<y>\d{4})",
    r"(?:[A-Za-z]+,?\s+)?" + _MONTH + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})",
)) + (re.compile(  # ctime and OpenSSL's notAfter: Apr  2 12:00:00 2024 GMT
    r"\s*(?:[A-Za-z]+,?\s+)?" + _MONTH + r"\s+(?P<d>\d{1,2})\s+(?P<h>\d{1,2}):(?P<mi>\d\d)"
    r"(?::(?P<s>\d\d)(?:[.,](?P<f>\d+))?)?\s+(?P<y>\d{4})\s*"
    rf"(?:{_ZONE_CODE})?\s*"),)
# (Ruby's Date._parse reads no zone after a ctime's year: the time is local)
_UNREAD = ("{method} of {text}: the port reads only ISO 8601 (2024-09-12, "
           "2024-09-12T08:00:00Z), YYYY/MM/DD, RFC 2822 (Thu, 12 Sep 2024 08:00 +0000) "
           "and ctime (Sep 12 08:00:00 2024, a zone after it ignored as Ruby does) forms, "
           "where Ruby guesses at any text")


def _parse_fields(text: object, method: str) -> re.Match[str]:
    """The date and time fields of *text* in one of the forms the port reads;
    a ValueError names the forms for any other."""
    if not isinstance(text, str):
        raise TypeError(f"no implicit conversion of {_named(text)} into String")
    for form in _PARSED_FORMS:
        found = form.fullmatch(text)
        if found and (found.groupdict().get("mon") or "jan").lower() in _MONTHS:
            return found
    raise ValueError(_UNREAD.format(method=method, text=inspect(text)))


def _month(found: re.Match[str]) -> int:
    """The month number of parsed fields: written as a number or a name."""
    named = found.groupdict().get("mon")
    return _MONTHS.index(named.lower()) + 1 if named else int(found["m"])


def _zone(code: str) -> timezone:
    """Ruby's zone for *code*: UTC itself for Z, UT and UTC; GMT and offsets
    as a fixed offset that Ruby does not count as UTC (``+0000`` in
    ``rfc2822``, where UTC is ``-0000``)."""
    if code.upper() in ("Z", "UT", "UTC"):
        return timezone.utc
    if code == "GMT":
        return timezone(timedelta(0), "+0000")
    digits = code[1:].replace(":", "").ljust(4, "0")
    sign = -1 if code[0] == "-" else 1
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(sign * offset, code[0] + digits)


def time_parse(text: object) -> datetime:
    """Ruby's ``Time.parse`` (``require 'time'``) for the forms scripts
    write: ISO 8601 dates and times, ``YYYY/MM/DD`` and RFC 2822 dates. No
    zone is local time, as in Ruby; a day past the month's end rolls over,
    as in Ruby. Other text raises ValueError (Ruby would guess)."""
    moment, zone = _wall_clock(text, "Time.parse")
    if zone is None:
        return moment.astimezone()
    return moment.replace(tzinfo=_zone(zone))


def _wall_clock(text: object, method: str) -> tuple[datetime, str | None]:
    """The date and time *text* writes (no zone attached, a day past the
    month's end rolled over) and the zone written after it, if any."""
    found = _parse_fields(text, method)
    month = _month(found)
    day, hour, minute, second = (int(found[k] or 0) for k in ("d", "h", "mi", "s"))
    for field, value, top in (("mon", month, 12), ("argument", day, 31), ("hour", hour, 24),
                              ("min", minute, 59), ("sec", second, 60)):
        if value > top or value < 1 and field in ("mon", "argument"):
            raise errors.ArgumentError(f"{field} out of range")
    moment = datetime(int(found["y"]), month, 1) + timedelta(
        days=day - 1, hours=hour, minutes=minute, seconds=second,
        microseconds=_microseconds(found["f"]))
    return moment, found.groupdict().get("z")


_NAMED_ZONES = {"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
                "PDT": -7}
"""Zone names Ruby's Time knows besides UTC and GMT, in hours from UTC."""


def time_strptime(text: object, template: str) -> datetime:
    """Ruby's ``Time.strptime`` (``require 'time'``) for templates whose
    directives Python reads alike, with a zone (``%Z`` or ``%z``) only at
    the end: no zone is local time; UTC, UT, Z and -0000 a UTC time; GMT,
    EST... and offsets a fixed offset. Text left after the template is
    ignored, as Ruby does.

    Raises:
        ArgumentError: the text does not fit the template (Ruby's message).
    """
    if not isinstance(text, str):
        raise TypeError(f"no implicit conversion of {_named(text)} into String")
    zone: tzinfo | None = None
    head, fields = text, template
    if template.endswith(("%Z", "%z")):
        head, _, code = text.rstrip().rpartition(" ")
        zone = _strptime_zone(code)
        fields = template[:-2].rstrip()
        if zone is None or not head:
            raise _strptime_error(text, template)
    while True:
        try:
            moment = datetime.strptime(head, fields)
            break
        except ValueError as exc:
            left = str(exc).partition("unconverted data remains: ")[2]
            if not left or zone is not None:
                raise _strptime_error(text, template) from None
            head = head[:-len(left)]
    return moment.astimezone() if zone is None else moment.replace(tzinfo=zone)


def _strptime_zone(code: str) -> tzinfo | None:
    """The zone a Time.strptime text ends with, or None if Ruby's is unknown here."""
    if code in ("-0000", "-00:00", "-00"):
        return timezone.utc
    if code.upper() in _NAMED_ZONES:
        hours = _NAMED_ZONES[code.upper()]
        return timezone(timedelta(hours=hours), f"{'-' if hours < 0 else '+'}{abs(hours):02}00")
    if re.fullmatch(_ZONE_CODE, code):
        return _zone(code)
    return None


def _strptime_error(text: str, template: str) -> errors.ArgumentError:
    return errors.ArgumentError(f"invalid date or strptime format - `{text}' `{template}'")


def kernel_open(path: object, mode: str = "r") -> IO[str]:
    """Ruby's ``open(path, mode)`` (Kernel's): the file, as text; for a path
    starting with ``|``, the command after it (see ``open_command``)."""
    text = string_arg(path)
    if text.startswith("|"):
        return open_command(text[1:], mode)
    return open(text, mode, encoding="utf-8", newline="")


def string_arg(value: object) -> str:
    """A String argument (a path, text to escape) given as a value of a
    class known only at run time (parsed JSON or YAML): the String, else
    Ruby's TypeError (Python's ``open`` would take an Integer as a file
    descriptor)."""
    if isinstance(value, str):
        return value
    raise TypeError(f"no implicit conversion of {_named(value)} into String")


def date_parse(text: object) -> date:
    """Ruby's ``Date.parse`` for the forms :func:`time_parse` reads (its
    time of day ignored); a date that does not exist is Ruby's Date::Error
    (a ValueError, ``invalid date``)."""
    found = _parse_fields(text, "Date.parse")
    month = _month(found)
    try:
        return date(int(found["y"]), month, int(found["d"]))
    except ValueError:
        raise ValueError("invalid date") from None


def httpdate(time: datetime) -> str:
    """Ruby's ``Time#httpdate`` (``require 'time'``): RFC 1123, in GMT (the
    names are English: Python leaves the C locale in place)."""
    return time.astimezone(timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")


def iso8601(time: datetime, digits: int = 0) -> str:
    """Ruby's ``Time#iso8601`` / ``xmlschema``: ``Z`` for a UTC time, else
    the offset with a colon; *digits* of the second's fraction (none by
    default, where Python's isoformat shows microseconds)."""
    text = time.strftime("%Y-%m-%dT%H:%M:%S")
    if digits > 0:
        text += "." + f"{time.microsecond:06d}{'0' * max(digits - 6, 0)}"[:digits]
    if time.tzinfo is timezone.utc and not isinstance(time, DateTime):
        return text + "Z"
    offset = time.strftime("%z")
    return text + (offset[:3] + ":" + offset[3:] if offset else "")


def escape_html(text: str) -> str:
    """Ruby's ``CGI.escapeHTML``: ``& < > " '`` as ``&amp; &lt; &gt; &quot;
    &#39;`` (Python's ``html.escape`` writes ``&#x27;``)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def erb_local(values: object, name: str) -> Any:
    """The local *name* of a template rendered by ``result_with_hash(values)``:
    the entry of that key, a Symbol or a String, as Ruby sets a local from
    either; Ruby's NameError when there is none."""
    if not isinstance(values, Mapping):
        raise _no_method("each_pair", values)
    if name not in values:
        raise NameError(f"undefined local variable or method `{name}' for main:Object")
    return values[name]


class InvalidURIError(ValueError):
    """Ruby's ``URI::InvalidURIError``: ``URI.parse`` of a text that is not
    a URI."""


# RFC 3986's characters (Ruby's parser refuses any other) and its parts.
_URI_TEXT = re.compile(r"[A-Za-z0-9\-._~%!$&'()*+,;=:@/?#\[\]]*")
_URI_PARTS = re.compile(r"(?:([A-Za-z][A-Za-z0-9+.\-]*):)?(?://([^/?#]*))?([^?#]*)"
                        r"(?:\?([^#]*))?(?:#(.*))?", re.DOTALL)
_URI_AUTHORITY = re.compile(r"(?:([^@]*)@)?(\[[0-9A-Fa-f:.]+\]|[^:]*)(?::(\d*))?")
_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ldap": 389, "ldaps": 636, "ws": 80,
                  "wss": 443}


class URI:
    """What Ruby's ``URI.parse`` gives for a hierarchical URI (``smtp://user:
    secret@host:587?auth=login``): its parts as Ruby reads them, still
    %-encoded, the port an Integer (the scheme's default for http, https,
    ftp, ldap and ws; nil for another scheme, such as smtp)."""

    def __init__(self, text: str) -> None:
        parts = _URI_PARTS.fullmatch(text)
        authority = _URI_AUTHORITY.fullmatch(parts.group(2) or "") if parts else None
        if not _URI_TEXT.fullmatch(text) or parts is None or authority is None or \
                parts.group(1) is not None and parts.group(2) is None:
            raise InvalidURIError(f"bad URI(is not URI?): {inspect(text)}")
        self.scheme: str | None = parts.group(1)
        self.userinfo: str | None = authority.group(1) if parts.group(2) is not None else None
        self.host: str | None = authority.group(2) if parts.group(2) is not None else None
        port = authority.group(3)
        default = _DEFAULT_PORTS.get((self.scheme or "").lower())
        self.port: int | None = int(port) if port else default
        self.path: str = parts.group(3)
        self.query: str | None = parts.group(4)
        self.fragment: str | None = parts.group(5)
        self._text = text

    @property
    def user(self) -> str | None:
        """The part of the userinfo before its ``:``."""
        return None if self.userinfo is None else self.userinfo.split(":", 1)[0]

    @property
    def password(self) -> str | None:
        """The part of the userinfo after its ``:`` (None without one)."""
        if self.userinfo is None or ":" not in self.userinfo:
            return None
        return self.userinfo.split(":", 1)[1]

    @property
    def hostname(self) -> str | None:
        """The host without the brackets of an IPv6 address."""
        return None if self.host is None else self.host.strip("[]")

    def __str__(self) -> str:
        return self._text


def uri_parse(text: object) -> URI:
    """Ruby's ``URI.parse(text)`` (``URI(text)``) of a hierarchical URI.

    Raises:
        InvalidURIError: *text* is not a URI (Ruby's text).
        NotImplementedError: *text* is a URI that is not hierarchical
            (``mailto:``), which the port does not take apart.
    """
    if not isinstance(text, str):
        raise TypeError(f"no implicit conversion of {class_name(text)} into String")
    found = URI(text)
    if found.scheme is not None and found.host is None:
        raise NotImplementedError(f"URI.parse of {text!r}: not a hierarchical URI")
    return found


_FORM_ESCAPES = re.compile(r"\+|%[0-9A-Fa-f]{2}")


def decode_www_form_component(text: str) -> str:
    """Ruby's ``URI.decode_www_form_component``: ``+`` is a space and
    ``%hh`` a byte; bytes that are not UTF-8 become U+FFFD (Ruby's scrub).

    Raises:
        ArgumentError: a ``%`` not followed by two hex digits (Ruby's text).
    """
    if re.search(r"%(?![0-9A-Fa-f]{2})", text):
        raise errors.ArgumentError(f"invalid %-encoding ({text})")
    return _form_decoded(text)


def _form_decoded(text: str) -> str:
    """*text* with ``+`` as a space and each ``%hh`` as its byte."""
    data = bytearray()
    position = 0
    for match in _FORM_ESCAPES.finditer(text):
        data += text[position:match.start()].encode("utf-8")
        piece = match.group(0)
        data += b" " if piece == "+" else bytes([int(piece[1:], 16)])
        position = match.end()
    data += text[position:].encode("utf-8")
    return data.decode("utf-8", "replace")


def decode_www_form(text: str) -> list[list[str]]:
    """Ruby's ``URI.decode_www_form``: the ``key=value`` pairs of a form
    (``&`` between them, a trailing one ignored; a pair without ``=`` has
    an empty value), each decoded as :func:`decode_www_form_component`
    does but leaving a lone ``%`` as it is.

    Raises:
        ArgumentError: *text* is not ASCII (Ruby's text).
    """
    if not text.isascii():
        raise errors.ArgumentError("the input of URI.decode_www_form must be ASCII only string")
    if not text:
        return []
    pieces = text.split("&")
    if text.endswith("&"):
        pieces.pop()  # (Ruby reads it as the end of the last pair)
    pairs = []
    for piece in pieces:
        key, _, value = piece.partition("=")
        pairs.append([_form_decoded(key), _form_decoded(value)])
    return pairs


def encode_www_form_component(value: object) -> str:
    """Ruby's ``URI.encode_www_form_component``: the UTF-8 bytes of
    ``to_s``, each but ``*-._`` and letters and digits as ``%HH``, a space
    as ``+``."""
    text = value if isinstance(value, str) else to_s(value)
    return "".join(
        chr(byte) if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) in "*-._")
        else "+" if byte == 0x20 else f"%{byte:02X}" for byte in text.encode("utf-8"))


def encode_www_form(pairs: object) -> str:
    """Ruby's ``URI.encode_www_form`` of a Hash or an Array of pairs:
    ``key=value`` joined by ``&`` (a nil value: the key alone; an Array
    value: the key once for each item)."""
    if not isinstance(pairs, Iterable):
        raise _no_method("map", pairs)
    items: Iterable[Any] = pairs.items() if isinstance(pairs, Mapping) else pairs
    parts = []
    for key, value in items:
        name = encode_www_form_component(key)
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            parts.append(name if item is None else f"{name}={encode_www_form_component(item)}")
    return "&".join(parts)


def strftime(time: datetime | date, template: str) -> str:
    """Ruby's ``Time#strftime`` (and ``Date#strftime``), with Ruby's ``%L``
    (milliseconds), ``%N`` (nanoseconds), ``%s`` (epoch seconds), ``%:z``
    (``+09:00``), ``%e`` / ``%k`` / ``%l`` (day, hour, 12-hour clock padded
    with a space) and ``%P`` (``am``) written here, not left to the C
    library."""
    hour = getattr(time, "hour", 0)
    micro = getattr(time, "microsecond", 0)

    def ruby_only(match: re.Match[str]) -> str:
        code = match.group(0)
        if code == "%L":
            return f"{micro // 1000:03d}"
        if code == "%N":
            return f"{micro * 1000:09d}"
        if code == "%e":
            return f"{time.day:2d}"
        if code == "%k":
            return f"{hour:2d}"
        if code == "%l":
            return f"{hour % 12 or 12:2d}"
        if code == "%P":
            return "am" if hour < 12 else "pm"
        moment = time if isinstance(time, datetime) else \
            datetime(time.year, time.month, time.day, tzinfo=timezone.utc)
        if code == "%s":
            return str(int(moment.timestamp()))
        offset = moment.strftime("%z")
        return offset[:3] + ":" + offset[3:] if offset else ""
    # (a %% is a % between the pieces: the C library ends text at a NUL,
    # so no placeholder may stand for it)
    return "%".join(time.strftime(re.sub(r"%(?:L|N|s|:z|e|k|l|P)", ruby_only, piece))
                    for piece in template.split("%%"))


def chomp(text: str, suffix: str | None = None) -> str:
    """Ruby's ``chomp``: without *suffix*, drop one trailing ``\\r\\n``,
    ``\\n`` or ``\\r``."""
    if suffix is not None:
        return text[:-len(suffix)] if suffix and text.endswith(suffix) else text
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith(("\n", "\r")) else text


def spread(value: object) -> list[Any]:
    """What ``flat_map`` makes of one block value: an Array's items, or the
    value itself (nil included)."""
    return list(value) if isinstance(value, (list, tuple)) else [value]


def to_a(value: object) -> list[Any]:
    """``value.to_a`` of a value known only at run time: an Array's items,
    a Hash's ``[key, value]`` pairs, ``[]`` for nil."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return list(value)
    raise _no_method("to_a", value)


def lines(text: AnyStr, chomp: bool = False) -> list[AnyStr]:
    """Ruby's ``String#lines`` (of text, or of the bytes ``File.binread``
    gives): split after each ``\\n`` only, keeping it; with *chomp* each line
    without its ``\\n`` or ``\\r\\n``."""
    nl, cr = ("\n", "\r") if isinstance(text, str) else (b"\n", b"\r")
    parts = text.split(nl)
    if chomp:
        out = [part[:-1] if part.endswith(cr) else part for part in parts[:-1]]
    else:
        out = [part + nl for part in parts[:-1]]
    return out + [parts[-1]] if parts[-1] else out


_REGEXP_SPECIALS = {c: "\\" + c for c in "[]{}()|-*.\\?+^$# "}
_REGEXP_SPECIALS.update({"\t": "\\t", "\f": "\\f", "\v": "\\v", "\n": "\\n", "\r": "\\r"})


# Each Ruby class a translated script's ``e.class.superclass`` can meet and
# its superclass (Ruby 3.1.2 with net-smtp 0.5.1: the exception classes of
# the core, Net, OpenSSL::SSL, Timeout, JSON and OptionParser, and the core
# value classes), as ``Name<Superclass``.
_SUPERCLASSES = dict(pair.split("<") for pair in """
ArgumentError<StandardError Array<Object ClosedQueueError<StopIteration Date<Object
EOFError<IOError EncodingError<StandardError FalseClass<Object FiberError<StandardError
Float<Numeric FloatDomainError<RangeError FrozenError<RuntimeError Hash<Object
IOError<StandardError IndexError<StandardError Integer<Numeric Interrupt<SignalException
JSON::CircularDatastructure<JSON::NestingError JSON::GeneratorError<JSON::JSONError
JSON::JSONError<StandardError JSON::MissingUnicodeSupport<JSON::JSONError
JSON::NestingError<JSON::ParserError JSON::ParserError<JSON::JSONError KeyError<IndexError
LoadError<ScriptError LocalJumpError<StandardError NameError<StandardError
Net::OpenTimeout<Timeout::Error Net::ProtoAuthError<Net::ProtocolError
Net::ProtoCommandError<Net::ProtocolError Net::ProtoFatalError<Net::ProtocolError
Net::ProtoRetriableError<Net::ProtocolError Net::ProtoServerError<Net::ProtocolError
Net::ProtoSyntaxError<Net::ProtocolError Net::ProtoUnknownError<Net::ProtocolError
Net::ProtocolError<StandardError Net::ReadTimeout<Timeout::Error Net::SMTP<Net::Protocol
Net::SMTP::Address<Object Net::SMTP::Response<Object
Net::SMTPAuthenticationError<Net::ProtoAuthError Net::SMTPFatalError<Net::ProtoFatalError
Net::SMTPServerBusy<Net::ProtoServerError Net::SMTPSyntaxError<Net::ProtoSyntaxError
Net::SMTPUnknownError<Net::ProtoUnknownError Net::SMTPUnsupportedCommand<Net::ProtocolError
Net::WriteTimeout<Timeout::Error NilClass<Object NoMatchingPatternError<StandardError
NoMatchingPatternKeyError<NoMatchingPatternError NoMemoryError<Exception
NoMethodError<NameError NotImplementedError<ScriptError Numeric<Object Object<BasicObject
OpenSSL::SSL::SSLError<OpenSSL::OpenSSLError
OpenSSL::SSL::SSLErrorWaitReadable<OpenSSL::SSL::SSLError
OpenSSL::SSL::SSLErrorWaitWritable<OpenSSL::SSL::SSLError
OpenSSL::SSL::Session::SessionError<OpenSSL::OpenSSLError
OptionParser::AmbiguousArgument<OptionParser::InvalidArgument
OptionParser::AmbiguousOption<OptionParser::ParseError
OptionParser::InvalidArgument<OptionParser::ParseError
OptionParser::InvalidOption<OptionParser::ParseError
OptionParser::MissingArgument<OptionParser::ParseError
OptionParser::NeedlessArgument<OptionParser::ParseError
OptionParser::ParseError<RuntimeError RangeError<StandardError RegexpError<StandardError
RuntimeError<StandardError ScriptError<Exception SecurityError<Exception
SignalException<Exception SocketError<StandardError StandardError<Exception
StopIteration<IndexError String<Object Struct<Object Symbol<Object SyntaxError<ScriptError
SystemCallError<StandardError SystemExit<Exception SystemStackError<Exception
ThreadError<StandardError Time<Object Timeout::Error<RuntimeError TrueClass<Object
TypeError<StandardError UncaughtThrowError<ArgumentError ZeroDivisionError<StandardError
fatal<Exception
""".split())


def superclass_name(name: str, script: Mapping[str, str]) -> str:
    """Ruby's ``superclass`` of the class named *name*: from *script* (the
    script's own classes) or Ruby's own; Errno classes are SystemCallErrors.

    Raises:
        NotImplementedError: a class neither the script nor the table knows.
    """
    if name in script:
        return script[name]
    if name.startswith("Errno::"):
        return "SystemCallError"
    if name not in _SUPERCLASSES:
        raise NotImplementedError(f"the superclass of {name} is not known to the port")
    return _SUPERCLASSES[name]


def regexp_escape(text: str) -> str:
    """Ruby's ``Regexp.escape``: its text (a backslash before each character
    a pattern reads, ``\\n`` for a line break), which Python's ``re`` reads
    the same way."""
    return "".join(_REGEXP_SPECIALS.get(c, c) for c in text)


class NoMatchingPatternError(Exception):
    """Ruby's NoMatchingPatternError: ``case value in ...`` without
    ``else`` when no pattern matches; its message is the value's inspect."""

    def __init__(self, value: object) -> None:
        super().__init__(inspect(value))


def deconstruct_keys(value: object) -> Mapping[Any, Any] | None:
    """What a Hash pattern (``in {key: ...}``) reads: a Hash itself, a
    Struct's members by name; None for a value no Hash pattern matches."""
    if isinstance(value, Mapping):
        return value
    if isinstance(value, Struct):
        return {name: getattr(value, attribute) for name, attribute in value._members}
    return None


def deconstruct(value: object) -> Sequence[Any] | None:
    """What an Array pattern (``in [a, b]``) reads: an Array itself, a
    Struct's member values; None for a value no Array pattern matches."""
    if _is_array(value):
        return value  # type: ignore[return-value]
    if isinstance(value, Struct):
        return list(value._values())
    return None


def splat_each(items: Iterable[Any], before: int, after: int) -> list[tuple[Any, ...]]:
    """Each item taken apart for a block ``|a, *rest, z|`` with *before*
    parameters before the splat and *after* after it, as Ruby does: an
    Array's items (nil for missing ones, the splat the ones between), any
    other value as the first."""
    out = []
    for item in items.items() if isinstance(items, Mapping) else items:
        values = list(item) if _is_array(item) else [item]
        head = (values[:before] + [None] * before)[:before]
        rest = values[before:]
        if len(rest) >= after:
            middle, tail = rest[:len(rest) - after], rest[len(rest) - after:]
        else:
            middle, tail = [], rest + [None] * (after - len(rest))
        out.append((*head, middle, *tail))
    return out


def pairs_to_h(pairs: Iterable[Any]) -> dict[Any, Any]:
    """``to_h`` of ``[key, value]`` pairs known only at run time.

    Raises:
        ArgumentError: a pair of another length; TypeError: an item that is
            not an Array (Ruby's texts).
    """
    made: dict[Any, Any] = {}
    for index, pair in enumerate(pairs):
        if not _is_array(pair):
            raise TypeError(f"wrong element type {class_name(pair)} at {index} (expected array)")
        if len(pair) != 2:
            raise errors.ArgumentError(
                f"wrong array length at {index} (expected 2, was {len(pair)})")
        made[hash_key(pair[0])] = pair[1]
    return made


def hash_of(source: object) -> dict[Any, Any]:
    """Ruby's ``Hash[source]``: a copy of a Hash, or the Hash of an Array's
    ``[key, value]`` pairs (a one-item pair has the value nil).

    Raises:
        ArgumentError: an item that is not a pair (Ruby's texts).
    """
    if isinstance(source, Mapping):
        return dict(source)
    if not _is_array(source):
        raise errors.ArgumentError("odd number of arguments for Hash")
    made: dict[Any, Any] = {}
    pairs: Sequence[Any] = source  # type: ignore[assignment]
    for index, pair in enumerate(pairs):
        if not _is_array(pair):
            raise errors.ArgumentError(
                f"wrong element type {class_name(pair)} at {index} (expected array)")
        if not 1 <= len(pair) <= 2:
            raise errors.ArgumentError(f"invalid number of elements ({len(pair)} for 1..2)")
        made[hash_key(pair[0])] = pair[1] if len(pair) == 2 else None
    return made


def _char_set(spec: str, negatable: bool = True) -> tuple[bool, list[str]]:
    """Ruby's character-set notation (``tr``, ``delete``, ``count``,
    ``squeeze``): ``a-z`` ranges, ``^`` first to negate, ``\\`` to escape."""
    negate = negatable and len(spec) > 1 and spec[0] == "^"
    chars: list[str] = []
    i = 1 if negate else 0
    while i < len(spec):
        char = spec[i]
        if char == "\\" and i + 1 < len(spec):
            chars.append(spec[i + 1])
            i += 2
        elif i + 2 < len(spec) and spec[i + 1] == "-":
            end = spec[i + 2]
            if end < char:
                raise ValueError(f'invalid range "{char}-{end}" in string transliteration')
            chars.extend(chr(code) for code in range(ord(char), ord(end) + 1))
            i += 3
        else:
            chars.append(char)
            i += 1
    return negate, chars


def _in_set(spec: str) -> Callable[[str], bool]:
    negate, chars = _char_set(spec)
    members = set(chars)
    return (lambda c: c not in members) if negate else (lambda c: c in members)


def tr(text: str, source: str, target: str) -> str:
    """Ruby's ``String#tr``: each character of the *source* set becomes the
    one at the same place in *target* (its last one past its end); an
    empty *target* deletes them."""
    negate, chars = _char_set(source)
    _, replacements = _char_set(target, negatable=False)
    if not replacements:
        return delete(text, source)
    if negate:
        members = set(chars)
        return "".join(c if c in members else replacements[-1] for c in text)
    table: dict[str, str] = {}
    for i, char in enumerate(chars):
        table.setdefault(char, replacements[min(i, len(replacements) - 1)])
    return "".join(table.get(c, c) for c in text)


def delete(text: str, chars: str) -> str:
    """Ruby's ``String#delete``: without the characters of the set."""
    member = _in_set(chars)
    return "".join(c for c in text if not member(c))


def count(text: str, chars: str) -> int:
    """Ruby's ``String#count``: how many characters are in the set."""
    member = _in_set(chars)
    return len([c for c in text if member(c)])


def squeeze(text: str, chars: str | None = None) -> str:
    """Ruby's ``String#squeeze``: runs of one character (of the set, if
    given) become one."""
    member = _in_set(chars) if chars is not None else (lambda c: True)
    out: list[str] = []
    for char in text:
        if not (out and out[-1] == char and member(char)):
            out.append(char)
    return "".join(out)


_SUB_ESCAPE = re.compile(r"\\(\d|&|`|'|\\|k<\w*>)")


def _expand(replacement: str, found: str, before: str, after: str) -> str:
    """A String pattern's match put into Ruby's replacement notation: the
    match for ``\\0``/``\\&``, what precedes and follows it for ``\\```
    and ``\\'``, nothing for a group (a String has none), one backslash
    for two."""
    def one(escape: re.Match[str]) -> str:
        code = escape.group(1)
        if code in ("0", "&"):
            return found
        if code == "`":
            return before
        if code == "'":
            return after
        if code == "\\":
            return "\\"
        if code.startswith("k"):
            raise IndexError(f"undefined group name reference: {code[2:-1]}")
        return ""
    return _SUB_ESCAPE.sub(one, replacement)


def sub(text: str, pattern: object, replacement: object, once: bool = False) -> str:
    """Ruby's ``text.gsub(pattern, replacement)`` (``sub`` when *once*) for
    a String pattern, its values known only at run time: Ruby's TypeError
    for a pattern or replacement that is not a String, and Ruby's backslash
    notation in the replacement."""
    if not isinstance(pattern, str):
        raise TypeError(f"wrong argument type {_named(pattern)} (expected Regexp)")
    if not isinstance(replacement, str):
        raise TypeError(f"no implicit conversion of {_named(replacement)} into String")
    if "\\" not in replacement:
        return text.replace(pattern, replacement, 1 if once else -1)
    out: list[str] = []
    start = 0
    while start <= len(text):
        at = text.find(pattern, start)
        if at < 0:
            break
        end = at + len(pattern)
        out += [text[start:at], _expand(replacement, pattern, text[:at], text[end:])]
        start = end
        if not pattern:  # an empty pattern matches before every character
            out.append(text[at:at + 1])
            start = at + 1
        if once:
            break
    out.append(text[start:])
    return "".join(out)


def group(match: re.Match[str] | None, number: int | str) -> str | None:
    """``$1`` / ``match[1]`` / ``match[:name]``: a group of the last match,
    nil when there was no match or no such group took part."""
    if match is None:
        return None
    try:
        return match.group(number)
    except IndexError:
        return None


def scan(pattern: re.Pattern[str], text: str) -> list[Any]:
    """Ruby's ``String#scan``: each match, or for a pattern with groups each
    match's groups (None for a group that did not take part)."""
    if not isinstance(text, str):
        raise _no_method("scan", text)
    if not pattern.groups:
        return [m.group(0) for m in pattern.finditer(text)]
    return [list(m.groups()) for m in pattern.finditer(text)]


def split(text: str, separator: str | re.Pattern[str] | None = None,
          limit: int = 0) -> list[str]:
    """Ruby's ``String#split``: on white space (``None`` or ``' '``), a
    string or a regular expression; trailing empty fields are dropped
    unless *limit* is negative."""
    if separator is None or separator == " ":
        parts = text.split(None, limit - 1) if limit > 0 else text.split()
        return parts
    if separator == "":  # each character (the last one holding the rest at the limit)
        if limit > 0 and len(text) >= limit:
            return list(text[:limit - 1]) + [text[limit - 1:]]
        # a negative limit, or one past the end, keeps the empty last field
        return list(text) + ([""] if text and limit != 0 else [])
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
    if isinstance(value, (int, float, Fraction)):
        return int(value)
    raise TypeError(f"undefined method `to_i' for {class_name(value)}")


_LEADING_FLOAT = re.compile(r"\s*([-+]?(?:\d(?:_?\d)*)?(?:\.\d(?:_?\d)*)?(?:[eE][-+]?\d+)?)")


def to_f(value: object) -> float:
    """Ruby's ``to_f``: ``nil`` is 0.0, a string gives its leading number
    (``'1.5x'`` -> 1.5, ``'abc'`` -> 0.0; Python's ``float`` would raise)."""
    if value is None:
        return 0.0
    if isinstance(value, str):
        match = _LEADING_FLOAT.match(value)
        text = match.group(1).replace("_", "") if match else ""
        if not any(c.isdigit() for c in text.split("e")[0].split("E")[0]):
            return 0.0
        return float(text)
    if isinstance(value, (int, float)):
        return float(value)
    raise TypeError(f"undefined method `to_f' for {class_name(value)}")


_INTEGER = re.compile(r"\s*([-+]?)(0[xX][0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|0[bB][01]+(?:_[01]+)*|"
                      r"0[oO]?[0-7]+(?:_[0-7]+)*|[1-9][0-9]*(?:_[0-9]+)*|0)\s*")
_BASES = {"x": 16, "b": 2, "o": 8}


def integer(value: object, exception: bool = True) -> int | None:
    """Ruby's ``Integer(value)``: a whole string in Ruby's notation (``0x1A``,
    ``0b101``, ``010`` is octal, ``1_000``), a number truncated; anything
    else raises (ArgumentError / TypeError), or with ``exception: false``
    gives nil."""
    error: Exception
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    if isinstance(value, str):
        match = _INTEGER.fullmatch(value)
        if match:
            sign, digits = match.group(1), match.group(2).replace("_", "")
            prefix = digits[1:2].lower() if len(digits) > 1 and digits[0] == "0" else ""
            base = _BASES.get(prefix, 8 if prefix else 10)
            body = digits[2:] if prefix in _BASES else digits
            return int(sign + body, base)
        error = ValueError(f"invalid value for Integer(): {inspect(value)}")
    elif value is None:
        error = TypeError("can't convert nil into Integer")
    else:
        error = TypeError(f"can't convert {class_name(value)} into Integer")
    if exception:
        raise error
    return None


def symbol(value: object) -> object:
    """A String answered where Ruby answers a Symbol (``starttls?`` gives
    ``:auto``): as a :class:`Symbol`; anything else as it is."""
    return Symbol(value) if isinstance(value, str) else value


def symbolize_names(entries: dict[str, Any]) -> dict[str, Any]:
    """``JSON.parse(text, symbolize_names: true)``: a JSON object's keys as
    Symbols (``json.loads(text, object_hook=symbolize_names)``)."""
    return {Symbol(key): value for key, value in entries.items()}


def to_sym(value: object) -> Symbol:
    """``value.to_sym`` for a value of unknown class: a String (or Symbol) as
    a :class:`Symbol`; anything else raises, as Ruby's NoMethodError."""
    if isinstance(value, str):
        return Symbol(value)
    raise _no_method("to_sym", value)


def _c_round(value: float) -> float:
    """C's ``round``: halves away from zero."""
    whole = math.floor(abs(value) + 0.5)
    return math.copysign(whole, value)


def round(number: float, digits: int = 0) -> float | int:
    """Ruby's ``Float#round``: halves go away from zero (``2.5`` -> 3, where
    Python gives 2), with Ruby's correction for decimals a float cannot
    hold exactly (``1.005.round(2)`` is 1.01); an Integer without *digits*.
    An Integer stays one (``1250.round(-2)`` is 1300). Any other value
    raises Ruby's NoMethodError (as AttributeError)."""
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        raise _no_method("round", number)
    if isinstance(number, int):
        if digits >= 0:
            return number
        unit = 10 ** -digits
        whole, rest = divmod(abs(number), unit)
        return int(math.copysign((whole + (2 * rest >= unit)) * unit, number))
    if digits <= 0:
        return int(_c_round(number))
    scale = 10.0 ** digits
    rounded = _c_round(number * scale)
    if number > 0 and (rounded + 0.5) / scale <= number:
        rounded += 1
    elif number < 0 and (rounded - 0.5) / scale >= number:
        rounded -= 1
    return rounded / scale


def _in_ruby_call(name: str, function: Callable[..., Any], *args: Any) -> Any:
    """*function(*args)*; an OSError it raises remembers *name*, the C
    function Ruby names in its message (``... @ apply2files - path``)."""
    try:
        return function(*args)
    except OSError as exc:
        exc.ruby_call = name  # type: ignore[attr-defined]
        raise


def delete_file(path: str) -> None:
    """``File.delete(path)``: Ruby's Errno text on failure."""
    _in_ruby_call("apply2files", os.remove, path)


def file_size(path: str) -> int:
    """``File.size(path)``: Ruby's Errno text on failure."""
    return int(_in_ruby_call("rb_file_s_size", os.path.getsize, path))


def make_dir(path: str) -> None:
    """``Dir.mkdir(path)``: Ruby's Errno text on failure."""
    _in_ruby_call("dir_s_mkdir", os.mkdir, path)


def dir_children(path: str) -> list[str]:
    """``Dir.children(path)``: the names in it, Ruby's Errno text on failure."""
    return list(_in_ruby_call("dir_initialize", os.listdir, path))


def dir_entries(path: str) -> list[str]:
    """``Dir.entries(path)``: ``.`` and ``..``, then the names in it (in the
    directory's own order, as Ruby's); Ruby's Errno text on failure."""
    return [".", "..", *dir_children(path)]


def quoted_printable(data: str | bytes, width: int = 72) -> str:
    """Ruby's ``[text].pack('M')``: quoted-printable as Ruby writes it. Bytes
    above 126, control characters but tab and newline, and ``=`` become
    ``=XX``; a space or tab before a newline gets a soft break; a line is
    broken (``=`` newline) once it passes *width* characters, and text that
    does not end with a newline ends with a soft break."""
    out: list[str] = []
    column = 0
    previous = -1  # the last byte written as itself (-1: an escape)
    for byte in data.encode() if isinstance(data, str) else data:
        if byte > 126 or byte < 32 and byte not in (9, 10) or byte == 61:
            out.append(f"={byte:02X}")
            column += 3
            previous = -1
        elif byte == 10:
            out.append("=\n\n" if previous in (9, 32) else "\n")
            column = 0
            previous = 10
        else:
            out.append(chr(byte))
            column += 1
            previous = byte
        if column > width:
            out.append("=\n")
            column = 0
            previous = 10
    if column > 0:
        out.append("=\n")
    return "".join(out)


def encode64(data: str | bytes) -> str:
    """Ruby's ``Base64.encode64`` / ``[data].pack('m')``: base64 in lines of
    60 characters, each ending with a newline (Python's ``encodebytes``
    uses 76)."""
    import base64

    raw = data.encode() if isinstance(data, str) else data
    text = base64.b64encode(raw).decode("ascii")
    return "".join(text[i:i + 60] + "\n" for i in range(0, len(text), 60))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, Fraction)) and not isinstance(value, bool)


def sum(values: Iterable[Any], start: Any = 0) -> Any:
    """Ruby's ``Array#sum`` / ``Enumerable#sum``: Integers add exactly; from
    the first Float on, Kahan-Babuska compensated summation as Ruby does
    (``[0.1] * 10`` sums to ``1.0``, where adding in a loop gives
    ``0.9999999999999999``); other values with ``+``."""
    items = list(values)
    i = 0
    exact = 0
    while i < len(items) and _is_number(items[i]) and not isinstance(items[i], float):
        exact += items[i]
        i += 1
    total = exact + start if exact else start
    if i < len(items) and isinstance(items[i], float) and _is_number(total):
        f, c = float(total), 0.0
        while i < len(items) and _is_number(items[i]):
            x = float(items[i])
            i += 1
            if math.isnan(f):
                continue
            if math.isnan(x) or math.isinf(x):
                f = math.nan if math.isinf(f) and math.isinf(x) and (f > 0) != (x > 0) else x
                continue
            if math.isinf(f):
                continue
            t = f + x
            c += (f - t) + x if abs(f) >= abs(x) else (x - t) + f
            f = t
        total = f + c if i == len(items) else f
    for value in items[i:]:
        total = total + value
    return total


_NO_START = object()
_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "+": lambda a, b: a + b, "*": lambda a, b: a * b, "-": lambda a, b: a - b,
}


def inject(items: Iterable[Any], combine: Callable[[Any, Any], Any] | str,
           start: Any = _NO_START) -> Any:
    """Ruby's ``inject`` / ``reduce``: *combine* (a function, or ``'+'``,
    ``'*'``, ``'-'``, ``'max'``, ``'min'``) folded over *items*; without a
    start value the first item starts, and none gives nil."""
    if isinstance(combine, str):
        if combine in ("max", "min"):
            pick = max if combine == "max" else min
            function: Callable[[Any, Any], Any] = lambda a, b: pick(a, b)  # noqa: E731
        else:
            function = _OPERATORS[combine]
    else:
        function = combine
    values = iter(items)
    total = start
    if total is _NO_START:
        total = next(values, None)
    for value in values:
        total = function(total, value)
    return total


def flatten(items: Iterable[Any]) -> list[Any]:
    """Ruby's ``flatten``: nested Arrays spread out, at every level."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


def _named(value: object) -> str:
    """How Ruby's conversion errors name a value: nil, true and false by
    themselves, anything else by its class."""
    if value is None or value is True or value is False:
        return to_s(value) or "nil"
    return class_name(value)


def plus(a: Any, b: Any) -> Any:
    """Ruby's ``a + b`` for values whose classes are known only at run time
    (parsed JSON): numbers add, Strings and Arrays join; any other pair
    raises Ruby's TypeError, or NoMethodError (an AttributeError) when *a*
    has no ``+`` (nil, true, a Hash)."""
    if _is_number(a):
        if _is_number(b):
            return a + b
        raise TypeError(f"{_named(b)} can't be coerced into {class_name(a)}")
    if isinstance(a, date):
        return _moved(a, "+", b)
    if isinstance(a, str) and isinstance(b, str):
        return a + b
    if isinstance(a, list) and isinstance(b, list):
        return a + b
    if isinstance(a, (str, list)):
        into = "String" if isinstance(a, str) else "Array"
        raise TypeError(f"no implicit conversion of {_named(b)} into {into}")
    raise _no_method("+", a)


EMAIL_REGEXP = re.compile(
    r"\A[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\Z")
"""Ruby's ``URI::MailTo::EMAIL_REGEXP`` (the HTML5 form of an address)."""


class _Unset:
    """The type of :data:`UNSET`."""

    def __repr__(self) -> str:
        return "ruby.UNSET"


UNSET: Any = _Unset()
"""The default of a parameter whose Ruby default is computed at each call
(``def f(to = ENV['TO'], cc = [])``): the body computes it when the
argument is left out. Unlike None, it leaves an explicit nil as it is."""


class _NeverRaised(BaseException):
    """What :func:`_handled_if` gives when the test fails: no exception is
    ever of this class, so the ``except`` clause does not match."""


def errno_class(name: str) -> type[BaseException]:
    """Ruby's ``rescue Errno::NAME`` for an errno Python has no class for
    (``EHOSTUNREACH``, ``EINVAL``...): used as ``except
    ruby.errno_class('EHOSTUNREACH')``, it is evaluated while Python tests
    the exception being handled, and gives its class when its errno is
    NAME, so that no other OSError is caught."""
    return _handled_if(lambda current: isinstance(current, OSError) and
                       current.errno == getattr(errno, name))


def _handled_if(test: Callable[[BaseException], bool]) -> type[BaseException]:
    """For an ``except`` clause's class expression, which Python evaluates
    while it tests the exception being handled: that exception's class when
    it passes *test*, else a class nothing raises."""
    current = sys.exc_info()[1]
    if current is not None and test(current):
        return type(current)
    return _NeverRaised


def io_error_class() -> type[BaseException]:
    """Ruby's ``rescue IOError``, used as ``except ruby.io_error_class()``
    (see :func:`errno_class`): an OSError without an errno (a closed
    connection's EOFError, a closed stream), not a timeout; Python's
    OSError also covers the system errors (ECONNREFUSED...), which Ruby's
    IOError does not."""
    return _handled_if(lambda current: isinstance(current, EOFError) or isinstance(
        current, OSError) and current.errno is None and not isinstance(current, TimeoutError))


def system_call_error_class() -> type[BaseException]:
    """Ruby's ``rescue SystemCallError``: an OSError with an errno (every
    ``Errno::X``), not a closed connection's EOFError nor a timeout."""
    return _handled_if(lambda current: isinstance(current, OSError) and
                       current.errno is not None)


class RubyIOError(OSError):
    """Ruby's ``IOError`` as a value (in a list of classes to rescue)."""


class RubySystemCallError(OSError):
    """Ruby's ``SystemCallError`` as a value (in a list of classes to rescue)."""


_ERRNO_CLASSES: dict[str, type[OSError]] = {}


def errno_error(name: str) -> type[OSError]:
    """Ruby's ``Errno::NAME`` as a value (in a list of classes to rescue, or
    named): a subclass of OSError that knows its errno. Python raises a
    plain OSError for it, so ``except`` tests it through :func:`rescuing`."""
    if name not in _ERRNO_CLASSES:
        _ERRNO_CLASSES[name] = type(name, (OSError,), {"errno_name": name,
                                                       "__module__": "Errno"})
    return _ERRNO_CLASSES[name]


def rescuing(classes: Iterable[type[BaseException]]) -> tuple[type[BaseException], ...]:
    """``rescue *LIST``: the classes to catch, each ``Errno::NAME`` of the
    list (see :func:`errno_error`) as :func:`errno_class` tests it."""
    return tuple(errno_class(getattr(cls, "errno_name")) if hasattr(cls, "errno_name") else
                 io_error_class() if cls is RubyIOError else
                 system_call_error_class() if cls is RubySystemCallError else cls
                 for cls in classes)




def keywords(values: Mapping[str, Any], renamed: Mapping[str, str],
             required: Sequence[str] = (), accepted: Sequence[str] | None = None
             ) -> dict[str, Any]:
    """``**values`` passed to a method of the script: the same entries under
    the parameters' Python names (``from`` -> ``from_``), checked as Ruby
    checks them first.

    Raises:
        ArgumentError: one of the keywords *required* is missing, or (when
            *accepted* lists what the method takes) one is unknown; Ruby's
            texts (``missing keyword: :subject``).
    """
    missing = [key for key in required if key not in values]
    unknown = [key for key in values if accepted is not None and key not in accepted]
    for found, what in ((missing, "missing"), (unknown, "unknown")):
        if found:
            names = ", ".join(inspect(Symbol(key)) for key in found)
            raise errors.ArgumentError(
                f"{what} keyword{'s' if len(found) > 1 else ''}: {names}")
    return {renamed.get(key, key): value for key, value in values.items()}


class Struct:
    """The base of the classes a script makes with ``Struct.new``: Ruby's
    ``==`` (the same class, equal members), and its ``inspect`` and
    ``to_s``: ``#<struct Point x=3, y=4>``."""

    _ruby_name = ""
    _members: tuple[tuple[str, str], ...] = ()
    """Each member's Ruby name and attribute."""

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, attribute) for _, attribute in self._members)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Struct) and type(other) is type(self) and \
            self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={inspect(getattr(self, attribute))}"
                          for name, attribute in self._members)
        return f"#<struct {self._ruby_name} {shown}>" if self._ruby_name else \
            f"#<struct {shown}>"

    __str__ = __repr__


def remove(path: str, recursive: bool = False, force: bool = False) -> None:
    """FileUtils' ``rm_f`` / ``rm_r`` / ``rm_rf``: remove a file (and with
    *recursive* a directory with all it holds); with *force* a path that is
    not there, or that cannot be removed, is no error."""
    import shutil

    try:
        if recursive and os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
    except OSError:
        if not force:
            raise


def fail(error: BaseException) -> NoReturn:
    """Ruby's ``raise`` where it is part of an expression (``port =
    ENV['PORT'] || raise('PORT is not set')``): Python's is a statement."""
    raise error


def cause(error: BaseException) -> BaseException | None:
    """Ruby's ``e.cause``: the exception being handled when *error* was
    raised (Python's ``__cause__`` when given with ``from``, else its
    context), or nil."""
    if error.__cause__ is not None or error.__suppress_context__:
        return error.__cause__
    return error.__context__


def divmod(a: Any, b: Any) -> list[Any]:
    """Ruby's ``a.divmod(b)`` for numbers known only at run time: the floored
    quotient (an Integer even of Floats) and the remainder."""
    if not _is_number(a):
        raise _no_method("divmod", a)
    if not _is_number(b):
        raise TypeError(f"{_named(b)} can't be coerced into {class_name(a)}")
    if b == 0:
        raise ZeroDivisionError("divided by 0")
    quotient, rest = builtins.divmod(a, b)
    return [int(quotient), rest]


def magnitude(value: Any) -> Any:
    """Ruby's ``value.abs`` for a number known only at run time (another
    value has no abs: NoMethodError, where Python's abs() would take true)."""
    if not _is_number(value):
        raise _no_method("abs", value)
    return builtins.abs(value)


def time_fields(values: Sequence[int | None]) -> list[int]:
    """The fields of Ruby's ``Time.utc(*values)``: year first, a month and a
    day of 1 where *values* stops before them or gives nil (an hour, a
    minute, a second of 0); more than seven raise, as a nil year does."""
    if not 1 <= len(values) <= 7:
        raise errors.ArgumentError(f"wrong number of arguments (given {len(values)}, "
                                   f"expected 1..8)")
    if values[0] is None:
        raise TypeError("can't convert nil into Integer")
    defaults = (0, 1, 1, 0, 0, 0, 0)
    filled = [default if value is None else value for value, default in zip(values, defaults)]
    return [*filled, 1, 1][:max(3, len(filled))]


def position(found: re.Match[str] | None) -> int | None:
    """The value of Ruby's ``text =~ /re/``: where the match starts, or nil."""
    return None if found is None else found.start()


def negative(value: Any) -> Any:
    """Ruby's ``-value`` for a value known only at run time: a number's
    negative; a String's ``-@`` is the String itself (frozen in Ruby)."""
    if _is_number(value):
        return -value
    if isinstance(value, str):
        return value
    raise _no_method("-@", value)


def arith(a: Any, op: str, b: Any) -> Any:
    """Ruby's ``a - b``, ``a * b``, ``a / b`` and ``a % b`` for values whose
    classes are known only at run time (parsed JSON): Integer division
    floors, Float division by zero gives Infinity; a String or an Array
    repeats, an Array ``*`` a String joins, an Array ``-`` an Array removes,
    a String ``%`` formats. Any other pair raises as Ruby does."""
    if _is_number(a):
        if not _is_number(b):
            raise TypeError(f"{_named(b)} can't be coerced into {class_name(a)}")
        if op == "/" and (isinstance(a, float) or isinstance(b, float)):
            return fdiv(a, b)
        if isinstance(a, Fraction) or isinstance(b, Fraction):  # (Rational stays exact)
            if op in ("/", "%") and b == 0:
                raise ZeroDivisionError("divided by 0")
            return a - b if op == "-" else a * b if op == "*" else a / b if op == "/" else a % b
        if op in ("/", "%") and b == 0:
            raise ZeroDivisionError("divided by 0")
        return a - b if op == "-" else a * b if op == "*" else a // b if op == "/" else a % b
    if op == "*" and isinstance(a, list) and isinstance(b, str):
        return join(a, b)
    if op == "*" and isinstance(a, (str, list)):
        if not _is_number(b):
            raise TypeError(f"no implicit conversion of {_named(b)} into Integer")
        if b < 0:
            raise errors.ArgumentError("negative argument")
        return a * int(b)
    if op == "-" and isinstance(a, list):
        if not isinstance(b, list):
            raise TypeError(f"no implicit conversion of {_named(b)} into Array")
        return [item for item in a if item not in b]
    if op == "%" and isinstance(a, str):
        return format(a, *b) if isinstance(b, list) else format(a, b)
    if op == "-" and isinstance(a, date):
        return _moved(a, "-", b)
    raise _no_method(op, a)


def _moved(a: date, op: str, b: Any) -> Any:
    """A Date a number of days, or a Time a number of seconds, later or
    earlier; ``date - date`` (a Rational of days) and ``time - time`` (a
    Float of seconds); a DateTime as it counts (days)."""
    if isinstance(a, DateTime):  # (it counts days itself)
        return a + b if op == "+" else a - b
    is_time = isinstance(a, datetime)
    if op == "-" and isinstance(b, date) and isinstance(b, datetime) is is_time:
        if is_time:
            return (a - b).total_seconds()
        return Fraction((a - b).days)
    if not _is_number(b) or not is_time and not isinstance(b, int):
        # (Ruby's Date keeps a fraction of a day, which this port's Date cannot)
        raise TypeError(f"expected numeric, not {class_name(b)}")
    step = timedelta(seconds=b) if is_time else timedelta(days=b)
    return a + step if op == "+" else a - step


def fdiv(a: float, b: float) -> float:
    """Ruby's Float division: by zero it gives Infinity, -Infinity or NaN
    (Python raises)."""
    if b == 0:
        if a == 0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def cmp(a: object, b: object) -> int | None:
    """Ruby's ``a <=> b``: -1, 0 or 1, nil when they do not compare (numbers
    with numbers, Strings with Strings, Dates with Dates, Times with Times,
    Arrays item by item)."""
    numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b))
    times = all(isinstance(x, datetime) for x in (a, b)) or all(
        isinstance(x, date) and not isinstance(x, datetime) for x in (a, b))
    if numbers or times or (isinstance(a, str) and isinstance(b, str)):
        return int((a > b) - (a < b))  # type: ignore[operator]
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        for x, y in zip(a, b):
            found = cmp(x, y)
            if found != 0:
                return found
        return (len(a) > len(b)) - (len(a) < len(b))
    if callable(getattr(type(a), "cmp", None)):  # a class of the script with its own <=>
        own: int | None = getattr(a, "cmp")(b)
        return own
    return 0 if a == b and type(a) is type(b) else None


def _comparison_failed(a: object, b: object) -> errors.ArgumentError:
    """Ruby's error for ``a`` and ``b`` that do not compare: it shows an
    immediate value (nil, true, an Integer, a Symbol) or a Float itself,
    anything else by its class."""
    shown = inspect(b) if b is None or isinstance(b, (bool, int, float, Symbol)) else \
        class_name(b)
    return errors.ArgumentError(f"comparison of {class_name(a)} with {shown} failed")


class order_key:  # noqa: N801 (a function to the translation's reader)
    """A value ordered by Ruby's ``<=>`` (see ``cmp``): the key of a sort,
    ``sort_by``, ``min_by`` or ``max_by`` whose values are known only at
    run time. Two that do not compare raise Ruby's ArgumentError."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def _order(self, other: order_key) -> int:
        found = cmp(self.value, other.value)
        if found is None:
            raise _comparison_failed(self.value, other.value)
        return found

    def __lt__(self, other: order_key) -> bool:
        return self._order(other) < 0

    def __gt__(self, other: order_key) -> bool:
        return self._order(other) > 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, order_key) and self._order(other) == 0

    __hash__ = None  # type: ignore[assignment]


def sort(values: Iterable[Any]) -> list[Any]:
    """Ruby's ``sort`` of values whose class the translation cannot tell (a
    Hash's: its ``[key, value]`` pairs): ordered by ``<=>`` (an object of
    the script by its own), Ruby's ArgumentError for two that do not compare
    (true and false, nil and a String...), where Python's ``<`` may answer
    or raise otherwise."""
    if isinstance(values, Mapping):
        values = [[k, v] for k, v in values.items()]
    elif isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise _no_method("sort", values)
    return sorted(values, key=order_key)


class Comparable:
    """Ruby's ``Comparable`` for a class of the script that defines ``<=>``
    (its method ``cmp``): ``<``, ``<=``, ``>``, ``>=`` and ``==`` through
    it, ``between?`` and ``clamp``. Objects stay hashable by identity."""

    __slots__ = ()

    def _compared(self, other: object) -> int:
        found = self.cmp(other)  # type: ignore[attr-defined]
        if found is None:
            raise _comparison_failed(self, other)
        return int(found)

    def __lt__(self, other: object) -> bool:
        return self._compared(other) < 0

    def __le__(self, other: object) -> bool:
        return self._compared(other) <= 0

    def __gt__(self, other: object) -> bool:
        return self._compared(other) > 0

    def __ge__(self, other: object) -> bool:
        return self._compared(other) >= 0

    def __eq__(self, other: object) -> bool:
        return self is other or self.cmp(other) == 0  # type: ignore[attr-defined]

    __hash__ = object.__hash__

    def is_between(self, low: object, high: object) -> bool:
        """``between?(low, high)``."""
        return self._compared(low) >= 0 and self._compared(high) <= 0

    def clamp(self, low: object, high: object) -> object:
        """``clamp(low, high)``: low below it, high above it, else itself."""
        if self._compared(low) < 0:
            return low
        return high if self._compared(high) > 0 else self


def hash_key(value: Any) -> Any:
    """*value* as a key of a Python dict: an Array (which Ruby hashes by its
    items) as a tuple, a Hash as a tuple of its pairs; anything else as it
    is."""
    if isinstance(value, (list, tuple)):
        return tuple(hash_key(item) for item in value)
    if isinstance(value, Mapping):
        return tuple((hash_key(k), hash_key(v)) for k, v in value.items())
    return value


def group_by(items: Iterable[Any], key: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    """Ruby's ``group_by``: a Hash from each key to the items that gave it,
    in the order the keys first appear (an Array key as a tuple)."""
    groups: dict[Any, list[Any]] = {}
    for item in items:
        groups.setdefault(hash_key(key(item)), []).append(item)
    return groups


def uniq(items: Iterable[Any]) -> list[Any]:
    """Ruby's ``uniq``: each item once, the first of equal ones, in order
    (Arrays and Hashes compared by their contents)."""
    return uniq_by(items, lambda item: item)


def tally(items: Iterable[Any]) -> dict[Any, int]:
    """Ruby's ``tally``: how many times each item occurs, in the order they
    first appear (an Array item as a tuple)."""
    counts: dict[Any, int] = {}
    for item in items:
        found = hash_key(item)
        counts[found] = counts.get(found, 0) + 1
    return counts


def rotate(items: Sequence[Any], count: int = 1) -> list[Any]:
    """Ruby's ``Array#rotate``: the items from *count* on, then the first
    ones (a negative count from the end)."""
    if not items:
        return []
    start = count % len(items)
    return list(items[start:]) + list(items[:start])


def values_at(items: Sequence[Any], *indexes: int) -> list[Any]:
    """Ruby's ``Array#values_at``: the item at each index (from the end for a
    negative one), nil past either end."""
    return [items[i] if -len(items) <= i < len(items) else None for i in indexes]


def uniq_by(items: Iterable[Any], key: Callable[[Any], Any]) -> list[Any]:
    """Ruby's ``uniq { |x| ... }``: the first item for each value of the
    block, in order (values compared as Hash keys)."""
    seen: dict[Any, Any] = {}
    for item in items:
        seen.setdefault(hash_key(key(item)), item)
    return list(seen.values())


def partition(items: Iterable[Any], test: Callable[[Any], bool]) -> list[list[Any]]:
    """Ruby's ``partition``: ``[items that pass, items that do not]``."""
    passed: list[Any] = []
    failed: list[Any] = []
    for item in items:
        (passed if test(item) else failed).append(item)
    return [passed, failed]


def each_slice(items: Iterable[Any], size: int) -> list[list[Any]]:
    """Ruby's ``each_slice(size).to_a``: consecutive slices of *size* items
    (the last may be shorter)."""
    if size <= 0:
        raise ValueError("invalid slice size")
    listed = list(items)
    return [listed[i:i + size] for i in range(0, len(listed), size)]


def _padding(pad: str, size: int) -> str:
    if not pad:
        raise ValueError("zero width padding")
    return (pad * (size // len(pad) + 1))[:max(size, 0)]


def ljust(text: str, width: int, pad: str = " ") -> str:
    """Ruby's ``ljust``: *pad* repeated (and cut) after *text* up to *width*."""
    return text + _padding(pad, width - len(text))


def rjust(text: str, width: int, pad: str = " ") -> str:
    """Ruby's ``rjust``: *pad* repeated (and cut) before *text*."""
    return _padding(pad, width - len(text)) + text


def center(text: str, width: int, pad: str = " ") -> str:
    """Ruby's ``center``: the odd character of padding goes on the right
    (Python's ``str.center`` may put it on the left)."""
    room = max(width - len(text), 0)
    return _padding(pad, room // 2) + text + _padding(pad, room - room // 2)


def push(items: list[Any], *values: Any) -> list[Any]:
    """Ruby's ``push`` / ``append`` / ``<<`` / ``concat`` used as a value:
    *values* added at the end of *items*, which is returned (Python's
    ``append`` returns None)."""
    items.extend(values)
    return items


def merge(entries: dict[Any, Any], other: dict[Any, Any],
          resolve: Callable[[Any, Any, Any], Any]) -> dict[Any, Any]:
    """Ruby's ``merge`` with a block: *other*'s entries over a copy of
    *entries*, ``resolve(key, old, new)`` giving the value of each key both
    have."""
    merged = dict(entries)
    for key, value in other.items():
        merged[key] = resolve(key, merged[key], value) if key in merged else value
    return merged


def update(entries: dict[Any, Any], other: dict[Any, Any]) -> dict[Any, Any]:
    """Ruby's ``merge!`` / ``update`` used as a value: *other*'s entries
    stored in *entries*, which is returned (``dict.update`` returns None)."""
    entries.update(other)
    return entries


def unshift(items: list[Any], *values: Any) -> list[Any]:
    """Ruby's ``unshift`` / ``prepend`` used as a value: *values* put in
    front, in their order; the same list returned."""
    items[0:0] = values
    return items


def _civil(year: int, month: int, day: int) -> date | None:
    """The Date of Ruby's ``Date.new(year, month, day)``, where a negative
    month or day counts from the end (-1: the last); None for no such day."""
    for value in (year, month, day):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"invalid date (not numeric: {inspect(value)})")
    if month < 0:
        month += 13
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day < 0:
        day += last + 1
    if not 1 <= day <= last:
        return None
    return date(year, month, day)


def date_new(year: int, month: int = 1, day: int = 1) -> date:
    """Ruby's ``Date.new`` of values known only at run time (a negative
    month or day counts from the end).

    Raises:
        ValueError: no such day (Ruby's Date::Error, "invalid date").
    """
    found = _civil(year, month, day)
    if found is None:
        raise ValueError("invalid date")
    return found


def valid_date(year: int, month: int, day: int) -> bool:
    """Ruby's ``Date.valid_date?``."""
    return _civil(year, month, day) is not None


def months_later(day: date, months: int) -> date:
    """Ruby's ``Date#>>`` (``next_month``, ``next_year``...): *months* later
    (earlier when negative), on the same day of the month or, where that
    month is shorter, its last day."""
    year, index = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, index + 1)[1]
    return day.replace(year=year, month=index + 1, day=min(day.day, last))


def date_range(first: date, last: date, exclusive: bool = False) -> list[date]:
    """Ruby's ``(first..last)`` (``...`` with *exclusive*) of Dates: every
    day from *first* on, in order."""
    count = (last - first).days + (0 if exclusive else 1)
    return [first + timedelta(days=n) for n in range(max(count, 0))]


def assoc(items: Iterable[Any], key: object) -> Any:
    """Ruby's ``Array#assoc``: the first item that is an Array whose first
    element is *key*; nil when there is none."""
    for item in items:
        if isinstance(item, (list, tuple)) and item and item[0] == key:
            return item
    return None


def delete_at(items: list[Any], index: int) -> Any:
    """Ruby's ``Array#delete_at``: removes the item at *index* (from the end
    when negative) and gives it; nil, and nothing removed, past either end."""
    if -len(items) <= index < len(items):
        return items.pop(index)
    return None


def slice_out(items: list[Any], start: int, length: int) -> list[Any] | None:
    """Ruby's ``Array#slice!(start, length)``: removes up to *length* items
    from *start* (from the end when negative) and gives them; nil for a
    start past the end or a negative length (an empty list at the end)."""
    if start < 0:
        start += len(items)
    if start < 0 or start > len(items) or length < 0:
        return None
    removed = items[start:start + length]
    del items[start:start + length]
    return removed


def delete_item(items: list[Any], item: object) -> Any:
    """Ruby's ``Array#delete`` used for its value: removes every item equal
    to *item* and gives the last one removed, nil when there was none."""
    found = [x for x in items if x == item]
    items[:] = [x for x in items if x != item]
    return found[-1] if found else None


def transpose(rows: list[list[Any]]) -> list[list[Any]]:
    """Ruby's ``Array#transpose``: rows made columns; rows of different
    lengths raise Ruby's IndexError (``zip`` would cut them short)."""
    for row in rows[1:]:
        if len(row) != len(rows[0]):
            raise IndexError(f"element size differs ({len(row)} should be {len(rows[0])})")
    return [list(column) for column in zip(*rows)]


def each_cons(items: Iterable[Any], size: int) -> list[list[Any]]:
    """Ruby's ``each_cons(size).to_a``: every run of *size* consecutive
    items, in order (none when there are fewer items)."""
    if size <= 0:
        raise ValueError("invalid size")
    listed = list(items)
    return [listed[i:i + size] for i in range(len(listed) - size + 1)]


_ARGF: list[io.StringIO] = []


_LINENOS: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()
_LAST_LINENO = [0]


def _count_line(stream: object) -> None:
    try:
        number = _LINENOS.get(stream, 0) + 1
        _LINENOS[stream] = number
    except TypeError:  # (a stream that cannot be held weakly counts from here)
        number = _LAST_LINENO[0] + 1
    _LAST_LINENO[0] = number


def counted(stream: Iterable[str]) -> Iterator[str]:
    """A stream's lines for a script that reads ``$.``: each line read
    makes ``lineno()`` its number in that stream, as Ruby counts them."""
    for line in stream:
        _count_line(stream)
        yield line


def gets(stream: IO[str]) -> str | None:
    """``stream.gets`` (nil at the end) for a script that reads ``$.``."""
    line = stream.readline()
    if not line:
        return None
    _count_line(stream)
    return line


def lineno() -> int:
    """``$.``: the number of the last line read, in the stream it came from
    (0 before any)."""
    return _LAST_LINENO[0]


def argf(argv: list[str]) -> io.StringIO:
    """Ruby's ``ARGF``: the files named in *argv* one after the other (taken
    out of it, as Ruby shifts ARGV), or standard input when there are none
    (``-`` is standard input too); line endings kept. Read once, then the
    same stream for every use."""
    if not _ARGF:
        texts = []
        for path in argv or ["-"]:
            if path == "-":
                texts.append(sys.stdin.read())
            else:
                with open(path, encoding="utf-8", newline="") as source:
                    texts.append(source.read())
        argv.clear()
        _ARGF.append(io.StringIO("".join(texts), newline="\n"))
    return _ARGF[0]


def basename(path: str, suffix: str | None = None) -> str:
    """Ruby's ``File.basename``: trailing slashes do not count (``a/b/`` ->
    ``b``); *suffix* is cut off unless it is the whole name; ``.*`` cuts the
    extension."""
    stripped = path.rstrip("/")
    if not stripped:
        return "/" if path else ""
    base = stripped.rsplit("/", 1)[-1]
    if suffix == ".*":
        dot = base.rfind(".")
        return base[:dot] if dot > 0 else base
    if suffix and base.endswith(suffix) and base != suffix:
        return base[:-len(suffix)]
    return base


def dirname(path: str) -> str:
    """Ruby's ``File.dirname``: ``.`` for a bare name, trailing slashes not
    counted (``a/b/`` -> ``a``)."""
    stripped = path.rstrip("/") or path[:1]
    head = os.path.dirname(stripped)
    return head.rstrip("/") or ("/" if head.startswith("/") else ".")


def file_join(*parts: object) -> str:
    """Ruby's ``File.join``: parts joined by one ``/`` where neither side
    has one (nested lists are flattened)."""
    flat: list[str] = []

    def add(part: object) -> None:
        if isinstance(part, (list, tuple)):
            for inner in part:
                add(inner)
        elif isinstance(part, str):
            flat.append(part)
        else:
            raise TypeError(f"no implicit conversion of {class_name(part)} into String")
    for part in parts:
        add(part)
    if not flat:
        return ""
    result = flat[0]
    for part in flat[1:]:
        if result.endswith("/"):
            result += part.lstrip("/")
        elif part.startswith("/"):
            result += part
        else:
            result += "/" + part
    return result


def readlines(path: str, chomp: bool = False) -> list[str]:
    """Ruby's ``File.readlines(path[, chomp: true])``: the lines with their
    ``\n``, or without their ``\n`` / ``\r\n``."""
    with open(path, encoding="utf-8", newline="") as file:
        lines = file.readlines()
    if not chomp:
        return lines
    return [line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith("\n") else line
            for line in lines]


def readline(stream: IO[str]) -> str:
    """Ruby's ``IO#readline``: the next line with its ending, as ``gets``
    gives it, but EOFError at the end where ``gets`` gives nil."""
    line = stream.readline()
    if not line:
        raise EOFError("end of file reached")
    return line


def generate(value: object, pretty: bool = False) -> str:
    """Ruby's ``JSON.generate`` (``to_json``), or with *pretty* ``JSON.pretty_generate``
    as the json 2.6 gem lays it out (two spaces; an empty Array as ``[``,
    an empty line, ``]``; an empty Hash as ``{`` and ``}`` on two lines);
    floats as Ruby writes them (``1.0e+20``); NaN and Infinity refused."""
    import json

    def text(item: object, depth: int) -> str:
        if item is None or isinstance(item, bool):
            return to_s(item) or "null"
        if isinstance(item, int):
            return str(item)
        if isinstance(item, float):
            if math.isnan(item) or math.isinf(item):
                raise ValueError(f"{_float_to_s(item)} not allowed in JSON")
            return _float_to_s(item)
        if isinstance(item, (list, tuple, dict)):
            pairs = isinstance(item, Mapping)
            if isinstance(item, Mapping):
                parts = [f"{json.dumps(to_s(k), ensure_ascii=False)}:{' ' if pretty else ''}"
                         f"{text(v, depth + 1)}" for k, v in item.items()]
            else:
                parts = [text(v, depth + 1) for v in item]
            opening, closing = "{}" if pairs else "[]"
            if not pretty:
                return opening + ",".join(parts) + closing
            inner, outer = "  " * (depth + 1), "  " * depth
            if not parts:
                return f"{opening}\n{'' if pairs else chr(10)}{outer}{closing}"
            return f"{opening}\n" + ",\n".join(inner + p for p in parts) + \
                f"\n{outer}{closing}"
        return json.dumps(to_s(item), ensure_ascii=False)

    return text(value, 0)


# ---------------------------------------------------------------- any receiver
# What Ruby's methods do whatever the receiver turns out to be (a String,
# an Array, a Hash, nil...): a translation calls these where it cannot tell
# the receiver's class. A receiver without the method raises AttributeError,
# as Ruby raises NoMethodError.


def _no_method(name: str, value: object) -> AttributeError:
    shown = "nil" if value is None else inspect(value)
    return AttributeError(f"undefined method `{name}' for {shown}:{class_name(value)}")


def _is_array(value: object) -> bool:
    return isinstance(value, (list, tuple))


def length(value: object) -> int:
    """``value.length``: of a String, an Array or a Hash."""
    if isinstance(value, (str, list, tuple, dict)):
        return len(value)
    raise _no_method("length", value)


def size(value: object) -> int:
    """``value.size``: ``length``, and an Integer's size in bytes."""
    if isinstance(value, int) and not isinstance(value, bool):
        return 8 if -2 ** 62 <= value < 2 ** 62 else (value.bit_length() + 7) // 8
    if isinstance(value, (str, list, tuple, dict)):
        return len(value)
    raise _no_method("size", value)


def is_empty(value: object) -> bool:
    """``value.empty?``: of a String, an Array or a Hash."""
    if isinstance(value, (str, list, tuple, dict)):
        return len(value) == 0
    raise _no_method("empty?", value)


def join(value: object, separator: str | None = None) -> str:
    """``array.join(separator)``: nested Arrays joined too, ``nil`` as ``''``,
    anything else by its ``to_s``."""
    if not isinstance(value, (list, tuple)):
        raise _no_method("join", value)
    sep = "" if separator is None else separator
    return sep.join(join(item, sep) if _is_array(item) else to_s(item) for item in value)


def fields(values: object, count: int, rest: bool = False) -> list[Any]:
    """Ruby's ``a, b, c = values``: exactly *count* values, the missing
    ones nil and the extra ones dropped (Python's unpacking raises); with
    *rest* (``a, *b, c = values``) at least *count*, the extra ones kept
    for the splat. A value that is not an Array (nil included) is the
    first value alone."""
    items = list(values) if _is_array(values) else [values]  # type: ignore[call-overload]
    listed = items if rest else items[:count]
    return listed + [None] * (count - len(listed))


def first(value: object, count: int | None = None) -> Any:
    """``value.first``: an Array's first item, a Hash's first pair (nil when
    empty); ``value.first(n)``: a new Array of the first *n* of them.

    Raises:
        ArgumentError: a negative *count* (Ruby's message).
    """
    if count is not None and count < 0:
        raise errors.ArgumentError("negative array size")
    if _is_array(value):
        if count is not None:
            return list(value[:count])  # type: ignore[index]
        return value[0] if value else None  # type: ignore[index]
    if isinstance(value, Mapping):
        pairs = ([k, v] for k, v in value.items())
        if count is not None:
            return [pair for _, pair in zip(range(count), pairs)]
        return next(pairs, None)
    raise _no_method("first", value)


def last(value: object, count: int | None = None) -> Any:
    """``array.last`` (nil when empty); ``array.last(n)``: a new Array of
    the last *n* items.

    Raises:
        ArgumentError: a negative *count* (Ruby's message).
    """
    if not _is_array(value):
        raise _no_method("last", value)
    listed: list[Any] = list(value)  # type: ignore[call-overload]
    if count is None:
        return listed[-1] if listed else None
    if count < 0:
        raise errors.ArgumentError("negative array size")
    return listed[max(len(listed) - count, 0):]


def _offset(key: object) -> int:
    if isinstance(key, bool) or not isinstance(key, (int, float)):
        raise TypeError(f"no implicit conversion of {class_name(key)} into Integer")
    return int(key)


def slice(value: Any, start: object, length: object) -> Any:
    """``value[start, length]`` of a String or an Array: *length* items from
    *start* (from the end when negative); nil for a start past the end or a
    negative length, as Ruby answers (Python's slices answer empty)."""
    begin, count = _offset(start), _offset(length)
    size = len(value)
    if begin < 0:
        begin += size
    if begin < 0 or begin > size or count < 0:
        return None
    return value[begin:begin + count]


def index(value: object, key: object) -> Any:
    """``value[key]``: a Hash's entry, an Array's item, a String's character
    or substring; nil where Ruby finds none."""
    if isinstance(value, Mapping):
        return value.get(key)
    if _is_array(value):
        i = _offset(key)
        return value[i] if -len(value) <= i < len(value) else None  # type: ignore[arg-type,index]
    if isinstance(value, str):
        if isinstance(key, str):
            return key if key in value else None
        i = _offset(key)
        return value[i] if -len(value) <= i < len(value) else None
    raise _no_method("[]", value)


def fetch(value: object, key: Any, *default: Any) -> Any:
    """``value.fetch(key[, default])`` for a Hash or an Array known only at
    run time: the entry, else *default*, else Ruby's KeyError (``key not
    found``) or IndexError."""
    if isinstance(value, Mapping):
        if key in value:
            return value[key]
        if default:
            return default[0]
        raise KeyError(key)
    if _is_array(value):
        i = _offset(key)
        size = len(value)  # type: ignore[arg-type]
        if -size <= i < size:
            return value[i]  # type: ignore[index]
        if default:
            return default[0]
        raise IndexError(f"index {i} outside of array bounds: {-size}...{size}")
    raise _no_method("fetch", value)


def include(value: object, item: object) -> bool:
    """``value.include?(item)``: a substring, an Array's item (by ``==``, and
    ``true`` is not ``1``), a Hash's key."""
    if isinstance(value, str):
        if not isinstance(item, str):
            raise TypeError(f"no implicit conversion of {class_name(item)} into String")
        return item in value
    if isinstance(value, (list, tuple)):
        return any(x == item and isinstance(x, bool) == isinstance(item, bool) for x in value)
    if isinstance(value, Mapping):
        return item in value
    raise _no_method("include?", value)


def dig(value: object, *keys: object) -> Any:
    """``value.dig(key, ...)``: through nested Hashes and Arrays, nil as soon
    as one level is missing."""
    for key in keys:
        if value is None:
            return None
        if not isinstance(value, (dict, list, tuple)):
            raise TypeError(f"{class_name(value)} does not have #dig method")
        value = index(value, key)
    return value


def each(value: object, arity: int = 1) -> list[Any]:
    """What ``value.each`` gives a block of *arity* parameters: an Array's
    (or any Python iterable's) items or a Hash's ``[key, value]`` pairs;
    for several parameters each
    item spread over them as Ruby spreads it (an Array padded with nil or
    cut, anything else as the first)."""
    if isinstance(value, Mapping):
        items: list[Any] = [[k, v] for k, v in value.items()]
    elif isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        items = list(value)
    else:
        raise _no_method("each", value)
    if arity <= 1:
        return items
    return [tuple((list(item) + [None] * arity)[:arity]) if _is_array(item) else
            (item,) + (None,) * (arity - 1) for item in items]


def select(value: object, test: Callable[[Any], bool], keep: bool = True) -> Any:
    """``value.select { |x| ... }`` (``reject`` with *keep* false) for a value
    that turns out an Array or a Hash only at run time: an Array gives the
    items kept, a Hash a Hash of the entries kept (a block of one parameter
    receives the key, as in Ruby)."""
    if isinstance(value, Mapping):
        return {k: v for k, v in value.items() if bool(test(k)) is keep}
    if _is_array(value):
        return [x for x in value if bool(test(x)) is keep]  # type: ignore[attr-defined]
    raise _no_method("select" if keep else "reject", value)


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
        if exc.filename is not None:
            # a file's: Ruby names its C function and the path (rb_sysopen:
            # open, read, readlines, foreach, write)
            call = getattr(exc, "ruby_call", "rb_file_s_rename" if exc.filename2 is not None
                           else "rb_sysopen")
            paths = f"({exc.filename}, {exc.filename2})" if exc.filename2 is not None \
                else str(exc.filename)
            return f"{exc.strerror} @ {call} - {paths}"
        return exc.strerror
    if isinstance(exc, KeyError) and len(exc.args) == 1:
        return f"key not found: {inspect(exc.args[0])}"
    if isinstance(exc, ZeroDivisionError) and str(exc) in (
            "division by zero", "integer division or modulo by zero",
            "integer modulo by zero"):
        return "divided by 0"
    if not exc.args:  # Ruby's message defaults to the class's name
        return class_name(exc)
    text = str(exc)
    found = re.fullmatch(r"invalid literal for int\(\) with base 10: '(.*)'", text)
    if found:
        return f"invalid value for Integer(): {inspect(found.group(1))}"
    return text


# Ruby 3.1's public methods of every exception (Exception's and the Object
# methods scripts ask about), and those a rescued exception's Ruby class adds.
_EXCEPTION_METHODS = frozenset("""
== backtrace backtrace_locations cause exception full_message inspect message respond_to?
set_backtrace to_s class nil? is_a? kind_of? instance_of? frozen? object_id hash dup tap
then send public_send method methods instance_variables instance_variable_get
""".split())
_CLASS_METHODS: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...],
                            frozenset[str]], ...] = (
    (errors.SMTPError, frozenset({"response"})),
    ((errors.ReadTimeout, errors.WriteTimeout), frozenset({"io"})),
    (KeyError, frozenset({"key", "receiver"})),
    (AttributeError, frozenset({"name", "receiver", "local_variables", "args",
                                "private_call?"})),
    (NameError, frozenset({"name", "receiver", "local_variables"})),
    (SystemExit, frozenset({"status", "success?"})),
    (StopIteration, frozenset({"result"})),
)


def _is_system_call_error(exc: BaseException) -> bool:
    """Whether Ruby would have raised a SystemCallError (an ``Errno::X``):
    an OSError with an errno that is not TLS's, a name lookup's or the
    library's own."""
    cls = type(exc)
    return (isinstance(exc, OSError) and exc.errno is not None
            and cls.__module__ not in ("ssl", errors.__name__) and cls.__name__ != "gaierror")


def responds_to(exc: BaseException, name: str) -> bool:
    """Ruby's ``e.respond_to?(:name)`` of a rescued exception: what Ruby's
    class for it has (``response`` of an SMTP error, ``errno`` of an
    ``Errno::X``, ``io`` of a read timeout...), not what the Python object
    happens to carry."""
    if name in _EXCEPTION_METHODS:
        return True
    if name == "errno":
        return _is_system_call_error(exc)
    return any(isinstance(exc, cls) and name in methods for cls, methods in _CLASS_METHODS)


def exit_status(value: object) -> int:
    """The status of Ruby's ``exit(value)``: 0 for true, 1 for false, an
    Integer (a Float truncated) as it is; anything else is Ruby's TypeError."""
    if value is True:
        return 0
    if value is False:
        return 1
    if isinstance(value, (int, float)):
        return int(value)
    if value is None:
        raise TypeError("no implicit conversion from nil to integer")
    raise TypeError(f"no implicit conversion of {class_name(value)} into Integer")


class UncaughtThrowError(ValueError):
    """Ruby's ``UncaughtThrowError`` (an ``ArgumentError``): a ``throw`` no
    ``catch`` is waiting for."""


class _Thrown(_ruby.Throw):
    """A ``throw`` on its way to its ``catch``: no ``rescue`` stops it."""

    def __init__(self, tag: str, value: object) -> None:
        super().__init__(tag)
        self.tag = tag
        self.value = value


class Catch:
    """Ruby's ``catch(:tag) do ... end``: a context manager that ends at
    ``throw(tag[, value])`` from anywhere inside it; ``thrown`` and
    ``value`` say whether a throw came, and with what."""

    _waiting: list[str] = []

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.thrown = False
        self.value: object = None

    def __enter__(self) -> Catch:
        Catch._waiting.append(self.tag)
        return self

    def __exit__(self, kind: object, exc: BaseException | None, traceback: object) -> bool:
        Catch._waiting.pop()
        if isinstance(exc, _Thrown) and exc.tag == self.tag:
            self.thrown, self.value = True, exc.value
            return True
        return False


def throw(tag: str, value: object = None) -> NoReturn:
    """Ruby's ``throw :tag[, value]``: to the innermost ``catch`` of *tag*;
    without one, :class:`UncaughtThrowError`."""
    if tag not in Catch._waiting:
        raise UncaughtThrowError(f"uncaught throw :{tag}")
    raise _Thrown(tag, value)


class _Expired(_ruby.Throw):
    """How a Ruby timeout leaves its block: Ruby throws, so no ``rescue``
    inside the block sees it (``ensure`` runs); not an Exception here, so no
    ``except Exception`` does either."""


@contextmanager
def timeout(seconds: float | None) -> Iterator[None]:
    """Ruby's ``Timeout.timeout(seconds) do ... end``: what runs longer is
    stopped with :class:`TimeoutError` ("execution expired", Ruby's
    ``Timeout::Error``), raised where the block ends, as Ruby's passes the
    rescue clauses inside it; nil or 0 sets no limit. It uses ``SIGALRM``,
    so the main thread of a POSIX process, as a translated script is."""
    if not seconds:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise TimeoutError("execution expired") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def array(value: object) -> list[Any]:
    """Ruby's ``Array(value)``: nil -> ``[]``, an Array itself, a Hash's
    pairs, a Range's items, anything else in a list of one."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, (tuple, range)):
        return list(value)
    if isinstance(value, Mapping):
        return [[k, v] for k, v in value.items()]
    return [value]


def zip(first: Iterable[Any], *others: Iterable[Any]) -> list[list[Any]]:
    """Ruby's ``Array#zip``: as long as *first*, the others cut or padded
    with nil."""
    lists = [list(other) for other in others]
    return [[item] + [other[i] if i < len(other) else None for other in lists]
            for i, item in enumerate(first)]


# ---------------------------------------------------------------- library classes


class Set:
    """Ruby's ``Set`` (``require 'set'``): each item once, in the order they
    came (Python's ``set`` keeps no order); ``inspect`` as Ruby shows it."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self._items: dict[Any, None] = dict.fromkeys(items)

    def __iter__(self) -> Iterator[Any]:
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item: object) -> bool:
        return item in self._items

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Set) and self._items.keys() == other._items.keys()

    __hash__ = None  # type: ignore[assignment]

    def add(self, item: object) -> Set:
        """``set << item`` / ``add``."""
        self._items[item] = None
        return self

    def add_new(self, item: object) -> Set | None:
        """``add?``: the set, or nil when *item* was there already."""
        if item in self._items:
            return None
        return self.add(item)

    def delete(self, item: object) -> Set:
        self._items.pop(item, None)
        return self

    def __or__(self, other: Iterable[Any]) -> Set:
        return Set(list(self) + list(other))

    def __and__(self, other: Iterable[Any]) -> Set:
        kept = set(other)
        return Set(item for item in self if item in kept)

    def __sub__(self, other: Iterable[Any]) -> Set:
        dropped = set(other)
        return Set(item for item in self if item not in dropped)

    def inspect(self) -> str:
        return "#<Set: {" + ", ".join(inspect(item) for item in self) + "}>"

    __str__ = __repr__ = inspect


class OpenStruct:
    """Ruby's ``OpenStruct`` (``require 'ostruct'``): attributes set at
    will, nil for one never set; ``to_h`` with Symbol keys."""

    def __init__(self, fields: Mapping[Any, Any] | None = None, **more: Any) -> None:
        for name, value in {**(fields or {}), **more}.items():
            setattr(self, str(name), value)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return None

    def __getitem__(self, name: str) -> Any:
        return getattr(self, str(name))

    def __setitem__(self, name: str, value: Any) -> None:
        setattr(self, str(name), value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OpenStruct) and vars(self) == vars(other)

    __hash__ = None  # type: ignore[assignment]

    def respond_to(self, name: str) -> bool:
        """``respond_to?(:name)``: whether the attribute was ever set."""
        return str(name) in vars(self)

    def to_h(self) -> dict[Symbol, Any]:
        return {Symbol(name): value for name, value in vars(self).items()}

    def inspect(self) -> str:
        fields = ", ".join(f"{name}={inspect(value)}" for name, value in vars(self).items())
        return f"#<OpenStruct {fields}>" if fields else "#<OpenStruct>"

    __str__ = __repr__ = inspect


def _log_at(severity: int) -> Callable[..., bool]:
    """A Logger method (``info``, ``warn`` ...): a line at *severity*."""

    def log(self: Logger, message: object = None) -> bool:
        return self.add(severity, None, message)

    return log


class Logger:
    """Ruby's ``Logger`` (``require 'logger'``) on a stream: the levels,
    ``formatter`` (called with severity, time, progname and message, as
    Ruby calls a proc), ``progname``, and Ruby's own line format otherwise:
    ``I, [2024-01-05T08:30:00.123456 #4242]  INFO -- : text``."""

    DEBUG, INFO, WARN, ERROR, FATAL, UNKNOWN = range(6)
    _LABELS = ("DEBUG", "INFO", "WARN", "ERROR", "FATAL", "ANY")

    def __init__(self, stream: IO[str] | None, progname: str | None = None) -> None:
        self.stream = stream
        self.progname = progname
        self.formatter: Callable[[str, datetime, str | None, Any], str] | None = None
        self._level = Logger.DEBUG

    @property
    def level(self) -> int:
        return self._level

    @level.setter
    def level(self, value: int | str) -> None:
        """A number, or a name (``'warn'``, ``:info``) as Ruby's Logger takes."""
        self._level = value if isinstance(value, int) else \
            self._LABELS.index(str(value).upper().replace("UNKNOWN", "ANY"))

    def add(self, severity: int, text: object = None, progname: object = None) -> bool:
        """Ruby's ``add(severity, message, progname)``: a line when
        *severity* reaches the level (a lone progname is the message)."""
        if self.stream is None or severity < self._level:
            return True
        if text is None:
            text, progname = progname, self.progname
        label = self._LABELS[min(severity, Logger.UNKNOWN)]
        now = datetime.now().astimezone()
        if self.formatter is not None:
            line = to_s(self.formatter(label, now, progname, text))  # type: ignore[arg-type]
        else:
            shown = text if isinstance(text, str) else \
                f"{message(text)} ({class_name(text)})\n" if isinstance(text, BaseException) \
                else inspect(text)
            line = (f"{label[0]}, [{now.strftime('%Y-%m-%dT%H:%M:%S.%f')} #{os.getpid()}] "
                    f"{label:>5} -- {to_s(progname)}: {shown}\n")
        self.stream.write(line)
        return True

    debug, info, warn, error, fatal, unknown = (_log_at(level) for level in range(6))


# ---------------------------------------------------------------- CSV


class CSVTable(list):  # type: ignore[type-arg]
    """The rows Ruby's ``CSV.read(path, headers: true)`` gives (each a dict
    from header to field), and their ``headers``."""

    def __init__(self, headers: list[str | None], rows: Iterable[dict[str | None, str | None]]):
        super().__init__(rows)
        self.headers = headers


def _csv_field(text: str, i: int) -> tuple[str | None, int]:
    """One field from *i*: an unquoted empty field is nil, as in Ruby."""
    if i < len(text) and text[i] == '"':
        out: list[str] = []
        i += 1
        while True:
            if i >= len(text):
                raise ValueError("Unclosed quoted field")
            if text[i] == '"':
                if text[i + 1:i + 2] == '"':
                    out.append('"')
                    i += 2
                    continue
                i += 1
                break
            out.append(text[i])
            i += 1
        if i < len(text) and text[i] not in ",\r\n":
            raise ValueError("Any value after quoted field isn't allowed")
        return "".join(out), i
    start = i
    while i < len(text) and text[i] not in ",\r\n":
        if text[i] == '"':
            raise ValueError("Illegal quoting")
        i += 1
    return text[start:i] or None, i


def _symbol_header(name: str | None) -> str | None:
    """CSV's ``header_converters: :symbol``: the header in lower case,
    without what is neither a word character nor a space, spaces as ``_``."""
    if name is None:
        return None
    text = re.sub(r"[^\s\w]+", "", name.lower()).strip()
    return Symbol(re.sub(r"\s+", "_", text))


def csv_parse(text: str, headers: bool = False, converters: Sequence[str] = (),
              symbol_headers: bool = False) -> list[Any]:
    """Ruby's ``CSV.parse(text[, headers: true, converters: ...])``: rows of
    fields (nil for an unquoted empty one, ``[]`` for a blank line), each
    through the *converters* (``'integer'``, ``'float'``); with *headers*,
    a :class:`CSVTable` of dicts keyed by the first row (not converted, or
    made Symbols with *symbol_headers*: ``header_converters: :symbol``)."""
    rows: list[list[str | None]] = []
    i = 0
    while i < len(text):
        row: list[str | None] = []
        if text[i] not in "\r\n":
            while True:
                field, i = _csv_field(text, i)
                row.append(field)
                if i < len(text) and text[i] == ",":
                    i += 1
                    continue
                break
        i += 2 if text.startswith("\r\n", i) else 1
        rows.append(row)
    if converters:
        rows = rows[:1 if headers else 0] + [
            [_converted(field, converters) for field in row] for row in rows[1 if headers else 0:]]
    if not headers:
        return rows
    names = rows[0] if rows else []
    if symbol_headers:
        names = [_symbol_header(name) for name in names]
    table = []
    for fields in rows[1:]:
        padded = fields + [None] * (len(names) - len(fields))
        keys = names + [None] * (len(padded) - len(names))
        table.append(dict(zip(keys, padded)))
    return CSVTable(names, table)


def csv_read(path: str, headers: bool = False, converters: Sequence[str] = (),
             symbol_headers: bool = False) -> list[Any]:
    """Ruby's ``CSV.read(path[, headers: true])`` (see :func:`csv_parse`)."""
    with open(path, encoding="utf-8", newline="") as file:
        return csv_parse(file.read(), headers, converters, symbol_headers)


_FLOAT = re.compile(r"\s*([+-]?(?:\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?|\.\d+(?:_\d+)*)"
                    r"(?:[eE][+-]?\d+(?:_\d+)*)?)\s*")


def _converted(field: str | None, converters: Sequence[str]) -> Any:
    """A field through CSV's ``:integer`` / ``:float`` converters, each
    tried in turn (Ruby's ``Integer()`` / ``Float()``); as it is when none
    takes it."""
    if field is None:
        return None
    for converter in converters:
        if converter == "integer":
            found = integer(field, exception=False)
            if found is not None:
                return found
        elif converter == "float":
            text = _FLOAT.fullmatch(field)
            if text:
                return float(text.group(1).replace("_", ""))
    return field


def csv_line(fields: Iterable[object]) -> str:
    """Ruby's ``CSV.generate_line`` / ``Array#to_csv``: nil as nothing,
    quotes around a field holding a comma, a quote or a line break, or
    empty."""
    out = []
    for field in fields:
        if field is None:
            out.append("")
            continue
        text = to_s(field)
        if text == "" or any(c in text for c in ',"\r\n'):
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    return ",".join(out) + "\n"


class OptionError(Exception):
    """Ruby's ``OptionParser::ParseError`` (an unknown option, a missing or
    bad argument), raised by :class:`ArgumentParser` instead of exiting, so
    that an uncaught one ends the script with status 1, as in Ruby. Each
    kind is a subclass named as Ruby's (``e.class`` prints Ruby's name)."""

    ruby_name = "OptionParser::ParseError"


class InvalidOption(OptionError):
    """``invalid option: --x``."""

    ruby_name = "OptionParser::InvalidOption"


class MissingArgument(OptionError):
    """``missing argument: --to``."""

    ruby_name = "OptionParser::MissingArgument"


class InvalidArgument(OptionError):
    """``invalid argument: --port abc``."""

    ruby_name = "OptionParser::InvalidArgument"


class NeedlessArgument(OptionError):
    """``needless argument: --verbose=1``."""

    ruby_name = "OptionParser::NeedlessArgument"


class AmbiguousArgument(InvalidArgument):
    """``ambiguous argument: --level l``."""

    ruby_name = "OptionParser::AmbiguousArgument"


_OPTION_ERRORS: dict[str, type[OptionError]] = {
    "invalid option": InvalidOption, "missing argument": MissingArgument,
    "invalid argument": InvalidArgument, "needless argument": NeedlessArgument,
    "ambiguous argument": AmbiguousArgument,
}


def _option_error(message: str) -> OptionError:
    """The OptionParser error for *message*, of the class its words name."""
    return _OPTION_ERRORS.get(message.split(":")[0], OptionError)(message)


_ARGPARSE_WORDING = (
    (re.compile(r"argument (?:\S+/)?(\S+): invalid \w+ value: '(.*)'"),
     "invalid argument: {0} {1}"),
    (re.compile(r"argument (?:\S+/)?(\S+): expected one argument"), "missing argument: {0}"),
    (re.compile(r"argument (?:\S+/)?(\S+): ambiguous (.*)"), "ambiguous argument: {0} {1}"),
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


def option_list(text: str) -> list[str | None]:
    """OptionParser's ``Array`` acceptor: the value split at commas, an
    empty part nil (trailing empty parts dropped, as Ruby's ``split``)."""
    parts = text.split(",")
    while parts and not parts[-1]:
        parts.pop()
    return [part or None for part in parts]


def option_choice(words: list[str], values: Mapping[str, Any] | None = None
                  ) -> Callable[[str], Any]:
    """OptionParser's list of accepted words (``on('--level L', %w[low
    high])``): the word given, or the only word it begins (``hi`` is
    ``high``); several is Ruby's ``ambiguous argument``, none ``invalid
    argument``. With *values* (a Hash of words), the word's value."""
    def choice(text: str) -> Any:
        if text in words:
            found = [text]
        else:
            found = [word for word in words if word.startswith(text)]
        if len(found) == 1:
            return found[0] if values is None else values[found[0]]
        if found:
            raise argparse.ArgumentTypeError(f"ambiguous {text}")
        raise ValueError(text)
    return choice


def option_pattern(pattern: re.Pattern[str]) -> Callable[[str], str]:
    """OptionParser's Regexp of what an option accepts: the text it matches
    (Ruby's ``invalid argument`` when it matches nothing)."""
    def matched(text: str) -> str:
        found = pattern.search(text)
        if found is None:
            raise ValueError(text)
        return found.group(0)
    return matched


class ArgumentParser(argparse.ArgumentParser):
    """``argparse`` that fails the way Ruby's ``OptionParser`` does: an
    error raises :class:`OptionError` worded as Ruby words it (``invalid
    option: --x``, ``missing argument: --to``, ``invalid argument: --port
    abc``) instead of printing usage and exiting with status 2; ``-h`` is
    not added. :meth:`parse` returns the options and, like Ruby's
    ``parse!``, the arguments that are not options, in order."""

    def __init__(self, banner: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        # a switch declared again belongs to the later option, as in Ruby
        kwargs.setdefault("conflict_handler", "resolve")
        super().__init__(**kwargs)
        # --[no-]name: true for --name (and its short flag), false for --no-name
        self.register("action", "negatable", argparse.BooleanOptionalAction)
        program = os.path.splitext(os.path.basename(sys.argv[0] or "-"))[0]
        self.banner = banner if banner is not None else f"Usage: {program} [options]"
        self._summary: list[tuple[list[str], str, list[str]] | str] = []

    def add_argument(self, *flags: Any, **kwargs: Any) -> Any:
        """argparse's ``add_argument``; also remembers the option for the
        Ruby-style help of :meth:`__str__` (``attached=True``: declared as
        ``--name=ARG``)."""
        metavar = kwargs.get("metavar")
        action = kwargs.get("action")
        takes_value = action not in ("store_true", "store_false", "count", "negatable")
        # attached: declared as --name=ARG, which Ruby's help shows as written
        joint = "=" if kwargs.pop("attached", False) else " "
        arg = f"{joint}{metavar}" if metavar and takes_value else ""
        help_text = kwargs.get("help")
        shown = [f"--[no-]{f[2:]}" if action == "negatable" and str(f).startswith("--") else str(f)
                 for f in flags]
        for entry in self._summary:  # (Ruby's help no longer shows them there either)
            if not isinstance(entry, str):
                entry[0][:] = [f for f in entry[0] if f not in shown]
        self._summary.append((shown, arg, [help_text] if help_text else []))
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
        self._given = args
        options, rest = self.parse_known_args(args)
        for arg in rest:
            if arg == "--":
                break
            if arg.startswith("-") and arg != "-":
                raise InvalidOption(f"invalid option: {arg}")
        return options, [arg for arg in rest if arg != "--"]

    def error(self, message: str) -> NoReturn:
        for pattern, wording in _ARGPARSE_WORDING:
            found = pattern.fullmatch(message)
            if found:
                raise _option_error(wording.format(self._as_given(*found.groups()),
                                                   *found.groups()[1:]))
        raise _option_error(message)

    def _as_given(self, flag: str, value: str | None = None) -> str:
        """*flag*, argparse's name of an option, as the command line wrote
        it where it failed (``-t`` for ``--to``, the last one given, or the
        one before *value*): Ruby's errors name the flag given."""
        action = self._option_string_actions.get(flag)
        names = action.option_strings if action is not None else [flag]
        given: list[str] = getattr(self, "_given", [])
        found = [arg for arg, after in zip(given, given[1:] + [""])
                 if arg in names and (value is None or after == value)]
        return found[-1] if found else flag
