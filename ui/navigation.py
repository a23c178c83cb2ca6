"""One stack of screens: go to a screen by name, back, home; refresh the shown screen on a change.

A screen may be registered before it is built (``add_later``): the app's first frame then costs one
screen, not all of them, and the rest are built on first use or when ``build_next`` is called
(``kiosk run`` calls it on the idle loop once the kiosk is open).

Until the kiosk is open (``kiosk run`` shows its first frame first: ``AppContext.later``) only the
home screen is shown: a tap that asks for another one is parked (``waiting`` True, the shell says the
terminal is getting ready) and carried out when the kiosk has opened; the latest tap wins, and going
home or a failed opening drops it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ui.context import AppContext
from ui.qt import QSizePolicy, QStackedWidget, QWidget, Signal
from ui.screens.base import Screen

if TYPE_CHECKING:
    from kiosk.app import ChangeBatch


class NavigationError(LookupError):
    """A screen name that is not registered."""


class Navigator(QStackedWidget):
    """Holds the screens; exactly one is shown. ``went`` tells the shell which (name, audience)."""

    went = Signal(str, str)
    # Every screen once it is built and in the stack (the shell connects its signals here).
    added = Signal(object)
    # True: a screen was asked for before the kiosk is open and waits for it; False: no longer.
    waiting = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._screens: dict[str, Screen] = {}
        self._later: dict[str, Callable[[], Screen]] = {}
        self._history: list[tuple[str, dict[str, Any]]] = []
        self.home_name = ""
        # A stacked widget is as large as its largest page; only the shown screen must fit the panel,
        # so every other one has an ignored size policy (its minimum size then does not count).
        self._policies: dict[str, QSizePolicy] = {}
        self._parked: tuple[str, dict[str, Any]] | None = None
        ctx.changed.connect(self._on_changed)
        ctx.opened.connect(self._go_parked)
        ctx.open_failed.connect(self.cancel_waiting)

    def add(self, screen: Screen, *, home: bool = False) -> None:
        if not screen.name or screen.name in self._screens or screen.name in self._later:
            raise NavigationError(f"a screen needs a unique name; got {screen.name!r}")
        self._screens[screen.name] = screen
        self._policies[screen.name] = screen.sizePolicy()
        screen.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.addWidget(screen)
        if home or not self.home_name:
            self.home_name = screen.name
        self.added.emit(screen)

    def add_later(self, name: str, build: Callable[[], Screen], *, home: bool = False) -> None:
        """Register the screen ``name``; ``build()`` makes it when it is first asked for."""
        if not name or name in self._screens or name in self._later:
            raise NavigationError(f"a screen needs a unique name; got {name!r}")
        self._later[name] = build
        if home or not self.home_name:
            self.home_name = name

    def build_next(self) -> bool:
        """Build one screen registered with ``add_later``; whether any is left to build."""
        if self._later:
            self.screen_named(next(iter(self._later)))
        return bool(self._later)

    def screen_named(self, name: str) -> Screen:
        build = self._later.pop(name, None)
        if build is not None:
            try:
                screen = build()
                if screen.name != name:
                    raise NavigationError(f"the screen registered as {name!r} is named {screen.name!r}")
            except BaseException:
                self._later[name] = build
                raise
            self.add(screen)
        try:
            return self._screens[name]
        except KeyError:
            raise NavigationError(f"no screen named {name!r}") from None

    def names(self) -> list[str]:
        """Every registered screen, built or not."""
        return [*self._screens, *self._later]

    @property
    def current(self) -> Screen | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def go(self, name: str, **args: Any) -> Screen:
        if name != self.home_name and not self.ctx.is_open:
            if name not in self._screens and name not in self._later:
                raise NavigationError(f"no screen named {name!r}")
            self._parked = (name, args)
            self.waiting.emit(True)
            return self.screen_named(self.home_name)
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

    @property
    def parked(self) -> str | None:
        """The screen waiting for the kiosk to open, if any."""
        return self._parked[0] if self._parked is not None else None

    def cancel_waiting(self) -> None:
        if self._parked is not None:
            self._parked = None
            self.waiting.emit(False)

    def _go_parked(self) -> None:
        parked, self._parked = self._parked, None
        if parked is not None:
            self.waiting.emit(False)
            self.go(parked[0], **parked[1])

    def home(self) -> Screen:
        """Leave everything (personal data cleared) and show the home screen."""
        self.cancel_waiting()
        for screen in self._screens.values():  # a screen not built yet holds nothing
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
