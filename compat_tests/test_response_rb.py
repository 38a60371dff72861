"""One-for-one ports of Ruby's test/net/smtp/test_response.rb (net-smtp 0.5.1).

``Response`` is pure, so these need no server. Ruby's ``success?`` and
``continue?`` tests become ``test_success`` / ``test_continue`` (a Python
name cannot end in ``?``); the predicates themselves are ``is_success()`` and
``is_continue()`` by SPEC.md section 2.
"""

from __future__ import annotations

from rb_origin import ruby_origin

from net_smtp import Net

RB = "test_response.rb"
Response = Net.SMTP.Response


@ruby_origin(RB, "test_capabilities")
def test_capabilities() -> None:
    res = Response.parse("250-ubuntu-desktop\n250-PIPELINING\n250-SIZE 10240000\n250-VRFY\n"
                         "250-ETRN\n250-STARTTLS\n250-ENHANCEDSTATUSCODES\n250 DSN\n")

    capabilities = res.capabilities
    for key in ["PIPELINING", "SIZE", "VRFY", "STARTTLS", "ENHANCEDSTATUSCODES", "DSN"]:
        assert key in capabilities, key


@ruby_origin(RB, "test_capabilities_default")
def test_capabilities_default() -> None:
    res = Response.parse("250-ubuntu-desktop\n250-PIPELINING\n250 DSN\n")
    assert res.capabilities["PIPELINING"] == []


@ruby_origin(RB, "test_capabilities_value")
def test_capabilities_value() -> None:
    res = Response.parse("250-ubuntu-desktop\n250-SIZE 1234\n250 DSN\n")
    assert res.capabilities["SIZE"] == ["1234"]


@ruby_origin(RB, "test_capabilities_multi")
def test_capabilities_multi() -> None:
    res = Response.parse("250-ubuntu-desktop\n250-SIZE 1 2 3\n250 DSN\n")
    assert res.capabilities["SIZE"] == ["1", "2", "3"]


@ruby_origin(RB, "test_bad_string")
def test_bad_string() -> None:
    res = Response.parse("badstring")
    assert res.capabilities == {}


@ruby_origin(RB, "test_success?")
def test_success() -> None:
    res = Response.parse("250-ubuntu-desktop\n250-SIZE 1 2 3\n250 DSN\n")
    assert res.is_success()
    assert not res.is_continue()


# RFC 2821, Section 4.2.1
@ruby_origin(RB, "test_continue?")
def test_continue() -> None:
    res = Response.parse("3yz-ubuntu-desktop\n250-SIZE 1 2 3\n250 DSN\n")
    assert not res.is_success()
    assert res.is_continue()


@ruby_origin(RB, "test_status_type_char")
def test_status_type_char() -> None:
    res = Response.parse("3yz-ubuntu-desktop\n250-SIZE 1 2 3\n250 DSN\n")
    assert res.status_type_char == "3"

    res = Response.parse("250-ubuntu-desktop\n250-SIZE 1 2 3\n250 DSN\n")
    assert res.status_type_char == "2"


@ruby_origin(RB, "test_message")
def test_message() -> None:
    res = Response.parse("250-ubuntu-desktop\n250-SIZE 1 2 3\n250 DSN\n")
    assert res.message == "250-ubuntu-desktop\n"


@ruby_origin(RB, "test_server_busy_exception")
def test_server_busy_exception() -> None:
    res = Response.parse("400 omg busy")
    assert res.exception_class is Net.SMTPServerBusy
    res = Response.parse("410 omg busy")
    assert res.exception_class is Net.SMTPServerBusy


@ruby_origin(RB, "test_syntax_error_exception")
def test_syntax_error_exception() -> None:
    res = Response.parse("500 omg syntax error")
    assert res.exception_class is Net.SMTPSyntaxError

    res = Response.parse("501 omg syntax error")
    assert res.exception_class is Net.SMTPSyntaxError


@ruby_origin(RB, "test_authentication_exception")
def test_authentication_exception() -> None:
    res = Response.parse("530 omg auth error")
    assert res.exception_class is Net.SMTPAuthenticationError

    res = Response.parse("531 omg auth error")
    assert res.exception_class is Net.SMTPAuthenticationError


@ruby_origin(RB, "test_fatal_error")
def test_fatal_error() -> None:
    res = Response.parse("510 omg fatal error")
    assert res.exception_class is Net.SMTPFatalError

    res = Response.parse("511 omg fatal error")
    assert res.exception_class is Net.SMTPFatalError


@ruby_origin(RB, "test_default_exception")
def test_default_exception() -> None:
    res = Response.parse("250 omg fatal error")
    assert res.exception_class is Net.SMTPUnknownError
