"""Scenarios where the port deliberately differs from Ruby (SPEC.md and the
port's documented choices).  They are kept out of ``SCENARIOS`` and of
``recorded/``: ``record.py --deviations`` runs their Ruby side and prints
what Ruby did, so the difference stays documented and reproducible.

Each has a ``rule`` naming the documented deviation it falls under.
"""

from __future__ import annotations

from typing import Any

from ._common import scenario

FAILED_START = "a failed start leaves the object clean (SPEC.md section 4)"
NONE_ADDRESS = "None as an address raises (SPEC.md section 4)"
MESSAGE_TYPES = "the port validates message types before sending anything"
BLOCK_DROPS = ("an exception inside a message block drops the connection and leaves the "
               "session not started")
WITH_STREAM = ("open_message_stream without block= returns a MessageStream for 'with' "
               "(SPEC.md sections 2 and 3)")


def deviation(name: str, about: str, tags: list[str], ruby: str, python: str, rule: str,
              profile: dict[str, Any] | None = None) -> dict[str, Any]:
    """A scenario plus the documented deviation it shows."""
    return dict(scenario(name, about, tags, ruby, python, profile), rule=rule)


DEVIATIONS: list[dict[str, Any]] = [
    deviation(
        "dev_restart_after_failed_start_eof",
        "start fails with EOF before the greeting; the next start on the same object",
        ["plain", "session", "eof", "critical"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        r = []
        begin
          smtp.start
        rescue EOFError => e
          r << e
        end
        smtp.start
        r += [smtp.started?, smtp.capabilities,
              smtp.send_message("lost?\n", 'from@example.com', 'to@example.com'), smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        r = []
        try:
            smtp.start()
        except EOFError as e:
            r.append(e)
        smtp.start()
        r += [smtp.is_started(), smtp.capabilities,
              smtp.send_message('lost?\n', 'from@example.com', 'to@example.com'), smtp.finish()]
        return r
        ''',
        FAILED_START,
        {"per_connection": [{"greeting": {"close": True}}, {}]},
    ),
    deviation(
        "dev_restart_after_timeout_on_ehlo",
        "start fails with Net::ReadTimeout on EHLO; the next start on the same object",
        ["plain", "session", "timeout", "critical"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.read_timeout = 0.5
        r = []
        begin
          smtp.start
        rescue Net::ReadTimeout => e
          r << e
        end
        smtp.start
        r += [smtp.started?, smtp.rset, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.read_timeout = 0.5
        r = []
        try:
            smtp.start()
        except Net.ReadTimeout as e:
            r.append(e)
        smtp.start()
        r += [smtp.is_started(), smtp.rset(), smtp.finish()]
        return r
        ''',
        FAILED_START,
        {"per_connection": [{"replies": {"EHLO": {"delay": 1.5, "lines": ["250 late"]}}}, {}]},
    ),
    deviation(
        "dev_poisoned_before_start",
        "rset on a never-started object poisons it (NoMethodError inside 'critical'); the "
        "next start then reads no greeting and sends nothing",
        ["plain", "session", "critical"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        begin
          smtp.rset
        rescue NoMethodError
        end
        smtp.start
        [smtp.started?, smtp.capabilities,
         smtp.send_message("lost?\n", 'from@example.com', 'to@example.com'), smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        try:
            smtp.rset()
        except AttributeError:
            pass
        smtp.start()
        return [smtp.is_started(), smtp.capabilities,
                smtp.send_message('lost?\n', 'from@example.com', 'to@example.com'),
                smtp.finish()]
        ''',
        FAILED_START,
    ),
    deviation(
        "dev_nil_addresses",
        "rcptto(nil) and Address.new(nil): Ruby sends 'RCPT TO:<>' and builds the Address",
        ["plain", "address"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.mailfrom('from@example.com')
          [smtp.rcptto(nil), Net::SMTP::Address.new(nil, 'X=1')]
        end
        ''',
        r'''
        def body(smtp):
            smtp.mailfrom('from@example.com')
            return [smtp.rcptto(None), Net.SMTP.Address(None, 'X=1')]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        NONE_ADDRESS,
    ),
    deviation(
        "dev_message_of_wrong_type",
        "send_message(12345) and send_message(nil): Ruby sends MAIL, RCPT (and DATA) first",
        ["plain", "message", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          r = []
          begin
            smtp.send_message(nil, 'from@example.com', 'to@example.com')
          rescue ArgumentError => e
            r << e
          end
          begin
            smtp.send_message(12345, 'from@example.com', 'to@example.com')
          rescue NoMethodError => e
            r << e.class.name
          end
          r << smtp.rset
        end
        ''',
        r'''
        def body(smtp):
            r = []
            try:
                smtp.send_message(None, 'from@example.com', 'to@example.com')
            except Net.ArgumentError as e:
                r.append(e)
            try:
                smtp.send_message(12345, 'from@example.com', 'to@example.com')
            except (AttributeError, TypeError) as e:
                r.append(type(e).__name__)
            r.append(smtp.rset())
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        MESSAGE_TYPES,
    ),
    deviation(
        "dev_stream_raises_outside_start_block",
        "an open_message_stream block raises on a session started without a block: Ruby "
        "keeps it started (poisoned), so rset is the dummy reply and finish skips QUIT",
        ["plain", "stream", "critical"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        r = []
        begin
          smtp.open_message_stream('from@example.com', 'to@example.com') do |f|
            f.puts 'Subject: x'
            raise 'stop'
          end
        rescue RuntimeError => e
          r << e
        end
        r += [smtp.started?, smtp.rset, smtp.finish, smtp.started?]
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = []
        def fill(f):
            f.puts('Subject: x')
            raise RuntimeError('stop')
        try:
            smtp.open_message_stream('from@example.com', 'to@example.com', block=fill)
        except RuntimeError as e:
            r.append(e)
        r += [smtp.is_started(), smtp.rset(), smtp.finish(), smtp.is_started()]
        return r
        ''',
        BLOCK_DROPS,
    ),
    deviation(
        "dev_open_message_stream_without_block",
        "open_message_stream without a block: Ruby sends MAIL and RCPT, then data() raises "
        "ArgumentError 'message or block is required'",
        ["plain", "stream"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.open_message_stream('from@example.com', 'to@example.com')
        end
        ''',
        r'''
        def body(smtp):
            return smtp.open_message_stream('from@example.com', 'to@example.com')
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        WITH_STREAM,
    ),
]
