"""`kiosk demo` (what `make demo` runs): the whole product on one machine.

With a display, the product itself: a county gateway on loopback that
approves by itself, an enrollment QR it issues and a kiosk that enrolls by
reading it, sample cases a person can walk (a contract to sign, a case ready
at the counter, papers to sign, a delivered certificate), the sync agent in
its own process on a short interval, and the touchscreen app in a window with
the demo's side panel beside it, which places a sample buyer's ID card on the
simulated reader or shows their QR code to the simulated camera. Closing the
app (the technician's exit, or Ctrl+C in the terminal) stops the agent and
the gateway.

Without a display (or with ``--headless``): the headless walk-through —
scripted training handovers through every flow, their receipts and
certificate pages on the simulated printers, one sync cycle, the gateway's
view, the supervision ledger — then a snapshot of every screen of the app in
both languages, written into the kiosk's data directory.

Each step a technician would type runs as that command in its own process.
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
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import CONFIG_NAME, load_config
from kiosk.errors import KioskError

if TYPE_CHECKING:
    from ui.qt import QApplication
    from ui.shell.demo_panel import DemoLogin, DemoPanel, DemoPerson
    from ui.shell.window import MainWindow

# The sample cases of the windowed demo, (stage, holders), one unit each: two co-owners sign a
# contract in turn, each after placing their own ID card (the side panel's "Place ID card"); a case
# waits at the counter; papers wait for the buyer; a certificate is delivered.
DEMO_CASES: tuple[tuple[str, int], ...] = (("drafted", 2), ("keys_ready", 1), ("checked", 1), ("delivered", 1))
# The agent's [sync] interval in the demo: the gateway's approvals come back within seconds.
DEMO_SYNC_SECONDS = 2
# The sample staff the side panel names (resources/samples/staff.json: demo credentials only).
DEMO_ROLES = ("staff", "supervisor", "technician")
SNAPSHOT_LANGUAGES = ("zh_CN", "en")
STOP_SECONDS = 15
AGENT_START_SECONDS = 60
# Whether Qt can open a window here is asked in a child: a platform plugin that cannot connect aborts.
DISPLAY_PROBE = ("import sys\nfrom ui.qt import QApplication\n"
                 "app = QApplication(sys.argv[:1])\nsys.exit(0 if app.primaryScreen() is not None else 3)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="the kiosk app with a county gateway, the sync agent and simulated devices "
                                    "(without a display: the headless walk-through and snapshots)")
    p.add_argument("--workdir", help="where the demo keeps its data (default: a new temporary directory)")
    p.add_argument("--headless", action="store_true",
                   help="the headless walk-through and snapshots even where a display is available")
    p.add_argument("--handovers", type=int, default=20, help="training handovers of the headless walk-through")
    # For the tests and screenshots: once the first frame is up (optionally saved as a PNG of the whole
    # screen), print one JSON line and close the app as the technician's exit would.
    p.add_argument("--first-frame-exit", nargs="?", const="", default=None, metavar="PNG", help=argparse.SUPPRESS)
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


def display_problem(env: dict[str, str]) -> str | None:
    """Why the app cannot open a window here (one line), or None when it can."""
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform.split(":")[0] in ("offscreen", "minimal"):
        return f"QT_QPA_PLATFORM={platform} draws on no screen"
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return "neither DISPLAY nor WAYLAND_DISPLAY is set"
    try:
        probe = subprocess.run([sys.executable, "-c", DISPLAY_PROBE], env=env, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "it did not answer within 60 s"
    if probe.returncode != 0:
        said = probe.stderr.decode("utf-8", "replace").strip().splitlines()
        return "Qt cannot open it" + (f": {said[-1]}" if said else "")
    return None


def county_files(work: Path) -> tuple[str, ...]:
    """The demo county's database and its storage key (kept in a directory of its own, as the gateway asks),
    as the options of every `county-gateway` command."""
    db, key = work / "county" / "county.sqlite", work / "county-config" / "storage.key"
    db.parent.mkdir(exist_ok=True)
    return "--db", str(db), "--key-file", str(key)


def _start_gateway(county: tuple[str, ...], env: dict[str, str]) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    # Its own session: Ctrl+C in the terminal reaches the demo, which stops the gateway in order.
    proc = subprocess.Popen([sys.executable, "-m", "county.cli", "serve", *county, "--host",
                             "127.0.0.1", "--port", "0", "--auto-approve", "0.2"],
                            stdout=subprocess.PIPE, text=True, env={**env, "PYTHONUNBUFFERED": "1"},
                            start_new_session=True)
    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    if not sel.select(30) or not (line := proc.stdout.readline()):
        proc.kill()
        proc.wait()
        raise KioskError("the demo gateway did not start", hint="run 'county-gateway serve' by hand to see why")
    return proc, json.loads(line)


def _start_agent(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`kiosk sync` (no --once: the agent's loop) in its own process and session, logging to ``log``.

    Returned once its first cycle is logged; an agent that ends or hangs first is an error (and stopped).
    """
    start = log.stat().st_size if log.exists() else 0
    with log.open("ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "kiosk", "-v", "sync"], stdout=out, stderr=out,
                                env=env, start_new_session=True)
    deadline = time.monotonic() + AGENT_START_SECONDS
    while proc.poll() is None and time.monotonic() < deadline:
        with log.open("rb") as written:
            written.seek(start)
            if b"cycle: " in written.read():
                return proc
        time.sleep(0.1)
    said = log.read_bytes()[start:].decode("utf-8", "replace").strip()[-500:]
    code = proc.poll()
    stop_process(proc, "sync agent")
    what = f"stopped at once (exit {code})" if code is not None else \
        f"did not finish a cycle within {AGENT_START_SECONDS} s"
    raise KioskError(f"the sync agent {what}: {said}",
                     hint=f"run 'kiosk sync --once' with KIOSK_HOME={env['KIOSK_HOME']} to see why")


def stop_process(proc: subprocess.Popen[Any], name: str) -> None:
    """SIGTERM, then wait; a process that does not end in time is killed. Always reaped."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            print(f"   the {name} did not stop within {STOP_SECONDS} s: killed", file=sys.stderr)
            proc.kill()
            proc.wait()
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def configure(config_path: Path, settings: dict[tuple[str, str], str]) -> None:
    """Set keys in the kiosk.toml `kiosk init` wrote (every key listed, commented out, in its section)."""
    lines = config_path.read_text(encoding="utf-8").splitlines()
    section = ""
    left = dict(settings)
    for n, line in enumerate(lines):
        if line.startswith("["):
            section = line.strip("[] ")
            continue
        key = line.lstrip("# ").split(" = ")[0]
        if (section, key) in left:
            lines[n] = f"{key} = {left.pop((section, key))}"
    if left:
        raise KioskError(f"{config_path} has no line for {', '.join(f'{s}.{k}' for s, k in left)}",
                         hint="start the demo in a new --workdir")
    config_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_config(config_path.parent)  # the values are checked as any kiosk.toml is


def stage_cases(home: Path) -> list[DemoPerson]:
    """The demo's sample cases, made through the facade; their buyers from the (fictitious) sample data."""
    from kiosk.app import open_kiosk
    from kiosk.services.samples import load_samples
    from ui.shell.demo_panel import DemoPerson

    units = {unit.code: unit for unit in load_samples().units}
    people: list[DemoPerson] = []
    with open_kiosk(load_config(home)) as kiosk:
        for stage, holders in DEMO_CASES:
            code = kiosk.stage_sample(stage, co_owners=holders).value
            people += [DemoPerson(b.name, b.id_number, code, stage) for b in units[code].buyers]
    return people


def demo_logins() -> list[DemoLogin]:
    from kiosk.services.samples import load_samples
    from ui.shell.demo_panel import DemoLogin

    staff = load_samples().staff
    return [DemoLogin(role, s.id, s.pin, s.name, s.id_number) for role in DEMO_ROLES
            for s in [next(s for s in staff if s.role == role)]]


def cmd_demo(args: argparse.Namespace) -> int:
    if getattr(sys, "frozen", False):
        # The demo starts the county gateway and this interpreter with -m; the bundle has neither.
        raise KioskError("kiosk demo needs the county gateway, which the kiosk bundle does not carry",
                         code="not_bundled", hint="run 'make demo' in a checkout; on a bundled terminal, "
                                                  "'kiosk run --training' practises on sample cases")
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="jiaxian-demo-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "KIOSK_HOME": str(work / "kiosk")}
    print(f"郏县 交房即交证 kiosk demo — data in {work}", flush=True)
    problem = None if args.headless else display_problem(env)
    if args.headless or problem is not None:
        shots = work / "kiosk" / "snapshots"
        reason = "--headless" if args.headless else f"no display ({problem})"
        print(f"{reason}: running the headless walk-through; snapshots in {shots}", flush=True)
        return headless(args, work, env, shots)
    return windowed(args, work, env)


def _enroll(step: Step, work: Path, county: tuple[str, ...], info: dict[str, Any]) -> None:
    print(f"\n== county gateway listening at {info['url']} (platform key {info['fingerprint'][:16]}…)")
    qr = work / "enroll-qr.png"
    step.run("the county issues a one-time enrollment QR", "county.cli", "token", *county,
             "--url", info["url"], "--service-point", "JX-SP01", "--qr", str(qr), "--json")
    roster = _sample_roster(work)
    try:
        step.run("the county publishes the service point's staff roster (the sample staff)", "county.cli",
                 "publish", *county, "--kind", "staff.roster", "--subject", "JX-SP01", "--service-point", "JX-SP01",
                 "--data", f"@{roster}", "--json")
    finally:
        roster.unlink()
    step.run("a technician initialises the kiosk", "kiosk", "init", "--json")
    step.run("and enrolls it by scanning the QR", "kiosk", "enroll", "--qr", str(qr), "--json")


def _sample_roster(work: Path) -> Path:
    """The sample staff as the platform publishes them (PIN hashes, not PINs), so a supervisor's addition at
    the demo kiosk joins a roster the county holds; written owner-only and removed once published."""
    from kiosk.filemodes import write_atomic
    from kiosk.services.samples import load_samples
    from kiosk.services.staff import hash_pin

    staff = [{"id": s.id, "name": s.name, "role": s.role, "cert_no": s.cert_no,
              "cert_expires": s.cert_expires.isoformat(), "pin_hash": hash_pin(s.pin), "id_number": s.id_number}
             for s in load_samples().staff]
    path = work / "county" / "roster.json"
    write_atomic(path, json.dumps({"staff": staff}, ensure_ascii=False).encode("utf-8"), 0o600)
    return path


def publish_restrictions(county: tuple[str, ...]) -> None:
    """The county puts the sample restriction list (resources/samples/restrictions.json) on its feed, as
    `county-gateway publish --kind master.developer` and `county-gateway restrict` do; the agent pulls it.

    In this process, in one transaction with the gateway's own store functions: seven more commands
    would add seconds to every demo. None of these developers has a sample case, so no case is blocked.
    """
    from county import issuing
    from county.service import Gateway
    from county.store import transaction
    from kiosk.services.samples import load_sample_restrictions
    from sync.wire import kinds
    from sync.wire.calendar import county_date_of

    restrictions = load_sample_restrictions()
    gateway = Gateway(county[1], key_file=Path(county[3]))
    try:
        now = gateway.clock()
        today = county_date_of(now)
        with gateway.locked() as conn, transaction(conn):
            for r in restrictions:
                issuing.publish(conn, gateway.keys, kind=kinds.MASTER_DEVELOPER, subject=r.uscc,
                                data={"name": r.name, "address": r.address}, service_point=None, now=now)
                issuing.restrict(conn, gateway.keys, uscc=r.uscc, reason=r.reason, until=r.until(today),
                                 lift=False, now=now)
                if r.lifted:
                    issuing.restrict(conn, gateway.keys, uscc=r.uscc, reason=r.reason, until=None, lift=True,
                                     now=now)
    finally:
        gateway.close()
    print(f"\n== the county publishes its restriction list: {len(restrictions)} developers "
          f"({sum(not r.lifted for r in restrictions)} restricted, {sum(r.lifted for r in restrictions)} lifted)",
          flush=True)


def headless(args: argparse.Namespace, work: Path, env: dict[str, str], shots: Path) -> int:
    county = county_files(work)
    step = Step(env)
    gateway, info = _start_gateway(county, env)
    try:
        _enroll(step, work, county, info)
        publish_restrictions(county)
        result = step.run(f"{args.handovers} training handovers through every flow", "kiosk", "simulate",
                          "--handovers", str(args.handovers), "--json")
        printed = step.run("the payment and handover receipts go to the receipt printer, the certificate pages "
                           "printed on stock to the A4 printer (both simulated)", "kiosk", "print-pending", "--json")
        step.run("the sync agent pushes the records, sealed and signed", "kiosk", "sync", "--once", "--json")
        step.run("the county has every record exactly once", "county.cli", "status", *county, "--json")
        step.run("the kiosk's own state", "kiosk", "status", "--json")
        step.run("the supervision ledger (training data)", "kiosk", "report", "--include-training", "--json")
        step.run("the audit chain is intact", "kiosk", "audit", "verify", "--json")
    finally:
        stop_process(gateway, "county gateway")
    receipts = [f for job in printed.get("jobs", []) for f in job.get("files", []) if f.endswith(".png")]
    print(f"\nDone: {result.get('delivered', 0)} of {args.handovers} handovers delivered. "
          f"Data kept in {work}." + (f" A receipt: {receipts[0]}" if receipts else ""))
    return snapshots(work / "kiosk", shots)


def snapshots(home: Path, out: Path) -> int:
    """Every registered screen of the app on the demo kiosk, in both languages at 1920x1080, into ``out``."""
    print("\n== every screen of the touchscreen app, as the kiosk shows it (offscreen)", flush=True)
    # Set before Qt loads: without a display the snapshots are drawn offscreen.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ui.fonts import MissingFontError
    from ui.qt import qInstallMessageHandler
    from ui.shell.snapshots import take_snapshots

    def quiet(kind: object, context: object, message: str) -> None:
        # The offscreen platform says this for every window it lays out; every other message is shown.
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    problems: list[str] = []
    count = 0
    previous = qInstallMessageHandler(quiet)
    try:
        for lang in SNAPSHOT_LANGUAGES:
            shots = take_snapshots(load_config(home), out / lang, lang=lang)
            count += len(shots)
            problems += [f"{lang}/{shot.screen}: {p}" for shot in shots for p in shot.problems]
    except MissingFontError as exc:
        print(f"   no snapshots: {exc}", file=sys.stderr)
        return 1
    finally:
        qInstallMessageHandler(previous)
    print(f"   {count} snapshots ({', '.join(SNAPSHOT_LANGUAGES)}, 1920x1080) in {out}")
    for line in problems:
        print(f"   problem: {line}", file=sys.stderr)
    return 0


def windowed(args: argparse.Namespace, work: Path, env: dict[str, str]) -> int:
    home = work / "kiosk"
    county = county_files(work)
    agent_log = work / "sync-agent.log"
    gateway, info = _start_gateway(county, env)
    agent: subprocess.Popen[bytes] | None = None
    print(f"   county gateway: process {gateway.pid}", flush=True)
    try:
        _enroll(Step(env), work, county, info)
        publish_restrictions(county)
        configure(home / CONFIG_NAME, {("sync", "interval_seconds"): str(DEMO_SYNC_SECONDS),
                                       ("devices", "card_reader"): '"sim://?card=none"'})
        print(f"\n== the kiosk syncs every {DEMO_SYNC_SECONDS} s; the simulated card reader starts empty")
        people = stage_cases(home)
        print("\n== sample cases to walk (training data):")
        for person in people:
            print(f"   {person.stage:<11} {person.unit_code}  {person.name}")
        # county/auto.py: a county never decides training data, so nothing signed here comes back approved.
        print("   At the terminal each signer first places their own ID card: the side panel's 'Place ID card'.")
        print("   The county decides no practice records, so the panel's \"Outside step\" plays the platform, the "
              "buyer's bank app and the developer for a buyer's case: contract filed, payment confirmed, "
              "registration recorded, keys ready. The handover itself is at the counter (staff entry, counter "
              "staff's number or ID card, and PIN).")
        agent = _start_agent(env, agent_log)
        print(f"\n== the sync agent runs in its own process {agent.pid} (log: {agent_log})", flush=True)
        code = run_app(home, people, demo_logins(), args.first_frame_exit)
    finally:
        if agent is not None:
            stop_process(agent, "sync agent")
        stop_process(gateway, "county gateway")
    print(f"\nStopped the sync agent and the county gateway. Data kept in {work}: the kiosk in {home}, "
          f"the county in {work / 'county'} (its key in {work / 'county-config'}), the agent's log {agent_log}.",
          flush=True)
    return code


def run_app(home: Path, people: list[DemoPerson], logins: list[DemoLogin], first_frame: str | None) -> int:
    """The app in this process, training session, windowed, with the side panel once its first frame is up."""
    from ui.qt import QTimer
    from ui.shell.app import application, run
    from ui.shell.demo_panel import DemoPanel, quit_on_signals

    app = application()
    waker = quit_on_signals(app)
    # Said once Ctrl+C closes the app: before, it interrupts the demo.
    print("\n== the touchscreen app, with the demo's device panel beside it. Close it with the technician's "
          "exit (staff entry, then the technician's number and PIN shown on the panel) or Ctrl+C here.",
          flush=True)
    panels: list[DemoPanel] = []

    def show_panel(window: MainWindow) -> None:
        ctx = window.ctx
        panel = DemoPanel(ctx.devices, people, logins,
                          outside=lambda unit: ctx.call(lambda kiosk, u: kiosk.platform_step(u).value, unit))
        panel.place_beside(window)
        panel.show()
        panels.append(panel)
        if first_frame is not None:
            # Once the panel has painted too: the screenshot shows both windows.
            QTimer.singleShot(1500, lambda: _first_frame_exit(app, window, panel, first_frame))

    def ready(window: MainWindow) -> None:
        # The simulated devices exist once the kiosk has opened, just after the app's first frame.
        if window.ctx.is_open:
            show_panel(window)
        else:
            window.ctx.opened.connect(lambda: show_panel(window))

    try:
        return run(load_config(home), windowed=True, training=True, ready=ready)
    finally:
        waker.stop()
        for panel in panels:
            panel.close()
            panel.deleteLater()


def _first_frame_exit(app: QApplication, window: MainWindow, panel: DemoPanel, png: str) -> None:
    if png:
        screen = app.primaryScreen()
        screen.grabWindow(0).save(png)
    print(json.dumps({"first_frame": time.time(), "window": window.isVisible(), "panel": panel.isVisible(),
                      "screenshot": png or None}), flush=True)
    window.technician_exit()
