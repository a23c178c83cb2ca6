"""The QSS theme: one table of sizes (ux.md) and one palette with measured contrast.

``resources/theme/kiosk.qss`` is a template; ``stylesheet()`` fills it for buyer
or staff screens, optionally in large-text mode (every text size x1.25; touch
targets keep their size, which already exceeds the larger text). Widgets pick
their look with dynamic properties, e.g. ``label.setProperty("role", "figure")``
or ``button.setProperty("role", "primary")``, never with inline styles, so a
snapshot in large-text mode shows exactly what the buyer sees.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from string import Template
from typing import Literal

from kiosk.resources import RESOURCES_DIR
from ui.fonts import require_chinese_font
from ui.qt import QApplication, QFont

THEME_DIR = RESOURCES_DIR / "theme"
LARGE_TEXT = 1.25
# ux.md "Touch and layout": nothing interactive within this many px of the bezel (a finger on the
# frame's edge misses, and a panel's edge pixels may sit under the frame). The main window keeps it
# clear around everything it lays out; the parts' own outer margins count from inside it.
BEZEL_PX = 24

Mode = Literal["buyer", "staff"]


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes of text and targets (ux.md "Text and colour", "Touch and layout")."""

    body: int
    minimum: int
    heading: int
    title: int
    button: int
    figure: int
    key_text: int
    target: int
    primary_height: int
    primary_width: int
    key: int


BUYER = Sizes(body=32, minimum=28, heading=48, title=56, button=36, figure=64, key_text=48,
              target=80, primary_height=96, primary_width=240, key=96)
STAFF = Sizes(body=24, minimum=20, heading=32, title=36, button=24, figure=48, key_text=32,
              target=64, primary_height=64, primary_width=160, key=64)
TEXT_FIELDS = ("body", "minimum", "heading", "title", "button", "figure", "key_text")


def sizes(mode: Mode = "buyer", large: bool = False) -> Sizes:
    base = BUYER if mode == "buyer" else STAFF
    if not large:
        return base
    return replace(base, **{f: round(getattr(base, f) * LARGE_TEXT) for f in TEXT_FIELDS})


# Dark text on near-white: the panel sits in bright sales offices and bank halls.
PALETTE: dict[str, str] = {
    "text": "#1a1a1a",
    "muted": "#404040",
    "background": "#f4f6f8",
    "surface": "#ffffff",
    "accent": "#0b4a8f",
    "on_accent": "#ffffff",
    "pressed": "#062c57",
    "ok": "#1b5e20",
    "error": "#9b1c1c",
    "warn": "#6b4400",
    "border": "#6b7280",
    "disabled": "#e2e5e9",
    "disabled_text": "#4d4d4d",
    "disabled_border": "#6b7280",
}

# The high-contrast theme (高对比度) of the buyer screens: light text on black, controls in yellow, the
# pairing low-vision guidance recommends; every pair far above the 7:1 that ux.md asks of body text.
HIGH_CONTRAST: dict[str, str] = {
    "text": "#ffffff",
    "muted": "#e6e6e6",
    "background": "#000000",
    "surface": "#121212",
    "accent": "#ffe14d",
    "on_accent": "#000000",
    "pressed": "#ffffff",
    "ok": "#7dff8a",
    "error": "#ff9c9c",
    "warn": "#ffc266",
    "border": "#ffffff",
    "disabled": "#3a3a3a",
    "disabled_text": "#d9d9d9",
    "disabled_border": "#bfbfbf",
}

PALETTES: dict[bool, dict[str, str]] = {False: PALETTE, True: HIGH_CONTRAST}

# (foreground, background, minimum ratio): body text 7:1, all text 4.5:1, borders 3:1; the same pairs
# in both palettes (tests/ui/test_theme.py reads the pairs the QSS draws and checks they are all here).
CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    ("text", "background", 7.0),
    ("text", "surface", 7.0),
    ("muted", "background", 7.0),
    ("muted", "surface", 7.0),
    ("accent", "surface", 7.0),
    ("on_accent", "accent", 7.0),
    ("on_accent", "pressed", 7.0),
    ("ok", "background", 7.0),
    ("ok", "surface", 7.0),
    ("error", "background", 7.0),
    ("error", "surface", 7.0),
    ("on_accent", "error", 7.0),
    ("warn", "background", 7.0),
    ("warn", "surface", 7.0),
    ("disabled_text", "disabled", 4.5),
    ("border", "background", 3.0),
    ("border", "surface", 3.0),
    ("disabled_border", "disabled", 3.0),
    # A control's outline on what it sits on (the screen or a panel), pressed or not.
    ("accent", "background", 3.0),
    ("pressed", "background", 3.0),
    ("pressed", "surface", 3.0),
    ("disabled_border", "background", 3.0),
    ("disabled_border", "surface", 3.0),
)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb``."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def stylesheet(mode: Mode = "buyer", large: bool = False, family: str | None = None, *,
               high_contrast: bool = False) -> str:
    """The filled sheet; ``family`` defaults to the installed CJK family (needs the QApplication)."""
    family = family or require_chinese_font()
    template = Template((THEME_DIR / "kiosk.qss").read_text(encoding="utf-8"))
    return template.substitute(PALETTES[high_contrast], **asdict(sizes(mode, large)), family=family)


def apply_theme(app: QApplication, mode: Mode = "buyer", large: bool = False,
                family: str | None = None, *, high_contrast: bool = False) -> None:
    """Style the whole app; call again to switch large-text mode, the high-contrast palette or
    buyer/staff sizes."""
    family = family or require_chinese_font()
    font = QFont(family)
    font.setPixelSize(sizes(mode, large).body)
    sheet = stylesheet(mode, large, family, high_contrast=high_contrast)
    if app.styleSheet() == sheet and app.font() == font:
        return  # Qt repolishes every widget even for the same sheet, which costs a visible moment
    app.setFont(font)
    app.setStyleSheet(sheet)
