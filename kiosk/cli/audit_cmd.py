"""`kiosk audit verify`: walk the audit hash chain, hold it against the device's signed
checkpoints, and name what broke (an altered entry, a truncation, a rewrite), where, and what to do."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli.output import add_json_flag, config_from, emit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("audit", help="audit log tools")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    v = audit_sub.add_parser("verify", help="check the audit hash chain")
    add_json_flag(v)
    v.set_defaults(func=cmd_verify)


def cmd_verify(args: argparse.Namespace) -> int:
    from kiosk.app import open_kiosk

    with open_kiosk(config_from(args)) as kiosk:
        result = kiosk.verify_audit()
    if args.json:
        emit(result.as_dict())
    elif result.ok:
        county = (f"the county acknowledged entry {result.acknowledged_seq}" if result.acknowledged_seq
                  else "none acknowledged by the county yet")
        print(f"audit chain intact: {result.entries} entries, head {result.head[:16]}; "
              f"{result.checkpoints} signed checkpoints agree, {county}")
    if not result.ok:
        where = (f"entry {result.first_bad_seq}" if result.first_bad_seq is not None
                 else f"the checkpoint at entry {result.checkpoint_seq}")
        print(f"kiosk audit verify: broken at {where} ({result.problem}): {result.reason}", file=sys.stderr)
        if result.hint:
            print(f"what to do: {result.hint}", file=sys.stderr)
        return 1
    return 0
