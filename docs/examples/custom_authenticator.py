"""Add your own AUTH mechanism by subclassing Net.SMTP.Authenticator.

This one is AUTH LOGIN with an initial response (RFC 4954): the user name
travels on the AUTH line itself, which saves a round trip. Registering the
class (the auth_type keyword, or LoginWithInitialResponse.auth_type('login_ir')
after the class, as Ruby writes it) makes authtype='login_ir' select it.
Ruby's ``continue`` is spelled ``continue_`` because continue is a Python
keyword.
"""
import os
import textwrap

from net_smtp import Net


class LoginWithInitialResponse(Net.SMTP.Authenticator, auth_type='login_ir'):

    def auth(self, user: str, secret: str) -> Net.SMTP.Response:
        self.continue_(f"AUTH LOGIN {self.base64_encode(user)}")
        return self.finish(self.base64_encode(secret))


host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', '587'))
user = os.environ.get('SMTP_USER', 'alice')
secret = os.environ['SMTP_SECRET']

message = textwrap.dedent("""\
    From: Alice <alice@example.com>
    To: Bob <bob@example.net>
    Subject: Server maintenance window
    Date: Sat, 28 Nov 2026 17:00:00 +0000
    Message-ID: <maintenance-2026-12@example.com>

    The mail server will be down on Sunday from 02:00 to 03:00 UTC.
    """)

with Net.SMTP.start(host, port, user=user, secret=secret, authtype='login_ir') as smtp:
    smtp.send_message(message, 'alice@example.com', 'bob@example.net')
print(f"registered as {Net.SMTP.Authenticator.auth_class('LOGIN-IR').__name__}")
