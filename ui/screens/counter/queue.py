"""The counter's work list: cases ready, in a handover, blocked by reason, delivered (counted).

Search by a unit code (or a part of one), a certificate number (or a part) or a
buyer's ID number: typed on the keypad, or scanned (a wedge scanner types into
the field; the scan button reads the serial scan engine). The list pages with
visible buttons, never by swipe only. A ready case starts the handover; a case
in a handover continues it.
"""

from __future__ import annotations

from typing import Any

from kiosk.app import ChangeBatch, Kiosk
from kiosk.views.queue import Queue, QueueRow
from ui.context import AppContext
from ui.i18n import current_language
from ui.qt import (QBoxLayout, QFont, QFontMetrics, QFrame, QGridLayout, QHBoxLayout, QRect, QResizeEvent, QSizePolicy, Qt,
                   QVBoxLayout, QWidget, Signal)
from ui.screens.base import Screen
from ui.screens.counter.common import STAFF_TARGET, RefusalPanel, StaffKeypad, TapField, apply_key, button, go, wrapped
from ui.screens.counter.session import staff_session
from ui.tasks import Task

SCAN_SECONDS = 8.0
ROW_SPACING = 12
LINE_SPACING = 4
ACTION_WIDTH = 240  # the column of the rows' start and continue buttons
SIDE_WIDTH = 500  # the search column: four 64 px keys, and delete and clear beside them
WIDGET_SIZE_MAX = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX: no maximum


def read_scan(device: Any, timeout: float = SCAN_SECONDS) -> str:
    """One code from the serial scan engine (runs on the scanner's own thread)."""
    with device.open() as scanner:
        return str(scanner.read_scan(timeout=timeout))


def load_queue(kiosk: Kiosk, search: str, training: bool) -> Queue:
    return kiosk.queue(search or None, include_training=training)


class RowsBox(QFrame):
    """The list's area: it takes the height left over (its rows never ask for more), and says when
    that height changed, so a page holds what fits on this panel in this text size."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.resized.emit()


class Measure:
    """The height an entry of the list takes at the list's width in the current style, measured as
    the snapshots' text check measures it (so a page never holds more than is seen whole)."""

    def __init__(self, screen: QueueScreen, action: str) -> None:
        self.width = max(1, screen.rows_box.width())
        self.body = self.font_of(screen, "")
        self.heading = self.font_of(screen, "heading")
        probe_button = button("primary")
        probe_button.setParent(screen)
        probe_button.setText(action)
        probe_button.ensurePolished()
        hint = probe_button.sizeHint()
        probe_button.deleteLater()
        self.action_height = hint.height()
        self.text_width = max(1, self.width - max(ACTION_WIDTH, hint.width()) - ROW_SPACING)

    @staticmethod
    def font_of(screen: QWidget, role: str) -> QFont:
        """A label's font in this role as the style sheet sets it."""
        probe = wrapped(role)
        probe.setParent(screen)
        probe.ensurePolished()
        font = probe.font()
        probe.deleteLater()
        return font

    def height(self, kind: str, texts: tuple[str, str, str]) -> int:
        first, second, third = texts
        if kind == "heading":
            return self.text(first, self.heading, self.width)
        top = self.text(first, self.body, self.width) + LINE_SPACING
        if kind == "blocked":
            return top + self.text(second, self.body, self.width) + LINE_SPACING + self.text(third, self.body, self.width)
        return top + max(self.action_height, self.text(second, self.body, self.text_width))

    @staticmethod
    def text(text: str, font: QFont, width: int) -> int:
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), flags, text).height()


class QueueScreen(Screen):
    """``queue``: enter(search: str = '') shows the work list (a logged-in session is expected)."""

    name = "queue"
    audience = "staff"
    holds_personal_data = True  # masked names and ID numbers, and a searched ID number
    idle_seconds = 180  # ux.md: staff mode locks after 180 s idle (the shell locks and ends the session)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session = staff_session(ctx)
        self.queue: Queue | None = None
        self.page = 0
        self._task: Task | None = None
        self._scan: Task | None = None
        self.summary = wrapped()
        self.summary.setObjectName("queue_summary")
        self.search = TapField()
        self.search.setObjectName("queue_search")
        self.search.setMinimumHeight(64)
        self.search.returnPressed.connect(self.run_search)
        self.search_button = button("primary")
        self.search_button.setObjectName("search")
        self.search_button.clicked.connect(self.run_search)
        self.scan_button = button()
        self.scan_button.setObjectName("scan")
        self.scan_button.clicked.connect(self.scan)
        # Shown only while a search narrows the list.
        self.show_all = button()
        self.show_all.setObjectName("show_all")
        self.show_all.clicked.connect(self.clear_search)
        self.show_all.hide()
        self.office_button = button()
        self.office_button.setObjectName("back_office")
        self.office_button.clicked.connect(lambda: go(self, "office"))
        # Four keys a row (three rows, not four) and the smallest staff target (64 px): the search,
        # the keypad and the list share a 1280x800 panel with the shell's header and status strip.
        self.keypad = StaffKeypad("X", key_px=STAFF_TARGET, columns=4)
        self.keypad.pressed.connect(self._key)
        self.refusal = RefusalPanel()
        self.rows = QGridLayout()
        self.rows.setSpacing(ROW_SPACING)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setColumnMinimumWidth(2, 240)
        self.rows.setColumnStretch(0, 1)
        self.rows_box = RowsBox()
        self.rows_box.setObjectName("queue_rows")
        self.rows_box.setLayout(self.rows)
        self.rows_box.resized.connect(self._rows_resized)
        # Page buttons are repeatable: two quick taps turn two pages (not a double submit).
        self.prev_button = button(repeats=True)
        self.prev_button.setObjectName("prev_page")
        self.next_button = button(repeats=True)
        self.next_button.setObjectName("next_page")
        self.page_label = wrapped()
        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.row_buttons: dict[str, Any] = {}
        self._starts: list[int] = [0]

        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(16)
        side.addWidget(self.search)
        tools = QHBoxLayout()
        tools.setSpacing(16)
        tools.addWidget(self.search_button, 1)
        tools.addWidget(self.scan_button)
        side.addLayout(tools)
        side.addWidget(self.keypad)
        side.addStretch(1)
        pager = QHBoxLayout()
        pager.setSpacing(16)
        pager.addWidget(self.prev_button)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next_button)
        found = QHBoxLayout()
        found.setSpacing(16)
        found.addWidget(self.summary, 1)
        found.addWidget(self.show_all)
        found.addWidget(self.office_button)
        main = QVBoxLayout()
        main.setSpacing(16)
        main.addLayout(found)
        main.addWidget(self.refusal)
        main.addWidget(self.rows_box, 1)
        main.addLayout(pager)
        # The search in a column beside the list on a landscape panel; under the list, as wide as it, on a
        # portrait one (beside it, the list had 400 px left and its ID numbers did not fit).
        self.body = body = QBoxLayout(QBoxLayout.Direction.RightToLeft)
        body.setSpacing(48)
        self.side_box = side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(SIDE_WIDTH)
        body.addWidget(side_box)
        body.addLayout(main, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.addLayout(body, 1)
        self.retranslate()

    def on_panel_turned(self, portrait: bool) -> None:
        body = QBoxLayout.Direction.BottomToTop if portrait else QBoxLayout.Direction.RightToLeft
        if self.body.direction() != body:
            self.body.setDirection(body)
            if portrait:
                self.side_box.setMinimumWidth(0)
                self.side_box.setMaximumWidth(WIDGET_SIZE_MAX)
            else:
                self.side_box.setFixedWidth(SIDE_WIDTH)

    # -- moments ----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.search.setText(str(args.get("search", "")))
        self.page = 0
        self.load()

    def leave(self) -> None:
        for task in (self._task, self._scan):
            if task is not None:
                task.cancel()
        self._task = self._scan = None
        self.search.clear()
        self.queue = None
        self.refusal.clear()
        self._fill()

    def subjects(self) -> set[str] | None:
        return None  # any case may become ready or blocked

    def refresh(self, batch: ChangeBatch) -> None:
        self.load()

    def retranslate(self) -> None:
        self.search_button.setText(self.tr("Search"))
        self.scan_button.setText(self.tr("Scan a code"))
        self.show_all.setText(self.tr("Show all"))
        self.office_button.setText(self.tr("Back office"))
        self.prev_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.search.setPlaceholderText(self.tr("Unit code, certificate or ID number"))
        self._fill()

    # -- search -----------------------------------------------------------------------------

    def _key(self, key: str) -> None:
        self.search.setText(apply_key(self.search.text(), key, 40))

    def run_search(self) -> None:
        self.page = 0
        self.load()

    def clear_search(self) -> None:
        self.search.clear()
        self.run_search()

    def scan(self) -> None:
        self.refusal.clear()
        self.scan_button.setEnabled(False)
        task = self.ctx.device("scanner", read_scan)
        task.succeeded.connect(self._scanned)
        task.failed.connect(self._scan_failed)
        self._scan = task

    def _scanned(self, text: str) -> None:
        self._scan = None
        self.scan_button.setEnabled(True)
        self.search.setText(text.strip())
        self.run_search()

    def _scan_failed(self, error: BaseException) -> None:
        self._scan = None
        self.scan_button.setEnabled(True)
        self.refusal.show_error(error)

    def load(self) -> None:
        if self._task is not None:
            self._task.cancel()
        task = self.ctx.call(load_queue, self.search.text().strip(), self.ctx.training)
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._failed)
        self._task = task

    def _loaded(self, queue: Queue) -> None:
        self._task = None
        self.queue = queue
        self.refusal.clear()
        self._fill()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.refusal.show_error(error)

    # -- the list ---------------------------------------------------------------------------

    def entries(self) -> list[tuple[str, QueueRow | None, str]]:
        """(kind, row, heading) in the order shown: ready, in handover, then each blocked group."""
        q = self.queue
        if q is None:
            return []
        out: list[tuple[str, QueueRow | None, str]] = []
        if q.ready:
            out.append(("heading", None, self.tr("Ready for handover ({n})").format(n=len(q.ready))))
            out += [("ready", r, "") for r in q.ready]
        if q.in_handover:
            out.append(("heading", None, self.tr("In a handover ({n})").format(n=len(q.in_handover))))
            out += [("busy", r, "") for r in q.in_handover]
        for group in q.blocked:
            label = group.label if self._chinese() else self._check_name(group.check)
            out.append(("heading", None, self.tr("Blocked: {label} ({n})").format(label=label, n=len(group.rows))))
            out += [("blocked", r, "") for r in group.rows]
        return out

    def _check_name(self, check: str) -> str:
        names = {
            "project_not_eligible": self.tr("project not yet registered"),
            "contract_not_filed": self.tr("contract not filed"),
            "unpaid": self.tr("payment not confirmed"),
            "not_registered": self.tr("not registered (no certificate number)"),
            "developer_restricted": self.tr("developer restricted"),
            "keys_not_ready": self.tr("keys not ready"),
            "holder_missing": self.tr("holders missing"),
        }
        return names.get(check, check)

    def _chinese(self) -> bool:
        return current_language() != "en"

    def pages(self) -> int:
        return len(self._starts)

    def page_entries(self, page: int) -> list[tuple[str, QueueRow | None, str]]:
        entries = self.entries()
        starts = self._starts + [len(entries)]
        return entries[starts[page]:starts[page + 1]]

    def show_page(self, page: int) -> None:
        self.page = max(0, min(page, self.pages() - 1))
        self._fill()

    def _rows_resized(self) -> None:
        first = self._starts[self.page] if self.page < len(self._starts) else 0
        starts = self._paginate()
        if starts != self._starts:
            self._starts = starts
            self.page = max(n for n, s in enumerate(starts) if s <= first)
            self._fill(paginate=False)

    def _paginate(self) -> list[int]:
        """Where each page starts: as many entries as the list's area holds, a heading never last."""
        entries = self.entries()
        room = self.rows_box.height()
        measure = Measure(self, self.tr("Continue handover"))
        heights = [measure.height(kind, self._row_texts(kind, row) if row else (heading, "", ""))
                   for kind, row, heading in entries]
        # A heading and its first row are one block: a heading is never the last line of a page.
        blocks: list[tuple[int, int]] = []
        n = 0
        while n < len(entries):
            if entries[n][0] == "heading" and n + 1 < len(entries):
                blocks.append((n, heights[n] + ROW_SPACING + heights[n + 1]))
                blocks.append((n + 1, -1))
                n += 2
            else:
                blocks.append((n, heights[n]))
                n += 1
        starts = [0]
        used = 0
        for n, height in blocks:
            if height < 0:
                continue  # the row is in its heading's block
            if used and used + ROW_SPACING + height > room:
                starts.append(n)
                used = 0
            used += height + (ROW_SPACING if used else 0)
        return starts

    def _row_texts(self, kind: str, row: QueueRow) -> tuple[str, str, str]:
        """(unit code, place and holders, why it is blocked) as shown."""
        details = f"{row.project_name} {row.building}-{row.room}  {'、'.join(row.holders)}"
        if kind != "blocked":
            return row.unit_code, details, ""
        # The case's own words, with the specifics (which item is unpaid), in the language shown.
        if self._chinese():
            return row.unit_code, details, f"{row.reason} → {row.next_action}"
        return row.unit_code, details, f"{row.message} → {row.hint}" if row.hint else row.message

    def _fill(self, paginate: bool = True) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for n in range(self.rows.rowCount()):
            self.rows.setRowStretch(n, 0)
        self.row_buttons = {}
        q = self.queue
        self.show_all.setVisible(bool(q is not None and q.search))
        if q is None:
            self._starts = [0]
            self.summary.setText(self.tr("Loading the cases…") if self._task is not None else "")
            self.page_label.clear()
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        if paginate:
            self._starts = self._paginate()
        searched = self.tr("Search: {text}. ").format(text=q.search) if q.search else ""
        self.summary.setText(searched + self.tr(
            "{ready} ready, {busy} in a handover, {blocked} blocked, {delivered} delivered.").format(
            ready=len(q.ready), busy=len(q.in_handover), blocked=sum(len(g.rows) for g in q.blocked),
            delivered=q.delivered))
        if not self.entries():
            empty = wrapped()
            empty.setText(self.tr("No case matches. Type at least 4 characters of a unit code or certificate "
                                  "number, or a whole ID number; or show all cases."))
            self.rows.addWidget(empty, 0, 0, 1, 3)
        self.page = min(self.page, self.pages() - 1)
        shown = self.page_entries(self.page)
        for n, (kind, row, heading) in enumerate(shown):
            if row is None:
                label = wrapped("heading")
                label.setText(heading)
                self.rows.addWidget(label, n, 0, 1, 3)
                continue
            self._row(n, kind, row)
        self.rows.setRowStretch(max(1, len(shown)), 1)
        self.page_label.setText(self.tr("Page {page} of {pages}").format(page=self.page + 1, pages=self.pages()))
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages() - 1)

    def _row(self, n: int, kind: str, row: QueueRow) -> None:
        """The unit code on a line of its own (it cannot wrap), the place and holders, then the
        reason a blocked case waits, or the button that opens the case."""
        code, details, reason = self._row_texts(kind, row)
        box = QWidget()
        lines = QVBoxLayout(box)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(LINE_SPACING)
        head = wrapped()
        head.setText(code)
        lines.addWidget(head)
        what = wrapped()
        what.setText(details)
        self.rows.addWidget(box, n, 0, 1, 3)
        if kind == "blocked":
            why = wrapped(state="warn")
            why.setText(reason)
            lines.addWidget(what)
            lines.addWidget(why)
            return
        act = button("primary" if kind == "ready" else "")
        act.setObjectName(f"open_{row.unit_code}")
        act.setText(self.tr("Start handover") if kind == "ready" else self.tr("Continue handover"))
        if kind == "ready":
            act.clicked.connect(lambda _=False, code=row.unit_code: go(self, "handover", unit_code=code))
        else:
            act.clicked.connect(lambda _=False, h=row.handover_id: go(self, "handover", handover_id=h))
        self.row_buttons[row.unit_code] = act
        # The theme's min-width wins over a button's own minimum: a column box keeps the buttons aligned.
        column = QWidget()
        column.setMinimumWidth(ACTION_WIDTH)
        holder = QVBoxLayout(column)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(act)
        holder.addStretch(1)
        act.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        beside = QHBoxLayout()
        beside.setContentsMargins(0, 0, 0, 0)
        beside.setSpacing(ROW_SPACING)
        beside.addWidget(what, 1)
        beside.addWidget(column)
        lines.addLayout(beside)
