"""A remote server alone in a process of its own, for tests that need its own limits (open files).

    python -m tests.remote.server_child SOFT:HARD STATE_DIR [--listen HOST:PORT] [runofshow's remote options]

First sets its own RLIMIT_NOFILE to SOFT:HARD (as a desktop session would have started it), then logs as the
app does (the real logging set-up, into STATE_DIR/logs and stderr), runs the real bridge on the system clock
and the real `start_server` (so the server's own start-up, raising that limit included, is what runs), prints
`serving HTTP_PORT OSC_PORT` (0: no OSC) on stdout once it listens, and serves until it is terminated.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    soft, hard = (int(part) for part in argv[0].split(":"))
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))

    from PySide6.QtCore import QCoreApplication

    from runofshow.core.clock import SystemClock
    from runofshow.io.logsetup import configure_logging
    from runofshow.io.session import ShowSession
    from runofshow.qt.bridge import ShowBridge
    from runofshow.remote.options import add_arguments
    from runofshow.remote.server import start_server
    from tests.core.helpers import seed

    parser = argparse.ArgumentParser()
    parser.add_argument("state", type=Path)
    add_arguments(parser)
    args = parser.parse_args(argv[1:])
    configure_logging(args.state)
    app = QCoreApplication([sys.argv[0]])
    bridge = ShowBridge(ShowSession(seed(), Path("agenda.yaml"), args.state), SystemClock())
    server = start_server(bridge, args, args.state)
    if server is None or not server.running:
        print(f"not serving: {server.error if server else 'no server'}", flush=True)
        return 2
    print(f"serving {server.port} {server.osc_port or 0}", flush=True)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
