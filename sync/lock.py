"""One sync agent per data directory, held by an ``fcntl`` lock on ``sync.lock``.

The kernel drops the lock when the process dies, even by SIGKILL, so a stale
lock file never blocks the next agent.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from sync.errors import AgentLocked

LOCK_NAME = "sync.lock"


class AgentLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> "AgentLock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise AgentLocked(f"another sync agent (pid {holder}) is already running for {self.path.parent}",
                              hint="stop it first, or use a different --data-dir") from exc
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "AgentLock":
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
