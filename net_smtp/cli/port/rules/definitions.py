"""Definitions: ``def`` (defaults, keywords, splats, method-level
``rescue``, implicit return values, ``yield``), classes (``attr_*``,
``initialize``, instance variables, ``to_s``, ``self.`` methods, ``class <<
self``) and modules as namespaces (a class of static methods)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..declarations import makes_static
from ..engine import P_CALL, Call, Expr, Tail, Unsupported
from ..scope import ClassInfo, MethodInfo, Scope, py_name
from ..syntax import Node
from ..types import ANY, T, join
from . import blocks, calls, collections, constants, smtp, statements
from .calls import args_code, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["class_call", "definition", "has_to_s", "ivar", "self_call", "self_expr"]

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
        if obj is None or tr.text(obj) != "self":
            raise tr.fail(node, "a singleton method on something but self")
    if owner is None:
        if is_singleton:
            raise tr.fail(node, "def self.x outside a class")
        info = tr.functions.get(name)
    else:
        info = (owner.class_methods if is_singleton else owner.methods).get(name)
    if info is None:
        raise tr.fail(node, f"method {name} not found in the first pass")
    if name.endswith("=") and name not in ("==",):
        raise tr.fail(node, "a setter method")
    key = f"{owner.path if owner else ''}#{'.' if is_singleton else ''}{name}"
    self_code = "cls" if is_singleton else "self"
    uses_self = owner is not None and _refers_to_self(tr, node, owner, is_singleton)
    params = _parameters(tr, node, key)
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
    scope.base_level = tr.level + 1
    if decorator:
        tr.emit(decorator)
    with tr.new_scope(scope):
        saved_loop, tr.loop_depth = tr.loop_depth, 0
        saved_block, tr.block_depth = tr.block_depth, 0
        try:
            declared = _bind_params(tr, node, key)
            tr.emit(f"def {info.py}({', '.join(params)}):")
            with tr.indented():
                for line in declared:
                    tr.emit(line)
                body = node.child_by_field_name("body")
                children = list(body.named_children) if body is not None else []
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
    names = set(owner.class_methods if singleton else owner.methods) | (
        owner.class_readers | owner.class_writers if singleton else owner.readers | owner.writers)

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
            default = tr.expr(value)
            if value.type in ("array", "hash") or default.type.kind in ("list", "dict"):
                out.append(f"{name}=None")
            else:
                out.append(f"{name}={default.code}")
        elif kind == "splat_parameter":
            out.append(f"*{name}" if name else "*args")
            star = True
        elif kind == "keyword_parameter":
            if not star:
                out.append("*")
                star = True
            value = p.child_by_field_name("value")
            out.append(f"{name}={tr.expr(value).code}" if value is not None else name)
        elif kind == "hash_splat_parameter":
            out.append(f"**{name}" if name else "**kwargs")
        elif kind == "block_parameter":
            out.append(f"{name}=None")
        elif kind == "comment":
            continue
        else:
            raise tr.fail(p, f"a parameter of kind {kind.replace('_', ' ')}")
    return out


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
        t = tr.known(f"param:{key}:{name}") or tr.unknown
        if kind == "splat_parameter":
            t = T("list", elem=t.elem if t.kind == "list" else ANY)
        elif kind == "hash_splat_parameter":
            t = T("dict", key=T("str"), elem=ANY)
        elif kind == "block_parameter":
            t = T("proc")
        elif kind in ("optional_parameter", "keyword_parameter"):
            value = p.child_by_field_name("value")
            if value is not None:
                default = tr.expr(value)
                t = join(t, default.type) if t is not ANY else default.type
                if value.type in ("array", "hash"):
                    var = tr.declare(name, t)
                    lines.append(f"if {var.py} is None:")
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
    bases = ""
    if info.superclass:
        base = constants.class_for_base(tr, node, info.superclass)
        bases = f"({base})"
    tr.emit(f"class {info.py}{bases}:")
    scope = Scope("class", parent=tr.scope, cls=info, self_code=info.py, key=info.path)
    with tr.new_scope(scope):
        with tr.indented():
            body = node.child_by_field_name("body")
            attrs = sorted(info.readers | info.writers)
            for attr in attrs:
                tr.emit(f"{py_name(attr)} = None")
            assigned = _class_level_ivars(tr, body)
            for attr in sorted((info.class_readers | info.class_writers) - assigned):
                tr.emit(f"{py_name(attr)} = None")
            if attrs and body is not None:
                tr.emit("")
            if body is not None:
                _class_body(tr, list(body.named_children))


def struct_class(tr: Translator, left: Node, right: Node) -> None:
    """``Name = Struct.new(:a, :b[, keyword_init: true]) do ... end``: a class
    whose members default to None, set positionally (or by keyword)."""
    owner = _owner(tr)
    name = tr.text(left)
    path = (owner.path + "::" if owner else "") + name
    info = tr.classes.get(path)
    if info is None or tr.scope.kind == "def":
        raise tr.fail(right, "Struct.new here")
    call = calls.split_call(tr, right)
    keyword = False
    for arg in call.args:
        if arg.type == "pair":
            if tr.text(arg).replace(" ", "") not in ("keyword_init:true", ":keyword_init=>true"):
                raise tr.fail(arg, "a Struct option")
            keyword = True
        elif arg.type != "simple_symbol":
            raise tr.fail(arg, "a Struct member that is not a Symbol")
    members = [py_name(m) for m in info.struct]
    star = ["*"] if keyword else []
    tr.emit(f"class {info.py}:")
    scope = Scope("class", parent=tr.scope, cls=info, self_code=info.py, key=info.path)
    with tr.new_scope(scope), tr.indented():
        tr.emit(f"def __init__(self, {', '.join(star + [m + '=None' for m in members])}):")
        with tr.indented():
            for member in members:
                tr.emit(f"self.{member} = {member}")
        block = right.child_by_field_name("block")
        if block is not None:
            tr.emit("")
            body = block.child_by_field_name("body")
            _class_body(tr, list(body.named_children) if body is not None else [])


def _class_level_ivars(tr: Translator, body: Node | None) -> set[str]:
    """Instance variables the class body itself assigns (``@x = []``)."""
    names = set()
    for child in body.named_children if body is not None else []:
        if child.type == "assignment":
            left = child.child_by_field_name("left")
            if left is not None and left.type == "instance_variable":
                names.add(tr.text(left)[1:])
    return names


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
            if tr.text(child) == "extend self":
                continue
            tr.statement(_Fail(child, "include/extend of a module"))
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


class _Fail:
    """A stand-in node whose translation is a marker."""

    def __init__(self, node: Node, why: str) -> None:
        self.node = node
        self.why = why
        self.type = "port_fail"
        self.start_point = node.start_point
        self.end_point = node.end_point
        self.start_byte = node.start_byte
        self.named_children: list[Node] = []
        self.text = node.text


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
            tr.statement(_Fail(child, "this statement inside class << self"))


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
    return Expr("self", T("obj", name=info.path))


def ivar(tr: Translator, node: Node, t: T | None = None) -> Expr:
    info = _class_info(tr)
    name = tr.text(node)[1:]
    if info is None:
        raise tr.fail(node, "an instance variable outside a class")
    in_body = tr.scope.kind == "class"  # the class's own instance variable
    if not in_body and tr.scope.kind != "def":
        raise tr.fail(node, "an instance variable outside a method")
    singleton = in_body or _in_singleton(tr)
    attr = (py_name(name) if name in (info.class_readers | info.class_writers) else "_" + name) \
        if singleton else info.ivar(name)
    key = f"ivar:{info.path}:{'.' if singleton else ''}{name}"
    if t is not None:
        tr.learn(key, t)
    if in_body:
        return Expr(attr, tr.known(key) or tr.unknown)
    owner = "cls" if singleton else "self"
    return Expr(f"{owner}.{attr}", tr.known(key) or tr.unknown)


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


def has_to_s(tr: Translator, t: T) -> bool:
    info = tr.classes.get(t.name)
    return info is not None and "to_s" in info.methods


def _member(tr: Translator, info: ClassInfo, call: Call, owner_code: str,
            singleton: bool) -> Expr | None:
    name = call.name
    readers = info.class_readers if singleton else info.readers
    writers = info.class_writers if singleton else info.writers
    methods = info.class_methods if singleton else info.methods
    key = f"{info.path}#{'.' if singleton else ''}{name}"
    if name in methods:
        m = methods[name]
        if m.uses_yield or call.block is not None:
            return _call_with_block(tr, call, m, f"{owner_code}.{m.py}", key)
        _learn_args(tr, call, m, key)
        args = args_code(tr, call, keyword_ok=m.takes_keywords)
        t = tr.known(f"ret:{key}") or tr.unknown
        return Expr(f"{owner_code}.{m.py}({', '.join(args)})", t, P_CALL)
    if name in readers and not call.args and call.block is None:
        ikey = f"ivar:{info.path}:{'.' if singleton else ''}{name}"
        return Expr(f"{owner_code}.{py_name(name)}", tr.known(ikey) or tr.unknown, P_CALL)
    if name.endswith("=") and name[:-1] in writers:
        raise tr.fail(call.node, "a setter called as a method")
    if info.superclass and info.superclass.startswith(("StandardError", "RuntimeError",
                                                       "Exception", "ArgumentError")):
        if name == "message" and not call.args:
            return Expr(f"str({owner_code})", T("str"), P_CALL)
    return None


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
        for pair in pairs:
            k = collections.hash_key(tr, pair.child_by_field_name("key"))
            fields[k] = tr.expr(pair.child_by_field_name("value")).type
        tr.learn(f"param:{key}:{m.params[len(positional)]}",
                 T("dict", key=T("str"), fields=tuple(sorted(fields.items()))))
    for arg in call.args:
        if arg.type == "pair":
            k = arg.child_by_field_name("key")
            if k.type == "hash_key_symbol":
                tr.learn(f"param:{key}:{tr.text(k)}", tr.expr(arg.child_by_field_name(
                    "value")).type)


def _call_with_block(tr: Translator, call: Call, m: MethodInfo, code: str, key: str) -> Expr:
    if call.block is None:
        raise tr.fail(call.node, f"{m.name} yields but is called without a block")
    if not call.statement:
        raise tr.fail(call.node, f"a block given to {m.name} used for its value")
    _learn_args(tr, call, m, key)
    fn = blocks.function_for_block(tr, call.block, "block", [])
    args = args_code(tr, call, keyword_ok=m.takes_keywords) + [f"block={fn}"]
    return Expr(f"{code}({', '.join(args)})", tr.known(f"ret:{key}") or tr.unknown, P_CALL)


def self_call(tr: Translator, call: Call) -> Expr | None:
    """A receiver-less call to a method (or attribute) of the script."""
    name = call.name
    info = _class_info(tr)
    if info is not None and tr.scope.kind == "def":
        singleton = _in_singleton(tr)
        owner = ("cls" if singleton else "self")
        found = _member(tr, info, call, owner, singleton)
        if found is not None:
            return found
    function = tr.functions.get(name)
    if function is not None:
        key = f"#{name}"
        if function.uses_yield or call.block is not None:
            return _call_with_block(tr, call, function, function.py, key)
        _learn_args(tr, call, function, key)
        args = args_code(tr, call, keyword_ok=function.takes_keywords)
        result = tr.known(f"ret:{key}") or tr.unknown
        return Expr(f"{function.py}({', '.join(args)})", result, P_CALL)
    return None


def class_call(tr: Translator, call: Call, path: str) -> Expr | None:
    """``Klass.new(...)``, ``Klass.method``, ``Module.method`` of the script."""
    info = constants.find_class(tr, path)
    if info is None:
        return None
    code = constants.py_path(info)
    if call.name == "new":
        init = info.methods.get("initialize")
        if init is not None:
            _learn_args(tr, call, init, f"{info.path}#initialize")
        args = args_code(tr, call, keyword_ok=init is None or init.takes_keywords)
        return Expr(f"{code}({', '.join(args)})", T("obj", name=info.path), P_CALL)
    found = _member(tr, info, call, code, True)
    if found is not None:
        return found
    return None


def _obj_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    info = tr.classes.get(recv.type.name)
    if info is None:
        return None
    if call.name == "to_s" and not call.args and "to_s" in info.methods:
        return Expr(f"str({recv.code})", T("str"), P_CALL)
    return _member(tr, info, call, tr.wrap(recv, P_CALL), False)


def _class_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    info = tr.classes.get(recv.type.name)
    if info is None:
        return None
    if call.name == "new":
        args = args_code(tr, call)
        return Expr(f"{recv.code}({', '.join(args)})", T("obj", name=info.path), P_CALL)
    return _member(tr, info, call, tr.wrap(recv, P_CALL), True)


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
            tr.learn(f"ivar:{info.path}:.{name}", t)
            return f"{constants.py_path(info)}.{py_name(name)}"
    recv = tr.expr(recv_node)
    kind = recv.type.kind
    if kind == "obj":
        info = tr.classes.get(recv.type.name)
        if info is not None and name in info.writers:
            tr.learn(f"ivar:{info.path}:{name}", t)
            return f"{tr.wrap(recv, P_CALL)}.{py_name(name)}"
        raise tr.fail(node, f"{name}= is not an attribute of {recv.type.name}")
    if kind == "self":
        pass
    setter = smtp.setter(tr, node, recv, name, t)
    if setter is not None:
        return setter
    raise tr.fail(node, f"cannot tell what `{tr.text(recv_node)}` is, so not what {name}= does")


def yield_expr(tr: Translator, node: Node) -> Expr:
    method = tr.scope.method
    if method is None:
        raise tr.fail(node, "yield outside a method")
    args = node.named_children[0].named_children if node.named_children else []
    codes = [tr.expr(a).code for a in args]
    return Expr(f"block({', '.join(codes)})", ANY, P_CALL)


def super_expr(tr: Translator, node: Node) -> Expr:
    method = tr.scope.method
    if method is None or method.owner is None:
        raise tr.fail(node, "super outside a method of a class")
    if method.name != "initialize":
        raise tr.fail(node, "super outside initialize")
    args_node = node.child_by_field_name("arguments") if hasattr(node, "child_by_field_name") \
        else None
    if node.named_children:
        inner = node.named_children[0]
        codes = [tr.expr(a).code for a in inner.named_children]
    elif args_node is None and tr.text(node).strip() == "super":
        codes = [py_name(p) for p in method.params]
    else:
        codes = []
    return Expr(f"super().__init__({', '.join(codes)})", T("nil"), P_CALL)


register_kind("obj", _obj_method)
register_kind("class", _class_method)
