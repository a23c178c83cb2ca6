"""`kiosk run`: the touchscreen app, full screen, in kiosk mode.

Order matters: the Chinese locale and the on-screen keyboard's environment
before the QApplication (the Pinyin keyboard opens in the default locale, and
Qt picks its input method when the application starts), the font check right after it (without a CJK
font every character is an empty box, so refuse to start and say why), then
the theme and the window with its home screen, which needs neither the store nor a device: that is
the first frame. Only then are the kiosk and its devices opened, on the store thread (importing the
core and opening the store is most of what the start would otherwise wait for); a tap before they are
open waits for them (``Navigator.waiting``), and a kiosk that cannot be opened shows the calm fault
message, goes to the log and to stderr. The other screens are built once the kiosk is open.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import Config
from ui import i18n
from ui.context import AppContext
from ui.fonts import MissingFontError, require_chinese_font
from ui.qt import QApplication, QLocale, Qt, QTimer
from ui.shell.registry import HOME, SCREENS, Entry
from ui.shell.window import MainWindow
from ui.tasks import TaskRunner
from ui.widgets.guard import install_context_menu_blocker
from ui.widgets.pinyin import prepare_environment

if TYPE_CHECKING:
    from hardware.devices import Devices
    from kiosk.app import Kiosk
    from kiosk.app.decommissioning import Courier
    from kiosk.app.enrollment import Enroller

KEYBOARD_HOME = "keyboard"  # in the data directory: the on-screen keyboard's user data
WINDOWED_SIZE = (1280, 800)


def build_window(ctx: AppContext, entries: list[Entry] | None = None, *,
                 clock: Callable[[], float] = time.monotonic, styled: bool = True,
                 idle_poll_ms: int = 200, silent: bool = False) -> MainWindow:
    """The main window with every registered screen, the welcome screen as home. Only the home screen
    is built now; each other one when it is first shown (``MainWindow.build_remaining`` builds the rest).
    ``silent``: no voice is played (``VoicePlayer(silent=True)``), e.g. while snapshots are drawn."""
    window = MainWindow(ctx, clock=clock, styled=styled, idle_poll_ms=idle_poll_ms, silent=silent)
    added: set[str] = set()
    for entry in entries if entries is not None else SCREENS:
        if entry.screen.name in added:
            continue  # a step of a screen added already (``Entry.step``)
        added.add(entry.screen.name)
        if entry.screen.name == HOME:
            window.add(entry.screen(ctx), home=True)
        else:
            window.add_later(entry.screen.name, partial(entry.screen, ctx))
    return window


def application(argv: list[str] | None = None, *, keyboard_home: Path | None = None) -> QApplication:
    """The one QApplication; ``keyboard_home`` (default: a new private temporary directory) is where
    the on-screen keyboard keeps its user data."""
    QLocale.setDefault(QLocale("zh_CN"))
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    prepare_environment(keyboard_home or Path(tempfile.mkdtemp(prefix="kiosk-keyboard-")))
    return QApplication(argv or sys.argv[:1])


def open_parts(config: Config, *, enroller: Enroller | None = None,
               courier: Courier | None = None) -> tuple[Kiosk, Devices]:
    """The kiosk and its devices (``AppContext.later``'s opener; runs on the store thread)."""
    from hardware.devices import open_devices
    from kiosk.app import open_kiosk

    kiosk = open_kiosk(config, enroller=enroller, courier=courier)
    try:
        return kiosk, open_devices(config)
    except BaseException:
        kiosk.close()
        raise


# After a failed open: how long the fault shows before the app exits to be started again, and with what
# status (EX_TEMPFAIL: try again later).
REOPEN_AFTER_SECONDS = 60.0
EXIT_NOT_OPEN = 75


def _exit_later(app: QApplication, seconds: float) -> None:
    logging.getLogger("kiosk.ui").warning("the app exits in %.0f s (status %d) to be started again and try "
                                          "to open the kiosk once more", seconds, EXIT_NOT_OPEN)
    QTimer.singleShot(int(seconds * 1000), lambda: app.exit(EXIT_NOT_OPEN))


def run(config: Config, *, windowed: bool = False, training: bool = False,
        ready: Callable[[MainWindow], None] | None = None, enroller: Enroller | None = None,
        courier: Courier | None = None, reopen_after: float = REOPEN_AFTER_SECONDS) -> int:
    """Run the app until a technician closes it; ``ready`` is called once the first frame is up;
    ``enroller`` (from the composition root: ``sync.enroll.GatewayEnroller``) lets a technician enroll,
    ``courier`` (``sync.courier.GatewayCourier``) lets one hand the outbox on to decommission.

    A kiosk that cannot be opened shows the calm fault for ``reopen_after`` seconds, then the app exits
    with ``EXIT_NOT_OPEN``: many causes pass (the agent migrating the store, a device still coming up),
    and the service manager that starts the app again (systemd ``Restart=always``, the Windows shell)
    makes it try again, where a window left up would wait for a person for ever."""
    app = application(keyboard_home=config.data_dir / KEYBOARD_HOME)
    try:
        require_chinese_font()
    except MissingFontError as exc:
        logging.getLogger("kiosk.ui").error("%s", exc)
        print(f"kiosk run: {exc}", file=sys.stderr)
        return 1
    runner = TaskRunner()
    ctx = AppContext.later(config, runner, partial(open_parts, config, enroller=enroller, courier=courier),
                           training=training)
    # The window shows the fault and logs it; stderr gets the error as `kiosk run` said it before it
    # had a window (whoever started it from a shell sees why).
    ctx.open_failed.connect(lambda error: print(f"kiosk run: error: {error}", file=sys.stderr))
    ctx.open_failed.connect(lambda _error: _exit_later(app, reopen_after))
    i18n.switch_language(i18n.DEFAULT_LANGUAGE)
    blocker = install_context_menu_blocker(app)
    window = build_window(ctx)
    if not windowed:
        # Before the window is shown or holds more than its home screen: a change of flags
        # re-creates the window and repolishes everything in it.
        window.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window)
    restore_hook = window.install_excepthook()
    window.exited.connect(lambda: app.exit(0))
    # Then the other screens, on the idle loop.
    ctx.opened.connect(window.build_remaining)
    try:
        window.start()
        if windowed:
            window.resize(*WINDOWED_SIZE)
            window.show()
        else:
            window.showFullScreen()
        if ready is not None:
            # After the event loop has painted the first frame and can take a touch.
            QTimer.singleShot(0, lambda: ready(window))
        QTimer.singleShot(0, ctx.open)
        return int(app.exec())
    finally:
        restore_hook()
        app.removeEventFilter(blocker)
        ctx.stop_polling()
        runner.shutdown(wait=True)
        ctx.close()
