"""Checking the database at start, and knowing whether the last run ended cleanly.

Every process runs ``PRAGMA quick_check`` the first time it opens the database. A
full ``PRAGMA integrity_check`` (which also reads every index against its table) runs
instead when a process that had the database open ended without closing it: a crash,
a SIGKILL, a power cut.

How an unclean end is seen: each open store holds a session marker, a file in
``<database>.sessions/`` that its process keeps locked (``flock``; ``msvcrt.locking``
on Windows) while the store is open and deletes when it closes. The operating system
drops the lock when the process dies, however it dies, so a marker that nobody holds
locked is the trace of a process that never closed its store. Markers are made under a
temporary name and renamed once locked, so a marker being made is never taken for a
stale one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kiosk import filemodes
from kiosk.errors import StoreError
from kiosk.store import failures

MARKER_PREFIX = "open-"
MAX_REPORTED = 5


def sessions_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".sessions")


def check(conn: sqlite3.Connection, *, full: bool) -> list[str]:
    """The problems ``PRAGMA integrity_check`` (``full``) or ``quick_check`` finds; [] when sound."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        # Damage bad enough (a garbled page header) stops the check itself.
        if "malformed" not in str(exc) and "not a database" not in str(exc):
            raise
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def refuse_damaged(path: Path, problems: list[str], *, full: bool) -> StoreError:
    shown = "; ".join(problems[:MAX_REPORTED]) + ("; …" if len(problems) > MAX_REPORTED else "")
    check_name = "full integrity check" if full else "quick check"
    return StoreError(f"the database {path} is damaged: it failed its {check_name} at start ({shown})",
                      code=failures.DAMAGED,
                      hint=f"stop using this kiosk and restore {path.name} from the latest backup; "
                           "keep the damaged file for the technician ('kiosk diagnostics' collects "
                           "the check's findings)")


def lock_file(handle: IO[bytes], *, wait: bool) -> bool:
    """Lock ``handle``'s file exclusively; False when another process holds it (not ``wait``)."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


@dataclass
class Session:
    """The marker of one open store; ``unclean`` names the stale markers found at its start."""

    marker: Path | None
    handle: IO[bytes] | None
    unclean: list[str]

    @classmethod
    def begin(cls, db_path: Path) -> "Session":
        """Collect (and delete) the markers of processes that died with the store open, then
        lay this process's own. A data directory that cannot hold markers (read-only) still
        opens: the quick check runs, only the unclean-end detection is lost."""
        folder = sessions_dir(db_path)
        try:
            if not folder.is_dir():
                filemodes.make_private_dir(folder)
        except OSError:
            return cls(None, None, [])
        unclean = _collect_stale(folder)
        tmp = folder / f"new-{os.getpid()}-{os.urandom(4).hex()}"
        try:
            handle = open(tmp, "xb")  # noqa: SIM115 - held open for the store's lifetime
            # The other kiosk user (app or agent) must be able to lock it to tell it is stale.
            filemodes.fix_file(tmp)
        except OSError:
            return cls(None, None, unclean)
        try:
            lock_file(handle, wait=True)
            handle.write(f"{os.getpid()}\n".encode())
            handle.flush()
            marker = folder / (MARKER_PREFIX + tmp.name[len("new-"):])
            os.replace(tmp, marker)
        except OSError:
            handle.close()
            tmp.unlink(missing_ok=True)
            return cls(None, None, unclean)
        return cls(marker, handle, unclean)

    def end(self) -> None:
        """A clean close: the marker goes, so the next start needs only the quick check."""
        if self.handle is None or self.marker is None:
            return
        with contextlib.suppress(OSError):
            self.marker.unlink()
        self.handle.close()
        self.handle = None


def _collect_stale(folder: Path) -> list[str]:
    stale: list[str] = []
    for path in sorted(folder.iterdir()):
        # Only renamed markers count: a "new-" file is one another process is making right now
        # (or died making, before its store was open).
        if path.name.startswith(MARKER_PREFIX) and _remove_if_unlocked(path):
            stale.append(path.name)
    return stale


def _remove_if_unlocked(path: Path) -> bool:
    try:
        handle = open(path, "rb+")  # noqa: SIM115 - closed below
    except OSError:
        return False
    with handle:
        if not lock_file(handle, wait=False):
            return False
        # Its owner may have closed cleanly between our open and our lock: it deletes the
        # marker before letting the lock go, so a marker still in place is a stale one.
        try:
            if os.stat(path).st_ino != os.fstat(handle.fileno()).st_ino:
                return False
        except FileNotFoundError:
            return False
        with contextlib.suppress(OSError):
            path.unlink()
        return True
