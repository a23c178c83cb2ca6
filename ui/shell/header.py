"""The header on every screen and the training banner (ux.md "Touch and layout").

返回上一步 on the left; the language switch, 大字模式, 高对比度, the volume step,
重听 and 呼叫工作人员 on the right: always in the same order, so a buyer who
found them once finds them on every screen. The header only asks; the main
window switches.

Every switch stays on every buyer screen, on every panel (issue 11: the buyer
reaches volume and contrast everywhere). Where one row of full names is too wide
the header takes the first arrangement that fits, in the panel's order:
landscape (a 1280x800 panel has no height to spare for a second row): one row,
then one row of compact buttons (less padding, the longer names on two lines);
portrait (height to spare, width short): one row, then two rows (返回 and
呼叫工作人员 above, the switches below), then two rows of compact buttons.
Only a window narrower than any of these lets the buyer's optional switches
step aside (high contrast, then volume, then 重听), never 返回, the language,
大字模式 or 呼叫工作人员.
"""

from __future__ import annotations

from ui.i18n import Retranslating, current_language
from ui.qt import (
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import on_portrait_panel
from ui.widgets.fitting import Fitting
from ui.widgets.guard import GuardedButton

# Each language is named in itself: a buyer who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}
VOLUME_STEPS = 3  # ux.md: three volume steps


def other_language(lang: str) -> str:
    return "en" if lang == "zh_CN" else "zh_CN"


class Header(Retranslating, Fitting, QFrame):
    back_requested = Signal()
    call_staff_requested = Signal()
    language_requested = Signal(str)
    large_text_requested = Signal(bool)
    high_contrast_requested = Signal(bool)
    repeat_requested = Signal()
    volume_requested = Signal(int)
    _top: QHBoxLayout | None = None  # set in __init__; Qt may send a font change before

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
        self.call_button = GuardedButton()
        self.call_button.setObjectName("header_call_staff")
        # A row's buttons share its height: a one-line name beside a two-line one grows to match (and,
        # fixed, would hold the whole row to its own height, clipping the second line).
        for button in (self.back_button, self.language_button, self.large_button, self.contrast_button,
                       self.volume_button, self.repeat_button, self.call_button):
            policy = button.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
            button.setSizePolicy(policy)
        self.volume = 1
        self.compact = False
        self.two_rows = False
        self._buyer = True
        self._switches = (self.language_button, self.large_button, self.contrast_button, self.volume_button,
                          self.repeat_button)
        # Kept first when the row is short: the last of these is the first to step aside.
        self._optional = (self.repeat_button, self.volume_button, self.contrast_button)
        # Measures a name in either style without touching the buttons on show: trying an arrangement
        # on them would ask for a new layout at every resize and the window would never settle.
        self._probe = GuardedButton(parent=self)  # the buttons' own class (and the double-tap rule's), never shown
        self._probe.hide()
        rows = QVBoxLayout(self)
        # The window keeps the bezel's margin (theme.BEZEL_PX); 8 px under the row, where the banner or the
        # screen begins (their own top margins keep 16 px between targets), keeps a 1280x800
        # panel's screens their room in large text (the certificate's notes beside the code stay whole).
        rows.setContentsMargins(0, 0, 0, 8)
        rows.setSpacing(16)  # ux.md: 16 px between targets, across the rows too
        self._top = QHBoxLayout()
        self._bottom = QHBoxLayout()
        for row in (self._top, self._bottom):
            row.setSpacing(16)
            rows.addLayout(row)
        self._top.addWidget(self.back_button)
        self._top.addStretch(1)
        for button in self._switches:
            self._top.addWidget(button)
        self._top.addWidget(self.call_button)
        self._bottom.addStretch(1)
        self.back_button.clicked.connect(self.back_requested)
        self.contrast_button.toggled.connect(self.high_contrast_requested)
        self.repeat_button.clicked.connect(self.repeat_requested)
        self.volume_button.clicked.connect(lambda: self.volume_requested.emit((self.volume + 1) % VOLUME_STEPS))
        self.call_button.clicked.connect(self.call_staff_requested)
        self.language_button.clicked.connect(
            lambda: self.language_requested.emit(other_language(current_language() or "zh_CN")))
        self.large_button.toggled.connect(self.large_text_requested)
        self.retranslate()

    def _names(self, compact: bool) -> dict[QPushButton, str]:
        """Each button's name; compact: the longer ones on two lines, as narrow as they read well."""
        volume = self.volume
        names: dict[QPushButton, str]
        if compact:
            # Its own context: the same English word, a different Chinese (a comment would set the two
            # apart for Qt, but not for a lookup by context and source).
            names = {self.back_button: QCoreApplication.translate("HeaderCompact", "Back"),
                     self.large_button: self.tr("Large\ntext"),
                     self.call_button: self.tr("Call\nstaff"),
                     self.volume_button: (self.tr("Volume\n●○○"), self.tr("Volume\n●●○"),
                                          self.tr("Volume\n●●●"))[volume]}
        else:
            names = {self.back_button: self.tr("Back"),
                     self.large_button: self.tr("Large text"),
                     self.call_button: self.tr("Call staff"),
                     self.volume_button: (self.tr("Volume ●○○"), self.tr("Volume ●●○"),
                                          self.tr("Volume ●●●"))[volume]}
        # Short names: 高对比 and 重听 fit beside the others without a second line.
        names[self.contrast_button] = self.tr("Contrast")
        names[self.repeat_button] = self.tr("Repeat")
        names[self.language_button] = LANGUAGE_NAMES[other_language(current_language() or "zh_CN")]
        return names

    def retranslate(self) -> None:
        self.fit()

    def set_volume(self, step: int) -> None:
        """Show the volume step (0, 1, 2) the voice plays at."""
        self.volume = step
        self.volume_button.setText(self._names(self.compact)[self.volume_button])

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
        self.fit()

    def set_buyer_controls(self, shown: bool) -> None:
        """High contrast, volume and 重听 belong to the buyer screens (voice and contrast are theirs)."""
        self._buyer = shown
        self.fit()

    # -- arrangement ------------------------------------------------------------------------------

    def _width(self, text: str, compact: bool) -> int:
        probe = self._probe
        probe.setProperty("compact", "header" if compact else "false")
        probe.style().unpolish(probe)
        probe.style().polish(probe)
        probe.setText(text)
        return int(probe.sizeHint().width())

    def _arrangements(self) -> tuple[tuple[bool, bool], ...]:
        """(two rows, compact) in the order tried: a second row only where the panel has height to spare."""
        if on_portrait_panel(self):
            return (False, False), (True, False), (True, True)
        return (False, False), (False, True), (True, True)

    def fit(self) -> None:
        """Take the first arrangement that fits the header's width; optional buttons step aside only if
        none does."""
        if self._top is None:
            return
        room = self.width() - self._side_margins()
        spacing = self._top.spacing()
        shown = [b for b in self._switches if self._buyer or b not in self._optional]
        shown = [b for b in shown if b in self._optional or not b.isHidden()]

        def row(widths: list[int]) -> int:
            return sum(widths) + spacing * max(0, len(widths) - 1)

        choice = self._arrangements()[-1]
        for two_rows, compact in self._arrangements():
            names = self._names(compact)
            # On a row of their own the two ends keep their full names (two buttons fit any panel's width).
            ends_compact = compact and not two_rows
            end_names = self._names(ends_compact)
            ends = [self._width(end_names[b], ends_compact) for b in (self.back_button, self.call_button)]
            switches = [self._width(names[b], compact) for b in shown]
            need = max(row(ends), row(switches)) if two_rows else row(ends + switches)
            if need <= room:
                choice = (two_rows, compact)
                break
        self._arrange(*choice)
        self._step_aside(room)

    def _arrange(self, two_rows: bool, compact: bool) -> None:
        changed = compact != self.compact or two_rows != self.two_rows
        self.compact = compact
        ends = (self.back_button, self.call_button)
        # Two rows: 返回 and 呼叫工作人员 alone on the first, with their full names on one line each (a row
        # of two-line names would be 26 px taller, which a portrait panel's reach line cannot spare).
        ends_compact = compact and not two_rows
        if changed:
            for button in (*ends, *self._switches):
                value = "header" if (ends_compact if button in ends else compact) else "false"
                button.setProperty("compact", value)
                button.style().unpolish(button)
                button.style().polish(button)
        names = self._names(compact)
        names.update({b: text for b, text in self._names(ends_compact).items() if b in ends})
        for named, text in names.items():
            if named.text() != text:
                named.setText(text)
        if two_rows != self.two_rows:
            self.two_rows = two_rows
            assert self._top is not None
            for button in self._switches:
                self._top.removeWidget(button)
                self._bottom.removeWidget(button)
                if two_rows:
                    self._bottom.addWidget(button)
                else:
                    self._top.insertWidget(self._top.count() - 1, button)  # before 呼叫工作人员
        if changed:
            # Arranged inside the window's layout pass (a resize), which would keep the old height: also
            # when only the names changed (one row of compact, two-line names is taller than one of full names).
            for button in (self.back_button, self.call_button, *self._switches):
                button.updateGeometry()
            for layout in (self._top, self._bottom, self.layout()):
                if layout is not None:
                    layout.invalidate()
            self.updateGeometry()

    def _step_aside(self, room: int) -> None:
        """The buyer's optional buttons that fit, in their order (all of them on any kiosk panel)."""
        assert self._top is not None
        spacing = self._top.spacing()
        fixed = [b for b in (self.language_button, self.large_button) if not b.isHidden()]
        if not self.two_rows:
            fixed += [self.back_button, self.call_button]
        used = sum(b.sizeHint().width() for b in fixed) + spacing * (len(fixed) - 1)
        for button in self._optional:
            need = button.sizeHint().width() + spacing
            fits = self._buyer and used + need <= room
            if fits:
                used += need
            if button.isHidden() == fits:
                button.setVisible(fits)

    def narrowest(self) -> QSize | None:
        # 返回 and 呼叫工作人员 on a row of their own; never lower than its names need (the theme's minimum
        # button height is a one-line name's, and the window would squeeze a row of two-line names to it,
        # cutting their second line).
        if self._top is None:
            return None
        ends = self.back_button.minimumSizeHint().width() + self.call_button.minimumSizeHint().width()
        return QSize(ends + self._top.spacing() + self._side_margins(), self.sizeHint().height())

    def _side_margins(self) -> int:
        # The rows' own (none: the window keeps the bezel's inset around the header).
        rows = self.layout()
        return 0 if rows is None else rows.contentsMargins().left() + rows.contentsMargins().right()

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
        # Its own room only above and below: the window keeps the sides; every px of height is the screens'.
        self.setContentsMargins(0, 4, 0, 4)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Training mode: practice data only, nothing here is real"))


class ReachBand(Retranslating, QLabel):
    """The top of a portrait panel above the configured reach line (``[display] reach_line_px``):
    out of reach of a seated or short buyer, a seated member of staff or a kneeling technician, so it
    holds the service's name and nothing to tap, whichever screen is below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reach_band")
        self.setProperty("role", "title")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Jia County: keys and certificate together"))


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
