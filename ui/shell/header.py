"""The header on every screen and the training banner (ux.md "Touch and layout").

返回上一步 on the left, the language switch, 大字模式 and 呼叫工作人员 on the
right: always in the same places, so a buyer who found them once finds them
on every screen. The header only asks; the main window switches.
"""

from __future__ import annotations

from ui.i18n import Retranslating, current_language
from ui.qt import QFrame, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget, Signal
from ui.widgets.guard import GuardedButton

# Each language is named in itself: a buyer who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}


def other_language(lang: str) -> str:
    return "en" if lang == "zh_CN" else "zh_CN"


class Header(Retranslating, QFrame):
    back_requested = Signal()
    call_staff_requested = Signal()
    language_requested = Signal(str)
    large_text_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.back_button = GuardedButton()
        self.back_button.setObjectName("header_back")
        policy = self.back_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.back_button.setSizePolicy(policy)
        self.language_button = GuardedButton()
        self.language_button.setObjectName("header_language")
        self.large_button = GuardedButton()
        self.large_button.setObjectName("header_large_text")
        self.large_button.setCheckable(True)
        self.call_button = GuardedButton()
        self.call_button.setObjectName("header_call_staff")
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)  # ux.md: nothing interactive within 24 px of the bezel
        row.setSpacing(16)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.language_button)
        row.addWidget(self.large_button)
        row.addWidget(self.call_button)
        self.back_button.clicked.connect(self.back_requested)
        self.call_button.clicked.connect(self.call_staff_requested)
        self.language_button.clicked.connect(
            lambda: self.language_requested.emit(other_language(current_language() or "zh_CN")))
        self.large_button.toggled.connect(self.large_text_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back"))
        self.large_button.setText(self.tr("Large text"))
        self.call_button.setText(self.tr("Call staff"))
        self.language_button.setText(LANGUAGE_NAMES[other_language(current_language() or "zh_CN")])

    def set_large_text(self, on: bool) -> None:
        """Show the mode without asking for it again."""
        self.large_button.blockSignals(True)
        self.large_button.setChecked(on)
        self.large_button.blockSignals(False)

    def set_switches_shown(self, shown: bool) -> None:
        """The language and large-text switches, hidden where the screen shows its own."""
        self.language_button.setVisible(shown)
        self.large_button.setVisible(shown)

    def set_can_go_back(self, can: bool) -> None:
        # Hidden on the home screen (a dead button confuses), its place kept so nothing else moves.
        self.back_button.setVisible(can)


class TrainingBanner(Retranslating, QLabel):
    """Shown on every screen of a ``--training`` session: nothing done here is real."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("training_banner")
        # Body size, not a heading: one line even in large text, so the screens below keep their room.
        self.setProperty("state", "warn")
        self.setWordWrap(True)
        self.setMargin(8)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Training mode: practice data only, nothing done here is real"))


class ReachBand(Retranslating, QLabel):
    """The top of a portrait panel above the configured reach line (``[display] reach_line_px``):
    out of a seated or short buyer's reach, so it holds the service's name and nothing to tap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reach_band")
        self.setProperty("role", "title")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Jia County: keys and title deed together"))


class MessagePanel(Retranslating, QFrame):
    """A full panel over the screen: a heading, a line of what to do, an optional small staff
    line, and one large button that dismisses it. Subclasses give the texts in ``retranslate``."""

    dismissed = Signal()

    def __init__(self, panel_name: str, prefix: str, parent: QWidget | None = None, *,
                 staff_line: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(panel_name)
        self.setProperty("role", "panel")
        self.message = QLabel()
        self.message.setObjectName(f"{prefix}_message")
        self.message.setProperty("role", "heading")
        self.message.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName(f"{prefix}_detail")
        self.detail.setWordWrap(True)
        self.ok_button = GuardedButton()
        self.ok_button.setObjectName(f"{prefix}_ok")
        self.ok_button.setProperty("role", "primary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(24)
        layout.addWidget(self.message)
        layout.addWidget(self.detail)
        if staff_line:
            self.staff_line = QLabel()
            self.staff_line.setObjectName(f"{prefix}_code")
            self.staff_line.setProperty("role", "hint")
            layout.addWidget(self.staff_line)
        layout.addWidget(self.ok_button)
        self.ok_button.clicked.connect(self.dismissed)
        self.retranslate()


class CallStaffPanel(MessagePanel):
    """What 呼叫工作人员 shows: stay here, someone is coming; a large button to go on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("call_staff_panel", "call_staff", parent)

    def retranslate(self) -> None:
        self.message.setText(self.tr("Please wait here: a staff member is coming to help you."))
        self.detail.setText(self.tr("If nobody comes within a few minutes, please go to the service desk."))
        self.ok_button.setText(self.tr("OK"))
