"""TLS: implicit TLS with debug output, STARTTLS always/auto/false with and
without server support, STARTTLS error replies, a reply injected before the
handshake, the EHLO after TLS, enable_*/disable_* sequences, tls_hostname,
and ssl_context_params (verify_mode: VERIFY_NONE)."""

from __future__ import annotations

from typing import Any

from ._common import CAPS, CAPS_STARTTLS, scenario

STARTTLS = {"capabilities": CAPS_STARTTLS}
IMPLICIT = {"tls": True}

SCENARIOS: list[dict[str, Any]] = [
    scenario(
        "implicit_tls_debug",
        "implicit TLS (tls: true) with debug output: 'Connection opened', 'TLS connection "
        "started', then the greeting read over TLS; a message; QUIT",
        ["tls", "implicit", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls: true, tls_verify: false)
        smtp.debug_output = dbg
        smtp.start('tls.example')
        r = [smtp.tls?, smtp.starttls?, smtp.capabilities,
             smtp.send_message("Subject: smtps\n\nhi\n", 'from@example.com', 'to@example.com')]
        r << smtp.finish
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls=True, tls_verify=False)
        smtp.debug_output = dbg
        smtp.start('tls.example')
        r = [smtp.is_tls(), smtp.is_starttls(), smtp.capabilities,
             smtp.send_message('Subject: smtps\n\nhi\n', 'from@example.com', 'to@example.com')]
        r.append(smtp.finish())
        return r
        ''',
        IMPLICIT,
    ),
    scenario(
        "implicit_tls_ignores_starttls",
        "implicit TLS with a server that also advertises STARTTLS: no STARTTLS is sent "
        "(starttls? stays :auto)",
        ["tls", "implicit", "starttls"],
        r'''
        Net::SMTP.start('127.0.0.1', port, tls: true, tls_verify: false) do |smtp|
          [smtp.capable_starttls?, smtp.starttls?, smtp.rset]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.is_capable_starttls(), smtp.is_starttls(), smtp.rset()]
        return Net.SMTP.start('127.0.0.1', port, tls=True, tls_verify=False, block=body)
        ''',
        {"tls": True, "capabilities": CAPS_STARTTLS},
    ),
    scenario(
        "implicit_tls_auth_and_timeout",
        "implicit TLS: AUTH LOGIN inside TLS, then a MAIL reply slower than read_timeout "
        "(0.5 s) -> Net::ReadTimeout; finish skips QUIT",
        ["tls", "implicit", "timeout", "critical", "auth"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls: true, tls_verify: false)
        smtp.start('localhost', 'account', 'password', :login)
        smtp.read_timeout = 0.5
        r = []
        begin
          smtp.mailfrom('from@example.com')
        rescue Net::ReadTimeout => e
          r << e
        end
        r += [smtp.rset, smtp.finish, smtp.started?]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls=True, tls_verify=False)
        smtp.start('localhost', 'account', 'password', 'login')
        smtp.read_timeout = 0.5
        r = []
        try:
            smtp.mailfrom('from@example.com')
        except Net.ReadTimeout as e:
            r.append(e)
        r += [smtp.rset(), smtp.finish(), smtp.is_started()]
        return r
        ''',
        {"tls": True, "replies": {"MAIL": {"delay": 1.5, "lines": ["250 2.1.0 late"]}}},
    ),
    scenario(
        "starttls_false_with_server_support",
        "starttls: false with a server offering STARTTLS: the session stays plain",
        ["tls", "starttls"],
        r'''
        Net::SMTP.start('127.0.0.1', port, starttls: false) do |smtp|
          [smtp.starttls?, smtp.capable_starttls?,
           smtp.send_message("plain\n", 'from@example.com', 'to@example.com')]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.is_starttls(), smtp.is_capable_starttls(),
                    smtp.send_message('plain\n', 'from@example.com', 'to@example.com')]
        return Net.SMTP.start('127.0.0.1', port, starttls=False, block=body)
        ''',
        STARTTLS,
    ),
    scenario(
        "starttls_always_unsupported",
        "starttls: :always and no STARTTLS offered: SMTPUnsupportedCommand (response nil) "
        "after EHLO, no QUIT; not poisoned, the next start works with starttls disabled",
        ["tls", "starttls", "error", "session"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, starttls: :always, tls_verify: false)
        r = []
        begin
          smtp.start
        rescue Net::SMTPUnsupportedCommand => e
          r += [e, e.response, e.message, smtp.started?]
        end
        smtp.disable_starttls
        smtp.start
        r += [smtp.starttls?, smtp.rset, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, starttls='always', tls_verify=False)
        r = []
        try:
            smtp.start()
        except Net.SMTPUnsupportedCommand as e:
            r += [e, e.response, e.message, smtp.is_started()]
        smtp.disable_starttls()
        smtp.start()
        r += [smtp.is_starttls(), smtp.rset(), smtp.finish()]
        return r
        ''',
    ),
    scenario(
        "starttls_error_replies",
        "STARTTLS answered 554, then 501, then 354 on three starts: SMTPFatalError, "
        "SMTPSyntaxError, SMTPUnknownError; never poisoned",
        ["tls", "starttls", "error"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls_verify: false)
        3.times.map do
          begin
            smtp.start
          rescue Net::SMTPError => e
            [e, smtp.started?]
          end
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls_verify=False)
        r = []
        for _ in range(3):
            try:
                smtp.start()
            except Net.SMTPError as e:
                r.append([e, smtp.is_started()])
        return r
        ''',
        {"capabilities": CAPS_STARTTLS,
         "per_connection": [{"replies": {"STARTTLS": "554 5.7.0 TLS not available"}},
                            {"replies": {"STARTTLS": "501 5.5.4 Syntax: STARTTLS"}},
                            {"replies": {"STARTTLS": "354 what"}}]},
    ),
    scenario(
        "starttls_multiline_220",
        "a two-line 220 answer to STARTTLS: read whole, then the handshake",
        ["tls", "starttls"],
        r'''
        Net::SMTP.start('127.0.0.1', port, starttls: :always, tls_verify: false) do |smtp|
          smtp.send_message("x\n", 'from@example.com', 'to@example.com')
        end
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, starttls='always', tls_verify=False,
                              block=lambda smtp: smtp.send_message('x\n', 'from@example.com',
                                                                   'to@example.com'))
        ''',
        {"capabilities": CAPS_STARTTLS,
         "replies": {"STARTTLS": ["220-2.0.0 Ready", "220 2.0.0 Start TLS now"]}},
    ),
    scenario(
        "starttls_injected_reply_dropped",
        "the server pipelines a fake '250' right after its 220 in the same write: the client "
        "drops the plaintext it buffered and reads only TLS replies; debug on",
        ["tls", "starttls", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls_verify: false)
        smtp.debug_output = dbg
        smtp.start
        r = [smtp.capabilities, smtp.rset]
        r << smtp.finish
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls_verify=False)
        smtp.debug_output = dbg
        smtp.start()
        r = [smtp.capabilities, smtp.rset()]
        r.append(smtp.finish())
        return r
        ''',
        {"capabilities": CAPS_STARTTLS,
         "capabilities_tls": ["AUTH PLAIN"],
         "replies": {"STARTTLS": {"lines": ["220 2.0.0 Ready to start TLS"],
                                  "raw": "250-injected\r\n250 AUTH NONE\r\n"}}},
    ),
    scenario(
        "starttls_ehlo_refused_after_tls",
        "EHLO works before STARTTLS but is refused after it: HELO fallback inside TLS, esmtp "
        "false, capabilities {}",
        ["tls", "starttls", "helo"],
        r'''
        Net::SMTP.start('127.0.0.1', port, tls_verify: false) do |smtp|
          [smtp.esmtp?, smtp.capabilities, smtp.capable_starttls?, smtp.rset]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.is_esmtp(), smtp.capabilities, smtp.is_capable_starttls(), smtp.rset()]
        return Net.SMTP.start('127.0.0.1', port, tls_verify=False, block=body)
        ''',
        {"capabilities": CAPS_STARTTLS,
         "replies": {"EHLO": {"seq": [None, "502 5.5.2 not after TLS"]}}},
    ),
    scenario(
        "starttls_eof",
        "the server hangs up when STARTTLS arrives: EOFError from start",
        ["tls", "starttls", "eof"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls_verify: false)
        begin
          smtp.start
        rescue EOFError => e
          [e, smtp.started?]
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls_verify=False)
        try:
            smtp.start()
        except EOFError as e:
            return [e, smtp.is_started()]
        ''',
        {"capabilities": CAPS_STARTTLS, "replies": {"STARTTLS": {"close": True}}},
    ),
    scenario(
        "starttls_auto_debug_helo",
        "default :auto STARTTLS session with debug output and a helo domain: EHLO, STARTTLS, "
        "'TLS connection started', EHLO again, message, QUIT",
        ["tls", "starttls", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls_verify: false)
        smtp.debug_output = dbg
        smtp.start('auto.example')
        smtp.send_message("Subject: auto\n\n.x\n", 'from@example.com', 'to@example.com')
        smtp.finish
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls_verify=False)
        smtp.debug_output = dbg
        smtp.start('auto.example')
        smtp.send_message('Subject: auto\n\n.x\n', 'from@example.com', 'to@example.com')
        return smtp.finish()
        ''',
        {"capabilities": CAPS_STARTTLS, "capabilities_tls": ["PIPELINING", "SIZE 42"]},
    ),
    scenario(
        "enable_starttls_sequences",
        "enable_starttls, disable_starttls, enable_starttls_auto before start: the last call "
        "wins; the auto session upgrades; readers before and after",
        ["tls", "starttls", "config"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls_verify: false)
        r = [smtp.starttls?]
        smtp.enable_starttls
        r += [smtp.starttls?, smtp.starttls_always?]
        smtp.disable_starttls
        r += [smtp.starttls?, smtp.starttls_auto?]
        smtp.enable_starttls_auto
        r += [smtp.starttls?, smtp.starttls_auto?]
        smtp.start
        r += [smtp.capabilities, smtp.finish, smtp.starttls?]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls_verify=False)
        r = [smtp.is_starttls()]
        smtp.enable_starttls()
        r += [smtp.is_starttls(), smtp.is_starttls_always()]
        smtp.disable_starttls()
        r += [smtp.is_starttls(), smtp.is_starttls_auto()]
        smtp.enable_starttls_auto()
        r += [smtp.is_starttls(), smtp.is_starttls_auto()]
        smtp.start()
        r += [smtp.capabilities, smtp.finish(), smtp.is_starttls()]
        return r
        ''',
        {"capabilities": CAPS_STARTTLS, "capabilities_tls": ["AUTH PLAIN", "SIZE 7"]},
    ),
    scenario(
        "enable_tls_then_start",
        "enable_tls on an object made without tls:, then start: implicit TLS; disable_tls and "
        "start again on a plain server connection",
        ["tls", "implicit", "config", "session"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls_verify: false)
        smtp.disable_starttls
        smtp.enable_tls
        smtp.start
        r = [smtp.tls?, smtp.rset, smtp.finish]
        smtp.disable_tls
        smtp.start
        r += [smtp.tls?, smtp.rset, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls_verify=False)
        smtp.disable_starttls()
        smtp.enable_tls()
        smtp.start()
        r = [smtp.is_tls(), smtp.rset(), smtp.finish()]
        smtp.disable_tls()
        smtp.start()
        r += [smtp.is_tls(), smtp.rset(), smtp.finish()]
        return r
        ''',
        {"per_connection": [{"tls": True}, {"tls": False}]},
    ),
    scenario(
        "ssl_context_params_verify_none_implicit",
        "implicit TLS with tls_verify left true but ssl_context_params verify_mode: "
        "VERIFY_NONE (Python: net_smtp.OpenSSL): the self-signed server is accepted",
        ["tls", "implicit", "config"],
        r'''
        Net::SMTP.start('127.0.0.1', port, tls: true,
                        ssl_context_params: { verify_mode: OpenSSL::SSL::VERIFY_NONE }) do |smtp|
          [smtp.tls_verify, smtp.tls?, smtp.rset]
        end
        ''',
        r'''
        from net_smtp import OpenSSL
        def body(smtp):
            return [smtp.tls_verify, smtp.is_tls(), smtp.rset()]
        return Net.SMTP.start('127.0.0.1', port, tls=True,
                              ssl_context_params={'verify_mode': OpenSSL.SSL.VERIFY_NONE},
                              block=body)
        ''',
        IMPLICIT,
    ),
    scenario(
        "ssl_context_params_verify_none_starttls",
        "STARTTLS :always with ssl_context_params verify_mode: VERIFY_NONE and tls_hostname "
        "set: upgraded, message sent; readers after start",
        ["tls", "starttls", "config"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, starttls: :always, tls_hostname: 'localhost',
                             ssl_context_params: { verify_mode: OpenSSL::SSL::VERIFY_NONE })
        smtp.start
        r = [smtp.tls_hostname, smtp.ssl_context_params,
             smtp.send_message("x\n", 'from@example.com', 'to@example.com')]
        r << smtp.finish
        ''',
        r'''
        from net_smtp import OpenSSL
        smtp = Net.SMTP('127.0.0.1', port, starttls='always', tls_hostname='localhost',
                        ssl_context_params={'verify_mode': OpenSSL.SSL.VERIFY_NONE})
        smtp.start()
        r = [smtp.tls_hostname, smtp.ssl_context_params,
             smtp.send_message('x\n', 'from@example.com', 'to@example.com')]
        r.append(smtp.finish())
        return r
        ''',
        STARTTLS,
    ),
    scenario(
        "ssl_context_params_filled_by_start",
        "a plain session given ssl_context_params: {} and tls_verify: false: Ruby's start "
        "stores verify_mode into that very Hash, so the reader shows it afterwards",
        ["plain", "config"],
        r'''
        params = {}
        smtp = Net::SMTP.new('127.0.0.1', port, tls_verify: false, ssl_context_params: params)
        smtp.start
        smtp.finish
        [smtp.ssl_context_params, params]
        ''',
        r'''
        params = {}
        smtp = Net.SMTP('127.0.0.1', port, tls_verify=False, ssl_context_params=params)
        smtp.start()
        smtp.finish()
        return [smtp.ssl_context_params, params]
        ''',
    ),
    scenario(
        "tls_hostname_implicit",
        "implicit TLS with tls_hostname 'mail.example.com' and verification off: connects to "
        "the address, readers keep the values",
        ["tls", "implicit", "config"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls: true, tls_verify: false,
                             tls_hostname: 'mail.example.com')
        smtp.start
        r = [smtp.address, smtp.tls_hostname, smtp.tls_verify, smtp.started?]
        r << smtp.finish
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls=True, tls_verify=False,
                        tls_hostname='mail.example.com')
        smtp.start()
        r = [smtp.address, smtp.tls_hostname, smtp.tls_verify, smtp.is_started()]
        r.append(smtp.finish())
        return r
        ''',
        IMPLICIT,
    ),
    scenario(
        "starttls_true_value",
        "starttls: true (not :always/:auto): Ruby stores it, starttls? is true but neither "
        "always nor auto, so no STARTTLS is sent even though the server offers it",
        ["tls", "starttls", "config"],
        r'''
        Net::SMTP.start('127.0.0.1', port, starttls: true, tls_verify: false) do |smtp|
          [smtp.starttls?, smtp.starttls_always?, smtp.starttls_auto?, smtp.rset]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.is_starttls(), smtp.is_starttls_always(), smtp.is_starttls_auto(),
                    smtp.rset()]
        return Net.SMTP.start('127.0.0.1', port, starttls=True, tls_verify=False, block=body)
        ''',
        STARTTLS,
    ),
    scenario(
        "tls_exclusive_with_starttls_always",
        "Net::SMTP.new with tls: true and starttls: :always is accepted; enable_tls then "
        "raises (exclusive) only when STARTTLS is :always; start uses implicit TLS",
        ["tls", "implicit", "config"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls: true, starttls: :always, tls_verify: false)
        r = [smtp.tls?, smtp.starttls?]
        begin
          smtp.enable_tls
        rescue ArgumentError => e
          r << e
        end
        smtp.start
        r += [smtp.rset, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls=True, starttls='always', tls_verify=False)
        r = [smtp.is_tls(), smtp.is_starttls()]
        try:
            smtp.enable_tls()
        except Net.ArgumentError as e:
            r.append(e)
        smtp.start()
        r += [smtp.rset(), smtp.finish()]
        return r
        ''',
        {"tls": True, "capabilities": CAPS},
    ),

    scenario(
        "ssl_context_params_unknown_key",
        "an ssl_context_params key SSLContext does not have (foo:): start fails before "
        "connecting (Ruby: NoMethodError from set_params)",
        ["plain", "config", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port, ssl_context_params: { foo: 1 }) { |s| s.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, ssl_context_params={'foo': 1},
                              block=lambda s: s.rset())
        ''',
    ),
    scenario(
        "ssl_context_params_ruby_only_key",
        "ssl_context_params with verify_depth: 5 (an SSLContext setting Python's ssl lacks) on "
        "a STARTTLS session: Ruby accepts it and upgrades",
        ["tls", "starttls", "config"],
        r'''
        Net::SMTP.start('127.0.0.1', port, tls_verify: false,
                        ssl_context_params: { verify_depth: 5 }) { |s| s.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, tls_verify=False,
                              ssl_context_params={'verify_depth': 5}, block=lambda s: s.rset())
        ''',
        STARTTLS,
    ),
    scenario(
        "ssl_context_params_versions",
        "implicit TLS with min_version: :TLS1_2, max_version: OpenSSL::SSL::TLS1_3_VERSION and "
        "verify_mode: VERIFY_NONE; the reader returns the Hash as given",
        ["tls", "implicit", "config"],
        r'''
        params = { min_version: :TLS1_2, max_version: OpenSSL::SSL::TLS1_3_VERSION,
                   verify_mode: OpenSSL::SSL::VERIFY_NONE }
        smtp = Net::SMTP.new('127.0.0.1', port, tls: true, ssl_context_params: params)
        smtp.start
        r = [smtp.ssl_context_params, smtp.rset]
        r << smtp.finish
        ''',
        r'''
        from net_smtp import OpenSSL
        params = {'min_version': 'TLS1_2', 'max_version': OpenSSL.SSL.TLS1_3_VERSION,
                  'verify_mode': OpenSSL.SSL.VERIFY_NONE}
        smtp = Net.SMTP('127.0.0.1', port, tls=True, ssl_context_params=params)
        smtp.start()
        r = [smtp.ssl_context_params, smtp.rset()]
        r.append(smtp.finish())
        return r
        ''',
        IMPLICIT,
    ),

    scenario(
        "implicit_tls_greeting_554",
        "implicit TLS, greeting 554 over TLS: SMTPFatalError from start, no EHLO",
        ["tls", "implicit", "error", "helo"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls: true, tls_verify: false)
        begin
          smtp.start
        rescue Net::SMTPFatalError => e
          [e, smtp.started?]
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls=True, tls_verify=False)
        try:
            smtp.start()
        except Net.SMTPFatalError as e:
            return [e, smtp.is_started()]
        ''',
        {"tls": True, "greeting": "554 5.3.2 smtp.example.com no service over TLS"},
    ),
    scenario(
        "starttls_offered_again_after_tls",
        "STARTTLS advertised again in the EHLO after TLS: no second STARTTLS; "
        "capable_starttls? is then true",
        ["tls", "starttls"],
        r'''
        Net::SMTP.start('127.0.0.1', port, tls_verify: false) do |smtp|
          [smtp.capable_starttls?, smtp.rset]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.is_capable_starttls(), smtp.rset()]
        return Net.SMTP.start('127.0.0.1', port, tls_verify=False, block=body)
        ''',
        {"capabilities": CAPS_STARTTLS, "capabilities_tls": CAPS_STARTTLS},
    ),

    scenario(
        "implicit_tls_cram_md5_debug",
        "implicit TLS with AUTH CRAM-MD5 and debug output: challenge and answer lines, then "
        "a message",
        ["tls", "implicit", "auth", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port, tls: true, tls_verify: false)
        smtp.debug_output = dbg
        smtp.start('tls.example', 'account', 'password', :cram_md5)
        smtp.send_message("Subject: cram\n\nok\n", 'from@example.com', 'to@example.com')
        smtp.finish
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port, tls=True, tls_verify=False)
        smtp.debug_output = dbg
        smtp.start('tls.example', 'account', 'password', 'cram_md5')
        smtp.send_message('Subject: cram\n\nok\n', 'from@example.com', 'to@example.com')
        return smtp.finish()
        ''',
        IMPLICIT,
    ),
]
