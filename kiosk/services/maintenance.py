"""The technician's upkeep of the kiosk: dealing with quarantined records.

A record the platform (or the kiosk itself) refused stays in quarantine, with its
reason, until someone has dealt with it (corrected the case, asked the county) and
says so here with a written note. The record stays in the outbox as quarantined:
marking it dealt with only takes it off the open list staff see, and the audit
entry keeps who did it and why.
"""

from __future__ import annotations

from kiosk.errors import FlowError
from kiosk.rules.reason import required_reason
from kiosk.services.context import Context
from kiosk.services.staff import Actor, require
from kiosk.store import quarantine

__all__ = ["resolve_quarantined"]

MAINTAINERS = frozenset({"technician", "supervisor"})


def resolve_quarantined(ctx: Context, actor: Actor, record_id: str, note: str) -> None:
    """Mark one open quarantined record dealt with (a technician or supervisor, with a note)."""
    require(ctx.store, actor, now=ctx.now(), roles=MAINTAINERS)
    note = required_reason(note, why="this quarantined record counts as dealt with")
    with ctx.store.unit_of_work(actor.label) as uow:
        record = quarantine.resolve(uow, record_id)
        if record is None:
            raise FlowError(f"no open quarantined record {record_id}", code="unknown_quarantined",
                            hint="it was dealt with already or never quarantined; refresh the list")
        uow.log("quarantine.resolved", record_id, {"kind": record.kind, "code": record.code, "note": note})
