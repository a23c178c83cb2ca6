"""The USB stick chooser of the screens that write a file to one (the technician's diagnostics and
decommissioning, the supervision ledger's export).

One row: a toggle button per writable stick, by its volume name as the person reads it on the
stick; a warning when there is none; 再找一次 (look again). The sticks are looked for on the store
thread (``kiosk.diagnostics.removable_media``), never on the GUI thread. A single stick is chosen
for the person. ``changed`` says the list or the choice changed, so the screen can enable its
write button; ``target`` is the chosen stick or None.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from kiosk.app import Kiosk
from kiosk.diagnostics import MEDIA_ROOTS, removable_media
from ui.context import AppContext
from ui.i18n import Retranslating
from ui.qt import QHBoxLayout, QLabel, QPushButton, QWidget, Signal
from ui.tasks import Task
from ui.widgets.guard import GuardedButton

TARGET_PX = 64  # ux.md: staff and technician targets >= 64 px (only staff and technicians write to sticks)


def _button() -> QPushButton:
    b = GuardedButton()
    b.setMinimumHeight(TARGET_PX)
    return b


def find_media(kiosk: Kiosk, roots: tuple[Path, ...], is_volume: Callable[[Path], bool]) -> list[Path]:
    return removable_media(roots, is_volume=is_volume)


class MediaChooser(Retranslating, QWidget):
    changed = Signal()
    failed = Signal(object)  # looking for sticks failed (the store thread's error)

    def __init__(self, ctx: AppContext, prefix: str = "media", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prefix = prefix
        # Where sticks are mounted and what counts as one: a test points both at a folder of its own.
        self.roots: tuple[Path, ...] = MEDIA_ROOTS
        self.is_volume: Callable[[Path], bool] = os.path.ismount
        self.media: list[Path] = []
        self.target: Path | None = None
        self.buttons: list[QPushButton] = []
        self._task: Task | None = None
        self.none = QLabel()
        self.none.setWordWrap(True)
        self.none.setProperty("state", "warn")
        self.none.setObjectName(f"{prefix}_none")
        self.refresh = _button()
        self.refresh.setObjectName(f"{prefix}_refresh")
        self.refresh.clicked.connect(self.look)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(16)
        self._row.addWidget(self.none, 1)
        self._row.addWidget(self.refresh)
        self.retranslate()

    def look(self) -> None:
        """Look for sticks (again)."""
        if self._task is not None:
            self._task.cancel()
        self._task = task = self.ctx.call(find_media, self.roots, self.is_volume)
        task.succeeded.connect(self.show_media)
        task.failed.connect(self.failed.emit)

    def lost(self) -> None:
        """The chosen stick was pulled out while being written: forget it and look again."""
        self.target = None
        self.look()

    def forget(self) -> None:
        """Nothing listed, nothing chosen, no look under way (the screen was left)."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.target = None
        self.show_media([])

    def show_media(self, media: list[Path]) -> None:
        self.media = list(media)
        if self.target not in self.media:
            self.target = self.media[0] if len(self.media) == 1 else None
        for old in self.buttons:
            self._row.removeWidget(old)
            old.deleteLater()
        self.buttons = []
        for n, path in enumerate(self.media):
            choice = _button()
            choice.setObjectName(f"{self.prefix}_{n}")
            choice.setCheckable(True)
            choice.clicked.connect(lambda _=False, p=path: self.choose(p))
            self._row.insertWidget(n, choice)
            self.buttons.append(choice)
        self.retranslate()
        self.changed.emit()

    def choose(self, path: Path) -> None:
        self.target = path
        self.retranslate()
        self.changed.emit()

    def retranslate(self) -> None:
        self.none.setText(self.tr("No USB stick found. Plug one in, then tap Look again."))
        self.none.setVisible(not self.media)
        for path, choice in zip(self.media, self.buttons, strict=True):
            chosen = path == self.target
            choice.setText(("▶ " if chosen else "") + path.name)
            choice.setChecked(chosen)
        self.refresh.setText(self.tr("Look again"))
