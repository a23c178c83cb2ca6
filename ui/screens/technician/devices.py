"""The technician's device addresses: each device's URI from ``kiosk.toml``, changed and saved back.

One field per device kind of ``[devices]`` (an empty field: the device is not fitted).
保存 writes only the changed keys into ``kiosk.toml`` (``Kiosk.set_devices``: comments and
other keys stay), after the device layer accepted every URI (``open_devices`` raises
``BadDeviceURI`` naming the key) and the configuration rules did; the app then uses the new
devices at once. A refusal names the device and leaves the file as it was.
"""

from __future__ import annotations

from typing import Any

from hardware.devices import Devices, open_devices
from kiosk.app import Kiosk
from kiosk.config import DEVICE_KINDS, Config
from kiosk.errors import ConfigError, KioskError, ValidationError
from ui.context import AppContext
from ui.qt import QBoxLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from ui.screens.base import turn
from ui.screens.technician.common import TechnicianScreen
from ui.screens.counter.common import STAFF_TARGET, button, go, wrapped
from ui.tasks import Task
from ui.widgets.guard import GuardedButton



def save(kiosk: Kiosk, uris: dict[str, str]) -> tuple[Config, Devices]:
    config = kiosk.set_devices(uris, check=open_devices)
    return config, open_devices(config)


class DevicesScreen(TechnicianScreen):
    """``technician_devices``: ``enter()``; only for a signed-in technician."""

    name = "technician_devices"
    audience = "technician"
    idle_seconds = 120  # ux.md: technician mode locks after 120 s

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._task: Task | None = None
        self._saved = False
        self._error: KioskError | None = None
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.explain = wrapped()
        self.denied = wrapped(state="error")
        self.denied.setObjectName("devices_denied")
        self.names: dict[str, QLabel] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.grid = grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(16)
        # Two devices a row: the five fields, the answer and the buttons fit a 1280x800 panel in large text.
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(2, 0)
        for n, kind in enumerate(DEVICE_KINDS):
            name = QLabel()
            field = QLineEdit()
            field.setObjectName(f"uri_{kind}")
            field.setMinimumHeight(STAFF_TARGET)
            field.textEdited.connect(self._edited)
            self.names[kind] = name
            self.fields[kind] = field
        self._place_fields(portrait=False)
        self.message = wrapped()
        self.message.setObjectName("devices_message")
        self.detail = wrapped("hint")
        self.detail.setObjectName("devices_detail")
        self.save_button = GuardedButton()
        self.save_button.setObjectName("devices_save")
        self.save_button.setProperty("role", "primary")
        self.save_button.setMinimumHeight(STAFF_TARGET)
        self.save_button.clicked.connect(self.save)
        self.undo_button = button()
        self.undo_button.setObjectName("devices_undo")
        self.undo_button.clicked.connect(self._fill)
        self.tests_button = button()
        self.tests_button.setObjectName("devices_tests")
        self.tests_button.clicked.connect(lambda: go(self, "technician_device_tests"))
        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.save_button)
        actions.addWidget(self.undo_button)
        actions.addStretch(1)
        actions.addWidget(self.tests_button)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        body.addLayout(grid)
        body.addWidget(self.message)
        body.addWidget(self.detail)
        body.addStretch(1)
        body.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(16)
        # The explanation beside the title on a landscape panel, under it on a portrait one (beside it, it
        # wrapped to a last line of one character at 1080 px).
        self.top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(48)
        top.addWidget(self.title)
        top.addWidget(self.explain, 1)
        layout.addLayout(top)
        layout.addWidget(self.denied)
        layout.addWidget(self.body, 1)
        self.retranslate()

    def _place_fields(self, *, portrait: bool) -> None:
        # Two devices a row on a landscape panel; one a row on a portrait one, where two left each field
        # a third of the width for a URI and the page's height unused.
        for n, kind in enumerate(DEVICE_KINDS):
            row, column = (n, 0) if portrait else (n // 2, (n % 2) * 2)
            for widget in (self.names[kind], self.fields[kind]):
                self.grid.removeWidget(widget)
            self.grid.addWidget(self.names[kind], row, column)
            self.grid.addWidget(self.fields[kind], row, column + 1)
        self.grid.setColumnStretch(3, 0 if portrait else 1)

    def on_panel_turned(self, portrait: bool) -> None:
        self.top.setSpacing(8 if portrait else 48)
        turn(portrait, across=(self.top,))
        self._place_fields(portrait=portrait)

    def enter(self, **args: Any) -> None:
        self.leave()
        allowed = self.admit()
        self.explain.setVisible(allowed)
        if allowed:
            self._fill()

    def leave(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self._saved = False
        self._error = None
        for field in self.fields.values():
            field.clear()
        self.retranslate()

    def _fill(self) -> None:
        """The URIs as ``kiosk.toml`` has them now (relative ``sim://`` paths as written)."""
        devices = self.ctx.config["devices"]
        for kind, field in self.fields.items():
            field.setText(str(devices[kind]))
        self._saved = False
        self._error = None
        self.retranslate()

    def _edited(self, _text: str) -> None:
        self._saved = False
        self.retranslate()

    def changed(self) -> dict[str, str]:
        devices = self.ctx.config["devices"]
        return {kind: field.text().strip() for kind, field in self.fields.items()
                if field.text().strip() != str(devices[kind])}

    def save(self) -> None:
        uris = self.changed()
        if self.technician is None or not uris or self._task is not None:
            return
        self._error = None
        self._task = self.ctx.call(save, uris)
        self._task.succeeded.connect(self._done)
        self._task.failed.connect(self._refused)
        self._task.ended.connect(self._ended)
        self.retranslate()

    def _ended(self) -> None:
        self._task = None
        self.retranslate()

    def _done(self, answer: tuple[Config, Devices]) -> None:
        _config, devices = answer
        self.ctx.devices = devices
        self._fill()
        self._saved = True
        self.retranslate()

    def _refused(self, error: object) -> None:
        self._saved = False
        self._error = error if isinstance(error, KioskError) else KioskError(str(error))
        self.retranslate()

    def _device_name(self, kind: str) -> str:
        return {"card_reader": self.tr("ID card reader"), "printer": self.tr("Receipt printer"),
                "camera": self.tr("Camera"), "scanner": self.tr("Code scanner"),
                "a4_printer": self.tr("A4 printer")}.get(kind, kind)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Device addresses"))
        self.explain.setText(self.tr("Each device's address as kiosk.toml holds it. Leave a field empty "
                                     "for a device that is not fitted; sim:// is the simulator."))
        self.denied.setText(self.tr("Only a technician can change the devices. "
                                    "Log in on the maintenance screen first."))
        for kind, name in self.names.items():
            name.setText(self._device_name(kind))
        self.save_button.setText(self.tr("Saving…") if self._task is not None else self.tr("Save to kiosk.toml"))
        self.save_button.setEnabled(self._task is None and bool(self.changed()))
        self.undo_button.setText(self.tr("Undo changes"))
        self.tests_button.setText(self.tr("Test the devices"))
        self.undo_button.setEnabled(bool(self.changed()))
        error = self._error
        if error is not None:
            field = getattr(error, "field", None) if isinstance(error, ValidationError) else None
            if field in self.fields:
                text = self.tr("✖ {device}: this address is not right. Correct it and save again.").format(
                    device=self._device_name(str(field)))
            elif isinstance(error, ConfigError):
                text = self.tr("✖ kiosk.toml would not accept this. Nothing was saved.")
            else:
                text = self.tr("✖ Nothing was saved. Try again; if it happens again, export the diagnostics.")
            self.message.setText(text)
            self.detail.setText(f"[{error.code}] {error}")
        elif self._saved:
            self.message.setText(self.tr("✔ Saved to kiosk.toml. The app uses these devices now."))
            self.detail.clear()
        else:
            self.message.clear()
            self.detail.clear()
        self.message.setProperty("state", "error" if error is not None else "ok" if self._saved else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(self.message.text()))
        self.detail.setVisible(bool(self.detail.text()))
