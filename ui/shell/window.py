"""The main window: header, training banner, staff status strip, the screens, and three overlays.

- Reach line (ux.md "Touch and layout", issue 11): on a portrait panel with ``[display] reach_line_px``
  set, every screen starts below that line, header, training banner and staff status strip included;
  the band above it only names the service. Every screen, not only the buyer's: staff seated at a
  desk or in a wheelchair reach no higher than a buyer does, and a technician kneeling at a floor
  kiosk works on its lower part too. The key makes it a site's choice (0: no band).
- Bezel (ux.md "Touch and layout"): nothing to tap within ``theme.BEZEL_PX`` of the panel's edge. The
  window keeps that inset on every side of everything it lays out (header, banner, strip, screens,
  keyboard), so no screen need remember it; the parts' own outer margins count from inside it.
- Header (every screen): 返回上一步, the language switch, 大字模式, 呼叫工作人员; on buyer
  screens also 高对比度 (the high-contrast theme), the volume step and 重听.
- Voice (buyer screens, ux.md "Voice and privacy"): what a screen says (``Screen.say``) or,
  when it says nothing on being shown, its ``voice_prompt``; the idle question, the call for
  staff and the fault message are spoken too; every touch stops the voice (ui/voice).
- Staff status strip: shown while a staff or technician screen is.
- Idle (ux.md "Time"): buyer screens warn after their ``idle_seconds`` with the
  30 s countdown; staff screens after 180 s, technician screens after their 120 s.
  A timeout or 结束办理 goes home at once: ``Navigator.home`` calls ``leave()`` on
  every screen, which clears personal data, and staff are signed out.
- An unexpected error (an exception nobody caught, a task failure that is not a
  refusal) goes home and shows a calm full-window message; the traceback goes
  to the log only. So does a kiosk that could not be opened after the first frame
  (``AppContext.later``: a locked store, a wrong data key, a bad device URI), and
  every tap that asks for another screen after that.
- Opening (``AppContext.later``): a tap that asks for another screen before the kiosk is
  open shows "getting ready" until the screen opens by itself (``Navigator.waiting``).
- Kiosk mode: Escape and close requests are ignored; only the technician's exit closes it.
- The on-screen Pinyin keyboard: a dock under the screens, shown while a free-text field is typed
  into; the screens above shrink so the field stays in view (ui/widgets/pinyin.py).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from kiosk.errors import KioskError
from ui import i18n, theme
from ui.context import AppContext
from ui.navigation import Navigator
from ui.qt import (
    QApplication,
    QCloseEvent,
    QEvent,
    QKeyEvent,
    QObject,
    QRect,
    QResizeEvent,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.base import Screen
from ui.shell.header import CallStaffPanel, Header, MessagePanel, ReachBand, TrainingBanner
from ui.shell.registry import TECHNICIAN
from ui.shell.status import StaffStatusStrip
from ui.shell.welcome import WelcomeScreen
from ui.voice.player import VoicePlayer
from ui.widgets.idle import ActivityFilter, CountdownPanel, IdleTimer
from ui.widgets.pinyin import AboveKeyboard, KeyboardDock

log = logging.getLogger("kiosk.ui")

STAFF_LOCK_SECONDS = 180  # ux.md: staff mode locks after 180 s idle
# Failures the screens explain themselves: refusals of the services and devices, a device not configured.
EXPLAINED_FAILURES: tuple[type[BaseException], ...] = (KioskError, LookupError)


class Overlay(QWidget):
    """Covers everything below the header (what is behind it cannot be read or touched; the
    language and text-size switches stay reachable) and centres one panel."""

    def __init__(self, panel: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"{panel.objectName() or 'overlay'}_veil")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.panel = panel
        layout = QVBoxLayout(self)
        # 32 px above and below: the fault panel's four parts need all the height a 1280x800 panel leaves
        # under the header in large text (with 64 its heading's second line was cut).
        layout.setContentsMargins(96, 32, 96, 32)
        layout.addStretch(1)
        layout.addWidget(panel)
        layout.addStretch(1)
        panel.show()
        self.hide()

    def cover(self, area: QRect) -> None:
        self.setGeometry(area)
        self.show()
        self.raise_()


class FaultPanel(MessagePanel):
    """系统出了点问题，请联系工作人员: what happened and what to do, a small staff line, a large button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("fault", "fault", parent, staff_line=True)

    def set_code(self, code: str) -> None:
        """The technical code for staff (an exception's type and the time), never a traceback."""
        self.staff_line.setText(code)

    def retranslate(self) -> None:
        self.message.setText(self.tr("Something went wrong with the system. Please ask a staff member."))
        self.detail.setText(self.tr("Your details have been cleared from the screen. "
                                    "You can start again when staff have checked the terminal."))
        self.ok_button.setText(self.tr("Back to the start"))


class WaitPanel(MessagePanel):
    """A tap in the first moments after the start, while the kiosk is still opening: it is coming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("wait_panel", "wait", parent)

    def retranslate(self) -> None:
        self.message.setText(self.tr("One moment please: the terminal is getting ready."))
        self.detail.setText(self.tr("The next screen opens by itself in a moment."))
        self.ok_button.setText(self.tr("Cancel"))


def failure_code(error: BaseException) -> str:
    """What the fault panel's staff line names: a refusal's stable code, else the exception's type."""
    return error.code if isinstance(error, KioskError) else type(error).__name__


class KioskKeys(QObject):
    """App-wide: Escape does nothing (it would close dialogs and leave full screen)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                return True
        return False


class MainWindow(QWidget):
    large_text_changed = Signal(bool)
    exited = Signal()

    def __init__(self, ctx: AppContext, *, clock: Callable[[], float] = time.monotonic,
                 idle_poll_ms: int = 200, styled: bool = True, silent: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.ctx = ctx
        self.styled = styled
        self.large_text = False
        self.high_contrast = False
        self.mode: theme.Mode | None = None
        self.audience = "buyer"
        self._may_close = False
        # Styled before any widget exists: a style sheet set later repolishes every widget built so far.
        self._style()
        self.header = Header()
        self.banner = TrainingBanner()
        self.banner.setVisible(ctx.training)
        self.strip = StaffStatusStrip(ctx)
        self.strip.hide()
        self.navigator = Navigator(ctx)
        self.reach_line = int(ctx.config["display"]["reach_line_px"])
        self.reach_band = ReachBand()
        self.reach_band.hide()
        self.navigator.added.connect(self._wire)
        layout = QVBoxLayout(self)
        # One safe inset for all the window lays out (ux.md: nothing to tap within 24 px of the bezel).
        layout.setContentsMargins(theme.BEZEL_PX, theme.BEZEL_PX, theme.BEZEL_PX, theme.BEZEL_PX)
        layout.setSpacing(0)
        layout.addWidget(self.reach_band)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.strip)
        self.keyboard = KeyboardDock()
        self.screens = AboveKeyboard(self.navigator, self.keyboard)
        layout.addWidget(self.screens, 1)
        layout.addWidget(self.keyboard)

        self.idle = IdleTimer(self, clock=clock, poll_ms=idle_poll_ms)
        ctx.idle = self.idle
        self.countdown = CountdownPanel()
        self.countdown.setObjectName("countdown")
        self.countdown.bind(self.idle)
        self.countdown_overlay = Overlay(self.countdown, self)
        self.call_panel = CallStaffPanel()
        self.call_overlay = Overlay(self.call_panel, self)
        self.fault = FaultPanel()
        self.fault_overlay = Overlay(self.fault, self)
        self.wait = WaitPanel()
        self.wait_overlay = Overlay(self.wait, self)
        # The overlays cover what is below the header: placed again whenever the header moves or changes
        # height (large text, a turn of the panel, the reach band), not only when the window is resized,
        # which happens before its layout has moved the header.
        self.header.installEventFilter(self)
        app = QApplication.instance()
        self._activity = ActivityFilter(self.idle)
        self._keys = KioskKeys(self)
        self.voice = VoicePlayer(parent=self, silent=silent)
        self._said = False  # whether the screen being shown said something itself
        self._screen_prompt = ""  # what 重听 says again once an overlay is answered
        if app is not None:
            app.installEventFilter(self._activity)
            app.installEventFilter(self._keys)
            app.installEventFilter(self.voice)

        self.idle.warning.connect(self._idle_warning)
        self.idle.extended.connect(self._countdown_answered)
        self.idle.timed_out.connect(self.end_session)
        self.countdown.end_requested.connect(self.end_session)
        self.header.back_requested.connect(self.back)
        self.header.call_staff_requested.connect(self.call_staff)
        self.header.language_requested.connect(self.set_language)
        self.header.large_text_requested.connect(self.set_large_text)
        self.header.high_contrast_requested.connect(self.set_high_contrast)
        self.header.volume_requested.connect(self.set_volume)
        self.header.repeat_requested.connect(self.voice.repeat)
        self.call_panel.dismissed.connect(self._call_answered)
        self.fault.dismissed.connect(self._fault_answered)
        self.wait.dismissed.connect(self.navigator.cancel_waiting)
        self.navigator.waiting.connect(self._waiting)
        ctx.open_failed.connect(self._open_failed)
        self.strip.sign_out_requested.connect(self.end_session)
        self.strip.technician_requested.connect(lambda: self.navigator.go(TECHNICIAN))
        self.navigator.went.connect(self._went)
        # Shown before its enter(): what the screen says from here on is its own prompt.
        self.navigator.currentChanged.connect(self._showing)
        ctx.runner.task_failed.connect(self._task_failed)

    # -- screens -------------------------------------------------------------------------------

    def add(self, screen: Screen, *, home: bool = False) -> None:
        self.navigator.add(screen, home=home)

    def add_later(self, name: str, build: Callable[[], Screen], *, home: bool = False) -> None:
        """A screen built when first shown (or by ``build_remaining``)."""
        self.navigator.add_later(name, build, home=home)

    def build_remaining(self) -> None:
        """Build the screens not built yet, one per turn of the event loop, so a touch in between is
        served at once and the first tap on a screen does not wait for it to be built."""
        if self.navigator.build_next():
            QTimer.singleShot(0, self, self.build_remaining)

    def _wire(self, screen: Screen) -> None:
        screen.chrome_changed.connect(self._show_strip)
        screen.spoken.connect(lambda prompt_id, s=screen: self._speak(s, prompt_id))
        if isinstance(screen, WelcomeScreen):
            screen.language_requested.connect(self.set_language)
            screen.large_text_requested.connect(self.set_large_text)
            self.large_text_changed.connect(screen.set_large_text)

        # Screens that may close the app (the technician's exit, a finished decommissioning) say so
        # with ``exit_requested``; matched by name so the shell need not import them before they are built.
        exit_requested = getattr(screen, "exit_requested", None)
        if exit_requested is not None:
            exit_requested.connect(self.technician_exit)

    def start(self) -> None:
        """Show the home screen and start listening to the change feed."""
        self.navigator.home()
        self.ctx.start_polling()

    def back(self) -> None:
        self.navigator.back()

    def _went(self, name: str, audience: str) -> None:
        self.audience = audience
        self.countdown_overlay.hide()
        self.call_overlay.hide()
        self.header.set_can_go_back(name != self.navigator.home_name)
        screen = self.navigator.current
        self.header.set_switches_shown(screen is None or not screen.own_switches)
        staff = audience != "buyer"
        self.header.set_buyer_controls(not staff)
        self._voice_on_showing(screen, home=name == self.navigator.home_name)
        self._show_strip()
        if staff:
            self.strip.start()
        else:
            self.strip.stop()
        self._style()
        if name == self.navigator.home_name or screen is None:
            self.idle.stop()
        elif audience == "staff":
            self.idle.start(STAFF_LOCK_SECONDS)
        else:
            self.idle.start(screen.idle_seconds)

    def _show_strip(self) -> None:
        # On staff screens, unless the screen is the buyer's for now (a buyer signing at the counter).
        screen = self.navigator.current
        self.strip.setVisible(self.audience != "buyer" and (screen is None or screen.staff_strip_wanted()))

    # -- voice -----------------------------------------------------------------------------------

    def _speak(self, screen: Screen, prompt_id: str) -> None:
        # Only the buyer screen on show speaks: a load answering after the buyer moved on stays quiet.
        if screen is self.navigator.current and screen.audience == "buyer":
            self._said = True
            self._screen_prompt = prompt_id
            self.voice.play(prompt_id)

    def _showing(self, _index: int) -> None:
        self._said = False

    def _voice_on_showing(self, screen: Screen | None, *, home: bool) -> None:
        if self._said:
            return
        prompt = screen.voice_prompt if screen is not None and screen.audience == "buyer" else ""
        self._screen_prompt = prompt
        if prompt and not home:
            self.voice.play(prompt)
        else:
            # The home screen waits quietly (重听 says its prompt); staff screens have no voice.
            self.voice.cue(prompt)

    def _overlay_prompt(self, prompt_id: str) -> None:
        if self.audience == "buyer":
            self.voice.play(prompt_id)

    def _overlay_answered(self) -> None:
        # 重听 goes back to the screen's own prompt, quietly.
        self.voice.cue(self._screen_prompt if self.audience == "buyer" else "")

    def _idle_warning(self, _seconds: int) -> None:
        self.countdown_overlay.cover(self._below_header())
        self._overlay_prompt("shell.more_time")

    def _countdown_answered(self) -> None:
        self.countdown_overlay.hide()
        self._overlay_answered()

    def _fault_answered(self) -> None:
        self.fault_overlay.hide()
        self._overlay_answered()

    def _call_answered(self) -> None:
        self.call_overlay.hide()
        self._overlay_answered()

    def set_volume(self, step: int) -> None:
        """One of the three volume steps; the last prompt is said again at the new volume."""
        self.voice.set_volume(step)
        self.header.set_volume(self.voice.step)
        self.voice.repeat()

    def end_session(self) -> None:
        """结束办理, a timeout or a sign-out: everything cleared, staff signed out, home."""
        self.countdown_overlay.hide()
        self.call_overlay.hide()
        self.ctx.sign_out()
        self.navigator.home()

    # -- language, text size and theme -------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        i18n.switch_language(lang)
        self.header.retranslate()  # the switch names the other language

    def set_large_text(self, on: bool) -> None:
        self.large_text = on
        self.header.set_large_text(on)
        self.large_text_changed.emit(on)
        self.mode = None
        self._style()

    def set_high_contrast(self, on: bool) -> None:
        """The high-contrast theme of the buyer screens (staff screens keep theirs)."""
        self.high_contrast = on
        self.header.set_high_contrast(on)
        self.mode = None
        self._style()

    def _style(self) -> None:
        mode: theme.Mode = "buyer" if self.audience == "buyer" else "staff"
        if not self.styled or mode == self.mode:
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, mode, self.large_text, high_contrast=self.high_contrast and mode == "buyer")
            self.mode = mode

    # -- help, faults and the way out --------------------------------------------------------------

    def call_staff(self) -> None:
        screen = self.navigator.current
        log.info("help requested on screen %s", screen.name if screen else "-")
        self.call_overlay.cover(self._below_header())
        self._overlay_prompt("shell.call_staff")

    def show_fault(self, code: str) -> None:
        """Go home (personal data cleared) and say calmly what to do; errors never dismiss themselves."""
        self.countdown_overlay.hide()
        self.call_overlay.hide()
        try:
            self.ctx.sign_out()
            self.navigator.home()
        finally:
            self.fault.set_code(f"{code} {time.strftime('%H:%M:%S')}")
            self.fault_overlay.cover(self._below_header())
            self._overlay_prompt("shell.fault")

    def unexpected(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook`` while the window runs: the traceback to the log, the calm message on screen."""
        log.error("unexpected error", exc_info=(kind, error, tb))
        self.show_fault(kind.__name__)

    def _waiting(self, on: bool) -> None:
        if not on:
            self.wait_overlay.hide()
        elif self.ctx.open_error is not None:
            # It will not open: say so again instead of a wait that never ends.
            self.show_fault(failure_code(self.ctx.open_error))
        else:
            self.wait_overlay.cover(self._below_header())

    def _open_failed(self, error: BaseException) -> None:
        # A refusal says what is wrong and what to do in its message; anything else needs its traceback.
        trace = None if isinstance(error, KioskError) else (type(error), error, error.__traceback__)
        log.error("the kiosk could not be opened: %s", error, exc_info=trace)
        self.show_fault(failure_code(error))

    def _task_failed(self, name: str, error: object) -> None:
        if isinstance(error, EXPLAINED_FAILURES) or not isinstance(error, BaseException):
            return
        log.error("task %s failed", name, exc_info=(type(error), error, error.__traceback__))
        self.show_fault(type(error).__name__)

    def install_excepthook(self) -> Callable[[], None]:
        """Route uncaught exceptions here; returns the function that puts the old hook back."""
        previous = sys.excepthook

        def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
            try:
                self.unexpected(kind, error, tb)
            except Exception:  # noqa: BLE001 (the hook must not fail: the log still gets both)
                log.exception("the error screen failed too")
                log.error("original error", exc_info=(kind, error, tb))

        sys.excepthook = hook

        def restore() -> None:
            sys.excepthook = previous

        return restore

    def technician_exit(self) -> None:
        log.info("kiosk app closed by a technician")
        self._may_close = True
        self.close()
        self.exited.emit()

    def dispose(self) -> None:
        """Closes the window for good (a snapshot run, a test) and takes its app-wide event filters with
        it: otherwise every later event of the process still passes through a window nobody sees."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._activity)
            app.removeEventFilter(self._keys)
            app.removeEventFilter(self.voice)
        self.voice.stop()
        self.idle.stop()
        self.strip.stop()
        self._may_close = True
        self.close()

    # -- Qt events ------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._may_close:
            event.accept()
        else:
            event.ignore()

    def _below_header(self) -> QRect:
        top = self.header.geometry().bottom() + 1
        return QRect(0, top, self.width(), max(0, self.height() - top))

    def _place_reach_band(self) -> None:
        """Everything anyone taps below the reach line: the band above it on every screen of a portrait panel."""
        shown = self.reach_line > 0 and self.height() > self.width()
        if shown:
            # From the bezel's inset down to the line: the header begins on it.
            self.reach_band.setFixedHeight(max(0, self.reach_line - theme.BEZEL_PX))
        self.reach_band.setVisible(shown)

    def _place_overlays(self) -> None:
        for overlay in (self.countdown_overlay, self.call_overlay, self.fault_overlay, self.wait_overlay):
            overlay.setGeometry(self._below_header())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.header and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place_overlays()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_reach_band()
        self.header.fit()  # a turn of the panel changes its arrangement even where the width stays
        self._place_overlays()

    def current_screen(self) -> Any:
        return self.navigator.current
