"""Owner of the ``quarantine`` table: outbox records the platform (or the kiosk itself)
refused, each with its stable code and the reason shown to staff.

A record is quarantined by ``kiosk.store.outbox.mark_quarantined`` in the unit of work
that settles it; ``resolved_at`` stays empty until staff have dealt with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.store import Store
    from kiosk.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class QuarantinedRecord:
    record_id: str
    kind: str
    code: str
    reason: str
    at: str


def add(uow: UnitOfWork, record_id: str, kind: str, code: str, reason: str) -> None:
    """Quarantine one record (again, if it was before: the newest reason wins)."""
    uow.execute("INSERT OR REPLACE INTO quarantine (record_id, kind, code, reason, at, resolved_at) "
                "VALUES (?, ?, ?, ?, ?, NULL)", (record_id, kind, code, reason, uow.at))


def count_open(store: Store) -> int:
    """Quarantined records staff have not yet dealt with."""
    return int(store.conn.execute("SELECT count(*) FROM quarantine WHERE resolved_at IS NULL").fetchone()[0])


def open_records(store: Store) -> list[QuarantinedRecord]:
    """The unresolved records, oldest first, with the reason to show staff."""
    rows = store.conn.execute("SELECT record_id, kind, code, reason, at FROM quarantine "
                              "WHERE resolved_at IS NULL ORDER BY at, record_id").fetchall()
    return [QuarantinedRecord(*row) for row in rows]


def resolve(uow: UnitOfWork, record_id: str) -> QuarantinedRecord | None:
    """Mark an open record dealt with; the record as it was, or None when no such record is open."""
    row = uow.execute("SELECT record_id, kind, code, reason, at FROM quarantine "
                      "WHERE record_id = ? AND resolved_at IS NULL", (record_id,)).fetchone()
    if row is None:
        return None
    uow.execute("UPDATE quarantine SET resolved_at = ? WHERE record_id = ?", (uow.at, record_id))
    return QuarantinedRecord(*row)
