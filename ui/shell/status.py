"""The staff status strip (issue 10, section 3: always visible in staff mode).

Online or offline, records waiting to sync, the time of the last sync, the
printer and the card reader, who is logged in, training. The kiosk's status
is read on the store thread whenever the change feed reports a change (the
agent's sync bookkeeping is one); the devices' self-tests run on each device's
own thread on a slow timer, because a self-test talks to the hardware.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.rules.county_time import county_zone, local_time
from ui.context import AppContext
from ui.i18n import Retranslating, current_language
from ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSize,
    QSizePolicy,
    QTimer,
    QWidget,
    Signal,
)
from ui.tasks import Task
from ui.widgets.fitting import Fitting
from ui.widgets.guard import GuardedButton

if TYPE_CHECKING:
    from kiosk.app import ChangeBatch, Kiosk

DEVICE_POLL_MS = 30_000
WATCHED_DEVICES = ("printer", "card_reader")
FACT_COLUMNS = 4  # the widest row of facts: connection, waiting, last sync, training


@dataclass(frozen=True)
class SyncSummary:
    """What the strip shows of ``Kiosk.status()``."""

    online: bool
    waiting: int
    last_sync: dt.datetime | None
    problem: str  # the agent's last error when offline, as it wrote it (staff line, small)


def summarize(status: dict[str, Any]) -> SyncSummary:
    """Online means every feed's latest attempt succeeded: a success and no failure since."""
    feeds = list(status.get("feeds", {}).values())
    successes = [f["last_success"] for f in feeds if f.get("last_success")]
    failing = [f for f in feeds if f.get("consecutive_failures") or f.get("halted")]
    online = bool(feeds) and len(successes) == len(feeds) and not failing
    last = max(successes) if successes else None
    problem = ""
    if failing:
        problem = str(failing[0].get("last_error") or failing[0].get("last_error_code") or "")
    elif status.get("stopped"):
        problem = str(status["stopped"].get("reason") or "")
    return SyncSummary(online=online, waiting=int(status.get("outbox_pending", 0)),
                       last_sync=dt.datetime.fromisoformat(last) if last else None, problem=problem)


@dataclass(frozen=True)
class DeviceHealth:
    kind: str
    configured: bool
    ok: bool
    detail: str


def kiosk_status(kiosk: Kiosk) -> dict[str, Any]:
    return kiosk.status()


def _self_test(handle: Any) -> tuple[bool, str]:
    ok, detail = handle.self_test()
    return bool(ok), str(detail)


class StaffStatusStrip(Retranslating, Fitting, QFrame):
    """Visible in staff mode only (the main window decides); asks for sign-out and the technician screen."""

    sign_out_requested = Signal()
    technician_requested = Signal()
    _arranged = False  # set once the grid exists; Qt may send a font change before

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 device_poll_ms: int = DEVICE_POLL_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staff_status")
        self.setProperty("role", "panel")
        self.summary: SyncSummary | None = None
        self.devices: dict[str, DeviceHealth] = {}
        self._status_task: Task | None = None
        self._stale = False
        self._device_tasks: dict[str, Task] = {}
        self.connection = self._label("status_connection")
        self.waiting = self._label("status_waiting")
        self.last_sync = self._label("status_last_sync")
        self.printer = self._label("status_printer")
        self.reader = self._label("status_reader")
        self.who = self._label("status_who")
        self.training = self._label("status_training")
        self.training.setProperty("state", "warn")
        self.technician_button = GuardedButton()
        self.technician_button.setObjectName("status_technician")
        self.sign_out_button = GuardedButton()
        self.sign_out_button.setObjectName("status_sign_out")
        # Two rows of facts, the two buttons beside them at the right (fits 1280 px wide in large text)
        # or, where that row is too wide (a portrait panel), on a row of their own under the facts.
        self._grid = grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(16)  # a technician's name and role beside the training mark, in large text
        grid.setVerticalSpacing(4)
        self._facts = ((self.connection, self.waiting, self.last_sync, self.training),
                       (self.printer, self.reader, self.who))
        for row, labels in enumerate(self._facts):
            for column, label in enumerate(labels):
                grid.addWidget(label, row, column)
        grid.setColumnStretch(FACT_COLUMNS, 1)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(16)  # ux.md: 16 px between targets
        self._buttons.addStretch(1)
        for button in (self.technician_button, self.sign_out_button):
            # Never squeezed below their text (the theme's min-width alone would allow it).
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self._buttons.addWidget(button)
        self.buttons_below = True  # the arrangement ``fit`` replaces at once
        self._arrange(below=False)
        self._arranged = True
        self.technician_button.clicked.connect(self.technician_requested)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        ctx.changed.connect(self._on_changed)
        ctx.signed_in.connect(lambda _actor: self.retranslate())
        self._device_timer = QTimer(self)
        self._device_timer.setInterval(device_poll_ms)
        self._device_timer.timeout.connect(self.refresh_devices)
        self.retranslate()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        return label

    # -- arrangement ------------------------------------------------------------------------------

    def _facts_width(self) -> int:
        """The facts' rows as the grid lays them out: each column as wide as its widest shown label."""
        grid = self._grid
        widths = [0] * FACT_COLUMNS
        for labels in self._facts:
            for column, label in enumerate(labels):
                if not label.isHidden():
                    widths[column] = max(widths[column], label.sizeHint().width())
        used = [w for w in widths if w]
        return sum(used) + grid.horizontalSpacing() * max(0, len(used) - 1)

    def _buttons_width(self) -> int:
        buttons = (self.technician_button, self.sign_out_button)
        return sum(b.sizeHint().width() for b in buttons) + self._buttons.spacing() * (len(buttons) - 1)

    def _room(self) -> int:
        margins = self._grid.contentsMargins()
        return self.width() - margins.left() - margins.right()

    def fit(self) -> None:
        """The buttons beside the facts where the row fits, else under them (a narrow panel)."""
        if not self._arranged:
            return
        beside = self._facts_width() + self._grid.horizontalSpacing() + self._buttons_width()
        self._arrange(below=beside > self._room())

    def _arrange(self, *, below: bool) -> None:
        if below == self.buttons_below:
            return
        self.buttons_below = below
        self._grid.removeItem(self._buttons)
        if below:
            self._grid.addLayout(self._buttons, len(self._facts), 0, 1, FACT_COLUMNS + 1)
        else:
            self._grid.addLayout(self._buttons, 0, FACT_COLUMNS + 1, len(self._facts), 1)
        # Arranged inside the window's layout pass (a resize), which would keep the old height.
        self._grid.invalidate()
        self.updateGeometry()

    def narrowest(self) -> QSize | None:
        # The buttons under the facts: the wider of the two rows.
        if not self._arranged:
            return None
        margins = self._grid.contentsMargins()
        return QSize(max(self._facts_width(), self._buttons_width()) + margins.left() + margins.right(), 0)

    # -- refreshing ----------------------------------------------------------------------------

    def start(self) -> None:
        """Read everything now and keep the devices refreshed (call when staff mode begins)."""
        self.refresh_status()
        self.refresh_devices()
        self._device_timer.start()

    def stop(self) -> None:
        self._device_timer.stop()

    def _on_changed(self, batch: ChangeBatch) -> None:
        if self.isVisible():
            self.refresh_status()

    def refresh_status(self) -> None:
        """One status read at a time; a change during the read asks for one more after it."""
        if self._status_task is not None:
            self._stale = True
            return
        task = self.ctx.call(kiosk_status)
        task.succeeded.connect(self._on_status)
        task.ended.connect(self._status_ended)
        self._status_task = task

    def _status_ended(self) -> None:
        self._status_task = None
        if self._stale:
            self._stale = False
            self.refresh_status()

    def _on_status(self, status: dict[str, Any]) -> None:
        self.summary = summarize(status)
        self.retranslate()

    def refresh_devices(self) -> None:
        for kind in WATCHED_DEVICES:
            if kind in self._device_tasks:
                continue
            task = self.ctx.device(kind, _self_test)
            task.succeeded.connect(lambda result, k=kind: self._on_device(k, True, *result))
            task.failed.connect(lambda error, k=kind: self._on_device(k, False, False, str(error)))
            task.ended.connect(lambda k=kind: self._device_tasks.pop(k, None))
            self._device_tasks[kind] = task

    def _on_device(self, kind: str, configured: bool, ok: bool, detail: str) -> None:
        self.devices[kind] = DeviceHealth(kind, configured, ok, detail)
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        summary = self.summary
        if summary is None:
            self.connection.setText(self.tr("Sync: checking…"))
            self._state(self.connection, "")
        elif summary.online:
            self.connection.setText(self.tr("✓ Online"))
            self._state(self.connection, "ok")
        else:
            self.connection.setText(self.tr("✗ Offline"))
            self._state(self.connection, "warn")
        waiting = summary.waiting if summary else 0
        self.waiting.setText(self.tr("To sync: {count}").format(count=waiting))
        if summary is not None and summary.last_sync is not None:
            zone = county_zone(str(self.ctx.config["county"]["time_zone"]))
            shown = local_time(summary.last_sync, zone)
            self.last_sync.setText(self.tr("Last sync: {time}").format(time=f"{shown:%m-%d %H:%M}"))
        else:
            self.last_sync.setText(self.tr("Last sync: never"))
        self._device_text(self.printer, "printer", self.tr("Printer"))
        self._device_text(self.reader, "card_reader", self.tr("Reader"))
        actor = self.ctx.actor
        if actor is None:
            self.who.setText(self.tr("Nobody logged in"))
        else:
            # Imported here: the core's views are not needed before staff sign in (the app's first frame).
            from kiosk.views.staff import ROLE_NAMES

            # ROLE_NAMES are the roster's Chinese names; in English the role id reads better.
            role = ROLE_NAMES.get(actor.role, actor.role) if current_language() == "zh_CN" else actor.role
            self.who.setText(self.tr("{name} ({role})").format(
                name=self.ctx.actor_name or actor.id, role=role))
        self.training.setText(self.tr("Training"))
        self.training.setVisible(self.ctx.training)
        self.technician_button.setText(self.tr("Service"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.sign_out_button.setEnabled(actor is not None)
        self.fit()  # a longer name or the training mark may no longer leave room beside the buttons

    def _device_text(self, label: QLabel, kind: str, name: str) -> None:
        health = self.devices.get(kind)
        if health is None:
            label.setText(self.tr("{device}: checking…").format(device=name))
            self._state(label, "")
        elif not health.configured:
            label.setText(self.tr("{device}: not installed").format(device=name))
            self._state(label, "warn")
        elif health.ok:
            label.setText(self.tr("{device}: ✓ ready").format(device=name))
            self._state(label, "ok")
        else:
            label.setText(self.tr("{device}: ✗ fault").format(device=name))
            self._state(label, "error")

    def _state(self, label: QLabel, state: str) -> None:
        if label.property("state") != state:
            label.setProperty("state", state)
            label.style().unpolish(label)
            label.style().polish(label)
