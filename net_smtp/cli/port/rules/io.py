"""Kernel and I/O: ``require``, ``puts``/``print``/``p``/``printf``/
``warn``, ``$stdout``/``$stderr``/``STDOUT``, ``exit``/``abort``,
``sleep``, ``Integer()``/``format``, ``File.read``/``File.open``/
``File.basename``..., ``__FILE__ == $0``, ``DATA``, ``SecureRandom``
(``Time`` and ``Date`` are :mod:`.times`)."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..declarations import user_global
from ..engine import NO_TAIL, P_ADD, P_ATOM, P_CALL, P_CMP, Call, Expr
from ..syntax import Node, walk
from ..types import ANY, BOOL, FLOAT, INT, NEVER, NIL, T, join, list_of
from . import blocks, calls, collections, definitions, env, iterators, regexps, statements, strings
from .calls import DONE, register_const, register_kernel, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["global_variable", "io_write", "special_constant"]

STDOUT = T("io", name="stdout")
STDERR = T("io", name="stderr")
STDIN = T("io", name="stdin")

REQUIRES = {
    "net/smtp": "net_smtp:Net", "openssl": None, "optparse": None, "time": None,
    "date": None, "timeout": None, "securerandom": None, "socket": None, "net/protocol": None,
    "English": None, "logger": None, "json": None, "erb": None, "yaml": None, "psych": None,
    "pp": None, "base64": None, "digest": None, "digest/md5": None, "digest/sha1": None,
    "digest/sha2": None, "mail": "!", "fileutils": None, "uri": None,
    "net/http": "!", "tempfile": "!", "stringio": "io", "set": None, "ostruct": None,
    "open3": None, "etc": "!", "resolv": "!", "csv": None, "cgi": None, "rubygems": None,
}


def _require(tr: Translator, call: Call) -> Expr | None:
    if len(call.args) != 1 or call.args[0].type != "string":
        raise tr.fail(call.node, "require of a computed name")
    name = "".join(tr.text(c) for c in call.args[0].named_children)
    if call.name == "require_relative":
        raise tr.fail(call.node, f"require_relative {name!r}: another Ruby file")
    if name not in REQUIRES:
        raise tr.fail(call.node, f"require {name!r}: a library the translator does not know")
    target = REQUIRES[name]
    tr.ruby_requires.add(name)
    if target == "!":
        raise tr.fail(call.node, f"require {name!r}: not translated")
    if target:
        tr.need(target)
    return DONE


def _text_args(tr: Translator, call: Call) -> list[Expr]:
    out = []
    for arg in call.args:
        if arg.type == "splat_argument":
            raise tr.fail(arg, "a splat passed to an output method")
        if arg.type in ("pair", "block_argument", "hash_splat_argument"):
            raise tr.fail(arg, "an unusual argument to an output method")
        out.append(tr.expr(arg))
    return out


def puts_code(tr: Translator, values: list[Expr], stream: str) -> str:
    """Python for Ruby's ``puts`` of *values* to *stream* (``''``: stdout)."""
    file = f", file={stream}" if stream else ""
    if not values:
        return f"print({file[2:]})"
    if len(values) == 1:
        v = values[0]
        t = v.type
        if t.is_("str") and t.nl == "no":
            return f"print({v.code}{file})"
        if t.is_("str") and t.nl == "yes":
            return f"print({v.code}, end=''{file})"
        if t.is_("int"):
            return f"print({v.code}{file})"
        if t.is_("bool"):
            return f"print(str({v.code}).lower(){file})"
        if t.kind == "nil":
            return f"print({file[2:]})"
        if t.kind == "optparse":
            return f"print({v.code}, end=''{file})"
    for v in values:
        if v.type.kind == "obj" and not definitions.has_to_s(tr, v.type) and \
                not strings.shows_as_struct(tr, v.type):
            raise tr.fail(None, "puts of an object without a to_s of its own")
        strings.refuse_json_error_text(tr, v.type)
        strings.shown_as_hash(tr, v.type)
        strings.refuse_range_text(tr, v.type)
    if all(v.type.is_("str", "int") and (v.type.kind == "int" or v.type.nl == "no")
           for v in values):
        return f"print({', '.join(v.code for v in values)}, sep='\\n'{file})"
    # a Hash is shown as inspect shows it: its Symbols must be Symbols
    codes = [strings.inspected(tr, v, tr.stmt_node, "puts")
             if (v.type.kind == "dict" or v.type.kind == "list" and v.type.elem is not None
                 and v.type.elem.kind == "dict") and strings.has_symbols(v.type)
             else v.code for v in values]
    return f"{tr.runtime('puts')}({', '.join(codes)}{file})"


def print_code(tr: Translator, values: list[Expr], stream: str) -> str:
    """Python for Ruby's ``print``."""
    file = f", file={stream}" if stream else ""
    parts = [strings.str_of(tr, v).code if not v.type.is_("str", "int") else v.code
             for v in values]
    if not parts:
        raise tr.fail(None, "print without arguments prints $_")
    sep = ", sep=''" if len(parts) > 1 else ""
    return f"print({', '.join(parts)}{sep}, end=''{file})"


def _puts(tr: Translator, call: Call) -> Expr:
    return Expr(puts_code(tr, _text_args(tr, call), ""), NIL, P_CALL)


def _print(tr: Translator, call: Call) -> Expr:
    values = _text_args(tr, call)
    if not values:
        raise tr.fail(call.node, "print without arguments prints $_")
    return Expr(print_code(tr, values, ""), NIL, P_CALL)


def _p(tr: Translator, call: Call) -> Expr:
    values = []
    types = []
    for arg in call.args:
        if arg.type == "simple_symbol":
            values.append(f"{tr.runtime('Symbol')}({tr.string(tr.text(arg)[1:])})")
            types.append(T("str", nl="no", symbol=True))
            continue
        value = tr.expr(arg)
        types.append(value.type)
        values.append(strings.inspected(tr, value, arg, "p"))
    t = types[0] if len(types) == 1 else NIL if not types else \
        T("list", elem=functools.reduce(join, types), items=tuple(types))
    # pp lays a value longer than a line out over several, as Ruby's PP does
    return Expr(f"{tr.runtime(call.name)}({', '.join(values)})", t, P_CALL)


def _printf(tr: Translator, call: Call) -> Expr:
    spread = _spread_format(tr, call)
    if spread is not None:
        return Expr(f"print({spread.code}, end='')", NIL, P_CALL)
    values = _text_args(tr, call)
    if not values:
        return Expr("None", NIL)
    text = regexps.format_call(tr, call.node, values[0], values[1:])
    return Expr(f"print({text.code}, end='')", NIL, P_CALL)


def _spread_format(tr: Translator, call: Call) -> Expr | None:
    """``format(template, a, *values, b)`` (and printf's): the runtime's
    format, which reads each value as Ruby's; None without a splat."""
    if not call.args[1:] or call.args[0].type == "splat_argument" or \
            not any(a.type == "splat_argument" for a in call.args[1:]):
        return None
    codes = [tr.expr(call.args[0]).code]
    for arg in call.args[1:]:
        if arg.type in ("pair", "block_argument", "hash_splat_argument"):
            raise tr.fail(arg, f"{call.name} with a splat and options")
        if arg.type != "splat_argument":
            codes.append(tr.expr(arg).code)
            continue
        many = tr.expr(arg.named_children[0])
        if not many.type.is_("list", "argv"):
            raise tr.fail(arg, "a splat of something that may not be an Array")
        codes.append(f"*{many.code}")
    return Expr(f"{tr.runtime('format')}({', '.join(codes)})", T("str"), P_CALL)


def _format(tr: Translator, call: Call) -> Expr:
    pairs = [a for a in call.args if a.type in ("pair", "hash_splat_argument")]
    if pairs and call.args[:1] and call.args[0].type not in ("pair", "hash_splat_argument") \
            and len(pairs) == len(call.args) - 1:  # format('%<n>d', n: 1, **h): one Hash
        hash_ = collections.hash_of(tr, pairs, str(call.node.start_byte))
        return regexps.format_call(tr, call.node, tr.expr(call.args[0]), [hash_])
    spread = _spread_format(tr, call)
    if spread is not None:
        return spread
    values = _text_args(tr, call)
    if not values:
        raise tr.fail(call.node, "format without a template")
    return regexps.format_call(tr, call.node, values[0], values[1:])


def _warn(tr: Translator, call: Call) -> Expr:
    tr.need("sys")
    values = _text_args(tr, call)
    if not values:
        return Expr("None", NIL)
    return Expr(puts_code(tr, values, "sys.stderr"), NIL, P_CALL)


def _exit(tr: Translator, call: Call) -> Expr:
    tr.need("sys")
    if call.name == "exit!":
        raise tr.fail(call.node, "exit! skips ensure clauses and output flushing")
    if not call.args:
        return Expr("sys.exit()", NEVER, P_CALL)
    value = tr.expr(call.args[0])
    if value.code == "True":
        code = "0"
    elif value.code == "False":
        code = "1"
    elif value.type.is_("int"):
        code = value.code
    elif value.type.is_("bool"):
        code = f"0 if {value.code} else 1"
    else:
        code = f"{tr.runtime('exit_status')}({value.code})"
    return Expr(f"sys.exit({code})", NEVER, P_CALL)


def _abort(tr: Translator, call: Call) -> Expr:
    tr.need("sys")
    if not call.args:
        return Expr("sys.exit(1)", NEVER, P_CALL)
    value = tr.expr(call.args[0])
    if not value.type.is_("str"):
        raise tr.fail(call.node, "abort with a message that may not be a String")
    return Expr(f"sys.exit({value.code})", NEVER, P_CALL)


def _sleep(tr: Translator, call: Call) -> Expr:
    tr.need("time")
    values = _text_args(tr, call)
    if len(values) != 1 or not values[0].type.is_("int", "float", "num"):
        raise tr.fail(call.node, "sleep without a number of seconds")
    return Expr(f"time.sleep({values[0].code})", INT, P_CALL)


def _integer(tr: Translator, call: Call) -> Expr:
    """``Integer(x)`` (Ruby's notation: ``010`` is octal), ``Integer(x,
    exception: false)``: the runtime's ``ruby.integer``."""
    options = [a for a in call.args if a.type == "pair"]
    quiet = [tr.text(o).replace(" ", "") for o in options] == ["exception:false"]
    if options and not quiet:
        raise tr.fail(call.node, "Integer() with a base or options")
    call.args = [a for a in call.args if a.type != "pair"]
    values = _text_args(tr, call)
    if len(values) != 1:
        raise tr.fail(call.node, "Integer() with a base or options")
    v = values[0]
    if v.type.is_("int") and not quiet:
        return v
    flag = ", exception=False" if quiet else ""
    return Expr(f"{tr.runtime('integer')}({v.code}{flag})", INT.nil() if quiet else INT, P_CALL)


def _float(tr: Translator, call: Call) -> Expr:
    values = _text_args(tr, call)
    if len(values) != 1 or values[0].type.kind not in ("str", "int", "float"):
        raise tr.fail(call.node, "Float() of an unusual value")
    return Expr(f"float({values[0].code})", FLOAT, P_CALL)


def _string(tr: Translator, call: Call) -> Expr:
    values = _text_args(tr, call)
    if len(values) != 1:
        raise tr.fail(call.node, "String() with several arguments")
    return strings.str_of(tr, values[0])


def _raise(tr: Translator, call: Call) -> Expr:
    args = call.args
    if not args:
        if not tr.rescue_stack:
            raise tr.fail(call.node, "raise without an exception outside a rescue clause")
        return Expr("raise", NEVER)
    first = args[0]
    if first.type in ("string", "chained_string") or (
            len(args) == 1 and not tr.text(first).startswith("Errno::") and
            tr.expr(first).type.is_("str")):
        message = tr.expr(first)
        return Expr(f"raise RuntimeError({message.code})", NEVER)
    if first.type in ("constant", "scope_resolution"):
        cls = statements.exception_class(tr, first)
        rest = [tr.expr(a).code for a in args[1:]]
        if len(rest) > 1:
            raise tr.fail(call.node, "raise with a backtrace")
        path = tr.text(first)
        if path.startswith("Errno::") and path[7:].isidentifier():
            return Expr(f"raise {cls}({_errno_args(tr, path[7:], rest)})", NEVER)
        return Expr(f"raise {cls}({', '.join(rest)})", NEVER)
    value = tr.expr(first)
    if value.type.kind in ("error", "smtp_error", "obj"):
        return Expr(f"raise {value.code}", NEVER)
    if first.type == "call":
        inner = calls.split_call(tr, first)
        if inner.name == "new" and inner.recv_node is not None:
            return Expr(f"raise {value.code}", NEVER)
    raise tr.fail(call.node, "raise of something that may not be an exception")


def _errno_args(tr: Translator, name: str, message: list[str]) -> str:
    """What Ruby's ``Errno::NAME`` carries: its errno and the system's text
    for it, ``- message`` after that when one is given."""
    tr.need("errno")
    tr.need("os")
    text = f"os.strerror(errno.{name})"
    if message:
        text += f" + ' - ' + {strings.str_of(tr, Expr(message[0], T('str'))).code}"
    return f"errno.{name}, {text}"


def _loop(tr: Translator, call: Call) -> Expr:
    """``loop do ... end``: ``while True``; its value (``result = loop do``,
    a method's last statement) is what ``break value`` gives."""
    tail = call.tail
    if call.block is None or tail is None or tail.kind not in ("none", "assign", "return"):
        raise tr.fail(call.node, "loop without a block, or used for its value")
    if tail.kind != "none" and blocks.contains(call.block, ("rescue",)) and \
            "StopIteration" in tr.text(call.block):
        raise tr.fail(call.node, "the value of a loop ended by StopIteration")
    tr.emit("while True:")
    with tr.loop(gives=tail if tail.kind != "none" else None):
        blocks.block_body(tr, call.block)
    return DONE


def _gets(tr: Translator, call: Call) -> Expr:
    if call.args:
        raise tr.fail(call.node, "gets with arguments")
    tr.need("sys")
    return _line_read(tr, "sys.stdin", T("str", nilable=True, nl="?"))


def _line_read(tr: Translator, stream: str, t: T) -> Expr:
    """``gets`` of *stream*: its next line, nil at its end; counted for
    ``$.`` in a script that reads it."""
    if tr.reads_lineno():
        return Expr(f"{tr.runtime('gets')}({stream})", t, P_CALL)
    return Expr(f"{stream}.readline() or None", t, 2)


def _binding(tr: Translator, call: Call) -> Expr:
    if call.name in ("system", "exec", "spawn"):
        raise tr.fail(call.node, f"{call.name} runs a shell command")
    raise tr.fail(call.node, f"{call.name} runs or inspects Ruby code at run time")


def _block_given(tr: Translator, call: Call) -> Expr:
    method = tr.scope.method
    if method is None:
        raise tr.fail(call.node, "block_given? outside a method")
    return Expr(f"{method.block} is not None", BOOL, P_CMP)


def _at_exit(tr: Translator, call: Call) -> Expr:
    """``at_exit { ... }``: a function ``atexit`` runs at the end (last
    registered first, as Ruby runs them)."""
    if call.block is None or call.args or not call.statement:
        raise tr.fail(call.node, "at_exit without a block, or used for its value")
    fn = blocks.function_for_block(tr, call.block, "at_exit", [])
    tr.need("atexit")
    return Expr(f"atexit.register({fn})", NIL, P_CALL)


def _rand(tr: Translator, call: Call) -> Expr:
    """``rand(n)`` / ``rand``: random either way, only the generator differs."""
    if call.name == "srand":
        raise tr.fail(call.node, "srand: Ruby's seeded sequence cannot be reproduced")
    tr.need("random")
    if not call.args:
        return Expr("random.random()", FLOAT, P_CALL)
    limit = tr.expr(call.args[0])
    if len(call.args) != 1 or not limit.type.is_("int"):
        raise tr.fail(call.node, "rand of a range or a Float")
    return Expr(f"random.randrange({limit.code})", INT, P_CALL)


def _catch(tr: Translator, call: Call) -> Expr:
    """``catch(:tag) do ... end`` as a statement: a ``with ruby.Catch(...)``
    block; its value is the block's or the one thrown."""
    if call.block is None or len(call.args) != 1 or call.args[0].type != "simple_symbol":
        raise tr.fail(call.node, "catch without a Symbol and a block")
    if not call.statement:
        raise tr.fail(call.node, "catch inside an expression")
    tag = tr.string(tr.text(call.args[0])[1:])
    tail = call.tail or NO_TAIL
    caught = tr.temp("caught")
    tr.emit(f"with {tr.runtime('Catch')}({tag}) as {caught}:")
    blocks.block_body(tr, call.block, tail)
    if tail.kind == "return":
        tr.emit(f"return {caught}.value")
    elif tail.kind == "assign":
        tr.emit(f"if {caught}.thrown:")
        tr.emit(f"    {tail.target} = {caught}.value")
        if tail.var_type is not None:
            tail.var_type(tr.unknown)
    return DONE


def _timeout(tr: Translator, call: Call) -> Expr | None:
    """``Timeout.timeout(seconds) do ... end``: ``with ruby.timeout(...)``."""
    if call.name != "timeout" or call.block is None or len(call.args) != 1:
        return None
    if not call.statement:
        raise tr.fail(call.node, "Timeout.timeout inside an expression")
    seconds = tr.expr(call.args[0])
    if not seconds.type.is_("int", "float", "num", "nil"):
        raise tr.fail(call.node, "Timeout.timeout of a value that may not be a number")
    if blocks.block_params(tr, call.block):
        raise tr.fail(call.node, "Timeout.timeout with a block parameter")
    tr.emit(f"with {tr.runtime('timeout')}({seconds.code}):")
    blocks.block_body(tr, call.block, call.tail or NO_TAIL)
    return DONE


register_const("Timeout", _timeout)


def _throw(tr: Translator, call: Call) -> Expr:
    if not 1 <= len(call.args) <= 2 or call.args[0].type != "simple_symbol":
        raise tr.fail(call.node, "throw of something but a Symbol")
    args = [tr.string(tr.text(call.args[0])[1:])] + [tr.expr(a).code for a in call.args[1:]]
    return Expr(f"{tr.runtime('throw')}({', '.join(args)})", NIL, P_CALL)


def _lambda(tr: Translator, call: Call) -> Expr:
    """``lambda { |x| ... }`` / ``proc do |x| ... end``."""
    if call.block is None or call.args:
        raise tr.fail(call.node, f"{call.name} without a block")
    return blocks.proc_value(tr, call.node, blocks.block_params(tr, call.block), call.block)


for _name, _rule in {"require": _require, "require_relative": _require, "puts": _puts,
                     "print": _print, "p": _p, "pp": _p, "printf": _printf, "format": _format,
                     "sprintf": _format, "warn": _warn, "exit": _exit, "exit!": _exit,
                     "abort": _abort, "sleep": _sleep, "Integer": _integer, "Float": _float,
                     "String": _string, "raise": _raise, "fail": _raise, "loop": _loop,
                     "gets": _gets, "binding": _binding, "eval": _binding,
                     "instance_eval": _binding, "system": _binding, "exec": _binding,
                     "spawn": _binding, "block_given?": _block_given, "at_exit": _at_exit,
                     "rand": _rand, "srand": _rand, "lambda": _lambda, "proc": _lambda,
                     "catch": _catch, "throw": _throw,
                     "send": _binding, "public_send": _binding, "define_method": _binding,
                     "method_missing": _binding}.items():
    register_kernel(_name, _rule)


# ---------------------------------------------------------------- streams


def global_variable(tr: Translator, node: Node) -> Expr:
    name = tr.text(node)
    if name == "$~" or re.fullmatch(r"\$[1-9]", name):
        return regexps.last_match(tr, node, Expr(name[1:], INT) if name != "$~" else None)
    tr.need("sys")
    if name == "$stdout":
        return Expr("sys.stdout", STDOUT)
    if name == "$stderr":
        return Expr("sys.stderr", STDERR)
    if name == "$stdin":
        return Expr("sys.stdin", STDIN)
    if name in ("$?", "$CHILD_STATUS"):  # the last command's status (nil before any)
        return Expr(f"{tr.runtime('last_status')}()", STATUS.nil(), P_CALL)
    if name in ("$0", "$PROGRAM_NAME"):
        if shows_script_name(tr, node):
            raise tr.fail(node, f"{name} shown where the port's own name (.py) would differ")
        return Expr("sys.argv[0]", T("str", nl="no"), P_CALL)
    if name == "$!":
        return Expr("sys.exc_info()[1]", T("error", nilable=True), P_CALL)
    if name == "$.":  # (the script's reads of lines count them)
        return Expr(f"{tr.runtime('lineno')}()", INT, P_CALL)
    own = user_global(name)
    if own is not None:  # the script's own: a module global, nil until assigned
        return Expr(own, (tr.known(f"gvar:{name}") or tr.unknown).nil(), P_ATOM)
    raise tr.fail(node, f"global variable {name}")


_QUIET_CALLS = frozenset({"warn", "abort", "raise", "fail", "exit", "exit!", "dirname",
                          "expand_path", "absolute_path", "realpath", "require_relative"})
"""Calls whose use of the script's name shows nothing on stdout or the wire:
messages to stderr, and the script's directory."""


def shows_script_name(tr: Translator, node: Node, follow: bool = True) -> bool:
    """Whether ``$0`` / ``__FILE__`` at *node* may reach stdout or the wire,
    where the port's name (``NAME.py``) would show instead of ``NAME.rb``:
    not inside a message to stderr or an exit (whose text nobody compares),
    an OptionParser banner (usage text), the script's directory, or the
    ``__FILE__ == $0`` test. A local or constant holding it is followed to
    each of its uses (*follow*)."""
    child, parent = node, node.parent
    while parent is not None:
        kind = parent.type
        if kind == "binary" and tr.text(parent.child_by_field_name("operator")) in ("==", "!="):
            return False
        if kind == "call":
            method = parent.child_by_field_name("method")
            receiver = parent.child_by_field_name("receiver")
            if method is not None and tr.text(method) in _QUIET_CALLS and (
                    receiver is None or tr.text(receiver) in ("Kernel", "File")):
                return False
            if receiver is not None and tr.text(receiver) in ("$stderr", "STDERR") and \
                    child is not receiver:
                return False
        if kind in ("assignment", "operator_assignment"):
            target = parent.child_by_field_name("left")
            if target.type == "call" and tr.text(target.child_by_field_name("method")) == "banner":
                return False
            if not follow or target.type not in ("identifier", "constant") or \
                    child is target:
                return True
            name = tr.text(target)
            return any(shows_script_name(tr, use, follow=False)
                       for use in walk(tr.root)
                       if use.type == target.type and tr.text(use) == name and use is not target
                       and not (use.parent is not None and use.parent.type == "assignment"
                                and use.parent.child_by_field_name("left") == use))
        if kind in ("program", "body_statement", "then", "else", "do_block", "block",
                    "begin", "method"):
            return True
        child, parent = parent, parent.parent
    return True


def global_target(tr: Translator, node: Node, t: T) -> str:
    name = tr.text(node)
    if name in ("$stdout", "$stderr") and t.kind == "io":
        tr.need("sys")
        return f"sys.{name[1:]}"
    own = user_global(name)
    if own is not None:
        tr.learn(f"gvar:{name}", t)
        return own
    raise tr.fail(node, f"assignment to global variable {name}")


def special_constant(tr: Translator, node: Node, path: str) -> Expr | None:
    if path == "STDOUT":
        tr.need("sys")
        return Expr("sys.stdout", STDOUT)
    if path == "STDERR":
        tr.need("sys")
        return Expr("sys.stderr", STDERR)
    if path == "STDIN":
        tr.need("sys")
        return Expr("sys.stdin", STDIN)
    if path == "ARGV":
        # ARGV as a value (assigned, passed, in a ternary) may be changed
        # through the other name: the translation shares one list too
        tr.want_argv = True
        return env.argv(tr)
    if path == "ARGF":  # the files named in ARGV (which it empties), else standard input
        tr.want_argv = True
        return Expr(f"{tr.runtime('argf')}({env.argv(tr).code})", STDIN, P_CALL)
    if path == "DATA":
        if not tr.has_data:
            raise tr.fail(node, "DATA without __END__")
        tr.need("io")
        tr.data_used = True
        return Expr("DATA", T("io", name="data"))
    if path == "ENV":
        tr.need("os")
        return Expr("os.environ", env.ENVIRONMENT, P_CALL)
    return None


def _stream_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    if recv.type.name == "adapter":
        return None
    stream = recv.code if recv.code != "sys.stdout" else ""
    reading = name in ("gets", "readline", "readlines", "each_line", "each")  # (read: below)
    if recv.type.name in ("data", "stdin") or recv.type.name == "file" and reading:
        if name == "read" and not call.args:
            return Expr(f"{recv.code}.read()", T("str", nl="?"), P_CALL)
        if name == "gets" and not call.args:  # (Ruby's readline raises at the end)
            return _line_read(tr, recv.code, T("str", nilable=True))
        if name == "readline" and not call.args:
            return Expr(f"{tr.runtime('readline')}({recv.code})", T("str"), P_CALL)
        if name in ("readlines",) and not call.args:
            return Expr(f"{recv.code}.readlines()", list_of(T("str")), P_CALL)
        if name == "readlines" and len(call.args) == 1 and call.args[0].type == "pair" and \
                tr.text(call.args[0]).replace(" ", "") in ("chomp:true", ":chomp=>true"):
            line = tr.temp("line")
            return Expr(f"[{tr.runtime('chomp')}({line}) for {line} in {recv.code}.readlines()]",
                        list_of(T("str", nl="no")), P_ATOM)
        if name in ("each_line", "each"):
            return iterators.iterate(tr, call, recv)
        if name == "tty?" or name == "isatty":
            return Expr(f"{recv.code}.isatty()", BOOL, P_CALL)
        return None
    if name == "puts":
        return Expr(puts_code(tr, _text_args(tr, call), stream), NIL, P_CALL)
    if name == "print":
        return Expr(print_code(tr, _text_args(tr, call), stream), NIL, P_CALL)
    if name == "write":
        return Expr(f"{recv.code}.write({_joined(tr, _text_args(tr, call))})", INT, P_CALL)
    if name == "printf":
        values = _text_args(tr, call)
        text = regexps.format_call(tr, call.node, values[0], values[1:])
        return Expr(f"{recv.code}.write({text.code})", NIL, P_CALL)
    if name == "flush" and not call.args:
        return Expr(f"{recv.code}.flush()", NIL, P_CALL)
    if name in ("sync=", "sync") :
        return None
    if name in ("tty?", "isatty"):
        return Expr(f"{recv.code}.isatty()", BOOL, P_CALL)
    if recv.type.name == "stringio" and not call.args and name in ("string", "read"):
        if name == "read":  # what is left to read: all of it, as nothing moved the position
            raise tr.fail(call.node, "StringIO#read (it reads from the position)")
        return Expr(f"{recv.code}.getvalue()", T("str"), P_CALL)
    if name == "close" and recv.type.name == "file":
        return Expr(f"{recv.code}.close()", NIL, P_CALL)
    if name == "read" and recv.type.name == "file":
        return Expr(f"{recv.code}.read()", T("str"), P_CALL)
    return None


def io_write(tr: Translator, stream: Expr, values: list[Node]) -> str:
    """``$stdout << a << b``: the Python statement that writes a and b."""
    return f"{stream.code}.write({_joined(tr, [tr.expr(v) for v in values])})"


def _joined(tr: Translator, values: list[Expr]) -> str:
    """The text of *values* (Ruby's to_s of each) as one Python expression."""
    parts = [strings.str_of(tr, v) for v in values]
    if len(parts) == 1:
        return parts[0].code
    return " + ".join(tr.wrap(p, P_ADD + 1) for p in parts)


register_kind("io", _stream_method)




def _cgi(tr: Translator, call: Call) -> Expr | None:
    """``CGI.escapeHTML`` (Ruby's ``&#39;``), ``CGI.escape`` / ``unescape``
    (form encoding, as ``urllib.parse``'s ``quote_plus`` does it)."""
    if "cgi" not in tr.ruby_requires or len(call.args) != 1:
        return None
    value = tr.expr(call.args[0])
    if value.type.kind == "any":  # parsed JSON: a String, or Ruby's TypeError
        value = Expr(f"{tr.runtime('string_arg')}({value.code})", T("str"), P_CALL)
    if not value.type.is_("str"):
        raise tr.fail(call.node, f"CGI.{call.name} of a value that may not be a String")
    if call.name in ("escapeHTML", "escape_html", "h"):
        return Expr(f"{tr.runtime('escape_html')}({value.code})", T("str"), P_CALL)
    if call.name in ("escape", "unescape"):
        tr.need("urllib.parse")
        function = "quote_plus" if call.name == "escape" else "unquote_plus"
        return Expr(f"urllib.parse.{function}({value.code})", T("str"), P_CALL)
    return None


register_const("CGI", _cgi)


def _erb_util(tr: Translator, call: Call) -> Expr | None:
    """``ERB::Util.h(text)`` / ``html_escape``: CGI.escapeHTML's escaping."""
    if "erb" not in tr.ruby_requires or len(call.args) != 1 or \
            call.name not in ("h", "html_escape"):
        return None
    value = tr.expr(call.args[0])
    text = value if value.type.is_("str") else strings.str_of(tr, value)
    return Expr(f"{tr.runtime('escape_html')}({text.code})", T("str"), P_CALL)


register_const("ERB::Util", _erb_util)


def _erb_local(tr: Translator, call: Call) -> Expr | None:
    """``ERB.__erb_local(h, :name)``, which :mod:`..erb` writes for a local
    of a template given ``result_with_hash(h)``: the runtime's lookup (a
    Symbol or a String key), typed as the Hash's entry when it is known."""
    if call.name != "__erb_local" or len(call.args) != 2:
        return None
    values = tr.expr(call.args[0])
    name = tr.text(call.args[1]).lstrip(":")
    held = values.type
    typed = dict(held.fields or ()).get(tr.string(name)) if held.kind == "dict" else None
    if typed is None:
        typed = held.elem if held.kind == "dict" and held.elem is not None else tr.unknown
    return Expr(f"{tr.runtime('erb_local')}({values.code}, {tr.string(name)})", typed, P_CALL)


register_const("ERB", _erb_local)


_FORM_PAIRS = T("list", elem=T("list", elem=T("str"), items=(T("str"), T("str"))))


_URI = T("uri")
_URI_READERS = {"scheme": T("str", nl="no", nilable=True),
                "userinfo": T("str", nl="no", nilable=True),
                "user": T("str", nl="no", nilable=True),
                "password": T("str", nl="no", nilable=True),
                "host": T("str", nl="no", nilable=True),
                "hostname": T("str", nl="no", nilable=True),
                "port": INT.nil(), "path": T("str", nl="no"),
                "query": T("str", nl="no", nilable=True),
                "fragment": T("str", nl="no", nilable=True)}


def _uri_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """The readers of what ``URI.parse`` gives (``uri.host``, ``uri.port``...)
    and its ``to_s``."""
    if call.args or call.block is not None:
        return None
    if call.name in _URI_READERS:
        return Expr(f"{tr.wrap(recv, P_CALL)}.{call.name}", _URI_READERS[call.name], P_CALL)
    if call.name == "to_s":
        return Expr(f"str({recv.code})", T("str", nl="no"), P_CALL)
    return None


register_kind("uri", _uri_method)


def uri_parse(tr: Translator, call: Call) -> Expr | None:
    """``URI.parse(text)`` / ``URI(text)``: ``ruby.uri_parse``."""
    if "uri" not in tr.ruby_requires or len(call.args) != 1 or call.block is not None:
        return None
    text = tr.expr(call.args[0])
    return Expr(f"{tr.runtime('uri_parse')}({text.code})", _URI, P_CALL)


def _uri(tr: Translator, call: Call) -> Expr | None:
    """``URI.parse``, ``URI.decode_www_form`` (the pairs of a form), its
    ``_component`` and ``encode_www_form(_component)``, as Ruby encodes and
    decodes."""
    if "uri" not in tr.ruby_requires or not call.args or call.block is not None:
        return None
    name = call.name
    if name == "parse":
        return uri_parse(tr, call)
    if name == "encode_www_form" and all(a.type == "pair" for a in call.args):
        # a Hash without braces
        form = calls.args_code(tr, call, keyword_ok=False)[0]
        return Expr(f"{tr.runtime(name)}({form})", T("str", nl="no"), P_CALL)
    if len(call.args) != 1:
        return None
    value = tr.expr(call.args[0])
    if name in ("decode_www_form", "decode_www_form_component"):
        if not value.type.non_nil().is_("str"):  # (nil raises in both)
            raise tr.fail(call.node, f"URI.{name} of a value that may not be a String")
        t = _FORM_PAIRS if name == "decode_www_form" else T("str")
        return Expr(f"{tr.runtime(name)}({value.code})", t, P_CALL)
    if name == "encode_www_form_component":
        return Expr(f"{tr.runtime(name)}({value.code})", T("str", nl="no"), P_CALL)
    if name == "encode_www_form" and value.type.is_("dict", "list"):
        return Expr(f"{tr.runtime(name)}({value.code})", T("str", nl="no"), P_CALL)
    return None


register_const("URI", _uri)


_DIGESTS = {"Digest::SHA256": "sha256", "Digest::SHA1": "sha1", "Digest::MD5": "md5",
            "Digest::SHA512": "sha512", "Digest::SHA384": "sha384"}


def _digest(tr: Translator, call: Call) -> Expr | None:
    """``Digest::SHA256.hexdigest(text)`` (SHA1, MD5, SHA384, SHA512): the
    hex digest of the text's UTF-8 bytes, as Ruby's."""
    from .constants import constant_path  # (constants builds on this module)

    path = constant_path(tr, call.recv_node) if call.recv_node is not None else None
    if not any(r.startswith("digest") for r in tr.ruby_requires) or path not in _DIGESTS or \
            call.name not in ("hexdigest", "file") or len(call.args) != 1 or \
            call.block is not None:
        return None
    if call.name == "file":  # Digest::SHA256.file(path): the digest of the file's bytes
        file = tr.expr(call.args[0])
        if not file.type.is_("str"):
            raise tr.fail(call.node, f"{path}.file of a path that may not be a String")
        tr.need("hashlib")
        return Expr(f"hashlib.{_DIGESTS[path]}(open({file.code}, 'rb').read())", DIGEST,
                    P_CALL)
    text = tr.expr(call.args[0])
    if not text.type.is_("str", "bytes"):
        raise tr.fail(call.node, f"{path}.hexdigest of a value that may not be a String")
    tr.need("hashlib")
    data = f"{tr.wrap(text, P_CALL)}.encode()" if text.type.kind == "str" else text.code
    return Expr(f"hashlib.{_DIGESTS[path]}({data}).hexdigest()", T("str", nl="no"), P_CALL)


DIGEST = T("digest")
"""A ``Digest::SHA256.file(path)``: Python's hash object."""


def _digest_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.name in ("hexdigest", "to_s") and not call.args and call.block is None:
        return Expr(f"{tr.wrap(recv, P_CALL)}.hexdigest()", T("str", nl="no"), P_CALL)
    return None


for _name in _DIGESTS:
    register_const(_name, _digest)
register_kind("digest", _digest_method)


def _stringio(tr: Translator, call: Call) -> Expr | None:
    """``StringIO.new`` (optionally with its first text): ``io.StringIO``,
    written to as a file; ``string`` gives everything written."""
    if call.name != "new" or call.block is not None or len(call.args) > 1:
        return None
    tr.need("io")
    text = tr.expr(call.args[0]) if call.args else None
    if text is not None and not text.type.is_("str"):
        raise tr.fail(call.node, "StringIO.new of something but a String")
    return Expr(f"io.StringIO({text.code if text is not None else ''})",
                T("io", name="stringio"), P_CALL)


register_const("StringIO", _stringio)


def _math(tr: Translator, call: Call) -> Expr | None:
    """``Math.sqrt`` and its fellows: Floats, as Ruby's are."""
    functions = ("sqrt", "log", "log10", "log2", "exp", "sin", "cos", "tan", "atan", "hypot")
    if call.name not in functions or call.block is not None:
        return None
    args = [tr.expr(a) for a in call.args]
    if not args or not all(a.type.is_("int", "float", "num") for a in args):
        raise tr.fail(call.node, f"Math.{call.name} of values that may not be numbers")
    tr.need("math")
    return Expr(f"math.{call.name}({', '.join(a.code for a in args)})", FLOAT, P_CALL)


register_const("Math", _math)


def _securerandom(tr: Translator, call: Call) -> Expr | None:
    if call.name == "hex":
        tr.need("secrets")
        args = [tr.expr(a).code for a in call.args]
        return Expr(f"secrets.token_hex({args[0] if args else '16'})", T("str", nl="no"), P_CALL)
    if call.name == "uuid" and not call.args:
        tr.need("uuid")
        return Expr("str(uuid.uuid4())", T("str", nl="no"), P_CALL)
    return None


register_const("SecureRandom", _securerandom)


def _base64(tr: Translator, call: Call) -> Expr | None:
    if len(call.args) != 1 or "base64" not in tr.ruby_requires:
        return None
    value = tr.expr(call.args[0])
    if not value.type.is_("str", "bytes"):
        raise tr.fail(call.node, "Base64 of a value that may not be a String")
    if call.name == "encode64":
        return Expr(f"{tr.runtime('encode64')}({value.code})", T("str", nl="yes"), P_CALL)
    tr.need("base64")
    raw = value.code if value.type.kind == "bytes" else f"{tr.wrap(value, P_CALL)}.encode()"
    if call.name == "strict_encode64":
        return Expr(f"base64.b64encode({raw}).decode()", T("str", nl="no"), P_CALL)
    if call.name == "urlsafe_encode64":
        return Expr(f"base64.urlsafe_b64encode({raw}).decode()", T("str", nl="no"), P_CALL)
    return None


register_const("Base64", _base64)


def _json(tr: Translator, call: Call) -> Expr | None:
    if "json" not in tr.ruby_requires:
        return None
    if call.name in ("parse", "load_file"):
        return _json_parse(tr, call)
    pairs = [a for a in call.args if a.type == "pair"]
    if pairs and len(pairs) != len(call.args):
        return None
    args = [collections.hash_of(tr, pairs, str(call.node.start_byte))] if pairs else \
        [tr.expr(a) for a in call.args]
    if call.name == "load" and len(args) == 1 and not pairs:
        return _json_parse(tr, call)
    if call.name in ("generate", "dump", "pretty_generate") and len(args) == 1:
        return _generate(tr, call, args[0], call.name == "pretty_generate")
    return None


# options of JSON.parse that ask for what it does anyway
_JSON_DEFAULTS = {("object_class", "Hash"), ("array_class", "Array"),
                  ("create_additions", "false")}


def _json_parse(tr: Translator, call: Call) -> Expr | None:
    """``JSON.parse(text)`` and ``JSON.parse(text, symbolize_names: true)``
    (``JSON.load_file(path, ...)``: of the file's text): ``json.loads``;
    the keys' kind (String or Symbol) goes with the type, so that a lookup
    with the other kind is marked (Ruby finds nothing)."""
    if not call.args or call.args[0].type == "pair":
        return None
    symbols = False
    for option in call.args[1:]:
        key = option.child_by_field_name("key") if option.type == "pair" else None
        value = option.child_by_field_name("value") if key is not None else None
        name = tr.text(key).rstrip(":").lstrip(":") if key is not None else ""
        if value is not None and (name, tr.text(value)) in _JSON_DEFAULTS:
            continue
        if value is None or name != "symbolize_names" or value.type not in ("true", "false"):
            raise tr.fail(option, f"JSON.{call.name} with this option")
        symbols = value.type == "true"
    tr.need("json")
    text = tr.expr(call.args[0])
    if call.name == "load_file":
        path = text.code if text.type.is_("str") else f"{tr.runtime('string_arg')}({text.code})"
        text = Expr(f"open({path}, encoding='utf-8', newline='').read()", T("str"), P_CALL)
    # a Hash or an Array (or a bare value): its class is known at run time
    if not symbols:
        return Expr(f"json.loads({text.code})", T("any", name="json"), P_CALL)
    # the keys become ruby.Symbol: p and inspect show them as Ruby does
    return Expr(f"json.loads({text.code}, object_hook={tr.runtime('symbolize_names')})",
                T("any", name="json:symbols"), P_CALL)


def _generate(tr: Translator, call: Call, value: Expr, pretty: bool) -> Expr:
    """JSON text as the json gem writes it (Ruby's floats, its layout)."""
    if value.type.kind in ("obj", "smtp", "response", "error", "smtp_error", "io", "time"):
        raise tr.fail(call.node, "JSON of an object (its to_json is Ruby's)")
    flag = ", pretty=True" if pretty else ""
    return Expr(f"{tr.runtime('generate')}({value.code}{flag})", T("str", nl="no"), P_CALL)


def _to_json(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.name != "to_json" or call.args or call.block is not None or \
            "json" not in tr.ruby_requires:
        return None
    return _generate(tr, call, recv, False)


_YAML_READERS = {  # method -> (what it permits by default, aliases, an empty document)
    "load": (("Symbol",), False, "None"), "safe_load": ((), False, "None"),
    "unsafe_load": (("Date", "Time", "Symbol"), True, "False"),
}


def _yaml(tr: Translator, call: Call) -> Expr | None:
    """``YAML.load_file(path)``, ``YAML.safe_load(text, ...)``...: the runtime
    reads the document as Ruby 3.1's Psych does (which classes it permits,
    aliases, ``symbolize_names``); the value is of a class known at run
    time, as parsed JSON."""
    if "yaml" not in tr.ruby_requires and "psych" not in tr.ruby_requires:
        return None
    name = call.name.removesuffix("_file")
    if name not in _YAML_READERS or not call.args or call.args[0].type == "pair":
        return None
    permitted, aliases, empty = _YAML_READERS[name]
    symbols = False
    for option in call.args[1:]:
        key = option.child_by_field_name("key") if option.type == "pair" else None
        value = option.child_by_field_name("value") if key is not None else None
        word = tr.text(key).strip(":") if key is not None else ""
        if value is not None and word == "symbolize_names" and value.type in ("true", "false"):
            symbols = value.type == "true"
        elif value is not None and word == "aliases" and value.type in ("true", "false"):
            aliases = value.type == "true"
        elif value is not None and word == "permitted_classes" and value.type == "array" and \
                all(tr.text(c) in ("Date", "Time", "Symbol") for c in value.named_children):
            permitted = tuple(tr.text(c) for c in value.named_children)
        else:
            raise tr.fail(option, f"YAML.{call.name} with this option")
    source = tr.expr(call.args[0])
    options = [f"permitted={permitted!r}"] if permitted else []
    options += ["aliases=True"] if aliases else []
    options += ["symbolize_names=True"] if symbols else []
    options += [f"fallback={empty}"] if empty != "None" else []
    function = "yaml_load_file" if call.name.endswith("_file") else "yaml_load"
    return Expr(f"{tr.runtime(function)}({', '.join([source.code, *options])})",
                T("any", name="json:symbols" if symbols else "json"), P_CALL)


STATUS = T("status")
"""A ``Process::Status`` (``ruby.ProcessStatus``)."""


def _open3(tr: Translator, call: Call) -> Expr | None:
    """``Open3.capture3(*command)``, ``capture2e``, ``capture2`` (with
    ``stdin_data:``): the runtime runs the command as Ruby does (one String
    with a shell metacharacter through the shell, else directly)."""
    if "open3" not in tr.ruby_requires or call.name not in ("capture3", "capture2e",
                                                              "capture2"):
        return None
    words: list[str] = []
    options: list[str] = []
    for arg in call.args:
        if arg.type == "pair":
            key, value = arg.child_by_field_name("key"), arg.child_by_field_name("value")
            if tr.text(key).rstrip(":") != "stdin_data":
                raise tr.fail(arg, f"Open3.{call.name} with this option")
            data = tr.expr(value)
            if not data.type.is_("str"):
                raise tr.fail(arg, "stdin_data that may not be a String")
            options.append(f"stdin_data={data.code}")
        elif arg.type == "splat_argument":
            many = tr.expr(arg.named_children[0])
            if not many.type.is_("list", "argv") or not (many.type.elem or ANY).is_("str"):
                raise tr.fail(arg, "a command of values that may not be Strings")
            words.append(f"*{many.code}")
        else:
            word = tr.expr(arg)
            if not word.type.is_("str"):
                raise tr.fail(arg, "a command word that may not be a String")
            words.append(word.code)
    if not words:
        raise tr.fail(call.node, f"Open3.{call.name} without a command")
    items = (T("str"), T("str"), STATUS) if call.name == "capture3" else (T("str"), STATUS)
    return Expr(f"{tr.runtime(call.name)}({', '.join(words + options)})",
                T("list", elem=ANY, items=items), P_CALL)


def _status_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """What a script asks a ``Process::Status``."""
    if call.args or call.block is not None:
        return None
    r = tr.wrap(recv, P_CALL)
    known = {"exitstatus": (f"{r}.exitstatus", INT.nil()), "termsig": (f"{r}.termsig", INT.nil()),
             "pid": (f"{r}.pid", INT), "to_i": (f"{r}.to_i()", INT),
             "success?": (f"{r}.is_success()", BOOL.nil()),
             "exited?": (f"{r}.is_exited()", BOOL), "signaled?": (f"{r}.is_signaled()", BOOL),
             "to_s": (f"{tr.runtime('to_s')}({recv.code})", T("str", nl="no")),
             "inspect": (f"{tr.runtime('inspect')}({recv.code})", T("str", nl="no"))}
    if call.name not in known:
        return None
    code, t = known[call.name]
    return Expr(code, t, P_CALL)


register_const("Open3", _open3)
register_kind("status", _status_method)
register_const("JSON", _json)
register_const("YAML", _yaml)
register_const("Psych", _yaml)
register_kind("any", _to_json)


def _process_pid(tr: Translator, call: Call) -> Expr | None:
    if call.name == "pid":
        tr.need("os")
        return Expr("os.getpid()", INT, P_CALL)
    return None


register_const("Process", _process_pid)


def _socket(tr: Translator, call: Call) -> Expr | None:
    if call.name == "gethostname" and not call.args:
        tr.need("socket")
        return Expr("socket.gethostname()", T("str", nl="no"), P_CALL)
    return None


register_const("Socket", _socket)






def _array(tr: Translator, call: Call) -> Expr:
    """``Array(x)``: a list as it is, nil as ``[]``, anything else wrapped."""
    values = _text_args(tr, call)
    if len(values) != 1:
        raise tr.fail(call.node, "Array() of several values")
    value = values[0]
    t = value.type
    if t.kind == "nil":
        return Expr("[]", T("list", elem=None))
    if t.is_("list"):
        return value  # the Array itself, as in Ruby
    if t.kind in ("str", "int", "float") and re.fullmatch(r"[\w.]+|'[^'\\]*'|\"[^\"\\]*\"",
                                                         value.code):
        if t.nilable:
            return Expr(f"[{value.code}] if {value.code} is not None else []",
                        T("list", elem=t.non_nil()), 1)
        return Expr(f"[{value.code}]", T("list", elem=t))
    # an Array itself, nil empty, a Hash its pairs, anything else in a list
    elem = t.elem if t.kind == "list" and t.elem is not None else \
        T("list", items=(t.key or tr.unknown, t.elem or tr.unknown)) if t.is_("dict") else \
        tr.unknown
    return Expr(f"{tr.runtime('array')}({value.code})", T("list", elem=elem), P_CALL)


register_kernel("Array", _array)


def _string_new(tr: Translator, call: Call) -> Expr | None:
    if call.name == "new":
        if not call.args:
            return Expr("''", T("str", nl="no"))
        value = tr.expr(call.args[0])
        if value.type.is_("str"):
            return value
    return None


register_const("String", _string_new)
def _array_new(tr: Translator, call: Call) -> Expr | None:
    """``Array.new``, ``Array.new(n, value)`` (one value n times, shared as
    in Ruby), ``Array.new(n) { |i| ... }``."""
    site = str(call.node.start_byte)
    if call.name != "new" or len(call.args) > 2:
        return None
    if not call.args:
        return Expr("[]", T("list", site=site))
    size = tr.expr(call.args[0])
    if not size.type.is_("int"):
        raise tr.fail(call.node, "Array.new of a size that may not be an Integer")
    if call.block is not None and len(call.args) == 1:
        built = iterators.iterate(tr, Call(call.node, "map", None, [], call.block),
                                  Expr(f"range({size.code})", T("range", elem=INT), P_CALL))
        return Expr(built.code, replace(built.type, site=site), built.prec) if built else None
    value = tr.expr(call.args[1]) if len(call.args) == 2 else Expr("None", NIL)
    return Expr(f"[{value.code}] * {tr.wrap(size, 11)}", T("list", elem=value.type, site=site),
                10)


register_const("Array", _array_new)


def _hash_new(tr: Translator, call: Call) -> Expr | None:
    """``Hash.new``, ``Hash.new(0)`` (a default every missing key reads as)
    and ``Hash.new { |h, k| h[k] = [] }`` (a default stored on first read:
    a ``defaultdict``)."""
    site = str(call.node.start_byte)
    if call.name != "new" or len(call.args) > 1 or (call.block and call.args):
        return None
    if call.block is not None:
        return _default_block(tr, call, site)
    if not call.args:
        return Expr("{}", T("dict", key=None, elem=None, fields=(), site=site))
    default = tr.expr(call.args[0])
    if default.type.kind not in ("int", "float", "str", "nil", "bool") or \
            call.args[0].type not in ("integer", "float", "string", "nil", "true", "false"):
        raise tr.fail(call.node, "Hash.new with a default that is shared and mutable")
    return Expr("{}", T("dict", key=None, elem=default.type, name=f"default:{default.code}",
                        site=site))


_FACTORIES = {"array": "list", "hash": "dict", "integer": "int", "float": "float",
              "string": "str"}


def _default_block(tr: Translator, call: Call, site: str) -> Expr:
    names = blocks.block_params(tr, call.block)
    stmts = [s for s in blocks.block_statements(call.block) if s.type != "comment"]
    body = stmts[0] if len(stmts) == 1 and stmts[0].type == "assignment" else None
    left = body.child_by_field_name("left") if body is not None else None
    right = body.child_by_field_name("right") if body is not None else None
    # h[k] = Hash.new(0): a new Hash for each key, whose own default the
    # reads of its type give
    inner_hash = right is not None and re.fullmatch(
        r"Hash\.new(\((0|0\.0|''|\"\"|nil)\))?", tr.text(right).replace(" ", "")) is not None
    if len(names) != 2 or left is None or right is None or \
            tr.text(left).replace(" ", "") != f"{names[0]}[{names[1]}]":
        raise tr.fail(call.node, "Hash.new with a block other than h[k] = value")
    if not inner_hash and (right.type not in _FACTORIES or
                           tr.text(right) not in ("[]", "{}", "0", "0.0", "''", '""')):
        return _default_proc(tr, call, names, right, site)
    tr.need("collections")
    value = tr.expr(right)
    factory = "dict" if inner_hash else _FACTORIES[right.type]
    return Expr(f"collections.defaultdict({factory})",
                T("dict", key=None, elem=value.type, name="defaultdict", site=site), P_CALL)


def _default_proc(tr: Translator, call: Call, names: list[str], value_node: Node,
                  site: str) -> Expr:
    """``Hash.new { |h, k| h[k] = Stats.new(k) }``: a ``ruby.DefaultHash``
    whose missing keys get the block's value, stored, on first read."""
    if any(n.startswith(("(", "*", "&")) for n in names):
        raise tr.fail(call.node, "Hash.new with a block taking its key apart")
    held = T("dict", key=None, elem=None, name="defaultdict", site=site)
    with blocks.params_bound(tr, names, [held, ANY]) as targets:
        value = tr.expr(value_node)
    return Expr(f"{tr.runtime('DefaultHash')}(lambda {', '.join(targets)}: {value.code})",
                replace(held, elem=value.type), P_CALL)


register_const("Hash", _hash_new)
register_kernel("URI", uri_parse)
