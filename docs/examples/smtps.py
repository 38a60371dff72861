"""Implicit TLS (SMTPS, port 465): TLS from the first byte.

tls=True wraps the connection before the server's greeting is read. The
certificate and host name are verified as for STARTTLS.
"""
import os
import textwrap

from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', str(Net.SMTP.default_tls_port())))
user = os.environ.get('SMTP_USER', 'alice')
secret = os.environ['SMTP_SECRET']

message = textwrap.dedent("""\
    From: Alice <alice@example.com>
    To: Bob <bob@example.net>
    Subject: Contract draft
    Date: Sat, 28 Nov 2026 14:10:00 +0000
    Message-ID: <contract-draft-3@example.com>

    Draft 3 of the contract is ready for your comments.
    """)

with Net.SMTP.start(host, port, user=user, secret=secret, tls=True) as smtp:
    smtp.send_message(message, 'alice@example.com', 'bob@example.net')
    print('sent over implicit TLS' if smtp.is_tls() else 'sent in clear text')
