"""The recordings where Ruby 0.5.1 answers a command on an aborted session
with its success reply ``200 dummy reply code``: a documented deviation
(SPEC.md section 4, deviation 1). The port raises ``Net.SMTPSessionAborted``
instead, with nothing on the wire.

For each such transcript, the port's twin is the recorded twin with every
command of Ruby's critical rule that is not expected to raise wrapped in
``attempt(...)`` (which returns what the call raised), so the program runs
on exactly as Ruby's did. ``test_goldens.py`` replays it against the same
profile and requires Ruby's outcome with each dummy reply replaced by an
``SMTPSessionAborted`` whose cause is the error named in :data:`ABORTED`:
the same bytes on the wire, the same debug text, every other value the same.
"""

from __future__ import annotations

import ast

DUMMY_REPLY = {"Response": {"status": "200", "string": "200 dummy reply code"}}

# The commands of Ruby's critical rule (and what calls them): on an aborted
# session Ruby answers these with the dummy reply, the port raises.
CHECKED = frozenset({"helo", "ehlo", "starttls", "mailfrom", "rcptto", "rset", "quit", "data",
                     "send_message", "send_mail", "sendmail", "open_message_stream", "ready"})

# Transcript name -> the error (its Python class name) that aborted the session.
ABORTED: dict[str, str] = {
    "critical_rule_after_data_error": "SMTPUnknownError",
    "read_timeout_set_while_connected": "ReadTimeout",
    "commands_after_finish": "AttributeError",
    "commands_before_start": "AttributeError",
    "critical_after_eof_on_data": "EOFError",
    "critical_after_eof_on_data_end": "EOFError",
    "critical_after_eof_on_mail": "EOFError",
    "critical_after_timeout_on_data": "ReadTimeout",
    "critical_after_timeout_on_rset": "ReadTimeout",
    "data_reply_421": "SMTPUnknownError",
    "eof_rescued_as_ioerror": "EOFError",
    "get_response_eof_not_critical": "EOFError",
    "implicit_tls_auth_and_timeout": "ReadTimeout",
    "quit_then_rset_eof": "EOFError",
    "timeout_rescued_as_timeout_error": "ReadTimeout",
}


class _WrapCheckedCalls(ast.NodeTransformer):
    """``smtp.rset()`` -> ``attempt(lambda: smtp.rset())`` for every checked
    command outside a ``try`` body (inside one, the twin expects the error
    that aborts the session, as Ruby's program rescues it)."""

    def __init__(self) -> None:
        self.wrapped = 0

    def visit_Try(self, node: ast.Try) -> ast.Try:
        for part in (node.handlers, node.orelse, node.finalbody):
            for child in part:
                self.visit(child)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        if (isinstance(func, ast.Attribute) and func.attr in CHECKED
                and isinstance(func.value, ast.Name) and func.value.id == "smtp"):
            self.wrapped += 1
            no_args = ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                                    kw_defaults=[], kwarg=None, defaults=[])
            return ast.Call(func=ast.Name(id="attempt", ctx=ast.Load()),
                            args=[ast.Lambda(args=no_args, body=node)], keywords=[])
        return node


def port_twin(python: str) -> str:
    """The recorded twin with each checked command that is not expected to
    raise wrapped in ``attempt(...)``, which returns what the call raised:
    the program then runs on exactly as Ruby's did past its dummy replies.
    A call that does not raise gives its value, as before.
    """
    tree = ast.parse(python)
    wrapper = _WrapCheckedCalls()
    tree = ast.fix_missing_locations(wrapper.visit(tree))
    if not wrapper.wrapped:
        raise ValueError("the twin has no checked command outside a try body")
    return ast.unparse(tree) + "\n"
