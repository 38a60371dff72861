"""Fault-step handlers for the scripted server (``tests.support.scripted``),
for the reliability tests (faults, timeouts, bounds).

:func:`mail_session` is a complete submission session (greeting, EHLO,
optional STARTTLS, AUTH LOGIN, any number of messages, QUIT) that drops the
connection, or goes silent, at any of :data:`FAULT_STEPS` (the fault queued
with it: ``server.expect(mail_session, (step, mode))``) - things a real
server will not do on request.
"""

from __future__ import annotations

import ssl

from tests.support.scripted import BODY_FAULT_AFTER, END_OF_DATA, SAFETY, Conn

__all__ = ["BODY_FAULT_AFTER", "EHLO_NAME", "END_OF_DATA", "FAULT_MODES", "FAULT_STEPS",
           "SAFETY", "ehlo_reply", "greet_and_serve", "mail_session", "serve_transactions"]

# Where mail_session can inject a fault, in session order.
FAULT_STEPS = (
    "before_greeting",       # accepted, nothing sent yet
    "mid_greeting",          # part of the 220 line sent, no line end
    "after_ehlo",            # EHLO read, no reply
    "mid_multiline",         # two of the EHLO reply's continuation lines sent
    "after_starttls_220",    # STARTTLS answered 220, no handshake yet
    "during_tls_handshake",  # ClientHello read, half the server's first flight sent
    "after_auth_challenge",  # AUTH LOGIN's first 334 sent and answered, no next reply
    "after_mail",            # MAIL read, no reply
    "after_rcpt",            # RCPT read, no reply
    "after_data_354",        # DATA answered 354, body not read
    "during_body",           # 64 KiB of a larger body read, then the fault
    "after_dot",             # whole body and the terminating dot read, no reply
    "during_quit",           # QUIT read, no reply
)
FAULT_MODES = ("drop", "silent")
EHLO_NAME = b"fault.test"


def ehlo_reply(*keywords: bytes) -> bytes:
    """A multi-line 250 reply to EHLO listing *keywords*."""
    lines = [b"250-" + EHLO_NAME] + [b"250-" + k for k in keywords[:-1]] + [b"250 " + keywords[-1]]
    return b"".join(line + b"\r\n" for line in lines)


def mail_session(conn: Conn, tls_context: ssl.SSLContext | None = None) -> None:
    """A complete session: greeting, EHLO (STARTTLS and EHLO again when
    *tls_context* is given), AUTH LOGIN, messages until QUIT. Calls
    ``conn.point(step)`` at every step of :data:`FAULT_STEPS`."""
    conn.point("before_greeting")
    greeting = b"220 " + EHLO_NAME + b" ESMTP ready\r\n"
    conn.send(greeting[:9])
    conn.point("mid_greeting")
    conn.send(greeting[9:])
    conn.expect(b"EHLO ")
    conn.point("after_ehlo")
    keywords = [b"PIPELINING", b"8BITMIME", b"AUTH LOGIN PLAIN", b"SIZE 100000000"]
    if tls_context is not None:
        keywords.insert(1, b"STARTTLS")
    reply = ehlo_reply(*keywords)
    cut = reply.index(b"\r\n", reply.index(b"\r\n") + 2) + 2
    conn.send(reply[:cut])
    conn.point("mid_multiline")
    conn.send(reply[cut:])
    if tls_context is not None:
        conn.expect(b"STARTTLS")
        conn.send(b"220 2.0.0 Ready to start TLS\r\n")
        conn.point("after_starttls_220")
        conn.start_tls(tls_context)
        conn.expect(b"EHLO ")
        conn.send(ehlo_reply(b"PIPELINING", b"8BITMIME", b"AUTH LOGIN PLAIN", b"SIZE 100000000"))
    conn.expect(b"AUTH LOGIN")
    conn.send(b"334 VXNlcm5hbWU6\r\n")
    conn.readline()
    conn.point("after_auth_challenge")
    conn.send(b"334 UGFzc3dvcmQ6\r\n")
    conn.readline()
    conn.send(b"235 2.7.0 Authentication successful\r\n")
    serve_transactions(conn)


def serve_transactions(conn: Conn) -> None:
    """Answer MAIL, RCPT, DATA (recording bodies), RSET and NOOP until QUIT."""
    while True:
        line = conn.readline()
        verb = line[:4].upper()
        if verb == b"QUIT":
            conn.point("during_quit")
            conn.send(b"221 2.0.0 Bye\r\n")
            return
        if verb == b"MAIL":
            conn.point("after_mail")
            conn.send(b"250 2.1.0 Ok\r\n")
        elif verb == b"RCPT":
            conn.point("after_rcpt")
            conn.send(b"250 2.1.5 Ok\r\n")
        elif verb == b"DATA":
            conn.send(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            conn.point("after_data_354")
            body = conn.read_body()
            conn.point("after_dot")
            conn.messages.append(body)
            conn.send(b"250 2.0.0 Ok: queued\r\n")
        elif verb in (b"RSET", b"NOOP"):
            conn.send(b"250 2.0.0 Ok\r\n")
        else:
            conn.send(b"502 5.5.2 Command not recognized\r\n")


def greet_and_serve(conn: Conn) -> None:
    """A plain session without AUTH: greeting, EHLO, transactions."""
    conn.send(b"220 " + EHLO_NAME + b" ESMTP ready\r\n")
    conn.expect(b"EHLO ")
    conn.send(ehlo_reply(b"PIPELINING", b"8BITMIME"))
    serve_transactions(conn)
