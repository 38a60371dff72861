"""Say who is calling: the HELO domain.

The client introduces itself with EHLO (or HELO); the default name is
"localhost". Servers may judge a session by it, so give the name of the
host the mail comes from.
"""
import os
import textwrap

from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', '25'))

message = textwrap.dedent("""\
    From: Build Robot <robot@client.example.com>
    To: Bob <bob@example.net>
    Subject: Build 1842 passed
    Date: Sat, 28 Nov 2026 02:14:00 +0000
    Message-ID: <build-1842@client.example.com>

    All 2311 tests passed.
    """)

with Net.SMTP.start(host, port, helo='client.example.com') as smtp:
    smtp.send_message(message, 'robot@client.example.com', 'bob@example.net')
    print(f"server extensions: {', '.join(smtp.capabilities.keys())}")
