"""`kiosk audit verify`: walk the audit hash chain and name the first broken entry."""

from __future__ import annotations

import argparse
import sys

from kiosk.app import open_kiosk
from kiosk.cli.output import add_json_flag, config_from, emit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="audit log tools")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = audit_sub.add_parser("verify", help="check the audit hash chain")
    add_json_flag(v)
    v.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    with open_kiosk(config_from(args)) as kiosk:
        result = kiosk.verify_audit()
    if args.json:
        emit(result.as_dict())
    elif result.ok:
        print(f"audit chain intact: {result.entries} entries, head {result.head[:16]}")
    if not result.ok:
        print(f"kiosk audit verify: broken at entry {result.first_bad_seq}: {result.reason}", file=sys.stderr)
        return 1
    return 0
