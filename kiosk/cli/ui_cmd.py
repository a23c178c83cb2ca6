"""`kiosk run` (the touchscreen app) and `kiosk snapshots` (every screen as a PNG).

Thin: Qt and the shell are imported inside the commands, so every other
command starts without them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli.output import add_json_flag, config_from, emit
from kiosk.config import RANGES
from kiosk.errors import ValidationError

if TYPE_CHECKING:
    from kiosk.app.decommissioning import Courier, Drained
    from kiosk.app.enrollment import EnrollmentCode
    from kiosk.config import Config
    from kiosk.identity import Enrollment
    from kiosk.store import Store
    from ui.qt import QObject

SNAPSHOT_HANDOVERS = 3


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("run", help="start the touchscreen app (full screen, kiosk mode)")
    p.add_argument("--windowed", action="store_true", help="a normal 1280x800 window, for development")
    p.add_argument("--training", action="store_true", help="training session on the training data "
                   "directory (training/ in the data directory; simulators, never synced): banner on every "
                   "screen and printout (also [training] enabled = true)")
    p.add_argument("--reopen-after", type=float, default=60.0, metavar="SECONDS",
                   help="when the kiosk's store or devices cannot be opened, show the calm fault this long, then "
                        "exit with status 75 so that the service manager starts the app again and it tries "
                        "again (default 60)")
    # For bench/ui.py: print the time of the first interactive frame as JSON and quit.
    p.add_argument("--first-frame-exit", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("snapshots", help="render every screen with sample data to PNG files")
    p.add_argument("--out", required=True, help="directory for the PNG files (one per screen)")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    p.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH")
    p.add_argument("--large-text", action="store_true", help="large-text mode (all text x1.25)")
    p.add_argument("--high-contrast", action="store_true", help="the buyer screens' high-contrast theme "
                   "(staff screens keep theirs)")
    p.add_argument("--screen", action="append", metavar="NAME", help="only this screen (repeatable); the "
                   "welcome screen, home of every other, is always rendered too")
    p.add_argument("--reach-line", type=_reach_line, default=0, metavar="PX",
                   help="[display] reach_line_px of the throwaway sample kiosk: on a portrait --size every "
                        "screen starts this many px below the top (default 0: none)")
    add_json_flag(p)
    p.set_defaults(func=cmd_snapshots)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1920x1080") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"{text!r}: give a screen size from 320x240 to 7680x4320")
    return width, height


def _reach_line(text: str) -> int:
    low, high = RANGES[("display", "reach_line_px")]
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of pixels") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{text!r}: give {low} to {high} px, as [display] reach_line_px takes")
    return value


def cmd_run(args: argparse.Namespace) -> int:
    from ui.shell.app import run

    def ready(window: QObject) -> None:
        tell_systemd(window)
        if args.first_frame_exit:
            from ui.qt import QApplication

            # The CPU time too: on a shared machine it says what the start costs, whatever else runs.
            emit({"first_frame": time.time(), "cpu_s": time.process_time()})
            QApplication.exit(0)

    config = config_from(args)
    training = args.training or bool(config["training"]["enabled"])
    if training:
        from kiosk.training import prepare

        config = prepare(config)
    return run(config, windowed=args.windowed, training=training, ready=ready, enroller=enroll_at_gateway,
               courier=LazyCourier(), reopen_after=args.reopen_after)


def enroll_at_gateway(config: Config, code: EnrollmentCode, *, force: bool = False) -> Enrollment:
    """``sync.enroll.GatewayEnroller``, imported when a technician enrolls: its HTTP client costs the
    app's start about 0.1 s, and most starts never enroll."""
    from sync.enroll import GatewayEnroller

    return GatewayEnroller()(config, code, force=force)


class LazyCourier:
    """``sync.courier.GatewayCourier``, imported when a technician first hands the outbox on at
    decommissioning (the sync agent and its HTTP client are not needed for the first frame)."""

    def _courier(self) -> Courier:
        from sync.courier import GatewayCourier

        return GatewayCourier()

    def sync_once(self, config: Config, store: Store) -> Drained:
        return self._courier().sync_once(config, store)

    def export(self, config: Config, store: Store, folder: Path) -> tuple[list[str], int]:
        return self._courier().export(config, store, folder)


def tell_systemd(window: QObject) -> None:
    """Under the app's unit (Type=notify): READY once the first window is up, then a watchdog
    ping from a timer on the GUI thread, so a frozen UI stops the pings and is restarted.
    Outside systemd (no NOTIFY_SOCKET) nothing is started."""
    from kiosk import sdnotify

    if not sdnotify.ready("kiosk app: first window shown"):
        return
    interval = sdnotify.watchdog_interval()
    if interval is None:
        return
    from ui.qt import QTimer

    timer = QTimer(window)  # owned by the window: lives and dies with the GUI
    timer.timeout.connect(sdnotify.watchdog)
    timer.start(max(100, int(interval * 1000)))


def publish_restrictions(home: Path) -> None:
    """The sample county's restriction list on the throwaway kiosk, signed and applied as pulled items
    (``kiosk.services.sample_platform``): the credit screen shows restrictions as a service point sees them."""
    from kiosk.app import open_kiosk
    from kiosk.config import load_config
    from kiosk.services.sample_platform import publish_sample_restrictions
    from kiosk.services.samples import load_sample_restrictions

    with open_kiosk(load_config(home)) as kiosk:
        publish_sample_restrictions(kiosk.ctx, load_sample_restrictions())


def stage_sample_kiosk(home: Path) -> bool:
    """A new kiosk in ``home`` as the snapshots show it: sample data, ``SNAPSHOT_HANDOVERS`` scripted
    handovers and the sample restriction list; False when ``kiosk init`` or ``kiosk simulate`` failed."""
    from kiosk.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        if main(["init", "--data-dir", str(home)]) != 0 or main(
                ["simulate", "--handovers", str(SNAPSHOT_HANDOVERS), "--json", "--data-dir", str(home)]) != 0:
            return False
    publish_restrictions(home)
    return True


def cmd_snapshots(args: argparse.Namespace) -> int:
    from kiosk.config import load_config
    from kiosk.config_edit import set_values
    from ui.fonts import MissingFontError
    from ui.shell.registry import HOME, SCREENS
    from ui.shell.snapshots import take_snapshots

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ValidationError(f"--out {out} is a file", field="out", hint="give a directory")
    entries = SCREENS
    if args.screen:
        names = [e.name for e in SCREENS]
        unknown = [n for n in args.screen if n not in names]
        if unknown:
            raise ValidationError(f"--screen: no screen named {', '.join(unknown)}", field="screen",
                                  hint=f"the screens are {', '.join(names)}")
        entries = [e for e in SCREENS if e.name in (HOME, *args.screen)]
    with tempfile.TemporaryDirectory(prefix="kiosk-snapshots-") as tmp:
        # A throwaway kiosk with sample data: the screens show real views, never the kiosk's own data.
        home = Path(tmp) / "kiosk"
        if not stage_sample_kiosk(home):
            print("kiosk snapshots: could not prepare the sample kiosk", file=sys.stderr)
            return 1
        # The sample kiosk is made anew for every run: its kiosk.toml, not the caller's, sets the line.
        config = set_values(load_config(home), "display", {"reach_line_px": args.reach_line})
        try:
            shots = take_snapshots(config, out, lang=args.lang, size=args.size, large=args.large_text,
                                   high_contrast=args.high_contrast, entries=entries)
        except MissingFontError as exc:
            print(f"kiosk snapshots: {exc}", file=sys.stderr)
            return 1
    problems = sum(len(s.problems) for s in shots)
    if args.json:
        emit({"out": str(out), "lang": args.lang, "size": f"{args.size[0]}x{args.size[1]}",
              "large_text": args.large_text, "high_contrast": args.high_contrast,
              "reach_line_px": args.reach_line, "screens": [s.as_dict() for s in shots], "problems": problems})
    else:
        for shot in shots:
            print(f"{shot.path}" + "".join(f"\n  {p}" for p in shot.problems))
    if problems:
        print(f"kiosk snapshots: {problems} problems (each names the widget and what is wrong); see above",
              file=sys.stderr)
    return 1 if problems else 0



