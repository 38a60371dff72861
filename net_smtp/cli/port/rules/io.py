"""Kernel and I/O: ``require``, ``puts``/``print``/``p``/``printf``/
``warn``, ``$stdout``/``$stderr``/``STDOUT``, ``exit``/``abort``,
``sleep``, ``Integer()``/``format``, ``File.read``/``File.open``/
``File.basename``..., ``Time.now``/``Time.utc``/``rfc2822``/``strftime``,
``__FILE__ == $0``, ``DATA``, ``SecureRandom``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..engine import P_CALL, P_CMP, Call, Expr
from ..syntax import Node
from ..types import ANY, BOOL, FLOAT, INT, NIL, T, list_of
from . import blocks, calls, collections, definitions, env, regexps, statements, strings
from .calls import DONE, register_const, register_kernel, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["global_variable", "io_write", "special_constant", "time_minus"]

STDOUT = T("io", name="stdout")
STDERR = T("io", name="stderr")
STDIN = T("io", name="stdin")
TIME = T("time")

REQUIRES = {
    "net/smtp": "net_smtp:Net", "openssl": None, "optparse": None, "time": None,
    "date": None, "timeout": None, "securerandom": None, "socket": None, "net/protocol": None,
    "English": None, "logger": "!", "json": None, "erb": "!", "yaml": "!", "csv": "!",
    "pp": None, "base64": None, "digest": "!", "mail": "!", "fileutils": "!", "uri": "!",
    "net/http": "!", "tempfile": "!", "stringio": "!", "set": "!", "ostruct": "!",
    "open3": "!", "etc": "!", "resolv": "!",
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
        if t.is_("obj") and definitions.has_to_s(tr, t):
            return f"print({v.code}{file})"
    for v in values:
        if v.type.kind == "obj" and not definitions.has_to_s(tr, v.type):
            raise tr.fail(None, "puts of an object without a to_s of its own")
    if all(v.type.is_("str", "int") and (v.type.kind == "int" or v.type.nl == "no")
           for v in values):
        return f"print({', '.join(v.code for v in values)}, sep='\\n'{file})"
    return f"{tr.runtime('puts')}({', '.join(v.code for v in values)}{file})"


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
    for arg in call.args:
        if arg.type == "simple_symbol":
            values.append(f"{tr.runtime('Symbol')}({tr.string(tr.text(arg)[1:])})")
            continue
        value = tr.expr(arg)
        if value.type.kind == "obj":
            raise tr.fail(arg, "p of an object of the script (Ruby shows its address)")
        if value.type.symbol and value.type.kind == "str":
            values.append(f"{tr.runtime('Symbol')}({value.code})")
        elif value.type.kind in ("list", "dict") and strings._has_symbols(value.type):
            raise tr.fail(arg, "p of an Array or Hash holding Symbols")
        else:
            values.append(value.code)
    t = ANY if len(values) == 1 else (NIL if not values else list_of(ANY))
    if len(values) == 1:
        t = tr.expr(call.args[0]).type
    return Expr(f"{tr.runtime('p')}({', '.join(values)})", t, P_CALL)


def _printf(tr: Translator, call: Call) -> Expr:
    values = _text_args(tr, call)
    if not values:
        return Expr("None", NIL)
    text = regexps.format_call(tr, call.node, values[0], values[1:])
    return Expr(f"print({text.code}, end='')", NIL, P_CALL)


def _format(tr: Translator, call: Call) -> Expr:
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
        return Expr("sys.exit()" if call.name == "exit" else "os._exit(0)", NIL, P_CALL)
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
        raise tr.fail(call.node, "exit with a status that may not be an Integer")
    if call.name == "exit!":
        return Expr(f"os._exit({code})", NIL, P_CALL)
    return Expr(f"sys.exit({code})" if code != "0" else "sys.exit(0)", NIL, P_CALL)


def _abort(tr: Translator, call: Call) -> Expr:
    tr.need("sys")
    if not call.args:
        return Expr("sys.exit(1)", NIL, P_CALL)
    value = tr.expr(call.args[0])
    if not value.type.is_("str"):
        raise tr.fail(call.node, "abort with a message that may not be a String")
    return Expr(f"sys.exit({value.code})", NIL, P_CALL)


def _sleep(tr: Translator, call: Call) -> Expr:
    tr.need("time")
    values = _text_args(tr, call)
    if len(values) != 1 or not values[0].type.is_("int", "float"):
        raise tr.fail(call.node, "sleep without a number of seconds")
    return Expr(f"time.sleep({values[0].code})", INT, P_CALL)


def _integer(tr: Translator, call: Call) -> Expr:
    values = _text_args(tr, call)
    if len(values) != 1:
        raise tr.fail(call.node, "Integer() with a base or options")
    v = values[0]
    if v.type.is_("int"):
        return v
    if v.type.kind == "str" or v.type.kind == "float":
        return Expr(f"int({v.code})", INT, P_CALL)
    raise tr.fail(call.node, "Integer() of a value that may not be a String")


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
        return Expr("raise", NIL)
    first = args[0]
    if first.type in ("string", "chained_string") or (len(args) == 1 and tr.expr(first).type.is_(
            "str")):
        message = tr.expr(first)
        return Expr(f"raise RuntimeError({message.code})", NIL)
    if first.type in ("constant", "scope_resolution"):
        cls = statements.exception_class(tr, first)
        rest = [tr.expr(a).code for a in args[1:]]
        if len(rest) > 1:
            raise tr.fail(call.node, "raise with a backtrace")
        return Expr(f"raise {cls}({', '.join(rest)})", NIL)
    value = tr.expr(first)
    if value.type.kind in ("error", "smtp_error", "obj"):
        return Expr(f"raise {value.code}", NIL)
    if first.type == "call":
        inner = calls.split_call(tr, first)
        if inner.name == "new" and inner.recv_node is not None:
            return Expr(f"raise {value.code}", NIL)
    raise tr.fail(call.node, "raise of something that may not be an exception")


def _loop(tr: Translator, call: Call) -> Expr:
    if call.block is None or not call.statement:
        raise tr.fail(call.node, "loop without a block, or used for its value")
    tr.emit("while True:")
    with tr.loop():
        blocks.block_body(tr, call.block)
    return DONE


def _gets(tr: Translator, call: Call) -> Expr:
    if call.args:
        raise tr.fail(call.node, "gets with arguments")
    tr.need("sys")
    return Expr("sys.stdin.readline() or None", T("str", nilable=True, nl="?"), 2)


def _binding(tr: Translator, call: Call) -> Expr:
    if call.name in ("system", "exec", "spawn"):
        raise tr.fail(call.node, f"{call.name} runs a shell command")
    raise tr.fail(call.node, f"{call.name} runs or inspects Ruby code at run time")


def _block_given(tr: Translator, call: Call) -> Expr:
    return Expr("block is not None", BOOL, P_CMP)


def _at_exit(tr: Translator, call: Call) -> Expr:
    raise tr.fail(call.node, "at_exit is not translated")


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


def _lambda(tr: Translator, call: Call) -> Expr:
    raise tr.fail(call.node, "lambda/proc with a block")


for _name, _rule in {"require": _require, "require_relative": _require, "puts": _puts,
                     "print": _print, "p": _p, "pp": _p, "printf": _printf, "format": _format,
                     "sprintf": _format, "warn": _warn, "exit": _exit, "exit!": _exit,
                     "abort": _abort, "sleep": _sleep, "Integer": _integer, "Float": _float,
                     "String": _string, "raise": _raise, "fail": _raise, "loop": _loop,
                     "gets": _gets, "binding": _binding, "eval": _binding,
                     "instance_eval": _binding, "system": _binding, "exec": _binding,
                     "spawn": _binding, "block_given?": _block_given, "at_exit": _at_exit,
                     "rand": _rand, "srand": _rand, "lambda": _lambda, "proc": _lambda,
                     "send": _binding, "public_send": _binding, "define_method": _binding,
                     "method_missing": _binding}.items():
    register_kernel(_name, _rule)


# ---------------------------------------------------------------- streams


def global_variable(tr: Translator, node: Node) -> Expr:
    name = tr.text(node)
    tr.need("sys")
    if name == "$stdout":
        return Expr("sys.stdout", STDOUT)
    if name == "$stderr":
        return Expr("sys.stderr", STDERR)
    if name == "$stdin":
        return Expr("sys.stdin", STDIN)
    if name in ("$0", "$PROGRAM_NAME"):
        return Expr("sys.argv[0]", T("str", nl="no"), P_CALL)
    if name == "$!":
        return Expr("sys.exc_info()[1]", T("error", nilable=True), P_CALL)
    raise tr.fail(node, f"global variable {name}")


def global_target(tr: Translator, node: Node, t: T) -> str:
    name = tr.text(node)
    if name in ("$stdout", "$stderr") and t.kind == "io":
        tr.need("sys")
        return f"sys.{name[1:]}"
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
        return env.argv(tr)
    if path == "DATA":
        if not tr.has_data:
            raise tr.fail(node, "DATA without __END__")
        tr.need("io")
        tr.data_used = True
        return Expr("DATA", T("io", name="data"))
    if path == "ENV":
        raise tr.fail(node, "ENV used as a whole")
    return None


def _stream_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    if recv.type.name == "adapter":
        return None
    stream = recv.code if recv.code != "sys.stdout" else ""
    if recv.type.name == "data" or recv.type.name == "stdin":
        if name == "read" and not call.args:
            return Expr(f"{recv.code}.read()", T("str", nl="?"), P_CALL)
        if name in ("gets", "readline") and not call.args:
            return Expr(f"{recv.code}.readline() or None", T("str", nilable=True), 2)
        if name in ("readlines",) and not call.args:
            return Expr(f"{recv.code}.readlines()", list_of(T("str")), P_CALL)
        if name in ("each_line", "each") and call.block is not None and call.statement:
            return collections._each(
                tr, Call(call.node, "each", None, [], call.block, tail=call.tail),
                Expr(recv.code, list_of(T("str"))))
        if name == "tty?" or name == "isatty":
            return Expr(f"{recv.code}.isatty()", BOOL, P_CALL)
        return None
    if name == "puts":
        return Expr(puts_code(tr, _text_args(tr, call), stream), NIL, P_CALL)
    if name == "print":
        return Expr(print_code(tr, _text_args(tr, call), stream), NIL, P_CALL)
    if name == "write":
        values = _text_args(tr, call)
        parts = [strings.str_of(tr, v).code for v in values]
        if len(parts) == 1:
            return Expr(f"{recv.code}.write({parts[0]})", INT, P_CALL)
        return Expr(f"{recv.code}.write({' + '.join(parts)})", INT, P_CALL)
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
    if name == "close" and recv.type.name == "file":
        return Expr(f"{recv.code}.close()", NIL, P_CALL)
    if name == "read" and recv.type.name == "file":
        return Expr(f"{recv.code}.read()", T("str"), P_CALL)
    return None


def io_write(tr: Translator, node: Node, stream: Expr, values: list[Node]) -> Expr:
    """``$stdout << a << b``."""
    exprs = [strings.str_of(tr, tr.expr(v)).code for v in values]
    return Expr(f"{stream.code}.write({' + '.join(exprs)})", NIL, P_CALL)


register_kind("io", _stream_method)


# ---------------------------------------------------------------- File


def _open_mode(tr: Translator, node: Node | None) -> str:
    if node is None:
        return "'r'"
    mode = tr.expr(node)
    if mode.code.strip("'\"") not in ("r", "w", "a", "rb", "wb", "ab", "r+", "w+", "a+"):
        raise tr.fail(node, "an unusual file mode")
    return mode.code


def _file_call(tr: Translator, call: Call) -> Expr | None:
    name = call.name
    args = [tr.expr(a) for a in call.args if a.type not in ("pair",)]
    if any(a.type == "pair" for a in call.args):
        raise tr.fail(call.node, f"File.{name} with options")
    if name == "read" and len(args) == 1:
        return Expr(f"open({args[0].code}, encoding='utf-8', newline='').read()", T("str"), P_CALL)
    if name == "readlines" and len(args) == 1:
        return Expr(f"open({args[0].code}, encoding='utf-8', newline='').readlines()",
                    list_of(T("str")), P_CALL)
    if name in ("exist?", "exists?", "file?") and len(args) == 1:
        tr.need("os")
        check = "exists" if name != "file?" else "isfile"
        return Expr(f"os.path.{check}({args[0].code})", BOOL, P_CALL)
    if name == "directory?" and len(args) == 1:
        tr.need("os")
        return Expr(f"os.path.isdir({args[0].code})", BOOL, P_CALL)
    if name == "basename" and len(args) in (1, 2):
        tr.need("os")
        base = f"os.path.basename({args[0].code})"
        if len(args) == 2:
            raise tr.fail(call.node, "File.basename with a suffix")
        return Expr(base, T("str", nl="no"), P_CALL)
    if name == "dirname" and len(args) == 1:
        tr.need("os")
        return Expr(f"os.path.dirname({args[0].code})", T("str", nl="no"), P_CALL)
    if name == "join":
        tr.need("os")
        return Expr(f"os.path.join({', '.join(a.code for a in args)})", T("str", nl="no"),
                    P_CALL)
    if name == "expand_path" and len(args) == 1:
        tr.need("os")
        return Expr(f"os.path.abspath(os.path.expanduser({args[0].code}))", T("str", nl="no"),
                    P_CALL)
    if name == "size" and len(args) == 1:
        tr.need("os")
        return Expr(f"os.path.getsize({args[0].code})", INT, P_CALL)
    if name == "foreach" and len(args) == 1 and call.block is not None and call.statement:
        lines = Expr(f"open({args[0].code}, encoding='utf-8', newline='')",
                     list_of(T("str", nl="one")), P_CALL)
        return collections._each(tr, Call(call.node, "each", None, [], call.block,
                                          tail=call.tail), lines)
    if name == "write" and len(args) == 2:
        return Expr(f"open({args[0].code}, 'w', encoding='utf-8', newline='').write("
                    f"{args[1].code})", INT, P_CALL)
    if name == "open" and call.block is not None and call.statement:
        mode = _open_mode(tr, call.args[1] if len(call.args) > 1 else None)
        names = blocks.block_params(tr, call.block)
        with blocks.params_bound(tr, names, [T("io", name="file")]) as targets:
            target = f" as {targets[0]}" if targets else ""
            tr.emit(f"with open({args[0].code}, {mode}, encoding='utf-8', newline=''){target}:")
            blocks.block_body(tr, call.block)
        return DONE
    if name == "open" and call.block is None:
        mode = _open_mode(tr, call.args[1] if len(call.args) > 1 else None)
        return Expr(f"open({args[0].code}, {mode}, encoding='utf-8', newline='')",
                    T("io", name="file"), P_CALL)
    return None


register_const("File", _file_call)
register_const("IO", lambda tr, call: _file_call(tr, call) if call.name == "readlines" else None)


# ---------------------------------------------------------------- Time


def _time_call(tr: Translator, call: Call) -> Expr | None:
    tr.need("datetime")
    if call.name == "now" and not call.args:
        return Expr("datetime.now().astimezone()", TIME, P_CALL)
    if call.name in ("utc", "gm", "local", "mktime") and 1 <= len(call.args) <= 7:
        args = [tr.expr(a) for a in call.args]
        if not all(a.type.is_("int") for a in args):
            raise tr.fail(call.node, "Time.utc with values that may not be Integers")
        codes = [a.code for a in args] + (["1"] * (3 - len(args)) if len(args) < 3 else [])
        if call.name in ("local", "mktime"):
            return Expr(f"datetime({', '.join(codes)}).astimezone()", TIME, P_CALL)
        tr.need("timezone")
        return Expr(f"datetime({', '.join(codes)}, tzinfo=timezone.utc)", TIME, P_CALL)
    if call.name == "at" and len(call.args) == 1:
        value = tr.expr(call.args[0])
        return Expr(f"datetime.fromtimestamp({value.code}).astimezone()", TIME, P_CALL)
    return None


def _time_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    r = tr.wrap(recv, P_CALL)
    if name in ("rfc2822", "rfc822", "iso8601", "xmlschema", "httpdate") and \
            "time" not in tr.ruby_requires:
        raise tr.fail(call.node, f"Time#{name} without require 'time' (a NoMethodError in Ruby)")
    if name in ("rfc2822", "rfc822") and not call.args:
        return Expr(f"{tr.runtime('rfc2822')}({recv.code})", T("str", nl="no"), P_CALL)
    if name == "strftime" and len(call.args) == 1:
        fmt = tr.expr(call.args[0])
        if any(code in fmt.code for code in ("%L", "%N", "%s", "%:z", "%P", "%e", "%l", "%k")):
            return Expr(f"{tr.runtime('strftime')}({recv.code}, {fmt.code})", T("str", nl="no"),
                        P_CALL)
        return Expr(f"{r}.strftime({fmt.code})", T("str", nl="no"), P_CALL)
    if name == "to_i" and not call.args:
        return Expr(f"int({r}.timestamp())", INT, P_CALL)
    if name == "to_f" and not call.args:
        return Expr(f"{r}.timestamp()", FLOAT, P_CALL)
    if name in ("year", "month", "day", "hour", "minute", "second") and not call.args:
        return Expr(f"{r}.{name}", INT, P_CALL)
    if name == "min" and not call.args:
        return Expr(f"{r}.minute", INT, P_CALL)
    if name == "sec" and not call.args:
        return Expr(f"{r}.second", INT, P_CALL)
    if name == "wday" and not call.args:
        return Expr(f"({r}.weekday() + 1) % 7", INT, P_CALL)
    if name == "utc" and not call.args:
        tr.need("timezone")
        return Expr(f"{r}.astimezone(timezone.utc)", TIME, P_CALL)
    if name in ("to_s", "inspect") and not call.args:
        return Expr(f"{tr.runtime('to_s')}({recv.code})", T("str", nl="no"), P_CALL)
    return None


def time_minus(tr: Translator, node: Node, a: Expr, b: Expr) -> Expr:
    if b.type.is_("time"):
        return Expr(f"({a.code} - {b.code}).total_seconds()", FLOAT, P_CALL)
    if b.type.is_("int", "float"):
        tr.need("timedelta")
        return Expr(f"{tr.wrap(a, 10)} - timedelta(seconds={b.code})", TIME, 10)
    raise tr.fail(node, "Time minus something that may not be a number")


register_const("Time", _time_call)
register_kind("time", _time_method)


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
    if not value.type.is_("str"):
        raise tr.fail(call.node, "Base64 of a value that may not be a String")
    if call.name == "encode64":
        return Expr(f"{tr.runtime('encode64')}({value.code})", T("str", nl="yes"), P_CALL)
    tr.need("base64")
    if call.name == "strict_encode64":
        return Expr(f"base64.b64encode({value.code}.encode()).decode()", T("str", nl="no"),
                    P_CALL)
    if call.name == "urlsafe_encode64":
        return Expr(f"base64.urlsafe_b64encode({value.code}.encode()).decode()",
                    T("str", nl="no"), P_CALL)
    return None


register_const("Base64", _base64)


def _json(tr: Translator, call: Call) -> Expr | None:
    if "json" not in tr.ruby_requires or any(a.type == "pair" for a in call.args):
        return None
    args = [tr.expr(a) for a in call.args]
    tr.need("json")
    if call.name in ("parse", "load") and len(args) == 1:
        return Expr(f"json.loads({args[0].code})", T("dict", key=T("str"), elem=ANY), P_CALL)
    if call.name in ("generate", "dump") and len(args) == 1:
        return Expr(f"json.dumps({args[0].code}, ensure_ascii=False, separators=(',', ':'))",
                    T("str", nl="no"), P_CALL)
    if call.name == "pretty_generate":
        raise tr.fail(call.node, "JSON.pretty_generate lays out empty Arrays as Python does not")
    return None


register_const("JSON", _json)


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


def _dir(tr: Translator, call: Call) -> Expr | None:
    if call.name == "pwd" and not call.args:
        tr.need("os")
        return Expr("os.getcwd()", T("str", nl="no"), P_CALL)
    if call.name == "home" and not call.args:
        tr.need("os")
        return Expr("os.path.expanduser('~')", T("str", nl="no"), P_CALL)
    return None


register_const("Dir", _dir)


def _date(tr: Translator, call: Call) -> Expr | None:
    if call.name == "today" and not call.args and "date" in tr.ruby_requires:
        tr.need("date")
        return Expr("date.today()", TIME, P_CALL)
    return None


register_const("Date", _date)


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
        return Expr(f"list({value.code})", t, P_CALL)
    if t.kind in ("str", "int", "float") and re.fullmatch(r"[\w.]+|'[^'\\]*'|\"[^\"\\]*\"",
                                                         value.code):
        if t.nilable:
            return Expr(f"[{value.code}] if {value.code} is not None else []",
                        T("list", elem=t.non_nil()), 1)
        return Expr(f"[{value.code}]", T("list", elem=t))
    raise tr.fail(call.node, "Array() of a value that may be an Array or a Hash")


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
register_const("Array", lambda tr, call: Expr("[]", list_of(ANY)) if call.name == "new" and
               not call.args and call.block is None else None)
def _hash_new(tr: Translator, call: Call) -> Expr | None:
    """``Hash.new`` and ``Hash.new(0)`` (a default every missing key reads as)."""
    if call.name != "new" or call.block is not None or len(call.args) > 1:
        return None
    if not call.args:
        return Expr("{}", T("dict", key=None, elem=None, fields=()))
    default = tr.expr(call.args[0])
    if default.type.kind not in ("int", "float", "str", "nil", "bool") or \
            call.args[0].type not in ("integer", "float", "string", "nil", "true", "false"):
        raise tr.fail(call.node, "Hash.new with a default that is shared and mutable")
    return Expr("{}", T("dict", key=None, elem=default.type, name=f"default:{default.code}"))


register_const("Hash", _hash_new)
