"""One-code payment (一码缴费): one order per case, one item per payee account.

An order holds one payment code for the buyer and one item per payee (deed
tax to the tax bureau, registration and certificate fees to the registration
office's non-tax account, the maintenance fund where configured), amounts in
integer fen from ``kiosk.rules.fees``. The platform confirms each item on its
own; confirmations and refunds arrive as pulled items, possibly late, twice
or out of order. Each is applied once: a repeat (same item id, or the same
order, payee and channel serial) is kept in ``payment_events`` as
'duplicate' and changes nothing; one that cannot be applied is kept as
'rejected' with its reason and raises ``FlowError``.

Every decision is taken from reads before anything is written, so a refused
item leaves only its event row and audit entry, never a half-applied change.
The sync agent applies each pulled item inside a savepoint and rolls a refused
one back whole, event row included; its ``approvals`` row keeps the reason.
``record_confirmation`` commits the refused event itself, then raises.

Days and timestamps: rows store UTC; the day a payment belongs to is the day
in the county's time zone (``kiosk.rules.county_time``), the day on the
payees' statements. The deed-tax rule is the one in force on the day the
order is made (the declaration date), not on the contract date.
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kiosk.errors import FlowError
from kiosk.rules.fees import (MAINTENANCE_FUND, REGISTRATION_OFFICE, TAX_BUREAU, FeeSettings,
                              Purchase, estimate_fees)
from kiosk.rules.county_time import CHINA, county_date
from kiosk.rules.county_time import day_bounds as county_day_bounds
from kiosk.rules.money import format_yuan
from kiosk.rules.reason import required_reason
from kiosk.rules.unitcode import UnitCodeRules, parse_unit_code
from kiosk.services.context import Context
from kiosk.services.printing import create_job, project_service_point
from kiosk.services.staff import SUPERVISOR_ROLES, Actor, require
from kiosk.services.states import PAYMENT_ITEM, PAYMENT_ORDER
from kiosk.store import Store, UnitOfWork
from sync.wire import kinds

__all__ = ["close_unpaid_order", "create_order", "record_confirmation", "request_refund", "void_order"]

PAYEES: tuple[str, ...] = (TAX_BUREAU, REGISTRATION_OFFICE, MAINTENANCE_FUND)
PAYEE_LABELS: dict[str, str] = {
    TAX_BUREAU: "the tax bureau",
    REGISTRATION_OFFICE: "the registration office",
    MAINTENANCE_FUND: "the housing maintenance fund",
}
PAYMENT_CODE_DIGITS = 20

APPLIED = "applied"
DUPLICATE = "duplicate"
REJECTED = "rejected"


@dataclass(frozen=True)
class PaymentStatus:
    """What the handover check needs: is every item paid, and if not, what to tell the buyer."""

    order_id: str | None
    all_confirmed: bool
    missing: list[tuple[str, str, int]]
    reason: str


@dataclass(frozen=True)
class _Item:
    """A pulled payment item with its fields checked for shape (not yet for meaning)."""

    item_id: str
    kind: str
    order_id: str
    payee: str
    amount_fen: int
    channel_serial: str
    receipt_no: str
    training: bool
    issued_at: str
    malformed: str | None


@dataclass(frozen=True)
class _Verdict:
    result: str
    reason: str | None = None
    code: str | None = None
    order: dict[str, Any] | None = None
    row: dict[str, Any] | None = None


def utc_stamp(moment: dt.datetime) -> str:
    """The stored form of a time: UTC, ISO 8601 with microseconds (naive means UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")


def day_bounds(day: dt.date, zone: dt.tzinfo = CHINA) -> tuple[str, str]:
    """[start, end) of a county day as stored UTC stamps."""
    start, end = county_day_bounds(day, zone)
    return utc_stamp(start), utc_stamp(end)


def _rows(uow: UnitOfWork, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cur = uow.execute(sql, params)
    cols = [d[0] for d in cur.description or ()]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def _short_name(name: str) -> str:
    # The deed-tax item carries its estimate note in brackets; a sentence needs only the name.
    return name.split("（")[0]


# --- orders -------------------------------------------------------------------------------------

def create_order(ctx: Context, actor: Actor, unit_code: str, *, certificates: int | None = None,
                 purchase_date: dt.date | None = None) -> str:
    """Compute the fees of ``unit_code`` and open one order with one payment code; returns its id.

    Making the order is declaring the deed tax, so the fee rule is the one in
    force today in the county; ``purchase_date`` (default: the contract date)
    is recorded with it.
    """
    store = ctx.store
    now, today = ctx.now(), ctx.today()
    require(store, actor, now=now)
    rules = UnitCodeRules.from_config(ctx.config["unit_code"], str(ctx.config["county"]["code"]))
    code = parse_unit_code(unit_code, rules).code
    units = store.read("SELECT * FROM units WHERE code = ?", (code,))
    if not units:
        raise FlowError(f"unit {code} is not on this kiosk", code="unknown_unit",
                        hint="check the unit code, or sync master data")
    unit = units[0]
    if unit["training"] and not actor.training:
        raise FlowError(f"unit {code} is training data; only a training session can take payments "
                        "for it", code="training_unit")
    holders = store.read("SELECT position, home FROM buyers WHERE unit_code = ? ORDER BY position",
                         (code,))
    owner = next((h for h in holders if h["position"] == 1), None)
    if owner is None:
        raise FlowError(f"unit {code} has no owner on record, so the deed tax cannot be computed",
                        code="no_owner", hint="sync master data or record the buyers first")
    residential = unit["use"] == "residential"
    purchase = Purchase(
        area_m2=Decimal(int(unit["area_centi_m2"])).scaleb(-2),
        price_fen=int(unit["price_fen"]),
        purchase_date=purchase_date or _contract_date(store, code, ctx.zone, today) or today,
        declared_on=today,
        home=owner["home"] if residential else None,
        use=unit["use"],
        certificates=certificates if certificates is not None else max(1, len(holders)),
    )
    estimate = estimate_fees(purchase, FeeSettings.from_config(ctx.config["fees"]))
    items = [item for item in estimate.items if item.amount_fen > 0]
    total = sum(item.amount_fen for item in items)
    order_id = uuid.uuid4().hex
    with store.unit_of_work(actor.label) as uow:
        _refuse_second_order(uow, code, actor.training)
        payment_code = _new_payment_code(uow)
        uow.insert("payment_orders", {
            "id": order_id, "unit_code": code, "payment_code": payment_code,
            "state": PAYMENT_ORDER.initial, "total_fen": total,
            "rule_version": estimate.rule.effective.isoformat(), "training": int(actor.training),
            "created_at": utc_stamp(now)})
        for item in items:
            uow.insert("payment_items", {
                "order_id": order_id, "payee": item.payee, "name": item.name,
                "amount_fen": item.amount_fen, "estimate": int(item.estimate),
                "state": PAYMENT_ITEM.initial})
        lines = [{"payee": i.payee, "name": i.name, "amount_fen": i.amount_fen, "estimate": i.estimate}
                 for i in items]
        uow.log("payment.order", order_id, {
            "unit_code": code, "payment_code": payment_code, "total_fen": total,
            "items": [{"payee": i.payee, "amount_fen": i.amount_fen} for i in items],
            "rule_version": estimate.rule.effective.isoformat(),
            "purchase_date": purchase.purchase_date.isoformat(), "declared_on": today.isoformat(),
            "certificates": purchase.certificates})
        uow.push(kinds.PAYMENT_ORDER, order_id, {
            "order_id": order_id, "unit_code": code, "payment_code": payment_code, "items": lines,
            "total_fen": total, "training": actor.training}, training=actor.training)
    return order_id


def _contract_date(store: Store, unit_code: str, zone: dt.tzinfo, today: dt.date) -> dt.date | None:
    """The county day the current contract was signed: the purchase date.

    A signature stamped after ``today`` (the store's clock ahead of the flow's) counts as today.
    """
    rows = store.read("SELECT signed_at FROM contracts WHERE unit_code = ? AND state IN ('signed', 'filed') "
                      "AND signed_at IS NOT NULL ORDER BY version DESC LIMIT 1", (unit_code,))
    if not rows:
        return None
    return min(county_date(dt.datetime.fromisoformat(rows[0]["signed_at"]), zone), today)


def _refuse_second_order(uow: UnitOfWork, unit_code: str, training: bool) -> None:
    # Read inside the unit of work: BEGIN IMMEDIATE holds the write lock, so two
    # kiosk screens cannot both pass this check for the same unit.
    live = _rows(uow, "SELECT o.id, o.state, o.payment_code FROM payment_orders o WHERE o.unit_code = ? "
                      "AND o.training = ? AND (o.state IN ('open', 'paid') OR EXISTS (SELECT 1 FROM "
                      "payment_items i WHERE i.order_id = o.id AND i.state = 'confirmed')) "
                      "ORDER BY o.created_at LIMIT 1", (unit_code, int(training)))
    if not live:
        return
    order = live[0]
    if order["state"] == "open":
        hint = (f"the buyer pays with that order's payment code {order['payment_code']}; "
                "if its amounts are wrong, a supervisor voids it first")
    elif order["state"] == "paid":
        hint = "its fees are paid; a second order would charge the buyer twice"
    else:
        hint = "a supervisor must request the refund of its confirmed items first"
    raise FlowError(f"unit {unit_code} already has payment order {order['id']} ({order['state']})",
                    code="order_exists", hint=hint)


def _new_payment_code(uow: UnitOfWork) -> str:
    while True:
        code = str(10 ** (PAYMENT_CODE_DIGITS - 1) + secrets.randbelow(9 * 10 ** (PAYMENT_CODE_DIGITS - 1)))
        if uow.execute("SELECT 1 FROM payment_orders WHERE payment_code = ?", (code,)).fetchone() is None:
            return code


def _order_for_staff(uow: UnitOfWork, order_id: str, actor: Actor) -> dict[str, Any]:
    rows = _rows(uow, "SELECT * FROM payment_orders WHERE id = ?", (order_id,))
    if not rows:
        raise FlowError(f"no payment order {order_id} on this kiosk", code="unknown_order",
                        hint="check the order id")
    order = rows[0]
    if bool(order["training"]) != actor.training:
        raise FlowError(f"order {order_id} is {'training' if order['training'] else 'real'} data and "
                        f"{actor.label} is in a {'training' if actor.training else 'real'} session",
                        code="training_mismatch", hint="training and real cases never mix")
    return order


def void_order(ctx: Context, supervisor: Actor, order_id: str, reason: str) -> None:
    """Cancel an order nobody has paid anything on (a supervisor's decision, pushed to the platform)."""
    store = ctx.store
    require(store, supervisor, now=ctx.now(), roles=SUPERVISOR_ROLES)
    why = required_reason(reason, why="the order is voided")
    with store.unit_of_work(supervisor.label) as uow:
        order = _order_for_staff(uow, order_id, supervisor)
        _void(ctx, uow, order, why)


def close_unpaid_order(ctx: Context, actor: Actor, order_id: str, reason: str) -> None:
    """A buyer's self-service session ended (idle time-out, 结束办理) with the order it opened unpaid.

    ux.md: a time-out closes unpaid orders, so a payment code left on an empty
    screen cannot be paid later against a case nobody is watching. Only the
    actor that opened the order may close it this way (a staff member's order
    stays until a supervisor voids it), only while it is open, and never once
    any item is confirmed (that money is refunded first, as for a void).
    """
    store = ctx.store
    require(store, actor, now=ctx.now())
    why = required_reason(reason, why="the unpaid order is closed")
    with store.unit_of_work(actor.label) as uow:
        order = _order_for_staff(uow, order_id, actor)
        opened = uow.execute("SELECT actor FROM audit WHERE action = 'payment.order' AND subject = ? "
                             "ORDER BY seq LIMIT 1", (order_id,)).fetchone()
        if opened is None or opened[0] != actor.label:
            raise FlowError(f"order {order_id} was opened by {opened[0] if opened else 'nobody known'}, "
                            f"not by {actor.label}", code="order_not_opened_here",
                            hint="an order staff made is voided by a supervisor")
        if order["state"] != "open":
            raise FlowError(f"order {order_id} is {order['state']}; only an open order is closed unpaid",
                            code="order_not_open")
        _void(ctx, uow, order, why)


def _void(ctx: Context, uow: UnitOfWork, order: dict[str, Any], why: str) -> None:
    order_id = order["id"]
    items = _rows(uow, "SELECT * FROM payment_items WHERE order_id = ? ORDER BY payee", (order_id,))
    confirmed = [i for i in items if i["state"] == "confirmed"]
    if confirmed:
        paid = "; ".join(f"{_short_name(i['name'])} {format_yuan(i['amount_fen'], symbol=True)} to "
                         f"{PAYEE_LABELS.get(i['payee'], i['payee'])} (channel serial "
                         f"{i['channel_serial']})" for i in confirmed)
        raise FlowError(f"order {order_id} cannot be voided: the buyer has paid {paid}",
                        code="order_has_payments",
                        hint="request the refund of the confirmed items first, then void the order")
    state = PAYMENT_ORDER.advance(order["state"], "void")
    voided = []
    for item in items:
        if item["state"] == "due":
            uow.update("payment_items", {"order_id": order_id, "payee": item["payee"]},
                       {"state": PAYMENT_ITEM.advance(item["state"], "void")})
            voided.append(item["payee"])
    uow.update("payment_orders", {"id": order_id}, {"state": state, "closed_at": utc_stamp(ctx.now())})
    uow.log("payment.void", order_id, {"reason": why, "items": voided})
    uow.push(kinds.PAYMENT_VOIDED, order_id, {
        "order_id": order_id, "unit_code": order["unit_code"], "payment_code": order["payment_code"],
        "items": voided, "reason": why}, training=bool(order["training"]))


def request_refund(ctx: Context, supervisor: Actor, order_id: str, payee: str, reason: str) -> str:
    """Ask the platform to refund one confirmed item; the refund itself arrives as 'payment.refunded'.

    Returns the outbox record id of the request.
    """
    store = ctx.store
    require(store, supervisor, now=ctx.now(), roles=SUPERVISOR_ROLES)
    why = required_reason(reason, why="the payment is refunded")
    with store.unit_of_work(supervisor.label) as uow:
        order = _order_for_staff(uow, order_id, supervisor)
        rows = _rows(uow, "SELECT * FROM payment_items WHERE order_id = ? AND payee = ?", (order_id, payee))
        if not rows:
            raise FlowError(f"order {order_id} has no item for payee {payee!r}", code="unknown_payee",
                            hint="payees: " + ", ".join(PAYEES))
        item = rows[0]
        if item["state"] != "confirmed":
            raise FlowError(f"the {payee} item of order {order_id} is {item['state']}: only a confirmed "
                            "payment can be refunded", code="not_refundable",
                            hint="an unpaid order is voided instead" if item["state"] == "due" else None)
        earlier = uow.execute(
            "SELECT at FROM audit WHERE action = 'payment.refund_requested' AND subject = ? "
            "AND json_extract(detail, '$.payee') = ? ORDER BY seq DESC LIMIT 1", (order_id, payee)).fetchone()
        if earlier:
            raise FlowError(f"the refund of the {payee} item of order {order_id} was already requested "
                            f"at {earlier[0]}", code="refund_pending",
                            hint="wait for the payee's refund; it arrives with the next sync")
        detail = {"payee": payee, "amount_fen": item["amount_fen"], "channel_serial": item["channel_serial"],
                  "receipt_no": item["receipt_no"], "reason": why}
        uow.log("payment.refund_requested", order_id, detail)
        return uow.push(kinds.PAYMENT_REFUND_REQUESTED, order_id, {
            "order_id": order_id, "unit_code": order["unit_code"], **detail},
            training=bool(order["training"]))


# --- confirmations and refunds from the platform ------------------------------------------------

def apply_confirmation(uow: UnitOfWork, item: dict[str, Any]) -> None:
    """Inbound handler: one item of an order was paid."""
    _apply(uow, item, _judge_confirmation, _write_confirmation)


def apply_refund(uow: UnitOfWork, item: dict[str, Any]) -> None:
    """Inbound handler: the payee returned one item's payment."""
    _apply(uow, item, _judge_refund, _write_refund)


def record_confirmation(ctx: Context, actor: Actor, order_id: str, payee: str, amount_fen: int,
                        channel_serial: str, receipt_no: str, *, event_id: str) -> str:
    """Enter one confirmation by hand (a paper receipt, or the simulation) through the same checks.

    Returns 'applied' or 'duplicate'; a refused confirmation is kept as 'rejected' and raises FlowError.
    """
    require(ctx.store, actor, now=ctx.now())
    item = {"item_id": event_id, "kind": kinds.PAYMENT_CONFIRMED, "subject": order_id,
            "issued_at": utc_stamp(ctx.now()),
            "data": {"payee": payee, "amount_fen": amount_fen, "channel_serial": channel_serial,
                     "receipt_no": receipt_no, "training": actor.training}}
    refused: FlowError | None = None
    result = REJECTED
    with ctx.store.unit_of_work(actor.label) as uow:
        try:
            result = _apply(uow, item, _judge_confirmation, _write_confirmation)
        except FlowError as exc:
            # The rejected event is already written and nothing else was: commit it, then refuse.
            refused = exc
    if refused is not None:
        raise refused
    return result


def _parse(item: dict[str, Any]) -> _Item:
    raw_data = item.get("data")
    data: dict[str, Any] = raw_data if isinstance(raw_data, dict) else {}
    problems = []
    item_id = item.get("item_id")
    if not isinstance(item_id, str) or not item_id:
        problems.append("item_id is missing")
        item_id = uuid.uuid4().hex
    order_id = item.get("subject")
    if not isinstance(order_id, str) or not order_id:
        problems.append("the order id (subject) is missing")
        order_id = ""
    payee = data.get("payee")
    if not isinstance(payee, str) or not payee:
        problems.append("payee is missing")
        payee = ""
    amount = data.get("amount_fen")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        problems.append(f"amount_fen {amount!r} is not a whole number of fen")
        amount = 0
    serial = data.get("channel_serial")
    receipt = data.get("receipt_no")
    if item.get("kind") == kinds.PAYMENT_CONFIRMED:
        if not isinstance(serial, str) or not serial.strip():
            problems.append("channel_serial is missing")
        if not isinstance(receipt, str) or not receipt.strip():
            problems.append("receipt_no is missing")
    issued = _issued_at(item.get("issued_at"))
    if issued is None:
        problems.append(f"issued_at {item.get('issued_at')!r} is not an ISO 8601 time")
    return _Item(item_id=item_id, kind=str(item.get("kind")), order_id=order_id, payee=payee,
                 amount_fen=amount, channel_serial=serial.strip() if isinstance(serial, str) else "",
                 receipt_no=receipt.strip() if isinstance(receipt, str) else "",
                 training=bool(data.get("training", False)), issued_at=issued or "",
                 malformed="; ".join(problems) or None)


def _issued_at(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return utc_stamp(dt.datetime.fromisoformat(value))
    except ValueError:
        return None


def _apply(uow: UnitOfWork, raw: dict[str, Any], judge: Callable[[UnitOfWork, _Item], _Verdict],
           write: Callable[[UnitOfWork, _Item, _Verdict], None]) -> str:
    item = _parse(raw)
    verdict = _Verdict(REJECTED, f"malformed {item.kind} item {item.item_id}: {item.malformed}",
                       "payment_malformed") if item.malformed else judge(uow, item)
    if verdict.result == APPLIED:
        write(uow, item, verdict)
    uow.insert("payment_events", {
        "event_id": _event_id(uow, item.item_id), "order_id": item.order_id, "payee": item.payee,
        "kind": item.kind, "amount_fen": item.amount_fen, "result": verdict.result,
        "reason": verdict.reason, "at": uow.at})
    uow.log(f"{item.kind}.{verdict.result}", item.order_id or item.item_id, {
        "item_id": item.item_id, "payee": item.payee, "amount_fen": item.amount_fen,
        "channel_serial": item.channel_serial, "receipt_no": item.receipt_no, "reason": verdict.reason})
    if verdict.result == REJECTED:
        raise FlowError(verdict.reason or "refused", code=verdict.code)
    return verdict.result


def _of_item(item_id: str) -> tuple[str, tuple[Any, ...]]:
    """SQL condition (and its parameters) matching every event of one pulled item."""
    prefix = item_id + "#"
    return "(event_id = ? OR substr(event_id, 1, ?) = ?)", (item_id, len(prefix), prefix)


def _event_id(uow: UnitOfWork, item_id: str) -> str:
    """The item id for its first event; ``item_id#2``, ``#3``… for each repeat."""
    where, params = _of_item(item_id)
    seen = uow.execute(f"SELECT count(*) FROM payment_events WHERE {where}", params).fetchone()[0]
    return item_id if seen == 0 else f"{item_id}#{seen + 1}"


def _lookup(uow: UnitOfWork, item: _Item) -> _Verdict:
    """Checks common to confirmations and refunds; result '' means "go on"."""
    where, params = _of_item(item.item_id)
    applied = uow.execute(f"SELECT at FROM payment_events WHERE {where} AND result = ?",
                          (*params, APPLIED)).fetchone()
    if applied:
        return _Verdict(DUPLICATE, f"item {item.item_id} was already applied at {applied[0]}")
    orders = _rows(uow, "SELECT * FROM payment_orders WHERE id = ?", (item.order_id,))
    if not orders:
        return _Verdict(REJECTED, f"{item.kind} item {item.item_id} names order {item.order_id}, "
                        "which this kiosk never issued", "payment_unknown_order")
    order = orders[0]
    if item.training and not order["training"]:
        return _Verdict(REJECTED, f"{item.kind} item {item.item_id} is training data and cannot "
                        f"change the real order {item.order_id}", "payment_training")
    rows = _rows(uow, "SELECT * FROM payment_items WHERE order_id = ? AND payee = ?",
                 (item.order_id, item.payee))
    if not rows:
        have = [r[0] for r in uow.execute("SELECT payee FROM payment_items WHERE order_id = ? "
                                          "ORDER BY payee", (item.order_id,))]
        return _Verdict(REJECTED, f"{item.kind} item {item.item_id}: order {item.order_id} has no item "
                        f"for payee {item.payee!r} (its payees: {', '.join(have)})", "payment_unknown_payee")
    return _Verdict("", order=order, row=rows[0])


def _judge_confirmation(uow: UnitOfWork, item: _Item) -> _Verdict:
    found = _lookup(uow, item)
    if found.result:
        return found
    order, row = found.order, found.row
    assert order is not None and row is not None
    where = f"payment.confirmed item {item.item_id} for the {item.payee} item of order {item.order_id}"
    if row["state"] in ("confirmed", "refunded") and row["channel_serial"] == item.channel_serial:
        return _Verdict(DUPLICATE, f"{where}: channel serial {item.channel_serial} was already "
                        f"confirmed at {row['confirmed_at']}")
    if order["state"] == "void":
        return _Verdict(REJECTED, f"{where}: the order was voided at {order['closed_at']}; this payment "
                        f"(channel serial {item.channel_serial}) must be refunded by the payee",
                        "payment_void")
    if row["state"] == "confirmed":
        return _Verdict(REJECTED, f"{where}: already paid with channel serial {row['channel_serial']}; "
                        f"this second payment (channel serial {item.channel_serial}) must be refunded "
                        "by the payee", "payment_paid_twice")
    if row["state"] == "refunded":
        return _Verdict(REJECTED, f"{where}: the item was refunded at {row['refunded_at']}; a new "
                        "payment needs a new order", "payment_refunded")
    if item.amount_fen != row["amount_fen"]:
        return _Verdict(REJECTED, f"{where}: amount {format_yuan(item.amount_fen, symbol=True)} differs from the "
                        f"order's {format_yuan(row['amount_fen'], symbol=True)}", "payment_wrong_amount")
    return _Verdict(APPLIED, order=order, row=row)


def _write_confirmation(uow: UnitOfWork, item: _Item, verdict: _Verdict) -> None:
    order, row = verdict.order, verdict.row
    assert order is not None and row is not None
    uow.update("payment_items", {"order_id": item.order_id, "payee": item.payee}, {
        "state": PAYMENT_ITEM.advance(row["state"], "confirm"), "channel_serial": item.channel_serial,
        "receipt_no": item.receipt_no, "confirmed_at": item.issued_at})
    unpaid = uow.execute("SELECT count(*) FROM payment_items WHERE order_id = ? AND state != 'confirmed'",
                         (item.order_id,)).fetchone()[0]
    if unpaid == 0:
        uow.update("payment_orders", {"id": item.order_id},
                   {"state": PAYMENT_ORDER.advance(order["state"], "pay")})
        uow.log("payment.paid", item.order_id,
                {"unit_code": order["unit_code"], "total_fen": order["total_fen"]})
        _queue_receipt(uow, order)


def _queue_receipt(uow: UnitOfWork, order: dict[str, Any]) -> str:
    """The buyer's payment receipt (every item, per payee), queued when the order is paid in full."""
    items = _rows(uow, "SELECT payee, name, amount_fen, confirmed_at FROM payment_items WHERE order_id = ? "
                  "ORDER BY rowid", (order["id"],))
    return create_job(uow, "payment_receipt", order["unit_code"], {
        "order_id": order["id"], "payment_code": order["payment_code"], "unit_code": order["unit_code"],
        "items": [{"payee": i["payee"], "name": i["name"], "amount_fen": i["amount_fen"]} for i in items],
        "paid_at": max(str(i["confirmed_at"] or uow.at) for i in items),
        "service_point": project_service_point(uow, order["unit_code"]), "training": bool(order["training"])})


def _judge_refund(uow: UnitOfWork, item: _Item) -> _Verdict:
    found = _lookup(uow, item)
    if found.result:
        return found
    row = found.row
    assert row is not None
    where = f"payment.refunded item {item.item_id} for the {item.payee} item of order {item.order_id}"
    if row["state"] == "refunded":
        return _Verdict(DUPLICATE, f"{where}: already refunded at {row['refunded_at']}")
    if row["state"] != "confirmed":
        return _Verdict(REJECTED, f"{where}: the kiosk has no confirmed payment to refund (the item is "
                        f"{row['state']}); the refund arrived before its confirmation or the payment "
                        "never reached the kiosk: check with the payee", "payment_refund_out_of_order")
    if item.channel_serial and item.channel_serial != row["channel_serial"]:
        return _Verdict(REJECTED, f"{where}: refund names channel serial {item.channel_serial} but the "
                        f"item was paid with {row['channel_serial']}", "payment_serial_mismatch")
    if item.amount_fen != row["amount_fen"]:
        return _Verdict(REJECTED, f"{where}: refund of {format_yuan(item.amount_fen, symbol=True)} is not the paid "
                        f"{format_yuan(row['amount_fen'], symbol=True)}; only whole items are refunded",
                        "payment_wrong_amount")
    return _Verdict(APPLIED, order=found.order, row=row)


def _write_refund(uow: UnitOfWork, item: _Item, verdict: _Verdict) -> None:
    order, row = verdict.order, verdict.row
    assert order is not None and row is not None
    uow.update("payment_items", {"order_id": item.order_id, "payee": item.payee},
               {"state": PAYMENT_ITEM.advance(row["state"], "refund"), "refunded_at": item.issued_at})
    if order["state"] == "paid":
        # The order no longer covers the case; its other confirmed items are refunded one by one.
        uow.update("payment_orders", {"id": item.order_id},
                   {"state": PAYMENT_ORDER.advance(order["state"], "refund"), "closed_at": item.issued_at})


# --- status for the handover --------------------------------------------------------------------

def payment_status(store: Store, unit_code: str, *, training: bool = False) -> PaymentStatus:
    """Whether every payment item of the unit's current order is confirmed, and if not why."""
    code = unicodedata.normalize("NFKC", unit_code).strip().upper()
    orders = store.read("SELECT * FROM payment_orders WHERE unit_code = ? AND training = ? "
                        "AND state != 'void' ORDER BY created_at DESC, rowid DESC LIMIT 1",
                        (code, int(training)))
    if not orders:
        return order_status(code, None, [])
    items = store.read("SELECT * FROM payment_items WHERE order_id = ? ORDER BY payee", (orders[0]["id"],))
    return order_status(code, orders[0], items)


def order_status(unit_code: str, order: dict[str, Any] | None,
                 items: list[dict[str, Any]]) -> PaymentStatus:
    """Whether ``order`` (the unit's current order, None when it has none) covers the case, judged
    from its rows; ``items`` ordered by payee.

    Split from ``payment_status`` so the handover gates can judge many units from a few reads.
    """
    if order is None:
        return PaymentStatus(None, False, [], f"no payment order for unit {unit_code} yet: compute the "
                             "fees at the payment step and give the buyer the payment code")
    missing = [(i["payee"], i["name"], int(i["amount_fen"])) for i in items if i["state"] != "confirmed"]
    if order["state"] == "paid" and not missing:
        return PaymentStatus(order["id"], True, [], f"all {len(items)} payment items of order "
                             f"{order['id']} are confirmed")
    refunded = [i for i in items if i["state"] == "refunded"]
    if refunded:
        what = ", ".join(f"{_short_name(i['name'])} {format_yuan(i['amount_fen'], symbol=True)}" for i in refunded)
        return PaymentStatus(order["id"], False, missing, f"payment order {order['id']} was partly "
                             f"refunded ({what}): a supervisor requests the refund of any other paid "
                             "item, voids the order if it is still open, then a new order is made")
    due = " and ".join(f"{_short_name(name)} {format_yuan(fen, symbol=True)} to {PAYEE_LABELS.get(payee, payee)}"
                       for payee, name, fen in missing)
    verb = "is" if len(missing) == 1 else "are"
    return PaymentStatus(order["id"], False, missing, f"{due} {verb} not yet confirmed: ask the buyer "
                         f"to pay with payment code {order['payment_code']}; confirmation can take a "
                         "few minutes")
