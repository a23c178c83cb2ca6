"""Shared set-up of the payment tests: a unit with its buyers, staff, a movable clock, pulled items.

Imported by the test_payments_* files (pytest runs with --import-mode=importlib,
so each file puts this directory on sys.path first).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from kiosk import masterdata as md
from kiosk.config import Config, load_config, merge
from kiosk.errors import FlowError
from kiosk.rules.county_time import CHINA
from kiosk.rules.idcard import make_check_char
from kiosk.services import inbound
from kiosk.services.context import Context
from kiosk.services.staff import Actor, add_staff
from kiosk.store import Store
from kiosk.store.outbox import CONTEXT as OUTBOX_CONTEXT

USCC = "91350100M000100Y43"
UNIT = "410425413219GB00029F00010002"
UNIT2 = "410425413219GB00029F00010003"
CST = CHINA  # the county zone the reconciliation days are counted in
# 10:00 on 2025-03-01 in Jia County (02:00 UTC).
START = dt.datetime(2025, 3, 1, 10, 0, tzinfo=CST)

STAFF = Actor("S001", "staff")
TRAINEE = Actor("S001", "staff", training=True)
SUPERVISOR = Actor("SUP1", "supervisor")

# 89.50 m², 650,000.00 yuan, first home (≤ 140 m²: 1%), two holders (one extra certificate).
AREA_CENTI = 8950
PRICE_FEN = 65_000_000
DEED_TAX = 650_000
REGISTRATION = 8_000 + 1_000
FUND_RATE = 3_000  # fen per m²
FUND = 268_500     # 89.50 × 30.00 yuan


def id_number(serial: int) -> str:
    body = f"41042519900101{serial:03d}"
    return body + make_check_char(body)


class Clock:
    """The context's clock; tests move it forward."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


def make_context(store: Store, data_dir: Path, *, fund_rate: int = FUND_RATE,
                 clock: Clock | None = None) -> Context:
    base = load_config(data_dir)
    config = Config(base.data_dir, merge({"fees": {"maintenance_fund_fen_per_m2": fund_rate}}, "test"))
    return Context(store, config, clock=clock or Clock())


def add_case(store: Store, *, unit: str = UNIT, home: str = "first", holders: int = 2,
             training: bool = False, staff: bool = True) -> None:
    """Developer, project, one unit and its holders; the staff roster once per store."""
    with store.unit_of_work("technician:T001") as uow:
        md.add_developer(uow, USCC, "郏县安居置业有限公司")
        md.add_project(uow, "P1", "安居花园", USCC)
        md.add_unit(uow, unit, "P1", area_centi_m2=AREA_CENTI, price_fen=PRICE_FEN, training=training)
        for position in range(1, holders + 1):
            md.add_buyer(uow, unit, name=f"买受人{position}", id_number=id_number(position + 10 * holders),
                         position=position, home=home if position == 1 else "first", training=training)
        if staff:
            far = dt.date(2030, 1, 1)
            add_staff(uow, "S001", name="张三", role="staff", cert_no="C-1", cert_expires=far, pin="123456")
            add_staff(uow, "SUP1", name="李四", role="supervisor", cert_no="C-2", cert_expires=far,
                      pin="654321")


def item(kind: str, order_id: str, payee: str, amount_fen: int, serial: str | None, *, item_id: str,
         at: dt.datetime = START, training: bool | None = None, receipt_no: str = "R-1") -> dict[str, Any]:
    """A pulled item as the sync agent hands it to ``inbound.apply``."""
    data: dict[str, Any] = {"payee": payee, "amount_fen": amount_fen, "receipt_no": receipt_no}
    if serial is not None:
        data["channel_serial"] = serial
    if training is not None:
        data["training"] = training
    return {"item_id": item_id, "kind": kind, "subject": order_id, "issued_at": at.isoformat(), "data": data}


def pull(store: Store, pulled: dict[str, Any]) -> str | None:
    """Apply one item in its own unit of work; the FlowError's message when it is refused."""
    with store.unit_of_work("system:sync") as uow:
        try:
            inbound.apply(uow, pulled)
        except FlowError as exc:
            return str(exc)
    return None


def items_of(store: Store, order_id: str) -> dict[str, dict[str, Any]]:
    return {r["payee"]: r for r in store.read("SELECT * FROM payment_items WHERE order_id = ?", (order_id,))}


def order_state(store: Store, order_id: str) -> str:
    return str(store.read("SELECT state FROM payment_orders WHERE id = ?", (order_id,))[0]["state"])


def events(store: Store, order_id: str) -> list[dict[str, Any]]:
    return store.read("SELECT * FROM payment_events WHERE order_id = ? ORDER BY rowid", (order_id,))


def outbox(store: Store, kind: str) -> list[tuple[dict[str, Any], int]]:
    """(payload, training) of every outbox record of ``kind``, oldest first."""
    rows = store.read("SELECT payload_enc, training FROM outbox WHERE kind = ? ORDER BY seq", (kind,))
    return [(json.loads(store.vault.decrypt(r["payload_enc"], OUTBOX_CONTEXT) or "{}"), r["training"])
            for r in rows]
