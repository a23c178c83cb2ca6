"""A real kiosk (``kiosk init``), its simulated devices, and the shell's main window over them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hardware.devices import open_devices
from kiosk.app import open_kiosk
from kiosk.cli.ui_cmd import stage_sample_kiosk
from kiosk.config import Config, load_config
from ui import i18n
from ui.context import AppContext
from ui.screens.base import Screen
from ui.shell.app import build_window
from ui.shell.registry import Entry
from ui.shell.window import MainWindow
from ui.tasks import TaskRunner
from ui.qt import QApplication, QLabel, QVBoxLayout


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Placeholder(Screen):
    """Stands in for another helper's screen; shows a masked ID as personal data would be shown."""

    holds_personal_data = True

    def __init__(self, ctx: AppContext, name: str, audience: str = "buyer", idle_seconds: int = 60) -> None:
        self.name = name  # type: ignore[misc]
        self.audience = audience  # type: ignore[assignment]
        self.idle_seconds = idle_seconds  # type: ignore[misc]
        super().__init__(ctx)
        self.shown = QLabel()
        QVBoxLayout(self).addWidget(self.shown)
        self.left = 0

    def enter(self, **args: Any) -> None:
        self.shown.setText(str(args.get("id_masked", "")))

    def leave(self) -> None:
        self.left += 1
        self.shown.clear()

    def retranslate(self) -> None:
        pass


@pytest.fixture
def sample_config(tmp_path: Path) -> Config:
    """The configuration of a kiosk staged as ``kiosk snapshots`` stages its own (sample county, training)."""
    home = tmp_path / "kiosk"
    assert stage_sample_kiosk(home)
    return load_config(home)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ctx(qapp: QApplication, data_dir: Path) -> Iterator[AppContext]:
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        context = AppContext(kiosk, open_devices(config), runner, poll_ms=20)
        yield context
        context.stop_polling()
        runner.shutdown()


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot, clock: FakeClock, qapp: QApplication) -> Iterator[MainWindow]:
    win = build_window(ctx, clock=clock, idle_poll_ms=10_000)
    win.add(Placeholder(ctx, "buyer_step"))  # a buyer screen with personal data, for the shell's own tests
    qtbot.addWidget(win, before_close_func=MainWindow.dispose)
    win.resize(1280, 800)
    win.start()
    win.show()
    yield win
    qapp.setStyleSheet("")


@contextmanager
def training_window_for(entries: Sequence[Entry], qapp: QApplication, data_dir: Path,
                        qtbot: QtBot) -> Iterator[MainWindow]:
    """A started, silent window in training mode with only ``entries``; the style and language put back."""
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        ctx = AppContext(kiosk, open_devices(config), runner, training=True)
        window = build_window(ctx, list(entries), silent=True)
        qtbot.addWidget(window, before_close_func=MainWindow.dispose)
        window.start()
        yield window
        ctx.stop_polling()
        runner.shutdown()
    qapp.setStyleSheet("")
    i18n.switch_language("zh_CN")
