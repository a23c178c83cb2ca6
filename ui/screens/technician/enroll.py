"""The technician enrolls the kiosk: the county's enrollment QR held up to the camera, or the gateway
address and token typed; then the platform key fingerprint to compare before anything is pinned.

The camera preview runs while the screen waits for a code (the buyer identify screen's
``CameraScan`` on the camera's bus, the found code outlined). A code read, or the two fields
typed, 连接 presents the token (``Kiosk.request_enrollment``: the gateway checks the token, the
kiosk checks the gateway's key against a scanned code's fingerprint). The fingerprint is then
shown in groups of four for the technician to compare; only 确认 stores the enrollment
(``Kiosk.confirm_enrollment``, audited). Every refusal says what to do next.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from hardware.devices import CameraDevice
from kiosk.app.enrollment import EnrollmentCode, PendingEnrollment, read_code, typed_code
from kiosk.errors import KioskError, ValidationError
from kiosk.identity import Enrollment
from ui.context import AppContext
from ui.qt import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSize,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ui.screens.base import turn
from ui.screens.technician.common import TechnicianScreen
from ui.screens.buyer.identify import CameraScan, frame_pixmap
from ui.screens.counter.common import STAFF_TARGET, button, restyle, wrapped
from ui.tasks import Task
from ui.widgets.guard import GuardedButton

PREVIEW = QSize(480, 270)

ENTER, WAITING, CONFIRM, DONE, ENROLLED = "enter", "waiting", "confirm", "done", "enrolled"


def grouped(fingerprint: str) -> str:
    """64 hex digits as two lines of eight groups of four, the way a person compares them."""
    groups = [fingerprint[i:i + 4] for i in range(0, len(fingerprint), 4)]
    return " ".join(groups[:8]) + "\n" + " ".join(groups[8:])


class EnrollScreen(TechnicianScreen):
    """``technician_enroll``: ``enter()``; only for a signed-in technician."""

    name = "technician_enroll"
    audience = "technician"
    idle_seconds = 120  # ux.md: technician mode locks after 120 s
    camera_interval_ms = 150

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.state = ENTER
        self.code: EnrollmentCode | None = None
        self.pending: PendingEnrollment | None = None
        self.current: Enrollment | None = None
        self._error: KioskError | None = None
        self._declined = False
        self._task: Task | None = None
        self._camera_task: Task | None = None
        self._scanning = False
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.denied = wrapped(state="error")
        self.denied.setObjectName("enroll_denied")
        # Entering: the camera on the left, the typed fields on the right.
        self.preview = QLabel()
        self.preview.setObjectName("enroll_preview")
        self.preview.setFixedSize(PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setProperty("role", "panel")
        self.preview.setWordWrap(True)
        self.scan_state = wrapped("hint")
        self.scan_state.setObjectName("enroll_scan_state")
        self.scan_state.setFixedWidth(PREVIEW.width())  # wraps under the picture, leaving the fields their width
        self.scan_button = button()
        self.scan_button.setObjectName("enroll_scan")
        self.scan_button.clicked.connect(self.scan_again)
        self.url_label = QLabel()
        self.url = QLineEdit()
        self.url.setObjectName("enroll_url")
        self.url.setMinimumHeight(STAFF_TARGET)
        self.token_label = QLabel()
        self.token = QLineEdit()
        self.token.setObjectName("enroll_token")
        self.token.setMinimumHeight(STAFF_TARGET)
        for field in (self.url, self.token):
            field.textEdited.connect(self._typed)
        self.connect_button = GuardedButton()
        self.connect_button.setObjectName("enroll_connect")
        self.connect_button.setProperty("role", "primary")
        self.connect_button.setMinimumHeight(STAFF_TARGET)
        self.connect_button.clicked.connect(self.request)
        form = QGridLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(16)
        form.addWidget(self.url_label, 0, 0)
        form.addWidget(self.url, 0, 1)
        form.addWidget(self.token_label, 1, 0)
        form.addWidget(self.token, 1, 1)
        form.setColumnStretch(1, 1)
        camera = QVBoxLayout()
        camera.setSpacing(16)
        camera.addWidget(self.preview)
        camera.addWidget(self.scan_state)
        camera.addWidget(self.scan_button, 0, Qt.AlignmentFlag.AlignLeft)
        camera.addStretch(1)
        typed = QVBoxLayout()
        typed.setSpacing(16)
        typed.addLayout(form)
        typed.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignLeft)
        typed.addStretch(1)
        self._typed_column = typed
        self.entry = QWidget()
        # The fields beside the camera on a landscape panel, under it on a portrait one (beside it they
        # were 200 px wide, too narrow for a gateway's address).
        self.entry_columns = entry = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.entry)
        entry.setContentsMargins(0, 0, 0, 0)
        entry.setSpacing(48)
        entry.addLayout(camera)
        entry.addLayout(typed, 1)
        # Confirming: the fingerprint to compare, large, and the two answers well apart.
        self.compare = wrapped()
        self.compare.setObjectName("enroll_compare")
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("enroll_fingerprint")
        self.fingerprint.setProperty("role", "heading")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.facts = wrapped()
        self.facts.setObjectName("enroll_facts")
        self.confirm_button = GuardedButton()
        self.confirm_button.setObjectName("enroll_confirm")
        self.confirm_button.setProperty("role", "primary")
        self.confirm_button.setMinimumHeight(STAFF_TARGET)
        self.confirm_button.clicked.connect(self.confirm)
        self.decline_button = GuardedButton()
        self.decline_button.setObjectName("enroll_decline")
        self.decline_button.setProperty("role", "destructive")
        self.decline_button.setMinimumHeight(STAFF_TARGET)
        self.decline_button.clicked.connect(self.decline)
        answers = QHBoxLayout()
        answers.addWidget(self.confirm_button)
        answers.addSpacing(64)  # ux.md: >= 32 px between the constructive and the destructive action
        answers.addWidget(self.decline_button)
        answers.addStretch(1)
        self.confirming = QWidget()
        confirming = QVBoxLayout(self.confirming)
        confirming.setContentsMargins(0, 0, 0, 0)
        confirming.setSpacing(16)
        confirming.addWidget(self.compare)
        confirming.addWidget(self.fingerprint)
        confirming.addWidget(self.facts)
        confirming.addStretch(1)
        confirming.addLayout(answers)
        self.message = wrapped()
        self.message.setObjectName("enroll_message")
        self.detail = wrapped("hint")
        self.detail.setObjectName("enroll_detail")
        # The answer stands beside the camera while entering (a 1280x800 panel has no height for it
        # below), under everything else afterwards.
        self.answer = QWidget()
        answer = QVBoxLayout(self.answer)
        answer.setContentsMargins(0, 0, 0, 0)
        answer.setSpacing(8)
        answer.addWidget(self.message)
        answer.addWidget(self.detail)
        self.again_button = button()
        self.again_button.setObjectName("enroll_again")
        self.again_button.clicked.connect(self.start_over)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        body.addWidget(self.entry, 1)
        body.addWidget(self.confirming, 1)
        body.addWidget(self.again_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._body_column = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 0)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.denied)
        layout.addWidget(self.body, 1)
        self.retranslate()

    def on_panel_turned(self, portrait: bool) -> None:
        turn(portrait, across=(self.entry_columns,))

    def enter(self, **args: Any) -> None:
        self.leave()
        allowed = self.admit()
        if allowed:
            self._task = self.ctx.call(lambda kiosk: kiosk.enrollment())
            self._task.succeeded.connect(self._shown)
            self._task.ended.connect(self._ended)

    def leave(self) -> None:
        for task in (self._task, self._camera_task):
            if task is not None:
                task.cancel()
        self._task = self._camera_task = None
        self._stop_camera()
        self.state = ENTER
        self.code = self.pending = self.current = None
        self._error = None
        self._declined = False
        self.url.clear()
        self.token.clear()
        self.preview.clear()
        self.retranslate()

    def _shown(self, current: Enrollment | None) -> None:
        self.current = current
        if current is not None:
            self.state = ENROLLED
        else:
            self._start_camera()
        self.retranslate()

    def _ended(self) -> None:
        self._task = None
        self.retranslate()

    # -- the camera -------------------------------------------------------------------------

    def _start_camera(self) -> None:
        self._scanning = isinstance(self.ctx.devices.get("camera"), CameraDevice)
        if self._scanning:
            self._next_frame()

    def _next_frame(self) -> None:
        if not self._scanning or self.state != ENTER:
            return
        if self._camera_task is not None and not self._camera_task.is_ended:
            return
        task = self.ctx.device("camera", CameraScan.grab)
        task.succeeded.connect(self._frame)
        task.failed.connect(self._camera_failed)
        self._camera_task = task

    def _frame(self, result: tuple[np.ndarray, list[str], list[tuple[float, float]]]) -> None:
        self._camera_task = None
        if not self._scanning or self.state != ENTER:
            return
        frame, texts, corners = result
        # Inside the panel's frame: a picture as big as the label would lose its edges under the frame.
        self.preview.setPixmap(frame_pixmap(frame, corners).scaled(
            self.preview.contentsRect().size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        if not texts:
            QTimer.singleShot(self.camera_interval_ms, self, self._next_frame)
            return
        self._stop_camera()
        try:
            self.code = read_code(texts[0])
        except ValidationError as exc:
            self._error = exc
            self.code = None
        else:
            self._error = None
            self.url.setText(self.code.url)
            self.token.setText(self.code.token)
        self.retranslate()

    def _camera_failed(self, error: object) -> None:
        self._camera_task = None
        self._scanning = False
        self._error = error if isinstance(error, KioskError) else KioskError(str(error), code="camera")
        self.retranslate()

    def _stop_camera(self) -> None:
        self._scanning = False
        device = self.ctx.devices.get("camera")
        if isinstance(device, CameraDevice):
            self.ctx.device("camera", CameraScan.stop)

    def scan_again(self) -> None:
        self.code = None
        self._error = None
        self.preview.clear()
        self._start_camera()
        self.retranslate()

    def _typed(self, _text: str) -> None:
        # A typed change means the address and token are no longer the scanned code's.
        self.code = None
        self._error = None
        self.retranslate()

    # -- the gateway ------------------------------------------------------------------------

    def request(self) -> None:
        if self.technician is None or self._task is not None or self.state != ENTER:
            return
        try:
            code = self.code or typed_code(self.url.text(), self.token.text())
        except ValidationError as exc:
            self._error = exc
            self.retranslate()
            return
        self._stop_camera()
        self._error = None
        self._declined = False
        self.state = WAITING
        self._task = self.ctx.call(lambda kiosk: kiosk.request_enrollment(code))
        self._task.succeeded.connect(self._answered)
        self._task.failed.connect(self._refused)
        self._task.ended.connect(self._ended)
        self.retranslate()

    def _answered(self, pending: PendingEnrollment) -> None:
        self.pending = pending
        self.state = CONFIRM
        self.retranslate()

    def confirm(self) -> None:
        actor, pending = self.technician, self.pending
        if actor is None or pending is None or self._task is not None:
            return
        self._task = self.ctx.call(lambda kiosk: kiosk.confirm_enrollment(actor, pending))
        self._task.succeeded.connect(self._enrolled)
        self._task.failed.connect(self._refused)
        self._task.ended.connect(self._ended)
        self.retranslate()

    def _enrolled(self, record: Enrollment) -> None:
        self.current = record
        self.pending = None
        self.state = DONE
        self.retranslate()

    def decline(self) -> None:
        if self.pending is None or self._task is not None:
            return
        self.pending = None
        self._declined = True
        self.state = ENTER
        self.code = None
        self.token.clear()
        self.retranslate()

    def _refused(self, error: object) -> None:
        self._error = error if isinstance(error, KioskError) else KioskError(str(error))
        self.pending = None
        self.state = ENTER
        self.retranslate()

    def start_over(self) -> None:
        self.enter()

    # -- texts --------------------------------------------------------------------------------

    def _problem(self, error: KioskError) -> str:
        field = getattr(error, "field", None)
        if error.code == "invalid" and field == "url":
            return self.tr("✖ The gateway address must start with http:// or https://. Correct it.")
        if error.code == "invalid" and field == "token":
            return self.tr("✖ The token is 16 to 128 letters, digits, - or _. Type it exactly as issued.")
        texts = {
            "bad_enrollment": self.tr("✖ This code is not a kiosk enrollment code. "
                                      "Hold up the enrollment QR the county issued."),
            "token_used": self.tr("✖ This token was already used. Ask the county platform for a new one."),
            "token_expired": self.tr("✖ This token has expired. Ask the county platform for a new one."),
            "token_unknown": self.tr("✖ The gateway does not know this token. Check it, or ask for a new one."),
            "fingerprint_mismatch": self.tr("✖ The gateway's key is not the one on the code. Nothing was "
                                            "stored. Do not use this gateway; call the county platform."),
            "network": self.tr("✖ The gateway cannot be reached. Check the address and the network cable, "
                               "then try again."),
            "already_enrolled": self.tr("✖ This kiosk is already enrolled. Decommission it before "
                                        "enrolling it again."),
            "no_gateway": self.tr("✖ This app cannot reach a gateway. Enroll with the kiosk enroll "
                                  "command instead."),
            "camera": self.tr("✖ The camera is not working. Type the gateway address and token instead."),
        }
        return texts.get(error.code, self.tr("✖ The enrollment failed. Nothing was stored. Try again; "
                                             "if it happens again, export the diagnostics."))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Enroll this kiosk"))
        self.denied.setText(self.tr("Only a technician can enroll this kiosk. "
                                    "Log in on the maintenance screen first."))
        self.url_label.setText(self.tr("Gateway address"))
        self.token_label.setText(self.tr("Enrollment token"))
        self.scan_button.setText(self.tr("Scan again"))
        busy = self._task is not None
        self.connect_button.setText(self.tr("Connecting…") if self.state == WAITING
                                    else self.tr("Connect to the gateway"))
        self.connect_button.setEnabled(not busy and self.state == ENTER
                                       and (self.code is not None or bool(self.url.text() and self.token.text())))
        self.confirm_button.setText(self.tr("It matches: enroll"))
        self.decline_button.setText(self.tr("It differs: cancel"))
        self.confirm_button.setEnabled(not busy)
        self.decline_button.setEnabled(not busy)
        self.again_button.setText(self.tr("Start again"))
        if not self._scanning and self.preview.pixmap().isNull():
            self.preview.setText(self.tr("No camera: type the address and token."))
        elif self._scanning and self.preview.pixmap().isNull():
            self.preview.setText(self.tr("The camera picture appears here."))
        code = self.code
        if code is not None:
            self.scan_state.setText(self.tr("✔ Code read: gateway {url}, service point {point}.").format(
                url=code.url, point=code.service_point or ""))
        elif self._scanning:
            self.scan_state.setText(self.tr("Hold the county's enrollment QR up to the camera, "
                                            "about 20 cm away."))
        else:
            self.scan_state.setText(self.tr("Or type the gateway address and the token the county gave you."))
        self.scan_button.setVisible(not self._scanning and isinstance(self.ctx.devices.get("camera"), CameraDevice))
        pending = self.pending
        if pending is not None:
            self.fingerprint.setText(grouped(pending.fingerprint))
            if pending.pinned_from == "qr":
                self.compare.setText(self.tr("The gateway's key matches the scanned code. Compare the "
                                             "fingerprint with the county's record too, then confirm."))
            else:
                self.compare.setText(self.tr("Compare this fingerprint with the one the county platform gave "
                                             "you, group by group. Enroll only if every group is the same."))
            self.facts.setText(self.tr("Gateway {url} · service point {point} · device {device}").format(
                url=pending.record.gateway_url, point=pending.record.service_point, device=pending.record.device_id))
        entering = self.state in (ENTER, WAITING)
        column = self._typed_column if entering else self._body_column
        if column.indexOf(self.answer) < 0:
            other = self._body_column if entering else self._typed_column
            other.removeWidget(self.answer)
            column.insertWidget(column.count() - 1, self.answer)
        self.entry.setVisible(entering)
        self.confirming.setVisible(self.state == CONFIRM)
        self.again_button.setVisible(self.state == DONE)
        self._show_message()

    def _show_message(self) -> None:
        state = ""
        detail = ""
        if self._error is not None:
            # ux.md: the technical code alone in the staff line; the full error is in the app's log.
            text, state, detail = self._problem(self._error), "error", f"[{self._error.code}]"
        elif self.state == DONE and self.current is not None:
            text, state = self.tr("✔ Enrolled as device {device} at service point {point}. The sync agent can "
                                  "start now.").format(device=self.current.device_id,
                                                       point=self.current.service_point), "ok"
        elif self.state == ENROLLED and self.current is not None:
            text = self.tr("This kiosk is already enrolled as device {device} at service point {point} "
                           "({url}). Decommission it before enrolling it again.").format(
                device=self.current.device_id, point=self.current.service_point, url=self.current.gateway_url)
            detail = self.tr("Pinned platform key: {fingerprint}").format(fingerprint=self.current.fingerprint)
        elif self._declined:
            text = self.tr("Nothing was stored. Tell the county platform the fingerprint differed, and enroll "
                           "only with a code they confirm.")
        else:
            text = ""
        self.message.setText(text)
        self.detail.setText(detail)
        restyle(self.message, state=state)
        self.message.setVisible(bool(text))
        self.detail.setVisible(bool(detail))
        self.answer.setVisible(bool(text or detail))
        if self.state == ENROLLED:
            self.entry.setVisible(False)
