"""Qt widgets under test run offscreen in Chinese, the kiosk's default language."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui import i18n
from ui.qt import QEvent
from ui.widgets.pinyin import prepare_environment

# Before pytest-qt creates the one QApplication of the run, as ui.shell.app.application() does for the app.
prepare_environment(Path(tempfile.mkdtemp(prefix="kiosk-test-keyboard-")))


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.switch_language("zh_CN")
    yield
    i18n.switch_language("zh_CN")


@pytest.fixture
def en(qapp: object) -> Iterator[None]:
    i18n.switch_language("en")
    yield
    i18n.switch_language("zh_CN")


@pytest.fixture(autouse=True)
def _restore_app_style(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test starts with the app's font and style sheet as the one before it found them.

    A test that renders in large-text buyer sizes would otherwise leave them on the app, and
    widgets built by the next test would size themselves from those fonts. The widgets pytest-qt
    closed are deleted first: its deleteLater() stays queued outside an event loop, and every
    style sheet change after it (each snapshot renders with its own) would restyle them all again.
    """
    if "qapp" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("qapp")
    font, sheet = app.font(), app.styleSheet()
    yield
    # The test's windows, closed by pytest-qt and only marked for deletion, go now. Left to a later
    # event loop, a window held in a reference cycle could be freed by Python's garbage collector in
    # the middle of a restyle (which walks every widget) and crash the process.
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    app.setFont(font)
