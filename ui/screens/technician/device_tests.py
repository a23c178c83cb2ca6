"""The technician tries each device for real: the camera's live picture, a card read, a receipt and an A4 page.

- 摄像头: on a tap, the live preview (the buyer identify screen's ``CameraScan``: newest frame, decoded
  codes, the first code outlined), with the frame rate the screen really shows and the code read;
- 读卡器: one card read from the reader, shown masked (``kiosk.privacy.mask_id``);
- 小票打印机: its status (paper, cover, online) and a test receipt, refused on screen when not ready;
- A4 打印机: the test page (``ui.documents.testpage``: the printer, the time and this terminal, edge lines,
  a 100 mm grid, greys, Chinese and English text) for a new printer; the calibration page (rulers, a cross
  at every field of the certificate form, the offsets in use) and the offsets in mm moved in 0.5 mm steps
  and saved (``Kiosk.save_a4_calibration`` into ``a4_calibration.json``, audited).

Every device is reached only through ``ctx.device(kind, fn)``: each on its own thread.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from hardware.a4 import Calibration, CalibrationBook
from hardware.a4.calibration import MAX_OFFSET_MM
from hardware.devices import A4PrinterDevice, CameraDevice, CardReaderDevice, ReceiptPrinterDevice
from hardware.printer.status import PrinterStatus
from kiosk.app import Kiosk
from kiosk.errors import KioskError
from kiosk.privacy import mask_id
from kiosk.services.staff import Actor
from ui import i18n
from ui.context import AppContext
from ui.documents.certificate import render_calibration_page
from ui.documents.testpage import PrintOrigin, render_a4_test_page
from ui.qt import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ui.screens.base import turn
from ui.screens.buyer.identify import CameraScan, frame_pixmap
from ui.screens.counter.common import STAFF_TARGET, button, read_id_card, restyle, wrapped
from ui.screens.technician.common import TechnicianScreen
from ui.tasks import Task
from ui.widgets.guard import GuardedButton

STEP_MM = 0.5
FPS_FRAMES = 10  # the frame rate shown is over the newest this many frames
PREVIEW_SIZE = (320, 180)


def guarded(role: str = "") -> GuardedButton:
    """A button that starts a device's work: a second tap within 500 ms is not a second print."""
    b = GuardedButton()
    b.setMinimumHeight(STAFF_TARGET)
    stacked(b)
    if role:
        b.setProperty("role", role)
    return b


def stacked(b: QPushButton) -> None:
    # Five rows of targets and an answer share a 1280x800 panel's height in large text: each row at the
    # staff target's height (ux.md: 64 px), not the padding's 84.
    b.setProperty("compact", "stacked")


def preview_frame(device: CameraDevice) -> tuple[np.ndarray, list[str], list[tuple[float, float]]]:
    """``CameraScan.grab`` shrunk to the preview's size on the camera's thread: the GUI thread then turns a
    small frame into the picture."""
    frame, texts, corners = CameraScan.grab(device)
    return cv2.resize(frame, PREVIEW_SIZE, interpolation=cv2.INTER_AREA), texts, corners


def card_number(device: CardReaderDevice, timeout: float) -> str:
    """The masked ID number of the card laid on the reader (the number itself never leaves this thread)."""
    return mask_id(read_id_card(device, timeout))


def receipt_status(device: ReceiptPrinterDevice) -> PrinterStatus:
    return device.open().status()


def receipt_test(device: ReceiptPrinterDevice) -> PrinterStatus:
    printer = device.open()
    printer.print_test()
    return printer.status()


def a4_printer_name(device: A4PrinterDevice) -> str:
    return device.open().name


def a4_test(device: A4PrinterDevice, book: Path, calibration: Calibration) -> str:
    """The calibration page with ``calibration`` on the A4 printer; its name for the saved offsets."""
    printer = device.open()
    printer.print_bytes(render_calibration_page(calibration=calibration, printer=printer.name),
                        title="calibration")
    return printer.name


def page_origin(kiosk: Kiosk) -> tuple[str, str, dt.datetime]:
    """This terminal for the test page: its device id ("" before enrollment), its service point and the
    county's wall-clock time now."""
    config = kiosk.config
    enrollment = kiosk.enrollment()
    terminal, point = (enrollment.device_id, enrollment.service_point) if enrollment else ("", "")
    service_point = config["service_point"]
    point = str(service_point["id"] or point)
    if service_point["name"]:
        point = f"{point} {service_point['name']}".strip()
    return terminal, point, kiosk.local_now()


def a4_test_page(device: A4PrinterDevice, terminal: str, service_point: str, printed_at: dt.datetime,
                 language: str) -> str:
    """The A4 test page on the A4 printer, in the screen's language; the printer's name."""
    printer = device.open()
    origin = PrintOrigin(printer.name, terminal, service_point, printed_at)
    printer.print_bytes(render_a4_test_page(origin, language=language), title="test-page")
    return printer.name


def saved_calibration(kiosk: Kiosk, book: Path, printer: str) -> Calibration:
    return CalibrationBook(book).get(printer)


def save_calibration(kiosk: Kiosk, actor: Actor, book: Path, printer: str, dx_mm: float, dy_mm: float) -> None:
    def write(name: str, dx: float, dy: float) -> None:
        CalibrationBook(book).set(name, Calibration(dx, dy))

    kiosk.save_a4_calibration(actor, printer, dx_mm, dy_mm, write)


class DeviceTestsScreen(TechnicianScreen):
    """``technician_device_tests``: ``enter()``; only for a signed-in technician."""

    name = "technician_device_tests"
    audience = "technician"
    idle_seconds = 120  # ux.md: technician mode locks after 120 s
    holds_personal_data = True  # a card read, masked, until the screen is left
    frame_interval_ms = 40
    card_seconds = 10.0

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._tasks: dict[Task, str] = {}  # running task -> its device kind
        self._camera: Task | None = None
        self._camera_on = False
        self._shown_at: deque[float] = deque(maxlen=FPS_FRAMES)
        self.codes: list[str] = []
        self.fps = 0.0
        self.card = ""
        self.printer_status: PrinterStatus | None = None
        self.a4_name = ""
        self.offsets = Calibration()
        self.saved = Calibration()
        self._busy: set[str] = set()
        self._said: dict[str, tuple[str, str]] = {}  # device kind -> (state, what to show)
        self._errors: dict[str, KioskError] = {}
        # The device tried last: only its answer is shown (three answers under three devices do not fit a
        # 1280x800 panel in large text beside the camera).
        self.latest = ""

        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.denied = wrapped(state="error")
        self.denied.setObjectName("device_tests_denied")
        self.preview = QLabel()
        self.preview.setObjectName("camera_preview")
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setProperty("role", "panel")
        self.camera_state = wrapped()
        self.camera_state.setObjectName("camera_state")
        self.camera_button = button()
        self.camera_button.setObjectName("camera_toggle")
        self.camera_button.clicked.connect(self.toggle_camera)
        self.names: dict[str, QLabel] = {kind: QLabel() for kind in ("card_reader", "printer", "a4_printer")}
        for name in self.names.values():
            name.setProperty("role", "heading")
        self.answers: dict[str, QLabel] = {}
        for kind in ("card_reader", "printer", "a4_printer"):
            answer = wrapped()
            answer.setObjectName(f"answer_{kind}")
            self.answers[kind] = answer
        self.card_button = guarded()
        self.card_button.setObjectName("card_read")
        self.card_button.clicked.connect(self.read_card)
        self.status_button = guarded()
        self.status_button.setObjectName("printer_status")
        self.status_button.clicked.connect(self.check_printer)
        self.receipt_button = guarded()
        self.receipt_button.setObjectName("printer_test")
        self.receipt_button.clicked.connect(self.print_receipt)
        self.a4_page_button = guarded()
        self.a4_page_button.setObjectName("a4_test_page")
        self.a4_page_button.clicked.connect(self.print_test_page)
        self.a4_button = guarded()
        self.a4_button.setObjectName("a4_test")
        self.a4_button.clicked.connect(self.print_a4)
        self.offset_labels: dict[str, QLabel] = {}
        self.offset_values: dict[str, QLabel] = {}
        self.steppers: dict[str, tuple[Any, Any]] = {}
        # One row an axis, the save button beside both: a single row is too wide for 1280 px in large text.
        offsets = QGridLayout()
        offsets.setHorizontalSpacing(16)  # ux.md: 16 px between targets, across the rows too
        offsets.setVerticalSpacing(16)
        for row, axis in enumerate(("dx", "dy")):
            label, value = QLabel(), QLabel()
            value.setObjectName(f"offset_{axis}")
            value.setMinimumWidth(120)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            less, more = button(), button()
            less.setObjectName(f"offset_{axis}_less")
            more.setObjectName(f"offset_{axis}_more")
            for stepper in (less, more):
                stacked(stepper)
            less.clicked.connect(lambda _=False, a=axis: self.step(a, -STEP_MM))
            more.clicked.connect(lambda _=False, a=axis: self.step(a, STEP_MM))
            for column, widget in enumerate((label, less, value, more)):
                offsets.addWidget(widget, row, column)
            self.offset_labels[axis], self.offset_values[axis] = label, value
            self.steppers[axis] = (less, more)
        self.save_button = guarded("primary")
        self.save_button.setObjectName("offset_save")
        self.save_button.clicked.connect(self.save_offsets)
        offsets.setColumnMinimumWidth(4, 16)
        offsets.addWidget(self.save_button, 0, 5, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        offsets.setColumnStretch(6, 1)

        # The title over the camera, each device a row (its name, its buttons), and under both the answer of
        # the device tried last across the page's width: the page fits a 1280x800 panel in large text.
        camera = QVBoxLayout()
        camera.setSpacing(12)
        camera.addWidget(self.title)
        camera.addWidget(self.preview)
        camera.addWidget(self.camera_state)
        camera.addWidget(self.camera_button, 0, Qt.AlignmentFlag.AlignLeft)
        camera.addStretch(1)
        tests = QGridLayout()
        tests.setHorizontalSpacing(16)
        tests.setVerticalSpacing(16)  # ux.md: 16 px between targets
        tests.setColumnStretch(1, 1)
        rows = (("card_reader", (self.card_button,)), ("printer", (self.status_button, self.receipt_button)),
                ("a4_printer", (self.a4_page_button, self.a4_button)))
        for line, (kind, buttons) in enumerate(rows):
            actions = QHBoxLayout()
            actions.setSpacing(16)
            for b in buttons:
                actions.addWidget(b)
            actions.addStretch(1)
            tests.addWidget(self.names[kind], line, 0)
            tests.addLayout(actions, line, 1)
        tests.addLayout(offsets, len(rows), 0, 1, 2)
        self.body = QWidget()
        # The devices beside the camera on a landscape panel, under it on a portrait one (beside it, the
        # A4 row's buttons did not fit 1080 px in English).
        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(32)
        columns.addLayout(camera)
        columns.addLayout(tests, 1)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        body.addLayout(columns)
        for answer in self.answers.values():
            body.addWidget(answer)
        body.addStretch(1)  # the answer right under the rows, the spare height below it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(16)
        layout.addWidget(self.denied)
        layout.addWidget(self.body, 1)
        self.preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.retranslate()

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.columns,))

    @property
    def book(self) -> Path:
        return self.ctx.config.data_dir / CalibrationBook.FILE

    # -- moments -----------------------------------------------------------------------------

    def enter(self, **args: Any) -> None:
        self.leave()
        # The camera starts on a tap: decoding every frame takes a core the other tests share.
        if self.admit():
            if self.ctx.devices.get("a4_printer") is not None:
                self._run("a4_printer", self.ctx.device("a4_printer", a4_printer_name), self._a4_named)
        self.retranslate()

    def leave(self) -> None:
        for task in list(self._tasks):  # cancelling ends a task, which takes it out of the table
            task.cancel()
        self._tasks.clear()
        self._busy.clear()
        self.stop_camera()
        self.preview.clear()
        self.codes, self.fps, self.card = [], 0.0, ""
        self.printer_status = None
        self.a4_name = ""
        self.offsets = self.saved = Calibration()
        self._said.clear()
        self._errors.clear()
        self.latest = ""
        self.retranslate()

    def _run(self, kind: str, task: Task, done: Any) -> None:
        self._tasks[task] = kind
        self.latest = kind
        self._busy.add(kind)
        self._errors.pop(kind, None)
        self._said.pop(kind, None)
        task.succeeded.connect(done)
        task.failed.connect(lambda error, k=kind: self._failed(k, error))

        def ended() -> None:
            self._tasks.pop(task, None)
            # A step may start the device's next task before its own ends (the test page: the store's
            # answer, then the printer): the device is busy until none of its tasks runs.
            if kind not in self._tasks.values():
                self._busy.discard(kind)
            self.retranslate()

        task.ended.connect(ended)
        self.retranslate()

    def _failed(self, kind: str, error: object) -> None:
        if isinstance(error, LookupError):
            self._said[kind] = ("warn", "missing")
        else:
            self._errors[kind] = error if isinstance(error, KioskError) else KioskError(str(error))
        self.retranslate()

    # -- camera ------------------------------------------------------------------------------

    def start_camera(self) -> None:
        if not isinstance(self.ctx.devices.get("camera"), CameraDevice):
            self._said["camera"] = ("warn", "missing")
            return
        self._camera_on = True
        self._shown_at.clear()
        self._errors.pop("camera", None)
        self._next_frame()

    def stop_camera(self) -> None:
        self._camera_on = False
        if self._camera is not None:
            self._camera.cancel()
            self._camera = None
        if isinstance(self.ctx.devices.get("camera"), CameraDevice):
            self.ctx.device("camera", CameraScan.stop)

    def toggle_camera(self) -> None:
        if self._camera_on:
            self.stop_camera()
        else:
            self.start_camera()
        self.retranslate()

    def _next_frame(self) -> None:
        if not self._camera_on or self.technician is None:
            return
        if self._camera is not None and not self._camera.is_ended:
            return
        task = self.ctx.device("camera", preview_frame)
        task.succeeded.connect(self._frame)
        task.failed.connect(self._camera_failed)
        self._camera = task

    def _frame(self, result: tuple[np.ndarray, list[str], list[tuple[float, float]]]) -> None:
        self._camera = None
        if not self._camera_on:
            return
        frame, texts, corners = result
        self.preview.setPixmap(frame_pixmap(frame, corners))
        self._shown_at.append(time.monotonic())
        if len(self._shown_at) > 1:
            span = self._shown_at[-1] - self._shown_at[0]
            self.fps = (len(self._shown_at) - 1) / span if span > 0 else 0.0
        self.codes = texts
        self._retranslate_camera()
        QTimer.singleShot(self.frame_interval_ms, self, self._next_frame)

    def _camera_failed(self, error: object) -> None:
        self._camera = None
        self._camera_on = False
        self._errors["camera"] = error if isinstance(error, KioskError) else KioskError(str(error), code="camera")
        self.retranslate()

    # -- card reader, receipt printer, A4 printer -------------------------------------------

    def read_card(self) -> None:
        if self.technician is None or "card_reader" in self._busy:
            return
        self.card = ""
        self._run("card_reader", self.ctx.device("card_reader", card_number, self.card_seconds), self._card_read)

    def _card_read(self, masked: str) -> None:
        self.card = masked
        self._said["card_reader"] = ("ok", "read")

    def check_printer(self) -> None:
        if self.technician is not None and "printer" not in self._busy:
            self._run("printer", self.ctx.device("printer", receipt_status), self._printer_answered)

    def print_receipt(self) -> None:
        if self.technician is not None and "printer" not in self._busy:
            self._run("printer", self.ctx.device("printer", receipt_test),
                      lambda status: self._printer_answered(status, printed=True))

    def _printer_answered(self, status: PrinterStatus, printed: bool = False) -> None:
        self.printer_status = status
        self._said["printer"] = ("ok" if status.ready else "error", "printed" if printed else "status")

    def print_a4(self) -> None:
        if self.technician is not None and "a4_printer" not in self._busy:
            self._run("a4_printer", self.ctx.device("a4_printer", a4_test, self.book, self.offsets),
                      self._a4_printed)

    def print_test_page(self) -> None:
        if self.technician is not None and "a4_printer" not in self._busy:
            self._run("a4_printer", self.ctx.call(page_origin), self._origin_known)

    def _origin_known(self, origin: tuple[str, str, dt.datetime]) -> None:
        if self.technician is None:
            return
        self._run("a4_printer", self.ctx.device("a4_printer", a4_test_page, *origin, i18n.current_language()),
                  self._test_page_printed)

    def _test_page_printed(self, name: str) -> None:
        self.a4_name = name
        self._said["a4_printer"] = ("ok", "test_page")

    def _a4_named(self, name: str) -> None:
        self.a4_name = name
        task = self.ctx.call(saved_calibration, self.book, name)
        self._tasks[task] = "a4_calibration"
        task.ended.connect(lambda: self._tasks.pop(task, None))
        task.succeeded.connect(self._calibration_loaded)
        task.failed.connect(lambda error: self._failed("a4_printer", error))

    def _calibration_loaded(self, calibration: Calibration) -> None:
        self.offsets = self.saved = calibration
        self.retranslate()

    def _a4_printed(self, name: str) -> None:
        self.a4_name = name
        self._said["a4_printer"] = ("ok", "printed")

    def step(self, axis: str, mm: float) -> None:
        dx, dy = self.offsets.dx_mm, self.offsets.dy_mm
        if axis == "dx":
            dx = max(-MAX_OFFSET_MM, min(MAX_OFFSET_MM, dx + mm))
        else:
            dy = max(-MAX_OFFSET_MM, min(MAX_OFFSET_MM, dy + mm))
        self.offsets = Calibration(dx, dy)
        self._said.pop("a4_printer", None)
        self.retranslate()

    def save_offsets(self) -> None:
        actor = self.technician
        if actor is None or not self.a4_name or "a4_printer" in self._busy or self.offsets == self.saved:
            return
        offsets = self.offsets
        self._run("a4_printer", self.ctx.call(save_calibration, actor, self.book, self.a4_name,
                                              offsets.dx_mm, offsets.dy_mm),
                  lambda _none: self._offsets_saved(offsets))

    def _offsets_saved(self, offsets: Calibration) -> None:
        self.saved = offsets
        self._said["a4_printer"] = ("ok", "saved")

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Device tests"))
        self.denied.setText(self.tr("Only a technician can test the devices. "
                                    "Log in on the maintenance screen first."))
        self.names["card_reader"].setText(self.tr("ID card reader"))
        self.names["printer"].setText(self.tr("Receipt printer"))
        self.names["a4_printer"].setText(self.tr("A4 printer"))
        self.card_button.setText(self.tr("Waiting for a card…") if "card_reader" in self._busy
                                 else self.tr("Read a card"))
        self.status_button.setText(self.tr("Check status"))
        self.receipt_button.setText(self.tr("Test receipt"))
        self.a4_page_button.setText(self.tr("Test page"))
        self.a4_button.setText(self.tr("Calibration page"))
        self.offset_labels["dx"].setText(self.tr("Right"))
        self.offset_labels["dy"].setText(self.tr("Down"))
        for axis, value in self.offset_values.items():
            mm = self.offsets.dx_mm if axis == "dx" else self.offsets.dy_mm
            value.setText(self.tr("{mm} mm").format(mm=f"{mm:+.1f}"))
            less, more = self.steppers[axis]
            less.setText("−")
            more.setText("+")
            less.setEnabled(mm > -MAX_OFFSET_MM)
            more.setEnabled(mm < MAX_OFFSET_MM)
        self.save_button.setText(self.tr("Save offsets"))
        self.save_button.setEnabled(bool(self.a4_name) and self.offsets != self.saved
                                    and "a4_printer" not in self._busy)
        for kind, b in (("card_reader", self.card_button), ("printer", self.status_button),
                        ("printer", self.receipt_button), ("a4_printer", self.a4_page_button),
                        ("a4_printer", self.a4_button)):
            b.setEnabled(kind not in self._busy and self.ctx.devices.get(kind) is not None)
        for kind, answer in self.answers.items():
            state, text = self._answer(kind)
            answer.setText(text)
            restyle(answer, state=state)
            answer.setVisible(bool(text) and kind == self.latest)
        self._retranslate_camera()

    def _retranslate_camera(self) -> None:
        error = self._errors.get("camera")
        if self._said.get("camera") is not None:
            text, state = self.tr("No camera is configured ([devices] camera in kiosk.toml)."), "warn"
        elif error is not None:
            text, state = self.tr("✖ The camera gives no picture [{code}]. Check its cable, then start it again."
                                  ).format(code=error.code), "error"
        elif not self._camera_on:
            text, state = self.tr("Camera stopped."), ""
        elif self.codes:
            text, state = self.tr("{fps} frames/s · ✔ code read: {code}").format(
                fps=f"{self.fps:.1f}", code=self.codes[0][:40]), "ok"
        else:
            text, state = self.tr("{fps} frames/s · hold a QR code up to the camera").format(
                fps=f"{self.fps:.1f}"), ""
        self.camera_state.setText(text)
        restyle(self.camera_state, state=state)
        self.camera_button.setText(self.tr("Stop the camera") if self._camera_on else self.tr("Start the camera"))
        self.camera_button.setEnabled(isinstance(self.ctx.devices.get("camera"), CameraDevice))

    def _answer(self, kind: str) -> tuple[str, str]:
        error = self._errors.get(kind)
        state_refused = error.code.removeprefix("printer_") if error is not None and kind == "printer" else ""
        if error is not None and state_refused in self._printer_words():
            # The printer refused for a state the screen words itself (in the screen's language).
            return "error", self.tr("✖ Not printed [{code}]: the printer is {state}.").format(
                code=error.code, state=self._printer_words()[state_refused])
        if error is not None:
            # The device layer's own words (what and what to do) after the code: a technician reads them.
            return "error", self.tr("✖ The device refused [{code}]: {reason}").format(code=error.code, reason=error)
        said = self._said.get(kind)
        if said is None:
            return "", self.tr("Working…") if kind in self._busy else ""
        state, what = said
        if what == "missing":
            return state, self.tr("Not fitted ([devices] in kiosk.toml).")
        if kind == "card_reader":
            return state, self.tr("✔ Card read: {number}").format(number=self.card)
        if kind == "printer" and self.printer_status is not None:
            return state, self._printer_text(self.printer_status, printed=what == "printed")
        if kind == "a4_printer" and what == "printed":
            return state, self.tr("✔ The calibration page went to {printer}. Lay it on a spoiled form and "
                                  "measure how far the crosses miss the marks.").format(printer=self.a4_name)
        if kind == "a4_printer" and what == "test_page":
            return state, self.tr("✔ The test page went to {printer}. Check its edge lines, the 100 mm grid, the "
                                  "greys and the small text.").format(printer=self.a4_name)
        if kind == "a4_printer" and what == "saved":
            return state, self.tr("✔ Offsets saved for {printer}: certificate pages print with them now."
                                  ).format(printer=self.a4_name)
        return state, ""

    def _printer_words(self) -> dict[str, str]:
        return {"ok": self.tr("ready"), "paper_out": self.tr("out of paper: load a new roll, close the cover"),
                 "cover_open": self.tr("the cover is open: close it"),
                 "offline": self.tr("offline: check its power and cable"),
                 "error": self.tr("reports an error: switch it off and on"),
                 "unknown": self.tr("its status cannot be read over this connection")}

    def _printer_text(self, status: PrinterStatus, *, printed: bool) -> str:
        state = self._printer_words().get(status.state, status.state)
        if status.paper_near_end:
            state += self.tr(", paper near its end")
        if printed:
            return self.tr("✔ Test receipt printed. The printer is {state}.").format(state=state)
        return (self.tr("✔ The printer is {state}.") if status.ready
                else self.tr("✖ The printer is {state}.")).format(state=state)
