"""What the back office's sections share: the role check, the paged list, dates as staff read them.

``SectionScreen``: a back-office section behind a role (``roles``); anyone else sees ``denied``
(why, and what to do) and nothing of its ``body``. ``ListedSection``: one that lists a view loaded
on the store thread, reloaded when the change feed says something changed; ``tab_bar``: its lists. ``Pager``: lists page with visible buttons,
never by swipe only (ux.md); a page holds ``per_page`` rows, as many as ``RowsArea.fit`` finds room for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

from kiosk.services.staff import Actor
from ui.i18n import Retranslating
from ui.qt import (QBoxLayout, QEvent, QFontMetrics, QFrame, QHBoxLayout, QLabel, QLayout, QPushButton, QResizeEvent,
                   QSizePolicy, QVBoxLayout, QWidget, Signal)
from ui.screens.base import ACROSS, PanelTurning, Screen, turn
from ui.screens.counter.common import STAFF_TARGET, RefusalPanel, button, wrapped
from ui.tasks import Task
from ui.widgets.later import Later

T = TypeVar("T")


class SectionScreen(Screen):
    """A back-office section; subclasses build ``body`` and call ``admit()`` in ``enter``."""

    audience = "staff"
    idle_seconds = 180  # ux.md: staff mode locks after 180 s idle
    roles: ClassVar[frozenset[str]] = frozenset({"staff", "supervisor"})
    denied: QLabel
    body: QWidget

    def make_denied(self) -> QLabel:
        label = wrapped(state="warn")
        label.setObjectName("office_section_denied")
        return label

    @property
    def actor(self) -> Actor | None:
        actor = self.ctx.actor
        return actor if actor is not None and actor.role in self.roles else None

    @property
    def is_supervisor(self) -> bool:
        return self.actor is not None and self.actor.role == "supervisor"

    def admit(self) -> bool:
        """The body for an actor in ``roles``, the refusal for anyone else; whether admitted."""
        allowed = self.actor is not None
        if self.ctx.actor is None:
            self.denied.setText(self.tr_denied_nobody())
        elif not allowed:
            self.denied.setText(self.tr_denied_role())
        self.denied.setVisible(not allowed)
        self.body.setVisible(allowed)
        return allowed

    def tr_denied_nobody(self) -> str:
        return self.tr("Log in at the counter first; the back office is for signed-in staff.")

    def tr_denied_role(self) -> str:
        return self.tr("Only a supervisor may open this. Ask a supervisor to log in.")


class ListedSection(SectionScreen):
    """A section listing one view: ``fetch`` starts the store call, ``_loaded`` and ``_failed`` take its
    answer, ``_fill`` shows the page of ``pager`` that fits ``area``; ``done`` says what was done last.
    A change from the feed reloads the view, unless a task is running or ``waiting`` (a supervisor is
    answering the approval form, which a reload would close)."""

    view: Any
    _task: Task | None
    area: RowsArea
    pager: Pager
    done: QLabel
    fetch: Callable[[], Task]
    _loaded: Callable[[Any], None]
    _failed: Callable[[BaseException], None]
    _fill: Callable[[], None]

    def lay_out(self, head: QWidget | QLayout, *parts: QWidget | tuple[QWidget, int]) -> None:
        """The page: ``head`` (the title), ``denied``, then ``body`` with ``parts`` top down; a
        (widget, 1) part shares the height left over."""
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(12)
        for part in parts:
            widget, stretch = part if isinstance(part, tuple) else (part, 0)
            body.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(12)
        if isinstance(head, QLayout):
            layout.addLayout(head)
        else:
            layout.addWidget(head)
        layout.addWidget(self.denied)
        layout.addWidget(self.body, 1)

    def waiting(self) -> bool:
        return False

    def load(self) -> None:
        if self._task is not None:
            self._task.cancel()
        task = self.fetch()
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._failed)
        self._task = task

    def refresh(self, batch: Any) -> None:
        if self.actor is not None and self._task is None and not self.waiting():
            self.load()

    def _say(self, words: str) -> None:
        """What was done (shown until the next action)."""
        self.done.setText(words)
        self.done.setVisible(bool(words))

    def _area_resized(self) -> None:
        if self.view is not None and self.pager.set_size(self.area.fit()):
            self._fill()


class TabBar(PanelTurning, QWidget):
    """The tabs at the left, the section's own buttons (``own``) at the right; those under the tabs on a
    portrait panel, which is too narrow for both in English large text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QHBoxLayout()
        self.tabs.setSpacing(12)
        self.own = QHBoxLayout()
        self.own.setSpacing(12)
        self.own.addStretch(1)  # at the right, in a row of their own too
        self.rows = QBoxLayout(ACROSS, self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(12)
        self.rows.addLayout(self.tabs, 1)
        self.rows.addLayout(self.own)

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.rows,))


def tab_bar(modes: Iterable[str], prefix: str,
            choose: Callable[[str], None]) -> tuple[TabBar, QHBoxLayout, dict[str, QPushButton]]:
    """One checkable tab a list (``{prefix}_tab_{mode}``; the theme fills the one shown) at the left;
    the layout for the section's own buttons at the right."""
    tabs: dict[str, QPushButton] = {}
    bar = TabBar()
    for mode in modes:
        tab = button()
        tab.setObjectName(f"{prefix}_tab_{mode}")
        tab.setCheckable(True)
        tab.clicked.connect(lambda _=False, m=mode: choose(m))
        tabs[mode] = tab
        bar.tabs.addWidget(tab)
    bar.tabs.addStretch(1)
    return bar, bar.own, tabs


class Pager(Retranslating, QWidget):
    """Previous / next page buttons and "page n of m" for a list of ``per_page`` rows a page."""

    moved = Signal()

    def __init__(self, per_page: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.per_page = per_page
        self.page = 0
        self.count = 0
        self.listing = True  # whether the list it pages is shown (``show_for``)
        self.prev_button = button()
        self.prev_button.setObjectName("prev_page")
        self.next_button = button()
        self.next_button.setObjectName("next_page")
        self.label = wrapped()
        self.prev_button.clicked.connect(lambda: self.go(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go(self.page + 1))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.prev_button)
        row.addWidget(self.label, 1)
        row.addWidget(self.next_button)
        self.retranslate()

    @property
    def pages(self) -> int:
        """How many pages the last list given to ``of`` fills."""
        return max(1, -(-self.count // self.per_page))

    def of(self, items: list[T]) -> list[T]:
        """The rows of the current page (the count is taken from ``items``)."""
        self.count = len(items)
        self.page = max(0, min(self.page, self.pages - 1))
        self.retranslate()
        return items[self.page * self.per_page:(self.page + 1) * self.per_page]

    def set_size(self, per_page: int) -> bool:
        """Rows a page from now; the page shown keeps its first row. Whether the size changed."""
        if per_page == self.per_page:
            return False
        first = self.page * self.per_page
        self.per_page = max(1, per_page)
        self.page = first // self.per_page
        return True

    def show_for(self, listing: bool) -> None:
        """Shown with its list only (an approval or a form in the list's place hides both): a language
        switch retranslates the buttons and must not bring them back above the form."""
        self.listing = listing
        self.retranslate()

    def go(self, page: int) -> None:
        self.page = max(0, min(page, self.pages - 1))
        self.retranslate()
        self.moved.emit()

    def retranslate(self) -> None:
        self.prev_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.label.setText(self.tr("Page {page} of {pages}").format(page=self.page + 1, pages=self.pages))
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages - 1)
        self.setVisible(self.listing and self.pages > 1)


class RowsArea(QFrame):
    """Where a list's rows go: it takes the height left over (its rows never ask for more), and
    ``fit`` says how many rows of ``lines`` unwrapped lines beside a staff button hold there, in
    the fonts the style sheet sets now, so a page never holds more than this panel shows in this
    text size. ``resized`` when that height or the text size changed."""

    resized = Signal()
    SPACING = 8
    MARGINS = 2 * 6 + 2  # a row's top and bottom margins (``row_frame``) and its panel border

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(self.SPACING)
        # Said once the event loop is back: a screen refilling its rows on ``resized`` must not do
        # so while it is still adding rows (adding them can resize the area).
        self._schedule = Later(self, self.resized.emit)

    def row_height(self, lines: int) -> int:
        probe = wrapped()
        target = button()
        target.setText("X")
        for widget in (probe, target):
            widget.setParent(self)
            widget.ensurePolished()
        line = QFontMetrics(probe.font()).lineSpacing()
        # The style sheet's padding makes a staff button taller than STAFF_TARGET: a row sized for the
        # target alone cut its button's lower edge off (the roster at 1280x800).
        tallest = max(STAFF_TARGET, target.sizeHint().height())
        for widget in (probe, target):
            widget.deleteLater()
        # A line and a little: a wrapped label rounds its height up, and the lines have spacing.
        return max(tallest, lines * (line + 4)) + self.MARGINS

    def fit(self, lines: int = 2) -> int:
        """Rows a page (at least one)."""
        return max(1, (self.height() + self.SPACING) // (self.row_height(lines) + self.SPACING))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._schedule()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # Another text size or theme: once the whole window has its new fonts (a style sheet change
        # restyles widget after widget).
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._schedule()
        super().changeEvent(event)


def clear_layout(layout: QLayout) -> None:
    """Delete every widget in ``layout`` (a list rebuilt on each load)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            # Out of the window at once: a row waiting for deletion would still be drawn and measured.
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def beside(main: QLayout, *actions: QWidget, spacing: int) -> QBoxLayout:
    """A row: ``main`` taking the width left over, ``actions`` at its right; ``turn`` it (across) to stack
    the two on a portrait panel, where the actions keep to the right in a row of their own."""
    own = QHBoxLayout()
    own.setSpacing(spacing)
    own.addStretch(1)
    for action in actions:
        own.addWidget(action)
    row = QBoxLayout(ACROSS)
    row.setSpacing(spacing)
    row.addLayout(main, 1)
    row.addLayout(own)
    return row


def row_frame() -> tuple[QFrame, QVBoxLayout, QHBoxLayout]:
    """A list row: a panel with its lines stacked on the left and its buttons on the right."""
    frame = QFrame()
    frame.setProperty("role", "panel")
    row = QHBoxLayout(frame)
    row.setContentsMargins(16, 6, 16, 6)
    row.setSpacing(16)
    lines = QVBoxLayout()
    lines.setSpacing(2)
    row.addLayout(lines, 1)
    buttons = QHBoxLayout()
    buttons.setSpacing(12)
    row.addLayout(buttons)
    return frame, lines, buttons


def parse_day(text: str) -> dt.date | None:
    """A date typed on the keypad as YYYY-MM-DD (or YYYYMMDD); None when it is no date."""
    digits = text.replace("-", "").strip()
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


class OfficeRefusal(RefusalPanel):
    """The counter's refusal panel, with plain words for the back office's own refusals too."""

    def _known(self) -> dict[str, tuple[str, str]]:
        return {**super()._known(), **{
            "staff_exists": (self.tr("This staff number is already on the roster."),
                             self.tr("Choose another number, or reset that member's PIN.")),
            "bad_staff_id": (self.tr("A staff number is a capital letter then letters or digits, 2 to 16 in all."),
                             self.tr("Type it again, for example S010.")),
            "name_required": (self.tr("The name is missing."), self.tr("Write the staff member's name.")),
            "cert_already_expired": (self.tr("This certification has already expired."),
                                     self.tr("Only certified staff work at the kiosk: enter the renewed "
                                             "certification.")),
            "training_roster": (self.tr("Staff accounts are real: a training session does not change them."),
                                self.tr("End the training session and do this in a real one.")),
            "not_locked": (self.tr("This account is not locked."), self.tr("Nothing to unlock; the member may log in.")),
            "unknown_unit": (self.tr("There is no unit with this code on this kiosk."),
                             self.tr("Check the unit code, or wait for the master data to sync.")),
            "not_restricted": (self.tr("The developer of this unit is not restricted."),
                               self.tr("No override is needed; the case may proceed.")),
            "unknown_violation": (self.tr("Choose the kind of violation."), self.tr("Tap one of the kinds listed.")),
            "note_required": (self.tr("The violation is not described."),
                              self.tr("Write in a sentence what the developer did.")),
            "serial_known": (self.tr("A serial in this range is already in the stock book."),
                             self.tr("Check the first and last serial on the paper and type the range again.")),
            "bad_serial": (self.tr("The serial is not valid."),
                           self.tr("Type the serial exactly as printed on the paper.")),
            "bad_range": (self.tr("These two serials do not make a range."),
                          self.tr("Type the first and the last serial of the pack: same beginning, the last "
                                  "number after the first.")),
            "nothing_to_reprint": (self.tr("This unit has no certificate printed and not yet handed over."),
                                   self.tr("Only a bound certificate that is still at the counter is reprinted.")),
        }}
