"""`kiosk run` shows its first frame before the kiosk is open (``AppContext.later``): a tap meanwhile
waits for the store and then goes where it asked; a kiosk that cannot be opened after the first frame
shows the calm fault message, refuses every way on calmly, and says why in the log and on stderr."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.config import load_config
from tests.ui.shell.conftest import FakeClock, Placeholder
from ui.context import AppContext, NotOpen
from ui.qt import QApplication, Qt
from ui.shell.app import EXIT_NOT_OPEN, build_window, open_parts
from ui.shell.registry import HOME, SCREENS
from ui.shell.welcome import WelcomeScreen
from ui.shell.window import MainWindow
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[3]


def status_of(kiosk: Any) -> dict[str, Any]:
    result: dict[str, Any] = kiosk.status()
    return result


def wrong_key(data_dir: Path) -> None:
    (data_dir / "keys" / "data.key").write_bytes(os.urandom(32))


@pytest.fixture
def later(qapp: QApplication, data_dir: Path) -> Iterator[AppContext]:
    """A context that opens the real kiosk in ``data_dir`` when asked, as `kiosk run` makes it."""
    config = load_config(data_dir)
    runner = TaskRunner()
    ctx = AppContext.later(config, runner, partial(open_parts, config), poll_ms=20)
    yield ctx
    ctx.stop_polling()
    runner.shutdown()
    ctx.close()


@pytest.fixture
def shell(later: AppContext, qtbot: QtBot, qapp: QApplication, clock: FakeClock) -> Iterator[MainWindow]:
    """The welcome screen as the app's first frame, the screens it leads to standing by."""
    win = build_window(later, [e for e in SCREENS if e.screen.name == HOME], clock=clock,
                       idle_poll_ms=10_000)
    for name, audience in (("identify", "buyer"), ("staff_login", "staff")):
        win.add(Placeholder(later, name, audience))
    qtbot.addWidget(win, before_close_func=MainWindow.dispose)
    win.resize(1280, 800)
    win.start()
    win.show()
    yield win
    qapp.setStyleSheet("")


def welcome(window: MainWindow) -> WelcomeScreen:
    screen = window.navigator.current
    assert isinstance(screen, WelcomeScreen)
    return screen


def test_a_tap_before_the_kiosk_is_open_waits_for_it_and_then_goes_on(
        shell: MainWindow, later: AppContext, qtbot: QtBot) -> None:
    assert not later.is_open and welcome(shell).isVisible()
    with pytest.raises(NotOpen, match="not open yet"):
        later.kiosk  # noqa: B018 (the access is the test)
    qtbot.mouseClick(welcome(shell).start_button, Qt.MouseButton.LeftButton)
    # Parked: still the first frame, with "getting ready" over it.
    assert shell.navigator.parked == "identify" and shell.navigator.current.name == HOME  # type: ignore[union-attr]
    assert shell.wait_overlay.isVisible() and not shell.fault_overlay.isVisible()
    assert shell.wait.message.text() == "请稍候，终端正在准备。"
    # A store call made before the opening starts it and runs behind it on the store thread.
    status = later.call(status_of)
    with qtbot.waitSignal(status.succeeded, timeout=30_000) as answered:
        pass
    assert later.is_open and "outbox_pending" in answered.args[0]
    qtbot.waitUntil(lambda: shell.navigator.current is not None and shell.navigator.current.name == "identify",
                    timeout=5_000)
    assert not shell.wait_overlay.isVisible() and shell.navigator.parked is None
    assert later.open() is None  # opened once


def test_the_wait_can_be_called_off(shell: MainWindow, later: AppContext, qtbot: QtBot) -> None:
    qtbot.mouseClick(welcome(shell).staff_button, Qt.MouseButton.LeftButton)
    assert shell.navigator.parked == "staff_login" and shell.wait_overlay.isVisible()
    qtbot.mouseClick(shell.wait.ok_button, Qt.MouseButton.LeftButton)
    assert shell.navigator.parked is None and not shell.wait_overlay.isVisible()
    with qtbot.waitSignal(later.opened, timeout=30_000):
        later.open()
    qtbot.wait(50)
    assert shell.navigator.current is not None and shell.navigator.current.name == HOME


def test_a_kiosk_that_cannot_open_after_the_first_frame_shows_the_fault_calmly(
        data_dir: Path, shell: MainWindow, later: AppContext, qtbot: QtBot,
        caplog: pytest.LogCaptureFixture) -> None:
    wrong_key(data_dir)
    qtbot.mouseClick(welcome(shell).start_button, Qt.MouseButton.LeftButton)
    assert shell.wait_overlay.isVisible()
    with caplog.at_level(logging.ERROR, logger="kiosk.ui"), qtbot.waitSignal(later.open_failed, timeout=30_000):
        later.open()
    # Home, the wait over, the calm message with the refusal's code for staff; the reason in the log.
    assert shell.fault_overlay.isVisible() and not shell.wait_overlay.isVisible()
    assert shell.navigator.current is not None and shell.navigator.current.name == HOME
    assert shell.navigator.parked is None
    assert shell.fault.message.text() == "系统出了点问题，请联系工作人员。"
    assert shell.fault.staff_line.text().startswith("wrong_key ")
    logged = [r for r in caplog.records if r.getMessage().startswith("the kiosk could not be opened")]
    assert len(logged) == 1 and "the data key does not belong to the database" in logged[0].getMessage()
    assert not later.is_open and later.open_error is not None
    # Every way on is refused the same calm way, never a wait that does not end.
    qtbot.mouseClick(shell.fault.ok_button, Qt.MouseButton.LeftButton)
    assert not shell.fault_overlay.isVisible()
    qtbot.wait(550)  # the start button's double-tap guard
    qtbot.mouseClick(welcome(shell).start_button, Qt.MouseButton.LeftButton)
    assert shell.fault_overlay.isVisible() and not shell.wait_overlay.isVisible()
    assert shell.navigator.current is not None and shell.navigator.current.name == HOME
    # A store call fails with the first error named, and the shell shows the fault for it too.
    qtbot.mouseClick(shell.fault.ok_button, Qt.MouseButton.LeftButton)
    task = later.call(status_of)
    with qtbot.waitSignal(task.failed, timeout=10_000) as failed:
        pass
    error = failed.args[0]
    assert isinstance(error, NotOpen) and "the data key does not belong" in str(error)
    qtbot.waitUntil(shell.fault_overlay.isVisible, timeout=5_000)
    assert shell.fault.staff_line.text().startswith("NotOpen ")


def test_kiosk_run_with_a_store_that_cannot_open_shows_its_calm_window_then_exits_to_be_restarted(
        data_dir: Path) -> None:
    """The fault stays up for ``--reopen-after`` seconds, then the app exits with EXIT_NOT_OPEN so that its
    service manager starts it again: a cause that passes (a migration, a device) must not leave the
    terminal on the fault screen for ever."""
    wrong_key(data_dir)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "KIOSK_HOME": str(data_dir)}
    app = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--windowed", "--reopen-after", "3"], cwd=ROOT,
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log = data_dir / "logs" / "app.jsonl"
    try:
        deadline = time.monotonic() + 120
        while not (log.exists() and "could not be opened" in log.read_text(encoding="utf-8")):
            assert app.poll() is None, "kiosk run stopped before showing and logging the fault"
            assert time.monotonic() < deadline, "the failed opening was never logged"
            time.sleep(0.1)
        code = app.wait(timeout=120)
    finally:
        if app.poll() is None:
            app.terminate()
        _, stderr = app.communicate(timeout=30)
    assert code == EXIT_NOT_OPEN
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    failed = [r for r in records if r["msg"].startswith("the kiosk could not be opened")]
    assert len(failed) == 1 and failed[0]["level"] == "ERROR"
    assert any("to be started again" in r["msg"] and r["level"] == "WARNING" for r in records)
    assert "kiosk run: error: the data key does not belong to the database" in stderr
    assert "Traceback" not in stderr
