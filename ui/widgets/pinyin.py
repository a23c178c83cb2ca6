"""The on-screen Pinyin keyboard for free text (issue 10 section 1, ux.md "Qt notes").

Qt Virtual Keyboard's ``InputPanel`` lives in one ``QQuickWidget`` at the bottom of the main
window (``KeyboardDock``): the plugin's own top-level keyboard window does not appear offscreen
or under the cage compositor. The dock takes its height from the layout, so the screens above it
(in an ``AboveKeyboard`` area) get less room; a screen taller than what is left scrolls so the
field being typed into stays in view, never under the keyboard.

- When: Qt asks for the panel when a text field is tapped (``QInputMethod.show``); the dock shows
  while that request stands and the focused widget is a field that wants it (``wants_keyboard``),
  and hides, dropping any half-typed Pinyin, when focus moves anywhere else or the panel's own
  hide key is pressed. ID numbers and codes keep our own keypads: their fields are marked with
  ``mark_keypad_field`` and never raise the panel.
- Language: Pinyin while the app is in Chinese, the English layout in English.
- Cost: the QQuickWidget (and Qt Quick's QML engine) is created the first time it is needed,
  not at start.
- Environment (``prepare_environment``, before the QApplication exists): the input-method
  module, no desktop keyboard window, and a private, writable home for the keyboard's user
  data. The Pinyin engine would learn every phrase chosen into a user dictionary there and
  offer it to the next person (a buyer's name or address to the next buyer), so the dictionary
  file's place is taken by a directory: the engine then runs on its system dictionary alone.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiosk.resources import RESOURCES_DIR
from ui import i18n
from ui.qt import (
    QAbstractScrollArea,
    QApplication,
    QCoreApplication,
    QEvent,
    QGuiApplication,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QScrollArea,
    QSize,
    Qt,
    QTextEdit,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
    qInstallMessageHandler,
)

QML_FILE = RESOURCES_DIR / "qml" / "keyboard.qml"
IM_MODULE = "qtvirtualkeyboard"
MAXIMUM_HEIGHT = 460  # ux.md "Qt notes": about 460 px, leaving the screen above room for its field
KEYPAD_FIELD = "keypad_field"  # the dynamic property of fields our own keypads type into
LOCALES = {"zh_CN": "zh_CN", "en": "en_US"}
USER_DICTIONARY = Path("qtvirtualkeyboard") / "pinyin" / "usr_dict.dat"


class KeyboardError(RuntimeError):
    """The on-screen keyboard cannot work: started without its environment, or its QML did not load."""


def prepare_environment(home: Path) -> None:
    """Before the QApplication is created: the keyboard's input method and its user-data home."""
    if QCoreApplication.instance() is not None and os.environ.get("QT_IM_MODULE") != IM_MODULE:
        raise KeyboardError("the on-screen keyboard must be set up before the QApplication is created")
    os.environ["QT_IM_MODULE"] = IM_MODULE
    # The app embeds the one InputPanel; the plugin must not open a window of its own.
    os.environ["QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"] = "1"
    # Qt's generic configuration location, where the keyboard keeps its user data (there is no
    # setting for the Pinyin engine's path).
    os.environ["XDG_CONFIG_HOME"] = str(home)
    disable_learning(home)


def disable_learning(home: Path) -> None:
    """Put a directory where the Pinyin user dictionary would be, removing one learned before."""
    dictionary = home / USER_DICTIONARY
    dictionary.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    home.chmod(0o700)
    if dictionary.is_dir():
        return
    if dictionary.exists() or dictionary.is_symlink():
        dictionary.unlink()
    dictionary.mkdir(mode=0o700)


def mark_keypad_field(field: QWidget) -> None:
    """One of our keypads (or a scanner) types into ``field``: the Pinyin keyboard stays away."""
    field.setProperty(KEYPAD_FIELD, True)


def wants_keyboard(widget: QWidget | None) -> bool:
    """An enabled, editable text field that no keypad of ours types into."""
    if widget is None or not widget.isEnabled() or widget.property(KEYPAD_FIELD):
        return False
    if not widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
        return False
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    return False


class KeyboardDock(QWidget):
    """The strip at the bottom of the main window that holds the keyboard while a free-text field wants it."""

    shown_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, qml: Path = QML_FILE,
                 maximum_height: int = MAXIMUM_HEIGHT) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard_dock")
        self.qml = qml
        self.maximum_height = maximum_height
        self.quick: Any = None  # the QQuickWidget, made on first use
        self.up = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.hide()
        app = QApplication.instance()
        assert isinstance(app, QApplication), "create the QApplication first"
        app.focusChanged.connect(self._focus_changed)
        QGuiApplication.inputMethod().visibleChanged.connect(self.sync)

    # -- what the screen sees --------------------------------------------------------------

    def panel(self) -> Any:
        """The QML InputPanel (None until the keyboard was first needed)."""
        if self.quick is None:
            return None
        return self.quick.rootObject().findChild(QObject, "input_panel")

    def sync(self) -> None:
        """Show the keyboard while Qt asks for it over a field that wants it; hide it otherwise."""
        field = QApplication.focusWidget()
        method = QGuiApplication.inputMethod()
        wanted = wants_keyboard(field) and field is not None and field.window() is self.window()
        if wanted:
            # The input method reports no panel until one exists: make it on focus, before the tap
            # that gave the focus asks for it.
            self.load()
        if wanted and field is not None and method.isVisible():
            self._open(field)
        elif self.up or (method.isVisible() and not wanted):
            self._close()

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.sync()

    def load(self) -> None:
        """Make the keyboard now (it is otherwise made the first time a field wants it)."""
        if self.quick is None:
            self.quick = self._build()
            self._layout.addWidget(self.quick)
            # Made while the focus moves: tell the new panel what the field is (its hints and text).
            QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImQueryAll)

    def _open(self, field: QWidget) -> None:
        self.load()
        self._set_locale()
        self._fit()
        if not self.up:
            self.up = True
            self.shown_changed.emit(True)  # the screens give up their height first, or the window would grow
            self.show()
            layout = self.window().layout()
            if layout is not None:
                layout.activate()  # the screens shrink now, so the scroll below sees their new height
            scroll_into_view(field)

    def _close(self) -> None:
        method = QGuiApplication.inputMethod()
        # Half-typed Pinyin and its candidates go with the panel; the next person starts clean.
        method.reset()
        if self.up:
            self.up = False
            self.hide()
            self.shown_changed.emit(False)
        if method.isVisible():
            method.hide()

    def _build(self) -> Any:
        if os.environ.get("QT_IM_MODULE") != IM_MODULE:
            raise KeyboardError("the on-screen keyboard's input method is not loaded; start the app "
                                "through ui.shell.app.application()")
        from ui.qt import QQuickWidget  # Qt Quick loads here, the first time a field wants the keyboard

        quick = QQuickWidget(self)
        quick.setObjectName("keyboard")
        quick.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        # Keys must not take the focus from the field they type into.
        quick.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        quick.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        with qt_messages_to_stderr():
            quick.setSource(QUrl.fromLocalFile(str(self.qml)))
        if quick.status() != QQuickWidget.Status.Ready:
            errors = "; ".join(error.toString() for error in quick.errors())
            quick.deleteLater()
            raise KeyboardError(f"the on-screen keyboard did not load from {self.qml}: {errors or quick.status()}")
        quick.rootObject().setProperty("maximumHeight", self.maximum_height)
        return quick

    def _set_locale(self) -> None:
        locale = LOCALES.get(i18n.current_language() or i18n.DEFAULT_LANGUAGE, LOCALES[i18n.DEFAULT_LANGUAGE])
        root = self.quick.rootObject()
        if root.property("locale") != locale:
            with qt_messages_to_stderr():  # a new layout and input method load now
                root.setProperty("locale", locale)

    def _fit(self) -> None:
        aspect = float(self.quick.rootObject().property("aspect") or 0)
        width = self.width() if self.up else self.window().width()
        height = self.maximum_height if aspect <= 0 else min(self.maximum_height, math.ceil(width / aspect))
        self.quick.setFixedHeight(height)

    # -- Qt events ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and self.quick is not None:
            self._set_locale()
        super().changeEvent(event)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.quick is not None:
            self._fit()


@contextmanager
def qt_messages_to_stderr() -> Iterator[None]:
    """Qt's own message handler while QML loads.

    QML loads its modules on a loader thread while this thread waits, holding the GIL; a module that
    logs as it loads would call a Python message handler (pytest-qt installs one) on that thread,
    which waits for the GIL for ever.
    """
    previous = qInstallMessageHandler(None)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class AboveKeyboard(QScrollArea):
    """Holds the screens. While the keyboard is away they are exactly as large as this area (a screen
    too large for the panel still shows as too large); while the keyboard is up the area is shorter,
    the screens keep their full height and the area scrolls to the field being typed into. No scroll
    bars and no drag: the buyer only ever sees it move to the field they tapped.

    The content is sized here, not by ``setWidgetResizable``: a resizable scroll area gives a content
    with word-wrapped text its height-for-width, which can be taller than the area, and the bottom
    of the screen (its primary button) was cut off."""

    def __init__(self, content: QWidget, dock: KeyboardDock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("above_keyboard")
        self.dock = dock
        self.content = content
        self._full_height = 0
        self.setWidget(content)
        self.setWidgetResizable(False)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content.installEventFilter(self)
        dock.shown_changed.connect(lambda _up: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = self._content_minimum()
        if self.dock.up:
            hint.setHeight(0)
        return hint

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.content.sizeHint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            # Another screen, or new text on this one: the area's minimum follows, and so does the fit.
            self.updateGeometry()
            self._fit()
        return False

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()
        field = QApplication.focusWidget()
        if self.dock.up and field is not None and self.isAncestorOf(field):
            self.ensureWidgetVisible(field)

    def _content_minimum(self) -> QSize:
        return self.content.minimumSizeHint().expandedTo(self.content.minimumSize())

    def _fit(self) -> None:
        view = self.viewport().size()
        if not self.dock.up:
            self._full_height = view.height()
        height = max(view.height(), self._full_height if self.dock.up else 0, self._content_minimum().height())
        self.content.resize(view.width(), height)


def scroll_into_view(field: QWidget) -> None:
    """The field in view inside any scroll area around it (the screen above the keyboard is shorter)."""
    parent = field.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and hasattr(parent, "ensureWidgetVisible"):
            parent.ensureWidgetVisible(field)
        parent = parent.parentWidget()
