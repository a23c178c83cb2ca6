"""The payment receipt: queued once, when the last item of an order is confirmed, and printable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payments_helpers import START, STAFF, UNIT, add_case, item, items_of, make_context, pull  # noqa: E402

from hardware.printer.layout import PAPERS, Line  # noqa: E402
from hardware.printer.receipts import format_yuan  # noqa: E402
from hardware.printer.jobs import payment_ops  # noqa: E402
from kiosk.services import payments, printing  # noqa: E402
from kiosk.services.context import Context  # noqa: E402
from kiosk.store import Store  # noqa: E402
from sync.wire import kinds  # noqa: E402


@pytest.fixture
def ctx(store: Store, data_dir: Path) -> Context:
    add_case(store)
    return make_context(store, data_dir)


def receipts(store: Store) -> list[dict[str, object]]:
    return [j for j in printing.pending_jobs(store) if j["kind"] == "payment_receipt"]


def confirm(store: Store, order_id: str, payee: str, amount_fen: int, *, item_id: str, hours: int = 0) -> None:
    assert pull(store, item(kinds.PAYMENT_CONFIRMED, order_id, payee, amount_fen, f"S-{item_id}",
                           item_id=item_id, at=START.replace(hour=START.hour + hours))) is None


def test_a_paid_order_queues_one_receipt_listing_every_payee(ctx: Context) -> None:
    store = ctx.store
    order_id = payments.create_order(ctx, STAFF, UNIT)
    due = items_of(store, order_id)
    payees = sorted(due)
    for n, payee in enumerate(payees[:-1]):
        confirm(store, order_id, payee, due[payee]["amount_fen"], item_id=f"C-{n}", hours=n)
        assert receipts(store) == [], "no receipt while an item is still due"
    last = payees[-1]
    confirm(store, order_id, last, due[last]["amount_fen"], item_id="C-last", hours=5)
    confirm(store, order_id, last, due[last]["amount_fen"], item_id="C-last")  # a duplicate
    jobs = receipts(store)
    assert [j["subject"] for j in jobs] == [UNIT], "one receipt, not one per confirmation"
    body = printing.job_body(store, str(jobs[0]["id"]))
    order = store.read("SELECT payment_code, total_fen FROM payment_orders WHERE id = ?", (order_id,))[0]
    assert body["order_id"] == order_id and body["payment_code"] == order["payment_code"]
    assert {i["payee"]: i["amount_fen"] for i in body["items"]} == {p: r["amount_fen"] for p, r in due.items()}
    assert body["paid_at"] == items_of(store, order_id)[last]["confirmed_at"]
    assert body["training"] is False and body["unit_code"] == UNIT

    text = [op.text for op in payment_ops(body, PAPERS[58]) if isinstance(op, Line)]
    assert any(t.startswith("合计") and t.endswith(format_yuan(order["total_fen"])) for t in text)
    assert "税务机关" in text and "【演练数据 不作凭证】" not in text
    assert any(t.startswith("时间") and t.endswith(f"{START.hour + 5:02d}:00:00") for t in text), \
        "printed in China time"


def test_a_refused_last_confirmation_queues_no_receipt(ctx: Context) -> None:
    store = ctx.store
    order_id = payments.create_order(ctx, STAFF, UNIT)
    due = items_of(store, order_id)
    *first, last = sorted(due)
    for n, payee in enumerate(first):
        confirm(store, order_id, payee, due[payee]["amount_fen"], item_id=f"C-{n}")
    refused = pull(store, item(kinds.PAYMENT_CONFIRMED, order_id, last, due[last]["amount_fen"] + 1, "S-x",
                               item_id="C-wrong"))
    assert refused and "differs" in refused
    assert receipts(store) == []
