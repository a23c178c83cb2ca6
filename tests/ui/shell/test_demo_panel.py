"""The demo's side panel over a real kiosk configured as ``kiosk demo`` configures it, with the demo's
staged sample cases: its buttons drive the simulated card reader and camera, and the real identify
screen reads the buyer through its device buses (offscreen)."""

from __future__ import annotations

import dataclasses
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hardware.devices import CameraDevice, CardReaderDevice, open_devices
from kiosk.app import open_kiosk
from kiosk.cli.demo_cmd import configure, demo_logins, stage_cases
from kiosk.config import CONFIG_NAME, load_config
from kiosk.privacy import mask_id
from kiosk.services import payments
from kiosk.services.simulate import SIMULATOR
from ui.context import AppContext
from ui.navigation import Navigator
from ui.qt import QApplication, QLabel, QPushButton, Qt, QTextLayout, QTextOption, QTimer
from ui.screens.base import Screen
from ui.screens.buyer import SCREENS
from ui.screens.buyer.identify import IdentifyScreen
from ui.screens.buyer.my_case import MyCaseScreen
from ui.shell.demo_panel import PANEL_WIDTH, DemoPanel, DemoPerson, PersonRow, quit_on_signals
from ui.snapshot import clipped_texts, missing_glyphs, render
from ui.tasks import TaskRunner

PROJECT_ROOT = Path(__file__).resolve().parents[3]


class Welcome(Screen):
    name = "welcome"

    def retranslate(self) -> None:
        pass


@pytest.fixture
def people(data_dir: Path) -> list[DemoPerson]:
    configure(data_dir / CONFIG_NAME, {("sync", "interval_seconds"): "2",
                                       ("devices", "card_reader"): '"sim://?card=none"'})
    return stage_cases(data_dir)


@pytest.fixture
def demo_ctx(qapp: object, data_dir: Path, people: list[DemoPerson]) -> Iterator[AppContext]:
    config = load_config(data_dir)
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        context = AppContext(kiosk, open_devices(config), runner, training=True, poll_ms=50)
        yield context
        context.stop_polling()
        runner.shutdown()


@pytest.fixture
def nav(demo_ctx: AppContext, qtbot: Any) -> Iterator[Navigator]:
    navigator = Navigator(demo_ctx)
    qtbot.addWidget(navigator)
    navigator.add(Welcome(demo_ctx), home=True)
    for screen in SCREENS:
        navigator.add(screen(demo_ctx))
    identify = navigator.screen_named("identify")
    assert isinstance(identify, IdentifyScreen)
    identify.prompt_seconds = 0.5
    navigator.resize(1920, 1080)
    navigator.show()
    yield navigator
    navigator.home()


@pytest.fixture
def panel(demo_ctx: AppContext, people: list[DemoPerson], qtbot: Any) -> DemoPanel:
    widget = DemoPanel(demo_ctx.devices, people, demo_logins())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def tap(button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    button.click()


def row_of(panel: DemoPanel, stage: str) -> PersonRow:
    return next(row for row in panel.rows if row.person.stage == stage)


def test_the_demo_stages_a_case_per_walk_with_its_buyers(people: list[DemoPerson]) -> None:
    stages = [p.stage for p in people]
    assert stages == ["drafted", "drafted", "keys_ready", "checked", "delivered"], "two co-owners sign"
    assert len({p.unit_code for p in people}) == 4 and len({p.id_number for p in people}) == 5


def test_the_panel_lists_buyers_masked_with_where_their_case_stands(panel: DemoPanel) -> None:
    texts = " ".join(label.text() for label in panel.findChildren(QLabel))
    for row in panel.rows:
        assert row.person.id_number not in texts
        assert f"{row.person.name}   {mask_id(row.person.id_number)}" == row.who.text()
    assert row_of(panel, "keys_ready").stage.text() == "可到柜台办理交房"
    assert row_of(panel, "keys_ready").card_button.text() == "放置身份证"
    assert "T001" in panel.logins_label.text() and "S001" in panel.logins_label.text()
    assert panel.reader_state.text() == "读卡器上没有身份证。" and not panel.remove_button.isEnabled()


def test_the_panel_lays_each_sample_staff_members_own_card_on_the_reader(
        panel: DemoPanel, demo_ctx: AppContext) -> None:
    reader = demo_ctx.devices.card_reader
    assert reader is not None and reader.card_slot is not None
    assert [b.text() for b in panel.login_cards] == ["S001", "S003", "T001"]
    assert panel.logins_label.text().endswith("把工作人员的身份证放到读卡器上：")
    for login, button in zip(panel.logins, panel.login_cards, strict=True):
        tap(button)
        card = reader.card_slot.card
        assert card is not None and (card.id_number, card.name) == (login.id_number, login.name)
        assert panel.reader_state.text() == f"读卡器上：{login.name}的身份证" and panel.remove_button.isEnabled()
    assert login.id_number not in " ".join(label.text() for label in panel.findChildren(QLabel))


def test_placing_a_card_makes_the_identify_screen_read_that_buyer(
        nav: Navigator, panel: DemoPanel, demo_ctx: AppContext, qtbot: Any) -> None:
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    qtbot.waitUntil(lambda: screen.prompts >= 1, timeout=10_000)
    assert nav.current is screen, "no card on the demo's reader yet"
    row = row_of(panel, "keys_ready")
    qtbot.mouseClick(row.card_button, Qt.MouseButton.LeftButton)
    assert panel.reader_state.text() == f"读卡器上：{row.person.name}的身份证" and panel.remove_button.isEnabled()
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    found = nav.current
    assert isinstance(found, MyCaseScreen) and [c.unit_code for c in found.cases] == [row.person.unit_code]
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    reader = demo_ctx.devices.card_reader
    assert reader is not None and reader.card_slot is not None and reader.card_slot.card is None
    assert panel.reader_state.text() == "读卡器上没有身份证。"


def test_a_card_taken_away_before_the_read_is_not_read(
        nav: Navigator, panel: DemoPanel, qtbot: Any) -> None:
    # Placed and taken away before the identify screen starts reading: a reader polling in between
    # the two taps would rightly read it, so the taps come first.
    row = row_of(panel, "delivered")
    qtbot.mouseClick(row.card_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    first = screen.prompts
    # Two more rounds of the reader without a card (slow when the machine is busy), and still no read.
    qtbot.waitUntil(lambda: screen.prompts >= first + 2 or nav.current is not screen, timeout=60_000)
    assert nav.current is screen, "the card was gone before the reader's next round"


def test_showing_a_qr_makes_the_camera_path_read_that_buyer(
        nav: Navigator, panel: DemoPanel, demo_ctx: AppContext, qtbot: Any) -> None:
    screen = nav.go("identify")
    assert isinstance(screen, IdentifyScreen)
    qtbot.mouseClick(screen.way_buttons["qr"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.preview.pixmap().isNull(), timeout=10_000)
    assert nav.current is screen, "an empty counter top has no code"
    row = row_of(panel, "delivered")
    qtbot.mouseClick(row.qr_button, Qt.MouseButton.LeftButton)
    assert panel.camera_state.text() == f"摄像头前：{row.person.name}的二维码"
    qtbot.waitUntil(lambda: isinstance(nav.current, MyCaseScreen), timeout=20_000)
    found = nav.current
    assert isinstance(found, MyCaseScreen) and [c.unit_code for c in found.cases] == [row.person.unit_code]
    qtbot.mouseClick(panel.take_away_button, Qt.MouseButton.LeftButton)
    camera = demo_ctx.devices.camera
    assert camera is not None and camera.scene is not None and camera.scene.picture is None
    assert not panel.take_away_button.isEnabled()


def test_real_devices_are_not_worked_from_the_panel(
        demo_ctx: AppContext, people: list[DemoPerson], qtbot: Any) -> None:
    devices = dataclasses.replace(demo_ctx.devices, card_reader=CardReaderDevice("serial:///dev/ttyUSB9"),
                                  camera=CameraDevice("cam://0"))
    widget = DemoPanel(devices, people)
    qtbot.addWidget(widget)
    assert not any(row.card_button.isEnabled() or row.qr_button.isEnabled() for row in widget.rows)
    assert widget.reader_state.text() == "读卡器不是模拟设备。"
    assert widget.camera_state.text() == "摄像头不是模拟设备。"
    assert not widget.logins_label.isVisible()


def test_the_panel_follows_the_language_and_fits(panel: DemoPanel, qtbot: Any, tmp_path: Path) -> None:
    row = row_of(panel, "drafted")
    panel.place_card(row.person)
    for lang in ("zh_CN", "en"):
        for height in (1080, 800):  # beside a kiosk window on a 1920x1080 and a 1280x800 screen
            render(panel, tmp_path / f"demo-panel-{lang}-{height}.png", size=(PANEL_WIDTH, height), lang=lang,
                   mode="staff")
            assert clipped_texts(panel) == [], (lang, height)
            assert missing_glyphs(panel) == [], (lang, height)
    assert row.card_button.text() == "Place ID card" and panel.remove_button.text() == "Remove card"
    assert panel.reader_state.text() == f"On the reader: {row.person.name}"


def test_kiosk_run_never_loads_the_panel() -> None:
    code = ("import sys, ui.shell.app, ui.shell.registry, kiosk.cli\n"
            "kiosk.cli.build_parser()\n"
            "sys.exit(1 if 'ui.shell.demo_panel' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, timeout=120).returncode == 0


def test_the_panel_stays_beside_the_kiosk_window_as_it_grows(panel: DemoPanel, qtbot: Any) -> None:
    from ui.qt import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(0, 0, 100, 300)
    window.show()
    panel.place_beside(window)
    screen = window.screen().availableGeometry()
    assert panel.height() <= screen.height()
    assert panel.x() == min(window.frameGeometry().right() + 1 + 16, screen.right() + 1 - panel.width())
    before = panel.x()
    window.resize(200, 300)
    qtbot.waitUntil(lambda: panel.x() != before, timeout=5_000)
    assert panel.x() == min(window.frameGeometry().right() + 1 + 16, screen.right() + 1 - panel.width())


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_while_the_app_starts_ends_the_loop_when_it_runs(qapp: QApplication, signum: int) -> None:
    """Ctrl+C in the terminal before the app's loop runs (the window is still being built, the
    demo's agent already syncs) used to be lost: the demo ran on until it was killed."""
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    waker = quit_on_signals(qapp)
    guard = QTimer()  # a lost signal fails the test instead of hanging it
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(1))
    try:
        signal.raise_signal(signum)  # the handler runs here, before the loop
        guard.start(10_000)
        assert qapp.exec() == 0
    finally:
        guard.stop()
        waker.stop()
        for s, handler in before.items():
            signal.signal(s, handler)


def test_outside_next_step_stands_in_for_the_platform_the_bank_and_the_developer(
        demo_ctx: AppContext, people: list[DemoPerson], qtbot: Any) -> None:
    def on_store(fn: Any) -> Any:
        task = demo_ctx.call(fn)
        with qtbot.waitSignal(task.succeeded, timeout=60_000) as done:
            pass
        return done.args[0]

    filed = on_store(lambda k: k.stage_sample("filed").value)
    buyer = on_store(lambda k: k.case(filed).holders[0])
    paying = DemoPerson(buyer.name, "", filed, "filed")
    widget = DemoPanel(demo_ctx.devices, [*people, paying], demo_logins(),
                       outside=lambda unit: demo_ctx.call(lambda k, u: k.platform_step(u).value, unit))
    qtbot.addWidget(widget)
    widget.show()

    def step(row: PersonRow, expected: str) -> None:
        qtbot.wait(550)  # a person's pace: past the double-tap guard
        qtbot.mouseClick(row.outside_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: row.stage.text() == expected and row.outside_button.isEnabled(), timeout=60_000)

    step(row_of(widget, "drafted"), "请先由买受人在自助机上签署合同。")
    step(row_of(widget, "checked"), "外部环节已全部完成：请到柜台办理交房。")
    row = widget.rows[-1]
    assert row.outside_button.text() == "外部下一步" and row.stage.text() == "合同已备案，待缴费"
    step(row, "请先在自助机的缴费页面打开缴费码。")
    order = on_store(lambda k: k.run(payments.create_order, SIMULATOR, filed).value)
    step(row, "买受人已扫码缴费，银行已确认每一项到账。")
    assert on_store(lambda k: k.order(order).state) == "paid"
    step(row, "登记机构已登簿，不动产权证书号已下达。")
    step(row, "开发企业已确认钥匙就绪：请到柜台办理交房。")
    assert on_store(lambda k: k.case(filed).stage) == "ready"
    step(row, "外部环节已全部完成：请到柜台办理交房。")


def test_each_pin_stays_on_the_line_of_its_name(panel: DemoPanel) -> None:
    """Beside a 1280x800 kiosk window the credentials wrap: a PIN's figures never start a line by themselves
    (they did: "Technician (closes the demo): number T001, PIN" and "902715" under it)."""
    assert panel.logins
    for lang in ("zh_CN", "en"):
        render(panel, None, size=(PANEL_WIDTH, 800), lang=lang, mode="staff")
        label = panel.logins_label
        layout = QTextLayout(label.text(), label.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        starts = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(label.contentsRect().width())
            starts.append(label.text()[line.textStart():].lstrip("\n"))
        layout.endLayout()
        for login in panel.logins:
            for figures in (login.pin, login.staff_id):
                assert not any(start.startswith(figures) for start in starts), (lang, figures)
