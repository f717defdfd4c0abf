"""Progress of a batch on standard error: a one-line bar redrawn in place
when stderr is a terminal, a plain log line every few seconds when it is a
file or a pipe (a cluster job's log must not fill with carriage returns).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

LOG_INTERVAL = 5.0
"""Seconds between log lines when not on a terminal."""

BAR_INTERVAL = 0.1
"""Seconds between redraws of the bar."""


def format_duration(seconds: float) -> str:
    """Short human duration.

    >>> format_duration(5), format_duration(125), format_duration(7322)
    ('5s', '2m05s', '2h02m')
    """
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


class Progress:
    """Counts files and bytes done; draws a bar or logs."""

    def __init__(self, total_files: int, total_bytes: int, stream: TextIO | None = None,
                 tty: bool | None = None, width: int = 28) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.total_files, self.total_bytes = total_files, max(total_bytes, 1)
        self.files = self.bytes = self.failed = self.skipped = 0
        self.width = width
        self.started = time.monotonic()
        self._last_draw = 0.0

    def update(self, size: int, status: str) -> None:
        self.files += 1
        self.bytes += size
        self.failed += status == "error"
        self.skipped += status == "skipped"
        now = time.monotonic()
        interval = BAR_INTERVAL if self.tty else LOG_INTERVAL
        if now - self._last_draw >= interval or self.files == self.total_files:
            self._last_draw = now
            self.draw(now)

    def line(self, now: float | None = None) -> str:
        """The status text: files, throughput, time left."""
        elapsed = max((now or time.monotonic()) - self.started, 1e-6)
        rate = self.files / elapsed
        mb_rate = self.bytes / elapsed / 1e6
        left = (self.total_bytes - self.bytes) / (self.bytes / elapsed) if self.bytes else 0.0
        notes = []
        if self.skipped:
            notes.append(f"{self.skipped} already done")
        if self.failed:
            notes.append(f"{self.failed} failed")
        note = f" ({', '.join(notes)})" if notes else ""
        return (f"{self.files}/{self.total_files} files{note}, {rate:.1f} files/s, "
                f"{mb_rate:.2f} MB/s, {format_duration(elapsed)} elapsed, "
                f"{format_duration(left)} left")

    def draw(self, now: float | None = None) -> None:
        if self.tty:
            filled = int(self.width * self.files / max(self.total_files, 1))
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r[{bar}] {self.line(now)}\x1b[K")
        else:
            self.stream.write(f"clean-scan batch: {self.line(now)}\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.files:
            self.stream.write("\n")
            self.stream.flush()
