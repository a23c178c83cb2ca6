"""The app's window on a portrait panel with a reach line, on the sample kiosk as ``kiosk snapshots
--reach-line 640 --size 1080x1920`` stages it, and what those snapshots would report of it.

Test modules import ``portrait_fixture`` (the fixture ``portrait``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import open_devices
from kiosk.app import open_kiosk
from kiosk.config import load_config
from kiosk.config_edit import set_values
from kiosk.services.sample_platform import publish_sample_restrictions
from kiosk.services.samples import install_samples, load_sample_restrictions, load_samples
from kiosk.services.simulate import SIMULATOR
from ui.context import AppContext
from ui.shell.app import build_window
from ui.shell.registry import SCREENS
from ui.shell.window import MainWindow
from ui.snapshot import clipped_texts, cut_off, missing_glyphs, overflow
from ui.tasks import TaskRunner

REACH_LINE = 640
PORTRAIT = (1080, 1920)


@pytest.fixture(name="portrait")
def portrait_fixture(qapp: Any, qtbot: Any, data_dir: Path) -> Iterator[MainWindow]:
    config = set_values(load_config(data_dir), "display", {"reach_line_px": REACH_LINE})
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        # The sample staff, units and restriction list as ``kiosk snapshots`` has them, in training data
        # (Kiosk.stage_sample), so a staff screen can be the first one shown.
        install_samples(kiosk.ctx, SIMULATOR, load_samples(), training=True)
        publish_sample_restrictions(kiosk.ctx, load_sample_restrictions())
        ctx = AppContext(kiosk, open_devices(config), runner, training=True)
        window = build_window(ctx, SCREENS, idle_poll_ms=10_000)
        qtbot.addWidget(window, before_close_func=MainWindow.dispose)
        window.resize(*PORTRAIT)
        window.start()
        window.show()
        yield window
        ctx.stop_polling()
        runner.shutdown()


def fits(window: MainWindow) -> list[str]:
    """What a snapshot of ``window`` on the portrait panel would report: nothing, when all fits."""
    return [str(p) for p in overflow(window, PORTRAIT) + clipped_texts(window) + missing_glyphs(window)
            + cut_off(window)]
