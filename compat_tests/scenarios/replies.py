"""Server replies: every reply-code class for each command, multi-line error
replies, odd line endings, 8-bit bytes, short lines, and greeting variants."""

from __future__ import annotations

from typing import Any

from ._common import scenario

SCENARIOS: list[dict[str, Any]] = [
    scenario(
        "reply_classes_mail",
        "MAIL answered 251, 354, 421, 501, 530, 553, 199 and 700 in turn: 2xx succeeds, 3xx and "
        "1xx/7xx SMTPUnknownError, 4xx SMTPServerBusy, 50x SMTPSyntaxError, 53x "
        "SMTPAuthenticationError, other 5xx SMTPFatalError; none poisons the session",
        ["plain", "error", "commands"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          8.times.map do
            begin
              smtp.mailfrom('from@example.com')
            rescue Net::SMTPError => e
              e
            end
          end
        end
        ''',
        r'''
        def body(smtp):
            r = []
            for _ in range(8):
                try:
                    r.append(smtp.mailfrom('from@example.com'))
                except Net.SMTPError as e:
                    r.append(e)
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"MAIL": {"seq": [
            "251 2.1.0 Ok, forwarded", "354 odd continue", "421 4.3.2 shutting down",
            "501 5.1.7 Bad sender address syntax",
            "530 5.7.0 Must issue a STARTTLS command first",
            "553 5.1.8 Sender domain does not exist", "199 preliminary", "700 beyond"]}}},
    ),
    scenario(
        "reply_classes_rcpt",
        "RCPT answered 251, 252, 354, 450, 452, 503, 535, 551 and 000 in turn (rcptto called "
        "directly); each error carries its reply",
        ["plain", "error", "commands"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.mailfrom('from@example.com')
          9.times.map do |i|
            begin
              smtp.rcptto("to#{i}@example.com")
            rescue Net::SMTPError => e
              [e, e.response.status]
            end
          end
        end
        ''',
        r'''
        def body(smtp):
            smtp.mailfrom('from@example.com')
            r = []
            for i in range(9):
                try:
                    r.append(smtp.rcptto(f'to{i}@example.com'))
                except Net.SMTPError as e:
                    r.append([e, e.response.status])
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"RCPT": {"seq": [
            "251 2.1.5 User not local; will forward", "252 2.1.5 Cannot verify user",
            "354 what", "450 4.2.0 Mailbox busy", "452 4.5.3 Too many recipients",
            "503 5.5.1 Error: need MAIL command", "535 5.7.8 odd auth reply",
            "551 5.1.6 User has moved", "000 zero"]}}},
    ),
    scenario(
        "reply_classes_rset",
        "RSET answered 220, 300, 421, 500, 532, 521 and 900 in turn; 2xx other than 250 is "
        "success",
        ["plain", "error", "commands"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          7.times.map do
            begin
              smtp.rset
            rescue Net::SMTPError => e
              e
            end
          end
        end
        ''',
        r'''
        def body(smtp):
            r = []
            for _ in range(7):
                try:
                    r.append(smtp.rset())
                except Net.SMTPError as e:
                    r.append(e)
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"RSET": {"seq": [
            "220 odd but 2xx", "300 odd", "421 4.3.0 busy", "500 5.5.2 unrecognized",
            "532 5.7.0 odd", "521 5.3.2 does not accept mail", "900 what"]}}},
    ),
    scenario(
        "reply_classes_data_end",
        "end of data answered 251, 354, 451, 503, 535, 554 and 100 on seven send_message calls: "
        "errors raised after the message, outside 'critical', so every next message is sent",
        ["plain", "error", "message"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          (1..7).map do |i|
            begin
              smtp.send_message("message #{i}\n", 'from@example.com', 'to@example.com')
            rescue Net::SMTPError => e
              e
            end
          end
        end
        ''',
        r'''
        def body(smtp):
            r = []
            for i in range(1, 8):
                try:
                    r.append(smtp.send_message(f'message {i}\n', 'from@example.com',
                                               'to@example.com'))
                except Net.SMTPError as e:
                    r.append(e)
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"DATA_END": {"seq": [
            "251 2.0.0 queued elsewhere", "354 again?", "451 4.3.0 Local error in processing",
            "503 5.5.1 bad sequence", "535 5.7.8 odd", "554 5.6.0 Message rejected",
            "100 early"]}}},
    ),
    scenario(
        "data_reply_421",
        "DATA answered 421: SMTPUnknownError 'could not get 3xx (421: ...)' carrying the "
        "reply; the session is poisoned, rset gives the dummy reply, no QUIT",
        ["plain", "error", "critical"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          r = []
          begin
            smtp.send_message("x\n", 'from@example.com', 'to@example.com')
          rescue Net::SMTPUnknownError => e
            r += [e, e.response]
          end
          r += [smtp.rset, smtp.started?]
        end
        ''',
        r'''
        def body(smtp):
            r = []
            try:
                smtp.send_message('x\n', 'from@example.com', 'to@example.com')
            except Net.SMTPUnknownError as e:
                r += [e, e.response]
            r += [smtp.rset(), smtp.is_started()]
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"DATA": "421 4.4.2 smtp.example.com Error: timeout exceeded"}},
    ),
    scenario(
        "data_reply_554_multiline",
        "DATA (called directly) answered by a two-line 554: the 3xx error message quotes the "
        "whole reply text, both lines",
        ["plain", "error", "critical"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        smtp.mailfrom('from@example.com')
        smtp.rcptto('to@example.com')
        r = []
        begin
          smtp.data("x\n")
        rescue Net::SMTPUnknownError => e
          r += [e.message, e.response.message, e.response.string]
        end
        r << smtp.finish
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        smtp.mailfrom('from@example.com')
        smtp.rcptto('to@example.com')
        r = []
        try:
            smtp.data('x\n')
        except Net.SMTPUnknownError as e:
            r += [e.message, e.response.message, e.response.string]
        r.append(smtp.finish())
        return r
        ''',
        {"replies": {"DATA": ["554-5.7.1 no valid recipients", "554 5.7.1 really none"]}},
    ),
    scenario(
        "data_reply_other_3xx",
        "DATA answered 334 instead of 354: any 3xx lets the message go",
        ["plain", "message"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.send_message("Subject: 3xx\n\nbody\n", 'from@example.com', 'to@example.com')
        end
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port,
                              block=lambda smtp: smtp.send_message('Subject: 3xx\n\nbody\n',
                                                                   'from@example.com',
                                                                   'to@example.com'))
        ''',
        {"replies": {"DATA": "334 go ahead anyway"}},
    ),
    scenario(
        "multiline_error_message_first_line",
        "a three-line 550 to RCPT: the error's message is the first line only, the response "
        "keeps all three",
        ["plain", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          begin
            smtp.send_message("x\n", 'from@example.com', 'nobody@example.com')
          rescue Net::SMTPFatalError => e
            [e, e.message, e.response.message, e.response.string, e.response.capabilities]
          end
        end
        ''',
        r'''
        def body(smtp):
            try:
                smtp.send_message('x\n', 'from@example.com', 'nobody@example.com')
            except Net.SMTPFatalError as e:
                return [e, e.message, e.response.message, e.response.string,
                        e.response.capabilities]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"RCPT": [
            "550-5.1.1 The email account that you tried to reach does not exist.",
            "550-5.1.1 Please try double-checking the recipient's email address",
            "550 5.1.1 https://support.example.com/mail/?p=NoSuchUser"]}},
    ),
    scenario(
        "reply_lf_only_lines",
        "server ends its reply lines with LF only (multi-line EHLO, RSET): parsed the same, "
        "debug shows the bare \\n",
        ["plain", "debug", "helo"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        r = [smtp.capabilities, smtp.rset, smtp.get_response('NOOP')]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = [smtp.capabilities, smtp.rset(), smtp.get_response('NOOP')]
        smtp.finish()
        return r
        ''',
        {"replies": {"EHLO": {"raw": "250-smtp.example.com\n250-PIPELINING\n250 SIZE 100\n"},
                     "RSET": {"raw": "250 2.0.0 lf only\n"}}},
    ),
    scenario(
        "reply_odd_line_endings",
        "replies with a CR inside a line, CR CR LF, a mixed LF/CRLF multi-line reply, a tab: "
        "get_response keeps what readline leaves (chop of LF or CRLF); debug on",
        ["plain", "debug", "commands"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        r = 4.times.map { smtp.get_response('NOOP') }
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = [smtp.get_response('NOOP') for _ in range(4)]
        smtp.finish()
        return r
        ''',
        {"replies": {"NOOP": {"seq": [
            {"raw": "250 a\rb\r\n"}, {"raw": "250 trailing cr\r\r\n"},
            {"raw": "250-first lf\n250-second crlf\r\n250 third\n"},
            {"raw": "250\tTab\r\n"}]}}},
    ),
    scenario(
        "reply_8bit_bytes",
        "replies with 8-bit bytes: latin-1 0xE9 (not UTF-8) and UTF-8 text; debug shows \\xHH "
        "escapes, results and error messages carry the text",
        ["plain", "debug", "error"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        r = [smtp.get_response('NOOP')]
        begin
          smtp.mailfrom('from@example.com')
        rescue Net::SMTPFatalError => e
          r += [e, e.message]
        end
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = [smtp.get_response('NOOP')]
        try:
            smtp.mailfrom('from@example.com')
        except Net.SMTPFatalError as e:
            r += [e, e.message]
        smtp.finish()
        return r
        ''',
        {"greeting": {"raw": "220 smtp.example.com caf\u00e9 ESMTP\r\n"},
         "replies": {"NOOP": {"raw": "250 2.0.0 d\u00e9j\u00e0 vu\r\n"},
                     "MAIL": "550 5.1.0 <j\u00f6rg@example.com> \u2713 rejected"}},
    ),
    scenario(
        "reply_short_and_blank_lines",
        "replies shorter than a status: '2' (status '2\\n', a success), '' (SMTPUnknownError "
        "with message '\\n'), '25', '250' and '250ok' through get_response",
        ["plain", "error", "commands"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          r = [smtp.rset]
          begin
            smtp.rset
          rescue Net::SMTPUnknownError => e
            r += [e, e.message]
          end
          r + 3.times.map { smtp.get_response('NOOP') }
        end
        ''',
        r'''
        def body(smtp):
            r = [smtp.rset()]
            try:
                smtp.rset()
            except Net.SMTPUnknownError as e:
                r += [e, e.message]
            return r + [smtp.get_response('NOOP') for _ in range(3)]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"RSET": {"seq": [{"raw": "2\r\n"}, {"raw": "\r\n"}]},
                     "NOOP": {"seq": [{"raw": "25\r\n"}, {"raw": "250\r\n"},
                                      {"raw": "250ok\r\n"}]}}},
    ),
    scenario(
        "reply_status_from_first_line",
        "multi-line replies whose lines disagree: the status is the first line's ('250-' then "
        "'554' succeeds; '554-' then '250' raises SMTPFatalError)",
        ["plain", "error", "commands"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          r = [smtp.rset]
          begin
            smtp.rset
          rescue Net::SMTPFatalError => e
            r << e
          end
          r
        end
        ''',
        r'''
        def body(smtp):
            r = [smtp.rset()]
            try:
                smtp.rset()
            except Net.SMTPFatalError as e:
                r.append(e)
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"RSET": {"seq": [["250-ok so far", "554 but the last line says no"],
                                      ["554-no", "250 yes"]]}}},
    ),
    scenario(
        "reply_stray_blank_line",
        "a reply followed by a stray CRLF: the next command reads the blank line as its reply "
        "(SMTPUnknownError, message '\\n'), and the one after reads its own reply late",
        ["plain", "error", "commands"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          r = [smtp.rset]
          begin
            smtp.rset
          rescue Net::SMTPUnknownError => e
            r << e
          end
          r << smtp.get_response('NOOP')
        end
        ''',
        r'''
        def body(smtp):
            r = [smtp.rset()]
            try:
                smtp.rset()
            except Net.SMTPUnknownError as e:
                r.append(e)
            r.append(smtp.get_response('NOOP'))
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"RSET": {"seq": [{"raw": "250 2.0.0 Ok\r\n\r\n"}, "250 2.0.0 second"]}}},
    ),
    scenario(
        "greeting_421",
        "greeting 421: SMTPServerBusy from start, nothing sent, not started",
        ["plain", "helo", "error"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        begin
          smtp.start
        rescue Net::SMTPServerBusy => e
          [e, smtp.started?, smtp.inspect, smtp.capabilities]
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        try:
            smtp.start()
        except Net.SMTPServerBusy as e:
            return [e, smtp.is_started(), smtp.inspect(), smtp.capabilities]
        ''',
        {"greeting": "421 4.3.2 Service not available, closing transmission channel"},
    ),
    scenario(
        "greeting_multiline_554",
        "two-line 554 greeting: SMTPFatalError whose message is the first line",
        ["plain", "helo", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) { |smtp| smtp.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, block=lambda smtp: smtp.rset())
        ''',
        {"greeting": ["554-5.7.1 smtp.example.com no SMTP service here",
                      "554 5.7.1 your address is listed"]},
    ),
    scenario(
        "greeting_eof",
        "server hangs up before any greeting: EOFError from start; debug shows only the "
        "connection line",
        ["plain", "helo", "eof", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        begin
          smtp.start
        rescue EOFError => e
          [e, smtp.started?]
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        try:
            smtp.start()
        except EOFError as e:
            return [e, smtp.is_started()]
        ''',
        {"greeting": {"close": True}},
    ),
    scenario(
        "greeting_timeout",
        "greeting delayed past read_timeout (0.5 s): Net::ReadTimeout from start, nothing sent",
        ["plain", "helo", "timeout"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.read_timeout = 0.5
        begin
          smtp.start
        rescue Net::ReadTimeout => e
          [e, smtp.started?]
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.read_timeout = 0.5
        try:
            smtp.start()
        except Net.ReadTimeout as e:
            return [e, smtp.is_started()]
        ''',
        {"greeting": {"delay": 1.5, "lines": ["220 smtp.example.com late"]}},
    ),
    scenario(
        "greeting_odd_codes_restart",
        "greeting 354 (SMTPUnknownError), then 120 (SMTPUnknownError), then a 250 greeting with "
        "LF only: the same object starts again after each refused greeting",
        ["plain", "helo", "error", "session"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        r = []
        2.times do
          begin
            smtp.start
          rescue Net::SMTPUnknownError => e
            r += [e, smtp.started?]
          end
        end
        smtp.start
        r += [smtp.started?, smtp.rset, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        r = []
        for _ in range(2):
            try:
                smtp.start()
            except Net.SMTPUnknownError as e:
                r += [e, smtp.is_started()]
        smtp.start()
        r += [smtp.is_started(), smtp.rset(), smtp.finish()]
        return r
        ''',
        {"per_connection": [{"greeting": "354 what is this"},
                            {"greeting": "120 wait a moment"},
                            {"greeting": {"raw": "250 smtp.example.com lf only\n"}}]},
    ),

    scenario(
        "reply_long_line",
        "a 3000-character RSET reply line and a 40-line EHLO reply: read whole",
        ["plain", "commands", "helo"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          res = smtp.rset
          [res.string.size, res.message.size, smtp.capabilities.size, smtp.capable?('X-39')]
        end
        ''',
        r'''
        def body(smtp):
            res = smtp.rset()
            return [len(res.string), len(res.message), len(smtp.capabilities),
                    smtp.is_capable('X-39')]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"capabilities": [f"X-{i} value{i}" for i in range(40)],
         "replies": {"RSET": "250 " + "long " * 599 + "end"}},
    ),
    scenario(
        "response_parse_direct",
        "Response.parse/new used directly: CRLF multi-line capabilities with double spaces, "
        "cram_md5_challenge, message without a newline, status_type_char, exception_class",
        ["plain", "commands"],
        r'''
        resp = Net::SMTP::Response
        a = resp.parse("250-smtp.example.com\r\n250-SIZE  1 2\r\n250 X\r\n")
        b = resp.parse("334 PDEyMzQ+\n")
        c = resp.parse('250 no newline')
        d = resp.new('421', "421 busy\n")
        [a.status, a.capabilities, a.message, b.cram_md5_challenge, b.continue?, b.success?,
         c.message, c.capabilities, d.status, d.string, d.status_type_char,
         d.exception_class == Net::SMTPServerBusy,
         resp.parse("530 5.7.0 x\n").exception_class == Net::SMTPAuthenticationError,
         resp.parse("503 x\n").exception_class == Net::SMTPSyntaxError,
         resp.parse("552 x\n").exception_class == Net::SMTPFatalError,
         resp.parse("250 x\n").exception_class == Net::SMTPUnknownError]
        ''',
        r'''
        resp = Net.SMTP.Response
        a = resp.parse('250-smtp.example.com\r\n250-SIZE  1 2\r\n250 X\r\n')
        b = resp.parse('334 PDEyMzQ+\n')
        c = resp.parse('250 no newline')
        d = resp('421', '421 busy\n')
        return [a.status, a.capabilities, a.message, b.cram_md5_challenge, b.is_continue(),
                b.is_success(), c.message, c.capabilities, d.status, d.string,
                d.status_type_char, d.exception_class == Net.SMTPServerBusy,
                resp.parse('530 5.7.0 x\n').exception_class == Net.SMTPAuthenticationError,
                resp.parse('503 x\n').exception_class == Net.SMTPSyntaxError,
                resp.parse('552 x\n').exception_class == Net.SMTPFatalError,
                resp.parse('250 x\n').exception_class == Net.SMTPUnknownError]
        ''',
    ),
    scenario(
        "response_parse_empty",
        "Response.parse('') (no reply text at all): status '', not a success, and message "
        "is nil in Ruby (''.lines.first)",
        ["plain", "commands"],
        r'''
        res = Net::SMTP::Response.parse('')
        [res.status, res.success?, res.status_type_char, res.message, res.capabilities]
        ''',
        r'''
        res = Net.SMTP.Response.parse('')
        return [res.status, res.is_success(), res.status_type_char, res.message,
                res.capabilities]
        ''',
    ),

    scenario(
        "reply_control_bytes_debug",
        "a reply holding NUL, ESC, DEL, BEL and a tab: get_response returns them, debug dumps "
        "them as \\x00 \\e \\x7F \\a \\t",
        ["plain", "debug", "commands"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        r = smtp.get_response('NOOP')
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = smtp.get_response('NOOP')
        smtp.finish()
        return r
        ''',
        {"replies": {"NOOP": {"raw": "250 a\u0000b\u001bc\u007fd\u0007e\tf \"q\" \\ #{x}\r\n"}}},
    ),
]
