"""Payments (一码缴费) in the back office: a unit's orders, and the day's reconciliation per payee account.

Orders: find the unit (the shared unit search); its orders newest first with one line per payee item
(amount, state, the channel serial once confirmed), and the confirmations and refunds as they arrived
from the platform, each with its result (applied, a duplicate kept aside, or rejected with the reason).
The change feed brings new ones onto the screen. Voiding an unpaid order and requesting the refund of a
paid item are a supervisor's decisions: the supervisor approves on this screen (``SupervisorApproval``:
number, PIN and a written reason) and the command runs as that supervisor with that reason.

Reconciliation: a county day, the statement CSVs chosen from a USB stick (one per payee account, the
files ``kiosk reconcile --statement`` reads), and each account's figures with its mismatches by type.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.app import Kiosk
from kiosk.diagnostics import MEDIA_ROOTS
from kiosk.rules.county_time import county_date, county_zone
from kiosk.rules.money import format_yuan
from kiosk.services import payments
from kiosk.services.gates import PAYEE_NAMES
from kiosk.services.payments import PAYEES
from kiosk.services.staff import Actor
from kiosk.views.order import OrderView, PaymentItemView
from kiosk.views.payments import MISMATCH_TYPES, PaymentEvent, PayeeReconciliation, ReconciliationView, UnitPayments
from ui.context import AppContext
from ui.i18n import current_language
from ui.qt import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget
from ui.screens.base import ACROSS, turn
from ui.screens.counter.common import button, restyle, wrapped
from ui.screens.office.approval import SupervisorApproval
from ui.screens.office.common import beside
from ui.screens.office.listing import clear_layout, shown_time
from ui.screens.office.unit_search import UnitCasework
from ui.widgets.boxes import packed
from ui.widgets.media import find_media

EVENTS_SHOWN = 3  # the latest confirmations and refunds; every one is in the audit log
ORDERS_SHOWN = 2  # the current order and the one before it; older ones are in the store and the audit log
MISMATCHES_SHOWN = 6  # a payee's mismatches listed on screen; `kiosk reconcile` lists every one
# Mismatches that mean money is unaccounted for, and those that are explained but need a look.
SERIOUS = {"missing_from_statement", "unknown_to_kiosk", "amount_differs"}


def load(kiosk: Kiosk, unit_code: str) -> UnitPayments:
    return kiosk.payments(unit_code)


def void(kiosk: Kiosk, supervisor: Actor, order_id: str, unit_code: str, reason: str) -> UnitPayments:
    kiosk.run(payments.void_order, supervisor, order_id, reason)
    return kiosk.payments(unit_code)


def refund(kiosk: Kiosk, supervisor: Actor, order_id: str, payee: str, unit_code: str, reason: str) -> UnitPayments:
    kiosk.run(payments.request_refund, supervisor, order_id, payee, reason)
    return kiosk.payments(unit_code)


def statement_files(kiosk: Kiosk, volume: Path) -> list[Path]:
    """The CSV files at the top of ``volume`` (a statement is copied there, not into folders)."""
    return sorted(p for p in volume.iterdir() if p.is_file() and p.suffix.lower() == ".csv")


def reconcile(kiosk: Kiosk, day: dt.date, files: dict[str, Path]) -> ReconciliationView:
    return kiosk.reconciliation(day, files)


class PaymentsScreen(UnitCasework):
    """``office_payments``: enter(unit_code: str = '') opens that unit's orders; enter(search: str = '') shows
    the units found by that part of a code; enter(reconcile=True) the day's reconciliation."""

    name = "office_payments"
    holds_personal_data = True  # the supervisor's PIN while it is typed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, load, parent)
        self.unit: UnitPayments | None = None
        self.report: ReconciliationView | None = None
        self.day = dt.date.today()
        self.files: dict[str, Path] = {}  # payee -> its statement file
        self.picked: Path | None = None  # a file chosen, its payee not yet
        self.volume: Path | None = None
        self.volumes: list[Path] = []
        self.csvs: list[Path] = []
        self.media_roots: tuple[Path, ...] = MEDIA_ROOTS
        self.is_volume: Callable[[Path], bool] = os.path.ismount
        self.pending: tuple[str, str, str] | None = None  # (what, order id, payee) awaiting approval
        self.void_buttons: dict[str, QPushButton] = {}
        self.refund_buttons: dict[tuple[str, str], QPushButton] = {}
        self.item_rows: dict[tuple[str, str], QLabel] = {}
        self.event_rows: list[QLabel] = []
        self.volume_buttons: list[QPushButton] = []
        self.file_buttons: dict[str, QPushButton] = {}
        self.payee_buttons: dict[str, QPushButton] = {}
        self.mismatch_rows: dict[str, list[QLabel]] = {}
        self.totals: dict[str, QLabel] = {}

        self.orders_tab = button()
        self.orders_tab.setObjectName("orders_tab")
        self.orders_tab.clicked.connect(lambda: self.show_mode("orders"))
        self.reconcile_tab = button()
        self.reconcile_tab.setObjectName("reconcile_tab")
        self.reconcile_tab.clicked.connect(lambda: self.show_mode("reconcile"))
        self.mode = "orders"

        # Orders.
        # The open unit, or what to do while none is: the search's own heading would take a row of the
        # height a 1280x800 panel does not have under the tabs.
        self.unit_heading = wrapped()
        self.unit_heading.setObjectName("unit_heading")
        self.finder.heading.hide()
        # An open unit takes the whole width; this brings the search back.
        self.other_unit = button()
        self.other_unit.setObjectName("other_unit")
        self.other_unit.clicked.connect(self.close_unit)
        self.orders_box = QVBoxLayout()
        self.orders_box.setSpacing(6)
        self.events_box = QVBoxLayout()
        self.events_box.setSpacing(2)
        self.approval = SupervisorApproval(ctx)
        self.approval.approved.connect(self._approved)
        self.approval.cancelled.connect(self._approval_closed)
        self.unit_view = QWidget()
        unit_layout = QVBoxLayout(self.unit_view)
        unit_layout.setContentsMargins(0, 0, 0, 0)
        unit_layout.setSpacing(8)
        unit_layout.addLayout(self.orders_box)
        unit_layout.addLayout(self.events_box)
        unit_layout.addStretch(1)
        self.orders_page = QWidget()
        # The search beside what it found, or above it on a portrait panel.
        self.orders = QBoxLayout(ACROSS, self.orders_page)
        self.orders.setContentsMargins(0, 0, 0, 0)
        self.orders.setSpacing(48)
        self.orders.addWidget(self.finder)
        right = QVBoxLayout()
        right.addWidget(self.found, 1)
        right.addWidget(self.unit_view, 1)
        self.orders.addLayout(right, 1)

        # Reconciliation.
        self.prev_day = button()
        self.prev_day.setObjectName("prev_day")
        self.prev_day.clicked.connect(lambda: self.move_day(-1))
        self.next_day = button()
        self.next_day.setObjectName("next_day")
        self.next_day.clicked.connect(lambda: self.move_day(1))
        self.day_label = wrapped("heading")
        self.day_label.setObjectName("day")
        self.reconcile_button = button("primary")
        self.reconcile_button.setObjectName("reconcile")
        self.reconcile_button.clicked.connect(self.run_reconcile)
        self.media_line = wrapped()
        self.media_line.setObjectName("media_line")
        self.media_button = button()
        self.media_button.setObjectName("find_media")
        self.media_button.clicked.connect(self.look_for_media)
        self.choices = QHBoxLayout()
        self.choices.setSpacing(12)
        self.attached = wrapped("hint")
        self.attached.setObjectName("attached")
        self.results = QVBoxLayout()
        self.results.setSpacing(2)
        self.results.setContentsMargins(0, 0, 0, 0)
        self.reconcile_page = QWidget()
        rec = QVBoxLayout(self.reconcile_page)
        rec.setContentsMargins(0, 0, 0, 0)
        rec.setSpacing(8)
        days = packed(QHBoxLayout(), self.prev_day, self.day_label, self.next_day, spacing=16)
        # The day beside what is done on it, or above it on a portrait panel.
        self.day_row = beside(days, self.media_button, self.reconcile_button, spacing=16)
        rec.addLayout(self.day_row)
        # The question beside its answers, or above them on a portrait panel.
        self.media_row = QBoxLayout(ACROSS)
        self.media_row.setSpacing(16)
        self.media_row.addWidget(self.media_line, 1)
        self.media_row.addLayout(self.choices)
        rec.addLayout(self.media_row)
        rec.addWidget(self.attached)
        # A day with many mismatches scrolls (the scroll bar shows there is more); the controls stay.
        results = QWidget()
        results.setLayout(self.results)
        self.results_area = QScrollArea()
        self.results_area.setObjectName("results")
        self.results_area.setFrameShape(QFrame.Shape.NoFrame)
        self.results_area.setWidgetResizable(True)
        self.results_area.setWidget(results)
        rec.addWidget(self.results_area, 1)

        tabs = QHBoxLayout()
        tabs.setSpacing(16)
        tabs.addWidget(self.orders_tab)
        tabs.addWidget(self.reconcile_tab)
        tabs.addStretch(1)
        unit_row = QHBoxLayout()
        unit_row.setSpacing(16)
        unit_row.addWidget(self.unit_heading, 1)
        unit_row.addWidget(self.other_unit)
        # The open unit beside the tabs: the orders below need the height. Under them on a portrait
        # panel, which has the height and not the width (a unit code is one unbroken word).
        self.top = QBoxLayout(ACROSS)
        self.top.setSpacing(32)
        self.top.addLayout(tabs)
        self.top.addLayout(unit_row, 1)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(8)
        body.addLayout(self.top)
        body.addWidget(self.refusal)
        body.addWidget(self.approval, 1)
        body.addWidget(self.orders_page, 1)
        body.addWidget(self.reconcile_page, 1)
        self.reconcile_page.hide()
        self.retranslate()

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.top, self.orders, self.day_row, self.media_row))
        self.top.setSpacing(8 if portrait else 32)
        self.orders.setSpacing(24 if portrait else 48)

    # -- moments ----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self._reset()
        self.day = county_date(self.ctx.kiosk.now(), self._zone())
        if not self.signed_in():
            return
        if args.get("reconcile"):
            self.show_mode("reconcile")
        elif args.get("unit_code"):
            self.open_unit(str(args["unit_code"]))
        elif args.get("search"):
            self.search_for(str(args["search"]))

    def _reset(self) -> None:
        self.unit = None
        self.report = None
        self.files = {}
        self.picked = None
        self.volume = None
        self.volumes = []
        self.csvs = []
        self.finder.field.clear()
        self.found.show_matches(None)
        self.close_unit()
        self.refusal.clear()
        self.show_mode("orders")

    def subjects(self) -> set[str] | None:
        if self.unit is None:
            return set()
        return {self.unit.unit_code} | {o.order_id for o in self.unit.orders}

    def waiting(self) -> bool:
        # A confirmation or refund arrived: the approval form keeps what the supervisor is typing.
        return self.approval.isVisible()

    def retranslate(self) -> None:
        self.orders_tab.setText(self.tr("Orders"))
        self.reconcile_tab.setText(self.tr("Reconciliation"))
        self.other_unit.setText(self.tr("Other unit"))
        self.prev_day.setText(self.tr("Day before"))
        self.next_day.setText(self.tr("Day after"))
        self.reconcile_button.setText(self.tr("Reconcile"))
        self.media_button.setText(self.tr("USB stick"))
        self.signed_in()
        self._fill_unit()
        self._fill_reconcile()

    def _zone(self) -> Any:
        return county_zone(str(self.ctx.kiosk.config["county"]["time_zone"]))

    def show_mode(self, mode: str) -> None:
        """The orders or the day's reconciliation. A tab tapped while an approval is open backs out of
        it, as Cancel does (the credit and certificate sections' tabs too): the approval is for an
        order on the orders tab, a supervisor who turns to the reconciliation has left it, and a PIN
        half typed is not kept out of sight. The void or refund is asked for again from its order."""
        self.mode = mode
        self.refusal.clear()
        self.pending = None
        self.approval.dismiss()
        self.orders_page.setVisible(mode == "orders")
        self.other_unit.setVisible(mode == "orders" and self.unit is not None)
        if mode == "orders":
            self._fill_unit()
        else:
            self.unit_heading.clear()
        self.reconcile_page.setVisible(mode == "reconcile")
        restyle(self.orders_tab, role="primary" if mode == "orders" else "")
        restyle(self.reconcile_tab, role="primary" if mode == "reconcile" else "")
        self._fill_reconcile()

    # -- store calls ------------------------------------------------------------------------

    def _answered(self, value: object) -> None:
        self._task = None
        if isinstance(value, UnitPayments):
            self.unit = value
            self.found.hide()
            self.finder.hide()
            self.unit_view.show()
            self.other_unit.show()
            self._fill_unit()
        elif isinstance(value, ReconciliationView):
            self.report = value
            self._fill_reconcile()
        elif isinstance(value, tuple):
            self.unit = None
            self.unit_view.hide()
            self.found.show()
            self.found.show_matches(value)

    # -- orders -----------------------------------------------------------------------------

    def close_unit(self) -> None:
        self.unit = None
        self.refusal.clear()
        self.unit_view.hide()
        self.other_unit.hide()
        self.finder.show()
        self.found.show()
        self._fill_unit()

    def ask_void(self, order: OrderView) -> None:
        self.pending = ("void", order.order_id, "")
        self._ask(lambda: self.tr("Void the unpaid order with payment code {code} of unit {unit}").format(
            code=order.payment_code, unit=order.unit_code))

    def ask_refund(self, order: OrderView, item: PaymentItemView) -> None:
        self.pending = ("refund", order.order_id, item.payee)
        self._ask(lambda: self.tr("Request the refund of {item} ¥{amount} paid to {payee} (channel serial "
                                  "{serial})").format(item=item.name, amount=item.amount_text,
                                                      payee=self._payee(item.payee, item.payee_name),
                                                      serial=item.channel_serial))

    def _ask(self, action: Callable[[], str]) -> None:
        self.refusal.clear()
        self.orders_page.hide()
        self.approval.ask(action)

    def _approved(self, supervisor: Actor, reason: str) -> None:
        pending, unit = self.pending, self.unit
        self._approval_closed()
        if pending is None or unit is None:
            return
        what, order_id, payee = pending
        if what == "void":
            self._call(void, supervisor, order_id, unit.unit_code, reason)
        else:
            self._call(refund, supervisor, order_id, payee, unit.unit_code, reason)

    def _approval_closed(self) -> None:
        self.pending = None
        self.approval.dismiss()
        self.orders_page.setVisible(self.mode == "orders")

    def _fill_unit(self) -> None:
        clear_layout(self.orders_box)
        clear_layout(self.events_box)
        self.void_buttons, self.refund_buttons, self.item_rows, self.event_rows = {}, {}, {}, []
        unit = self.unit
        restyle(self.unit_heading, role="heading" if unit is None else "")
        if unit is None:
            self.unit_heading.setText(self.tr("Payments: find the unit") if self.mode == "orders" else "")
            return
        # The open unit is named over its orders, not over the day's reconciliation: the code on a line of its
        # own, as the contracts screen shows it (where one line ran short, a Chinese project name broke
        # anywhere: 龙山花 / 园 0001-0301).
        self.unit_heading.setText(f"{unit.unit_code}\n{unit.project_name} {unit.building}-{unit.room}"
                                  if self.mode == "orders" else "")
        if not unit.orders:
            empty = wrapped()
            empty.setText(self.tr("No payment order yet: the fees are computed at the buyer's payment step."))
            self.orders_box.addWidget(empty)
        for order in unit.orders[:ORDERS_SHOWN]:
            head = QHBoxLayout()
            line = wrapped()
            line.setText(self.tr("Payment code {code} · {state} · total ¥{total} · made {when}").format(
                code=order.payment_code, state=self._order_state(order), total=order.total_text,
                when=shown_time(self.ctx, order.created_at)))
            head.addWidget(line, 1)
            if order.state == "open":
                b = button("destructive")
                b.setObjectName(f"void_{order.order_id}")
                b.setText(self.tr("Void order"))
                b.clicked.connect(lambda _=False, o=order: self.ask_void(o))
                self.void_buttons[order.order_id] = b
                head.addWidget(b)
            self.orders_box.addLayout(head)
            for item in order.items:
                row = QHBoxLayout()
                text = wrapped("hint", state={"confirmed": "ok", "due": "warn"}.get(item.state, ""))
                text.setText(self._item_text(item))
                self.item_rows[(order.order_id, item.payee)] = text
                row.addSpacing(32)
                row.addWidget(text, 1)
                if item.state == "confirmed":
                    b = button()
                    b.setObjectName(f"refund_{item.payee}")
                    b.setText(self.tr("Request refund"))
                    b.clicked.connect(lambda _=False, o=order, i=item: self.ask_refund(o, i))
                    self.refund_buttons[(order.order_id, item.payee)] = b
                    row.addWidget(b)
                self.orders_box.addLayout(row)
        for event in unit.events[:EVENTS_SHOWN]:
            label = wrapped("hint", state={"applied": "ok", "rejected": "error"}.get(event.result, "warn"))
            label.setText(self._event_text(event))
            self.event_rows.append(label)
            self.events_box.addWidget(label)

    def _order_state(self, order: OrderView) -> str:
        if current_language() != "en":
            return order.state_label
        return {"open": self.tr("awaiting payment"), "paid": self.tr("paid in full"), "void": self.tr("void"),
                "refunded": self.tr("refunded")}.get(order.state, order.state)

    def _payee(self, payee: str, chinese: str) -> str:
        if current_language() != "en":
            return chinese
        return {"tax_bureau": self.tr("tax bureau"), "registration_office": self.tr("registration office"),
                "maintenance_fund": self.tr("maintenance fund")}.get(payee, payee)

    def _item_text(self, item: PaymentItemView) -> str:
        payee = self._payee(item.payee, item.payee_name)
        if item.state == "confirmed":
            return self.tr("{payee} · {name} ¥{amount} · paid {when}, serial {serial}").format(
                payee=payee, name=item.name, amount=item.amount_text, when=shown_time(self.ctx, item.confirmed_at),
                serial=item.channel_serial)
        if item.state == "refunded":
            return self.tr("{payee} · {name} ¥{amount} · refunded {when}").format(
                payee=payee, name=item.name, amount=item.amount_text, when=shown_time(self.ctx, item.refunded_at))
        state = item.state_label if current_language() != "en" else {
            "due": self.tr("not yet paid"), "void": self.tr("void")}.get(item.state, item.state)
        return self.tr("{payee} · {name} ¥{amount} · {state}").format(
            payee=payee, name=item.name, amount=item.amount_text, state=state)

    def _event_text(self, event: PaymentEvent) -> str:
        kind = self.tr("refund") if event.kind.endswith("refunded") else self.tr("payment")
        result = {"applied": self.tr("applied"), "duplicate": self.tr("a repeat, kept aside"),
                  "rejected": self.tr("refused")}.get(event.result, event.result)
        text = self.tr("{when} · {kind} ¥{amount} from {payee} · {result}").format(
            when=shown_time(self.ctx, event.at), kind=kind, amount=event.amount_text,
            payee=self._payee(event.payee, event.payee_name), result=result)
        return f"{text}: {event.reason}" if event.result == "rejected" and event.reason else text

    # -- reconciliation ---------------------------------------------------------------------

    def move_day(self, step: int) -> None:
        self.day += dt.timedelta(days=step)
        self.report = None
        self._fill_reconcile()

    def look_for_media(self) -> None:
        self.refusal.clear()
        task = self.ctx.call(find_media, self.media_roots, self.is_volume)
        task.succeeded.connect(self._media_found)
        task.failed.connect(self._failed)
        self._task = task

    def _media_found(self, volumes: list[Path]) -> None:
        self._task = None
        self.volumes, self.volume, self.csvs, self.picked = volumes, None, [], None
        if len(volumes) == 1:
            self.open_volume(volumes[0])
            return
        self._fill_reconcile()

    def open_volume(self, volume: Path) -> None:
        self.volume = volume
        task = self.ctx.call(statement_files, volume)
        task.succeeded.connect(self._files_found)
        task.failed.connect(self._failed)
        self._task = task

    def _files_found(self, files: list[Path]) -> None:
        self._task = None
        self.csvs = files
        self._fill_reconcile()

    def pick(self, path: Path) -> None:
        self.picked = path
        self._fill_reconcile()

    def attach(self, payee: str) -> None:
        if self.picked is not None:
            self.files[payee] = self.picked
            self.picked = None
            self.report = None
            self._fill_reconcile()

    def run_reconcile(self) -> None:
        self.refusal.clear()
        self._call(reconcile, self.day, dict(self.files))

    def _fill_reconcile(self) -> None:
        clear_layout(self.choices)
        clear_layout(self.results)
        self.volume_buttons, self.file_buttons, self.payee_buttons = [], {}, {}
        self.mismatch_rows, self.totals = {}, {}
        self.day_label.setText(self.day.isoformat())
        self.next_day.setEnabled(self.day < county_date(self.ctx.kiosk.now(), self._zone()))
        self.media_line.setText(self._media_text())
        if self.picked is not None:
            for payee in PAYEES:
                b = button()
                b.setObjectName(f"attach_{payee}")
                b.setText(self._payee(payee, _payee_name(payee)))
                b.clicked.connect(lambda _=False, p=payee: self.attach(p))
                self.payee_buttons[payee] = b
                self.choices.addWidget(b)
        elif self.volume is None:
            for volume in self.volumes:
                b = button()
                b.setText(volume.name)
                b.clicked.connect(lambda _=False, v=volume: self.open_volume(v))
                self.volume_buttons.append(b)
                self.choices.addWidget(b)
        else:
            for path in self.csvs:
                b = button()
                b.setObjectName(f"file_{path.name}")
                b.setText(path.name)
                b.clicked.connect(lambda _=False, p=path: self.pick(p))
                self.file_buttons[path.name] = b
                self.choices.addWidget(b)
        self.choices.addStretch(1)  # each answer as wide as its words, in a row of their own too
        self.attached.setText("；".join(f"{self._payee(p, _payee_name(p))}: {f.name}" for p, f in self.files.items())
                              or self.tr("No statement chosen: only refunds can be listed."))
        if self.report is not None:
            for account in self.report.payees:
                self._account(account)
        self.results.addStretch(1)

    def _media_text(self) -> str:
        if self.picked is not None:
            return self.tr("Whose statement is {file}?").format(file=self.picked.name)
        if self.volume is not None:
            return (self.tr("Statement files on {volume}: tap one.").format(volume=self.volume.name) if self.csvs
                    else self.tr("No CSV file at the top of {volume}.").format(volume=self.volume.name))
        if self.volumes:
            return self.tr("Choose the USB stick.")
        return self.tr("Plug in the USB stick with the payees' statement files (CSV).")

    def _account(self, account: PayeeReconciliation) -> None:
        total = wrapped()
        statement = (self.tr("statement ¥{amount}").format(amount=format_yuan(account.statement_fen))
                     if account.statement_fen is not None else self.tr("no statement"))
        total.setText(self.tr("{payee}: confirmed ¥{confirmed} ({count} payments), still due ¥{due}, {statement}; "
                              "{n} mismatches").format(
            payee=self._payee(account.payee, account.payee_name), confirmed=format_yuan(account.confirmed_fen),
            count=account.count, due=format_yuan(account.due_fen), statement=statement, n=len(account.mismatches)))
        restyle(total, state="error" if any(m.type in SERIOUS for m in account.mismatches) else
                "warn" if account.mismatches else "ok")
        self.totals[account.payee] = total
        self.results.addWidget(total)
        rows: list[QLabel] = []
        ordered = sorted(account.mismatches, key=lambda m: MISMATCH_TYPES.index(m.type)
                         if m.type in MISMATCH_TYPES else len(MISMATCH_TYPES))
        for m in ordered[:MISMATCHES_SHOWN]:
            row = wrapped("hint", state="error" if m.type in SERIOUS else "warn")
            row.setProperty("mismatch", m.type)
            row.setText(self._mismatch_text(m.type, m.channel_serial, m.kiosk_fen, m.statement_fen))
            rows.append(row)
            self.results.addWidget(row)
        if len(ordered) > MISMATCHES_SHOWN:
            more = wrapped("hint")
            more.setText(self.tr("… and {n} more: kiosk reconcile --date {day} lists them all.").format(
                n=len(ordered) - MISMATCHES_SHOWN, day=self.report.day.isoformat() if self.report else ""))
            self.results.addWidget(more)
        self.mismatch_rows[account.payee] = rows

    def _mismatch_text(self, kind: str, serial: str | None, kiosk_fen: int | None, statement_fen: int | None) -> str:
        names = {
            "missing_from_statement": self.tr("Missing from the statement"),
            "unknown_to_kiosk": self.tr("Not known to this kiosk"),
            "amount_differs": self.tr("Amount differs"),
            "other_day": self.tr("Confirmed on another day"),
            "listed_twice": self.tr("Listed twice on the statement"),
            "refunded": self.tr("Refunded since"),
        }
        kiosk = "—" if kiosk_fen is None else format_yuan(kiosk_fen)
        paper = "—" if statement_fen is None else format_yuan(statement_fen)
        return self.tr("{type}: serial {serial} · kiosk ¥{kiosk} · statement ¥{statement}").format(
            type=names.get(kind, kind), serial=serial or "—", kiosk=kiosk, statement=paper)


def _payee_name(payee: str) -> str:
    return PAYEE_NAMES.get(payee, payee)
