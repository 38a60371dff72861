"""Constants: ``Net::X`` -> ``Net.X``, ``OpenSSL::SSL::X``, the script's
own constants (at the top, or inside its classes and modules), and Ruby
constants with Python twins (``ARGV``, ``ENV``, ``STDOUT``...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import P_ATOM, P_CALL, Expr
from ..scope import ClassInfo
from ..syntax import Node
from ..types import T
from . import io, openssl, statements, stdlib, strings

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["NET_ERRORS", "assign_constant", "class_test", "constant", "constant_path", "user_class"]

# What Net::X is, for the types of values made from it.
NET_TYPES = {"SMTP": T("class", name="Net::SMTP")}


def constant_path(tr: Translator, node: Node) -> str | None:
    """``'Net::SMTP'`` for a constant or ``A::B`` node, else None."""
    if node.type == "constant":
        return tr.text(node)
    if node.type == "scope_resolution":
        scope = node.child_by_field_name("scope")
        name = tr.text(node.child_by_field_name("name"))
        if scope is None:
            return name
        inner = constant_path(tr, scope)
        return None if inner is None else f"{inner}::{name}"
    return None


def _lexical_class(tr: Translator) -> ClassInfo | None:
    return tr.scope.cls if tr.scope.cls is not None else (
        tr.scope.parent.cls if tr.scope.parent is not None else None)


def user_class(tr: Translator, path: str, node: Node | None = None) -> str | None:
    """The Python expression for the script's class or module *path*,
    resolved from where the translation is (Ruby's lexical lookup)."""
    info = find_class(tr, path)
    if info is None:
        return None
    return reachable_path(tr, info, node)


def reachable_path(tr: Translator, info: ClassInfo, node: Node | None) -> str:
    """The Python expression for *info* from where the translation is. In a
    class body Python sees only that body's names and the module's, so a
    class nested in the class being defined is named from there, and one
    nested in an outer class still being defined cannot be named.

    Raises:
        Unsupported: *info* cannot be named from here (where *node* is
            given: without one, the reference is in a method, run later).
    """
    if tr.scope.kind != "class" or tr.scope.cls is None or node is None:
        return py_path(info)
    body = tr.scope.cls
    chain: list[ClassInfo] = []
    current: ClassInfo | None = info
    while current is not None:
        chain.append(current)
        if current.outer is body:
            return ".".join(c.py for c in reversed(chain))
        current = current.outer
    if chain[-1] is body or any(c is chain[-1] for c in _open(body)):
        raise tr.fail(node, f"{info.path} named in the body of {body.path}, which Python is "
                          "still defining")
    return py_path(info)


def _open(body: ClassInfo) -> list[ClassInfo]:
    """*body* and the classes around it (all still being defined)."""
    found = []
    current: ClassInfo | None = body
    while current is not None:
        found.append(current)
        current = current.outer
    return found


def py_path(info: ClassInfo) -> str:
    parts = []
    current: ClassInfo | None = info
    while current is not None:
        parts.append(current.py)
        current = current.outer
    return ".".join(reversed(parts))


def find_class(tr: Translator, path: str, scope: ClassInfo | None = None) -> ClassInfo | None:
    """The script's class or module *path* (``A::B``) names, resolved as
    Ruby resolves a constant: in *scope* (default: the class being
    translated) and each enclosing one outward, then at the top level."""
    first, _, rest = path.partition("::")
    owner = _lexical_class(tr) if scope is None else scope
    while owner is not None:
        if owner.name == first and not rest:
            return owner
        if first in owner.classes:
            found: ClassInfo | None = owner.classes[first]
            for part in rest.split("::") if rest else []:
                found = found.classes.get(part) if found is not None else None
            return found
        owner = owner.outer
    return tr.classes.get(path)


def constant(tr: Translator, node: Node) -> Expr:
    """A constant used as a value."""
    path = constant_path(tr, node)
    if path is None:
        scope = node.child_by_field_name("scope") if node.type == "scope_resolution" else None
        name = node.child_by_field_name("name")
        if scope is not None and name is not None and tr.text(scope) == "self.class":
            # self.class::NAME: the object's own class's, as Python's lookup finds it
            obj = tr.expr(scope.child_by_field_name("receiver"))
            info = tr.classes.get(obj.type.name) if obj.type.kind == "obj" else None
            known = constant_named(tr, node, f"{info.path}::{tr.text(name)}").type \
                if info is not None and tr.text(name) in info.constants else tr.unknown
            return Expr(f"type({obj.code}).{tr.text(name)}", known, P_CALL)
        raise tr.fail(node, "a constant on an expression")
    return constant_named(tr, node, path)


def constant_named(tr: Translator, node: Node, path: str) -> Expr:
    if path.startswith("::"):
        path = path[2:]
    special = io.special_constant(tr, node, path)
    if special is not None:
        return special
    if path.startswith("Net::"):
        tr.need("net_smtp:Net")
        name = path[5:].replace("::", ".")
        if name in ("SMTP", "SMTPSession"):
            return Expr(f"Net.{name}", T("class", name="Net::SMTP"))
        return Expr(f"Net.{name}", T("class", name=path))
    if path == "Net":
        tr.need("net_smtp:Net")
        return Expr("Net", T("module", name="Net"))
    if path.startswith("OpenSSL"):
        return openssl.constant(tr, node, path)
    if path in statements.EXCEPTIONS or path.startswith("Errno::") and \
            statements.is_errno(path[7:]):
        return Expr(statements.exception_class(tr, node), T("class", name=path))
    # the script's own: a class or module, or a constant inside one
    info = find_class(tr, path)
    if info is not None:
        return Expr(reachable_path(tr, info, node), T("class", name=info.path))
    owner_path, _, name = path.rpartition("::")
    owner = find_class(tr, owner_path) if owner_path else None
    if owner is not None and name in owner.constants:
        t = tr.known(f"const:{owner.path}::{name}") or tr.unknown
        if tr.scope.kind == "class" and tr.scope.cls is owner:
            return Expr(name, t, P_ATOM)
        return Expr(f"{reachable_path(tr, owner, node)}.{name}", t)
    if not owner_path:
        current = _lexical_class(tr)
        while current is not None:
            if name in current.constants:
                t = tr.known(f"const:{current.path}::{name}") or tr.unknown
                if tr.scope.kind == "class" and tr.scope.cls is current:
                    return Expr(name, t, P_ATOM)
                return Expr(f"{reachable_path(tr, current, node)}.{name}", t)
            current = current.outer
        top = tr.known(f"const::{name}")
        if top is not None or name in tr.top_constants:
            return Expr(name, top or tr.unknown, P_ATOM)
    library = stdlib.constant(tr, path)
    if library is not None:
        return library
    raise tr.fail(node, f"unknown constant {path}")


def holds_a_value(tr: Translator, path: str) -> bool:
    """Whether *path* is a constant the script assigns (``PORT = ENV[...] ||
    25``), whose value's methods are its class's, not a library constant."""
    owner_path, _, name = path.lstrip(":").rpartition("::")
    if not owner_path:
        return name in tr.top_constants
    owner = find_class(tr, owner_path)
    return owner is not None and name in owner.constants


def assign_constant(tr: Translator, node: Node, t: T) -> str:
    """The Python target for ``NAME = value``."""
    name = tr.text(node)
    owner = tr.scope.cls if tr.scope.kind == "class" else None
    if tr.scope.kind == "def":
        raise tr.fail(node, "a constant assigned inside a method")
    if owner is not None:
        tr.learn(f"const:{owner.path}::{name}", t)
    else:
        tr.top_constants.add(name)
        tr.learn(f"const::{name}", t)
    return name


def class_test(tr: Translator, path: str, subject: Expr, exact: bool = False) -> str | None:
    """Python for ``subject.is_a?(path)`` / ``when path`` (with *exact*:
    ``instance_of?``); None where Python cannot tell what Ruby tells: a
    Symbol from a String (the translation writes both as ``str``, but the
    ``ruby.Symbol`` of parsed JSON)."""
    s = subject.code if subject.prec >= P_CALL else f"({subject.code})"
    if path in ("String", "Symbol"):
        if strings.has_symbols(subject.type) or subject.type.name == "json:symbols":
            return None
        if path == "Symbol":
            return f"isinstance({s}, {tr.runtime('Symbol')})"
        if subject.type.name == "symbol":  # Symbols are ruby.Symbol, a str too
            return f"isinstance({s}, str) and not isinstance({s}, {tr.runtime('Symbol')})"
        return f"isinstance({s}, str)"
    exact_types = {"Integer": f"type({s}) is int", "Numeric": f"type({s}) in (int, float)",
                   # Ruby 3.1 keeps Fixnum and Bignum as Integer (with a warning)
                   "Fixnum": f"type({s}) is int", "Bignum": f"type({s}) is int",
                   "Float": f"type({s}) is float", "NilClass": f"{s} is None",
                   "TrueClass": f"{s} is True", "FalseClass": f"{s} is False"}
    if path in exact_types:  # (true and false are ints in Python)
        return exact_types[path]
    builtin = {"Array": "list", "Hash": "dict"}
    cls = builtin.get(path)
    if cls is None and (path in statements.EXCEPTIONS or path.startswith("Net::")):
        cls = None if path.startswith("Net::SMTP::") else (
            statements.EXCEPTIONS.get(path) or ("Net." + path[5:]))
    elif cls is None:
        cls = user_class(tr, path)
    if cls is None:
        return None
    if exact:
        if path in statements.EXCEPTIONS and cls in statements.EXCEPTIONS.values() and \
                list(statements.EXCEPTIONS.values()).count(cls) > 1:
            return None  # several Ruby classes share this Python one
        return f"type({s}) is {cls}"
    return f"isinstance({s}, {cls})"


def class_for_base(tr: Translator, node: Node, path: str) -> str:
    """The Python base class for ``class X < path``."""
    bases = {"StandardError": "Exception", "Exception": "Exception", "Object": "object"}
    if path in bases:
        return bases[path]
    if path in statements.EXCEPTIONS:
        return statements.exception_class(tr, node.child_by_field_name("superclass"))
    user = user_class(tr, path, node)
    if user is not None:
        return user
    if path.startswith("Net::") and path[5:] in NET_ERRORS:
        tr.need("net_smtp:Net")
        return "Net." + path[5:]
    if path in ("Net::SMTP", "::Net::SMTP"):  # its methods are the library's
        tr.need("net_smtp:Net")
        return "Net.SMTP"
    raise tr.fail(node, f"a class deriving from {path}")


NET_ERRORS = frozenset({"ProtocolError", "SMTPError", "SMTPAuthenticationError", "SMTPServerBusy",
                         "SMTPSyntaxError", "SMTPFatalError", "SMTPUnknownError",
                         "SMTPUnsupportedCommand"})
