"""The one module of ours that imports PySide6 (as Anki's ``aqt.qt`` does).

Every other module of ``ui`` imports Qt names from here, so the binding, its
version checks and any work-arounds live in one place, and the import contract
"only ui/qt.py imports PySide6" keeps it that way.
"""

# Star imports are the point of this module: it re-exports the Qt namespace.
from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtWidgets import *  # noqa: F403
from PySide6.QtPrintSupport import *  # noqa: F403
from PySide6.QtSvg import *  # noqa: F403
from PySide6.QtPdf import *  # noqa: F403
from PySide6 import __version__ as PYSIDE_VERSION  # noqa: F401
