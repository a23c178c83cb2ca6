"""What a failing SQLite call means for the person at the kiosk.

Every low-level database failure the store meets (``sqlite3.Error``, and the
``UnicodeDecodeError`` Python raises when a damaged page garbles the schema
text) becomes one ``StoreError`` with a stable code and a hint saying what to
do. A failed step is always rolled back by SQLite, so each hint can promise
that work committed before it is safe.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from kiosk.errors import StoreError

DATABASE_LOST = "database_lost"
DISK_FULL = "disk_full"
READ_ONLY = "read_only"
DAMAGED = "damaged"
CONFLICT = "conflict"
CONSTRAINT = "constraint"
BUSY = "busy"
CANNOT_OPEN = "cannot_open"
IO_ERROR = "io_error"
FAILED = "store"

_SAFE = "work committed before it is safe"

_BY_SQLITE_CODE: dict[int, str] = {
    sqlite3.SQLITE_FULL: DISK_FULL,
    sqlite3.SQLITE_READONLY: READ_ONLY,
    sqlite3.SQLITE_PERM: READ_ONLY,
    sqlite3.SQLITE_CORRUPT: DAMAGED,
    sqlite3.SQLITE_NOTADB: DAMAGED,
    sqlite3.SQLITE_CONSTRAINT: CONFLICT,
    sqlite3.SQLITE_BUSY: BUSY,
    sqlite3.SQLITE_LOCKED: BUSY,
    sqlite3.SQLITE_CANTOPEN: CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: IO_ERROR,
}

# SQLite reports a write that found no space while growing its -wal or -shm file as an I/O
# error, not SQLITE_FULL; with less than this left on the disk, that is what it was.
NEARLY_FULL_BYTES = 1024 * 1024


def classify(exc: BaseException, path: Path | None = None) -> str:
    """The store error code for ``exc`` (``store`` when it is none of the known causes);
    ``path`` (the database) lets an I/O error on a full disk be called what it is."""
    if isinstance(exc, UnicodeDecodeError):
        return DAMAGED
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DISK_FULL
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            return READ_ONLY
        return CANNOT_OPEN
    if isinstance(exc, sqlite3.IntegrityError):
        # Two writers claiming the same row meet a UNIQUE or PRIMARY KEY constraint; any
        # other constraint (foreign key, check, not null) is a change that breaks a rule.
        return CONFLICT if "UNIQUE" in str(exc) else CONSTRAINT
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _BY_SQLITE_CODE:
        found = _BY_SQLITE_CODE[code & 0xFF]
        if found == IO_ERROR and path is not None and _nearly_full(path):
            return DISK_FULL
        return found
    text = str(exc).lower()
    if "malformed" in text or "not a database" in text:
        return DAMAGED
    return FAILED


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def store_failure(exc: BaseException, path: Path, doing: str) -> StoreError:
    """The person-facing error for ``exc``; ``doing`` reads before the path, e.g. "cannot open
    the database"."""
    code = classify(exc, path)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    if isinstance(exc, UnicodeDecodeError):
        reason = "its schema cannot be read"
    message = f"{doing} {path}: it {_WHAT[code]} ({reason})"
    return StoreError(message, code=code, hint=_HINTS[code].format(path=path, dir=path.parent))


_WHAT: dict[str, str] = {
    DISK_FULL: "cannot grow because the disk is full",
    READ_ONLY: "cannot be written",
    DAMAGED: "is damaged",
    CONFLICT: "refused a change another writer had already made",
    CONSTRAINT: "refused a change that breaks one of its rules",
    BUSY: "is held by another kiosk process",
    CANNOT_OPEN: "cannot be opened",
    IO_ERROR: "could not be read or written by the disk",
    FAILED: "reported an error",
}

_HINTS: dict[str, str] = {
    DISK_FULL: "free space on the disk that holds {dir}, then try again; this step was rolled back and "
               + _SAFE,
    READ_ONLY: "check that the kiosk's user owns {path} and that it is not immutable "
               "(lsattr / chattr -i), then try again; " + _SAFE,
    DAMAGED: "stop using this kiosk and restore {path} from the latest backup; keep the damaged file "
             "for the technician",
    CONFLICT: "another kiosk process (such as a second 'kiosk simulate') wrote the same row first; run one "
              "writer at a time and try again; this step was rolled back and " + _SAFE,
    CONSTRAINT: "this step was rolled back and " + _SAFE + "; report the message to a technician",
    BUSY: "wait for the other process (sync agent, another command) to finish, then try again",
    IO_ERROR: "check the disk that holds {dir} (space, health, mount), then try again; " + _SAFE,
    CANNOT_OPEN: "check that {dir} exists and that the kiosk's user may read and write it",
    FAILED: "this step was rolled back and " + _SAFE + "; report the message to a technician",
}
