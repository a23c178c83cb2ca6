"""The on-screen Pinyin keyboard in the real main window, driven by taps on its keys (offscreen).

The keyboard is Qt Virtual Keyboard's InputPanel in a QQuickWidget; the tests find its keys and
word candidates among the QML items and click their centres on the QQuickWidget, as a finger would.
The screen is the buyer's real done screen (the mailing address) over a real kiosk with sample data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import open_devices
from kiosk.app import open_kiosk
from kiosk.config import load_config
from kiosk.rules.idcard import make_check_char
from kiosk.services.samples import install_samples, load_samples
from kiosk.services.simulate import SIMULATOR
from ui.context import AppContext
from ui.qt import QGuiApplication, QLineEdit, QPoint, QPushButton, Qt, QVBoxLayout, QWidget
from ui.screens.base import Screen
from ui.screens.buyer.done import DoneScreen
from ui.screens.counter.common import TapField
from ui.shell.app import build_window
from ui.shell.registry import SCREENS
from ui.shell.window import MainWindow
from ui.snapshot import clipped_texts, missing_glyphs, render
from ui.tasks import TaskRunner
from ui.widgets.pinyin import (
    IM_MODULE, USER_DICTIONARY, KeyboardDock, KeyboardError, disable_learning, prepare_environment, wants_keyboard,
)


class Fields(Screen):
    """A staff-side screen with the kinds of field the keyboard must tell apart."""

    name = "fields"
    audience = "staff"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.code = TapField()  # the counter's keypad field: its keypad types here
        self.code.setObjectName("code")
        self.shown = QLineEdit("shown only")
        self.shown.setReadOnly(True)
        self.button = QPushButton("ok")
        layout = QVBoxLayout(self)
        for widget in (self.note, self.code, self.shown, self.button):
            widget.setMinimumHeight(64)
            layout.addWidget(widget)
        layout.addStretch(1)

    def retranslate(self) -> None:
        pass


@pytest.fixture
def window(qapp: Any, qtbot: Any, data_dir: Path) -> Iterator[MainWindow]:
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        install_samples(kiosk.ctx, SIMULATOR, load_samples(), training=True)
        ctx = AppContext(kiosk, open_devices(config), runner, training=True, poll_ms=50)
        main = build_window(ctx, SCREENS, idle_poll_ms=50)
        main.add(Fields(ctx))
        qtbot.addWidget(main, before_close_func=close_window)
        main.resize(1920, 1080)
        main.start()
        main.show()
        qtbot.waitExposed(main)
        yield main
        ctx.stop_polling()
        runner.shutdown()


def close_window(window: MainWindow) -> None:
    """Home, the keyboard away and the window disposed of before pytest-qt closes it (a restyle of
    a window already closed and half torn down crashed the process)."""
    window.navigator.home()
    QGuiApplication.inputMethod().hide()
    window.dispose()


def done_form(window: MainWindow, qtbot: Any) -> DoneScreen:
    """The done screen of a sample unit with its mailing form open."""
    unit = window.ctx.kiosk.store.read("SELECT code FROM units WHERE training = 1 ORDER BY code LIMIT 1")[0]["code"]
    screen = window.navigator.go("done", unit_code=unit)
    assert isinstance(screen, DoneScreen)
    qtbot.waitUntil(lambda: screen.closing is not None, timeout=20_000)
    open_address_step(screen, qtbot)
    return screen


def open_address_step(screen: DoneScreen, qtbot: Any) -> None:
    """The mailing form, at its second step: a complete ID number typed (any valid one: nothing is sent)."""
    qtbot.wait(550)  # past the double-tap guard of a button tapped just before (ux.md)
    qtbot.mouseClick(screen.mail_button, Qt.MouseButton.LeftButton)
    screen.requester.clear()  # a form opened again starts empty or keeps the number: either way, typed anew
    for char in "41042519750315001" + make_check_char("41042519750315001"):
        screen.requester.press(char)
    qtbot.mouseClick(screen.mail_next, Qt.MouseButton.LeftButton)
    assert screen.address.isVisible()


def tap(qtbot: Any, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.wait(20)


def items(dock: KeyboardDock) -> list[Any]:
    """Every QML item of the keyboard, parents before children, in the order QML declares them."""
    found: list[Any] = []

    def walk(item: Any) -> None:
        for child in item.childItems():
            found.append(child)
            walk(child)

    walk(dock.quick.rootObject())
    return found


def visible_keys(dock: KeyboardDock) -> dict[str, Any]:
    """The keys on show by their text (the first of the same text: the layout's, not a popup's)."""
    keys: dict[str, Any] = {}
    for item in items(dock):
        if item.property("key") is not None and item.property("text") is not None and item.isVisible():
            keys.setdefault(str(item.property("text")), item)
    return keys


def click_item(qtbot: Any, dock: KeyboardDock, item: Any) -> None:
    centre = item.mapToScene(item.boundingRect().center())
    qtbot.mouseClick(dock.quick, Qt.MouseButton.LeftButton, pos=QPoint(round(centre.x()), round(centre.y())))
    qtbot.wait(30)


def press(qtbot: Any, dock: KeyboardDock, letters: str) -> None:
    for letter in letters:
        keys = visible_keys(dock)
        assert letter in keys, f"no key {letter!r} on the panel: {sorted(keys)}"
        click_item(qtbot, dock, keys[letter])


def candidate_view(dock: KeyboardDock) -> Any:
    return next(i for i in items(dock) if i.objectName() == "wordCandidateView")


def candidates(dock: KeyboardDock) -> list[str]:
    model = candidate_view(dock).property("model")
    return [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]


def choose(qtbot: Any, dock: KeyboardDock, word: str) -> None:
    view = candidate_view(dock)
    view.setProperty("currentIndex", candidates(dock).index(word))  # scrolled into view, as a finger would
    qtbot.wait(50)
    shown = [i for i in items(dock) if i.property("text") == word and i.isVisible()
             and i.metaObject().className().startswith("QQuickText")]
    assert shown, f"{word} is not shown among the candidates"
    click_item(qtbot, dock, shown[0])


def in_view(window: MainWindow, field: QWidget) -> bool:
    """The whole field inside the screen area, above the keyboard."""
    area = window.screens
    top = field.mapTo(area, QPoint(0, 0)).y()
    return top >= 0 and top + field.height() <= area.height() and area.geometry().bottom() < window.keyboard.y()


def keyboard_up(dock: KeyboardDock) -> bool:
    return dock.isVisible() and dock.quick is not None and bool(dock.panel().property("active"))


def test_the_keyboard_appears_for_the_address_and_the_screen_shrinks_above_it(window: MainWindow, qtbot: Any) -> None:
    dock = window.keyboard
    assert dock.quick is None  # nothing of Qt Quick until a field wants the keyboard
    screen = done_form(window, qtbot)
    full = window.screens.height()
    tap(qtbot, screen.address)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
    assert os.environ["QT_IM_MODULE"] == IM_MODULE
    assert 300 <= dock.height() <= 460
    assert window.screens.height() == full - dock.height()
    assert in_view(window, screen.address), "the keyboard covers the field it types into"

    tap(qtbot, screen.recipient)  # another free-text field: the keyboard stays
    assert keyboard_up(dock)
    tap(qtbot, screen.mail_back)  # back to our own ID keypad: the keyboard goes
    tap(qtbot, screen.requester.keys["1"])
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=5_000)
    assert not QGuiApplication.inputMethod().isVisible()
    qtbot.waitUntil(lambda: window.screens.height() == full, timeout=5_000)


def test_typing_n_i_h_a_o_offers_nihao_first_and_choosing_it_types_it(window: MainWindow, qtbot: Any) -> None:
    screen = done_form(window, qtbot)
    dock = window.keyboard
    tap(qtbot, screen.address)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
    press(qtbot, dock, "nihao")
    qtbot.waitUntil(lambda: bool(candidates(dock)), timeout=5_000)
    assert candidates(dock)[0] == "你好"
    assert screen.address.text() == ""  # still Pinyin being composed, not text
    choose(qtbot, dock, "你好")
    assert screen.address.text() == "你好"
    assert screen.address.hasFocus()  # the keys never took the focus from the field


def test_the_phone_field_gets_the_phone_pad(window: MainWindow, qtbot: Any) -> None:
    screen = done_form(window, qtbot)
    dock = window.keyboard
    tap(qtbot, screen.phone)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
    keys = visible_keys(dock)
    assert set("0123456789") <= set(keys) and "q" not in keys and "n" not in keys
    press(qtbot, dock, "138")
    assert screen.phone.text() == "138"


def test_kiosk_run_makes_the_keyboard_home_in_the_data_directory(data_dir: Path) -> None:
    env = {**os.environ, "KIOSK_HOME": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    for name in ("QT_IM_MODULE", "XDG_CONFIG_HOME", "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE"):
        env.pop(name, None)  # as a kiosk starts: nothing set up for it
    done = subprocess.run([sys.executable, "-m", "kiosk", "run", "--first-frame-exit"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    home = data_dir / "keyboard"
    assert (home / USER_DICTIONARY).is_dir() and not list((home / USER_DICTIONARY).iterdir())
    assert home.stat().st_mode & 0o077 == 0


def test_the_english_layout_in_english_and_pinyin_again_in_chinese(window: MainWindow, qtbot: Any) -> None:
    screen = done_form(window, qtbot)
    dock = window.keyboard
    window.set_language("en")
    tap(qtbot, screen.address)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
    keys = visible_keys(dock)
    # The English layout: ASCII punctuation and no syllable separator (Pinyin has ' and full-width ，．).
    assert "," in keys and "." in keys and "，" not in keys and "'" not in keys
    press(qtbot, dock, "Road".lower())
    assert screen.address.text().lower() == "road" and candidates(dock) == []

    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: "，" in visible_keys(dock), timeout=5_000)
    press(qtbot, dock, "ni")
    qtbot.waitUntil(lambda: bool(candidates(dock)), timeout=5_000)
    assert candidates(dock)[0] == "你"


def test_half_typed_pinyin_goes_with_the_keyboard_and_nothing_is_learned(window: MainWindow, qtbot: Any) -> None:
    screen = done_form(window, qtbot)
    dock = window.keyboard
    tap(qtbot, screen.address)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
    # A phrase of the buyer's own making: the engine would learn it and offer it to the next buyer.
    press(qtbot, dock, "nihao")
    qtbot.waitUntil(lambda: bool(candidates(dock)), timeout=5_000)
    choose(qtbot, dock, "尼")
    choose(qtbot, dock, "好")
    assert screen.address.text() == "尼好"
    screen.address.clear()
    press(qtbot, dock, "nihao")
    qtbot.waitUntil(lambda: bool(candidates(dock)), timeout=5_000)
    assert "尼好" not in candidates(dock)
    home = Path(os.environ["XDG_CONFIG_HOME"])
    assert (home / USER_DICTIONARY).is_dir() and not list((home / USER_DICTIONARY).iterdir())

    tap(qtbot, screen.mail_cancel)  # focus leaves with "nihao" half typed
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=5_000)
    assert screen.address.text() == ""
    qtbot.mouseClick(screen.mail_button, Qt.MouseButton.LeftButton)
    tap(qtbot, screen.address)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
    assert candidates(dock) == []


def test_the_hide_key_puts_it_away_and_a_tap_on_the_field_brings_it_back(window: MainWindow, qtbot: Any) -> None:
    screen = done_form(window, qtbot)
    dock = window.keyboard
    tap(qtbot, screen.address)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
    hide_key = next(i for i in items(dock) if i.metaObject().className().startswith("HideKeyboardKey")
                    and i.isVisible())
    click_item(qtbot, dock, hide_key)
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=5_000)
    assert screen.address.hasFocus()
    tap(qtbot, screen.address)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)


def test_keypad_and_read_only_fields_never_raise_it(window: MainWindow, qtbot: Any) -> None:
    screen = window.navigator.go("fields")
    assert isinstance(screen, Fields)
    dock = window.keyboard
    for field in (screen.code, screen.shown):
        tap(qtbot, field)
        assert field.hasFocus() and not wants_keyboard(field)
        qtbot.wait(100)
        assert not dock.isVisible(), field.objectName()
    tap(qtbot, screen.note)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
    tap(qtbot, screen.code)
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=5_000)
    tap(qtbot, screen.note)
    qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
    screen.note.setEnabled(False)  # focus moves on: so does the keyboard
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=5_000)
    tap(qtbot, screen.button)
    assert not dock.isVisible()


def test_a_keyboard_that_does_not_load_says_why(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    broken = tmp_path / "keyboard.qml"
    broken.write_text("import QtQuick\nItem { width: }\n", encoding="utf-8")
    host = QWidget()
    qtbot.addWidget(host)
    dock = KeyboardDock(host, qml=broken)
    with pytest.raises(KeyboardError, match="did not load from .*keyboard.qml"):
        dock.load()
    assert dock.quick is None


def test_the_environment_and_a_dictionary_learned_before(tmp_path: Path, qapp: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    learned = tmp_path / "home" / USER_DICTIONARY
    learned.parent.mkdir(parents=True)
    learned.write_bytes(b"a buyer's address")
    disable_learning(tmp_path / "home")
    assert learned.is_dir() and not list(learned.iterdir())
    assert (tmp_path / "home").stat().st_mode & 0o077 == 0

    for name in ("QT_IM_MODULE", "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, os.environ.get(name, ""))
    prepare_environment(tmp_path / "again")  # the app's input method is the keyboard's: fine
    assert os.environ["XDG_CONFIG_HOME"] == str(tmp_path / "again")
    monkeypatch.setenv("QT_IM_MODULE", "ibus")  # an application started without it: too late to fix
    with pytest.raises(KeyboardError, match="before the QApplication"):
        prepare_environment(tmp_path / "late")


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_snapshots_of_the_mailing_form_with_the_keyboard_up(window: MainWindow, qtbot: Any, tmp_path: Path,
                                                            size: tuple[int, int]) -> None:
    screen = done_form(window, qtbot)
    dock = window.keyboard
    for lang in ("zh_CN", "en"):
        render(window, None, size=size, lang=lang)  # the buyer theme and language first, as a buyer finds them
        tap(qtbot, screen.address)
        qtbot.waitUntil(lambda: keyboard_up(dock), timeout=10_000)
        qtbot.wait(100)
        image = render(window, tmp_path / f"kbd-done-{lang}-{size[0]}x{size[1]}.png", size=size, lang=lang)
        # The mailing form is taller than the shell leaves it even without the keyboard (and wider than
        # 1280 px in English): the keyboard never makes the window grow, the screen scrolls instead.
        assert image.height() == size[1], (lang, size)
        assert [str(p) for p in clipped_texts(window.navigator)] == [], (lang, size)
        assert missing_glyphs(window.navigator) == [], (lang, size)
        assert in_view(window, screen.address), (lang, size)
        tap(qtbot, screen.mail_cancel)
        qtbot.waitUntil(lambda: not dock.isVisible(), timeout=5_000)
        open_address_step(screen, qtbot)
