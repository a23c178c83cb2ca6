"""`kiosk init` and `kiosk status`: create a data directory; report the kiosk's state."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.config import DEVICE_KINDS, Config
from kiosk.errors import ValidationError


RESET_HELP = """\
--reset starts a new, empty database for a kiosk whose kiosk.sqlite is missing or empty
while its keys/ directory still holds a data key or an enrollment (plain 'kiosk init'
and every other command refuse such a kiosk). Restore from backup instead whenever you
can: a reset loses everything the old database held. A kiosk restored from a backup
older than its last sync needs the same reset (run on the restored database), because
the gateway refuses new records from a device whose audit chain went back.
The technician's credential is a reset authorisation from the county, made for this
device with
  county-gateway reset-code --device DEVICE --technician NAME --reason TEXT --out FILE
and checked here against the platform key pinned at enrollment (it names the
technician and expires). The reset is the new audit chain's first entry and an outbox
record (kiosk.reset) that tells the county at the next sync; the gateway refuses the
device's new records until it has that record."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create a data directory, data key and database",
                       epilog=RESET_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--reset", action="store_true",
                   help="start again after the database was lost (technician; see below)")
    p.add_argument("--authorisation", metavar="FILE",
                   help="with --reset: the county's reset authorisation ('-' reads stdin)")
    p.add_argument("--reason", default="", help="with --reset: what happened (recorded)")
    add_json_flag(p)
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("status", help="device, outbox backlog, quarantine, sync state, hardware")
    add_json_flag(p)
    p.set_defaults(func=cmd_status)


def cmd_init(args: argparse.Namespace) -> int:
    config = config_from(args)
    if args.reset:
        return _reset(args, config)
    if args.authorisation:
        raise ValidationError("--authorisation is only for --reset", field="--authorisation")
    from kiosk.store.opening import initialise

    result = initialise(config)
    if args.json:
        emit(result.to_dict())
    else:
        print(f"kiosk data directory {result.data_dir}: " +
              ("created " + ", ".join(Path(c).name for c in result.created) if result.created
               else "already initialised"))
    return 0


def _reset(args: argparse.Namespace, config: Config) -> int:
    if not args.authorisation:
        raise ValidationError("--reset needs --authorisation FILE (from 'county-gateway reset-code')",
                              field="--authorisation")
    source = "stdin" if args.authorisation == "-" else args.authorisation
    try:
        text = sys.stdin.read() if args.authorisation == "-" else Path(args.authorisation).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"cannot read the reset authorisation {source}: {exc}",
                              field="--authorisation") from exc
    from kiosk.store.opening import read_authorisation, reset

    result = reset(config, read_authorisation(text, source), reason=args.reason)
    if args.json:
        emit(result.to_dict())
    else:
        print(f"kiosk {result.device_id} reset by technician {result.technician}: new database "
              f"{result.database}; the county is told at the next sync (record {result.record_id})")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from kiosk.app import open_kiosk

    config = config_from(args)
    with open_kiosk(config) as kiosk:
        result: dict[str, Any] = {"version": __version__, "data_dir": str(config.data_dir)}
        result.update(kiosk.status())
    result["hardware"] = {k: config["devices"][k] for k in DEVICE_KINDS if config["devices"][k]}
    if args.json:
        emit(result)
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0
