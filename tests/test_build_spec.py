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


def _listed(name: str) -> set[str]:
    """The quoted names in the spec's ``name=[...]`` list."""
    block = re.search(rf"{name}=\[(.*?)\n    \]", SPEC.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None, f"build.spec has no {name} list"
    return set(re.findall(r'"([A-Za-z0-9_.]+)"', block.group(1)))


def test_every_qt_module_of_the_app_is_bundled_and_none_excluded() -> None:
    """ui/qt.py resolves Qt names by module name at run time: each of its modules must be a hidden
    import, and excluding one (QtCharts was, before the supervision charts) breaks the bundle."""
    from ui.qt import _MODULES

    used = {f"PySide6.{m}" for m in _MODULES}
    assert used - _listed("hiddenimports") == set()
    assert used & _listed("excludes") == set()


def test_the_screens_built_later_are_bundled() -> None:
    """The shell imports most screens by name after the first frame (registry ``Later``): PyInstaller
    cannot see those imports, so the spec collects every module under the package they live in."""
    from ui.shell.registry import SCREENS, Later

    spec = SPEC.read_text(encoding="utf-8")
    assert 'collect_submodules("ui.screens")' in spec
    later = [entry.screen.where.partition(":")[0] for entry in SCREENS if isinstance(entry.screen, Later)]
    # The technician's home lives in the shell: the spec names it.
    missed = [m for m in later if not m.startswith("ui.screens.") and f'"{m}"' not in spec]
    assert later and not missed, missed
