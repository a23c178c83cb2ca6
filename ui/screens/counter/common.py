"""Pieces every counter screen shares: the refusal panel, the staff keypad, restyling.

Refusals come from the services as ``KioskError`` (``code``, English ``message``
and ``hint``) or, for the handover checks, as a ``Gate`` whose ``reason`` and
``next_action`` are Chinese. ``RefusalPanel`` words both in the current
language: what happened and what to do, in plain words, with the technical
code and the service's own text in a small staff line (ux.md "Voice and
privacy"). Refusals never dismiss themselves; the next action clears them.
"""

from __future__ import annotations

from hardware.devices import CardReaderDevice
from kiosk.errors import KioskError
from kiosk.services.gates import Gate
from ui.i18n import Retranslating, current_language
from ui.navigation import Navigator
from ui.qt import (QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMouseEvent, QPushButton, QSizePolicy,
                   QVBoxLayout, QWidget, Signal)
from ui.widgets.guard import GuardedButton, repeatable
from ui.widgets.pinyin import mark_keypad_field

STAFF_TARGET = 64  # ux.md: staff targets >= 64 px
STAFF_KEY = 80  # keypad keys a little larger than the minimum target: typed standing at a counter
CARD_SECONDS = 10.0  # one wait for an ID card on the reader, started by a tap


def read_id_card(device: CardReaderDevice, timeout: float = CARD_SECONDS) -> str:
    """The ID number on the card placed on the reader (card reader's own thread)."""
    with device.open() as reader:
        return str(reader.wait_for_card(timeout).id_number)


def restyle(widget: QWidget, **properties: str) -> None:
    """Set dynamic properties and re-polish (a property change alone does not restyle)."""
    for key, value in properties.items():
        widget.setProperty(key, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def wrapped(role: str = "", *, state: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    if state:
        label.setProperty("state", state)
    return label


def button(role: str = "", *, repeats: bool = False) -> QPushButton:
    """A staff button at least a staff target high: a second tap within 500 ms is ignored (ux.md),
    unless it ``repeats`` (a keypad's key, a page turn: tapped again at once on purpose)."""
    b = repeatable(QPushButton()) if repeats else GuardedButton()
    b.setMinimumHeight(STAFF_TARGET)
    if role:
        b.setProperty("role", role)
    return b


class RefusalPanel(Retranslating, QFrame):
    """What the services refused and what to do; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        self.error: KioskError | None = None
        self.gate: Gate | None = None
        self.other: BaseException | None = None
        # Brief: a refusal's staff line is its code alone (ux.md), where the panel stands in a narrow column.
        self.brief = False
        # The service's hint in the staff line too; off where the column is short and the words above say it.
        self.detail_hint = True
        self.message = wrapped(state="error")
        self.message.setObjectName("refusal_message")
        self.hint = wrapped()
        self.hint.setObjectName("refusal_hint")
        self.detail = wrapped("hint")
        self.detail.setObjectName("refusal_detail")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addWidget(self.detail)
        self.hide()

    @property
    def code(self) -> str:
        if self.gate is not None:
            return self.gate.code
        return self.error.code if self.error is not None else ""

    def show_error(self, error: BaseException, gate: Gate | None = None) -> None:
        """Show a refusal; ``gate`` (the failed check with this code, when known) words it precisely."""
        self.error = error if isinstance(error, KioskError) else None
        self.other = None if isinstance(error, KioskError) else error
        self.gate = gate if gate is not None and not gate.passed else None
        self.retranslate()
        self.show()

    def set_brief(self, brief: bool) -> None:
        self.brief = brief
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(*((16, 8, 16, 8) if brief else (24, 16, 24, 16)))
        self.retranslate()

    def clear(self) -> None:
        self.error = self.gate = self.other = None
        self.message.clear()
        self.hint.clear()
        self.detail.clear()
        self.hide()

    def texts(self) -> tuple[str, str]:
        """(what happened, what to do) in the current language."""
        chinese = current_language() != "en"
        if self.gate is not None:
            if chinese:
                return self.gate.reason, self.gate.next_action
            return self.gate.message or self.gate.reason, self.gate.hint or ""
        if self.error is not None:
            known = self._known().get(self.error.code)
            if known is not None:
                return known
            if chinese:
                return (self.tr("The kiosk refused this step."),
                        self.tr("Read the line below to the supervisor, or call the technician."))
            return self.error.message, self.error.hint or ""
        if self.other is not None:
            return (self.tr("The device or the kiosk did not answer."),
                    self.tr("Try again; if it happens again, call the technician."))
        return "", ""

    def retranslate(self) -> None:
        what, todo = self.texts()
        self.message.setText(what)
        self.hint.setText(todo)
        if self.error is not None:
            said = self.error if self.detail_hint else self.error.message
            self.detail.setText(f"[{self.error.code}]" if self.brief else f"[{self.error.code}] {said}")
        elif self.other is not None:
            self.detail.setText(f"[{type(self.other).__name__}] {self.other}")
        else:
            self.detail.setText(f"[{self.gate.code}]" if self.gate is not None else "")

    def _known(self) -> dict[str, tuple[str, str]]:
        """Plain words for the refusals a counter meets; the rest fall back to the service's text."""
        return {
            "wrong_pin": (self.tr("The PIN is wrong."),
                          self.tr("Type it again carefully: after several wrong PINs in a row the account is locked.")),
            "locked_out": (self.tr("This staff account is locked after repeated wrong PINs."),
                           self.tr("Wait until the lock ends, or ask a supervisor.")),
            "certificate_expired": (self.tr("Your work certification (持证上岗) has expired."),
                                    self.tr("Renew the certification first; ask a supervisor.")),
            "unknown_staff": (self.tr("There is no staff member with this number on this kiosk."),
                              self.tr("Check the number, or ask a supervisor to sync the roster.")),
            "inactive_staff": (self.tr("This staff account is deactivated."), self.tr("Ask a supervisor.")),
            "pin_not_set": (self.tr("This staff member has no PIN on this kiosk yet (added at another kiosk)."),
                            self.tr("Ask a supervisor to set your PIN here with Reset PIN.")),
            "unknown_card": (self.tr("This ID card is not on this kiosk's staff roster."),
                             self.tr("Log in with your staff number, or ask a supervisor to sync the roster.")),
            "buyer_card": (self.tr("This is a buyer's ID card, not a staff member's."),
                           self.tr("Use your own card or staff number.")),
            "idcard_no_card": (self.tr("No ID card was read."),
                               self.tr("Place the card flat on the reader and try again.")),
            "idcard_card_removed": (self.tr("The card was moved while it was being read."),
                                    self.tr("Place it again and hold it still.")),
            "not_permitted": (self.tr("Only a supervisor may do this."),
                              self.tr("Ask a supervisor to enter their staff number and PIN.")),
            "reason_required": (self.tr("A written reason is needed."),
                                self.tr("Write in a sentence why the case may proceed.")),
            "wrong_person": (self.tr("This person is not a holder of this unit."),
                             self.tr("Only the buyers on the contract, or their authorised agent, can take over "
                                "the unit.")),
            "no_authorisation": (self.tr("The agent's authorisation number is missing."),
                                 self.tr("Type the number of the notarised authorisation (授权委托书).")),
            "master_data_stale": (self.tr("The master data on this kiosk is too old to start a new handover."),
                                  self.tr("Connect the kiosk so it can sync, then start again.")),
            "handover_exists": (self.tr("This unit already has a handover in progress."),
                                self.tr("Continue that handover from the queue.")),
            "unsigned": (self.tr("Not every buyer has signed both papers."),
                         self.tr("Each buyer present signs the handover confirmation and the certificate receipt.")),
            "wrong_certificate": (self.tr("This certificate paper belongs to another case."),
                                  self.tr("Take the paper of this unit and scan it again.")),
            "wrong_serial": (self.tr("This is the wrong certificate paper for this unit."),
                             self.tr("Compare the serial with the registration and scan the right paper.")),
            "serial_used": (self.tr("This certificate serial is already used."),
                            self.tr("Check the paper; a spoiled paper is voided by a supervisor.")),
            "serial_not_on_hand": (self.tr("This certificate serial is not in this service point's stock."),
                                   self.tr("Check the serial, or ask a supervisor to record the stock.")),
            "stock_empty": (self.tr("There is no blank certificate paper in stock."),
                            self.tr("Ask a supervisor to record new stock, or bind a pre-printed certificate.")),
            "id_checksum": (self.tr("The ID number's last character does not match."),
                            self.tr("Compare the number with the ID card and type it again.")),
            "id_legacy15": (self.tr("An old 15-digit ID number cannot be used."),
                            self.tr("Ask for the current 18-digit ID card.")),
            "illegal_transition": (self.tr("This step cannot be done now."),
                                   self.tr("Go back to the queue and open the handover again.")),
        }


class StaffKeypad(Retranslating, QWidget):
    """Digits and the given extra keys (e.g. the letters of the roster's staff numbers), delete and clear.

    Keys type into whichever target the screen says; ``pressed`` carries the key.
    """

    pressed = Signal(str)

    def __init__(self, extra: str = "", parent: QWidget | None = None, *, key_px: int = STAFF_KEY,
                 columns: int = 3) -> None:
        super().__init__(parent)
        self.key_px = key_px
        self.columns = columns
        self.keys: dict[str, QPushButton] = {}
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        self.delete_key = button(repeats=True)
        self.clear_key = button("destructive", repeats=True)
        self.delete_key.clicked.connect(lambda: self.pressed.emit("<"))
        self.clear_key.clicked.connect(lambda: self.pressed.emit("CLEAR"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        layout.addSpacing(32)  # clear is destructive: apart from the keys
        # In a box of its own: the theme's min-width would win over the keys' own minimum width.
        self._side = QWidget()
        side = QVBoxLayout(self._side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.delete_key)
        side.addWidget(self.clear_key)
        side.addStretch(1)
        layout.addWidget(self._side)
        self.set_extra(extra)
        self.retranslate()

    def set_extra(self, extra: str) -> None:
        """Replace the extra keys after the digits (the digit keys stay the same widgets)."""
        for char in [c for c in self.keys if not c.isdigit()]:
            key = self.keys.pop(char)
            self._grid.removeWidget(key)
            key.deleteLater()
        digits = "1234567890"
        for n, char in enumerate(digits + "".join(c for c in dict.fromkeys(extra) if not c.isdigit())):
            if char in self.keys:
                continue
            key = button("key", repeats=True)
            key.setText(char)
            key.setMinimumSize(self.key_px, self.key_px)
            key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            key.clicked.connect(lambda _=False, c=char: self.pressed.emit(c))
            self.keys[char] = key
            self._grid.addWidget(key, n // self.columns, n % self.columns)
        self._side.setMinimumWidth(STAFF_KEY * 2)
        for key in (self.delete_key, self.clear_key):
            key.setMinimumSize(STAFF_KEY * 2, self.key_px)

    def retranslate(self) -> None:
        self.delete_key.setText(self.tr("Delete"))
        self.clear_key.setText(self.tr("Clear"))


def apply_key(text: str, key: str, limit: int = 32) -> str:
    """``text`` after pressing ``key`` on a ``StaffKeypad``."""
    if key == "<":
        return text[:-1]
    if key == "CLEAR":
        return ""
    return (text + key)[:limit]


def navigator_of(widget: QWidget) -> Navigator | None:
    """The navigator that holds ``widget`` (screens are its pages), or None outside one."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, Navigator):
        parent = parent.parentWidget()
    return parent


def go(widget: QWidget, name: str, **args: object) -> None:
    nav = navigator_of(widget)
    if nav is not None:
        nav.go(name, **args)


class TapField(QLineEdit):
    """A line edit the keypad types into once tapped (a wedge scanner or keyboard types too)."""

    tapped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_keypad_field(self)  # the keypad types here, never the Pinyin keyboard

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self.tapped.emit()
        super().mousePressEvent(event)
