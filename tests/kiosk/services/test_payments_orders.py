"""Payment orders: amounts from the fee rules, one code, one item per payee, one live order per unit."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payments_helpers import (DEED_TAX, FUND, PRICE_FEN, REGISTRATION, START,  # noqa: E402
                              STAFF, SUPERVISOR, TRAINEE, UNIT, UNIT2, Clock, add_case, item,
                              items_of, make_context, order_state, outbox, pull)

from kiosk import audit  # noqa: E402
from sync.wire import kinds  # noqa: E402
from kiosk.errors import AuthError, FlowError, ValidationError  # noqa: E402
from kiosk.services import payments  # noqa: E402
from kiosk.services.staff import Actor  # noqa: E402
from kiosk.store import Store  # noqa: E402


def test_order_has_one_code_and_one_item_per_payee(store: Store, data_dir: Path) -> None:
    add_case(store)
    ctx = make_context(store, data_dir)
    order_id = payments.create_order(ctx, STAFF, UNIT)
    order = store.read("SELECT * FROM payment_orders WHERE id = ?", (order_id,))[0]
    assert order["state"] == "open" and order["training"] == 0 and order["unit_code"] == UNIT
    assert len(order["payment_code"]) == 20 and order["payment_code"].isdigit()
    assert order["rule_version"] == "2024-12-01"
    items = items_of(store, order_id)
    assert {p: i["amount_fen"] for p, i in items.items()} == {
        "tax_bureau": DEED_TAX, "registration_office": REGISTRATION, "maintenance_fund": FUND}
    assert items["tax_bureau"]["estimate"] == 1 and items["registration_office"]["estimate"] == 0
    assert all(i["state"] == "due" for i in items.values())
    assert order["total_fen"] == DEED_TAX + REGISTRATION + FUND

    [(payload, training)] = outbox(store, kinds.PAYMENT_ORDER)
    assert training == 0
    assert payload["order_id"] == order_id and payload["unit_code"] == UNIT
    assert payload["payment_code"] == order["payment_code"] and payload["training"] is False
    assert payload["total_fen"] == order["total_fen"]
    assert [(i["payee"], i["amount_fen"], i["estimate"]) for i in payload["items"]] == [
        ("tax_bureau", DEED_TAX, True), ("registration_office", REGISTRATION, False),
        ("maintenance_fund", FUND, False)]
    assert store.read("SELECT action FROM audit ORDER BY seq DESC LIMIT 1")[0]["action"] == "payment.order"


def test_happy_path_confirmations_in_any_order_pay_the_order(store: Store, data_dir: Path) -> None:
    add_case(store)
    ctx = make_context(store, data_dir)
    order_id = payments.create_order(ctx, STAFF, UNIT)
    code = store.read("SELECT payment_code FROM payment_orders")[0]["payment_code"]

    status = payments.payment_status(store, UNIT)
    assert status.order_id == order_id and not status.all_confirmed
    assert [m[0] for m in status.missing] == ["maintenance_fund", "registration_office", "tax_bureau"]
    assert "契税 ¥6,500.00 to the tax bureau" in status.reason
    assert f"ask the buyer to pay with payment code {code}" in status.reason

    for n, payee in enumerate(["maintenance_fund", "tax_bureau"]):
        amount = items_of(store, order_id)[payee]["amount_fen"]
        assert pull(store, item(kinds.PAYMENT_CONFIRMED, order_id, payee, amount, f"SER-{payee}",
                                item_id=f"I{n}")) is None
        assert order_state(store, order_id) == "open"
    status = payments.payment_status(store, UNIT)
    assert status.missing == [("registration_office", "不动产登记费及工本费", REGISTRATION)]
    assert status.reason.startswith(
        "不动产登记费及工本费 ¥90.00 to the registration office is not yet confirmed")

    assert pull(store, item(kinds.PAYMENT_CONFIRMED, order_id, "registration_office", REGISTRATION,
                            "SER-reg", item_id="I9", receipt_no="FS-0001")) is None
    assert order_state(store, order_id) == "paid"
    reg = items_of(store, order_id)["registration_office"]
    assert (reg["state"], reg["channel_serial"], reg["receipt_no"]) == ("confirmed", "SER-reg", "FS-0001")
    assert reg["confirmed_at"] == payments.utc_stamp(START)
    status = payments.payment_status(store, UNIT)
    assert status.all_confirmed and status.missing == [] and status.order_id == order_id
    assert [e["result"] for e in store.read("SELECT result FROM payment_events")] == ["applied"] * 3
    assert audit.verify(store.conn).ok


def test_without_the_maintenance_fund_there_are_two_items(store: Store, data_dir: Path) -> None:
    add_case(store)
    order_id = payments.create_order(make_context(store, data_dir, fund_rate=0), STAFF, UNIT,
                                     certificates=3)
    items = items_of(store, order_id)
    assert set(items) == {"tax_bureau", "registration_office"}
    assert items["registration_office"]["amount_fen"] == 8_000 + 2 * 1_000


def test_home_status_and_purchase_date_drive_the_deed_tax(store: Store, data_dir: Path) -> None:
    add_case(store, home="other")
    add_case(store, unit=UNIT2, home="second", holders=1, staff=False)
    ctx = make_context(store, data_dir, fund_rate=0)
    other = payments.create_order(ctx, STAFF, UNIT)
    assert items_of(store, other)["tax_bureau"]["amount_fen"] == PRICE_FEN * 30 // 1000
    # Declared before 2024-12-01, the 2016 rule applies; 89.50 m² is at most 90 m²: second home 1%.
    ctx.clock = Clock(dt.datetime(2024, 11, 30, 15, 59, tzinfo=dt.timezone.utc))  # 23:59 in Jia County
    second = payments.create_order(ctx, STAFF, UNIT2, purchase_date=dt.date(2020, 5, 1))
    items = items_of(store, second)
    assert items["tax_bureau"]["amount_fen"] == PRICE_FEN * 10 // 1000
    assert items["registration_office"]["amount_fen"] == 8_000, "one holder, one certificate"
    assert store.read("SELECT rule_version FROM payment_orders WHERE id = ?", (second,))[0][
        "rule_version"] == "2016-02-22"


def test_second_order_for_the_unit_is_refused_and_names_the_first(store: Store, data_dir: Path) -> None:
    add_case(store)
    ctx = make_context(store, data_dir)
    first = payments.create_order(ctx, STAFF, UNIT)
    with pytest.raises(FlowError) as err:
        payments.create_order(ctx, STAFF, UNIT)
    assert err.value.code == "order_exists" and first in str(err.value) and "(open)" in str(err.value)
    for payee, row in items_of(store, first).items():
        pull(store, item(kinds.PAYMENT_CONFIRMED, first, payee, row["amount_fen"], f"S-{payee}",
                         item_id=f"C-{payee}"))
    with pytest.raises(FlowError, match=r"\(paid\).*charge the buyer twice"):
        payments.create_order(ctx, STAFF, UNIT)
    assert store.read("SELECT count(*) AS n FROM payment_orders")[0]["n"] == 1


def test_a_voided_order_makes_room_for_a_new_one_with_a_new_code(store: Store, data_dir: Path) -> None:
    add_case(store)
    ctx = make_context(store, data_dir)
    first = payments.create_order(ctx, STAFF, UNIT)
    payments.void_order(ctx, SUPERVISOR, first, "家庭住房套数填错")
    second = payments.create_order(ctx, STAFF, UNIT)
    codes = {r["payment_code"] for r in store.read("SELECT payment_code FROM payment_orders")}
    assert second != first and len(codes) == 2
    assert payments.payment_status(store, UNIT).order_id == second


def test_training_orders_are_training_rows_and_never_block_real_ones(store: Store, data_dir: Path) -> None:
    add_case(store)
    ctx = make_context(store, data_dir)
    practice = payments.create_order(ctx, TRAINEE, UNIT)
    assert store.read("SELECT training FROM payment_orders WHERE id = ?", (practice,))[0]["training"] == 1
    real = payments.create_order(ctx, STAFF, UNIT)
    assert [t for _, t in outbox(store, kinds.PAYMENT_ORDER)] == [1, 0]
    assert outbox(store, kinds.PAYMENT_ORDER)[0][0]["training"] is True
    assert payments.payment_status(store, UNIT).order_id == real
    assert payments.payment_status(store, UNIT, training=True).order_id == practice


def test_refusals_before_anything_is_written(store: Store, data_dir: Path) -> None:
    add_case(store, training=True)
    ctx = make_context(store, data_dir)
    with pytest.raises(FlowError, match="training data"):
        payments.create_order(ctx, STAFF, UNIT)
    with pytest.raises(FlowError, match="not on this kiosk"):
        payments.create_order(ctx, STAFF, UNIT2)
    with pytest.raises(ValidationError):
        payments.create_order(ctx, STAFF, "410425")
    with pytest.raises(AuthError):
        payments.create_order(ctx, Actor("NOBODY", "staff"), UNIT)
    expired = make_context(store, data_dir, clock=Clock(START.replace(year=2031)))
    with pytest.raises(AuthError, match="expired"):
        payments.create_order(expired, TRAINEE, UNIT)
    assert store.read("SELECT count(*) AS n FROM payment_orders")[0]["n"] == 0
    assert payments.payment_status(store, UNIT).order_id is None
    assert "no payment order" in payments.payment_status(store, UNIT).reason


def test_a_unit_without_owner_cannot_be_charged(store: Store, data_dir: Path) -> None:
    add_case(store, holders=0)
    with pytest.raises(FlowError, match="no owner"):
        payments.create_order(make_context(store, data_dir), STAFF, UNIT)


def test_payment_codes_are_unique(store: Store, data_dir: Path) -> None:
    add_case(store)
    ctx = make_context(store, data_dir)
    codes = set()
    for _ in range(20):
        order_id = payments.create_order(ctx, STAFF, UNIT)
        codes.add(store.read("SELECT payment_code FROM payment_orders WHERE id = ?", (order_id,))[0]
                  ["payment_code"])
        payments.void_order(ctx, SUPERVISOR, order_id, "测试作废")
    assert len(codes) == 20 and all(len(c) == 20 and c[0] != "0" for c in codes)


def test_the_signed_contract_dates_the_purchase(store: Store, data_dir: Path) -> None:
    add_case(store, home="second")
    signed = dt.datetime(2020, 4, 30, 17, 0, tzinfo=dt.timezone.utc)  # 1 May in Jia County
    with store.unit_of_work("staff:S001") as uow:
        uow.insert("contracts", {
            "id": "K1", "unit_code": UNIT, "version": 1, "state": "signed",
            "content_enc": store.vault.encrypt("合同", "contracts.content"), "doc_hash": "0" * 64,
            "price_fen": PRICE_FEN, "created_at": signed.isoformat(), "signed_at": signed.isoformat()})
        uow.log("contract.sign", "K1")
    order_id = payments.create_order(make_context(store, data_dir), STAFF, UNIT)
    # Bought in 2020, declared now (after 2024-12-01): the 2024 notice applies.
    assert store.read("SELECT rule_version FROM payment_orders")[0]["rule_version"] == "2024-12-01"
    audit_entry = store.read("SELECT detail FROM audit WHERE action = 'payment.order'")[0]["detail"]
    assert '"purchase_date":"2020-05-01"' in audit_entry
    assert f'"declared_on":"{START.date().isoformat()}"' in audit_entry
    assert items_of(store, order_id)["tax_bureau"]["amount_fen"] == PRICE_FEN * 10 // 1000
