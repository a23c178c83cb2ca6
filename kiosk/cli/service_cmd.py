"""`kiosk install-service` and `kiosk uninstall-service`: the Linux services (kiosk.systemd_units)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from kiosk.cli.output import add_json_flag, emit
from kiosk.errors import KioskError


class ServiceError(KioskError):
    code = "service"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name, what in (("install-service", "install (or update) and start the app's and the sync agent's "
                        "systemd services and the kiosk lock-down; idempotent"),
                       ("uninstall-service", "stop and remove the services and lock-down files; the data "
                        "directory is kept")):
        p = sub.add_parser(name, help=what)
        p.add_argument("--root", metavar="DIR", help="install under DIR instead of / (an image being built, "
                       "a test); nothing is started")
        p.add_argument("--dry-run", action="store_true", help="print the files and links, change nothing")
        p.add_argument("--kiosk-command", metavar="PATH", help="the kiosk executable the units run "
                       "(default: this one)")
        p.add_argument("--cage", default="/usr/bin/cage", metavar="PATH", help="the cage compositor")
        add_json_flag(p)
        p.set_defaults(func=cmd_service, uninstall=name == "uninstall-service")


def cmd_service(args: argparse.Namespace) -> int:
    from kiosk import systemd_units as units

    data_dir = Path(args.data_dir).resolve() if getattr(args, "data_dir", None) else units.DEFAULT_DATA_DIR
    settings = units.Settings(kiosk_command=args.kiosk_command or units.default_kiosk_command(),
                              data_dir=data_dir, cage=args.cage)
    if args.dry_run:
        return _dry_run(args, settings)
    live = args.root is None
    root = Path(args.root) if args.root else Path("/")
    if live and os.geteuid() != 0:
        raise ServiceError(f"kiosk {'un' if args.uninstall else ''}install-service changes /etc and starts "
                           "services: run it as root", hint="sudo kiosk install-service (or --dry-run to see "
                           "the files, --root DIR to write them elsewhere)")
    if args.uninstall and live:
        units.stop_units()
    changes = units.uninstall(settings, root) if args.uninstall else units.install(settings, root)
    ran: list[str] = []
    if live:
        try:
            ran = units.activate(start=not args.uninstall)
        except FileNotFoundError as exc:
            raise ServiceError(f"the files are in place, but {exc}: this system does not run systemd",
                               hint="use the README's instructions for other systems") from exc
        except subprocess.CalledProcessError as exc:
            raise ServiceError(f"'{' '.join(exc.cmd)}' failed: {(exc.stderr or '').strip()}",
                               hint="see 'journalctl -xe' and 'systemctl status jiaxian-kiosk-app "
                                    "jiaxian-kiosk-agent'") from exc
    if args.json:
        emit({"root": str(root), "changes": [c.as_dict() for c in changes], "ran": ran})
    else:
        for change in changes:
            print(f"{change.action:9} {change.path}")
        for line in ran:
            print(f"ran       {line}")
    return 0


def _dry_run(args: argparse.Namespace, settings: object) -> int:
    from kiosk import systemd_units as units

    assert isinstance(settings, units.Settings)
    root = Path(args.root) if args.root else Path("/")
    texts = units.files(settings)
    links = units.links()
    verb = "remove" if args.uninstall else "write"
    if args.json:
        emit({"root": str(root), "dry_run": True, "action": verb,
              "files": {str(root / k): v for k, v in texts.items()},
              "links": {str(root / k): v for k, v in links.items()}})
        return 0
    for rel, text in texts.items():
        print(f"# {verb} {root / rel}")
        if not args.uninstall:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        print()
    for rel, target in links.items():
        print(f"# {'remove link' if args.uninstall else 'link'} {root / rel} -> {target}")
    return 0
