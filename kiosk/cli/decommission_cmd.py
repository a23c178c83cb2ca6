"""`kiosk decommission`: hand the outbox on, revoke the device here and wipe its data key."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.output import add_json_flag, config_from, emit


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("decommission", help="take this kiosk out of service: revoke it and wipe its data key")
    p.add_argument("--technician", required=True, metavar="STAFF_ID", help="who does it (audited)")
    p.add_argument("--confirm", required=True, metavar="WORD",
                   help="type DECOMMISSION: the data key is wiped and the data cannot be read again")
    p.add_argument("--export", metavar="DIR",
                   help="write records the county has not acknowledged to removable media first "
                        "(as 'kiosk export'); without it a non-empty outbox is refused")
    add_json_flag(p)
    p.set_defaults(func=cmd_decommission)


def cmd_decommission(args: argparse.Namespace) -> int:
    from kiosk.decommission import check_confirmation, decommission
    from kiosk.identity import load_identity
    from kiosk.services.staff import Actor
    from kiosk.store.opening import open_store

    config = config_from(args)
    check_confirmation(args.confirm)  # before anything is written to the media
    exported: list[str] = []
    with open_store(config) as store:
        if args.export:
            from sync.export import export_pending

            exported = export_pending(store, load_identity(config.key_dir), Path(args.export),
                                      batch_max=int(config["sync"]["batch_max_records"])).files
        done = decommission(config, store, Actor(args.technician.strip().upper(), "technician"),
                            confirmation=args.confirm, exported_to=Path(args.export) if args.export else None)
    if args.json:
        emit({**done.as_dict(), "files": exported})
    else:
        print(f"decommissioned {done.device_id or 'this kiosk'}: enrollment and device keys removed, data key "
              f"wiped; {done.exported_records} record(s) left by sneakernet in {done.exported_to or '-'}")
    return 0
