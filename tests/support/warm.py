"""The warm servers (twinning.warm) a test run starts: each lives in a
runtime directory of the run, and is stopped with it."""

from __future__ import annotations

import os
import signal
from pathlib import Path


def stop_warm_servers(folder: Path) -> None:
    """SIGTERM every warm server whose socket is under `folder` (read from
    /proc: its command line names the socket)."""
    marker = str(folder).encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"twinning.warm_server" in argv and any(
                arg.startswith(marker) for arg in argv):
            try:
                os.kill(int(entry.name), signal.SIGTERM)
            except ProcessLookupError:
                pass
