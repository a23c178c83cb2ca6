"""One stack of screens: go to a screen by name, back, home; refresh the shown screen on a change."""

from __future__ import annotations

from typing import Any

from kiosk.app import ChangeBatch
from ui.context import AppContext
from ui.qt import QSizePolicy, QStackedWidget, QWidget, Signal
from ui.screens.base import Screen


class NavigationError(LookupError):
    """A screen name that is not registered."""


class Navigator(QStackedWidget):
    """Holds the screens; exactly one is shown. ``went`` tells the shell which (name, audience)."""

    went = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._screens: dict[str, Screen] = {}
        self._history: list[tuple[str, dict[str, Any]]] = []
        self.home_name = ""
        # A stacked widget is as large as its largest page; only the shown screen must fit the panel,
        # so every other one has an ignored size policy (its minimum size then does not count).
        self._policies: dict[str, QSizePolicy] = {}
        ctx.changed.connect(self._on_changed)

    def add(self, screen: Screen, *, home: bool = False) -> None:
        if not screen.name or screen.name in self._screens:
            raise NavigationError(f"a screen needs a unique name; got {screen.name!r}")
        self._screens[screen.name] = screen
        self._policies[screen.name] = screen.sizePolicy()
        screen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.addWidget(screen)
        if home or not self.home_name:
            self.home_name = screen.name

    def screen_named(self, name: str) -> Screen:
        try:
            return self._screens[name]
        except KeyError:
            raise NavigationError(f"no screen named {name!r}") from None

    def names(self) -> list[str]:
        return list(self._screens)

    @property
    def current(self) -> Screen | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def go(self, name: str, **args: Any) -> Screen:
        target = self.screen_named(name)
        if self.current is not None and self.current is not target:
            self.current.leave()
        self._history.append((name, args))
        if self.current is not None and self.current is not target:
            self.current.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        target.setSizePolicy(self._policies[target.name])
        self.setCurrentWidget(target)
        target.enter(**args)
        self.went.emit(target.name, target.audience)
        return target

    def back(self) -> Screen:
        """The screen before this one, with its arguments; home when there is none."""
        if len(self._history) > 1:
            self._history.pop()
            name, args = self._history.pop()
            return self.go(name, **args)
        return self.home()

    def home(self) -> Screen:
        """Leave everything (personal data cleared) and show the home screen."""
        for screen in self._screens.values():
            if screen is not self.current:
                screen.leave()
        self._history.clear()
        return self.go(self.home_name)

    def _on_changed(self, batch: ChangeBatch) -> None:
        screen = self.current
        if screen is None:
            return
        subjects = screen.subjects()
        if subjects is None or any(batch.touches(s) for s in subjects):
            screen.refresh(batch)
