"""`kiosk report`: the supervision ledger (督查台账) as JSON, text or a CSV file for Excel."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.output import add_json_flag, config_from, emit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help="supervision ledger: handovers per project and service point")
    add_json_flag(p)
    p.add_argument("--csv", metavar="FILE", help="also write the ledger as CSV (UTF-8 with BOM, for Excel)")
    p.add_argument("--include-training", action="store_true",
                   help="count training data (simulations, demo) as well")
    p.set_defaults(func=cmd_report)


def _text(report: dict[str, Any]) -> list[str]:
    from kiosk.services.supervision import BLOCK_LABELS

    lines = []
    for row in [*report["projects"], {**report["totals"], "name": "合计", "project_id": "",
                                      "service_point": ""}]:
        where = ", ".join(x for x in (row["project_id"], row["service_point"]) if x)
        blocked = ", ".join(f"{BLOCK_LABELS[code]} {n}" for code, n in row["blocked"].items() if n)
        days = row["days_acceptance_to_certificate"]
        span = (f"; days from acceptance to certificate {days['min']}/{days['median']}/{days['max']} "
                f"(min/median/max of {days['count']})") if days["count"] else ""
        lines.append(f"{row['name']}{f' ({where})' if where else ''}: {row['units']} units, "
                     f"{row['eligible']} eligible, {row['delivered']} delivered, {row['pending']} pending, "
                     f"blocked: {blocked or 'none'}{span}")
    return lines


def cmd_report(args: argparse.Namespace) -> int:
    from kiosk.app import open_kiosk
    from kiosk.services.supervision import write_csv

    with open_kiosk(config_from(args)) as kiosk:
        report = kiosk.supervision_report(include_training=args.include_training)
    if args.csv:
        write_csv(report, args.csv)
    if args.json:
        emit(report)
    else:
        print("\n".join(_text(report)))
        if args.csv:
            print(f"CSV written to {args.csv}")
    return 0
