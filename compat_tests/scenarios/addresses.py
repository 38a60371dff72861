"""Addresses and command lines: ``Address`` parameter shapes, SMTPUTF8 on
every path, non-ASCII and ``#{``/``#$``/``#@`` in commands (debug escaping),
``rcptto_list`` with and without a block."""

from __future__ import annotations

from typing import Any

from ._common import CAPS_SMTPUTF8, CAPS_STARTTLS, scenario

SMTPUTF8 = {"capabilities": CAPS_SMTPUTF8}

SCENARIOS: list[dict[str, Any]] = [
    scenario(
        "address_param_shapes",
        "Address parameters from arrays, hashes, numbers, true/false, nil (dropped), a nil "
        "inside an array (an empty parameter), symbols, duplicates, an Address of an Address; "
        "one of them on the wire",
        ["plain", "address"],
        r'''
        base = Net::SMTP::Address.new('from@example.com', 'BODY=8BITMIME')
        shapes = [
          Net::SMTP::Address.new('a@example.com', ['SIZE=100', 'SMTPUTF8']),
          Net::SMTP::Address.new('a@example.com', [['RET', 'HDRS'], ['ENVID', nil]]),
          Net::SMTP::Address.new('a@example.com', 42, 1.5, { flag: true, off: false }),
          Net::SMTP::Address.new('a@example.com', nil, {}, ['X', nil]),
          Net::SMTP::Address.new('a@example.com', { ret: :hdrs }, 'ret=hdrs', ret: :hdrs),
          Net::SMTP::Address.new('a@example.com', 'A=1', { 'A' => 1 }, A: 1),
          Net::SMTP::Address.new(base, 'SIZE=5', body: nil),
          Net::SMTP::Address.new(base),
        ]
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          shapes.map(&:parameters) + [shapes[6], shapes[7].to_s, smtp.mailfrom(shapes[3])]
        end
        ''',
        r'''
        base = Net.SMTP.Address('from@example.com', 'BODY=8BITMIME')
        shapes = [
            Net.SMTP.Address('a@example.com', ['SIZE=100', 'SMTPUTF8']),
            Net.SMTP.Address('a@example.com', [['RET', 'HDRS'], ['ENVID', None]]),
            Net.SMTP.Address('a@example.com', 42, 1.5, {'flag': True, 'off': False}),
            Net.SMTP.Address('a@example.com', None, {}, ['X', None]),
            Net.SMTP.Address('a@example.com', {'ret': 'hdrs'}, 'ret=hdrs', ret='hdrs'),
            Net.SMTP.Address('a@example.com', 'A=1', {'A': 1}, A=1),
            Net.SMTP.Address(base, 'SIZE=5', body=None),
            Net.SMTP.Address(base),
        ]
        def body(smtp):
            return ([s.parameters for s in shapes]
                    + [shapes[6], str(shapes[7]), smtp.mailfrom(shapes[3])])
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "address_hash_inside_array",
        "a Hash inside an Array parameter and a nested pair: Ruby's Array#join flattens them "
        "('b=1', 'a=b=c')",
        ["plain", "address"],
        r'''
        a = Net::SMTP::Address.new('to@example.com', ['A', { b: 1 }], [['a', ['b', 'c']]])
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [a.parameters, smtp.mailfrom('from@example.com'), smtp.rcptto(a)]
        end
        ''',
        r'''
        a = Net.SMTP.Address('to@example.com', ['A', {'b': 1}], [['a', ['b', 'c']]])
        def body(smtp):
            return [a.parameters, smtp.mailfrom('from@example.com'), smtp.rcptto(a)]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "address_hash_array_value",
        "a keyword whose value is an Array (notify: [:success, :failure]): Ruby joins it with "
        "'=' into 'notify=success=failure'",
        ["plain", "address"],
        r'''
        a = Net::SMTP::Address.new('to@example.com', notify: [:success, :failure])
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [a.parameters, smtp.send_message("x\n", 'from@example.com', a)]
        end
        ''',
        r'''
        a = Net.SMTP.Address('to@example.com', notify=['success', 'failure'])
        def body(smtp):
            return [a.parameters, smtp.send_message('x\n', 'from@example.com', a)]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "address_objects_send_message",
        "send_message with an Address sender (SIZE) and Address recipients with NOTIFY/ORCPT, "
        "mixed with plain strings in a nested list",
        ["plain", "address"],
        r'''
        from = Net::SMTP::Address.new('from@example.com', size: 12, body: '8BITMIME')
        to = [Net::SMTP::Address.new('a@example.com', notify: 'NEVER'),
              ['b@example.com', Net::SMTP::Address.new('c@example.com', 'ORCPT=rfc822;c@example.com')]]
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.send_message("Subject: addr\n\nx\n", from, to)
        end
        ''',
        r'''
        frm = Net.SMTP.Address('from@example.com', size=12, body='8BITMIME')
        to = [Net.SMTP.Address('a@example.com', notify='NEVER'),
              ['b@example.com', Net.SMTP.Address('c@example.com', 'ORCPT=rfc822;c@example.com')]]
        return Net.SMTP.start('127.0.0.1', port,
                              block=lambda smtp: smtp.send_message('Subject: addr\n\nx\n',
                                                                   frm, to))
        ''',
    ),
    scenario(
        "mailfrom_null_sender",
        "mailfrom('') sends MAIL FROM:<> (the null sender); send_message with '' too",
        ["plain", "address", "commands"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.mailfrom(''), smtp.rcptto('postmaster@example.com'), smtp.rset,
           smtp.send_message("Subject: bounce\n\n", '', 'to@example.com')]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.mailfrom(''), smtp.rcptto('postmaster@example.com'), smtp.rset(),
                    smtp.send_message('Subject: bounce\n\n', '', 'to@example.com')]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "commands_hash_escapes_debug",
        "'#{', '#$' and '#@' in command arguments are dumped as '\\#{', '\\#$', '\\#@' in debug "
        "output; other '#' stay as they are; the wire bytes are unchanged",
        ["plain", "commands", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start('h#{x}.example')
        r = [smtp.mailfrom('a#$b@example.com'), smtp.rcptto('#@c@example.com'),
             smtp.rcptto('x#y#@example.com'), smtp.get_response('NOOP #'),
             smtp.get_response('NOOP ##{{')]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start('h#{x}.example')
        r = [smtp.mailfrom('a#$b@example.com'), smtp.rcptto('#@c@example.com'),
             smtp.rcptto('x#y#@example.com'), smtp.get_response('NOOP #'),
             smtp.get_response('NOOP ##{{')]
        smtp.finish()
        return r
        ''',
    ),
    scenario(
        "commands_non_ascii_debug",
        "non-ASCII in HELO, MAIL and RCPT without SMTPUTF8 support: UTF-8 on the wire, "
        "\\u00E9 / \\u{1F600} escapes in debug output, no SMTPUTF8 parameter",
        ["plain", "commands", "debug", "smtputf8"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start("h\u00e9.example")
        r = [smtp.mailfrom("j\u00f6rg@example.com"), smtp.rcptto("\u{1F600}@example.com"),
             smtp.rcptto("\u4e2d\u6587@example.com")]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start('h\u00e9.example')
        r = [smtp.mailfrom('j\u00f6rg@example.com'), smtp.rcptto('\U0001F600@example.com'),
             smtp.rcptto('\u4e2d\u6587@example.com')]
        smtp.finish()
        return r
        ''',
    ),
    scenario(
        "commands_control_chars_debug",
        "control characters in a command (tab, ESC, DEL, BEL, form feed): sent raw, dumped "
        "as \\t \\e \\x7F \\a \\f in debug output",
        ["plain", "commands", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        r = smtp.get_response("NOOP \t\e\x7f\a\f\v\b\x01 \"q\" \\")
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = smtp.get_response('NOOP \t\x1b\x7f\a\f\v\b\x01 "q" \\')
        smtp.finish()
        return r
        ''',
    ),
    scenario(
        "command_nul_byte",
        "a NUL byte inside a command argument: Ruby only refuses CR and LF, so "
        "'RCPT TO:<a\\x00b@example.com>' goes out",
        ["plain", "commands"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.mailfrom('from@example.com')
          smtp.rcptto("a\0b@example.com")
        end
        ''',
        r'''
        def body(smtp):
            smtp.mailfrom('from@example.com')
            return smtp.rcptto('a\0b@example.com')
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "smtputf8_sender_only",
        "server offers SMTPUTF8, only the sender is non-ASCII: send_message leaves the sender "
        "alone, mailfrom adds SMTPUTF8",
        ["plain", "smtputf8", "address"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.send_message("Subject: s\n\nx\n", "j\u00f6rg@example.com", 'to@example.com')
        end
        ''',
        r'''
        return Net.SMTP.start('127.0.0.1', port,
                              block=lambda smtp: smtp.send_message('Subject: s\n\nx\n',
                                                                   'j\u00f6rg@example.com',
                                                                   'to@example.com'))
        ''',
        SMTPUTF8,
    ),
    scenario(
        "smtputf8_not_offered",
        "non-ASCII sender and recipients, server without SMTPUTF8: no parameter added, UTF-8 "
        "bytes sent as they are",
        ["plain", "smtputf8", "address"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.send_message("Subject: s\n\nx\n", "j\u00f6rg@example.com",
                            ["ren\u00e9@example.com", 'plain@example.com'])
        end
        ''',
        r'''
        def body(smtp):
            return smtp.send_message('Subject: s\n\nx\n', 'j\u00f6rg@example.com',
                                     ['ren\u00e9@example.com', 'plain@example.com'])
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "smtputf8_address_objects",
        "SMTPUTF8 with Address objects: a non-ASCII Address recipient makes the sender an "
        "Address with its own parameters then SMTPUTF8; a non-ASCII Address sender gets it "
        "from mailfrom; rcptto never adds it",
        ["plain", "smtputf8", "address"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          to = Net::SMTP::Address.new("\u00fc@example.com", notify: 'NEVER')
          from = Net::SMTP::Address.new("s\u00e9nder@example.com", 'BODY=8BITMIME')
          [smtp.send_message("a\n", Net::SMTP::Address.new('from@example.com', size: 2), to),
           smtp.send_message("b\n", from, 'ascii@example.com'),
           smtp.mailfrom(from), smtp.rcptto(to), smtp.rset]
        end
        ''',
        r'''
        def body(smtp):
            to = Net.SMTP.Address('\u00fc@example.com', notify='NEVER')
            frm = Net.SMTP.Address('s\u00e9nder@example.com', 'BODY=8BITMIME')
            return [smtp.send_message('a\n', Net.SMTP.Address('from@example.com', size=2), to),
                    smtp.send_message('b\n', frm, 'ascii@example.com'),
                    smtp.mailfrom(frm), smtp.rcptto(to), smtp.rset()]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        SMTPUTF8,
    ),
    scenario(
        "smtputf8_after_helo_fallback",
        "EHLO refused (so no capabilities) with a non-ASCII recipient: no SMTPUTF8",
        ["plain", "smtputf8", "helo"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.capable?('SMTPUTF8'),
           smtp.send_message("x\n", 'from@example.com', "\u00fc@example.com")]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.is_capable('SMTPUTF8'),
                    smtp.send_message('x\n', 'from@example.com', '\u00fc@example.com')]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"capabilities": CAPS_SMTPUTF8,
         "replies": {"EHLO": "502 5.5.2 Error: command not recognized"}},
    ),
    scenario(
        "smtputf8_debug",
        "SMTPUTF8 session in debug output: \\u escapes in MAIL/RCPT lines, the message with "
        "non-ASCII headers counted in bytes",
        ["plain", "smtputf8", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        smtp.send_message("Subject: gr\u00fc\u00dfe\n\n\u263A\n", "\u00e9@example.com",
                          ["\u00fc@example.com", 'b@example.com'])
        smtp.finish
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        smtp.send_message('Subject: gr\u00fc\u00dfe\n\n\u263a\n', '\u00e9@example.com',
                          ['\u00fc@example.com', 'b@example.com'])
        return smtp.finish()
        ''',
        SMTPUTF8,
    ),
    scenario(
        "smtputf8_open_message_stream_sender",
        "open_message_stream with a non-ASCII sender only: mailfrom adds SMTPUTF8",
        ["plain", "smtputf8", "stream"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.open_message_stream("\u00e9@example.com", 'to@example.com') do |f|
            f.puts "Subject: \u00e9"
          end
        end
        ''',
        r'''
        def body(smtp):
            return smtp.open_message_stream('\u00e9@example.com', 'to@example.com',
                                            block=lambda f: f.puts('Subject: \u00e9'))
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        SMTPUTF8,
    ),
    scenario(
        "smtputf8_after_starttls",
        "SMTPUTF8 advertised only after STARTTLS: the post-TLS capabilities decide, so MAIL "
        "FROM gets SMTPUTF8",
        ["tls", "smtputf8", "starttls"],
        r'''
        Net::SMTP.start('127.0.0.1', port, tls_verify: false) do |smtp|
          [smtp.capable?('SMTPUTF8'),
           smtp.send_message("x\n", 'from@example.com', "\u00fc@example.com")]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.is_capable('SMTPUTF8'),
                    smtp.send_message('x\n', 'from@example.com', '\u00fc@example.com')]
        return Net.SMTP.start('127.0.0.1', port, tls_verify=False, block=body)
        ''',
        {"capabilities": CAPS_STARTTLS, "capabilities_tls": CAPS_SMTPUTF8},
    ),
    scenario(
        "rcptto_list_block_value",
        "rcptto_list sends a RCPT per (flattened) address and returns the block's value; "
        "rcptto_list([[]]) sends none and still runs the block",
        ["plain", "commands", "address"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.mailfrom('from@example.com')
          a = smtp.rcptto_list(['a@example.com', ['b@example.com']]) { 42 }
          b = smtp.rcptto_list([[]]) { :ran }
          [a, b, smtp.rset]
        end
        ''',
        r'''
        def body(smtp):
            smtp.mailfrom('from@example.com')
            a = smtp.rcptto_list(['a@example.com', ['b@example.com']], block=lambda: 42)
            b = smtp.rcptto_list([[]], block=lambda: 'ran')
            return [a, b, smtp.rset()]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "rcptto_list_errors",
        "rcptto_list([]) raises ArgumentError before sending; a refused first address stops "
        "the list (block not run)",
        ["plain", "commands", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          r = []
          ran = false
          begin
            smtp.rcptto_list([]) { ran = true }
          rescue ArgumentError => e
            r << e
          end
          smtp.mailfrom('from@example.com')
          begin
            smtp.rcptto_list(['bad@example.com', 'good@example.com']) { ran = true }
          rescue Net::SMTPFatalError => e
            r << e
          end
          r << ran
        end
        ''',
        r'''
        def body(smtp):
            r = []
            ran = []
            try:
                smtp.rcptto_list([], block=lambda: ran.append(True))
            except Net.ArgumentError as e:
                r.append(e)
            smtp.mailfrom('from@example.com')
            try:
                smtp.rcptto_list(['bad@example.com', 'good@example.com'],
                                 block=lambda: ran.append(True))
            except Net.SMTPFatalError as e:
                r.append(e)
            r.append(bool(ran))
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
        {"replies": {"RCPT": "550 5.1.1 no such user"}},
    ),
    scenario(
        "rcptto_list_without_block",
        "rcptto_list without a block: the RCPTs go out, then Ruby's bare yield raises "
        "LocalJumpError",
        ["plain", "commands", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.mailfrom('from@example.com')
          smtp.rcptto_list(['a@example.com'])
        end
        ''',
        r'''
        def body(smtp):
            smtp.mailfrom('from@example.com')
            return smtp.rcptto_list(['a@example.com'])
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),

    scenario(
        "address_non_ascii_param_debug",
        "an ASCII address with a non-ASCII parameter value: no SMTPUTF8 (only the address "
        "counts), the parameter goes out as UTF-8; debug shows \\u00E9",
        ["plain", "address", "smtputf8", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        r = [smtp.mailfrom(Net::SMTP::Address.new('from@example.com', "ENVID=caf\u00e9")),
             smtp.rcptto(Net::SMTP::Address.new('to@example.com', orcpt: "rfc822;\u00fc@example.com"))]
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = [smtp.mailfrom(Net.SMTP.Address('from@example.com', 'ENVID=caf\u00e9')),
             smtp.rcptto(Net.SMTP.Address('to@example.com', orcpt='rfc822;\u00fc@example.com'))]
        smtp.finish()
        return r
        ''',
        SMTPUTF8,
    ),
]
