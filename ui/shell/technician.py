"""The technician's way out of kiosk mode: staff id and PIN of a technician, then 退出.

Reached from the staff status strip (维护), so only someone who got past the
staff login sees it, and even then the app closes only for a technician's own
credential (design.md section 6: "no way out without a technician
credential"). Every refusal of the login says what happened and what to do.
"""

from __future__ import annotations

from typing import Any

from kiosk.errors import KioskError
from kiosk.services.staff import Actor
from ui.qt import QBoxLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget, Signal
from ui.screens.base import Screen
from ui.screens.counter.common import STAFF_TARGET, StaffKeypad, TapField, apply_key, go, restyle
from ui.screens.counter.login import PIN_LIMIT, roster_letters
from ui.tasks import Task
from ui.widgets.guard import GuardedButton

EXIT_ROLES = frozenset({"technician"})


class TechnicianScreen(Screen):
    """Technician login and the exit. ``enter()`` takes no arguments."""

    name = "technician"
    audience = "technician"
    holds_personal_data = True  # the PIN field
    idle_seconds = 120  # ux.md: technician mode locks after 120 s
    exit_requested = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.technician: Actor | None = None
        self._task: Task | None = None
        self._problem = ""
        self.title = QLabel()
        self.title.setObjectName("technician_title")
        self.title.setProperty("role", "title")
        self.explain = QLabel()
        self.explain.setObjectName("technician_explain")
        self.explain.setWordWrap(True)
        # Typed on the touchscreen's own keypad (a kiosk has no keyboard); a keyboard types too.
        self.staff_id = TapField()
        self.staff_id.setObjectName("technician_id")
        self.staff_id.setMinimumHeight(64)
        self.pin = TapField()
        self.pin.setObjectName("technician_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(PIN_LIMIT)
        self.pin.setMinimumHeight(64)
        self._field: QLineEdit = self.staff_id
        self.staff_id.tapped.connect(lambda: self._target(self.staff_id))
        self.pin.tapped.connect(lambda: self._target(self.pin))
        self.keypad = StaffKeypad(key_px=STAFF_TARGET, columns=4)
        self.keypad.setObjectName("technician_keypad")
        self.keypad.pressed.connect(self._key)
        self._letters: Task | None = None
        self.id_label = QLabel()
        self.pin_label = QLabel()
        self.login_button = GuardedButton()
        self.login_button.setObjectName("technician_login")
        self.login_button.setProperty("role", "primary")
        self.message = QLabel()
        self.message.setObjectName("technician_message")
        self.message.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("technician_code")
        self.code.setProperty("role", "hint")
        # The technician's own screens; the technician becomes the signed-in actor on the way there.
        self.diagnostics_button = GuardedButton()
        self.diagnostics_button.setObjectName("technician_diagnostics")
        self.diagnostics_button.setProperty("role", "primary")
        self.devices_button = GuardedButton()
        self.devices_button.setObjectName("technician_devices")
        self.enroll_button = GuardedButton()
        self.enroll_button.setObjectName("technician_enroll")
        self.decommission_button = GuardedButton()
        self.decommission_button.setObjectName("technician_decommission")
        self.exit_button = GuardedButton()
        self.exit_button.setObjectName("technician_exit")
        self.exit_button.setProperty("role", "destructive")
        form = QGridLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(16)
        form.addWidget(self.id_label, 0, 0)
        form.addWidget(self.staff_id, 0, 1)
        form.addWidget(self.pin_label, 1, 0)
        form.addWidget(self.pin, 1, 1)
        form.setColumnStretch(1, 1)
        screens = QHBoxLayout()
        screens.setSpacing(16)
        for action in (self.login_button, self.diagnostics_button, self.devices_button, self.enroll_button,
                       self.decommission_button):
            screens.addWidget(action)
        screens.addStretch(1)
        closing = QHBoxLayout()
        closing.addWidget(self.exit_button)
        closing.addStretch(1)
        # The technician's screens and the exit in one row on a landscape panel, the exit on a row of its
        # own on a portrait one (one row was wider than 1080 px in English large text).
        self.action_rows = actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        actions.setSpacing(0)
        actions.addLayout(screens)
        actions.addSpacing(32)  # ux.md: >= 32 px between the constructive and the destructive action
        actions.addLayout(closing, 1)
        self.left = left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self.explain)
        left.addLayout(form)
        left.addWidget(self.message)
        left.addWidget(self.code)
        left.addStretch(1)
        left.addLayout(actions)
        self.row = row = QHBoxLayout()
        row.setSpacing(48)
        row.addLayout(left, 1)
        row.addWidget(self.keypad)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)
        self.login_button.clicked.connect(self.log_in)
        self.pin.returnPressed.connect(self.log_in)
        self.exit_button.clicked.connect(self._exit)
        self.diagnostics_button.clicked.connect(lambda: self._open("technician_diagnostics"))
        self.devices_button.clicked.connect(lambda: self._open("technician_devices"))
        self.enroll_button.clicked.connect(lambda: self._open("technician_enroll"))
        self.decommission_button.clicked.connect(lambda: self._open("technician_decommission"))
        self.retranslate()
        self._show_state()

    def on_panel_turned(self, portrait: bool) -> None:
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        if self.action_rows.direction() == direction:
            return
        self.action_rows.setDirection(direction)
        # Portrait: the keypad under the fields it types into, at its own height (beside them its keys
        # stretched to the panel's height and left the fields 300 px).
        if portrait:
            self.row.removeWidget(self.keypad)
            self.left.insertWidget(self.left.indexOf(self.code) + 1, self.keypad)
        else:
            self.left.removeWidget(self.keypad)
            self.row.addWidget(self.keypad)

    def enter(self, **args: Any) -> None:
        self.leave()
        self._letters = self.ctx.call(roster_letters)
        self._letters.succeeded.connect(self.keypad.set_extra)

    def leave(self) -> None:
        for task in (self._task, self._letters):
            if task is not None:
                task.cancel()
        self._task = self._letters = None
        self.technician = None
        self.staff_id.clear()
        self.pin.clear()
        self._field = self.staff_id
        for f in (self.staff_id, self.pin):
            restyle(f, state="ok" if f is self._field else "")
        self._problem = ""
        self.code.clear()
        self.retranslate()
        self._show_state()

    def _target(self, field: QLineEdit) -> None:
        self._field = field
        for f in (self.staff_id, self.pin):
            restyle(f, state="ok" if f is field else "")
        self.retranslate()

    def _key(self, key: str) -> None:
        self._field.setText(apply_key(self._field.text(), key, PIN_LIMIT if self._field is self.pin else 16))

    def log_in(self) -> None:
        staff_id, pin = self.staff_id.text().strip().upper(), self.pin.text()
        if not staff_id or not pin:
            self._problem = "empty"
            self.retranslate()
            return
        self.login_button.setEnabled(False)
        self._task = self.ctx.call(lambda kiosk: kiosk.login(staff_id, pin).value)
        self._task.succeeded.connect(self._logged_in)
        self._task.failed.connect(self._refused)
        self._task.ended.connect(lambda: self.login_button.setEnabled(True))

    def _logged_in(self, actor: Actor) -> None:
        self._task = None
        self.pin.clear()
        if actor.role not in EXIT_ROLES:
            self._problem = "role"
            self.code.setText(f"role={actor.role}")
        else:
            self.technician = actor
            self._problem = ""
            self.code.clear()
        self.retranslate()
        self._show_state()

    def _refused(self, error: object) -> None:
        self._task = None
        self.pin.clear()
        # Anything but a refusal is the shell's to report (TaskRunner.task_failed).
        self._problem = error.code if isinstance(error, KioskError) else "other"
        self.code.setText(self._problem)
        self._target(self.pin)

    def _exit(self) -> None:
        if self.technician is not None:
            self.exit_requested.emit()

    def _open(self, screen: str) -> None:
        if self.technician is not None:
            self.ctx.sign_in(self.technician)
            go(self, screen)

    def _show_state(self) -> None:
        signed = self.technician is not None
        for widget in (self.staff_id, self.pin, self.id_label, self.pin_label, self.login_button, self.keypad):
            widget.setVisible(not signed)
        self.exit_button.setVisible(signed)
        self.diagnostics_button.setVisible(signed)
        self.devices_button.setVisible(signed)
        self.enroll_button.setVisible(signed)
        self.decommission_button.setVisible(signed)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Maintenance"))
        # The field the keypad types into is marked in words too, not by colour alone.
        self.id_label.setText(("▶ " if self._field is self.staff_id else "") + self.tr("Staff number"))
        self.pin_label.setText(("▶ " if self._field is self.pin else "") + self.tr("PIN"))
        self.login_button.setText(self.tr("Log in"))
        self.exit_button.setText(self.tr("Close the kiosk app"))
        self.diagnostics_button.setText(self.tr("Diagnostics"))
        self.devices_button.setText(self.tr("Devices"))
        self.enroll_button.setText(self.tr("Enroll"))
        self.decommission_button.setText(self.tr("Decommission"))
        if self.technician is not None:
            self.explain.setText(self.tr(
                "Closing the app leaves this terminal without its screens until it is started again."))
        else:
            self.explain.setText(self.tr("Only a technician can close the kiosk app. "
                                         "Log in with your own staff number and PIN."))
        self.message.setProperty("state", "error" if self._problem else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(self._problem_text())

    def _problem_text(self) -> str:
        texts = {
            "": "",
            "empty": self.tr("Enter your staff number and PIN, then tap Log in."),
            "role": self.tr("This account is not a technician's. Ask a technician to close the app."),
            "unknown_staff": self.tr("This staff number is not on this kiosk. Check the number and try again."),
            "wrong_pin": self.tr("The PIN is wrong. Try again; too many wrong PINs lock the account."),
            "locked_out": self.tr("This account is locked after wrong PINs. Wait, or ask a supervisor."),
            "certificate_expired": self.tr("This certification has expired. Renew it before working here."),
            "inactive_staff": self.tr("This account is deactivated. Ask a supervisor."),
        }
        return texts.get(self._problem, self.tr("Login refused. Ask a supervisor."))
