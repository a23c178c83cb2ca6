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
from ui.qt import QFrame, QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget
from ui.screens.base import Screen
from ui.screens.counter.common import STAFF_TARGET, RefusalPanel, StaffKeypad, TapField, apply_key, button, go, wrapped
from ui.screens.counter.session import staff_session
from ui.tasks import Task

PAGE_ROWS = 5
SCAN_SECONDS = 8.0


def read_scan(device: Any, timeout: float = SCAN_SECONDS) -> str:
    """One code from the serial scan engine (runs on the scanner's own thread)."""
    with device.open() as scanner:
        return str(scanner.read_scan(timeout=timeout))


def load_queue(kiosk: Kiosk, search: str, training: bool) -> Queue:
    return kiosk.queue(search or None, include_training=training)


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
        self.title = wrapped("title")
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
        self.show_all = button()
        self.show_all.setObjectName("show_all")
        self.show_all.clicked.connect(self.clear_search)
        # The smallest staff target (64 px) leaves the list and the search room on a 1280x800 panel.
        self.keypad = StaffKeypad("X", key_px=STAFF_TARGET)
        self.keypad.pressed.connect(self._key)
        self.search_hint = wrapped("hint")
        self.refusal = RefusalPanel()
        self.rows = QGridLayout()
        self.rows.setSpacing(12)
        self.rows.setColumnMinimumWidth(2, 240)
        self.rows.setColumnStretch(0, 1)
        rows_box = QFrame()
        rows_box.setObjectName("queue_rows")
        rows_box.setLayout(self.rows)
        self.prev_button = button()
        self.prev_button.setObjectName("prev_page")
        self.next_button = button()
        self.next_button.setObjectName("next_page")
        self.page_label = wrapped()
        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.logout_button = button("destructive")
        self.logout_button.setObjectName("logout")
        self.logout_button.clicked.connect(self.logout)
        self.row_buttons: dict[str, Any] = {}

        header = QHBoxLayout()
        header.setSpacing(16)
        header.addWidget(self.title, 1)
        header.addWidget(self.show_all)
        header.addSpacing(32)  # log out is destructive: apart from the list's own action
        header.addWidget(self.logout_button)
        side = QVBoxLayout()
        side.setSpacing(16)
        side.addWidget(self.search)
        side.addWidget(self.search_hint)
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
        main = QVBoxLayout()
        main.setSpacing(16)
        main.addWidget(self.summary)
        main.addWidget(self.refusal)
        main.addWidget(rows_box, 1)
        main.addLayout(pager)
        body = QHBoxLayout()
        body.setSpacing(48)
        body.addLayout(main, 1)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(460)
        body.addWidget(side_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 16, 48, 16)
        layout.setSpacing(16)
        layout.addLayout(header)
        layout.addLayout(body, 1)
        self.retranslate()

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
        self.title.setText(self.tr("Handover counter: cases"))
        self.search_button.setText(self.tr("Search"))
        self.scan_button.setText(self.tr("Scan a code"))
        self.show_all.setText(self.tr("Show all"))
        self.prev_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.logout_button.setText(self.tr("Log out"))
        self.search.setPlaceholderText(self.tr("Unit code, certificate or ID number"))
        self.search_hint.setText(self.tr("Type at least 4 characters of a unit code or certificate number, "
                                         "or a whole ID number."))
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

    def logout(self) -> None:
        self.session.end()
        go(self, "staff_login")

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
        return max(1, -(-len(self.entries()) // PAGE_ROWS))

    def show_page(self, page: int) -> None:
        self.page = max(0, min(page, self.pages() - 1))
        self._fill()

    def _fill(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.row_buttons = {}
        q = self.queue
        if q is None:
            self.summary.setText(self.tr("Loading the cases…") if self._task is not None else "")
            self.page_label.clear()
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        searched = self.tr("Search: {text}. ").format(text=q.search) if q.search else ""
        self.summary.setText(searched + self.tr(
            "{ready} ready, {busy} in a handover, {blocked} blocked, {delivered} delivered.").format(
            ready=len(q.ready), busy=len(q.in_handover), blocked=sum(len(g.rows) for g in q.blocked),
            delivered=q.delivered))
        entries = self.entries()
        if not entries:
            empty = wrapped()
            empty.setText(self.tr("No case matches. Check what was typed, or show all cases."))
            self.rows.addWidget(empty, 0, 0, 1, 3)
        self.page = min(self.page, self.pages() - 1)
        for n, (kind, row, heading) in enumerate(entries[self.page * PAGE_ROWS:(self.page + 1) * PAGE_ROWS]):
            if row is None:
                label = wrapped("heading")
                label.setText(heading)
                self.rows.addWidget(label, n, 0, 1, 3)
                continue
            self._row(n, kind, row)
        self.rows.setRowStretch(PAGE_ROWS, 1)
        self.page_label.setText(self.tr("Page {page} of {pages}").format(page=self.page + 1, pages=self.pages()))
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages() - 1)

    def _row(self, n: int, kind: str, row: QueueRow) -> None:
        where = f"{row.project_name} {row.building}-{row.room}"
        what = wrapped()
        what.setText(f"{row.unit_code}\n{where}  {'、'.join(row.holders)}")
        if kind == "blocked":
            box = QWidget()
            lines = QVBoxLayout(box)
            lines.setContentsMargins(0, 0, 0, 0)
            lines.setSpacing(4)
            why = wrapped(state="warn")
            # The case's own words (the view gives them in Chinese, with the specifics: which item is unpaid).
            why.setText(f"{row.reason} → {row.next_action}")
            lines.addWidget(what)
            lines.addWidget(why)
            self.rows.addWidget(box, n, 0, 1, 3)
            return
        self.rows.addWidget(what, n, 0, 1, 2)
        act = button("primary" if kind == "ready" else "")
        # The theme's min-width wins over setMinimumWidth; a wide column lets the button grow instead.
        act.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        act.setObjectName(f"open_{row.unit_code}")
        act.setText(self.tr("Start handover") if kind == "ready" else self.tr("Continue handover"))
        if kind == "ready":
            act.clicked.connect(lambda _=False, code=row.unit_code: go(self, "handover", unit_code=code))
        else:
            act.clicked.connect(lambda _=False, h=row.handover_id: go(self, "handover", handover_id=h))
        self.row_buttons[row.unit_code] = act
        self.rows.addWidget(act, n, 2)
