"""The audit log as a hash chain.

Each entry's hash is SHA-256 over the previous entry's hash and the entry's
canonical form (sequence number, time, actor, action, subject, detail as
sorted compact JSON). Editing, deleting, inserting or reordering rows breaks
the chain at the first affected entry, which ``verify`` names. Details never
hold personal data in clear: callers pass masked numbers or record ids.

``UnitOfWork.log`` (``kiosk.store.unit_of_work``) is the one writer of the chain.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


# Built once: json.dumps with options makes a new encoder on every call, and these run on
# every state change.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(seq: int, at: str, actor: str, action: str, subject: str, detail: str) -> bytes:
    """The bytes an entry's hash covers; ``detail`` is already canonical JSON text."""
    return _COMPACT.encode([seq, at, actor, action, subject, detail]).encode("utf-8")


def canonical_text(obj: Any) -> str:
    """Sorted keys, no spaces, Chinese as is: the one text form of JSON the store keeps."""
    return _CANONICAL.encode(obj)


def detail_json(detail: dict[str, Any] | None) -> str:
    return canonical_text(detail or {})


def entry_hash(prev_hash: str, seq: int, at: str, actor: str, action: str, subject: str,
               detail: str) -> str:
    h = hashlib.sha256()
    h.update(prev_hash.encode("ascii"))
    h.update(canonical(seq, at, actor, action, subject, detail))
    return h.hexdigest()


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    """(last sequence number, last hash); (0, GENESIS) for an empty log."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int
    head: str
    first_bad_seq: int | None = None
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "head": self.head,
                "first_bad_seq": self.first_bad_seq, "reason": self.reason}


def verify(conn: sqlite3.Connection) -> Verification:
    """Walk the chain from the start; stop at the first entry that does not fit."""
    prev_hash, expected_seq, count = GENESIS, 1, 0
    rows = conn.execute(
        "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit ORDER BY seq")
    for seq, at, actor, action, subject, detail, stored_prev, stored_hash in rows:
        if seq != expected_seq:
            what = "missing" if seq > expected_seq else "duplicated"
            return Verification(False, count, prev_hash, expected_seq,
                                f"entry {expected_seq} is {what} (next stored entry is {seq})")
        if stored_prev != prev_hash:
            return Verification(False, count, prev_hash, seq,
                                f"entry {seq} does not link to entry {seq - 1} (deleted or reordered)")
        if entry_hash(prev_hash, seq, at, actor, action, subject, detail) != stored_hash:
            return Verification(False, count, prev_hash, seq, f"entry {seq} was altered after it was written")
        prev_hash, expected_seq, count = stored_hash, expected_seq + 1, count + 1
    return Verification(True, count, prev_hash)
