"""Where ``resources/`` is: beside the packages in a checkout, or in the PyInstaller bundle.

Every module that reads a shipped file (templates, samples, translations, theme, the keyboard's
QML, the certificate layout) takes its path from here, so the one place that knows about the
bundle is this one. In a one-folder bundle the packages live in the bundle's archive, and
``sys._MEIPASS`` is the directory its data files (``build.spec`` puts ``resources/`` there)
were unpacked into.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


RESOURCES_DIR = _root() / "resources"
