"""The demo's side panel: the simulated card reader and camera, worked by hand (``kiosk demo`` only).

A small window beside the kiosk window lists the buyers of the demo's sample
cases (name, masked ID number, where their case stands). "Place ID card" lays
that buyer's card on the simulated reader, "Show QR" holds the QR code of
their electronic ID up to the simulated camera; "Remove card" and "Take QR
away" end that. The panel changes only the simulators' ``CardSlot`` and
``CameraScene``, which are thread-safe, so the reads themselves still happen
on each device's own bus thread, exactly as with real devices. It also shows
the sample staff credentials a person needs at the counter and to close the
demo (demo and training credentials only, see resources/samples/README.md),
each with a button that lays that staff member's own ID card on the reader for
the counter's "Use my ID card" sign-in.

The demo's cases are practice records, which never reach the county: nobody
outside would file a contract signed here, confirm a payment made with the
kiosk's code or mark the keys ready. Each buyer's "Outside step" button
stands in for them (``Kiosk.platform_step``, through the app's store thread), so
a person can walk a buyer from the contract to the counter reading only screens.

``kiosk run`` never shows it: the demo creates it once the kiosk window is up.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import FrameType

from hardware.camera.sim_scene import code_held_up
from hardware.devices import Devices
from hardware.idcard.simulator import card_of
from kiosk.privacy import mask_id
from ui import theme
from ui.i18n import Retranslating
from ui.tasks import Task
from ui.qt import (
    QApplication,
    QCoreApplication,
    QEvent,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QScrollArea,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.guard import GuardedButton

PANEL_WIDTH = 480
GAP = 16


@dataclass(frozen=True)
class DemoPerson:
    """A sample buyer of a staged case. ``id_number`` is fictitious sample data; only its mask is shown."""

    name: str
    id_number: str
    unit_code: str
    stage: str

    def eid_text(self) -> str:
        """What the buyer's electronic-ID QR code says (the identify screen takes the one ID number in it)."""
        return f"EID|{self.name}|{self.id_number}"


@dataclass(frozen=True)
class DemoLogin:
    """A sample staff member the panel names, with what they are for; ``id_number`` is their
    fictitious ID card ('' when the roster carries none)."""

    role: str
    staff_id: str
    pin: str
    name: str = ""
    id_number: str = ""


def stage_text(stage: str) -> str:
    texts = {
        "drafted": QCoreApplication.translate("DemoPanel", "Contract waiting for signatures"),
        "filed": QCoreApplication.translate("DemoPanel", "Contract filed, payment due"),
        "registered": QCoreApplication.translate("DemoPanel", "Registered, keys not ready yet"),
        "keys_ready": QCoreApplication.translate("DemoPanel", "Ready for handover at the counter"),
        "checked": QCoreApplication.translate("DemoPanel", "Handover started: papers to sign"),
        "delivered": QCoreApplication.translate("DemoPanel", "Delivered: certificate issued"),
    }
    return texts.get(stage, stage)


def outside_text(step: str) -> str:
    """What the outside world just did (``Kiosk.platform_step``'s answer)."""
    texts = {
        "contract_filed": QCoreApplication.translate("DemoPanel", "The platform filed the contract."),
        "payment_confirmed": QCoreApplication.translate("DemoPanel", "The buyer paid with the code; the bank "
                                                                     "confirmed every item."),
        "registered": QCoreApplication.translate("DemoPanel", "The registration office recorded the "
                                                              "certificate number."),
        "keys_ready": QCoreApplication.translate("DemoPanel", "The developer marked the keys ready: go to "
                                                              "the counter."),
    }
    return texts.get(step, step)


def outside_refusal(error: object) -> str:
    """Why the outside world has nothing to do yet: the buyer's or the counter's step comes first."""
    texts = {
        "buyers_sign_first": QCoreApplication.translate("DemoPanel", "First the buyers sign the contract "
                                                                     "at the kiosk."),
        "buyer_pays_first": QCoreApplication.translate("DemoPanel", "First open the payment code on the "
                                                                    "kiosk's pay screen."),
        "counter_step": QCoreApplication.translate("DemoPanel", "Nothing outside is left: the handover is "
                                                                "at the counter."),
    }
    return texts.get(getattr(error, "code", ""), QCoreApplication.translate("DemoPanel", "Not possible: {error}")
                     .format(error=error))


def role_text(role: str) -> str:
    texts = {
        "staff": QCoreApplication.translate("DemoPanel", "Counter staff"),
        "supervisor": QCoreApplication.translate("DemoPanel", "Supervisor"),
        "technician": QCoreApplication.translate("DemoPanel", "Technician (closes the demo)"),
    }
    return texts.get(role, role)


class PersonRow(QFrame):
    """One buyer: who, where the case stands, and the two things the person at the panel can do."""

    def __init__(self, person: DemoPerson, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person
        self.setProperty("role", "panel")
        self.who = QLabel()
        self.who.setObjectName("demo_person")
        self.stage = QLabel()
        self.stage.setProperty("role", "hint")
        self.stage.setWordWrap(True)
        self.card_button = GuardedButton()
        self.card_button.setObjectName("demo_place_card")
        self.qr_button = GuardedButton()
        self.qr_button.setObjectName("demo_show_qr")
        self.outside_button = GuardedButton()
        self.outside_button.setObjectName("demo_outside_step")
        self.outcome = ""
        for button in (self.card_button, self.qr_button, self.outside_button):
            button.setMinimumHeight(64)
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 8, 16, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.who, 0, 0, 1, 2)
        grid.addWidget(self.stage, 1, 0, 1, 2)
        grid.addWidget(self.card_button, 2, 0)
        grid.addWidget(self.qr_button, 2, 1)
        grid.addWidget(self.outside_button, 3, 0, 1, 2)

    def show_outcome(self, text: str) -> None:
        """The last thing the outside world did (or why not) takes the place of the staged stage."""
        self.outcome = text
        self.stage.setText(text)

    def retranslate(self) -> None:
        self.who.setText(f"{self.person.name}   {mask_id(self.person.id_number)}")
        self.stage.setText(self.outcome or stage_text(self.person.stage))
        self.card_button.setText(self.tr("Place ID card"))
        self.qr_button.setText(self.tr("Show QR"))
        self.outside_button.setText(self.tr("Outside step"))


class DemoPanel(Retranslating, QWidget):
    """The simulated devices of ``devices``, worked for the ``people`` of the demo's sample cases."""

    def __init__(self, devices: Devices, people: Sequence[DemoPerson], logins: Sequence[DemoLogin] = (),
                 outside: Callable[[str], Task] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demo_panel")
        # Above the kiosk window: on a narrow screen the two overlap, and the panel is what a person works.
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        self._beside: QWidget | None = None
        # Its own staff-size style: the app's sheet switches to buyer sizes whenever a buyer screen shows.
        self.setStyleSheet(theme.stylesheet("staff"))
        self.slot = devices.card_reader.card_slot if devices.card_reader is not None else None
        self.scene = devices.camera.scene if devices.camera is not None else None
        self.on_reader: DemoPerson | DemoLogin | None = None
        self.shown: DemoPerson | None = None
        self.logins = list(logins)

        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.rows = [PersonRow(person) for person in people]
        for row in self.rows:
            row.card_button.clicked.connect(lambda _=False, p=row.person: self.place_card(p))
            row.qr_button.clicked.connect(lambda _=False, p=row.person: self.show_qr(p))
            row.card_button.setEnabled(self.slot is not None)
            row.qr_button.setEnabled(self.scene is not None)
            row.outside_button.clicked.connect(lambda _=False, r=row: self.outside_step(r))
            row.outside_button.setEnabled(outside is not None)
        self.outside = outside
        self.reader_state = QLabel()
        self.reader_state.setObjectName("demo_reader_state")
        self.reader_state.setWordWrap(True)
        self.remove_button = GuardedButton()
        self.remove_button.setObjectName("demo_remove_card")
        self.camera_state = QLabel()
        self.camera_state.setObjectName("demo_camera_state")
        self.camera_state.setWordWrap(True)
        self.take_away_button = GuardedButton()
        self.take_away_button.setObjectName("demo_take_qr_away")
        for button in (self.remove_button, self.take_away_button):
            button.setMinimumHeight(64)
        self.remove_button.clicked.connect(self.remove_card)
        self.take_away_button.clicked.connect(self.take_qr_away)
        self.logins_label = QLabel()
        self.logins_label.setObjectName("demo_logins")
        self.logins_label.setProperty("role", "hint")
        self.logins_label.setWordWrap(True)
        # One row of buttons under the credentials: the buyers above keep the panel's height.
        self.login_cards: list[QPushButton] = []
        login_cards = QHBoxLayout()
        login_cards.setSpacing(GAP // 2)
        for login in self.logins:
            card = GuardedButton()
            card.setObjectName("demo_staff_card")
            card.setMinimumHeight(64)
            card.setEnabled(self.slot is not None and bool(login.id_number))
            card.clicked.connect(lambda _=False, who=login: self.place_staff_card(who))
            login_cards.addWidget(card)
            self.login_cards.append(card)

        # The buyers scroll when the screen is too short for all of them; the rest stays in view.
        listing = QWidget()
        listing.setObjectName("demo_people")
        rows = QVBoxLayout(listing)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(GAP // 2)
        for row in self.rows:
            rows.addWidget(row)
        rows.addStretch(1)
        self._listing = listing
        self.people = QScrollArea()
        self.people.setWidget(listing)
        self.people.setWidgetResizable(True)
        self.people.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(GAP)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.reader_state)
        layout.addWidget(self.camera_state)
        ends = QHBoxLayout()
        ends.setSpacing(GAP)
        ends.addWidget(self.remove_button)
        ends.addWidget(self.take_away_button)
        layout.addLayout(ends)
        layout.addWidget(self.logins_label)
        layout.addLayout(login_cards)
        # A card can also leave the reader by itself (a simulated fault lifts it): show what is really there.
        self._watch = QTimer(self)
        self._watch.setInterval(500)
        self._watch.timeout.connect(self._refresh_state)
        self._watch.start()
        self.retranslate()
        self.resize(PANEL_WIDTH, self.wanted_height())

    # -- what the person at the panel does ------------------------------------------------

    def place_card(self, person: DemoPerson) -> None:
        """Lay ``person``'s card on the simulated reader (any card there before is taken off)."""
        if self.slot is None:
            return
        self.slot.place(card_of(person.name, person.id_number))
        self.on_reader = person
        self._refresh_state()

    def place_staff_card(self, login: DemoLogin) -> None:
        """Lay the staff member's own ID card on the simulated reader, for the counter's card sign-in."""
        if self.slot is None or not login.id_number:
            return
        self.slot.place(card_of(login.name, login.id_number))
        self.on_reader = login
        self._refresh_state()

    def remove_card(self) -> None:
        if self.slot is not None:
            self.slot.remove()
        self.on_reader = None
        self._refresh_state()

    def show_qr(self, person: DemoPerson) -> None:
        """Hold ``person``'s electronic-ID QR code up to the simulated camera."""
        if self.scene is None:
            return
        self.scene.hold_up(code_held_up(person.eid_text()))
        self.shown = person
        self._refresh_state()

    def take_qr_away(self) -> None:
        if self.scene is not None:
            self.scene.take_away()
        self.shown = None
        self._refresh_state()

    def outside_step(self, row: PersonRow) -> None:
        """What the platform, the bank app or the developer does next for ``row``'s case."""
        if self.outside is None:
            return
        row.outside_button.setEnabled(False)
        task = self.outside(row.person.unit_code)
        task.succeeded.connect(lambda step: row.show_outcome(outside_text(str(step))))
        task.failed.connect(lambda error: row.show_outcome(outside_refusal(error)))
        task.finished.connect(lambda: row.outside_button.setEnabled(True))

    # -- texts ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Demo: simulated card reader and camera"))
        self.title.setText(self.tr("Simulated devices"))
        self.intro.setText(self.tr("Play a sample buyer when the kiosk asks; \"Outside step\" plays the "
                                   "platform, the bank and the developer."))
        for row in self.rows:
            row.retranslate()
        self.remove_button.setText(self.tr("Remove card"))
        self.take_away_button.setText(self.tr("Take QR away"))
        lines = [self.tr("Sign-in at the kiosk's staff entry (number or ID card, then the PIN):")]
        # Each number and PIN bound to its name where the line wraps ("PIN" at one line's end and the
        # figures alone on the next read as a line of their own).
        lines += [self.tr("{role}: number {staff_id}, PIN {pin}").format(
            role=role_text(login.role), staff_id=f"\u00a0{login.staff_id}", pin=f"\u00a0{login.pin}")
            .replace(" \u00a0", "\u00a0") for login in self.logins]
        lines.append(self.tr("Place a staff member's ID card on the reader:"))
        self.logins_label.setText("\n".join(lines) if self.logins else "")
        self.logins_label.setVisible(bool(self.logins))
        for login, card in zip(self.logins, self.login_cards, strict=True):
            card.setText(login.staff_id)
        self._refresh_state()

    def _refresh_state(self) -> None:
        if self.slot is None:
            reader = self.tr("The card reader is not simulated.")
        else:
            if self.slot.card is None:
                self.on_reader = None
            reader = (self.tr("On the reader: {name}").format(name=self.on_reader.name) if self.on_reader
                      else self.tr("No card on the reader."))
        if self.scene is None:
            camera = self.tr("The camera is not simulated.")
        else:
            if self.scene.picture is None:
                self.shown = None
            camera = (self.tr("The camera sees the QR code of {name}").format(name=self.shown.name)
                      if self.shown else self.tr("Nothing in front of the camera."))
        self.reader_state.setText(reader)
        self.camera_state.setText(camera)
        self.remove_button.setEnabled(self.on_reader is not None)
        self.take_away_button.setEnabled(self.shown is not None)

    def place_beside(self, window: QWidget) -> None:
        """Keep the panel to the right of ``window`` (as it moves or grows with its screens) where the
        screen has room, else over its right edge; no taller than the screen."""
        if self._beside is not window:
            if self._beside is not None:
                self._beside.removeEventFilter(self)
            window.installEventFilter(self)
            self._beside = window
        frame = window.frameGeometry()
        screen = window.screen().availableGeometry()
        top = max(screen.top(), frame.top())
        self.resize(self.width(), min(self.wanted_height(), screen.bottom() + 1 - top))
        x = min(frame.right() + 1 + GAP, screen.right() + 1 - self.width())
        self.move(max(screen.left(), x), top)

    def wanted_height(self) -> int:
        """Tall enough for every buyer without scrolling."""
        return self.sizeHint().height() - self.people.sizeHint().height() + self._listing.sizeHint().height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._beside and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self.place_beside(self._beside)
        return False


def quit_on_signals(app: QApplication) -> QTimer:
    """Ctrl+C or SIGTERM in the terminal ends the app's event loop (Python sees a signal only between
    Qt calls, so a timer wakes it); returns the timer, which must live as long as the loop. A signal
    that comes while the app is still starting ends the loop as soon as it runs: ``exit`` alone does
    nothing before the loop, and the demo went on until it was killed."""
    def stop(signum: int, frame: FrameType | None) -> None:
        app.exit(0)
        QTimer.singleShot(0, app, lambda: app.exit(0))

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    waker = QTimer()
    waker.setInterval(200)
    waker.timeout.connect(lambda: None)
    waker.start()
    return waker
