"""YAML read as Ruby 3.1's Psych 4 reads it, for ported scripts
(``YAML.load_file``, ``YAML.safe_load``...).

PyYAML parses the document into nodes; the values are made here with
Psych's rules, which differ from PyYAML's own: Psych's scanner decides what
a plain scalar is (``10:30`` is 37800, ``1,000`` is 1000, ``yEs`` is true,
``1:2:3:4`` a String), a date or a time is refused unless its class is
permitted, ``:name`` is a Symbol where Symbols are permitted, an alias is
refused unless aliases are allowed, and ``<<`` merges a mapping in at its
place, as Psych does. An empty document is nil (false for ``unsafe_load``).

PyYAML is needed only when a script reads YAML: ``pip install pyyaml``
(the ``port`` extra installs it).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any, cast

__all__ = ["BadAlias", "DisallowedClass", "PsychError", "YAMLSyntaxError", "load"]


class PsychError(RuntimeError):
    """Ruby's ``Psych::Exception``."""

    _ruby_name = "Psych::Exception"


class DisallowedClass(PsychError):
    """Ruby's ``Psych::DisallowedClass``: a value of a class not permitted."""

    _ruby_name = "Psych::DisallowedClass"

    def __init__(self, name: str) -> None:
        super().__init__(f"Tried to load unspecified class: {name}")


class BadAlias(PsychError):
    """Ruby's ``Psych::BadAlias``: an alias where aliases are not allowed."""

    _ruby_name = "Psych::BadAlias"


class YAMLSyntaxError(PsychError):
    """Ruby's ``Psych::SyntaxError``: text that is not YAML."""

    _ruby_name = "Psych::SyntaxError"


# Psych's scanner (psych/scalar_scanner.rb in Ruby 3.1), in its order.
_WORDY = re.compile(r"[^\d.:-]?(?:[^\W\d]|[\s!@#$%^&*(){}<>|/\\~;=])+")
_TIME = re.compile(r"-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?"
                   r"(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?")
_DATE = re.compile(r"\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)")
_BASE60 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}")
_BASE60_FLOAT = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*")
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?")
_INTEGER = re.compile(r"[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)"
                      r"|[-+]?0x[0-9a-fA-F_,]+")


class _Reading:
    """One document's conversion: what is permitted, and the nodes made so far
    (an alias gives the very same object, as in Ruby)."""

    def __init__(self, permitted: tuple[str, ...], symbolize_names: bool) -> None:
        self.permitted = permitted
        self.symbolize_names = symbolize_names
        self.made: dict[int, Any] = {}

    def allow(self, name: str) -> None:
        if name not in self.permitted:
            raise DisallowedClass(name)

    def value(self, node: Any) -> Any:
        import yaml

        if id(node) in self.made:
            return self.made[id(node)]
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            items: list[Any] = []
            self.made[id(node)] = items
            items.extend(self.value(item) for item in node.value)
            return items
        entries: dict[Any, Any] = {}
        self.made[id(node)] = entries
        for key_node, value_node in node.value:
            key, value = self.value(key_node), self.value(value_node)
            if key == "<<" and key_node.style is None and isinstance(value, (dict, list)):
                merged = value if isinstance(value, dict) else \
                    {k: v for part in reversed(value) for k, v in part.items()}
                entries.update(merged)
                continue
            if self.symbolize_names and isinstance(key, str):
                from .ruby import Symbol

                key = Symbol(key)
            try:
                entries[key] = value
            except TypeError:
                raise PsychError(f"a key Python cannot hold: {key!r}") from None
        return entries

    def scalar(self, node: Any) -> Any:
        text: str = node.value
        tag: str = node.tag
        if tag != "tag:yaml.org,2002:str" and tag != "!":
            raise DisallowedClass(tag)
        if node.style is not None:  # quoted, or a block: the text itself
            return text
        return self.tokenize(text)

    def tokenize(self, text: str) -> Any:
        """Psych's ScalarScanner#tokenize of a plain scalar."""
        if not text:
            return None
        if _WORDY.match(text) or "\n" in text:
            if len(text) > 5 or re.match(r"[^ytonf~]", text, re.IGNORECASE):
                return text
            if text == "~" or text.lower() == "null":
                return None
            if text.lower() in ("yes", "true", "on"):
                return True
            if text.lower() in ("no", "false", "off"):
                return False
            return text
        if _TIME.fullmatch(text):  # the class is asked for first, as in Psych
            self.allow("Time")
            moment = _time(text)
            return text if moment is None else moment
        if _DATE.fullmatch(text):
            self.allow("Date")
            try:
                return datetime.strptime(text, "%Y-%m-%d").date()
            except ValueError:
                return text
        if re.fullmatch(r"\+?\.inf", text, re.IGNORECASE):
            return float("inf")
        if re.fullmatch(r"-\.inf", text, re.IGNORECASE):
            return float("-inf")
        if re.fullmatch(r"\.nan", text, re.IGNORECASE):
            return float("nan")
        if text.startswith(":") and len(text) > 1:
            from .ruby import Symbol

            self.allow("Symbol")
            quoted = re.match(r":([\"'])(.*)\1", text)
            return Symbol(quoted.group(2) if quoted else text[1:])
        if _BASE60.fullmatch(text):  # Psych weighs every part as if of h:m:s
            parts = text.split(":")
            return sum(_ruby_int(part) * 60 ** abs(i - 2) for i, part in enumerate(parts))
        if _BASE60_FLOAT.fullmatch(text):
            parts = text.split(":")
            return sum(_ruby_float(part) * 60 ** abs(i - 2) for i, part in enumerate(parts))
        if _FLOAT.fullmatch(text):
            if re.fullmatch(r"[-+]?\.", text):
                return text
            return float(re.sub(r"[,_]|\.(?=[Ee]|$)", "", text))
        if _INTEGER.fullmatch(text):
            return _integer(re.sub(r"[,_]", "", text))
        return text


def _ruby_int(text: str) -> int:
    """Ruby's String#to_i: the leading digits (and sign), 0 without any."""
    found = re.match(r"\s*[-+]?\d+", text.replace("_", ""))
    return int(found.group()) if found else 0


def _ruby_float(text: str) -> float:
    """Ruby's String#to_f of a base-60 part."""
    found = re.match(r"\s*[-+]?\d*\.?\d*", text.replace("_", ""))
    try:
        return float(found.group()) if found else 0.0
    except ValueError:
        return 0.0


def _integer(text: str) -> int:
    """Ruby's Integer() of a scanned integer: 0b, 0x and a leading 0 (octal)."""
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if digits[:2].lower() == "0b":
        return sign * int(digits[2:], 2)
    if digits[:2].lower() == "0x":
        return sign * int(digits[2:], 16)
    if len(digits) > 1 and digits.startswith("0"):
        return sign * int(digits[1:], 8)
    return sign * int(digits)


def _time(text: str) -> datetime | None:
    """Psych's parse_time: no zone is local time, Z is UTC, else the offset."""
    day, clock = re.split(r"[ tT]", text, maxsplit=1)
    found = re.match(r"(-?\d{4})-(\d{1,2})-(\d{1,2})", day)
    clocked = re.search(r"(\d+):(\d+):(\d+)(?:\.(\d*))?\s*(Z|[-+]\d+(?::\d\d)?)?", clock)
    if found is None or clocked is None:
        return None
    fraction = clocked.group(4) or ""
    micro = int(fraction.ljust(6, "0")[:6]) if fraction else 0
    try:
        moment = datetime(int(found.group(1)), int(found.group(2)), int(found.group(3)),
                          int(clocked.group(1)), int(clocked.group(2)), int(clocked.group(3)),
                          micro, tzinfo=timezone.utc)
    except ValueError:
        return None
    zone = clocked.group(5)
    if zone == "Z":
        return moment
    if zone is None:
        return moment.astimezone()
    hours, _, minutes = zone.partition(":")
    if not minutes and len(hours) > 3:
        hours, minutes = hours[:-2], hours[-2:]
    offset = int(hours) * 3600 + (-1 if int(hours) < 0 or hours.startswith("-") else 1) * \
        int(minutes or 0) * 60
    return (moment - timedelta(seconds=offset)).astimezone(timezone(timedelta(seconds=offset)))


def load(source: object, *, permitted: tuple[str, ...] = (), aliases: bool = False,
         symbolize_names: bool = False, fallback: Any = None,
         filename: str | None = None) -> Any:
    """The first document of *source* (a str or a readable object), made as
    Psych makes it; *permitted* names the classes beyond the plain ones
    (``Date``, ``Time``, ``Symbol``).

    Raises:
        DisallowedClass: a value of a class not permitted.
        BadAlias: an alias, unless *aliases*.
        YAMLSyntaxError: the text is not YAML.
        ImportError: PyYAML is not installed.
    """
    try:
        import yaml
    except ImportError:
        raise ImportError("this script reads YAML, which the port reads with PyYAML: "
                          "pip install pyyaml (or 'net-smtp[port]')") from None
    text = source.read() if hasattr(source, "read") else source
    if not isinstance(text, str):
        raise TypeError(f"no implicit conversion of {type(text).__name__} into String")

    class Composer(yaml.SafeLoader):
        """PyYAML's parser, with no type resolution: Psych's rules decide."""

        yaml_implicit_resolvers: dict[Any, Any] = {}

        def compose_node(self, parent: Any, index: Any) -> Any:
            if not aliases and self.check_event(yaml.AliasEvent):
                event: Any = cast(Any, self).peek_event()
                raise BadAlias(f"Unknown alias: {event.anchor}")
            return super().compose_node(parent, index)

    loader = Composer(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        raise YAMLSyntaxError(f"({filename or '<unknown>'}): {exc.problem or 'invalid YAML'}"
                              f"{' ' + exc.context if exc.context else ''}{where}") from None
    except yaml.YAMLError as exc:
        raise YAMLSyntaxError(f"({filename or '<unknown>'}): {exc}") from None
    finally:
        loader.dispose()
    if node is None:
        return fallback
    return _Reading(permitted, symbolize_names).value(node)


def load_file(path: object, **options: Any) -> Any:
    """``YAML.load_file(path, ...)``: the file read as UTF-8 (a BOM dropped)."""
    with open(path, encoding="utf-8-sig") as stream:  # type: ignore[call-overload]
        return load(stream.read(), filename=str(path), **options)

