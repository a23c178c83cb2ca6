"""Confirmations and refunds from the platform: applied once, late, twice or out of order."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payments_helpers import (DEED_TAX, FUND, REGISTRATION, START, STAFF, SUPERVISOR,  # noqa: E402
                              TRAINEE, UNIT, add_case, events, item, items_of, make_context,
                              order_state, pull)

from kiosk import audit  # noqa: E402
from sync.wire import kinds  # noqa: E402
from kiosk.errors import FlowError  # noqa: E402
from kiosk.services import inbound, payments  # noqa: E402
from kiosk.services.context import Context  # noqa: E402
from kiosk.store import Store  # noqa: E402

CONFIRMED, REFUNDED = kinds.PAYMENT_CONFIRMED, kinds.PAYMENT_REFUNDED


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Context:
    add_case(store)
    return make_context(store, data_dir)


@pytest.fixture
def order_id(ctx: Context) -> str:
    return payments.create_order(ctx, STAFF, UNIT)


def snapshot(store: Store) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return (store.read("SELECT * FROM payment_orders ORDER BY id"),
            store.read("SELECT * FROM payment_items ORDER BY order_id, payee"))


def pay_all(store: Store, order_id: str) -> None:
    for payee, row in items_of(store, order_id).items():
        assert pull(store, item(CONFIRMED, order_id, payee, row["amount_fen"], f"S-{payee}",
                                item_id=f"C-{payee}")) is None


def test_the_same_item_twice_is_a_duplicate_that_changes_nothing(ctx: Context, order_id: str) -> None:
    store = ctx.store
    pulled = item(CONFIRMED, order_id, "tax_bureau", DEED_TAX, "WX-1", item_id="IT-1")
    assert pull(store, pulled) is None
    before = snapshot(store)
    assert pull(store, pulled) is None
    assert snapshot(store) == before
    assert [(e["event_id"], e["result"]) for e in events(store, order_id)] == [
        ("IT-1", "applied"), ("IT-1#2", "duplicate")]
    assert "already applied" in events(store, order_id)[1]["reason"]


def test_same_payment_under_another_item_id_is_a_duplicate(ctx: Context, order_id: str) -> None:
    store = ctx.store
    assert pull(store, item(CONFIRMED, order_id, "tax_bureau", DEED_TAX, "WX-1", item_id="IT-1")) is None
    before = snapshot(store)
    assert pull(store, item(CONFIRMED, order_id, "tax_bureau", DEED_TAX, "WX-1", item_id="IT-2",
                            receipt_no="R-other")) is None
    assert snapshot(store) == before
    last = events(store, order_id)[-1]
    assert (last["event_id"], last["result"]) == ("IT-2", "duplicate")
    assert "channel serial WX-1 was already confirmed" in last["reason"]


def test_late_confirmation_after_the_order_is_paid(ctx: Context, order_id: str) -> None:
    store = ctx.store
    pay_all(store, order_id)
    assert order_state(store, order_id) == "paid"
    before = snapshot(store)
    late = item(CONFIRMED, order_id, "maintenance_fund", FUND, "S-maintenance_fund", item_id="LATE",
                at=START + dt.timedelta(days=2))
    assert pull(store, late) is None
    assert snapshot(store) == before
    assert events(store, order_id)[-1]["result"] == "duplicate"
    assert payments.payment_status(store, UNIT).all_confirmed


def test_a_second_payment_of_a_paid_item_is_rejected(ctx: Context, order_id: str) -> None:
    store = ctx.store
    assert pull(store, item(CONFIRMED, order_id, "tax_bureau", DEED_TAX, "WX-1", item_id="A")) is None
    error = pull(store, item(CONFIRMED, order_id, "tax_bureau", DEED_TAX, "ALI-9", item_id="B"))
    assert error is not None and "already paid with channel serial WX-1" in error and "ALI-9" in error
    assert items_of(store, order_id)["tax_bureau"]["channel_serial"] == "WX-1"


@pytest.mark.parametrize(("change", "reason"), [
    ({"subject": "NO-SUCH-ORDER"}, "which this kiosk never issued"),
    ({"amount_fen": DEED_TAX - 1}, "amount ¥6,499.99 differs from the order's ¥6,500.00"),
    ({"payee": "land_bureau"}, "no item for payee 'land_bureau' (its payees: maintenance_fund, "
                               "registration_office, tax_bureau)"),
    ({"training": True}, "is training data and cannot change the real order"),
    ({"amount_fen": "6500.00"}, "malformed payment.confirmed item X: amount_fen '6500.00' is not a whole"),
    ({"channel_serial": None}, "channel_serial is missing"),
])
def test_refused_confirmations_keep_their_reason_and_change_nothing(
        ctx: Context, order_id: str, change: dict[str, object], reason: str) -> None:
    store = ctx.store
    pulled = item(CONFIRMED, order_id, "tax_bureau", DEED_TAX, "WX-1", item_id="X")
    if "subject" in change:
        pulled["subject"] = change["subject"]
    else:
        pulled["data"].update(change)
    before = snapshot(store)
    error = pull(store, pulled)
    assert error is not None and reason in error
    assert snapshot(store) == before
    [event] = store.read("SELECT * FROM payment_events")
    assert event["result"] == "rejected" and reason in event["reason"] and event["event_id"] == "X"
    assert store.read("SELECT action FROM audit ORDER BY seq DESC LIMIT 1")[0]["action"] == \
        "payment.confirmed.rejected"
    assert audit.verify(store.conn).ok


def test_a_training_order_takes_training_confirmations(ctx: Context) -> None:
    store = ctx.store
    practice = payments.create_order(ctx, TRAINEE, UNIT)
    for payee, row in items_of(store, practice).items():
        payments.record_confirmation(ctx, TRAINEE, practice, payee, row["amount_fen"], f"SIM-{payee}",
                                     "R-SIM", event_id=f"TRAIN-{payee}")
    assert order_state(store, practice) == "paid"
    assert payments.payment_status(store, UNIT, training=True).all_confirmed
    assert payments.payment_status(store, UNIT).order_id is None


def test_training_session_cannot_confirm_a_real_order_by_hand(ctx: Context, order_id: str) -> None:
    with pytest.raises(FlowError, match="training data and cannot change the real order"):
        payments.record_confirmation(ctx, TRAINEE, order_id, "tax_bureau", DEED_TAX, "SIM-1", "R",
                                     event_id="T-1")
    assert items_of(ctx.store, order_id)["tax_bureau"]["state"] == "due"
    assert events(ctx.store, order_id)[0]["result"] == "rejected", "the refusal is kept"


def test_record_confirmation_from_a_paper_receipt(ctx: Context, order_id: str) -> None:
    store = ctx.store
    assert payments.record_confirmation(ctx, STAFF, order_id, "registration_office", REGISTRATION,
                                        "BANK-77", "FS-2025-0001", event_id="PAPER-1") == "applied"
    assert payments.record_confirmation(ctx, STAFF, order_id, "registration_office", REGISTRATION,
                                        "BANK-77", "FS-2025-0001", event_id="PAPER-1") == "duplicate"
    with pytest.raises(FlowError) as err:
        payments.record_confirmation(ctx, STAFF, order_id, "tax_bureau", 1, "BANK-78", "X",
                                     event_id="PAPER-2")
    assert err.value.code == "payment_wrong_amount"
    assert [e["result"] for e in events(store, order_id)] == ["applied", "duplicate", "rejected"]
    rows = store.read("SELECT actor FROM audit WHERE action LIKE 'payment.confirmed.%'")
    actors = {r["actor"] for r in rows}
    assert actors == {"staff:S001"}
    assert audit.verify(store.conn).ok


def test_refund_before_its_confirmation_is_rejected_then_both_apply_in_order(ctx: Context,
                                                                             order_id: str) -> None:
    store = ctx.store
    refund = item(REFUNDED, order_id, "tax_bureau", DEED_TAX, "WX-1", item_id="RF-1")
    error = pull(store, refund)
    assert error is not None and "arrived before its confirmation" in error
    assert items_of(store, order_id)["tax_bureau"]["state"] == "due"
    assert pull(store, item(CONFIRMED, order_id, "tax_bureau", DEED_TAX, "WX-1", item_id="CF-1")) is None
    assert pull(store, refund) is None, "the same refund, delivered again, now applies"
    row = items_of(store, order_id)["tax_bureau"]
    assert row["state"] == "refunded" and row["refunded_at"] is not None
    assert pull(store, refund) is None
    assert [(e["event_id"], e["result"]) for e in events(store, order_id)] == [
        ("RF-1", "rejected"), ("CF-1", "applied"), ("RF-1#2", "applied"), ("RF-1#3", "duplicate")]
    assert "already applied" in events(store, order_id)[-1]["reason"]
    assert order_state(store, order_id) == "open", "a partly paid order stays open until voided"
    status = payments.payment_status(store, UNIT)
    assert not status.all_confirmed and "partly refunded" in status.reason


def test_refund_of_a_paid_order_with_another_serial_or_amount_is_rejected(ctx: Context,
                                                                          order_id: str) -> None:
    store = ctx.store
    pay_all(store, order_id)
    error = pull(store, item(REFUNDED, order_id, "tax_bureau", DEED_TAX, "OTHER", item_id="R1"))
    assert error is not None and "was paid with S-tax_bureau" in error
    error = pull(store, item(REFUNDED, order_id, "tax_bureau", 100, "S-tax_bureau", item_id="R2"))
    assert error is not None and "only whole items are refunded" in error
    assert order_state(store, order_id) == "paid"
    assert pull(store, item(REFUNDED, order_id, "tax_bureau", DEED_TAX, "S-tax_bureau", item_id="R3")) is None
    assert order_state(store, order_id) == "refunded"
    assert not payments.payment_status(store, UNIT).all_confirmed


def test_confirmation_for_a_voided_order_is_rejected(ctx: Context, order_id: str) -> None:
    payments.void_order(ctx, SUPERVISOR, order_id, "买受人放弃")
    error = pull(ctx.store, item(CONFIRMED, order_id, "tax_bureau", DEED_TAX, "WX-5", item_id="V"))
    assert error is not None and "was voided" in error and "must be refunded by the payee" in error
    assert items_of(ctx.store, order_id)["tax_bureau"]["state"] == "void"


def test_under_the_sync_agents_savepoint_a_refusal_leaves_nothing_but_the_approval(
        ctx: Context, order_id: str) -> None:
    from sync.pull import _apply_one  # the agent's own per-item savepoint

    store = ctx.store

    class Pulled:
        def __init__(self, body: dict[str, object]) -> None:
            self.body = body

        def to_dict(self) -> dict[str, object]:
            return self.body

    good = item(CONFIRMED, order_id, "tax_bureau", DEED_TAX, "WX-1", item_id="G")
    bad = item(CONFIRMED, order_id, "registration_office", 1, "WX-2", item_id="B")
    with store.unit_of_work("system:sync") as uow:
        uow.log("sync.pull", "page-1", {})
        assert _apply_one(uow, Pulled(bad)) is not None  # type: ignore[arg-type]
        assert _apply_one(uow, Pulled(good)) is None  # type: ignore[arg-type]
    assert [e["event_id"] for e in events(store, order_id)] == ["G"]
    assert items_of(store, order_id)["registration_office"]["state"] == "due"
    assert items_of(store, order_id)["tax_bureau"]["state"] == "confirmed"
    assert audit.verify(store.conn).ok


def test_handlers_are_registered_for_both_kinds() -> None:
    handlers = inbound.HANDLERS
    assert handlers[CONFIRMED] is payments.apply_confirmation
    assert handlers[REFUNDED] is payments.apply_refund
