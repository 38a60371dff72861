"""Names: Ruby locals, methods, classes and constants, and the Python
names they get (Python keywords and the builtins a translation calls are
renamed consistently, ``from`` -> ``from_``).

A :class:`Scope` is one Ruby scope: the script, a ``def``, a class or
module body. Blocks translated into loops or ``with`` statements share
their method's scope, as Python's do; their parameters are renamed when
they would clobber a local of the same name (a Ruby block parameter
shadows it).
"""

from __future__ import annotations

import builtins
import keyword
from dataclasses import dataclass, field

from .types import T

__all__ = ["RESERVED", "ClassInfo", "MethodInfo", "Scope", "py_method_name", "py_name"]

# Modules and helpers a translation may import or call by name.
RESERVED = frozenset({
    "os", "sys", "re", "io", "time", "datetime", "date", "timezone", "timedelta", "calendar",
    "argparse", "textwrap",
    "secrets", "uuid", "socket", "ssl", "Net", "OpenSSL", "ruby", "json", "math",
    "collections", "functools", "glob", "shutil", "pathlib", "random", "traceback", "base64",
    "last_match", "urllib", "signal", "atexit", "errno", "itertools",
    "self", "cls", "args", "options_", "DATA",
}) | frozenset(name for name in dir(builtins) if not name.startswith("_"))


def py_method_name(name: str) -> str:
    """The Python name of a method of a class: as :func:`py_name`, but a
    builtin's name is kept (an attribute hides no builtin)."""
    base = py_name(name)
    stem = base[:-1] if base.endswith("_") else base
    if base.endswith("_") and not keyword.iskeyword(stem) and not keyword.issoftkeyword(stem) \
            and stem in RESERVED and not name.endswith(("?", "!", "=")):
        return stem
    return base


def py_name(name: str) -> str:
    """The Python spelling of a Ruby identifier: ``started?`` ->
    ``is_started``, ``save!`` -> ``save_bang``, keywords and builtins the
    translation needs get a trailing ``_``."""
    if name.endswith("?"):
        name = "is_" + name[:-1]
    elif name.endswith("!"):
        name = name[:-1] + "_bang"
    elif name.endswith("="):
        name = "set_" + name[:-1]
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in RESERVED:
        return name + "_"
    return name


@dataclass
class MethodInfo:
    """A ``def``: its Python name, parameters and what it returns."""

    name: str
    py: str
    params: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    singleton: bool = False
    takes_block: bool = False
    """It yields, asks ``block_given?`` or names its ``&block``."""
    owner: ClassInfo | None = None
    takes_keywords: bool = False
    block: str = "block"
    """The Python name of the block it is given (``&blk`` -> ``blk``)."""
    required: list[str] = field(default_factory=list)
    """Its keywords without a default (``to:``)."""
    any_keyword: bool = False
    """It takes keywords it does not name (``**opts``)."""


@dataclass
class ClassInfo:
    """A Ruby class or module: its members, for resolving ``name`` inside it
    and ``obj.name`` on its instances."""

    name: str
    py: str
    path: str
    module: bool = False
    outer: ClassInfo | None = None
    superclass: str = ""
    readers: set[str] = field(default_factory=set)
    writers: set[str] = field(default_factory=set)
    class_readers: set[str] = field(default_factory=set)
    class_writers: set[str] = field(default_factory=set)
    methods: dict[str, MethodInfo] = field(default_factory=dict)
    class_methods: dict[str, MethodInfo] = field(default_factory=dict)
    constants: set[str] = field(default_factory=set)
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    struct: list[str] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)
    """The modules ``include``d, as written, the last one first."""
    private: set[str] = field(default_factory=set)
    """Its instance methods after ``private`` (or named by it)."""
    private_class: set[str] = field(default_factory=set)
    """Its class methods that are private (``class << self; private``,
    ``private_class_method``)."""
    initialized: set[str] = field(default_factory=set)
    """The instance variables ``initialize`` always assigns (as its own
    statements, not inside a branch): any other reads nil until set."""


@dataclass
class Var:
    """A local variable: its Python name and the types assigned to it."""

    py: str
    type: T
    param: bool = False


class Scope:
    """A Ruby scope: the locals, and where ``self`` and bare names point."""

    def __init__(self, kind: str, parent: Scope | None = None,
                 cls: ClassInfo | None = None, self_code: str = "",
                 method: MethodInfo | None = None, key: str = "") -> None:
        self.kind = kind
        self.parent = parent
        self.cls = cls
        self.self_code = self_code
        self.method = method
        self.key = key
        self.vars: dict[str, Var] = {}
        self.taken: set[str] = set()
        # locals known not to be nil from a point on: the indentation level
        # of that point, whose end forgets them (see Translator.narrow)
        self.narrowed: dict[str, int] = {}
        self.block_names: list[dict[str, str]] = []
        self.versions: dict[str, str] = {}
        """A local converted into another kind: its new variable from there."""

    def lookup(self, name: str) -> Var | None:
        for renames in reversed(self.block_names):
            if name in renames:
                return self.vars.get(renames[name])
        return self.vars.get(self.versions.get(name, name))

    def fresh(self, base: str) -> str:
        """A Python name not used in this scope, from *base*."""
        used = {v.py for v in self.vars.values()} | self.taken
        name = base
        n = 1
        while name in used or name in RESERVED:
            n += 1
            name = f"{base}{n}" if not base.endswith("_") else f"{base}{n}"
        self.taken.add(name)
        return name
