"""`kiosk simulate`: scripted handovers through the services, on training data."""

from __future__ import annotations

import argparse

from kiosk.cli.output import add_json_flag, config_from, emit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("simulate", help="run N complete scripted handovers on training data")
    p.add_argument("--handovers", type=_count, required=True, metavar="N")
    add_json_flag(p)
    p.set_defaults(func=cmd_simulate)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= 100_000:
        raise argparse.ArgumentTypeError("give a number of handovers from 0 to 100000")
    return value


def cmd_simulate(args: argparse.Namespace) -> int:
    from kiosk.app import open_kiosk

    with open_kiosk(config_from(args)) as kiosk:
        result = kiosk.simulate(args.handovers).value
    if args.json:
        emit(result)
    else:
        print(f"{result['delivered']} of {result['handovers']} handovers delivered, "
              f"{result['ms_per_handover']} ms each; {result['outbox_pending']} records waiting to sync")
        for error in result["errors"]:
            print(f"  failed: {error}")
    return 0 if result["failed"] == 0 else 1
