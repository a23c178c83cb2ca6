"""Guarded buttons, the context-menu blocker and the idle timer, driven by real events."""

from __future__ import annotations

from typing import Any

import threading

import pytest
from pytestqt.qtbot import QtBot

from ui.qt import QApplication, QContextMenuEvent, QEvent, QPoint, QPushButton, Qt, QWidget
from ui.tasks import TaskRunner
from ui.widgets.guard import GuardedButton, install_context_menu_blocker
from ui.widgets.idle import ActivityFilter, CountdownPanel, IdleTimer


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_a_second_tap_within_500_ms_is_ignored(qtbot: QtBot, clock: FakeClock) -> None:
    button = GuardedButton("缴费", clock=clock)
    qtbot.addWidget(button)
    button.show()
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    clock.advance(0.3)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(clicks) == 1
    clock.advance(0.25)  # 550 ms after the accepted tap
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(clicks) == 2


def test_a_plain_button_would_have_clicked_twice(qtbot: QtBot) -> None:
    # Control for the test above: without the guard both taps count.
    button = QPushButton("缴费")
    qtbot.addWidget(button)
    button.show()
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(clicks) == 2


class MenuWidget(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.menus = 0

    def contextMenuEvent(self, event: Any) -> None:  # noqa: N802
        self.menus += 1


def test_context_menus_are_swallowed_app_wide(qapp: QApplication, qtbot: QtBot) -> None:
    widget = MenuWidget()
    qtbot.addWidget(widget)
    widget.show()

    def right_click() -> None:
        QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5))))

    right_click()
    assert widget.menus == 1
    blocker = install_context_menu_blocker(qapp)
    try:
        right_click()
        assert widget.menus == 1
    finally:
        qapp.removeEventFilter(blocker)


def test_idle_warns_after_60_s_counts_down_30_s_and_times_out(qapp: Any, clock: FakeClock) -> None:
    idle = IdleTimer(clock=clock)
    events: list[tuple[str, int]] = []
    idle.warning.connect(lambda s: events.append(("warning", s)))
    idle.tick.connect(lambda s: events.append(("tick", s)))
    idle.timed_out.connect(lambda: events.append(("timed_out", 0)))
    idle.start()
    clock.advance(59.5)
    idle.poll()
    assert events == []
    clock.advance(0.5)
    idle.poll()
    assert events == [("warning", 30)]
    for _ in range(29):
        clock.advance(1)
        idle.poll()
    assert events[-1] == ("tick", 1) and len(events) == 30
    clock.advance(1)
    idle.poll()
    assert events[-1] == ("timed_out", 0)
    assert idle.state == "timed_out"


def test_reading_screens_wait_120_s_and_activity_restarts_the_period(qapp: Any, clock: FakeClock) -> None:
    idle = IdleTimer(clock=clock)
    warnings: list[int] = []
    idle.warning.connect(warnings.append)
    idle.start(limit=120)
    clock.advance(100)
    idle.poll()
    idle.activity()
    clock.advance(100)
    idle.poll()
    assert warnings == []
    clock.advance(20)
    idle.poll()
    assert warnings == [30]


def test_extensions_are_unlimited_and_taps_do_not_dismiss_the_warning(qapp: Any, clock: FakeClock) -> None:
    idle = IdleTimer(clock=clock)
    idle.start()
    for _ in range(5):
        clock.advance(60)
        idle.poll()
        assert idle.state == "warning"
        idle.activity()
        assert idle.state == "warning"
        idle.extend()
        assert idle.state == "running"


def test_a_pending_device_operation_pauses_the_timer(qapp: Any, clock: FakeClock) -> None:
    idle = IdleTimer(clock=clock)
    warnings: list[int] = []
    idle.warning.connect(warnings.append)
    idle.start()
    clock.advance(50)
    with idle.pending("print"):
        with idle.pending("card"):
            clock.advance(300)
            idle.poll()
        clock.advance(300)
        idle.poll()
        assert idle.state == "paused"
    assert warnings == []
    clock.advance(59)
    idle.poll()
    assert warnings == []
    clock.advance(1)
    idle.poll()
    assert warnings == [30]


def test_a_device_task_holds_the_timer_until_it_ends(qapp: Any, qtbot: QtBot, clock: FakeClock) -> None:
    runner = TaskRunner()
    try:
        idle = IdleTimer(clock=clock)
        idle.start()
        gate = threading.Event()
        read = runner.bus("card_reader").submit(gate.wait, 5)
        idle.hold(read, "card")
        clock.advance(300)
        idle.poll()
        assert idle.state == "paused"
        gate.set()
        with qtbot.waitSignal(read.ended, timeout=5000):
            pass
        assert idle.state == "running"
        printing = runner.bus("printer").submit(gate.wait, 5)
        idle.hold(printing, "print")
        assert idle.state == "paused"
        printing.cancel()  # the screen went away: a cancelled task must not leave the timer paused
        assert idle.state == "running"
        clock.advance(60)
        idle.poll()
        assert idle.state == "warning"
    finally:
        runner.shutdown()


def test_activity_filter_and_countdown_panel_with_real_events(qapp: QApplication, qtbot: QtBot,
                                                             clock: FakeClock) -> None:
    idle = IdleTimer(clock=clock)
    activity = ActivityFilter(idle)
    qapp.installEventFilter(activity)
    try:
        panel = CountdownPanel()
        qtbot.addWidget(panel)
        panel.bind(idle)
        other = QPushButton("下一步")
        qtbot.addWidget(other)
        other.show()
        idle.start()
        clock.advance(45)
        qtbot.mouseClick(other, Qt.MouseButton.LeftButton)  # a real tap resets the period
        clock.advance(45)
        idle.poll()
        assert not panel.isVisible()
        clock.advance(15)
        idle.poll()
        assert panel.isVisible() and panel.figure.text() == "30 秒"
        clock.advance(10)
        idle.poll()
        assert panel.figure.text() == "20 秒"
        qtbot.mouseClick(panel.continue_button, Qt.MouseButton.LeftButton)
        assert idle.state == "running" and not panel.isVisible()
        ended: list[bool] = []
        panel.end_requested.connect(lambda: ended.append(True))
        clock.advance(60)
        idle.poll()
        clock.advance(1)
        qtbot.mouseClick(panel.end_button, Qt.MouseButton.LeftButton)
        assert ended == [True]
    finally:
        qapp.removeEventFilter(activity)


def test_the_real_timer_polls_by_itself(qapp: Any, qtbot: QtBot, clock: FakeClock) -> None:
    idle = IdleTimer(clock=clock, poll_ms=10)
    idle.start()
    clock.advance(61)
    with qtbot.waitSignal(idle.warning, timeout=2000):
        pass
    assert QEvent.Type.LanguageChange  # the module's Qt names import cleanly
