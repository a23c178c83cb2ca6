"""Voids and refund requests: a supervisor's explicit, audited and pushed decisions."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payments_helpers import (DEED_TAX, STAFF, SUPERVISOR, TRAINEE, UNIT, add_case, item,  # noqa: E402
                              items_of, make_context, order_state, outbox, pull)

from kiosk import audit  # noqa: E402
from sync.wire import kinds  # noqa: E402
from kiosk.errors import AuthError, FlowError, IllegalTransition, ValidationError  # noqa: E402
from kiosk.services import payments  # noqa: E402
from kiosk.services.context import Context  # noqa: E402
from kiosk.services.staff import Actor  # noqa: E402
from kiosk.store import Store  # noqa: E402


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Context:
    add_case(store)
    return make_context(store, data_dir)


@pytest.fixture
def order_id(ctx: Context) -> str:
    return payments.create_order(ctx, STAFF, UNIT)


def confirm(store: Store, order_id: str, payee: str) -> None:
    amount = items_of(store, order_id)[payee]["amount_fen"]
    assert pull(store, item(kinds.PAYMENT_CONFIRMED, order_id, payee, amount, f"S-{payee}",
                            item_id=f"C-{payee}", receipt_no=f"R-{payee}")) is None


def test_void_an_unpaid_order(ctx: Context, order_id: str) -> None:
    store = ctx.store
    payments.void_order(ctx, SUPERVISOR, order_id, "  家庭住房套数填错  ")
    assert order_state(store, order_id) == "void"
    assert {i["state"] for i in items_of(store, order_id).values()} == {"void"}
    assert store.read("SELECT closed_at FROM payment_orders")[0]["closed_at"] is not None
    [(payload, training)] = outbox(store, kinds.PAYMENT_VOIDED)
    assert training == 0 and payload["order_id"] == order_id
    assert payload["reason"] == "家庭住房套数填错"
    assert sorted(payload["items"]) == ["maintenance_fund", "registration_office", "tax_bureau"]
    entry = store.read("SELECT actor, action FROM audit ORDER BY seq DESC LIMIT 1")[0]
    assert entry == {"actor": "supervisor:SUP1", "action": "payment.void"}
    assert payments.payment_status(store, UNIT).order_id is None
    with pytest.raises(IllegalTransition, match="cannot 'void' while the case is 'void'"):
        payments.void_order(ctx, SUPERVISOR, order_id, "again")


def test_void_with_a_confirmed_item_tells_staff_to_refund_first(ctx: Context, order_id: str) -> None:
    store = ctx.store
    confirm(store, order_id, "tax_bureau")
    with pytest.raises(FlowError) as err:
        payments.void_order(ctx, SUPERVISOR, order_id, "买受人放弃")
    assert err.value.code == "order_has_payments"
    assert "契税 ¥6,500.00 to the tax bureau (channel serial S-tax_bureau)" in str(err.value)
    assert "request the refund of the confirmed items first" in str(err.value)
    assert order_state(store, order_id) == "open" and outbox(store, kinds.PAYMENT_VOIDED) == []

    payments.request_refund(ctx, SUPERVISOR, order_id, "tax_bureau", "买受人放弃")
    assert pull(store, item(kinds.PAYMENT_REFUNDED, order_id, "tax_bureau", DEED_TAX, "S-tax_bureau",
                            item_id="RF")) is None
    payments.void_order(ctx, SUPERVISOR, order_id, "买受人放弃")
    states = {p: i["state"] for p, i in items_of(store, order_id).items()}
    assert states == {"tax_bureau": "refunded", "registration_office": "void", "maintenance_fund": "void"}
    assert payments.create_order(ctx, STAFF, UNIT) != order_id


def test_only_a_supervisor_with_a_reason_may_void_or_refund(ctx: Context, order_id: str) -> None:
    with pytest.raises(AuthError, match="needs a supervisor"):
        payments.void_order(ctx, STAFF, order_id, "no")
    with pytest.raises(AuthError, match="needs a supervisor"):
        payments.request_refund(ctx, STAFF, order_id, "tax_bureau", "no")
    with pytest.raises(ValidationError, match="written reason"):
        payments.void_order(ctx, SUPERVISOR, order_id, "   ")
    with pytest.raises(FlowError, match="no payment order NOPE"):
        payments.void_order(ctx, SUPERVISOR, "NOPE", "typo")
    with pytest.raises(FlowError, match="training"):
        payments.void_order(ctx, Actor("SUP1", "supervisor", training=True), order_id, "practice")
    assert order_state(ctx.store, order_id) == "open"


def test_refund_request_is_pushed_once_and_the_refund_closes_the_paid_order(ctx: Context,
                                                                            order_id: str) -> None:
    store = ctx.store
    with pytest.raises(FlowError, match="only a confirmed payment can be refunded"):
        payments.request_refund(ctx, SUPERVISOR, order_id, "tax_bureau", "多缴税款")
    for payee in ("tax_bureau", "registration_office", "maintenance_fund"):
        confirm(store, order_id, payee)
    assert order_state(store, order_id) == "paid"
    with pytest.raises(FlowError, match="no item for payee 'land'"):
        payments.request_refund(ctx, SUPERVISOR, order_id, "land", "多缴税款")

    record_id = payments.request_refund(ctx, SUPERVISOR, order_id, "tax_bureau",
                                        "税务机关核定金额不同")
    [(payload, training)] = outbox(store, kinds.PAYMENT_REFUND_REQUESTED)
    assert store.read("SELECT record_id FROM outbox WHERE kind = ?",
                      (kinds.PAYMENT_REFUND_REQUESTED,))[0]["record_id"] == record_id
    assert payload == {"order_id": order_id, "unit_code": UNIT, "payee": "tax_bureau", "amount_fen": DEED_TAX,
                       "channel_serial": "S-tax_bureau", "receipt_no": "R-tax_bureau",
                       "reason": "税务机关核定金额不同"}
    assert training == 0
    with pytest.raises(FlowError, match="already requested"):
        payments.request_refund(ctx, SUPERVISOR, order_id, "tax_bureau", "again")
    assert items_of(store, order_id)["tax_bureau"]["state"] == "confirmed", "a request changes no state"

    assert pull(store, item(kinds.PAYMENT_REFUNDED, order_id, "tax_bureau", DEED_TAX, "S-tax_bureau",
                            item_id="RF-1")) is None
    assert order_state(store, order_id) == "refunded"
    assert items_of(store, order_id)["tax_bureau"]["state"] == "refunded"
    with pytest.raises(FlowError, match="is refunded"):
        payments.request_refund(ctx, SUPERVISOR, order_id, "tax_bureau", "again")
    with pytest.raises(FlowError, match="request the refund of its confirmed items first"):
        payments.create_order(ctx, STAFF, UNIT)
    with pytest.raises(FlowError, match="cannot be voided"):
        payments.void_order(ctx, SUPERVISOR, order_id, "close")

    for payee in ("registration_office", "maintenance_fund"):
        payments.request_refund(ctx, SUPERVISOR, order_id, payee, "买受人放弃")
        amount = items_of(store, order_id)[payee]["amount_fen"]
        assert pull(store, item(kinds.PAYMENT_REFUNDED, order_id, payee, amount, None,
                                item_id=f"RF-{payee}")) is None
    assert {i["state"] for i in items_of(store, order_id).values()} == {"refunded"}
    assert len(outbox(store, kinds.PAYMENT_REFUND_REQUESTED)) == 3
    assert payments.create_order(ctx, STAFF, UNIT)
    assert audit.verify(store.conn).ok


def test_training_refunds_and_voids_travel_as_training(ctx: Context) -> None:
    store = ctx.store
    trainer = Actor("SUP1", "supervisor", training=True)
    practice = payments.create_order(ctx, TRAINEE, UNIT)
    payments.record_confirmation(ctx, TRAINEE, practice, "tax_bureau", DEED_TAX, "SIM-1", "R",
                                 event_id="T-1")
    payments.request_refund(ctx, trainer, practice, "tax_bureau", "演练退款")
    assert [t for _, t in outbox(store, kinds.PAYMENT_REFUND_REQUESTED)] == [1]
    with pytest.raises(FlowError, match="training"):
        payments.request_refund(ctx, SUPERVISOR, practice, "tax_bureau", "real supervisor")
