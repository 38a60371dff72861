"""Files and directories: ``File.read`` / ``readlines`` / ``open`` /
``foreach`` / ``write`` / ``delete``, the path functions (``File.join``,
``basename``, ``dirname`` with Ruby's rules, ``extname``, ``exist?``...),
``Dir.glob`` and ``Dir[...]`` (sorted, as Ruby 3 sorts them),
``Dir.children`` / ``exist?`` / ``mkdir`` / ``pwd`` / ``home``,
``FileUtils`` (``mkdir_p``, ``mv``, ``cp``, ``rm``, ``touch``), and ``CSV``
(``read`` / ``parse`` / ``foreach`` with or without ``headers: true``,
``parse_line``, ``generate_line`` / ``to_csv``) with Ruby's reading of
empty fields (the runtime's ``csv_*``)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..engine import NO_TAIL, P_CALL, P_CMP, Call, Expr, Tail
from ..syntax import Node, walk
from ..types import BOOL, INT, NIL, T, join, list_of
from . import blocks, calls, iterators
from .calls import DONE, register_const, register_kernel, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["CSV_ROW", "dir_glob"]

PATH = T("str", nl="no")
LINE = T("str", nl="one")
FILE = T("io", name="file")


def _open_mode(tr: Translator, node: Node | None) -> str:
    if node is None:
        return "'r'"
    mode = tr.expr(node)
    written = mode.code.strip("'\"")
    if written in ("wb", "ab"):  # (a String's bytes are written the same)
        return mode.code.replace("b", "")
    if written == "rb":
        raise tr.fail(node, "a file read in binary mode (Ruby reads a binary String)")
    if written not in ("r", "w", "a", "r+", "w+", "a+"):
        raise tr.fail(node, "an unusual file mode")
    return mode.code


def _paths(tr: Translator, call: Call) -> list[Expr]:
    """The arguments, each a String (a path)."""
    if any(a.type in ("pair", "splat_argument", "block_argument") for a in call.args):
        raise tr.fail(call.node, f"{call.name} with options")
    values = [tr.expr(a) for a in call.args]
    for i, value in enumerate(values):  # (nil: Ruby's TypeError; Python's raise one too)
        if value.type.kind == "any":  # (Python's open would take an Integer as a descriptor)
            values[i] = Expr(f"{tr.runtime('string_arg')}({value.code})", T("str", nl="no"), P_CALL)
        elif not value.type.non_nil().is_("str"):
            raise tr.fail(call.node, f"{call.name} of a path that may not be a String")
    return values


def _chomp_option(tr: Translator, call: Call) -> bool:
    """``chomp: true`` among the arguments (anything else is refused)."""
    pairs = [a for a in call.args if a.type == "pair"]
    for pair in pairs:
        if tr.text(pair).replace(" ", "") not in ("chomp:true", ":chomp=>true"):
            raise tr.fail(pair, f"File.{call.name} with options")
    call.args = [a for a in call.args if a.type != "pair"]
    return bool(pairs)


def _statement(tr: Translator, call: Call, code: str) -> Expr:
    """A call whose value (a count, a list of names) scripts never use."""
    if not call.statement:
        raise tr.fail(call.node, f"the value of {call.name}")
    tr.emit(code)
    return DONE


def _home(code: str) -> str:
    """A path with ``~`` expanded (written as is where it is a literal without one)."""
    if code[:1] in "'\"" and code[1:2] != "~":
        return code
    return f"os.path.expanduser({code})"


def _utf8_option(tr: Translator, call: Call) -> None:
    """``encoding: 'UTF-8'`` (what the translation reads in anyway) among
    a read's arguments: dropped; another encoding is refused."""
    for pair in [a for a in call.args if a.type == "pair"]:
        option = tr.text(pair).replace(" ", "").replace('"', "'").lower()
        if option in ("encoding:'utf-8'", ":encoding=>'utf-8'"):
            call.args = [a for a in call.args if a != pair]


def _file_call(tr: Translator, call: Call) -> Expr | None:
    name = call.name
    if name in ("read", "readlines", "foreach"):
        _utf8_option(tr, call)
    chomp = name in ("readlines", "foreach") and _chomp_option(tr, call)
    if name == "open":
        return _open(tr, call)
    if name == "foreach" and call.block is not None and len(call.args) == 1:
        path = _paths(tr, call)[0]
        opened = f"open({path.code}, encoding='utf-8', newline='')"
        if tr.reads_lineno():  # $. counts the lines
            opened = f"{tr.runtime('counted')}({opened})"
        line = tr.temp("line")
        lines = iterators.Source(
            f"({tr.runtime('chomp')}({line}) for {line} in {opened})" if chomp else opened,
            T("str", nl="no") if chomp else LINE)
        return iterators.loop_over(tr, call, lines, call.block, Expr("None", NIL))
    if call.block is not None:
        return None
    write_mode = "'w'"
    if name == "write" and len(call.args) == 3 and call.args[2].type == "pair":
        # File.write(path, text, mode: 'a'): appended
        key = call.args[2].child_by_field_name("key")
        value = call.args[2].child_by_field_name("value")
        if tr.text(key).rstrip(":") != "mode" or tr.text(value) not in ("'a'", '"a"', "'w'",
                                                                         '"w"'):
            raise tr.fail(call.node, "File.write with options")
        write_mode = tr.text(value).replace('"', "'")
        call = replace(call, args=call.args[:2])
    args = _paths(tr, call) if name != "join" else [tr.expr(a) for a in call.args]
    one = len(args) == 1
    if name == "read" and one:
        return Expr(f"open({args[0].code}, encoding='utf-8', newline='').read()", T("str"),
                    P_CALL)
    if name == "binread" and one:  # the bytes themselves (Ruby's ASCII-8BIT String)
        return Expr(f"open({args[0].code}, 'rb').read()", BYTES, P_CALL)
    if name == "foreach" and one:  # its Enumerator gives the lines, as readlines does
        name = "readlines"
    if name == "readlines" and one:
        if chomp:
            return Expr(f"{tr.runtime('readlines')}({args[0].code}, chomp=True)",
                        list_of(PATH), P_CALL)
        return Expr(f"open({args[0].code}, encoding='utf-8', newline='').readlines()",
                    list_of(LINE), P_CALL)
    if name == "write" and len(args) == 2:
        return Expr(f"open({args[0].code}, {write_mode}, encoding='utf-8', newline='').write("
                    f"{args[1].code})", INT, P_CALL)
    if name == "join":
        return Expr(f"{tr.runtime('file_join')}({', '.join(a.code for a in args)})", PATH,
                    P_CALL)
    if name == "basename" and len(args) in (1, 2):
        return Expr(f"{tr.runtime('basename')}({', '.join(a.code for a in args)})", PATH,
                    P_CALL)
    if name == "dirname" and one:
        return Expr(f"{tr.runtime('dirname')}({args[0].code})", PATH, P_CALL)
    tr.need("os")
    if name == "expand_path" and len(args) in (1, 2):
        # Ruby expands ~ and makes the path absolute (from the second argument)
        full = _home(args[0].code)
        if len(args) == 2:
            full = f"os.path.join({_home(args[1].code)}, {full})"
        return Expr(f"os.path.abspath({full})", PATH, P_CALL)
    checks = {"exist?": "exists", "exists?": "exists", "file?": "isfile",
              "directory?": "isdir", "symlink?": "islink"}
    if name in checks and one:
        return Expr(f"os.path.{checks[name]}({args[0].code})", BOOL, P_CALL)
    access = {"readable?": "R_OK", "writable?": "W_OK", "executable?": "X_OK"}
    if name in access and one:
        return Expr(f"os.access({args[0].code}, os.{access[name]})", BOOL, P_CALL)
    if name == "extname" and one:
        return Expr(f"os.path.splitext({args[0].code})[1]", PATH, P_CALL)
    if name == "expand_path" and one:
        return Expr(f"os.path.abspath(os.path.expanduser({args[0].code}))", PATH, P_CALL)
    if name == "size" and one:
        return Expr(f"{tr.runtime('file_size')}({args[0].code})", INT, P_CALL)
    if name in ("zero?", "empty?") and one:  # false for a file that is not there
        return Expr(f"os.path.exists({args[0].code}) and os.path.getsize({args[0].code}) == 0",
                    BOOL, 2)
    if name in ("delete", "unlink") and one:
        return _statement(tr, call, f"{tr.runtime('delete_file')}({args[0].code})")
    if name == "rename" and len(args) == 2:
        return _statement(tr, call, f"os.rename({args[0].code}, {args[1].code})")
    return None


def _open(tr: Translator, call: Call, command_ok: bool = False) -> Expr:
    """``File.open(path[, mode])``, with a block (or ``&:name``): a ``with``
    statement, the block's value going where the call's goes. *command_ok*:
    Kernel#open of a computed path, which runs a command for ``|cmd``."""
    args = list(call.args)
    symbol = args.pop() if call.block is None and args and \
        args[-1].type == "block_argument" else None
    if symbol is not None and [c.type for c in symbol.named_children] != ["simple_symbol"]:
        raise tr.fail(symbol, "File.open with a block argument other than &:name")
    if not 1 <= len(args) <= 2 or any(a.type == "pair" for a in args):
        raise tr.fail(call.node, "File.open with options")
    path = tr.expr(args[0])
    mode = _open_mode(tr, args[1] if len(args) > 1 else None)
    opened = f"open({path.code}, {mode}, encoding='utf-8', newline='')"
    if command_ok:
        opened = f"{tr.runtime('kernel_open')}({path.code}, {mode})"
    if call.block is None and symbol is None:
        return Expr(opened, FILE, P_CALL)
    if symbol is not None or not call.statement:
        return tr.hoist(call.node, lambda: _opened_value(tr, call, opened, symbol))
    names = blocks.block_params(tr, call.block)
    with blocks.params_bound(tr, names, [FILE]) as targets:
        target = f" as {targets[0]}" if targets else ""
        tr.emit(f"with {opened}{target}:")
        # the block's value is File.open's: assigned or returned where it goes
        blocks.block_body(tr, call.block, call.tail or NO_TAIL)
    return DONE


def _opened_value(tr: Translator, call: Call, opened: str, symbol: Node | None) -> Expr:
    """The value of File.open's block (``&:name``: that method of the file),
    kept in a local by a ``with`` statement written before the statement."""
    held = tr.temp("value")
    if symbol is not None:
        stream = Expr(tr.temp("f"), FILE)
        tr.emit(f"with {opened} as {stream.code}:")
        with tr.indented():
            name = tr.text(symbol.named_children[0])[1:]
            value = calls.dispatch(tr, Call(symbol, name, None, [], None, recv=stream),
                                          stream)
            tr.emit(f"{held} = {value.code}")
        return Expr(held, value.type)
    found: list[T] = []
    names = blocks.block_params(tr, call.block)
    with blocks.params_bound(tr, names, [FILE]) as targets:
        target = f" as {targets[0]}" if targets else ""
        tr.emit(f"with {opened}{target}:")
        blocks.block_body(tr, call.block, Tail("assign", held, found.append))
    held_t = found[0] if found else NIL
    for t in found[1:]:
        held_t = join(held_t, t)
    return Expr(held, held_t)


def dir_glob(tr: Translator, node: Node, pattern: Expr) -> Expr:
    """``Dir.glob(pattern)`` / ``Dir[pattern]``: the matches, sorted (Ruby 3
    sorts them; Python's come in directory order). Brace and ``**``
    patterns, which Python's glob reads otherwise, are refused."""
    if not pattern.type.is_("str"):
        raise tr.fail(node, "Dir.glob of a pattern that may not be a String")
    if "{" in pattern.code or "**" in pattern.code:
        raise tr.fail(node, "a glob pattern with braces or ** (Python's glob reads them "
                            "otherwise)")
    tr.need("glob")
    return Expr(f"sorted(glob.glob({pattern.code}))", list_of(PATH), P_CALL)


def _dir_call(tr: Translator, call: Call) -> Expr | None:
    name = call.name
    args = _paths(tr, call)
    tr.need("os")
    if not args and name == "pwd":
        return Expr("os.getcwd()", PATH, P_CALL)
    if not args and name == "home":
        return Expr("os.path.expanduser('~')", PATH, P_CALL)
    if len(args) != 1:
        return None
    if name in ("glob", "[]"):
        found = dir_glob(tr, call.node, args[0])
        if call.block is None:
            return found
        return iterators.loop_over(tr, call, iterators.Source(found.code, PATH), call.block,
                                   Expr("None", NIL))
    if name in ("children", "each_child", "entries", "foreach"):
        listing = "dir_entries" if name in ("entries", "foreach") else "dir_children"
        children = Expr(f"{tr.runtime(listing)}({args[0].code})", list_of(PATH), P_CALL)
        if call.block is None:
            return children
        return iterators.loop_over(tr, call, iterators.Source(children.code, PATH),
                                   call.block, Expr("None", NIL))
    if call.block is not None:
        return None
    if name in ("exist?", "exists?"):
        return Expr(f"os.path.isdir({args[0].code})", BOOL, P_CALL)
    if name in ("empty?",):
        return Expr(f"not {tr.runtime('dir_children')}({args[0].code})", BOOL, P_CALL)
    if name == "mkdir":
        return _statement(tr, call, f"{tr.runtime('make_dir')}({args[0].code})")
    return None


def _fileutils_call(tr: Translator, call: Call) -> Expr | None:
    """``FileUtils``: what it does to the disk; its value (the list of
    names) is not something scripts use."""
    if call.block is not None or "fileutils" not in tr.ruby_requires:
        return None
    name = call.name
    if any(a.type == "pair" for a in call.args):
        raise tr.fail(call.node, f"FileUtils.{name} with options")
    args = _paths(tr, call)
    codes = ", ".join(a.code for a in args)
    tr.need("os")
    if name in ("mkdir_p", "makedirs", "mkpath") and len(args) == 1:
        return _statement(tr, call, f"os.makedirs({codes}, exist_ok=True)")
    if name in ("mv", "move") and len(args) == 2:
        tr.need("shutil")
        return _statement(tr, call, f"shutil.move({codes})")
    if name in ("cp", "copy") and len(args) == 2:
        tr.need("shutil")
        return _statement(tr, call, f"shutil.copy({codes})")
    if name in ("rm", "remove") and len(args) == 1:
        return _statement(tr, call, f"os.remove({codes})")
    if name in ("rm_f", "rm_rf", "rm_r", "remove_dir", "rmtree") and len(args) == 1:
        # rm_f and rm_rf: nothing there is no error; the _r forms take directories too
        recursive = "r" in name[2:] or name in ("remove_dir", "rmtree")
        return _statement(tr, call, f"{tr.runtime('remove')}({codes}, "
                                    f"recursive={recursive}, force={name.endswith('f')})")
    if name == "touch" and len(args) == 1:
        tr.need("pathlib")
        return _statement(tr, call, f"pathlib.Path({codes}).touch()")
    raise tr.fail(call.node, f"FileUtils.{name} is not translated")


BYTES = T("bytes")
"""A binary String (``File.binread``): Python's bytes, which only its size
and Base64 read here (anything else is marked)."""


def _bytes_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.args or call.block is not None:
        return None
    if call.name in ("bytesize", "size", "length"):
        return Expr(f"len({recv.code})", INT, P_CALL)
    if call.name == "empty?":
        return Expr(f"len({recv.code}) == 0", BOOL, P_CMP)
    if call.name == "lines":
        return Expr(f"{tr.runtime('lines')}({recv.code})", list_of(recv.type.non_nil()), P_CALL)
    return None


FIELD = T("str", nilable=True)
CSV_ROW = T("dict", key=T("str", nilable=True), elem=FIELD, name="csv_row")
"""A row read with ``headers: true``: a dict from header to field (Ruby's
``CSV::Row``, which prints and indexes by position as a dict does not)."""


# CSV's field converters: the runtime's names for each, tried in turn
_CONVERTERS = {"converters::numeric": ("integer", "float"), "converters::integer": ("integer",),
               "converters::float": ("float",)}


def _csv_call(tr: Translator, call: Call) -> Expr | None:
    if "csv" not in tr.ruby_requires:
        return None
    name = call.name
    pairs = [a for a in call.args if a.type == "pair"]
    headers = symbols = False
    converters: tuple[str, ...] = ()
    for pair in pairs:
        option = tr.text(pair).replace(" ", "")
        if option in ("headers:true", ":headers=>true"):
            headers = True
        elif option in ("header_converters::symbol", ":header_converters=>:symbol"):
            symbols = True
        elif option.replace(":converters=>", "converters:") in _CONVERTERS:
            converters = _CONVERTERS[option.replace(":converters=>", "converters:")]
        else:
            raise tr.fail(pair, f"CSV.{name} with options")
    if symbols and not headers:
        raise tr.fail(call.node, f"CSV.{name} with header_converters but no headers")
    args = [tr.expr(a) for a in call.args if a.type != "pair"]
    flag = (", headers=True" if headers else "") + (
        f", converters={converters!r}" if converters else "") + (
        ", symbol_headers=True" if symbols else "")
    field = T("any", nilable=True, name="json") if converters else FIELD
    row = CSV_ROW if not converters else replace(CSV_ROW, elem=field)
    if symbols:  # the headers are Symbols
        row = replace(row, key=T("str", nilable=True, symbol=True))
    rows = T("list", elem=row, name="csv_table") if headers else list_of(list_of(field))
    if name in ("read", "parse", "foreach") and len(args) == 1:
        function = "csv_parse" if name == "parse" else "csv_read"
        table = Expr(f"{tr.runtime(function)}({args[0].code}{flag})", rows, P_CALL)
        if name != "foreach":
            return table
        if call.block is None:
            outer = call.node.parent
            method = outer.child_by_field_name("method") if outer is not None and \
                outer.type == "call" and outer.child_by_field_name("receiver") == call.node \
                else None
            if method is None or tr.text(method) not in _ROWS_ASKED:
                raise tr.fail(call.node, "CSV.foreach without a block")
            # the enumerator asked for its rows: an Array of them (not a Table)
            return Expr(table.code, T("list", elem=rows.elem), P_CALL)
        return iterators.loop_over(tr, call, iterators.Source(table.code, rows.elem or FIELD),
                                   call.block, Expr("None", NIL))
    if name == "parse_line" and len(args) == 1 and not headers:
        return Expr(f"next(iter({tr.runtime('csv_parse')}({args[0].code})), None)",
                    list_of(FIELD).nil(), P_CALL)
    if name == "generate_line" and len(args) == 1 and not headers:
        return Expr(f"{tr.runtime('csv_line')}({args[0].code})", LINE, P_CALL)
    if name == "generate" and not call.args and call.block is not None:
        return _generate(tr, call)
    raise tr.fail(call.node, f"CSV.{name} is not translated")


def _generate(tr: Translator, call: Call) -> Expr:
    """``CSV.generate do |csv| csv << row ... end``: the rows gathered in a
    list, then their CSV lines joined (the block's parameter is used for
    ``<<`` only)."""
    assert call.block is not None
    names = blocks.block_params(tr, call.block)
    if len(names) != 1 or names[0].startswith("("):
        raise tr.fail(call.node, "CSV.generate with other than one block parameter")
    for node in walk(call.block):
        if node.type == "identifier" and tr.text(node) == names[0] and node.parent is not None \
                and node.parent.type != "block_parameters" and not (
                    node.parent.type == "binary" and node.parent.child_by_field_name("left") == node
                    and tr.text(node.parent.child_by_field_name("operator")) == "<<"):
            raise tr.fail(node, "the CSV of CSV.generate used for more than <<")
    if not call.statement and not blocks.hoistable(tr, call.node):
        raise tr.fail(call.node, "CSV.generate inside an expression")
    rows = tr.temp("rows")
    tr.emit(f"{rows} = []")
    with blocks.params_bound(tr, names, [list_of(list_of(FIELD))], {names[0]: rows}):
        blocks.block_code(tr, call.block)
    row = tr.temp("row")
    return Expr(f"''.join({tr.runtime('csv_line')}({row}) for {row} in {rows})", T("str"), P_CALL)


def _to_csv(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.name != "to_csv" or call.args or "csv" not in tr.ruby_requires:
        return None
    return Expr(f"{tr.runtime('csv_line')}({recv.code})", LINE, P_CALL)


def _csv_table(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """``table.headers`` of rows read with ``headers: true``."""
    if recv.type.name == "csv_table" and call.name == "headers" and not call.args:
        return Expr(f"{tr.wrap(recv, P_CALL)}.headers", list_of(FIELD), P_CALL)
    return None


def _csv_row(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """``row.fields`` / ``row.headers`` of a ``CSV::Row``; its other
    methods that a dict answers otherwise are refused."""
    if recv.type.name != "csv_row":
        return None
    r = tr.wrap(recv, P_CALL)
    if call.name == "fields" and not call.args:
        return Expr(f"list({r}.values())", list_of(FIELD), P_CALL)
    if call.name == "headers" and not call.args:
        return Expr(f"list({recv.code})", list_of(FIELD), P_CALL)
    if call.name in ("to_s", "inspect", "to_a", "size", "length", "first", "last", "values_at",
                     "to_csv", "delete", "<<", "push", "each_with_index"):
        raise tr.fail(call.node, f"CSV::Row#{call.name} (a row is not a Hash there)")
    return None


# what a script asks of CSV.foreach's enumerator that its Array of rows answers alike
_ROWS_ASKED = frozenset({"to_a", "entries", "map", "collect", "select", "filter", "reject",
                         "each_with_index", "each_with_object", "first", "count", "group_by",
                         "sort_by", "min_by", "max_by", "sum", "find", "detect", "filter_map",
                         "partition", "each_slice", "inject", "reduce", "take"})


def _io_call(tr: Translator, call: Call) -> Expr | None:
    """``IO.foreach`` / ``IO.readlines`` / ``IO.read`` / ``IO.write`` of a
    path: File's (a path starting with ``|`` runs a command in Ruby)."""
    if call.name not in ("foreach", "readlines", "read", "write") or not call.args:
        return None
    first = call.args[0]
    if first.type == "string" and tr.text(first)[1:2] == "|":
        raise tr.fail(call.node, f"IO.{call.name} of a command")
    return _file_call(tr, call)


def _kernel_open(tr: Translator, call: Call) -> Expr | None:
    """``open(path) { |f| ... }``: File.open's; a path computed at run time
    goes through ``ruby.kernel_open``, which runs the command of one
    starting with ``|`` as Ruby does."""
    first = call.args[0] if call.args else None
    if first is None:
        return None
    return _open(tr, call, command_ok=first.type != "string" or tr.text(first)[1:2] == "|")


register_kind("bytes", _bytes_method)
register_const("File", _file_call)
register_const("IO", _io_call)
register_kernel("open", _kernel_open)
register_const("CSV", _csv_call)
register_kind("list", _to_csv)
register_kind("list", _csv_table)
register_kind("dict", _csv_row, first=True)
register_const("Dir", _dir_call)
register_const("FileUtils", _fileutils_call)
