"""``Net.SMTP.Response``: parsing, readers, EHLO capabilities, the CRAM-MD5
challenge and the reply-code -> exception mapping, by tables (rows derived
from Ruby 0.5.1's Response) and properties."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from net_smtp import Net

Response = Net.SMTP.Response


@pytest.mark.parametrize("text", ["250 OK\n", "354 go ahead\n", "250-a\n250 b\n", "2", "", "abc def"])
def test_parse_takes_the_first_three_characters_as_status(text: str) -> None:
    res = Response.parse(text)
    assert isinstance(res, Response)
    assert res.status == text[:3]
    assert res.string == text


def test_constructor_keeps_status_and_string_as_given() -> None:
    res = Response("421", "250 not what the status says\n")
    assert (res.status, res.string) == ("421", "250 not what the status says\n")
    assert res.exception_class is Net.SMTPServerBusy


STATUS_ROWS = [
    # status, status_type_char, success?, continue?, exception_class
    ("200", "2", True, False, Net.SMTPUnknownError),
    ("250", "2", True, False, Net.SMTPUnknownError),
    ("235", "2", True, False, Net.SMTPUnknownError),
    ("334", "3", False, True, Net.SMTPUnknownError),
    ("354", "3", False, True, Net.SMTPUnknownError),
    ("421", "4", False, False, Net.SMTPServerBusy),
    ("450", "4", False, False, Net.SMTPServerBusy),
    ("454", "4", False, False, Net.SMTPServerBusy),
    ("499", "4", False, False, Net.SMTPServerBusy),
    ("500", "5", False, False, Net.SMTPSyntaxError),
    ("501", "5", False, False, Net.SMTPSyntaxError),
    ("504", "5", False, False, Net.SMTPSyntaxError),
    ("509", "5", False, False, Net.SMTPSyntaxError),
    ("530", "5", False, False, Net.SMTPAuthenticationError),
    ("535", "5", False, False, Net.SMTPAuthenticationError),
    ("538", "5", False, False, Net.SMTPAuthenticationError),
    ("510", "5", False, False, Net.SMTPFatalError),
    ("550", "5", False, False, Net.SMTPFatalError),
    ("552", "5", False, False, Net.SMTPFatalError),
    ("554", "5", False, False, Net.SMTPFatalError),
    ("599", "5", False, False, Net.SMTPFatalError),
    ("100", "1", False, False, Net.SMTPUnknownError),
    ("600", "6", False, False, Net.SMTPUnknownError),
    ("999", "9", False, False, Net.SMTPUnknownError),
    ("abc", "a", False, False, Net.SMTPUnknownError),
    ("", "", False, False, Net.SMTPUnknownError),
]


@pytest.mark.parametrize("status, type_char, success, cont, exc", STATUS_ROWS)
def test_status_readers_and_exception_class(status: str, type_char: str, success: bool,
                                            cont: bool, exc: type[Exception]) -> None:
    res = Response.parse(status + " text\n" if status else "")
    assert res.status == status
    assert res.status_type_char == type_char
    assert res.is_success() is success
    assert res.is_continue() is cont
    assert getattr(res, "success?")() is success
    assert getattr(res, "continue?")() is cont
    assert res.exception_class is exc


def test_every_exception_class_carries_the_response() -> None:
    for status in ("421", "501", "535", "554", "600"):
        res = Response.parse(f"{status} 4.7.0 refused\n{status} more\n")
        err = res.exception_class(res)
        assert isinstance(err, Net.SMTPError)
        assert err.response is res
        assert err.message == str(err) == f"{status} 4.7.0 refused\n"


MESSAGE_ROWS = [
    ("250 OK\n", "250 OK\n"),
    ("250 OK", "250 OK"),
    ("250-first\n250-second\n250 third\n", "250-first\n"),
    ("250-first\r\n250 second\r\n", "250-first\r\n"),
]


@pytest.mark.parametrize("text, first_line", MESSAGE_ROWS)
def test_message_is_the_first_line_with_its_newline(text: str, first_line: str) -> None:
    assert Response.parse(text).message == first_line


CAPABILITY_ROWS: list[tuple[str, dict[str, list[str]]]] = [
    ("250 mx.example.com\n", {}),
    ("250 mx.example.com greets you\n", {}),
    ("250-mx.example.com\n250-PIPELINING\n250-SIZE 10240000\n250-AUTH PLAIN LOGIN\n250 8BITMIME\n",
     {"PIPELINING": [], "SIZE": ["10240000"], "AUTH": ["PLAIN", "LOGIN"], "8BITMIME": []}),
    # Ruby splits each line from its 5th character with split(' '): any run
    # of white space separates words and leading white space is skipped.
    ("250-h\n250-AUTH   PLAIN\t LOGIN  \n250  SIZE 100\n",
     {"AUTH": ["PLAIN", "LOGIN"], "SIZE": ["100"]}),
    ("250-h\n250-X\v\fY\x00Z\n250 END\n", {"X": ["Y\x00Z"], "END": []}),
    # A repeated keyword keeps its last parameters.
    ("250-h\n250-AUTH PLAIN\n250 AUTH LOGIN\n", {"AUTH": ["LOGIN"]}),
    ("250-h\n250-SIZE 1\n250-X\n250 SIZE\n", {"SIZE": [], "X": []}),
    # CRLF line endings and a missing final newline change nothing.
    ("250-h\r\n250-STARTTLS\r\n250 SIZE 5\r\n", {"STARTTLS": [], "SIZE": ["5"]}),
    ("250-h\n250 X", {"X": []}),
    # Only the 4th character of the first line decides; the first line is never a keyword.
    ("250-AUTH PLAIN\n", {}),
    ("250 h\n250-AUTH PLAIN\n250 X\n", {}),
    ("250-host.example 9 ESMTP\n250 auth=login plain\n", {"auth=login": ["plain"]}),
]


@pytest.mark.parametrize("text, expected", CAPABILITY_ROWS)
def test_capabilities_table(text: str, expected: dict[str, list[str]]) -> None:
    assert Response.parse(text).capabilities == expected


_WORD = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=8)
_GAP = st.text(alphabet=" \t", min_size=1, max_size=3)


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(st.tuples(_WORD, st.lists(st.tuples(_GAP, _WORD), max_size=4)),
                      min_size=1, max_size=8))
def test_capabilities_of_any_multiline_reply(lines: list[tuple[str, list[tuple[str, str]]]]) -> None:
    """Each keyword line (joined by any white space) maps its first word to
    the rest; a later line with the same keyword replaces an earlier one."""
    body = ["250-" + kw + "".join(gap + word for gap, word in params) for kw, params in lines]
    body[-1] = "250 " + body[-1][4:]
    text = "250-greeting\n" + "\n".join(body) + "\n"
    expected: dict[str, list[str]] = {}
    for kw, params in lines:
        expected[kw] = [word for _, word in params]
    assert Response.parse(text).capabilities == expected


RFC2195_CHALLENGE = b"<1896.697170952@postoffice.reston.mci.net>"

CHALLENGE_ROWS = [
    ("334 " + base64.b64encode(RFC2195_CHALLENGE).decode() + "\n", RFC2195_CHALLENGE),
    ("334 YWJj\n", b"abc"),
    ("334 YWJjZA==\n", b"abcd"),
    # Ruby's unpack1('m') is lenient: a missing '=' pad is fine, characters
    # outside the alphabet are skipped, decoding stops at '=', a lone sixth
    # of a byte is dropped; only the second space-separated word is used.
    ("334 YWJjZA\n", b"abcd"),
    ("334 YWJ\n", b"ab"),
    ("334 Y\n", b""),
    ("334 Y*W-Jj\n", b"abc"),
    ("334 YW=Jj\n", b"a"),
    ("334 YW Jj\n", b"a"),
]


@pytest.mark.parametrize("text, challenge", CHALLENGE_ROWS)
def test_cram_md5_challenge(text: str, challenge: bytes) -> None:
    assert Response.parse(text).cram_md5_challenge == challenge


@settings(max_examples=100, deadline=None)
@given(raw=st.binary(max_size=64))
def test_cram_md5_challenge_decodes_any_standard_base64(raw: bytes) -> None:
    encoded = base64.b64encode(raw).decode("ascii")
    assert Response.parse(f"334 {encoded}\n").cram_md5_challenge == raw
    assert Response.parse(f"334 {encoded.rstrip('=')}").cram_md5_challenge == raw


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80))
def test_parse_never_fails_and_readers_are_consistent(text: str) -> None:
    res = Response.parse(text)
    assert res.status == text[:3]
    assert res.status_type_char == text[:1]
    assert not (res.is_success() and res.is_continue())
    assert text.startswith(res.message)
    assert issubclass(res.exception_class, Net.SMTPError)
    assert isinstance(res.capabilities, dict)
