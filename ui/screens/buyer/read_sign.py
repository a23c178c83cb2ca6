"""阅读并签署: the contract or the handover papers page by page, then each co-owner signs in turn.

``enter(unit_code=..., document="contract" | "handover", presences=[Presence, ...])``.

Reading: ``contract_screen_pages`` (≤ 36 characters a line, ID numbers masked),
turned with page buttons; signing opens after the last page. The pages are cut
for the room the panel gives the text: as many lines as its height holds and
as many characters as its width holds, never more than 36, so the same
document reads on a 1920x1080 and a 1280x800 panel, in normal and large text. Signing: one
``SignaturePad`` per signature in turn: for the contract every buyer on it
signs its hash; for the handover every holder present (or represented) signs
both papers (the handover confirmation, then the certificate receipt). Before
a signer's first signature, unless their ID card was read in this session
(``presences``: from the identify screen's card read, kept by ``my_case``), the
``SignerCard`` step asks for it; each bundle carries its signer's proof
(``identified_by``, ``kiosk.services.presence``), which the core requires of the
self-service actor: a typed number finds cases but lets nobody sign. The
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
from kiosk.services.presence import Presence
from kiosk.services.signatures import document_hash

from ui.context import AppContext
from ui.documents import contract_screen_pages
from ui.documents.contract import SCREEN_CHARS_PER_LINE
from ui.qt import (
    QEvent,
    QFontMetrics,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRect,
    QResizeEvent,
    QSize,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Screen, on_portrait_panel
from ui.screens.buyer.common import (
    Panel,
    label,
    note,
    plain_refusal,
    refusal_prompt,
    self_service_actor,
    staff_line,
)
from ui.screens.buyer.identify import navigator_of
from ui.screens.buyer.signer_card import SignerCard
from ui.tasks import Task
from ui.widgets.guard import GuardedButton, repeatable
from ui.widgets.signature import SignaturePad

# The least a page shows: on a 1280x800 panel in large text the room holds three lines.
MIN_CHARS = 16
MIN_LINES = 2
MIN_PAGE_PX = QSize(480, 100)
READING_MARGINS = (24, 16, 24, 0)
# The 960 px box (ux.md) and beside it a column of buttons at least 240 px wide (ux.md's primary
# button) on a 1280 px panel, inside the window's bezel inset: 1280 - 2 x 24 - 960 - 16 = 256 px.
SIGNING_MARGINS = (0, 8, 0, 0)
PRIMARY_MIN_PX = 240
# On a wider panel the column stops at 400 px: buttons across half a 1920 px screen read as bars.
SIGNING_MAX_PX = 960 + 16 + 400


@dataclass(frozen=True)
class Signing:
    """One signature to take: who (buyer id and name), which paper, and the hash it signs;
    ``represented_at``: the handover where an authorised agent signs for this buyer."""

    buyer_id: int
    name: str
    paper: str
    doc_sha256: str
    represented_at: str | None = None


@dataclass(frozen=True)
class Reading:
    """What the screen shows and collects for one document: its texts (a full ID number in them is
    masked when they are cut into pages) and the signatures to take."""

    document: str
    subject_id: str
    texts: tuple[str, ...]
    signings: tuple[Signing, ...]


class PageText(QLabel):
    """The page's text; tells the screen when its room changed, so the pages are cut again."""

    resized = Signal()

    def __init__(self) -> None:
        super().__init__()
        # The room decides the lines, not the lines the room: the label never asks for more.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(MIN_PAGE_PX)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.resized.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # large text on or off
            self.resized.emit()

    def room(self) -> tuple[int, int]:
        """(characters a line, lines a page) that fit the label at its font."""
        metrics = QFontMetrics(self.font())
        chars = int(self.contentsRect().width() // max(1, metrics.horizontalAdvance("国")))
        # Each line takes its full spacing, the last one too: Qt lays a wrapped text out that way (its
        # leading below the last line included), so a page cut to n - 1 spacings plus one height was
        # clipped by a few pixels in large text.
        lines = int(self.contentsRect().height() // max(1, metrics.lineSpacing(), metrics.height()))
        return max(MIN_CHARS, min(SCREEN_CHARS_PER_LINE, chars)), max(MIN_LINES, lines)

    def overrun(self, page: list[str]) -> tuple[bool, bool]:
        """Whether ``page`` is (wider, taller) than the label at its font. Lines are cut by characters
        counted in 国 widths and pages by the font's line spacing, and neither is exact: a full-width
        bracket, a digit or a Latin letter is not quite its counted share of a line, and a line drawn
        partly in a fallback font is a pixel taller (English screens draw Chinese text from one)."""
        rect = self.contentsRect()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        needed = QFontMetrics(self.font()).boundingRect(QRect(0, 0, rect.width(), 100_000), flags, "\n".join(page))
        return needed.width() > rect.width(), needed.height() > rect.height()


def load_reading(kiosk: Kiosk, unit_code: str, document: str) -> Reading:
    """On the store thread: the pages and the signatures to take, from the services."""
    case = kiosk.case(unit_code)
    names = {h.buyer_id: h.name for h in case.holders}
    if document == "contract":
        if case.contract is None or case.contract.state != "draft":
            raise FlowError(f"unit {unit_code} has no contract waiting to be signed", code="illegal_transition")
        text = kiosk.contract_text(case.contract.contract_id)
        return Reading(document, case.contract.contract_id, (text,),
                       tuple(Signing(h.buyer_id, h.name, "contract", case.contract.doc_hash) for h in case.holders))
    if case.handover is None or case.handover.state != "checked":
        raise FlowError(f"unit {unit_code} has no handover waiting for signatures", code="illegal_transition")
    papers = kiosk.handover_papers(case.handover.handover_id)
    people = kiosk.handover(case.handover.handover_id).people
    present = {p.holder.buyer_id for p in people if p.present}
    represented = {p.holder.buyer_id for p in people if p.represented}
    agent_signs = represented - present
    signings = tuple(Signing(b, names.get(b, ""), paper, document_hash(text),
                             case.handover.handover_id if b in agent_signs else None)
                     for b in sorted(present | represented) for paper, text in papers.items())
    return Reading(document, case.handover.handover_id, tuple(papers.values()), signings)


def submit(kiosk: Kiosk, ctx_actor: Any, reading: Reading, bundles: dict[int, dict[str, dict[str, Any]]]) -> None:
    """On the store thread: the signed bundles to the services' command."""
    if reading.document == "contract":
        kiosk.run(contracts.sign, ctx_actor, reading.subject_id,
                  {buyer: papers["contract"] for buyer, papers in bundles.items()})
    else:
        kiosk.run(handover.sign, ctx_actor, reading.subject_id, bundles)


class ReadSignScreen(Screen):
    """``enter(unit_code=str, document="contract" | "handover", presences=[Presence, ...])``."""

    name = "read_sign"
    audience = "buyer"
    holds_personal_data = True
    idle_seconds = 120
    sign_row: QHBoxLayout | None = None  # set in __init__; Qt may send a font change before
    sign_below = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.unit_code = ""
        self.document = "contract"
        self.reading: Reading | None = None
        self.pages: list[list[str]] = []
        self.read_to_end = False
        self._room = (0, 0)
        self._cut_for = QSize()  # the label's size the pages were last cut for
        self.page = 0
        self.step = 0
        self.bundles: dict[int, dict[str, dict[str, Any]]] = {}
        # Whose ID card was read at the terminal in this session (kiosk.services.presence).
        self.presences: list[Presence] = []
        self._task: Task | None = None

        self.title = label("title", wrap=False)
        self.text = PageText()
        self.text.setObjectName("page_text")
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text.resized.connect(self._cut_pages)
        self.read_hint = label("hint")
        self.page_label = label(wrap=False)
        # Page buttons are repeatable: two quick taps turn two pages (not a double submit).
        self.previous_button = repeatable(QPushButton())
        self.next_button = repeatable(QPushButton())
        self.sign_button = GuardedButton()
        self.sign_button.setProperty("role", "primary")
        for button in (self.previous_button, self.next_button):
            button.setMinimumSize(160, 96)
        self.sign_button.setMinimumSize(280, 96)
        self.previous_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        self.sign_button.clicked.connect(self.start_signing)
        reading = Panel()
        reading.box.addWidget(self.text, 1)
        pager = QHBoxLayout()
        pager.setSpacing(16)  # ux.md's least: at 24 px the row overran a 1280 px panel in large text by page 10
        pager.addWidget(self.previous_button)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next_button)
        pager.addStretch(1)
        pager.addWidget(self.sign_button)
        reading.box.setContentsMargins(24, 16, 24, 16)
        # Why signing is not open yet, right above the button it is about (the page text gives way).
        self.read_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        reading.box.addWidget(self.read_hint)
        reading.box.addLayout(pager)
        # Where the row cannot hold the page buttons and 去签名 (a portrait panel in large text), the
        # button and the hint about it go to a row of their own below.
        self.pager, self.sign_row = pager, QHBoxLayout()
        self.sign_row.addStretch(1)
        reading.box.addLayout(self.sign_row)

        self.signer_label = label("heading")
        self.signer_label.setObjectName("signer")
        self.reread_button = GuardedButton()
        self.reread_button.setMinimumSize(240, 80)
        self.reread_button.clicked.connect(self.read_again)
        # The buttons beside the box, not under it: under it the step needs 878 px of height (896 in large
        # text), more than a 1280x800 panel has below the header.
        self.pad = SignaturePad("", "", beside=True)
        # The theme's minimum is for the text inside the padding (240 + padding + border): ux.md asks the
        # button to be 240 px wide, which the column gives it; the theme's would not fit beside the box.
        self.pad.confirm_button.setStyleSheet("min-width: 0px;")
        self.pad.confirm_button.setMinimumWidth(PRIMARY_MIN_PX)
        # The signer row above names who signs what; the pad's own name line would say it twice.
        self.pad.name_label.hide()
        pad_layout = self.pad.layout()
        if pad_layout is not None:
            pad_layout.setContentsMargins(0, 0, 0, 0)
        self.pad.confirmed.connect(self.signed)
        signing = QWidget()
        signing.setMaximumWidth(SIGNING_MAX_PX)
        signing_box = QVBoxLayout(signing)
        signing_box.setContentsMargins(0, 0, 0, 0)
        signing_box.setSpacing(8)
        signer_row = QHBoxLayout()
        signer_row.addWidget(self.signer_label, 1)
        signer_row.addWidget(self.reread_button, 0, Qt.AlignmentFlag.AlignTop)
        signing_box.addLayout(signer_row)
        signing_box.addWidget(self.pad)
        signing_box.addStretch(1)

        self.card = SignerCard(ctx)
        self.card.proven.connect(self._card_proven)
        self.card.to_counter.connect(self._to_counter)
        self.card.spoken.connect(self.say)

        self.stack = QStackedWidget()
        self.stack.addWidget(reading)
        self.stack.addWidget(signing)
        self.stack.addWidget(self.card)
        self.reading_panel, self.signing_panel = reading, signing
        self.message = note(state="error")
        self.message.setObjectName("message")
        self.staff_note = note("hint")
        self.again_button = GuardedButton()
        self.again_button.setMinimumSize(320, 96)
        self.again_button.clicked.connect(self.start_signing)
        self.again_button.setVisible(False)
        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(*READING_MARGINS)
        layout.setSpacing(12)
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
        self.presences = list(args.get("presences", []))
        self._task = self.ctx.call(load_reading, self.unit_code, self.document)
        self._task.succeeded.connect(self.show_reading)
        self._task.failed.connect(self._refused)
        self.retranslate()
        self.say("read_sign.papers" if self.document == "handover" else "read_sign.contract")

    def leave(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self._task = None
        self._reset()
        self.unit_code = ""

    def _reset(self) -> None:
        self.reading = None
        self.read_to_end = False
        self.pages = []
        self._room = (0, 0)
        self.page = self.step = 0
        self.bundles = {}
        self.presences = []
        self.card.stop()
        self.text.setText("")
        self.signer_label.setText("")
        self.pad.reset("", "")
        self.message.setText("")
        self.staff_note.setText("")
        self.again_button.setVisible(False)
        self._show_panel(self.reading_panel)
        self._render_page()

    # -- reading ---------------------------------------------------------------------------

    def show_reading(self, reading: Reading) -> None:
        self._task = None
        self.reading = reading
        self.page = 0
        self._room = (0, 0)
        self._cut_pages()

    def _cut_pages(self) -> None:
        """Cut the texts into pages for the label's room (again when the room or the text size changes)."""
        room = self.text.room()
        # The same room a pixel lower may no longer hold the same pages (a line drawn a pixel taller
        # than its spacing): a new size is checked again, whether or not the counted room changed.
        size = self.text.contentsRect().size()
        if self.reading is None or (room == self._room and size == self._cut_for):
            return
        self._cut_for = size
        # Keep the line the buyer is reading on screen: the first line of the page shown.
        first = sum(len(p) for p in self.pages[:self.page])
        self._room = room
        chars, lines = room
        while True:
            self.pages = [page for text in self.reading.texts
                          for page in contract_screen_pages(text, chars_per_line=chars, lines_per_page=lines)]
            overruns = [self.text.overrun(page) for page in self.pages]
            wider, taller = any(w for w, _ in overruns) and chars > MIN_CHARS, \
                any(t for _, t in overruns) and lines > MIN_LINES
            if not (wider or taller):
                break
            chars, lines = chars - wider, lines - taller
        self.page = min(first // lines, len(self.pages) - 1) if self.pages else 0
        self._render_page()

    def turn(self, step: int) -> None:
        if not self.pages:
            return
        self.page = max(0, min(len(self.pages) - 1, self.page + step))
        self._render_page()

    def _render_page(self) -> None:
        pages = self.pages
        self.text.setText("\n".join(pages[self.page]) if pages else "")
        self.page_label.setText(self.tr("Page {n} of {total}").format(n=self.page + 1, total=len(pages))
                                if pages else "")
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(bool(pages) and self.page < len(pages) - 1)
        # Signing opens once the buyer has reached the last page; until then the hint says why. Once
        # reached it stays open: pages cut again for a new room (a re-layout, the text size) must not
        # take the buyer's reading away.
        self._arrange_pager()
        self.read_to_end = self.read_to_end or (bool(pages) and self.page == len(pages) - 1)
        self.sign_button.setEnabled(self.read_to_end)
        self.read_hint.setText(self.tr("Signing opens on the last page.") if pages and not self.read_to_end else "")

    def read_again(self) -> None:
        """Back to the pages from the signing box; signing starts afresh from the last page."""
        self._show_panel(self.reading_panel)

    def _show_panel(self, panel: QWidget) -> None:
        # While signing, the signer row is the heading: the page title would take the box's room.
        self.title.setVisible(panel is self.reading_panel)
        self.box.setContentsMargins(*(READING_MARGINS if panel is self.reading_panel else SIGNING_MARGINS))
        if panel is not self.card:
            self.card.stop()
        for other in (self.reading_panel, self.signing_panel, self.card):
            policy = QSizePolicy.Policy.Preferred if other is panel else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(panel)

    # -- signing ---------------------------------------------------------------------------

    def start_signing(self) -> None:
        if self.reading is None:
            return
        self.step = 0
        self.bundles = {}
        self.message.setText("")
        self.staff_note.setText("")
        self.again_button.setVisible(False)
        self._show_panel(self.signing_panel)
        self._prepare_pad()

    def _presence_for(self, signing: Signing) -> Presence | None:
        return next((p for p in self.presences
                     if p.covers(signing.buyer_id, represented_at=signing.represented_at)), None)

    def _prepare_pad(self) -> None:
        assert self.reading is not None
        signing = self.reading.signings[self.step]
        if self._presence_for(signing) is None:
            # Nobody signs for someone else: the signer's own card first (kiosk.services.presence).
            self._show_panel(self.card)
            self.card.ask(signing.buyer_id, signing.name, represented_at=signing.represented_at)
            return
        self._show_panel(self.signing_panel)
        self.pad.reset(signing.doc_sha256, signing.name)
        self._render_signer()
        # The signer's name is on screen only: nothing personal is spoken.
        self.say("read_sign.sign")

    def _render_signer(self) -> None:
        if self.reading is None or self.step >= len(self.reading.signings):
            self.signer_label.setText("")
            return
        signing = self.reading.signings[self.step]
        paper = {"contract": self.tr("the sale contract"), "handover": self.tr("the handover confirmation"),
                 "receipt": self.tr("the certificate receipt")}.get(signing.paper, signing.paper)
        self.signer_label.setText(self.tr("Signature {n} of {total}: {name}, please sign {paper}.").format(
            n=self.step + 1, total=len(self.reading.signings), name=signing.name, paper=paper))

    def _card_proven(self, presence: object) -> None:
        assert isinstance(presence, Presence)
        self.presences.append(presence)
        if self.reading is not None and self.step < len(self.reading.signings):
            self._prepare_pad()

    def _to_counter(self) -> None:
        """The signer cannot show their card here: signing moves to the counter, where staff check people."""
        self.bundles = {}
        self._show_panel(self.reading_panel)
        self.message.setText(self.tr("Please go to the service counter with every signer and their ID cards: "
                                     "staff will check them and you sign there."))
        self.staff_note.setText("")
        self.again_button.setVisible(True)
        self.say("read_sign.to_counter")

    def signed(self, bundle: dict[str, Any]) -> None:
        if self.reading is None:
            return
        signing = self.reading.signings[self.step]
        presence = self._presence_for(signing)
        if presence is None:  # the proof went (a refusal, a new session): the card again, then the pad
            self._prepare_pad()
            return
        self.bundles.setdefault(signing.buyer_id, {})[signing.paper] = {**bundle, "identified_by": presence.stamp()}
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
            nav.go("my_case", unit_codes=[self.unit_code], presences=list(self.presences))

    def _refused(self, error: object) -> None:
        self._task = None
        self.pad.setEnabled(True)
        assert isinstance(error, BaseException)
        if getattr(error, "code", "") == "signer_not_identified":
            # A proof too old or not accepted: signing again asks each signer's card afresh.
            self.presences = []
        self.message.setText(plain_refusal(error))
        self.say(refusal_prompt(error))
        self.staff_note.setText(staff_line(error))
        self.again_button.setVisible(self.reading is not None)

    # -- layout ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange_pager()
        # A portrait panel has the width for ux.md's 1000x400 box and not for a column beside it; below
        # the box the buttons take height, which a portrait panel has to spare.
        portrait = on_portrait_panel(self)
        self.pad.arrange(beside=not portrait, portrait=portrait)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # large text on or off
            self._arrange_pager()

    def _arrange_pager(self) -> None:
        if self.sign_row is None:
            return  # Qt's first font change comes before the buttons exist
        # The widest page count of the document (its last page), so turning a page never moves the button.
        total = max(1, len(self.pages))
        count = QFontMetrics(self.page_label.font()).horizontalAdvance(
            self.tr("Page {n} of {total}").format(n=total, total=total))
        buttons = (self.previous_button, self.next_button, self.sign_button)
        need = sum(b.sizeHint().width() for b in buttons) + count + 3 * self.pager.spacing()
        # The screen's and the reading panel's margins, and the panel's border.
        room = self.width() - READING_MARGINS[0] - READING_MARGINS[2] - 2 * 24 - 4
        below = need > room
        if below == self.sign_below:
            return
        self.sign_below = below
        box = self.reading_panel.box
        self.pager.removeWidget(self.sign_button)
        self.sign_row.removeWidget(self.sign_button)
        box.removeWidget(self.read_hint)
        if below:
            box.insertWidget(box.indexOf(self.sign_row), self.read_hint)
            self.sign_row.addWidget(self.sign_button)
        else:
            box.insertWidget(box.indexOf(self.pager), self.read_hint)
            self.pager.addWidget(self.sign_button)

    # -- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Read and sign the contract") if self.document == "contract"
                           else self.tr("Read and sign the handover papers"))
        self.previous_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.sign_button.setText(self.tr("I have read it: sign"))
        self._arrange_pager()
        self.again_button.setText(self.tr("Sign again"))
        self.reread_button.setText(self.tr("Read again"))
        self._render_page()
        self._render_signer()
        self.card.retranslate()
