"""What the buyer screens share: the self-service actor, the page frame, and refusals in plain words.

The self-service actor: the buyer never logs in, so commands the buyer starts
(signing a contract or the handover papers, opening the one payment order)
run as the system actor ``system:self-service``. ``kiosk.services.staff.require``
lets system actors act (as the printer and the simulator do); the audit log
records that label, so every self-service step is told apart from a staff
step. Its training flag follows the app's (training units only take
training sessions' payments).

Refusals: the services raise ``KioskError`` with a stable ``code``, an English
message and a hint. A buyer sees a plain sentence chosen by the code (what
happened + what to do, ux.md) and, in a small line for staff, the code and the
services' own hint, so every refusal shows its hint and a technician can tell
which one it was.
"""

from __future__ import annotations

from kiosk.errors import KioskError
from kiosk.services.presence import SELF_SERVICE_ID
from kiosk.services.staff import Actor

from ui.context import AppContext
from ui.qt import QCoreApplication, QFrame, QLabel, QScrollArea, QScroller, Qt, QVBoxLayout, QWidget

# A scrolling list never shrinks below two lines of large text.
MIN_SCROLL_PX = 110


def self_service_actor(ctx: AppContext) -> Actor:
    """The actor of every command a buyer starts at the terminal (see the module docstring)."""
    return Actor(SELF_SERVICE_ID, "system", training=ctx.training)


# The voice prompt (ui/voice/prompts.py) saying each refusal's sentence below.
REFUSAL_PROMPTS = {
    "id_legacy15": "refusal.id_legacy15",
    "id_checksum": "refusal.id_checksum",
    "id_length": "refusal.id_length",
    "id_province": "refusal.id_invalid",
    "id_future": "refusal.id_invalid",
    "eid_qr": "refusal.eid_qr",
    "unsigned_buyers": "refusal.unsigned_buyers",
    "unsigned": "refusal.unsigned",
    "not_a_buyer": "refusal.not_a_buyer",
    "not_identified": "refusal.not_identified",
    "not_the_signer": "refusal.not_the_signer",
    "signer_not_identified": "refusal.signer_not_identified",
    "illegal_transition": "refusal.illegal_transition",
    "training_unit": "refusal.training_unit",
    "unknown_unit": "refusal.unknown_unit",
    "order_exists": "refusal.order_exists",
    "bad_signature": "refusal.bad_signature",
    KioskError.__name__: "refusal.other",
    "": "refusal.unexpected",
}


def _refusal_code(error: BaseException) -> str:
    if getattr(error, "field", "") == "eid_qr":
        # The services say it by field: a QR code without exactly one ID number in it.
        return "eid_qr"
    return str(getattr(error, "code", ""))


def refusal_prompt(error: BaseException) -> str:
    """The voice prompt of ``plain_refusal(error)``."""
    code = _refusal_code(error)
    if code in REFUSAL_PROMPTS:
        return REFUSAL_PROMPTS[code]
    return REFUSAL_PROMPTS[KioskError.__name__ if isinstance(error, KioskError) else ""]


def plain_refusal(error: BaseException) -> str:
    """The buyer's sentence for a refusal, by its code; a calm general one for anything else."""
    code = _refusal_code(error)
    words = {
        "id_legacy15": QCoreApplication.translate("BuyerRefusal", "This is an old 15-digit ID number, which can no longer be used. "
                          "Please use your current 18-character ID card."),
        "id_checksum": QCoreApplication.translate("BuyerRefusal", "The ID number does not check out. Please compare it with your ID card."),
        "id_length": QCoreApplication.translate("BuyerRefusal", "An ID number has 18 characters. Please type it again from your ID card."),
        "id_province": QCoreApplication.translate("BuyerRefusal", "This cannot be an ID number. Please compare it with your ID card."),
        "id_future": QCoreApplication.translate("BuyerRefusal", "This cannot be an ID number. Please compare it with your ID card."),
        "eid_qr": QCoreApplication.translate("BuyerRefusal", "This code does not carry an ID number. Please show your e-ID code or place your ID card."),
        "unsigned_buyers": QCoreApplication.translate("BuyerRefusal", "Every buyer on the contract has to sign it. "
                              "Please ask the other buyers to come, or ask staff."),
        "unsigned": QCoreApplication.translate("BuyerRefusal", "Every buyer present has to sign both papers. Please ask staff."),
        "not_a_buyer": QCoreApplication.translate("BuyerRefusal", "A signature came from someone not on the contract. Please ask staff."),
        "not_identified": QCoreApplication.translate("BuyerRefusal", "A signature came from someone not identified. Please ask staff."),
        "not_the_signer": QCoreApplication.translate("BuyerRefusal", "This ID card is not the signer's. "
                             "The person named on the screen places their own ID card."),
        "signer_not_identified": QCoreApplication.translate("BuyerRefusal", "A signer's own ID card was not read "
                                    "before signing. Please sign again: each signer places their ID card first."),
        "illegal_transition": QCoreApplication.translate("BuyerRefusal", "This step is already done or not possible now. Please go back to your case."),
        "training_unit": QCoreApplication.translate("BuyerRefusal", "This is a practice case. Payments are only possible in practice mode."),
        "unknown_unit": QCoreApplication.translate("BuyerRefusal", "This unit is not known at this terminal. Please ask staff."),
        "order_exists": QCoreApplication.translate("BuyerRefusal", "A payment order already exists for this unit. Please go back and open it."),
        "bad_signature": QCoreApplication.translate("BuyerRefusal", "The signature could not be recorded. Please sign again."),
    }
    if code in words:
        return words[code]
    if isinstance(error, KioskError):
        return QCoreApplication.translate("BuyerRefusal", "This step cannot be done here now. Please ask staff for help.")
    return QCoreApplication.translate("BuyerRefusal", "Something went wrong at the terminal. Nothing was lost; please ask staff for help.")


def staff_line(error: BaseException) -> str:
    """The small line for staff: the code and the services' hint (never personal data)."""
    code = getattr(error, "code", type(error).__name__)
    hint = getattr(error, "hint", None) or getattr(error, "message", None) or str(error)
    return f"{code}: {hint}" if hint else str(code)


class Panel(QFrame):
    """A white panel of the buyer screens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(32, 24, 32, 24)
        self.box.setSpacing(16)


class NoteLabel(QLabel):
    """A message line that takes no room while it says nothing (refusals, staff notes)."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setVisible(bool(text))


def note(role: str = "", *, state: str = "") -> NoteLabel:
    widget = NoteLabel()
    widget.setWordWrap(True)
    widget.setVisible(False)
    if role:
        widget.setProperty("role", role)
    if state:
        widget.setProperty("state", state)
    return widget


def label(role: str = "", *, wrap: bool = True, state: str = "") -> QLabel:
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    if state:
        widget.setProperty("state", state)
    widget.setWordWrap(wrap)
    return widget


def set_state(widget: QWidget, state: str) -> None:
    """Change a widget's ``state`` property and restyle it (a dynamic property needs a re-polish)."""
    widget.setProperty("state", state)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def scrolling(content: QWidget, name: str) -> QScrollArea:
    """``content`` in a frameless area that scrolls with one finger when the panel is too short for it
    (a 1280x800 panel in large text); a scroll bar shows that there is more."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setProperty("role", "flat")  # the theme draws it in the colour of the panel it sits on
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setMinimumHeight(MIN_SCROLL_PX)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return area
