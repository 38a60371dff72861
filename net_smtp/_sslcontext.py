"""Ruby's ``OpenSSL::SSL::SSLContext`` on Python's ``ssl`` (loaded only when
a script makes one, so ``import net_smtp`` never imports ``ssl``).

Measured with Ruby 3.1's openssl gem (see docs/security.md): a bare
``SSLContext.new`` verifies nothing (``verify_mode`` VERIFY_NONE,
``verify_hostname`` false); ``verify_mode = VERIFY_PEER`` checks the chain
against the CA files given (none by default) but not the host name;
``verify_hostname = true`` adds the host name check, and only while the
chain is verified; ``set_params`` turns on both and loads the system
store. net-smtp 0.5.1 does no check of its own after the handshake, so
what the context says is all the checking there is.
"""

from __future__ import annotations

import os
import ssl
import tempfile
from collections.abc import Mapping
from typing import Any

from .errors import ArgumentError

__all__ = ["Certificate", "PKey", "SSLContext"]

_CERT_NONE = ssl.CERT_NONE
_CERT_REQUIRED = ssl.CERT_REQUIRED
# ssl.SSLContext's own verify_mode (a property), which ours wraps.
_VERIFY_MODE: Any = ssl.SSLContext.__dict__["verify_mode"]


class Certificate:
    """Ruby's ``OpenSSL::X509::Certificate.new(pem)``: the PEM text of a
    certificate (chain), for ``ctx.cert =``."""

    def __init__(self, pem: str | bytes) -> None:
        text = pem.decode("ascii") if isinstance(pem, bytes) else pem
        if "-----BEGIN CERTIFICATE-----" not in text:
            raise ArgumentError("not a PEM certificate")
        ssl.PEM_cert_to_DER_cert(text[text.index("-----BEGIN CERTIFICATE-----"):])
        self.pem = text

    def to_pem(self) -> str:
        """The PEM text (Ruby: ``to_pem``)."""
        return self.pem


class PKey:
    """Ruby's ``OpenSSL::PKey.read(pem, password)``: a private key in PEM,
    for ``ctx.key =``."""

    def __init__(self, pem: str | bytes, password: str | None = None) -> None:
        text = pem.decode("ascii") if isinstance(pem, bytes) else pem
        if "PRIVATE KEY-----" not in text:
            raise ArgumentError("not a PEM private key")
        self.pem = text
        self.password = password

    @classmethod
    def read(cls, pem: str | bytes, password: str | None = None) -> PKey:
        """Ruby ``OpenSSL::PKey.read``."""
        return cls(pem, password)


def _tls_version(value: Any) -> ssl.TLSVersion:
    from .tls import _tls_version as convert

    return convert(value)


class SSLContext(ssl.SSLContext):
    """A TLS client context set up the Ruby way, accepted wherever an
    ``ssl.SSLContext`` is (``smtp.enable_starttls(ctx)``, ``enable_tls``,
    ``enable_starttls_auto``).

    As in Ruby, a bare ``SSLContext()`` checks NOTHING: no certificate chain
    and no host name, so anyone in the path can read the session. Call
    :meth:`set_params` (chain and host name checked against the system
    store) or set ``verify_mode = OpenSSL.SSL.VERIFY_PEER`` with ``ca_file``
    and ``verify_hostname = True``.

    Ruby setters as properties: ``verify_mode`` (``VERIFY_NONE`` also turns
    the host name check off), ``verify_hostname``, ``ca_file``, ``ca_path``,
    ``cert`` / ``key`` (from :class:`Certificate` / :class:`PKey`, or PEM
    text), ``min_version`` / ``max_version`` (``OpenSSL.SSL.TLS1_2_VERSION``
    or ``'TLS1_2'``), ``ciphers``, ``options``.
    """

    _ruby_verify_hostname: bool
    _ca_file: Any
    _ca_path: Any
    _cert: Any
    _key: Any

    def __new__(cls, *args: Any, **kwargs: Any) -> SSLContext:
        return super().__new__(cls, ssl.PROTOCOL_TLS_CLIENT)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            raise ArgumentError("SSLContext() takes no arguments; use set_params(...)")
        self._ruby_verify_hostname = False
        self._ca_file = self._ca_path = self._cert = self._key = None
        self.check_hostname = False
        _VERIFY_MODE.__set__(self, _CERT_NONE)

    def _sync_hostname_check(self) -> None:
        mode = _VERIFY_MODE.__get__(self)
        self.check_hostname = self._ruby_verify_hostname and mode != _CERT_NONE

    @property  # type: ignore[override]
    def verify_mode(self) -> ssl.VerifyMode:
        """``VERIFY_NONE`` (0) or ``VERIFY_PEER``; ``None`` is Ruby's nil, no check."""
        mode: ssl.VerifyMode = _VERIFY_MODE.__get__(self)
        return mode

    @verify_mode.setter
    def verify_mode(self, value: Any) -> None:
        mode = _CERT_NONE if value in (None, 0, False) else _CERT_REQUIRED
        if mode == _CERT_NONE:
            self.check_hostname = False
        _VERIFY_MODE.__set__(self, mode)
        self._sync_hostname_check()

    @property
    def verify_hostname(self) -> bool:
        """Ruby's ``verify_hostname``: check the host name, while the chain is verified."""
        return self._ruby_verify_hostname

    @verify_hostname.setter
    def verify_hostname(self, value: Any) -> None:
        self._ruby_verify_hostname = value is not None and value is not False
        self._sync_hostname_check()

    @property
    def ca_file(self) -> Any:
        """A PEM file of CA certificates to trust."""
        return self._ca_file

    @ca_file.setter
    def ca_file(self, value: Any) -> None:
        if value is not None:
            self.load_verify_locations(cafile=value)
        self._ca_file = value

    @property
    def ca_path(self) -> Any:
        """A folder of hashed CA certificates to trust."""
        return self._ca_path

    @ca_path.setter
    def ca_path(self, value: Any) -> None:
        if value is not None:
            self.load_verify_locations(capath=value)
        self._ca_path = value

    @property
    def cert(self) -> Any:
        """The client certificate (with :attr:`key`, sent to the server)."""
        return self._cert

    @cert.setter
    def cert(self, value: Any) -> None:
        self._cert = value
        self._load_client_certificate()

    @property
    def key(self) -> Any:
        """The client certificate's private key."""
        return self._key

    @key.setter
    def key(self, value: Any) -> None:
        self._key = value
        self._load_client_certificate()

    def _load_client_certificate(self) -> None:
        if self._cert is None or self._key is None:
            return
        cert = self._cert.pem if isinstance(self._cert, Certificate) else str(self._cert)
        key = self._key.pem if isinstance(self._key, PKey) else str(self._key)
        password = self._key.password if isinstance(self._key, PKey) else None
        # ssl loads certificates only from files: write both, load, delete.
        fd, path = tempfile.mkstemp(suffix=".pem")
        try:
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(cert.rstrip("\n") + "\n" + key)
            self.load_cert_chain(path, password=password)
        finally:
            os.unlink(path)

    @property
    def min_version(self) -> ssl.TLSVersion:
        """The oldest TLS version allowed."""
        return self.minimum_version

    @min_version.setter
    def min_version(self, value: Any) -> None:
        self.minimum_version = _tls_version(value)

    @property
    def max_version(self) -> ssl.TLSVersion:
        """The newest TLS version allowed."""
        return self.maximum_version

    @max_version.setter
    def max_version(self, value: Any) -> None:
        self.maximum_version = _tls_version(value)

    @property
    def ciphers(self) -> list[Any]:
        """The cipher list (set with an OpenSSL cipher string or a list)."""
        return self.get_ciphers()

    @ciphers.setter
    def ciphers(self, value: Any) -> None:
        self.set_ciphers(value if isinstance(value, str) else ":".join(value))

    def set_params(self, params: Mapping[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        """Ruby's ``set_params``: verify the chain (against the system
        store, plus ``ca_file`` / ``ca_path``) and the host name, then apply
        *params* (a dict or keywords) through the setters above.

        Unlike Ruby's, the oldest TLS version stays Python's default
        (TLS 1.2) rather than TLS 1.0.

        Raises:
            ArgumentError: a key Python's ssl cannot honour.
        """
        settings = {"verify_mode": _CERT_REQUIRED, "verify_hostname": True}
        settings.update({str(k): v for k, v in (params or {}).items()})
        settings.update(kwargs)
        self.load_default_certs(ssl.Purpose.SERVER_AUTH)
        for name, value in settings.items():
            if name not in _SETTABLE:
                raise ArgumentError(f"SSLContext#set_params: {name!r} has no Python equivalent")
            setattr(self, name, value)
        return settings


_SETTABLE = frozenset({"verify_mode", "verify_hostname", "ca_file", "ca_path", "cert", "key",
                       "min_version", "max_version", "ciphers", "options"})


def _read_key(pem: str | bytes, password: str | None = None) -> PKey:
    """``OpenSSL::PKey.read``."""
    return PKey.read(pem, password)
