"""The translation engine: statements, expressions, scopes and markers.

Ruby source in, Python source and diagnostics out (:func:`translate`).
The rule families (the ``rules`` package) add what calls and constants
mean; this module knows Ruby's syntax and the shape of Python code.
Translation runs in passes: each rehearsal learns the types of locals,
method results, parameters and attributes from the one before (a
parameter's type comes from the calls, which come after the ``def``),
until nothing new is learned; a last pass writes the Python.

What cannot be translated with certainty raises :class:`Unsupported`; the
statement it is in is then kept as commented Ruby with a ``# port:``
marker, and reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from . import pystr
from .declarations import Sharing, main_ivar, main_ivars, script_globals, user_global
from .scope import ClassInfo, MethodInfo, Scope, Var, py_name
from .syntax import Node, walk
from .types import ANY, PENDING, T, join

__all__ = ["Diagnostic", "Expr", "Line", "Translation", "Translator", "Unsupported",
           "last_match_read", "translate"]

# Python operator precedence, loosest first.
P_LAMBDA, P_TERNARY, P_OR, P_AND, P_NOT, P_CMP, P_BOR, P_BXOR, P_BAND, P_SHIFT, P_ADD, \
    P_MUL, P_UNARY, P_POW, P_CALL, P_ATOM = range(16)


class Unsupported(Exception):
    """A construct the translator cannot turn into Python that behaves the same."""

    def __init__(self, node: Node, why: str) -> None:
        super().__init__(why)
        self.node = node
        self.why = why


@dataclass
class Expr:
    """Translated Python expression text, its type and its precedence."""

    code: str
    type: T = ANY
    prec: int = P_ATOM


@dataclass
class Tail:
    """Where a body's last value goes: nowhere, ``return``, or a variable."""

    kind: str = "none"
    target: str = ""
    var_type: Callable[[T], None] | None = None


NO_TAIL = Tail()


@dataclass
class Diagnostic:
    """One construct that was not translated: its line and why."""

    line: int
    why: str


@dataclass
class Line:
    """One line of Python output and the Ruby line it came from (0: none)."""

    text: str
    ruby_line: int


@dataclass
class Translation:
    """What :func:`translate` returns."""

    python: str
    diagnostics: list[Diagnostic]
    lines: list[Line] = field(default_factory=list)


@dataclass
class Call:
    """A Ruby call, taken apart for the rules."""

    node: Node
    name: str
    recv_node: Node | None
    args: list[Node]
    block: Node | None
    recv: Expr | None = None
    tail: Tail | None = None
    safe_nav: bool = False
    maybe_nil: bool = False

    @property
    def statement(self) -> bool:
        """Whether the call stands as a statement (so it may be written as one)."""
        return self.tail is not None


class Translator:
    """One translation of one script (see :func:`translate`)."""

    def __init__(self, source: bytes, root: Node, learned: dict[str, T] | None = None,
                 final: bool = True, walrus: bool = True) -> None:
        self.source = source
        self.root = root
        self._lineno_read: bool | None = None
        self.final = final
        # whether ``a || b`` may hold a computed a in a walrus; without, a
        # lambda (Python refuses a walrus in a comprehension's iterable)
        self.walrus = walrus
        self.learned: dict[str, T] = dict(learned or {})
        self.unknown = ANY if final else PENDING
        self.seen: dict[str, T] = {}
        self.lines: list[Line] = []
        self.diagnostics: list[Diagnostic] = []
        self.imports: set[str] = set()
        self.main_globals: set[str] = set()  # main's instance variables, set to None
        self.prelude: list[str] = []
        self.level = 0
        self.current_line = 0
        self.classes: dict[str, ClassInfo] = {}
        self.functions: dict[str, MethodInfo] = {}
        self.heredocs: dict[int, Node] = {}
        self.scope = Scope("module", key="main")
        self.retyped: frozenset[int] = frozenset()
        self.loop_depth = 0
        # per enclosing loop: what next value collects into, where break value goes
        self.loop_values: list[tuple[tuple[str, str] | None, Tail | None]] = []
        self.block_depth = 0
        self.data_text: str | None = None
        self.rescue_stack: list[str] = []
        self.top_constants: set[str] = set()
        self.option_parsers: dict[str, Any] = {}
        self.aliased = Sharing()  # where locals' Strings are shared (for <<)
        self.want_argv = False
        self.data_used = False
        self.has_data = b"\n__END__\n" in source or source.startswith(b"__END__\n")
        self._last_match_readers: dict[int, bool] = {}
        self.stmt_node: Node | None = None
        self.ruby_requires: set[str] = set()
        self.rules = rules
        self.hoisted: dict[tuple[int, int, str], Expr] = {}

    # ------------------------------------------------------------------ output
    def emit(self, text: str, ruby_line: int | None = None) -> None:
        """Write one Python line at the current indentation."""
        line = self.current_line if ruby_line is None else ruby_line
        self.lines.append(Line("    " * self.level + text if text else "", line))

    @contextmanager
    def indented(self) -> Iterator[None]:
        start = len(self.lines)
        self.level += 1
        try:
            yield
        finally:
            if not any(line.text.strip() and not line.text.strip().startswith("#")
                       for line in self.lines[start:]):
                self.emit("pass")
            narrowed = self.scope.narrowed
            for ident in [i for i, level in narrowed.items() if level >= self.level]:
                del narrowed[ident]
            self.level -= 1

    def need(self, module: str) -> None:
        """Import *module* (``'os'``, ``'net_smtp:Net'``...) in the output."""
        self.imports.add(module)

    def runtime(self, name: str) -> str:
        """``ruby.name``, importing the runtime module."""
        self.need("net_smtp:ruby")
        return f"ruby.{name}"

    @property
    def argv_mutated(self) -> bool:
        """Whether the script changes ARGV (then it is a list of its own)."""
        return "argv:mutated" in self.learned or self.want_argv

    @contextmanager
    def loop(self, collects: tuple[str, str] | None = None,
             gives: Tail | None = None) -> Iterator[None]:
        """Inside a Python loop: ``break`` and ``next`` translate. A loop
        that *collects* a ``map`` block's values (the list, and the key its
        items' type is learned under) takes ``next value`` too; one whose
        value goes to the tail it *gives* (``result = loop do``) takes
        ``break value``."""
        self.loop_depth += 1
        self.loop_values.append((collects, gives))
        try:
            yield
        finally:
            self.loop_depth -= 1
            self.loop_values.pop()

    def text(self, node: Node) -> str:
        return str(node.text.decode("utf-8", "replace"))

    def line_of(self, node: Node) -> int:
        return int(node.start_point[0]) + 1

    def fail(self, node: Node, why: str) -> Unsupported:
        return Unsupported(node, why)

    # ------------------------------------------------------------------ learning
    def learn(self, key: str, t: T) -> None:
        """Record that *key* (a variable, a method's result...) can be *t*."""
        old = self.seen.get(key)
        self.seen[key] = t if old is None else join(old, t)

    def known(self, key: str) -> T | None:
        """What the earlier passes learned about *key*, joined with this
        pass; an Array or Hash with what was stored into it since."""
        t = self._known(key)
        return self.contents(t) if t is not None else None

    def _known(self, key: str) -> T | None:
        a = self.learned.get(key)
        b = self.seen.get(key)
        if a is None:
            return b
        return a if b is None else join(a, b)

    def store(self, container: T, value: T, key: str | None = None,
              key_type: T | None = None) -> None:
        """*value* is stored into the Array or Hash *container* (at the
        literal *key*, for a Hash): its site learns it."""
        if not container.site:
            return
        fields = ((key, value),) if key is not None else None
        self.learn(f"site:{container.site}", T(container.kind, elem=value, key=key_type,
                                               fields=fields))

    def contents(self, t: T, depth: int = 3) -> T:
        """*t* with what its site learned was stored into it (and into the
        Arrays and Hashes it holds): the items and entries may be more than
        its literal showed."""
        if depth and t.kind in ("list", "dict") and (t.elem is not None or t.fields):
            t = replace(t, elem=self.contents(t.elem, depth - 1) if t.elem else None,
                        fields=tuple((k, self.contents(v, depth - 1)) for k, v in t.fields)
                        if t.fields else t.fields)
        stored = self._known(f"site:{t.site}") if t.site else None
        if stored is None or stored.kind != t.kind:
            return t
        fields = t.fields
        if stored.fields:
            merged = dict(t.fields or ())
            for name, value in stored.fields:
                merged[name] = join(merged[name], value) if name in merged else value
            fields = tuple(sorted(merged.items(), key=lambda kv: kv[0]))
        elem = join(t.elem, stored.elem) if t.elem is not None and stored.elem is not None \
            else t.elem or stored.elem
        key = join(t.key, stored.key) if t.key is not None and stored.key is not None \
            else t.key or stored.key
        return replace(t, elem=elem, key=key, fields=fields, items=None)

    # ------------------------------------------------------------------ scopes
    @contextmanager
    def new_scope(self, scope: Scope) -> Iterator[Scope]:
        saved = self.scope
        self.scope = scope
        try:
            yield scope
        finally:
            self.scope = saved

    def var_key(self, name: str, scope: Scope | None = None) -> str:
        return f"var:{(scope or self.scope).key}:{name}"

    def local(self, name: str) -> Var | None:
        """The local *name* of the current scope, if assigned before or learned."""
        var = self.scope.lookup(name)
        if var is not None:
            known = self.known(self.var_key(self._var_id(name)))
            if known is not None and not var.param:
                var.type = known
            if self._var_id(name) in self.scope.narrowed:
                var.type = var.type.non_nil()
            return var
        return None

    def _narrowing_key(self, name: str) -> str | None:
        """Where narrowing keeps local *name*, or the entry ``h[:key]`` (as
        ``collections.element_text`` writes it) of a local h; None for a
        name that is no local."""
        local, bracket, rest = name.partition("[")
        if self.scope.lookup(local) is None:
            return None
        return self._var_id(local) + bracket + rest

    def narrow(self, name: str) -> None:
        """Local *name* (or entry ``h[:key]``) is not nil from here on (the
        script stopped otherwise), to the end of the statements at this
        level: leaving them (:meth:`indented`) forgets it, so no branch
        leaks; a new value of the local (a store into the entry) too."""
        key = self._narrowing_key(name)
        if key is not None:
            self.scope.narrowed[key] = self.level

    def element_narrowed(self, text: str) -> bool:
        """Whether ``h[:key]`` (*text*) was shown not nil here."""
        return self._narrowing_key(text) in self.scope.narrowed

    def forget_element(self, text: str) -> None:
        """A store into ``h[:key]`` (*text*): it may be nil again."""
        key = self._narrowing_key(text)
        if key is not None:
            self.scope.narrowed.pop(key, None)

    @contextmanager
    def narrowed_within(self, names: list[str]) -> Iterator[None]:
        """The locals (and entries) *names* are not nil while the part of an
        expression that only runs then is translated (``x.nil? || x.size``)."""
        keys = [k for k in map(self._narrowing_key, names) if k is not None]
        saved = {key: self.scope.narrowed.get(key) for key in keys}
        for key in keys:
            self.scope.narrowed[key] = self.level
        try:
            yield
        finally:
            for key, before in saved.items():
                if before is None:
                    self.scope.narrowed.pop(key, None)
                else:
                    self.scope.narrowed[key] = before

    def _var_id(self, name: str) -> str:
        for renames in reversed(self.scope.block_names):
            if name in renames:
                return renames[name]
        return self.scope.versions.get(name, name)

    def retype(self, name: str, at: Node) -> None:
        """From here on, local *name* is a new variable (see
        ``declarations.retyped_assignments``), unless a block parameter
        hides it."""
        if at.start_byte in self.retyped and self.scope.lookup(name) is not None and \
                not any(name in renames for renames in self.scope.block_names):
            self.scope.versions[name] = f"{name}@{at.start_byte}"

    def declare(self, name: str, t: T) -> Var:
        """Assign to local *name* (creating it): its Python name."""
        var = self.scope.lookup(name)
        ident = self._var_id(name)
        self.scope.narrowed.pop(ident, None)
        for held in [k for k in self.scope.narrowed if k.startswith(ident + "[")]:
            del self.scope.narrowed[held]  # (its entries are a new Hash's)
        if var is None:
            py = py_name(name)
            if py in {v.py for v in self.scope.vars.values()} or py in self.scope.taken:
                py = self.scope.fresh(py)
            else:
                self.scope.taken.add(py)
            var = Var(py, t)
            self.scope.vars[ident] = var
        var.param = False
        self.learn(self.var_key(ident), t)
        known = self.known(self.var_key(ident))
        var.type = known if known is not None else t
        return var

    @contextmanager
    def block_params(self, names: list[str],
                     codes: dict[str, str] | None = None) -> Iterator[list[str]]:
        """Bind block parameters for the block's body; they are gone after
        it, as in Ruby. A name that is already a local (or a parameter of
        an enclosing block) gets a fresh Python name: a Ruby block
        parameter shadows it. A name in *codes* stands for that Python
        expression instead (``pair[0]``)."""
        renames: dict[str, str] = {}
        created: list[tuple[str, str, Var | None]] = []
        live = {v.py for v in self.scope.vars.values()}
        pys = []
        for name in names:
            if name == "_":
                pys.append("_")
                continue
            outer = self.scope.vars.get(name)
            shadows = outer is not None or any(name in r for r in self.scope.block_names)
            ident = f"{name}#{len(self.scope.block_names)}" if shadows else name
            if shadows:
                renames[name] = ident
            py = py_name(name)
            if codes is not None and name in codes:
                py = codes[name]
            elif shadows or py in live:
                py = self.scope.fresh(py)
            self.scope.taken.add(py)
            created.append((ident, py, self.scope.vars.get(ident)))
            self.scope.vars[ident] = Var(py, ANY, param=True)
            live.add(py)
            pys.append(py)
        self.scope.block_names.append(renames)
        try:
            yield pys
        finally:
            self.scope.block_names.pop()
            for ident, py, previous in reversed(created):
                if previous is None:
                    self.scope.vars.pop(ident, None)
                else:
                    self.scope.vars[ident] = previous
                self.scope.taken.discard(py)

    def bind_param(self, name: str, t: T) -> None:
        """Give block parameter *name* the type *t* (for this block only)."""
        var = self.scope.vars.get(self._var_id(name))
        if var is not None:
            var.type = t
            var.param = True

    @contextmanager
    def bound_here(self, var: Var, t: T) -> Iterator[None]:
        """*var* is of type *t* inside the block (a name Python unbinds at
        its end, as ``except ... as e`` does), whatever else it is given."""
        saved = var.type, var.param
        var.type, var.param = t, True
        try:
            yield
        finally:
            var.type, var.param = saved

    def bind(self, name: str, t: T) -> None:
        """Give block parameter or local *name* the type *t*."""
        ident = self._var_id(name)
        self.learn(self.var_key(ident), t)
        var = self.scope.vars.get(ident)
        if var is not None:
            known = self.known(self.var_key(ident))
            var.type = known if known is not None else t

    # ------------------------------------------------------------------ program
    def program(self) -> None:
        from .declarations import collect, retyped_assignments, shared_strings

        collect(self, self.root)
        self.retyped = retyped_assignments(self, self.root)
        self.aliased = shared_strings(self, self.root)
        # the script's own functions and classes keep their names
        self.scope.taken |= {f.py for f in self.functions.values()} | {
            c.py for c in self.classes.values() if c.outer is None}
        self.body(self.named_children(self.root), NO_TAIL)
        if self.want_argv:
            self.seen["argv:mutated"] = ANY

    def named_children(self, node: Node) -> list[Node]:
        return [c for c in node.named_children]

    def body(self, nodes: list[Node], tail: Tail) -> None:
        """Translate statements; the last one's value goes to *tail*."""
        stmts = [n for n in nodes if n.type not in ("heredoc_body",)]
        last_value = None
        for i in range(len(stmts) - 1, -1, -1):
            if stmts[i].type not in ("comment", "uninterpreted", "empty_statement"):
                last_value = i
                break
        if last_value is None and tail.kind == "assign":
            self.emit(f"{tail.target} = None")
        if last_value is None and tail.kind == "return":
            pass
        previous_end = None
        for i, node in enumerate(stmts):
            if previous_end is not None and node.start_point[0] > previous_end + 1 and \
                    self.lines and self.lines[-1].text.strip():
                self.emit("", 0)
            self.statement(node, tail if i == last_value else NO_TAIL)
            previous_end = node.end_point[0]

    def statement(self, node: Node, tail: Tail = NO_TAIL) -> None:
        """Translate one statement, or keep it as marked Ruby."""
        if self.level == 0 and self.scope.parent is None:
            # main's instance variables read nil until assigned: globals set
            # to None before the first top-level statement that names them
            left = node.child_by_field_name("left") if node.type == "assignment" else None
            # (a plain assignment of one, from a value that does not read it, sets it here)
            own = None if left is None else main_ivar(self.text(left)[1:]) \
                if left.type == "instance_variable" else user_global(self.text(left))
            if own is not None:
                right = node.child_by_field_name("right")
                if own in main_ivars(self, right) + script_globals(self, right, assigned=False):
                    own = None
            for name in main_ivars(self, node) + script_globals(self, node, assigned=False):
                if name not in self.main_globals:
                    self.main_globals.add(name)
                    if name != own:
                        self.emit(f"{name} = None")
        saved_level = self.level
        saved_len = len(self.lines)
        saved_line = self.current_line
        self.current_line = self.line_of(node)
        saved_stmt = self.stmt_node
        self.stmt_node = node
        saved_hoisted, self.hoisted = self.hoisted, {}
        try:
            self.rules.statements.statement(self, node, tail)
        except Unsupported as exc:
            del self.lines[saved_len:]
            self.level = saved_level
            self.mark(node, exc)
        except Exception as exc:  # noqa: BLE001 - never a traceback, never a silent guess
            # A construct the rules do not expect: keep the Ruby, say so.
            del self.lines[saved_len:]
            self.level = saved_level
            self.mark(node, Unsupported(node, f"not translated ({type(exc).__name__} in the "
                                              f"translator: {exc})"))
        finally:
            self.current_line = saved_line
            self.stmt_node = saved_stmt
            self.hoisted = saved_hoisted

    def mark(self, node: Node, exc: Unsupported) -> None:
        """Keep *node* as commented Ruby under a ``# port:`` marker."""
        where = self.line_of(exc.node) if exc.node is not None else self.line_of(node)
        if self.final:
            self.diagnostics.append(Diagnostic(where, exc.why))
        first = self.line_of(node)
        self.emit(f"# port: {exc.why}", first)
        start_col = node.start_point[1]
        source_lines = self.source.decode("utf-8", "replace").splitlines()
        last = node.end_point[0]
        for row in range(node.start_point[0], last + 1):
            text = source_lines[row] if row < len(source_lines) else ""
            text = text[start_col:] if text[:start_col].strip() == "" else text.lstrip()
            self.emit(f"# {text}".rstrip(), row + 1)
        if node.type == "assignment":
            left = node.child_by_field_name("left")
            targets = left.named_children if left.type == "left_assignment_list" else [left]
            for target in targets:
                if target.type == "identifier" and self.scope.lookup(self.text(target)) is None:
                    self.declare(self.text(target), ANY)

    # ------------------------------------------------------------------ expressions
    def expr(self, node: Node) -> Expr:
        """Translate an expression."""
        return self.rules.expressions.expression(self, node)

    def cond(self, node: Node) -> str:
        """A Python condition true exactly when *node* is Ruby-true."""
        return self.rules.expressions.condition(self, node)

    def truth(self, e: Expr) -> Expr:
        """Python for "*e* is Ruby-true"."""
        return self.rules.expressions.truth_of(self, e)

    def wrap(self, e: Expr, prec: int) -> str:
        """*e*'s code, in parentheses if it binds looser than *prec*."""
        return f"({e.code})" if e.prec < prec else e.code

    def string(self, value: str) -> str:
        """A Python literal for *value*."""
        return pystr.literal(value)

    def hoist(self, node: Node, write: Callable[[], Expr]) -> Expr:
        """*node*'s value, where *write* writes statements before the
        current statement: once per statement, however often a rule
        translates the expression around it."""
        key = (node.start_byte, node.end_byte, node.type)
        if key not in self.hoisted:
            self.hoisted[key] = write()
        return self.hoisted[key]

    def reads_lineno(self) -> bool:
        """Whether the script reads ``$.``: its reads of lines then count
        them through the runtime (``ruby.counted``, ``ruby.gets``)."""
        if self._lineno_read is None:
            self._lineno_read = any(n.type == "global_variable" and n.text == b"$."
                                    for n in walk(self.root))
        return self._lineno_read

    def reads_last_match(self) -> bool:
        """Whether the method (or the script's top level) being translated
        reads ``$~`` / ``$1``...: its matches then keep ``last_match`` (both
        are local to a method, in Ruby and in Python)."""
        node = self.stmt_node
        while node is not None and node.type not in ("method", "singleton_method", "program"):
            node = node.parent
        if node is None:
            return False
        if node.start_byte not in self._last_match_readers:
            self._last_match_readers[node.start_byte] = last_match_read(node, node)
        return self._last_match_readers[node.start_byte]

    def temp(self, base: str) -> str:
        """A fresh local name for the translation's own use."""
        return self.scope.fresh(base)



def last_match_read(node: Node, top: Node) -> bool:
    """Whether *node* (within *top*, not inside another method) reads ``$~``,
    ``$1``... or ``Regexp.last_match`` of a match it did not make itself
    (gsub's block has its own)."""
    if node is not top and node.type in ("method", "singleton_method"):
        return False
    if node.type == "global_variable" and re.fullmatch(rb"\$[~1-9]", node.text):
        return True
    if node.type == "call" and node.text.startswith(b"Regexp.last_match"):
        return True
    block = node.child_by_field_name("block") if node.type == "call" else None
    if block is not None and node.child_by_field_name("method") is not None and \
            node.child_by_field_name("method").text in (b"gsub", b"sub"):
        # $~ in gsub's block is that block's match: it needs no last_match
        return any(last_match_read(child, top) for child in node.named_children
                   if child != block)
    return any(last_match_read(child, top) for child in node.named_children)


def translate(source: bytes) -> Translation:
    """Translate a Ruby script (bytes) into Python.

    Raises:
        MissingParser: tree-sitter is not installed.
        RubySyntaxError: *source* does not parse.
    """
    from .syntax import parse

    root, source = parse(source)
    learned: dict[str, T] = {}
    for _ in range(MAX_PASSES - 1):
        rehearsal = Translator(source, root, learned=learned, final=False)
        rehearsal.program()
        if rehearsal.seen == learned:
            break
        learned = rehearsal.seen
    from .rules.output import assemble

    final = Translator(source, root, learned=learned)
    final.program()
    result = assemble(final)
    error = _compile_error(result)
    if error is not None and "assignment expression" in error.msg:
        final = Translator(source, root, learned=learned, walrus=False)
        final.program()
        result = assemble(final)
        error = _compile_error(result)
    return _checked(result, error)


def _compile_error(result: Translation) -> SyntaxError | None:
    """Why Python does not compile the translation, if it does not."""
    try:
        compile(result.python, "<translation>", "exec")
    except SyntaxError as exc:
        return exc
    return None


def _checked(result: Translation, error: SyntaxError | None) -> Translation:
    """The translation, with a diagnostic for the *error* Python found
    compiling it (:func:`_compile_error`): a fault of the translator must
    not pass for a translation."""
    if error is not None:
        row = (error.lineno or 1) - 1
        ruby_line = result.lines[row].ruby_line if row < len(result.lines) else 0
        result.diagnostics.append(Diagnostic(ruby_line, f"the translator wrote Python that "
                                                        f"does not compile ({error.msg})"))
    return result


# Each pass can carry what it learned one call deeper (a parameter's type
# from a call site, a method's result); scripts settle in two or three.
MAX_PASSES = 6


def regex_flags(flags: str) -> str:
    """Python ``re`` flags for Ruby regexp options."""
    names = {"i": "re.IGNORECASE", "m": "re.DOTALL", "x": "re.VERBOSE"}
    out = [names[f] for f in flags if f in names]
    return " | ".join(out)


_RUBY_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "s": " ", "e": "\x1b",
                 "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"',
                 "'": "'", "#": "#", "\n": ""}


def decoded_bytes(text: str) -> str | None:
    """*text* with the bytes :func:`unescape` stood in for read as UTF-8
    together with the characters around them (``"caf\\xc3\\xa9"`` is
    ``café``); None when they are not UTF-8 (Ruby keeps such bytes in its
    String, Python's str cannot)."""
    if not any(0xDC80 <= ord(c) <= 0xDCFF for c in text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeDecodeError:
        return None


def unescape(seq: str) -> str:
    """The character a Ruby double-quoted escape sequence stands for."""
    body = seq[1:]
    if body in _RUBY_ESCAPES:
        return _RUBY_ESCAPES[body]
    if re.fullmatch(r"[0-7]{1,3}", body) or body.startswith("x"):
        # a byte: above 0x7F, a stand-in until the bytes around it are read
        # as UTF-8 (see decoded_bytes)
        byte = int(body, 8) if body[0] != "x" else int(body[1:], 16)
        return chr(byte) if byte < 0x80 else chr(0xDC00 + byte)
    if body.startswith("u{"):
        return "".join(chr(int(h, 16)) for h in body[2:-1].split())
    if body.startswith("u"):
        return chr(int(body[1:], 16))
    return body




# The rule families import this module's names, so they load last.
from . import rules  # noqa: E402
