"""Daily reconciliation per payee account, in the service and through `kiosk reconcile`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payments_helpers import (CST, DEED_TAX, FUND, REGISTRATION, STAFF, TRAINEE, UNIT,  # noqa: E402
                              UNIT2, Clock, add_case, item, items_of, make_context, outbox, pull)

from kiosk import audit  # noqa: E402
from sync.wire import kinds  # noqa: E402
from kiosk.cli import main  # noqa: E402
from kiosk.errors import ValidationError  # noqa: E402
from kiosk.services import payments  # noqa: E402
from kiosk.services.reconciliation import read_statement_csv, reconcile  # noqa: E402
from kiosk.config import Config  # noqa: E402
from kiosk.services.context import Context  # noqa: E402
from kiosk.store import Store  # noqa: E402

UNIT3 = "410425413219GB00029F00010004"
DAY = dt.date(2025, 3, 1)


def reading(store: Store) -> Context:
    return Context(store, Config(store.path.parent))


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 3, 1, hour, minute, tzinfo=CST) + dt.timedelta(days=day)


def confirm(store: Store, order_id: str, payee: str, serial: str, when: dt.datetime) -> None:
    amount = items_of(store, order_id)[payee]["amount_fen"]
    assert pull(store, item(kinds.PAYMENT_CONFIRMED, order_id, payee, amount, serial, item_id=f"C-{serial}",
                            at=when)) is None


@pytest.fixture
def day_of_payments(store: Store, data_dir: Path) -> dict[str, str]:
    """Order A paid on the day (its fund item refunded later), B still due, C from the day before."""
    add_case(store)
    add_case(store, unit=UNIT2, holders=1, staff=False)
    add_case(store, unit=UNIT3, holders=1, staff=False)
    clock = Clock(at(-1, 20))
    ctx = make_context(store, data_dir, clock=clock)
    c = payments.create_order(ctx, STAFF, UNIT3)
    confirm(store, c, "tax_bureau", "T-C", at(-1, 23, 30))
    # 16:30 UTC on the day, but already the next day in Jia County.
    confirm(store, c, "registration_office", "R-C", at(1, 0, 30))
    clock.now = at(0, 10)
    a = payments.create_order(ctx, STAFF, UNIT)
    b = payments.create_order(ctx, STAFF, UNIT2)
    practice = payments.create_order(ctx, TRAINEE, UNIT)
    confirm(store, a, "tax_bureau", "T-1", at(0, 11))
    confirm(store, a, "registration_office", "R-1", at(0, 12))
    confirm(store, a, "maintenance_fund", "M-1", at(0, 13))
    assert pull(store, item(kinds.PAYMENT_REFUNDED, a, "maintenance_fund", FUND, "M-1", item_id="RF-M",
                            at=at(1, 15))) is None
    for payee, row in items_of(store, practice).items():
        payments.record_confirmation(ctx, TRAINEE, practice, payee, row["amount_fen"], f"SIM-{payee}",
                                     "R", event_id=f"TRAIN-{payee}")
    return {"a": a, "b": b, "c": c}


STATEMENTS = {
    "tax_bureau": [{"channel_serial": "T-1", "amount_fen": DEED_TAX},
                   {"channel_serial": "T-1", "amount_fen": DEED_TAX},
                   {"channel_serial": "T-X", "amount_fen": 500},
                   {"channel_serial": "T-C", "amount_fen": DEED_TAX}],
    "registration_office": [{"channel_serial": "R-1", "amount_fen": REGISTRATION + 100}],
    "maintenance_fund": [],
}


def kinds_of(figures: dict[str, object]) -> list[tuple[str, str]]:
    return [(m["type"], m["channel_serial"]) for m in figures["mismatches"]]  # type: ignore[attr-defined]


def test_each_payee_is_reconciled_on_its_own(store: Store, day_of_payments: dict[str, str]) -> None:
    report = reconcile(reading(store), DAY, STATEMENTS)
    assert report["date"] == "2025-03-01"
    tax, reg, fund = (report["payees"][p] for p in ("tax_bureau", "registration_office", "maintenance_fund"))

    assert (tax["confirmed_fen"], tax["count"], tax["due_fen"]) == (DEED_TAX, 1, DEED_TAX)
    assert tax["expected_fen"] == 2 * DEED_TAX and tax["statement_fen"] == 3 * DEED_TAX + 500
    assert kinds_of(tax) == [("listed_twice", "T-1"), ("unknown_to_kiosk", "T-X"), ("other_day", "T-C")]
    other_day = tax["mismatches"][2]
    assert other_day["order_id"] == day_of_payments["c"] and "2025-02-28T15:30" in other_day["detail"]

    assert (reg["confirmed_fen"], reg["count"], reg["due_fen"]) == (REGISTRATION, 1, 8_000)
    [differs] = reg["mismatches"]
    assert (differs["type"], differs["kiosk_fen"], differs["statement_fen"]) == (
        "amount_differs", REGISTRATION, REGISTRATION + 100)
    assert differs["order_id"] == day_of_payments["a"]

    assert (fund["confirmed_fen"], fund["count"], fund["expected_fen"]) == (FUND, 1, 2 * FUND)
    assert kinds_of(fund) == [("missing_from_statement", "M-1"), ("refunded", "M-1")]
    assert fund["statement_fen"] == 0


def test_without_statements_only_refunds_are_flagged_and_days_follow_china_time(
        store: Store, day_of_payments: dict[str, str]) -> None:
    report = reconcile(reading(store), DAY)
    assert [kinds_of(f) for f in report["payees"].values()] == [[], [], [("refunded", "M-1")]]
    assert all(f["statement_fen"] is None for f in report["payees"].values())

    before = reconcile(reading(store), DAY - dt.timedelta(days=1))["payees"]
    assert before["tax_bureau"]["confirmed_fen"] == DEED_TAX and before["tax_bureau"]["count"] == 1
    assert before["registration_office"]["confirmed_fen"] == 0
    after = reconcile(reading(store), DAY + dt.timedelta(days=1))["payees"]
    assert after["registration_office"]["confirmed_fen"] == 8_000
    assert after["maintenance_fund"]["confirmed_fen"] == 0
    assert kinds_of(after["maintenance_fund"]) == [("refunded", "M-1")], "listed again on the refund's day"
    assert all(f["expected_fen"] == 0 for f in reconcile(reading(store), dt.date(2025, 3, 5))["payees"].values())


def test_training_payments_never_reach_the_report(store: Store, day_of_payments: dict[str, str]) -> None:
    assert len(outbox(store, kinds.PAYMENT_ORDER)) == 4
    statement = [{"channel_serial": "SIM-tax_bureau", "amount_fen": DEED_TAX}]
    report = reconcile(reading(store), DAY, {"tax_bureau": statement})
    assert kinds_of(report["payees"]["tax_bureau"]) == [("missing_from_statement", "T-1"),
                                                        ("unknown_to_kiosk", "SIM-tax_bureau")]


def test_bad_statements_are_refused_with_the_place(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no payee account called bank"):
        reconcile(reading(store), DAY, {"bank": []})
    with pytest.raises(ValidationError, match="entry 1 .*not a whole number of fen"):
        reconcile(reading(store), DAY, {"tax_bureau": [{"channel_serial": "T", "amount_fen": 1.5}]})
    bad = tmp_path / "tax.csv"
    bad.write_text("channel_serial,amount_fen\nT-1,650000\nT-2,6500.00\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"tax.csv line 3: amount_fen '6500.00'"):
        read_statement_csv(bad)
    bad.write_text("serial,amount\nT-1,1\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="header lacks amount_fen, channel_serial"):
        read_statement_csv(bad)
    with pytest.raises(ValidationError, match="cannot read the statement"):
        read_statement_csv(tmp_path / "missing.csv")


def write_csv(path: Path, rows: list[dict[str, object]]) -> Path:
    # A BOM, as spreadsheet programs write it.
    lines = ["channel_serial,amount_fen"] + [f"{r['channel_serial']},{r['amount_fen']}" for r in rows]
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_reconcile_prints_one_json_object(store: Store, day_of_payments: dict[str, str], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    args = ["reconcile", "--date", "2025-03-01", "--json"]
    for payee, rows in STATEMENTS.items():
        args += ["--statement", f"{payee}={write_csv(tmp_path / f'{payee}.csv', rows)}"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1
    assert json.loads(out) == json.loads(json.dumps(reconcile(reading(store), DAY, STATEMENTS), ensure_ascii=False))

    assert main(["reconcile", "--date", "2025-03-01"]) == 0
    text = capsys.readouterr().out
    assert "maintenance_fund: expected ¥5,370.00, confirmed ¥2,685.00 in 1 payments, 1 mismatches" in text
    assert "refunded M-1" in text
    assert audit.verify(store.conn).ok


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "2025-02-30"], "does not exist"),
    (["--date", "2025-03-01", "--statement", "tax_bureau"], "is not PAYEE=FILE.csv"),
    (["--date", "2025-03-01", "--statement", "bank=x.csv"], "cannot read the statement"),
])
def test_cli_reconcile_refuses_bad_input(data_dir: Path, capsys: pytest.CaptureFixture[str],
                                         args: list[str], message: str) -> None:
    assert main(["reconcile", *args, "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err
    assert captured.err.startswith("kiosk reconcile: error:")


def test_cli_reconcile_names_an_unknown_payee(data_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "bank.csv", [])
    assert main(["reconcile", "--date", "2025-03-01", "--statement", f"bank={path}", "--json"]) == 1
    assert "no payee account called bank" in capsys.readouterr().err
