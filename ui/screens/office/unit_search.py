"""The unit search column the contract and payment screens share: a part of the unit code typed on the
staff keypad or scanned, and the units found as buttons.

The column (``UnitSearch``) collects the text, typed or read by the serial scan engine on the scanner's
own thread; the screen runs the search on the store thread (``find``) and hands the matches to
``UnitMatches``, which says ``chosen(unit_code)`` when one is tapped.
The keypad types into ``target``, the search field unless the screen points it at a field of its own.
"""

from __future__ import annotations

from kiosk.app import Kiosk
from kiosk.views.contracts import CONTRACT_STATE_NAMES, UnitMatch
from ui.context import AppContext
from ui.i18n import Retranslating, current_language
from ui.qt import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget, Signal
from ui.screens.counter.common import STAFF_TARGET, StaffKeypad, TapField, apply_key, button, wrapped
from ui.screens.counter.queue import read_scan
from ui.screens.office.listing import clear_layout
from ui.tasks import Task

SEARCH_WIDTH = 500  # four 64 px keys, and delete and clear beside them (as the counter's queue)


def find(kiosk: Kiosk, search: str, training: bool) -> tuple[UnitMatch, ...]:
    return kiosk.find_units(search, include_training=training)


class UnitSearch(Retranslating, QWidget):
    """Heading, search field, search and scan buttons, keypad: ``search(text)`` asked (typed, or
    scanned); ``scan_started`` and ``scan_failed(error)`` for the screen's refusal panel."""

    search = Signal(str)
    scan_started = Signal()
    scan_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._scan: Task | None = None
        self.heading = wrapped("heading")
        self.field = TapField()
        self.field.setObjectName("unit_search")
        self.field.setMinimumHeight(STAFF_TARGET)
        self.field.tapped.connect(lambda: self.type_into(self.field))
        self.field.returnPressed.connect(self._search)
        self.search_button = button("primary")
        self.search_button.setObjectName("search")
        self.search_button.clicked.connect(self._search)
        self.scan_button = button()
        self.scan_button.setObjectName("scan")
        self.scan_button.clicked.connect(self.scan)
        # '.' for amounts in yuan the screen may point the keypad at.
        self.keypad = StaffKeypad(".", key_px=STAFF_TARGET, columns=4)
        self.keypad.pressed.connect(self._key)
        self.target: QLineEdit = self.field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.heading)
        layout.addWidget(self.field)
        tools = QHBoxLayout()
        tools.setSpacing(16)
        tools.addWidget(self.search_button, 1)
        tools.addWidget(self.scan_button)
        layout.addLayout(tools)
        layout.addWidget(self.keypad)
        layout.addStretch(1)
        self.setFixedWidth(SEARCH_WIDTH)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Unit code (4 characters or more)"))
        self.search_button.setText(self.tr("Search"))
        self.scan_button.setText(self.tr("Scan"))

    def type_into(self, field: QLineEdit) -> None:
        self.target = field

    def scan(self) -> None:
        self.scan_started.emit()
        self.scan_button.setEnabled(False)
        self._scan = task = self.ctx.device("scanner", read_scan)
        task.succeeded.connect(self.scanned)
        task.failed.connect(self.scan_failed.emit)
        task.ended.connect(self._scan_ended)

    def cancel_scan(self) -> None:
        if self._scan is not None:
            self._scan.cancel()
        self._scan_ended()

    def _scan_ended(self) -> None:
        self._scan = None
        self.scan_button.setEnabled(True)

    def scanned(self, text: str) -> None:
        self.field.setText(text.strip())
        self._search()

    def _key(self, key: str) -> None:
        self.target.setText(apply_key(self.target.text(), key, 40))

    def _search(self) -> None:
        self.type_into(self.field)
        self.search.emit(self.field.text())


class UnitMatches(Retranslating, QWidget):
    """What a search found: a line saying so and one button per unit; ``chosen(unit_code)``."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: tuple[UnitMatch, ...] | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.line = wrapped()
        self.line.setObjectName("found_line")
        self._rows = QVBoxLayout()
        self._rows.setSpacing(12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addLayout(self._rows)
        layout.addStretch(1)
        self.retranslate()

    def show_matches(self, matches: tuple[UnitMatch, ...] | None) -> None:
        self.matches = matches
        self.retranslate()

    def retranslate(self) -> None:
        clear_layout(self._rows)
        self.buttons = {}
        if self.matches is None:
            self.line.setText(self.tr("Type or scan a unit code on the left."))
            return
        if not self.matches:
            self.line.setText(self.tr("No unit matches. Type at least 4 characters of the unit code."))
            return
        self.line.setText(self.tr("Units found: tap one to open it."))
        for m in self.matches:
            b = button()
            b.setObjectName(f"unit_{m.unit_code}")
            b.setText(f"{m.unit_code}  {m.project_name} {m.building}-{m.room}  ·  {self._state(m.contract_state)}")
            b.clicked.connect(lambda _=False, code=m.unit_code: self.chosen.emit(code))
            self.buttons[m.unit_code] = b
            self._rows.addWidget(b)

    def _state(self, state: str | None) -> str:
        if state is None:
            return self.tr("no contract yet")
        if current_language() != "en":
            return CONTRACT_STATE_NAMES.get(state, state)
        words = {"draft": self.tr("contract drafted"), "signed": self.tr("contract signed"),
                 "filed": self.tr("contract filed"), "superseded": self.tr("contract corrected"),
                 "discarded": self.tr("contract discarded")}
        return words.get(state, state)
