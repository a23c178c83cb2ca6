"""The staff status strip over a real store (sync bookkeeping written by its owner, records from
another process) and the technician's way out, with every refusal of the login on screen."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from kiosk.services.samples import install_samples, load_samples
from kiosk.services.simulate import SIMULATOR
from kiosk.services.staff import Actor
from kiosk.store import sync_state
from ui.shell.status import summarize
from ui.qt import Qt
from ui.shell.window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
LEFT = Qt.MouseButton.LeftButton


def log_in(qtbot: QtBot, screen: Any, staff_id: str, pin: str) -> None:
    screen.staff_id.setText("")
    screen.pin.setText("")
    qtbot.keyClicks(screen.staff_id, staff_id)
    qtbot.keyClicks(screen.pin, pin)
    screen.login_button._last_accepted = None  # a new attempt, not a double tap
    qtbot.mouseClick(screen.login_button, LEFT)
    qtbot.waitUntil(lambda: screen._task is None, timeout=20_000)


def install_roster(window: MainWindow, qtbot: QtBot) -> None:
    """The sample roster (resources/samples/staff.json), installed on the store thread."""
    task = window.ctx.call(lambda kiosk: install_samples(kiosk.ctx, SIMULATOR, load_samples()))
    with qtbot.waitSignal(task.succeeded, timeout=20_000):
        pass


def staff_mode(window: MainWindow) -> None:
    window.ctx.sign_in(Actor("S001", "staff"), "赵雅琴")
    window.navigator.go("staff_login")


def test_the_strip_shows_records_waiting_offline_online_and_devices(
        window: MainWindow, qtbot: QtBot, data_dir: Path) -> None:
    strip = window.strip
    staff_mode(window)
    qtbot.waitUntil(lambda: strip.summary is not None and len(strip.devices) == 2, timeout=20_000)
    assert strip.connection.text() == "✗ 离线" and strip.last_sync.text() == "上次同步：从未"
    assert strip.waiting.text() == "待同步：0 条"
    assert strip.printer.text() == "打印机：✓ 正常" and strip.printer.property("state") == "ok"
    assert strip.reader.text() == "读卡器：✓ 正常"
    window.ctx.start_polling()
    env = {"KIOSK_HOME": str(data_dir), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "kiosk", "simulate", "--handovers", "1", "--json"],
                   cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    qtbot.waitUntil(lambda: strip.summary is not None and strip.summary.waiting > 0, timeout=20_000)
    assert strip.waiting.text() == f"待同步：{strip.summary.waiting} 条"
    # The agent's bookkeeping, written by the table's owner as the agent writes it.
    store = window.ctx.kiosk.store
    at = dt.datetime(2026, 11, 30, 2, 5, tzinfo=dt.timezone.utc).isoformat()
    with sync_state.transaction(store.conn) as conn:
        for feed in sync_state.FEEDS:
            sync_state.record_success(conn, feed, at)
    qtbot.waitUntil(lambda: strip.connection.text() == "✓ 在线", timeout=20_000)
    assert strip.last_sync.text() == "上次同步：11-30 10:05"  # county time (UTC+8)
    sync_state.record_failure(store, sync_state.PUSH, at, "unreachable", "gateway did not answer")
    qtbot.waitUntil(lambda: strip.connection.text() == "✗ 离线", timeout=20_000)
    assert strip.connection.property("state") == "warn"


def test_summarize_reads_the_status_of_kiosk_status() -> None:
    feed = {"last_success": "2026-11-30T02:05:00+00:00", "consecutive_failures": 0, "halted": False,
            "last_error": None, "last_error_code": None}
    ok = summarize({"feeds": {"push": feed, "pull": feed}, "outbox_pending": 4})
    assert ok.online and ok.waiting == 4 and ok.last_sync is not None
    failing = dict(feed, consecutive_failures=2, last_error="gateway did not answer")
    down = summarize({"feeds": {"push": failing, "pull": feed}, "outbox_pending": 0})
    assert not down.online and down.problem == "gateway did not answer"
    assert not summarize({"feeds": {}, "outbox_pending": 0}).online


def test_a_missing_printer_shows_as_not_installed(window: MainWindow, qtbot: QtBot) -> None:
    import dataclasses

    window.ctx.devices = dataclasses.replace(window.ctx.devices, printer=None)
    staff_mode(window)
    qtbot.waitUntil(lambda: "printer" in window.strip.devices, timeout=20_000)
    assert window.strip.printer.text() == "打印机：未安装" and not window.fault_overlay.isVisible()


def test_only_a_technician_credential_closes_the_app(window: MainWindow, qtbot: QtBot) -> None:
    install_roster(window, qtbot)
    staff_mode(window)
    qtbot.mouseClick(window.strip.technician_button, LEFT)
    screen = window.navigator.current
    assert screen.name == "technician" and not screen.exit_button.isVisible()
    qtbot.mouseClick(screen.login_button, LEFT)
    assert screen.message.text() == "请输入工号和密码，再点“登录”。"
    log_in(qtbot, screen, "X999", "123456")
    assert screen.message.text() == "本终端没有这个工号。请核对后重试。" and screen.code.text() == "unknown_staff"
    log_in(qtbot, screen, "T001", "000000")
    assert screen.message.text().startswith("密码不对") and screen.pin.text() == ""
    log_in(qtbot, screen, "S009", "112358")
    assert screen.message.text() == "上岗证已过期。请先办理续期。"
    log_in(qtbot, screen, "S001", "246810")  # a real login, but not a technician's
    assert screen.message.text().startswith("这个账号不是技术人员账号") and not screen.exit_button.isVisible()
    assert window.isVisible()
    log_in(qtbot, screen, "T001", "902715")
    assert screen.exit_button.isVisible() and screen.message.text() == ""
    with qtbot.waitSignal(window.exited, timeout=5000):
        qtbot.mouseClick(screen.exit_button, LEFT)
    assert not window.isVisible()


def test_leaving_the_technician_screen_forgets_the_credential(window: MainWindow, qtbot: QtBot,
                                                             clock: Any) -> None:
    install_roster(window, qtbot)
    staff_mode(window)
    screen = window.navigator.go("technician")
    log_in(qtbot, screen, "T001", "902715")
    assert screen.exit_button.isVisible()
    clock.advance(119)
    window.idle.poll()
    assert not window.countdown_overlay.isVisible()
    clock.advance(1)
    window.idle.poll()  # ux.md: technician mode warns after 120 s
    clock.advance(30)
    window.idle.poll()
    assert window.navigator.current.name == "welcome" and window.ctx.actor is None
    assert screen.technician is None and not screen.exit_button.isVisible() and screen.staff_id.text() == ""
