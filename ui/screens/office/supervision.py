"""The supervision ledger (督查台账) for staff and supervisors: figures, charts, export.

Read through ``Kiosk.supervision`` on the store thread (counted by
``kiosk.services.supervision``, the ledger the county reads), for every service
point or one of them. Six sections behind one row of tabs, so each fits a
1280x800 panel at staff sizes:

- 台账 (ledger): one row per project and the sum, a page at a time;
- 交付进度 (progress): handed over, pending and blocked units per project, side by side;
- 受阻原因 (blocked): blocked units by the first handover check they fail;
- 办证天数 (days): calendar days from joint acceptance to certificate, least/median/most per project;
- 好差评 (ratings): the buyers' evaluations by level;
- 导出 (export): the ledger as CSV and as the printed PDF onto a USB stick
  (``Kiosk.export_supervision``; the PDF is ``ui.documents.render_supervision_report``).

Every bar carries its figure as a label and every series is named in the legend:
colour is never the only signal (ux.md). A training session shows training data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.app import ChangeBatch, Kiosk
from kiosk.errors import KioskError
from kiosk.views.supervision import LedgerRow, SupervisionView
from ui.context import AppContext
from ui.documents import render_supervision_report
from ui.documents.model import SupervisionReport
from ui.i18n import current_language
from ui.qt import (QBarCategoryAxis, QBarSeries, QBarSet, QBoxLayout, QChart, QChartView, QColor, QEvent, QFont,
                   QFontMetrics, QGridLayout, QHBoxLayout, QHorizontalBarSeries, QLabel, QMargins, QPainter, QPushButton,
                   QRect, QStackedWidget, Qt, QValueAxis, QVBoxLayout, QWidget)
from ui.screens.base import ACROSS, DOWN, Screen, turn
from ui.screens.counter.common import STAFF_TARGET, RefusalPanel, restyle, wrapped
from ui.screens.counter.queue import RowsBox
from ui.screens.office.hub import STAFF
from ui.tasks import Task
from ui.theme import PALETTE
from ui.widgets.guard import GuardedButton, repeatable
from ui.widgets.later import Later
from ui.widgets.media import MediaChooser

SECTIONS = ("ledger", "progress", "blocked", "days", "ratings", "export")
MAX_ROWS = 10  # projects a ledger page holds at most; fewer when they do not fit (panel size, large text)
LEDGER_COLUMNS = 9
ROW_SPACING = 8
NAME_WIDTH = 150  # the project column: never squeezed by the figures
# Bar colours from the theme (legend and labels say the same in words).
PROGRESS_COLOURS = (PALETTE["ok"], PALETTE["accent"], PALETTE["error"])
DAYS_COLOURS = ("#5b8fc7", PALETTE["accent"], PALETTE["pressed"])
RATING_COLOURS = (PALETTE["ok"], "#4f8a3c", PALETTE["warn"], "#b4532a", PALETTE["error"])


def load(kiosk: Kiosk, training: bool) -> SupervisionView:
    return kiosk.supervision(include_training=training)


def export(kiosk: Kiosk, folder: Path, training: bool, language: str) -> tuple[Path, Path]:
    def pdf(report: dict[str, Any]) -> bytes:
        return render_supervision_report(SupervisionReport.from_service(report), language)

    return kiosk.export_supervision(folder, pdf, include_training=training)


def button(name: str, role: str = "", *, repeats: bool = False) -> QPushButton:
    b = repeatable(QPushButton()) if repeats else GuardedButton()
    b.setObjectName(name)
    b.setMinimumHeight(STAFF_TARGET)
    if role:
        b.setProperty("role", role)
    return b


def nice_step(rough: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50… not below ``rough``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude >= rough:
                return factor * magnitude
        magnitude *= 10


def days_text(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if value == int(value) else f"{value:.1f}"


class LedgerChart(QChartView):
    """One chart of the ledger: bar sets over categories, each bar labelled with its figure."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.series: QBarSeries | QHorizontalBarSeries | None = None
        self.categories: list[str] = []
        self.setChart(QChart())

    def draw(self, title: str, categories: list[str], sets: list[tuple[str, list[float], str]], *,
             horizontal: bool = False, font: QFont | None = None) -> None:
        """``sets``: (name, one value per category, colour); bars up, or ``horizontal``."""
        chart = QChart()
        chart.setTitle(title)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # a chart is read, not watched
        chart.setBackgroundBrush(QColor(PALETTE["surface"]))
        # Every pixel to the bars: a 1280x800 panel in large text leaves the chart about 260 px.
        chart.setMargins(QMargins(8, 4, 8, 4))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        series: QBarSeries | QHorizontalBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
        if horizontal:  # Qt draws the first category at the bottom; the list reads from the top
            categories = categories[::-1]
            sets = [(name, values[::-1], colour) for name, values, colour in sets]
        for name, values, colour in sets:
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(PALETTE["text"]))
            bar_set.setLabelColor(QColor(PALETTE["text"]))
            series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append(categories)
        value_axis = QValueAxis()
        value_axis.setLabelFormat("%d")
        bars = list(zip(*(v for _, v, _ in sets), strict=True)) if sets else []
        top = max((max(b) for b in bars), default=0)
        # Round steps (1, 2, 5, 10, 20…), four or five of them, and room past the longest bar for its label.
        step = nice_step(top * 1.15 / 4)
        end = step * max(4, -(-int(top * 1.15) // step))
        value_axis.setRange(0, end)
        value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        value_axis.setTickInterval(step)
        category_side, value_side = ((Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
                                     if horizontal else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft))
        chart.addAxis(axis, category_side)
        chart.addAxis(value_axis, value_side)
        series.attachAxis(axis)
        series.attachAxis(value_axis)
        chart.legend().setVisible(len(sets) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        if font is not None:
            chart.setTitleFont(font)
            chart.legend().setFont(font)
            axis.setLabelsFont(font)
            value_axis.setLabelsFont(font)
            for bar_set in series.barSets():
                bar_set.setLabelFont(font)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
        self.series = series
        self.categories = list(categories)

    def values(self) -> dict[str, list[float]]:
        """What the chart shows: each bar set's name and its values, category by category."""
        if self.series is None:
            return {}
        return {s.label(): [s.at(i) for i in range(s.count())] for s in self.series.barSets()}


class SupervisionScreen(Screen):
    """``office_supervision``: ``enter(section="ledger", service_point="")``; for signed-in staff and supervisors."""

    name = "office_supervision"
    audience = "staff"
    idle_seconds = 180  # ux.md: staff mode locks after 180 s idle

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._built = False  # font changes reach the screen while it is being built
        # ``_fit_rows`` once the event loop is back. A style sheet change restyles widget after widget in
        # no set order: the screen hears of its new font while the ledger's cells may still have the old
        # one, and rows measured in it are counted too many for the new. A new language lays the table
        # out again after ``retranslate`` (its columns take other widths).
        self._refit_later = Later(self, self._fit_rows)
        self.view: SupervisionView | None = None
        self.section = SECTIONS[0]
        self.service_point = ""  # '' = every service point
        self.page = 0
        self.per_page = 1  # projects a ledger page holds: as many as fit (``_fit_rows``)
        self.exported: tuple[Path, Path] | None = None
        self.problem_error: KioskError | None = None
        self._exporting = False
        self._loading: Task | None = None
        self._tasks: list[Task] = []

        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.summary = wrapped()  # the ledger's caption: scope, day, the sum in words
        self.summary.setObjectName("supervision_summary")
        self.denied = wrapped(state="error")
        self.denied.setObjectName("supervision_denied")
        self.points_row = QHBoxLayout()
        self.points_row.setSpacing(16)
        self.point_buttons: dict[str, QPushButton] = {}
        self.points_row.addStretch(1)
        self.refresh_button = button("supervision_refresh")
        self.refresh_button.clicked.connect(self.load)
        self.tabs: dict[str, QPushButton] = {}
        # The tabs in one row, or in two rows of three on a portrait panel (English large text would
        # need more than its width): the figures' tabs, then the charts' and the export.
        halves = (QHBoxLayout(), QHBoxLayout())
        for n, section in enumerate(SECTIONS):
            tab = button(f"tab_{section}")
            tab.setCheckable(True)  # the theme fills a checked button: the section shown
            tab.clicked.connect(lambda _=False, s=section: self.show_section(s))
            self.tabs[section] = tab
            halves[n * 2 // len(SECTIONS)].addWidget(tab)
        self.tab_rows = QBoxLayout(ACROSS)
        self.tab_rows.setSpacing(16)
        for half in halves:
            half.setSpacing(16)
            self.tab_rows.addLayout(half)
        tabs = QHBoxLayout()
        tabs.addLayout(self.tab_rows)
        tabs.addStretch(1)
        self.refusal = RefusalPanel()
        self.refusal.set_brief(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._ledger_page())
        self.charts: dict[str, LedgerChart] = {}
        for section in ("progress", "blocked", "days", "ratings"):
            self.charts[section] = LedgerChart(f"chart_{section}")
            self.pages.addWidget(self.charts[section])
        self.pages.addWidget(self._export_page())
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        body.addLayout(tabs)
        body.addWidget(self.refusal)
        body.addWidget(self.pages, 1)
        controls = QHBoxLayout()
        controls.setSpacing(16)
        controls.addLayout(self.points_row, 1)
        controls.addWidget(self.refresh_button)
        # The service points beside the title: the tabs, the ledger and its legend fit a 1280x800
        # panel below the shell's header and staff strip in large text. Under it on a portrait panel.
        self.top = QBoxLayout(ACROSS)
        self.top.addWidget(self.title)
        self.top.addLayout(controls, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(16)
        layout.addLayout(self.top)
        layout.addWidget(self.denied)
        layout.addWidget(self.body, 1)
        self._built = True
        self.retranslate()

    # -- the pages ---------------------------------------------------------------------------

    def _ledger_page(self) -> QWidget:
        page = QWidget()
        self.ledger = QGridLayout()
        self.ledger.setContentsMargins(0, 0, 0, 0)
        self.ledger.setHorizontalSpacing(12)
        self.ledger.setVerticalSpacing(ROW_SPACING)
        self.ledger.setColumnStretch(0, 1)
        self.ledger.setColumnMinimumWidth(0, NAME_WIDTH)
        self.ledger.setRowStretch(MAX_ROWS + 3, 1)  # under the sum and the legend: the rows stay at the top
        self.cells: list[list[QLabel]] = []
        for r in range(MAX_ROWS + 2):  # the header, the projects of a page, the sum
            row = []
            for c in range(LEDGER_COLUMNS):
                cell = wrapped("hint" if r == 0 else "")
                cell.setObjectName(f"ledger_{r}_{c}")
                # Figures, headers and service point ids on one line (an id broken at its hyphen, or
                # 单/元 over two lines, reads wrong); only the names may wrap.
                cell.setWordWrap(c == 0)
                if c > 1:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.ledger.addWidget(cell, r, c)
                row.append(cell)
            self.cells.append(row)
        self.total_cells = self.cells[-1]
        # The table takes the height left over and holds the rows that fit in it (``_fit_rows``).
        self.table_box = RowsBox()
        self.table_box.setObjectName("ledger_rows")
        self.table_box.setLayout(self.ledger)
        # Once the event loop is back, never at once: showing a cell lays the table's parents out there and
        # then, which can resize the box while ``_fill_ledger`` is still setting rows; a refill inside it
        # left the rest of a row it had already decided to show visible past the page (in the header's room).
        self.table_box.resized.connect(self._refit_later)
        # Page buttons are repeatable: two quick taps turn two pages (not a double submit).
        self.prev_button = button("ledger_prev", repeats=True)
        self.next_button = button("ledger_next", repeats=True)
        self.page_label = wrapped()
        self.prev_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        # The page buttons beside the table, not under it: the table, its legend and the tabs fit a
        # 1280x800 panel below the shell's header and staff strip in large text. Under it on a portrait
        # panel, which has the height and not the width for nine columns and the buttons.
        self.pager = QBoxLayout(DOWN)
        self.pager.setSpacing(16)
        self.pager.addWidget(self.prev_button)
        self.pager.addWidget(self.page_label)
        self.pager.addWidget(self.next_button)
        self.pager.addStretch(1)
        # The legend right under the sum, in the table's box: at the box's foot it stood a panel's height
        # away from the rows it explains (1920x1080, portrait).
        self.legend = wrapped("hint")
        self.legend.setObjectName("ledger_legend")
        self.ledger.addWidget(self.legend, MAX_ROWS + 2, 0, 1, LEDGER_COLUMNS)
        table = QVBoxLayout()
        table.setSpacing(16)
        table.addWidget(self.summary)
        table.addWidget(self.table_box, 1)
        self.ledger_columns = QBoxLayout(ACROSS, page)
        self.ledger_columns.setContentsMargins(0, 0, 0, 0)
        self.ledger_columns.setSpacing(32)
        self.ledger_columns.addLayout(table, 1)
        self.ledger_columns.addLayout(self.pager)
        return page

    def _export_page(self) -> QWidget:
        page = QWidget()
        self.export_explain = wrapped()
        self.sticks = MediaChooser(self.ctx)
        self.sticks.changed.connect(self._retranslate_export)
        self.sticks.failed.connect(self.refusal.show_error)
        self.export_button = button("export_run", "primary")
        self.export_button.clicked.connect(self.export)
        self.done = wrapped(state="ok")
        self.done.setObjectName("export_done")
        self.problem = wrapped(state="error")
        self.problem.setObjectName("export_problem")
        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.export_button)
        actions.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.export_explain)
        layout.addWidget(self.sticks)
        layout.addLayout(actions)
        layout.addWidget(self.done)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        return page

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.top, self.tab_rows, self.ledger_columns), down=(self.pager,))
        self.top.setSpacing(16 if portrait else 64)
        self.ledger_columns.setSpacing(16 if portrait else 32)

    # -- moments -----------------------------------------------------------------------------

    @property
    def allowed(self) -> bool:
        actor = self.ctx.actor
        return actor is not None and actor.role in STAFF

    def enter(self, **args: Any) -> None:
        self.section = str(args.get("section", SECTIONS[0]))
        self.service_point = str(args.get("service_point", ""))
        self.page = 0
        self.exported = None
        self.problem_error = None
        self.refusal.clear()
        self.denied.setVisible(not self.allowed)
        self.body.setVisible(self.allowed)
        if self.allowed:
            self.load()
            self.sticks.look()
        self.show_section(self.section)

    def leave(self) -> None:
        for task in self._tasks:
            task.cancel()
        self._tasks = []
        self._loading = None
        self.sticks.forget()

    def subjects(self) -> set[str] | None:
        return None  # any handover, payment or evaluation can move a figure of the ledger

    def refresh(self, batch: ChangeBatch) -> None:
        if self.allowed and self._loading is None:
            self.load()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        # Large-text mode: the charts draw their own text, and a row may take another height.
        if event.type() == QEvent.Type.FontChange and self._built:
            self._draw_charts()
            self._refit_later()

    # -- loading -----------------------------------------------------------------------------

    def _track(self, task: Task) -> Task:
        self._tasks.append(task)
        task.ended.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        return task

    def load(self) -> None:
        task = self._track(self.ctx.call(load, self.ctx.training))
        self._loading = task
        task.succeeded.connect(self._loaded)
        task.failed.connect(self.refusal.show_error)
        task.ended.connect(self._load_ended)

    def _load_ended(self) -> None:
        self._loading = None

    def _loaded(self, view: SupervisionView) -> None:
        self.view = view
        self.refusal.clear()
        known = {p.key for p in view.service_points}
        if self.service_point not in known:
            self.service_point = ""
        for old in self.point_buttons.values():
            self.points_row.removeWidget(old)
            # Out of the window at once: a button waiting for deletion is still drawn where it was.
            old.hide()
            old.deleteLater()
        self.point_buttons = {}
        for n, key in enumerate(["", *sorted(known)]):
            choice = button(f"point_{key or 'all'}")
            choice.setCheckable(True)
            choice.clicked.connect(lambda _=False, k=key: self.choose_point(k))
            self.points_row.insertWidget(n, choice)
            self.point_buttons[key] = choice
        self.page = min(self.page, self.pages_count() - 1)
        self.retranslate()

    def choose_point(self, key: str) -> None:
        self.service_point = key
        self.page = 0
        self.retranslate()

    def show_section(self, section: str) -> None:
        self.section = section if section in SECTIONS else SECTIONS[0]
        self.pages.setCurrentIndex(SECTIONS.index(self.section))
        for name, tab in self.tabs.items():
            tab.setChecked(name == self.section)

    def rows(self) -> tuple[LedgerRow, ...]:
        return self.view.projects_of(self.service_point) if self.view is not None else ()

    def pages_count(self) -> int:
        return max(1, -(-len(self.rows()) // self.per_page))

    def show_page(self, page: int) -> None:
        self.page = max(0, min(page, self.pages_count() - 1))
        self._fill_ledger()

    # -- export ------------------------------------------------------------------------------

    def export(self) -> None:
        if self.sticks.target is None:
            return
        self.exported = None
        self.problem_error = None
        self._exporting = True
        self._retranslate_export()
        task = self._track(self.ctx.call(export, self.sticks.target, self.ctx.training, current_language()))
        task.succeeded.connect(self._exported)
        task.failed.connect(self._export_failed)
        task.ended.connect(self._export_ended)

    def _exported(self, paths: tuple[Path, Path]) -> None:
        self.exported = paths

    def _export_failed(self, error: BaseException) -> None:
        if isinstance(error, KioskError) and error.code in self._problems():
            self.problem_error = error
            if error.code == "media_gone":
                self.sticks.lost()
        else:
            self.refusal.show_error(error)

    def _export_ended(self) -> None:
        self._exporting = False
        self._retranslate_export()

    # -- texts -------------------------------------------------------------------------------

    def _problems(self) -> dict[str, str]:
        """The export's refusals: what happened and what to do."""
        return {
            "media_gone": self.tr("The USB stick is gone. Plug it in again, tap Look again and choose it."),
            "csv_write": self.tr("The CSV file could not be written on the USB stick (full or write-protected?). "
                                 "Nothing was exported; free some space or use another stick."),
            "pdf_write": self.tr("The PDF file could not be written on the USB stick (full or write-protected?). "
                                 "Nothing was exported; free some space or use another stick."),
        }

    def block_name(self, code: str) -> str:
        return {"not_registered": self.tr("Not registered (no certificate number)"),
                "unpaid": self.tr("Payment not confirmed"),
                "developer_restricted": self.tr("Developer restricted"),
                "contract_not_filed": self.tr("Contract not filed"),
                "keys_not_ready": self.tr("Keys not ready")}.get(code, code)

    def level_name(self, code: str) -> str:
        return {"very_satisfied": self.tr("Very satisfied"), "satisfied": self.tr("Satisfied"),
                "basically_satisfied": self.tr("Basically satisfied"), "dissatisfied": self.tr("Dissatisfied"),
                "very_dissatisfied": self.tr("Very dissatisfied")}.get(code, code)

    def point_name(self, key: str) -> str:
        return key or self.tr("All service points")

    def point_button_name(self, key: str) -> str:
        return key or self.tr("All")

    def retranslate(self) -> None:
        self.title.setText(self.tr("Supervision ledger"))
        self.denied.setText(self.tr("Only signed-in staff can see the supervision ledger. "
                                    "Log in at the counter first."))
        view = self.view
        if view is None:
            self.summary.setText(self.tr("Loading…"))
        else:
            summary = view.summary_of(self.service_point)
            self.summary.setText(self.tr("{point} · {day} · {delivered} of {units} units handed over, "
                                         "{blocked} blocked{training}").format(
                point=self.point_name(self.service_point), day=view.day.isoformat(), delivered=summary.delivered,
                units=summary.units, blocked=summary.blocked_total,
                training=self.tr(" · training data") if view.include_training else ""))
        for key, choice in self.point_buttons.items():
            chosen = key == self.service_point
            choice.setText(("▶ " if chosen else "") + self.point_button_name(key))
            choice.setChecked(chosen)
        self.refresh_button.setText(self.tr("Refresh"))
        names = {"ledger": self.tr("Ledger"), "progress": self.tr("Progress"), "blocked": self.tr("Blocked"),
                 "days": self.tr("Days to title"), "ratings": self.tr("Ratings"), "export": self.tr("Export")}
        for section, tab in self.tabs.items():
            tab.setText(names[section])
        self._fill_ledger()
        self._fit_rows()  # the rows, the names or the headers' words changed: a page may hold more or fewer
        self._refit_later()
        self._draw_charts()
        self._retranslate_export()

    def _fill_ledger(self) -> None:
        headers = [self.tr("Project"), self.tr("Point"), self.tr("Units"), self.tr("Eligible"),
                   self.tr("Delivered"), self.tr("Pending"), self.tr("Blocked"),
                   self.tr("Days"), self.tr("Ratings")]
        for cell, text in zip(self.cells[0], headers, strict=True):
            cell.setText(text)
        rows = self.rows()
        shown = rows[self.page * self.per_page:(self.page + 1) * self.per_page]
        total = self.view.summary_of(self.service_point) if self.view is not None else None
        for r, cells in enumerate(self.cells[1:-1]):
            row = shown[r] if r < len(shown) else None
            texts = self._row_texts(row, total=False) if row is not None else [""] * LEDGER_COLUMNS
            for cell, text in zip(cells, texts, strict=True):
                cell.setText(text)
                cell.setVisible(row is not None)
            # The name of a project with blocked units is flagged (▲ and colour), as on the printed ledger.
            restyle(cells[0], state="warn" if row is not None and row.blocked_total else "")
        texts = self._row_texts(total, total=True) if total is not None else [""] * LEDGER_COLUMNS
        for cell, text in zip(self.total_cells, texts, strict=True):
            cell.setText(text)
            cell.setVisible(total is not None)
        self.legend.setText(self.tr("▲ a project with blocked units. Days: least / median / most, "
                                    "from joint acceptance to certificate."))
        self.page_label.setText(self.tr("Page {page} of {pages}").format(page=self.page + 1, pages=self.pages_count()))
        self.prev_button.setText(self.tr("◀ Prev"))
        self.next_button.setText(self.tr("Next ▶"))
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < self.pages_count() - 1)

    def _fit_rows(self) -> None:
        """As many projects a page as fit the table's height whole, judged by the tallest name."""
        header = self.cells[0]
        width = max(1, header[0].width())
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        metrics = QFontMetrics(self.cells[1][0].font())
        names = [self._row_texts(row, total=False)[0] for row in self.rows()] or ["—"]
        line = max(metrics.height(), *(metrics.boundingRect(QRect(0, 0, width, 100_000), flags, name).height()
                                       for name in names))
        head = max(cell.heightForWidth(max(1, cell.width())) for cell in header)
        legend = self.legend.heightForWidth(max(1, self.table_box.width()))
        # One spacing more than the rows take: the header may wrap differently once the rows are laid out.
        left = self.table_box.height() - head - line - legend - 4 * ROW_SPACING
        fit = max(1, min(MAX_ROWS, left // (line + ROW_SPACING)))
        if fit != self.per_page:
            first = self.page * self.per_page
            self.per_page = fit
            self.page = first // fit
            self._fill_ledger()

    def _row_texts(self, row: LedgerRow, *, total: bool) -> list[str]:
        if total:
            name = self.tr("Total") if not self.service_point else self.tr("Total {point}").format(point=row.key)
            point = ""
        else:
            name = f"{'▲ ' if row.blocked_total else ''}{row.name}"
            point = row.service_point
        days = (f"{days_text(row.days_min)} / {days_text(row.days_median)} / {days_text(row.days_max)}"
                if row.days_count else "—")
        return [name, point, str(row.units), str(row.eligible), str(row.delivered), str(row.pending),
                str(row.blocked_total), days, str(row.evaluations_total)]

    def _chart_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(20, self.font().pixelSize()))  # ux.md: staff text never below 20 px
        return font

    def _draw_charts(self) -> None:
        view = self.view
        rows = self.rows()
        summary = view.summary_of(self.service_point) if view is not None else None
        font = self._chart_font()
        names = [row.name for row in rows]
        scope = self.point_name(self.service_point)
        self.charts["progress"].draw(
            f"{scope} · " + self.tr("Units per project: handed over, pending, blocked"), names,
            [(self.tr("Handed over"), [r.delivered for r in rows], PROGRESS_COLOURS[0]),
             (self.tr("Pending"), [r.pending for r in rows], PROGRESS_COLOURS[1]),
             (self.tr("Blocked"), [r.blocked_total for r in rows], PROGRESS_COLOURS[2])],
            font=font)
        blocked = list(summary.blocked) if summary is not None else []
        self.charts["blocked"].draw(
            f"{scope} · " + self.tr("Blocked units by the first check they fail"),
            [self.block_name(c) for c, _ in blocked],
            [(self.tr("Blocked units"), [n for _, n in blocked], PALETTE["error"])], horizontal=True, font=font)
        counted = [r for r in rows if r.days_count]
        self.charts["days"].draw(
            f"{scope} · " + self.tr("Calendar days from joint acceptance to certificate"),
            [r.name for r in counted],
            [(self.tr("Least"), [r.days_min or 0 for r in counted], DAYS_COLOURS[0]),
             (self.tr("Median"), [r.days_median or 0 for r in counted], DAYS_COLOURS[1]),
             (self.tr("Most"), [r.days_max or 0 for r in counted], DAYS_COLOURS[2])], font=font)
        levels = list(summary.evaluations) if summary is not None else []
        self.charts["ratings"].draw(
            f"{scope} · " + self.tr("Buyers' ratings (好差评) of handovers"),
            [self.level_name(c) for c, _ in levels],
            [(self.tr("Ratings"), [n for _, n in levels], PALETTE["accent"])], font=font)

    def _retranslate_export(self) -> None:
        """The export page's texts; alone after the export's own steps (drawing the charts takes a moment)."""
        self.export_explain.setText(self.tr(
            "The ledger as it stands now is written as a CSV file (for Excel) and as the printable PDF. "
            "Plug in a USB stick and choose it."))
        self.export_button.setText(self.tr("Writing…") if self._exporting else self.tr("Write CSV and PDF"))
        self.export_button.setEnabled(self.sticks.target is not None and not self._exporting)
        if self.exported is not None:
            self.done.setText(self.tr("✔ Written: {csv} and {pdf}. Remove the USB stick.").format(
                csv=self.exported[0].name, pdf=self.exported[1].name))
        self.done.setVisible(self.exported is not None)
        problem = self._problems().get(self.problem_error.code) if self.problem_error is not None else None
        self.problem.setText(f"✖ {problem}\n[{self.problem_error.code}]" if problem and self.problem_error else "")
        self.problem.setVisible(problem is not None)

