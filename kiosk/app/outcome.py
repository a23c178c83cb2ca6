"""What a command did: its value and the changes it made, read from its audit entries.

Every state change appends an audit entry in the same unit of work (the store
refuses one that does not), so the entries a command's units of work appended
are a complete list of what it changed. A ``Change`` names the entry's kind
(the audit action, e.g. ``handover.deliver``), its subject (a handover id, a
unit code, an order id…), the unit it concerns where the entry names one, and
the subject's state after the command for the kinds whose subject has one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# Audit kinds whose subject is the key of a row with a ``state`` column: kind prefix -> (table, key).
STATEFUL_SUBJECTS: dict[str, tuple[str, str]] = {
    "handover": ("handovers", "id"),
    "contract": ("contracts", "id"),
    "payment": ("payment_orders", "id"),
    "mail": ("mail_requests", "id"),
    "print": ("print_jobs", "id"),
    "unit": ("units", "code"),
}


@dataclass(frozen=True)
class Change:
    """One thing that changed; ``seq`` is its audit sequence number (None for agent bookkeeping)."""

    kind: str
    subject: str
    seq: int | None = None
    unit: str | None = None
    state: str | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.kind, self.subject)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A command's return value and the changes it made, in the order it made them."""

    value: T
    changes: tuple[Change, ...] = ()

    def kinds(self) -> list[str]:
        return [c.kind for c in self.changes]


def unit_of(kind: str, subject: str, detail: str) -> str | None:
    """The unit code an audit entry names: its subject for unit-level kinds, else ``detail.unit`` (or
    ``detail.unit_code``, as the payment entries spell it)."""
    if kind.startswith(("unit.", "registration.", "certificate.", "buyer.", "restriction.override",
                        "print.queued")):
        return subject
    if '"unit' not in detail:
        return None
    try:
        data = json.loads(detail)
        unit = data.get("unit", data.get("unit_code"))
    except (ValueError, AttributeError):
        return None
    return unit if isinstance(unit, str) else None


def entries(conn: sqlite3.Connection, seqs: Sequence[int]) -> list[tuple[int, str, str, str]]:
    """(seq, kind, subject, detail) of the given audit entries, in sequence order."""
    if not seqs:
        return []
    rows = conn.execute("SELECT seq, action, subject, detail FROM audit WHERE seq BETWEEN ? AND ? ORDER BY seq",
                        (min(seqs), max(seqs))).fetchall()
    wanted = set(seqs)
    return [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows if r[0] in wanted]


def current_states(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The state now of each (kind, subject) whose kind has a stateful subject."""
    found: dict[tuple[str, str], str] = {}
    for kind, subject in set(pairs):
        where = STATEFUL_SUBJECTS.get(kind.split(".", 1)[0])
        if where is None:
            continue
        table, key = where
        row = conn.execute(f"SELECT state FROM {table} WHERE {key} = ?", (subject,)).fetchone()
        if row is not None:
            found[(kind, subject)] = str(row[0])
    return found


def changes_of(conn: sqlite3.Connection, seqs: Sequence[int]) -> tuple[Change, ...]:
    """The changes recorded by the audit entries ``seqs``, each with its subject's state now."""
    rows = entries(conn, seqs)
    states = current_states(conn, ((kind, subject) for _, kind, subject, _ in rows))
    return tuple(Change(kind, subject, seq, unit_of(kind, subject, detail), states.get((kind, subject)))
                 for seq, kind, subject, detail in rows)
