"""``Net.SMTP.Authenticator``: the registry, the base class's ``continue`` /
``finish`` / ``base64_encode``, and the wire lines of the four built-in
mechanisms, driven by a scripted ``get_response`` stub; a user-registered
mechanism is then used end to end against a real aiosmtpd server."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from net_smtp import Net
from net_smtp.authenticator import Authenticator
from net_smtp.response import Response


class ScriptedSession:
    """Stands in for ``SMTP.get_response``: records each line sent and answers
    with the next scripted reply."""

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.sent: list[str] = []

    def get_response(self, reqline: str) -> Response:
        self.sent.append(reqline)
        return Response.parse(self.replies.pop(0))


# ----------------------------------------------------------------- registry
@pytest.mark.parametrize("name, cls", [
    ("plain", Net.SMTP.AuthPlain), ("PLAIN", Net.SMTP.AuthPlain), ("Plain", Net.SMTP.AuthPlain),
    ("login", Net.SMTP.AuthLogin), ("LOGIN", Net.SMTP.AuthLogin),
    ("cram_md5", Net.SMTP.AuthCramMD5), ("CRAM-MD5", Net.SMTP.AuthCramMD5),
    ("cram-md5", Net.SMTP.AuthCramMD5), ("CRAM_MD5", Net.SMTP.AuthCramMD5),
    ("xoauth2", Net.SMTP.AuthXoauth2), ("XOAUTH2", Net.SMTP.AuthXoauth2),
])
def test_auth_class_normalises_the_type(name: str, cls: type[Authenticator]) -> None:
    assert Authenticator.auth_class(name) is cls
    assert issubclass(cls, Authenticator)


@pytest.mark.parametrize("name", ["gssapi", "cram", "plain ", "", "digest_md5", "x-custom"])
def test_unknown_auth_type_is_none(name: str) -> None:
    assert Authenticator.auth_class(name) is None


def test_public_names_are_these_classes() -> None:
    assert Net.SMTP.Authenticator is Authenticator
    assert Net.SMTP.Response is Response


def test_builtin_registry_keys() -> None:
    keys = set(Authenticator.auth_classes())
    assert {"PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"} <= keys


def test_user_mechanism_registered_like_ruby(registry_snapshot: None) -> None:
    class AuthXCustom(Authenticator):
        def auth(self, user: str, secret: str) -> Response:
            return self.finish(f"AUTH X-CUSTOM {self.base64_encode(user + ':' + secret)}")

    AuthXCustom.auth_type("x-custom")
    for spelling in ("x-custom", "x_custom", "X-CUSTOM", "X_Custom"):
        assert Authenticator.auth_class(spelling) is AuthXCustom
    session = ScriptedSession("235 ok\n")
    res = AuthXCustom(session).auth("u", "s")
    assert res.status == "235"
    assert session.sent == ["AUTH X-CUSTOM " + base64.b64encode(b"u:s").decode()]


def test_user_mechanism_registered_by_class_keyword(registry_snapshot: None) -> None:
    class AuthYCustom(Authenticator, auth_type="y_custom"):
        def auth(self, user: str, secret: str) -> Response:
            return self.finish("AUTH Y-CUSTOM")

    assert Authenticator.auth_class("Y-CUSTOM") is AuthYCustom


# --------------------------------------------------------- base class parts
def test_continue_returns_the_challenge_word() -> None:
    session = ScriptedSession("334 Y2hhbGxlbmdl\n", "334   spaced\tword  \n", "334\n", "334 \n")
    auth = Authenticator(session)
    assert auth.smtp is session
    assert auth.continue_("AUTH X") == "Y2hhbGxlbmdl"
    assert getattr(auth, "continue")("next") == "spaced"
    assert auth.continue_("again") is None
    assert auth.continue_("last") is None
    assert session.sent == ["AUTH X", "next", "again", "last"]


def test_ruby_spelling_continue_is_the_same_method() -> None:
    assert getattr(Authenticator, "continue") is Authenticator.continue_


@pytest.mark.parametrize("reply, exc", [
    ("235 already done\n", Net.SMTPUnknownError),
    ("454 try later\n", Net.SMTPServerBusy),
    ("501 bad base64\n", Net.SMTPSyntaxError),
    ("504 unknown mechanism\n", Net.SMTPSyntaxError),
    ("535 bad credentials\n", Net.SMTPAuthenticationError),
    ("554 no\n", Net.SMTPFatalError),
])
def test_continue_raises_the_reply_exception_class(reply: str, exc: type[Exception]) -> None:
    with pytest.raises(exc) as info:
        Authenticator(ScriptedSession(reply)).continue_("AUTH X")
    assert type(info.value) is exc
    assert info.value.response.string == reply  # type: ignore[attr-defined]


def test_finish_returns_a_success_reply() -> None:
    res = Authenticator(ScriptedSession("235 2.7.0 ok\n")).finish("token")
    assert (res.status, res.string) == ("235", "235 2.7.0 ok\n")


@pytest.mark.parametrize("reply", ["334 more\n", "454 later\n", "501 syntax\n", "535 no\n", "600 ?\n"])
def test_finish_raises_authentication_error_for_anything_but_2xx(reply: str) -> None:
    with pytest.raises(Net.SMTPAuthenticationError) as info:
        Authenticator(ScriptedSession(reply)).finish("token")
    assert type(info.value) is Net.SMTPAuthenticationError
    assert info.value.message == reply


@settings(max_examples=100, deadline=None)
@given(data=st.text(max_size=300) | st.binary(max_size=300))
def test_base64_encode_is_one_line(data: str | bytes) -> None:
    encoded = Authenticator(ScriptedSession()).base64_encode(data)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    assert "\n" not in encoded
    assert base64.b64decode(encoded, validate=True) == raw


def test_check_args() -> None:
    Authenticator.check_args("user", "secret")
    Authenticator.check_args("", "")  # empty strings are truthy in Ruby
    for user in (None, False):
        with pytest.raises(Net.ArgumentError, match="^SMTP-AUTH requested but missing user name$"):
            Authenticator.check_args(user, "secret")
    for secret in (None, False):
        with pytest.raises(Net.ArgumentError,
                           match="^SMTP-AUTH requested but missing secret phrase$"):
            Authenticator.check_args("user", secret)
    with pytest.raises(Net.ArgumentError, match="missing user name"):
        Authenticator.check_args()


# ------------------------------------------------------ built-in mechanisms
def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def test_plain_wire_line() -> None:
    session = ScriptedSession("235 ok\n")
    res = Net.SMTP.AuthPlain(session).auth("tim", "tanstaaftanstaaf")
    assert res.status == "235"
    assert session.sent == ["AUTH PLAIN " + _b64(b"\0tim\0tanstaaftanstaaf")]


def test_login_wire_lines() -> None:
    session = ScriptedSession("334 VXNlcm5hbWU6\n", "334 UGFzc3dvcmQ6\n", "235 ok\n")
    Net.SMTP.AuthLogin(session).auth("tim", "tanstaaftanstaaf")
    assert session.sent == ["AUTH LOGIN", _b64(b"tim"), _b64(b"tanstaaftanstaaf")]


def test_login_rejected_at_the_end() -> None:
    session = ScriptedSession("334 VXNlcm5hbWU6\n", "334 UGFzc3dvcmQ6\n", "535 5.7.8 no\n")
    with pytest.raises(Net.SMTPAuthenticationError):
        Net.SMTP.AuthLogin(session).auth("tim", "wrong")
    assert len(session.sent) == 3


def test_login_refused_at_once_raises_by_reply_code() -> None:
    session = ScriptedSession("504 5.5.4 Unrecognized authentication type\n")
    with pytest.raises(Net.SMTPSyntaxError):
        Net.SMTP.AuthLogin(session).auth("tim", "secret")
    assert session.sent == ["AUTH LOGIN"]


def test_cram_md5_rfc2195_example() -> None:
    """RFC 2195 section 2: user tim, secret tanstaaftanstaaf."""
    challenge = b"<1896.697170952@postoffice.reston.mci.net>"
    session = ScriptedSession("334 " + _b64(challenge) + "\n", "235 ok\n")
    res = Net.SMTP.AuthCramMD5(session).auth("tim", "tanstaaftanstaaf")
    assert res.status == "235"
    assert session.sent == ["AUTH CRAM-MD5", "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"]


@settings(max_examples=50, deadline=None)
@given(challenge=st.binary(min_size=1, max_size=80),
       user=st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1,
                    max_size=12),
       secret=st.text(min_size=1, max_size=20))
def test_cram_md5_answers_any_challenge(challenge: bytes, user: str, secret: str) -> None:
    session = ScriptedSession("334 " + _b64(challenge) + "\n", "235 ok\n")
    Net.SMTP.AuthCramMD5(session).auth(user, secret)
    digest = hmac.new(secret.encode("utf-8"), challenge, hashlib.md5).hexdigest()
    assert base64.b64decode(session.sent[1]) == f"{user} {digest}".encode()


def test_cram_md5_rejected() -> None:
    session = ScriptedSession("334 " + _b64(b"<1.2@x>") + "\n", "535 no\n")
    with pytest.raises(Net.SMTPAuthenticationError):
        Net.SMTP.AuthCramMD5(session).auth("tim", "bad")


def test_xoauth2_wire_line() -> None:
    session = ScriptedSession("235 ok\n")
    Net.SMTP.AuthXoauth2(session).auth("someuser@example.com", "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")
    expected = b"user=someuser@example.com\x01auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg\x01\x01"
    assert session.sent == ["AUTH XOAUTH2 " + _b64(expected)]


def test_xoauth2_error_challenge_is_an_authentication_error() -> None:
    """A 334 with a JSON error (what Gmail sends) is not 2xx: finish raises."""
    error = _b64(b'{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}')
    session = ScriptedSession(f"334 {error}\n")
    with pytest.raises(Net.SMTPAuthenticationError):
        Net.SMTP.AuthXoauth2(session).auth("u@example.com", "expired")
