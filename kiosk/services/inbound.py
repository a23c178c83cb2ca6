"""Applying items pulled from the platform to the local store.

The sync agent verifies each item's signature, then, inside one unit of work
per page, keeps the item verbatim in ``approvals`` and calls ``apply`` here,
which dispatches on ``item["kind"]`` to the flow that owns that kind. Every
item kind is listed once in ``HANDLERS``; an item of a kind nobody handles is
refused with a clear reason, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.errors import FlowError
from kiosk.services import acceptance, certificates, contracts, credit, mailing, payments, platform_items
from kiosk.store import UnitOfWork
from sync.wire import kinds

# A services module's __all__ lists its commands; applying pulled items is the agent's building block.
__all__: list[str] = []

Handler = Callable[[UnitOfWork, dict[str, Any]], None]

HANDLERS: dict[str, Handler] = {
    kinds.FIRST_REGISTRATION_APPROVED: acceptance.apply_first_registration_approved,
    kinds.REGISTRATION_RECORDED: certificates.apply_registration_recorded,
    kinds.CONTRACT_FILED: contracts.apply_contract_filed,
    kinds.PAYMENT_CONFIRMED: payments.apply_confirmation,
    kinds.PAYMENT_REFUNDED: payments.apply_refund,
    kinds.MAIL_TRACKING: mailing.apply_mail_tracking,
    kinds.RESTRICTION_SET: credit.apply_restriction_set,
    kinds.RESTRICTION_LIFTED: credit.apply_restriction_lifted,
    kinds.MASTER_DEVELOPER: platform_items.apply_master_developer,
    kinds.MASTER_PROJECT: platform_items.apply_master_project,
    kinds.MASTER_UNIT: platform_items.apply_master_unit,
    kinds.MASTER_BUYER: platform_items.apply_master_buyer,
    kinds.STAFF_ROSTER: platform_items.apply_staff_roster,
    kinds.DEVICE_REVOKED: platform_items.apply_device_revoked,
    kinds.CONFIG: platform_items.refuse_config,
}


def apply(uow: UnitOfWork, item: dict[str, Any]) -> None:
    """Apply one verified item; raises FlowError when it cannot be applied."""
    kind = item.get("kind")
    handler = HANDLERS.get(str(kind))
    if handler is None:
        raise FlowError(f"pulled item {item.get('item_id', '?')} has a kind this kiosk does not know: {kind!r}",
                        code="unknown_kind", hint="update the kiosk software")
    handler(uow, item)
