"""Pulled items are dispatched from one explicit table, kind -> handler."""

from __future__ import annotations

import inspect

from kiosk.services import inbound
from sync.wire import kinds


def test_every_item_kind_the_platform_issues_has_exactly_one_handler() -> None:
    assert set(inbound.HANDLERS) == set(kinds.ITEM_KINDS)


def test_handlers_are_public_functions_of_the_flow_modules() -> None:
    for kind, handler in inbound.HANDLERS.items():
        assert inspect.isfunction(handler), kind
        assert handler.__module__.startswith("kiosk.services."), kind
        assert not handler.__name__.startswith("_"), kind
        assert list(inspect.signature(handler).parameters) == ["uow", "item"], kind
