"""Log in with AUTH CRAM-MD5, on a session object made with the class.

CRAM-MD5 never sends the secret itself, only a keyed hash of the server's
challenge; the server must store the secret in clear to check it, and the
hash is weak, so prefer PLAIN inside TLS where you can.
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
    Subject: Key rotation done
    Date: Sat, 28 Nov 2026 12:45:00 +0000
    Message-ID: <keys-2026-11-28@example.com>

    The signing keys were rotated at 12:40 UTC.
    """)

smtp = Net.SMTP(host, port)
with smtp.start(user=user, secret=secret, authtype='cram_md5'):
    print(f"the server offers: {' '.join(smtp.capable_auth_types())}")
    smtp.send_message(message, 'alice@example.com', 'bob@example.net')
print('sent after AUTH CRAM-MD5')
