"""The identify screen's keypad step in the main window of a training session (header, training banner)
on the smallest landscape panel in large text: every state of the typed number and a refusal fit, in
both languages; and ``kiosk snapshots`` draws that step silently."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hardware.idcard.simulator import SAMPLE_CARDS
from ui import i18n, snapshot
from ui.qt import QApplication, Qt
from ui.screens.buyer.identify import IdentifyScreen
from ui.shell.registry import SCREENS
from tests.ui.shell.conftest import training_window_for
from ui.shell.window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
PANEL = (1280, 800)
PORTRAIT = (1080, 1920)
ENTRIES = [e for e in SCREENS if e.name in ("welcome", "identify_keypad")]


@pytest.fixture
def training_window(qapp: QApplication, data_dir: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    with training_window_for(ENTRIES, qapp, data_dir, qtbot) as window:
        yield window


def problems(window: MainWindow) -> list[str]:
    snapshot.render(window, size=PANEL, lang=i18n.current_language() or "zh_CN", large=True)
    return [str(p) for p in snapshot.overflow(window, PANEL) + snapshot.clipped_texts(window)
            + snapshot.missing_glyphs(window)]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_keypad_step_fits_a_1280x800_panel_in_large_text_with_the_training_banner(
        training_window: MainWindow, qtbot: QtBot, lang: str) -> None:
    window = training_window
    window.set_language(lang)
    window.set_large_text(True)
    screen = window.navigator.go("identify", way="keypad")
    assert isinstance(screen, IdentifyScreen) and screen.method == "keypad"
    assert problems(window) == [], "nothing typed yet"
    assert window.banner.isVisible() and window.header.compact

    # A whole number with a wrong check character: the longest line of the keypad's check.
    stranger = SAMPLE_CARDS["zhao"].id_number
    wrong = stranger[:17] + ("0" if stranger[17] != "0" else "1")
    for char in wrong:
        qtbot.mouseClick(screen.keypad.keys[char], Qt.MouseButton.LeftButton)
    assert screen.keypad.status == "bad_check"
    assert problems(window) == [], "a wrong check character"

    # A right number without a case here: the refusal takes the check's place beside the keys.
    qtbot.mouseClick(screen.keypad.keys["<"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad.keys[stranger[17]], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keypad_continue, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.message.text()), timeout=20_000)
    assert screen.keypad.isAncestorOf(screen.message) and not screen.keypad.feedback.isVisibleTo(window)
    assert problems(window) == [], "a refusal"
    # Heard once (重听 knows it), played never: the window is silent.
    assert window.voice.last == "identify.not_found" and window.voice._player is None

    # Changing the number makes the refusal old news: the check is back in its place.
    qtbot.mouseClick(screen.keypad.keys["<"], Qt.MouseButton.LeftButton)
    assert screen.message.text() == "" and screen.keypad.feedback.isVisibleTo(window)

    # The other two pages in the same window (shown without starting their devices): the QR code's, and
    # the card's with a refusal under it, across the screen again.
    screen._show_way("qr")
    assert problems(window) == [], "the QR code's page"
    screen._show_way("card")
    screen._show_error(*screen._card_problem(LookupError("no reader")), LookupError("no reader"))
    assert not screen.keypad.isAncestorOf(screen.message) and screen.message.isVisibleTo(window)
    assert problems(window) == [], "the card's page with a refusal"


@pytest.mark.parametrize(("lang", "large"), [("zh_CN", False), ("en", True)])
def test_on_a_portrait_panel_the_keys_keep_their_size_under_the_number(
        training_window: MainWindow, qtbot: QtBot, lang: str, large: bool) -> None:
    window = training_window
    window.set_language(lang)
    window.set_large_text(large)
    screen = window.navigator.go("identify", way="keypad")
    assert isinstance(screen, IdentifyScreen)
    snapshot.render(window, size=PORTRAIT, lang=lang, large=large)
    assert [str(p) for p in snapshot.overflow(window, PORTRAIT) + snapshot.clipped_texts(window)
            + snapshot.missing_glyphs(window)] == []
    # Nothing typed: the number's place says what to do, not a dash.
    assert screen.keypad.display.text() == {"zh_CN": "请输入身份证号", "en": "Enter your ID number"}[lang]
    keys = list(screen.keypad.keys.values())
    for key in keys:
        # ux.md's 96 px at least, and not stretched down the panel's height (they were 260 px by 140).
        assert 96 <= key.width() and 96 <= key.height() <= 1.5 * key.width(), (key.text(), key.size())
    # The keys grouped under the number: in the same framed page, the first row right below it.
    display = screen.keypad.display
    below = display.mapTo(window, display.rect().bottomLeft()).y()
    top = min(key.mapTo(window, key.rect().topLeft()).y() for key in keys)
    assert screen.page_of["keypad"].isAncestorOf(display) and 0 <= top - below <= 32
    # The page is as tall as its keys: the panel's height left over is under it, not inside its frame.
    page = screen.page_of["keypad"]
    bottom = max(key.mapTo(page, key.rect().bottomLeft()).y() for key in keys)
    assert page.height() - bottom <= 32

    # Typed figures take the placeholder's place; back on a landscape panel the number has the title's row.
    qtbot.mouseClick(screen.keypad.keys["4"], Qt.MouseButton.LeftButton)
    assert screen.keypad.display.text() == "4"
    assert problems(window) == []
    assert not screen.page_of["keypad"].isAncestorOf(display)
    assert display.mapTo(window, display.rect().topLeft()).y() < top


def test_kiosk_snapshots_draws_the_keypad_step_and_plays_nothing(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "kiosk", "snapshots", "--out", str(out), "--lang", "en",
                           "--size", "1280x800", "--large-text", "--screen", "identify_keypad", "--json"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert [(s["screen"], s["problems"]) for s in report["screens"]] == [("welcome", []), ("identify_keypad", [])]
    assert (out / "identify_keypad.png").is_file()
    # No clip was opened (FFmpeg's stream notes), no sound server asked, not even Qt Multimedia loaded.
    for noise in ("Input #0", "ogg", "PulseAudio", "qt.multimedia"):
        assert noise not in done.stderr, done.stderr[-3000:]
