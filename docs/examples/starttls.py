"""Require STARTTLS: upgrade the connection to TLS before logging in.

The default, starttls='auto', only upgrades when the server offers STARTTLS,
and an attacker on the path can remove that offer. 'always' refuses to go on
without TLS (Net.SMTPUnsupportedCommand). The server's certificate and host
name are checked against the system's trusted CAs (or the file named by
SSL_CERT_FILE).
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
    Subject: Payroll run approved
    Date: Sat, 28 Nov 2026 13:30:00 +0000
    Message-ID: <payroll-2026-11@example.com>

    The November payroll run is approved.
    """)

with Net.SMTP.start(host, port, user=user, secret=secret, starttls='always') as smtp:
    smtp.send_message(message, 'alice@example.com', 'bob@example.net')
    print(f"STARTTLS mode: {smtp.is_starttls()}")
