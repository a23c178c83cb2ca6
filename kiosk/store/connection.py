"""The one connection policy of the kiosk's database, for every process that opens it.

The app, the sync agent and every CLI command share one SQLite file, so they must
agree on how it is opened: WAL (readers never block the writer), ``synchronous=FULL``
(a committed transaction survives a power cut, which a kiosk on a wall socket meets),
a busy timeout long enough that a writer waits for another instead of failing with
"database is locked", and foreign keys enforced. Nothing else calls ``sqlite3.connect``
on the kiosk's database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.errors import StoreError
from kiosk.store import failures

BUSY_TIMEOUT_MS = 10_000
# A kiosk has memory to spare; a 64 MiB page cache keeps the indexes of a
# million-unit store in memory instead of re-reading pages on every write.
CACHE_KIB = 64 * 1024


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to the kiosk database at ``path`` under the policy; ``read_only`` opens it
    with ``mode=ro`` (the change feed polls that way and can never write). Raises
    ``sqlite3.Error``/``OSError``; the caller words the failure for its own step."""
    if read_only:
        # check_same_thread=False: the change feed's own lock keeps its callers apart.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    else:
        # check_same_thread=False: the UI's task runner owns the connection on one
        # worker thread, not the thread that opened it.
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        apply_policy(conn, path, read_only=read_only)
    except BaseException:
        conn.close()
        raise
    return conn


def apply_policy(conn: sqlite3.Connection, path: Path, *, read_only: bool = False) -> None:
    """Set the policy's pragmas on ``conn``; a database that cannot be put in WAL mode is
    refused, since the processes sharing it would then lock each other out."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    if read_only:
        return
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    conn.execute("PRAGMA synchronous = FULL")
    if str(mode).lower() != "wal":
        raise StoreError(f"the database {path} could not be switched to WAL mode ({mode})",
                         code=failures.READ_ONLY,
                         hint="check that the kiosk's user may write the data directory")


def policy_of(conn: sqlite3.Connection) -> dict[str, object]:
    """The pragmas the policy sets, as ``conn`` has them (for ``kiosk diagnostics`` and tests)."""
    return {"journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0],
            "synchronous": {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(
                conn.execute("PRAGMA synchronous").fetchone()[0], "?"),
            "busy_timeout_ms": conn.execute("PRAGMA busy_timeout").fetchone()[0],
            "foreign_keys": bool(conn.execute("PRAGMA foreign_keys").fetchone()[0])}
