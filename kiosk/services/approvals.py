"""Helpers shared by the handlers of items pulled from the platform.

A training item (simulation, training mode) may only touch training rows, so
approvals made up locally can never make a real case deliverable.
"""

from __future__ import annotations

from typing import Any

from kiosk.errors import FlowError
from kiosk.store import UnitOfWork

__all__: list[str] = []


def item_data(item: dict[str, Any]) -> dict[str, Any]:
    data = item.get("data")
    if not isinstance(data, dict):
        raise FlowError(f"item {item.get('item_id', '?')} has no data object", code="bad_item")
    return data


def is_training(item: dict[str, Any]) -> bool:
    return bool(item_data(item).get("training", False))


def require_field(item: dict[str, Any], name: str) -> Any:
    value = item_data(item).get(name)
    if value in (None, ""):
        raise FlowError(f"{item.get('kind')} item {item.get('item_id', '?')} lacks {name!r}",
                        code="bad_item", hint="the platform sent an incomplete approval; report it")
    return value


def check_training_scope(uow: UnitOfWork, item: dict[str, Any], table: str, key: str,
                         value: str) -> dict[str, Any]:
    """Fetch the target row and refuse a training item aimed at real data."""
    cur = uow.execute(f"SELECT * FROM {table} WHERE {key} = ?", (value,))
    row = cur.fetchone()
    if row is None:
        raise FlowError(f"{item.get('kind')} for unknown {table[:-1]} {value}", code="unknown_subject",
                        hint="master data may be behind; it is applied again after the next sync")
    record = dict(zip([d[0] for d in cur.description], row))
    if is_training(item) and not record.get("training"):
        raise FlowError(f"a training {item.get('kind')} cannot change real {table[:-1]} {value}",
                        code="training_scope")
    return record
