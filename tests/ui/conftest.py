"""Qt widgets under test run offscreen in Chinese, the kiosk's default language."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ui import i18n
from ui.qt import QApplication, QEvent, QFont
from ui.widgets.pinyin import prepare_environment

# Before pytest-qt creates the one QApplication of the run, as ui.shell.app.application() does for the app.
prepare_environment(Path(tempfile.mkdtemp(prefix="kiosk-test-keyboard-")))


@pytest.fixture
def en(qapp: object) -> Iterator[None]:
    i18n.switch_language("en")
    yield
    i18n.switch_language("zh_CN")


@pytest.fixture(autouse=True)
def _kiosk_app_state(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test starts with the app as the kiosk starts it and leaves it so, whatever ran before on
    its worker: Chinese installed (the kiosk's default; until a first switch Qt has no translator and
    shows the English source texts), the app's font and style sheet as the test before found them.

    A test that switches to English (the header's button, ``render(lang="en")``) or renders in
    large-text or high-contrast sizes would otherwise leave them on the app, widgets built by the
    next test would size and word themselves from them, and a test that failed half way through its
    own switch back would make every later test on its worker fail. The volume step and the
    large-text and contrast switches live in each window and go with it. The widgets pytest-qt
    closed are deleted first: its deleteLater() stays queued outside an event loop, and every style
    sheet change after it (each snapshot renders with its own) would restyle them all again.
    """
    app = request.getfixturevalue("qapp") if "qapp" in request.fixturenames else QApplication.instance()
    found: tuple[QFont, str] | None = None
    if isinstance(app, QApplication):
        i18n.switch_language(i18n.DEFAULT_LANGUAGE)
        found = (app.font(), app.styleSheet())
    yield
    # A test without qapp may have made the app itself (a command that renders).
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    # The test's windows, closed by pytest-qt and only marked for deletion, go now. Left to a later
    # event loop, a window held in a reference cycle could be freed by Python's garbage collector in
    # the middle of a restyle (which walks every widget) and crash the process.
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.switch_language(i18n.DEFAULT_LANGUAGE)
    if found is not None:
        font, sheet = found
        if app.styleSheet() != sheet:
            app.setStyleSheet(sheet)
        app.setFont(font)
