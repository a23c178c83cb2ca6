"""A buyer's self-service session that ends unpaid closes the order it opened, and only that one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payments_helpers import (STAFF, SUPERVISOR, UNIT, add_case, item, items_of,  # noqa: E402
                              make_context, order_state, outbox, pull)

from kiosk import audit  # noqa: E402
from kiosk.errors import FlowError, ValidationError  # noqa: E402
from kiosk.services import payments  # noqa: E402
from kiosk.services.context import Context  # noqa: E402
from kiosk.services.staff import Actor  # noqa: E402
from kiosk.store import Store  # noqa: E402
from sync.wire import kinds  # noqa: E402

SELF_SERVICE = Actor("self-service", "system")


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Context:
    add_case(store)
    return make_context(store, data_dir)


def test_the_session_closes_the_order_it_opened(ctx: Context) -> None:
    store = ctx.store
    order_id = payments.create_order(ctx, SELF_SERVICE, UNIT)
    payments.close_unpaid_order(ctx, SELF_SERVICE, order_id, "self-service session timed out unpaid")
    assert order_state(store, order_id) == "void"
    assert {i["state"] for i in items_of(store, order_id).values()} == {"void"}
    [(payload, training)] = outbox(store, kinds.PAYMENT_VOIDED)
    assert payload["order_id"] == order_id and training == 0
    assert payload["reason"] == "self-service session timed out unpaid"
    entry = store.read("SELECT actor, action FROM audit ORDER BY seq DESC LIMIT 1")[0]
    assert entry == {"actor": "system:self-service", "action": "payment.void"}
    assert audit.verify(store.conn).ok
    # The unit may be paid again later: a new order, a new code.
    assert payments.create_order(ctx, SELF_SERVICE, UNIT) != order_id


def test_an_order_staff_opened_is_left_for_a_supervisor(ctx: Context) -> None:
    order_id = payments.create_order(ctx, STAFF, UNIT)
    with pytest.raises(FlowError) as err:
        payments.close_unpaid_order(ctx, SELF_SERVICE, order_id, "session timed out")
    assert err.value.code == "order_not_opened_here" and "staff:S001" in str(err.value)
    assert order_state(ctx.store, order_id) == "open" and outbox(ctx.store, kinds.PAYMENT_VOIDED) == []
    payments.void_order(ctx, SUPERVISOR, order_id, "买受人放弃")
    assert order_state(ctx.store, order_id) == "void"


def test_a_confirmed_item_keeps_the_order_open(ctx: Context) -> None:
    store = ctx.store
    order_id = payments.create_order(ctx, SELF_SERVICE, UNIT)
    amount = items_of(store, order_id)["tax_bureau"]["amount_fen"]
    assert pull(store, item(kinds.PAYMENT_CONFIRMED, order_id, "tax_bureau", amount, "S-1",
                            item_id="C-1", receipt_no="R-1")) is None
    with pytest.raises(FlowError) as err:
        payments.close_unpaid_order(ctx, SELF_SERVICE, order_id, "session timed out")
    assert err.value.code == "order_has_payments"
    assert order_state(store, order_id) == "open" and outbox(store, kinds.PAYMENT_VOIDED) == []


def test_only_an_open_order_with_a_reason_and_the_same_session_kind(ctx: Context) -> None:
    store = ctx.store
    order_id = payments.create_order(ctx, SELF_SERVICE, UNIT)
    with pytest.raises(ValidationError, match="written reason"):
        payments.close_unpaid_order(ctx, SELF_SERVICE, order_id, " ")
    with pytest.raises(FlowError, match="training"):
        payments.close_unpaid_order(ctx, Actor("self-service", "system", training=True), order_id,
                                    "session timed out")
    with pytest.raises(FlowError, match="no payment order NOPE"):
        payments.close_unpaid_order(ctx, SELF_SERVICE, "NOPE", "session timed out")
    payments.close_unpaid_order(ctx, SELF_SERVICE, order_id, "session timed out")
    with pytest.raises(FlowError) as err:
        payments.close_unpaid_order(ctx, SELF_SERVICE, order_id, "session timed out")
    assert err.value.code == "order_not_open"
    assert len(outbox(store, kinds.PAYMENT_VOIDED)) == 1
