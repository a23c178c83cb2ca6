"""`kiosk decommission`: hand the outbox on, revoke the device here and wipe its data key.

The technician proves who they are with their PIN, as on the touchscreen: from ``$KIOSK_PIN`` (a
script), or asked on the terminal without echo. A command line never carries it (``ps`` shows it
to every user), and with neither the command is refused before anything is written.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.errors import AuthError, ValidationError

PIN_ENV = "KIOSK_PIN"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("decommission", help="take this kiosk out of service: revoke it and wipe its data key")
    p.add_argument("--technician", required=True, metavar="STAFF_ID",
                   help=f"who does it (audited); the PIN from ${PIN_ENV} or asked on the terminal")
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
    from kiosk.services.context import Context
    from kiosk.services.staff import login
    from kiosk.store.opening import open_store

    config = config_from(args)
    check_confirmation(args.confirm)  # before anything is written to the media
    pin = technician_pin()
    exported: list[str] = []
    with open_store(config) as store:
        actor = login(Context(store, config), args.technician.strip().upper(), pin)
        if actor.role != "technician":
            raise AuthError(f"staff {actor.id} is not a technician", code="not_technician",
                            hint="a technician decommissions the kiosk with their own staff number and PIN")
        if args.export:
            from sync.export import export_pending

            exported = export_pending(store, load_identity(config.key_dir), Path(args.export),
                                      batch_max=int(config["sync"]["batch_max_records"])).files
        done = decommission(config, store, actor, confirmation=args.confirm,
                            exported_to=Path(args.export) if args.export else None)
    if args.json:
        emit({**done.as_dict(), "files": exported})
    else:
        print(f"decommissioned {done.device_id or 'this kiosk'}: enrollment and device keys removed, data key "
              f"wiped; {done.exported_records} record(s) left by sneakernet in {done.exported_to or '-'}")
    return 0


def technician_pin() -> str:
    """The PIN from ``$KIOSK_PIN``, else asked on the terminal; refused when there is neither."""
    pin = os.environ.get(PIN_ENV)
    if pin:
        return pin
    if not sys.stdin.isatty():
        raise ValidationError("the technician's PIN is needed and there is no terminal to ask it on",
                              field="pin", code="pin_required",
                              hint=f"run it on a terminal, or set {PIN_ENV} in its environment")
    return getpass.getpass("technician's PIN: ")
