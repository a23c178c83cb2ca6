"""Two rules of ux.md "Touch and layout" over every registered screen, each shown on its sample state
(as ``kiosk snapshots`` shows it, so the buttons made from loaded data are there too) on a portrait
panel with ``[display] reach_line_px`` set:

- the reach line: on a buyer screen nothing a buyer can tap or type into lies above it, and the
  screen below it fits the panel (no overflow, no clipped text), in Chinese and in English large text;
- the 500 ms double-tap guard: every push button in the window, the shell's own included, is a
  ``GuardedButton``, or a keypad key marked ``repeatable``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import open_devices
from kiosk.app import open_kiosk
from kiosk.config import load_config
from kiosk.config_edit import set_values
from kiosk.errors import ConfigError
from kiosk.services.samples import load_samples
from ui.context import AppContext
from ui.qt import QAbstractButton, QAbstractSlider, QLineEdit, QPoint, QPushButton, QTextEdit, QWidget
from ui.shell.app import build_window
from ui.shell.registry import SCREENS
from ui.shell.window import MainWindow
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render
from ui.tasks import TaskRunner
from ui.widgets.hold import HoldButton
from ui.widgets.guard import REPEATABLE, GuardedButton, repeatable
from ui.widgets.signature import SignatureCanvas

REACH_LINE = 640
PORTRAIT = (1080, 1920)
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


@pytest.fixture
def portrait(qapp: Any, qtbot: Any, data_dir: Path, zh: None) -> Iterator[MainWindow]:
    config = set_values(load_config(data_dir), "display", {"reach_line_px": REACH_LINE})
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        # The samples are training data (Kiosk.stage_sample), as ``kiosk snapshots`` shows them.
        ctx = AppContext(kiosk, open_devices(config), runner, training=True)
        window = build_window(ctx, SCREENS, idle_poll_ms=10_000)
        qtbot.addWidget(window, before_close_func=MainWindow.dispose)
        window.resize(*PORTRAIT)
        window.start()
        window.show()
        yield window
        ctx.stop_polling()
        runner.shutdown()
        qapp.setStyleSheet("")


def _fits(window: MainWindow) -> list[str]:
    return [str(p) for p in overflow(window, PORTRAIT) + clipped_texts(window) + missing_glyphs(window)]


def test_every_screen_keeps_the_reach_line_and_the_double_tap_guard(portrait: MainWindow, qtbot: Any) -> None:
    ctx, staff = portrait.ctx, {s.id: s for s in load_samples().staff}
    buyer = []
    for entry in SCREENS:
        name = entry.screen.name
        ctx.sign_out()
        if entry.staff_id is not None:
            member = staff[entry.staff_id]
            ctx.sign_in(ctx.kiosk.login(member.id, member.pin).value, member.name)
        screen = portrait.navigator.go(name, **entry.prepare(ctx.kiosk))
        qtbot.waitUntil(lambda: ctx.runner.pending() == 0, timeout=20_000)
        assert unguarded(portrait) == [], name
        if screen.audience == "buyer":
            buyer.append(entry)
            render(portrait, size=PORTRAIT, lang="zh_CN")  # laid out as shown, in buyer sizes
            assert portrait.reach_band.isVisible() and portrait.reach_band.height() == REACH_LINE, name
            assert header_top(portrait) == REACH_LINE, name
            assert interactive_above(portrait, REACH_LINE) == [], name
            assert _fits(portrait) == [], name  # whole below the line: nothing overflows or is clipped
    assert len(buyer) >= 6
    # Again in the widest case, English in large text (the header's compact two rows), one theme for all.
    ctx.sign_out()
    for entry in buyer:
        portrait.navigator.go(entry.screen.name, **entry.prepare(ctx.kiosk))
        qtbot.waitUntil(lambda: ctx.runner.pending() == 0, timeout=20_000)
        render(portrait, size=PORTRAIT, lang="en", large=True)
        assert header_top(portrait) == REACH_LINE and interactive_above(portrait, REACH_LINE) == []
        assert _fits(portrait) == [], entry.name


def test_the_band_is_for_buyers_on_portrait_panels_only_and_the_walks_are_not_blind(
        portrait: MainWindow, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: header_top(portrait) == REACH_LINE)
    assert portrait.reach_band.isVisible()
    portrait.resize(1920, 1080)
    qtbot.waitUntil(lambda: header_top(portrait) == 0)
    assert not portrait.reach_band.isVisible()
    # Without the band the header's buttons are above the line, and the walk names them.
    portrait.resize(*PORTRAIT)
    portrait.reach_line = 0
    portrait.resize(1081, 1920)
    qtbot.waitUntil(lambda: header_top(portrait) == 0)
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
    # Staff screens stand at the counter: no band, whatever the panel.
    portrait.reach_line = REACH_LINE
    portrait.navigator.go("technician")
    portrait.resize(1080, 1920)
    qtbot.waitUntil(lambda: portrait.audience != "buyer")
    assert not portrait.reach_band.isVisible() and header_top(portrait) == 0


def test_the_reach_line_is_validated_like_every_key(data_dir: Path) -> None:
    with pytest.raises(ConfigError, match=r"display\.reach_line_px"):
        set_values(load_config(data_dir), "display", {"reach_line_px": 5000})
    assert load_config(data_dir)["display"]["reach_line_px"] == 0, "the file is unchanged"
