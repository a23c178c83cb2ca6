"""The header on every screen and the training banner (ux.md "Touch and layout").

返回上一步 on the left; the language switch, 大字模式, 高对比度, the volume step,
重听 and 呼叫工作人员 on the right: always in the same places, so a buyer who
found them once finds them on every screen. The header only asks; the main
window switches.

A narrow panel (1280 px in large text) has no room for all of them in one row:
the buyer's optional switches step aside in a fixed order (high contrast, then
volume, then 重听), never 返回, the language, 大字模式 or 呼叫工作人员. The
welcome screen shows its own language and text-size switches, which leaves the
header room for all the others there on every panel; each switch stays set.
"""

from __future__ import annotations

from ui.i18n import Retranslating, current_language
from ui.qt import (
    QEvent,
    QFrame,
    QHBoxLayout,
    QLabel,
    QResizeEvent,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.guard import GuardedButton

# Each language is named in itself: a buyer who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}
VOLUME_STEPS = 3  # ux.md: three volume steps


def other_language(lang: str) -> str:
    return "en" if lang == "zh_CN" else "zh_CN"


class Header(Retranslating, QFrame):
    back_requested = Signal()
    call_staff_requested = Signal()
    language_requested = Signal(str)
    large_text_requested = Signal(bool)
    _row: QHBoxLayout | None = None  # set in __init__; Qt may send a font change before
    high_contrast_requested = Signal(bool)
    repeat_requested = Signal()
    volume_requested = Signal(int)

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
        self.contrast_button = GuardedButton()
        self.contrast_button.setObjectName("header_high_contrast")
        self.contrast_button.setCheckable(True)
        self.volume_button = GuardedButton()
        self.volume_button.setObjectName("header_volume")
        self.repeat_button = GuardedButton()
        self.repeat_button.setObjectName("header_repeat")
        # Less room beside its two characters: 重听 then fits a 1280 px panel in large text too.
        self.repeat_button.setProperty("compact", "true")
        self.call_button = GuardedButton()
        self.call_button.setObjectName("header_call_staff")
        self.volume = 1
        self._buyer = True
        # Kept first when the row is short: the last of these is the first to step aside.
        self._optional = (self.repeat_button, self.volume_button, self.contrast_button)
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)  # ux.md: nothing interactive within 24 px of the bezel
        row.setSpacing(16)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.language_button)
        row.addWidget(self.large_button)
        row.addWidget(self.contrast_button)
        row.addWidget(self.volume_button)
        row.addWidget(self.repeat_button)
        row.addWidget(self.call_button)
        self.back_button.clicked.connect(self.back_requested)
        self.contrast_button.toggled.connect(self.high_contrast_requested)
        self.repeat_button.clicked.connect(self.repeat_requested)
        self.volume_button.clicked.connect(lambda: self.volume_requested.emit((self.volume + 1) % VOLUME_STEPS))
        self.call_button.clicked.connect(self.call_staff_requested)
        self.language_button.clicked.connect(
            lambda: self.language_requested.emit(other_language(current_language() or "zh_CN")))
        self.large_button.toggled.connect(self.large_text_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back"))
        self.large_button.setText(self.tr("Large text"))
        self.call_button.setText(self.tr("Call staff"))
        # Short names: on the welcome screen of a 1280 px panel in large text both fit beside 重听.
        self.contrast_button.setText(self.tr("Contrast"))
        self.repeat_button.setText(self.tr("Repeat"))
        self.language_button.setText(LANGUAGE_NAMES[other_language(current_language() or "zh_CN")])
        self._volume_text()

    def _volume_text(self) -> None:
        names = (self.tr("Volume ●○○"), self.tr("Volume ●●○"), self.tr("Volume ●●●"))
        self.volume_button.setText(names[self.volume])

    def set_volume(self, step: int) -> None:
        """Show the volume step (0, 1, 2) the voice plays at."""
        self.volume = step
        self._volume_text()

    def set_high_contrast(self, on: bool) -> None:
        self.contrast_button.blockSignals(True)
        self.contrast_button.setChecked(on)
        self.contrast_button.blockSignals(False)

    def set_large_text(self, on: bool) -> None:
        """Show the mode without asking for it again."""
        self.large_button.blockSignals(True)
        self.large_button.setChecked(on)
        self.large_button.blockSignals(False)

    def set_switches_shown(self, shown: bool) -> None:
        """The language and large-text switches, hidden where the screen shows its own."""
        self.language_button.setVisible(shown)
        self.large_button.setVisible(shown)
        self._fit()

    def set_buyer_controls(self, shown: bool) -> None:
        """High contrast, volume and 重听 belong to the buyer screens (voice and contrast are theirs)."""
        self._buyer = shown
        self._fit()

    def _fit(self) -> None:
        """Show the optional buttons that fit beside the fixed ones, in their order."""
        row = self._row
        if row is None:
            return
        margins = row.contentsMargins()
        spacing = row.spacing()
        fixed = [b for b in (self.back_button, self.language_button, self.large_button, self.call_button)
                 if not b.isHidden() or b is self.back_button]
        # Qt puts no spacing beside the stretch: the gaps are between the buttons only.
        used = margins.left() + margins.right() + sum(b.sizeHint().width() for b in fixed) \
            + spacing * (len(fixed) - 1)
        for button in self._optional:
            need = button.sizeHint().width() + spacing
            fits = self._buyer and used + need <= self.width()
            if fits:
                used += need
            if button.isHidden() == fits:
                button.setVisible(fits)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # The optional buttons step aside rather than widen the window past a narrow panel.
        hint = super().minimumSizeHint()
        if self._row is None:
            return hint
        shown = [b for b in self._optional if not b.isHidden()]
        spacing = self._row.spacing()
        return QSize(hint.width() - sum(b.minimumSizeHint().width() + spacing for b in shown), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self._fit()

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
