"""Credit restrictions (``office_credit``): the restriction list with its source and dates, the
units of a restricted developer with a supervisor's override for one unit, and recording a
developer's violation.

Three lists in one place, switched with visible buttons: the restrictions (each opening its
units), the violations recorded here, and the units of one restriction. An override asks for a
supervisor's number, PIN and written reason (``SupervisorApproval``) and runs
``kiosk.services.credit.override`` as that supervisor; a violation is recorded by the signed-in
staff member (``credit.record_violation``) with its kind and a sentence. Every refusal stays on
screen with what to do.
"""

from __future__ import annotations

from typing import Any

from kiosk.app import Kiosk
from kiosk.services import credit
from kiosk.services.staff import Actor
from kiosk.views.credit import CreditView, RestrictedUnit, RestrictionRow, ViolationRow
from ui.context import AppContext
from ui.i18n import current_language
from ui.qt import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget
from ui.screens.counter.common import STAFF_TARGET, button, wrapped
from ui.screens.office.approval import SupervisorApproval
from ui.screens.office.common import ListedSection, OfficeRefusal, Pager, RowsArea, clear_layout, row_frame, tab_bar
from ui.screens.office.listing import staff_number
from ui.tasks import Task


def load_credit(kiosk: Kiosk, training: bool) -> CreditView:
    return kiosk.credit(include_training=training)


def run(kiosk: Kiosk, command: Any, actor: Actor, *args: Any, **kwargs: Any) -> None:
    kiosk.run(command, actor, *args, **kwargs)


class CreditScreen(ListedSection):
    """``office_credit``: enter() takes no arguments."""

    name = "office_credit"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: CreditView | None = None
        self.mode = "restrictions"  # restrictions | violations | units | record
        self.uscc: str | None = None  # the restriction whose units are shown
        self._task: Task | None = None
        self.unit_buttons: dict[str, QPushButton] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        self.title = wrapped("title")
        self.denied = self.make_denied()
        self.summary = wrapped()
        self.summary.setObjectName("credit_summary")
        self.refusal = OfficeRefusal()
        self.done = wrapped(state="ok")
        self.done.setObjectName("credit_done")
        self.done.hide()
        self.tab_bar, tabs, self.tabs = tab_bar(("restrictions", "violations"), "credit", self.show_mode)
        self.record_button = button("primary")
        self.record_button.setObjectName("credit_record")
        self.record_button.clicked.connect(lambda: self.show_mode("record"))
        tabs.addWidget(self.record_button)
        self.back_button = button()
        self.back_button.setObjectName("credit_back")
        self.back_button.clicked.connect(lambda: self.show_mode("restrictions"))
        tabs.addWidget(self.back_button)

        self.area = RowsArea()
        self.area.setObjectName("credit_rows")
        self.area.resized.connect(self._area_resized)
        self.pager = Pager(1)
        self.pager.moved.connect(self._fill)
        self.approval = SupervisorApproval(ctx)
        self.approval.approved.connect(self._override_approved)
        self.approval.cancelled.connect(self._fill)
        self._override_unit: str | None = None

        # Recording a violation: the developer, the kind, a sentence.
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(12)
        self.developer_label = wrapped()
        self.developer_row = QHBoxLayout()
        self.developer_row.setSpacing(12)
        self.developer_row.addStretch(1)
        self.developer_buttons: dict[str, QPushButton] = {}
        self.kind_label = wrapped()
        kinds = QHBoxLayout()
        kinds.setSpacing(12)
        self.kind_buttons: dict[str, QPushButton] = {}
        for kind in credit.VIOLATIONS:
            choice = button()
            choice.setObjectName(f"credit_kind_{kind}")
            choice.setCheckable(True)
            choice.clicked.connect(lambda _=False, k=kind: self._choose_kind(k))
            self.kind_buttons[kind] = choice
            kinds.addWidget(choice)
        kinds.addStretch(1)
        self.note_label = wrapped()
        self.note = QLineEdit()  # free text: the Pinyin keyboard
        self.note.setObjectName("credit_note")
        self.note.setMinimumHeight(STAFF_TARGET)
        self.note.setMaxLength(200)
        self.note.textChanged.connect(self._update_form)
        self.form_hint = wrapped("hint")
        self.form_hint.setObjectName("credit_form_hint")
        self.save_button = button("primary")
        self.save_button.setObjectName("credit_save")
        self.save_button.clicked.connect(self.record)
        self.cancel_button = button()
        self.cancel_button.setObjectName("credit_cancel")
        self.cancel_button.clicked.connect(lambda: self.show_mode("violations"))
        # What is still missing beside the buttons: one line less for a 1280x800 panel in large text.
        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.form_hint, 1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.save_button)
        # Each label beside its choices: the form fits a 1280x800 panel in large text.
        self.developer_row.insertWidget(0, self.developer_label)
        kinds.insertWidget(0, self.kind_label)
        form.addLayout(self.developer_row)
        form.addLayout(kinds)
        form.addWidget(self.note_label)
        form.addWidget(self.note)
        form.addStretch(1)
        form.addLayout(actions)
        self.form.hide()
        self.developer: str | None = None
        self.kind: str | None = None

        self.lay_out(self.title, self.tab_bar, self.summary, self.refusal, self.done, (self.area, 1), self.pager,
                     (self.approval, 1), (self.form, 1))
        self.retranslate()

    # -- moments ----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self._say("")
        self.refusal.clear()
        self.show_mode("restrictions")
        if self.admit():
            self.load()

    def leave(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self.approval.dismiss()
        self.note.clear()
        self.view = None
        self.refusal.clear()

    def subjects(self) -> set[str] | None:
        return None  # a restriction item may arrive for any developer

    def waiting(self) -> bool:
        return self.approval.isVisible()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Credit restrictions"))
        self.tabs["restrictions"].setText(self.tr("Restriction list"))
        self.tabs["violations"].setText(self.tr("Violations recorded"))
        self.record_button.setText(self.tr("Record a violation"))
        self.back_button.setText(self.tr("Back to the list"))
        self.developer_label.setText(self.tr("Developer"))
        self.kind_label.setText(self.tr("Kind of violation"))
        self.note_label.setText(self.tr("What happened"))
        self.note.setPlaceholderText(self.tr("One sentence, e.g. the keys were handed over three months late"))
        self.save_button.setText(self.tr("Record"))
        self.cancel_button.setText(self.tr("Cancel"))
        for kind, choice in self.kind_buttons.items():
            choice.setText(self.kind_name(kind, credit.VIOLATIONS[kind]))
        self._fill()
        self._update_form()

    def kind_name(self, kind: str, label: str) -> str:
        if current_language() != "en":
            return label
        return {"late_handover": self.tr("Late handover"), "contract_breach": self.tr("Breach of contract"),
                "missing_documents": self.tr("Missing documents")}.get(kind, kind)

    # -- loading ----------------------------------------------------------------------------

    def fetch(self) -> Task:
        return self.ctx.call(load_credit, self.ctx.training)

    def _loaded(self, view: CreditView) -> None:
        self._task = None
        self.view = view
        self._developers()
        self._fill()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.refusal.show_error(error)
        self._update_form()

    # -- the lists --------------------------------------------------------------------------

    def show_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.pager.page = 0
        self.mode = mode
        self.approval.dismiss()
        if mode == "record":
            self.refusal.clear()
            self._say("")
            self.note.clear()
            self._choose_kind(None)
            if self.developer is None and self.view is not None and len(self.view.developers) == 1:
                self._choose_developer(self.view.developers[0].uscc)
        for name, tab in self.tabs.items():
            tab.setChecked(name == mode)
        self._fill()

    def restriction(self) -> RestrictionRow | None:
        if self.view is None:
            return None
        return next((r for r in self.view.restrictions if r.uscc == self.uscc), None)

    def _fill(self) -> None:
        clear_layout(self.area.rows)
        self.unit_buttons = {}
        self.open_buttons = {}
        listing = self.mode in ("restrictions", "violations", "units") and not self.approval.isVisible()
        self.area.setVisible(listing)
        self.pager.show_for(listing)
        self.form.setVisible(self.mode == "record")
        self.back_button.setVisible(self.mode == "units")
        self.record_button.setVisible(self.mode != "record")
        # A form or an approval says what it is for: the tabs and the summary make room for it.
        self.tab_bar.setVisible(self.mode != "record" and not self.approval.isVisible())
        self.summary.setVisible(self.mode != "record" and not self.approval.isVisible())
        view = self.view
        if view is None:
            self.summary.setText(self.tr("Loading the restriction list…") if self._task is not None else "")
            self.pager.of([])
            return
        self.pager.set_size(self.area.fit())
        rows: list[QWidget] = []
        if self.mode == "restrictions":
            held = sum(1 for r in view.restrictions if r.in_force)
            self.summary.setText(self.tr("{n} restrictions from the platform, {held} in force today.").format(
                n=len(view.restrictions), held=held) if view.restrictions else
                self.tr("The platform has restricted no developer of this service point."))
            rows = [self._restriction_row(r) for r in self.pager.of(list(view.restrictions))]
        elif self.mode == "violations":
            self.summary.setText(self.tr("{n} violations recorded here, newest first.").format(
                n=len(view.violations)) if view.violations else self.tr("No violation has been recorded here."))
            rows = [self._violation_row(v) for v in self.pager.of(list(view.violations))]
        elif self.mode == "units":
            restriction = self.restriction()
            units = list(restriction.units) if restriction is not None else []
            self.summary.setText(self.tr("{developer}: {n} units. An override lets one unit be handed over "
                                         "despite the restriction.").format(
                developer=restriction.developer_name if restriction else "", n=len(units)))
            rows = [self._unit_row(u, restriction) for u in self.pager.of(units)]
        else:
            self.pager.of([])
        if not listing:
            rows = []
        for row in rows:
            self.area.rows.addWidget(row)
        self.area.rows.addStretch(1)

    def _state(self, row: RestrictionRow) -> tuple[str, str]:
        if row.lifted_at is not None:
            return self.tr("lifted"), "ok"
        if row.in_force:
            return self.tr("in force"), "error"
        return self.tr("not in force today"), "warn"

    def _restriction_row(self, row: RestrictionRow) -> QWidget:
        frame, lines, buttons = row_frame()
        frame.setObjectName(f"credit_restriction_{row.uscc}")
        top = QHBoxLayout()
        top.setSpacing(24)
        who = wrapped()
        who.setText(f"{row.developer_name}  {row.uscc}")
        # The name and code take the room: squeezed by the state word, they wrapped and clipped at 1280 px.
        top.addWidget(who, 1)
        words, state = self._state(row)
        standing = wrapped(state=state)
        standing.setObjectName(f"credit_state_{row.uscc}")
        standing.setText(words)
        top.addWidget(standing)
        lines.addLayout(top)
        source = wrapped()
        source.setObjectName(f"credit_source_{row.uscc}")
        source.setText(self.tr("Platform: {reason}; {dates}").format(reason=row.reason, dates=self._dates(row)))
        lines.addWidget(source)
        units = button()
        units.setObjectName(f"credit_units_{row.uscc}")
        units.setText(self.tr("Units ({n})").format(n=len(row.units)))
        units.clicked.connect(lambda _=False, uscc=row.uscc: self.open_units(uscc))
        self.open_buttons[row.uscc] = units
        buttons.addWidget(units)
        return frame

    def _dates(self, row: RestrictionRow) -> str:
        """A lifted restriction ended the day it was lifted, whatever end date it was published with."""
        since = row.since.isoformat()
        if row.lifted_on is not None:
            return self.tr("from {since}, lifted on {lifted}").format(since=since, lifted=row.lifted_on.isoformat())
        if row.until is not None:
            return self.tr("from {since} until {until}").format(since=since, until=row.until.isoformat())
        return self.tr("from {since}, no end date").format(since=since)

    def _violation_row(self, row: ViolationRow) -> QWidget:
        frame, lines, _buttons = row_frame()
        top = wrapped()
        top.setText(f"{row.developer_name}  {self.kind_name(row.kind, row.kind_label)}  {row.at[:10]}  "
                    f"{staff_number(row.recorded_by)}")
        lines.addWidget(top)
        note = wrapped()
        note.setText(row.note + (f"  ({row.unit_code})" if row.unit_code else ""))
        lines.addWidget(note)
        return frame

    def _unit_row(self, unit: RestrictedUnit, restriction: RestrictionRow | None) -> QWidget:
        frame, lines, buttons = row_frame()
        frame.setObjectName(f"credit_unit_{unit.unit_code}")
        code = wrapped()
        code.setText(f"{unit.unit_code}  {unit.project_name} {unit.building}-{unit.room}")
        lines.addWidget(code)
        standing = wrapped(state="ok" if unit.override_by else "warn")
        standing.setObjectName(f"credit_unit_state_{unit.unit_code}")
        if unit.override_by:
            standing.setText(self.tr("May proceed: overridden by {who}: {reason}").format(
                who=staff_number(unit.override_by), reason=unit.override_reason))
        elif restriction is not None and restriction.in_force:
            standing.setText(self.tr("Held by the restriction"))
        else:
            standing.setText(self.tr("Not held today"))
        lines.addWidget(standing)
        if unit.override_by is None and restriction is not None and restriction.in_force:
            act = button()
            act.setObjectName(f"credit_override_{unit.unit_code}")
            act.setText(self.tr("Override"))
            act.clicked.connect(lambda _=False, code=unit.unit_code: self.ask_override(code))
            self.unit_buttons[unit.unit_code] = act
            buttons.addWidget(act)
        return frame

    def open_units(self, uscc: str) -> None:
        self.uscc = uscc
        self.refusal.clear()
        self._say("")
        self.show_mode("units")

    # -- the override -------------------------------------------------------------------------

    def ask_override(self, unit_code: str) -> None:
        self._override_unit = unit_code
        self.refusal.clear()
        self._say("")
        self.approval.ask(lambda: self.tr("Override the restriction for unit {unit}").format(unit=unit_code))
        self._fill()

    def _override_approved(self, supervisor: Actor, reason: str) -> None:
        unit = self._override_unit
        if unit is None:
            return
        task = self.ctx.call(run, credit.override, supervisor, unit, reason)
        task.succeeded.connect(lambda _=None: self._done(self.tr("Unit {unit} may now be handed over despite the "
                                                                 "restriction.").format(unit=unit)))
        task.failed.connect(self._refused)
        self._task = task
        self._fill()

    def _done(self, words: str) -> None:
        self._task = None
        self._say(words)
        if self.mode == "record":
            self.show_mode("violations")
        self.load()

    def _refused(self, error: BaseException) -> None:
        self._task = None
        self.refusal.show_error(error)
        self._fill()
        self._update_form()

    # -- recording a violation ------------------------------------------------------------------

    def _developers(self) -> None:
        for choice in self.developer_buttons.values():
            self.developer_row.removeWidget(choice)
            choice.deleteLater()
        self.developer_buttons = {}
        view = self.view
        for developer in view.developers if view is not None else ():
            choice = button()
            choice.setObjectName(f"credit_developer_{developer.uscc}")
            choice.setCheckable(True)
            choice.setText(developer.name or developer.uscc)
            choice.clicked.connect(lambda _=False, uscc=developer.uscc: self._choose_developer(uscc))
            self.developer_buttons[developer.uscc] = choice
            self.developer_row.insertWidget(self.developer_row.count() - 1, choice)
        if self.developer not in self.developer_buttons:
            self.developer = None
        self._choose_developer(self.developer)

    def _choose_developer(self, uscc: str | None) -> None:
        self.developer = uscc
        for key, choice in self.developer_buttons.items():
            choice.setChecked(key == uscc)
        self._update_form()

    def _choose_kind(self, kind: str | None) -> None:
        self.kind = kind
        for key, choice in self.kind_buttons.items():
            choice.setChecked(key == kind)
        self._update_form()

    def missing(self) -> str:
        if self.developer is None:
            return self.tr("Tap the developer.")
        if self.kind is None:
            return self.tr("Tap the kind of violation.")
        if not self.note.text().strip():
            return self.tr("Tap the field below the kinds and write what happened, in a sentence.")
        return ""

    def _update_form(self) -> None:
        todo = self.missing()
        self.form_hint.setText(todo or self.tr("Tap Record: the violation goes to the platform."))
        self.save_button.setEnabled(not todo and self._task is None)

    def record(self) -> None:
        if self.missing() or self._task is not None or self.actor is None:
            return
        assert self.developer is not None and self.kind is not None
        self.refusal.clear()
        task = self.ctx.call(run, credit.record_violation, self.actor, self.developer, self.kind,
                             self.note.text().strip())
        task.succeeded.connect(lambda _=None: self._done(self.tr("The violation is recorded and goes to the "
                                                                 "platform.")))
        task.failed.connect(self._refused)
        self._task = task
        self._update_form()
