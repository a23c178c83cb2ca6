"""The audit log as a hash chain.

Each entry's hash is SHA-256 over the previous entry's hash and the entry's
canonical form (sequence number, time, actor, action, subject, detail as
sorted compact JSON). Editing, deleting, inserting or reordering rows breaks
the chain at the first affected entry, which ``verify`` names. Details never
hold personal data in clear: callers pass masked numbers or record ids.

``UnitOfWork.log`` (``kiosk.store.unit_of_work``) is the one writer of the chain.

An unkeyed chain cannot show that its last entries were deleted, or that an
entry was edited and every later hash recomputed. So the chain is anchored by
checkpoints the device signs with its Ed25519 key (``sync.wire.checkpoints``,
kept in ``audit_checkpoints``): one at the end of the unit of work in which the
chain has grown ``CHECKPOINT_EVERY`` entries past the last, and one at every
push, which the county acknowledges. The device signs a checkpoint only after
checking that the entries since the previous one link, so each checkpoint
vouches for the chain up to it. ``verify`` checks the chain against every
checkpoint and the county's acknowledgement of the last one it holds, and
names a truncation (a checkpoint beyond the last entry) or a rewrite (an
entry's hash that is not the one its checkpoint signed).

What stays out of reach locally: whoever can write the database can also
delete the checkpoints above where they cut, or put back a whole older copy of
the file; both leave a chain that agrees with its remaining checkpoints. The
county's checkpoint catches both at the next push (``audit_diverged``). What
nobody can do without the device key (``keys/device_sign.key``, outside the
database) is sign checkpoints over a rewritten chain.

Why every 64 entries, at the end of a unit of work: a checkpoint costs one
Ed25519 signature (0.12 ms measured), re-checking the entries since the last
one (0.01 ms each) and a row of about 330 bytes. ``bench/flows.py --handovers
200`` took 68-75 ms per complete handover (about 26 entries) without device
keys and 62-77 ms with them (``--device-keys``: 82 checkpoints): below the
run-to-run noise of the fsyncs; a bare unit of work took 2.8-3.5 ms, and 3.0-4.0
ms signing a checkpoint every time. Time does not decide it, size does: a push
carries every checkpoint the county has not acknowledged, and at about 17
units of work per handover (``kiosk simulate``) a week offline at 100 handovers
a day would be some 12,000 checkpoints (3.9 MB in each batch) against about 280
(94 KB) at every 64.
The entries written since the last checkpoint (at most 63, fewer since the
last push) are vouched for only once the next checkpoint signs them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from kiosk.errors import KioskError
from sync.wire import checkpoints as signed
from sync.wire import errors as wire_errors
from sync.wire import verify_ack

GENESIS = "0" * 64
CHECKPOINT_EVERY = 64
DIVERGED = wire_errors.AUDIT_DIVERGED


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


class CheckpointRefused(KioskError):
    """The device will not sign a checkpoint: its chain does not extend the last one it signed."""

    code = DIVERGED


@dataclass(frozen=True)
class CheckpointSigner:
    """The device key that signs checkpoints, and how many entries apart (at unit-of-work ends)."""

    key: signed.SigningKey
    every: int = CHECKPOINT_EVERY


def last_checkpoint(conn: sqlite3.Connection) -> tuple[int, str]:
    """(seq, hash) of the device's latest signed checkpoint; (0, GENESIS) before the first."""
    row = conn.execute("SELECT seq, hash FROM audit_checkpoints ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))


def acknowledged(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """(seq, hash) of the last checkpoint the county acknowledged holding, or None."""
    row = conn.execute("SELECT seq, hash FROM audit_checkpoints WHERE ack IS NOT NULL "
                       "ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def _segment_problem(conn: sqlite3.Connection, start: tuple[int, str], end: int) -> str | None:
    """Why entries ``start``..``end`` do not link from the checkpoint ``start``, or None."""
    seq0, hash0 = start
    if seq0:
        row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq0,)).fetchone()
        if row is None:
            return f"entry {seq0}, where the last checkpoint was signed, is missing"
        if row[0] != hash0:
            return f"entry {seq0} no longer has the hash its checkpoint signed"
    prev_hash, expected = hash0, seq0 + 1
    rows = conn.execute("SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit "
                        "WHERE seq > ? AND seq <= ? ORDER BY seq", (seq0, end))
    for seq, at, actor, action, subject, detail, stored_prev, stored_hash in rows:
        if (seq != expected or stored_prev != prev_hash
                or entry_hash(prev_hash, seq, at, actor, action, subject, detail) != stored_hash):
            return f"entry {expected} does not extend the chain from the checkpoint at entry {seq0}"
        prev_hash, expected = stored_hash, expected + 1
    return None if expected == end + 1 else f"entry {expected} is missing"


def sign_checkpoint(conn: sqlite3.Connection, key: signed.SigningKey, at: str, *,
                    every: int = 1) -> dict[str, Any] | None:
    """Sign a checkpoint at the head when it is ``every`` or more entries past the last one;
    call inside the caller's transaction. Raises ``CheckpointRefused`` when the chain does not
    extend the last checkpoint (cut short or rewritten): the device vouches only for what links."""
    seq, digest = head(conn)
    last = last_checkpoint(conn)
    if seq < last[0]:
        raise CheckpointRefused(
            f"the audit chain ends at entry {seq}, behind the checkpoint this device signed at entry "
            f"{last[0]}: entries were deleted", hint=_HINTS["truncated"].format(seq=last[0]))
    if seq - last[0] < max(1, every):
        return None
    problem = _segment_problem(conn, last, seq)
    if problem is not None:
        raise CheckpointRefused(f"the audit chain was altered after the checkpoint at entry {last[0]}: "
                                f"{problem}", hint=_HINTS["rewritten"].format(seq=last[0]))
    obj = signed.make_checkpoint(key, seq=seq, hash=digest, prev_seq=last[0], prev_hash=last[1], at=at)
    conn.execute("INSERT INTO audit_checkpoints (seq, hash, prev_seq, prev_hash, at, signed) "
                 "VALUES (?, ?, ?, ?, ?, ?)", (seq, digest, last[0], last[1], at, canonical_text(obj)))
    return obj


def boundary_checkpoint(conn: sqlite3.Connection, signer: CheckpointSigner, at: str) -> None:
    """The unit-of-work end: a checkpoint every ``signer.every`` entries. A chain that no longer
    extends its checkpoints gets none; ``verify`` and the next push report it, the flow goes on."""
    try:
        sign_checkpoint(conn, signer.key, at, every=signer.every)
    except CheckpointRefused:
        return


def unacknowledged(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The signed checkpoints a push carries, oldest first: the last acknowledged one and every
    later one, so the chain passes through whatever the county holds."""
    since = acknowledged(conn)
    rows = conn.execute("SELECT signed FROM audit_checkpoints WHERE seq >= ? ORDER BY seq",
                        (since[0] if since else 0,)).fetchall()
    return [json.loads(row[0]) for row in rows]


def acknowledge(conn: sqlite3.Connection, checkpoint: tuple[int, str], ack: str, at: str) -> bool:
    """Keep the county's signed acknowledgement on the checkpoint it names; False when this
    device never signed that checkpoint."""
    cur = conn.execute("UPDATE audit_checkpoints SET ack = ?, acked_at = ? WHERE seq = ? AND hash = ?",
                       (ack, at, checkpoint[0], checkpoint[1]))
    return cur.rowcount > 0


_HINTS = {
    "truncated": "do not use this kiosk for real work; keep kiosk.sqlite as evidence and call a technician: "
                 "restore a backup that reaches entry {seq}, or reset the kiosk with 'kiosk init --reset' "
                 "and a code from 'county-gateway reset-code'",
    "rewritten": "do not use this kiosk for real work; keep kiosk.sqlite as evidence and call a technician: "
                 "restore a backup whose chain matches the checkpoint at entry {seq}, or reset the kiosk "
                 "with 'kiosk init --reset' and a code from 'county-gateway reset-code'",
    "checkpoints": "the checkpoint table was edited: keep kiosk.sqlite as evidence and call a technician",
}


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int
    head: str
    first_bad_seq: int | None = None
    reason: str | None = None
    problem: str | None = None
    hint: str | None = None
    checkpoints: int = 0
    checkpoint_seq: int | None = None
    acknowledged_seq: int | None = None
    signatures_checked: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "head": self.head,
                "first_bad_seq": self.first_bad_seq, "reason": self.reason, "problem": self.problem,
                "hint": self.hint, "checkpoints": self.checkpoints, "checkpoint_seq": self.checkpoint_seq,
                "acknowledged_seq": self.acknowledged_seq, "signatures_checked": self.signatures_checked}


@dataclass(frozen=True)
class _Row:
    seq: int
    hash: str
    prev: tuple[int, str]
    signed: str
    ack: str | None


def _checkpoint_problem(rows: list[_Row], device_key: signed.VerifyKey,
                        platform_key: signed.VerifyKey | None) -> tuple[str, str, int] | None:
    """(problem, reason, seq) for the first checkpoint row that is not what the device and the
    county signed, or None."""
    previous = (0, GENESIS)
    for row in rows:
        try:
            cp = signed.verify_checkpoint(json.loads(row.signed), device_key)
        except (ValueError, wire_errors.WireError):
            return ("checkpoint_forged", f"the checkpoint at entry {row.seq} is not one this device "
                    "signed", row.seq)
        if cp.ref != (row.seq, row.hash) or cp.prev != row.prev:
            return ("checkpoint_forged", f"the checkpoint row at entry {row.seq} differs from what the "
                    "device signed", row.seq)
        if cp.prev != previous:
            return ("checkpoint_unlinked", f"the checkpoint at entry {row.seq} does not link to the "
                    f"checkpoint before it (entry {previous[0]}): checkpoints were deleted or inserted",
                    row.seq)
        if row.ack is not None and platform_key is not None:
            try:
                ack = verify_ack(row.ack.encode("utf-8"), platform_key)
            except wire_errors.WireError:
                ack = None
            if ack is None or ack.checkpoint != cp.ref:
                return ("checkpoint_forged", f"the county's acknowledgement of the checkpoint at entry "
                        f"{row.seq} is not signed by the county platform", row.seq)
        previous = cp.ref
    return None


def verify(conn: sqlite3.Connection, *, device_key: signed.VerifyKey | None = None,
           platform_key: signed.VerifyKey | None = None) -> Verification:
    """Walk the chain from the start; stop at the first entry that does not fit, then hold it
    against the device's signed checkpoints (and the county's acknowledgement of the last it
    holds). Without ``device_key`` (a kiosk never enrolled, or its key unreadable) the checkpoints'
    signatures are not checked (``signatures_checked`` False), only their places in the chain."""
    rows = [_Row(int(r[0]), str(r[1]), (int(r[2]), str(r[3])), str(r[4]), r[5]) for r in conn.execute(
        "SELECT seq, hash, prev_seq, prev_hash, signed, ack FROM audit_checkpoints ORDER BY seq")]
    acked = [r.seq for r in rows if r.ack is not None]
    n_cp, ack_seq = len(rows), (acked[-1] if acked else None)
    checked = device_key is not None
    by_seq = {r.seq: r for r in rows}
    prev_hash, expected_seq, count = GENESIS, 1, 0
    trusted = 0
    entries = conn.execute(
        "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit ORDER BY seq")
    for seq, at, actor, action, subject, detail, stored_prev, stored_hash in entries:
        if seq != expected_seq:
            what = "missing" if seq > expected_seq else "duplicated"
            return Verification(False, count, prev_hash, expected_seq,
                                f"entry {expected_seq} is {what} (next stored entry is {seq})",
                                "broken_link", checkpoints=n_cp, acknowledged_seq=ack_seq, signatures_checked=checked)
        if stored_prev != prev_hash:
            return Verification(False, count, prev_hash, seq,
                                f"entry {seq} does not link to entry {seq - 1} (deleted or reordered)",
                                "broken_link", checkpoints=n_cp, acknowledged_seq=ack_seq, signatures_checked=checked)
        if entry_hash(prev_hash, seq, at, actor, action, subject, detail) != stored_hash:
            return Verification(False, count, prev_hash, seq, f"entry {seq} was altered after it was written",
                                "altered", checkpoints=n_cp, acknowledged_seq=ack_seq, signatures_checked=checked)
        mark = by_seq.get(seq)
        if mark is not None:
            if mark.hash != stored_hash:
                return Verification(
                    False, count, prev_hash, trusted + 1,
                    f"entry {seq} is not the entry the device signed in its checkpoint at entry {seq}: an "
                    f"entry between {trusted + 1} and {seq} was rewritten and every later hash recomputed",
                    "rewritten", _HINTS["rewritten"].format(seq=seq), checkpoint_seq=seq, checkpoints=n_cp, acknowledged_seq=ack_seq, signatures_checked=checked)
            trusted = seq
        prev_hash, expected_seq, count = stored_hash, expected_seq + 1, count + 1
    beyond = [r.seq for r in rows if r.seq > count]
    if beyond:
        told = " and acknowledged by the county" if any(s in acked for s in beyond) else ""
        return Verification(
            False, count, prev_hash, count + 1,
            f"the audit chain ends at entry {count}, but the device signed a checkpoint at entry "
            f"{beyond[-1]}{told}: entries {count + 1} to {beyond[-1]} or more were deleted",
            "truncated", _HINTS["truncated"].format(seq=beyond[-1]), checkpoint_seq=beyond[-1], checkpoints=n_cp, acknowledged_seq=ack_seq, signatures_checked=checked)
    bad = _checkpoint_problem(rows, device_key, platform_key) if device_key is not None else None
    if bad is not None:
        problem, reason, at_seq = bad
        return Verification(False, count, prev_hash, None, reason, problem, _HINTS.get(
            problem, _HINTS["checkpoints"]), checkpoint_seq=at_seq, checkpoints=n_cp, acknowledged_seq=ack_seq, signatures_checked=checked)
    return Verification(True, count, prev_hash, checkpoints=n_cp, acknowledged_seq=ack_seq, signatures_checked=checked)
