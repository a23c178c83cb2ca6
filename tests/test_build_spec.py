"""build.spec stays in step with the code: it compiles, and every module that is
imported only by name at run time (the commands) is listed for PyInstaller."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.cli import COMMAND_MODULES

SPEC = Path(__file__).resolve().parent.parent / "build.spec"


def test_spec_compiles() -> None:
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


def test_dynamic_imports_are_declared() -> None:
    hidden = set(re.findall(r'"([a-z_.]+)"', SPEC.read_text(encoding="utf-8")))
    missing = {f"kiosk.cli.{m}" for m in COMMAND_MODULES}
    assert missing - hidden == set()


def test_every_qt_module_of_ui_qt_is_bundled() -> None:
    # ui/qt.py imports its modules by name: each one must be a hidden import and never excluded.
    from ui import qt

    spec = SPEC.read_text(encoding="utf-8")
    excluded = spec[spec.index("excludes=["):]
    excluded = excluded[:excluded.index("]")]
    for module in qt._MODULES:
        assert f'"PySide6.{module}"' in spec.replace(excluded, ""), module
        assert f'"PySide6.{module}"' not in excluded, module
