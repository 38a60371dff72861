"""The first look at a script: every class, module, ``def``, ``attr_*``
and constant, so that a bare ``name`` can be told apart as a local, a
method call or an attribute before its definition is reached."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .scope import ClassInfo, MethodInfo, py_method_name, py_name
from .syntax import Node, heredoc_bodies

if TYPE_CHECKING:
    from .engine import Translator

__all__ = ["collect", "method_info", "symbol_names"]


def symbol_names(tr: Translator, args: Node | None) -> list[str]:
    """The names of ``:a, :b`` (or ``'a'``) arguments."""
    names: list[str] = []
    if args is None:
        return names
    for arg in args.named_children:
        if arg.type == "simple_symbol":
            names.append(tr.text(arg)[1:])
        elif arg.type in ("string", "delimited_symbol"):
            names.append("".join(tr.text(c) for c in arg.named_children))
        elif arg.type == "splat_argument":  # *COLUMNS: a constant's %i[...] or [:a, ...]
            listed = _constant_symbols(tr, arg.named_children[0] if arg.named_children else None)
            if listed is None:
                return []
            names += listed
    return names


def _constant_symbols(tr: Translator, node: Node | None) -> list[str] | None:
    """The Symbols of a constant assigned once, at the top of the script, a
    literal ``%i[...]`` or ``[:a, :b]`` (``.freeze`` allowed); None when it
    is anything else."""
    if node is None or node.type != "constant":
        return None
    name = tr.text(node)
    found = [s for s in tr.root.named_children if s.type == "assignment"
             and tr.text(s.child_by_field_name("left")) == name]
    if len(found) != 1:
        return None
    value = found[0].child_by_field_name("right")
    if value.type == "call" and tr.text(value.child_by_field_name("method")) == "freeze":
        value = value.child_by_field_name("receiver")
    if value.type == "symbol_array":
        return [tr.text(c) for c in value.named_children]
    if value.type == "array" and value.named_children and all(
            c.type == "simple_symbol" for c in value.named_children):
        return [tr.text(c)[1:] for c in value.named_children]
    return None


def _params(tr: Translator, node: Node | None) -> tuple[list[str], list[str]]:
    positional: list[str] = []
    keywords: list[str] = []
    if node is None:
        return positional, keywords
    for p in node.named_children:
        name_node = p.child_by_field_name("name") if p.type != "identifier" else p
        name = tr.text(name_node) if name_node is not None else ""
        if p.type == "keyword_parameter":
            keywords.append(name)
        elif p.type in ("identifier", "optional_parameter"):
            positional.append(name)
    return positional, keywords


def _takes_block(node: Node) -> bool:
    """Whether the method yields (or asks ``block_given?``)."""
    if node.type == "yield" or (node.type == "identifier" and node.text == b"block_given?"):
        return True
    if node.type in ("method", "singleton_method", "class", "module"):
        return False
    return any(_takes_block(c) for c in node.named_children)


def method_info(tr: Translator, node: Node, owner: ClassInfo | None,
                singleton: bool) -> MethodInfo:
    name = tr.text(node.child_by_field_name("name"))
    positional, keywords = _params(tr, node.child_by_field_name("parameters"))
    body = node.child_by_field_name("body")
    py = {"initialize": "__init__", "to_s": "__str__", "inspect": "__repr__",
          "==": "__eq__", "<=>": "cmp", "each": "__iter__", "[]": "__getitem__",
          "[]=": "__setitem__", "<<": "__lshift__"}.get(name) if owner else None
    params = node.child_by_field_name("parameters")
    double_splat = params is not None and any(p.type == "hash_splat_parameter"
                                              for p in params.named_children)
    block = next((p.child_by_field_name("name") for p in params.named_children
                  if p.type == "block_parameter"), None) if params is not None else None
    required = [tr.text(p.child_by_field_name("name")) for p in params.named_children
                if p.type == "keyword_parameter" and p.child_by_field_name("value") is None] \
        if params is not None else []
    return MethodInfo(name, py or (py_method_name(name) if owner else py_name(name)),
                      positional, keywords, singleton,
                      block is not None or (body is not None and _takes_block(body)), owner,
                      bool(keywords) or double_splat,
                      py_name(tr.text(block)) if block is not None else "block",
                      required, double_splat)


def struct_fields(tr: Translator, node: Node | None) -> list[str]:
    """The member names of ``Struct.new(:a, :b)`` (empty for anything else)."""
    if node is None or node.type != "call":
        return []
    receiver = node.child_by_field_name("receiver")
    method = node.child_by_field_name("method")
    if receiver is None or method is None or tr.text(receiver) != "Struct" or \
            tr.text(method) != "new":
        return []
    return symbol_names(tr, node.child_by_field_name("arguments"))


def _included(tr: Translator, node: Node) -> str:
    """``include Name`` in a class or module body: Name (else '')."""
    if node.type != "call" or node.child_by_field_name("receiver") is not None or \
            tr.text(node.child_by_field_name("method")) != "include":
        return ""
    args = node.child_by_field_name("arguments")
    names = args.named_children if args is not None else []
    if len(names) != 1 or names[0].type not in ("constant", "scope_resolution"):
        return ""
    return tr.text(names[0])


def makes_static(tr: Translator, node: Node) -> bool:
    """``module_function`` or ``extend self`` alone on a line: the defs after
    it are called on the module."""
    text = tr.text(node).strip()
    return text in ("module_function", "extend self")


# Calls whose value is a new String (Ruby's non-bang String methods, and
# what builds one): a local assigned only such values holds its own String.
_NEW_STRING_CALLS = frozenset({
    "dup", "clone", "+@", "new", "join", "strip", "lstrip", "rstrip", "chomp", "chop",
    "upcase", "downcase", "capitalize", "swapcase", "gsub", "sub", "tr", "delete",
    "squeeze", "center", "ljust", "rjust", "reverse", "format", "sprintf", "succ",
    "encode", "unpack1", "inspect", "read", "gets", "strftime", "rfc2822", "iso8601",
})


class Sharing:
    """Where locals' Strings start to be shared (see :func:`shared_strings`)
    and where a new String is assigned to them."""

    def __init__(self) -> None:
        self.shared: dict[str, list[Node]] = {}
        self.renewed: dict[str, list[Node]] = {}


def shared_strings(tr: Translator, root: Node) -> Sharing:
    """Where each local's String starts to be held by something else too,
    so that a ``<<`` from there on may not be a ``+=``: a parameter (the
    method or block), an assignment from anything but a new String, an
    assignment to another name, a value put in an Array or Hash or handed
    to a call that keeps it; or a frozen String (a plain literal under
    ``# frozen_string_literal: true``)."""
    frozen = any(b"frozen_string_literal: true" in line for line in root.text.split(b"\n")[:3])
    sharing = Sharing()
    shared, renewed = sharing.shared, sharing.renewed

    def share(name: Node, at: Node) -> None:
        shared.setdefault(tr.text(name), []).append(at)

    def fresh(value: Node) -> bool:
        kind = value.type
        if kind in ("string", "heredoc_beginning", "chained_string"):
            # (a heredoc's interpolations are in its body, elsewhere: under the
            # magic comment it counts as frozen)
            interpolated = any(c.type == "interpolation" for c in value.named_children)
            return interpolated or not frozen
        if kind == "unary" and tr.text(value).startswith("+"):
            return True
        if kind == "binary":
            return tr.text(value.child_by_field_name("operator")) in ("+", "*", "%")
        if kind == "call":
            method = value.child_by_field_name("method")
            return method is not None and tr.text(method) in _NEW_STRING_CALLS
        return kind in ("integer", "float", "true", "false", "nil", "array", "hash",
                        "simple_symbol")

    def walk(node: Node) -> None:
        kind = node.type
        if kind in ("method_parameters", "block_parameters", "lambda_parameters") and \
                not _own_items(tr, node):
            for param in node.named_children:
                name = param if param.type == "identifier" else param.child_by_field_name("name")
                if name is not None:
                    share(name, node.parent or node)
        elif kind in ("assignment", "operator_assignment"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and left.type == "identifier" and right is not None and \
                    not fresh(right):
                share(left, node)
            elif left is not None and left.type == "identifier" and kind == "assignment":
                renewed.setdefault(tr.text(left), []).append(node)
            if right is not None and right.type == "identifier":
                share(right, node)
        elif kind == "binary" and tr.text(node.child_by_field_name("operator")) == "<<":
            right = node.child_by_field_name("right")
            if right is not None and right.type == "identifier":  # list << s keeps s
                share(right, node)
        elif kind in ("array", "pair", "argument_list") and node.parent is not None:
            for child in node.named_children:  # put in a collection (or handed over)
                if child.type == "identifier" and (kind != "argument_list" or _stores(tr, node)):
                    share(child, node)
        for child in node.named_children:
            walk(child)

    walk(root)
    return sharing


_REPEATED = ("while", "until", "for", "do_block", "block", "method", "singleton_method",
             "lambda")

# Iterations whose items are new Strings each time (lines read or cut out)
# and calls that return a new Array nothing else holds: a block over them
# gets Strings only its parameters hold.
_NEW_ITEMS = frozenset({"each_line", "readlines", "lines", "split", "scan", "map", "select",
                        "reject", "sort", "sort_by", "uniq", "compact", "grep", "chars",
                        "foreach"})
_ITERATIONS = frozenset({"each", "each_with_index", "map", "select", "reject", "each_line",
                         "foreach"})


def _own_items(tr: Translator, params: Node) -> bool:
    """*params* are a block's over items only the block receives:
    ``f.each_line { |line| }``, ``File.readlines(p).each { |l| }``."""
    block = params.parent
    call = block.parent if block is not None else None
    if call is None or call.type != "call" or block is None or \
            block.type not in ("block", "do_block"):
        return False
    method = call.child_by_field_name("method")
    receiver = call.child_by_field_name("receiver")
    name = tr.text(method) if method is not None else ""
    if name in ("each_line", "foreach"):
        return True
    return name in _ITERATIONS and receiver is not None and receiver.type == "call" and \
        tr.text(receiver.child_by_field_name("method")) in _NEW_ITEMS


def is_shared_at(sharing: Sharing, name: str, use: Node) -> bool:
    """Whether the String in local *name* may be held by something else
    where *use* changes it: after a place that shares it, or in a loop,
    block or method that also shares it (run again, the change comes after)
    unless that body first assigns the local a new String."""
    renewals = sharing.renewed.get(name, [])
    scope = _scope_of(use)
    for at in sharing.shared.get(name, []):
        if _scope_of(at) != scope:  # another method's local of that name
            continue
        if at.type in ("block", "do_block") and not (
                at.start_byte <= use.start_byte and use.end_byte <= at.end_byte):
            continue  # another block's parameter of that name
        if at.start_byte <= use.start_byte:
            return True
        node: Node | None = use.parent
        while node is not None:
            if node.type in _REPEATED and node.start_byte <= at.start_byte and \
                    at.end_byte <= node.end_byte:
                body = node.child_by_field_name("body")
                condition = node.child_by_field_name("condition")
                # a new String first in each pass: in the body, or in the
                # loop's own condition (while line = gets)
                renewed = body is not None and any(
                    (r.parent == body or condition is not None and r == condition) and
                    r.end_byte <= use.start_byte for r in renewals)
                if not renewed:
                    return True
            node = node.parent
    return False


_SCOPE_GATES = ("method", "singleton_method", "class", "module", "singleton_class")


# Methods that turn a value into one of another kind: ``x = x.to_i`` makes
# x a new variable from there on (see :func:`retyped_assignments`).
_CONVERSIONS = frozenset({"to_i", "to_f", "to_s", "to_sym", "to_a", "to_h", "split", "lines",
                          "chars", "bytes", "size", "length", "count", "keys", "values",
                          "Integer", "Float", "Array", "String", "parse"})
_LOOPS = ("while", "until", "for", "block", "do_block")


def retyped_assignments(tr: Translator, root: Node) -> frozenset[int]:
    """Where a local is converted into a value of another kind and kept
    under its name (``pct = pct.delete('%').to_i``): the start of each such
    assignment. The translation gives the local a new Python name from
    there, so that each name keeps one kind. Only where that changes
    nothing: the old value is read nowhere after it (but in the same list
    of statements, which also holds every later use), nothing assigns the
    name again, and inside a loop the old name is set anew before it on
    each pass."""
    found: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type != "assignment":
            continue
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left.type != "identifier" or not _converts(tr, right, tr.text(left)):
            continue
        if _keeps_one_kind(tr, node, tr.text(left)):
            found.add(node.start_byte)
    return frozenset(found)


def _converts(tr: Translator, value: Node, name: str) -> bool:
    """Whether *value* is a conversion of the local *name*: a chain of calls
    on it ending in a conversion (``name.delete('%').to_i``), or
    ``Integer(name)`` and its fellows."""
    if value.type != "call":
        return False
    method = value.child_by_field_name("method")
    if method is None or tr.text(method) not in _CONVERSIONS:
        return False
    receiver = value.child_by_field_name("receiver")
    if receiver is None:
        args = value.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        return first is not None and first.type == "identifier" and tr.text(first) == name
    while receiver is not None and receiver.type == "call":
        receiver = receiver.child_by_field_name("receiver")
    return receiver is not None and receiver.type == "identifier" and tr.text(receiver) == name


def _keeps_one_kind(tr: Translator, assignment: Node, name: str) -> bool:
    body = assignment.parent
    scope = assignment
    while scope.parent is not None and scope.type not in _SCOPE_GATES:
        scope = scope.parent
    if body is None or body.type not in ("body_statement", "block_body", "program", "then",
                                         "else", "do"):
        return False
    # a local first set inside a block is that block's own (Ruby 1.9 on)
    block = _enclosing(assignment, scope, ("block", "do_block"))
    if block is not None and not any(other.end_byte <= block.start_byte
                                     for other in _named(scope, name)):
        scope = block
    uses = [use for use in _named(scope, name) if not _shadowed(use, name, assignment)]
    in_body = [body.start_byte <= use.start_byte < body.end_byte for use in uses]
    for use, inside in zip(uses, in_body):
        after = use.start_byte >= assignment.end_byte
        if after and (not inside or _assigns(use)):
            return False  # read after the list of statements, or assigned again
        if _enclosing(use, scope, ("lambda",)) is not None:
            return False  # a closure may read it after the conversion
    loop = _enclosing(assignment, scope, _LOOPS)
    if loop is None:
        return True
    if any(loop.start_byte <= use.start_byte < loop.end_byte and not inside
           for use, inside in zip(uses, in_body)):
        return False  # a loop's condition or a block's parameter: read on each pass
    # each pass sets the old name before it: a statement of the same list
    return any(name in _target_names(tr, earlier) for earlier in body.named_children
               if earlier.end_byte <= assignment.start_byte)


def _shadowed(use: Node, name: str, assignment: Node) -> bool:
    """Whether *use* is inside a block that has its own parameter *name*
    (another variable), one that does not hold *assignment*."""
    current = use.parent
    while current is not None and current.type not in _SCOPE_GATES:
        if current.type in ("block", "do_block", "lambda") and not (
                current.start_byte <= assignment.start_byte < current.end_byte):
            params = current.child_by_field_name("parameters")
            if params is not None and _named(params, name):
                return True
        current = current.parent
    return False


def _named(scope: Node, name: str) -> list[Node]:
    found = []
    stack = [scope]
    while stack:
        node = stack.pop()
        if node.type == "identifier" and node.text.decode() == name:
            found.append(node)
        stack.extend(c for c in node.named_children if c.type not in _SCOPE_GATES)
    return found


def _assigns(identifier: Node) -> bool:
    parent = identifier.parent
    while parent is not None and parent.type in ("left_assignment_list", "rest_assignment",
                                                  "destructured_left_assignment"):
        parent = parent.parent
    left = parent.child_by_field_name("left") if parent is not None and \
        parent.type in ("assignment", "operator_assignment") else None
    return left is not None and left.start_byte <= identifier.start_byte < left.end_byte


def _targets(statement: Node) -> list[Node]:
    """What an assignment statement assigns (``a = x``, ``a, @b = x, y``,
    ``a ||= x``); nothing for any other statement."""
    if statement.type not in ("assignment", "operator_assignment"):
        return []
    left = statement.child_by_field_name("left")
    return list(left.named_children) if left.type == "left_assignment_list" else [left]


def _target_names(tr: Translator, statement: Node) -> set[str]:
    return {tr.text(t) for t in _targets(statement) if t.type == "identifier"}


def _enclosing(node: Node, scope: Node, kinds: tuple[str, ...]) -> Node | None:
    current = node.parent
    while current is not None and current != scope:
        if current.type in kinds:
            return current
        current = current.parent
    return None


def _always_assigned(tr: Translator, method: Node) -> set[str]:
    """The instance variables a method's own statements assign (``@a = x``,
    ``@a, @b = x, y``, ``@a ||= x``), up to a statement that may return
    early (an exception leaves no object to read them from)."""
    body = method.child_by_field_name("body")
    found: set[str] = set()
    for statement in body.named_children if body is not None else []:
        if _returns(statement):
            break
        found.update(tr.text(t)[1:] for t in _targets(statement) if t.type == "instance_variable")
    return found


def _returns(node: Node) -> bool:
    return node.type == "return" or any(_returns(c) for c in node.named_children)


def main_ivars(tr: Translator, node: Node) -> list[str]:
    """The instance variables of Ruby's main object that *node* uses
    (``@x`` outside any class or module), as their Python globals."""
    found: set[str] = set()

    def walk(current: Node) -> None:
        if current.type == "instance_variable":
            found.add(main_ivar(tr.text(current)[1:]))
        elif current.type not in ("class", "module", "singleton_class"):
            for child in current.named_children:
                walk(child)
    walk(node)
    return sorted(found)


_SPECIAL_GLOBALS = frozenset({"$stdout", "$stderr", "$stdin", "$_"})


def user_global(name: str) -> str | None:
    """The module global standing for a script's own ``$name`` (None for
    Ruby's special variables: ``$stdout``, ``$0``, ``$~``, ``$DEBUG``...)."""
    if name in _SPECIAL_GLOBALS or not re.fullmatch(r"\$[a-z_][A-Za-z0-9_]*", name):
        return None
    return "g_" + name[1:]


def script_globals(tr: Translator, node: Node, assigned: bool) -> list[str]:
    """The script's own ``$name`` globals *node* uses (with *assigned*: those
    it assigns, not inside a def of its own), as their Python names."""
    found: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "global_variable":
            name = user_global(tr.text(current))
            parent = current.parent
            target = parent is not None and parent.type in ("assignment", "operator_assignment") \
                and parent.child_by_field_name("left") == current
            if name is not None and (target or not assigned):
                found.add(name)
        if not assigned or current is node or current.type not in ("method", "singleton_method"):
            stack.extend(current.named_children)
    return sorted(found)


def main_ivar(name: str) -> str:
    """The module global standing for main's ``@name``."""
    return "_" + name


def _scope_of(node: Node) -> tuple[int, int]:
    """Where the locals *node* sees live: its ``def``, class or module (a
    ``def`` for its own parameters), or the script; blocks share them."""
    current: Node | None = node
    while current is not None and current.type not in _SCOPE_GATES:
        current = current.parent
    return (current.start_byte, current.end_byte) if current is not None else (-1, -1)


def _stores(tr: Translator, arguments: Node) -> bool:
    """Whether a call with these arguments keeps them (``push``, ``<<``,
    ``store``, ``new`` of an object...)."""
    call = arguments.parent
    method = call.child_by_field_name("method") if call is not None else None
    return method is not None and tr.text(method) in (
        "push", "append", "unshift", "prepend", "store", "insert", "new", "concat", "add")


def _separate_class_methods(tr: Translator) -> None:
    """A class method named as an instance method or attribute of a class
    of the script (``def self.deliver`` beside ``def deliver``) gets a
    Python name of its own: in Python one would replace the other."""
    taken = {name for info in tr.classes.values()
             for name in [m.py for m in info.methods.values()] +
             [py_name(a) for a in info.readers | info.writers]}
    for info in tr.classes.values():
        for method in info.class_methods.values():
            while method.py in taken:
                method.py += "_"


def _visibility(tr: Translator, node: Node, info: ClassInfo, singleton: bool,
                hidden: bool) -> bool:
    """Record the private methods *node* (a statement of a class body)
    declares; returns whether the defs after it are private."""
    names = info.private_class if singleton else info.private
    if node.type == "identifier" and tr.text(node) in ("private", "public", "protected"):
        return tr.text(node) == "private"
    if node.type == "method" and hidden:
        names.add(tr.text(node.child_by_field_name("name")))
    if node.type == "call" and node.child_by_field_name("receiver") is None:
        method = tr.text(node.child_by_field_name("method"))
        arguments = node.child_by_field_name("arguments")
        if method in ("private", "private_class_method") and arguments is not None:
            target = info.private_class if method == "private_class_method" else names
            for argument in arguments.named_children:
                if argument.type in ("method", "singleton_method"):
                    target.add(tr.text(argument.child_by_field_name("name")))
            target.update(symbol_names(tr, arguments))
    return hidden


def collect(tr: Translator, root: Node) -> None:
    """Fill ``tr.classes``, ``tr.functions`` and ``tr.heredocs``."""

    def walk(node: Node, owner: ClassInfo | None, singleton: bool) -> None:
        kind = node.type
        if kind in ("class", "module"):
            name_node = node.child_by_field_name("name")
            name = tr.text(name_node).split("::")[-1]
            path = (owner.path + "::" if owner else "") + name
            info = (owner.classes.get(name) if owner else tr.classes.get(path))
            if info is None:
                info = ClassInfo(name, py_name(name) if name not in ("Net",) else name, path,
                                 module=kind == "module", outer=owner)
                superclass = node.child_by_field_name("superclass")
                base = superclass.named_children[0] if superclass is not None and \
                    superclass.named_children else None
                if base is not None and struct_fields(tr, base):
                    info.struct = struct_fields(tr, base)  # class X < Struct.new(:a, :b)
                    info.readers.update(info.struct)
                    info.writers.update(info.struct)
                elif superclass is not None:
                    info.superclass = tr.text(superclass).lstrip("<").strip()
                if owner is not None:
                    owner.classes[name] = info
                tr.classes[path] = info
            body = node.child_by_field_name("body")
            static = False
            for child in node.named_children:
                if child != body:
                    walk(child, info, False)
            hidden = False
            for child in body.named_children if body is not None else []:
                if makes_static(tr, child):
                    static = True
                included = _included(tr, child)
                if included:
                    info.includes.insert(0, included)  # the last included is looked at first
                hidden = _visibility(tr, child, info, static, hidden)
                walk(child, info, static and child.type == "method")
            return
        if kind == "singleton_class":
            hidden = False
            body = node.child_by_field_name("body")
            for child in node.named_children:
                if child != body:
                    walk(child, owner, True)
            for child in body.named_children if body is not None else []:
                if owner is not None:
                    hidden = _visibility(tr, child, owner, True, hidden)
                walk(child, owner, True)
            return
        if kind in ("method", "singleton_method"):
            info_m = method_info(tr, node, owner, singleton or kind == "singleton_method")
            if owner is None:
                tr.functions[info_m.name] = info_m
            elif info_m.singleton:
                owner.class_methods[info_m.name] = info_m
            else:
                owner.methods[info_m.name] = info_m
                if info_m.name == "initialize":
                    owner.initialized |= _always_assigned(tr, node)
            return
        if kind == "call" and node.child_by_field_name("receiver") is None and \
                tr.text(node.child_by_field_name("method")) in ("require", "require_relative"):
            tr.ruby_requires.update(symbol_names(tr, node.child_by_field_name("arguments")))
        if kind == "call" and owner is not None and node.child_by_field_name("receiver") is None:
            method = tr.text(node.child_by_field_name("method"))
            names = symbol_names(tr, node.child_by_field_name("arguments"))
            readers = owner.class_readers if singleton else owner.readers
            writers = owner.class_writers if singleton else owner.writers
            if method in ("attr_reader", "attr_accessor", "attr"):
                readers.update(names)
            if method in ("attr_writer", "attr_accessor"):
                writers.update(names)
        if kind == "assignment":
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            if left is not None and left.type == "constant" and struct_fields(tr, right):
                name = tr.text(left)
                path = (owner.path + "::" if owner else "") + name
                info = ClassInfo(name, py_name(name), path, outer=owner,
                                 struct=struct_fields(tr, right))
                info.readers.update(info.struct)
                info.writers.update(info.struct)
                if owner is not None:
                    owner.classes[name] = info
                tr.classes[path] = info
                block = right.child_by_field_name("block")
                for child in block.named_children if block is not None else []:
                    for statement in child.named_children if child.type in (
                            "body_statement", "block_body") else []:
                        included = _included(tr, statement)
                        if included:
                            info.includes.insert(0, included)
                    walk(child, info, False)
                return
        if kind == "assignment" and owner is not None:
            left = node.child_by_field_name("left")
            if left is not None and left.type == "constant":
                owner.constants.add(tr.text(left))
        for child in node.named_children:
            walk(child, owner, singleton)

    walk(root, None, False)
    _separate_class_methods(tr)
    tr.heredocs.update(heredoc_bodies(root))
