"""A real kiosk with the sample data and staff, enrolled with a test platform key, and the
maintenance screen and the diagnostics screen over it in the shell's real main window (header,
staff status strip, navigator).

Quarantined records and sync errors are made the way the sync agent makes them: settling a
refusing acknowledgement (``sync.outbox.settle``) and ``sync_state.record_failure``."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import open_devices
from kiosk import logs
from kiosk.app import open_kiosk
from kiosk.app.decommissioning import Courier
from kiosk.app.enrollment import Enroller
from kiosk.config import load_config
from kiosk.identity import Enrollment, b64, save_enrollment
from kiosk.services.context import Context
from kiosk.services.credit import record_violation
from kiosk.services.samples import install_samples, load_samples
from kiosk.services.staff import Actor
from kiosk.store import Store, outbox, sync_state
from sync import wire
from sync.outbox import Rejection, settle
from tap import tap
from ui import i18n
from ui.context import AppContext
from ui.qt import QWidget
from ui.screens.technician import DecommissionScreen, DeviceTestsScreen, DevicesScreen, DiagnosticsScreen, EnrollScreen
from ui.shell.app import build_window
from ui.shell.registry import Entry
from ui.shell.technician import TechnicianScreen
from ui.shell.window import MainWindow
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render
from ui.tasks import TaskRunner

INSTALLER = Actor("installer", "system")
TECHNICIAN = ("T001", "902715")
STAFF = ("S001", "246810")
USCC = "91410425MA4KJX3T7R"  # the sample developer


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


class Site:
    """The kiosk's own store connection, as the sync agent has one."""

    def __init__(self, store: Store, data_dir: Path) -> None:
        self.store = store
        self.data_dir = data_dir
        self.ctx = Context(store, load_config(data_dir))

    def records(self, count: int) -> None:
        """``count`` new outbox records: violations a staff member records (each is pushed)."""
        for n in range(count):
            record_violation(self.ctx, Actor(*STAFF[:1], "staff"), USCC, "late_handover", f"keys {n} days late")

    def quarantine(self, count: int, code: str = "unit_unknown", reason: str = "unit code not in the register") \
            -> list[str]:
        """``count`` new records, quarantined as the agent does on a refusing acknowledgement."""
        self.records(count)
        pending, _ = outbox.read_pending(self.store, 10_000)
        ids = [r.record_id for r in pending[-count:]]
        settle(self.store, batch_id=f"b-{ids[0]}", accepted=[],
               rejected=[Rejection(rid, code, reason) for rid in ids])
        return ids

    def push_failed(self, code: str, reason: str, *, halted: bool = False) -> None:
        sync_state.record_failure(self.store, sync_state.PUSH, now(), code, reason, halted=halted)

    def log(self, process: str, message: str) -> None:
        """One line in ``logs/<process>.jsonl`` through the kiosk's own log set-up."""
        config = load_config(self.data_dir)
        root = logging.getLogger()
        level = root.level
        logs.setup(config, process)
        try:
            logging.getLogger("sync.agent").warning(message)
        finally:
            for handler in [h for h in root.handlers if h.get_name() == "kiosk-jsonl"]:
                root.removeHandler(handler)
                handler.close()
            root.setLevel(level)


@pytest.fixture
def unenrolled_site(store: Store, data_dir: Path) -> Site:
    """The sample data and staff on a kiosk that was never enrolled."""
    install_samples(Context(store, load_config(data_dir)), INSTALLER, load_samples(), training=False)
    return Site(store, data_dir)


@pytest.fixture
def site(store: Store, data_dir: Path) -> Site:
    config = load_config(data_dir)
    platform = wire.KeyPair.generate()
    sign_raw, kem_raw = platform.public.raw()
    save_enrollment(config.key_dir, Enrollment(
        device_id="d-test", gateway_url="http://127.0.0.1:9", service_point="JX-SP01",
        platform_sign_public=b64(sign_raw), platform_kem_public=b64(kem_raw),
        fingerprint=platform.public.fingerprint(), enrolled_at=now()))
    install_samples(Context(store, config), INSTALLER, load_samples(), training=False)
    return Site(store, data_dir)


class Tech:
    """The maintenance screen and the diagnostics screen in the main window."""

    def __init__(self, ctx: AppContext, window: MainWindow, qtbot: Any) -> None:
        self.ctx, self.window, self.nav, self.qtbot = ctx, window, window.navigator, qtbot
        self.login: TechnicianScreen = self.nav.screen_named("technician")  # type: ignore[assignment]
        self.diag: DiagnosticsScreen = self.nav.screen_named("technician_diagnostics")  # type: ignore[assignment]
        self.devices: DevicesScreen = self.nav.screen_named("technician_devices")  # type: ignore[assignment]
        self.enroll: EnrollScreen = self.nav.screen_named("technician_enroll")  # type: ignore[assignment]
        self.decommission: DecommissionScreen = self.nav.screen_named(  # type: ignore[assignment]
            "technician_decommission")
        self.tests: DeviceTestsScreen = self.nav.screen_named("technician_device_tests")  # type: ignore[assignment]

    def click(self, widget: QWidget) -> None:
        tap(self.qtbot, widget)

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: self.ctx.runner.pending() == 0, timeout=20_000)
        self.qtbot.wait(10)
        self.qtbot.waitUntil(lambda: self.ctx.runner.pending() == 0, timeout=20_000)

    def look(self, name: str) -> None:
        """The window as shown, at both panel sizes, in both languages and both text sizes, with nothing
        clipped, cut off or missing; PNGs into $TECHNICIAN_SNAPSHOTS when set. The text size and
        language shown go first: one app-wide restyle a look, not eight."""
        out = Path(os.environ["TECHNICIAN_SNAPSHOTS"]) if os.environ.get("TECHNICIAN_SNAPSHOTS") else None
        for large in sorted((False, True), key=lambda mode: mode != self.window.large_text):
            self.window.set_large_text(large)
            for lang in sorted(i18n.LANGUAGES, key=lambda shown: shown != i18n.current_language()):
                for width, height in ((1920, 1080), (1280, 800)):
                    where = f"{name} {lang} {width}x{height}{' large' if large else ''}"
                    png = out / f"{name}-{lang}-{width}x{height}{'-large' if large else ''}.png" if out else None
                    image = render(self.window, png, size=(width, height), lang=lang, large=large, mode="staff")
                    problems = overflow(self.window, (width, height)) + clipped_texts(self.window) \
                        + missing_glyphs(self.window)
                    assert (image.width(), image.height()) == (width, height), where
                    assert not problems, f"{where}: {[str(p) for p in problems]}"
        i18n.switch_language("zh_CN")
        self.settle()

    def log_in(self, staff_id: str, pin: str) -> None:
        screen = self.login
        self.settle()
        self.click(screen.staff_id)
        for char in staff_id:
            self.click(screen.keypad.keys[char])
        self.click(screen.pin)
        for char in pin:
            self.click(screen.keypad.keys[char])
        self.click(screen.login_button)
        self.settle()

    def open_diagnostics(self) -> DiagnosticsScreen:
        self.log_in(*TECHNICIAN)
        self.click(self.login.diagnostics_button)
        self.settle()
        assert self.nav.current is self.diag
        return self.diag

    def open_devices(self) -> DevicesScreen:
        self.log_in(*TECHNICIAN)
        self.click(self.login.devices_button)
        self.settle()
        assert self.nav.current is self.devices
        return self.devices

    def open_enroll(self) -> EnrollScreen:
        self.log_in(*TECHNICIAN)
        self.click(self.login.enroll_button)
        self.settle()
        assert self.nav.current is self.enroll
        return self.enroll

    def open_device_tests(self) -> DeviceTestsScreen:
        self.open_devices()
        self.click(self.devices.tests_button)
        self.settle()
        assert self.nav.current is self.tests
        return self.tests

    def open_decommission(self) -> DecommissionScreen:
        self.log_in(*TECHNICIAN)
        self.click(self.login.decommission_button)
        self.settle()
        assert self.nav.current is self.decommission
        return self.decommission

    def tab(self, section: str) -> None:
        self.click(self.diag.tabs[section])


@contextmanager
def running(qapp: Any, qtbot: Any, data_dir: Path, enroller: Enroller | None = None,
            courier: Courier | None = None) -> Iterator[Tech]:
    """The technician's screens in the main window over the kiosk in ``data_dir``."""
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config, enroller=enroller, courier=courier) as kiosk:
        ctx = AppContext(kiosk, open_devices(config), runner, poll_ms=20)
        window = build_window(ctx, [Entry(TechnicianScreen), Entry(DiagnosticsScreen), Entry(DevicesScreen),
                                    Entry(EnrollScreen), Entry(DecommissionScreen),
                                    Entry(DeviceTestsScreen)], idle_poll_ms=10_000)
        qtbot.addWidget(window, before_close_func=MainWindow.dispose)
        window.resize(1920, 1080)
        window.start()
        window.show()
        yield Tech(ctx, window, qtbot)
        ctx.stop_polling()
        runner.shutdown()
        qapp.setStyleSheet("")


@pytest.fixture
def tech(qapp: Any, qtbot: Any, site: Site, data_dir: Path) -> Iterator[Tech]:
    with running(qapp, qtbot, data_dir) as tech:
        yield tech
