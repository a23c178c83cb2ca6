"""``sync.wire`` loads its modules on first use: every name it exports is still there, and the kiosk
core's configuration (which needs only the county calendar) loads no cryptography or compression."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from sync import wire

ROOT = Path(__file__).resolve().parents[2]


def test_every_exported_name_is_the_object_of_its_module() -> None:
    for name in wire.__all__:
        module = wire._MODULE_OF[name]
        value = getattr(wire, name)
        if not module:
            assert value is importlib.import_module(f"sync.wire.{name}")
        else:
            own = getattr(importlib.import_module(f"sync.wire.{module}"), wire._RENAMED.get(name, name))
            assert value is own, name
    assert wire.parse_envelope is importlib.import_module("sync.wire.envelope").parse
    assert wire.enrollment is importlib.import_module("sync.wire.enrollment")  # a submodule by attribute


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'seal_everything'"):
        wire.seal_everything  # noqa: B018 (the attribute access is the test)
    with pytest.raises(ImportError):
        from sync.wire import seal_everything  # noqa: F401


def test_the_kiosk_configuration_loads_only_the_calendar() -> None:
    code = ("import sys, kiosk.config\n"
            "print(' '.join(m for m in ('cryptography', 'zstandard', 'sync.wire.envelope', 'sync.wire.keys')"
            " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == []
    assert "sync.wire.calendar" in subprocess.run(
        [sys.executable, "-c", "import sys, kiosk.config; print(' '.join(sys.modules))"],
        capture_output=True, text=True, cwd=ROOT, timeout=120).stdout.split()
