"""``Time`` and ``Date``: ``Time.now``/``Time.utc``/``Time.at``, ``rfc2822``,
``iso8601``, ``strftime``, arithmetic in seconds; ``Date.today``/
``Date.new``, arithmetic in days, the weekday questions. A Time is a
``datetime``, a Date a ``date``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..engine import P_ADD, P_CALL, P_CMP, Call, Expr
from ..syntax import Node
from ..types import ANY, BOOL, FLOAT, INT, T
from .calls import DONE, register_const, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["DATE", "TIME", "arithmetic"]

TIME = T("time")
DATE = T("date")
DATETIME = T("time", name="datetime")
"""A Ruby DateTime (``ruby.DateTime``): a Time's methods, a Date's arithmetic."""
_RUBY_ONLY = ("%L", "%N", "%s", "%:z", "%P", "%e", "%l", "%k")
"""strftime directives Python writes otherwise (or not at all): the runtime's."""


def _time_call(tr: Translator, call: Call) -> Expr | None:
    tr.need("datetime")
    if call.name == "now" and not call.args:
        return Expr("datetime.now().astimezone()", TIME, P_CALL)
    if call.name in ("utc", "gm", "local", "mktime") and \
            any(a.type == "splat_argument" for a in call.args):
        # Time.utc(*parts, 9, 0): the parts as given, a month and a day of 1 if missing
        pieces = []
        for arg in call.args:
            splat = arg.type == "splat_argument"
            value = tr.expr(arg.named_children[0] if splat else arg)
            held = value.type if not splat else \
                (value.type.elem or ANY) if value.type.is_("list") else ANY
            if not held.is_("int"):
                raise tr.fail(call.node, f"Time.{call.name} of values that may not be Integers")
            pieces.append(f"*{tr.wrap(value, P_CALL)}" if splat else value.code)
        listed = pieces[0][1:] if len(pieces) == 1 else f"[{', '.join(pieces)}]"
        fields = f"*{tr.runtime('time_fields')}({listed})"
        if call.name in ("local", "mktime"):
            return Expr(f"datetime({fields}).astimezone()", TIME, P_CALL)
        tr.need("timezone")
        return Expr(f"datetime({fields}, tzinfo=timezone.utc)", TIME, P_CALL)
    if call.name in ("utc", "gm", "local", "mktime") and 1 <= len(call.args) <= 7:
        args = [tr.expr(a) for a in call.args]
        if not all(a.type.non_nil().is_("int") for a in args):
            raise tr.fail(call.node, "Time.utc with values that may not be Integers")
        codes = [a.code for a in args] + (["1"] * (3 - len(args)) if len(args) < 3 else [])
        if any(a.type.nilable for a in args):  # (nil: a month or day of 1, else 0)
            codes = [f"*{tr.runtime('time_fields')}([{', '.join(a.code for a in args)}])"]
        if call.name in ("local", "mktime"):
            return Expr(f"datetime({', '.join(codes)}).astimezone()", TIME, P_CALL)
        tr.need("timezone")
        return Expr(f"datetime({', '.join(codes)}, tzinfo=timezone.utc)", TIME, P_CALL)
    if call.name == "at" and len(call.args) == 1:
        value = tr.expr(call.args[0])
        return Expr(f"datetime.fromtimestamp({value.code}).astimezone()", TIME, P_CALL)
    if call.name == "strptime" and len(call.args) == 2:
        if "time" not in tr.ruby_requires:
            raise tr.fail(call.node, "Time.strptime without require 'time' (a NoMethodError "
                                     "in Ruby)")
        text, template = tr.expr(call.args[0]), tr.expr(call.args[1])
        if not re.fullmatch(r"'(?:[^%'\\]|%[YmdyjbBHMSpIaA%])*(?:%[Zz])?'", template.code) or \
                not re.search(r"%[Yy]", template.code):
            raise tr.fail(call.node, "Time.strptime with a template Python reads otherwise "
                                     "(or without a year)")
        return Expr(f"{tr.runtime('time_strptime')}({text.code}, {template.code})", TIME,
                    P_CALL)
    if call.name in ("iso8601", "xmlschema", "parse") and len(call.args) == 1:
        if "time" not in tr.ruby_requires:
            raise tr.fail(call.node, f"Time.{call.name} without require 'time' "
                                     "(a NoMethodError in Ruby)")
        if call.name == "parse":
            return _parse(tr, call, "time_parse", TIME)
        text = tr.expr(call.args[0])
        return Expr(f"{tr.runtime('time_iso8601')}({text.code})", TIME, P_CALL)
    return None


def _strftime(tr: Translator, recv: Expr, template: Node) -> Expr:
    """A Time's or a Date's ``strftime``: Python's, unless the template has a
    directive Python writes otherwise (then the runtime's)."""
    fmt = tr.expr(template)
    if any(code in fmt.code for code in _RUBY_ONLY):
        return Expr(f"{tr.runtime('strftime')}({recv.code}, {fmt.code})", T("str", nl="no"),
                    P_CALL)
    return Expr(f"{tr.wrap(recv, P_CALL)}.strftime({fmt.code})", T("str", nl="no"), P_CALL)


def _time_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    r = tr.wrap(recv, P_CALL)
    if name in ("rfc2822", "rfc822", "iso8601", "xmlschema", "httpdate") and \
            "time" not in tr.ruby_requires and recv.type.name != "datetime":
        raise tr.fail(call.node, f"Time#{name} without require 'time' (a NoMethodError in Ruby)")
    if recv.type.name == "datetime" and name in ("next_day", "prev_day") and \
            len(call.args) <= 1:  # (a DateTime counts days)
        days = tr.expr(call.args[0]) if call.args else Expr("1", INT)
        if not days.type.is_("int"):
            raise tr.fail(call.node, f"DateTime#{name} of a value that may not be an Integer")
        op = "+" if name == "next_day" else "-"
        return Expr(f"{tr.wrap(recv, P_ADD)} {op} {tr.wrap(days, P_ADD + 1)}", DATETIME, P_ADD)
    if name in ("rfc2822", "rfc822") and not call.args:
        return Expr(f"{tr.runtime('rfc2822')}({recv.code})", T("str", nl="no"), P_CALL)
    if name in ("iso8601", "xmlschema") and len(call.args) <= 1:
        digits = "".join(f", {tr.expr(a).code}" for a in call.args)
        return Expr(f"{tr.runtime('iso8601')}({recv.code}{digits})", T("str", nl="no"), P_CALL)
    if name == "strftime" and len(call.args) == 1:
        return _strftime(tr, recv, call.args[0])
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
    if name == "yday" and not call.args:
        return Expr(f"{r}.timetuple().tm_yday", INT, P_CALL)
    if name.endswith("?") and name[:-1] in _WEEKDAYS and not call.args:
        return Expr(f"{r}.weekday() == {_WEEKDAYS.index(name[:-1])}", BOOL, P_CMP)
    if name == "httpdate" and not call.args:  # always in GMT, English names
        return Expr(f"{tr.runtime('httpdate')}({recv.code})", T("str", nl="no"), P_CALL)
    if name in ("utc", "gmtime", "getutc", "getgm", "localtime", "getlocal") and \
            not call.args:
        local = name in ("localtime", "getlocal")
        if not local:
            tr.need("timezone")
        moved = Expr(f"{r}.astimezone({'' if local else 'timezone.utc'})", TIME, P_CALL)
        if call.statement and not name.startswith("get"):
            # utc, gmtime and localtime change the Time itself
            if call.recv_node is None or call.recv_node.type != "identifier" or \
                    tr.local(tr.text(call.recv_node)) is None:
                raise tr.fail(call.node, f"Time#{name} changing a Time not held in a local")
            tr.emit(f"{recv.code} = {moved.code}")
            return DONE
        return moved
    if name in ("utc?", "gmt?") and not call.args:  # UTC itself, not an offset of 0
        tr.need("timezone")
        return Expr(f"{r}.tzinfo is timezone.utc", BOOL, P_CMP)
    if name in ("to_s", "inspect") and not call.args:
        return Expr(f"{tr.runtime('to_s')}({recv.code})", T("str", nl="no"), P_CALL)
    return None


def arithmetic(tr: Translator, node: Node, op: str, a: Expr, b: Expr) -> Expr:
    """``time - time`` (seconds, a Float), ``time + n`` / ``time - n`` (seconds);
    ``date + n`` / ``date - n`` (days), ``(date - date).to_i`` (days); a
    DateTime's ``+`` and ``-`` count days (``ruby.DateTime``'s own)."""
    if a.type.non_nil().is_("date"):  # (nil raises in both languages)
        return _date_arithmetic(tr, node, op, a, b)
    other = b.type.non_nil()  # (nil raises in both languages)
    if a.type.name == "datetime" or other.name == "datetime":
        if a.type.name == "datetime" and other.is_("int", "float", "num"):
            return Expr(f"{tr.wrap(a, P_ADD)} {op} {tr.wrap(b, P_ADD + 1)}", DATETIME, P_ADD)
        if op == "-" and a.type.name == other.name == "datetime":  # a Rational of days
            return Expr(f"{tr.wrap(a, P_ADD)} - {tr.wrap(b, P_ADD + 1)}",
                        T("any", name="mixed"), P_ADD)
        raise tr.fail(node, f"DateTime {op} something other than days or a DateTime")
    if op == "-" and other.is_("time"):
        return Expr(f"({tr.wrap(a, P_ADD)} - {tr.wrap(b, P_ADD + 1)}).total_seconds()", FLOAT,
                    P_CALL)
    if other.is_("int", "float", "num"):
        tr.need("timedelta")
        return Expr(f"{tr.wrap(a, P_ADD)} {op} timedelta(seconds={b.code})", TIME, P_ADD)
    raise tr.fail(node, f"Time {op} something that may not be a number")


def _date_call(tr: Translator, call: Call) -> Expr | None:
    if "date" not in tr.ruby_requires and "time" not in tr.ruby_requires:
        return None
    tr.need("date")
    if call.name == "today" and not call.args:
        return Expr("date.today()", DATE, P_CALL)
    if call.name in ("new", "civil", "valid_date?", "valid_civil?") and \
            1 <= len(call.args) <= 3:
        args = [tr.expr(a) for a in call.args]
        # (nil raises in both languages)
        if not all(a.type.non_nil().is_("int") for a in args):
            raise tr.fail(call.node, f"Date.{call.name} with values that may not be Integers")
        codes = [a.code for a in args] + ["1"] * (3 - len(args))
        if call.name.startswith("valid"):
            if len(args) != 3:
                return None
            return Expr(f"{tr.runtime('valid_date')}({', '.join(codes)})", BOOL, P_CALL)
        if all(a.code.isdigit() for a in args):
            return Expr(f"date({', '.join(codes)})", DATE, P_CALL)
        # (a negative month or day counts from the end, as the runtime's does)
        return Expr(f"{tr.runtime('date_new')}({', '.join(codes)})", DATE, P_CALL)
    if call.name == "commercial" and 1 <= len(call.args) <= 3:
        # the day of an ISO week (Ruby counts a negative week from the year's end)
        args = [tr.expr(a) for a in call.args]
        if not all(a.type.non_nil().is_("int") and not a.code.startswith("-") for a in args):
            raise tr.fail(call.node, "Date.commercial with values that may not be positive "
                                     "Integers")
        codes = [a.code for a in args] + ["1"] * (3 - len(args))
        return Expr(f"date.fromisocalendar({', '.join(codes)})", DATE, P_CALL)
    if call.name in ("parse", "iso8601") and len(call.args) == 1:
        return _parse(tr, call, "date_parse", DATE)
    if call.name == "strptime" and len(call.args) == 2:
        text, template = tr.expr(call.args[0]), tr.expr(call.args[1])
        if not re.fullmatch(r"'(?:[^%'\\]|%[YmdyjbBHMS%])*'", template.code):
            raise tr.fail(call.node, "Date.strptime with a template Python reads otherwise")
        tr.need("datetime")
        return Expr(f"datetime.strptime({text.code}, {template.code}).date()", DATE, P_CALL)
    return None


def _parse(tr: Translator, call: Call, function: str, result: T) -> Expr:
    """``Time.parse(text)`` / ``Date.parse(text)``: the runtime reads the
    forms scripts write (ISO 8601, RFC 2822) and refuses other text loudly,
    where Ruby would guess."""
    text = tr.expr(call.args[0])  # (not a String: Ruby's TypeError, in the runtime)
    return Expr(f"{tr.runtime(function)}({text.code})", result, P_CALL)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _date_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    name = call.name
    r = tr.wrap(recv, P_CALL)
    if call.block is not None:
        return None
    if name == "strftime" and len(call.args) == 1:
        return _strftime(tr, recv, call.args[0])
    if call.args:
        if name in ("next_day", "prev_day") and len(call.args) == 1:
            days = tr.expr(call.args[0])
            if not days.type.is_("int"):
                raise tr.fail(call.node, f"Date#{name} of a value that may not be an Integer")
            return _shifted(tr, recv, "+" if name == "next_day" else "-", days.code)
        if name in _MONTH_STEPS and len(call.args) == 1:
            count = tr.expr(call.args[0])
            if not count.type.is_("int"):
                raise tr.fail(call.node, f"Date#{name} of a value that may not be an Integer")
            return _months_later(tr, recv, name, count.code)
        return None
    if name in _MONTH_STEPS:
        return _months_later(tr, recv, name, "1")
    if name == "leap?":
        tr.need("calendar")
        return Expr(f"calendar.isleap({r}.year)", BOOL, P_CALL)
    if name in ("to_s", "iso8601", "xmlschema"):
        return Expr(f"{r}.isoformat()", T("str", nl="no"), P_CALL)
    if name in ("year", "month", "day"):
        return Expr(f"{r}.{name}", INT, P_CALL)
    if name in ("mon", "mday"):
        return Expr(f"{r}.{'month' if name == 'mon' else 'day'}", INT, P_CALL)
    if name == "wday":
        return Expr(f"{r}.isoweekday() % 7", INT, P_CALL)
    if name == "cwday":
        return Expr(f"{r}.isoweekday()", INT, P_CALL)
    if name in ("cweek", "cwyear"):  # the ISO week and the year it belongs to
        return Expr(f"{r}.isocalendar()[{1 if name == 'cweek' else 0}]", INT, P_CALL)
    if name == "yday":
        return Expr(f"{r}.timetuple().tm_yday", INT, P_CALL)
    if name.endswith("?") and name[:-1] in _WEEKDAYS:
        return Expr(f"{r}.weekday() == {_WEEKDAYS.index(name[:-1])}", BOOL, P_CMP)
    if name in ("next_day", "prev_day", "succ", "next"):
        return _shifted(tr, recv, "-" if name == "prev_day" else "+", "1")
    return None


# Date#next_month & co: how many months one step moves
_MONTH_STEPS = {"next_month": 1, "prev_month": -1, "next_year": 12, "prev_year": -12}


def _months_later(tr: Translator, day: Expr, name: str, count: str) -> Expr:
    """``d.next_month(n)``, ``d.prev_year``...: Ruby's ``>>``, which keeps the
    day of the month or takes the month's last."""
    step = _MONTH_STEPS[name]
    months = f"{step} * {count}" if count != "1" else str(step)
    return Expr(f"{tr.runtime('months_later')}({day.code}, {months})", DATE, P_CALL)


def _shifted(tr: Translator, day: Expr, op: str, days: str) -> Expr:
    tr.need("timedelta")
    return Expr(f"{tr.wrap(day, 10)} {op} timedelta(days={days})", DATE, 10)


def _date_arithmetic(tr: Translator, node: Node, op: str, a: Expr, b: Expr) -> Expr:
    if b.type.non_nil().is_("int"):
        return _shifted(tr, a, op, b.code)
    outer = node.parent
    call = outer.parent if outer is not None and outer.type == "parenthesized_statements" \
        else None
    if op == "-" and b.type.non_nil().is_("date") and call is not None and \
            call.type == "call" and \
            tr.text(call.child_by_field_name("method")) == "to_i":
        # (date - date).to_i: the days between (Ruby's Rational of days, whole)
        return Expr(f"({tr.wrap(a, P_ADD)} - {tr.wrap(b, P_ADD + 1)}).days", T("days"), P_CALL)
    if op == "-" and (b.type.non_nil().is_("date") or b.type.kind == "any"):
        # a Rational of days, as Ruby's (or, for a value known only at run
        # time, what the runtime's - makes of it)
        return Expr(f"{tr.runtime('arith')}({a.code}, '-', {b.code})", T("any", name="mixed"),
                    P_CALL)
    if b.type.kind == "any":  # a day later, or the runtime raises
        return Expr(f"{tr.runtime('plus')}({a.code}, {b.code})", DATE, P_CALL)
    raise tr.fail(node, f"Date {op} something other than a number of days")


def _days_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    """The ``to_i`` that ``(date - date).to_i`` was written for."""
    if call.name == "to_i" and not call.args and call.block is None:
        return Expr(recv.code, INT, recv.prec)
    return None


def _to_date(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.name == "to_date" and not call.args and tr.ruby_requires & {"date", "time"}:
        return Expr(f"{tr.wrap(recv, P_CALL)}.date()", DATE, P_CALL)
    return None


register_const("Time", _time_call)
register_kind("time", _time_method)
register_kind("time", _to_date)
register_const("Date", _date_call)


def _datetime_call(tr: Translator, call: Call) -> Expr | None:
    """``DateTime.new(y, m, d, h, mi, s)`` (UTC), ``DateTime.now``,
    ``DateTime.parse`` and ``DateTime.iso8601``: a ``ruby.DateTime``."""
    if "date" not in tr.ruby_requires and "time" not in tr.ruby_requires:
        return None
    if call.name in ("new", "civil") and 1 <= len(call.args) <= 6:
        args = [tr.expr(a) for a in call.args]
        if not all(a.type.non_nil().is_("int") for a in args):
            raise tr.fail(call.node, "DateTime.new with values that may not be Integers "
                                     "(or with an offset)")
        return Expr(f"{tr.runtime('datetime_new')}({', '.join(a.code for a in args)})",
                    DATETIME, P_CALL)
    if call.name == "now" and not call.args:
        return Expr(f"{tr.runtime('DateTime')}.now().astimezone()", DATETIME, P_CALL)
    if call.name in ("parse", "iso8601") and len(call.args) == 1:
        return _parse(tr, call, "datetime_parse", DATETIME)
    return None


register_const("DateTime", _datetime_call)
register_kind("date", _date_method)
register_kind("days", _days_method)
