"""What every Python benchmark client shares: its command line, loading the
prepared messages, and the peak-memory report.

A client is run as ``python3 CLIENT.py WORKLOAD PORT DATADIR SIZE_MIB`` and
prints ``vmhwm_kib=N`` (its own peak RSS, from /proc/self/status) as its last
line of output. Kept tiny: it is imported by every client, the raw one too,
so it imports nothing but sys (not even typing: annotations are not
evaluated) - whatever it loaded would be start-up time the raw limit pays
and flatters every ratio.
"""

from __future__ import annotations

import sys

HOST = "127.0.0.1"
HELO = "localhost"
SENDER = "sender@example.com"
RECIPIENT = "rcpt@example.com"


class Job:
    """One client run, from the command line."""

    __slots__ = ("workload", "port", "datadir", "size_mib")

    def __init__(self, workload: str, port: int, datadir: str, size_mib: int) -> None:
        self.workload = workload
        self.port = port
        self.datadir = datadir
        self.size_mib = size_mib


def job() -> Job:
    """Parse ``WORKLOAD PORT DATADIR SIZE_MIB``."""
    workload, port, datadir, size = sys.argv[1:5]
    return Job(workload, int(port), datadir, int(size))


def split_file(path: str) -> list[bytes]:
    """The records of ``PATH`` as cut by the lengths in its ``.len`` file."""
    with open(path, "rb") as data:
        blob = data.read()
    with open(path + ".len" if path.endswith(".wire") else path[:-4] + ".len",
              encoding="ascii") as lengths:
        sizes = [int(n) for n in lengths.read().split()]
    out = []
    start = 0
    for size in sizes:
        out.append(blob[start:start + size])
        start += size
    return out


def messages(j: Job) -> list[str]:
    """The messages of a ``small``/``connect`` job, as str."""
    return [m.decode("ascii") for m in split_file(f"{j.datadir}/{j.workload}.txt")]


def large_text(j: Job) -> str:
    """The ``large-mem`` message: the 1 MiB block repeated SIZE_MIB times,
    built in one allocation."""
    with open(f"{j.datadir}/block.txt", encoding="ascii", newline="") as block:
        text = block.read()
    return text * j.size_mib


def file_path(j: Job, kind: str = "txt") -> str:
    """The ``large-file`` message file (or its wire form for the raw client)."""
    return f"{j.datadir}/file-{j.size_mib}.{kind}"


def report_peak() -> None:
    """Print this process's VmHWM (peak resident set size) in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stdout.write(f"vmhwm_kib={line.split()[1]}\n")
                break
    sys.stdout.flush()
