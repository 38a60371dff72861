"""What the translator knows about a value: a small type lattice.

Ruby and Python agree on most operations only for some kinds of values
(``"#{x}"`` is ``f"{x}"`` for a String, not for ``nil`` or ``true``), so
every translated expression carries a :class:`T`, and rules choose the
plain Python form when the kind is known and a runtime helper (or a
marker) when it is not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["ANY", "BOOL", "FLOAT", "INT", "NEVER", "NIL", "PENDING", "STR", "T", "dict_of",
           "join", "list_of"]

# kinds: str int float bool nil list dict time regex range proc smtp response
# error smtp_error io argv env module class obj any (named "mixed" when known
# to be one of several kinds the script made, "json" when parsed JSON)
NEVER_FALSY = frozenset({"str", "int", "float", "list", "dict", "time", "regex", "range",
                         "proc", "smtp", "response", "error", "smtp_error", "io", "argv",
                         "module", "class", "obj", "ctx", "set", "ostruct", "logger", "match",
                         "date", "days", "status", "digest"})


@dataclass(frozen=True)
class T:
    """A kind (``'str'``, ``'int'``, ``'smtp'``, ``'obj'``...), whether it
    may be ``nil``, the element (list) or value (dict) type, for a string
    whether it ends with a newline (``'yes'``, ``'no'``, ``'?'``), and for
    ``obj``/``class``/``module`` the Ruby class name; for a literal Array
    or Hash, the exact types of its items or entries (``items``,
    ``fields``) and the entries it surely has (``keys``)."""

    kind: str
    nilable: bool = False
    elem: T | None = None
    key: T | None = None
    nl: str = "?"
    name: str = ""
    keys: frozenset[str] | None = None
    symbol: bool = False
    fields: tuple[tuple[str, T], ...] | None = None
    items: tuple[T, ...] | None = None
    site: str = ""
    """For an Array or Hash: where it was made; what is stored into it
    later, through any name, is learned for the site (``site:...``)."""
    bases: tuple[str, ...] = ()
    """For an object of the script: the classes its class inherits from."""

    def field(self, key: str) -> T | None:
        """The type of a Hash literal's entry *key* (a Python literal), if known."""
        for name, t in self.fields or ():
            if name == key:
                return t
        return None

    def nil(self) -> T:
        """The same type, or nil."""
        return replace(self, nilable=True)

    def non_nil(self) -> T:
        """The same type without nil."""
        return replace(self, nilable=False)


    @property
    def always_true(self) -> bool:
        """Ruby-true whatever the value (never nil or false)."""
        return self.kind in NEVER_FALSY and not self.nilable

    def is_(self, *kinds: str) -> bool:
        """Of one of *kinds* and never nil."""
        return self.kind in kinds and not self.nilable


NEVER = T("never")
"""The value of what does not come back (``exit``, ``abort``, ``raise``):
nothing a join must make room for."""
ANY = T("any")
PENDING = T("any", name="not known yet")
"""What an earlier pass does not know yet: joins to whatever is learned."""
NIL = T("nil")
STR = T("str")
INT = T("int")
FLOAT = T("float")
BOOL = T("bool")


def list_of(elem: T) -> T:
    return T("list", elem=elem)


def dict_of(key: T, value: T, keys: frozenset[str] | None = None) -> T:
    return T("dict", key=key, elem=value, keys=keys)


def _join_opt(a: T | None, b: T | None) -> T | None:
    if a is None:
        return b
    if b is None:
        return a
    return join(a, b)


def _mixed(a: T, b: T) -> str:
    """``'mixed'`` for a value of either type when neither is wholly
    unknown (it is then of a kind the script made, or parsed JSON)."""
    known = all(t.kind != "any" or t.name in ("mixed", "json") for t in (a, b))
    return "mixed" if known else ""


def _real_symbols(a: T, b: T) -> str:
    """``'symbol'`` when a value of either type that is a Symbol is a
    ``ruby.Symbol`` (its type named so, see the Symbol literal rule) and
    one of them may be a Symbol; else ``''``."""
    if (a.symbol or b.symbol) and all(not t.symbol or t.name == "symbol" for t in (a, b)):
        return "symbol"
    return ""


def join(a: T, b: T) -> T:
    """The type of a value that is either *a* or *b*."""
    if a == b or b is PENDING or b.kind == "never":
        return a
    if a is PENDING or a.kind == "never":
        return b
    if a.kind == "nil":
        return b.nil()
    if b.kind == "nil":
        return a.nil()
    nilable = a.nilable or b.nilable
    if a.symbol != b.symbol:
        # a String or a Symbol: ``p`` and ``inspect`` cannot tell which,
        # unless the Symbol is a ruby.Symbol
        return T("any", nilable=nilable, symbol=True, name=_real_symbols(a, b))
    if a.kind != b.kind:
        if {a.kind, b.kind} == {"list", "argv"}:
            # ARGV is a list of its own in the translation: a list either way
            return join(replace(a, kind="list"), replace(b, kind="list"))
        if {a.kind, b.kind} <= {"int", "float", "num"}:
            return T("num", nilable=nilable)
        if {a.kind, b.kind} <= {"error", "smtp_error"}:
            return T("error", nilable=nilable)
        return T("any", nilable=nilable, symbol=a.symbol or b.symbol,
                 name=_real_symbols(a, b) or _mixed(a, b))
    if a.kind in ("obj", "class", "module") and a.name != b.name:
        chain = (a.name,) + a.bases
        common = next((i for i, name in enumerate(chain) if name == b.name or name in b.bases),
                      None)
        if a.kind == "obj" and common is not None:  # objects of one family
            return T("obj", nilable=nilable, name=chain[common], bases=chain[common + 1:])
        if a.kind == "class":  # some class: what every class answers (name)
            return T("class", nilable=nilable)
        return T("any", nilable=nilable, name="mixed")
    if a.kind == "any" and a.name != b.name:
        return T("any", nilable=nilable, symbol=a.symbol or b.symbol,
                 name=_real_symbols(a, b) or _mixed(a, b))
    if a.kind == "time" and a.name != b.name:  # a Time or a DateTime: they count otherwise
        return T("any", nilable=nilable, name="mixed")
    keys = a.keys & b.keys if a.keys is not None and b.keys is not None else None
    fields = None
    if a.fields is not None or b.fields is not None:
        merged: dict[str, T] = dict(a.fields or ())
        for k, t in b.fields or ():
            merged[k] = join(merged[k], t) if k in merged else t
        fields = tuple(sorted(merged.items(), key=lambda kv: kv[0]))
    items = None
    if a.items is not None and b.items is not None and len(a.items) == len(b.items):
        items = tuple(join(x, y) for x, y in zip(a.items, b.items))
    return T(a.kind, nilable, _join_opt(a.elem, b.elem), _join_opt(a.key, b.key),
             a.nl if a.nl == b.nl else "?", a.name if a.name == b.name or a.kind != "str" else "",
             keys, a.symbol and b.symbol, fields, items,
             a.site if a.site == b.site else "", a.bases)
