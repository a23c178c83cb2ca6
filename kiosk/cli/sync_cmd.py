"""`kiosk enroll`, `kiosk sync` and `kiosk export`: the device's side of the county sync."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.errors import ValidationError

if TYPE_CHECKING:
    from kiosk.store import Store


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("enroll", help="enroll this device with the county platform")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--qr", metavar="IMAGE", help="photo or scan of the enrollment QR code")
    src.add_argument("--gateway", metavar="URL", help="gateway address (with --token)")
    p.add_argument("--token", help="one-time enrollment token (with --gateway)")
    p.add_argument("--fingerprint", help="expected platform key fingerprint (64 hex, with --gateway)")
    p.add_argument("--trust-on-first-use", action="store_true",
                   help="with --gateway and no --fingerprint: pin the key the gateway presents, and print "
                        "its fingerprint to compare with the county's")
    p.add_argument("--label", default="", help="a name for this device shown at the county")
    p.add_argument("--force", action="store_true", help="replace an existing enrollment")
    add_json_flag(p)
    p.set_defaults(func=cmd_enroll)

    p = sub.add_parser("sync", help="run the sync agent (until SIGTERM, or --once)")
    p.add_argument("--once", action="store_true", help="one push-and-pull cycle, then exit")
    p.add_argument("--gateway", metavar="URL", help="use this gateway address instead of the enrolled one")
    add_json_flag(p)
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("export", help="write pending outbox records as sealed batch files")
    p.add_argument("--out", required=True, metavar="DIR", help="directory on the removable medium")
    add_json_flag(p)
    p.set_defaults(func=cmd_export)


def _qr_text(image: str) -> str:
    from hardware.scanning import FILE_BUDGET_MS, DecoderPipeline
    from hardware.scanning.images import load_image

    symbols = DecoderPipeline(budget_ms=FILE_BUDGET_MS).decode(load_image(image))
    if not symbols:
        raise ValidationError(f"no QR code could be read in {image}", field="--qr",
                              hint="photograph the enrollment code flat, sharp and filling most of the frame")
    return symbols[0].text


def cmd_enroll(args: argparse.Namespace) -> int:
    from sync.enroll import EnrollTarget, enroll, target_from_qr_text
    from sync.transport import RequestsTransport

    config = config_from(args)
    if args.qr:
        target = target_from_qr_text(_qr_text(args.qr))
    else:
        if not args.token:
            raise ValidationError("--gateway needs --token", field="--token",
                                  hint="copy the token printed by 'county-gateway token'")
        if not args.fingerprint and not args.trust_on_first_use:
            # Without the fingerprint, whoever answers at URL would be pinned as the county platform.
            raise ValidationError("--gateway needs --fingerprint: without it any server at that address "
                                  "would be trusted as the county platform", field="--fingerprint",
                                  hint="copy the fingerprint 'county-gateway token' printed, or scan the "
                                       "enrollment QR (--qr); --trust-on-first-use pins the presented key "
                                       "and prints its fingerprint for you to compare")
        target = EnrollTarget(args.gateway, args.token, args.fingerprint.lower() if args.fingerprint else None,
                              None)
    transport = RequestsTransport()
    try:
        record = enroll(config, transport, target, label=args.label, force=args.force)
    finally:
        transport.close()
    result = {"device_id": record.device_id, "gateway_url": record.gateway_url,
              "service_point": record.service_point, "fingerprint": record.fingerprint,
              "pinned_from": "qr" if target.fingerprint else "first use"}
    if args.json:
        emit(result)
    else:
        print(f"enrolled as device {record.device_id} at {record.gateway_url} "
              f"(service point {record.service_point}); platform fingerprint {record.fingerprint}")
        if not target.fingerprint:
            print("trusted on first use: compare the fingerprint above with the one the county gave you; "
                  "if they differ, do not sync: enroll again with --force and --qr or --fingerprint")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from kiosk import sdnotify
    from kiosk.store.opening import open_store
    from kiosk.training import refuse_sync
    from kiosk.identity import load_identity
    from sync.agent import Agent, once_exit_code
    from sync.client import GatewayClient
    from sync.errors import TrustBroken
    from sync.lock import AgentLock
    from sync.transport import RequestsTransport

    config = config_from(args)
    refuse_sync(config, "syncs with the county")
    identity = load_identity(config.key_dir)
    url = args.gateway or config["sync"]["gateway_url"] or identity.enrollment.gateway_url
    stop = threading.Event()
    with AgentLock(config.data_dir), open_store(config) as store:
        transport = RequestsTransport()
        agent = Agent(store, config, GatewayClient(identity, url, transport), stop=stop)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        try:
            if not args.once:
                sdnotify.ready(f"sync agent for {identity.device_id} at {url}")
                try:
                    code = agent.run()
                finally:
                    sdnotify.stopping()
                if code:
                    print(f"kiosk sync: stopped: {store_reason(store)}", file=sys.stderr)
                return code
            try:
                result = agent.cycle()
            except TrustBroken as exc:
                if args.json:
                    emit({"pushed": 0, "accepted": 0, "rejected": 0, "pulled": 0,
                          "errors": [{"feed": "trust", "code": exc.code, "message": str(exc)}]})
                print(f"kiosk sync: stopped: {exc}", file=sys.stderr)
                return exc.exit_code
        finally:
            transport.close()
    if args.json:
        emit(result.as_dict())
    else:
        print(f"pushed {result.push.pushed} (accepted {result.push.accepted}, rejected {result.push.rejected}), "
              f"pulled {result.pull.pulled}")
        for err in result.errors:
            print(f"  {err['feed']}: {err['message']}", file=sys.stderr)
    return once_exit_code(result)


def store_reason(store: Store) -> str:
    from kiosk.store.sync_state import feeds as feed_states

    feeds = feed_states(store)
    return "; ".join(f"{name}: {f['last_error']}" for name, f in feeds.items() if f["last_error"]) or "unknown"


def cmd_export(args: argparse.Namespace) -> int:
    from kiosk.store.opening import open_store
    from kiosk.identity import load_identity
    from kiosk.training import refuse_sync
    from sync.export import export_pending

    config = config_from(args)
    refuse_sync(config, "exports batches for the county")
    identity = load_identity(config.key_dir)
    with open_store(config) as store:
        result = export_pending(store, identity, Path(args.out),
                                batch_max=int(config["sync"]["batch_max_records"]))
    if args.json:
        emit({"files": result.files, "records": result.records})
    else:
        print(f"wrote {result.records} pending record(s) in {len(result.files)} batch file(s) to {args.out}; "
              "they stay pending here until an online sync is acknowledged")
    return 0
