"""The one base of every screen, and what the navigator asks of it.

A screen is a widget with a stable ``name`` (its navigation key and the file
name of its snapshot), an audience (buyer screens use the buyer theme and
idle rules, staff screens the staff ones), and four moments:

- ``enter(**args)``: the navigator shows it (e.g. ``unit_code=...``); start
  loading through ``ctx.call``;
- ``leave()``: it is hidden; a screen that ``holds_personal_data`` must clear
  every widget that shows any (ux.md: a timeout returns to welcome with nothing
  of the last buyer left on screen);
- ``subjects()``: the subjects (unit codes, handover or order ids) whose
  changes it shows; ``None`` means any change;
- ``refresh(batch)``: the change feed reported a change to one of them.

Texts go through ``self.tr`` in ``retranslate()``, which Qt calls again on
every language switch.

A portrait panel (1080x1920): what stands side by side on a landscape panel stands one above the
other there, where the width is short and the height plentiful. A screen (or a part of one that is a
``PanelTurning`` widget) arranges itself in ``on_panel_turned(portrait)``, called on its first resize
and again only when the window's shape changes between landscape and portrait (``on_portrait_panel``
decides); ``turn`` sets its boxes' directions there: ``across`` boxes run left to right on a landscape
panel and top to bottom on a portrait one, ``down`` boxes (a column of buttons beside a table) the
other way round. Text keeps its size (ux.md); only the arrangement changes. What also depends on the
width or the text size (a row of buttons where they fit), or waits for a moment of its own (a signing
box takes the panel's size only while it is empty), stays in ``resizeEvent``.

Voice (buyer screens): ``say(prompt_id)`` asks the shell to speak a prompt of
``ui/voice/prompts.py`` (the prompt, confirmation or error just shown);
``voice_prompt`` is what the shell says when the screen is shown and says
nothing itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ui.context import AppContext
from ui.i18n import Retranslating
from ui.qt import QBoxLayout, QResizeEvent, QWidget, Signal

if TYPE_CHECKING:
    from kiosk.app import ChangeBatch

Audience = Literal["buyer", "staff", "technician"]

ACROSS = QBoxLayout.Direction.LeftToRight
DOWN = QBoxLayout.Direction.TopToBottom


def on_portrait_panel(widget: QWidget) -> bool:
    """Whether ``widget`` is shown in a window taller than it is wide (a portrait panel, 1080x1920).

    A widget that is its own window (rendered alone: a snapshot, a test) takes the landscape layout:
    its size then follows its layout, so it cannot choose one by it."""
    window = widget.window()
    return window is not widget and window.height() > window.width()


def turn(portrait: bool, across: Iterable[QBoxLayout] = (), down: Iterable[QBoxLayout] = ()) -> None:
    """Turn ``across`` and ``down`` for a portrait (or a landscape) panel."""
    for layout in across:
        _direct(layout, DOWN if portrait else ACROSS)
    for layout in down:
        _direct(layout, ACROSS if portrait else DOWN)


def _direct(layout: QBoxLayout, direction: QBoxLayout.Direction) -> None:
    # Set only when it changes: each change invalidates the layout (the first call mostly finds the
    # directions the screen was built with).
    if layout.direction() != direction:
        layout.setDirection(direction)


class PanelTurning:
    """Mixin for widgets, listed before the Qt base class: ``on_panel_turned(portrait)`` once per turn
    of the panel (and on the first resize, the panel's shape then first known)."""

    _turned: bool | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)  # type: ignore[misc]
        assert isinstance(self, QWidget)
        portrait = on_portrait_panel(self)
        if portrait != self._turned:
            self._turned = portrait
            self.on_panel_turned(portrait)

    def on_panel_turned(self, portrait: bool) -> None:
        """Arrange for a portrait panel, or for a landscape one (``portrait`` false)."""


class Screen(Retranslating, PanelTurning, QWidget):
    name: ClassVar[str] = ""
    audience: ClassVar[Audience] = "buyer"
    holds_personal_data: ClassVar[bool] = False
    # Seconds of no touch before the idle warning (ux.md: 60, 120 on reading and signing screens).
    idle_seconds: ClassVar[int] = 60
    # The screen shows its own language and large-text switches: the header's step aside, so each
    # switch is on screen once.
    own_switches: ClassVar[bool] = False
    # The prompt id (ui/voice/prompts.py) the shell speaks on showing the screen, when ``enter`` says none.
    voice_prompt: ClassVar[str] = ""
    # The shell asks ``staff_strip_wanted`` again when this is emitted.
    chrome_changed = Signal()
    # A prompt id to speak (``say``).
    spoken = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(self.name)

    def enter(self, **args: Any) -> None:
        """Shown with these arguments."""

    def leave(self) -> None:
        """Hidden; clear personal data here."""

    def subjects(self) -> set[str] | None:
        return set()

    def staff_strip_wanted(self) -> bool:
        """Whether the shell's staff status strip shows over this (staff) screen now."""
        return True

    def refresh(self, batch: ChangeBatch) -> None:
        """Something this screen shows changed."""

    def retranslate(self) -> None:
        """Set every text again (language switch)."""

    def say(self, prompt_id: str) -> None:
        """Speak this prompt (the shell plays its clip while the screen is shown; 重听 repeats it)."""
        self.spoken.emit(prompt_id)
