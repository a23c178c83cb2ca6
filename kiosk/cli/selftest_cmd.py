"""`kiosk selftest`: check every device configured in [devices]; one result per device."""

from __future__ import annotations

import argparse
import sys

from kiosk.cli.output import add_json_flag, config_from, emit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("selftest", help="self-test every configured device (empty URI = not configured)")
    add_json_flag(p)
    p.set_defaults(func=cmd_selftest)


def cmd_selftest(args: argparse.Namespace) -> int:
    from hardware.selftest import run_self_tests

    config = config_from(args)
    results = run_self_tests(config["devices"], resolve=config.resolve_sim_path)
    for result in results:
        if args.json:
            emit(result)
        else:
            print(f"{result['device']}: {'ok' if result['ok'] else 'FAILED'} - {result['detail']}")
    failed = [r["device"] for r in results if not r["ok"]]
    if failed:
        print(f"kiosk selftest: error: {len(failed)} device(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0
