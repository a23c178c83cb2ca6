"""Joint acceptance (联合验收即登记): each project's checklist and its first registration.

The project list on the left; the chosen project's five acceptance items with their state, who
recorded each and when; recording one (its document number typed, or its QR code scanned); and
the first-registration request, which the service queues by itself when the last item is in. The
platform's approval arrives through the sync, and the change feed brings it onto this screen.
"""

from __future__ import annotations

from typing import Any

from kiosk.app import Kiosk
from kiosk.services import acceptance
from kiosk.services.staff import Actor
from kiosk.views.acceptance import ProjectAcceptance
from ui.context import AppContext
from ui.i18n import current_language
from ui.qt import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from ui.screens.counter.common import button, restyle, wrapped
from ui.screens.counter.queue import read_scan
from ui.screens.office.listing import OfficeBase, OfficeRefusal, clear_layout, shown_time, staff_number
from ui.tasks import Task

PROJECTS_WIDTH = 300


def load_projects(kiosk: Kiosk, training: bool) -> tuple[ProjectAcceptance, ...]:
    return kiosk.acceptances(include_training=training)


def record(kiosk: Kiosk, actor: Actor, project_id: str, item: str, document_no: str,
           qr_text: str) -> tuple[ProjectAcceptance, ...]:
    """On the store thread: record the item, then the projects as they are now."""
    kiosk.run(acceptance.record_acceptance, actor, project_id, item,
              document_no=document_no or None, qr_text=qr_text or None)
    return kiosk.acceptances(include_training=actor.training)


class AcceptanceScreen(OfficeBase):
    """``office_acceptance``: enter(project_id: str = '') shows the projects, that one (or the first) opened."""

    name = "office_acceptance"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.projects: tuple[ProjectAcceptance, ...] = ()
        self.project_id = ""
        self.item = ""  # the item being recorded
        self.qr_text = ""
        self._task: Task | None = None
        self._scan: Task | None = None
        self.project_buttons: dict[str, QPushButton] = {}
        self.record_buttons: dict[str, QPushButton] = {}
        self.details: dict[str, QLabel] = {}

        self.project_list = QVBoxLayout()
        self.project_list.setSpacing(12)
        self.project_name = wrapped("heading")
        self.project_name.setObjectName("project_name")
        self.registration = wrapped()
        self.registration.setObjectName("registration_state")
        self.refusal = OfficeRefusal()
        self.refusal.set_brief(True)
        self.items = QGridLayout()
        self.items.setHorizontalSpacing(24)
        self.items.setVerticalSpacing(4)
        self.items.setColumnStretch(0, 1)

        # The recording form, in place of the checklist while it is open.
        self.form_title = wrapped("heading")
        self.form_title.setObjectName("form_title")
        self.document_no = QLineEdit()
        self.document_no.setObjectName("document_no")
        self.document_no.setMinimumHeight(64)
        self.scanned = wrapped(state="ok")
        self.scanned.setObjectName("scanned")
        self.scan_button = button()
        self.scan_button.setObjectName("scan_qr")
        self.scan_button.clicked.connect(self.scan)
        self.save_button = button("primary")
        self.save_button.setObjectName("save_item")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = button()
        self.cancel_button.setObjectName("cancel_item")
        self.cancel_button.clicked.connect(self.close_form)

        self.checklist = checklist = QWidget()
        list_layout = QVBoxLayout(checklist)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(self.items)
        list_layout.addStretch(1)
        # Shown in place of the checklist (not stacked: a stack is as tall as its tallest page).
        self.form = form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.setSpacing(16)
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.form_title, 1)
        top.addWidget(self.cancel_button)
        form_layout.addLayout(top)
        entry = QHBoxLayout()
        entry.setSpacing(16)
        entry.addWidget(self.document_no, 1)
        entry.addWidget(self.scan_button)
        form_layout.addLayout(entry)
        form_layout.addWidget(self.scanned)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        form_layout.addLayout(actions)
        form_layout.addStretch(1)
        form.hide()

        left = QVBoxLayout()
        left.setSpacing(12)
        self.projects_heading = wrapped("heading")
        left.addWidget(self.projects_heading)
        left.addLayout(self.project_list)
        left.addStretch(1)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(PROJECTS_WIDTH)
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(self.project_name)
        right.addWidget(self.registration)
        right.addWidget(self.refusal)
        right.addWidget(checklist, 1)
        right.addWidget(form, 1)
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(48)
        body.addWidget(left_box)
        body.addLayout(right, 1)
        self.retranslate()

    # -- moments ----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.project_id = str(args.get("project_id", ""))
        self.close_form()
        self.refusal.clear()
        if self.signed_in():
            self.load()

    def leave(self) -> None:
        for task in (self._task, self._scan):
            if task is not None:
                task.cancel()
        self._task = self._scan = None
        self.close_form()
        self.refusal.clear()

    def subjects(self) -> set[str] | None:
        return {p.project_id for p in self.projects} or None

    def refresh(self, batch: Any) -> None:
        if self.signed_in() and self._task is None:
            self.load()

    def retranslate(self) -> None:
        self.projects_heading.setText(self.tr("Joint acceptance: projects"))
        self.document_no.setPlaceholderText(self.tr("Document number of the acceptance"))
        self.scan_button.setText(self.tr("Scan QR code"))
        self.save_button.setText(self.tr("Record"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.signed_in()
        self._title_form()
        self._fill()

    # -- loading ----------------------------------------------------------------------------

    def load(self) -> None:
        actor = self.actor
        if self._task is not None:
            self._task.cancel()
        task = self.ctx.call(load_projects, bool(actor and actor.training))
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._failed)
        self._task = task

    def _loaded(self, projects: tuple[ProjectAcceptance, ...]) -> None:
        self._task = None
        self.projects = projects
        if self.project_id not in {p.project_id for p in projects}:
            self.project_id = projects[0].project_id if projects else ""
        self._fill()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.save_button.setEnabled(True)
        self.refusal.show_error(error)

    def current(self) -> ProjectAcceptance | None:
        return next((p for p in self.projects if p.project_id == self.project_id), None)

    def choose(self, project_id: str) -> None:
        self.project_id = project_id
        self.close_form()
        self.refusal.clear()
        self._fill()

    # -- recording --------------------------------------------------------------------------

    def open_form(self, item: str) -> None:
        project = self.current()
        if project is None:
            return
        found = next(i for i in project.items if i.item == item)
        self.item = item
        self.qr_text = ""
        self.document_no.setText(found.document_no or "")
        self.scanned.clear()
        self.scanned.hide()
        self.refusal.clear()
        self.save_button.setEnabled(True)
        self.registration.hide()
        self._title_form()
        self.checklist.hide()
        self.form.show()

    def _title_form(self) -> None:
        project = self.current()
        found = next((i for i in project.items if i.item == self.item), None) if project else None
        self.form_title.setText(self.tr("Record: {item}").format(item=self._item_label(found.item, found.label))
                                if found else "")

    def close_form(self) -> None:
        self.item = ""
        self.qr_text = ""
        self.document_no.clear()
        self.scanned.clear()
        self.registration.show()
        self.form.hide()
        self.checklist.show()

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
        self.qr_text = text.strip()
        self.scanned.setText(self.tr("QR code read: it is recorded with the item.") if self.qr_text else "")
        self.scanned.setVisible(bool(self.qr_text))

    def _scan_failed(self, error: BaseException) -> None:
        self._scan = None
        self.scan_button.setEnabled(True)
        self.refusal.show_error(error)

    def save(self) -> None:
        actor = self.actor
        if actor is None or not self.item:
            return
        self.refusal.clear()
        self.save_button.setEnabled(False)
        task = self.ctx.call(record, actor, self.project_id, self.item, self.document_no.text().strip(),
                             self.qr_text)
        task.succeeded.connect(self._saved)
        task.failed.connect(self._failed)
        self._task = task

    def _saved(self, projects: tuple[ProjectAcceptance, ...]) -> None:
        self.close_form()
        self.save_button.setEnabled(True)
        self._loaded(projects)

    # -- showing ----------------------------------------------------------------------------

    def _item_label(self, item: str, chinese: str) -> str:
        if current_language() != "en":
            return chinese
        names = {
            "planning": self.tr("Planning verification"),
            "fire": self.tr("Fire safety acceptance"),
            "civil_air_defence": self.tr("Civil air defence acceptance"),
            "completion_filing": self.tr("Completion acceptance filing"),
            "surveyed_areas": self.tr("Surveyed floor areas"),
        }
        return names.get(item, item)

    def _registration_text(self, project: ProjectAcceptance) -> tuple[str, str]:
        """(what the first registration's state is, the style state)."""
        if project.first_registration == "approved":
            return self.tr("First registration approved: the units of this project can be handed over."), "ok"
        if project.first_registration == "requested":
            return (self.tr("First registration requested on {when}; the approval comes with the sync.").format(
                when=shown_time(self.ctx, project.accepted_at)), "warn")
        return (self.tr("{n} of {total} acceptances missing; the last one recorded requests the first "
                        "registration.").format(n=len(project.missing), total=len(project.items)),
                "warn")

    def _fill(self) -> None:
        clear_layout(self.project_list)
        clear_layout(self.items)
        self.project_buttons = {}
        self.record_buttons = {}
        self.details = {}
        for p in self.projects:
            b = button("primary" if p.project_id == self.project_id else "")
            b.setObjectName(f"project_{p.project_id}")
            b.setText(p.name)
            b.clicked.connect(lambda _=False, pid=p.project_id: self.choose(pid))
            self.project_buttons[p.project_id] = b
            self.project_list.addWidget(b)
            word = wrapped("hint", state="ok" if p.first_registration == "approved" else "")
            word.setText(self._state_word(p.first_registration))
            self.project_list.addWidget(word)
        project = self.current()
        if project is None:
            self.project_name.setText(self.tr("No project on this kiosk yet: sync the master data.")
                                      if self.projects == () and self._task is None else "")
            self.registration.clear()
            return
        self.project_name.setText(f"{project.name}（{project.project_id}）")
        text, state = self._registration_text(project)
        self.registration.setText(text)
        restyle(self.registration, state=state)
        open_ = project.first_registration == "open"
        for n, item in enumerate(project.items):
            name = wrapped()
            name.setText(self._item_label(item.item, item.label))
            detail = wrapped("hint", state="ok" if item.recorded else "warn")
            if item.recorded:
                what = item.document_no or self.tr("QR code scanned")
                detail.setText(self.tr("{what} · {who} · {when}").format(
                    what=what, who=staff_number(item.recorded_by), when=shown_time(self.ctx, item.recorded_at)))
            else:
                detail.setText(self.tr("Not recorded yet"))
            self.details[item.item] = detail
            lines = QWidget()
            stack = QVBoxLayout(lines)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(0)
            stack.addWidget(name)
            stack.addWidget(detail)
            self.items.addWidget(lines, n, 0)
            if open_:
                act = button("" if item.recorded else "primary")
                act.setObjectName(f"record_{item.item}")
                act.setText(self.tr("Correct") if item.recorded else self.tr("Record"))
                act.clicked.connect(lambda _=False, i=item.item: self.open_form(i))
                self.record_buttons[item.item] = act
                self.items.addWidget(act, n, 1)

    def _state_word(self, state: str) -> str:
        words = {"open": self.tr("accepting"), "requested": self.tr("registration requested"),
                 "approved": self.tr("registered")}
        return words.get(state, state)
