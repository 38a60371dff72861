"""Log in with AUTH LOGIN, passing everything by position.

Older scripts call start with positional arguments: host, port, HELO
domain, user, secret, auth type. They keep working, in the same order.
"""
import os
import textwrap

from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', '587'))
user = os.environ.get('SMTP_USER', 'alice')
secret = os.environ['SMTP_SECRET']

message = textwrap.dedent("""\
    From: Alice <alice@example.com>
    To: Bob <bob@example.net>
    Subject: Minutes of the board meeting
    Date: Sat, 28 Nov 2026 11:20:00 +0000
    Message-ID: <minutes-2026-11@example.com>

    The minutes are ready for review.
    """)

with Net.SMTP.start(host, port, 'client.example.com', user, secret, 'login') as smtp:
    smtp.send_message(message, 'alice@example.com', 'bob@example.net')
print('sent after AUTH LOGIN')
