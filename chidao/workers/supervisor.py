"""A small process supervisor for machines without systemd (``make run``).

It starts ``count`` ``manage.py worker`` processes and starts again any that exits, after
a pause that grows while a worker keeps dying at once (a broken setting must not spin the
machine) and shrinks again once a worker has stayed up. SIGTERM or SIGINT stops the
children (SIGTERM: each finishes its current job) and then the supervisor.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

log = logging.getLogger(__name__)

FIRST_PAUSE = 1.0
LONGEST_PAUSE = 60.0
STEADY_AFTER = 60.0  # a worker up this long was healthy: the next restart is quick again
STOP_GRACE = 60.0  # seconds a stopping worker has to finish its job before SIGKILL
POLL = 0.5


@dataclass
class Slot:
    """One supervised worker: its process, when it started, the pause before a restart."""

    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    pause: float = FIRST_PAUSE
    restart_at: float = 0.0
    restarts: int = 0


class Supervisor:
    def __init__(self, command: Sequence[str], count: int, cwd: Path) -> None:
        self.command = list(command)
        self.cwd = cwd
        self.slots = [Slot() for _ in range(count)]
        self.stopping = False

    def run(self) -> None:
        self._signals()
        try:
            while not self.stopping:
                now = time.monotonic()
                for slot in self.slots:
                    self._tend(slot, now)
                time.sleep(POLL)
        finally:
            self.stop()

    def stop(self) -> None:
        self.stopping = True
        running = [s.proc for s in self.slots if s.proc is not None and s.proc.poll() is None]
        for proc in running:
            proc.terminate()
        deadline = time.monotonic() + STOP_GRACE
        for proc in running:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def _tend(self, slot: Slot, now: float) -> None:
        if slot.proc is not None:
            code = slot.proc.poll()
            if code is None:
                return
            up = now - slot.started
            slot.pause = FIRST_PAUSE if up > STEADY_AFTER else min(slot.pause * 2, LONGEST_PAUSE)
            slot.restart_at = now + slot.pause
            slot.proc = None
            log.warning(
                "tiến trình xử lý %s đã dừng (mã %s) sau %.0f giây; khởi động lại sau %.0f giây",
                self.slots.index(slot) + 1,
                code,
                up,
                slot.pause,
            )
            return
        if now >= slot.restart_at:
            slot.proc = subprocess.Popen(self.command, cwd=self.cwd)
            slot.started = now
            slot.restarts += 1

    def _signals(self) -> None:
        def ask_to_stop(signum: int, frame: FrameType | None) -> None:
            self.stopping = True

        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, ask_to_stop)


def worker_command(extra: Sequence[str]) -> list[str]:
    """``python -m django worker …`` in this interpreter (the settings module travels in
    the environment, as manage.py set it)."""
    return [sys.executable, "-m", "django", "worker", *extra]
