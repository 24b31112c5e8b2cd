"""A progress line on stderr for long work: rows, rows/s and an ETA.

No dependency: on a terminal one line is redrawn in place (at most every
`INTERVAL` seconds); elsewhere (a log, CI) one line per table when it is
done, so logs stay short. The ETA comes from the expected row count the
caller gives (PostgreSQL's reltuples estimate), so it is an estimate too.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

INTERVAL = 0.25


def _rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:,.0f} rows/s" if seconds > 0 else "- rows/s"


class Progress:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.name, self.expected, self.rows = "", 0, 0
        self.started = self.shown = 0.0

    def start(self, name: str, expected: int) -> None:
        self.name, self.expected, self.rows = name, max(expected, 0), 0
        self.started = self.shown = time.monotonic()

    def advance(self, rows: int) -> None:
        self.rows += rows
        now = time.monotonic()
        if self.live and now - self.shown >= INTERVAL:
            self.shown = now
            self.stream.write("\r\033[K" + self._line(now))
            self.stream.flush()

    def _line(self, now: float) -> str:
        elapsed = now - self.started
        line = (f"twinning: copying {self.name}: {self.rows:,} rows, "
                f"{_rate(self.rows, elapsed)}")
        if self.expected > self.rows and self.rows and elapsed > 0:
            eta = (self.expected - self.rows) / (self.rows / elapsed)
            line += f", ETA {eta:,.0f}s"
        return line

    def done(self) -> float:
        now = time.monotonic()
        elapsed = now - self.started
        end = (f"twinning: copied {self.name}: {self.rows:,} rows in "
               f"{elapsed:.1f}s ({_rate(self.rows, elapsed)})")
        self.stream.write(("\r\033[K" if self.live else "") + end + "\n")
        self.stream.flush()
        return elapsed
