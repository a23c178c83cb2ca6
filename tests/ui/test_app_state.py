"""No UI test depends on the tests run before it on its worker: tests/ui/conftest.py starts each in
Chinese with the app's font and style sheet as found, and puts them back after it, even after a test
that left English, large text and high contrast installed or failed half way through its own switch
back. Proven in a pytest run of its own (one process, file order), through that same conftest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ORDERED = '''
from ui import i18n, theme
from ui.qt import QLocale

FOUND = {}


def test_the_first_on_its_worker_runs_in_chinese(qapp):
    FOUND.update(sheet=qapp.styleSheet(), font=qapp.font().toString())
    assert (i18n.current_language(), QLocale().name()) == ("zh_CN", "zh_CN")


def test_leaves_english_large_text_and_high_contrast(qapp):
    i18n.switch_language("en")
    theme.apply_theme(qapp, "buyer", large=True, high_contrast=True)


def test_fails_before_its_own_switch_back(qapp):
    i18n.switch_language("en")
    assert False, "half way"


def test_the_next_starts_as_the_kiosk_does(qapp):
    assert (i18n.current_language(), QLocale().name()) == ("zh_CN", "zh_CN")
    assert (qapp.styleSheet(), qapp.font().toString()) == (FOUND["sheet"], FOUND["font"])
'''


def test_a_test_starts_in_the_default_language_and_style_whatever_ran_before(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text((Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    (tmp_path / "test_ordered.py").write_text(ORDERED, encoding="utf-8")
    # pytest-qt alone: no other plugin (no xdist, no random order) starts or reorders anything.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", "-p", "pytestqt.plugin", "-p", "no:cacheprovider",
                           "--rootdir", str(tmp_path), str(tmp_path / "test_ordered.py")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    results = {line.split()[1].rpartition("::")[2]: line.split()[0] for line in done.stdout.splitlines()
               if line.startswith(("PASSED ", "FAILED "))}
    assert results == {"test_the_first_on_its_worker_runs_in_chinese": "PASSED",
                       "test_leaves_english_large_text_and_high_contrast": "PASSED",
                       "test_fails_before_its_own_switch_back": "FAILED",
                       "test_the_next_starts_as_the_kiosk_does": "PASSED"}, done.stdout + done.stderr
