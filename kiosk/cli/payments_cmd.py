"""`kiosk reconcile --date D [--statement PAYEE=FILE.csv ...]`: the day's payments per payee account."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.errors import ValidationError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("reconcile", help="daily payment reconciliation, each payee account on its own")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day (China Standard Time)")
    p.add_argument("--statement", action="append", default=[], metavar="PAYEE=FILE.csv",
                   help="a payee's statement (CSV with channel_serial,amount_fen); repeat per payee")
    add_json_flag(p)
    p.set_defaults(func=cmd_reconcile)


def cmd_reconcile(args: argparse.Namespace) -> int:
    from kiosk.app import open_kiosk
    from kiosk.rules.fees import parse_purchase_date
    from kiosk.rules.money import format_yuan
    from kiosk.services.reconciliation import read_statement_csv

    day = parse_purchase_date(args.date)
    statements = {}
    for spec in args.statement:
        payee, sep, file = spec.partition("=")
        if not sep or not payee.strip() or not file.strip():
            raise ValidationError(f"--statement {spec!r} is not PAYEE=FILE.csv", field="statement",
                                  hint="e.g. --statement tax_bureau=tax-2025-03-01.csv")
        if payee.strip() in statements:
            raise ValidationError(f"two statements for {payee.strip()}", field="statement")
        statements[payee.strip()] = read_statement_csv(Path(file.strip()))
    with open_kiosk(config_from(args)) as kiosk:
        report = kiosk.reconcile(day, statements)
    if args.json:
        emit(report)
        return 0
    print(f"reconciliation for {report['date']} (China Standard Time)")
    for payee, figures in report["payees"].items():
        print(f"{payee}: expected {format_yuan(figures['expected_fen'], symbol=True)}, confirmed "
              f"{format_yuan(figures['confirmed_fen'], symbol=True)} in {figures['count']} payments, "
              f"{len(figures['mismatches'])} mismatches")
        for m in figures["mismatches"]:
            print(f"  {m['type']} {m['channel_serial'] or '-'}: {m['detail']}")
    return 0
