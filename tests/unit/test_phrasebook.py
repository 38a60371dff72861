"""docs/phrasebook.md against the real package, in both directions.

The phrasebook's tables have the columns Ruby | Python | Meaning. Each code
span of a Python cell is parsed with ``ast``; every attribute chain that
starts at one of the documented receivers (``Net``, ``smtp``, ``res``...) is
resolved against real objects, so a Python form naming something the
package lacks fails. Each resolved step is recorded as (owning class, name);
every public member of the package's classes must be among them, so a
member without a row fails too. Finally, each public member of Ruby's
net-smtp 0.5.1 must appear in the Ruby column, and the members marked "not
ported" must really be absent from the package.
"""

from __future__ import annotations

import ast
import keyword
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import net_smtp
from net_smtp import Net, OpenSSL

PHRASEBOOK = Path(__file__).resolve().parents[2] / "docs" / "phrasebook.md"
HEADER = ["Ruby", "Python", "Meaning"]
NOT_PORTED = "— (not ported)"

# The public API of Ruby net-smtp 0.5.1 (lib/net/smtp.rb, lib/net/smtp/*.rb)
# and the net-protocol 0.2.2 classes it exposes, written with the receivers
# the phrasebook uses. Each must start a code span of the Ruby column.
RUBY_MEMBERS = [
    "require 'net/smtp'", "Net::SMTP::VERSION", "Net::SMTPSession",
    # class methods and constants
    "Net::SMTP.default_port", "Net::SMTP.default_submission_port", "Net::SMTP.default_tls_port",
    "Net::SMTP.default_ssl_port", "Net::SMTP.default_ssl_context", "Net::SMTP::DEFAULT_AUTH_TYPE",
    "Net::SMTP.start", "Net::SMTP.new",
    # instance methods, attributes and aliases
    "smtp.start", "smtp.finish", "smtp.started?", "smtp.inspect", "smtp.address", "smtp.port",
    "smtp.esmtp", "smtp.esmtp =", "smtp.esmtp?", "smtp.capabilities", "smtp.capable?",
    "smtp.capable_starttls?", "smtp.capable_plain_auth?", "smtp.capable_login_auth?",
    "smtp.capable_cram_md5_auth?", "smtp.auth_capable?", "smtp.capable_auth_types",
    "smtp.tls?", "smtp.ssl?", "smtp.enable_tls", "smtp.enable_ssl", "smtp.disable_tls",
    "smtp.disable_ssl", "smtp.starttls?", "smtp.starttls_always?", "smtp.starttls_auto?",
    "smtp.enable_starttls", "smtp.enable_starttls_auto", "smtp.disable_starttls",
    "smtp.tls_verify", "smtp.tls_verify =", "smtp.tls_hostname", "smtp.tls_hostname =",
    "smtp.ssl_context_params", "smtp.ssl_context_params =",
    "smtp.open_timeout", "smtp.open_timeout =", "smtp.read_timeout", "smtp.read_timeout =",
    "smtp.debug_output =", "smtp.set_debug_output",
    "smtp.send_message", "smtp.send_mail", "smtp.sendmail", "smtp.open_message_stream",
    "smtp.ready", "smtp.authenticate", "smtp.rset", "smtp.starttls", "smtp.helo", "smtp.ehlo",
    "smtp.mailfrom", "smtp.rcptto_list", "smtp.rcptto", "smtp.data", "smtp.quit",
    "smtp.get_response",
    # Response
    "Net::SMTP::Response.parse", "Net::SMTP::Response.new", "res.status", "res.string",
    "res.status_type_char", "res.success?", "res.continue?", "res.message",
    "res.cram_md5_challenge", "res.capabilities", "res.exception_class",
    # Address
    "Net::SMTP::Address.new", "addr.address", "addr.parameters", "addr.to_s",
    # Authenticator and the mechanisms
    "Net::SMTP::Authenticator", "Net::SMTP::Authenticator.auth_classes", "auth_type",
    "Net::SMTP::Authenticator.auth_class", "Net::SMTP::Authenticator.check_args",
    "Net::SMTP::Authenticator.new", "auth.smtp", "auth.continue", "auth.finish",
    "auth.base64_encode", "auth.auth",
    "Net::SMTP::AuthPlain", "plain.auth", "Net::SMTP::AuthLogin", "login.auth",
    "Net::SMTP::AuthCramMD5", "cram.auth", "cram.cram_md5_response",
    "Net::SMTP::AuthCramMD5::IMASK", "OMASK", "Net::SMTP::AuthCramMD5::CRAM_BUFSIZE", "cram.cram_secret",
    "cram.digest_class", "Net::SMTP::AuthXoauth2", "xoauth2.auth",
    # the stream of message blocks
    "Net::WriteAdapter", "Net::WriteAdapter.new", "f.write", "f.print", "f <<", "f.puts",
    "f.printf", "f.inspect",
    # exceptions
    "Net::SMTPError", "err.response", "err.message", "Net::SMTPAuthenticationError",
    "Net::SMTPServerBusy", "Net::SMTPSyntaxError", "Net::SMTPFatalError", "Net::SMTPUnknownError",
    "Net::SMTPUnsupportedCommand", "Net::ProtocolError", "Net::ProtoSyntaxError",
    "Net::ProtoFatalError", "Net::ProtoUnknownError", "Net::ProtoServerError",
    "Net::ProtoAuthError", "Net::ProtoCommandError", "Net::ProtoRetriableError",
    "Net::ProtocRetryError", "Net::OpenTimeout", "Net::ReadTimeout", "Net::WriteTimeout",
    "timeout.io", "timeout.message", "ArgumentError",
    # net-protocol internals
    "Net::BufferedIO", "Net::InternetMessageIO", "Net::Protocol", "Net::ReadAdapter",
]


@dataclass(frozen=True)
class Row:
    """One phrasebook row: its line and the code spans of each column."""

    line: int
    ruby: list[str]
    python: list[str]
    ruby_text: str
    python_text: str


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _spans(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def phrasebook_rows() -> list[Row]:
    """Every row of every Ruby | Python | Meaning table."""
    rows: list[Row] = []
    lines = PHRASEBOOK.read_text(encoding="utf-8").splitlines()
    in_table = False
    for number, line in enumerate(lines, 1):
        if not line.startswith("|"):
            in_table = False
            continue
        cells = _cells(line)
        if cells == HEADER:
            in_table = True
            continue
        if not in_table or set(line) <= set("|-: "):
            continue
        assert len(cells) == 3, f"phrasebook.md:{number}: expected 3 cells"
        rows.append(Row(number, _spans(cells[0]), _spans(cells[1]), cells[0], cells[1]))
    return rows


ROWS = phrasebook_rows()


# ----------------------------------------------------------------- resolving
def sample_objects() -> dict[str, Any]:
    """The receivers the phrasebook names, as real objects."""
    smtp = Net.SMTP("mail.example.com", 25)
    res = Net.SMTP.Response("250", "250 OK\n")
    return {
        "Net": Net, "OpenSSL": OpenSSL, "net_smtp": net_smtp,
        "smtp": smtp, "res": res,
        "addr": Net.SMTP.Address("alice@example.com", "SIZE=10"),
        "auth": Net.SMTP.Authenticator(smtp),
        "plain": Net.SMTP.AuthPlain(smtp), "login": Net.SMTP.AuthLogin(smtp),
        "cram": Net.SMTP.AuthCramMD5(smtp), "xoauth2": Net.SMTP.AuthXoauth2(smtp),
        "f": Net.WriteAdapter(len),
        "stream": net_smtp.MessageStream(smtp, "alice@example.com", ["bob@example.net"]),
        "err": Net.SMTPFatalError(res),
        "timeout": Net.ReadTimeout("127.0.0.1:25"),
        "refusal": Net.SMTPRecipientsRefused({"bob@example.net": res}),
    }


Key = tuple[Any, str]


def owner(obj: Any, name: str) -> Any:
    """What a member belongs to: a module for its own names, else the first
    class of the MRO that defines it, or, for an instance attribute, the
    class whose ``__init__`` sets it."""
    if isinstance(obj, types.ModuleType):
        return obj
    cls = obj if isinstance(obj, type) else type(obj)
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass
    return next(klass for klass in cls.__mro__ if "__init__" in vars(klass))


def _parse(span: str) -> ast.AST:
    for attempt in (span, span + "\n    pass"):
        try:
            return ast.parse(attempt)
        except SyntaxError:
            continue
    raise AssertionError(f"not Python: {span!r}")


class Resolver:
    """Resolves the chains of Python forms, recording what they cover."""

    def __init__(self) -> None:
        self.roots = sample_objects()
        self.covered: set[Key] = set()

    def _value(self, node: ast.AST) -> tuple[bool, Any]:
        """(True, object) for a chain rooted at a known receiver."""
        if isinstance(node, ast.Name) and node.id in self.roots:
            return True, self.roots[node.id]
        if isinstance(node, ast.Attribute):
            known, base = self._value(node.value)
            if not known:
                return False, None
            assert hasattr(base, node.attr), f"{ast.unparse(node)}: the package has no such member"
            self.covered.add((owner(base, node.attr), node.attr))
            return True, getattr(base, node.attr)
        return False, None

    def resolve(self, span: str) -> int:
        """Resolve every chain in *span*; returns how many were found."""
        found = 0
        for node in ast.walk(_parse(span)):
            if isinstance(node, ast.Attribute):
                found += self._value(node)[0]
            elif isinstance(node, ast.ImportFrom):
                assert node.module == "net_smtp", span
                for alias in node.names:
                    assert hasattr(net_smtp, alias.name), span
                    found += 1
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id in ("getattr", "str", "repr") and node.args):
                known, obj = self._value(node.args[0])
                if not known:
                    continue
                if node.func.id == "getattr":
                    name = ast.literal_eval(node.args[1])
                    assert hasattr(obj, name), f"{span}: no member {name!r}"
                else:
                    assert isinstance(str(obj) if node.func.id == "str" else repr(obj), str)
                found += 1
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.LShift):
                known, obj = self._value(node.left)
                if known:
                    assert hasattr(type(obj), "__lshift__"), f"{span}: no <<"
                    found += 1
        return found


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    resolver = Resolver()
    for row in ROWS:
        for span in row.python:
            resolver.resolve(span)
    return resolver


# ----------------------------------------------------------------- the package
def _exception_sample(cls: type[BaseException]) -> BaseException:
    """An instance of *cls*; SMTP errors get a reply, as when raised."""
    reply = Net.SMTP.Response("550", "550 no\n")
    if issubclass(cls, Net.SMTPRecipientsRefused):
        return cls({"to@example.com": reply})
    if issubclass(cls, Net.SMTPError):
        return cls(reply)
    return cls()


def package_surface() -> Iterator[tuple[str, Any]]:
    """(label, object) for each class or instance whose public members the
    phrasebook must cover."""
    objects = sample_objects()
    yield "Net", Net
    yield "OpenSSL", OpenSSL
    yield "OpenSSL.SSL", OpenSSL.SSL
    for name in ("smtp", "res", "addr", "auth", "plain", "login", "cram", "xoauth2", "f", "stream"):
        yield name, objects[name]
    for name, value in vars(Net).items():
        if isinstance(value, type) and issubclass(value, BaseException):
            yield f"Net.{name}", _exception_sample(value)


def _same_callable(a: Any, b: Any) -> bool:
    return getattr(a, "__func__", a) is getattr(b, "__func__", b)


def test_the_phrasebook_has_tables() -> None:
    assert len(ROWS) > 150
    for row in ROWS:
        assert row.ruby or row.ruby_text.startswith("—"), \
            f"phrasebook.md:{row.line}: give the Ruby form, or say why there is none"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"line{r.line}")
def test_every_python_form_names_something_real(row: Row) -> None:
    if row.python_text == NOT_PORTED:
        return
    assert row.python, f"phrasebook.md:{row.line}: no Python form"
    found = sum(Resolver().resolve(span) for span in row.python)
    assert found, f"phrasebook.md:{row.line}: no Python form names a package member"


@pytest.mark.parametrize("label,obj", list(package_surface()), ids=lambda x: str(x)[:30])
def test_every_public_member_has_a_row(label: str, obj: Any, resolver: Resolver) -> None:
    missing = []
    names = obj.__all__ if isinstance(obj, types.ModuleType) else dir(obj)
    for name in names:
        if name.startswith("_"):
            continue
        if name.endswith("?") or keyword.iskeyword(name):
            # Ruby spellings: 'started?' is is_started, 'continue' is continue_.
            twin = f"is_{name[:-1]}" if name.endswith("?") else f"{name}_"
            assert _same_callable(getattr(obj, name), getattr(obj, twin)), f"{label}.{name}"
            continue
        klass = owner(obj, name)
        if getattr(klass, "__module__", None) == "builtins":
            continue
        if (klass, name) not in resolver.covered:
            missing.append(name)
    assert not missing, f"{label}: no phrasebook row for {missing}"


def test_the_ruby_spellings_are_documented() -> None:
    pythons = " ".join(span for row in ROWS for span in row.python)
    assert "getattr(smtp, 'started?')" in pythons
    assert "getattr(res, 'success?')" in pythons


@pytest.mark.parametrize("member", RUBY_MEMBERS)
def test_every_ruby_member_has_a_row(member: str) -> None:
    pattern = re.compile(r"(?<![\w:.])" + re.escape(member) + r"(?![\w?])")
    assert any(pattern.search(span) for row in ROWS for span in row.ruby), \
        f"no phrasebook row for Ruby's {member}"


def test_not_ported_members_are_really_absent() -> None:
    classes: list[Any] = [Net, OpenSSL, OpenSSL.SSL, net_smtp]
    classes += [v for v in vars(Net).values() if isinstance(v, type)]
    classes += [Net.SMTP.Response, Net.SMTP.Address, Net.SMTP.Authenticator, Net.SMTP.AuthPlain,
                Net.SMTP.AuthLogin, Net.SMTP.AuthCramMD5, Net.SMTP.AuthXoauth2]
    rows = [row for row in ROWS if row.python_text == NOT_PORTED]
    assert rows, "the phrasebook lists Ruby members with no Python form"
    for row in rows:
        for span in row.ruby:
            name = re.findall(r"\w+", span.split("(")[0])[-1]
            present = [getattr(c, "__name__", c) for c in classes if hasattr(c, name)]
            assert not present, f"phrasebook.md:{row.line}: {name} is marked not ported " \
                                f"but exists on {present}"


def test_a_missing_member_would_be_caught() -> None:
    """The resolver is not blind: a form naming no member fails."""
    with pytest.raises(AssertionError, match="no such member"):
        Resolver().resolve("smtp.send_later(msg)")
    with pytest.raises(AssertionError, match="no such member"):
        Resolver().resolve("Net.SMTP.Response.is_ok()")
