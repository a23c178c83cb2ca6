"""A real kiosk with the sample data installed as real data, enrolled with a test platform key,
the flow tests' helpers to bring units to each step, and the counter's screens over it in a
real navigator.

The flow tests' ``Kiosk`` helper (tests/kiosk/flows/conftest.py) prepares cases through
the services on its own store connection; the screens use ``open_kiosk`` over the same data
directory with the same clock, as the app and the sync agent share one."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from hardware.devices import CardReaderDevice, open_devices
from hardware.idcard.simulator import CardSlot
from kiosk.app import open_kiosk
from kiosk.config import load_config
from kiosk.identity import Enrollment, b64, save_enrollment
from kiosk.services.context import Context
from kiosk.services.samples import install_samples, load_samples
from kiosk.services.staff import Actor
from kiosk.store import Store, sync_state
from sync import wire
from tap import tap
from ui.context import AppContext
from ui.navigation import Navigator
from PySide6.QtTest import QTest

from ui.qt import QPoint, Qt, QWidget
from ui.screens.counter import SCREENS, HandoverScreen, QueueScreen, StaffLoginScreen
from ui.screens.counter.session import StaffSession, staff_session
from ui.tasks import TaskRunner


def _flows() -> ModuleType:
    """The flow tests' conftest under its own module name (it is not a package)."""
    name = "counter_flow_helpers"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[2] / "kiosk" / "flows" / "conftest.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


flows = _flows()
Site = flows.Kiosk


@pytest.fixture
def site(store: Store, data_dir: Path) -> Iterator[Any]:
    """As tests/kiosk/flows/conftest.py's ``site``: samples as real data, fresh master data."""
    clock = flows.Clock()
    config = load_config(data_dir)
    ctx = Context(store, config, clock=clock)
    platform = wire.KeyPair.generate()
    sign_raw, kem_raw = platform.public.raw()
    save_enrollment(config.key_dir, Enrollment(
        device_id="d-test", gateway_url="http://127.0.0.1:9", service_point="JX-SP01",
        platform_sign_public=b64(sign_raw), platform_kem_public=b64(kem_raw),
        fingerprint=platform.public.fingerprint(), enrolled_at=flows.NOW.isoformat()))
    install_samples(ctx, flows.INSTALLER, load_samples(), training=False)
    with sync_state.transaction(store.conn) as conn:
        sync_state.record_success(conn, sync_state.PULL, flows.NOW.isoformat())
    yield Site(ctx, clock, Actor("S001", "staff"), Actor("S003", "supervisor"), platform)


def units(site: Any, holders: int) -> list[str]:
    return list(flows.residential_units(site, holders))


class Counter:
    """The three counter screens in one navigator over an open kiosk."""

    def __init__(self, ctx: AppContext, nav: Navigator, qtbot: Any) -> None:
        self.ctx, self.nav, self.qtbot = ctx, nav, qtbot
        self.login: StaffLoginScreen = nav.screen_named("staff_login")  # type: ignore[assignment]
        self.queue: QueueScreen = nav.screen_named("queue")  # type: ignore[assignment]
        self.handover: HandoverScreen = nav.screen_named("handover")  # type: ignore[assignment]

    @property
    def session(self) -> StaffSession:
        return staff_session(self.ctx)

    def click(self, widget: QWidget) -> None:
        tap(self.qtbot, widget)

    def settle(self) -> None:
        """Wait until every store and device call has answered."""
        self.qtbot.waitUntil(lambda: self.ctx.runner.pending() == 0, timeout=20_000)
        self.qtbot.wait(10)
        self.qtbot.waitUntil(lambda: self.ctx.runner.pending() == 0, timeout=20_000)

    def log_in(self, staff_id: str, pin: str) -> None:
        screen = self.login
        self.click(screen.number)
        self.qtbot.waitUntil(lambda: all(c in screen.keypad.keys and screen.keypad.keys[c].isVisible()
                                         for c in staff_id), timeout=10_000)
        if screen.number.text():
            self.click(screen.keypad.clear_key)
        for char in staff_id:
            self.click(screen.keypad.keys[char])
        self.click(screen.pin)
        for char in pin:
            self.click(screen.keypad.keys[char])
        self.click(screen.login_button)
        self.settle()

    def card_reader(self) -> CardSlot:
        """An empty simulated reader for the counter; the test lays cards on its slot."""
        device = CardReaderDevice("sim://?card=none")
        self.ctx.devices = dataclasses.replace(self.ctx.devices, card_reader=device)
        assert device.card_slot is not None
        return device.card_slot

    def read_card(self) -> None:
        """Tap the login's ID card button and wait for the card's answer."""
        self.click(self.login.card_button)
        assert not self.login.card_button.isEnabled() and "读卡器" in self.login.where.text()
        self.settle()

    def type_id(self, number: str) -> None:
        pad = self.handover.id_keypad
        pad.clear()
        for char in number:
            self.click(pad.keys[char])

    def sign(self) -> None:
        canvas = self.handover.pad.canvas
        w, h = canvas.width(), canvas.height()
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(w // 10, h // 2))
        for step in range(1, 21):
            QTest.mouseMove(canvas, QPoint(w // 10 + step * (w * 7 // 10) // 20, h // 2 + (step % 5) * 6))
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           QPoint(w * 8 // 10, h // 2))
        # The confirm button ignores a second tap within 500 ms (ux.md); a person signs slower.
        self.qtbot.wait(550)
        self.click(self.handover.pad.confirm_button)
        self.settle()


@pytest.fixture
def counter(qapp: Any, qtbot: Any, site: Any, data_dir: Path) -> Iterator[Counter]:
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config, clock=site.clock) as kiosk:
        ctx = AppContext(kiosk, open_devices(config), runner, poll_ms=20)
        nav = Navigator(ctx)
        for cls in SCREENS:
            nav.add(cls(ctx), home=cls is StaffLoginScreen)
        qtbot.addWidget(nav)
        nav.resize(1920, 1080)
        nav.show()
        nav.home()
        yield Counter(ctx, nav, qtbot)
        ctx.stop_polling()
        runner.shutdown()
