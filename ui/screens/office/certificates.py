"""Certificates (``office_certificates``): the security paper in stock (add a pack by its first and
last serial, sheets left, a warning when low, void a spoiled sheet), reprinting a bound
certificate, and the mailing requests with their tracking state, where a new one is made for a buyer
who cannot come to the handover (``ui.screens.office.mailing``: pick one of the units whose
certificate may be mailed, then the form).

Three lists switched with visible buttons. Adding paper, voiding a sheet and reprinting are a
supervisor's (``kiosk.services.certificates`` add_stock, void_serial, reprint): each asks for a
supervisor's number and PIN (``SupervisorApproval``, with the written reason where the command
takes one) and runs as that supervisor. Serials are typed as printed (the keyboard, or a wedge
scanner). Every refusal stays on screen with what to do.
A mailing request is made by the signed-in staff member; the services decide who may.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.app import Kiosk
from kiosk.errors import KioskError
from kiosk.services import certificates
from kiosk.services.certificates import serial_range
from kiosk.services.staff import Actor
from kiosk.views.certificates import BoundCertificate, CertificatesView, MailableUnit, MailRequest, VoidedSheet
from ui.context import AppContext
from ui.qt import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget
from ui.screens.base import turn
from ui.screens.counter.common import STAFF_TARGET, button, wrapped
from ui.screens.office.approval import SupervisorApproval
from ui.screens.office.common import (ListedSection, OfficeRefusal, Pager, RowsArea, beside, clear_layout, row_frame,
                                      tab_bar)
from ui.screens.office.listing import staff_number
from ui.screens.office.mailing import MailForm, request
from ui.tasks import Task

MODES = ("stock", "reprint", "mail")


def load_certificates(kiosk: Kiosk, training: bool) -> CertificatesView:
    return kiosk.certificates(include_training=training)


def run(kiosk: Kiosk, command: Any, actor: Actor, *args: Any) -> Any:
    return kiosk.run(command, actor, *args).value


class CertificatesScreen(ListedSection):
    """``office_certificates``: enter(mail_unit: str = '') opens the mailing form on that unit; else
    the paper stock."""

    name = "office_certificates"
    holds_personal_data = True  # the mailing form: an ID number, a recipient's name, phone and address

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: CertificatesView | None = None
        self.mode = "stock"
        self.form_mode = ""  # "" | add | void | pick (the unit to mail) | mail
        self._task: Task | None = None
        self._sending: Task | None = None  # a mailing request (loads come and go meanwhile)
        self._pending: tuple[str, Any, tuple[Any, ...]] | None = None  # (done words, command, args)
        self.reprint_buttons: dict[str, QPushButton] = {}
        self.mailable_buttons: dict[str, QPushButton] = {}
        self.title = wrapped("title")
        self.denied = self.make_denied()
        self.summary = wrapped()
        self.summary.setObjectName("certificates_summary")
        self.stock_line = wrapped()
        self.stock_line.setObjectName("certificates_stock")
        self.refusal = OfficeRefusal()
        self.done = wrapped(state="ok")
        self.done.setObjectName("certificates_done")
        self.done.hide()
        self.tab_bar, own, self.tabs = tab_bar(MODES, "certificates", self.show_mode)
        self.new_mail_button = button("primary")
        self.new_mail_button.setObjectName("certificates_new_mail")
        self.new_mail_button.clicked.connect(lambda: self.open_form("pick"))
        own.addWidget(self.new_mail_button)
        self.back_button = button()
        self.back_button.setObjectName("certificates_back")
        self.back_button.clicked.connect(self.close_form)
        own.addWidget(self.back_button)
        self.mail_form = MailForm()
        self.mail_form.send_button.clicked.connect(self.send_mail)
        self.mail_form.cancel_button.clicked.connect(self.close_form)
        self.mail_form.hide()

        # The stock's two actions and their one-line form.
        self.add_button = button("primary")
        self.add_button.setObjectName("certificates_add")
        self.add_button.clicked.connect(lambda: self.open_form("add"))
        self.void_button = button()
        self.void_button.setObjectName("certificates_void")
        self.void_button.clicked.connect(lambda: self.open_form("void"))
        stock_actions = QHBoxLayout()
        stock_actions.setSpacing(12)
        stock_actions.addWidget(self.stock_line, 1)
        stock_actions.addWidget(self.add_button)
        stock_actions.addWidget(self.void_button)
        self.stock_bar = QWidget()
        self.stock_bar.setLayout(stock_actions)
        stock_actions.setContentsMargins(0, 0, 0, 0)
        self.first_label = wrapped()
        self.first = QLineEdit()
        self.first.setObjectName("certificates_first")
        self.last_label = wrapped()
        self.last = QLineEdit()
        self.last.setObjectName("certificates_last")
        for field in (self.first, self.last):
            field.setMinimumHeight(STAFF_TARGET)
            field.setMaxLength(certificates.MAX_SERIAL)
            field.textChanged.connect(self._update_form)
        self.next_button = button("primary")
        self.next_button.setObjectName("certificates_next")
        self.next_button.clicked.connect(self.submit_form)
        self.cancel_button = button()
        self.cancel_button.setObjectName("certificates_cancel")
        self.cancel_button.clicked.connect(self.close_form)
        self.form_hint = wrapped("hint")
        self.form_hint.setObjectName("certificates_form_hint")
        fields = QHBoxLayout()
        fields.setSpacing(12)
        for widget in (self.first_label, self.first, self.last_label, self.last):
            fields.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        # The buttons beside the serials, or under them on a portrait panel: there the serials need the width.
        self.form_row = beside(fields, self.cancel_button, self.next_button, spacing=12)
        self.form = QWidget()
        form_column = QVBoxLayout(self.form)
        form_column.setContentsMargins(0, 0, 0, 0)
        form_column.setSpacing(8)
        form_column.addLayout(self.form_row)
        form_column.addWidget(self.form_hint)
        self.form.hide()

        self.area = RowsArea()
        self.area.setObjectName("certificates_rows")
        self.area.resized.connect(self._area_resized)
        self.pager = Pager(1)
        self.pager.moved.connect(self._fill)
        self.approval = SupervisorApproval(ctx)
        self.approval.approved.connect(self._approved)
        self.approval.cancelled.connect(self._cancelled)

        self.lay_out(self.title, self.tab_bar, self.stock_bar, self.form, self.summary, self.refusal, self.done,
                     (self.area, 1), self.pager, (self.approval, 1), (self.mail_form, 1))
        self.retranslate()

    # -- moments ----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self._say("")
        self.refusal.clear()
        self.close_form()
        self.show_mode("stock")
        if self.admit():
            self.load()
            if args.get("mail_unit"):
                self.show_mode("mail")
                self.choose_unit(str(args["mail_unit"]))

    def leave(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self._pending = None
        if self._sending is not None:
            self._sending.cancel()
        self._sending = None
        self.approval.dismiss()
        self.close_form()
        self.view = None
        self.refusal.clear()

    def subjects(self) -> set[str] | None:
        return None  # stock and certificates change with any handover or mailing item

    def waiting(self) -> bool:
        return self.approval.isVisible()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Certificates"))
        self.tabs["stock"].setText(self.tr("Paper stock"))
        self.tabs["reprint"].setText(self.tr("Reprint"))
        self.tabs["mail"].setText(self.tr("Mailing"))
        self.add_button.setText(self.tr("Add a pack"))
        self.new_mail_button.setText(self.tr("New mailing request"))
        self.back_button.setText(self.tr("Back to the requests"))
        self.void_button.setText(self.tr("Void a sheet"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.next_button.setText(self.tr("Next"))
        self.first.setPlaceholderText(self.tr("as printed"))
        self.last.setPlaceholderText(self.tr("as printed"))
        self._label_form()
        self._fill()
        self._update_form()

    # -- loading ----------------------------------------------------------------------------

    def fetch(self) -> Task:
        return self.ctx.call(load_certificates, self.ctx.training)

    def _loaded(self, view: CertificatesView) -> None:
        self._task = None
        self.view = view
        self._fill()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        self.refusal.show_error(error)
        self._fill()
        self._update_form()

    # -- the lists --------------------------------------------------------------------------

    def show_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.pager.page = 0
            self.close_form()
        self.mode = mode
        self.approval.dismiss()
        for name, tab in self.tabs.items():
            tab.setChecked(name == mode)
        self._fill()

    def _stock_words(self, view: CertificatesView) -> tuple[str, str]:
        if view.on_hand == 0:
            return self.tr("No blank certificate paper left. Add the next pack before the next handover."), "error"
        words = self.tr("{n} blank sheets on hand, {first} to {last}.").format(
            n=view.on_hand, first=view.first_on_hand, last=view.last_on_hand)
        if view.low:
            return words + " " + self.tr("Low: fewer than {n}; order the next pack.").format(n=view.low_below), "warn"
        return words, "ok"

    def _fill(self) -> None:
        clear_layout(self.area.rows)
        self.reprint_buttons = {}
        self.mailable_buttons = {}
        asking = self.approval.isVisible()
        mailing = self.form_mode == "mail"
        picking = self.form_mode == "pick"
        paper_form = self.form_mode in ("add", "void")
        # The mailing form says what it is for: the tabs, the summary and the list make room for it.
        self.title.setVisible(not mailing)
        self.tab_bar.setVisible(not asking and not mailing)
        self.new_mail_button.setVisible(self.mode == "mail" and not self.form_mode)
        self.back_button.setVisible(picking)
        self.stock_bar.setVisible(self.mode == "stock" and not asking and not self.form_mode)
        self.form.setVisible(paper_form and not asking)
        self.mail_form.setVisible(mailing)
        self.summary.setVisible(not asking and not paper_form and not mailing)
        self.area.setVisible(not asking and not mailing)
        self.pager.show_for(not asking and not mailing)
        view = self.view
        if view is None:
            self.summary.setText(self.tr("Loading…") if self._task is not None else "")
            self.pager.of([])
            return
        words, state = self._stock_words(view)
        self.stock_line.setText(words)
        self.stock_line.setProperty("state", state)
        self.stock_line.style().unpolish(self.stock_line)
        self.stock_line.style().polish(self.stock_line)
        self.pager.set_size(self.area.fit())
        rows: list[QWidget] = []
        if self.mode == "stock":
            self.summary.setText(self.tr("Sheets voided, newest first:") if view.voided else
                                 self.tr("No sheet has been voided."))
            rows = [self._voided_row(v) for v in self.pager.of(list(view.voided))]
        elif self.mode == "reprint":
            self.summary.setText(self.tr("Certificates printed and not yet handed over: a spoiled one is printed "
                                         "again on the next sheet, the old sheet voided.") if view.bound else
                                 self.tr("No certificate is printed and waiting to be handed over."))
            rows = [self._bound_row(b) for b in self.pager.of(list(view.bound))]
        elif picking:
            self.summary.setText(self.tr("Tap the unit whose certificate is to be mailed: its registration is "
                                         "recorded and it is not handed over.") if view.mailable else
                                 self.tr("No certificate may be mailed now: mailing is asked for once the "
                                         "registration is recorded, before the handover."))
            rows = [self._mailable_row(m) for m in self.pager.of(list(view.mailable))]
        elif mailing:
            self.pager.of([])
            self._describe_mail_unit()
        else:
            self.summary.setText(self.tr("Mailing requests, newest first:") if view.mail else
                                 self.tr("No certificate is to be mailed."))
            rows = [self._mail_row(m) for m in self.pager.of(list(view.mail))]
        if asking or mailing:
            rows = []
        for row in rows:
            self.area.rows.addWidget(row)
        self.area.rows.addStretch(1)

    def _voided_row(self, sheet: VoidedSheet) -> QWidget:
        frame, lines, _buttons = row_frame()
        top = wrapped()
        top.setText(f"{sheet.serial}  {sheet.at[:10]}  {staff_number(sheet.by)}")
        lines.addWidget(top)
        why = wrapped()
        why.setText(self.tr("Reason: {reason}").format(reason=sheet.reason))
        lines.addWidget(why)
        return frame

    def _bound_row(self, cert: BoundCertificate) -> QWidget:
        frame, lines, buttons = row_frame()
        frame.setObjectName(f"certificates_bound_{cert.unit_code}")
        top = wrapped()
        top.setText(cert.unit_code)
        lines.addWidget(top)
        what = wrapped()
        what.setText(self.tr("{number}, on sheet {serial}").format(number=cert.certificate_no, serial=cert.serial))
        lines.addWidget(what)
        act = button()
        act.setObjectName(f"certificates_reprint_{cert.unit_code}")
        act.setText(self.tr("Reprint"))
        act.clicked.connect(lambda _=False, c=cert: self.ask_reprint(c))
        self.reprint_buttons[cert.unit_code] = act
        buttons.addWidget(act)
        return frame

    def _mail_state(self, request: MailRequest) -> tuple[str, str]:
        if request.state == "shipped":
            return self.tr("shipped: {carrier} {tracking}").format(carrier=request.carrier or "",
                                                                    tracking=request.tracking_no or ""), "ok"
        if request.state == "cancelled":
            return self.tr("cancelled"), "warn"
        return self.tr("requested, waiting for the tracking number"), "warn"

    def _mail_row(self, request: MailRequest) -> QWidget:
        frame, lines, _buttons = row_frame()
        frame.setObjectName(f"certificates_mail_{request.id}")
        top = QHBoxLayout()
        top.setSpacing(24)
        unit = wrapped()
        unit.setText(f"{request.unit_code}  {request.created_at[:10]}")
        top.addWidget(unit)
        words, state = self._mail_state(request)
        standing = wrapped(state=state)
        standing.setObjectName(f"certificates_mail_state_{request.id}")
        standing.setText(words)
        top.addWidget(standing, 1)
        lines.addLayout(top)
        who = wrapped()
        who.setText(self.tr("Request {id}, asked by {who}").format(id=request.id, who=request.requested_by))
        lines.addWidget(who)
        return frame

    def _mailable_row(self, unit: MailableUnit) -> QWidget:
        frame, lines, buttons = row_frame()
        frame.setObjectName(f"certificates_mailable_{unit.unit_code}")
        top = wrapped()
        top.setText(unit.unit_code)
        lines.addWidget(top)
        what = wrapped()
        what.setText(f"{unit.project_name} {unit.building}-{unit.room} · {unit.certificate_no}")
        lines.addWidget(what)
        act = button()
        act.setObjectName(f"certificates_mail_{unit.unit_code}")
        act.setText(self.tr("Mail this one"))
        act.clicked.connect(lambda _=False, code=unit.unit_code: self.choose_unit(code))
        self.mailable_buttons[unit.unit_code] = act
        buttons.addWidget(act)
        return frame

    # -- a new mailing request ----------------------------------------------------------------------

    def choose_unit(self, unit_code: str) -> None:
        """The form for ``unit_code``: the services refuse a unit whose certificate may not be mailed."""
        self.refusal.clear()
        self._say("")
        self.form_mode = "mail"
        self.mail_form.start(unit_code)
        self._fill()

    def _describe_mail_unit(self) -> None:
        unit = next((m for m in self.view.mailable if m.unit_code == self.mail_form.unit_code), None) \
            if self.view is not None else None
        self.mail_form.set_about(f"{unit.project_name} {unit.building}-{unit.room}" if unit else "")

    def send_mail(self) -> None:
        fields = self.mail_form.values()
        actor = self.actor
        if fields is None or actor is None or self._sending is not None:
            return
        self.mail_form.show_refusal(None)
        unit = self.mail_form.unit_code
        task = self.ctx.call(request, actor, unit, fields)
        task.succeeded.connect(lambda value: self._mailed(unit, str(value)))
        task.failed.connect(self._mail_refused)
        self._sending = task
        self.mail_form.send_button.setEnabled(False)

    def _mailed(self, unit: str, request_id: str) -> None:
        self._sending = None
        self._done(self.tr("Mailing of unit {unit}'s certificate is requested ({id}); the mailing slip is "
                           "queued for the printer.").format(unit=unit, id=request_id))

    def _mail_refused(self, error: BaseException) -> None:
        self._sending = None
        self.mail_form.show_refusal(error)
        self.mail_form.update_hint()

    # -- adding and voiding paper -----------------------------------------------------------------

    def open_form(self, mode: str) -> None:
        self.form_mode = mode
        self.pager.page = 0
        self.refusal.clear()
        self._say("")
        self.first.clear()
        self.last.clear()
        adding = mode == "add"
        self._label_form()
        self.last_label.setVisible(adding)
        self.last.setVisible(adding)
        self._fill()
        self._update_form()

    def _label_form(self) -> None:
        self.first_label.setText(self.tr("First serial") if self.form_mode == "add"
                                 else self.tr("Serial of the spoiled sheet"))
        self.last_label.setText(self.tr("Last serial"))

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.form_row,))

    def close_form(self) -> None:
        self.form_mode = ""
        self.first.clear()
        self.last.clear()
        self.mail_form.clear()
        self._fill()

    def missing(self) -> str:
        if not self.first.text().strip():
            return self.tr("Type the first serial as printed on the pack.") if self.form_mode == "add" else \
                self.tr("Type the serial printed on the spoiled sheet.")
        if self.form_mode == "add" and not self.last.text().strip():
            return self.tr("Type the last serial of the pack.")
        return ""

    def _update_form(self) -> None:
        todo = self.missing()
        self.form_hint.setText(todo or self.tr("Tap Next: a supervisor confirms with their number and PIN."))
        self.next_button.setEnabled(not todo and self._task is None)

    def submit_form(self) -> None:
        if self.missing() or self._task is not None:
            return
        self.refusal.clear()
        if self.form_mode == "add":
            try:
                serials = serial_range(self.first.text(), self.last.text())
            except KioskError as error:
                self.refusal.show_error(error)
                return
            self._ask(lambda: self.tr("record {n} sheets, {first} to {last}").format(
                n=len(serials), first=serials[0], last=serials[-1]),
                self.tr("{n} sheets are added to the stock.").format(n=len(serials)),
                certificates.add_stock, (serials,), reason=False)
        else:
            serial = self.first.text().strip()
            self._ask(lambda: self.tr("void the spoiled sheet {serial}").format(serial=serial),
                      self.tr("Sheet {serial} is voided.").format(serial=serial), certificates.void_serial,
                      (serial,))

    def ask_reprint(self, cert: BoundCertificate) -> None:
        self.refusal.clear()
        self._say("")
        self._ask(lambda: self.tr("reprint the certificate of unit {unit} (sheet {serial} is voided)").format(
            unit=cert.unit_code, serial=cert.serial), "", certificates.reprint, (cert.unit_code,))

    def _ask(self, action: Callable[[], str], done: str, command: Any, args: tuple[Any, ...], *, reason: bool = True) -> None:
        self._pending = (done, command, args)
        self.approval.ask(action, reason=reason)
        self._fill()

    def _cancelled(self) -> None:
        self._pending = None
        self._fill()

    def _approved(self, supervisor: Actor, reason: str) -> None:
        if self._pending is None:
            return
        done, command, args = self._pending
        self._pending = None
        full = (*args, reason) if command is not certificates.add_stock else args
        task = self.ctx.call(run, command, supervisor, *full)
        task.succeeded.connect(lambda value: self._done(done or self.tr(
            "The certificate is printed again on sheet {serial}.").format(serial=value)))
        task.failed.connect(self._failed)
        self._task = task
        self._fill()

    def _done(self, words: str) -> None:
        self._task = None
        self.close_form()
        self._say(words)
        self.load()
