"""The session's life: HELO fallback, capabilities, start/finish/quit in every
order, Ruby's critical rule after end of file or a timeout on each command,
read_timeout changes, debug_output timing, direct commands."""

from __future__ import annotations

from typing import Any

from ._common import code, scenario

CRITICAL_FOLLOW_UPS_RUBY = r'''r << smtp.rcptto('to@example.com')
r << smtp.data("x\n")
r << smtp.ehlo('again.example')
r << smtp.helo('again.example')
r << smtp.starttls
r << smtp.quit
r << smtp.send_message("y\n", 'from@example.com', 'to@example.com')
r << smtp.open_message_stream('from@example.com', 'to@example.com') { |f| f.puts 'never' }
r += [smtp.started?, smtp.finish, smtp.started?]
'''

SCENARIOS: list[dict[str, Any]] = [
    # ------------------------------------------------------------ HELO / EHLO
    scenario(
        "ehlo_4xx_fallback_helo",
        "EHLO answered 421: SMTPServerBusy is an SMTPError too, so esmtp turns false and HELO "
        "is retried (debug on)",
        ["plain", "helo", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start('fallback.example')
        r = [smtp.esmtp?, smtp.esmtp, smtp.capabilities]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start('fallback.example')
        r = [smtp.is_esmtp(), smtp.esmtp, smtp.capabilities]
        smtp.finish()
        return r
        ''',
        {"replies": {"EHLO": "421 4.7.0 Try again later"}},
    ),
    scenario(
        "ehlo_odd_codes_fallback",
        "EHLO answered 354 on one connection and 199 on the next (SMTPUnknownError): HELO "
        "each time; the user turns esmtp back on in between",
        ["plain", "helo", "session"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        r = []
        2.times do
          smtp.esmtp = true
          smtp.start
          r += [smtp.esmtp?, smtp.finish]
        end
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        r = []
        for _ in range(2):
            smtp.esmtp = True
            smtp.start()
            r += [smtp.is_esmtp(), smtp.finish()]
        return r
        ''',
        {"per_connection": [{"replies": {"EHLO": "354 go on?"}},
                            {"replies": {"EHLO": "199 early"}}]},
    ),
    scenario(
        "esmtp_false_helo_multiline",
        "esmtp = false set by the user: HELO only; a multi-line HELO reply still fills "
        "capabilities",
        ["plain", "helo"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.esmtp = false
        smtp.start('client.example')
        r = [smtp.esmtp?, smtp.capabilities, smtp.capable?('SIZE'), smtp.capable_auth_types]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.esmtp = False
        smtp.start('client.example')
        r = [smtp.is_esmtp(), smtp.capabilities, smtp.is_capable('SIZE'),
             smtp.capable_auth_types()]
        smtp.finish()
        return r
        ''',
        {"replies": {"HELO": ["250-smtp.example.com", "250-SIZE 100", "250 AUTH LOGIN"]}},
    ),
    scenario(
        "helo_4xx_no_retry",
        "esmtp = false and HELO answered 421: SMTPServerBusy from start, no EHLO retry, no QUIT",
        ["plain", "helo", "error"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.esmtp = false
        begin
          smtp.start
        rescue Net::SMTPServerBusy => e
          [e, smtp.esmtp, smtp.started?]
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.esmtp = False
        try:
            smtp.start()
        except Net.SMTPServerBusy as e:
            return [e, smtp.esmtp, smtp.is_started()]
        ''',
        {"replies": {"HELO": "421 4.3.2 not now"}},
    ),
    scenario(
        "esmtp_sticky_across_starts",
        "after a HELO fallback esmtp stays false: the next start says HELO at once; setting "
        "esmtp = true brings EHLO back",
        ["plain", "helo", "session"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        r = []
        smtp.start('one.example')
        r += [smtp.esmtp?, smtp.capabilities]
        smtp.finish
        smtp.start('two.example')
        r += [smtp.esmtp?, smtp.capabilities]
        smtp.finish
        smtp.esmtp = true
        smtp.start('three.example')
        r += [smtp.esmtp?, smtp.capable?('PIPELINING')]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        r = []
        smtp.start('one.example')
        r += [smtp.is_esmtp(), smtp.capabilities]
        smtp.finish()
        smtp.start('two.example')
        r += [smtp.is_esmtp(), smtp.capabilities]
        smtp.finish()
        smtp.esmtp = True
        smtp.start('three.example')
        r += [smtp.is_esmtp(), smtp.is_capable('PIPELINING')]
        smtp.finish()
        return r
        ''',
        {"per_connection": [{"replies": {"EHLO": "502 5.5.2 Error: command not recognized"}},
                            {}, {}]},
    ),
    scenario(
        "ehlo_helo_fail_then_restart",
        "EHLO 500 and HELO 501 make start fail (no poison: error replies), esmtp is left false; "
        "the next start on the same object goes straight to HELO and works",
        ["plain", "helo", "error", "session"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        r = []
        begin
          smtp.start
        rescue Net::SMTPSyntaxError => e
          r += [e, smtp.esmtp?, smtp.started?]
        end
        smtp.start
        r += [smtp.started?, smtp.rset, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        r = []
        try:
            smtp.start()
        except Net.SMTPSyntaxError as e:
            r += [e, smtp.is_esmtp(), smtp.is_started()]
        smtp.start()
        r += [smtp.is_started(), smtp.rset(), smtp.finish()]
        return r
        ''',
        {"per_connection": [{"replies": {"EHLO": "500 5.5.2 unrecognized",
                                         "HELO": "501 5.5.4 Syntax: HELO hostname"}}, {}]},
    ),
    scenario(
        "ehlo_single_line",
        "a one-line EHLO reply: capabilities {} and every capability check false",
        ["plain", "helo"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.esmtp?, smtp.capabilities, smtp.capable?('PIPELINING'),
           smtp.auth_capable?('PLAIN'), smtp.capable_auth_types, smtp.capable_starttls?]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.is_esmtp(), smtp.capabilities, smtp.is_capable('PIPELINING'),
                    smtp.is_auth_capable('PLAIN'), smtp.capable_auth_types(),
                    smtp.is_capable_starttls()]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"EHLO": "250 smtp.example.com at your service"}},
    ),
    scenario(
        "capabilities_edge_cases",
        "EHLO keywords in lower case, a tab-separated SIZE, a non-ASCII keyword and a lower-case "
        "'starttls' (so :auto does not start TLS): lookups are exact",
        ["plain", "helo"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.capabilities, smtp.capable_auth_types, smtp.auth_capable?('PLAIN'),
           smtp.capable?('auth'), smtp.capable?('starttls'), smtp.capable_starttls?,
           smtp.capable?('SIZE'), smtp.tls?]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.capabilities, smtp.capable_auth_types(), smtp.is_auth_capable('PLAIN'),
                    smtp.is_capable('auth'), smtp.is_capable('starttls'),
                    smtp.is_capable_starttls(), smtp.is_capable('SIZE'), smtp.is_tls()]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"capabilities": ["auth plain login", "SIZE\t52428800", "X-\u00dcML yes",
                          "starttls"]},
    ),
    scenario(
        "capabilities_blank_keyword_line",
        "an EHLO reply with an empty '250-' line and a bare '250-PIPELINING': Ruby keys the "
        "empty line's (missing) keyword as nil",
        ["plain", "helo"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.capabilities.keys, smtp.capabilities.size, smtp.capable?('SIZE')]
        end
        ''',
        r'''
        def body(smtp):
            return [list(smtp.capabilities), len(smtp.capabilities), smtp.is_capable('SIZE')]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"EHLO": ["250-smtp.example.com", "250-", "250-PIPELINING",
                              "250 SIZE 10"]}},
    ),
    # --------------------------------------------------------- start / finish
    scenario(
        "finish_twice",
        "finish returns QUIT's reply; a second finish raises IOError 'not yet started'",
        ["plain", "session", "error"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        r = [smtp.finish, smtp.started?]
        begin
          smtp.finish
        rescue IOError => e
          r << e
        end
        r
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = [smtp.finish(), smtp.is_started()]
        try:
            smtp.finish()
        except OSError as e:
            r.append(e)
        return r
        ''',
    ),
    scenario(
        "quit_then_rset_eof",
        "quit, then rset: the server has hung up, EOFError (inside 'critical'); then rset and "
        "quit give the dummy reply, finish skips QUIT and returns nil",
        ["plain", "session", "critical", "eof"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        r = [smtp.quit, smtp.started?]
        begin
          smtp.rset
        rescue EOFError => e
          r << e
        end
        r += [smtp.rset, smtp.quit, smtp.started?, smtp.finish, smtp.started?]
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = [smtp.quit(), smtp.is_started()]
        try:
            smtp.rset()
        except EOFError as e:
            r.append(e)
        r += [smtp.rset(), smtp.quit(), smtp.is_started(), smtp.finish(), smtp.is_started()]
        return r
        ''',
    ),
    scenario(
        "quit_then_commands_server_stays",
        "a server that keeps talking after QUIT: rset after quit works, a second quit too, and "
        "finish sends a third QUIT",
        ["plain", "session", "commands"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        [smtp.quit, smtp.rset, smtp.quit, smtp.finish, smtp.started?]
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        return [smtp.quit(), smtp.rset(), smtp.quit(), smtp.finish(), smtp.is_started()]
        ''',
        {"close_on_quit": False},
    ),
    scenario(
        "state_across_stages",
        "started?, inspect, capabilities at each stage: new (port given as a string), started, "
        "finished (capabilities kept), restarted",
        ["plain", "session"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port.to_s)
        r = [smtp.started?, smtp.inspect, smtp.capabilities, smtp.port]
        smtp.start
        r += [smtp.started?, smtp.inspect, smtp.capable?('SIZE')]
        smtp.finish
        r += [smtp.started?, smtp.inspect, smtp.capable?('SIZE'), smtp.capable_auth_types]
        smtp.start
        r += [smtp.started?, smtp.inspect]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', str(port))
        r = [smtp.is_started(), smtp.inspect(), smtp.capabilities, smtp.port]
        smtp.start()
        r += [smtp.is_started(), smtp.inspect(), smtp.is_capable('SIZE')]
        smtp.finish()
        r += [smtp.is_started(), smtp.inspect(), smtp.is_capable('SIZE'),
              smtp.capable_auth_types()]
        smtp.start()
        r += [smtp.is_started(), smtp.inspect()]
        smtp.finish()
        return r
        ''',
    ),
    scenario(
        "start_block_returns_session",
        "the start block returns the session itself: after the block it is finished "
        "(started=false); instance start without a block returns self",
        ["plain", "session"],
        r'''
        a = Net::SMTP.start('127.0.0.1', port) { |smtp| smtp }
        b = Net::SMTP.new('127.0.0.1', port)
        same = b.start.equal?(b)
        b.finish
        [a, a.started?, same]
        ''',
        r'''
        a = Net.SMTP.start('127.0.0.1', port, block=lambda smtp: smtp)
        b = Net.SMTP('127.0.0.1', port)
        same = b.start() is b
        b.finish()
        return [a, a.is_started(), same]
        ''',
    ),
    scenario(
        "block_raises_then_quit_eof",
        "the server hangs up after answering MAIL, then the start block raises: Ruby's ensure "
        "runs finish, QUIT meets end of file, and that EOFError replaces the block's error",
        ["plain", "session", "eof", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.mailfrom('from@example.com')
          raise 'boom'
        end
        ''',
        r'''
        def body(smtp):
            smtp.mailfrom('from@example.com')
            raise RuntimeError('boom')
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"MAIL": {"lines": ["250 2.1.0 Ok"], "close": True}}},
    ),
    scenario(
        "finish_quit_eof",
        "the server hangs up right after answering RSET: the block's value is lost, QUIT in "
        "finish raises EOFError",
        ["plain", "session", "eof"],
        r'''
        Net::SMTP.start('127.0.0.1', port) { |smtp| smtp.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, block=lambda smtp: smtp.rset())
        ''',
        {"replies": {"RSET": {"lines": ["250 2.0.0 Ok"], "close": True}}},
    ),
    scenario(
        "quit_5xx_on_finish",
        "QUIT answered 554: finish raises SMTPFatalError but the session is closed anyway; "
        "a second finish raises IOError",
        ["plain", "session", "error"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        r = []
        begin
          smtp.finish
        rescue Net::SMTPFatalError => e
          r << e
        end
        r << smtp.started?
        begin
          smtp.finish
        rescue IOError => e
          r << e
        end
        r
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = []
        try:
            smtp.finish()
        except Net.SMTPFatalError as e:
            r.append(e)
        r.append(smtp.is_started())
        try:
            smtp.finish()
        except OSError as e:
            r.append(e)
        return r
        ''',
        {"replies": {"QUIT": "554 5.0.0 not leaving"}},
    ),
    scenario(
        "quit_4xx_in_start_block",
        "QUIT answered 421 when the start block ends: SMTPServerBusy escapes from start",
        ["plain", "session", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) { |smtp| smtp.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, block=lambda smtp: smtp.rset())
        ''',
        {"replies": {"QUIT": "421 4.3.0 closing anyway"}},
    ),
    scenario(
        "start_too_many_args",
        "Net::SMTP.start with 7 arguments and SMTP#start with 5: ArgumentError with Ruby's "
        "counts, no connection",
        ["plain", "session", "error"],
        r'''
        r = []
        begin
          Net::SMTP.start('127.0.0.1', port, 'h', 'u', 's', :plain, 'extra')
        rescue ArgumentError => e
          r << e
        end
        begin
          Net::SMTP.new('127.0.0.1', port).start('h', 'u', 's', :plain, 'extra')
        rescue ArgumentError => e
          r << e
        end
        r
        ''',
        r'''
        r = []
        try:
            Net.SMTP.start('127.0.0.1', port, 'h', 'u', 's', 'plain', 'extra')
        except Net.ArgumentError as e:
            r.append(e)
        try:
            Net.SMTP('127.0.0.1', port).start('h', 'u', 's', 'plain', 'extra')
        except Net.ArgumentError as e:
            r.append(e)
        return r
        ''',
    ),
    scenario(
        "smtp_session_alias",
        "Net::SMTPSession is Net::SMTP: same inspect text, same session",
        ["plain", "session"],
        r'''
        smtp = Net::SMTPSession.new('127.0.0.1', port)
        smtp.start
        [smtp.inspect, smtp.is_a?(Net::SMTP), smtp.finish]
        ''',
        r'''
        smtp = Net.SMTPSession('127.0.0.1', port)
        smtp.start()
        return [smtp.inspect(), isinstance(smtp, Net.SMTP), smtp.finish()]
        ''',
    ),
    # ------------------------------------------------------ direct commands
    scenario(
        "get_response_unchecked",
        "get_response never raises on an error reply: VRFY 252, an unknown verb 502, HELP "
        "multi-line, and an empty command line",
        ["plain", "commands"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.get_response('VRFY postmaster'), smtp.get_response('BOGUS arg'),
           smtp.get_response('HELP'), smtp.get_response('')]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.get_response('VRFY postmaster'), smtp.get_response('BOGUS arg'),
                    smtp.get_response('HELP'), smtp.get_response('')]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "ehlo_helo_direct_calls",
        "helo and ehlo called on a started session: replies returned, the session's "
        "capabilities are not replaced",
        ["plain", "commands", "helo"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          before = smtp.capabilities
          h = smtp.helo('again.example')
          e = smtp.ehlo('again.example')
          [h, h.capabilities, e.capabilities.keys, smtp.capabilities == before]
        end
        ''',
        r'''
        def body(smtp):
            before = smtp.capabilities
            h = smtp.helo('again.example')
            e = smtp.ehlo('again.example')
            return [h, h.capabilities, list(e.capabilities), smtp.capabilities == before]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"EHLO": {"seq": [None, ["250-smtp.example.com", "250 X-SECOND"]]}}},
    ),
    scenario(
        "starttls_command_direct_unsupported",
        "starttls called by hand on a plain session whose server lacks it: 502 -> "
        "SMTPSyntaxError, not critical (RSET and QUIT follow)",
        ["plain", "commands", "starttls", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          r = []
          begin
            smtp.starttls
          rescue Net::SMTPSyntaxError => e
            r << e
          end
          r << smtp.rset
        end
        ''',
        r'''
        def body(smtp):
            r = []
            try:
                smtp.starttls()
            except Net.SMTPSyntaxError as e:
                r.append(e)
            r.append(smtp.rset())
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    # ------------------------------------------------------- critical rule
    scenario(
        "critical_after_eof_on_mail",
        "server hangs up on MAIL: EOFError; afterwards every getok-style command, data, "
        "send_message and open_message_stream (block not run) give the dummy reply; finish "
        "skips QUIT and returns nil",
        ["plain", "critical", "eof"],
        code(r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        r = []
        begin
          smtp.mailfrom('from@example.com')
        rescue EOFError => e
          r << e
        end
        ''') + CRITICAL_FOLLOW_UPS_RUBY,
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = []
        try:
            smtp.mailfrom('from@example.com')
        except EOFError as e:
            r.append(e)
        r.append(smtp.rcptto('to@example.com'))
        r.append(smtp.data('x\n'))
        r.append(smtp.ehlo('again.example'))
        r.append(smtp.helo('again.example'))
        r.append(smtp.starttls())
        r.append(smtp.quit())
        r.append(smtp.send_message('y\n', 'from@example.com', 'to@example.com'))
        r.append(smtp.open_message_stream('from@example.com', 'to@example.com',
                                          block=lambda f: f.puts('never')))
        r += [smtp.is_started(), smtp.finish(), smtp.is_started()]
        return r
        ''',
        {"replies": {"MAIL": {"close": True}}},
    ),
    scenario(
        "critical_after_timeout_on_rset",
        "RSET reply delayed past read_timeout (0.5 s): Net::ReadTimeout poisons the session; "
        "the same follow-up calls give the dummy reply and finish skips QUIT",
        ["plain", "critical", "timeout"],
        code(r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        smtp.read_timeout = 0.5
        r = []
        begin
          smtp.rset
        rescue Net::ReadTimeout => e
          r << e
        end
        ''') + CRITICAL_FOLLOW_UPS_RUBY,
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        smtp.read_timeout = 0.5
        r = []
        try:
            smtp.rset()
        except Net.ReadTimeout as e:
            r.append(e)
        r.append(smtp.rcptto('to@example.com'))
        r.append(smtp.data('x\n'))
        r.append(smtp.ehlo('again.example'))
        r.append(smtp.helo('again.example'))
        r.append(smtp.starttls())
        r.append(smtp.quit())
        r.append(smtp.send_message('y\n', 'from@example.com', 'to@example.com'))
        r.append(smtp.open_message_stream('from@example.com', 'to@example.com',
                                          block=lambda f: f.puts('never')))
        r += [smtp.is_started(), smtp.finish(), smtp.is_started()]
        return r
        ''',
        {"replies": {"RSET": {"delay": 1.5, "lines": ["250 2.0.0 late"]}}},
    ),
    scenario(
        "critical_after_eof_on_data_end",
        "server hangs up after the message (no reply to the end of data): EOFError; rset is "
        "the dummy reply, but get_response still goes to the wire and meets EOF again; finish "
        "nil; debug on",
        ["plain", "critical", "eof", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        r = []
        begin
          smtp.send_message("Subject: eof\n\nbody\n", 'from@example.com', 'to@example.com')
        rescue EOFError => e
          r << e
        end
        r << smtp.rset
        begin
          smtp.get_response('NOOP')
        rescue EOFError => e
          r << e
        end
        r += [smtp.finish, smtp.started?]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = []
        try:
            smtp.send_message('Subject: eof\n\nbody\n', 'from@example.com', 'to@example.com')
        except EOFError as e:
            r.append(e)
        r.append(smtp.rset())
        try:
            smtp.get_response('NOOP')
        except EOFError as e:
            r.append(e)
        r += [smtp.finish(), smtp.is_started()]
        return r
        ''',
        {"replies": {"DATA_END": {"close": True}}},
    ),
    scenario(
        "critical_after_eof_on_data",
        "server hangs up when DATA arrives: EOFError; a later data block is not even called "
        "(dummy reply), mailfrom is the dummy reply, finish nil",
        ["plain", "critical", "eof", "stream"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        r = []
        begin
          smtp.send_message("x\n", 'from@example.com', 'to@example.com')
        rescue EOFError => e
          r << e
        end
        called = false
        r << smtp.data { |f| called = true }
        r += [called, smtp.mailfrom('from@example.com'), smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = []
        try:
            smtp.send_message('x\n', 'from@example.com', 'to@example.com')
        except EOFError as e:
            r.append(e)
        called = []
        r.append(smtp.data(block=lambda f: called.append(True)))
        r += [bool(called), smtp.mailfrom('from@example.com'), smtp.finish()]
        return r
        ''',
        {"replies": {"DATA": {"close": True}}},
    ),
    scenario(
        "critical_after_timeout_on_data",
        "the 354 to DATA delayed past read_timeout (0.5 s): Net::ReadTimeout, the message is "
        "never written; started? stays true, rset is the dummy reply, finish nil",
        ["plain", "critical", "timeout"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.read_timeout = 0.5
        smtp.start
        r = []
        begin
          smtp.send_message("x\n", 'from@example.com', 'to@example.com')
        rescue Net::ReadTimeout => e
          r << e
        end
        r += [smtp.started?, smtp.rset, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.read_timeout = 0.5
        smtp.start()
        r = []
        try:
            smtp.send_message('x\n', 'from@example.com', 'to@example.com')
        except Net.ReadTimeout as e:
            r.append(e)
        r += [smtp.is_started(), smtp.rset(), smtp.finish()]
        return r
        ''',
        {"replies": {"DATA": {"delay": 1.5, "lines": ["354 late"]}}},
    ),
    scenario(
        "timeout_on_quit",
        "QUIT reply delayed past read_timeout (set after start): finish raises "
        "Net::ReadTimeout, the session is closed anyway; finish again -> IOError",
        ["plain", "critical", "timeout", "session"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        smtp.read_timeout = 0.5
        r = []
        begin
          smtp.finish
        rescue Net::ReadTimeout => e
          r << e
        end
        r << smtp.started?
        begin
          smtp.finish
        rescue IOError => e
          r << e
        end
        r
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        smtp.read_timeout = 0.5
        r = []
        try:
            smtp.finish()
        except Net.ReadTimeout as e:
            r.append(e)
        r.append(smtp.is_started())
        try:
            smtp.finish()
        except OSError as e:
            r.append(e)
        return r
        ''',
        {"replies": {"QUIT": {"delay": 1.5, "lines": ["221 2.0.0 late bye"]}}},
    ),
    scenario(
        "get_response_eof_not_critical",
        "EOF while get_response waits (outside 'critical'): not poisoned, so rset still goes "
        "to the wire, meets EOF inside 'critical', and only then finish skips QUIT",
        ["plain", "critical", "eof", "commands"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        r = []
        begin
          smtp.get_response('NOOP')
        rescue EOFError => e
          r << e
        end
        begin
          smtp.rset
        rescue EOFError => e
          r << e
        end
        r += [smtp.rset, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = []
        try:
            smtp.get_response('NOOP')
        except EOFError as e:
            r.append(e)
        try:
            smtp.rset()
        except EOFError as e:
            r.append(e)
        r += [smtp.rset(), smtp.finish()]
        return r
        ''',
        {"replies": {"NOOP": {"close": True}}},
    ),
    scenario(
        "authenticate_eof_not_critical",
        "authenticate on a started session meets EOF (AUTH goes through get_response, outside "
        "'critical'): finish still sends QUIT and raises EOFError too",
        ["plain", "critical", "eof", "auth"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        r = []
        begin
          smtp.authenticate('account', 'password')
        rescue EOFError => e
          r << e
        end
        begin
          smtp.finish
        rescue EOFError => e
          r << e
        end
        r << smtp.started?
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = []
        try:
            smtp.authenticate('account', 'password')
        except EOFError as e:
            r.append(e)
        try:
            smtp.finish()
        except EOFError as e:
            r.append(e)
        r.append(smtp.is_started())
        return r
        ''',
        {"replies": {"AUTH": {"close": True}}},
    ),
    scenario(
        "timeout_on_ehlo",
        "EHLO reply delayed past read_timeout: Net::ReadTimeout from start (a timeout is no "
        "SMTPError, so no HELO retry); esmtp stays true",
        ["plain", "timeout", "helo"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.read_timeout = 0.5
        begin
          smtp.start
        rescue Net::ReadTimeout => e
          [e, smtp.esmtp?, smtp.started?]
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.read_timeout = 0.5
        try:
            smtp.start()
        except Net.ReadTimeout as e:
            return [e, smtp.is_esmtp(), smtp.is_started()]
        ''',
        {"replies": {"EHLO": {"delay": 1.5, "lines": ["250 smtp.example.com"]}}},
    ),
    scenario(
        "timeout_on_auth_in_start",
        "AUTH reply delayed past read_timeout during start: Net::ReadTimeout, socket closed, "
        "not started",
        ["plain", "timeout", "auth"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.read_timeout = 0.5
        begin
          smtp.start(user: 'account', secret: 'password')
        rescue Net::ReadTimeout => e
          [e, smtp.started?]
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.read_timeout = 0.5
        try:
            smtp.start(user='account', secret='password')
        except Net.ReadTimeout as e:
            return [e, smtp.is_started()]
        ''',
        {"replies": {"AUTH": {"delay": 1.5, "lines": ["235 2.7.0 late"]}}},
    ),
    scenario(
        "read_timeout_inside_block",
        "read_timeout lowered inside the start block, then RSET is slow: Net::ReadTimeout "
        "escapes from start, QUIT skipped",
        ["plain", "timeout", "critical"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.read_timeout = 0.5
          smtp.rset
        end
        ''',
        r'''
        def body(smtp):
            smtp.read_timeout = 0.5
            return smtp.rset()
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"RSET": {"delay": 1.5, "lines": ["250 2.0.0 late"]}}},
    ),
    scenario(
        "read_timeout_raised_in_time",
        "read_timeout 0.5 before start, then raised to 3 inside the session: a reply 1 s late "
        "is then waited for",
        ["plain", "timeout"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.read_timeout = 0.5
        smtp.start
        smtp.read_timeout = 3
        r = [smtp.read_timeout, smtp.rset]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.read_timeout = 0.5
        smtp.start()
        smtp.read_timeout = 3
        r = [smtp.read_timeout, smtp.rset()]
        smtp.finish()
        return r
        ''',
        {"replies": {"RSET": {"delay": 1.0, "lines": ["250 2.0.0 slow but in time"]}}},
    ),
    scenario(
        "eof_on_helo_fallback",
        "EHLO refused, then the server hangs up on HELO: EOFError from start",
        ["plain", "eof", "helo"],
        r'''
        Net::SMTP.start('127.0.0.1', port) { |smtp| smtp.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, block=lambda smtp: smtp.rset())
        ''',
        {"replies": {"EHLO": "502 5.5.2 Error: command not recognized",
                     "HELO": {"close": True}}},
    ),
    # ------------------------------------------------------------- debug
    scenario(
        "debug_output_set_after_start",
        "debug_output set on a started session changes nothing for that connection; the next "
        "start logs everything",
        ["plain", "debug", "session"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.rset
        smtp.finish
        smtp.start('second.example')
        smtp.finish
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.rset()
        smtp.finish()
        smtp.start('second.example')
        return smtp.finish()
        ''',
    ),
    scenario(
        "set_debug_output_method",
        "set_debug_output(io) is the same as debug_output= (Ruby has no reader)",
        ["plain", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.set_debug_output(dbg)
        smtp.start
        smtp.send_message("Subject: dbg\n\nhi\n", 'from@example.com', 'to@example.com')
        smtp.finish
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.set_debug_output(dbg)
        smtp.start()
        smtp.send_message('Subject: dbg\n\nhi\n', 'from@example.com', 'to@example.com')
        return smtp.finish()
        ''',
    ),
    scenario(
        "config_readers_setters",
        "open_timeout/read_timeout/esmtp/tls_verify/tls_hostname/ssl_context_params set and "
        "read back before start; no connection",
        ["plain", "config"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.open_timeout = 5
        smtp.read_timeout = 2.5
        smtp.esmtp = false
        smtp.tls_verify = false
        smtp.tls_hostname = 'mail.example.com'
        smtp.ssl_context_params = { min_version: :TLS1_2 }
        [smtp.open_timeout, smtp.read_timeout, smtp.esmtp?, smtp.tls_verify, smtp.tls_hostname,
         smtp.ssl_context_params, smtp.started?, smtp.tls?, smtp.starttls?]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.open_timeout = 5
        smtp.read_timeout = 2.5
        smtp.esmtp = False
        smtp.tls_verify = False
        smtp.tls_hostname = 'mail.example.com'
        smtp.ssl_context_params = {'min_version': 'TLS1_2'}
        return [smtp.open_timeout, smtp.read_timeout, smtp.is_esmtp(), smtp.tls_verify,
                smtp.tls_hostname, smtp.ssl_context_params, smtp.is_started(), smtp.is_tls(),
                smtp.is_starttls()]
        ''',
    ),

    scenario(
        "debug_output_array",
        "debug_output set to an Array: Ruby appends with <<, one element per fragment it "
        "writes (a command line arrives as '<- ', the dumped text, and a newline)",
        ["plain", "debug"],
        r'''
        log = []
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = log
        smtp.start
        smtp.rset
        smtp.finish
        log
        ''',
        r'''
        log = []
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = log
        smtp.start()
        smtp.rset()
        smtp.finish()
        return log
        ''',
    ),
    scenario(
        "esmtp_nil_means_helo",
        "esmtp = nil: falsy, so start says HELO; esmtp? returns nil",
        ["plain", "helo"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.esmtp = nil
        smtp.start
        r = [smtp.esmtp?, smtp.capabilities]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.esmtp = None
        smtp.start()
        r = [smtp.is_esmtp(), smtp.capabilities]
        smtp.finish()
        return r
        ''',
    ),
    scenario(
        "helo_empty_string_and_nil",
        "helo '' is kept ('EHLO ' with nothing after), nil falls back to 'localhost'; "
        "keyword and positional forms",
        ["plain", "helo", "session"],
        r'''
        r = []
        Net::SMTP.start('127.0.0.1', port, '') { |s| r << s.started? }
        Net::SMTP.start('127.0.0.1', port, nil, helo: nil) { |s| r << s.started? }
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.start(helo: '')
        r << smtp.finish
        ''',
        r'''
        r = []
        Net.SMTP.start('127.0.0.1', port, '', block=lambda s: r.append(s.is_started()))
        Net.SMTP.start('127.0.0.1', port, None, helo=None,
                       block=lambda s: r.append(s.is_started()))
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.start(helo='')
        r.append(smtp.finish())
        return r
        ''',
    ),
    scenario(
        "eof_rescued_as_ioerror",
        "Ruby's EOFError is an IOError: 'rescue IOError' (Python: except OSError) catches the "
        "end of file on MAIL; then rset is the dummy reply",
        ["plain", "eof", "error", "critical"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          begin
            smtp.mailfrom('from@example.com')
          rescue IOError => e
            [e, smtp.rset]
          end
        end
        ''',
        r'''
        def body(smtp):
            try:
                smtp.mailfrom('from@example.com')
            except OSError as e:
                return [e, smtp.rset()]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"MAIL": {"close": True}}},
    ),
    scenario(
        "timeout_rescued_as_timeout_error",
        "Net::ReadTimeout is a Timeout::Error (Python: TimeoutError) and not a "
        "Net::ProtocolError",
        ["plain", "timeout", "error", "critical"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.read_timeout = 0.5
          begin
            smtp.rset
          rescue Timeout::Error => e
            [e, e.is_a?(Net::ProtocolError), e.is_a?(Net::ReadTimeout), smtp.rset]
          end
        end
        ''',
        r'''
        def body(smtp):
            smtp.read_timeout = 0.5
            try:
                smtp.rset()
            except TimeoutError as e:
                return [e, isinstance(e, Net.ProtocolError), isinstance(e, Net.ReadTimeout),
                        smtp.rset()]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"RSET": {"delay": 1.5, "lines": ["250 2.0.0 late"]}}},
    ),
    scenario(
        "error_class_hierarchy",
        "each SMTP error class is a Net::SMTPError, a Net::ProtocolError and a "
        "StandardError (Python: Exception); the Proto* parents; timeouts are Timeout::Error",
        ["plain", "error"],
        r'''
        res = Net::SMTP::Response.parse("500 x\n")
        errors = [Net::SMTPAuthenticationError.new(res), Net::SMTPServerBusy.new(res),
                  Net::SMTPSyntaxError.new(res), Net::SMTPFatalError.new(res),
                  Net::SMTPUnknownError.new(res), Net::SMTPUnsupportedCommand.new('x')]
        errors.map { |e| [e.is_a?(Net::SMTPError), e.is_a?(Net::ProtocolError), e.is_a?(StandardError)] } +
          [errors[0].is_a?(Net::ProtoAuthError), errors[1].is_a?(Net::ProtoServerError),
           errors[2].is_a?(Net::ProtoSyntaxError), errors[3].is_a?(Net::ProtoFatalError),
           errors[4].is_a?(Net::ProtoUnknownError), Net::ReadTimeout.new.is_a?(Timeout::Error),
           Net::OpenTimeout.new.is_a?(Timeout::Error), Net::ReadTimeout.new.is_a?(Net::OpenTimeout)]
        ''',
        r'''
        res = Net.SMTP.Response.parse('500 x\n')
        errors = [Net.SMTPAuthenticationError(res), Net.SMTPServerBusy(res),
                  Net.SMTPSyntaxError(res), Net.SMTPFatalError(res),
                  Net.SMTPUnknownError(res), Net.SMTPUnsupportedCommand('x')]
        return ([[isinstance(e, Net.SMTPError), isinstance(e, Net.ProtocolError),
                  isinstance(e, Exception)] for e in errors]
                + [isinstance(errors[0], Net.ProtoAuthError),
                   isinstance(errors[1], Net.ProtoServerError),
                   isinstance(errors[2], Net.ProtoSyntaxError),
                   isinstance(errors[3], Net.ProtoFatalError),
                   isinstance(errors[4], Net.ProtoUnknownError),
                   isinstance(Net.ReadTimeout(), TimeoutError),
                   isinstance(Net.OpenTimeout(), TimeoutError),
                   isinstance(Net.ReadTimeout(), Net.OpenTimeout)])
        ''',
    ),
    scenario(
        "error_objects_direct",
        "SMTP errors built by hand: from a Response (message = its first line), from a plain "
        "String (response nil), with message: (overrides the reply's text)",
        ["plain", "error"],
        r'''
        res = Net::SMTP::Response.parse("421-4.3.2 busy\n421 4.3.2 really\n")
        [Net::SMTPServerBusy.new(res), Net::SMTPFatalError.new('plain text'),
         Net::SMTPUnknownError.new(res, message: 'custom'),
         Net::SMTPSyntaxError.new(res).message, Net::SMTPAuthenticationError.new('x').response,
         Net::SMTPUnsupportedCommand.new('STARTTLS is not supported on this server').message]
        ''',
        r'''
        res = Net.SMTP.Response.parse('421-4.3.2 busy\n421 4.3.2 really\n')
        return [Net.SMTPServerBusy(res), Net.SMTPFatalError('plain text'),
                Net.SMTPUnknownError(res, message='custom'),
                Net.SMTPSyntaxError(res).message, Net.SMTPAuthenticationError('x').response,
                Net.SMTPUnsupportedCommand('STARTTLS is not supported on this server').message]
        ''',
    ),

    scenario(
        "block_raises_then_quit_554",
        "the start block raises and QUIT is then answered 554: Ruby's ensure runs finish, "
        "whose SMTPFatalError replaces the block's error",
        ["plain", "session", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.rset
          raise ArgumentError, 'block failed'
        end
        ''',
        r'''
        def body(smtp):
            smtp.rset()
            raise Net.ArgumentError('block failed')
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"QUIT": "554 5.0.0 not leaving"}},
    ),
    scenario(
        "commands_before_start",
        "commands on a never-started object: rset fails on the missing socket inside "
        "'critical' (Ruby NoMethodError), which poisons it, so mailfrom then gives the dummy "
        "reply; get_response and authenticate fail outside it; send_message is 'closed "
        "session'; finish 'not yet started'; no connection",
        ["plain", "commands", "critical", "error"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        r = []
        [-> { smtp.rset }, -> { smtp.mailfrom('from@example.com') },
         -> { smtp.get_response('NOOP') }, -> { smtp.authenticate('account', 'password') },
         -> { smtp.send_message("x\n", 'from@example.com', 'to@example.com') },
         -> { smtp.finish }].each do |call|
          begin
            r << call.call
          rescue StandardError => e
            r << e
          end
        end
        r += [smtp.started?, smtp.inspect]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        r = []
        for call in [lambda: smtp.rset(), lambda: smtp.mailfrom('from@example.com'),
                     lambda: smtp.get_response('NOOP'),
                     lambda: smtp.authenticate('account', 'password'),
                     lambda: smtp.send_message('x\n', 'from@example.com', 'to@example.com'),
                     lambda: smtp.finish()]:
            try:
                r.append(call())
            except Exception as e:
                r.append(e)
        r += [smtp.is_started(), smtp.inspect()]
        return r
        ''',
    ),
    scenario(
        "commands_after_finish",
        "after finish: rset fails on the closed-out socket (Ruby NoMethodError inside "
        "'critical'), quit then gives the dummy reply, send_message is 'closed session', "
        "finish 'not yet started'",
        ["plain", "commands", "session", "critical", "error"],
        r'''
        smtp = Net::SMTP.start('127.0.0.1', port)
        r = [smtp.finish]
        [-> { smtp.rset }, -> { smtp.quit },
         -> { smtp.send_message("x\n", 'from@example.com', 'to@example.com') },
         -> { smtp.finish }].each do |call|
          begin
            r << call.call
          rescue StandardError => e
            r << e
          end
        end
        r << smtp.started?
        ''',
        r'''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = [smtp.finish()]
        for call in [lambda: smtp.rset(), lambda: smtp.quit(),
                     lambda: smtp.send_message('x\n', 'from@example.com', 'to@example.com'),
                     lambda: smtp.finish()]:
            try:
                r.append(call())
            except Exception as e:
                r.append(e)
        r.append(smtp.is_started())
        return r
        ''',
    ),
]
