"""The technician's diagnostics: sync state, quarantine, recent log lines, self-test, export.

Reached from the maintenance screen once a technician logged in (the shell's
signed-in actor is that technician). Five sections behind one row of tabs, so
each fits a 1280x800 panel at staff sizes:

- 同步 (sync): enrollment, outbox backlog, each feed's last attempt, success and
  last error, and a stop of the agent (revoked device, broken trust);
- 隔离 (quarantine): the records the platform refused with their code and reason;
  one is marked dealt with by a written note (``maintenance.resolve_quarantined``);
- 日志 (log): the newest log lines of the app, the agent and the commands, a page at a time;
- 自检 (self-test): every configured device's self-test, each on its own device thread;
- 导出 (export): the diagnostics zip (``Kiosk.export_diagnostics``) onto a USB stick,
  with the self-test's answers.

Everything shown is read through ``Kiosk.diagnostics`` on the store thread; nothing
here is personal (the view scrubs what the platform wrote).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kiosk.app import ChangeBatch, Kiosk
from kiosk.config import DEVICE_KINDS
from kiosk.errors import KioskError
from kiosk.services.maintenance import resolve_quarantined
from kiosk.services.staff import Actor
from kiosk.views.diagnostics import DiagnosticsView, FeedRow, LogLine, QuarantineRow
from ui.context import AppContext
from ui.qt import (QFontMetrics, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMouseEvent, QPushButton,
                   QRect, QSizePolicy, QStackedWidget, Qt, QVBoxLayout, QWidget, Signal)
from ui.screens.technician.common import TechnicianScreen, whole_facts
from ui.screens.counter.common import STAFF_TARGET, RefusalPanel, button, restyle, wrapped
from ui.screens.counter.queue import RowsBox
from ui.tasks import Task
from ui.widgets.boxes import packed
from ui.widgets.guard import GuardedButton
from ui.widgets.media import MediaChooser

TAP_MARGIN = 8
TAP_BORDER = 2  # the theme's panel border
ROW_SPACING = 16
SECTIONS = ("sync", "quarantine", "log", "selftest", "export")
QUARANTINE_ROWS = 4  # at most on a page; fewer when they do not fit (panel size, large text)


def load(kiosk: Kiosk) -> DiagnosticsView:
    return kiosk.diagnostics()


def mark_dealt_with(kiosk: Kiosk, actor: Actor, record_id: str, note: str) -> None:
    kiosk.run(resolve_quarantined, actor, record_id, note)


def export(kiosk: Kiosk, folder: Path, selftest: list[dict[str, Any]]) -> Path:
    extra = {"selftest.json": json.dumps(selftest, ensure_ascii=False, indent=2) + "\n"}
    return kiosk.export_diagnostics(folder, extra)


def self_test(handle: Any) -> tuple[bool, str]:
    ok, detail = handle.self_test()
    return bool(ok), str(detail)


class TapRow(QFrame):
    """One listed record as a tap target of its own (at least a staff target high): tapping chooses it.

    A word-wrapped label in a panel: a button would not wrap a long reason.
    """

    tapped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        self.setMinimumHeight(STAFF_TARGET)
        self.label = wrapped()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(TAP_MARGIN, TAP_MARGIN, TAP_MARGIN, TAP_MARGIN)
        layout.addWidget(self.label)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.rect().contains(event.position().toPoint()):
            self.tapped.emit()
        super().mouseReleaseEvent(event)


class DiagnosticsScreen(TechnicianScreen):
    """``technician_diagnostics``: ``enter(section="sync")``; only for a signed-in technician."""

    name = "technician_diagnostics"
    audience = "technician"
    idle_seconds = 120  # ux.md: technician mode locks after 120 s

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: DiagnosticsView | None = None
        self.section = SECTIONS[0]
        self.selected = ""  # the quarantined record chosen to mark dealt with
        self.quarantine_page = 0
        self.per_page = 1  # quarantined records a page holds: as many as fit (``_fit_quarantine``)
        self.log_page = 0  # 0 = the newest lines
        self._log_split: list[tuple[int, int]] = []  # (start, end) of each page's lines, newest page first
        self.results: dict[str, tuple[bool, str]] = {}  # device kind -> self-test answer
        # What the screen shows of an answer: paths inside the data directory start with "…" (the
        # exported self-test keeps them whole).
        self._shown_details: dict[str, str] = {}
        self.exported: Path | None = None
        self._tasks: list[Task] = []
        self._testing: set[str] = set()
        self._export_waiting = False
        self._done = ""  # what just succeeded: "resolved" or "exported"
        self._problem: KioskError | None = None  # a refusal this screen words itself (PROBLEMS)
        self._resolving = False
        self._exporting = False

        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.summary = wrapped()
        self.summary.setObjectName("diagnostics_summary")
        self.denied = wrapped(state="error")
        self.denied.setObjectName("diagnostics_denied")
        self.tabs: dict[str, QPushButton] = {}
        self.tab_row = tabs = QHBoxLayout()
        tabs.setSpacing(16)
        for section in SECTIONS:
            tab = button()
            tab.setObjectName(f"tab_{section}")
            tab.setCheckable(True)  # the theme fills a checked button: the section shown
            tab.clicked.connect(lambda _=False, s=section: self.show_section(s))
            self.tabs[section] = tab
            tabs.addWidget(tab)
        tabs.addStretch(1)
        self.refresh_button = button()
        self.refresh_button.setObjectName("diagnostics_refresh")
        self.refresh_button.clicked.connect(self.load)
        tabs.addWidget(self.refresh_button)
        self.refusal = RefusalPanel()
        self.refusal.set_brief(True)
        self.done = wrapped(state="ok")
        self.done.setObjectName("diagnostics_done")
        self.problem = wrapped(state="error")
        self.problem.setObjectName("diagnostics_problem")
        self.pages = QStackedWidget()
        self.pages.addWidget(self._sync_page())
        self.pages.addWidget(self._quarantine_page())
        self.pages.addWidget(self._log_page())
        self.pages.addWidget(self._selftest_page())
        self.pages.addWidget(self._export_page())
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        body.addLayout(tabs)
        body.addWidget(self.refusal)
        body.addWidget(self.done)
        body.addWidget(self.problem)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(16)
        self.top = top = QHBoxLayout()
        top.setSpacing(48)
        top.addWidget(self.title)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        layout.addWidget(self.denied)
        layout.addWidget(self.body, 1)
        self.retranslate()

    def on_panel_turned(self, portrait: bool) -> None:
        # Refresh beside the title on a portrait panel: at the end of the tabs' row it left the row
        # 1 px short of 1080 px in English large text.
        if portrait == (self.top.indexOf(self.refresh_button) >= 0):
            return
        (self.tab_row if portrait else self.top).removeWidget(self.refresh_button)
        if portrait:
            self.top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        else:
            self.tab_row.addWidget(self.refresh_button)

    # -- the pages ---------------------------------------------------------------------------

    def _sync_page(self) -> QWidget:
        page = QWidget()
        self.sync_grid = QGridLayout()
        self.sync_grid.setHorizontalSpacing(24)
        self.sync_grid.setVerticalSpacing(8)
        self.sync_grid.setColumnStretch(1, 1)
        self.sync_labels: dict[tuple[str, str], QLabel] = {}
        self.sync_heads: dict[str, QLabel] = {}
        rows = ("enrollment", "backlog", "stopped", "push", "pull")
        for n, key in enumerate(rows):
            head = wrapped()
            value = wrapped()
            value.setObjectName(f"sync_{key}")
            self.sync_heads[key] = head
            self.sync_labels[(key, "value")] = value
            # A name level with its value's first line (centred, it stood beside the middle line of three).
            self.sync_grid.addWidget(head, n, 0, Qt.AlignmentFlag.AlignTop)
            self.sync_grid.addWidget(value, n, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.sync_grid)
        layout.addStretch(1)
        return page

    def _quarantine_page(self) -> QWidget:
        page = QWidget()
        self.quarantine_empty = wrapped()
        self.quarantine_empty.setObjectName("quarantine_empty")
        self.quarantine_rows: list[TapRow] = []
        self.q_box = RowsBox()
        self.q_box.setObjectName("quarantine_rows")
        self.q_box.resized.connect(self._fit_quarantine)
        rows = QVBoxLayout(self.q_box)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(ROW_SPACING)
        for n in range(QUARANTINE_ROWS):
            row = TapRow()
            row.setObjectName(f"quarantine_row_{n}")
            row.tapped.connect(lambda i=n: self.choose(i))
            rows.addWidget(row)
            self.quarantine_rows.append(row)
        rows.addStretch(1)
        self.note_label = QLabel()
        self.note = QLineEdit()
        self.note.setObjectName("quarantine_note")
        self.note.setMinimumHeight(STAFF_TARGET)
        self.resolve_button = GuardedButton()
        self.resolve_button.setObjectName("quarantine_resolve")
        self.resolve_button.setProperty("role", "primary")
        self.resolve_button.setMinimumHeight(STAFF_TARGET)
        self.resolve_button.clicked.connect(self.resolve)
        note = QHBoxLayout()
        note.setSpacing(16)
        note.addWidget(self.note_label)
        note.addWidget(self.note, 1)
        note.addWidget(self.resolve_button)
        self.q_prev, self.q_next, self.q_page_label = self._pager("quarantine")
        self.q_prev.clicked.connect(lambda: self.show_quarantine(self.quarantine_page - 1))
        self.q_next.clicked.connect(lambda: self.show_quarantine(self.quarantine_page + 1))
        # The page buttons stand beside the rows, not under them: the note and its button must stay
        # on a 1280x800 panel below the shell's header and staff strip.
        pager = packed(QVBoxLayout(), self.q_prev, self.q_page_label, self.q_next, spacing=16)
        listing = QHBoxLayout()
        listing.setSpacing(32)
        listing.addWidget(self.q_box, 1)
        listing.addLayout(pager)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.quarantine_empty)
        layout.addLayout(listing, 1)
        layout.addLayout(note)
        return page

    def _log_page(self) -> QWidget:
        page = QWidget()
        self.log_text = wrapped()
        self.log_text.setObjectName("log_lines")
        self.log_text.setProperty("role", "panel")
        self.log_text.setContentsMargins(TAP_MARGIN, TAP_MARGIN, TAP_MARGIN, TAP_MARGIN)
        # A page holds the lines that fit whole at this panel's size and text size.
        self.log_box = RowsBox()
        self.log_box.resized.connect(self._split_log)
        box = QVBoxLayout(self.log_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.log_text)
        self.l_prev, self.l_next, self.l_page_label = self._pager("log")
        pager = QHBoxLayout()
        pager.setSpacing(16)
        pager.addWidget(self.l_prev)
        pager.addWidget(self.l_page_label, 1)
        pager.addWidget(self.l_next)
        # Older lines are the previous page: the newest page shows first.
        self.l_prev.clicked.connect(lambda: self.show_log(self.log_page + 1))
        self.l_next.clicked.connect(lambda: self.show_log(self.log_page - 1))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.log_box, 1)
        layout.addLayout(pager)
        return page

    def _selftest_page(self) -> QWidget:
        page = QWidget()
        self.selftest_button = GuardedButton()
        self.selftest_button.setObjectName("selftest_run")
        self.selftest_button.setProperty("role", "primary")
        self.selftest_button.setMinimumHeight(STAFF_TARGET)
        self.selftest_button.clicked.connect(self.run_self_test)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(2, 1)
        self.device_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for n, kind in enumerate(DEVICE_KINDS):
            name, state, detail = wrapped(), wrapped(), wrapped("hint")
            state.setObjectName(f"selftest_{kind}")
            detail.setObjectName(f"selftest_{kind}_detail")
            grid.addWidget(name, n, 0)
            grid.addWidget(state, n, 1)
            grid.addWidget(detail, n, 2)
            self.device_labels[kind] = (name, state, detail)
        # The button beside the list, not above it: five devices' details fit a 1280x800 panel in large text.
        side = QVBoxLayout()
        side.addWidget(self.selftest_button)
        side.addStretch(1)
        results = QVBoxLayout()
        results.addLayout(grid)
        results.addStretch(1)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(32)
        layout.addLayout(results, 1)
        layout.addLayout(side)
        return page

    def _export_page(self) -> QWidget:
        page = QWidget()
        self.export_explain = wrapped()
        self.sticks = MediaChooser(self.ctx)
        self.sticks.changed.connect(self.retranslate)
        self.sticks.failed.connect(self._refused)
        self.export_button = GuardedButton()
        self.export_button.setObjectName("export_run")
        self.export_button.setProperty("role", "primary")
        self.export_button.setMinimumHeight(STAFF_TARGET)
        self.export_button.clicked.connect(self.export)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.export_explain)
        layout.addWidget(self.sticks)
        layout.addStretch(1)
        layout.addLayout(actions)
        return page

    @staticmethod
    def _pager(name: str) -> tuple[QPushButton, QPushButton, QLabel]:
        # Page buttons are repeatable: two quick taps turn two pages (not a double submit).
        prev, nxt, label = button(repeats=True), button(repeats=True), wrapped()
        prev.setObjectName(f"{name}_prev")
        nxt.setObjectName(f"{name}_next")
        label.setObjectName(f"{name}_page")
        return prev, nxt, label

    # -- moments -----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.leave()
        allowed = self.admit()
        self.summary.setVisible(allowed)
        if allowed:
            self.show_section(str(args.get("section", SECTIONS[0])))
            self.load()
            self.sticks.look()
        self.retranslate()

    def leave(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        self._testing.clear()
        self._export_waiting = self._resolving = self._exporting = False
        self.view = None
        self._log_split = []
        self.selected = ""
        self.note.clear()
        self.quarantine_page = self.log_page = 0
        self.results.clear()
        self._shown_details.clear()
        self.sticks.forget()
        self.exported = None
        self._done = ""
        self._problem = None
        self.refusal.clear()
        self._show_all()

    def subjects(self) -> set[str] | None:
        return None  # the agent's bookkeeping and any new record change what this screen shows

    def refresh(self, batch: ChangeBatch) -> None:
        if self.technician is not None and self.isVisible():
            self.load()

    def _track(self, task: Task) -> Task:
        self._tasks.append(task)
        task.ended.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        return task

    def _refused(self, error: object) -> None:
        self._done = ""
        self._problem = None
        self.refusal.clear()
        if isinstance(error, KioskError) and error.code in self._problems():
            self._problem = error
            if error.code == "unknown_quarantined":
                self.selected = ""
                self.load()
            elif error.code == "media_gone":
                self.sticks.lost()
        else:
            self.refusal.show_error(error if isinstance(error, BaseException) else RuntimeError(str(error)))
        self.retranslate()

    def _clear_messages(self) -> None:
        self._done = ""
        self._problem = None
        self.refusal.clear()

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        task = self._track(self.ctx.call(load))
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._refused)

    def _loaded(self, view: DiagnosticsView) -> None:
        self.view = view
        if self.selected not in {r.record_id for r in view.quarantine}:
            self.selected = ""
        self._fit_quarantine()
        self._split_log()
        self._show_all()

    def show_section(self, section: str) -> None:
        if section not in SECTIONS:
            section = SECTIONS[0]
        self.section = section
        self.pages.setCurrentIndex(SECTIONS.index(section))
        # Only the page shown must fit the panel: the others' minimum sizes do not count.
        for n in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if n == SECTIONS.index(section) else QSizePolicy.Policy.Ignored
            page = self.pages.widget(n)
            assert page is not None
            page.setSizePolicy(policy, policy)
        for name, tab in self.tabs.items():
            tab.setChecked(name == section)

    # -- quarantine --------------------------------------------------------------------------

    def _quarantine(self) -> tuple[QuarantineRow, ...]:
        return self.view.quarantine if self.view is not None else ()

    def quarantine_pages(self) -> int:
        return max(1, -(-len(self._quarantine()) // self.per_page))

    def show_quarantine(self, page: int) -> None:
        self.quarantine_page = max(0, min(page, self.quarantine_pages() - 1))
        self.retranslate()

    def choose(self, index: int) -> None:
        rows = self._quarantine()
        n = self.quarantine_page * self.per_page + index
        if n < len(rows):
            self.selected = rows[n].record_id
            self._clear_messages()
            self.retranslate()

    def resolve(self) -> None:
        actor = self.technician
        if actor is None or not self.selected:
            return
        self._resolving = True
        self.retranslate()
        task = self._track(self.ctx.call(mark_dealt_with, actor, self.selected, self.note.text()))
        task.succeeded.connect(self._resolved)
        task.failed.connect(self._refused)
        task.ended.connect(self._resolve_ended)

    def _resolve_ended(self) -> None:
        self._resolving = False
        self.retranslate()

    def _resolved(self, _value: object) -> None:
        self.selected = ""
        self.note.clear()
        self._clear_messages()
        self._done = "resolved"
        self.load()

    # -- log ---------------------------------------------------------------------------------

    def log_pages(self) -> int:
        return max(1, len(self._log_split))

    @staticmethod
    def _log_line_text(line: LogLine) -> str:
        return f"{line.ts[5:]} {line.level} {line.process}: {line.message}"

    def _split_log(self) -> None:
        """Cut the lines into pages from the newest back, each page what fits the box whole."""
        lines = [self._log_line_text(line) for line in (self.view.log_lines if self.view is not None else ())]
        self.log_text.ensurePolished()
        pad = 2 * (TAP_MARGIN + TAP_BORDER)
        width = max(1, self.log_box.width() - pad)
        room = max(1, self.log_box.height() - pad - 2 * TAP_BORDER)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        metrics = QFontMetrics(self.log_text.font())
        heights = [metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height() for text in lines]
        split: list[tuple[int, int]] = []
        end = len(lines)
        while end > 0:
            start, used = end, 0
            while start > 0 and (start == end or used + heights[start - 1] <= room):
                used += heights[start - 1]
                start -= 1
            split.append((start, end))
            end = start
        self._log_split = split
        self.log_page = min(self.log_page, self.log_pages() - 1)
        self._retranslate_log()

    def show_log(self, page: int) -> None:
        self.log_page = max(0, min(page, self.log_pages() - 1))
        self.retranslate()

    # -- self-test ---------------------------------------------------------------------------

    def run_self_test(self) -> None:
        self.results.clear()
        self._shown_details.clear()
        self._testing = {kind for kind in DEVICE_KINDS if self.ctx.devices.get(kind) is not None}
        for kind in sorted(self._testing):
            task = self._track(self.ctx.device(kind, self_test))
            task.succeeded.connect(lambda answer, k=kind: self._tested(k, answer))
            task.failed.connect(lambda error, k=kind: self._tested(k, (False, str(error))))
        self.retranslate()
        if not self._testing:
            self._tests_done()

    def _tested(self, kind: str, answer: tuple[bool, str]) -> None:
        self.results[kind] = (bool(answer[0]), str(answer[1]))
        self._shown_details[kind] = str(answer[1]).replace(str(self.ctx.config.data_dir), "…")
        self._testing.discard(kind)
        self.retranslate()
        if not self._testing:
            self._tests_done()

    def _tests_done(self) -> None:
        if self._export_waiting:
            self._export_waiting = False
            self._write_export()

    def selftest_answers(self) -> list[dict[str, Any]]:
        """The self-test as `kiosk selftest --json` lists it (configured devices only)."""
        return [{"device": kind, "ok": ok, "detail": detail}
                for kind in DEVICE_KINDS if kind in self.results for ok, detail in [self.results[kind]]]

    # -- export ------------------------------------------------------------------------------

    def export(self) -> None:
        if self.sticks.target is None:
            return
        self.exported = None
        self._clear_messages()
        self._exporting = True
        self.retranslate()
        # The bundle carries the self-test's answers: run it first when it has not run on this visit.
        if not self.results and not self._testing:
            self._export_waiting = True
            self.run_self_test()
        elif self._testing:
            self._export_waiting = True
        else:
            self._write_export()

    def _write_export(self) -> None:
        if self.sticks.target is None:
            self._export_ended()
            return
        task = self._track(self.ctx.call(export, self.sticks.target, self.selftest_answers()))
        task.succeeded.connect(self._exported)
        task.failed.connect(self._refused)
        task.ended.connect(self._export_ended)

    def _export_ended(self) -> None:
        self._exporting = False
        self.retranslate()

    def _exported(self, path: Path) -> None:
        self.exported = path
        self._done = "exported"
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------

    def _show_all(self) -> None:
        self.show_quarantine(self.quarantine_page)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Diagnostics"))
        self.denied.setText(self.tr("Only a technician can see the diagnostics. "
                                    "Log in on the maintenance screen first."))
        names = {"sync": self.tr("Sync"), "quarantine": self.tr("Quarantine"), "log": self.tr("Log"),
                 "selftest": self.tr("Self-test"), "export": self.tr("Export")}
        for section, tab in self.tabs.items():
            tab.setText(names[section])
        self.refresh_button.setText(self.tr("Refresh"))
        self.done.setText({"resolved": self.tr("✔ The record is marked as dealt with."),
                           "exported": self.tr("✔ The diagnostics file is written. Remove the USB stick.")
                           }.get(self._done, ""))
        self.done.setVisible(bool(self._done))
        problem = self._problems().get(self._problem.code) if self._problem is not None else None
        self.problem.setText(f"✖ {problem}\n[{self._problem.code}]" if problem and self._problem else "")
        self.problem.setVisible(problem is not None)
        self._retranslate_sync()
        self._retranslate_quarantine()
        self._retranslate_log()
        self._retranslate_selftest()
        self._retranslate_export()

    def _problems(self) -> dict[str, str]:
        """The refusals of this screen's own steps: what happened and what to do."""
        return {
            "reason_required": self.tr("Write what was done about this record (at least 4 characters), "
                                       "then tap Mark dealt with."),
            "unknown_quarantined": self.tr("This record was already dealt with. The list is shown again."),
            "media_gone": self.tr("The USB stick is gone. Plug it in again, tap Look again and choose it."),
            "not_permitted": self.tr("Only a technician or a supervisor may do this. Log in again."),
        }

    def _when(self, iso: str) -> str:
        return iso or self.tr("never")

    def _retranslate_sync(self) -> None:
        view = self.view
        if view is None:
            self.summary.setText(self.tr("Loading…"))
        else:
            self.summary.setText(whole_facts(
                self.tr("Outbox: {pending} to send · Quarantine: {open} open · Sync: {sync}")
                .format(pending=view.outbox_pending, open=len(view.quarantine),
                        sync=self.tr("not enrolled") if not view.enrolled else self.tr("stopped") if view.stopped_code
                        else self.tr("errors") if view.last_errors else self.tr("ok"))))
        heads = {"enrollment": self.tr("Enrollment"), "backlog": self.tr("Outbox"),
                 "stopped": self.tr("Agent"), "push": self.tr("Push (to the county)"),
                 "pull": self.tr("Pull (from the county)")}
        for key, head in self.sync_heads.items():
            head.setText(heads[key])
        value = {key: label for (key, _), label in self.sync_labels.items()}
        if view is None:
            for label in value.values():
                label.clear()
            return
        if view.enrolled:
            value["enrollment"].setText(self.tr("Device {device}, gateway {gateway}")
                                        .format(device=view.device_id, gateway=view.gateway_url))
            restyle(value["enrollment"], state="")
        else:
            value["enrollment"].setText(self.tr("✖ Not enrolled: enroll this kiosk before it can sync."))
            restyle(value["enrollment"], state="error")
        value["backlog"].setText(self.tr("{pending} records waiting to be sent, {acked} acknowledged")
                                 .format(pending=view.outbox_pending, acked=view.outbox_acked))
        if view.stopped_code:
            value["stopped"].setText(self.tr("✖ Stopped [{code}]: {reason}. It needs a technician and the county.")
                                     .format(code=view.stopped_code, reason=view.stopped_reason))
            restyle(value["stopped"], state="error")
        else:
            value["stopped"].setText(self.tr("✔ Not stopped"))
            restyle(value["stopped"], state="")
        feeds = {feed.feed: feed for feed in view.feeds}
        for key in ("push", "pull"):
            feed = feeds.get(key)
            value[key].setText(self._feed_text(feed) if feed is not None else self.tr("never"))
            restyle(value[key], state="error" if feed is not None and feed.last_error_code else "")

    def _feed_text(self, feed: FeedRow) -> str:
        text = self.tr("Last success {success} · last attempt {attempt}").format(
            success=self._when(feed.last_success), attempt=self._when(feed.last_attempt))
        if feed.last_error_code:
            text += "\n" + self.tr("✖ Last error at {at} [{code}]: {reason} ({failures} failures in a row)").format(
                at=self._when(feed.last_error_at), code=feed.last_error_code, reason=feed.last_error,
                failures=feed.consecutive_failures)
        return text

    def _retranslate_quarantine(self) -> None:
        rows = self._quarantine()
        self.quarantine_empty.setText(self.tr("✔ No record is in quarantine.") if self.view is not None and not rows
                                      else "")
        self.quarantine_empty.setVisible(self.view is not None and not rows)
        start = self.quarantine_page * self.per_page
        for n, tap in enumerate(self.quarantine_rows):
            row = rows[start + n] if n < self.per_page and start + n < len(rows) else None
            tap.setVisible(row is not None)
            if row is not None:
                tap.label.setText(self._row_text(row, chosen=row.record_id == self.selected))
        self.q_page_label.setText(self.tr("Page {page} of {pages}").format(page=self.quarantine_page + 1,
                                                                           pages=self.quarantine_pages()))
        self.q_prev.setText(self.tr("Previous page"))
        self.q_next.setText(self.tr("Next page"))
        self.q_prev.setEnabled(self.quarantine_page > 0)
        self.q_next.setEnabled(self.quarantine_page < self.quarantine_pages() - 1)
        self.note_label.setText(self.tr("What was done"))
        self.note.setPlaceholderText(self.tr("e.g. unit code corrected, county informed"))
        self.resolve_button.setText(self.tr("Mark dealt with"))
        self.resolve_button.setEnabled(bool(self.selected) and not self._resolving)
        for widget in (self.note_label, self.note, self.resolve_button):
            widget.setVisible(bool(rows))

    def _row_text(self, row: QuarantineRow, *, chosen: bool) -> str:
        text = self.tr("{kind} · {record} · {at}\n[{code}] {reason}").format(
            kind=row.kind, record=row.record_id, at=self._when(row.at), code=row.code, reason=row.reason)
        return self.tr("▶ Chosen: {record}").format(record=text) if chosen else text

    def _fit_quarantine(self) -> None:
        """As many records a page as fit the list's height whole, judged by the tallest record's text."""
        rows = self._quarantine()
        if not rows:
            return
        label = self.quarantine_rows[0].label
        label.ensurePolished()
        margins = 2 * (TAP_MARGIN + TAP_BORDER)
        width = max(1, self.q_box.width() - margins)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        metrics = QFontMetrics(label.font())
        tallest = max(metrics.boundingRect(QRect(0, 0, width, 100_000), flags,
                                           self._row_text(row, chosen=True)).height() for row in rows)
        tallest = max(STAFF_TARGET, tallest + margins)
        fit = max(1, min(QUARANTINE_ROWS, (self.q_box.height() + ROW_SPACING) // (tallest + ROW_SPACING)))
        if fit != self.per_page:
            first = self.quarantine_page * self.per_page
            self.per_page = fit
            self.quarantine_page = first // fit
            self._retranslate_quarantine()

    def _retranslate_log(self) -> None:
        lines = self.view.log_lines if self.view is not None else ()
        start, end = self._log_split[self.log_page] if self._log_split else (0, 0)
        self.log_text.setText("\n".join(self._log_line_text(line) for line in lines[start:end])
                              or self.tr("No log lines yet."))
        self.l_page_label.setText(self.tr("Page {page} of {pages} (newest first)")
                                  .format(page=self.log_page + 1, pages=self.log_pages()))
        self.l_prev.setText(self.tr("Older"))
        self.l_next.setText(self.tr("Newer"))
        self.l_prev.setEnabled(self.log_page < self.log_pages() - 1)
        self.l_next.setEnabled(self.log_page > 0)

    def _device_name(self, kind: str) -> str:
        return {"card_reader": self.tr("ID card reader"), "printer": self.tr("Receipt printer"),
                "camera": self.tr("Camera"), "scanner": self.tr("Code scanner"),
                "a4_printer": self.tr("A4 printer")}.get(kind, kind)

    def _retranslate_selftest(self) -> None:
        self.selftest_button.setText(self.tr("Testing…") if self._testing else self.tr("Run the self-test"))
        self.selftest_button.setEnabled(not self._testing)
        for kind, (name, state, detail) in self.device_labels.items():
            name.setText(self._device_name(kind))
            if self.ctx.devices.get(kind) is None:
                state.setText(self.tr("— not configured"))
                restyle(state, state="")
                detail.clear()
            elif kind in self._testing:
                state.setText(self.tr("Testing…"))
                restyle(state, state="")
                detail.clear()
            elif kind in self.results:
                ok = self.results[kind][0]
                state.setText(self.tr("✔ Works") if ok else self.tr("✖ Failed"))
                restyle(state, state="ok" if ok else "error")
                detail.setText(self._shown_details.get(kind, ""))
            else:
                state.setText(self.tr("Not tested yet"))
                restyle(state, state="")
                detail.clear()

    def _retranslate_export(self) -> None:
        self.export_explain.setText(self.tr(
            "The diagnostics file holds the settings, sync state, self-test, database check and recent log "
            "lines, without personal data. Plug in a USB stick and choose it."))
        self.export_button.setText(self.tr("Writing…") if self._exporting else self.tr("Write the diagnostics file"))
        self.export_button.setEnabled(self.sticks.target is not None and not self._exporting)
        if self.exported is not None and self._done == "exported":
            self.done.setText(self.done.text() + "\n" + f"{self.exported.parent.name}/{self.exported.name}")
