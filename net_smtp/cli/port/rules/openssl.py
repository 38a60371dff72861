"""OpenSSL the Ruby way: ``OpenSSL::SSL::VERIFY_*`` and ``TLS1_*_VERSION``
constants, ``OpenSSL::SSL::SSLContext.new`` with its Ruby setters
(``verify_mode=``, ``ca_file=``, ``min_version=``...) and ``set_params``,
certificates and keys read from PEM; all through ``net_smtp.OpenSSL``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine import P_CALL, Call, Expr
from ..syntax import Node
from ..types import ANY, INT, T
from .calls import args_code, register_const, register_kind

if TYPE_CHECKING:
    from ..engine import Translator

__all__ = ["constant", "setter"]

CTX = T("ctx")
CONSTANTS = {"VERIFY_NONE", "VERIFY_PEER", "VERIFY_FAIL_IF_NO_PEER_CERT", "VERIFY_CLIENT_ONCE",
             "SSL3_VERSION", "TLS1_VERSION", "TLS1_1_VERSION", "TLS1_2_VERSION",
             "TLS1_3_VERSION", "OP_NO_SSLv2", "OP_NO_SSLv3", "OP_NO_TLSv1", "OP_NO_TLSv1_1",
             "OP_ALL"}
SETTERS = frozenset({"verify_mode", "ca_file", "ca_path", "cert", "key", "min_version",
                     "max_version", "verify_hostname", "ciphers", "options", "cert_store",
                     "timeout", "ssl_version"})


def constant(tr: Translator, node: Node, path: str) -> Expr:
    parts = path.split("::")
    if len(parts) == 3 and parts[:2] == ["OpenSSL", "SSL"] and parts[2] in CONSTANTS:
        tr.need("net_smtp:OpenSSL")
        return Expr(f"OpenSSL.SSL.{parts[2]}", INT)
    if path in ("OpenSSL::SSL::SSLContext", "OpenSSL::X509::Certificate", "OpenSSL::PKey",
                "OpenSSL::PKey::RSA"):
        tr.need("net_smtp:OpenSSL")
        return Expr(path.replace("::", "."), T("class", name=path))
    if path == "OpenSSL::SSL::SSLError":
        tr.need("ssl")
        return Expr("ssl.SSLError", T("class", name=path))
    raise tr.fail(node, f"{path} is not in net_smtp.OpenSSL")


def _context_new(tr: Translator, call: Call) -> Expr | None:
    if call.name != "new" or call.block is not None:
        return None
    if call.args:
        raise tr.fail(call.node, "SSLContext.new with a method name")
    tr.need("net_smtp:OpenSSL")
    return Expr("OpenSSL.SSL.SSLContext()", CTX, P_CALL)


def _certificate(tr: Translator, call: Call) -> Expr | None:
    if call.name != "new" or len(call.args) != 1:
        return None
    tr.need("net_smtp:OpenSSL")
    pem = tr.expr(call.args[0])
    return Expr(f"OpenSSL.X509.Certificate({pem.code})", T("x509"), P_CALL)


def _pkey(tr: Translator, call: Call) -> Expr | None:
    if call.name not in ("read", "new") or not 1 <= len(call.args) <= 2:
        return None
    tr.need("net_smtp:OpenSSL")
    args = [tr.expr(a).code for a in call.args]
    return Expr(f"OpenSSL.PKey.read({', '.join(args)})", T("pkey"), P_CALL)


def _context_method(tr: Translator, call: Call, recv: Expr) -> Expr | None:
    if call.name == "set_params":
        args = args_code(tr, call)
        return Expr(f"{tr.wrap(recv, P_CALL)}.set_params({', '.join(args)})", ANY, P_CALL)
    if call.name in SETTERS and not call.args:
        return Expr(f"{tr.wrap(recv, P_CALL)}.{call.name}", ANY, P_CALL)
    return None


def setter(tr: Translator, node: Node, recv: Expr, name: str, t: T) -> str | None:
    if name in SETTERS:
        return f"{tr.wrap(recv, P_CALL)}.{name}"
    raise tr.fail(node, f"SSLContext#{name}= is not in net_smtp.OpenSSL")


register_const("OpenSSL::SSL::SSLContext", _context_new)
register_const("OpenSSL::X509::Certificate", _certificate)
register_const("OpenSSL::PKey", _pkey)
register_const("OpenSSL::PKey::RSA", _pkey)
register_kind("ctx", _context_method)
