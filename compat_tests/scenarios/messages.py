"""Message bodies and the writer: line-ending mixes, dots, CRs at Ruby's
1024-character chunk boundaries (also in multibyte text), empty messages,
chunk arrays, StringIO, File and Enumerator sources, WriteAdapter return
values, ``puts``/``print``/``printf``/``<<``, ``data`` with and without a
block, and blocks that raise midway."""

from __future__ import annotations

from typing import Any

from ._common import scenario

DEBUG_SEND_RUBY = r'''
smtp = Net::SMTP.new('127.0.0.1', port)
smtp.debug_output = dbg
smtp.start
begin
  smtp.send_message(%s, 'from@example.com', 'to@example.com')
ensure
  smtp.finish
end
'''
DEBUG_SEND_PYTHON = r'''
smtp = Net.SMTP('127.0.0.1', port)
smtp.debug_output = dbg
smtp.start()
try:
    return smtp.send_message(%s, 'from@example.com', 'to@example.com')
finally:
    smtp.finish()
'''


def message_scenario(name: str, about: str, ruby_msg: str, python_msg: str) -> dict[str, Any]:
    """One message sent on a debug-logged session (Ruby expression / Python
    expression for the message)."""
    return scenario(name, about, ["plain", "message", "debug"],
                    DEBUG_SEND_RUBY % ruby_msg, DEBUG_SEND_PYTHON % python_msg)


SCENARIOS: list[dict[str, Any]] = [
    message_scenario(
        "msg_empty_string",
        "an empty message: one empty line, then the end marker ('wrote 5 bytes')",
        '""', "''"),
    message_scenario(
        "msg_empty_chunks_only",
        "a message given as three empty chunks: treated as an empty message",
        '["", "", ""]', "['', '', '']"),
    message_scenario(
        "msg_chunks_with_empty_chunks",
        "chunks with empty ones between a CR and its LF, and before a leading dot and a final "
        "CR LF",
        r'''["Subject: x\r", "", "\n", "", ".dot", "", "\r", "", "\n", "end"]''',
        r'''['Subject: x\r', '', '\n', '', '.dot', '', '\r', '', '\n', 'end']'''),
    message_scenario(
        "msg_line_ending_mix",
        "LF, CRLF, lone CR, CR CR LF, LF CR LF and an unterminated last line in one message, "
        "with dots after each kind of line end",
        r'''"a\nb\r\nc\rd\r\r\ne\n\r\nf\n.g\r.h\r\n.i\r\r.j"''',
        r"""'a\nb\r\nc\rd\r\r\ne\n\r\nf\n.g\r.h\r\n.i\r\r.j'"""),
    message_scenario(
        "msg_only_dots",
        "lines of dots only: '.', '..', '...', a CR-ended '.', and a final unterminated '.'",
        r'''".\n..\n...\r.\r\n."''',
        r"""'.\n..\n...\r.\r\n.'"""),
    message_scenario(
        "msg_exact_1024_crlf",
        "exactly 1024 characters ending in CRLF: the CR is the last character of Ruby's first "
        "1024-character chunk",
        r'''("a" * 1022) + "\r\n"''',
        r"""'a' * 1022 + '\r\n'"""),
    message_scenario(
        "msg_1025_cr_at_boundary",
        "1025 characters: a CR ending the first 1024-character chunk and its LF starting the "
        "next",
        r'''("a" * 1023) + "\r\n"''',
        r"""'a' * 1023 + '\r\n'"""),
    message_scenario(
        "msg_1024_lone_cr_last",
        "1024 characters whose last is a lone CR (the chunk's end and the message's end)",
        r'''("a" * 1023) + "\r"''',
        r"""'a' * 1023 + '\r'"""),
    message_scenario(
        "msg_1025_lone_cr_alone",
        "1025 characters: the second chunk is a lone CR",
        r'''("a" * 1024) + "\r"''',
        r"""'a' * 1024 + '\r'"""),
    message_scenario(
        "msg_multibyte_cr_then_dot_at_boundary",
        "1023 'é' then CR (the last character of the first chunk), the next chunk starting "
        "with a dot: a line break, then dot-stuffing",
        r'''("\u00e9" * 1023) + "\r.dot\n"''',
        r"""'\u00e9' * 1023 + '\r.dot\n'"""),
    message_scenario(
        "msg_multibyte_crlf_after_boundary",
        "1024 'é' then CRLF starting the second chunk, then a 4-byte emoji line without end",
        r'''("\u00e9" * 1024) + "\r\n" + ("\u{1F600}" * 3)''',
        r"""'\u00e9' * 1024 + '\r\n' + '\U0001F600' * 3"""),
    message_scenario(
        "msg_multibyte_cr_cr_lf_boundary",
        "1022 emoji, then CR CR LF straddling the first chunk's end, then '.x'",
        r'''("\u{1F600}" * 1022) + "\r\r\n.x"''',
        r"""'\U0001F600' * 1022 + '\r\r\n.x'"""),
    message_scenario(
        "msg_very_long_line",
        "one 5000-character line and a 3000-character dotted line: sent unbroken",
        r'''("x" * 5000) + "\n." + ("y" * 3000)''',
        r"""'x' * 5000 + '\n.' + 'y' * 3000"""),
    message_scenario(
        "msg_binary_bytes",
        "a binary String (Python bytes) with 8-bit bytes, NUL and 0xFF: sent byte for byte",
        r'''"caf\xE9\x00\xFF\r\n.\x80\n".b''',
        r"""b'caf\xe9\x00\xff\r\n.\x80\n'"""),
    message_scenario(
        "msg_enumerator",
        "a message from an Enumerator (Python iterator) of chunks: 'writing message from "
        "Enumerator'",
        r'''["Subject: enum\r", "\n\n.one\n", "two"].each''',
        r"""iter(['Subject: enum\r', '\n\n.one\n', 'two'])"""),
    message_scenario(
        "msg_stringio_cr_lines",
        "a StringIO with lone-CR line ends and a 1500-character line (Ruby reads it by lines)",
        r'''StringIO.new("Subject: sio\r\r" + ("z" * 1500) + "\r.dot\rend\r")''',
        r"""io.StringIO('Subject: sio\r\r' + 'z' * 1500 + '\r.dot\rend\r')"""),
    scenario(
        "msg_file_objects",
        "messages read from files (Ruby File.open / Python open(path, 'rb')): a CR LF across "
        "the first 1024-byte read, multibyte text, an empty file; debug shows 'from File'",
        ["plain", "message", "debug"],
        r'''
        Dir.mktmpdir do |dir|
          texts = [("a" * 1023) + "\r\n.x\n" + ("\u00e9" * 700) + "\r", '']
          paths = texts.each_with_index.map do |text, i|
            path = File.join(dir, "msg#{i}.eml")
            File.binwrite(path, text)
            path
          end
          smtp = Net::SMTP.new('127.0.0.1', port)
          smtp.debug_output = dbg
          smtp.start
          r = paths.map do |path|
            File.open(path, 'rb') { |f| smtp.send_message(f, 'from@example.com', 'to@example.com') }
          end
          smtp.finish
          r
        end
        ''',
        r'''
        import tempfile
        with tempfile.TemporaryDirectory() as dir_:
            texts = ['a' * 1023 + '\r\n.x\n' + '\u00e9' * 700 + '\r', '']
            paths = []
            for i, text in enumerate(texts):
                path = os.path.join(dir_, f'msg{i}.eml')
                with open(path, 'wb') as out:
                    out.write(text.encode('utf-8'))
                paths.append(path)
            smtp = Net.SMTP('127.0.0.1', port)
            smtp.debug_output = dbg
            smtp.start()
            r = []
            for path in paths:
                with open(path, 'rb') as f:
                    r.append(smtp.send_message(f, 'from@example.com', 'to@example.com'))
            smtp.finish()
            return r
        ''',
    ),
    scenario(
        "write_adapter_return_values",
        "WriteAdapter#write/print/puts/printf return the bytes of the complete lines they "
        "added (after CRLF conversion and dot-stuffing), << returns the adapter itself",
        ["plain", "stream", "message"],
        r'''
        r = []
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.open_message_stream('from@example.com', 'to@example.com') do |f|
            r << f.write('abc')
            r << f.write("def\nghi")
            r << f.print(".x\n")
            r << f.puts('.dot')
            r << f.write("\r")
            r << f.write("\n")
            r << (f << "a\r\nb\rc").equal?(f)
            r << f.printf("%d lines\n", 3)
            r << f.puts
            r << f.write('')
          end
        end
        r
        ''',
        r'''
        r = []
        def fill(f):
            r.append(f.write('abc'))
            r.append(f.write('def\nghi'))
            r.append(f.print('.x\n'))
            r.append(f.puts('.dot'))
            r.append(f.write('\r'))
            r.append(f.write('\n'))
            r.append((f << 'a\r\nb\rc') is f)
            r.append(f.printf('%d lines\n', 3))
            r.append(f.puts())
            r.append(f.write(''))
        with Net.SMTP.start('127.0.0.1', port) as smtp:
            smtp.open_message_stream('from@example.com', 'to@example.com', block=fill)
        return r
        ''',
    ),
    scenario(
        "write_adapter_puts_variants",
        "puts with '', no argument, 'a\\r\\n', 'a\\r', 'a\\n\\n', 'a\\nb' and '.': one line "
        "end is removed before adding LF; debug shows 'writing message from block'",
        ["plain", "stream", "message", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        r = []
        res = smtp.open_message_stream('from@example.com', 'to@example.com') do |f|
          r << f.puts('')
          r << f.puts
          r << f.puts("a\r\n")
          r << f.puts("b\r")
          r << f.puts("c\n\n")
          r << f.puts("d\ne")
          r << f.puts('.')
        end
        smtp.finish
        r << res
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = []
        def fill(f):
            r.append(f.puts(''))
            r.append(f.puts())
            r.append(f.puts('a\r\n'))
            r.append(f.puts('b\r'))
            r.append(f.puts('c\n\n'))
            r.append(f.puts('d\ne'))
            r.append(f.puts('.'))
        res = smtp.open_message_stream('from@example.com', 'to@example.com', block=fill)
        smtp.finish()
        r.append(res)
        return r
        ''',
    ),
    scenario(
        "write_adapter_printf_formats",
        "printf with %s, %05.1f, %-4s|, %x, %o, %e, %c, %% and %+d: sprintf semantics",
        ["plain", "stream", "message"],
        r'''
        r = []
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.open_message_stream('from@example.com', 'to@example.com') do |f|
            r << f.printf("%s=%05.1f|%-4s|%x|%o|%e|%c|%%|%+d\n", 'k', 3.14159, 'ab', 255, 8,
                          12345.678, 65, 7)
            r << f.printf(".%3d.\r\n", 5)
          end
        end
        r
        ''',
        r'''
        r = []
        def fill(f):
            r.append(f.printf('%s=%05.1f|%-4s|%x|%o|%e|%c|%%|%+d\n', 'k', 3.14159, 'ab', 255, 8,
                              12345.678, 65, 7))
            r.append(f.printf('.%3d.\r\n', 5))
        with Net.SMTP.start('127.0.0.1', port) as smtp:
            smtp.open_message_stream('from@example.com', 'to@example.com', block=fill)
        return r
        ''',
    ),
    scenario(
        "data_block_writes_nothing",
        "data blocks that write nothing, or only an empty string: an empty message (one empty "
        "line); debug shows the byte counts",
        ["plain", "stream", "message", "debug"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        r = []
        2.times do |i|
          smtp.mailfrom('from@example.com')
          smtp.rcptto('to@example.com')
          r << smtp.data { |f| f.write('') if i == 1 }
        end
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = []
        for i in range(2):
            smtp.mailfrom('from@example.com')
            smtp.rcptto('to@example.com')
            r.append(smtp.data(block=lambda f: f.write('') if i == 1 else None))
        smtp.finish()
        return r
        ''',
    ),
    scenario(
        "data_string_direct",
        "data(msgstr) called by hand after mailfrom/rcptto: returns the end-of-data reply; "
        "debug on",
        ["plain", "message", "debug", "commands"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start
        smtp.mailfrom('from@example.com')
        smtp.rcptto('to@example.com')
        r = smtp.data("Subject: direct\n\n.body\nlast")
        smtp.finish
        r
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        smtp.mailfrom('from@example.com')
        smtp.rcptto('to@example.com')
        r = smtp.data('Subject: direct\n\n.body\nlast')
        smtp.finish()
        return r
        ''',
    ),
    scenario(
        "stream_print_unterminated",
        "open_message_stream writing with print only, the last line unterminated and starting "
        "with a dot: CRLF added, dot doubled",
        ["plain", "stream", "message"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.open_message_stream('from@example.com', 'to@example.com') do |f|
            f.print 'Subject: print'
            f.print "\n\n"
            f.print '.no newline'
          end
        end
        ''',
        r'''
        def fill(f):
            f.print('Subject: print')
            f.print('\n\n')
            f.print('.no newline')
        return Net.SMTP.start('127.0.0.1', port,
                              block=lambda smtp: smtp.open_message_stream(
                                  'from@example.com', 'to@example.com', block=fill))
        ''',
    ),
    scenario(
        "stream_dot_pieces",
        "a line's dot written alone with <<, then the rest: the dot is stuffed once at the "
        "line start, never for a dot in the middle",
        ["plain", "stream", "message"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.open_message_stream('from@example.com', 'to@example.com') do |f|
            f << '.' << "\n" << '.' << '.' << "x\n" << 'a' << '.' << "b\r" << '.' << "\n"
          end
        end
        ''',
        r'''
        def fill(f):
            f << '.' << '\n' << '.' << '.' << 'x\n' << 'a' << '.' << 'b\r' << '.' << '\n'
        return Net.SMTP.start('127.0.0.1', port,
                              block=lambda smtp: smtp.open_message_stream(
                                  'from@example.com', 'to@example.com', block=fill))
        ''',
    ),
    scenario(
        "stream_raises_before_writing",
        "an open_message_stream block that raises before writing anything: DATA was sent, no "
        "end marker, no QUIT; the error escapes from start",
        ["plain", "stream", "critical", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.open_message_stream('from@example.com', 'to@example.com') do |f|
            raise ArgumentError, 'no content'
          end
        end
        ''',
        r'''
        def fill(f):
            raise Net.ArgumentError('no content')
        return Net.SMTP.start('127.0.0.1', port,
                              block=lambda smtp: smtp.open_message_stream(
                                  'from@example.com', 'to@example.com', block=fill))
        ''',
    ),
    scenario(
        "data_block_raises_midway",
        "a data block that writes two lines and half a third, then raises: the complete lines "
        "went out, the partial one did not; no end marker, no QUIT",
        ["plain", "stream", "critical", "error"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.mailfrom('from@example.com')
          smtp.rcptto('to@example.com')
          smtp.data do |f|
            f.puts 'Subject: midway'
            f.write "line one\r\n.line two\rhalf"
            raise IOError, 'disk gone'
          end
        end
        ''',
        r'''
        def fill(f):
            f.puts('Subject: midway')
            f.write('line one\r\n.line two\rhalf')
            raise OSError('disk gone')
        def body(smtp):
            smtp.mailfrom('from@example.com')
            smtp.rcptto('to@example.com')
            return smtp.data(block=fill)
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "send_aliases",
        "send_mail, sendmail and ready (open_message_stream) are the same methods",
        ["plain", "message", "stream"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          [smtp.send_mail("one\n", 'from@example.com', 'a@example.com'),
           smtp.sendmail("two\n", 'from@example.com', ['b@example.com']),
           smtp.ready('from@example.com', 'c@example.com') { |f| f.puts 'three' }]
        end
        ''',
        r'''
        def body(smtp):
            return [smtp.send_mail('one\n', 'from@example.com', 'a@example.com'),
                    smtp.sendmail('two\n', 'from@example.com', ['b@example.com']),
                    smtp.ready('from@example.com', 'c@example.com',
                               block=lambda f: f.puts('three'))]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    scenario(
        "msg_many_in_one_session",
        "three messages in one session with RSET between: each transaction complete",
        ["plain", "message", "session"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          (1..3).map do |i|
            res = smtp.send_message("Subject: #{i}\n\nn#{i}\n", 'from@example.com', "r#{i}@example.com")
            [res.status, smtp.rset.status]
          end
        end
        ''',
        r'''
        def body(smtp):
            out = []
            for i in range(1, 4):
                res = smtp.send_message(f'Subject: {i}\n\nn{i}\n', 'from@example.com',
                                        f'r{i}@example.com')
                out.append([res.status, smtp.rset().status])
            return out
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),

    scenario(
        "data_empty_string_and_nil_with_block",
        "data('') sends an empty message (an empty String is a message); data(nil) with a "
        "block uses the block",
        ["plain", "message", "stream"],
        r'''
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.mailfrom('from@example.com')
          smtp.rcptto('to@example.com')
          a = smtp.data('')
          smtp.mailfrom('from@example.com')
          smtp.rcptto('to@example.com')
          b = smtp.data(nil) { |f| f.puts 'from block' }
          [a, b]
        end
        ''',
        r'''
        def body(smtp):
            smtp.mailfrom('from@example.com')
            smtp.rcptto('to@example.com')
            a = smtp.data('')
            smtp.mailfrom('from@example.com')
            smtp.rcptto('to@example.com')
            b = smtp.data(None, block=lambda f: f.puts('from block'))
            return [a, b]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''',
    ),
    message_scenario(
        "msg_binary_stringio",
        "a binary StringIO (Python io.BytesIO) with UTF-8 bytes and a final dotted line "
        "without end: 'writing message from StringIO'",
        r"""StringIO.new("Subject: b\r\n\r\ncaf\xC3\xA9\n.x".b)""",
        r"""io.BytesIO(b'Subject: b\r\n\r\ncaf\xc3\xa9\n.x')"""),
    message_scenario(
        "msg_large_chunk_boundary",
        "a 262143-character line ended by CR LF that straddles the 256 KiB mark, a dotted "
        "line, then 2000 short lines (about 272 KB in all)",
        r"""("a" * 262143) + "\r\n.b\n" + ("line\n" * 2000)""",
        r"""'a' * 262143 + '\r\n.b\n' + 'line\n' * 2000"""),
    scenario(
        "msg_enumerator_raises",
        "a message Enumerator (Python generator) that raises after its first, short chunk, "
        "inside a start block: Ruby had only buffered that chunk (under 1024 characters), so "
        "nothing of the body was written; no end marker, no QUIT",
        ["plain", "message", "critical", "error"],
        r'''
        src = Enumerator.new do |y|
          y << "Subject: gen\n\nfirst line\n"
          raise 'generator failed'
        end
        Net::SMTP.start('127.0.0.1', port) do |smtp|
          smtp.send_message(src, 'from@example.com', 'to@example.com')
        end
        ''',
        r'''
        def src():
            yield 'Subject: gen\n\nfirst line\n'
            raise RuntimeError('generator failed')
        return Net.SMTP.start('127.0.0.1', port,
                              block=lambda smtp: smtp.send_message(src(), 'from@example.com',
                                                                   'to@example.com'))
        ''',
    ),

    scenario(
        "stream_timeout_after_end_marker",
        "open_message_stream with read_timeout 0.5 s and the end-of-data reply 1.5 s late: "
        "Net::ReadTimeout after the whole message went out; QUIT skipped",
        ["plain", "stream", "timeout", "critical"],
        r'''
        smtp = Net::SMTP.new('127.0.0.1', port)
        smtp.read_timeout = 0.5
        smtp.start do |s|
          s.open_message_stream('from@example.com', 'to@example.com') do |f|
            f.puts 'Subject: slow'
            f.puts
            f.print 'body'
          end
        end
        ''',
        r'''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.read_timeout = 0.5
        def fill(f):
            f.puts('Subject: slow')
            f.puts()
            f.print('body')
        return smtp.start(block=lambda s: s.open_message_stream('from@example.com',
                                                                'to@example.com', block=fill))
        ''',
        {"replies": {"DATA_END": {"delay": 1.5, "lines": ["250 2.0.0 late"]}}},
    ),
]
