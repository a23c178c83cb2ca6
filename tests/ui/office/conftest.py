"""The back office over a real kiosk with the sample data installed as real data (the counter's
``site``: tests/ui/counter/conftest.py), its screens and the counter's in one real navigator.

Tests sign a staff member in at the counter's login screen (``Office.log_in``) or, where the
login is not the point, with the actor ``Kiosk.login`` returns (``Office.sign_in``).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from hardware.devices import open_devices
from kiosk.app import open_kiosk
from kiosk.config import load_config
from ui.context import AppContext
from ui.navigation import Navigator
from ui.qt import QApplication, QInputMethodEvent, QWidget
from ui.screens.counter import SCREENS as COUNTER_SCREENS
from ui.screens.counter import StaffLoginScreen
from ui.screens.office.approval import SupervisorApproval
from ui.screens.office.certificates import CertificatesScreen
from ui.screens.office.credit import CreditScreen
from ui.screens.office.hub import OfficeScreen
from ui.screens.office.staff import StaffRosterScreen
from ui.screens.office.supervision import SupervisionScreen
from ui.tasks import TaskRunner


def _counter_conftest() -> ModuleType:
    """The counter tests' conftest under its own module name (its ``site`` and ``Counter``)."""
    name = "office_counter_helpers"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "counter" / "conftest.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


# The hub and the sections these tests open in their own navigator (the casework screens: casework.py).
OFFICE_SCREENS = (OfficeScreen, StaffRosterScreen, CreditScreen, CertificatesScreen, SupervisionScreen)

counter_helpers = _counter_conftest()
site = counter_helpers.site
flows = counter_helpers.flows
single = flows.single

PINS = {"S001": "246810", "S002": "135791", "S003": "864200", "T001": "902715"}


class Office(counter_helpers.Counter):  # type: ignore[misc, name-defined]
    """The counter's helpers (click, settle, log_in) plus the back office's."""

    def sign_in(self, staff_id: str) -> None:
        """Sign ``staff_id`` in with their real PIN through ``Kiosk.login`` (not the point of the test)."""
        actor = self.ctx.kiosk.login(staff_id, PINS[staff_id]).value
        name = next(r.name for r in self.ctx.kiosk.staff().rows if r.staff_id == staff_id)
        self.ctx.sign_in(actor, name)

    def screen(self, name: str) -> Any:
        return self.nav.screen_named(name)

    def write(self, field: QWidget, text: str) -> None:
        """Type ``text`` as the on-screen Pinyin keyboard does: each chosen phrase arrives as an
        input-method commit (QTest's key clicks know ASCII only)."""
        if text:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(field, event)

    def approve(self, form: SupervisorApproval, staff_id: str, pin: str, reason: str) -> None:
        """Fill the approval form through its keypad and reason field, then tap Approve."""
        self.qtbot.waitUntil(lambda: all(c in form.keypad.keys and form.keypad.keys[c].isVisible()
                                         for c in staff_id + pin), timeout=10_000)
        self.click(form.number)
        self.click(form.keypad.clear_key)
        for char in staff_id:
            self.click(form.keypad.keys[char])
        self.click(form.pin)
        for char in pin:
            self.click(form.keypad.keys[char])
        if form.wants_reason:
            self.click(form.reason)
            form.reason.clear()
            self.write(form.reason, reason)
        if form.approve_button.isEnabled():
            self.click(form.approve_button)
        self.settle()


@pytest.fixture
def office(qapp: Any, qtbot: Any, site: Any, data_dir: Path) -> Iterator[Office]:
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config, clock=site.clock) as kiosk:
        ctx = AppContext(kiosk, open_devices(config), runner, poll_ms=20)
        nav = Navigator(ctx)
        for cls in (*COUNTER_SCREENS, *OFFICE_SCREENS):
            nav.add(cls(ctx), home=cls is StaffLoginScreen)
        qtbot.addWidget(nav)
        nav.resize(1920, 1080)
        nav.show()
        nav.home()
        yield Office(ctx, nav, qtbot)
        ctx.stop_polling()
        runner.shutdown()


def visible_texts(widget: QWidget) -> str:
    """Every visible label's and button's text under ``widget``, one a line (what a person reads)."""
    from ui.qt import QAbstractButton, QLabel

    out = []
    for child in widget.findChildren(QWidget):
        if child.isVisible() and isinstance(child, (QLabel, QAbstractButton)) and child.text():
            out.append(child.text())
    return "\n".join(out)
