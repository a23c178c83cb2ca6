"""`kiosk demo`: the whole system on one machine, headless until the touchscreen app lands.

A county gateway on loopback (auto-approving), an enrollment QR it issues,
a kiosk that reads that QR to enroll, scripted training handovers through
every flow, their receipts and certificate pages on the simulated printers, one sync cycle, the
gateway's view, and the supervision ledger.
Each step runs the real command as a separate process, exactly as a
technician would type it.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from kiosk.errors import KioskError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="gateway, enrollment, simulated handovers and sync on this machine")
    p.add_argument("--workdir", help="where the demo keeps its data (default: a new temporary directory)")
    p.add_argument("--handovers", type=int, default=20)
    p.set_defaults(func=cmd_demo)


class Step:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def run(self, title: str, *args: str) -> dict[str, Any]:
        print(f"\n== {title}\n   $ {' '.join(_shown(args))}", flush=True)
        done = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                              env=self.env, timeout=600)
        if done.returncode != 0:
            raise KioskError(f"demo step '{title}' failed (exit {done.returncode}): "
                             f"{done.stderr.strip()[-500:]}")
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
        print("   " + (json.dumps(result, ensure_ascii=False)[:400] if result else done.stdout.strip()[:400]),
              flush=True)
        return result


def _shown(args: tuple[str, ...]) -> list[str]:
    names = {"kiosk": "kiosk", "county.cli": "county-gateway"}
    return [names.get(args[0], args[0]), *args[1:]]


def _start_gateway(db: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    proc = subprocess.Popen([sys.executable, "-m", "county.cli", "serve", "--db", str(db), "--host",
                             "127.0.0.1", "--port", "0", "--auto-approve", "0.2"],
                            stdout=subprocess.PIPE, text=True, env={**env, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    if not sel.select(30) or not (line := proc.stdout.readline()):
        proc.kill()
        raise KioskError("the demo gateway did not start", hint="run 'county-gateway serve' by hand to see why")
    return proc, json.loads(line)


def cmd_demo(args: argparse.Namespace) -> int:
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="jiaxian-demo-"))
    work.mkdir(parents=True, exist_ok=True)
    home, gw_db = work / "kiosk", work / "county" / "county.sqlite"
    gw_db.parent.mkdir(exist_ok=True)
    env = {**os.environ, "KIOSK_HOME": str(home)}
    step = Step(env)
    print(f"郏县 交房即交证 kiosk demo — data in {work}")
    gateway, info = _start_gateway(gw_db, env)
    try:
        print(f"\n== county gateway listening at {info['url']} (platform key {info['fingerprint'][:16]}…)")
        qr = work / "enroll-qr.png"
        step.run("the county issues a one-time enrollment QR", "county.cli", "token", "--db", str(gw_db),
                 "--url", info["url"], "--service-point", "JX-SP01", "--qr", str(qr), "--json")
        step.run("a technician initialises the kiosk", "kiosk", "init", "--json")
        step.run("and enrolls it by scanning the QR", "kiosk", "enroll", "--qr", str(qr), "--json")
        result = step.run(f"{args.handovers} training handovers through every flow", "kiosk", "simulate",
                          "--handovers", str(args.handovers), "--json")
        printed = step.run("the payment and handover receipts go to the receipt printer, the certificate pages "
                           "printed on stock to the A4 printer (both simulated)", "kiosk", "print-pending", "--json")
        step.run("the sync agent pushes the records, sealed and signed", "kiosk", "sync", "--once", "--json")
        step.run("the county has every record exactly once", "county.cli", "status", "--db", str(gw_db), "--json")
        step.run("the kiosk's own state", "kiosk", "status", "--json")
        step.run("the supervision ledger (training data)", "kiosk", "report", "--include-training", "--json")
        step.run("the audit chain is intact", "kiosk", "audit", "verify", "--json")
    finally:
        gateway.send_signal(signal.SIGTERM)
        gateway.wait(timeout=15)
        if gateway.stdout:
            gateway.stdout.close()
    receipts = [f for job in printed.get("jobs", []) for f in job.get("files", []) if f.endswith(".png")]
    print(f"\nDone: {result.get('delivered', 0)} of {args.handovers} handovers delivered. "
          f"Data kept in {work}." + (f" A receipt: {receipts[0]}" if receipts else ""))
    return 0
