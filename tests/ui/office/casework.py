"""The back office's casework screens (acceptance, contracts, payments) in the shell's real main window
over a real kiosk: the sample data installed as real data, enrolled with a test platform key.

Test modules import ``site_fixture`` and ``desk_fixture`` (the fixtures ``site`` and ``desk``).
The data directory is made once per test module (``kiosk init`` and the samples take a while);
each test opens its own window over it and works on its own project or unit. Platform items
(approvals, confirmations) are signed with the test platform key and applied as the sync agent
applies them, on the site's own store connection, as the agent has its own.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import open_devices
from kiosk.app import open_kiosk
from kiosk.config import load_config
from kiosk.identity import Enrollment, b64, save_enrollment
from kiosk.services import inbound
from kiosk.services.context import Context
from kiosk.services.samples import install_samples, load_samples
from kiosk.services.staff import Actor
from kiosk.store import Store, approvals, sync_state
from kiosk.vault import Vault
from sync import wire
from tap import tap
from ui import i18n
from ui.context import AppContext
from ui.qt import QApplication, QInputMethodEvent, QWidget
from ui.screens.base import Screen
from ui.screens.office.approval import SupervisorApproval
from ui.shell.app import build_window
from ui.shell.registry import Entry
from ui.shell.window import MainWindow
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render
from ui.tasks import TaskRunner

INSTALLER = Actor("installer", "system")
SMALL_PANEL = ((1280, 800),)
STAFF = ("S001", "246810")
SUPERVISOR = ("S003", "864200")


@dataclass
class Site:
    """The kiosk's data directory and a store connection of its own (the sync agent's)."""

    data_dir: Path
    store: Store
    ctx: Context
    platform: wire.KeyPair

    def pull(self, kind: str, subject: str, data: dict[str, Any], *, issued_at: dt.datetime | None = None) -> None:
        """Apply a platform-signed item as the sync agent does after verifying it."""
        issued = issued_at or dt.datetime.now(dt.timezone.utc)
        item = wire.make_item(self.platform.sign, item_id=uuid.uuid4().hex, kind=kind, subject=subject,
                              issued_at=issued.isoformat(), data=data)
        with self.store.unit_of_work("system:sync") as uow:
            uow.log("sync.pull", item["item_id"])
            inbound.apply(uow, item)
            approvals.keep(uow, item)


@pytest.fixture(scope="module", name="site")
def site_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from kiosk.cli import main

    home = tmp_path_factory.mktemp("office") / "kiosk-home"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIOSK_HOME", str(home))
        assert main(["init"]) == 0
    config = load_config(home)
    platform = wire.KeyPair.generate()
    sign_raw, kem_raw = platform.public.raw()
    now = dt.datetime.now(dt.timezone.utc)
    save_enrollment(config.key_dir, Enrollment(
        device_id="d-test", gateway_url="http://127.0.0.1:9", service_point="JX-SP01",
        platform_sign_public=b64(sign_raw), platform_kem_public=b64(kem_raw),
        fingerprint=platform.public.fingerprint(), enrolled_at=now.isoformat()))
    with Store(config.db_path, Vault.from_key_dir(config.key_dir)) as store:
        ctx = Context(store, config)
        install_samples(ctx, INSTALLER, load_samples(), training=False)
        with sync_state.transaction(store.conn) as conn:
            sync_state.record_success(conn, sync_state.PULL, now.isoformat())
        yield Site(home, store, ctx, platform)


class Desk:
    """One office screen in the main window, a staff member signed in through ``Kiosk.login``."""

    def __init__(self, ctx: AppContext, window: MainWindow, qtbot: Any) -> None:
        self.ctx, self.window, self.nav, self.qtbot = ctx, window, window.navigator, qtbot

    def click(self, widget: QWidget) -> None:
        # A widget added to a shown layout is shown by a queued event: give it that one turn.
        if not widget.isVisible():
            self.qtbot.wait(1)
        tap(self.qtbot, widget)
        self.qtbot.wait(1)  # rows a tap rebuilt are shown by a queued event

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: self.ctx.runner.pending() == 0, timeout=20_000)
        self.qtbot.wait(10)
        self.qtbot.waitUntil(lambda: self.ctx.runner.pending() == 0, timeout=20_000)
        self.qtbot.wait(1)  # rows an answer rebuilt are shown by a queued event

    def sign_in(self, staff_id: str, pin: str) -> Actor:
        answers: list[Actor] = []
        task = self.ctx.call(lambda kiosk: kiosk.login(staff_id, pin).value)
        task.succeeded.connect(answers.append)
        self.qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
        self.ctx.sign_in(answers[0], staff_id)
        return answers[0]

    def approve(self, form: SupervisorApproval, staff_id: str, pin: str, reason: str) -> None:
        """Fill the approval form through its keypad and reason field (as the Pinyin keyboard commits
        text), then tap Approve."""
        self.qtbot.waitUntil(lambda: all(c in form.keypad.keys for c in staff_id), timeout=10_000)
        self.click(form.number)
        self.click(form.keypad.clear_key)
        for char in staff_id:
            self.click(form.keypad.keys[char])
        self.click(form.pin)
        for char in pin:
            self.click(form.keypad.keys[char])
        self.click(form.reason)
        form.reason.clear()
        event = QInputMethodEvent()
        event.setCommitString(reason)
        QApplication.sendEvent(form.reason, event)
        self.click(form.approve_button)
        self.settle()

    def open(self, name: str, **args: Any) -> Any:
        self.nav.go(name, **args)
        self.settle()
        screen = self.nav.current
        assert isinstance(screen, Screen) and screen.name == name
        return screen

    def look(self, name: str, sizes: tuple[tuple[int, int], ...] = ((1920, 1080), (1280, 800))) -> None:
        """The window as shown, at the panel ``sizes`` (a second look at a screen takes the small panel
        alone, where things run short), both languages and both text sizes, with nothing clipped, cut
        off or missing; PNGs into $OFFICE_SNAPSHOTS when set. The current text size and language
        first: one app-wide restyle a look, not eight."""
        out = Path(os.environ["OFFICE_SNAPSHOTS"]) if os.environ.get("OFFICE_SNAPSHOTS") else None
        for large in sorted((False, True), key=lambda mode: mode != self.window.large_text):
            self.window.set_large_text(large)
            for lang in sorted(i18n.LANGUAGES, key=lambda shown: shown != i18n.current_language()):
                for width, height in sizes:
                    where = f"{name} {lang} {width}x{height}{' large' if large else ''}"
                    png = out / f"{name}-{lang}-{width}x{height}{'-large' if large else ''}.png" if out else None
                    image = render(self.window, png, size=(width, height), lang=lang, large=large, mode="staff")
                    problems = overflow(self.window, (width, height)) + clipped_texts(self.window) \
                        + missing_glyphs(self.window)
                    assert (image.width(), image.height()) == (width, height), where
                    assert not problems, f"{where}: {[str(p) for p in problems]}"
        i18n.switch_language("zh_CN")
        self.window.set_large_text(False)
        self.settle()


@pytest.fixture(name="desk")
def desk_fixture(qapp: Any, qtbot: Any, site: Site) -> Iterator[Desk]:
    from ui.screens.office.acceptance import AcceptanceScreen
    from ui.screens.office.contracts import ContractsScreen
    from ui.screens.office.payments import PaymentsScreen

    config = load_config(site.data_dir)
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        ctx = AppContext(kiosk, open_devices(config), runner, poll_ms=20)
        window = build_window(ctx, [Entry(AcceptanceScreen), Entry(ContractsScreen), Entry(PaymentsScreen)], idle_poll_ms=10_000)
        qtbot.addWidget(window, before_close_func=MainWindow.dispose)
        window.resize(1920, 1080)
        window.start()
        window.show()
        yield Desk(ctx, window, qtbot)
        ctx.stop_polling()
        runner.shutdown()
        qapp.setStyleSheet("")
