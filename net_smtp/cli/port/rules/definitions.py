"""Definitions: ``def`` (defaults, keywords, splats, method-level
``rescue``, implicit return values, ``yield``), classes (``attr_*``,
``initialize``, instance variables, ``to_s``, ``self.`` methods, ``class <<
self``) and modules as namespaces (a class of static methods)."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..core_names import RUBY_METHODS
from ..declarations import main_ivar, main_ivars, makes_static, script_globals
from ..engine import P_ATOM, P_CALL, P_CMP, Call, Expr, Tail, Unsupported
from ..scope import ClassInfo, MethodInfo, Scope, py_name
from ..syntax import Node
from ..types import ANY, BOOL, NIL, T, join, list_of
from . import blocks, calls, collections, constants, smtp, statements, stdlib
from .calls import args_code, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["class_call", "definition", "duck_member", "has_to_s", "ivar", "operator_call",
           "plain_error_class", "self_call", "self_expr"]

_NIL_RESULT = ("puts", "print", "printf", "warn", "p")


def definition(tr: Translator, node: Node) -> None:
    kind = node.type
    if kind in ("method", "singleton_method"):
        _method(tr, node)
    elif kind in ("class", "module"):
        _class(tr, node)
    elif kind == "singleton_class":
        _singleton_class(tr, node)


def _owner(tr: Translator) -> ClassInfo | None:
    return tr.scope.cls if tr.scope.kind == "class" else None


def _method(tr: Translator, node: Node, singleton: bool = False) -> None:
    owner = _owner(tr)
    if tr.scope.kind == "def":
        raise tr.fail(node, "a def inside a method")
    name = tr.text(node.child_by_field_name("name"))
    is_singleton = singleton or node.type == "singleton_method"
    if node.type == "singleton_method":
        obj = node.child_by_field_name("object")
        # def self.x, or def Mailer.x inside Mailer (the same)
        if obj is None or tr.text(obj) != "self" and (owner is None or tr.text(obj) != owner.name):
            raise tr.fail(node, "a singleton method on something but self")
    if owner is None:
        if is_singleton:
            raise tr.fail(node, "def self.x outside a class")
        info = tr.functions.get(name)
    else:
        info = (owner.class_methods if is_singleton else owner.methods).get(name)
    if info is None:
        raise tr.fail(node, f"method {name} not found in the first pass")
    key = f"{owner.path if owner else ''}#{'.' if is_singleton else ''}{name}"
    self_code = "cls" if is_singleton else "self"
    uses_self = owner is not None and _refers_to_self(tr, node, owner, is_singleton)
    params = _parameters(tr, node, key)
    if info.takes_block and not any(p.startswith(f"{info.block}=") for p in params):
        keywords = [i for i, p in enumerate(params) if p.startswith("**")]
        params.insert(keywords[0] if keywords else len(params), f"{info.block}=None")
    decorator = None
    if owner is not None and is_singleton:
        if uses_self:
            decorator = "@classmethod"
            params.insert(0, "cls")
        else:
            decorator = "@staticmethod"
    elif owner is not None:
        params.insert(0, "self")
    scope = Scope("def", parent=tr.scope, cls=owner, self_code=self_code, method=info, key=key)
    parameters = node.child_by_field_name("parameters")
    if not any(p.type == "block_parameter" for p in (
            parameters.named_children if parameters is not None else [])):
        scope.taken.add(info.block)  # the block= a yield calls
    if decorator:
        tr.emit(decorator)
    with tr.new_scope(scope):
        saved_loop, tr.loop_depth = tr.loop_depth, 0
        saved_block, tr.block_depth = tr.block_depth, 0
        try:
            declared = _bind_params(tr, node, key)
            tr.emit(f"def {info.py}({', '.join(params)}):")
            with tr.indented():
                shared = (main_ivars(tr, node) if owner is None else []) + \
                    script_globals(tr, node, assigned=True)
                if shared:  # main's instance variables and $globals: the script's globals
                    tr.emit(f"global {', '.join(shared)}")
                for line in declared:
                    tr.emit(line)
                body = node.child_by_field_name("body")
                # an endless method's body is its one expression
                children = [] if body is None else list(body.named_children) \
                    if body.type == "body_statement" else [body]
                tail = Tail("none") if name == "initialize" or _returns_nil(tr, children) \
                    else Tail("return", var_type=lambda t: tr.learn(f"ret:{key}", t))
                tail.var_type = lambda t: tr.learn(f"ret:{key}", t)
                statements.protected(tr, node, children, tail)
        finally:
            tr.loop_depth = saved_loop
            tr.block_depth = saved_block


def _returns_nil(tr: Translator, children: list[Node]) -> bool:
    stmts = [c for c in children if c.type not in ("comment", "rescue", "ensure", "else",
                                                   "heredoc_body")]
    if not stmts:
        return True
    last = stmts[-1]
    if last.type == "call" and last.child_by_field_name("receiver") is None:
        return tr.text(last.child_by_field_name("method")) in _NIL_RESULT[:4]
    return False


def _refers_to_self(tr: Translator, node: Node, owner: ClassInfo, singleton: bool) -> bool:
    names: set[str] = {"new", "name", "to_s"} if singleton else set()
    for cls in ancestry(tr, owner):
        names |= set(cls.class_methods if singleton else cls.methods) | (
            cls.class_readers | cls.class_writers if singleton else cls.readers | cls.writers)

    def walk(n: Node) -> bool:
        if n.type in ("self", "instance_variable", "class_variable"):
            return True
        if n.type == "constant" and tr.text(n) in owner.constants:
            return True
        if n.type == "identifier" and tr.text(n) in names:
            return True
        if n.type == "call" and n.child_by_field_name("receiver") is None:
            method = n.child_by_field_name("method")
            if method is not None and tr.text(method) in names:
                return True
        return any(walk(c) for c in n.named_children)
    body = node.child_by_field_name("body")
    return body is not None and walk(body)


def _parameters(tr: Translator, node: Node, key: str) -> list[str]:
    params = node.child_by_field_name("parameters")
    out: list[str] = []
    if params is None:
        return out
    star = False
    for p in params.named_children:
        kind = p.type
        name_node = p if kind == "identifier" else p.child_by_field_name("name")
        name = py_name(tr.text(name_node)) if name_node is not None else ""
        if kind == "identifier":
            out.append(name)
        elif kind == "optional_parameter":
            value = p.child_by_field_name("value")
            out.append(f"{name}={_default_code(tr, value)}")
        elif kind == "splat_parameter":
            out.append(f"*{name}" if name else "*args")
            star = True
        elif kind == "keyword_parameter":
            if not star:
                out.append("*")
                star = True
            value = p.child_by_field_name("value")
            out.append(f"{name}={_default_code(tr, value)}" if value is not None else name)
        elif kind == "hash_splat_parameter":
            out.append(f"**{name}" if name else "**kwargs")
        elif kind == "block_parameter":
            out.append(f"{name}=None")
        elif kind == "comment":
            continue
        else:
            raise tr.fail(p, f"a parameter of kind {kind.replace('_', ' ')}")
    return out


_PLAIN_DEFAULTS = frozenset({"integer", "float", "simple_symbol", "nil", "true", "false",
                             "constant", "scope_resolution"})


def is_late_default(value: Node) -> bool:
    """Whether a parameter's default must be computed at each call, as Ruby
    does, rather than once where Python defines the function: anything but
    a literal number, Symbol, nil, true, false, constant or plain String (a
    new Array or Hash for each call, a method's value, another parameter)."""
    if value.type in _PLAIN_DEFAULTS:
        return False
    if value.type == "unary" and value.named_children and \
            value.named_children[0].type in ("integer", "float"):
        return False
    return not (value.type == "string" and all(
        c.type in ("string_content", "escape_sequence") for c in value.named_children))


def _default_code(tr: Translator, value: Node) -> str:
    """A parameter's default in the ``def`` line: the value itself, or the
    runtime's UNSET where the body computes it (:func:`is_late_default`)."""
    return tr.runtime("UNSET") if is_late_default(value) else tr.expr(value).code


def _compared_with(tr: Translator, node: Node, kind: str) -> T | None:
    """The other object of ``def <=>(other)`` in a class, which sort, max and
    Comparable call with the class's own objects (no call of the script
    says so): of the class (another raises in both languages)."""
    info = tr.scope.cls  # (the def's scope keeps its class)
    name = node.child_by_field_name("name")
    if info is None or kind != "identifier" or name is None or tr.text(name) != "<=>":
        return None
    return T("obj", name=info.path)


def _bind_params(tr: Translator, node: Node, key: str) -> list[str]:
    """Declare the parameters as locals; lines that fill mutable defaults."""
    params = node.child_by_field_name("parameters")
    lines: list[str] = []
    if params is None:
        return lines
    index = 0
    for p in params.named_children:
        kind = p.type
        name_node = p if kind == "identifier" else p.child_by_field_name("name")
        if name_node is None:
            continue
        name = tr.text(name_node)
        t = tr.known(f"param:{key}:{name}") or _compared_with(tr, node, kind) or tr.unknown
        if kind == "splat_parameter":
            t = T("list", elem=t.elem if t.kind == "list" else ANY)
        elif kind == "hash_splat_parameter":
            t = T("dict", key=T("str", nl="no", symbol=True), elem=ANY)  # keywords
        elif kind == "block_parameter":
            t = block_type(tr, key)
        elif kind in ("optional_parameter", "keyword_parameter"):
            value = p.child_by_field_name("value")
            if value is not None:
                default = tr.expr(value)
                t = join(t, default.type) if t is not ANY else default.type
                if is_late_default(value):
                    var = tr.declare(name, t)
                    lines.append(f"if {var.py} is {tr.runtime('UNSET')}:")
                    lines.append(f"    {var.py} = {default.code}")
                    continue
        tr.declare(name, t)
        index += 1
    return lines


def _class(tr: Translator, node: Node) -> None:
    if tr.scope.kind == "def":
        raise tr.fail(node, "a class inside a method")
    name_node = node.child_by_field_name("name")
    path = tr.text(name_node)
    owner = _owner(tr)
    if "::" in path:
        raise tr.fail(node, f"reopening {path}")
    full = (owner.path + "::" if owner else "") + path
    info = tr.classes.get(full)
    if info is None:
        raise tr.fail(node, f"class {path} not found in the first pass")
    parents = [constants.reachable_path(tr, m, node) for m in included_modules(tr, info)]
    superclass = node.child_by_field_name("superclass")
    struct_new = superclass.named_children[0] if info.struct and superclass is not None else None
    if struct_new is not None:  # class X < Struct.new(:a, :b)
        parents.append(tr.runtime("Struct"))
    elif info.superclass:
        parents.append(constants.class_for_base(tr, node, info.superclass))
    if compares(tr, info, own=True):
        parents.append(tr.runtime("Comparable"))
    bases = f"({', '.join(parents)})" if parents else ""
    tr.emit(f"class {info.py}{bases}:")
    scope = Scope("class", parent=tr.scope, cls=info, self_code=info.py, key=info.path)
    with tr.new_scope(scope):
        with tr.indented():
            body = node.child_by_field_name("body")
            if struct_new is None and _python_path(info) != info.path.replace("::", "."):
                # a name Python's renamed (ImportError_): the runtime's class_name
                # shows Ruby's
                tr.emit(f"_ruby_name = {tr.string(info.path)}")
            if struct_new is not None:
                _struct_header(tr, info, struct_new)
                if body is not None:
                    tr.emit("")
            setters = _setters(info)
            attrs = sorted((info.readers | info.writers) - setters - set(info.struct))
            for attr in attrs:
                tr.emit(f"{_ivar_attr(tr, info, attr)} = None")
            assigned = _class_level_ivars(tr, body)
            defaults = {_ivar_attr(tr, info, a) for a in attrs}
            for attr in sorted((info.class_readers | info.class_writers) - assigned):
                tr.emit(f"{_attr_of_ivar(tr, info, attr, True)} = None")
                defaults.add(_attr_of_ivar(tr, info, attr, True))
            for attr in sorted(_memoized_ivars(tr, info, body) - defaults):
                tr.emit(f"{attr} = None")  # nil until assigned, as in Ruby
                attrs.append(attr)
            if attrs and body is not None:
                tr.emit("")
            if body is not None:
                _class_body(tr, list(body.named_children))
            for attr in sorted(setters):
                if attr in info.methods:
                    raise tr.fail(node, f"a method {attr} beside the setter {attr}=")
                getter = f"lambda self: self.{_ivar_attr(tr, info, attr)}" \
                    if attr in info.readers else "None"
                tr.emit(f"{py_name(attr)} = property({getter}, {info.methods[attr + '='].py})")


def _python_path(info: ClassInfo) -> str:
    """The dotted path Python names *info*'s class by (``Outer.ImportError_``)."""
    return f"{_python_path(info.outer)}.{info.py}" if info.outer is not None else info.py


def _setters(info: ClassInfo) -> set[str]:
    """Names with a setter method ``def name=(value)`` of the class's own."""
    return {name[:-1] for name in info.methods if name.endswith("=") and name not in ("==",)}


def struct_class(tr: Translator, left: Node, right: Node) -> None:
    """``Name = Struct.new(:a, :b[, keyword_init: true]) do ... end``: a class
    whose members default to None, set positionally (or by keyword)."""
    owner = _owner(tr)
    name = tr.text(left)
    path = (owner.path + "::" if owner else "") + name
    info = tr.classes.get(path)
    if info is None or tr.scope.kind == "def":
        raise tr.fail(right, "Struct.new here")
    compared = compares(tr, info, own=True)  # (Comparable's == comes before Struct's)
    bases = f"{tr.runtime('Comparable')}, {tr.runtime('Struct')}" if compared else \
        tr.runtime("Struct")
    tr.emit(f"class {info.py}({bases}):")
    scope = Scope("class", parent=tr.scope, cls=info, self_code=info.py, key=info.path)
    with tr.new_scope(scope), tr.indented():
        if compared:  # (but a Struct's hash is still Struct's)
            tr.emit(f"__hash__ = {tr.runtime('Struct')}.__hash__")
        _struct_header(tr, info, right)
        block = right.child_by_field_name("block")
        if block is not None:
            tr.emit("")
            body = block.child_by_field_name("body")
            _class_body(tr, list(body.named_children) if body is not None else [])


def _struct_header(tr: Translator, info: ClassInfo, new: Node) -> None:
    """What a Struct class made by *new* (``Struct.new(:a, :b[,
    keyword_init: true])``) starts with: its names for ``ruby.Struct`` and
    an ``__init__`` setting the members (None when left out)."""
    call = calls.split_call(tr, new)
    keyword = False
    for arg in call.args:
        if arg.type == "pair":
            if tr.text(arg).replace(" ", "") not in ("keyword_init:true", ":keyword_init=>true"):
                raise tr.fail(arg, "a Struct option")
            keyword = True
        elif arg.type != "simple_symbol" and not (arg.type == "splat_argument" and info.struct):
            # (a splat is a constant's Symbols, which the declarations read)
            raise tr.fail(arg, "a Struct member that is not a Symbol")
    members = [py_name(m) for m in info.struct]
    star = ["*"] if keyword else []
    tr.emit(f"_ruby_name = {tr.string(info.path)}")
    pairs = ", ".join(f"({tr.string(m)}, {tr.string(py_name(m))})" for m in info.struct)
    tr.emit(f"_members = ({pairs}{',' if len(info.struct) == 1 else ''})")
    tr.emit("")
    tr.emit(f"def __init__(self, {', '.join(star + [m + '=None' for m in members])}):")
    with tr.indented():
        for member in members:
            tr.emit(f"self.{member} = {member}")


def _class_level_ivars(tr: Translator, body: Node | None) -> set[str]:
    """Instance variables the class body itself assigns (``@x = []``)."""
    names = set()
    for child in body.named_children if body is not None else []:
        if child.type == "assignment":
            left = child.child_by_field_name("left")
            if left is not None and left.type == "instance_variable":
                names.add(tr.text(left)[1:])
    return names


def _memoized_ivars(tr: Translator, info: ClassInfo, body: Node | None) -> set[str]:
    """The attributes of the instance variables the class's methods use,
    and of their ``@@x ||= value``: each needs a class-level None, as Ruby
    reads one not assigned yet as nil (``@seq = (@seq || 0) + 1``)."""
    found: set[str] = set()

    def walk(node: Node, method: Node | None) -> None:
        if node.type in ("class", "module"):
            return
        if node.type in ("method", "singleton_method"):
            method = node
        if node.type == "operator_assignment" and method is not None and \
                tr.text(node.child_by_field_name("operator")) == "||=":
            left = node.child_by_field_name("left")
            if left is not None and left.type == "class_variable":
                found.add("_" + tr.text(left)[2:])  # @@x ||= v: nil until assigned
        if node.type == "instance_variable" and method is not None:
            name = tr.text(node)[1:]
            defined = tr.text(method.child_by_field_name("name"))
            singleton = method.type == "singleton_method" or (
                defined in info.class_methods and defined not in info.methods)
            found.add(_attr_of_ivar(tr, info, name, singleton))
        for child in node.named_children:
            walk(child, method)

    for child in body.named_children if body is not None else []:
        walk(child, None)
    return found


def _class_body(tr: Translator, children: list[Node]) -> None:
    previous = None
    static = False
    for child in children:
        if makes_static(tr, child):
            static = True
            continue
        if static and child.type == "method":
            if previous is not None:
                tr.emit("")
            _static_method(tr, child)
            previous = child.type
            continue
        if child.type in ("method", "singleton_method") and previous is not None and \
                previous not in ("comment",):
            tr.emit("")
        if child.type == "call" and child.child_by_field_name("receiver") is None:
            method = tr.text(child.child_by_field_name("method"))
            if method in ("attr_reader", "attr_writer", "attr_accessor", "attr", "private",
                          "public", "protected", "module_function", "private_class_method",
                          "private_constant"):
                if method in ("private", "public", "protected") and child.child_by_field_name(
                        "arguments") is not None:
                    args = child.child_by_field_name("arguments").named_children
                    if args and args[0].type in ("method", "singleton_method"):
                        tr.statement(args[0])
                continue
        if child.type == "identifier" and tr.text(child) in ("private", "public", "protected",
                                                              "module_function"):
            continue
        if child.type == "call" and tr.text(child).startswith(("include ", "extend ")):
            info = _owner(tr)
            name = tr.text(child)[len("include "):].strip()
            if tr.text(child) == "extend self" or info is not None and any(
                    m.path == name or m.path.endswith("::" + name)
                    for m in included_modules(tr, info)):
                continue  # (an included module of the script is a base class)
            if name == "Comparable" and info is not None and compares(tr, info, own=True):
                continue  # (ruby.Comparable is a base class)
            tr.mark(child, tr.fail(child, "include/extend of a module"))
            continue
        tr.statement(child)
        previous = child.type


def _static_method(tr: Translator, node: Node) -> None:
    """A def after ``module_function`` / ``extend self``, or in ``class << self``."""
    saved_line, saved = tr.current_line, len(tr.lines)
    tr.current_line = tr.line_of(node)
    try:
        _method(tr, node, singleton=True)
    except Unsupported as exc:
        del tr.lines[saved:]
        tr.mark(node, exc)
    finally:
        tr.current_line = saved_line


def _singleton_class(tr: Translator, node: Node) -> None:
    owner = _owner(tr)
    value = node.child_by_field_name("value")
    if owner is None or value is None or tr.text(value) != "self":
        raise tr.fail(node, "class << something but self inside a class")
    body = node.child_by_field_name("body")
    for child in body.named_children if body is not None else []:
        if child.type == "method":
            tr.emit("")
            _static_method(tr, child)
        elif child.type == "call" and tr.text(child.child_by_field_name("method")).startswith(
                "attr"):
            continue
        elif child.type == "comment":
            tr.emit(tr.text(child))
        elif child.type in ("identifier",) and tr.text(child) == "private":
            continue
        else:
            tr.mark(child, tr.fail(child, "this statement inside class << self"))


# ---------------------------------------------------------------- self and members


def _class_info(tr: Translator) -> ClassInfo | None:
    scope: Scope | None = tr.scope
    while scope is not None:
        if scope.cls is not None:
            return scope.cls
        scope = scope.parent
    return None


def _in_singleton(tr: Translator) -> bool:
    return tr.scope.kind == "def" and tr.scope.self_code == "cls"


def self_expr(tr: Translator, node: Node) -> Expr:
    info = _class_info(tr)
    if info is None:
        raise tr.fail(node, "self at the top level")
    if tr.scope.kind == "class":
        raise tr.fail(node, "self in a class body")
    if _in_singleton(tr):
        method = tr.scope.method
        uses_cls = method is not None
        return Expr("cls" if uses_cls else info.py, T("class", name=info.path))
    return Expr("self", instance(tr, info))


def ancestry(tr: Translator, info: ClassInfo) -> list[ClassInfo]:
    """*info*, the modules of the script it includes and the classes it
    inherits from (with theirs), nearest first, as Ruby looks methods up."""
    chain: list[ClassInfo] = []
    current: ClassInfo | None = info
    while current is not None and current not in chain:
        chain.append(current)
        for module in included_modules(tr, current):
            if module not in chain:
                chain.append(module)
        current = _superclass(tr, current) if current.superclass else None
    return chain


def compares(tr: Translator, info: ClassInfo | None, own: bool = False) -> bool:
    """Whether objects of *info* compare as Ruby's Comparable makes them
    (``include Comparable`` and a ``<=>`` of the class or a parent); with
    *own*, whether *info* itself includes it (its Python class then derives
    from ``ruby.Comparable``)."""
    chain = ancestry(tr, info) if info is not None else []
    if not chain or not any("<=>" in c.methods for c in chain):
        return False
    if own:
        return "Comparable" in chain[0].includes
    return any("Comparable" in c.includes for c in chain)


def included_modules(tr: Translator, info: ClassInfo) -> list[ClassInfo]:
    """The modules of the script *info* includes, the last included first
    (a library's module, such as Comparable, is not among them)."""
    found = []
    for path in info.includes:
        module = constants.find_class(tr, path, info.outer) if info.outer else \
            tr.classes.get(path)
        if module is not None and module.module:
            found.append(module)
    return found


def plain_error_class(tr: Translator, info: ClassInfo | None) -> bool:
    """Whether *info* is an exception class of the script (it derives from
    one of Ruby's or the library's) whose text its chain leaves as Ruby's:
    no ``to_s``, ``message`` or ``inspect`` of its own."""
    chain = ancestry(tr, info) if info is not None else []
    if not chain or any(name in c.methods for c in chain for name in ("to_s", "message",
                                                                        "inspect")):
        return False
    top = chain[-1].superclass.lstrip(":")
    return top in ("StandardError", "Exception") or top in statements.EXCEPTIONS or (
        top.startswith("Net::") and top[5:] in constants.NET_ERRORS)


def _superclass(tr: Translator, info: ClassInfo) -> ClassInfo | None:
    """The script's class *info* inherits from (None: a library class or none)."""
    if not info.superclass or info.outer is None:
        return tr.classes.get(info.superclass)
    return constants.find_class(tr, info.superclass, info.outer)


def descendants(tr: Translator, info: ClassInfo) -> list[ClassInfo]:
    """*info* and the classes of the script that inherit from it."""
    return [c for c in tr.classes.values() if info in ancestry(tr, c)]


def _ivar_key(tr: Translator, info: ClassInfo, name: str, singleton: bool) -> str:
    """Where an instance variable's type is learned: one key for a class
    and the classes it inherits from (an object's variables are shared)."""
    root = ancestry(tr, info)[-1] if not singleton else info
    return f"ivar:{root.path}:{'.' if singleton else ''}{name}"


def _ivar_attr(tr: Translator, info: ClassInfo, name: str) -> str:
    """The Python attribute for ``@name``: public when an ``attr_*`` of
    the class's family exposes it, ``_name`` otherwise (so that ``@message``
    and ``def message`` do not collide)."""
    family = descendants(tr, ancestry(tr, info)[-1])
    # (a property's own value is _name; so is the value a method of the
    # same name reads: attr_writer :port beside def port)
    exposed = any(name in c.readers or name in c.writers for c in family) and not any(
        name in _setters(c) or name in c.methods for c in family)
    return py_name(name) if exposed else "_" + name


def _attr_of_ivar(tr: Translator, info: ClassInfo, name: str, singleton: bool) -> str:
    """The Python attribute of ``@name``: of the class itself in a class
    method (public when a class-level ``attr_*`` exposes it), else of the
    object (:func:`_ivar_attr`)."""
    if singleton:
        exposed = name in (info.class_readers | info.class_writers) and \
            name not in info.class_methods
        return py_name(name) if exposed else "_" + name
    return _ivar_attr(tr, info, name)


def ivar(tr: Translator, node: Node, t: T | None = None) -> Expr:
    info = _class_info(tr)
    name = tr.text(node)[1:]
    if info is None:  # main's: shared by the script and its top-level defs
        key = f"ivar:main:{name}"
        if t is not None:
            tr.learn(key, t)
        # (nil until assigned: a read may come first)
        return Expr(main_ivar(name), (tr.known(key) or tr.unknown).nil())
    in_body = tr.scope.kind == "class"  # the class's own instance variable
    if not in_body and tr.scope.kind != "def":
        raise tr.fail(node, "an instance variable outside a method")
    singleton = in_body or _in_singleton(tr)
    attr = _attr_of_ivar(tr, info, name, singleton)
    if not singleton and attr in _library_attributes() and derives_from_smtp(tr, info):
        raise tr.fail(node, f"@{name} in a subclass of Net::SMTP (an attribute of the "
                            "library's own object in Python)")
    key = _ivar_key(tr, info, name, singleton)
    if t is not None:
        tr.learn(key, t)
    if in_body:
        return Expr(attr, tr.known(key) or tr.unknown)
    owner = "cls" if singleton else "self"
    known = tr.known(key) or tr.unknown
    return Expr(f"{owner}.{attr}", known if singleton or t is not None else
                _as_read(tr, info, name, known))


def _as_read(tr: Translator, info: ClassInfo, name: str, t: T) -> T:
    """The type an object's ``@name`` is read as: what is stored into it,
    or nil as well where ``initialize`` (or a Struct's ``new``) does not
    always set it first."""
    if any(name in c.initialized or name in c.struct for c in ancestry(tr, info)):
        return t
    return t.nil()


def cvar(tr: Translator, node: Node, t: T | None = None) -> Expr:
    """``@@name``: a class attribute ``_name`` of the class that declares it."""
    info = _class_info(tr)
    if info is None:
        raise tr.fail(node, "a class variable outside a class")
    name = "_" + tr.text(node)[2:]
    key = f"cvar:{info.path}:{name}"
    if t is not None:
        tr.learn(key, t)
    if tr.scope.kind == "class":
        return Expr(name, tr.known(key) or tr.unknown)
    return Expr(f"{constants.py_path(info)}.{name}", tr.known(key) or tr.unknown)


def struct_members(tr: Translator, t: T) -> list[T] | None:
    """The member types of *t*, an object of a Struct class; None for any
    other value."""
    info = tr.classes.get(t.name) if t.kind == "obj" else None
    struct = next((c for c in ancestry(tr, info) if c.struct), None) if info else None
    if struct is None:
        return None
    return [tr.known(_ivar_key(tr, struct, m, False)) or tr.unknown for m in struct.struct]


def has_to_s(tr: Translator, t: T) -> bool:
    info = tr.classes.get(t.name)
    return info is not None and any("to_s" in c.methods for c in ancestry(tr, info))


def operator_call(tr: Translator, t: T, name: str, operands: list[T]) -> T | None:
    """``obj << x`` where obj's class (the script's, *t*) defines or inherits
    the operator method *name*: the operands' types learned for its
    parameter, and the type of its result; None where it has none."""
    info = tr.classes.get(t.name or "") if t.kind == "obj" and not t.nilable else None
    owner = next((c for c in ancestry(tr, info) if name in c.methods), None) \
        if info is not None else None
    if owner is None:
        return None
    method = owner.methods[name]
    key = _method_key(owner, name, False)
    for operand in operands:
        for param in method.params[:1]:
            tr.learn(f"param:{key}:{param}", operand)
    return tr.known(f"ret:{key}") or tr.unknown


def _method_key(info: ClassInfo, name: str, singleton: bool) -> str:
    return f"{info.path}#{'.' if singleton else ''}{name}"


def _member(tr: Translator, info: ClassInfo, call: Call, owner_code: str,
            singleton: bool) -> Expr | None:
    """A method or reader of *info* (or of a class it inherits from)."""
    name = call.name
    for cls in ancestry(tr, info):
        found = _own_member(tr, cls, call, owner_code, singleton)
        if found is not None:
            return found
    below = _defined_below(tr, info, call, owner_code, singleton)
    if below is not None:
        return below
    members = next((c.struct for c in ancestry(tr, info) if c.struct), None)
    if members and name == "members" and not call.args and call.block is None:
        # a Struct's member names, as Symbols
        return Expr(f"[{', '.join(tr.string(m) for m in members)}]",
                    T("list", elem=T("str", nl="no", symbol=True)), P_ATOM)
    if info.superclass and info.superclass.startswith(("StandardError", "RuntimeError",
                                                       "Exception", "ArgumentError")):
        if name == "message" and not call.args:
            return Expr(f"str({owner_code})", T("str"), P_CALL)
    return None


def _defined_below(tr: Translator, info: ClassInfo, call: Call, owner_code: str,
                   singleton: bool) -> Expr | None:
    """A method only classes inheriting from *info* define (a base class
    calling what each subclass provides): whichever the object's class has,
    its value any of theirs. None when no subclass defines it as a method."""
    name = call.name
    family = descendants(tr, info)[1:]
    below = [c for c in family if name in (c.class_methods if singleton else c.methods)]
    readers = [c for c in family if name in (c.class_readers if singleton else c.readers)]
    if call.block is not None or below and readers:
        if below and readers:
            raise tr.fail(call.node, f"{name}: a method in some subclasses, a reader in others")
        return None
    if readers and not call.args and not singleton:
        # a reader the including class (or a subclass) has: its attribute
        t: T | None = None
        for cls in readers:
            found = _as_read(tr, cls, name, tr.known(_ivar_key(tr, cls, name, False)) or
                             tr.unknown)
            t = found if t is None else join(t, found)
        return Expr(f"{owner_code}.{py_name(name)}", t or tr.unknown, P_CALL)
    if not below:
        return None
    result: T | None = None
    for cls in below:
        method = (cls.class_methods if singleton else cls.methods)[name]
        key = _method_key(cls, name, singleton)
        _learn_args(tr, call, method, key)
        t = tr.known(f"ret:{key}") or tr.unknown
        result = t if result is None else join(result, t)
    first = (below[0].class_methods if singleton else below[0].methods)[name]
    args = args_code(tr, call, keyword_ok=first.takes_keywords, block=first.block,
                     declared=first.keywords, method=first)
    return Expr(f"{owner_code}.{first.py}({', '.join(args)})", result or tr.unknown, P_CALL)


def _own_member(tr: Translator, info: ClassInfo, call: Call, owner_code: str,
                singleton: bool) -> Expr | None:
    name = call.name
    readers = info.class_readers if singleton else info.readers
    writers = info.class_writers if singleton else info.writers
    methods = info.class_methods if singleton else info.methods
    key = _method_key(info, name, singleton)
    if name in (info.private_class if singleton else info.private) and \
            call.recv_node is not None and tr.text(call.recv_node) != "self":
        raise tr.fail(call.node, f"{name} is private: Ruby raises NoMethodError for a call "
                                 "with a receiver")
    if name in methods:
        m = methods[name]
        if call.block is not None:
            return _call_with_block(tr, call, m, f"{owner_code}.{m.py}", key)
        # the object may be of a class that overrides it: each override
        # learns the arguments, and the result is any of theirs
        result: T | None = None
        for cls in descendants(tr, info):
            override = (cls.class_methods if singleton else cls.methods).get(name)
            if override is not None:
                override_key = _method_key(cls, name, singleton)
                _learn_args(tr, call, override, override_key)
                t = tr.known(f"ret:{override_key}") or tr.unknown
                result = t if result is None else join(result, t)
        args = args_code(tr, call, keyword_ok=m.takes_keywords, block=m.block,
                         declared=m.keywords, method=m)
        return Expr(f"{owner_code}.{m.py}({', '.join(args)})", result or tr.unknown, P_CALL)
    if name in readers and not call.args and call.block is None:
        ikey = _ivar_key(tr, info, name, singleton)
        t = tr.known(ikey) or tr.unknown
        return Expr(f"{owner_code}.{py_name(name)}",
                    t if singleton else _as_read(tr, info, name, t), P_CALL)
    if name.endswith("=") and name[:-1] in writers:
        raise tr.fail(call.node, "a setter called as a method")
    return None


# Names Python's own values answer: a call by one of them on a value that
# turned out to be a str, list or dict would do something instead of failing.
_PYTHON_NAMES = frozenset(name for kind in (str, bytes, list, dict, int, float, type,
                                            BaseException, OSError) for name in dir(kind))


# Readers of the library's classes that Python reads as the same attribute
# (``smtp.port``, ``response.status``): the script's reader of that name is
# read the same way whichever the object is.
_SAME_READ = frozenset({"address", "port", "status"})


def _duck_owners(tr: Translator, name: str) -> tuple[list[ClassInfo], bool] | None:
    """The script's classes that define *name* (and whether as class
    methods); None when no class does, when both sides do, or when a value
    of a class Ruby or the library provides may answer the name too."""
    attr = name[:-1] if name.endswith("=") else name
    if name in RUBY_METHODS and name not in _SAME_READ or py_name(attr) in _PYTHON_NAMES:
        return None
    classes = list(tr.classes.values())
    instance = [c for c in classes if name in c.methods or name in c.readers or
                attr != name and attr in c.writers]
    singleton = [c for c in classes if name in c.class_methods or name in c.class_readers or
                 attr != name and attr in c.class_writers]
    if bool(instance) == bool(singleton) or any(
            name in (c.private_class if singleton else c.private) for c in classes):
        return None  # (Ruby refuses a private method a receiver)
    return (instance or singleton), bool(singleton)


def duck_member(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """``obj.name(...)`` on an object of a class the translator cannot tell,
    where only the script's own classes define ``name``, all as methods
    taking the same arguments or all as readers: whichever class the object
    is of, Python calls its method as Ruby does (an object without it fails
    in both). None otherwise."""
    found = _duck_owners(tr, call.name)
    if found is None:
        return None
    owners, singleton = found
    code = tr.wrap(recv, P_CALL)
    methods = [(c.class_methods if singleton else c.methods).get(call.name) for c in owners]
    if all(m is not None for m in methods) and call.name not in _SAME_READ:
        shapes = {(m.py, tuple(m.params), tuple(m.keywords), m.takes_keywords, m.takes_block,
                   m.block) for m in methods if m is not None}
        if len(shapes) != 1 or call.block is not None:
            return None
        result: T | None = None
        for cls, method in zip(owners, methods):
            assert method is not None
            key = _method_key(cls, call.name, singleton)
            _learn_args(tr, call, method, key)
            t = tr.known(f"ret:{key}") or tr.unknown
            result = t if result is None else join(result, t)
        first = methods[0]
        assert first is not None
        args = args_code(tr, call, keyword_ok=first.takes_keywords, block=first.block,
                         declared=first.keywords, method=first)
        return Expr(f"{code}.{first.py}({', '.join(args)})", result or tr.unknown, P_CALL)
    if any(m is not None for m in methods) or call.args or call.block is not None or \
            call.name in _SAME_READ and singleton or \
            not all(call.name in (c.class_readers if singleton else c.readers) for c in owners):
        return None
    read: T | None = None
    for cls in owners:
        t = tr.known(_ivar_key(tr, cls, call.name, singleton)) or tr.unknown
        t = t if singleton else _as_read(tr, cls, call.name, t)
        read = t if read is None else join(read, t)
    return Expr(f"{code}.{py_name(call.name)}", read or tr.unknown, P_CALL)


def duck_writer(tr: Translator, recv: Expr, name: str, t: T) -> str | None:
    """``obj.name = value`` on an object of a class the translator cannot
    tell, where only the script's own classes have ``name=``, each through
    ``attr_writer``/``attr_accessor``: the target ``obj.name``."""
    found = _duck_owners(tr, name + "=")
    if found is None:
        return None
    owners, singleton = found
    if not all(name in (c.class_writers if singleton else c.writers) and
               name not in (c.class_methods if singleton else c.methods) for c in owners):
        return None  # (beside a reader method the value is _name)
    for cls in owners:
        tr.learn(_ivar_key(tr, cls, name, singleton), t)
    return f"{tr.wrap(recv, P_CALL)}.{py_name(name)}"


def _learn_args(tr: Translator, call: Call, m: MethodInfo, key: str) -> None:
    positional = [a for a in call.args if a.type not in ("pair", "splat_argument",
                                                         "hash_splat_argument",
                                                         "block_argument")]
    if any(a.type == "splat_argument" for a in call.args):
        return
    for name, arg in zip(m.params, positional):
        tr.learn(f"param:{key}:{name}", tr.expr(arg).type)
    pairs = [a for a in call.args if a.type == "pair"]
    if pairs and not m.takes_keywords and len(positional) < len(m.params):
        fields = {}
        key_t: T | None = None
        for pair in pairs:
            key_node = pair.child_by_field_name("key")
            fields[collections.hash_key(tr, key_node)] = \
                tr.expr(pair.child_by_field_name("value")).type
            found = collections.key_type(tr, key_node)
            key_t = found if key_t is None else join(key_t, found)
        tr.learn(f"param:{key}:{m.params[len(positional)]}",
                 T("dict", key=key_t, fields=tuple(sorted(fields.items()))))
    for arg in call.args:
        if arg.type == "pair":
            keyword = calls.keyword_of(tr, arg.child_by_field_name("key"))
            if keyword is not None:
                tr.learn(f"param:{key}:{keyword}", tr.expr(arg.child_by_field_name(
                    "value")).type)


def _call_with_block(tr: Translator, call: Call, m: MethodInfo, code: str, key: str) -> Expr:
    if not m.takes_block:
        raise tr.fail(call.node, f"a block given to {m.name}, which takes none")
    if not call.statement and not blocks.definable(tr, call.block):
        raise tr.fail(call.node, f"a block given to {m.name} used inside an expression")
    _learn_args(tr, call, m, key)
    params = blocks.block_params(tr, call.block)
    proc = block_type(tr, key).name
    types = [tr.known(f"lambda:{proc}:{i}") or tr.unknown for i in range(len(params))]
    fn = tr.hoist(call.block, lambda: Expr(blocks.function_for_block(
        tr, call.block, "block", types, lambda t: tr.learn(f"lambda:{proc}:value", t)))).code
    args = args_code(tr, call, keyword_ok=m.takes_keywords, declared=m.keywords, method=m) + \
        [f"{m.block}={fn}"]
    return Expr(f"{code}({', '.join(args)})", tr.known(f"ret:{key}") or tr.unknown, P_CALL)


def self_call(tr: Translator, call: Call) -> Expr | None:
    """A receiver-less call to a method (or attribute) of the script (or,
    in a subclass of Net::SMTP, of the library)."""
    found = _own_self_call(tr, call)
    info = _class_info(tr)
    if found is None and info is not None and tr.scope.self_code != "cls" and \
            tr.scope.kind == "def" and call.name in smtp.RUBY_SMTP_METHODS and \
            derives_from_smtp(tr, info):
        return library_call(tr, call, Expr("self", instance(tr, info), P_ATOM), info)
    return found


def _own_self_call(tr: Translator, call: Call) -> Expr | None:
    name = call.name
    info = _class_info(tr)
    if info is not None and tr.scope.kind == "def":
        singleton = _in_singleton(tr)
        owner = ("cls" if singleton else "self")
        found = _member(tr, info, call, owner, singleton)
        if found is not None:
            return found
        if singleton and name == "new":
            return _new(tr, call, info, owner)
        if singleton and name in ("name", "to_s") and not call.args and call.block is None:
            # the class's own name (the class the method is called on)
            return Expr(f"{tr.runtime('class_name')}(cls)", T("str", nl="no"), P_CALL)
    function = tr.functions.get(name)
    if function is not None:
        key = f"#{name}"
        if call.block is not None:
            return _call_with_block(tr, call, function, function.py, key)
        _learn_args(tr, call, function, key)
        args = args_code(tr, call, keyword_ok=function.takes_keywords, block=function.block,
                         declared=function.keywords, method=function)
        result = tr.known(f"ret:{key}") or tr.unknown
        return Expr(f"{function.py}({', '.join(args)})", result, P_CALL)
    return None


def class_call(tr: Translator, call: Call, path: str) -> Expr | None:
    """``Klass.new(...)``, ``Klass.method``, ``Module.method`` of the script."""
    info = constants.find_class(tr, path)
    if info is None:
        return None
    code = constants.reachable_path(tr, info, call.node)  # (in a class body: from there)
    if call.name == "new":
        return _new(tr, call, info, code)
    found = _member(tr, info, call, code, True) or _library_start(tr, call, info, code)
    if found is not None:
        return found
    struct = next((c for c in ancestry(tr, info) if c.struct), None)
    if struct is not None and call.name == "members" and not call.args:
        return Expr("[" + ", ".join(tr.string(m) for m in struct.struct) + "]",
                    list_of(T("str", nl="no", symbol=True)))
    return None


def _new(tr: Translator, call: Call, info: ClassInfo, code: str) -> Expr:
    """``Klass.new(...)``: an instance; what the arguments are is learned for
    ``initialize`` (or for the members of a Struct)."""
    owner = next((c for c in ancestry(tr, info) if "initialize" in c.methods or c.struct), info)
    init = owner.methods.get("initialize")
    if init is not None:
        _learn_args(tr, call, init, f"{owner.path}#initialize")
    elif owner.struct:
        _learn_members(tr, call, owner)
    args = args_code(tr, call, keyword_ok=init is None or init.takes_keywords,
                     declared=init.keywords if init is not None else owner.struct or None,
                     method=init)
    return Expr(f"{code}({', '.join(args)})", instance(tr, info), P_CALL)


def instance(tr: Translator, info: ClassInfo) -> T:
    """The type of an object of the script's class *info*."""
    return T("obj", name=info.path, bases=tuple(c.path for c in ancestry(tr, info)[1:]))


def _learn_members(tr: Translator, call: Call, info: ClassInfo) -> None:
    """A Struct's members hold what ``new`` was given, nil when left out."""
    if any(a.type in ("splat_argument", "hash_splat_argument") for a in call.args):
        spread = [a for a in call.args if a.type == "hash_splat_argument"]
        held = tr.expr(spread[0].named_children[0]).type if len(spread) == 1 and \
            len(call.args) == 1 else ANY
        # Struct.new(**hash): a member holds one of the Hash's values, or nil
        t = held.elem.nil() if held.kind == "dict" and held.elem is not None else ANY
        for member in info.struct:
            tr.learn(_ivar_key(tr, info, member, False), t)
        return
    given: dict[str, T] = {}
    positional = [a for a in call.args if a.type not in ("pair", "block_argument")]
    for member, arg in zip(info.struct, positional):
        given[member] = tr.expr(arg).type
    for arg in call.args:
        keyword = calls.keyword_of(tr, arg.child_by_field_name("key")) \
            if arg.type == "pair" else None
        if keyword is not None:
            given[keyword] = tr.expr(arg.child_by_field_name("value")).type
    for member in info.struct:
        tr.learn(_ivar_key(tr, info, member, False), given.get(member, NIL))


def derives_from_smtp(tr: Translator, info: ClassInfo | None) -> bool:
    """*info* is a class of the script deriving from Net::SMTP (directly or
    through another of the script's classes)."""
    return info is not None and any(c.superclass.lstrip(":") == "Net::SMTP"
                                    for c in ancestry(tr, info))


def library_call(tr: Translator, call: Call, recv: Expr, info: ClassInfo) -> Expr | None:
    """A Net::SMTP method called on an object of the script's subclass of
    it (``start``, ``send_message``...): the library's, as for any session."""
    if not derives_from_smtp(tr, info):
        return None
    session = Expr(recv.code, T("smtp"), recv.prec)
    call.recv = session
    return calls.dispatch(tr, call, session)


@functools.cache
def _library_attributes() -> frozenset[str]:
    """The attributes a Net.SMTP object and its class have."""
    from .... import Net  # (the library itself, read once)

    return frozenset(vars(Net.SMTP("127.0.0.1"))) | frozenset(dir(Net.SMTP))


def _obj_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    info = tr.classes.get(recv.type.name)
    if info is None:
        return None
    if call.name == "to_s" and not call.args and has_to_s(tr, recv.type):
        return Expr(f"str({recv.code})", T("str"), P_CALL)
    found = _member(tr, info, call, tr.wrap(recv, P_CALL), False)
    if found is not None:
        return found
    found = library_call(tr, call, recv, info)
    if found is not None:
        return found
    if call.name in ("between?", "clamp") and len(call.args) == 2 and call.block is None and \
            compares(tr, info):  # Comparable's, through the class's <=>
        bounds = ", ".join(tr.expr(a).code for a in call.args)
        if call.name == "clamp":
            return Expr(f"{tr.wrap(recv, P_CALL)}.clamp({bounds})", recv.type, P_CALL)
        return Expr(f"{tr.wrap(recv, P_CALL)}.is_between({bounds})", BOOL, P_CALL)
    struct = next((c for c in ancestry(tr, info) if c.struct), None)
    return _struct_method(tr, call, recv, struct) if struct is not None else None


def _struct_method(tr: Translator, call: Call, recv: Expr, info: ClassInfo) -> Expr | None:
    """What every Struct has: ``to_h`` (Symbol keys), ``to_a`` / ``values``,
    and ``==`` / ``!=`` (``ruby.Struct`` compares the members, as Ruby);
    ``eql?`` is refused (Ruby also compares the members' classes)."""
    name = call.name
    if name in ("==", "!=") and len(call.args) == 1 and call.block is None:
        # ruby.Struct's == compares the members, as Ruby's
        other = tr.expr(call.args[0])
        return Expr(f"{tr.wrap(recv, P_CMP + 1)} {name} {tr.wrap(other, P_CMP + 1)}", BOOL, P_CMP)
    if name == "eql?":
        raise tr.fail(call.node, "eql? of Structs (Ruby also compares the members' classes)")
    if call.args or call.block is not None or name not in ("to_h", "to_a", "values"):
        return None
    symbol = T("str", nl="no", symbol=True)
    types = [tr.known(_ivar_key(tr, info, m, False)) or tr.unknown for m in info.struct]
    held = recv.code if re.fullmatch(r"[\w.]+", recv.code) else tr.temp("struct")
    reads = [f"{held}.{py_name(m)}" for m in info.struct]
    if name == "to_h":
        entries = ", ".join(f"{tr.string(m)}: {read}" for m, read in zip(info.struct, reads))
        code = f"{{{entries}}}"
        t = T("dict", key=symbol, keys=frozenset(tr.string(m) for m in info.struct),
              fields=tuple(sorted((tr.string(m), t) for m, t in zip(info.struct, types))),
              elem=functools.reduce(join, types) if types else None)
    else:
        code = "[" + ", ".join(reads) + "]"
        t = T("list", items=tuple(types), elem=functools.reduce(join, types) if types else None)
    if held != recv.code:  # a computed Struct: once, through a lambda's parameter
        return Expr(f"(lambda {held}: {code})({recv.code})", t, P_CALL)
    return Expr(code, t)


def _class_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    info = tr.classes.get(recv.type.name)
    if info is None:
        return None
    if call.name == "new":
        return _new(tr, call, info, recv.code)
    return _member(tr, info, call, tr.wrap(recv, P_CALL), True) or \
        _library_start(tr, call, info, tr.wrap(recv, P_CALL))


def _library_start(tr: Translator, call: Call, info: ClassInfo, code: str) -> Expr | None:
    """``Sub.start(...)`` of the script's subclass of Net::SMTP that does not
    define it: the library's class-level start, making an object of Sub."""
    if call.name != "start" or not derives_from_smtp(tr, info):
        return None
    return smtp.class_start(tr, call, f"{code}.start", instance(tr, info))


def attribute_target(tr: Translator, node: Node, t: T) -> str:
    """``obj.attr = value``: the target ``obj.attr``."""
    recv_node = node.child_by_field_name("receiver")
    name = tr.text(node.child_by_field_name("method"))
    if recv_node is None:
        raise tr.fail(node, "an attribute without a receiver")
    path = constants.constant_path(tr, recv_node)
    if path is not None and path.startswith(("Net", "OpenSSL")) is False:
        info = constants.find_class(tr, path)
        if info is not None and name in info.class_writers:
            tr.learn(_ivar_key(tr, info, name, True), t)
            return f"{constants.py_path(info)}.{_attr_of_ivar(tr, info, name, True)}"
    recv = tr.expr(recv_node)
    kind = recv.type.kind
    if kind in ("obj", "class"):
        info = tr.classes.get(recv.type.name)
        singleton = kind == "class"
        holder: ClassInfo | None = None  # the class (or an ancestor) with the attr_writer
        if info is not None and singleton:
            holder = info if name in info.class_writers else None
        elif info is not None:
            holder = next((c for c in ancestry(tr, info) if name in c.writers), None)
        if info is not None and holder is not None:
            tr.learn(_ivar_key(tr, info, name, singleton), t)
            return f"{tr.wrap(recv, P_CALL)}.{_attr_of_ivar(tr, info, name, singleton)}"
        owner = next((c for c in ancestry(tr, info) if name + "=" in c.methods), None) \
            if info is not None and not singleton else None
        if owner is not None:  # a setter method: the class's property calls it
            method = owner.methods[name + "="]
            if method.params:
                tr.learn(f"param:{_method_key(owner, name + '=', False)}:{method.params[0]}", t)
            return f"{tr.wrap(recv, P_CALL)}.{py_name(name)}"
        raise tr.fail(node, f"{name}= is not an attribute of {recv.type.name}")
    setter = smtp.setter(tr, node, recv, name, t) or stdlib.setter(tr, node, recv, name, t)
    if setter is None and recv.type.kind == "any":
        setter = duck_writer(tr, recv, name, t)
    if setter is not None:
        return setter
    raise tr.fail(node, f"cannot tell what `{tr.text(recv_node)}` is, so not what {name}= does")


def yield_expr(tr: Translator, node: Node) -> Expr:
    method = tr.scope.method
    if method is None:
        raise tr.fail(node, "yield outside a method")
    args = node.named_children[0].named_children if node.named_children else []
    values = [tr.expr(a) for a in args]
    proc = block_type(tr, tr.scope.key)
    for i, value in enumerate(values):
        tr.learn(f"lambda:{proc.name}:{i}", value.type)
    return Expr(f"{method.block}({', '.join(v.code for v in values)})", proc.elem or ANY,
                P_CALL)


def block_type(tr: Translator, key: str) -> T:
    """The type of the block the method *key* is given: a proc whose
    arguments (``lambda:block:KEY:N``) and value (``...:value``) are learned
    from ``yield`` / ``block.call`` and from the blocks of the calls."""
    name = f"block:{key}"
    return T("proc", elem=tr.known(f"lambda:{name}:value") or tr.unknown, name=name)


def super_expr(tr: Translator, node: Node, args: list[Node] | None = None) -> Expr:
    """``super`` (the same arguments), ``super(a, b)``, ``super()``: the
    method of the class inherited from (``super().__init__(...)``)."""
    method = tr.scope.method
    if method is None or method.owner is None:
        raise tr.fail(node, "super outside a method of a class")
    if args is None:
        codes = [py_name(p) for p in method.params] + [f"{py_name(k)}={py_name(k)}"
                                                        for k in method.keywords]
    else:
        if any(a.type in ("splat_argument", "block_argument", "hash_splat_argument")
               for a in args):
            raise tr.fail(node, "super with a splat or a block")
        codes = [tr.expr(a).code for a in args]
    if method.name == "initialize":
        return Expr(f"super().__init__({', '.join(codes)})", T("nil"), P_CALL)
    parent = _superclass(tr, method.owner)
    singleton = method.singleton
    inherited = None
    for cls in ancestry(tr, parent) if parent is not None else []:
        inherited = (cls.class_methods if singleton else cls.methods).get(method.name)
        if inherited is not None:
            key = _method_key(cls, method.name, singleton)
            break
    if inherited is None:
        raise tr.fail(node, f"super of {method.name}, which no class of the script defines")
    t = tr.known(f"ret:{key}") or tr.unknown
    return Expr(f"super().{inherited.py}({', '.join(codes)})", t, P_CALL)


register_kind("obj", _obj_method)
register_kind("class", _class_method)
