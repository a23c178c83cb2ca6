"""Daily reconciliation of one-code payments, one payee account at a time.

Each payee (tax bureau, registration office, maintenance fund) keeps its own
account and sends its own statement, so each is reconciled on its own and
never against a combined total (domain.md section 7). Only real orders count:
training orders never reach a payee.

For a day (in the county's time zone, the day on the statements):

- ``confirmed_fen``: items the kiosk recorded as confirmed with a confirmation
  time on that day (an item refunded since still counts: the money did come
  in that day; it is also listed as 'refunded'); ``count`` is how many.
- ``due_fen``: items created that day that are still due.
- ``expected_fen``: ``confirmed_fen + due_fen``, what the payee should see
  once every order opened that day is paid.
- ``mismatches``, each ``{type, channel_serial, order_id, kiosk_fen,
  statement_fen, detail}``:
  'missing_from_statement' (confirmed by the kiosk, absent from the
  statement), 'unknown_to_kiosk' (on the statement, no kiosk item has that
  serial), 'other_day' (on the statement, confirmed by the kiosk on another
  day), 'amount_differs', 'listed_twice' (a serial twice on the statement),
  'refunded' (confirmed or refunded that day and since refunded). Without a
  statement for a payee only 'refunded' can be listed.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from kiosk.errors import ValidationError
from kiosk.services.payments import PAYEES, day_bounds
from kiosk.services.context import Context
from kiosk.store import Store

__all__: list[str] = []

Statement = list[dict[str, Any]]

_ITEMS = ("SELECT i.order_id, i.payee, i.amount_fen, i.state, i.channel_serial, i.confirmed_at, "
          "i.refunded_at FROM payment_items i JOIN payment_orders o ON o.id = i.order_id "
          "WHERE o.training = 0 AND ")


def reconcile(ctx: Context, day: dt.date, statements: dict[str, Statement] | None = None) -> dict[str, Any]:
    """The day's figures and mismatches per payee account: ``{date, payees: {payee: {...}}}``.

    ``day`` is a county day (``[county] time_zone``), the day on the statements. A report, not a
    command: it reads and changes nothing.
    """
    store, zone = ctx.store, ctx.zone
    statements = statements or {}
    unknown = sorted(set(statements) - set(PAYEES))
    if unknown:
        raise ValidationError(f"no payee account called {', '.join(unknown)}", field="statement",
                              hint="payees: " + ", ".join(PAYEES))
    start, end = day_bounds(day, zone)
    confirmed = store.read(_ITEMS + "i.confirmed_at >= ? AND i.confirmed_at < ? ORDER BY i.confirmed_at",
                           (start, end))
    due = store.read(_ITEMS + "i.state = 'due' AND o.created_at >= ? AND o.created_at < ?", (start, end))
    refunded = store.read(_ITEMS + "i.refunded_at >= ? AND i.refunded_at < ?", (start, end))
    payees = list(PAYEES) + sorted({r["payee"] for r in confirmed + due} - set(PAYEES))
    report: dict[str, Any] = {}
    for payee in payees:
        mine = [r for r in confirmed if r["payee"] == payee]
        confirmed_fen = sum(r["amount_fen"] for r in mine)
        due_fen = sum(r["amount_fen"] for r in due if r["payee"] == payee)
        statement = statements.get(payee)
        mismatches = _refunds(mine + [r for r in refunded if r["payee"] == payee])
        if statement is not None:
            mismatches = _compare(store, payee, mine, _checked(payee, statement)) + mismatches
        report[payee] = {
            "expected_fen": confirmed_fen + due_fen, "confirmed_fen": confirmed_fen, "count": len(mine),
            "due_fen": due_fen,
            "statement_fen": None if statement is None else sum(e["amount_fen"] for e in statement),
            "mismatches": mismatches,
        }
    return {"date": day.isoformat(), "payees": report}


def _mismatch(kind: str, serial: str | None, order_id: str | None, kiosk_fen: int | None,
              statement_fen: int | None, detail: str) -> dict[str, Any]:
    return {"type": kind, "channel_serial": serial, "order_id": order_id, "kiosk_fen": kiosk_fen,
            "statement_fen": statement_fen, "detail": detail}


def _checked(payee: str, statement: Statement) -> Statement:
    for n, entry in enumerate(statement, 1):
        serial, amount = entry.get("channel_serial"), entry.get("amount_fen")
        if not isinstance(serial, str) or not serial.strip():
            raise ValidationError(f"{payee} statement entry {n} has no channel_serial", field="statement")
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise ValidationError(f"{payee} statement entry {n} (serial {serial}): amount_fen {amount!r} "
                                  "is not a whole number of fen", field="statement")
    return statement


def _compare(store: Store, payee: str, mine: list[dict[str, Any]],
             statement: Statement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    listed: dict[str, int] = {}
    for entry in statement:
        serial = entry["channel_serial"].strip()
        if serial in listed:
            found.append(_mismatch("listed_twice", serial, None, None, entry["amount_fen"],
                                   f"serial {serial} appears more than once on the {payee} statement"))
            continue
        listed[serial] = entry["amount_fen"]
    ours = {r["channel_serial"]: r for r in mine}
    for serial, row in ours.items():
        if serial not in listed:
            found.append(_mismatch("missing_from_statement", serial, row["order_id"], row["amount_fen"], None,
                                   f"confirmed by the kiosk at {row['confirmed_at']} but not on the "
                                   f"{payee} statement"))
        elif listed[serial] != row["amount_fen"]:
            found.append(_mismatch("amount_differs", serial, row["order_id"], row["amount_fen"],
                                   listed[serial],
                                   f"the kiosk recorded {row['amount_fen']} fen, the statement "
                                   f"{listed[serial]} fen"))
    for serial, amount in listed.items():
        if serial in ours:
            continue
        elsewhere = store.read(_ITEMS + "i.payee = ? AND i.channel_serial = ?", (payee, serial))
        if elsewhere:
            row = elsewhere[0]
            found.append(_mismatch("other_day", serial, row["order_id"], row["amount_fen"], amount,
                                   f"on the statement for this day but confirmed by the kiosk at "
                                   f"{row['confirmed_at']}"))
        else:
            found.append(_mismatch("unknown_to_kiosk", serial, None, None, amount,
                                   f"on the {payee} statement but no order on this kiosk was paid "
                                   "with this serial"))
    return found


def _refunds(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    found = []
    for row in rows:
        key = (row["order_id"], row["payee"])
        if row["state"] != "refunded" or key in seen:
            continue
        seen.add(key)
        found.append(_mismatch("refunded", row["channel_serial"], row["order_id"], row["amount_fen"], None,
                               f"confirmed at {row['confirmed_at']}, refunded at {row['refunded_at']}"))
    return found


def read_statement_csv(path: Path) -> Statement:
    """A payee statement as CSV with a header naming ``channel_serial`` and ``amount_fen``."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"channel_serial", "amount_fen"} - set(reader.fieldnames or ())
            if missing:
                raise ValidationError(f"{path}: the header lacks {', '.join(sorted(missing))}",
                                      field="statement",
                                      hint="the first line must name the columns channel_serial,amount_fen")
            entries: Statement = []
            for row in reader:
                line = reader.line_num
                serial = (row.get("channel_serial") or "").strip()
                amount = (row.get("amount_fen") or "").strip()
                if not serial:
                    raise ValidationError(f"{path} line {line}: channel_serial is empty", field="statement")
                if not (amount.isascii() and amount.lstrip("-").isdigit()):
                    raise ValidationError(f"{path} line {line}: amount_fen {amount!r} is not a whole "
                                          "number of fen", field="statement",
                                          hint="write amounts in fen without separators, e.g. 123400")
                entries.append({"channel_serial": serial, "amount_fen": int(amount)})
    except OSError as exc:
        raise ValidationError(f"cannot read the statement {path}: {exc.strerror}", field="statement") from exc
    return entries
