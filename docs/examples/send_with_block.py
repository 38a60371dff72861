"""Send one message with Net.SMTP.start and a block.

The block (a function passed as ``block=``) receives the started session.
When it returns or raises, the session is finished: QUIT is sent and the
connection closed. start returns whatever the block returns.
"""
import os
import textwrap

from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', '25'))

message = textwrap.dedent("""\
    From: Alice <alice@example.com>
    To: Bob <bob@example.net>
    Subject: Lunch on Friday
    Date: Fri, 27 Nov 2026 09:30:00 +0000
    Message-ID: <lunch.20261127@example.com>

    Hi Bob,

    shall we try the new noodle bar on Friday at noon?

    Alice
    """)


def send(smtp: Net.SMTP) -> str:
    return smtp.send_message(message, 'alice@example.com', 'bob@example.net').status


status = Net.SMTP.start(host, port, block=send)
print(f"queued, the server answered {status}")
