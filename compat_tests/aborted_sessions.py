"""The recordings where Ruby 0.5.1 answers a command on an aborted session
with its success reply ``200 dummy reply code``: a documented deviation
(SPEC.md section 4, deviation 1). The port raises ``Net.SMTPSessionAborted``
instead, with nothing on the wire.

For each such transcript this module gives the port's twin: the Ruby
program written for the port, where each call Ruby answered with the dummy
reply is wrapped in ``attempt(...)`` (which returns what the call raised), so
the program runs on exactly as Ruby's did. ``test_goldens.py`` replays it
against the same profile and requires Ruby's outcome with each dummy reply
replaced by an ``SMTPSessionAborted`` whose cause is the error named here:
the same bytes on the wire, the same debug text, every other value the same.
"""

from __future__ import annotations

from typing import Dict, NamedTuple

from scenarios._common import code

DUMMY_REPLY = {"Response": {"status": "200", "string": "200 dummy reply code"}}


class AbortedTwin(NamedTuple):
    """The error that aborted the session (its Python class name) and the
    port's twin (a function body taking ``port`` and ``dbg``)."""

    cause: str
    python: str


ABORTED: Dict[str, AbortedTwin] = {
    # ------------------------------------------------- the shared goldens
    "critical_rule_after_data_error": AbortedTwin("SMTPUnknownError", code('''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = []
        try:
            smtp.send_message('x\\n', 'from@example.com', 'to@example.com')
        except Net.SMTPUnknownError as e:
            r.append(e)
        r.append(attempt(lambda: smtp.rset()))
        r.append(attempt(lambda: smtp.mailfrom('again@example.com')))
        r.append(attempt(lambda: smtp.send_message('y\\n', 'from@example.com', 'to@example.com')))
        r.append(smtp.get_response('NOOP'))
        r.append(smtp.finish())
        r.append(smtp.is_started())
        return r
        ''')),
    "read_timeout_set_while_connected": AbortedTwin("ReadTimeout", code('''
        smtp = Net.SMTP.start('127.0.0.1', port)
        smtp.read_timeout = 0.5
        r = [smtp.read_timeout]
        try:
            smtp.send_message('slow\\n', 'from@example.com', 'to@example.com')
        except Net.ReadTimeout as e:
            r.append(e)
        r.append(attempt(lambda: smtp.rset()))
        r.append(smtp.finish())
        return r
        ''')),
    # ------------------------------------------- the project's recordings
    "commands_after_finish": AbortedTwin("AttributeError", code('''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = [smtp.finish()]
        for call in [lambda: smtp.rset(), lambda: smtp.quit(),
                     lambda: smtp.send_message('x\\n', 'from@example.com', 'to@example.com'),
                     lambda: smtp.finish()]:
            r.append(attempt(call))
        r.append(smtp.is_started())
        return r
        ''')),
    "commands_before_start": AbortedTwin("AttributeError", code('''
        smtp = Net.SMTP('127.0.0.1', port)
        r = []
        for call in [lambda: smtp.rset(), lambda: smtp.mailfrom('from@example.com'),
                     lambda: smtp.get_response('NOOP'),
                     lambda: smtp.authenticate('account', 'password'),
                     lambda: smtp.send_message('x\\n', 'from@example.com', 'to@example.com'),
                     lambda: smtp.finish()]:
            r.append(attempt(call))
        r += [smtp.is_started(), smtp.inspect()]
        return r
        ''')),
    "critical_after_eof_on_data": AbortedTwin("EOFError", code('''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = []
        try:
            smtp.send_message('x\\n', 'from@example.com', 'to@example.com')
        except EOFError as e:
            r.append(e)
        called = []
        r.append(attempt(lambda: smtp.data(block=lambda f: called.append(True))))
        r += [bool(called), attempt(lambda: smtp.mailfrom('from@example.com')), smtp.finish()]
        return r
        ''')),
    "critical_after_eof_on_data_end": AbortedTwin("EOFError", code('''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.debug_output = dbg
        smtp.start()
        r = []
        try:
            smtp.send_message('Subject: eof\\n\\nbody\\n', 'from@example.com', 'to@example.com')
        except EOFError as e:
            r.append(e)
        r.append(attempt(lambda: smtp.rset()))
        try:
            smtp.get_response('NOOP')
        except EOFError as e:
            r.append(e)
        r += [smtp.finish(), smtp.is_started()]
        return r
        ''')),
    "critical_after_eof_on_mail": AbortedTwin("EOFError", code('''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = []
        try:
            smtp.mailfrom('from@example.com')
        except EOFError as e:
            r.append(e)
        r.append(attempt(lambda: smtp.rcptto('to@example.com')))
        r.append(attempt(lambda: smtp.data('x\\n')))
        r.append(attempt(lambda: smtp.ehlo('again.example')))
        r.append(attempt(lambda: smtp.helo('again.example')))
        r.append(attempt(lambda: smtp.starttls()))
        r.append(attempt(lambda: smtp.quit()))
        r.append(attempt(lambda: smtp.send_message('y\\n', 'from@example.com', 'to@example.com')))
        r.append(attempt(lambda: smtp.open_message_stream('from@example.com', 'to@example.com',
                                                          block=lambda f: f.puts('never'))))
        r += [smtp.is_started(), smtp.finish(), smtp.is_started()]
        return r
        ''')),
    "critical_after_timeout_on_data": AbortedTwin("ReadTimeout", code('''
        smtp = Net.SMTP('127.0.0.1', port)
        smtp.read_timeout = 0.5
        smtp.start()
        r = []
        try:
            smtp.send_message('x\\n', 'from@example.com', 'to@example.com')
        except Net.ReadTimeout as e:
            r.append(e)
        r += [smtp.is_started(), attempt(lambda: smtp.rset()), smtp.finish()]
        return r
        ''')),
    "critical_after_timeout_on_rset": AbortedTwin("ReadTimeout", code('''
        smtp = Net.SMTP.start('127.0.0.1', port)
        smtp.read_timeout = 0.5
        r = []
        try:
            smtp.rset()
        except Net.ReadTimeout as e:
            r.append(e)
        r.append(attempt(lambda: smtp.rcptto('to@example.com')))
        r.append(attempt(lambda: smtp.data('x\\n')))
        r.append(attempt(lambda: smtp.ehlo('again.example')))
        r.append(attempt(lambda: smtp.helo('again.example')))
        r.append(attempt(lambda: smtp.starttls()))
        r.append(attempt(lambda: smtp.quit()))
        r.append(attempt(lambda: smtp.send_message('y\\n', 'from@example.com', 'to@example.com')))
        r.append(attempt(lambda: smtp.open_message_stream('from@example.com', 'to@example.com',
                                                          block=lambda f: f.puts('never'))))
        r += [smtp.is_started(), smtp.finish(), smtp.is_started()]
        return r
        ''')),
    "data_reply_421": AbortedTwin("SMTPUnknownError", code('''
        def body(smtp):
            r = []
            try:
                smtp.send_message('x\\n', 'from@example.com', 'to@example.com')
            except Net.SMTPUnknownError as e:
                r += [e, e.response]
            r += [attempt(lambda: smtp.rset()), smtp.is_started()]
            return r
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''')),
    "eof_rescued_as_ioerror": AbortedTwin("EOFError", code('''
        def body(smtp):
            try:
                smtp.mailfrom('from@example.com')
            except OSError as e:
                return [e, attempt(lambda: smtp.rset())]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''')),
    "get_response_eof_not_critical": AbortedTwin("EOFError", code('''
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
        r += [attempt(lambda: smtp.rset()), smtp.finish()]
        return r
        ''')),
    "implicit_tls_auth_and_timeout": AbortedTwin("ReadTimeout", code('''
        smtp = Net.SMTP('127.0.0.1', port, tls=True, tls_verify=False)
        smtp.start('localhost', 'account', 'password', 'login')
        smtp.read_timeout = 0.5
        r = []
        try:
            smtp.mailfrom('from@example.com')
        except Net.ReadTimeout as e:
            r.append(e)
        r += [attempt(lambda: smtp.rset()), smtp.finish(), smtp.is_started()]
        return r
        ''')),
    "quit_then_rset_eof": AbortedTwin("EOFError", code('''
        smtp = Net.SMTP.start('127.0.0.1', port)
        r = [smtp.quit(), smtp.is_started()]
        try:
            smtp.rset()
        except EOFError as e:
            r.append(e)
        r += [attempt(lambda: smtp.rset()), attempt(lambda: smtp.quit()), smtp.is_started(),
              smtp.finish(), smtp.is_started()]
        return r
        ''')),
    "timeout_rescued_as_timeout_error": AbortedTwin("ReadTimeout", code('''
        def body(smtp):
            smtp.read_timeout = 0.5
            try:
                smtp.rset()
            except TimeoutError as e:
                return [e, isinstance(e, Net.ProtocolError), isinstance(e, Net.ReadTimeout),
                        attempt(lambda: smtp.rset())]
        return Net.SMTP.start('127.0.0.1', port, block=body)
        ''')),
}
