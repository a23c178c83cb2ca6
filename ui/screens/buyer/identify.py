"""识别身份: the buyer is identified by ID card, e-ID / contract QR, or the typed number.

``enter()`` starts with the card; ``enter(way="keypad")`` (or ``"qr"``) with another way (the
snapshots' ``identify_keypad``). Three ways, each one tap away at all times:

- the card (default): the reader on its own bus waits ``prompt_seconds`` (10 s)
  for a card; each round without one repeats the prompt, and after
  ``alternatives_seconds`` (45 s) the other two ways are offered in words as
  well. A bad read says what happened and keeps waiting;
- the QR code: the camera's newest frame is decoded on the camera's bus, shown
  as a preview with the found code outlined; the ID number is taken out of the
  code's text by the services (``handover.id_number_from``);
- the keypad: ``IdKeypad`` with its live check-character feedback.

Every way ends in the same look-up on the store thread: the services parse the
number as an identity document (an old 15-digit number is refused with
``id_legacy15``) and return the buyer's cases; the screen goes to ``my_case``
with them. A card read also proves the buyer is here (``Kiosk.prove_presence``):
the proof goes along (``presences``) so they sign later in this session without
placing the card again; a typed number or a QR code proves nothing. The full
number never reaches a widget (the keypad shows it while typed and is cleared
on leave) and is not kept by the screen.
"""

from __future__ import annotations

import threading
from typing import Any

import cv2
import numpy as np

from hardware.camera.base import Camera
from hardware.devices import CameraDevice, CardReaderDevice
from hardware.idcard.errors import NoCard
from hardware.scanning.pipeline import DecoderPipeline
from kiosk.app import Kiosk
from kiosk.services.handover import id_number_from
from kiosk.services.presence import PROOF_METHODS, Presence
from kiosk.views.case import CaseOverview

from ui.context import AppContext
from ui.navigation import Navigator
from ui.qt import (
    QBoxLayout,
    QButtonGroup,
    QColor,
    QImage,
    QLabel,
    QPainter,
    QPen,
    QPixmap,
    QPointF,
    QPolygonF,
    QPushButton,
    QResizeEvent,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Screen, on_portrait_panel
from ui.screens.buyer.common import Panel, label, note, plain_refusal, refusal_prompt, set_state, staff_line
from ui.tasks import Task
from ui.widgets.guard import GuardedButton
from ui.widgets.keypad import IdKeypad

CARD, QR, KEYPAD = "card", "qr", "keypad"
PREVIEW_SIZE = (960, 540)
# What the voice says when a way is chosen (ui/voice/prompts.py).
WAY_PROMPTS = {CARD: "identify.card", QR: "identify.qr", KEYPAD: "identify.keypad"}
OUTLINE = QColor("#1b5e20")
KEY_PX = 96  # ux.md's smallest keypad key: four rows of them fit beside the ways on a 1280x800 panel


def find_cases(kiosk: Kiosk, method: str, value: str) -> tuple[list[CaseOverview], Presence | None]:
    """On the store thread: the presented number (refused when not a current document), then its cases,
    and for a card read the proof that its holder is here (``None`` for a typed number or a QR code)."""
    number = id_number_from(method, value, today=kiosk.today())  # type: ignore[arg-type]
    cases = kiosk.cases_for_buyer(number)
    return cases, kiosk.prove_presence(method, number) if cases and method in PROOF_METHODS else None


def read_card_number(reader_device: CardReaderDevice, timeout: float) -> str:
    """On the card reader's bus: wait up to ``timeout`` s for a card; only its number leaves the bus."""
    with reader_device.open() as reader:
        return reader.wait_for_card(timeout).id_number


class CameraScan:
    """The camera and its decoder, owned by the camera's bus thread (never touched elsewhere)."""

    _open: dict[int, tuple[Camera, DecoderPipeline]] = {}
    _lock = threading.Lock()

    @classmethod
    def grab(cls, device: CameraDevice) -> tuple[np.ndarray, list[str], list[tuple[float, float]]]:
        """The newest frame (downscaled for the preview), the texts of its codes and the first code's corners."""
        with cls._lock:
            opened = cls._open.get(id(device))
            if opened is None:
                camera = device.open()
                camera.start()
                opened = cls._open[id(device)] = (camera, DecoderPipeline())
        camera, pipeline = opened
        image = camera.latest(2.0).image
        texts = [s.text for s in pipeline.decode(image)]
        corners: list[tuple[float, float]] = []
        if texts:
            found, points = cv2.QRCodeDetector().detect(image)
            if found and points is not None:
                height, width = image.shape[:2]
                corners = [(float(x) / width, float(y) / height) for x, y in points.reshape(-1, 2)]
        preview = cv2.resize(image, PREVIEW_SIZE, interpolation=cv2.INTER_AREA)
        return preview, texts, corners

    @classmethod
    def stop(cls, device: CameraDevice) -> None:
        with cls._lock:
            opened = cls._open.pop(id(device), None)
        if opened is not None:
            opened[0].stop()


def frame_pixmap(frame: np.ndarray, corners: list[tuple[float, float]]) -> QPixmap:
    """A BGR frame as a pixmap, with the found code's outline drawn over it."""
    # Qt reads BGR bytes as they are: reversing the channels in numpy first cost ~30 ms a 1280x720 frame.
    pixels = np.ascontiguousarray(frame)
    height, width = pixels.shape[:2]
    fmt = QImage.Format.Format_BGR888 if pixels.ndim == 3 else QImage.Format.Format_Grayscale8
    # fromImage copies the pixels while ``pixels`` is alive: no copy of the QImage first.
    pixmap = QPixmap.fromImage(QImage(pixels.data, width, height, pixels.strides[0], fmt))
    if len(corners) >= 4:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(OUTLINE, 8))
        painter.drawPolygon(QPolygonF([QPointF(x * width, y * height) for x, y in corners]))
        painter.end()
    return pixmap


def navigator_of(widget: QWidget) -> Navigator | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, Navigator):
        parent = parent.parentWidget()
    return parent


class IdentifyScreen(Screen):
    """``enter(way="card")``: the way shown first (``card``, ``qr`` or ``keypad``). Goes to ``my_case``
    with ``cases=[CaseOverview, ...]``.

    ``prompt_repeated`` fires each time the card prompt is said again (every ``prompt_seconds``
    without a card), for the shell's voice prompt to replay it.
    """

    prompt_repeated = Signal()

    name = "identify"
    audience = "buyer"
    holds_personal_data = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.prompt_seconds = 10.0
        self.alternatives_seconds = 45.0
        self.camera_interval_ms = 150
        self.active = False
        self.method = CARD
        self.prompts = 0
        self._card_task: Task | None = None
        self._camera_task: Task | None = None
        self._lookup: Task | None = None
        self._waited = 0.0

        self.title = label("title", wrap=False)
        self.ways = QButtonGroup(self)
        self.way_buttons: dict[str, QPushButton] = {}
        ways = self.ways_box = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        ways.setSpacing(16)
        for way in (CARD, QR, KEYPAD):
            button = GuardedButton()
            button.setCheckable(True)
            button.setMinimumSize(280, 80)  # the chosen one is primary: 96 px (theme)
            button.clicked.connect(lambda _=False, w=way: self.choose(w))
            self.ways.addButton(button)
            self.way_buttons[way] = button
            ways.addWidget(button)
        ways.addStretch(1)

        # The card page: an animated hint (a pulsing card outline), the repeated prompt, alternatives.
        self.card_hint = label("figure", wrap=False)
        self.card_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_prompt = label()  # body size: it must fit beside an error on a 1280x800 panel
        self.card_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_alternatives = label(state="warn")
        self.card_alternatives.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card_page = Panel()
        card_page.box.setContentsMargins(24, 8, 24, 8)
        card_page.box.addStretch(1)
        card_page.box.addWidget(self.card_hint)
        card_page.box.addWidget(self.card_prompt)
        card_page.box.addWidget(self.card_alternatives)
        card_page.box.addStretch(1)
        self._pulse = QTimer(self)
        self._pulse.setInterval(600)
        self._pulse.timeout.connect(self._animate)
        self._pulse_on = False

        # The QR page: live preview with the outline, and what to show.
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        # As large as the page allows (a frame is scaled to it), never below half the camera's preview.
        self.preview.setMinimumSize(PREVIEW_SIZE[0] // 2, PREVIEW_SIZE[1] // 2)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setProperty("role", "panel")  # a framed place where the picture will appear
        # Body size, as the card's prompt: at heading size in large text it took five lines of a 1280x800
        # panel's page, above the preview's least height.
        self.qr_prompt = label()
        qr_page = Panel()
        qr_page.box.setContentsMargins(24, 8, 24, 8)
        qr_page.box.addWidget(self.qr_prompt)
        qr_page.box.addWidget(self.preview, 1)

        # The keypad page: ux.md's smallest keys on the left, the check and 继续 on the right, so the
        # page is only as tall as the keys; the number itself is shown in the title's row, the one
        # place as wide as it is at figure size (a 1280x800 panel in large text, with the training
        # banner, has under 500 px beside the ways and under 800 px across them). A portrait panel, with
        # the page as wide as the screen, shows it at the top of the page (``_arrange_keypad``).
        self.keypad = IdKeypad(beside=True, key_px=KEY_PX, delete_sign=True)
        self.keypad_continue = GuardedButton()
        self.keypad_continue.setProperty("role", "primary")
        self.keypad_continue.setMinimumSize(240, 96)
        self.keypad_continue.setEnabled(False)
        self.keypad.valid_changed.connect(self.keypad_continue.setEnabled)
        self.keypad_continue.clicked.connect(self._typed)
        # No 清除 (删除 stays, and the other ways): the column's height is for the check, or for what
        # went wrong, at large text on a 1280x800 panel.
        self.keypad.clear_button.hide()
        self.keypad.column.setSpacing(8)  # text above one button: no two targets meet in the column
        self.keypad.column.addWidget(self.keypad_continue)
        self.keypad.status_changed.connect(self._keypad_edited)
        keypad_page = Panel()
        keypad_page.box.setContentsMargins(16, 4, 16, 4)
        # A portrait panel puts the number above the keys here: its line's own leading is gap enough, and
        # below the reach line in English large text the page has no height to spare.
        keypad_page.box.setSpacing(0)
        keypad_page.box.addWidget(self.keypad)

        self.pages = QStackedWidget()
        self.page_of = {CARD: card_page, QR: qr_page, KEYPAD: keypad_page}
        for page in self.page_of.values():
            self.pages.addWidget(page)

        # What happened last (a bad read, nothing found), with the way forward; never dismissed by itself.
        self.message = note(state="error")
        self.message.setObjectName("message")
        self.staff_note = note("hint")
        self.staff_note.setObjectName("staff_note")

        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(24, 4, 24, 0)
        layout.setSpacing(8)  # rows of text and the ways' box: no two targets meet across these gaps
        layout.addWidget(self.title)
        self.keypad.column.removeWidget(self.keypad.display)
        self.keypad.display.setMinimumHeight(0)  # a row of its own: as high as its line of figures
        layout.addWidget(self.keypad.display)
        # The ways in a column beside the page on a landscape panel; on a portrait one in a row above it
        # (beside it, the keypad's page made the screen 1156 px wide).
        body = self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(32)
        body.addLayout(ways)
        body.addWidget(self.pages, 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.staff_note)
        # Takes the height the keypad's page leaves on a portrait panel (below, not inside the page's frame).
        layout.addStretch(0)
        self.retranslate()
        self._show_way(CARD)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        portrait = on_portrait_panel(self)
        # In a row where the three fit the screen's width (not English in large text: a column there).
        buttons = self.way_buttons.values()
        margins = self.box.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        row = portrait and sum(b.sizeHint().width() for b in buttons) + 2 * self.ways_box.spacing() <= room
        across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
        for box, direction in ((self.body, down if portrait else across), (self.ways_box, across if row else down)):
            if box.direction() != direction:
                box.setDirection(direction)
        # Above the page (portrait) the ways are apart from it by a row's spacing: a portrait panel's reach
        # line leaves the keypad's step no height to spare.
        spacing = 16 if portrait else 32
        if self.body.spacing() != spacing:
            self.body.setSpacing(spacing)
        # Stacked above the page, the ways keep their minimum heights (80 px, the chosen one 96) without
        # the padding that would make them taller.
        stacked = "stacked" if portrait and not row else "false"
        for button in buttons:
            if button.property("compact") != stacked:
                button.setProperty("compact", stacked)
                button.style().unpolish(button)
                button.style().polish(button)
        self._arrange_keypad()

    def _arrange_keypad(self) -> None:
        """Landscape: the number in the title's row, the keys as tall as the page (a 1280x800 panel has no
        height to spare). Portrait: the number at the top of the keypad's page, the keys under it at their
        own size, and the page only as tall as they are (stretched to the panel's height they were 260 px
        high and 140 px wide)."""
        portrait = on_portrait_panel(self)
        display, page = self.keypad.display, self.page_of[KEYPAD].box
        home, away = (page, self.box) if portrait else (self.box, page)
        if home.indexOf(display) < 0:
            away.removeWidget(display)
            home.insertWidget(0 if portrait else self.box.indexOf(self.title) + 1, display)
        policy = QSizePolicy.Policy.Fixed if portrait else QSizePolicy.Policy.Expanding
        for key in self.keypad.keys.values():
            if key.sizePolicy().verticalPolicy() != policy:
                key.setSizePolicy(key.sizePolicy().horizontalPolicy(), policy)
        grouped = portrait and self.method == KEYPAD
        self.box.setStretchFactor(self.body, 0 if grouped else 1)
        self.box.setStretch(self.box.count() - 1, 1 if grouped else 0)

    # -- moments ---------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        way = args.get("way", CARD)
        if way not in self.page_of:
            raise ValueError(f"identify: no way named {way!r}; the ways are {', '.join(self.page_of)}")
        self.active = True
        self._clear_message()
        # The start prompt asks the buyer to choose; a screen opened on another way says that way's.
        self.choose(way, prompt="identify.start" if way == CARD else "")

    def leave(self) -> None:
        self.active = False
        self._pulse.stop()
        for task in (self._card_task, self._camera_task, self._lookup):
            if task is not None:
                task.cancel()
        self._card_task = self._camera_task = self._lookup = None
        self._stop_camera()
        self.keypad.clear()
        self.preview.clear()
        self._preview_placeholder()
        self._clear_message()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Who are you? Choose one way"))
        self.way_buttons[CARD].setText(self.tr("Place ID card"))
        self.way_buttons[QR].setText(self.tr("Show QR code"))
        self.way_buttons[KEYPAD].setText(self.tr("Type ID number"))
        self.card_prompt.setText(self.tr("Please place your ID card flat on the reader below the screen."))
        self._render_alternatives()
        self.qr_prompt.setText(self.tr("Hold the QR code of your electronic ID or of your contract "
                                       "in front of the camera, about 20 cm away."))
        self.keypad_continue.setText(self.tr("Continue"))
        # In the number's place until a key is pressed: a dash there read as a figure the buyer had typed.
        self.keypad.set_placeholder(self.tr("Enter your ID number"))
        self._preview_placeholder()
        self._animate_text()

    def _preview_placeholder(self) -> None:
        # Until the first frame arrives the frame says what is coming, not an empty box.
        pixmap = self.preview.pixmap()
        if pixmap is None or pixmap.isNull():
            self.preview.setText(self.tr("The camera picture appears here."))

    # -- choosing a way -------------------------------------------------------------------

    def choose(self, way: str, prompt: str = "") -> None:
        """Show one way and start its device; the others stop. The voice says ``prompt`` or the way's own."""
        self._clear_message()
        self._show_way(way)
        if not self.active:
            return
        self.say(prompt or WAY_PROMPTS[way])
        if way == CARD:
            self._waited = 0.0
            self.prompts = 0
            self._render_alternatives()
            self._pulse.start()
            self._wait_for_card()
        else:
            self._pulse.stop()
        if way == QR:
            self._next_frame()
        else:
            self._stop_camera()

    def _show_way(self, way: str) -> None:
        self.method = way
        self.way_buttons[way].setChecked(True)
        # The chosen way looks chosen (filled), not only checked.
        for other, button in self.way_buttons.items():
            button.setProperty("role", "primary" if other == way else "")
            set_state(button, "")
        # Only the shown page sets the minimum size (a stacked widget otherwise takes its largest page's).
        for other, page in self.page_of.items():
            policy = QSizePolicy.Policy.Preferred if other == way else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.pages.setCurrentWidget(self.page_of[way])
        # While typing, the number takes the title's row: the way chosen says what this step is.
        self.title.setVisible(way != KEYPAD)
        self.keypad.display.setVisible(way == KEYPAD)
        self._place_notes(way)
        self._arrange_keypad()

    def _place_notes(self, way: str) -> None:
        """What went wrong is said under the page, across the screen; on the keypad's page in the place
        of the keypad's check instead (under its keys is no height to spare)."""
        column = self.keypad.column
        for note_label in (self.message, self.staff_note):
            column.removeWidget(note_label)
            self.box.removeWidget(note_label)
        if way == KEYPAD:
            at = column.indexOf(self.keypad.feedback) + 1
            column.insertWidget(at, self.message)
            column.insertWidget(at + 1, self.staff_note)
        else:
            # Above the stretch that closes the screen's column: right under the page.
            self.box.insertWidget(self.box.count() - 1, self.message)
            self.box.insertWidget(self.box.count() - 1, self.staff_note)
        self.keypad.feedback.setVisible(not self.message.text())

    # -- the card -------------------------------------------------------------------------

    def _wait_for_card(self) -> None:
        if self._card_task is not None and not self._card_task.is_ended:
            return
        task = self.ctx.device("card_reader", read_card_number, self.prompt_seconds)
        task.succeeded.connect(lambda number: self._look_up("card", str(number)))
        task.failed.connect(self._card_failed)
        self._card_task = task
        # ux.md: idle time pauses while a card read is pending, which has its own limit: once the
        # alternatives are offered the rounds go on, but idle time counts again (a buyer who walked
        # away is timed out).
        # Each round holds under its own name: the next round starts before this one's ``ended``.
        if self.ctx.idle is not None and not self.alternatives_offered():
            self.ctx.idle.hold(task, f"card-{task.task_id}")

    def _card_failed(self, error: object) -> None:
        self._card_task = None
        if not (self.active and self.method == CARD):
            return
        if isinstance(error, NoCard):
            # A round with no card: say it again, and after a while offer the other ways in words too.
            offered = self.alternatives_offered()
            self.prompts += 1
            self._waited += self.prompt_seconds
            self._render_alternatives()
            # Said once when the other ways are first offered; the card prompt again every other round.
            self.say("identify.alternatives" if self.alternatives_offered() and not offered else "identify.card")
            self.prompt_repeated.emit()
            self._wait_for_card()
            return
        assert isinstance(error, BaseException)
        self._show_error(*self._card_problem(error), error)
        self._waited = self.alternatives_seconds
        self._render_alternatives()
        # A bad read is not the end: keep waiting for the card to be placed again.
        QTimer.singleShot(1000, self, self._retry_card)

    def _retry_card(self) -> None:
        if self.active and self.method == CARD:
            self._wait_for_card()

    def _card_problem(self, error: BaseException) -> tuple[str, str]:
        """What the buyer reads and hears (a voice prompt id) about a bad read."""
        code = getattr(error, "code", "")
        if isinstance(error, LookupError) or code in ("device_unavailable", "unavailable"):
            return self.tr("The card reader is not working right now. "
                           "Please show your QR code or type your ID number instead."), "identify.reader_down"
        if code == "idcard_card_removed":
            return self.tr("The card was moved while it was being read. "
                           "Please place it again and hold it still."), "identify.card_moved"
        if code == "idcard_unknown_type":
            return self.tr("This card cannot be read here. "
                           "Please type your ID number instead."), "identify.card_unknown"
        return self.tr("The card could not be read. "
                       "Please place it again, or choose another way on the left."), "identify.card_unread"

    def alternatives_offered(self) -> bool:
        return self._waited >= self.alternatives_seconds

    def _render_alternatives(self) -> None:
        if self.alternatives_offered():
            self.card_alternatives.setText(self.tr(
                "No card yet? You can also show your QR code or type your ID number: use the buttons on the left."))
        elif self.prompts:
            self.card_alternatives.setText(self.tr("Still waiting for your card."))
        else:
            self.card_alternatives.setText("")

    def _animate(self) -> None:
        self._pulse_on = not self._pulse_on
        self._animate_text()

    def _animate_text(self) -> None:
        # A card sliding down onto the reader: two frames, shown in turn while waiting.
        self.card_hint.setText(self.tr("ID card ▼") if self._pulse_on else self.tr("ID card ▽"))

    # -- the camera -------------------------------------------------------------------------

    def _next_frame(self) -> None:
        if not (self.active and self.method == QR):
            return
        if self._camera_task is not None and not self._camera_task.is_ended:
            return
        task = self.ctx.device("camera", CameraScan.grab)
        task.succeeded.connect(self._frame)
        task.failed.connect(self._camera_failed)
        self._camera_task = task

    def _frame(self, result: tuple[np.ndarray, list[str], list[tuple[float, float]]]) -> None:
        self._camera_task = None
        if not (self.active and self.method == QR):
            return
        frame, texts, corners = result
        self.preview.setPixmap(frame_pixmap(frame, corners).scaled(
            self.preview.contentsRect().size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        if texts:
            self._look_up("eid_qr", texts[0])
            return
        QTimer.singleShot(self.camera_interval_ms, self, self._next_frame)

    def _camera_failed(self, error: object) -> None:
        self._camera_task = None
        if not (self.active and self.method == QR):
            return
        assert isinstance(error, BaseException)
        self._show_error(self.tr("The camera is not working right now. "
                                 "Please place your ID card or type your ID number instead."),
                         "identify.camera_down", error)

    def _stop_camera(self) -> None:
        device = self.ctx.devices.get("camera")
        if isinstance(device, CameraDevice):
            self.ctx.device("camera", CameraScan.stop)

    # -- the keypad -------------------------------------------------------------------------

    def _keypad_edited(self, status: str) -> None:
        # A changed number makes the last refusal old news: the keypad's check says what counts now.
        if self.method == KEYPAD and self.message.text():
            self._clear_message()

    def _typed(self) -> None:
        number = self.keypad.number()
        if number is not None:
            self._look_up("typed", number)

    # -- the look-up --------------------------------------------------------------------------

    def _look_up(self, method: str, value: str) -> None:
        self._card_task = None
        if not self.active:
            return
        self._clear_message()
        self.keypad_continue.setEnabled(False)
        task = self.ctx.call(find_cases, method, value)
        task.succeeded.connect(lambda found: self._found(method, *found))
        task.failed.connect(lambda error: self._not_found(method, error))
        self._lookup = task

    def _found(self, method: str, cases: list[CaseOverview], presence: Presence | None) -> None:
        self._lookup = None
        if not self.active:
            return
        if not cases:
            self._show_error(self.tr("No home purchase was found for this ID number at this terminal. "
                                     "Please check the number, or ask staff at the counter."),
                             "identify.not_found", None)
            self._resume(method)
            return
        self.keypad.clear()
        nav = navigator_of(self)
        if nav is not None:
            nav.go("my_case", cases=list(cases), presences=[presence] if presence is not None else [])

    def _not_found(self, method: str, error: object) -> None:
        self._lookup = None
        if not self.active:
            return
        assert isinstance(error, BaseException)
        self._show_error(plain_refusal(error), refusal_prompt(error), error)
        self._resume(method)

    def _resume(self, method: str) -> None:
        """After a refusal the same way is ready again (never a dead end)."""
        self.keypad_continue.setEnabled(self.keypad.number() is not None)
        if method == "card":
            QTimer.singleShot(1000, self, self._retry_card)
        elif method == "eid_qr":
            QTimer.singleShot(1000, self, self._next_frame)

    # -- messages ----------------------------------------------------------------------------

    def _show_error(self, text: str, prompt: str, error: BaseException | None) -> None:
        self.message.setText(text)
        self.say(prompt)
        set_state(self.message, "error")
        self.staff_note.setText(staff_line(error) if error is not None else "")
        self.keypad.feedback.setVisible(False)

    def _clear_message(self) -> None:
        self.message.setText("")
        self.staff_note.setText("")
        self.keypad.feedback.setVisible(True)
