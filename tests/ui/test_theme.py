"""The theme: ux.md sizes reach the widgets, the QSS parses, and every colour pair has its contrast."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui import theme
from ui.qt import QLabel, QPushButton, QtMsgType, QVBoxLayout, QWidget, qInstallMessageHandler


def test_wcag_contrast_of_known_pairs() -> None:
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WebAIM's checker gives 4.54:1 for #767676 on white.
    assert theme.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high-contrast"])
@pytest.mark.parametrize(("fg", "bg", "minimum"), theme.CONTRAST_PAIRS)
def test_every_colour_pair_has_its_contrast(fg: str, bg: str, minimum: float, high_contrast: bool) -> None:
    palette = theme.PALETTES[high_contrast]
    assert theme.contrast_ratio(palette[fg], palette[bg]) >= minimum, (fg, bg, palette[fg], palette[bg])


def test_every_palette_colour_used_in_the_qss_is_checked() -> None:
    checked = {name for fg, bg, _ in theme.CONTRAST_PAIRS for name in (fg, bg)}
    assert set(theme.PALETTE) == set(theme.HIGH_CONTRAST) == checked


def qss_pairs() -> set[tuple[str, str]]:
    """Every (foreground, background) token pair the sheet can draw, read from its rules: a rule's text
    colour on its own background, or, when it sets none (labels are transparent), on the screen and on
    a panel; a border on the screen and on a panel (what the control sits on)."""
    pairs: set[tuple[str, str]] = set()
    sheet = (theme.THEME_DIR / "kiosk.qss").read_text(encoding="utf-8")
    sheet = re.sub(r"/\*.*?\*/", "", re.sub(r"\$\{(\w+)\}", r"$\1", sheet), flags=re.DOTALL)
    for body in re.findall(r"\{([^}]*)\}", sheet):
        colour = re.search(r"(?<![-\w])color:\s*\$(\w+)", body)
        ground = re.search(r"background-color:\s*\$(\w+)", body)
        borders = re.findall(r"border(?:-color)?:[^;]*\$(\w+)", body)
        surroundings = [ground.group(1)] if ground else ["background", "surface"]
        if colour:
            pairs.update((colour.group(1), g) for g in surroundings)
        pairs.update((b, g) for b in borders for g in ("background", "surface"))
    return pairs


def test_the_checked_pairs_cover_every_pair_the_qss_draws() -> None:
    derived = qss_pairs()
    assert ("accent", "surface") in derived and ("border", "background") in derived  # the reader works
    checked = {(fg, bg) for fg, bg, _ in theme.CONTRAST_PAIRS}
    assert derived <= checked, sorted(derived - checked)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high-contrast"])
def test_every_pair_the_qss_draws_reaches_4_5_to_1(high_contrast: bool) -> None:
    palette = theme.PALETTES[high_contrast]
    low = {(fg, bg): round(theme.contrast_ratio(palette[fg], palette[bg]), 2) for fg, bg in qss_pairs()
           if "border" not in fg and theme.contrast_ratio(palette[fg], palette[bg]) < 4.5}
    assert not low


def test_sizes_follow_ux_md() -> None:
    buyer, staff, large = theme.sizes("buyer"), theme.sizes("staff"), theme.sizes("buyer", large=True)
    assert (buyer.body, buyer.minimum, buyer.heading, buyer.title, buyer.button, buyer.figure) == (
        32, 28, 48, 56, 36, 64)
    assert (buyer.target, buyer.primary_height, buyer.primary_width, buyer.key) == (80, 96, 240, 96)
    assert (staff.body, staff.minimum, staff.target) == (24, 20, 64)
    assert (large.body, large.button, large.figure, large.title) == (40, 45, 80, 70)
    assert large.target == buyer.target


@pytest.fixture
def qt_warnings(qapp: Any) -> Iterator[list[str]]:
    messages: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg:
            messages.append(message)

    previous = qInstallMessageHandler(handler)
    yield messages
    qInstallMessageHandler(previous)


@pytest.mark.parametrize(("mode", "large"), [("buyer", False), ("buyer", True), ("staff", False)])
def test_theme_reaches_real_widgets(mode: theme.Mode, large: bool, qapp: Any, qtbot: QtBot,
                                    qt_warnings: list[str]) -> None:
    sheet = theme.stylesheet(mode, large)
    assert "$" not in sheet
    theme.apply_theme(qapp, mode, large)
    try:
        root = QWidget()
        qtbot.addWidget(root)
        layout = QVBoxLayout(root)
        body, figure = QLabel("正文"), QLabel("¥1,234.00")
        figure.setProperty("role", "figure")
        primary = QPushButton("确认签名")
        primary.setProperty("role", "primary")
        for w in (body, figure, primary):
            layout.addWidget(w)
        root.show()
        qtbot.waitExposed(root)
        expected = theme.sizes(mode, large)
        assert body.font().pixelSize() == expected.body
        assert figure.font().pixelSize() == expected.figure
        assert primary.font().pixelSize() == expected.button
        assert primary.height() >= expected.primary_height
        assert primary.width() >= expected.primary_width
        assert not [m for m in qt_warnings if "style" in m.lower() or "parse" in m.lower()], qt_warnings
    finally:
        qapp.setStyleSheet("")


def test_a_broken_sheet_would_be_noticed(qapp: Any, qtbot: QtBot, qt_warnings: list[str]) -> None:
    # Guards the check above: Qt only warns about a bad style sheet, it never raises.
    w = QLabel("x")
    qtbot.addWidget(w)
    w.setStyleSheet("QLabel { color: ; font-size: 12px")
    w.show()
    qtbot.waitExposed(w)
    assert any("parse" in m.lower() for m in qt_warnings)
