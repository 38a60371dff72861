"""Write the message piece by piece with open_message_stream.

The stream has puts, print, printf, write and <<. Line endings become CRLF
and lines starting with a dot are escaped on the wire. Used in a with
statement, the message is only committed when the block ends normally; the
final reply is then in ``stream.response``.
"""
import os

from net_smtp import Net

host = os.environ.get('SMTP_HOST', 'mail.example.com')
port = int(os.environ.get('SMTP_PORT', '25'))

figures = {'orders': 1284, 'returns': 37, 'new customers': 112}

with Net.SMTP.start(host, port) as smtp:
    stream = smtp.open_message_stream('alice@example.com',
                                      ['bob@example.net', 'carol@example.org'])
    with stream as f:
        f.puts('From: Alice <alice@example.com>')
        f.puts('To: Bob <bob@example.net>, Carol <carol@example.org>')
        f.puts('Subject: Weekly figures')
        f.puts('Date: Sat, 28 Nov 2026 15:00:00 +0000')
        f.puts('Message-ID: <figures-2026-48@example.com>')
        f.puts()
        for name, count in figures.items():
            f.printf("%-14s %6d\n", name, count)
        f.printf("%-14s %6.1f%%\n", 'growth', 3.25)
        f << "\n" << "Details follow.\n"
        f.print(".csv files are on the share\n")
        f.write("Alice\n")
    print(f"queued: {stream.response.status}")
