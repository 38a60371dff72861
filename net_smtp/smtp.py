"""``Net::SMTP``: the session (port of Ruby's net/smtp.rb, net-smtp 0.5.1).

Every command goes through one funnel: ``validate_line`` -> ``_exchange``
(the line written, the reply read within its bounds) -> ``Response`` ->
``_check_response``.

The error-occurred ("critical") rule, kept exactly as narrow as Ruby's: an
exception raised while a command run by ``_getok`` or ``data`` is on the
wire (socket error, timeout, end of file, DATA answered without 3xx)
aborts the session. From then on those commands never touch the wire and
``finish`` skips QUIT. ``get_response`` (and so AUTH) is outside the rule,
as in Ruby.

Two deliberate changes, both where Ruby 0.5.1 reports success for mail it
never sent: where Ruby answers a command on an aborted session with the
dummy reply ``200 dummy reply code``, the port raises
``SMTPSessionAborted`` (nothing is written); and a failed ``start`` leaves
the object clean, where Ruby keeps the flag and silently loses the next
session's mail.

Session states. Four fields hold them: ``_started``, ``_socket``,
``_abort_reason`` (the error that aborted the session, or ``None``) and
``_dropped`` (true only in *dropped*);
"checked commands" are those of the critical rule (``helo``, ``ehlo``,
``starttls``, ``mailfrom``, ``rcptto``, ``rset``, ``quit``, ``data``, and so
``send_message`` and message streams).

=========  =======  ======  ======  ====================  ===================  =================
state      started  socket  reason  checked commands      finish()             start()
=========  =======  ======  ======  ====================  ===================  =================
closed     no       none    none    AttributeError, then  IOError 'not yet     connect -> open
                                    -> closed, aborted    started'
closed,    no       none    set     SMTPSessionAborted    IOError 'not yet     connect -> open
aborted                                                   started'
open       yes      open    none    the wire; a failure   QUIT, close          IOError 'already
                                    on it -> aborted      -> closed            started'
aborted    yes      open    set     SMTPSessionAborted    close, no QUIT       IOError 'already
                                    (nothing written)     -> closed            started'
dropped    no       none    set     SMTPSessionAborted    nothing -> closed    connect -> open
=========  =======  ======  ======  ====================  ===================  =================

A body that raises inside a message's :class:`DataPhase` (or a write that
fails there) takes an open session to *dropped*: the socket is closed at
once, so the partial message is never committed. ``get_response`` (and so
AUTH) ignores the reason: it goes to the wire whenever there is a socket.
A failed ``start`` leaves *closed*.
"""

from __future__ import annotations

import _thread
import functools
import sys
import types
from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from . import _email, _ruby
from ._text import (
    MessageEncoder,
    message_chunks,
    source_class_name,
    validate_line,
    whole_message,
)
from .address import Address
from .auth_cram_md5 import AuthCramMD5
from .auth_login import AuthLogin
from .auth_plain import AuthPlain
from .auth_xoauth2 import AuthXoauth2
from .authenticator import Authenticator, normalize_auth_type
from .errors import (
    ArgumentError,
    SMTPError,
    SMTPRecipientsRefused,
    SMTPSessionAborted,
    SMTPUnknownError,
    SMTPUnsupportedCommand,
)
from .protocol import (
    DebugSink,
    InternetMessageIO,
    LineTooLong,
    MessageWriter,
    WriteAdapter,
    connect_failure,
    open_tcp,
    tls_handshake,
)
from .response import Response

TYPE_CHECKING = False  # true for type checkers: typing is not imported at run time
if TYPE_CHECKING:
    import ssl
    from email.message import Message
    from typing import Any, Callable, Protocol, TypeVar, overload

    from typing_extensions import TypeAlias, TypedDict, TypeGuard, Unpack

    from ._types import AddressLike, Credential, MessageSource, SocketLike
    from .tls import SSLContextParams

    T = TypeVar("T")
    R = TypeVar("R")

    class LoginOptions(TypedDict, total=False):
        """The keywords of ``smtp.start`` (Ruby's)."""

        helo: str | None
        user: Credential | None
        secret: Credential | None
        password: Credential | None
        authtype: str | None

    class SessionOptions(LoginOptions, total=False):
        """The keywords of ``Net.SMTP.start``: an instance's ``start`` and
        the constructor's (the last five are Python extras)."""

        tls: bool
        starttls: str | bool | None
        tls_verify: bool
        tls_hostname: str | None
        ssl_context_params: SSLContextParams | None
        open_timeout: float | None
        read_timeout: float | None
        write_timeout: float | None
        ssl_context: ssl.SSLContext | None
        pipelining: bool

__all__ = ["SMTP", "SMTPSession", "MessageStream", "AddressLike"]

_STARTTLS_MODES = ("always", "auto")
_REFUSED_MODES = ("raise", "return")
_NO_ARG: Any = object()  # _critical's block takes no argument


def _address_text(address: Any) -> str:
    if isinstance(address, Address):
        return address.address
    if isinstance(address, str):
        return address
    raise ArgumentError(f"a mail address must be a str or Net.SMTP.Address, "
                        f"not {type(address).__name__}")


def _requires_smtputf8(address: Any) -> bool:
    return not _address_text(address).isascii()


def _is_email_message(msgstr: Any) -> TypeGuard[Message]:
    """Whether *msgstr* is an ``email.message.Message``, once it is known to
    be a message source at all (ArgumentError for anything else)."""
    if isinstance(msgstr, (str, bytes, bytearray, memoryview)):
        return False
    if _email.is_email_message(msgstr):
        return True
    if callable(getattr(msgstr, "read", None)):
        return False
    if hasattr(msgstr, "__iter__") and not isinstance(msgstr, (Mapping, AbstractSet)):
        return False
    raise ArgumentError("message must be str, bytes, a file object, an iterable of "
                        f"chunks or an email.message.Message, not {type(msgstr).__name__}")


def _data_refused(res: Response) -> SMTPUnknownError:
    """DATA answered without 3xx (Ruby's words)."""
    return SMTPUnknownError(res, message=f"could not get 3xx ({res.status}: {res.string})")


def _check_timeout(name: str, value: Any) -> float | None:
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)
                         and value >= 0):
        return value
    raise ArgumentError(f"{name} must be a number of seconds (>= 0) or None, not {value!r}")


if TYPE_CHECKING:
    class _ClassStart(Protocol):
        """The type of ``SMTP.start`` called on the class."""

        @overload
        def __call__(self, address: str, port: int | str | None = ..., *args: Any,
                     block: None = ..., **options: Unpack[SessionOptions]) -> SMTP: ...

        @overload
        def __call__(self, address: str, port: int | str | None = ..., *args: Any,
                     block: Callable[[SMTP], T], **options: Unpack[SessionOptions]) -> T: ...

    class _InstanceStart(Protocol):
        """The type of ``smtp.start`` called on an instance."""

        @overload
        def __call__(self, *args: Any, block: None = ...,
                     **options: Unpack[LoginOptions]) -> SMTP: ...

        @overload
        def __call__(self, *args: Any, block: Callable[[SMTP], T],
                     **options: Unpack[LoginOptions]) -> T: ...

    class _Start(Protocol):
        """``start``: :class:`_ClassStart` on the class, :class:`_InstanceStart`
        on an instance (a :class:`_ruby.ClassOrInstance`)."""

        @overload
        def __get__(self, obj: None, owner: type[SMTP] | None = None) -> _ClassStart: ...

        @overload
        def __get__(self, obj: SMTP, owner: type[SMTP] | None = None) -> _InstanceStart: ...


def _class_start(cls: type[SMTP], address: str, port: int | str | None = None, *args: Any,
                 helo: str | None = None, user: Credential | None = None,
                 secret: Credential | None = None, password: Credential | None = None,
                 authtype: str | None = None, tls: bool = False,
                 starttls: str | bool | None = "auto", tls_verify: bool = True,
                 tls_hostname: str | None = None,
                 ssl_context_params: SSLContextParams | None = None,
                 open_timeout: float | None = 30, read_timeout: float | None = 60,
                 write_timeout: float | None = 60,
                 ssl_context: ssl.SSLContext | None = None, pipelining: bool = False,
                 block: Callable[[SMTP], Any] | None = None) -> Any:
    """``Net.SMTP.start(address, port=None, helo, user, secret, authtype, ...)``:
    a new session object, started (see the instance ``start``). The keywords
    after *ssl_context_params* are Python extras, as on :class:`SMTP`.

    Raises:
        ArgumentError: more than six positional arguments, or a bad keyword
            value (see :class:`SMTP`).
    """
    if len(args) > 4:
        raise ArgumentError(
            f"wrong number of arguments (given {len(args) + 2}, expected 1..6)")
    smtp = cls(address, port, tls=tls, starttls=starttls, tls_verify=tls_verify,
               tls_hostname=tls_hostname, ssl_context_params=ssl_context_params,
               open_timeout=open_timeout, read_timeout=read_timeout,
               write_timeout=write_timeout, ssl_context=ssl_context, pipelining=pipelining)
    # Ruby resolves ``helo ||= args[0] || 'localhost'`` (and the rest) here and
    # again in the instance start; once gives the same session (a user, secret
    # or authtype left false instead of nil is refused and defaulted alike).
    start: Callable[..., Any] = smtp.start  # one signature: the arguments are as given
    return start(*args, helo=helo, user=user, secret=secret, password=password,
                 authtype=authtype, block=block)



def _live_timeout(name: str, doc: str) -> property:
    """A timeout attribute of :class:`SMTP` that, as Ruby's ``read_timeout=``
    and ``write_timeout=`` do, applies at once to an open session too."""
    private = f"_{name}"

    def get(smtp: SMTP) -> float | None:
        value: float | None = getattr(smtp, private)
        return value

    def put(smtp: SMTP, sec: float | None) -> None:
        if smtp._socket is not None:
            setattr(smtp._socket, name, sec)
        setattr(smtp, private, sec)

    return property(get, put, doc=f"{doc} A change applies at once to an open session.")

class SMTP:
    """An SMTP client session.

    ``Net.SMTP.start('mail.example.com', 25, block=fn)`` connects, says
    EHLO, runs ``fn(smtp)`` and always finishes; without ``block`` it returns
    the started session (usable in ``with``).

    The command errors, raised by every command method (``helo``, ``ehlo``,
    ``rset``, ``starttls``, ``quit``, ``mailfrom``, ``rcptto`` ...):

    - ArgumentError: CR, LF or NUL in the command line.
    - SMTPError: the server's error reply (its ``exception_class``).
    - EOFError, OSError, ReadTimeout, WriteTimeout: the connection failed;
      the session is then aborted (see the module notes).
    - SMTPSessionAborted: an earlier failure aborted the session; nothing
      was sent (Ruby answers ``200 dummy reply code`` here).
    - AttributeError: the session was never started.
    - RuntimeError: another thread is using this session (one session per
      thread; from asyncio, ``await asyncio.to_thread(...)``).

    Ruby: ``Net::SMTP``.
    """

    VERSION = "0.5.1"
    DEFAULT_AUTH_TYPE = "plain"
    # Ruby's nested constants: Net::SMTP::Response and the rest.
    Response: TypeAlias = Response
    Address: TypeAlias = Address
    Authenticator: TypeAlias = Authenticator
    AuthPlain: TypeAlias = AuthPlain
    AuthLogin: TypeAlias = AuthLogin
    AuthCramMD5: TypeAlias = AuthCramMD5
    AuthXoauth2: TypeAlias = AuthXoauth2
    # Bounds on one server reply (Ruby has none); past them the reply is
    # refused with SMTPUnknownError instead of filling memory.
    MAX_REPLY_LINE = 64 * 1024
    MAX_REPLY_LINES = 1000
    MAX_REPLY_SIZE = 1024 * 1024

    # ------------------------------------------------------ class methods
    @staticmethod
    def default_port() -> int:
        """25, the SMTP relay port."""
        return 25

    @staticmethod
    def default_submission_port() -> int:
        """587, the mail submission port."""
        return 587

    @staticmethod
    def default_tls_port() -> int:
        """465, the SMTPS (implicit TLS) port."""
        return 465

    default_ssl_port = default_tls_port

    @staticmethod
    def default_ssl_context(ssl_context_params: SSLContextParams | None = None) -> ssl.SSLContext:
        """A client context that verifies the peer and its host name against
        the system store, TLS 1.2 or newer, adjusted by Ruby-style params.

        Raises:
            ArgumentError: an unknown key or a bad TLS version name.
            OSError, ssl.SSLError: a CA, certificate or key file cannot be used.
        """
        from .tls import build_ssl_context

        return build_ssl_context(ssl_context_params)

    # ---------------------------------------------------------- creation
    def __init__(self, address: str, port: int | str | None = None, *,
                 tls: bool = False, starttls: str | bool | None = "auto",
                 tls_verify: bool = True, tls_hostname: str | None = None,
                 ssl_context_params: SSLContextParams | None = None,
                 open_timeout: float | None = 30, read_timeout: float | None = 60,
                 write_timeout: float | None = 60,
                 ssl_context: ssl.SSLContext | None = None, pipelining: bool = False) -> None:
        """A session object; nothing is sent before :meth:`start`.

        The keywords after *ssl_context_params* are Python extras (Ruby sets
        the timeouts as attributes and gives a context to ``enable_tls`` /
        ``enable_starttls``): *ssl_context* is used for SMTPS when *tls* is
        on, else for STARTTLS; *pipelining* sets :attr:`pipelining`.

        Raises:
            ArgumentError: *address* is not a str; *starttls* is not
                ``'always'``, ``'auto'`` or False; a timeout is not a number
                >= 0 or None; *ssl_context* is not an ``ssl.SSLContext``,
                or is given with neither *tls* nor *starttls* on, or
                together with *ssl_context_params*.
        """
        if not isinstance(address, str):
            raise ArgumentError(f"address must be a str, not {type(address).__name__}")
        self._address = address
        self._port: int | str = port if port is not None else SMTP.default_port()
        self.esmtp: Any = True
        self._capabilities: dict[str | None, list[str]] | None = None
        self._socket: InternetMessageIO | None = None
        self._started = False
        self._dropped = False
        self.open_timeout: float | None = _check_timeout("open_timeout", open_timeout)
        self._read_timeout = _check_timeout("read_timeout", read_timeout)
        self._write_timeout = _check_timeout("write_timeout", write_timeout)
        self._abort_reason: BaseException | None = None
        self._in_use = _thread.RLock()
        self._debug_output: Any = None
        self._redact = False
        self._tls = bool(tls)
        self._starttls: str | bool = self._checked_starttls(starttls)
        self._ssl_context_tls: ssl.SSLContext | None = None
        self._ssl_context_starttls: ssl.SSLContext | None = None
        self._context_params: dict[str, Any] = {}
        self.tls_verify = tls_verify
        self.tls_hostname = tls_hostname
        self.ssl_context_params = ssl_context_params
        # Send MAIL, every RCPT and DATA of a message in one write when the
        # server offers PIPELINING (RFC 2920); off by default, as in Ruby.
        self.pipelining = bool(pipelining)
        if ssl_context is not None:
            self._take_context(ssl_context)

    def _take_context(self, context: Any) -> None:
        ssl_module = sys.modules.get("ssl")
        if ssl_module is None or not isinstance(context, ssl_module.SSLContext):
            raise ArgumentError(f"ssl_context must be an ssl.SSLContext, not "
                                f"{type(context).__name__}")
        if self.ssl_context_params is not None:
            raise ArgumentError("give ssl_context or ssl_context_params, not both")
        if self._tls:
            self._ssl_context_tls = context
        elif self._starttls:
            self._ssl_context_starttls = context
        else:
            raise ArgumentError("ssl_context needs tls=True or starttls='always' / 'auto'")

    @staticmethod
    def _checked_starttls(mode: str | bool | None) -> str | bool:
        if mode is None or mode is False:
            return False
        if mode in _STARTTLS_MODES:
            return str(mode)
        raise ArgumentError(f"starttls must be 'always', 'auto' or False, not {mode!r}")

    def inspect(self) -> str:
        """Ruby's ``inspect``: ``#<Net::SMTP host:25 started=false>``."""
        name = "Net::SMTP" if type(self) is SMTP else type(self).__qualname__
        return f"#<{name} {self._address}:{self._port} started={str(self._started).lower()}>"

    __repr__ = inspect

    # ------------------------------------------------------------ readers
    @property
    def address(self) -> str:
        """The server's host name or IP address."""
        return self._address

    @property
    def port(self) -> int | str:
        """The server's port."""
        return self._port

    def is_esmtp(self) -> Any:
        """Whether EHLO is used (False after a HELO fallback). Ruby: ``esmtp?``."""
        return self.esmtp

    @property
    def capabilities(self) -> dict[str | None, list[str]] | None:
        """The EHLO keywords and parameters; ``None`` before start."""
        return self._capabilities

    def is_capable(self, key: str) -> bool | None:
        """Whether EHLO announced *key* (exact spelling); ``None`` before start."""
        if self._capabilities is None:
            return None
        return key in self._capabilities

    def is_capable_starttls(self) -> bool | None:
        """Whether the server offers STARTTLS. Ruby: ``capable_starttls?``."""
        return self.is_capable("STARTTLS")

    def is_auth_capable(self, auth_type: str) -> bool | None:
        """Whether AUTH lists *auth_type* (exact spelling); ``None`` before start."""
        if self._capabilities is None:
            return None
        return auth_type in self._capabilities.get("AUTH", ())

    def is_capable_plain_auth(self) -> bool | None:
        """Whether AUTH PLAIN is offered."""
        return self.is_auth_capable("PLAIN")

    def is_capable_login_auth(self) -> bool | None:
        """Whether AUTH LOGIN is offered."""
        return self.is_auth_capable("LOGIN")

    def is_capable_cram_md5_auth(self) -> bool | None:
        """Whether AUTH CRAM-MD5 is offered."""
        return self.is_auth_capable("CRAM-MD5")

    def capable_auth_types(self) -> list[str]:
        """The mechanisms AUTH lists (``[]`` before start or without AUTH)."""
        if not self._capabilities:
            return []
        return self._capabilities.get("AUTH", [])

    def is_started(self) -> bool:
        """Whether the session is open. Ruby: ``started?``."""
        return self._started

    # ------------------------------------------------------------ TLS setup
    def is_tls(self) -> bool:
        """Whether implicit TLS (SMTPS) is on. Ruby: ``tls?``."""
        return self._tls

    is_ssl = is_tls

    def enable_tls(self, context: ssl.SSLContext | None = None) -> None:
        """Use implicit TLS (SMTPS), with *context* or the default one.

        Raises:
            ArgumentError: STARTTLS is set to ``'always'``.
        """
        if self._starttls == "always":
            raise ArgumentError("SMTPS and STARTTLS is exclusive")
        self._tls = True
        self._ssl_context_tls = context

    enable_ssl = enable_tls

    def disable_tls(self) -> None:
        """Turn implicit TLS off."""
        self._tls = False
        self._ssl_context_tls = None

    disable_ssl = disable_tls

    def is_starttls(self) -> str | bool:
        """``'always'``, ``'auto'`` or False. Ruby: ``starttls?``."""
        return self._starttls

    def is_starttls_always(self) -> bool:
        """Whether STARTTLS is required. Ruby: ``starttls_always?``."""
        return self._starttls == "always"

    def is_starttls_auto(self) -> bool:
        """Whether STARTTLS is used when offered. Ruby: ``starttls_auto?``."""
        return self._starttls == "auto"

    def _set_starttls(self, mode: str, context: ssl.SSLContext | None) -> None:
        if self._tls:
            raise ArgumentError("SMTPS and STARTTLS is exclusive")
        self._starttls = mode
        self._ssl_context_starttls = context

    def enable_starttls(self, context: ssl.SSLContext | None = None) -> None:
        """Require STARTTLS (start fails if the server lacks it).

        Raises:
            ArgumentError: implicit TLS is on.
        """
        self._set_starttls("always", context)

    def enable_starttls_auto(self, context: ssl.SSLContext | None = None) -> None:
        """Use STARTTLS when the server offers it.

        Raises:
            ArgumentError: implicit TLS is on.
        """
        self._set_starttls("auto", context)

    def disable_starttls(self) -> None:
        """Never use STARTTLS."""
        self._starttls = False
        self._ssl_context_starttls = None

    # ------------------------------------------------------------ settings
    if TYPE_CHECKING:
        read_timeout: float | None
        write_timeout: float | None
    else:
        read_timeout = _live_timeout(
            "read_timeout", "Seconds a whole reply may take (``None``: wait forever).")
        write_timeout = _live_timeout(
            "write_timeout", "Seconds the server may stop reading before ``WriteTimeout``.")

    @property
    def debug_output(self) -> Any:
        """Where the conversation is written: an object with ``write()``, a
        list, or a ``logging.Logger``; ``None`` for none. Takes effect at
        the next connection, as in Ruby."""
        return self._debug_output

    @debug_output.setter
    def debug_output(self, arg: Any) -> None:
        self.set_debug_output(arg)

    def set_debug_output(self, arg: Any, *, redact: bool = False) -> None:
        """Set :attr:`debug_output`; with ``redact=True`` AUTH arguments and
        answers to 334 challenges are shown as ``<redacted>``."""
        self._debug_output = arg
        self._redact = redact

    def _sink(self) -> DebugSink | None:
        return None if self._debug_output is None else DebugSink(self._debug_output)

    def _logging(self, msg: str) -> None:
        sink = self._sink()
        if sink is not None:
            sink.emit(msg + "\n")

    # ------------------------------------------------------------ start
    def _instance_start(self, *args: Any, helo: str | None = None,
                        user: Credential | None = None, secret: Credential | None = None,
                        password: Credential | None = None, authtype: str | None = None,
                        block: Callable[[SMTP], Any] | None = None) -> Any:
        """Open the session: connect (TLS if set), read the greeting, EHLO
        (HELO if refused), STARTTLS when set and offered, then AUTH if *user*
        is given. Positional arguments: helo, user, secret, authtype.

        With ``block``, call ``block(self)``, always finish, and return its
        value (if QUIT then fails, that error replaces the block's, as in
        Ruby); else return ``self`` (``with smtp.start(): ...`` finishes).

        Raises:
            OSError: already started (``'SMTP session already started'``),
                or the connection failed.
            ArgumentError: bad arguments or credentials missing.
            OpenTimeout: connect or TLS handshake took over open_timeout.
            SMTPError: an error reply (greeting, HELO, STARTTLS, AUTH).
            SMTPUnsupportedCommand: STARTTLS required but not offered.
            EOFError, ReadTimeout: the server closed or went silent.
        """
        if len(args) > 4:
            raise ArgumentError(f"wrong number of arguments (given {len(args)}, expected 0..4)")
        args += (None,) * (4 - len(args))
        helo = _ruby.or_(helo, args[0], "localhost")
        user = _ruby.or_(user, args[1])
        secret = _ruby.or_(secret, password, args[2])
        authtype = _ruby.or_(authtype, args[3])
        self._prepare_tls_params()
        if block is None:
            self._do_start(helo, user, secret, authtype)
            return self
        try:  # Ruby's ensure: an error of the finish replaces the block's
            self._do_start(helo, user, secret, authtype)
            return block(self)
        finally:
            self._do_finish()

    if TYPE_CHECKING:
        start: _Start
    else:
        start = _ruby.ClassOrInstance(_class_start, _instance_start)

    def _prepare_tls_params(self) -> None:
        self._context_params = {}
        if self.ssl_context_params is not None:
            from .tls import check_ssl_context_params

            self._context_params = check_ssl_context_params(self.ssl_context_params)

    def _new_context(self) -> ssl.SSLContext:
        from .tls import build_ssl_context

        return build_ssl_context(self._context_params, verify=bool(self.tls_verify))

    def _tls_context(self) -> ssl.SSLContext:
        if self._ssl_context_tls is None:
            self._ssl_context_tls = self._new_context()
        return self._ssl_context_tls

    def _starttls_context(self) -> ssl.SSLContext:
        if self._ssl_context_starttls is None:
            self._ssl_context_starttls = self._new_context()
        return self._ssl_context_starttls

    def finish(self) -> Response | None:
        """Say QUIT (unless the session is poisoned) and close the socket.

        Returns:
            QUIT's reply, or ``None`` when QUIT was skipped.

        Raises:
            OSError: the session was never started (``'not yet started'``).
            SMTPError, EOFError, ReadTimeout: QUIT failed (the socket is
                closed anyway).
        """
        if not self._started and not self._dropped:
            raise IOError("not yet started")
        return self._do_finish()

    def __enter__(self) -> SMTP:
        """``with Net.SMTP.start(...) as smtp:`` (the session is started)."""
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: types.TracebackType | None) -> None:
        """Finish the session: QUIT unless poisoned, socket always closed.
        As Ruby's block form (and ``start(block=...)``) does, an error of
        QUIT replaces the body's exception, which stays its ``__context__``:
        a server that answers 421 and hangs up gives EOFError."""
        if self._started or self._dropped:
            self._do_finish()

    def _tcp_socket(self, address: str, port: int | str) -> SocketLike:
        # A str port may be a service name: getaddrinfo takes both.
        return open_tcp(address, port, self.open_timeout)

    def _connect(self) -> SocketLike:
        try:
            return self._tcp_socket(self._address, self._port)
        except OSError as exc:
            failure = connect_failure(exc, self._address, self._port)
            if failure is exc:
                raise
            raise failure from exc

    def _do_start(self, helo_domain: str, user: Credential | None, secret: Credential | None,
                  authtype: str | None) -> None:
        self._claim()
        try:
            self._open_session(helo_domain, user, secret, authtype)
        finally:
            self._in_use.release()

    def _open_session(self, helo_domain: str, user: Credential | None,
                      secret: Credential | None, authtype: str | None) -> None:
        if self._started:
            raise IOError("SMTP session already started")
        self._abort_reason = None
        self._dropped = False
        if _ruby.truthy(_ruby.or_(user, secret, authtype)):
            self._check_auth_args(authtype, user, secret)
        sock: SocketLike | None = None
        try:
            sock = self._connect()
            if self._debug_output is not None:  # no formatting otherwise
                self._logging(f"Connection opened: {self._address}:{self._port}")
            if self._tls:
                sock = self._tlsconnect(sock, self._tls_context())
            self._socket = self._new_internet_message_io(sock)
            self._check_response(self._critical(self._exchange))
            self._do_helo(helo_domain)
            if not self._tls and (self.is_starttls_always()
                                  or (self.is_capable_starttls() and self.is_starttls_auto())):
                if not self.is_capable_starttls():
                    raise SMTPUnsupportedCommand("STARTTLS is not supported on this server")
                self.starttls()
                sock = self._tlsconnect(sock, self._starttls_context())
                self._socket = self._new_internet_message_io(sock)
                self._do_helo(helo_domain)
            if _ruby.truthy(user):
                # check_auth_args refused missing credentials before connecting
                self.authenticate(user, secret,  # type: ignore[arg-type]
                                  authtype or SMTP.DEFAULT_AUTH_TYPE)
            self._started = True
        finally:
            if not self._started:
                if sock is not None:
                    sock.close()
                self._socket = None
                self._abort_reason = None

    def _ssl_socket(self, sock: SocketLike, context: ssl.SSLContext) -> ssl.SSLSocket:
        return context.wrap_socket(sock, server_hostname=self.tls_hostname or self._address,  # type: ignore[arg-type]
                                   do_handshake_on_connect=False)

    def _tlsconnect(self, sock: SocketLike, context: ssl.SSLContext) -> SocketLike:
        ssl_sock = self._ssl_socket(sock, context)
        verified = False
        try:
            self._logging("TLS connection started")
            tls_handshake(ssl_sock, self.open_timeout)
            verified = True
            return ssl_sock
        finally:
            if not verified:
                ssl_sock.close()

    def _new_internet_message_io(self, sock: SocketLike) -> InternetMessageIO:
        return InternetMessageIO(sock, read_timeout=self._read_timeout,
                                 write_timeout=self._write_timeout,
                                 debug_output=self._sink(), redact=self._redact)

    def _do_helo(self, helo_domain: str) -> None:
        while True:
            try:
                res = self.ehlo(helo_domain) if self.esmtp else self.helo(helo_domain)
            except SMTPError as exc:
                # Only a real error reply means "no EHLO here"; a reply that
                # broke a bound leaves the stream out of step.
                if self.esmtp and exc.response is not None:
                    self.esmtp = False
                    self._abort_reason = None
                    continue
                raise
            self._capabilities = res.capabilities
            return

    def _do_finish(self) -> Response | None:
        self._claim()
        try:
            if (self._socket is not None and not self._socket.is_closed()
                    and self._abort_reason is None):
                return self.quit()
            return None
        finally:
            self._started = False
            self._dropped = False
            self._abort_reason = None
            if self._socket is not None:
                self._socket.close()
                self._socket = None
            self._in_use.release()

    def _abort(self, reason: BaseException) -> None:
        """Close the socket at once, mid-command, because of *reason*: the
        server discards the unfinished message. The session is left aborted
        and not started; ``finish`` then only tidies up, ``start`` opens a
        new session."""
        self._abort_reason = reason
        self._started = False
        self._dropped = True
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    # ------------------------------------------------------------ sending
    def send_message(self, msgstr: MessageSource, from_addr: AddressLike | None = None,
                     *to_addrs: AddressLike | list[Any] | tuple[Any, ...],
                     refused: str = "raise") -> Response:
        """Send one message: MAIL FROM, RCPT TO for each recipient (lists are
        flattened), DATA. SMTPUTF8 is added to MAIL FROM when a recipient is
        non-ASCII and the server offers it.

        *msgstr* is a str (sent as UTF-8), bytes-like, a file object or an
        iterable of str/bytes chunks, streamed and never copied whole; or an
        ``email.message.Message`` (``EmailMessage`` too), sent as smtplib's
        ``send_message`` sends it: CRLF line ends, ``Bcc`` and ``Resent-Bcc``
        left out, the sender and recipients taken from its headers where
        *from_addr* / *to_addrs* are not given, and SMTPUTF8 (with
        ``BODY=8BITMIME``) when an envelope address is non-ASCII.

        *refused* (not in Ruby): ``'raise'`` (Ruby's way) raises at the first
        refused recipient and sends no more; ``'return'`` tries every
        recipient, sends the message to those accepted and lists the others
        in the reply's ``refused`` (address -> reply).

        Returns:
            The server's reply to the end of data.

        Raises:
            OSError: the session is not open (``'closed session'``).
            ArgumentError: a bad message, address or *refused* value (before
                anything is sent); no recipient, or CR, LF or NUL in a
                recipient (raised, as in Ruby, after MAIL FROM went out for
                a message that is not an ``email.message.Message``: call
                ``rset()``); a Message without the headers the envelope needs.
            SMTPUnsupportedCommand: a Message needs SMTPUTF8 and the server
                does not offer it (before anything is sent).
            SMTPRecipientsRefused: with ``refused='return'``, every recipient
                was refused (RSET was sent; the session stays usable).
            SMTPError: the server refused the sender, a recipient (the first
                refusal raises; the rest are not sent) or the message.
            SMTPSessionAborted: an earlier failure aborted the session.
            EOFError, OSError, ReadTimeout, WriteTimeout: the connection
                failed; during the body the connection is dropped, so no
                partial message is delivered.
            RuntimeError: another thread is using this session.
        """
        if refused not in _REFUSED_MODES:
            raise ArgumentError(f"refused must be 'raise' or 'return', not {refused!r}")
        flat = _ruby.flatten(to_addrs)
        if _is_email_message(msgstr):
            sender, flat, msgstr = self._email_envelope(msgstr, from_addr, flat)
        else:
            if self._socket is None:
                raise IOError("closed session")
            sender = self._sender_for(from_addr, flat)  # type: ignore[arg-type]
        # A message in memory is encoded and sent at once, unless debug output
        # wants the streaming writer's account of it.
        whole = whole_message(msgstr) if self._io().debug_output is None else None
        # The phase holds the session for this thread from MAIL FROM to the reply.
        phase = self._message_phase(sender, flat, "String" if whole is not None
                                    else source_class_name(msgstr), refused)
        if whole is not None:
            res = phase.send_whole(whole)
        else:
            with phase as message:
                for chunk in message_chunks(msgstr):
                    message.feed(chunk)
            res = phase.response
        self._check_response(res)
        res.refused = phase.refused
        return res

    def _email_envelope(self, msg: Message, from_addr: AddressLike | None,
                        to_addrs: list[Any]) -> tuple[AddressLike, list[Any], bytes]:
        """MAIL FROM's address, the recipients and the bytes for an
        ``email.message.Message``, as smtplib's ``send_message`` makes them."""
        if from_addr is None or not to_addrs:
            envelope = _email.envelope_of(msg)
            from_addr = envelope.sender if from_addr is None else from_addr
            to_addrs = to_addrs or list(envelope.recipients)
        if not to_addrs:
            raise ArgumentError("mail destination not given (the message names no recipient)")
        if self._socket is None:
            raise IOError("closed session")
        utf8 = _email.needs_smtputf8([_address_text(a) for a in (from_addr, *to_addrs)])
        if utf8 and not self.is_capable("SMTPUTF8"):
            raise SMTPUnsupportedCommand("the message needs SMTPUTF8 (a non-ASCII address) but "
                                         "the server does not offer it")
        sender = Address(from_addr, "SMTPUTF8", "BODY=8BITMIME") if utf8 else from_addr
        return sender, to_addrs, _email.flatten(msg, utf8=utf8)

    def _sender_for(self, from_addr: AddressLike, to_addrs: list[Any]) -> AddressLike:
        """MAIL FROM's address: with SMTPUTF8 when a recipient is non-ASCII
        and the server offers it (``mailfrom`` adds it for a non-ASCII
        sender). Every address is checked first (ArgumentError for one
        neither str nor Address)."""
        _address_text(from_addr)
        needs_utf8 = False
        for addr in to_addrs:  # each one checked, even past a non-ASCII one
            text = addr if isinstance(addr, str) else _address_text(addr)
            needs_utf8 = needs_utf8 or not text.isascii()
        if needs_utf8 and self.is_capable("SMTPUTF8"):
            return Address(from_addr, "SMTPUTF8")
        return from_addr

    def _message_phase(self, sender: AddressLike, to_addrs: list[Any], label: str,
                       refused: str = "raise") -> DataPhase:
        """The :class:`DataPhase` of one message whose envelope is *sender*
        and *to_addrs*: MAIL, RCPT and DATA lock-step (Ruby's way), or in
        one write when :attr:`pipelining` is on and the server offers it."""
        if self.pipelining and self.is_capable("PIPELINING"):
            return DataPhase(self, label, self._open_pipelined, sender, to_addrs, refused)
        return DataPhase(self, label, self._open_lockstep, sender, to_addrs, refused)

    def _open_lockstep(self, sender: AddressLike, to_addrs: list[Any],
                       refused: str) -> dict[str, Response]:
        """MAIL FROM, RCPT TO for each address, DATA, each waiting for its
        reply; with ``refused='return'`` a refused recipient is noted, not
        raised (and RSET ends a transaction nobody was accepted for)."""
        self.mailfrom(sender)  # a subclass's mailfrom/rcptto run, as in Ruby
        if not to_addrs:
            raise ArgumentError("mail destination not given")
        if refused == "raise":
            for addr in to_addrs:
                self.rcptto(addr)
            return self._open_data()
        rejected: dict[str, Response] = {}
        accepted = 0
        for addr in to_addrs:
            try:
                self.rcptto(addr)
                accepted += 1
            except SMTPSessionAborted:
                raise
            except SMTPError as exc:
                if not isinstance(exc.response, Response):  # a broken bound, not a refusal
                    raise
                rejected[_address_text(addr)] = exc.response
        if not accepted:
            self.rset()
            raise SMTPRecipientsRefused(rejected)
        self._open_data()
        return rejected

    def _open_pipelined(self, sender: AddressLike, to_addrs: list[Any],
                        refused: str) -> dict[str, Response]:
        """MAIL FROM, every RCPT TO and DATA in one write (RFC 2920), then
        their replies in order, settled as lock-step would settle them: the
        first failing reply raises. When DATA was answered 3xx although an
        earlier command failed, the connection is dropped: no message can
        be committed, not even an empty one."""
        if not to_addrs:
            raise ArgumentError("mail destination not given")
        lines = [self._mail_line(sender), *[self._rcpt_line(a) for a in to_addrs], "DATA"]
        for line in lines:
            validate_line(line)

        mail, *rcpts, data = self._critical(self._exchange_all, lines)
        failure: Exception | None = None if mail.is_success() else mail.exception_class(mail)
        rejected: dict[str, Response] = {}
        for addr, reply in zip(to_addrs, rcpts):
            if reply.is_success() or failure is not None:
                continue
            if refused == "raise":
                failure = reply.exception_class(reply)
            else:
                rejected[_address_text(addr)] = reply
        if failure is None and len(rejected) == len(rcpts):
            failure = SMTPRecipientsRefused(rejected)
            if not data.is_continue():
                self.rset()
        if data.is_continue():
            if failure is None:
                return rejected
            self._abort(failure)
        elif failure is None:  # DATA refused on its own: Ruby's critical rule aborts
            failure = _data_refused(data)
            self._abort_reason = failure
        raise failure

    send_mail = send_message
    sendmail = send_message

    if TYPE_CHECKING:
        @overload
        def open_message_stream(self, from_addr: AddressLike, *to_addrs: Any,
                                block: None = None) -> MessageStream: ...

        @overload
        def open_message_stream(self, from_addr: AddressLike, *to_addrs: Any,
                                block: Callable[[WriteAdapter], Any]) -> Response: ...

    def open_message_stream(self, from_addr: AddressLike, *to_addrs: Any,
                            block: Callable[[WriteAdapter], Any] | None = None
                            ) -> Response | MessageStream | None:
        """Send one message written by *block* (or in a ``with`` body) to a
        :class:`WriteAdapter`: ``with smtp.open_message_stream(f, t) as out:``.

        If the block or body raises, the end-of-data marker is never sent and
        the connection is dropped, so no partial message is delivered.

        Returns:
            With ``block``: the reply to the end of data. Without: a
            :class:`MessageStream` for ``with``, whose ``response`` holds it.

        Raises:
            As :meth:`send_message`.
        """
        flat = _ruby.flatten(to_addrs)
        if self._socket is None:
            raise IOError("closed session")
        stream = MessageStream(self, from_addr, flat)
        if block is None:
            return stream
        with stream as adapter:
            block(adapter)
        return stream.response  # set by the normal end of the with block

    ready = open_message_stream

    def authenticate(self, user: Credential, secret: Credential,
                     authtype: str = DEFAULT_AUTH_TYPE) -> Response:
        """Run SMTP AUTH with the registered mechanism for *authtype*
        (``'plain'``, ``'login'``, ``'cram_md5'``, ``'xoauth2'``, or any
        :class:`Authenticator` subclass registered by the user).

        *user* and *secret* are str (sent as UTF-8) or bytes (sent as they
        are). ``authtype='auto'`` (not in Ruby) picks the first mechanism of
        :data:`~net_smtp.authenticator.AUTO_PREFERENCE` the server offers, else any other
        registered one it offers, XOAUTH2 excepted (its secret is a token).

        Raises:
            ArgumentError: unknown *authtype*, user / secret missing, or
                neither str nor bytes.
            SMTPUnsupportedCommand: ``'auto'`` and the server offers no
                mechanism this client has.
            SMTPAuthenticationError: the server refused the credentials.
            SMTPError: another error reply during the exchange.
            EOFError, OSError, ReadTimeout, WriteTimeout: the connection failed.
            RuntimeError: another thread is using this session.
        """
        klass = self._check_auth_args(authtype, user, secret)
        self._claim()
        try:
            if klass is None:
                klass = Authenticator.best_offered(self.capable_auth_types())
            return klass(self).auth(user, secret)
        finally:
            self._in_use.release()

    def _check_auth_args(self, auth_type: Any, *args: Any,
                         **kwargs: Any) -> type[Authenticator] | None:
        """The mechanism's class (``None`` for ``'auto'``), after checking
        the credentials are there and are str or bytes."""
        auth_type = _ruby.or_(auth_type, SMTP.DEFAULT_AUTH_TYPE)
        auto = normalize_auth_type(auth_type) == "AUTO"
        klass = None if auto else Authenticator.auth_class(auth_type)
        if klass is None and not auto:
            raise ArgumentError(f"wrong authentication type {auth_type}")
        (klass or Authenticator).check_args(*args, **kwargs)
        for name, value in zip(("user", "secret"), args):
            if not isinstance(value, (str, bytes, bytearray, memoryview)):
                raise ArgumentError(f"{name} must be str or bytes, not {type(value).__name__}")
        return klass

    # ------------------------------------------------------------ commands
    def rset(self) -> Response:
        """RSET: abort the current mail transaction.

        Raises:
            The command errors listed on :class:`SMTP`.
        """
        return self._getok("RSET")

    def starttls(self) -> Response:
        """The STARTTLS command alone (``start`` does the handshake).

        Raises:
            The command errors listed on :class:`SMTP`.
        """
        return self._getok("STARTTLS")

    def helo(self, domain: str) -> Response:
        """HELO *domain*.

        Raises:
            The command errors listed on :class:`SMTP`.
        """
        return self._getok(f"HELO {domain}")

    def ehlo(self, domain: str) -> Response:
        """EHLO *domain*; the reply's ``capabilities`` lists the extensions.

        Raises:
            The command errors listed on :class:`SMTP`.
        """
        return self._getok(f"EHLO {domain}")

    def mailfrom(self, from_addr: AddressLike) -> Response:
        """MAIL FROM:<addr> with its parameters; ``''`` is the null sender.
        SMTPUTF8 is added for a non-ASCII sender when the server offers it.

        Raises:
            ArgumentError: a bad address type (None included), CR, LF or NUL
                in it or its parameters.
            SMTPError: the server refused the sender.
            EOFError, OSError, ReadTimeout, WriteTimeout: the connection
                failed (the session is then poisoned).
            AttributeError: the session was never started.
        """
        return self._getok(self._mail_line(from_addr))

    def _mail_line(self, from_addr: AddressLike) -> str:
        if isinstance(from_addr, str) and from_addr.isascii():
            return f"MAIL FROM:<{from_addr}>"  # the common case: no parameters
        if _requires_smtputf8(from_addr) and self.is_capable("SMTPUTF8"):
            addr = Address(from_addr, "SMTPUTF8")
        else:
            addr = Address(from_addr)
        return " ".join([f"MAIL FROM:<{addr.address}>", *addr.parameters])

    def rcptto_list(self, to_addrs: list[Any],
                    block: Callable[[], T] | None = None) -> T | None:
        """RCPT TO for each address, then ``block()``; returns its value.

        Raises:
            ArgumentError: *to_addrs* is empty (``'mail destination not given'``).
            SMTPError: a recipient was refused (the rest are not sent).
        """
        if not to_addrs:
            raise ArgumentError("mail destination not given")
        for addr in _ruby.flatten(to_addrs):
            self.rcptto(addr)
        return block() if block is not None else None

    def rcptto(self, to_addr: AddressLike) -> Response:
        """RCPT TO:<addr> with its parameters.

        Raises:
            ArgumentError: a bad address type (None included), CR, LF or NUL
                in it or its parameters.
            SMTPError: the server refused the recipient.
            EOFError, OSError, ReadTimeout, WriteTimeout: the connection
                failed (the session is then poisoned).
            AttributeError: the session was never started.
        """
        return self._getok(self._rcpt_line(to_addr))

    @staticmethod
    def _rcpt_line(to_addr: AddressLike) -> str:
        if isinstance(to_addr, str):
            return f"RCPT TO:<{to_addr}>"  # the common case: no parameters
        addr = Address(to_addr)
        return " ".join([f"RCPT TO:<{addr.address}>", *addr.parameters])

    def data(self, msgstr: MessageSource | None = None,
             block: Callable[[WriteAdapter], Any] | None = None) -> Response:
        """DATA, the message (from *msgstr* or written by *block*), then the
        end-of-data marker; returns the server's reply to it.

        *msgstr* is any message :meth:`send_message` takes; an
        ``email.message.Message`` is sent with CRLF line ends and without
        its ``Bcc`` and ``Resent-Bcc`` headers.

        Raises:
            ArgumentError: both or neither of *msgstr* and *block*, or a
                message of another type.
            SMTPUnknownError: DATA not answered with 3xx (aborts the session).
            SMTPError: the message was refused after the end of data.
            SMTPSessionAborted: an earlier failure aborted the session.
            Whatever *block* raises: the marker is not sent and the
                connection is dropped.
            RuntimeError: another thread is using this session.
        """
        if msgstr is not None and block is not None:
            raise ArgumentError("message and block are exclusive")
        if msgstr is None and block is None:
            raise ArgumentError("message or block is required")
        if msgstr is not None:
            if _is_email_message(msgstr):
                msgstr = _email.flatten(msgstr)
        phase = DataPhase(self, "block" if msgstr is None else source_class_name(msgstr),
                          self._open_data)
        with phase as message:
            if msgstr is None:
                block(message.adapter)  # type: ignore[misc]
            else:
                for chunk in message_chunks(msgstr):
                    message.feed(chunk)
        self._check_response(phase.response)
        return phase.response

    def _open_data(self) -> dict[str, Response]:
        """DATA, expecting 3xx, inside Ruby's critical rule; no recipient
        was refused by this step (an empty dict, as the openings return)."""
        self._critical(self._data_command)
        return {}

    def _data_command(self) -> Response:
        res = self._exchange("DATA")
        if not res.is_continue():
            raise _data_refused(res)
        return res

    def quit(self) -> Response:
        """QUIT (the session stays started until :meth:`finish`).

        Raises:
            The command errors listed on :class:`SMTP`.
        """
        return self._getok("QUIT")

    def get_response(self, reqline: str) -> Response:
        """Send any command line and return the reply, unchecked (outside the
        critical rule).

        Raises:
            ArgumentError: CR, LF or NUL in *reqline*.
            EOFError, OSError, ReadTimeout, WriteTimeout: the connection
                failed (this path never poisons the session, as in Ruby).
            AttributeError: the session was never started.
        """
        validate_line(reqline)
        self._claim()
        try:
            return self._exchange(reqline)
        finally:
            self._in_use.release()

    # ------------------------------------------------------------ funnel
    def _claim(self) -> None:
        """Take the session for this thread (again, if it has it already).

        Raises:
            RuntimeError: another thread is using it.
        """
        if not self._in_use.acquire(False):  # positional: a keyword costs more than the lock
            raise self._busy()

    def _busy(self) -> RuntimeError:
        """The error of a thread that finds the session taken by another."""
        return RuntimeError(f"{self.inspect()} is in use by another thread: use one "
                            "session per thread")

    def _io(self) -> InternetMessageIO:
        if self._socket is None:
            raise AttributeError("the SMTP session is not started: call start() first")
        return self._socket

    def _getok(self, reqline: str) -> Response:
        """One command in Ruby's critical rule, its reply checked. This is
        every command's path, so the line check, ``_claim`` and
        ``_check_response`` are written out here: a frame costs more than
        each of them."""
        if not reqline.isprintable():  # CR, LF and NUL are not: only then validate
            validate_line(reqline)
        if not self._in_use.acquire(False):  # _claim, on every command's path
            raise self._busy()
        try:
            res = self._critical(self._exchange, reqline)
        finally:
            self._in_use.release()
        if not res.is_success():
            raise res.exception_class(res)
        return res

    def _exchange(self, reqline: str | None = None) -> Response:
        """Write *reqline* (the greeting and the end of data have none) and
        read the next reply, unchecked, within the reply bounds."""
        bio = self._socket or self._io()  # _io() raises when there is no socket
        try:
            if reqline is None:
                line = bio.readline(self.MAX_REPLY_LINE)
            else:
                line = bio.exchange(reqline, self.MAX_REPLY_LINE)
            if line[3:4] == b"-":
                line = self._continued_reply(bio, line)
        except LineTooLong as exc:
            raise SMTPUnknownError(str(exc)) from exc
        raw = line + b"\n"
        try:
            text = raw.decode()
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        return Response(text[:3], text)

    def _exchange_all(self, lines: list[str]) -> list[Response]:
        """Write *lines* in one go (a pipelined batch), then read a reply
        for each, unchecked."""
        self._io().writelines(lines)
        return [self._exchange() for _ in lines]

    def _continued_reply(self, bio: InternetMessageIO, first: bytes) -> bytes:
        """The lines of a multi-line reply, from *first* on, joined by LF;
        within MAX_REPLY_LINES and MAX_REPLY_SIZE (with a LF per line)."""
        lines = [first]
        size = len(first) + 1
        while lines[-1][3:4] == b"-":
            if len(lines) >= self.MAX_REPLY_LINES:
                raise SMTPUnknownError(f"reply has more than {self.MAX_REPLY_LINES} lines")
            line = bio.readline(self.MAX_REPLY_LINE, continued=True)
            size += len(line) + 1
            if size > self.MAX_REPLY_SIZE:
                raise SMTPUnknownError(f"reply longer than {self.MAX_REPLY_SIZE} bytes")
            lines.append(line)
        return b"\n".join(lines)

    def _critical(self, block: Callable[..., R] | None = None, arg: Any = _NO_ARG) -> R:
        # Ruby's rule: a failure in block() or block(arg) aborts the session.
        # Where Ruby then answers later commands with "200 dummy reply code",
        # the port raises. (One optional argument, not *args: this is on
        # every command's path, and packing costs more than the test.)
        if self._abort_reason is not None:
            raise SMTPSessionAborted.after(self._abort_reason) from self._abort_reason
        try:
            if block is None:
                raise ArgumentError("no block given")
            return block() if arg is _NO_ARG else block(arg)
        except _ruby.Throw:  # a ported script's throw or Timeout.timeout: no error here
            raise
        except BaseException as exc:
            self._abort_reason = exc
            raise

    @staticmethod
    def _check_response(res: Response) -> None:
        if not res.is_success():
            raise res.exception_class(res)


class DataPhase:
    """The data phase of one message: the one place that keeps the promise
    "the end-of-data marker is sent only when the whole body was written;
    any exception drops the connection".

    Entering holds the session for this thread and runs ``opening(*args)``,
    which sends whatever precedes the body and returns once DATA was
    answered 3xx (the envelope, lock-step or pipelined, then DATA; or DATA
    alone) with the recipients it saw refused (kept in :attr:`refused`);
    then gives the :class:`MessageWriter` for the body. A normal exit sends
    the marker and reads the reply into :attr:`response` (unchecked). An
    exception from the body leaves the marker unsent, drops the connection
    (the server discards the partial message) and propagates unchanged.
    The session is released on exit. :meth:`send_whole` runs the same
    steps for a body already in memory, sent in one write with the marker.
    """

    __slots__ = ("_smtp", "_label", "_opening", "_args", "_writer", "_response", "refused")

    def __init__(self, smtp: SMTP, label: str,
                 opening: Callable[..., dict[str, Response]], *args: Any) -> None:
        self._smtp = smtp
        self._label = label
        self._opening = opening
        self._args = args
        self._writer: MessageWriter | None = None
        self._response: Response | None = None
        self.refused: dict[str, Response] = {}

    @property
    def response(self) -> Response:
        """The reply to the end of data.

        Raises:
            OSError: the phase has not ended normally.
        """
        if self._response is None:
            raise IOError("the message has not been sent")
        return self._response

    def __enter__(self) -> MessageWriter:
        smtp = self._smtp
        smtp._claim()
        try:
            self.refused = self._opening(*self._args)
            self._writer = MessageWriter(smtp._io(), self._label)
        except BaseException:
            smtp._in_use.release()
            raise
        return self._writer

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: types.TracebackType | None) -> None:
        smtp = self._smtp
        writer, self._writer = self._writer, None
        try:
            if writer is None:
                return
            if exc is not None:
                writer.abandon()
                smtp._abort(exc)
                return
            self._response = smtp._critical(self._end, writer.commit)
        finally:
            smtp._in_use.release()

    def send_whole(self, body: bytes) -> Response:
        """Run the phase for a message already in memory, without debug
        output (which only the streaming writer gives): the opening, then
        the encoded body and the end-of-data marker in one write, and the
        reply (unchecked, also kept in :attr:`response`). A failed write
        drops the connection, as a failed body does."""
        encoder = MessageEncoder()
        wire = encoder.feed(body) + encoder.finish()
        smtp = self._smtp
        smtp._claim()
        try:
            self.refused = self._opening(*self._args)
            self._response = smtp._critical(self._end, functools.partial(smtp._io().send, wire))
        finally:
            smtp._in_use.release()
        return self._response

    def _end(self, write: Callable[[], object]) -> Response:
        """``write()``, which sends the end of the body and the marker, then
        the reply; a failed write drops the connection."""
        smtp = self._smtp
        try:
            write()
        except BaseException as exc:
            smtp._abort(exc)
            raise
        return smtp._exchange()


class MessageStream:
    """What ``open_message_stream`` returns without a block: a context
    manager over the message's :class:`DataPhase` that sends MAIL FROM and
    RCPT TO on entry and gives the :class:`WriteAdapter` for the body.

    A normal exit sends the end-of-data marker and checks the reply (kept in
    :attr:`response`); if the body raises, the marker is never sent, the
    connection is dropped (the server discards the partial message) and the
    exception propagates unchanged.
    """

    def __init__(self, smtp: SMTP, from_addr: AddressLike, to_addrs: list[Any]) -> None:
        self._smtp = smtp
        self._from = from_addr
        self._to = to_addrs
        self._phase: DataPhase | None = None
        self._entered = False
        self.response: Response | None = None

    def sender(self) -> AddressLike:
        """MAIL FROM's address, with SMTPUTF8 when a recipient needs it."""
        return self._smtp._sender_for(self._from, self._to)

    def __enter__(self) -> WriteAdapter:
        """MAIL FROM, RCPT TO, DATA; returns the stream for the body.

        Raises:
            OSError: the stream was already used.
            As :meth:`SMTP.send_message` for the commands.
        """
        if self._entered:
            raise IOError("a message stream can be used once")
        self._entered = True
        phase = self._smtp._message_phase(self.sender(), self._to, "block")
        writer = phase.__enter__()
        self._phase = phase
        return writer.adapter

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: types.TracebackType | None) -> None:
        """End the message (see the class docstring).

        Raises:
            SMTPError: the server refused the message.
            EOFError, OSError, ReadTimeout, WriteTimeout: the connection failed.
        """
        phase, self._phase = self._phase, None
        if phase is None:
            return
        phase.__exit__(exc_type, exc, tb)
        if exc is None:
            self.response = phase.response
            if not phase.response.is_success():
                raise phase.response.exception_class(phase.response)


SMTPSession = SMTP


_ruby.add_predicate_aliases(SMTP)
_ruby.add_predicate_aliases(Response)


if not TYPE_CHECKING:
    def __getattr__(name: str) -> object:
        # names only annotations use, made on first use by net_smtp._types
        if name in ("AddressLike",):
            from . import _types

            return getattr(_types, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
