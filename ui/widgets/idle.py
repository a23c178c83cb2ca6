"""Idle time-out for buyer screens (ux.md "Time", WCAG 2.2.1).

``IdleTimer`` watches for inactivity with an injectable monotonic clock: after
60 s (120 s on reading and signing screens) it warns and counts down 30 s; the
buyer may extend without limit; at zero it times out and the shell clears
every widget holding personal data and returns to the welcome screen. While a
card read, print or payment is pending the timer is paused: those operations
have their own time limits, and a buyer waiting on the printer is not idle.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ui.i18n import Retranslating
from ui.tasks import Task
from ui.qt import QEvent, QFrame, QHBoxLayout, QLabel, QObject, QTimer, QVBoxLayout, QWidget, Signal
from ui.widgets.guard import GuardedButton

IDLE_SECONDS = 60
READING_IDLE_SECONDS = 120
WARNING_SECONDS = 30
POLL_MS = 200


class IdleTimer(QObject):
    """States: ``stopped``, ``running``, ``warning``, ``paused``, ``timed_out``."""

    warning = Signal(int)  # the countdown starts: seconds left
    tick = Signal(int)  # seconds left, once per whole second during the warning
    extended = Signal()  # the warning ended because the buyer chose to continue
    timed_out = Signal()

    def __init__(self, parent: QObject | None = None, *, clock: Callable[[], float] = time.monotonic,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._clock = clock
        self.limit = IDLE_SECONDS
        self.state = "stopped"
        self._last_activity = clock()
        self._deadline = 0.0
        self._shown = -1
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)

    def start(self, limit: int = IDLE_SECONDS) -> None:
        """Start (or restart) watching, e.g. when a buyer screen is shown."""
        self.limit = limit
        self._last_activity = self._clock()
        self.state = "paused" if self._pending else "running"
        self._timer.start()

    def stop(self) -> None:
        """Stop watching, e.g. on the welcome screen or in staff mode."""
        self.state = "stopped"
        self._timer.stop()

    def activity(self) -> None:
        """A touch or key press. During the warning only ``extend`` counts:
        the countdown stays up until the buyer answers it."""
        if self.state == "running":
            self._last_activity = self._clock()

    def extend(self) -> None:
        """需要，继续办理: another full idle period, as often as the buyer wants."""
        if self.state == "warning":
            self.state = "running"
            self._last_activity = self._clock()
            self.extended.emit()

    def pause(self, operation: str) -> None:
        self._pending.add(operation)
        if self.state in ("running", "warning"):
            was_warning = self.state == "warning"
            self.state = "paused"
            if was_warning:
                self.extended.emit()

    def resume(self, operation: str) -> None:
        self._pending.discard(operation)
        if self.state == "paused" and not self._pending:
            self.state = "running"
            # The wait for the device was not idleness: the period starts afresh.
            self._last_activity = self._clock()

    def hold(self, task: Task, operation: str) -> None:
        """Pause until ``task`` (a card read, a print…) is delivered or cancelled."""
        self.pause(operation)
        task.ended.connect(lambda: self.resume(operation))

    @contextmanager
    def pending(self, operation: str) -> Iterator[None]:
        self.pause(operation)
        try:
            yield
        finally:
            self.resume(operation)

    def seconds_left(self) -> int:
        if self.state != "warning":
            return WARNING_SECONDS
        return max(0, math.ceil(self._deadline - self._clock()))

    def poll(self) -> None:
        now = self._clock()
        if self.state == "running" and now - self._last_activity >= self.limit:
            self.state = "warning"
            self._deadline = now + WARNING_SECONDS
            self._shown = WARNING_SECONDS
            self.warning.emit(WARNING_SECONDS)
        elif self.state == "warning":
            left = self.seconds_left()
            if left <= 0:
                self.state = "timed_out"
                self._timer.stop()
                self.timed_out.emit()
            elif left != self._shown:
                self._shown = left
                self.tick.emit(left)


class ActivityFilter(QObject):
    """App-wide event filter that reports every touch, click and key press to an IdleTimer."""

    ACTIVITY = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress,
                QEvent.Type.TabletPress)

    def __init__(self, idle: IdleTimer) -> None:
        super().__init__(idle)
        self._idle = idle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in self.ACTIVITY:
            self._idle.activity()
        return False


class CountdownPanel(Retranslating, QFrame):
    """The warning: a big countdown with 需要，继续办理 / 结束办理."""

    continue_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        self._seconds = WARNING_SECONDS
        self.question = QLabel()
        self.question.setProperty("role", "heading")
        self.figure = QLabel()
        self.figure.setProperty("role", "figure")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.continue_button = GuardedButton()
        self.continue_button.setProperty("role", "primary")
        self.end_button = GuardedButton()
        self.end_button.setProperty("role", "destructive")
        buttons = QHBoxLayout()
        buttons.addWidget(self.end_button)
        buttons.addSpacing(64)  # ux.md: >= 32 px between a destructive and a constructive action
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(24)
        layout.addWidget(self.question)
        layout.addWidget(self.figure)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        self.continue_button.clicked.connect(self.continue_requested)
        self.end_button.clicked.connect(self.end_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Do you need more time?"))
        self.continue_button.setText(self.tr("Yes, continue"))
        self.end_button.setText(self.tr("End session"))
        self.set_seconds(self._seconds)

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self.figure.setText(self.tr("{seconds} s").format(seconds=seconds))
        self.explanation.setText(self.tr(
            "If you do not answer, the session ends and your details are cleared from the screen."))

    def bind(self, idle: IdleTimer) -> None:
        """Show on the warning, follow the countdown, hide when it is answered."""
        idle.warning.connect(self._on_warning)
        idle.tick.connect(self.set_seconds)
        idle.extended.connect(self.hide)
        idle.timed_out.connect(self.hide)
        self.continue_requested.connect(idle.extend)

    def _on_warning(self, seconds: int) -> None:
        self.set_seconds(seconds)
        self.show()
        self.raise_()
