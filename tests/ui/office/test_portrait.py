"""Every back-office screen on a portrait panel (1080x1920) in the widest case, English in large text:
each as ``kiosk snapshots`` shows it (its registry entry's sample state, ``ui.shell.snapshots.shoot``)
and then in the states that run widest there (units found, the supervisor's approval, the stock form),
with the checks of ``kiosk snapshots``: nothing overflows the panel, no text is clipped, no glyph missing;
and no control sticks out of what holds it (``cut_off``, which ``kiosk snapshots`` does not run), there and
on the small landscape panel (1280x800, normal text), where the lists fit the most rows.

The shell's staff strip is not the office's: while it alone is wider than the panel, its buttons'
problems and the window's width it causes are left to the strip's own tests; each screen must still
fit the panel by itself.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import open_devices
from kiosk.app import open_kiosk
from kiosk.config import load_config
from ui.context import AppContext
from ui.qt import QApplication
from ui.screens.base import Screen
from ui.shell.app import build_window
from ui.shell.registry import HOME, SCREENS
from ui.shell.snapshots import shoot
from ui.shell.window import MainWindow
from ui.snapshot import clipped_texts, cut_off, missing_glyphs, overflow, render
from ui.tasks import TaskRunner

PORTRAIT = (1080, 1920)
SMALL = (1280, 800)
OFFICE = [e for e in SCREENS if e.screen.name == HOME or e.screen.name.startswith("office")]


@pytest.fixture(scope="module")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kiosk prepared as `kiosk snapshots` prepares its own: `kiosk init`, then `kiosk simulate`."""
    from kiosk.cli import main

    home = tmp_path_factory.mktemp("portrait") / "kiosk-home"
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(io.StringIO()):
        patch.setenv("KIOSK_HOME", str(home))
        assert main(["init"]) == 0
        assert main(["simulate", "--handovers", "1", "--json"]) == 0
    return home


@pytest.fixture(name="window")
def window_fixture(qapp: QApplication, qtbot: Any, sample_home: Path) -> Iterator[MainWindow]:
    config = load_config(sample_home)
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        # The registry's sample states are training cases (Kiosk.stage_sample), as `kiosk snapshots` shows them.
        ctx = AppContext(kiosk, open_devices(config), runner, training=True)
        window = build_window(ctx, OFFICE, idle_poll_ms=10_000)
        qtbot.addWidget(window, before_close_func=MainWindow.dispose)
        yield window
        ctx.stop_polling()
        runner.shutdown()
        qapp.setStyleSheet("")


def problems(window: MainWindow, screen: Screen) -> list[str]:
    """What ``kiosk snapshots`` would report for ``screen``, less what the staff strip alone causes."""
    strip_too_wide = window.strip.minimumSizeHint().width() > PORTRAIT[0]
    found = []
    # cut_off too, which ``kiosk snapshots`` leaves out: a control sticking out of its row (the roster's
    # buttons were once cut at their lower edge) is clipped without any text being so.
    for problem in overflow(window, PORTRAIT) + clipped_texts(window) + missing_glyphs(window) + cut_off(window):
        if problem.widget.startswith("status_") or (problem.widget == "main_window" and strip_too_wide):
            continue
        found.append(str(problem))
    need = screen.minimumSizeHint()
    if need.width() > PORTRAIT[0] or need.height() > PORTRAIT[1]:
        found.append(f"{screen.name} needs {need.width()}x{need.height()} px by itself")
    return found


def _override_a_unit(screen: Any) -> None:
    screen.ask_override(screen.ctx.kiosk.find_units("0001", include_training=True)[0].unit_code)


def _refund_the_first_item(screen: Any) -> None:
    order = screen.unit.orders[0]
    screen.ask_refund(order, order.items[0])


# Wider states than the sample state, each on the screen as its registry entry (by its name) left it.
MORE: dict[str, list[tuple[str, Callable[[Any], None]]]] = {
    "office_credit": [("override", _override_a_unit)],
    "office_certificates": [("stock form", lambda s: s.open_form("add"))],
    "office_certificates_mail": [("agent", lambda s: s.mail_form.choose(True)),
                                 ("units to mail", lambda s: (s.close_form(), s.open_form("pick")))],
    "office_contracts": [("units found", lambda s: s.run_search("0001"))],
    "office_payments": [("approval", _refund_the_first_item), ("reconciliation", lambda s: s.show_mode("reconcile"))],
}


def test_every_office_screen_fits_a_portrait_panel_in_english_large_text(
        window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    ctx = window.ctx
    window.resize(*PORTRAIT)
    window.show()
    seen = []
    for entry in OFFICE[1:]:
        shot = shoot(window, entry, tmp_path, lang="en", size=PORTRAIT, large=True)
        screen = window.navigator.current
        assert isinstance(screen, Screen) and screen.name == entry.screen.name
        assert problems(window, screen) == [], shot.screen
        for state, act in MORE.get(entry.name, []):
            act(screen)
            qtbot.waitUntil(lambda: ctx.runner.pending() == 0, timeout=20_000)
            render(window, size=PORTRAIT, lang="en", large=True, mode="staff")
            assert problems(window, screen) == [], f"{screen.name} {state}"
        seen.append(screen.name)
    assert seen == [e.screen.name for e in OFFICE[1:]] and len(seen) == 11


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_no_office_control_sticks_out_on_the_small_landscape_panel(window: MainWindow, tmp_path: Path,
                                                                    lang: str) -> None:
    """At 1280x800 in normal text a list fits the most rows: each row must hold its buttons whole (the
    roster once fitted a row too many and cut every Reset PIN button at its lower edge)."""
    window.resize(*SMALL)
    window.show()
    for entry in OFFICE[1:]:
        shoot(window, entry, tmp_path, lang=lang, size=SMALL, large=False)
        assert [str(p) for p in cut_off(window)] == [], entry.name


def test_the_mailing_form_of_an_agent_with_a_refusal_fits_the_small_panel_in_large_text(
        window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    """The mailing form's tallest state: an agent (the authorisation's row too) and a refusal above it."""
    from kiosk.errors import CheckFailed

    window.resize(*SMALL)
    window.show()
    entry = next(e for e in OFFICE if e.name == "office_certificates_mail")
    shoot(window, entry, tmp_path, lang="en", size=SMALL, large=True)
    screen: Any = window.navigator.current
    screen.mail_form.choose(True)
    screen.mail_form.show_refusal(CheckFailed("an agent needs a recorded authorisation (授权委托书) number",
                                             code="no_authorisation", hint="record the authorisation first"))
    render(window, size=SMALL, lang="en", large=True, mode="staff")
    assert screen.mail_form.refusal.isVisible() and screen.mail_form.fields["authorisation"].isVisible()
    found = overflow(window, SMALL) + clipped_texts(window) + missing_glyphs(window) + cut_off(window)
    assert [str(p) for p in found if not p.widget.startswith("status_")] == []
