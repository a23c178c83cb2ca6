"""What `kiosk run` does before its first frame: the home screen only, and none of the heavy modules the
kiosk core, the other screens and the devices use (bench/ui.py measures the time; these keep the work
from coming back)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.screens.base import Screen
from ui.shell.app import build_window
from ui.shell.registry import HOME, SCREENS, Later
from ui.shell.window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
# What `kiosk run` loads before its first frame: the command line with every command's parser, the shell
# and its home screen, and the registry of screens.
FIRST_FRAME = "import kiosk.cli, ui.shell.app, ui.shell.registry\nkiosk.cli.build_parser()\n"
# Heavy, and needed only once the kiosk is open or a screen other than the home screen is built: the
# kiosk core with its store, database and encryption libraries and the wire protocol's compression,
# the devices, the camera's image library, the receipt printer's picture library, QR drawing, PDF
# rendering, the HTTP client of enrollment.
LATER_MODULES = ("kiosk.app", "kiosk.store", "kiosk.services", "kiosk.views", "sqlite_utils", "cryptography",
                 "zstandard", "sync.wire.envelope", "hardware.devices", "numpy", "cv2", "PIL", "segno",
                 "requests", "ui.documents", "ui.screens.buyer", "ui.screens.counter", "ui.shell.technician",
                 "sync.enroll")


def test_the_first_frame_imports_none_of_the_heavy_modules() -> None:
    code = f"import sys\n{FIRST_FRAME}print(' '.join(m for m in {LATER_MODULES!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == []


def test_every_screen_named_for_later_is_the_screen_of_that_name() -> None:
    later = [entry.screen for entry in SCREENS if isinstance(entry.screen, Later)]
    assert len(later) == len(SCREENS) - 1  # all but the home screen
    for entry in later:
        screen = entry.load()
        assert issubclass(screen, Screen) and screen.name == entry.name
    with pytest.raises(TypeError, match="is not the screen named 'queue'"):
        Later("queue", "ui.screens.counter.handover:HandoverScreen").load()


def test_the_window_builds_its_home_screen_first_and_the_rest_on_the_idle_loop(
        ctx: AppContext, qtbot: QtBot, clock: Any) -> None:
    window = build_window(ctx, clock=clock, styled=False)
    qtbot.addWidget(window, before_close_func=MainWindow.dispose)
    window.start()
    window.show()
    assert [s.name for s in window.findChildren(Screen)] == [HOME]
    screens = [entry.screen.name for entry in SCREENS if not entry.step]  # a step is a screen's other state
    assert window.navigator.names() == screens
    window.build_remaining()
    qtbot.waitUntil(lambda: len(window.findChildren(Screen)) == len(screens), timeout=60_000)
    assert {s.name for s in window.findChildren(Screen)} == set(window.navigator.names())
    assert window.navigator.current is not None and window.navigator.current.name == HOME
