"""SMTP AUTH: every mechanism against 4xx/5xx/odd replies at each step,
positional and keyword credentials, ``authenticate`` called directly,
``auth_capable?`` spellings, a user-registered mechanism."""

from __future__ import annotations

from typing import Any

from ._common import scenario

LOGIN_USER_PROMPT = "334 VXNlcm5hbWU6"
LOGIN_PASSWORD_PROMPT = "334 UGFzc3dvcmQ6"
LONG_SECRET = "s3cr3t-" * 12  # 84 bytes: CRAM-MD5 hashes keys over 64 bytes first

SCENARIOS: list[dict[str, Any]] = [
    scenario(
        "auth_plain_4xx",
        "AUTH PLAIN answered 454: Authenticator#finish raises SMTPAuthenticationError for any "
        "non-2xx, carrying the 454 reply",
        ["plain", "auth", "error"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        begin
          smtp.start(user: 'account', secret: 'password')
        rescue Net::SMTPAuthenticationError => e
          [e, smtp.started?]
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        try:
            smtp.start(user='account', secret='password')
        except Net.SMTPAuthenticationError as e:
            return [e, smtp.is_started()]
        ''',
        {"replies": {"AUTH": "454 4.7.0 Temporary authentication failure"}},
    ),
    scenario(
        "auth_plain_334_then_nothing",
        "AUTH PLAIN answered by a bare '334 ': SMTPAuthenticationError with the 334 reply; the "
        "client sends nothing more",
        ["plain", "auth", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port, user: 'account', secret: 'password') { |s| s.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, user='account', secret='password',
                              block=lambda s: s.rset())
        ''',
        {"replies": {"AUTH": "334 "}},
    ),
    scenario(
        "auth_login_first_step_235",
        "AUTH LOGIN answered 235 at once: Authenticator#continue wants 3xx and raises the "
        "reply's exception_class, which for a 2xx is SMTPUnknownError",
        ["plain", "auth", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port, user: 'account', secret: 'password',
                        authtype: :login) { |s| s.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, user='account', secret='password',
                              authtype='login', block=lambda s: s.rset())
        ''',
        {"replies": {"AUTH": "235 2.7.0 Authentication successful"}},
    ),
    scenario(
        "auth_login_user_step_535",
        "AUTH LOGIN: the user name is answered 535 (continue raises exception_class: "
        "SMTPAuthenticationError); the password is never sent",
        ["plain", "auth", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port, 'helo.example', 'account', 'password',
                        :login) { |s| s.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, 'helo.example', 'account', 'password',
                              'login', block=lambda s: s.rset())
        ''',
        {"replies": {"AUTH": {"lines": [LOGIN_USER_PROMPT],
                              "next": "535 5.7.8 Error: unknown user"}}},
    ),
    scenario(
        "auth_login_user_step_504",
        "AUTH LOGIN: the user name is answered 504 (50x): SMTPSyntaxError from continue",
        ["plain", "auth", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port, user: 'account', secret: 'password',
                        authtype: 'LOGIN') { |s| s.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, user='account', secret='password',
                              authtype='LOGIN', block=lambda s: s.rset())
        ''',
        {"replies": {"AUTH": {"lines": [LOGIN_USER_PROMPT],
                              "next": "504 5.5.4 Invalid user name encoding"}}},
    ),
    scenario(
        "auth_login_password_step_454",
        "AUTH LOGIN: the password is answered 454: Authenticator#finish raises "
        "SMTPAuthenticationError (not SMTPServerBusy)",
        ["plain", "auth", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port, user: 'account', secret: 'password',
                        authtype: :login) { |s| s.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, user='account', secret='password',
                              authtype='login', block=lambda s: s.rset())
        ''',
        {"replies": {"AUTH": {"lines": [LOGIN_USER_PROMPT],
                              "next": {"lines": [LOGIN_PASSWORD_PROMPT],
                                       "next": "454 4.7.0 Temporary authentication failure"}}}},
    ),
    scenario(
        "auth_login_odd_prompts",
        "AUTH LOGIN with prompts that are not base64 ('334 Username please', a bare '334'): "
        "the client ignores them; accepted; debug on",
        ["plain", "auth", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start('odd.example', 'account', 'password', :login)
        smtp.finish
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start('odd.example', 'account', 'password', 'login')
        return smtp.finish()
        ''',
        {"replies": {"AUTH": {"lines": ["334 Username please"],
                              "next": {"lines": ["334"], "next": "235 2.7.0 ok then"}}}},
    ),
    scenario(
        "auth_cram_md5_bare_334",
        "AUTH CRAM-MD5 answered by a bare '334' (no challenge word): Ruby's continue returns "
        "nil and unpack1 fails on it (NoMethodError) before anything more is sent",
        ["plain", "auth", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port, user: 'account', secret: 'password',
                        authtype: :cram_md5) { |s| s.rset }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, user='account', secret='password',
                              authtype='cram_md5', block=lambda s: s.rset())
        ''',
        {"replies": {"AUTH": {"lines": ["334"], "next": "535 5.7.8 no"}}},
    ),
    scenario(
        "auth_cram_md5_long_secret",
        "CRAM-MD5 with an 84-byte secret (keys over 64 bytes are hashed first): accepted by a "
        "server computing standard HMAC-MD5",
        ["plain", "auth"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.start('localhost', 'account', 's3cr3t-' * 12, :cram_md5)
        [smtp.started?, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.start('localhost', 'account', 's3cr3t-' * 12, 'cram_md5')
        return [smtp.is_started(), smtp.finish()]
        ''',
        {"auth": {"secret": LONG_SECRET}},
    ),
    scenario(
        "auth_cram_md5_spaced_challenge",
        "a CRAM-MD5 334 with two spaces before the challenge and a trailing word: the second "
        "whitespace-separated word is the challenge; the digest on the wire shows it",
        ["plain", "auth"],
        r'''
        Net::SMTP.start('127.0.0.1', port, user: 'account', secret: 'password',
                        authtype: 'CRAM-MD5') { |s| s.started? }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, user='account', secret='password',
                              authtype='CRAM-MD5', block=lambda s: s.is_started())
        ''',
        {"replies": {"AUTH": {"lines": ["334  PDEyMzQ1QGV4YW1wbGU+  trailing"],
                              "next": "235 2.7.0 ok"}}},
    ),
    scenario(
        "auth_cram_md5_dirty_base64",
        "a CRAM-MD5 challenge with characters outside base64 and no padding: Ruby's "
        "unpack1('m') skips them; the digest on the wire shows what was decoded",
        ["plain", "auth"],
        r'''
        Net::SMTP.start('127.0.0.1', port, user: 'account', secret: 'password',
                        authtype: :cram_md5) { |s| s.started? }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, user='account', secret='password',
                              authtype='cram_md5', block=lambda s: s.is_started())
        ''',
        {"replies": {"AUTH": {"lines": ["334 PD*Ey$MzQ1QGV4Y!W1wbGU+PDw"],
                              "next": "235 2.7.0 ok"}}},
    ),
    scenario(
        "auth_xoauth2_4xx",
        "AUTH XOAUTH2 answered 454: SMTPAuthenticationError carrying the 454",
        ["plain", "auth", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port, user: 'account', secret: 'token',
                        authtype: :xoauth2) { |s| s.started? }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, user='account', secret='token',
                              authtype='xoauth2', block=lambda s: s.is_started())
        ''',
        {"replies": {"AUTH": "454 4.7.0 Too many login attempts, please try again later"}},
    ),
    scenario(
        "authenticate_direct",
        "authenticate called on a started session: default PLAIN, then LOGIN, then CRAM-MD5 "
        "(by 'CRAM_MD5'); each returns the 235 reply",
        ["plain", "auth"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.authenticate('account', 'password'),
           smtp.authenticate('account', 'password', :login),
           smtp.authenticate('account', 'password', 'CRAM_MD5')]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.authenticate('account', 'password'),
                    smtp.authenticate('account', 'password', 'login'),
                    smtp.authenticate('account', 'password', 'CRAM_MD5')]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "authenticate_direct_errors",
        "authenticate with no user, no secret, or an unknown type: ArgumentError, nothing sent; "
        "a wrong password: SMTPAuthenticationError, not critical (RSET follows)",
        ["plain", "auth", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          r = []
          [[nil, 'password'], ['account', nil], ['account', 'password', :foo_bar]].each do |args|
            begin
              smtp.authenticate(*args)
            rescue ArgumentError => e
              r << e
            end
          end
          begin
            smtp.authenticate('account', 'wrong', :plain)
          rescue Net::SMTPAuthenticationError => e
            r << e
          end
          r << smtp.rset
        end
        ''',
        r'''
        def body(smtp):
            r = []
            for args in [[None, 'password'], ['account', None], ['account', 'password', 'foo_bar']]:
                try:
                    smtp.authenticate(*args)
                except Net.ArgumentError as e:
                    r.append(e)
            try:
                smtp.authenticate('account', 'wrong', 'plain')
            except Net.SMTPAuthenticationError as e:
                r.append(e)
            r.append(smtp.rset())
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "auth_type_spellings",
        "authtype spelled 'Cram_Md5', :LOGIN and 'xoauth2': matched case-insensitively with _ "
        "as -; three sessions",
        ["plain", "auth"],
        r'''
        [['Cram_Md5', 'password'], [:LOGIN, 'password'], ['xoauth2', 'token']].map do |type, secret|
          Net::SMTP.start('127.0.0.1', port, user: 'account', secret: secret,
                          authtype: type) { |s| s.started? }
        end
        ''',
        r'''
        return [Net.SMTP.start('127.0.0.1', port, user='account', secret=secret,
                               authtype=type_, block=lambda s: s.is_started())
                for type_, secret in [['Cram_Md5', 'password'], ['LOGIN', 'password'],
                                      ['xoauth2', 'token']]]
        ''',
    ),
    scenario(
        "auth_capable_variants",
        "auth_capable? is an exact, case-sensitive lookup in the AUTH keyword's list: "
        "'cram-md5' listed in lower case is not CRAM-MD5; AUTH=PLAIN is another keyword",
        ["plain", "auth", "helo"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.capable_auth_types, smtp.auth_capable?('cram-md5'), smtp.auth_capable?('CRAM-MD5'),
           smtp.capable_cram_md5_auth?, smtp.capable_login_auth?, smtp.capable_plain_auth?,
           smtp.auth_capable?('login'), smtp.capable?('AUTH=PLAIN')]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.capable_auth_types(), smtp.is_auth_capable('cram-md5'),
                    smtp.is_auth_capable('CRAM-MD5'), smtp.is_capable_cram_md5_auth(),
                    smtp.is_capable_login_auth(), smtp.is_capable_plain_auth(),
                    smtp.is_auth_capable('login'), smtp.is_capable('AUTH=PLAIN')]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"capabilities": ["AUTH=PLAIN", "AUTH LOGIN cram-md5 XOAUTH2", "SIZE 1000"]},
    ),
    scenario(
        "auth_non_ascii_credentials",
        "AUTH PLAIN with a non-ASCII user and secret: base64 of their UTF-8 bytes; debug on",
        ["plain", "auth", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start(user: "j\u00f6rg", secret: "p\u00e4ss\u2713")
        smtp.finish
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start(user='j\u00f6rg', secret='p\u00e4ss\u2713')
        return smtp.finish()
        ''',
        {"auth": {"user": "j\u00f6rg", "secret": "p\u00e4ss\u2713"}},
    ),
    scenario(
        "auth_custom_authenticator",
        "a user Authenticator subclass registered as :x_parity, used through "
        "authenticate('x-parity'); continue returns the 334's second word",
        ["plain", "auth"],
        r'''
        klass = Class.new(Net::SMTP::Authenticator) do
          auth_type :x_parity
          def auth(user, secret)
            challenge = continue("AUTH X-PARITY #{base64_encode(user)}")
            finish(base64_encode("#{challenge}:#{secret}"))
          end
        end
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.authenticate('account', 'password', 'x-parity'),
           Net::SMTP::Authenticator.auth_class(:X_PARITY) == klass]
        end
        ''',
        r'''
        class AuthParity(Net.SMTP.Authenticator):
            def auth(self, user, secret):
                challenge = self.continue_(f'AUTH X-PARITY {self.base64_encode(user)}')
                return self.finish(self.base64_encode(f'{challenge}:{secret}'))
        AuthParity.auth_type('x_parity')
        def body(smtp):
            return [smtp.authenticate('account', 'password', 'x-parity'),
                    Net.SMTP.Authenticator.auth_class('X_PARITY') == AuthParity]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"AUTH": {"lines": ["334 bm9uY2U= extra"], "next": "235 2.7.0 custom ok"}}},
    ),
    scenario(
        "auth_after_helo_fallback",
        "EHLO refused, HELO accepted (no capabilities), user given: AUTH is still attempted "
        "(no capability check) and succeeds",
        ["plain", "auth", "helo"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.start('localhost', 'account', 'password')
        r = [smtp.esmtp?, smtp.capabilities, smtp.auth_capable?('PLAIN'), smtp.started?]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.start('localhost', 'account', 'password')
        r = [smtp.is_esmtp(), smtp.capabilities, smtp.is_auth_capable('PLAIN'),
             smtp.is_started()]
        smtp.finish()
        return r
        ''',
        {"replies": {"EHLO": "502 5.5.2 Error: command not recognized"}},
    ),
    scenario(
        "auth_empty_user_and_secret",
        "user '' and secret '' are present (only nil counts as missing): AUTH PLAIN of "
        "\\0\\0 is sent and refused",
        ["plain", "auth", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port, user: '', secret: '') { |s| s.started? }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, user='', secret='',
                              block=lambda s: s.is_started())
        ''',
    ),
    scenario(
        "auth_password_keyword_beats_positional",
        "Net::SMTP.start with positional user and secret plus password:: secret ||= password "
        "|| args[2], so the keyword wins",
        ["plain", "auth", "session"],
        r'''
        Net::SMTP.start('127.0.0.1', port, 'h.example', 'account', 'wrong',
                        password: 'password') { |s| s.started? }
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port, 'h.example', 'account', 'wrong',
                              password='password', block=lambda s: s.is_started())
        ''',
    ),
    scenario(
        "auth_failure_then_restart",
        "a refused AUTH fails start (outside 'critical'); the same object starts again with "
        "the right secret",
        ["plain", "auth", "session"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        r = []
        begin
          smtp.start(user: 'account', secret: 'wrong')
        rescue Net::SMTPAuthenticationError => e
          r += [e, smtp.started?]
        end
        smtp.start(user: 'account', secret: 'password')
        r += [smtp.started?, smtp.finish]
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        r = []
        try:
            smtp.start(user='account', secret='wrong')
        except Net.SMTPAuthenticationError as e:
            r += [e, smtp.is_started()]
        smtp.start(user='account', secret='password')
        r += [smtp.is_started(), smtp.finish()]
        return r
        ''',
    ),
    scenario(
        "auth_authtype_without_user",
        "authtype given with a secret but no user on SMTP#start: ArgumentError 'missing user "
        "name' before connecting; with a user but unknown authtype: 'wrong authentication type'",
        ["plain", "auth", "error"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        r = []
        begin
          smtp.start(secret: 'password', authtype: :cram_md5)
        rescue ArgumentError => e
          r << e
        end
        begin
          smtp.start('h', 'account', 'password', :digest_md5)
        rescue ArgumentError => e
          r << e
        end
        r << smtp.started?
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        r = []
        try:
            smtp.start(secret='password', authtype='cram_md5')
        except Net.ArgumentError as e:
            r.append(e)
        try:
            smtp.start('h', 'account', 'password', 'digest_md5')
        except Net.ArgumentError as e:
            r.append(e)
        r.append(smtp.is_started())
        return r
        ''',
    ),
]
