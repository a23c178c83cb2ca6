"""Applying items pulled from the platform to the local store.

The sync agent verifies each item's signature, then, inside one unit of work
per page, keeps the item verbatim in ``approvals`` and calls ``apply`` here,
which dispatches on ``item["kind"]`` to the flow that owns that kind. An item
of a kind nobody handles is refused with a clear reason, never dropped.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from kiosk.errors import FlowError
from kiosk.store import UnitOfWork

__all__: list[str] = []

Handler = Callable[[UnitOfWork, dict[str, Any]], None]

HANDLERS: dict[str, Handler] = {}

# The flow modules that register handlers; imported on first use so that the
# registry is complete whichever module the caller imported first.
FLOW_MODULES: tuple[str, ...] = (
    "kiosk.services.acceptance",
    "kiosk.services.contracts",
    "kiosk.services.certificates",
    "kiosk.services.credit",
    "kiosk.services.mailing",
    "kiosk.services.payments",
    "kiosk.services.platform_items",
)


def load_handlers() -> dict[str, Handler]:
    for name in FLOW_MODULES:
        importlib.import_module(name)
    return HANDLERS


def handles(kind: str) -> Callable[[Handler], Handler]:
    """Register the handler of one item kind (used by the flow modules)."""
    def register(fn: Handler) -> Handler:
        if kind in HANDLERS:
            raise ValueError(f"item kind {kind!r} already has a handler")
        HANDLERS[kind] = fn
        return fn
    return register


def apply(uow: UnitOfWork, item: dict[str, Any]) -> None:
    """Apply one verified item; raises FlowError when it cannot be applied."""
    kind = item.get("kind")
    handler = load_handlers().get(str(kind))
    if handler is None:
        raise FlowError(f"pulled item {item.get('item_id', '?')} has a kind this kiosk does not know: {kind!r}",
                        code="unknown_kind", hint="update the kiosk software")
    handler(uow, item)
