"""The phrasebook, automated: ``Net::SMTP`` and its sessions, replies and
errors (docs/phrasebook.md). Methods get parentheses, readers stay
attributes, ``x?`` is ``is_x()``, ``x=`` an assignment, symbols strings;
``Net::SMTP.start ... do |smtp|``, ``smtp.start do``, ``open_message_stream
do |f|`` become ``with`` statements, ``data do |f|`` and ``rcptto_list do``
a ``block=`` function; ``e.message``, ``"#{e}"`` and ``e.class`` of an
error print what Ruby prints."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..engine import NO_TAIL, P_ATOM, P_CALL, P_CMP, Call, Expr, Tail
from ..syntax import Node
from ..types import ANY, BOOL, FLOAT, INT, NIL, T, dict_of, list_of
from . import blocks, calls, constants, definitions, iterators, openssl, strings
from .calls import DONE, args_code, register_const, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["proc_call", "setter"]

SMTP = T("smtp")
RESPONSE = T("response")
ADAPTER = T("io", name="adapter")

# Readers that stay attributes, with their types.
SMTP_READERS = {
    "address": T("str", nl="no"), "port": ANY, "esmtp": BOOL,
    "capabilities": dict_of(T("str", nl="no"), list_of(T("str", nl="no"))),
    "open_timeout": ANY, "read_timeout": ANY, "tls_verify": ANY, "tls_hostname": ANY,
    "ssl_context_params": ANY, "debug_output": ANY,
}
SMTP_WRITERS = frozenset({"esmtp", "open_timeout", "read_timeout", "tls_verify", "tls_hostname",
                          "ssl_context_params", "debug_output", "write_timeout"})
SMTP_METHODS = {
    "finish": RESPONSE.nil(), "send_message": RESPONSE, "send_mail": RESPONSE,
    "sendmail": RESPONSE, "authenticate": RESPONSE, "rset": RESPONSE, "starttls": RESPONSE,
    "helo": RESPONSE, "ehlo": RESPONSE, "mailfrom": RESPONSE, "rcptto": RESPONSE,
    "quit": RESPONSE, "get_response": RESPONSE, "data": RESPONSE,
    "enable_tls": NIL, "enable_ssl": NIL, "disable_tls": NIL, "disable_ssl": NIL,
    "enable_starttls": NIL, "enable_starttls_auto": NIL, "disable_starttls": NIL,
    "set_debug_output": NIL, "capable_auth_types": list_of(T("str", nl="no")),
    "inspect": T("str", nl="no"), "rcptto_list": ANY,
}
SMTP_PREDICATES = {
    "started?": BOOL, "esmtp?": BOOL, "tls?": BOOL, "ssl?": BOOL, "starttls?": ANY,
    "starttls_always?": BOOL, "starttls_auto?": BOOL, "capable?": BOOL.nil(),
    "capable_starttls?": BOOL.nil(), "capable_plain_auth?": BOOL.nil(),
    "capable_login_auth?": BOOL.nil(), "capable_cram_md5_auth?": BOOL.nil(),
    "auth_capable?": BOOL.nil(),
}
RESPONSE_READERS = {
    "status": T("str", nl="no"), "string": T("str", nl="yes"), "message": T("str", nl="yes"),
    "status_type_char": T("str", nl="no"), "capabilities": dict_of(T("str"), list_of(T("str"))),
    "cram_md5_challenge": ANY, "exception_class": T("class"),
}


def _net_smtp_call(tr: Translator, call: Call) -> Expr | None:
    name = call.name
    tr.need("net_smtp:Net")
    if name == "new":
        if call.block is not None:
            raise tr.fail(call.node, "Net::SMTP.new with a block")
        return Expr(f"Net.SMTP({', '.join(args_code(tr, call))})", SMTP, P_CALL)
    if name == "start":
        return _start(tr, call, "Net.SMTP.start")
    if name in ("default_port", "default_submission_port", "default_tls_port",
                "default_ssl_port") and not call.args:
        return Expr(f"Net.SMTP.{name}()", INT, P_CALL)
    if name == "default_ssl_context":
        tr.need("ssl")
        return Expr(f"Net.SMTP.default_ssl_context({', '.join(args_code(tr, call))})",
                    T("ctx"), P_CALL)
    return None


def class_start(tr: Translator, call: Call, head: str, session: T) -> Expr:
    """``Subclass.start(...)`` of the script's subclass of Net::SMTP: the
    library's start (*head*), its session of the subclass's type."""
    found = _start(tr, call, head)
    return found if found is DONE else Expr(found.code, session, found.prec)


def _start(tr: Translator, call: Call, head: str) -> Expr:
    """``start(...)`` with or without a block: a ``with`` statement, or the
    started session."""
    args = args_code(tr, call)
    if call.block is None:
        return Expr(f"{head}({', '.join(args)})", SMTP, P_CALL)
    names = blocks.block_params(tr, call.block)
    if len(names) > 1:
        raise tr.fail(call.block, "a start block with several parameters")
    if not call.statement:  # its value is the block's: start(..., block=lambda)
        body = blocks.one_expression(call.block)
        if body is None:
            raise tr.fail(call.node, "a start block of several statements inside an expression")
        with blocks.params_bound(tr, names or ["_"], [SMTP]) as targets:
            value = tr.expr(body)
        return Expr(f"{head}({', '.join([*args, f'block=lambda {targets[0]}: {value.code}'])})",
                    value.type, P_CALL)
    with blocks.params_bound(tr, names, [SMTP]) as targets:
        target = f" as {targets[0]}" if targets else ""
        tr.emit(f"with {head}({', '.join(args)}){target}:")
        blocks.block_body(tr, call.block, call.tail or Tail())
    return DONE


# Ruby's Net::SMTP 0.5.1 public instance methods (Net::SMTP.public_instance_methods(false)),
# and the Object methods scripts ask about: what respond_to? answers true for.
RUBY_SMTP_METHODS = frozenset("""
address auth_capable? authenticate capabilities capable? capable_auth_types
capable_cram_md5_auth? capable_login_auth? capable_plain_auth? capable_starttls? data
debug_output= disable_ssl disable_starttls disable_tls ehlo enable_ssl enable_starttls
enable_starttls_auto enable_tls esmtp esmtp= esmtp? finish get_response helo inspect mailfrom
open_message_stream open_timeout open_timeout= port quit rcptto rcptto_list read_timeout
read_timeout= ready rset send_mail send_message sendmail set_debug_output ssl?
ssl_context_params ssl_context_params= start started? starttls starttls? starttls_always?
starttls_auto? tls? tls_hostname tls_hostname= tls_verify tls_verify=
to_s class nil? is_a? kind_of? instance_of? respond_to? frozen? object_id hash dup tap then
""".split())


def _smtp_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    r = tr.wrap(recv, P_CALL)
    if name == "respond_to?" and len(call.args) == 1 and call.args[0].type == "simple_symbol":
        # known from Ruby's own class: no need to ask the Python object
        return Expr(str(tr.text(call.args[0])[1:] in RUBY_SMTP_METHODS), BOOL, P_ATOM)
    if name == "start":
        return _start(tr, call, f"{r}.start")
    if name in ("open_message_stream", "ready") and call.block is not None and \
            call.tail is not None and call.tail.kind != "none":
        # its value is used (a method's last statement): the server's reply,
        # which the form with block= returns
        fn = blocks.function_for_block(tr, call.block, "write_message", [ADAPTER])
        args = args_code(tr, call) + [f"block={fn}"]
        return Expr(f"{r}.{name}({', '.join(args)})", RESPONSE, P_CALL)
    if name in ("open_message_stream", "ready") and call.block is not None:
        if not call.statement:
            raise tr.fail(call.node, "a message stream block used inside an expression")
        args = args_code(tr, call)
        names = blocks.block_params(tr, call.block)
        with blocks.params_bound(tr, names, [ADAPTER]) as targets:
            target = f" as {targets[0]}" if targets else ""
            tr.emit(f"with {r}.{name}({', '.join(args)}){target}:")
            blocks.block_body(tr, call.block)
        return DONE
    if name in ("data", "rcptto_list") and call.block is not None:
        types = [ADAPTER] if name == "data" else []
        fn = blocks.function_for_block(tr, call.block, "write_message" if name == "data"
                                       else "after_recipients", types)
        args = args_code(tr, call) + [f"block={fn}"]
        return Expr(f"{r}.{name}({', '.join(args)})", SMTP_METHODS[name], P_CALL)
    if call.block is not None:
        return None
    if name == "starttls?" and not call.args:  # :always, :auto or false
        return Expr(f"{tr.runtime('symbol')}({r}.is_starttls())", T("any", name="mixed"),
                    P_CALL)
    if name in SMTP_PREDICATES:
        args = args_code(tr, call)
        return Expr(f"{r}.is_{name[:-1]}({', '.join(args)})", SMTP_PREDICATES[name], P_CALL)
    if name in SMTP_READERS and not call.args:
        return Expr(f"{r}.{name}", SMTP_READERS[name], P_CALL)
    if name in SMTP_METHODS:
        args = args_code(tr, call)
        return Expr(f"{r}.{name}({', '.join(args)})", SMTP_METHODS[name], P_CALL)
    if name in ("to_s",) and not call.args:
        return Expr(f"{tr.runtime('to_s')}({recv.code})", T("str"), P_CALL)
    return None


def _response_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    r = tr.wrap(recv, P_CALL)
    if call.args or call.block is not None:
        return None
    if name in RESPONSE_READERS:
        return Expr(f"{r}.{name}", RESPONSE_READERS[name], P_CALL)
    if name in ("success?", "continue?"):
        return Expr(f"{r}.is_{name[:-1]}()", BOOL, P_CALL)
    if name == "inspect":
        return Expr(f"{r}.inspect()", T("str", nl="no"), P_CALL)
    return None


def _error_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """Methods of a rescued exception."""
    name = call.name
    r = tr.wrap(recv, P_CALL)
    smtp = recv.type.kind == "smtp_error"
    if name == "respond_to?" and len(call.args) == 1 and call.args[0].type == "simple_symbol" \
            and call.block is None:
        # Ruby's class for the exception decides, through the runtime
        symbol = tr.text(call.args[0])[1:]
        return Expr(f"{tr.runtime('responds_to')}({recv.code}, {symbol!r})", BOOL, P_CALL)
    if call.args or call.block is not None:
        return None
    if name in ("message", "to_s", "inspect", "full_message"):
        strings.refuse_json_error_text(tr, recv.type, call.node)
    if name == "message":
        if smtp:
            return Expr(f"{r}.message", T("str", nl="yes" if recv.type.name == "reply" else "?"),
                        P_CALL)
        return Expr(f"{tr.runtime('message')}({recv.code})", T("str", nl="?"), P_CALL)
    if name in ("to_s",):
        if smtp:
            return Expr(f"{tr.runtime('to_s')}({recv.code})", T("str", nl="no"), P_CALL)
        return Expr(f"{tr.runtime('to_s')}({recv.code})", T("str", nl="?"), P_CALL)
    if name == "response":
        # (nil but for an error raised for a reply: STARTTLS missing raises
        # SMTPUnsupportedCommand with a text)
        return Expr(f"{r}.response", RESPONSE if recv.type.name == "reply" else RESPONSE.nil(),
                    P_CALL)
    if name == "errno" and recv.type.name == "SystemCallError":
        return Expr(f"{r}.errno", INT, P_CALL)
    if name == "key" and recv.type.name == "KeyError":
        # Python's KeyError carries the missing key as its only argument.
        return Expr(f"{r}.args[0]", ANY, P_CALL)
    if name == "class":
        return Expr(f"{tr.runtime('class_of')}({recv.code})", T("str", nl="no", name="class"),
                    P_CALL)
    if name == "inspect":
        return Expr(f"{tr.runtime('inspect')}({recv.code})", T("str", nl="no"), P_CALL)
    if name in ("full_message", "backtrace"):
        # Python's call stack reads differently from Ruby's: only where the
        # script writes it to standard error, whose text is not the behaviour.
        if not _writes_to_stderr(tr):
            raise tr.fail(call.node, f"{name} (Ruby's call stack) shown on standard output")
        tr.need("traceback")
        if name == "backtrace":
            return Expr(f"[line.rstrip() for line in traceback.format_tb({r}.__traceback__)]",
                        list_of(T("str", nl="no")))
        return Expr(f"''.join(traceback.format_exception(type({r}), {r}, {r}.__traceback__))",
                    T("str", nl="yes"), P_CALL)
    return None


def _writes_to_stderr(tr: Translator) -> bool:
    statement = tr.stmt_node
    if statement is None:
        return False
    text = tr.text(statement).lstrip()
    return text.startswith(("$stderr.", "STDERR.", "warn ", "warn("))


def _class_name_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """``e.class.name`` / ``e.class.to_s``: the name as a plain String (the
    class itself shows bare in ``p``); ``e.class.superclass``: the name of
    its superclass, the script's own classes' as they are written
    (``ruby.superclass_name``)."""
    if recv.type.name == "class" and call.name in ("name", "to_s", "inspect") and not call.args:
        return Expr(f"str({recv.code})", T("str", nl="no"), P_CALL)
    if recv.type.name == "class" and call.name == "superclass" and not call.args:
        own = {}
        for info in tr.classes.values():
            if info.module or info.struct:
                continue
            base = constants.find_class(tr, info.superclass, info.outer) \
                if info.superclass else None
            own[info.path] = base.path if base is not None else info.superclass or "Object"
        table = ", ".join(f"{tr.string(k)}: {tr.string(v)}" for k, v in sorted(own.items()))
        return Expr(f"{tr.runtime('superclass_name')}({recv.code}, {{{table}}})",
                    T("str", nl="no", name="class"), P_CALL)
    return None


_BY_REFERENCE = frozenset({"list", "dict", "set", "obj", "smtp", "response", "error",
                           "smtp_error", "ctx", "ostruct"})


def _any_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """Methods every Ruby object has, whatever the receiver."""
    name = call.name
    if name in _METAPROGRAMMING:
        raise tr.fail(call.node, f"{name} runs or inspects Ruby code at run time")
    if name == "tap" and (call.block is not None and not call.args or
                          iterators.symbol_block(tr, call) is not None):
        return _tap(tr, call, recv)
    if name in ("then", "yield_self") and call.block is not None and not call.args:
        return _then(tr, call, recv)
    if call.block is not None:
        return None
    if name == "equal?" and len(call.args) == 1 and recv.type.kind in _BY_REFERENCE:
        # the same object (Strings and numbers may be shared in Python)
        other = tr.expr(call.args[0])
        return Expr(f"{tr.wrap(recv, P_CMP + 1)} is {tr.wrap(other, P_CMP + 1)}", BOOL, P_CMP)
    if name in ("name", "to_s") and not call.args and recv.type.kind == "class" and \
            recv.type.non_nil().kind == "class":
        # a class's name as Ruby writes it (Errno::EINVAL, Net::SMTPFatalError...)
        return Expr(f"{tr.runtime('class_name')}({recv.code})", T("str", nl="no"), P_CALL)
    if name == "cause" and not call.args and recv.type.kind in ("error", "smtp_error", "obj"):
        # the exception being handled when this one was raised
        return Expr(f"{tr.runtime('cause')}({recv.code})", T("error", nilable=True), P_CALL)
    if name == "nil?" and not call.args:
        return Expr(f"{tr.wrap(recv, P_CMP + 1)} is None", BOOL, P_CMP)
    if name == "class" and not call.args and _has_class_members(tr, recv.type):
        # an object of the script's own classes: its class, whose methods and
        # class-level attributes (class << self) the script may use
        return Expr(f"type({recv.code})", T("class", name=recv.type.name), P_CALL)
    if name == "class" and not call.args:
        return Expr(f"{tr.runtime('class_of')}({recv.code})", T("str", nl="no", name="class"),
                    P_CALL)
    if name in ("to_s",) and not call.args and recv.type.kind in ("nil", "bool", "any", "num"):
        return strings.str_of(tr, recv)
    if name == "inspect" and not call.args:
        return Expr(strings.inspect_code(tr, recv, call.node), T("str", nl="no"),
                    P_CALL)
    if name in ("is_a?", "kind_of?", "instance_of?") and len(call.args) == 1:
        path = constants.constant_path(tr, call.args[0])
        test = constants.class_test(tr, path, recv, exact=name == "instance_of?") \
            if path else None
        if test is None:
            raise tr.fail(call.node, f"{name} with a class the translator does not know or "
                                     f"cannot tell apart")
        return Expr(test, BOOL, P_CMP)
    if name in ("freeze", "itself", "dup") and not call.args and recv.type.kind != "any":
        return recv
    if name == "==" and len(call.args) == 1:
        other = tr.expr(call.args[0])
        return Expr(f"{tr.wrap(recv, P_CMP + 1)} == {tr.wrap(other, P_CMP + 1)}", BOOL, P_CMP)
    if name in ("to_i", "to_f") and not call.args and recv.type.kind in ("any", "num", "nil"):
        return Expr(f"{tr.runtime(name)}({recv.code})", INT if name == "to_i" else FLOAT,
                    P_CALL)
    if name == "to_s" and not call.args and recv.type.kind in ("num", "list", "dict"):
        return strings.str_of(tr, recv)
    if recv.type.kind == "nil" and name == "to_a":
        return Expr("[]", list_of(ANY))
    if name in ("call", "()", "[]", "yield") and recv.type.kind == "proc":
        return proc_call(tr, call.node, recv, call.args)
    return None


def proc_call(tr: Translator, node: Node, proc: Expr, args: list[Node]) -> Expr:
    """``f.call(a)``, ``f.(a)``, ``f[a]``: ``f(a)``; what the arguments are is
    learned for the lambda's parameters."""
    arity = proc.type.items
    if arity is not None and len(arity) != len(args) or any(
            a.type in ("splat_argument", "block_argument", "pair") for a in args):
        raise tr.fail(node, "a lambda called with other arguments than its parameters")
    values = [tr.expr(a) for a in args]
    for i, value in enumerate(values):
        tr.learn(f"lambda:{proc.type.name}:{i}", value.type)
    return Expr(f"{tr.wrap(proc, P_CALL)}({', '.join(v.code for v in values)})",
                proc.type.elem or tr.unknown, P_CALL)


def _has_class_members(tr: Translator, t: T) -> bool:
    """Whether *t* is an object of one of the script's classes that has (or
    inherits) class methods, class-level attributes or constants."""
    info = tr.classes.get(t.name or "") if t.kind == "obj" and not t.nilable else None
    return info is not None and any(
        c.class_methods or c.class_readers or c.class_writers or c.constants
        for c in definitions.ancestry(tr, info))


def _tap(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``x.tap { |o| ... }`` as statements: ``o = x``, the block, and x is
    the value."""
    if not call.statement:
        if not blocks.hoistable(tr, call.node):
            raise tr.fail(call.node, "tap inside an expression")
        # the receiver of a call, or an assigned value: the same statements first
        return tr.hoist(call.node, lambda: _tapped(tr, call, recv))
    _tapped(tr, call, recv, to_tail=True)
    return DONE


def _tapped(tr: Translator, call: Call, recv: Expr, to_tail: bool = False) -> Expr:
    """Write ``x.tap { |o| ... }`` as statements; its value is x's name."""
    symbol = iterators.symbol_block(tr, call)  # tap(&:enable_tls)
    names = blocks.block_params(tr, call.block) if call.block is not None else []
    if len(names) > 1 or (names and names[0].startswith("(")):
        raise tr.fail(call.node, "tap with several block parameters")
    with blocks.params_bound(tr, names or ["tapped"], [recv.type]) as targets:
        tr.emit(f"{targets[0]} = {recv.code}")
        if symbol is not None:
            item = Expr(targets[0], recv.type)
            done = calls.dispatch(tr, Call(symbol.node, symbol.name, None, [], None,
                                                recv=item), item)
            if done.code:
                tr.emit(done.code)
        elif call.block is not None:
            tr.body(blocks.block_statements(call.block), NO_TAIL)
    value = Expr(targets[0], recv.type)
    if to_tail:
        iterators.to_tail(tr, call, value)
    return value


def _then(tr: Translator, call: Call, recv: Expr) -> Expr:
    """``x.then { |v| ... }``: the block's value with v standing for x (a
    name as it is; anything else computed once, as a lambda's argument)."""
    assert call.block is not None
    names = blocks.block_params(tr, call.block)
    body = blocks.one_expression(call.block)
    if len(names) > 1 and body is not None and recv.type.is_("list") and \
            not any(n.startswith(("(", "*", "&")) for n in names):
        # list.then { |h, m| ... }: the Array taken apart, as a proc's parameters take it
        elem = recv.type.elem or tr.unknown
        with blocks.params_bound(tr, names, [elem.nil()] * len(names)) as targets:
            value = tr.expr(body)
        return Expr(f"(lambda {', '.join(targets)}: {value.code})("
                    f"*{tr.runtime('fields')}({recv.code}, {len(names)}))", value.type, P_CALL)
    if len(names) > 1 or (names and names[0].startswith("(")):
        raise tr.fail(call.node, f"{call.name} with several block parameters")
    if body is None:
        return _then_statements(tr, call, recv, names)
    if re.fullmatch(r"[\w.]+", recv.code) or not names:
        codes = {n: recv.code for n in names}
        with blocks.params_bound(tr, names, [recv.type], codes):
            return tr.expr(body)
    with blocks.params_bound(tr, names, [recv.type]) as targets:
        value = tr.expr(body)
    return Expr(f"(lambda {targets[0]}: {value.code})({recv.code})", value.type, P_CALL)


def _then_statements(tr: Translator, call: Call, recv: Expr, names: list[str]) -> Expr:
    """``x.then do |v| ...several statements... end`` standing as a
    statement: ``v = x``, then the block's statements, the last one's value
    going where the call's goes."""
    assert call.block is not None
    if not call.statement:
        raise tr.fail(call.node, f"{call.name} with a block of several statements, used "
                                 "inside an expression")
    if blocks.contains(call.block, ("next", "break", "redo", "retry")):
        raise tr.fail(call.node, f"next or break in a {call.name} block of several statements")
    with blocks.params_bound(tr, names or ["value"], [recv.type]) as targets:
        if names:
            tr.emit(f"{targets[0]} = {recv.code}")
        elif not re.fullmatch(r"[\w.]*", recv.code):  # computed for its effects only
            tr.emit(recv.code)
        tr.body(blocks.block_statements(call.block), call.tail or NO_TAIL)
    return DONE


_METAPROGRAMMING = frozenset({
    "instance_eval", "class_eval", "module_eval", "instance_exec", "class_exec", "send",
    "public_send", "__send__", "define_method", "method", "instance_variable_get",
    "instance_variable_set", "instance_variables", "respond_to?", "extend", "singleton_class",
    "define_singleton_method", "method_missing", "binding",
})


def setter(tr: Translator, node: Node, recv: Expr, name: str, t: T) -> str | None:
    """``smtp.read_timeout = 5`` (and the OpenSSL context's setters)."""
    if recv.type.kind == "smtp" and name in SMTP_WRITERS:
        return f"{tr.wrap(recv, P_CALL)}.{name}"
    if recv.type.kind == "ctx":
        return openssl.setter(tr, node, recv, name, t)
    return None


def _adapter_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """The WriteAdapter of a message block keeps Ruby's method names."""
    if recv.type.name != "adapter":
        return None
    name = call.name
    if name in ("puts", "print", "write", "printf") and call.block is None:
        args = []
        for arg in call.args:
            value = tr.expr(arg)
            if not value.type.is_("str", "int", "float") and name != "printf":
                value = strings.str_of(tr, value)
            args.append(value.code)
        # (each answers the wire bytes of the lines it completed, as Ruby's)
        return Expr(f"{tr.wrap(recv, P_CALL)}.{name}({', '.join(args)})", INT, P_CALL)
    return None


def _net_class_call(tr: Translator, call: Call) -> Expr | None:
    """``Net::SMTP::Response.parse(s)``, ``Net::SMTPFatalError.new(res)``..."""
    path = constants.constant_path(tr, call.recv_node) if call.recv_node is not None else None
    if path is None or call.block is not None:
        return None
    tr.need("net_smtp:Net")
    target = "Net." + path[5:].replace("::", ".")
    args = args_code(tr, call)
    if path == "Net::SMTP::Response" and call.name in ("parse", "new"):
        head = f"{target}.parse" if call.name == "parse" else target
        return Expr(f"{head}({', '.join(args)})", RESPONSE, P_CALL)
    if call.name == "new" and path[5:] in _ERROR_CLASSES:
        reply = path[5:] in ("SMTPAuthenticationError", "SMTPServerBusy", "SMTPSyntaxError",
                             "SMTPFatalError")
        return Expr(f"{target}({', '.join(args)})",
                    T("smtp_error", name="reply" if reply else ""), P_CALL)
    if path == "Net::SMTP::Address" and call.name == "new":
        return Expr(f"{target}({', '.join(args)})", T("address"), P_CALL)
    return None


def _address_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """``Net::SMTP::Address``'s readers and ``to_s`` (its address)."""
    if call.args or call.block is not None:
        return None
    r = tr.wrap(recv, P_CALL)
    if call.name in ("address", "to_s"):
        return Expr(f"{r}.address", T("str", nl="no"), P_CALL)
    if call.name == "parameters":
        return Expr(f"{r}.parameters", list_of(T("str", nl="no")), P_CALL)
    return None


_ERROR_CLASSES = frozenset({"SMTPAuthenticationError", "SMTPServerBusy", "SMTPSyntaxError",
                            "SMTPFatalError", "SMTPUnknownError", "SMTPUnsupportedCommand"})

register_const("Net::SMTP::Response", _net_class_call)
register_const("Net::SMTP::Address", _net_class_call)
for _error in _ERROR_CLASSES:
    register_const(f"Net::{_error}", _net_class_call)
register_const("Net::SMTP", _net_smtp_call)
register_const("Net::SMTPSession", _net_smtp_call)
register_kind("smtp", _smtp_method)
register_kind("response", _response_method)
register_kind("address", _address_method)
register_kind("smtp_error", _error_method)
register_kind("error", _error_method)
register_kind("io", _adapter_method)
register_kind("str", _class_name_method, first=True)
register_kind("any", _any_method)
