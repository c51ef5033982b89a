"""Wall time and peak RSS of a command run as a child process (the figures benchmarks print)."""

from __future__ import annotations

import os
import resource
import subprocess
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Measurement:
    label: str
    seconds: float
    peak_rss_mb: float

    def __str__(self) -> str:
        return f"{self.label:<48} {self.seconds:8.2f} s   peak RSS {self.peak_rss_mb:8.1f} MB"


def run_measured(label: str, command: list[str], env: dict[str, str] | None = None) -> Measurement:
    """Run `command` in a fresh child (so RSS is its own) and measure it."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{label} failed: {process.stderr.read().decode()[-2000:]}")
    return Measurement(label, elapsed, usage.ru_maxrss / 1024)


def peak_rss_mb() -> float:
    """Peak RSS of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
