"""阅读并签署: the contract or the handover papers page by page, then each co-owner signs in turn.

``enter(unit_code=..., document="contract" | "handover")``.

Reading: ``contract_screen_pages`` (≤ 36 characters a line, ID numbers masked),
turned with page buttons; signing opens after the last page. Signing: one
``SignaturePad`` per signature in turn: for the contract every buyer on it
signs its hash; for the handover every holder present (or represented) signs
both papers (the handover confirmation, then the certificate receipt). The
bundles go to ``contracts.sign`` / ``handover.sign`` through ``kiosk.run`` as the
self-service actor (``common.self_service_actor``). A refusal shows its plain
sentence and hint, with "sign again" and the way back; on success the screen
returns to ``my_case`` for the unit, loaded fresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.app import Kiosk
from kiosk.errors import FlowError
from kiosk.services import contracts, handover
from kiosk.services.signatures import document_hash

from ui.context import AppContext
from ui.documents import contract_screen_pages
from ui.qt import QHBoxLayout, QPushButton, QStackedWidget, Qt, QVBoxLayout, QWidget
from ui.screens.base import Screen
from ui.screens.buyer.common import Panel, label, note, plain_refusal, self_service_actor, staff_line
from ui.screens.buyer.identify import navigator_of
from ui.tasks import Task
from ui.widgets.guard import GuardedButton
from ui.widgets.signature import SignaturePad


@dataclass(frozen=True)
class Signing:
    """One signature to take: who (buyer id and name), which paper, and the hash it signs."""

    buyer_id: int
    name: str
    paper: str
    doc_sha256: str


@dataclass(frozen=True)
class Reading:
    """What the screen shows and collects for one document (no full ID number in it)."""

    document: str
    subject_id: str
    pages: tuple[tuple[str, ...], ...]
    signings: tuple[Signing, ...]


def load_reading(kiosk: Kiosk, unit_code: str, document: str) -> Reading:
    """On the store thread: the pages and the signatures to take, from the services."""
    case = kiosk.case(unit_code)
    names = {h.buyer_id: h.name for h in case.holders}
    if document == "contract":
        if case.contract is None or case.contract.state != "draft":
            raise FlowError(f"unit {unit_code} has no contract waiting to be signed", code="illegal_transition")
        text = contracts.content(kiosk.store, case.contract.contract_id)
        return Reading(document, case.contract.contract_id,
                       tuple(tuple(p) for p in contract_screen_pages(text)),
                       tuple(Signing(h.buyer_id, h.name, "contract", case.contract.doc_hash) for h in case.holders))
    if case.handover is None or case.handover.state != "checked":
        raise FlowError(f"unit {unit_code} has no handover waiting for signatures", code="illegal_transition")
    row = handover.get(kiosk.store, case.handover.handover_id)
    papers = handover.documents(kiosk.ctx, row)
    signers = sorted(set(row["present"]) | set(row["represented"]))
    pages = [tuple(p) for text in papers.values() for p in contract_screen_pages(text)]
    signings = tuple(Signing(b, names.get(b, ""), paper, document_hash(text))
                     for b in signers for paper, text in papers.items())
    return Reading(document, case.handover.handover_id, tuple(pages), signings)


def submit(kiosk: Kiosk, ctx_actor: Any, reading: Reading, bundles: dict[int, dict[str, dict[str, Any]]]) -> None:
    """On the store thread: the signed bundles to the services' command."""
    if reading.document == "contract":
        kiosk.run(contracts.sign, ctx_actor, reading.subject_id,
                  {buyer: papers["contract"] for buyer, papers in bundles.items()})
    else:
        kiosk.run(handover.sign, ctx_actor, reading.subject_id, bundles)


class ReadSignScreen(Screen):
    """``enter(unit_code=str, document="contract" | "handover")``."""

    name = "read_sign"
    audience = "buyer"
    holds_personal_data = True
    idle_seconds = 120

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.unit_code = ""
        self.document = "contract"
        self.reading: Reading | None = None
        self.page = 0
        self.step = 0
        self.bundles: dict[int, dict[str, dict[str, Any]]] = {}
        self._task: Task | None = None

        self.title = label("title", wrap=False)
        self.text = label()
        self.text.setObjectName("page_text")
        self.text.setWordWrap(False)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.read_hint = label("hint", wrap=False)
        self.page_label = label(wrap=False)
        # Page buttons are plain: two quick taps turn two pages (not a double submit).
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.sign_button = GuardedButton()
        self.sign_button.setProperty("role", "primary")
        for button in (self.previous_button, self.next_button):
            button.setMinimumSize(240, 96)
        self.sign_button.setMinimumSize(320, 96)
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        self.sign_button.clicked.connect(self.start_signing)
        reading = Panel()
        reading.box.addWidget(self.text, 1)
        pager = QHBoxLayout()
        pager.setSpacing(24)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next_button)
        pager.addStretch(1)
        pager.addWidget(self.sign_button)
        reading.box.addWidget(self.read_hint, 0, Qt.AlignmentFlag.AlignRight)
        reading.box.addLayout(pager)

        self.signer_label = label("heading")
        self.signer_label.setObjectName("signer")
        self.reread_button = QPushButton()
        self.reread_button.setMinimumSize(240, 80)
        self.reread_button.clicked.connect(self.read_again)
        self.pad = SignaturePad("", "")
        self.pad.confirmed.connect(self.signed)
        signing = Panel()
        signer_row = QHBoxLayout()
        signer_row.addWidget(self.signer_label, 1)
        signer_row.addWidget(self.reread_button, 0, Qt.AlignmentFlag.AlignTop)
        signing.box.addLayout(signer_row)
        signing.box.addWidget(self.pad)
        signing.box.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(reading)
        self.stack.addWidget(signing)
        self.reading_panel, self.signing_panel = reading, signing
        self.message = note(state="error")
        self.message.setObjectName("message")
        self.staff_note = note("hint")
        self.again_button = GuardedButton()
        self.again_button.setMinimumSize(320, 96)
        self.again_button.clicked.connect(self.start_signing)
        self.again_button.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.staff_note)
        layout.addWidget(self.again_button)
        self.retranslate()

    # -- moments ---------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.unit_code = str(args["unit_code"])
        self.document = str(args.get("document", "contract"))
        self._reset()
        self._task = self.ctx.call(load_reading, self.unit_code, self.document)
        self._task.succeeded.connect(self.show_reading)
        self._task.failed.connect(self._refused)
        self.retranslate()

    def leave(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self._reset()
        self.unit_code = ""

    def _reset(self) -> None:
        self.reading = None
        self.page = self.step = 0
        self.bundles = {}
        self.text.setText("")
        self.signer_label.setText("")
        self.pad.reset("", "")
        self.message.setText("")
        self.staff_note.setText("")
        self.again_button.setVisible(False)
        self.stack.setCurrentWidget(self.reading_panel)
        self._render_page()

    # -- reading ---------------------------------------------------------------------------

    def show_reading(self, reading: Reading) -> None:
        self._task = None
        self.reading = reading
        self.page = 0
        self._render_page()

    def turn(self, step: int) -> None:
        if self.reading is None:
            return
        self.page = max(0, min(len(self.reading.pages) - 1, self.page + step))
        self._render_page()

    def _render_page(self) -> None:
        pages = self.reading.pages if self.reading else ()
        self.text.setText("\n".join(pages[self.page]) if pages else "")
        self.page_label.setText(self.tr("Page {n} of {total}").format(n=self.page + 1, total=len(pages))
                                if pages else "")
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(bool(pages) and self.page < len(pages) - 1)
        # Signing opens once the buyer has reached the last page; until then the hint says why.
        last = bool(pages) and self.page == len(pages) - 1
        self.sign_button.setEnabled(last)
        self.read_hint.setText(self.tr("Signing opens on the last page.") if pages and not last else "")

    def read_again(self) -> None:
        """Back to the pages from the signing box; signing starts afresh from the last page."""
        self.stack.setCurrentWidget(self.reading_panel)

    # -- signing ---------------------------------------------------------------------------

    def start_signing(self) -> None:
        if self.reading is None:
            return
        self.step = 0
        self.bundles = {}
        self.message.setText("")
        self.staff_note.setText("")
        self.again_button.setVisible(False)
        self.stack.setCurrentWidget(self.signing_panel)
        self._prepare_pad()

    def _prepare_pad(self) -> None:
        assert self.reading is not None
        signing = self.reading.signings[self.step]
        self.pad.reset(signing.doc_sha256, signing.name)
        self._render_signer()

    def _render_signer(self) -> None:
        if self.reading is None or self.step >= len(self.reading.signings):
            self.signer_label.setText("")
            return
        signing = self.reading.signings[self.step]
        paper = {"contract": self.tr("the sale contract"), "handover": self.tr("the handover confirmation"),
                 "receipt": self.tr("the certificate receipt")}.get(signing.paper, signing.paper)
        self.signer_label.setText(self.tr("Signature {n} of {total}: {name}, please sign {paper}.").format(
            n=self.step + 1, total=len(self.reading.signings), name=signing.name, paper=paper))

    def signed(self, bundle: dict[str, Any]) -> None:
        if self.reading is None:
            return
        signing = self.reading.signings[self.step]
        self.bundles.setdefault(signing.buyer_id, {})[signing.paper] = bundle
        self.step += 1
        if self.step < len(self.reading.signings):
            self._prepare_pad()
            return
        self.pad.setEnabled(False)
        self._task = self.ctx.call(submit, self_service_actor(self.ctx), self.reading, self.bundles)
        self._task.succeeded.connect(self._done)
        self._task.failed.connect(self._refused)

    def _done(self, _value: object) -> None:
        self._task = None
        self.pad.setEnabled(True)
        nav = navigator_of(self)
        if nav is not None and "my_case" in nav.names():
            nav.go("my_case", unit_codes=[self.unit_code])

    def _refused(self, error: object) -> None:
        self._task = None
        self.pad.setEnabled(True)
        assert isinstance(error, BaseException)
        self.message.setText(plain_refusal(error))
        self.staff_note.setText(staff_line(error))
        self.again_button.setVisible(self.reading is not None)

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Read and sign the contract") if self.document == "contract"
                           else self.tr("Read and sign the handover papers"))
        self.previous_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.sign_button.setText(self.tr("I have read it: sign"))
        self.again_button.setText(self.tr("Sign again"))
        self.reread_button.setText(self.tr("Read again"))
        self._render_page()
        self._render_signer()
