"""The handover wizard (交房即交证) at the counter: one screen, one step a page.

Steps, as ``kiosk.services.handover`` runs them: start → identify every holder
(ID card, e-ID QR or typed number; or an agent with a notarised authorisation
for absent holders) → the checks (each with pass/fail, the reason and the next
action; a restricted developer can be let through by a supervisor with a
written reason) → both papers signed by each buyer on the screen turned to
them → the certificate bound (scanned, typed, or printed on blank stock) →
the receipt queued and printed → keys handed → delivered.

Every command runs as the logged-in staff member (``StaffSession``) through
``ctx.call``; a refusal shows in plain words with what to do, the failed
check's own reason and next action where there is one. The page shown always
follows the handover's state in the store (``HandoverView.next_step``), so a
handover opened again from the queue continues where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hardware.devices import ReceiptPrinterDevice
from kiosk.app import ChangeBatch, Kiosk
from kiosk.errors import AuthError
from kiosk.services import credit, handover
from kiosk.services.printing import PrintRun
from kiosk.services.gates import Gate
from kiosk.services.signatures import document_hash
from kiosk.services.staff import Actor
from kiosk.views.case import CaseOverview
from kiosk.views.handover import HandoverPerson, HandoverView
from ui.context import AppContext
from ui.i18n import current_language
from ui.qt import (QBoxLayout, QFrame, QHBoxLayout, QLineEdit, QPushButton, QResizeEvent,
                   QScrollArea, QScroller, QSizePolicy, QStackedWidget, Qt, QVBoxLayout, QWidget)
from ui.screens.base import Screen, on_portrait_panel
from ui.screens.counter.common import (STAFF_TARGET, RefusalPanel, StaffKeypad, TapField, apply_key, button, go,
                                       read_id_card, restyle, wrapped)
from ui.screens.counter.login import roster_letters
from ui.screens.counter.queue import read_scan
from ui.screens.counter.session import staff_session
from ui.tasks import Task
from ui.widgets.keypad import IdKeypad
from ui.widgets.paged import HangingLabel
from ui.widgets.signature import SignaturePad
from ui.widgets.pinyin import mark_keypad_field

GATE_ROWS = 4  # the checks' first column; the rest stand in the second
PAGES = ("start", "identify", "checks", "override", "sign", "certificate", "receipt", "keys", "deliver", "done")
# HandoverView.next_step -> the page that does it.
PAGE_OF_STEP = {"identify": "identify", "check": "checks", "sign": "sign", "bind_certificate": "certificate",
                "receipt": "receipt", "hand_keys": "keys", "deliver": "deliver"}


# -- what runs on the store thread (fn(kiosk, ...)) ---------------------------------------------

def load_case(kiosk: Kiosk, unit_code: str) -> CaseOverview:
    return kiosk.case(unit_code)


def load_handover(kiosk: Kiosk, handover_id: str) -> HandoverView:
    return kiosk.handover(handover_id)


def papers(kiosk: Kiosk, handover_id: str) -> dict[str, str]:
    """The two papers' texts as the service will hash them when the signatures are recorded."""
    return kiosk.handover_papers(handover_id)


def run(kiosk: Kiosk, command: Callable[..., Any], actor: Actor, *args: Any, **kwargs: Any) -> Any:
    return kiosk.run(command, actor, *args, **kwargs).value


def override_restriction(kiosk: Kiosk, staff_id: str, pin: str, unit_code: str, reason: str) -> int:
    """The supervisor's own credential, then the audited override for this unit."""
    supervisor = kiosk.login(staff_id, pin).value
    return kiosk.run(credit.override, supervisor, unit_code, reason).value


def issue_and_print(kiosk: Kiosk, actor: Actor, handover_id: str, device: ReceiptPrinterDevice | None,
                    issue: bool) -> PrintRun | None:
    """Queue the receipt (once) and print what waits for the receipt printer.

    Printing runs here, on the store thread, because ``print_pending`` writes each job's
    result back to the store between jobs (the facade's one-thread rule); the printer
    handle is only ever used by this call.
    """
    if issue:
        kiosk.run(handover.issue_receipt, actor, handover_id)
    if device is None:
        return None
    return kiosk.print_pending(device.job_printer(), actor).value


class HandoverScreen(Screen):
    """``handover``: enter(unit_code=...) for a ready case (or the unit's live handover), or
    enter(handover_id=...) to continue one. Internal pages: ``PAGES``."""

    name = "handover"
    audience = "staff"
    holds_personal_data = True
    idle_seconds = 180  # ux.md: staff mode locks after 180 s idle (the shell locks and ends the session)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session = staff_session(ctx)
        # The sign page turned to the buyer: staff controls step back, the shell's staff strip too.
        self._buyer_turn = False
        self.unit_code = ""
        self.handover_id = ""
        self.view: HandoverView | None = None
        self.case: CaseOverview | None = None
        self.texts: dict[str, str] = {}
        self.bundles: dict[int, dict[str, dict[str, Any]]] = {}
        self.sign_queue: list[tuple[HandoverPerson, str]] = []
        self.print_run: PrintRun | None = None
        self._tasks: list[Task] = []
        self.gate_labels: list[HangingLabel] = []
        self._busy = False
        self.title = wrapped("heading")
        self.steps = wrapped()
        self.steps.setObjectName("handover_steps")
        self.queue_button = button()
        self.queue_button.setObjectName("to_queue")
        self.queue_button.clicked.connect(lambda: go(self, "queue"))
        self.refusal = RefusalPanel()
        self.pages = QStackedWidget()
        self.page: dict[str, QWidget] = {}
        for name in PAGES:
            page = QWidget()
            page.setObjectName(f"page_{name}")
            self.page[name] = page
            self.pages.addWidget(page)
        self._build_start()
        self._build_identify()
        self._build_checks()
        self._build_override()
        self._build_sign()
        self._build_certificate()
        self._build_receipt()
        self._build_keys()
        self._build_deliver()
        self._build_done()
        # The title and the steps beside the way back to the queue: one row's height for all three.
        self.named = named = QVBoxLayout()
        named.setSpacing(4)
        named.addWidget(self.title)
        named.addWidget(self.steps)
        header = QHBoxLayout()
        header.addLayout(named, 1)
        header.addWidget(self.queue_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)  # the window keeps the bezel's margin (theme.BEZEL_PX)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.refusal)
        layout.addWidget(self.pages, 1)
        self.screen_layout = layout
        self.retranslate()

    # -- building the pages -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        portrait = on_portrait_panel(self)
        # The signing box at the panel's size (ux.md: 1000x400 on a portrait panel), its buttons below it
        # there: beside the 960 px box they made the page 1256 px wide. Asked on every resize, not once per
        # turn: the box changes its size only while it is empty.
        self.pad.arrange(beside=not portrait, portrait=portrait)

    def on_panel_turned(self, portrait: bool) -> None:
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        if self.identify_row.direction() == direction:
            return
        self.identify_row.setDirection(direction)
        self.identify_row.setStretch(1, 0 if portrait else 1)
        self._place_gates()
        # The serial's keypad under its field on a portrait panel (beside it, the other ways' buttons did
        # not fit in English).
        # So are the supervisor's keypad on the override page (beside the fields its keys stretched to
        # the panel's height).
        if portrait:
            self.cert_row.removeWidget(self.serial_keypad)
            self.cert_left.insertWidget(2, self.serial_keypad)
            self.override_row.removeWidget(self.sup_keypad)
            self.override_fields.insertWidget(self.override_fields.indexOf(self.override_reason) + 1,
                                              self.sup_keypad)
            # The steps under the title and the way back to the queue, at the full width: beside the
            # button they took two lines in English large text, which the supervisor's and the identify
            # pages cannot spare under a reach line; so are the 4 px more between the supervisor's rows.
            self.named.removeWidget(self.steps)
            self.screen_layout.insertWidget(1, self.steps)
            self.override_fields.setSpacing(8)
        else:
            self.screen_layout.removeWidget(self.steps)
            self.named.addWidget(self.steps)
            self.override_fields.setSpacing(12)
            self.cert_left.removeWidget(self.serial_keypad)
            self.cert_row.addWidget(self.serial_keypad, 0, Qt.AlignmentFlag.AlignTop)
            self.override_fields.removeWidget(self.sup_keypad)
            self.override_row.addWidget(self.sup_keypad, 1)

    def _column(self, name: str) -> QVBoxLayout:
        layout = QVBoxLayout(self.page[name])
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        return layout

    def _build_start(self) -> None:
        col = self._column("start")
        self.start_info = wrapped()
        self.start_info.setObjectName("start_info")
        self.start_button = button("primary")
        self.start_button.setObjectName("start")
        self.start_button.clicked.connect(self.start)
        col.addWidget(self.start_info)
        col.addStretch(1)
        col.addWidget(self.start_button)

    def _build_identify(self) -> None:
        col = self._column("identify")
        self.people = HangingLabel()  # a wrapped line under its name, not under the mark
        self.people.setObjectName("people")
        self.identify_hint = wrapped("hint")
        self.card_button = button()
        self.card_button.setObjectName("read_card")
        self.card_button.clicked.connect(self.read_card)
        self.qr_button = button()
        self.qr_button.setObjectName("scan_eid")
        self.qr_button.clicked.connect(self.scan_eid)
        self.typed_button = button()
        self.typed_button.setObjectName("identify_typed")
        self.typed_button.clicked.connect(self.identify_typed)
        # Staff type here, standing at the counter: staff-sized keys (ux.md: staff targets >= 64 px) in two
        # rows, so the identification page fits a 1280x800 panel below the shell's header, banner and
        # status strip; the widget's rules and feedback stay the same.
        self.id_keypad = IdKeypad(masked=True, rows=("1234567", "890X<<<"), key_px=STAFF_TARGET)
        self.id_keypad.display.setMinimumHeight(0)  # as tall as its figure font, no taller
        keypad_layout = self.id_keypad.layout()
        if keypad_layout is not None:
            keypad_layout.setContentsMargins(0, 0, 0, 0)
        self.id_keypad.valid_changed.connect(lambda _: self._update_buttons())
        self.agent_toggle = button()
        self.agent_toggle.setObjectName("agent_toggle")
        self.agent_toggle.setCheckable(True)
        self.agent_toggle.toggled.connect(self._update_buttons)
        self.agent_panel = QFrame()
        self.agent_panel.setProperty("role", "panel")
        self.agent_label = wrapped()
        self.authorisation = QLineEdit()
        self.authorisation.setObjectName("authorisation_no")
        self.authorisation.setMinimumHeight(64)
        self.authorisation.textChanged.connect(lambda _: self._update_buttons())
        self.agent_for: dict[int, QPushButton] = {}
        self.agent_for_box = QVBoxLayout()
        self.agent_button = button()
        self.agent_button.setObjectName("register_agent")
        self.agent_button.clicked.connect(self.register_agent)
        agent = QVBoxLayout(self.agent_panel)
        agent.setContentsMargins(16, 16, 16, 16)
        agent.addWidget(self.agent_label)
        agent.addWidget(self.authorisation)
        agent.addLayout(self.agent_for_box)
        agent.addWidget(self.agent_button)
        self.agent_panel.hide()
        self.to_checks = button("primary")
        self.to_checks.setObjectName("to_checks")
        self.to_checks.clicked.connect(lambda: self._show("checks"))
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.people)
        left.addWidget(self.identify_hint)
        self.ways = QWidget()
        ways = QHBoxLayout(self.ways)
        ways.setContentsMargins(0, 0, 0, 0)
        ways.setSpacing(16)
        ways.addWidget(self.card_button)
        ways.addWidget(self.qr_button)
        left.addWidget(self.ways)
        left.addWidget(self.agent_toggle)
        left.addWidget(self.agent_panel)
        left.addStretch(1)
        left.addWidget(self.to_checks)
        # A refusal here stands in the left column, beside the keypad (see _place_refusal).
        self.identify_left = left
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self.id_keypad)
        right.addWidget(self.typed_button)
        right.addStretch(1)
        # The keypad beside the ways on a landscape panel, under them on a portrait one (beside them, the
        # ways' buttons had 90 px each at 1080 px).
        self.identify_row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(24)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        col.addLayout(row, 1)

    def _build_checks(self) -> None:
        col = self._column("checks")
        # The checks in two columns: seven of them and the page's buttons fit a 1280x800 panel in large text.
        # Each column stacks its own checks (in a grid, a failed check three lines high opened a gap
        # between the two checks beside it).
        self.gates_box = QHBoxLayout()
        self.gates_box.setSpacing(24)
        self.gate_columns = (QVBoxLayout(), QVBoxLayout())
        for column in self.gate_columns:
            column.setSpacing(4)
            column.addStretch(1)
            self.gates_box.addLayout(column, 1)
        self.back_to_identify = button()
        self.back_to_identify.setObjectName("back_to_identify")
        self.back_to_identify.clicked.connect(lambda: self._show("identify"))
        self.check_button = button("primary")
        self.check_button.setObjectName("run_checks")
        self.check_button.clicked.connect(self.run_checks)
        self.override_toggle = button()
        self.override_toggle.setObjectName("override_toggle")
        self.override_toggle.clicked.connect(lambda: self._show("override"))
        col.addLayout(self.gates_box)
        col.addWidget(self.override_toggle)
        col.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        bottom.addWidget(self.back_to_identify)
        bottom.addWidget(self.check_button, 1)
        col.addLayout(bottom)

    def _build_override(self) -> None:
        """The supervisor's page: their own credential and a written reason (a page of its own, so the
        checks stay readable and it fits a 1280x800 panel)."""
        self.override_label = wrapped()
        self.supervisor_number = TapField()
        self.supervisor_number.setObjectName("supervisor_number")
        self.supervisor_pin = TapField()
        self.supervisor_pin.setObjectName("supervisor_pin")
        self.supervisor_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("override_reason")
        for f in (self.supervisor_number, self.supervisor_pin, self.override_reason):
            f.setMinimumHeight(64)
            f.textChanged.connect(lambda _: self._update_buttons())
        self._sup_field: QLineEdit = self.supervisor_number
        self.supervisor_number.tapped.connect(lambda: self._sup_target(self.supervisor_number))
        self.supervisor_pin.tapped.connect(lambda: self._sup_target(self.supervisor_pin))
        self.sup_keypad = StaffKeypad()
        self.sup_keypad.pressed.connect(self._sup_key)
        self.override_button = button("primary")
        self.override_button.setObjectName("override")
        self.override_button.clicked.connect(self.override)
        self.override_cancel = button()
        self.override_cancel.setObjectName("override_cancel")
        self.override_cancel.clicked.connect(self._cancel_override)
        self.override_fields = fields = QVBoxLayout()
        fields.setSpacing(12)
        self.sup_where = wrapped("hint")
        for w in (self.override_label, self.supervisor_number, self.supervisor_pin, self.sup_where,
                  self.override_reason):
            fields.addWidget(w)
        fields.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addWidget(self.override_cancel)
        buttons.addWidget(self.override_button, 1)
        fields.addLayout(buttons)
        self.override_row = row = QHBoxLayout(self.page["override"])
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(48)
        row.addLayout(fields, 1)
        row.addWidget(self.sup_keypad, 1)

    def _build_sign(self) -> None:
        col = self._column("sign")
        # The paper between the turn row and the box is text, no target: 8 px gaps are enough, and at
        # 1280x800 in large text the bezel's inset takes the 16 px they gave back.
        col.setSpacing(8)
        self.turn_banner = wrapped("heading", state="ok")
        self.turn_banner.setObjectName("turn_banner")
        self.paper_text = wrapped()
        self.paper_text.setObjectName("paper_text")
        # Its buttons beside the box: the paper and the 960x360 box fit a 1280x800 panel together.
        self.pad = SignaturePad("", "", beside=True)
        self.pad.setObjectName("signature_pad")
        self.pad.name_label.hide()
        self.pad.confirmed.connect(self._signed_one)
        self.paper_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The paper above the box, scrolling when long: the 960 px box leaves no room beside it at 1280 px.
        paper = QScrollArea()
        paper.setObjectName("paper")
        paper.setWidgetResizable(True)
        paper.setWidget(self.paper_text)
        paper.setMinimumHeight(72)
        paper.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        paper.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        QScroller.grabGesture(paper.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        # Staff can stop (a buyer who will not sign): back to the queue, the case stays checked.
        self.stop_signing = button()
        self.stop_signing.setObjectName("stop_signing")
        self.stop_signing.clicked.connect(lambda: go(self, "queue"))
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.turn_banner, 1)
        top.addWidget(self.stop_signing)
        col.addLayout(top)
        col.addWidget(paper, 1)
        col.addWidget(self.pad)

    def _build_certificate(self) -> None:
        col = self._column("certificate")
        self.cert_info = wrapped()
        self.cert_info.setObjectName("cert_info")
        self.serial = QLineEdit()
        self.serial.setObjectName("serial")
        mark_keypad_field(self.serial)
        self.serial.setMinimumHeight(64)
        self.serial.textChanged.connect(lambda _: self._update_buttons())
        # Four 64 px keys a row, the typed serial's button beside its field and the two other ways side by
        # side: the page fits a 1280x800 panel below the shell's header, banner and status strip.
        self.serial_keypad = StaffKeypad("-", key_px=STAFF_TARGET, columns=4)
        self.serial_keypad.pressed.connect(lambda k: self.serial.setText(apply_key(self.serial.text(), k)))
        self.bind_typed = button()
        self.bind_typed.setObjectName("bind_typed")
        self.bind_typed.clicked.connect(lambda: self.bind(typed_serial=self.serial.text().strip()))
        self.bind_scan = button()
        self.bind_scan.setObjectName("bind_scan")
        self.bind_scan.clicked.connect(self.scan_certificate)
        self.bind_stock = button("primary")
        self.bind_stock.setObjectName("bind_stock")
        self.bind_stock.clicked.connect(lambda: self.bind(print_on_stock=True))
        typed = QHBoxLayout()
        typed.setSpacing(16)
        typed.addWidget(self.serial, 1)
        typed.addWidget(self.bind_typed)
        others = QHBoxLayout()
        others.setSpacing(16)
        others.addWidget(self.bind_scan)
        others.addWidget(self.bind_stock, 1)
        self.cert_left = left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self.cert_info)
        left.addLayout(typed)
        left.addStretch(1)
        left.addLayout(others)
        self.cert_row = row = QHBoxLayout()
        row.setSpacing(32)
        row.addLayout(left, 1)
        # At the top at its own height: given the page's height its keys stretched to 70x220 px.
        row.addWidget(self.serial_keypad, 0, Qt.AlignmentFlag.AlignTop)
        col.addLayout(row, 1)

    def _build_receipt(self) -> None:
        col = self._column("receipt")
        self.receipt_info = wrapped()
        self.receipt_info.setObjectName("receipt_info")
        self.print_button = button("primary")
        self.print_button.setObjectName("print_receipt")
        self.print_button.clicked.connect(self.print_receipt)
        self.to_keys = button()
        self.to_keys.setObjectName("to_keys")
        self.to_keys.clicked.connect(lambda: self._show("keys"))
        col.addWidget(self.receipt_info)
        col.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.to_keys)
        row.addStretch(1)
        row.addWidget(self.print_button)
        col.addLayout(row)

    def _build_keys(self) -> None:
        col = self._column("keys")
        self.keys_info = wrapped()
        self.keys_button = button("primary")
        self.keys_button.setObjectName("hand_keys")
        self.keys_button.clicked.connect(lambda: self.command(handover.hand_keys, self.handover_id))
        col.addWidget(self.keys_info)
        col.addStretch(1)
        col.addWidget(self.keys_button)

    def _build_deliver(self) -> None:
        col = self._column("deliver")
        self.deliver_info = wrapped()
        self.deliver_button = button("primary")
        self.deliver_button.setObjectName("deliver")
        self.deliver_button.clicked.connect(lambda: self.command(handover.deliver, self.handover_id))
        col.addWidget(self.deliver_info)
        col.addStretch(1)
        col.addWidget(self.deliver_button)

    def _build_done(self) -> None:
        col = self._column("done")
        self.done_info = wrapped("heading", state="ok")
        self.done_info.setObjectName("done_info")
        self.back_to_queue = button("primary")
        self.back_to_queue.setObjectName("done_to_queue")
        self.back_to_queue.clicked.connect(lambda: go(self, "queue"))
        col.addWidget(self.done_info)
        col.addStretch(1)
        col.addWidget(self.back_to_queue)

    # -- moments ------------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self._reset()
        self.unit_code = str(args.get("unit_code", ""))
        self.handover_id = str(args.get("handover_id", ""))
        if self.handover_id:
            self.reload()
        else:
            self._show("start")
            self._call(load_case, self.unit_code, then=self._case_loaded, failed=self._load_failed)

    def leave(self) -> None:
        self._reset()

    def staff_strip_wanted(self) -> bool:
        # Decision for a 1280x800 panel: while a buyer signs, the strip (nothing in it is the buyer's)
        # gives its height to the paper and the 960x360 signing box; it is back on the next page.
        return not self._buyer_turn

    def _reset(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        self._tasks = []
        self._busy = False
        self.unit_code = self.handover_id = ""
        self.view = self.case = self.print_run = None
        self.texts, self.bundles, self.sign_queue = {}, {}, []
        self.refusal.clear()
        self.id_keypad.clear()
        for field in (self.authorisation, self.supervisor_number, self.supervisor_pin, self.override_reason,
                      self.serial):
            field.clear()
        self.agent_toggle.setChecked(False)
        self.pad.reset("", "")
        self._show("start")

    def subjects(self) -> set[str] | None:
        return {s for s in (self.unit_code, self.handover_id) if s}

    def refresh(self, batch: ChangeBatch) -> None:
        # A payment confirmation or a restriction arriving by sync changes the checks.
        if self.handover_id and not self._busy and self.current_page() in ("identify", "checks"):
            self.reload()

    def current_page(self) -> str:
        return PAGES[self.pages.currentIndex()]

    # -- calling the kiosk -----------------------------------------------------------------------

    def _call(self, fn: Callable[..., Any], *args: Any, then: Callable[[Any], None],
              failed: Callable[[BaseException], None] | None = None, **kwargs: Any) -> None:
        self._busy = True
        self._update_buttons()
        task = self.ctx.call(fn, *args, **kwargs)
        self._track(task)

        def done(value: Any) -> None:
            self._forget(task)
            then(value)
            self._update_buttons()

        def refused(error: BaseException) -> None:
            self._forget(task)
            (failed or self._refused)(error)
            self._update_buttons()

        task.succeeded.connect(done)
        task.failed.connect(refused)

    def _track(self, task: Task) -> None:
        """Keep the task until it ends, so leaving the screen can cancel what is still running."""
        self._tasks.append(task)
        task.ended.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self._busy = False

    def command(self, command: Callable[..., Any], *args: Any, then: Callable[[Any], None] | None = None,
                **kwargs: Any) -> None:
        """Run a handover command as the logged-in staff member, then show where the case is."""
        actor = self.session.actor
        if actor is None:
            self.refusal.show_error(AuthError("nobody is logged in at the counter", code="not_logged_in",
                                              hint="log in again"))
            return
        self.refusal.clear()
        self._call(run, command, actor, *args, then=then or (lambda _: self.reload()), **kwargs)

    def reload(self) -> None:
        self._call(load_handover, self.handover_id, then=self._loaded, failed=self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        # Reading failed (an unknown handover, the store gone): say so; reading again would fail the same way.
        self.refusal.show_error(error)

    def _refused(self, error: BaseException) -> None:
        """Show the refusal; when it is a failed check, word it with that check's reason and next action."""
        self.refusal.show_error(error, self._gate(getattr(error, "code", "")))
        if self.handover_id:
            self._call(load_handover, self.handover_id, then=self._loaded_after_refusal, failed=self._load_failed)

    def _loaded_after_refusal(self, view: HandoverView) -> None:
        self._loaded(view, follow=False)
        error = self.refusal.error
        if error is not None:
            self.refusal.show_error(error, self._gate(error.code))

    def _gate(self, code: str) -> Gate | None:
        gates = self.view.gates if self.view is not None else self.case.gates if self.case is not None else ()
        return next((g for g in gates if g.code == code and not g.passed), None)

    # -- start ------------------------------------------------------------------------------------

    def _case_loaded(self, case: CaseOverview) -> None:
        self.case = case
        live = case.handover
        if live is not None and live.state not in ("delivered", "cancelled"):
            self.handover_id = live.handover_id
            self.reload()
            return
        self._render()

    def start(self) -> None:
        self.command(handover.start, self.unit_code, then=self._started)

    def _started(self, handover_id: str) -> None:
        self.handover_id = handover_id
        self.reload()

    # -- the view decides the page -------------------------------------------------------------

    def _loaded(self, view: HandoverView, follow: bool = True) -> None:
        self.view = view
        self.unit_code = view.unit_code
        # The keypad offers the characters of the serial the registration expects (letters and all).
        extra = "-" + "".join(c for c in (view.serial or "") if not c.isdigit())
        if "".join(k for k in self.serial_keypad.keys if not k.isdigit()) != "".join(dict.fromkeys(extra)):
            self.serial_keypad.set_extra(extra)
        if follow:
            if view.state == "delivered":
                self._show("done")
            elif view.next_step == "check" and self.current_page() != "checks":
                # Everyone is identified: stay on identification until staff move on to the checks.
                self._show("identify" if self.current_page() in ("start", "identify") else "checks")
            elif view.next_step == "hand_keys" and self.current_page() == "receipt" and not self._printed_ok():
                self._show("receipt")  # the print failed or there is no printer: staff must see it
            else:
                self._show(PAGE_OF_STEP.get(view.next_step or "", "identify"))
        self._render()

    def _printed_ok(self) -> bool:
        run = self.print_run
        return run is not None and run.printed > 0 and run.failed == 0

    def _show(self, page: str) -> None:
        if page == "override" and self.current_page() != "override":
            self._call(roster_letters, then=self.sup_keypad.set_extra, failed=self._load_failed)
        # Only the page shown asks for room: the signing page alone needs most of a 1280x800 panel.
        for name, widget in self.page.items():
            policy = QSizePolicy.Policy.Preferred if name == page else QSizePolicy.Policy.Ignored
            widget.setSizePolicy(policy, policy)
        self.pages.setCurrentWidget(self.page[page])
        self._place_refusal(page)
        if page == "sign" and self.view is not None:
            self._begin_signing()
        self._render()

    def _place_refusal(self, page: str) -> None:
        """On the identification page the refusal takes the place of the hint and the other ways on,
        beside the keypad (a 1280x800 panel has no height for it above both columns); elsewhere it
        stands above the page."""
        layout = self.identify_left if page == "identify" else self.screen_layout
        index = 1
        if layout.indexOf(self.refusal) != index:
            layout.insertWidget(index, self.refusal)
        self.refusal.set_brief(page == "identify")

    # -- identification --------------------------------------------------------------------------

    def read_card(self) -> None:
        self.refusal.clear()
        self._busy = True
        self._update_buttons()
        task = self.ctx.device("card_reader", read_id_card)
        self._track(task)
        task.succeeded.connect(lambda number: self._identify("card", number))
        task.failed.connect(self._device_failed)

    def scan_eid(self) -> None:
        self.refusal.clear()
        self._busy = True
        self._update_buttons()
        task = self.ctx.device("scanner", read_scan)
        self._track(task)
        task.succeeded.connect(lambda text: self._identify("eid_qr", text))
        task.failed.connect(self._device_failed)

    def _device_failed(self, error: BaseException) -> None:
        self._busy = False
        self.refusal.show_error(error)
        self._update_buttons()

    def identify_typed(self) -> None:
        number = self.id_keypad.number()
        if number:
            self._identify("typed", number)

    def _identify(self, method: str, value: str) -> None:
        self._busy = False
        self.command(handover.identify, self.handover_id, method=method, value=value,
                     then=lambda _: self._identified())

    def _identified(self) -> None:
        self.id_keypad.clear()
        self.reload()

    def register_agent(self) -> None:
        number = self.id_keypad.number()
        chosen = [buyer for buyer, box in self.agent_for.items() if box.isChecked()]
        if not number:
            return
        self.command(handover.register_agent, self.handover_id, agent_id_number=number,
                     authorisation_no=self.authorisation.text(), for_buyers=chosen,
                     then=lambda _: self._agent_registered())

    def _agent_registered(self) -> None:
        self.id_keypad.clear()
        self.authorisation.clear()
        self.agent_toggle.setChecked(False)
        self.reload()

    # -- checks and override -----------------------------------------------------------------------

    def run_checks(self) -> None:
        self.command(handover.check, self.handover_id)

    def _sup_target(self, field: QLineEdit) -> None:
        self._sup_field = field
        for f in (self.supervisor_number, self.supervisor_pin):
            restyle(f, state="ok" if f is field else "")
        self._render_sup_where()

    def _render_sup_where(self) -> None:
        # Which field the keypad types into, in words (the reason is typed with the on-screen keyboard).
        self.sup_where.setText(self.tr("The keypad types the supervisor's PIN.") if self._sup_field is self.supervisor_pin
                               else self.tr("The keypad types the supervisor's staff number. Tap the PIN field next."))

    def _sup_key(self, key: str) -> None:
        self._sup_field.setText(apply_key(self._sup_field.text(), key, 12))

    def override(self) -> None:
        staff_id = self.supervisor_number.text().strip().upper()
        pin, reason = self.supervisor_pin.text(), self.override_reason.text().strip()
        self.supervisor_pin.clear()  # never left on screen, right or wrong
        self.refusal.clear()
        self._call(override_restriction, staff_id, pin, self.unit_code, reason, then=lambda _: self._overridden())

    def _overridden(self) -> None:
        self._cancel_override()
        self.reload()

    def _cancel_override(self) -> None:
        for field in (self.supervisor_number, self.supervisor_pin, self.override_reason):
            field.clear()
        self.refusal.clear()
        self._sup_target(self.supervisor_number)
        self._show("checks")

    # -- signing -------------------------------------------------------------------------------

    def _begin_signing(self) -> None:
        view = self.view
        if view is None or self.sign_queue or self.bundles:
            return
        self.sign_queue = [(p, paper) for p in view.people if p.covered for paper in ("handover", "receipt")]
        self._call(papers, self.handover_id, then=self._papers_loaded)

    def _papers_loaded(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self._next_signer()

    def _next_signer(self) -> None:
        if not self.sign_queue:
            self.command(handover.sign, self.handover_id, self.bundles, then=lambda _: self._signed_all())
            return
        person, paper = self.sign_queue[0]
        self.pad.reset(document_hash(self.texts[paper]), self._signer_name(person))
        self._render()

    def _signer_name(self, person: HandoverPerson) -> str:
        if person.present:
            return person.holder.name
        agent = self.view.agent.id_masked if self.view is not None and self.view.agent else ""
        return self.tr("Agent {agent} for {name}").format(agent=agent, name=person.holder.name)

    def _signed_one(self, bundle: dict[str, Any]) -> None:
        if not self.sign_queue:
            return
        person, paper = self.sign_queue.pop(0)
        self.bundles.setdefault(person.holder.buyer_id, {})[paper] = bundle
        self._next_signer()

    def _signed_all(self) -> None:
        self.bundles, self.texts = {}, {}
        self.reload()

    # -- certificate, receipt ------------------------------------------------------------------

    def bind(self, **how: Any) -> None:
        self.command(handover.bind_certificate, self.handover_id, **how)

    def scan_certificate(self) -> None:
        self.refusal.clear()
        self._busy = True
        self._update_buttons()
        task = self.ctx.device("scanner", read_scan)
        self._track(task)

        def scanned(text: str) -> None:
            self._busy = False
            self.bind(scanned=text)

        task.succeeded.connect(scanned)
        task.failed.connect(self._device_failed)

    def print_receipt(self) -> None:
        actor = self.session.actor
        if actor is None or self.view is None:
            return
        issue = self.view.state == "certificate_bound"
        self.refusal.clear()
        self._call(issue_and_print, actor, self.handover_id, self.ctx.devices.printer, issue, then=self._printed)

    def _printed(self, result: PrintRun | None) -> None:
        self.print_run = result
        self.reload()

    # -- words and buttons ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Handover with certificate"))
        self.queue_button.setText(self.tr("Back to the queue"))
        self.start_button.setText(self.tr("Start the handover"))
        self.identify_hint.setText(self.tr("Identify every holder: the ID card on the reader, the e-ID QR code "
                                           "at the scanner, or the number typed on the keypad."))
        self.card_button.setText(self.tr("Read ID card"))
        self.qr_button.setText(self.tr("Scan e-ID QR"))
        self.typed_button.setText(self.tr("Identify the typed number"))
        self.agent_label.setText(self.tr("The agent's ID number on the keypad; the authorisation (授权委托书) "
                                         "number here."))
        self.authorisation.setPlaceholderText(self.tr("Authorisation number"))
        self.agent_button.setText(self.tr("Record the agent"))
        self.to_checks.setText(self.tr("Next: the checks"))
        self.check_button.setText(self.tr("Run the checks"))
        self.back_to_identify.setText(self.tr("Back to identification"))
        self.override_toggle.setText(self.tr("Supervisor override for the restricted developer"))
        self.override_label.setText(self.tr("The supervisor's own number and PIN, and why this unit may proceed. "
                                            "It is recorded and reported."))
        self.supervisor_number.setPlaceholderText(self.tr("Supervisor's staff number"))
        self.supervisor_pin.setPlaceholderText(self.tr("Supervisor's PIN"))
        self.override_reason.setPlaceholderText(self.tr("Written reason"))
        self.override_button.setText(self.tr("Allow this unit"))
        self.override_cancel.setText(self.tr("Cancel"))
        self.stop_signing.setText(self.tr("Stop signing"))
        self._render_sup_where()
        self.bind_typed.setText(self.tr("Bind the typed serial"))
        self.bind_scan.setText(self.tr("Scan the certificate"))
        self.bind_stock.setText(self.tr("Print on blank certificate stock"))
        self.serial.setPlaceholderText(self.tr("Serial printed on the certificate paper"))
        self.print_button.setText(self.tr("Print the receipt"))
        self.to_keys.setText(self.tr("Continue without the paper receipt"))
        self.keys_button.setText(self.tr("The keys are handed over"))
        self.deliver_button.setText(self.tr("Confirm the delivery"))
        self.back_to_queue.setText(self.tr("Back to the queue"))
        self._render()

    def _render(self) -> None:
        page = self.current_page()
        view = self.view
        labels = [(self.tr("Identify"), "identify"), (self.tr("Checks"), "checks"), (self.tr("Sign"), "sign"),
                  (self.tr("Certificate"), "certificate"), (self.tr("Receipt"), "receipt"),
                  (self.tr("Keys"), "keys"), (self.tr("Deliver"), "deliver")]
        done = {PAGE_OF_STEP[step.step] for step in view.steps if step.done} if view is not None else set()
        page = "checks" if page == "override" else page
        # Done steps carry a tick, the current one brackets: not colour alone.
        self.steps.setText("  ›  ".join(f"【{text}】" if key == page else f"✔{text}" if key in done else text
                                        for text, key in labels))
        unit = self.unit_code or "-"
        self.title.setText(self.tr("Handover with certificate, unit {unit}").format(unit=unit))
        self.start_info.setText(self._start_text())
        self.people.show_text(self._people_text(), nested=False)
        self._render_gates()
        self._render_agent_choices()
        self._render_sign()
        self.cert_info.setText(self._cert_text())
        self.receipt_info.setText(self._receipt_text())
        printed = self.tr("The receipt is printed.") + "\n" if self._printed_ok() else ""
        self.keys_info.setText(printed + self.tr("Hand the keys to the buyer, then confirm here."))
        self.deliver_info.setText(self.tr("Everything is done. Confirm the delivery: the checks run once more "
                                          "and the case is closed."))
        cert = view.certificate_no if view is not None and view.certificate_no else "-"
        self.done_info.setText(self.tr("Delivered. Keys and certificate {number} are handed over.")
                               .format(number=cert))
        self._update_buttons()

    def _start_text(self) -> str:
        case = self.case
        if case is None:
            return self.tr("Loading the case…")
        holders = "、".join(f"{h.name_masked} {h.id_masked}" for h in case.holders)
        return self.tr("{project}, building {building}, room {room}\nHolders: {holders}").format(
            project=case.project_name, building=case.building, room=case.room, holders=holders)

    def _people_text(self) -> str:
        view = self.view
        if view is None:
            return ""
        lines = []
        for p in view.people:
            state = (self.tr("present") if p.present else self.tr("represented by the agent") if p.represented
                     else self.tr("not yet identified"))
            mark = "✔" if p.covered else "✘"
            lines.append(self.tr("{mark} {name} {id}: {state}").format(
                mark=mark, name=p.holder.name_masked, id=p.holder.id_masked, state=state))
        if view.agent is not None:
            lines.append(self.tr("Agent {agent}, authorisation {number}").format(
                agent=view.agent.id_masked, number=view.agent.authorisation_no))
        return "\n".join(lines)

    def _place_gates(self) -> None:
        """The checks in two columns on a landscape panel (a 1280x800 panel has no height for one), in
        one on a portrait panel (two left each check 480 px at 1080 px, most on three lines)."""
        rows = max(1, len(self.gate_labels)) if on_portrait_panel(self) else GATE_ROWS
        for column in self.gate_columns:
            for label in self.gate_labels:
                column.removeWidget(label)
        for n, label in enumerate(self.gate_labels):
            column = self.gate_columns[n // rows]
            column.insertWidget(column.count() - 1, label)  # above the column's stretch
        self.gates_box.setStretch(1, 1 if len(self.gate_labels) > rows else 0)  # one column: the whole width

    def gates_text(self) -> str:
        """Every check as shown, one per line (pass/fail, the reason, the next action)."""
        return "\n".join(label.plain for label in self.gate_labels)

    def _render_gates(self) -> None:
        gates = self.view.gates if self.view is not None else ()
        while len(self.gate_labels) > len(gates):
            label = self.gate_labels.pop()
            for column in self.gate_columns:
                column.removeWidget(label)
            label.deleteLater()
        while len(self.gate_labels) < len(gates):
            # A wrapped line continues under the words after the mark, the next step under the reason.
            self.gate_labels.append(HangingLabel())
        self._place_gates()
        chinese = self._chinese()
        for label, g in zip(self.gate_labels, gates, strict=True):
            if g.passed:
                label.show_text(self.tr("✔ passed: {what}").format(
                    what=g.reason if chinese else self._passed_name(g.check)))
            else:
                what = g.reason if chinese else g.message
                todo = g.next_action if chinese else (g.hint or "")
                label.show_text(self.tr("✘ failed: {what}\n    next: {todo}").format(what=what, todo=todo))
            restyle(label, state="ok" if g.passed else "error")

    def _passed_name(self, check: str) -> str:
        """A passed check in words (the Chinese checklist line comes with the gate itself)."""
        names = {
            "project_not_eligible": self.tr("the project is registered"),
            "contract_not_filed": self.tr("the contract is filed"),
            "unpaid": self.tr("every payment is confirmed"),
            "not_registered": self.tr("the registration is recorded, with a certificate number"),
            "developer_restricted": self.tr("the developer is not restricted"),
            "keys_not_ready": self.tr("the keys are ready"),
            "holder_missing": self.tr("every holder is present or represented"),
        }
        return names.get(check, check)

    def _chinese(self) -> bool:
        return current_language() != "en"

    def _render_agent_choices(self) -> None:
        view = self.view
        absent = [p for p in view.people if not p.covered] if view is not None else []
        ids = [p.holder.buyer_id for p in absent]
        if list(self.agent_for) != ids:
            for box in self.agent_for.values():
                self.agent_for_box.removeWidget(box)
                box.deleteLater()
            self.agent_for = {}
            for p in absent:
                # A checkable button, not a check box: the whole 64 px row is the target.
                box = button()
                box.setCheckable(True)
                box.setObjectName(f"agent_for_{p.holder.buyer_id}")
                box.toggled.connect(lambda _: self._render())
                self.agent_for_box.addWidget(box)
                self.agent_for[p.holder.buyer_id] = box
        for p in absent:
            box = self.agent_for[p.holder.buyer_id]
            text = self.tr("For {name} {id}").format(name=p.holder.name_masked, id=p.holder.id_masked)
            box.setText(f"✔ {text}" if box.isChecked() else text)

    def _render_sign(self) -> None:
        if not self.sign_queue:
            self.turn_banner.setText(self.tr("Recording the signatures…") if self.bundles else "")
            self.paper_text.clear()
            return
        person, paper = self.sign_queue[0]
        paper_name = self.tr("the handover confirmation") if paper == "handover" else self.tr("the certificate receipt")
        total = sum(1 for p in (self.view.people if self.view else ()) if p.covered) * 2
        # The signer named here: the pad's own name line gives its height to the paper.
        self.turn_banner.setText(self.tr("Please turn the screen to the buyer. {signer}, please sign: {paper} "
                                         "({n} of {total})").format(signer=self._signer_name(person),
                                                                   paper=paper_name,
                                                                   n=total - len(self.sign_queue) + 1, total=total))
        self.paper_text.setText(self.texts.get(paper, ""))

    def _cert_text(self) -> str:
        view = self.view
        if view is None:
            return ""
        text = self.tr("Certificate number: {number}").format(number=view.certificate_no or "-")
        if view.serial:
            text += "\n" + self.tr("Pre-printed paper expected, serial {serial}: scan or type it.").format(
                serial=view.serial)
        else:
            text += "\n" + self.tr("No paper is pre-printed: print on blank stock, or scan or type the serial "
                                   "of the paper used.")
        return text

    def _receipt_text(self) -> str:
        view = self.view
        if self.ctx.devices.printer is None:
            return self.tr("No receipt printer is configured. The receipt stays queued; call the technician.")
        run = self.print_run
        job = view.receipt_job if view is not None else None
        if run is None:
            if job is not None and job.state != "printed":
                return self.tr("The receipt is queued but not printed: {error}").format(error=job.last_error or "-")
            return self.tr("Print the handover receipt with the e-certificate QR code for the buyer.")
        if run.failed:
            errors = "; ".join(r.detail for r in run.jobs if r.attempted and not r.printed)
            return self.tr("The receipt did not print: {error}. Fix the printer and print again; the receipt "
                           "stays queued.").format(error=errors)
        return self.tr("The receipt is printed.")

    def _update_buttons(self) -> None:
        busy = self._busy
        view = self.view
        state = view.state if view is not None else ""
        can_identify = state in ("open", "checked") and not busy
        for b in (self.card_button, self.qr_button):
            b.setEnabled(can_identify)
        self.typed_button.setEnabled(can_identify and self.id_keypad.number() is not None)
        agent_mode = self.agent_toggle.isChecked()
        # Whose number the keys type, where it will stand (a lone "-" said nothing).
        self.id_keypad.set_placeholder(self.tr("The agent's ID number") if agent_mode
                                       else self.tr("A holder's ID number"))
        self.agent_toggle.setText(self.tr("Back to identifying the holders") if agent_mode
                                  else self.tr("An agent comes for absent holders"))
        # One way at a time: the agent's form takes the place of the buyer's ways of identifying.
        self.agent_panel.setVisible(agent_mode)
        self.ways.setVisible(not agent_mode)
        refused = not self.refusal.isHidden()
        # A refusal says what to do next: the general hint, the agent's way and the way on step back until
        # the next try (a 1280x800 panel has no room for all of them beside the keypad).
        self.identify_hint.setVisible(not agent_mode and not refused)
        self.agent_toggle.setVisible(agent_mode or not refused)
        self.to_checks.setVisible(not refused)
        self.typed_button.setVisible(not agent_mode)
        self.agent_button.setEnabled(can_identify and self.id_keypad.number() is not None
                                     and any(b.isChecked() for b in self.agent_for.values()))
        self.to_checks.setEnabled(not busy and state == "open")
        self.back_to_identify.setEnabled(not busy and state == "open")
        self.start_button.setEnabled(not busy and self.case is not None and not self.handover_id)
        self.check_button.setEnabled(not busy and state == "open")
        restricted = view is not None and any(g.code == "developer_restricted" and not g.passed for g in view.gates)
        self.override_toggle.setVisible(restricted)
        self.override_button.setEnabled(not busy and bool(self.supervisor_number.text().strip())
                                        and bool(self.supervisor_pin.text()))
        self.pad.setEnabled(not busy and bool(self.sign_queue))
        self.stop_signing.setEnabled(not busy)
        can_bind = not busy and state == "signed"
        self.bind_typed.setEnabled(can_bind and bool(self.serial.text().strip()))
        self.bind_scan.setEnabled(can_bind)
        self.bind_stock.setEnabled(can_bind)
        self.print_button.setEnabled(not busy and state in ("certificate_bound", "receipt_issued")
                                     and self.ctx.devices.printer is not None)
        self.to_keys.setEnabled(not busy and state == "receipt_issued")
        self.keys_button.setEnabled(not busy and state == "receipt_issued")
        self.deliver_button.setEnabled(not busy and state == "keys_handed")
        # While the buyer signs, staff controls and the staff's step list step back: the screen is the buyer's.
        buyer_turn = self.current_page() == "sign" and not self.refusal.isVisibleTo(self)
        for w in (self.queue_button, self.title, self.steps):
            w.setVisible(not buyer_turn)
        # Delivered: the page's own primary button goes back to the queue; a second one above it said the same.
        if self.current_page() == "done":
            self.queue_button.setVisible(False)
        if buyer_turn != self._buyer_turn:
            self._buyer_turn = buyer_turn
            self.chrome_changed.emit()
