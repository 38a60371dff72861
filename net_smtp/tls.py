"""TLS client contexts from Ruby-style ``ssl_context_params`` (imported only
when a session uses TLS, so plain sessions never load ``ssl``).

Ruby: ``Net::SMTP.default_ssl_context`` over ``OpenSSL::SSL::SSLContext#set_params``.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Mapping
from typing import Any, Callable, Union

from .errors import ArgumentError

__all__ = ["SSLContextParams", "build_ssl_context", "check_ssl_context_params"]

SSLContextParams = Mapping[str, Any]
PathLike = Union[str, "os.PathLike[str]"]


_VERSION_NAMES = {
    "SSL3": ssl.TLSVersion.SSLv3, "TLS1": ssl.TLSVersion.TLSv1,
    "TLS1_1": ssl.TLSVersion.TLSv1_1, "TLS1_2": ssl.TLSVersion.TLSv1_2,
    "TLS1_3": ssl.TLSVersion.TLSv1_3,
}


def _tls_version(value: Any) -> ssl.TLSVersion:
    if isinstance(value, ssl.TLSVersion):
        return value
    if isinstance(value, int):
        return ssl.TLSVersion(value)
    key = str(value).upper().replace("_VERSION", "").replace("V", "").replace(".", "_")
    if key in _VERSION_NAMES:
        return _VERSION_NAMES[key]
    raise ArgumentError(f"unknown TLS version {value!r}")


def _verify_mode(value: Any) -> ssl.VerifyMode:
    if isinstance(value, ssl.VerifyMode):
        return value
    if value in (0, False, None):
        return ssl.CERT_NONE
    return ssl.CERT_REQUIRED


def _set_min(ctx: ssl.SSLContext, value: Any) -> None:
    ctx.minimum_version = _tls_version(value)


def _set_max(ctx: ssl.SSLContext, value: Any) -> None:
    ctx.maximum_version = _tls_version(value)


def _set_ca_file(ctx: ssl.SSLContext, value: PathLike) -> None:
    ctx.load_verify_locations(cafile=value)


def _set_ca_path(ctx: ssl.SSLContext, value: PathLike) -> None:
    ctx.load_verify_locations(capath=value)


def _set_ciphers(ctx: ssl.SSLContext, value: Any) -> None:
    ctx.set_ciphers(value if isinstance(value, str) else ":".join(value))


def _set_options(ctx: ssl.SSLContext, value: int) -> None:
    ctx.options |= value


def _set_alpn(ctx: ssl.SSLContext, value: Any) -> None:
    ctx.set_alpn_protocols(list(value))


# Applied in this order, after verify_mode / verify_hostname / cert / key.
_SETTERS: dict[str, Callable[[ssl.SSLContext, Any], None]] = {
    "options": _set_options,
    "min_version": _set_min,
    "max_version": _set_max,
    "ca_file": _set_ca_file,
    "ca_path": _set_ca_path,
    "ciphers": _set_ciphers,
    "alpn_protocols": _set_alpn,
}
_HANDLED_APART = frozenset({"verify_mode", "verify_hostname", "cert", "key"})
# Keys Ruby's SSLContext#set_params takes that Python's ssl cannot honour,
# with what to write instead (silently ignoring them could weaken TLS).
_RUBY_ONLY_KEYS = {
    "cert_store": "give the CA certificates with 'ca_file' or 'ca_path'",
    "timeout": "Python's ssl has no session cache timeout; leave it out",
    "ssl_version": "use 'min_version' and 'max_version'",
    "verify_depth": "Python's ssl cannot limit the chain depth; leave it out",
    "verify_callback": "Python's ssl has no verify callback; use 'ca_file' or a custom context",
    "extra_chain_cert": "put the chain in the 'cert' file after the certificate",
}
KNOWN_KEYS = frozenset(_SETTERS) | _HANDLED_APART


def check_ssl_context_params(params: SSLContextParams | None) -> dict[str, Any]:
    """A plain dict copy of *params*, after checking every key is known.

    Raises:
        ArgumentError: *params* is not a mapping, or names an unknown key.
    """
    if params is None:
        return {}
    if not isinstance(params, Mapping):
        raise ArgumentError(f"ssl_context_params must be a dict, not {type(params).__name__}")
    out = {str(key): value for key, value in params.items()}
    for key in sorted(set(out) - KNOWN_KEYS):
        hint = _RUBY_ONLY_KEYS.get(key)
        if hint is not None:
            raise ArgumentError(f"ssl_context_params key {key!r} has no Python equivalent: {hint}")
        raise ArgumentError(f"unknown ssl_context_params key: {key}")
    return out


def build_ssl_context(params: SSLContextParams | None = None, *,
                      verify: bool = True) -> ssl.SSLContext:
    """A client context: TLS 1.2 or newer, peer and host name verified against
    the system store unless *params* say otherwise (without a ``verify_mode``
    key, *verify* decides, as ``tls_verify`` does in Ruby).

    Raises:
        ArgumentError: an unknown key or a bad TLS version name.
        OSError / ssl.SSLError: a CA, certificate or key file cannot be used.
    """
    settings = check_ssl_context_params(params)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    mode = _verify_mode(settings.get("verify_mode", ssl.CERT_REQUIRED if verify else ssl.CERT_NONE))
    ctx.check_hostname = mode != ssl.CERT_NONE and bool(settings.get("verify_hostname", True))
    ctx.verify_mode = mode
    if settings.get("cert") is not None:
        ctx.load_cert_chain(settings["cert"], settings.get("key"))
    for key, setter in _SETTERS.items():
        if settings.get(key) is not None:
            setter(ctx, settings[key])
    no_ca_given = settings.get("ca_file") is None and settings.get("ca_path") is None
    if mode != ssl.CERT_NONE and no_ca_given:
        ctx.load_default_certs(ssl.Purpose.SERVER_AUTH)
    return ctx
