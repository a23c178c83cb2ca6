"""``county-gateway``: run the reference gateway and administer it.

Every command takes ``--db``: a SQLite file path (the embedded default; the
platform key file lives beside it) or ``postgresql://USER@HOST:PORT/DBNAME``
(the password from ``PGPASSWORD`` or ``~/.pgpass``; the platform key in the
configuration directory or ``--platform-key``); see ``county.store`` and
``county.platform_keys``. With ``--json`` a command
prints one JSON object on stdout; failures print a message on stderr and exit
non-zero. ``serve`` prints one JSON line ``{"url", "db", "fingerprint",
"auto_approve", "max_connections", "descriptor_limit", "workers"}`` once it
listens (``--port 0`` picks a free port); ``--workers N`` runs N processes on
that one socket (``county.workers``).
"""

from __future__ import annotations

import argparse
import json
import logging
import socket
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from county import limits
from county.errors import AdminError, GatewayError, GatewayStoreError
from sync.wire import DEFAULT_MAX_BODY, WireError, kinds

if TYPE_CHECKING:
    from county.service import Gateway

log = logging.getLogger("county")

MAX_WORKERS = 64


def emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _gateway(args: argparse.Namespace, **kwargs: Any) -> Gateway:
    from county.service import Gateway

    return Gateway(args.db, key_file=Path(args.key_file) if args.key_file else None,
                   platform_key=Path(args.platform_key) if args.platform_key else None, **kwargs)


def _check_serve_args(args: argparse.Namespace) -> None:
    if args.auto_approve is not None and args.auto_approve < 0:
        raise AdminError("--auto-approve must be zero or more seconds")
    if args.max_body <= 0:
        raise AdminError("--max-body must be a positive number of bytes")
    if not 0 <= args.port <= 65535:
        raise AdminError(f"--port {args.port} is not a TCP port (0 picks a free one)")
    for flag in ("header_timeout", "body_timeout", "idle_timeout", "shutdown_timeout", "report_every"):
        if getattr(args, flag) <= 0:
            raise AdminError(f"--{flag.replace('_', '-')} must be a positive number of seconds")
    for flag in ("device_rate", "address_rate"):
        if getattr(args, flag) < 0:
            raise AdminError(f"--{flag.replace('_', '-')} must be zero (off) or more requests a second")
    if args.enroll_failures < 1:
        raise AdminError("--enroll-failures must be 1 or more")
    if args.max_per_address is not None and args.max_per_address < 1:
        raise AdminError("--max-per-address must be 1 or more")
    if not 1 <= args.workers <= MAX_WORKERS:
        raise AdminError(f"--workers must be between 1 and {MAX_WORKERS}")


def cmd_serve(args: argparse.Namespace) -> int:
    _check_serve_args(args)
    from county.connections import connection_cap, raise_descriptor_limit
    from county.log_limit import limit_repeats
    from county.store import is_url

    if args.workers > 1 and not is_url(args.db):
        raise AdminError(f"--workers {args.workers} needs PostgreSQL (--db postgresql://…): SQLite lets "
                         "one transaction write at a time, so more processes on its file only wait "
                         "for its lock", hint="run one worker on SQLite, or move the gateway to PostgreSQL")
    # A fault repeated per connection (descriptor exhaustion, a failing handler) must not flood the log.
    limit_repeats()
    descriptors = raise_descriptor_limit()
    safe = connection_cap(descriptors)
    if args.max_connections is not None and not 1 <= args.max_connections <= safe:
        raise AdminError(f"--max-connections must be between 1 and {safe}: the process may open "
                         f"{descriptors} files and keeps some for the database and the server",
                         hint="raise the open-file limit (ulimit -n) for more")
    max_connections = args.max_connections or safe
    # Opening the database migrates it: here, once, before any worker starts.
    gateway = _gateway(args, max_body=args.max_body)
    sock = _listen(args, descriptors)
    host = f"[{args.host}]" if ":" in args.host else args.host
    line = {"url": f"http://{host}:{sock.getsockname()[1]}", "db": gateway.store.location,
            "fingerprint": gateway.keys.public.fingerprint(), "auto_approve": args.auto_approve,
            "max_connections": max_connections, "descriptor_limit": descriptors, "workers": args.workers}
    if args.workers == 1:
        emit(line)
        return _serve(args, gateway, sock, max_connections=max_connections, descriptors=descriptors,
                      approve=True)
    gateway.close()
    from county.workers import Supervisor

    def work(index: int) -> None:
        _serve(args, _gateway(args, max_body=args.max_body), sock,
               max_connections=max_connections, descriptors=descriptors, approve=index == 0)

    return Supervisor(args.workers, work).run(started=lambda: emit(line))


def _listen(args: argparse.Namespace, descriptors: int) -> socket.socket:
    from county.connections import accept_backlog

    sock = socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        raise GatewayError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}",
                           hint="choose another --port") from None
    # Listening before the serve line goes out lets a client connect at once; uvicorn accepts later.
    sock.listen(accept_backlog(descriptors))
    return sock


def _serve(args: argparse.Namespace, gateway: Gateway, sock: socket.socket, *, max_connections: int,
           descriptors: int, approve: bool) -> int:
    """Run one gateway process on ``sock`` until SIGTERM; ``approve`` runs the demo's auto-approver here."""
    import uvicorn

    from county.app import create_app
    from county.auto import AutoApprover
    from county.connections import ConnectionGuard, ConnectionPolicy, accept_backlog, guarded_protocol
    from county.metrics import Flusher

    per_address = args.max_per_address or max(1, max_connections // 4)
    guard = ConnectionGuard(ConnectionPolicy(max_connections=max_connections,
                                             per_address=min(per_address, max_connections),
                                             header_timeout=args.header_timeout,
                                             body_timeout=args.body_timeout,
                                             report_every=args.report_every))
    rates = limits.Limits(device_rate=args.device_rate, address_rate=args.address_rate,
                          enroll_failures=args.enroll_failures)
    approver = AutoApprover(gateway, args.auto_approve) if approve and args.auto_approve is not None else None
    if approver is not None:
        approver.start()
    flusher = Flusher(gateway.counts, gateway.store)
    flusher.start()
    app = create_app(gateway, limits=rates, docs=args.docs)
    # log_config=None: uvicorn's records go through the root handlers and their repeat limiter.
    server = uvicorn.Server(uvicorn.Config(
        app, http=guarded_protocol(guard), log_config=None, log_level="warning", access_log=False,
        timeout_keep_alive=max(1, round(args.idle_timeout)),
        timeout_graceful_shutdown=max(1, round(args.shutdown_timeout)),
        backlog=accept_backlog(descriptors)))
    try:
        server.run(sockets=[sock])
    finally:
        if approver is not None:
            approver.stopping.set()
            approver.join(timeout=5)
        flusher.stop()
        gateway.close()
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    if args.ttl_hours <= 0:
        raise AdminError("--ttl-hours must be positive")
    if not args.url.startswith(("http://", "https://")):
        raise AdminError(f"--url {args.url!r} must start with http:// or https://")
    if not args.service_point.strip():
        raise AdminError("--service-point must name the service point")
    gateway = _gateway(args)
    offer = gateway.issue_token(url=args.url, service_point=args.service_point.strip(),
                                ttl_hours=args.ttl_hours)
    qr_path = None
    if args.qr:
        import segno

        qr_path = Path(args.qr)
        try:
            segno.make(offer.to_qr_text(), error="m").save(str(qr_path), scale=6, border=4)
        except OSError as exc:
            raise AdminError(f"cannot write the QR image {qr_path}: {exc.strerror}",
                             hint=f"the token was issued; use it as text: {offer.token}") from None
    result = {"token": offer.token, "url": offer.url, "service_point": offer.service_point,
              "fingerprint": offer.fingerprint, "ttl_hours": args.ttl_hours,
              "qr_text": offer.to_qr_text(), "qr": str(qr_path) if qr_path else None}
    if args.json:
        emit(result)
    else:
        print(f"token {offer.token} for {offer.service_point}, valid {args.ttl_hours:g} h")
        print(f"platform fingerprint {offer.fingerprint}")
        print(f"kiosk enroll --gateway {offer.url} --token {offer.token}")
        if qr_path:
            print(f"QR written to {qr_path}")
    return 0


def _item_summary(item: dict[str, Any]) -> dict[str, Any]:
    return {"item_id": item["item_id"], "kind": item["kind"], "subject": item["subject"],
            "data": item["data"]}


def cmd_approve(args: argparse.Namespace) -> int:
    from county import issuing
    from county.store import transaction

    gateway = _gateway(args)
    now = gateway.clock()
    approvable = sorted(issuing.AUTO_KINDS)
    marks = ", ".join("?" for _ in approvable)
    query = f"SELECT * FROM records WHERE state = 'received' AND kind IN ({marks})"
    params: list[Any] = list(approvable)
    if args.record:
        query, params = query + " AND record_id = ?", params + [args.record]
    if args.subject:
        query, params = query + " AND subject = ?", params + [args.subject]
    if args.kind:
        query, params = query + " AND kind = ?", params + [args.kind]
    approved = []
    with gateway.locked() as conn:
        rows = conn.execute(query + " ORDER BY received_at", params).fetchall()
        if not rows:
            raise AdminError("no pending record matches",
                             hint="check --record/--subject/--kind; decided records are not "
                                  "approved twice")
        if (args.certificate_no or args.serial) and len(rows) != 1:
            raise AdminError("--certificate-no/--serial need exactly one matching record",
                             hint="narrow with --record")
        for row in rows:
            with transaction(conn):
                items = issuing.approve(conn, gateway.keys, row, now=now,
                                        certificate_no=args.certificate_no, serial=args.serial)
            approved.append({"record_id": row["record_id"], "kind": row["kind"],
                             "subject": row["subject"], "items": [_item_summary(i) for i in items]})
    if args.json:
        emit({"approved": approved})
    else:
        for a in approved:
            print(f"{a['kind']} {a['subject']}: issued "
                  + ", ".join(i["kind"] for i in a["items"]))
    return 0


def cmd_confirm_payment(args: argparse.Namespace) -> int:
    from county import issuing
    from county.store import transaction
    from sync.wire import kinds

    gateway = _gateway(args)
    now = gateway.clock()
    with gateway.locked() as conn, transaction(conn):
        if args.refund:
            items = issuing.refund_payment(conn, gateway.keys, args.order, now=now)
        else:
            row = conn.execute("SELECT * FROM records WHERE kind = ? AND subject = ? "
                               "ORDER BY received_at LIMIT 1",
                               (kinds.PAYMENT_ORDER, args.order)).fetchone()
            if row is None:
                raise AdminError(f"no payment order {args.order!r} has been received",
                                 hint="the kiosk must sync the order first")
            items = issuing.confirm_payment(conn, gateway.keys, row, now=now)
    result = {"order": args.order, "refund": args.refund,
              "items": [_item_summary(i) for i in items]}
    if args.json:
        emit(result)
    else:
        for i in items:
            print(f"{i['kind']} {args.order}: {i['data']['payee']} {i['data']['amount_fen']} fen, "
                  f"receipt {i['data']['receipt_no']}")
    return 0


def cmd_restrict(args: argparse.Namespace) -> int:
    from county import issuing
    from county.store import transaction

    gateway = _gateway(args)
    with gateway.locked() as conn, transaction(conn):
        item = issuing.restrict(conn, gateway.keys, uscc=args.uscc, reason=args.reason,
                                until=args.until, lift=args.lift, now=gateway.clock())
    _published(args, item, f"{item['kind']} {item['subject']}")
    return 0


def _published(args: argparse.Namespace, item: dict[str, Any], line: str) -> None:
    """Print a published item, with the credit codes in it whose check character fails (flagged,
    published all the same: ``county.credit_codes``)."""
    from county import credit_codes

    flagged = credit_codes.failing(item["kind"], item["subject"], item["data"])
    if flagged:
        log.warning("published %s %s with credit code(s) failing their check character: %s",
                    item["kind"], item["subject"], ", ".join(flagged))
    if args.json:
        emit({**_item_summary(item), "uscc_check_failed": flagged})
        return
    print(line)
    for code in flagged:
        print(f"warning: credit code {code} fails its check character (position 18); published as the "
              "county's data says: confirm it against the business licence", file=sys.stderr)


def cmd_revoke(args: argparse.Namespace) -> int:
    from county import issuing
    from county.store import transaction

    gateway = _gateway(args)
    with gateway.locked() as conn, transaction(conn):
        item = issuing.revoke(conn, gateway.keys, device_id=args.device, reason=args.reason,
                              now=gateway.clock())
    if args.json:
        emit({"device_id": args.device, "revoked": True, "item_id": item["item_id"]})
    else:
        print(f"device {args.device} revoked")
    return 0


def cmd_reset_code(args: argparse.Namespace) -> int:
    from county import resets
    from county.store import transaction

    gateway = _gateway(args)
    with gateway.locked() as conn, transaction(conn):
        item = resets.authorise(conn, gateway.keys, device_id=args.device, technician=args.technician,
                                reason=args.reason, ttl_hours=args.ttl_hours, now=gateway.clock())
    text = json.dumps(item, ensure_ascii=False, sort_keys=True)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    if args.json:
        emit({"device_id": args.device, "item_id": item["item_id"],
              "expires_at": item["data"]["expires_at"], "authorisation": item})
    elif not args.out:
        print(text)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from county import issuing, roster
    from county.store import transaction
    from sync.wire import kinds

    try:
        text = Path(args.data[1:]).read_text("utf-8") if args.data.startswith("@") else args.data
    except (OSError, UnicodeDecodeError) as exc:
        raise AdminError(f"cannot read --data file {args.data[1:]}: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AdminError(f"--data is not valid JSON: {exc.msg} at line {exc.lineno} "
                         f"column {exc.colno}") from None
    gateway = _gateway(args)
    with gateway.locked() as conn, transaction(conn):
        if args.kind == kinds.STAFF_ROSTER:
            # The roster is kept per service point and merged with what terminals added (county.roster).
            if args.subject != args.service_point:
                raise AdminError("a staff roster's subject is its service point",
                                 hint="give the same value to --subject and --service-point")
            item = roster.publish(conn, gateway.keys, service_point=args.service_point or "", data=data,
                                  now=gateway.clock())
            item = {**item, "data": {"staff": [roster.shown(e) for e in item["data"]["staff"]]}}
        else:
            item = issuing.publish(conn, gateway.keys, kind=args.kind, subject=args.subject,
                                   data=data, service_point=args.service_point, now=gateway.clock())
    _published(args, item, f"published {item['kind']} {item['subject']}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from sync.wire import envelope, verify_ack

    directory = Path(args.dir)
    if not directory.is_dir():
        raise AdminError(f"{directory} is not a directory")
    gateway = _gateway(args)
    result: dict[str, Any] = {"files": 0, "imported": 0, "skipped": 0, "accepted": 0,
                              "rejected": 0, "errors": []}
    # Hidden files and ".part" files are half-written exports or OS litter, not batches.
    for path in sorted(p for p in directory.iterdir() if p.is_file()
                       and not p.name.startswith(".") and not p.name.endswith(".part")):
        result["files"] += 1
        try:
            data = path.read_bytes()
        except OSError as exc:
            result["errors"].append({"file": path.name, "code": "unreadable",
                                     "message": f"cannot read the file: {exc.strerror}"})
            continue
        if not data.startswith(envelope.MAGIC):
            result["skipped"] += 1
            continue
        try:
            ack = verify_ack(gateway.import_envelope(data), gateway.keys.public.sign)
        except WireError as exc:
            result["errors"].append({"file": path.name, "code": exc.code, "message": str(exc)})
            continue
        result["imported"] += 1
        result["accepted"] += len(ack.accepted)
        result["rejected"] += len(ack.rejected)
    if args.json:
        emit(result)
    else:
        print(f"{result['imported']} batch file(s) imported: {result['accepted']} records "
              f"accepted, {result['rejected']} rejected, {result['skipped']} other file(s) skipped")
        for err in result["errors"]:
            print(f"{err['file']}: {err['code']}: {err['message']}", file=sys.stderr)
    return 1 if result["errors"] else 0


def cmd_status(args: argparse.Namespace) -> int:
    result = _gateway(args).status()
    if args.json:
        emit(result)
    else:
        print(f"{result['devices']} device(s), {result['records']} record(s), "
              f"{result['duplicates']} duplicate(s) absorbed, {result['rejected']} rejected")
        for kind, n in result["records_by_kind"].items():
            print(f"  {kind}: {n}")
    return 0


def cmd_roster(args: argparse.Namespace) -> int:
    from county import roster

    with _gateway(args).locked() as conn:
        staff = roster.entries(conn, args.service_point)
    if args.json:
        emit({"service_point": args.service_point, "staff": staff})
        return 0
    if not staff:
        print(f"no staff roster for service point {args.service_point}")
    for e in staff:
        print(f"{e['id']}  {e['role']:<10}  {e['cert_no']}  until {e['cert_expires']}  "
              f"{'active' if e['active'] else 'inactive'}  v{e['version']} ({e['origin']})")
    return 0


def cmd_signatures(args: argparse.Namespace) -> int:
    from county import signatures

    with _gateway(args).locked() as conn:
        records = signatures.summaries(conn, subject=args.subject, kind=args.kind)
    if args.json:
        emit({"records": records})
        return 0
    if not records:
        print("no stored record carries signatures" + (f" for {args.subject}" if args.subject else ""))
    for r in records:
        print(f"{r['kind']} {r['subject']}  from {r['device_id']}{'  (training)' if r['training'] else ''}")
        for s in r["signatures"]:
            print("  " + signatures.describe(s))
    return 0


def cmd_openapi(args: argparse.Namespace) -> int:
    from county.app import create_app

    emit(create_app().openapi())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="county-gateway",
                                     description="Reference county gateway for the kiosk sync protocol.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, func: Callable[[argparse.Namespace], int], help_: str,
                *, db: bool = True, json_flag: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        if db:
            p.add_argument("--db", required=True, metavar="PATH|URI",
                           help="gateway SQLite file (created if missing), or postgresql://USER@HOST:PORT/DBNAME "
                                "(password from PGPASSWORD or ~/.pgpass, never in the URI)")
            p.add_argument("--platform-key", metavar="PATH",
                           help="the platform's private key file (default: beside a SQLite database; for "
                                "PostgreSQL platform-key.json beside the storage key; made on first use)")
            p.add_argument("--key-file", metavar="PATH",
                           help="the storage key that seals personal data in the database, kept away from it "
                                "(default: $XDG_CONFIG_HOME/jiaxian-county/storage.key; made on first use)")
        if json_flag:
            p.add_argument("--json", action="store_true", help="print one JSON object")
        p.set_defaults(func=func)
        return p

    p = command("serve", cmd_serve, "run the HTTP gateway", json_flag=False)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    p.add_argument("--auto-approve", type=float, metavar="SECONDS",
                   help="approve registrations, filings, first registrations, payments and mail "
                        "requests after this delay (demo)")
    p.add_argument("--max-body", type=int, default=DEFAULT_MAX_BODY, metavar="BYTES",
                   help="largest request body accepted (default 16 MiB)")
    p.add_argument("--docs", action="store_true",
                   help="serve the interactive API pages at /docs and /redoc and the document at "
                        "/openapi.json (off by default; 'county-gateway openapi' prints it)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes serving the one listening socket (default 1; more than 1 needs "
                        "PostgreSQL). The connection limits and request rates below are kept by each "
                        "worker on its own: with N workers the gateway as a whole admits up to N times "
                        "as much")
    p.add_argument("--max-connections", type=int, metavar="N",
                   help="concurrent connections at most, per worker (default: the open-file limit, "
                        "raised to the hard limit at start, less a reserve)")
    p.add_argument("--max-per-address", type=int, metavar="N",
                   help="concurrent connections from one address at most, per worker (default: a "
                        "quarter of --max-connections)")
    p.add_argument("--header-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="drop a connection whose request head is not complete in this time (default 10)")
    p.add_argument("--body-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="drop a connection whose request body is not complete in this time (default 60)")
    p.add_argument("--idle-timeout", type=float, default=5.0, metavar="SECONDS",
                   help="close a kept-alive connection idle this long (default 5)")
    p.add_argument("--shutdown-timeout", type=float, default=3.0, metavar="SECONDS",
                   help="on SIGTERM, let requests in flight finish for this long (default 3)")
    p.add_argument("--report-every", type=float, default=10.0, metavar="SECONDS",
                   help="log dropped and refused connections as one summary line this often at "
                        "most (default 10)")
    p.add_argument("--device-rate", type=float, default=limits.DEVICE_RATE, metavar="PER_SECOND",
                   help=f"requests a second per enrolled device and worker, in bursts of "
                        f"{limits.BURST_SECONDS:g} s worth (default {limits.DEVICE_RATE:g}; 0 turns it off); "
                        "over it the gateway answers 429 with Retry-After")
    p.add_argument("--address-rate", type=float, default=limits.ADDRESS_RATE, metavar="PER_SECOND",
                   help=f"requests a second per client address and worker, in bursts of "
                        f"{limits.BURST_SECONDS:g} s worth (default {limits.ADDRESS_RATE:g}; 0 turns it off)")
    p.add_argument("--enroll-failures", type=int, default=limits.ENROLL_FAILURES, metavar="N",
                   help=f"failed enrollments allowed per address and worker in {limits.ENROLL_WINDOW / 60:g} "
                        f"minutes (default {limits.ENROLL_FAILURES}); more are refused with 429, and "
                        "every failure is logged with the address, never the token")

    p = command("token", cmd_token, "issue a one-time enrollment token (and QR)")
    p.add_argument("--url", required=True, help="gateway URL the kiosk will use")
    p.add_argument("--service-point", required=True)
    p.add_argument("--qr", metavar="FILE.png", help="also write the enrollment QR as PNG")
    p.add_argument("--ttl-hours", type=float, default=24.0)

    p = command("approve", cmd_approve, "approve pending records (issue their signed items)")
    p.add_argument("--record", help="record id")
    p.add_argument("--subject", help="unit code, contract id, project id, order id …")
    p.add_argument("--kind", help="record kind, e.g. registration.requested")
    p.add_argument("--certificate-no", help="certificate number to issue (one record only)")
    p.add_argument("--serial", help="printed serial (印制号) to issue (one record only)")

    p = command("confirm-payment", cmd_confirm_payment, "confirm (or refund) a payment order")
    p.add_argument("--order", required=True, help="order id (the payment.order record subject)")
    p.add_argument("--refund", action="store_true", help="refund a confirmed order instead")

    p = command("restrict", cmd_restrict, "put a developer on (or off) the restriction list")
    p.add_argument("--uscc", required=True)
    p.add_argument("--reason", required=True)
    p.add_argument("--until", help="YYYY-MM-DD")
    p.add_argument("--lift", action="store_true", help="lift the restriction")

    p = command("revoke", cmd_revoke, "revoke an enrolled device")
    p.add_argument("--device", required=True)
    p.add_argument("--reason", default="revoked by the county")

    p = command("reset-code", cmd_reset_code,
                "authorise a technician to reset one kiosk whose database is lost "
                "(prints the signed authorisation 'kiosk init --reset' needs)")
    p.add_argument("--device", required=True, help="the kiosk's device id")
    p.add_argument("--technician", required=True, help="who will reset it (recorded on both sides)")
    p.add_argument("--reason", required=True, help="why, e.g. 'disk replaced, no backup'")
    p.add_argument("--ttl-hours", type=float, default=24.0, help="valid for this long (at most 168)")
    p.add_argument("--out", metavar="FILE", help="also write the authorisation to FILE")

    p = command("publish", cmd_publish, "publish master data, staff roster or configuration")
    p.add_argument("--kind", required=True, help="master.developer|master.project|master.unit|"
                                                 "master.buyer|staff.roster|config")
    p.add_argument("--subject", required=True)
    p.add_argument("--data", required=True, help="JSON object, or @FILE")
    p.add_argument("--service-point", help="limit to one service point (default: all; a staff.roster "
                                           "names its own)")

    p = command("roster", cmd_roster, "a service point's staff roster: the platform's entries and the "
                                      "members terminals added (no PINs or card numbers)")
    p.add_argument("--service-point", required=True)

    p = command("signatures", cmd_signatures, "the signatures stored records carry (signed contracts, delivered "
                                              "handovers) and how each signer was identified")
    p.add_argument("--subject", help="a contract id or unit code")
    p.add_argument("--kind", choices=(kinds.CONTRACT_SIGNED, kinds.HANDOVER_DELIVERED))

    p = command("import", cmd_import, "ingest sneakernet batch files from a directory")
    p.add_argument("dir", metavar="DIR")

    command("status", cmd_status, "devices and stored record counts")
    command("openapi", cmd_openapi, "print the OpenAPI document", db=False, json_flag=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        return int(args.func(args))
    except (GatewayError, WireError) as exc:
        print(f"county-gateway: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        print(f"county-gateway: {GatewayStoreError(f'database error: {exc}')}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
