"""Ruby 3's pattern matching (``case value in pattern ... end``) as an
``if``/``elif`` chain: each pattern becomes one test, its names bound with
``:=`` as the test runs (so a guard reads them), and a value that no
pattern matches raises Ruby's NoMatchingPatternError where there is no
``else``.

Patterns: values and classes (``===``, as ``when`` tests them), ranges and
regexps, a name (binds anything), ``pattern => name``, ``a | b``, Hash
patterns (``{severity: 'warning', host:}``: a Hash, or a Struct's members,
holding those keys) and Array patterns (``[a, *rest]``: an Array, or a
Struct's members, of that length); ``if``/``unless`` guards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import P_ATOM, P_CALL, Expr, Tail
from ..syntax import Node
from ..types import T, join, list_of
from . import calls, constants, statements

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["case_match"]

# Classes whose instances a bare class pattern (``Integer => n``) tells the
# type of.
_CLASS_TYPES = {"String": T("str"), "Integer": T("int"), "Float": T("float"),
                "Numeric": T("num"), "NilClass": T("nil")}


def case_match(tr: Translator, node: Node, tail: Tail) -> None:
    """``case value in pattern [if guard] ... [else ...] end``."""
    value = tr.expr(node.child_by_field_name("value"))
    subject = value
    if not (value.prec == P_ATOM and value.code.isidentifier()):
        name = tr.temp("value")
        tr.emit(f"{name} = {value.code}")
        subject = Expr(name, value.type, P_ATOM)
    first = True
    fallback: Node | None = None
    for clause in node.named_children:
        if clause.type == "else":
            fallback = clause
        if clause.type != "in_clause":
            continue
        test = _test(tr, clause.child_by_field_name("pattern"), subject)
        guard = clause.child_by_field_name("guard")
        if guard is not None:
            condition = tr.cond(guard.child_by_field_name("condition"))
            test = f"{test} and {'not ' if guard.type == 'unless_guard' else ''}({condition})"
        tr.emit(f"{'if' if first else 'elif'} {test}:", tr.line_of(clause))
        first = False
        statements.branch(tr, clause.child_by_field_name("body"), tail)
    if fallback is not None:
        tr.emit("else:", tr.line_of(fallback))
        statements.branch(tr, fallback, tail)
    else:
        tr.emit("else:")
        with tr.indented():
            tr.emit(f"raise {tr.runtime('NoMatchingPatternError')}({subject.code})")


def _test(tr: Translator, pattern: Node, subject: Expr) -> str:
    """The Python condition for *pattern* matching *subject*, binding its
    names as it goes."""
    kind = pattern.type
    if kind == "identifier":
        return _bind(tr, tr.text(pattern), subject)
    if kind == "as_pattern":
        inner = _test(tr, pattern.child_by_field_name("value"), subject)
        bound = _narrowed(tr, pattern.child_by_field_name("value"), subject)
        return f"{inner} and {_bind(tr, tr.text(pattern.child_by_field_name('name')), bound)}"
    if kind == "alternative_pattern":
        parts = [_test(tr, p, subject) for p in pattern.children_by_field_name("alternatives")]
        return "(" + " or ".join(parts) + ")"
    if kind == "hash_pattern":
        return _hash_test(tr, pattern, subject)
    if kind == "array_pattern":
        return _array_test(tr, pattern, subject)
    if kind in ("nil", "true", "false"):
        return f"{subject.code} is {dict(nil='None', true='True', false='False')[kind]}"
    if kind == "constant" and tr.text(pattern) in ("String", "Symbol") and \
            subject.type.name == "json:symbols":
        # a value inside parsed JSON is never a Symbol (only its keys are)
        return f"isinstance({subject.code}, str)" if tr.text(pattern) == "String" else "False"
    if kind in ("string", "integer", "float", "simple_symbol", "range", "regex", "constant",
                "scope_resolution", "negative") and not (
                    kind == "string" and any(c.type == "interpolation"
                                             for c in pattern.named_children)):
        return "(" + statements.when_test(tr, subject, pattern) + ")"
    raise tr.fail(pattern, f"a {kind.replace('_', ' ')} in a pattern")


def _bind(tr: Translator, name: str, value: Expr) -> str:
    """``name`` bound to *value* inside a condition (always true)."""
    if name == "_":
        return "True"
    var = tr.declare(name, value.type)
    return f"(({var.py} := {value.code}) or True)"


def _narrowed(tr: Translator, pattern: Node, subject: Expr) -> Expr:
    """*subject* as known after *pattern* matched it (``String => s``: a
    String)."""
    if pattern.type == "constant" and tr.text(pattern) in _CLASS_TYPES:
        return Expr(subject.code, _CLASS_TYPES[tr.text(pattern)], subject.prec)
    if pattern.type == "alternative_pattern":
        kinds = [_narrowed(tr, p, subject).type
                 for p in pattern.children_by_field_name("alternatives")]
        t = kinds[0]
        for other in kinds[1:]:
            t = join(t, other)
        return Expr(subject.code, t, subject.prec)
    return subject


def _part(tr: Translator, subject: Expr) -> T:
    """The type of a part of *subject* (parsed JSON: JSON too)."""
    return T("any", name=subject.type.name) if subject.type.name.startswith("json") else \
        tr.unknown


def _of_class(tr: Translator, pattern: Node, subject: Expr) -> list[str]:
    """``Point[x, y]`` / ``Point(x:)``: the test that *subject* is a Point."""
    cls = pattern.child_by_field_name("class")
    if cls is None:
        return []
    test = constants.class_test(tr, tr.text(cls), subject)
    if test is None:
        raise tr.fail(cls, "a pattern of a class the translator cannot tell apart")
    return [test]


def _parts(pattern: Node) -> list[Node]:
    """The parts of a Hash or Array pattern, without its class."""
    cls = pattern.child_by_field_name("class")
    return [p for p in pattern.named_children if cls is None or p != cls]


def _hash_test(tr: Translator, pattern: Node, subject: Expr) -> str:
    """``{key: pattern, key:}``: a Hash (or a Struct's members) holding
    each key, each value matching; other keys may be there too."""
    entries = tr.temp("entries")
    tests = _of_class(tr, pattern, subject) + [
        f"({entries} := {tr.runtime('deconstruct_keys')}({subject.code})) is not None"]
    for item in _parts(pattern):
        if item.type != "keyword_pattern":
            raise tr.fail(item, "a Hash pattern with **rest or a computed key")
        key = calls.keyword_of(tr, item.child_by_field_name("key"))
        if key is None:
            raise tr.fail(item, "a Hash pattern key that is not a Symbol")
        field = subject.type.field(tr.string(key)) if subject.type.is_("dict") else None
        held = Expr(f"{entries}[{tr.string(key)}]", field or _part(tr, subject), P_CALL)
        tests.append(f"{tr.string(key)} in {entries}")
        inner = item.child_by_field_name("value")
        tests.append(_bind(tr, key, held) if inner is None else _test(tr, inner, held))
    return "(" + " and ".join(tests) + ")"


def _array_test(tr: Translator, pattern: Node, subject: Expr) -> str:
    """``[a, b, *rest]``: an Array (or a Struct's members) of that many
    items (at least, with a splat), each matching."""
    items = tr.temp("items")
    parts = _parts(pattern)
    splats = [i for i, p in enumerate(parts) if p.type == "splat_parameter"]
    if len(splats) > 1:
        raise tr.fail(pattern, "an Array pattern with several splats")
    size = len(parts) - len(splats)
    elem = subject.type.elem if subject.type.is_("list") and subject.type.elem is not None \
        else _part(tr, subject)
    count = f">= {size}" if splats else f"== {size}"
    tests = _of_class(tr, pattern, subject) + [
        f"({items} := {tr.runtime('deconstruct')}({subject.code})) is not None",
        f"len({items}) {count}"]
    after = len(parts) - splats[0] - 1 if splats else 0
    for index, part in enumerate(parts):
        if part.type == "splat_parameter":
            name = part.child_by_field_name("name")
            if name is not None:
                rest = f"{items}[{index}:len({items}) - {after}]" if after else f"{items}[{index}:]"
                tests.append(_bind(tr, tr.text(name), Expr(rest, list_of(elem), P_CALL)))
            continue
        position = index if not splats or index < splats[0] else index - len(parts)
        tests.append(_test(tr, part, Expr(f"{items}[{position}]", elem, P_CALL)))
    return "(" + " and ".join(tests) + ")"

