"""Every public name of Ruby's net-smtp 0.5.1 (SPEC.md section 3) has its
Python member, named by the translation rules of SPEC.md section 2:
predicates ``is_x()`` (the Ruby spelling ``x?`` resolves too), readers as
properties or attributes, aliases as the very same objects, exceptions with
Ruby's bases. Also: each module's ``__all__`` names only what exists."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import ssl
import types

import pytest

import net_smtp
from net_smtp import Net
from net_smtp.errors import SMTPError

SMTP = Net.SMTP

# ------------------------------------------------------------------ classes
NAMESPACE = ["SMTP", "SMTPSession", "WriteAdapter", "BufferedIO", "InternetMessageIO",
             "ArgumentError", "ProtocolError", "ProtoSyntaxError", "ProtoFatalError",
             "ProtoUnknownError", "ProtoServerError", "ProtoAuthError", "ProtoCommandError",
             "ProtoRetriableError", "ProtocRetryError", "OpenTimeout", "ReadTimeout",
             "WriteTimeout", "SMTPError", "SMTPAuthenticationError", "SMTPServerBusy",
             "SMTPSyntaxError", "SMTPFatalError", "SMTPUnknownError", "SMTPUnsupportedCommand"]


@pytest.mark.parametrize("name", NAMESPACE)
def test_net_namespace_member(name: str) -> None:
    member = getattr(Net, name)
    assert isinstance(member, type)
    assert getattr(net_smtp, name) is member


def test_net_is_a_namespace_only() -> None:
    with pytest.raises(TypeError):
        Net()


@pytest.mark.parametrize("name", ["Response", "Address", "Authenticator", "AuthPlain",
                                  "AuthLogin", "AuthCramMD5", "AuthXoauth2"])
def test_nested_classes_of_smtp(name: str) -> None:
    member = getattr(SMTP, name)
    assert isinstance(member, type)
    if name.startswith("Auth") and name != "Authenticator":
        assert issubclass(member, SMTP.Authenticator)


def test_old_aliases_are_the_same_objects() -> None:
    assert Net.SMTPSession is Net.SMTP
    assert Net.ProtocRetryError is Net.ProtoRetriableError


# ------------------------------------------------------------ class methods
def test_class_constants_and_ports() -> None:
    assert SMTP.VERSION == "0.5.1"
    assert SMTP.DEFAULT_AUTH_TYPE == "plain"
    assert SMTP.default_port() == 25
    assert SMTP.default_submission_port() == 587
    assert SMTP.default_tls_port() == 465
    assert SMTP.default_ssl_port() == 465
    assert SMTP.default_ssl_port is SMTP.default_tls_port


def test_default_ssl_context() -> None:
    ctx = SMTP.default_ssl_context()
    assert isinstance(ctx, ssl.SSLContext)
    assert ctx.verify_mode == ssl.CERT_REQUIRED
    params_ctx = SMTP.default_ssl_context({"verify_mode": net_smtp.OpenSSL.SSL.VERIFY_NONE})
    assert params_ctx.verify_mode == ssl.CERT_NONE


def test_class_start_signature() -> None:
    params = inspect.signature(SMTP.start).parameters
    assert list(params)[:3] == ["address", "port", "args"]
    assert params["port"].default is None
    assert params["args"].kind is inspect.Parameter.VAR_POSITIONAL
    expected = {"helo": None, "user": None, "secret": None, "password": None, "authtype": None,
                "tls": False, "starttls": "auto", "tls_verify": True, "tls_hostname": None,
                "ssl_context_params": None, "block": None}
    for name, default in expected.items():
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY, name
        assert params[name].default == default, name


def test_class_start_refuses_too_many_arguments_before_connecting() -> None:
    with pytest.raises(Net.ArgumentError) as info:
        SMTP.start("192.0.2.1", 25, "helo", "user", "secret", "plain", "extra")
    assert str(info.value) == "wrong number of arguments (given 7, expected 1..6)"


# --------------------------------------------------------- instance methods
def test_constructor_signature() -> None:
    params = inspect.signature(SMTP).parameters
    assert list(params)[:2] == ["address", "port"]
    assert params["port"].default is None
    expected = {"tls": False, "starttls": "auto", "tls_verify": True, "tls_hostname": None,
                "ssl_context_params": None}
    for name, default in expected.items():
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY, name
        assert params[name].default == default, name


INSTANCE_METHODS: dict[str, tuple[str, ...]] = {
    # Python name: its parameters after self, in order
    "start": ("args", "helo", "user", "secret", "password", "authtype", "block"),
    "finish": (),
    "is_started": (),
    "is_esmtp": (),
    "is_capable": ("key",),
    "is_capable_starttls": (),
    "is_capable_plain_auth": (),
    "is_capable_login_auth": (),
    "is_capable_cram_md5_auth": (),
    "is_auth_capable": ("auth_type",),
    "capable_auth_types": (),
    "is_tls": (),
    "enable_tls": ("context",),
    "disable_tls": (),
    "is_starttls": (),
    "is_starttls_always": (),
    "is_starttls_auto": (),
    "enable_starttls": ("context",),
    "enable_starttls_auto": ("context",),
    "disable_starttls": (),
    "set_debug_output": ("arg",),
    "send_message": ("msgstr", "from_addr", "to_addrs"),
    "open_message_stream": ("from_addr", "to_addrs", "block"),
    "authenticate": ("user", "secret", "authtype"),
    "rset": (),
    "starttls": (),
    "helo": ("domain",),
    "ehlo": ("domain",),
    "mailfrom": ("from_addr",),
    "rcptto_list": ("to_addrs", "block"),
    "rcptto": ("to_addr",),
    "data": ("msgstr", "block"),
    "quit": (),
    "get_response": ("reqline",),
    "inspect": (),
}


@pytest.mark.parametrize("name, params", sorted(INSTANCE_METHODS.items()))
def test_instance_method(name: str, params: tuple[str, ...]) -> None:
    smtp = SMTP("mail.example.com")
    method = getattr(smtp, name)
    assert callable(method)
    names = tuple(inspect.signature(method).parameters)
    assert names[:len(params)] == params


def test_optional_parameters_default_like_ruby() -> None:
    sig = inspect.signature(SMTP.authenticate)
    assert sig.parameters["authtype"].default == "plain"
    for name in ("enable_tls", "enable_starttls", "enable_starttls_auto"):
        assert inspect.signature(getattr(SMTP, name)).parameters["context"].default is None
    data = inspect.signature(SMTP.data).parameters
    assert data["msgstr"].default is None and data["block"].default is None
    assert inspect.signature(SMTP.open_message_stream).parameters["block"].default is None
    assert inspect.signature(SMTP.send_message).parameters["to_addrs"].kind \
        is inspect.Parameter.VAR_POSITIONAL


ALIASES = [
    ("send_mail", "send_message"),
    ("sendmail", "send_message"),
    ("ready", "open_message_stream"),
    ("is_ssl", "is_tls"),
    ("enable_ssl", "enable_tls"),
    ("disable_ssl", "disable_tls"),
]


@pytest.mark.parametrize("alias, original", ALIASES)
def test_aliases_are_the_same_functions(alias: str, original: str) -> None:
    assert getattr(SMTP, alias) is getattr(SMTP, original)


RUBY_PREDICATES = [
    ("started?", "is_started"), ("esmtp?", "is_esmtp"), ("capable?", "is_capable"),
    ("capable_starttls?", "is_capable_starttls"), ("capable_plain_auth?", "is_capable_plain_auth"),
    ("capable_login_auth?", "is_capable_login_auth"),
    ("capable_cram_md5_auth?", "is_capable_cram_md5_auth"), ("auth_capable?", "is_auth_capable"),
    ("tls?", "is_tls"), ("ssl?", "is_ssl"), ("starttls?", "is_starttls"),
    ("starttls_always?", "is_starttls_always"), ("starttls_auto?", "is_starttls_auto"),
]


@pytest.mark.parametrize("ruby, python", RUBY_PREDICATES)
def test_ruby_predicate_spellings_resolve(ruby: str, python: str) -> None:
    assert getattr(SMTP, ruby) is getattr(SMTP, python)
    smtp = SMTP("mail.example.com", 2525, starttls="always")
    args = ("STARTTLS",) if python in ("is_capable", "is_auth_capable") else ()
    assert getattr(smtp, ruby)(*args) == getattr(smtp, python)(*args)


def test_predicates_before_start() -> None:
    smtp = SMTP("mail.example.com")
    assert smtp.is_started() is False
    assert getattr(smtp, "started?")() is False
    assert smtp.is_esmtp() is True
    assert smtp.is_capable("STARTTLS") is None
    assert smtp.is_auth_capable("PLAIN") is None
    assert smtp.capable_auth_types() == []
    assert smtp.is_tls() is False and smtp.is_ssl() is False
    assert smtp.is_starttls() == "auto"
    assert smtp.is_starttls_auto() is True and smtp.is_starttls_always() is False


def test_tls_switches() -> None:
    smtp = SMTP("mail.example.com", starttls=False)
    smtp.enable_ssl()
    assert smtp.is_tls() is True
    with pytest.raises(Net.ArgumentError, match="SMTPS and STARTTLS is exclusive"):
        smtp.enable_starttls()
    smtp.disable_ssl()
    smtp.enable_starttls()
    assert smtp.is_starttls() == "always" and getattr(smtp, "starttls_always?")()
    smtp.enable_starttls_auto()
    assert smtp.is_starttls() == "auto"
    smtp.disable_starttls()
    assert smtp.is_starttls() is False


# ------------------------------------------------------------------ readers
def test_readers_are_attributes_with_ruby_defaults() -> None:
    smtp = SMTP("mail.example.com", 2525)
    assert smtp.address == "mail.example.com"
    assert smtp.port == 2525
    assert SMTP("mail.example.com").port == 25
    assert smtp.esmtp is True
    assert smtp.capabilities is None
    assert smtp.open_timeout == 30
    assert smtp.read_timeout == 60
    assert smtp.write_timeout == 60
    assert smtp.tls_verify is True
    assert smtp.tls_hostname is None
    assert smtp.ssl_context_params is None
    assert smtp.debug_output is None


@pytest.mark.parametrize("name", ["address", "port", "capabilities", "read_timeout",
                                  "write_timeout", "debug_output"])
def test_computed_readers_are_properties(name: str) -> None:
    assert isinstance(inspect.getattr_static(SMTP, name), property)


def test_read_only_readers_cannot_be_assigned() -> None:
    smtp = SMTP("mail.example.com")
    for name in ("address", "port", "capabilities"):
        with pytest.raises(AttributeError):
            setattr(smtp, name, "x")


def test_setters_are_assignments() -> None:
    smtp = SMTP("mail.example.com")
    sink: list[str] = []
    smtp.read_timeout = 5
    smtp.open_timeout = 7
    smtp.write_timeout = 9
    smtp.esmtp = False
    smtp.tls_verify = False
    smtp.tls_hostname = "other.example.com"
    smtp.ssl_context_params = {"verify_mode": ssl.CERT_NONE}
    smtp.debug_output = sink
    assert (smtp.read_timeout, smtp.open_timeout, smtp.write_timeout) == (5, 7, 9)
    assert smtp.esmtp is False and smtp.is_esmtp() is False
    assert smtp.tls_verify is False and smtp.tls_hostname == "other.example.com"
    assert smtp.ssl_context_params == {"verify_mode": ssl.CERT_NONE}
    assert smtp.debug_output is sink
    smtp.set_debug_output(None)
    assert smtp.debug_output is None


def test_inspect_is_ruby_text() -> None:
    smtp = SMTP("mail.example.com")
    assert smtp.inspect() == "#<Net::SMTP mail.example.com:25 started=false>"
    assert repr(smtp) == smtp.inspect()


def test_state_errors_before_start() -> None:
    smtp = SMTP("mail.example.com")
    with pytest.raises(IOError, match="^not yet started$"):
        smtp.finish()
    with pytest.raises(IOError, match="^closed session$"):
        smtp.send_message("x", "a@example.com", "b@example.com")


# ----------------------------------------------------------------- Response
def test_response_members() -> None:
    Response = SMTP.Response
    assert isinstance(inspect.getattr_static(Response, "parse"), classmethod)
    res = Response.parse("334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\n")
    assert res.status == "334"
    assert res.string.startswith("334 ")
    assert res.status_type_char == "3"
    assert res.message == res.string
    assert res.cram_md5_challenge == b"<1896.697170952@postoffice.reston.mci.net>"
    assert res.capabilities == {}
    assert res.exception_class is Net.SMTPUnknownError
    assert res.is_continue() and not res.is_success()
    assert getattr(Response, "success?") is Response.is_success
    assert getattr(Response, "continue?") is Response.is_continue
    for reader in ("status", "string", "status_type_char", "message", "capabilities",
                   "cram_md5_challenge", "exception_class"):
        assert isinstance(inspect.getattr_static(Response, reader), property), reader
    assert Response("250", "250 OK\n").string == "250 OK\n"


# ------------------------------------------------------------------ Address
def test_address_members() -> None:
    addr = SMTP.Address("a@example.com", "p0=123", {"p1": 456}, p2=None, p3="789")
    assert addr.address == "a@example.com"
    assert addr.parameters == ["p0=123", "p1=456", "p2", "p3=789"]
    assert str(addr) == addr.to_s() == "a@example.com"
    for reader in ("address", "parameters"):
        assert isinstance(inspect.getattr_static(SMTP.Address, reader), property)


# ------------------------------------------------------------ Authenticator
def test_authenticator_members() -> None:
    Authenticator = SMTP.Authenticator
    for name in ("auth_type", "auth_class", "auth_classes", "check_args"):
        assert isinstance(inspect.getattr_static(Authenticator, name), classmethod), name
    for name in ("continue_", "finish", "base64_encode", "auth"):
        assert callable(getattr(Authenticator, name)), name
    assert getattr(Authenticator, "continue") is Authenticator.continue_
    assert isinstance(inspect.getattr_static(Authenticator, "smtp"), property)
    assert callable(SMTP.AuthCramMD5.cram_md5_response)
    keys = {"PLAIN": SMTP.AuthPlain, "LOGIN": SMTP.AuthLogin, "CRAM-MD5": SMTP.AuthCramMD5,
            "XOAUTH2": SMTP.AuthXoauth2}
    for key, cls in keys.items():
        assert Authenticator.auth_class(key) is cls


# ----------------------------------------------------------- WriteAdapter
def test_write_adapter_members() -> None:
    WriteAdapter = Net.WriteAdapter
    assert WriteAdapter.print is WriteAdapter.write
    for name in ("write", "puts", "printf", "__lshift__", "inspect"):
        assert callable(getattr(WriteAdapter, name)), name
    got: list[bytes] = []

    def writer(data: bytes) -> int:
        got.append(data)
        return len(data)

    adapter = WriteAdapter(writer)
    assert (adapter << "a") is adapter
    adapter.puts("b")
    adapter.printf("%d-%s", 1, "c")
    assert got == [b"a", b"b\n", b"1-c"]


# --------------------------------------------------------------- exceptions
EXCEPTION_BASES: list[tuple[str, tuple[type[BaseException], ...]]] = [
    ("ProtocolError", (Exception,)),
    ("ProtoSyntaxError", (Net.ProtocolError,)),
    ("ProtoFatalError", (Net.ProtocolError,)),
    ("ProtoUnknownError", (Net.ProtocolError,)),
    ("ProtoServerError", (Net.ProtocolError,)),
    ("ProtoAuthError", (Net.ProtocolError,)),
    ("ProtoCommandError", (Net.ProtocolError,)),
    ("ProtoRetriableError", (Net.ProtocolError,)),
    ("SMTPError", (Exception,)),
    ("SMTPAuthenticationError", (Net.ProtoAuthError, Net.SMTPError)),
    ("SMTPServerBusy", (Net.ProtoServerError, Net.SMTPError)),
    ("SMTPSyntaxError", (Net.ProtoSyntaxError, Net.SMTPError)),
    ("SMTPFatalError", (Net.ProtoFatalError, Net.SMTPError)),
    ("SMTPUnknownError", (Net.ProtoUnknownError, Net.SMTPError)),
    ("SMTPUnsupportedCommand", (Net.ProtocolError, Net.SMTPError)),
    ("OpenTimeout", (TimeoutError,)),
    ("ReadTimeout", (TimeoutError,)),
    ("WriteTimeout", (TimeoutError,)),
    ("ArgumentError", (TypeError, ValueError)),
]


@pytest.mark.parametrize("name, bases", EXCEPTION_BASES)
def test_exception_bases(name: str, bases: tuple[type[BaseException], ...]) -> None:
    cls = getattr(Net, name)
    for base in bases:
        assert issubclass(cls, base), base


SMTP_ERRORS = [Net.SMTPAuthenticationError, Net.SMTPServerBusy, Net.SMTPSyntaxError,
               Net.SMTPFatalError, Net.SMTPUnknownError, Net.SMTPUnsupportedCommand]


@pytest.mark.parametrize("cls", SMTP_ERRORS)
def test_smtp_errors_carry_response_and_message(cls: type[SMTPError]) -> None:
    res = SMTP.Response.parse("554 5.7.1 rejected\n554 second line\n")
    err = cls(res)
    assert err.response is res
    assert err.message == str(err) == "554 5.7.1 rejected\n"
    explicit = cls(res, message="could not get 3xx")
    assert explicit.message == str(explicit) == "could not get 3xx"
    with pytest.raises(Net.SMTPError):
        raise err


def test_ruby_io_timeouts_name_their_connection() -> None:
    err = Net.ReadTimeout("#<TCPSocket:fd 5>")
    assert err.io == "#<TCPSocket:fd 5>"
    assert str(err) == "Net::ReadTimeout with #<TCPSocket:fd 5>"
    assert str(Net.WriteTimeout()) == "Net::WriteTimeout"


# ------------------------------------------------------------------ __all__
def _modules_with_all() -> list[types.ModuleType]:
    """The package and each submodule that declares ``__all__`` (``__main__``
    is left out: it is a script entry point)."""
    found = [net_smtp]
    for info in pkgutil.iter_modules(net_smtp.__path__):
        if info.name != "__main__":
            found.append(importlib.import_module(f"net_smtp.{info.name}"))
    return [module for module in found if hasattr(module, "__all__")]


@pytest.mark.parametrize("module", _modules_with_all(), ids=lambda m: m.__name__)
def test_module_all_names_exist(module: types.ModuleType) -> None:
    names = module.__all__
    assert len(names) == len(set(names)), "duplicates in __all__"
    missing = [name for name in names if not hasattr(module, name)]
    assert missing == []


def test_package_all_matches_its_exports() -> None:
    exported = {name for name, value in vars(net_smtp).items()
                if not name.startswith("_") and not isinstance(value, types.ModuleType)
                and name != "annotations"}
    assert set(net_smtp.__all__) == exported | {"__version__", "Net"}
    assert isinstance(Net, types.ModuleType)  # a module, so Net.X are types for mypy
    namespace = {name for name, value in vars(Net).items()
                 if not name.startswith("_") and isinstance(value, type)}
    assert namespace == set(Net.__all__)
    assert namespace <= set(net_smtp.__all__)


# ---------------------------------------------------------- typing at run time
@pytest.mark.parametrize("module, name", [
    ("errors", "Reply"), ("protocol", "MessageSource"), ("protocol", "Readable"),
    ("protocol", "SocketLike"), ("authenticator", "Credential"),
    ("authenticator", "ResponseSource"), ("smtp", "AddressLike")])
def test_typing_names_are_made_on_first_use(module: str, name: str) -> None:
    """The typing-only names still import from the modules that use them
    (from net_smtp._types, their one definition)."""
    from net_smtp import _types

    assert getattr(importlib.import_module(f"net_smtp.{module}"), name) is getattr(_types, name)


def test_other_missing_names_are_still_missing() -> None:
    from net_smtp import smtp

    with pytest.raises(AttributeError, match="has no attribute 'AddressLikes'"):
        smtp.AddressLikes  # noqa: B018 - the lookup is the test
