"""The raw limit: pre-encoded wire bytes sent in lock-step over a plain
socket - each command, wait for its reply; the DATA body (terminator
included) in one write, wait for the reply. No parsing beyond the reply
code, no encoding work: the floor for any SMTP client on this machine."""

from __future__ import annotations

import socket

import clientlib

CHUNK = 1024 * 1024


def expect(sock: socket.socket, codes: bytes) -> None:
    """Read one single-line reply; its first digit must be in *codes*."""
    reply = sock.recv(4096)
    while not reply.endswith(b"\n"):
        more = sock.recv(4096)
        if not more:
            raise EOFError("server closed the connection")
        reply += more
    if reply[:1] not in codes:
        raise RuntimeError(f"unexpected reply {reply!r}")


def command(sock: socket.socket, line: bytes, codes: bytes = b"2") -> None:
    """Send one pre-encoded command line and wait for its reply."""
    sock.sendall(line)
    expect(sock, codes)


ENVELOPE = [
    f"MAIL FROM:<{clientlib.SENDER}>\r\n".encode("ascii"),
    f"RCPT TO:<{clientlib.RECIPIENT}>\r\n".encode("ascii"),
]


def open_session(port: int) -> socket.socket:
    """Connect, read the greeting, EHLO."""
    sock = socket.create_connection((clientlib.HOST, port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    expect(sock, b"2")
    command(sock, f"EHLO {clientlib.HELO}\r\n".encode("ascii"))
    return sock


def close_session(sock: socket.socket) -> None:
    """QUIT and close."""
    command(sock, b"QUIT\r\n")
    sock.close()


def begin_data(sock: socket.socket) -> None:
    """MAIL FROM, RCPT TO, DATA (expecting 354)."""
    for line in ENVELOPE:
        command(sock, line)
    command(sock, b"DATA\r\n", b"3")


def send_wire(sock: socket.socket, wire: bytes) -> None:
    """One message: envelope, DATA, the body in one write, its reply."""
    begin_data(sock)
    sock.sendall(wire)
    expect(sock, b"2")


def main() -> None:
    """Run the workload named on the command line."""
    j = clientlib.job()
    if j.workload == "startup":
        close_session(open_session(j.port))
    elif j.workload in ("small", "delayed"):  # delayed: the sink answers late
        sock = open_session(j.port)
        for wire in clientlib.split_file(f"{j.datadir}/{j.workload}.wire"):
            send_wire(sock, wire)
        close_session(sock)
    elif j.workload == "connect":
        for wire in clientlib.split_file(f"{j.datadir}/connect.wire"):
            sock = open_session(j.port)
            send_wire(sock, wire)
            close_session(sock)
    elif j.workload == "large-mem":
        with open(f"{j.datadir}/block.wire", "rb") as block:
            body = block.read()
        wire = b"".join([body] * j.size_mib + [b".\r\n"])
        sock = open_session(j.port)
        send_wire(sock, wire)
        close_session(sock)
    elif j.workload == "large-file":
        sock = open_session(j.port)
        begin_data(sock)
        buffer = bytearray(CHUNK)
        view = memoryview(buffer)
        with open(clientlib.file_path(j, "wire"), "rb") as wire_file:
            while True:
                count = wire_file.readinto(buffer)
                if not count:
                    break
                sock.sendall(view[:count])
        expect(sock, b"2")
        close_session(sock)
    else:
        raise SystemExit(f"unknown workload {j.workload}")
    clientlib.report_peak()


if __name__ == "__main__":
    main()
