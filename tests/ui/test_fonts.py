"""The start-up font check, with the real font database and with an empty one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from ui.fonts import MISSING_CJK_FONT, require_chinese_font

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from ui.qt import QApplication
from ui.fonts import MissingFontError, require_chinese_font
app = QApplication([])
try:
    print(require_chinese_font())
except MissingFontError as exc:
    print(exc, file=sys.stderr)
    sys.exit(3)
"""


def run_probe(env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **env_extra}
    return subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)


def test_this_machine_has_a_chinese_font(qapp: Any) -> None:
    assert require_chinese_font()


def test_no_chinese_font_refuses_with_a_clear_message(tmp_path: Path) -> None:
    empty = tmp_path / "fonts"
    empty.mkdir()
    # Qt on Linux asks fontconfig, so an empty fontconfig configuration is "no fonts installed".
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f"<dir>{empty}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    result = run_probe({"FONTCONFIG_FILE": str(conf), "QT_QPA_FONTDIR": str(empty)})
    assert result.returncode == 3, result.stdout + result.stderr
    assert MISSING_CJK_FONT in result.stderr


def test_the_same_probe_passes_with_the_system_fonts() -> None:
    result = run_probe({})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
