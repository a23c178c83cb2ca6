"""Two rules of ux.md "Touch and layout" over every registered screen, each shown on its sample state
(as ``kiosk snapshots`` shows it, so the buttons made from loaded data are there too) on a portrait
panel with ``[display] reach_line_px`` set:

- the reach line: on every screen, buyer, counter, office and technician alike, nothing anyone can tap
  or type into lies above it, the header and the staff strip included, and the screen below it fits
  the panel (no overflow, no clipped text), in Chinese and in English large text (one test per
  screen and language, so pytest-xdist spreads them);
- the 500 ms double-tap guard: every push button in the window, the shell's own included, is a
  ``GuardedButton``, or a keypad key marked ``repeatable``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config
from kiosk.config_edit import set_values
from kiosk.errors import ConfigError
from kiosk.services.samples import load_samples
from tests.ui.reach import PORTRAIT, REACH_LINE, fits, portrait_fixture  # noqa: F401 (fixture)
from ui import theme
from ui.qt import QAbstractButton, QAbstractSlider, QEvent, QLineEdit, QPoint, QPushButton, QTextEdit, QWidget
from ui.shell.registry import SCREENS, Entry
from ui.shell.window import MainWindow
from ui.snapshot import cut_off, render
from ui.widgets.hold import HoldButton
from ui.widgets.guard import REPEATABLE, GuardedButton, repeatable
from ui.widgets.signature import SignatureCanvas

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QAbstractSlider, SignatureCanvas)


def interactive_above(window: MainWindow, line: int) -> list[str]:
    """Every shown, enabled widget a buyer could use whose top edge is above ``line``."""
    found = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE) and widget.isVisible() and widget.isEnabled():
            top = widget.mapTo(window, QPoint(0, 0)).y()
            if top < line:
                found.append(f"{widget.objectName() or type(widget).__name__} at y={top}")
    return found


def unguarded(root: QWidget) -> list[str]:
    """The push buttons under ``root`` a hurried double tap would press twice (a ``HoldButton`` acts
    only after being held for seconds, which no double tap is)."""
    return sorted(f"{b.objectName() or b.text() or type(b).__name__} ({type(b.parentWidget()).__name__})"
                  for b in root.findChildren(QPushButton)
                  if not isinstance(b, (GuardedButton, HoldButton)) and not b.property(REPEATABLE))


def header_top(window: MainWindow) -> int:
    return window.header.mapTo(window, QPoint(0, 0)).y()


# Chinese at the normal size, and the widest case: English in large text (the header's compact two rows).
LOOKS = (("zh_CN", False), ("en", True))


@pytest.mark.parametrize(("lang", "large"), [pytest.param(*look, id=f"{look[0]}{'-large' if look[1] else ''}")
                                            for look in LOOKS])
@pytest.mark.parametrize("entry", SCREENS, ids=[entry.name for entry in SCREENS])
def test_every_screen_keeps_the_reach_line_and_the_double_tap_guard(
        portrait: MainWindow, qtbot: Any, qapp: Any, entry: Entry, lang: str, large: bool) -> None:
    ctx = portrait.ctx
    if entry.staff_id is not None:
        member = next(s for s in load_samples().staff if s.id == entry.staff_id)
        ctx.sign_in(ctx.kiosk.login(member.id, member.pin).value, member.name)
    screen = portrait.navigator.go(entry.screen.name, **entry.prepare(ctx.kiosk))
    portrait.set_large_text(large)
    qtbot.waitUntil(lambda: ctx.runner.pending() == 0, timeout=20_000)
    assert unguarded(portrait) == []
    render(portrait, size=PORTRAIT, lang=lang, large=large, mode="buyer" if screen.audience == "buyer" else "staff")
    # What the switch of language rebuilt is marked for deletion, which no event loop runs here to carry out.
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Every screen, whoever it serves: the band above the line, the header (and the staff strip) below it.
    assert portrait.reach_band.isVisible() and portrait.reach_band.geometry().bottom() + 1 == REACH_LINE
    assert header_top(portrait) == REACH_LINE
    assert interactive_above(portrait, REACH_LINE) == []
    assert fits(portrait) == []  # whole below the line: nothing overflows, is clipped or cut off


def test_the_band_is_on_portrait_panels_only_and_the_walks_are_not_blind(
        portrait: MainWindow, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: header_top(portrait) == REACH_LINE)
    assert portrait.reach_band.isVisible()
    portrait.resize(1920, 1080)
    qtbot.waitUntil(lambda: header_top(portrait) == theme.BEZEL_PX)
    assert not portrait.reach_band.isVisible()
    # Without the band the header's buttons are above the line, and the walk names them.
    portrait.resize(*PORTRAIT)
    portrait.reach_line = 0
    portrait.resize(1081, 1920)
    qtbot.waitUntil(lambda: header_top(portrait) == theme.BEZEL_PX)
    assert "header_call_staff" in " ".join(interactive_above(portrait, REACH_LINE))
    # A plain button is named, a key marked repeatable is not, and a guarded one cannot be marked.
    screen = portrait.navigator.current
    assert screen is not None
    plain = QPushButton(screen)
    plain.setObjectName("plain")
    assert unguarded(portrait) == ["plain (WelcomeScreen)"]
    repeatable(plain)
    assert unguarded(portrait) == []
    with pytest.raises(TypeError):
        repeatable(GuardedButton())
    # A button half past the bottom of its screen is cut off; whole inside it, it is not.
    assert cut_off(portrait) == []
    plain.move(0, screen.height() - plain.height() // 2)
    plain.show()
    (found,) = cut_off(portrait)
    assert found.widget == "plain" and found.detail.endswith("out of welcome")
    plain.move(0, 0)
    assert cut_off(portrait) == []
    # A staff screen has the band too, and loses it with the buyer's on a landscape panel.
    portrait.reach_line = REACH_LINE
    portrait.navigator.go("technician")
    portrait.resize(*PORTRAIT)
    qtbot.waitUntil(lambda: portrait.audience != "buyer" and header_top(portrait) == REACH_LINE)
    assert portrait.reach_band.isVisible()
    portrait.resize(1920, 1080)
    qtbot.waitUntil(lambda: header_top(portrait) == theme.BEZEL_PX)
    assert not portrait.reach_band.isVisible()


def test_the_reach_line_is_validated_like_every_key(data_dir: Path) -> None:
    with pytest.raises(ConfigError, match=r"display\.reach_line_px"):
        set_values(load_config(data_dir), "display", {"reach_line_px": 5000})
    assert load_config(data_dir)["display"]["reach_line_px"] == 0, "the file is unchanged"
