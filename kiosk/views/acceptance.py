"""AcceptanceView: each project's joint-acceptance checklist (联合验收即登记) and its first registration.

Per project: every item of ``kiosk.services.acceptance.ITEMS`` with its document number
(or that it was scanned from a QR code), who recorded it and when; the state of the
first-registration request that the last item queued, and whether the platform approved it.
The text of a scanned QR code stays in the store: the screen only says it was scanned.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.errors import FlowError
from kiosk.services.acceptance import ITEMS, checklist
from kiosk.services.context import Context

__all__ = ["AcceptanceItem", "ProjectAcceptance", "REGISTRATION_STATE_NAMES", "acceptance_view",
           "project_acceptances"]

REGISTRATION_STATE_NAMES = {"open": "验收中", "requested": "已申请首次登记，待批准", "approved": "首次登记已批准"}


@dataclass(frozen=True, slots=True)
class AcceptanceItem:
    """``recorded`` is False until someone recorded the item; the other fields are then empty."""

    item: str
    label: str
    recorded: bool
    document_no: str | None
    scanned: bool
    recorded_by: str | None
    recorded_at: str | None


@dataclass(frozen=True, slots=True)
class ProjectAcceptance:
    """``first_registration`` is 'open', 'requested' or 'approved'; ``missing`` the items not yet in."""

    project_id: str
    name: str
    first_registration: str
    state_label: str
    accepted_at: str | None
    eligible: bool
    training: bool
    items: tuple[AcceptanceItem, ...]
    missing: tuple[str, ...]


def acceptance_view(ctx: Context, project_id: str) -> ProjectAcceptance:
    """One project's checklist; ``FlowError`` ``unknown_project`` when the kiosk has no such project."""
    rows = ctx.store.read("SELECT id, name, first_registration, accepted_at, eligible, training FROM projects "
                          "WHERE id = ?", (project_id,))
    if not rows:
        raise FlowError(f"no project {project_id} on this kiosk", code="unknown_project",
                        hint="check the project id or sync master data")
    p = rows[0]
    items = []
    for item, row in checklist(ctx.store, project_id).items():
        items.append(AcceptanceItem(
            item=item, label=ITEMS[item], recorded=row is not None,
            document_no=row["document_no"] if row else None, scanned=bool(row and row["qr_text"]),
            recorded_by=row["recorded_by"] if row else None, recorded_at=row["recorded_at"] if row else None))
    return ProjectAcceptance(
        project_id=p["id"], name=p["name"], first_registration=p["first_registration"],
        state_label=REGISTRATION_STATE_NAMES.get(p["first_registration"], p["first_registration"]),
        accepted_at=p["accepted_at"], eligible=bool(p["eligible"]), training=bool(p["training"]),
        items=tuple(items), missing=tuple(i.item for i in items if not i.recorded))


def project_acceptances(ctx: Context, *, training: bool = False) -> tuple[ProjectAcceptance, ...]:
    """Every project of the data scope (real, or training), by id."""
    ids = ctx.store.read("SELECT id FROM projects WHERE training = ? ORDER BY id", (int(training),))
    return tuple(acceptance_view(ctx, r["id"]) for r in ids)
