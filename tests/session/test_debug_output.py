"""Debug output targets beyond Ruby's ``<<``: a ``logging.Logger`` (one
record per line at DEBUG), a list, and the opt-in redaction of secrets
(``set_debug_output(io, redact=True)``), against a real aiosmtpd server."""

from __future__ import annotations

import base64
import io
import logging
from collections.abc import Iterator

import pytest

from net_smtp import Net
from tests.support.aiosmtpd import AiosmtpdServer

USERS = {"alice": "s3cret-Pw"}
TOKENS = {"alice": "ya29.bearer-token"}
MESSAGE = "Subject: debug\n\nhello\n"


@pytest.fixture()
def auth_server() -> Iterator[AiosmtpdServer]:
    with AiosmtpdServer(users=USERS, tokens=TOKENS) as server:
        yield server


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _session(server: AiosmtpdServer, target: object, *, redact: bool = False,
             authtype: str = "plain") -> None:
    smtp = Net.SMTP(server.host, server.port)
    smtp.set_debug_output(target, redact=redact)
    secret = TOKENS["alice"] if authtype == "xoauth2" else USERS["alice"]
    smtp.start("client.example", "alice", secret, authtype)
    smtp.send_message(MESSAGE, "alice@example.com", "bob@example.net")
    smtp.finish()


def test_logger_gets_one_debug_record_per_line(auth_server: AiosmtpdServer) -> None:
    text = io.StringIO()
    _session(auth_server, text)
    logger = logging.getLogger("net_smtp.tests.debug")
    handler = _Records()
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        _session(auth_server, logger)
    finally:
        logger.removeHandler(handler)
    lines = [record.getMessage() for record in handler.records]
    assert all(record.levelno == logging.DEBUG for record in handler.records)
    assert all("\n" not in line for line in lines)
    # The same conversation, line for line, as the text written to a stream
    # (the ports differ only in the first line's port, which is the same here).
    assert lines == text.getvalue().splitlines()
    assert lines[0] == f"Connection opened: {auth_server.host}:{auth_server.port}"
    assert 'writing message from String' in lines


def test_a_list_target_gets_the_pieces_ruby_appends(auth_server: AiosmtpdServer) -> None:
    """Ruby appends a command's debug line to an Array in three pieces
    ('<- ', the dump, the newline); what was read and the log lines in one."""
    seen: list[str] = []
    _session(auth_server, seen)
    text = io.StringIO()
    _session(auth_server, text)
    assert "".join(seen) == text.getvalue()
    ehlo = seen.index('"EHLO client.example\\r\\n"')
    assert seen[ehlo - 1:ehlo + 2] == ["<- ", '"EHLO client.example\\r\\n"', "\n"]
    assert seen[0] == f"Connection opened: {auth_server.host}:{auth_server.port}\n"
    assert '-> "221 Bye\\r\\n"\n' in seen


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize("authtype, secrets", [
    ("plain", [_b64("\0alice\0s3cret-Pw")]),
    ("login", [_b64("alice"), _b64("s3cret-Pw")]),
    ("cram_md5", []),  # the digest is derived from the secret; checked below
    ("xoauth2", [_b64("user=alice\x01auth=Bearer ya29.bearer-token\x01\x01")]),
])
def test_redaction_hides_every_credential(auth_server: AiosmtpdServer, authtype: str,
                                          secrets: list[str]) -> None:
    shown = io.StringIO()
    _session(auth_server, shown, authtype=authtype)
    hidden = io.StringIO()
    _session(auth_server, hidden, redact=True, authtype=authtype)
    clear, redacted = shown.getvalue(), hidden.getvalue()
    for secret in secrets:
        assert secret in clear, "the unredacted text shows the credential (control)"
        assert secret not in redacted
    assert "<redacted>" in redacted
    auth_lines = [line for line in clear.splitlines() if line.startswith('<- "AUTH')]
    assert len(auth_lines) == 1
    mechanism = auth_lines[0].split(" ")[2].rstrip('\\r\\n"')
    assert f'<- "AUTH {mechanism}' in redacted, "the mechanism stays visible"
    # Every line the client sent that is not a credential is left alone, and
    # what the server said is shown in full, 334 challenges included (a
    # CRAM-MD5 challenge is new each session, so it may differ).
    clear_lines, redacted_lines = clear.splitlines(), redacted.splitlines()
    assert len(clear_lines) == len(redacted_lines)
    for i, (before, after) in enumerate(zip(clear_lines, redacted_lines)):
        if after == before:
            continue
        if before.startswith('-> "334') and authtype == "cram_md5":
            assert after.startswith('-> "334')
            continue
        assert after.startswith('<- "') and "<redacted>" in after, after
        assert before.startswith('<- "AUTH') or clear_lines[i - 1].startswith('-> "334')
    answers = [after for i, after in enumerate(redacted_lines)
               if i and redacted_lines[i - 1].startswith('-> "334')]
    assert answers and all(line == '<- "<redacted>\\r\\n"' for line in answers) \
        or authtype in ("plain", "xoauth2")


def test_redaction_is_off_unless_asked(auth_server: AiosmtpdServer) -> None:
    via_setter = io.StringIO()
    smtp = Net.SMTP(auth_server.host, auth_server.port)
    smtp.set_debug_output(via_setter, redact=True)
    smtp.debug_output = via_setter  # plain assignment: Ruby's text, nothing hidden
    smtp.start("client.example", "alice", USERS["alice"], "plain")
    smtp.finish()
    assert _b64("\0alice\0s3cret-Pw") in via_setter.getvalue()
    assert "<redacted>" not in via_setter.getvalue()


def test_debug_output_set_after_start_applies_to_the_next_connection(
        auth_server: AiosmtpdServer) -> None:
    late = io.StringIO()
    smtp = Net.SMTP(auth_server.host, auth_server.port)
    smtp.start()
    smtp.debug_output = late  # as in Ruby: the open connection keeps its output
    smtp.rset()
    smtp.finish()
    assert late.getvalue() == ""
    smtp.start()
    smtp.rset()
    smtp.finish()
    assert '<- "RSET\\r\\n"' in late.getvalue()
