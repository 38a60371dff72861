"""``python -m net_smtp``: the ``net-smtp`` command line."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
