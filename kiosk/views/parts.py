"""Pieces several views share: a holder of a unit and one thing still missing in a case."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.masterdata import buyers_of_unit
from kiosk.privacy import mask_name
from kiosk.store import Store

__all__ = ["HolderView", "Missing", "holders_of"]

ROLE_NAMES = {"owner": "买受人", "co-owner": "共有人"}


@dataclass(frozen=True, slots=True)
class HolderView:
    """A holder of a unit: the full name for the case's own screens, masked values for everything else."""

    buyer_id: int
    position: int
    role: str
    role_label: str
    name: str
    name_masked: str
    id_masked: str
    home: str


@dataclass(frozen=True, slots=True)
class Missing:
    """One thing a case still needs: ``code`` is the message id, ``reason``/``next_action`` Chinese,
    ``detail`` the English text of the refusal."""

    code: str
    reason: str
    next_action: str
    detail: str


def holders_of(store: Store, unit_code: str) -> tuple[HolderView, ...]:
    return tuple(HolderView(buyer_id=b.id, position=b.position, role=b.role,
                            role_label=ROLE_NAMES.get(b.role, b.role), name=b.name,
                            name_masked=mask_name(b.name), id_masked=b.id_masked, home=b.home)
                 for b in buyers_of_unit(store, unit_code))
