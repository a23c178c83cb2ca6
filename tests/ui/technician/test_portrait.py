"""The technician's screens on a portrait panel (1080x1920) in the hardest combination, English in
large text, below a 640 px reach line (a technician kneeling at a floor kiosk reaches no higher than
a buyer): the window stays the panel's size and nothing is clipped, cut off or missing, with the
checks ``kiosk snapshots`` runs (``ui.snapshot``). The states the snapshots do not show are looked at too:
the maintenance screen signed in (its exit row), every diagnostics section, the device tests. Set
TECHNICIAN_SNAPSHOTS=DIR to keep the PNGs for a look."""

from __future__ import annotations

import os
from pathlib import Path

from ui.qt import QPoint
from ui.snapshot import clipped_texts, cut_off, missing_glyphs, overflow, render

from .conftest import TECHNICIAN, Site, Tech

PORTRAIT = (1080, 1920)
REACH_LINE = 640


def fits(tech: Tech, name: str) -> None:
    out = Path(os.environ["TECHNICIAN_SNAPSHOTS"]) if os.environ.get("TECHNICIAN_SNAPSHOTS") else None
    png = out / f"{name}-en-1080x1920-large.png" if out else None
    image = render(tech.window, png, size=PORTRAIT, lang="en", large=True, mode="staff")
    problems = (overflow(tech.window, PORTRAIT) + clipped_texts(tech.window) + missing_glyphs(tech.window)
                + cut_off(tech.window))
    assert (image.width(), image.height()) == PORTRAIT, name
    assert tech.window.header.geometry().top() == REACH_LINE, name
    assert not problems, f"{name}: {[str(p) for p in problems]}"
    # The strip's buttons under its facts: beside them the row is wider than the panel.
    strip = tech.window.strip
    assert strip.isVisible() and strip.buttons_below, name
    below = strip.sign_out_button.mapTo(strip, QPoint(0, 0)).y()
    assert below > strip.who.mapTo(strip, QPoint(0, 0)).y(), name


def test_every_technician_screen_fits_a_portrait_panel_in_english_large_text(tech: Tech, site: Site) -> None:
    tech.window.reach_line = REACH_LINE  # as [display] reach_line_px sets it
    tech.window.set_large_text(True)
    tech.log_in(*TECHNICIAN)
    login = tech.login
    assert login.exit_button.isVisible() and not login.keypad.isVisible()
    fits(tech, "technician")
    # The exit on a row of its own, under the technician's screens and 32 px and more below them.
    exit_top = login.exit_button.mapTo(login, QPoint(0, 0)).y()
    assert exit_top >= login.diagnostics_button.mapTo(login, QPoint(0, 0)).y() \
        + login.diagnostics_button.height() + 32
    tech.click(login.diagnostics_button)
    tech.settle()
    assert tech.nav.current is tech.diag
    for section in ("sync", "quarantine", "log", "selftest", "export"):
        tech.tab(section)
        tech.settle()
        fits(tech, f"technician_diagnostics_{section}")
    for screen in (tech.devices, tech.tests, tech.enroll, tech.decommission):
        tech.nav.go(screen.name)
        tech.settle()
        assert tech.nav.current is screen and screen.body.isVisible()
        fits(tech, screen.name)
    # Back on a landscape panel the strip's buttons stand beside its facts again.
    render(tech.window, None, size=(1920, 1080), lang="en", large=True, mode="staff")
    assert not tech.window.strip.buttons_below
    assert not overflow(tech.window, (1920, 1080)) and not clipped_texts(tech.window)
