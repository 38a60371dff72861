"""Give MAIL FROM parameters with Net.SMTP.Address.

An Address is a mailbox plus ESMTP parameters: strings are used as they are,
keyword arguments become KEY=value. Here the sender declares an 8-bit body
and the message size, so the server can refuse early.
"""
import os
import textwrap

from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', '25'))

message = textwrap.dedent("""\
    From: Jürgen <juergen@example.com>
    To: Bob <bob@example.net>
    Subject: Grüße aus München
    Date: Sat, 28 Nov 2026 16:40:00 +0100
    Message-ID: <gruesse-1@example.com>
    MIME-Version: 1.0
    Content-Type: text/plain; charset=UTF-8
    Content-Transfer-Encoding: 8bit

    Schöne Grüße, bis bald!
    """)

sender = Net.SMTP.Address('juergen@example.com', 'BODY=8BITMIME', SIZE=len(message.encode('utf-8')))
print(f"MAIL FROM parameters: {' '.join(sender.parameters)}")

with Net.SMTP.start(host, port) as smtp:
    smtp.send_message(message, sender, 'bob@example.net')
