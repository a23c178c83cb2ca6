"""The one module of ours that imports PySide6 (as Anki's ``aqt.qt`` does).

Every other module of ``ui`` imports Qt names from here, so the binding, its
version checks and any work-arounds live in one place, and the import contract
"only ui/qt.py imports PySide6" keeps it that way.

Names resolve lazily (PEP 562): a star import of the Qt modules builds every
one of their enums, about half a second of the kiosk's start-up (bench/ui.py),
while a module asks only for the names it uses. Type checkers see the star
imports, so every name keeps its type.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as PYSIDE_VERSION  # noqa: F401

if TYPE_CHECKING:
    from PySide6.QtQml import *  # noqa: F403
    from PySide6.QtQuick import *  # noqa: F403
    from PySide6.QtQuickWidgets import *  # noqa: F403
    from PySide6.QtCharts import *  # noqa: F403
    from PySide6.QtMultimedia import *  # noqa: F403
    from PySide6.QtCore import *  # noqa: F403
    from PySide6.QtGui import *  # noqa: F403
    from PySide6.QtWidgets import *  # noqa: F403
    from PySide6.QtPrintSupport import *  # noqa: F403
    from PySide6.QtSvg import *  # noqa: F403
    from PySide6.QtPdf import *  # noqa: F403

# Searched as the star imports above bind them, a later module's name winning (QtGui's ``Qt``
# namespace carries ``mightBeRichText``, QtCore's does not), except that the printing, SVG and PDF
# modules come after the three every screen uses: they share no name with them (``QIntList`` aside,
# the same list type), and the first frame then loads none of them.
# Qt Quick (the on-screen keyboard's host) comes after them: only names no other module has load it, so a
# start-up that never shows the keyboard never does.
# Qt Charts (the supervision ledger's charts) comes before the printing, SVG and PDF modules too; only
# the screens using them load them. QtMultimedia (the voice prompts) is last of all: loading it looks for
# the sound servers' libraries (a note on stderr where PipeWire is missing), so only the voice player's
# own names load it, never a look-up that passes it on the way (a window drawn silently never does).
_MODULES = ("QtWidgets", "QtGui", "QtCore", "QtCharts", "QtPdf", "QtSvg", "QtPrintSupport",
            "QtQuickWidgets", "QtQuick", "QtQml", "QtMultimedia")


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    for module_name in _MODULES:
        module = importlib.import_module(f"PySide6.{module_name}")
        if hasattr(module, name):
            value = getattr(module, name)
            globals()[name] = value  # the next lookup is a plain module attribute
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r} (no PySide6 module of ui.qt has it)")
