"""The unit search column the contract and payment screens share: a part of the unit code typed on the
staff keypad or scanned, and the units found as buttons.

The column (``UnitSearch``) collects the text, typed or read by the serial scan engine on the scanner's
own thread; the screen runs the search on the store thread (``find``) and hands the matches to
``UnitMatches``, which says ``chosen(unit_code)`` when one is tapped.
The keypad types into ``target``, the search field unless the screen points it at a field of its own.
``UnitCasework`` is the screen around them: the search, the unit opened, its store calls one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.app import Kiosk
from kiosk.views.contracts import CONTRACT_STATE_NAMES, UnitMatch
from ui.context import AppContext
from ui.i18n import Retranslating, current_language
from ui.qt import QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget, Signal
from ui.screens.counter.common import STAFF_TARGET, StaffKeypad, TapField, apply_key, button, wrapped
from ui.screens.counter.queue import read_scan
from ui.screens.office.common import Pager, RowsArea, clear_layout
from ui.screens.office.listing import OfficeBase, OfficeRefusal
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
        # Their own 64 px minimum without padding above and below: the column, under the payment
        # screen's tabs, fits a 1280x800 panel below the shell's header and staff strip.
        for b in (self.search_button, self.scan_button):
            b.setProperty("compact", "stacked")
        # '.' for amounts in yuan the screen may point the keypad at.
        self.keypad = StaffKeypad(".", key_px=STAFF_TARGET, columns=4)
        self.keypad.pressed.connect(self._key)
        self.target: QLineEdit = self.field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
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
    """What a search found: a line saying so, then one button the width of the column per unit, as many
    a page as its height holds, with previous and next page buttons when there are more; ``chosen(unit_code)``.

    A button says the unit's code on its first line (a 28-character code beside the rest is wider than
    the column beside the search at 1280x800), where the unit is and its contract on the second; when
    that is wider than the column, the contract on a third line, or a long project name on a line of
    its own."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: tuple[UnitMatch, ...] | None = None
        self.buttons: dict[str, QPushButton] = {}  # every match's, on the page shown or not
        self.line = wrapped()
        self.line.setObjectName("found_line")
        self.area = RowsArea()
        self.area.setObjectName("unit_matches")
        self.area.resized.connect(self._fit)
        self.pager = Pager(1)
        self.pager.moved.connect(self._show_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.line)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.pager)
        self.retranslate()

    def show_matches(self, matches: tuple[UnitMatch, ...] | None) -> None:
        self.matches = matches
        self.pager.page = 0
        self.retranslate()

    def retranslate(self) -> None:
        clear_layout(self.area.rows)
        self.buttons = {}
        if self.matches is None:
            self.line.setText(self.tr("Type or scan a unit code on the left."))
        elif not self.matches:
            self.line.setText(self.tr("No unit matches. Type at least 4 characters of the unit code."))
        else:
            self.line.setText(self.tr("Units found: tap one to open it."))
        for m in self.matches or ():
            b = button()
            b.setObjectName(f"unit_{m.unit_code}")
            # As wide as the column gives, never wider: ``_fit`` breaks its text to that width.
            b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, code=m.unit_code: self.chosen.emit(code))
            self.buttons[m.unit_code] = b
            self.area.rows.addWidget(b)
        self.area.rows.addStretch(1)
        self._fit()

    def _fit(self) -> None:
        """Each button's text broken to the column's width, as many buttons a page as its height holds."""
        width = self.area.width()
        for m in self.matches or ():
            b = self.buttons[m.unit_code]
            room, state = f"{m.building}-{m.room}", self._state(m.contract_state)
            # The fewest lines that fit, the code always whole on the first.
            for lines in ((f"{m.project_name} {room}  ·  {state}",), (f"{m.project_name} {room}", state),
                          (m.project_name, f"{room}  ·  {state}")):
                b.setText("\n".join((m.unit_code, *lines)))
                if b.sizeHint().width() <= width:
                    break
        tallest = max((max(STAFF_TARGET, b.sizeHint().height()) for b in self.buttons.values()), default=STAFF_TARGET)
        spacing = self.area.rows.spacing()
        self.pager.set_size(max(1, (self.area.height() + spacing) // (tallest + spacing)))
        self._show_page()

    def _show_page(self) -> None:
        shown = set(self.pager.of(list(self.buttons)))
        for code, b in self.buttons.items():
            b.setVisible(code in shown)

    def _state(self, state: str | None) -> str:
        if state is None:
            return self.tr("no contract yet")
        if current_language() != "en":
            return CONTRACT_STATE_NAMES.get(state, state)
        words = {"draft": self.tr("contract drafted"), "signed": self.tr("contract signed"),
                 "filed": self.tr("contract filed"), "superseded": self.tr("contract corrected"),
                 "discarded": self.tr("contract discarded")}
        return words.get(state, state)


class UnitCasework(OfficeBase):
    """A casework screen on one unit found by (a part of) its code: ``finder`` and its matches in
    ``found``; ``open_unit`` loads the unit with ``load_unit`` on the store thread. Store calls go one
    at a time through ``_call``: answers to ``_answered``, refusals to ``_failed``. A change from the
    feed reloads the open ``unit``, unless a call is running or the screen is ``waiting`` (a buyer
    signing, a supervisor typing)."""

    unit: Any
    _answered: Callable[[object], None]
    _reset: Callable[[], None]

    def __init__(self, ctx: AppContext, load_unit: Callable[[Kiosk, str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.load_unit = load_unit
        self._task: Task | None = None
        self.refusal = OfficeRefusal()
        self.refusal.set_brief(True)
        self.finder = UnitSearch(ctx)
        self.finder.search.connect(self.run_search)
        self.finder.scan_started.connect(self.refusal.clear)
        self.finder.scan_failed.connect(self.refusal.show_error)
        self.found = UnitMatches()
        self.found.chosen.connect(self.open_unit)

    def waiting(self) -> bool:
        return False

    def leave(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self.finder.cancel_scan()
        self._reset()

    def refresh(self, batch: Any) -> None:
        if self.unit is not None and self._task is None and not self.waiting():
            self._call(self.load_unit, self.unit.unit_code)

    def run_search(self, text: str) -> None:
        actor = self.actor
        self.refusal.clear()
        self._call(find, text, bool(actor and actor.training))

    def search_for(self, text: str) -> None:
        """As if ``text`` were typed in the search field and searched."""
        self.finder.field.setText(text)
        self.run_search(text)

    def open_unit(self, unit_code: str) -> None:
        self.refusal.clear()
        self._call(self.load_unit, unit_code)

    def _call(self, fn: Any, *args: Any) -> None:
        if self._task is not None:
            self._task.cancel()
        task = self.ctx.call(fn, *args)
        task.succeeded.connect(self._answered)
        task.failed.connect(self._failed)
        self._task = task

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.refusal.show_error(error)
