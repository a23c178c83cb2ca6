"""The technician decommissions the kiosk through the real widgets: the outbox handed on by a sync
with a real county gateway on 127.0.0.1, or sealed onto a (folder standing for a) USB stick; the
wipe locked until then, again when a record is written after the export, and run only by a hold
held to its end; the data key wiped, the keys removed and the step audited. Refusals (unreachable
gateway, no sync layer, a staff member) are said on screen with nothing wiped."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import load_config
from kiosk.decommission import MARKER_FILE, Decommissioned
from kiosk.identity import ensure_device_keys, is_enrolled
from kiosk.services.staff import Actor
from kiosk.store.opening import open_store
from kiosk.vault import KEY_FILE
from sync.courier import GatewayCourier
from sync.enroll import EnrollTarget, enroll
from sync.export import SUFFIX
from sync.lock import AgentLock
from sync.transport import RequestsTransport
from ui import i18n
from ui.qt import QBoxLayout, QLabel, QPoint, Qt, QTextLayout, QTextOption
from ui.snapshot import render
from ui.screens.technician.decommission import DecommissionScreen

from .conftest import Site, Tech, running

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sync"))

from sync_gateway import LiveGateway  # noqa: E402

HOLD_MS = 600  # the screen's three seconds, shortened: the test is about what a hold does, not its length


@pytest.fixture
def courier_tech(qapp: Any, qtbot: Any, site: Site, data_dir: Path) -> Iterator[Tech]:
    """Enrolled at a gateway that is not there (127.0.0.1:9), with device keys, the sync layer as courier."""
    ensure_device_keys(load_config(data_dir).key_dir)
    with running(qapp, qtbot, data_dir, courier=GatewayCourier()) as tech:
        yield tech


def with_stick(screen: DecommissionScreen, tmp_path: Path) -> Path:
    media = tmp_path / "media"
    stick = media / "USB-KIOSK"
    stick.mkdir(parents=True, exist_ok=True)
    screen.sticks.roots = (media,)
    screen.sticks.is_volume = lambda path: path.name.startswith("USB")
    screen.wipe_button.hold_ms = HOLD_MS
    return stick


def hold(tech: Tech, screen: DecommissionScreen, *, to_the_end: bool = True) -> None:
    """A finger on the red button until it is full, or lifted as soon as it starts to fill."""
    button = screen.wipe_button
    assert button.isVisible() and button.isEnabled()
    tech.qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    if to_the_end:
        tech.qtbot.waitUntil(lambda: not button.holding, timeout=5_000)
    else:
        tech.qtbot.waitUntil(lambda: button.progress > 0, timeout=5_000)
        assert button.holding
    tech.qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    tech.settle()


def audited(site: Site) -> list[tuple[str, str, dict[str, Any]]]:
    rows = site.store.conn.execute("SELECT actor, subject, detail FROM audit WHERE action = 'device.decommissioned'"
                                   ).fetchall()
    return [(actor, subject, json.loads(detail)) for actor, subject, detail in rows]


def test_exported_to_a_stick_then_held_to_wipe(courier_tech: Tech, site: Site, tmp_path: Path) -> None:
    tech = courier_tech
    key_dir = load_config(site.data_dir).key_dir
    site.records(3)
    screen = tech.decommission
    stick = with_stick(screen, tmp_path)
    tech.open_decommission()
    assert screen.backlog.text().replace("\xa0", " ") == "设备 d-test · 3 条记录尚未送达县平台 · 隔离 0 条"
    assert not screen.wipe_button.isEnabled()
    assert screen.wipe_state.text() == "已锁定：请先移交这 3 条记录（第 1 步）。"
    tech.click(screen.export_button)
    tech.settle()
    batches = sorted(stick.glob(f"*{SUFFIX}"))
    assert batches and all(path.stat().st_size > 0 for path in batches)
    assert screen.step1_state.text() == "✔ 3 条记录已写入U盘 USB-KIOSK。请把U盘交县平台导入。"
    assert screen.wipe_button.isEnabled()
    # A record written after the export locks the wipe again until it is exported too.
    site.records(1)
    tech.qtbot.waitUntil(lambda: screen.view is not None and screen.view.pending == 4, timeout=5_000)
    assert not screen.wipe_button.isEnabled()
    assert screen.wipe_state.text() == "已锁定：请先移交这 4 条记录（第 1 步）。"
    tech.qtbot.wait(550)  # the export button ignores a second tap within 500 ms
    tech.click(screen.export_button)
    tech.settle()
    assert screen.wipe_button.isEnabled()
    # Lifted early: nothing happens.
    hold(tech, screen, to_the_end=False)
    tech.qtbot.wait(HOLD_MS)
    assert screen.wipe_button.progress == 0.0
    assert screen.done is None and (key_dir / KEY_FILE).exists() and is_enrolled(key_dir)
    hold(tech, screen)
    assert screen.done is not None and screen.result.isVisible() and not screen.steps.isVisible()
    assert screen.result.text().startswith(f"✔ 本机已于 {screen.done.at} 由 technician:T001 停用：")
    assert "数据密钥已销毁。4 条记录经U盘交县平台。数据再也无法读取。" in screen.result.text()
    assert not (key_dir / KEY_FILE).exists() and not is_enrolled(key_dir)
    assert not any((key_dir / name).exists() for name in ("device_sign.key", "device_kem.key"))
    marker = json.loads((key_dir / MARKER_FILE).read_text(encoding="utf-8"))
    assert marker["exported_records"] == 4 and marker["exported_to"] == str(stick)
    assert audited(site) == [("technician:T001", "d-test", {"exported_records": 4})]
    with pytest.raises(Decommissioned):
        open_store(load_config(site.data_dir))
    tech.click(screen.close_button)
    assert not tech.window.isVisible()


def test_an_unreachable_gateway_and_no_stick_leave_the_wipe_locked(courier_tech: Tech, site: Site,
                                                                    tmp_path: Path) -> None:
    tech = courier_tech
    site.records(2)
    screen = tech.decommission
    media = tmp_path / "media"
    media.mkdir()
    screen.sticks.roots = (media,)
    screen.sticks.is_volume = lambda path: path.name.startswith("USB")
    tech.open_decommission()
    assert screen.sticks.none.isVisible() and not screen.export_button.isEnabled()
    # While the sync agent runs a cycle of its own, sync now waits for it.
    with AgentLock(site.data_dir):
        tech.click(screen.sync_button)
        tech.settle()
    assert screen.problem.text() == ("✖ 同步程序正在发送。请等一分钟，看上方的数目减少，或导出到U盘。 "
                                     "[agent_locked]")
    tech.qtbot.wait(550)  # the sync button ignores a second tap within 500 ms
    tech.click(screen.sync_button)
    tech.settle()
    assert not screen.problem.isVisible()
    assert screen.step1_state.text() == "✖ 同步失败 [network]：请检查网络，或导出到U盘。"
    assert screen.step1_state.property("state") == "error"
    assert screen.view is not None and screen.view.pending == 2 and not screen.wipe_button.isEnabled()
    # A stick plugged in later, found by 重新查找, then pulled before the export.
    (media / "USB-A").mkdir()
    tech.click(screen.sticks.refresh)
    tech.settle()
    assert screen.sticks.buttons[0].text() == "▶ USB-A" and screen.export_button.isEnabled()
    (media / "USB-A").rmdir()
    tech.click(screen.export_button)
    tech.settle()
    assert screen.problem.text() == "✖ 找不到U盘了。请重新插入，点“重新查找”后再选择它。 [media_gone]"
    assert not screen.sticks.media and not screen.wipe_button.isEnabled()
    assert is_enrolled(load_config(site.data_dir).key_dir) and audited(site) == []
    tech.look("decommission-locked")


def test_synced_with_a_real_gateway_then_wiped(qapp: Any, qtbot: Any, unenrolled_site: Site, data_dir: Path,
                                               tmp_path: Path) -> None:
    gateway = LiveGateway(tmp_path / "county.sqlite").start()
    try:
        offer = gateway.token("JX-SP01")
        transport = RequestsTransport()
        enroll(load_config(data_dir), transport, EnrollTarget(offer.url, offer.token, offer.fingerprint,
                                                              offer.service_point))
        transport.close()
        unenrolled_site.records(2)
        with running(qapp, qtbot, data_dir, courier=GatewayCourier()) as tech:
            screen = tech.decommission
            screen.wipe_button.hold_ms = HOLD_MS
            tech.open_decommission()
            assert screen.view is not None and screen.view.pending >= 2 and not screen.wipe_button.isEnabled()
            tech.click(screen.sync_button)
            tech.settle()
            assert screen.view.pending == 0
            assert screen.step1_state.text() == "✔ 县平台已收到本机的全部记录。"
            assert not screen.sync_button.isEnabled() and screen.wipe_button.isEnabled()
            hold(tech, screen)
            assert screen.done is not None and screen.done.exported_records == 0
            assert not (load_config(data_dir).key_dir / KEY_FILE).exists()
    finally:
        gateway.stop()


def test_refused_without_the_sync_layer_and_for_staff(tech: Tech, site: Site, tmp_path: Path) -> None:
    site.records(1)
    screen = tech.decommission
    stick = with_stick(screen, tmp_path)
    tech.open_decommission()
    tech.click(screen.export_button)
    tech.settle()
    assert screen.problem.text() == ("✖ 本程序无法连接同步组件。请在命令行停用：kiosk decommission。 "
                                     "[no_courier]")
    assert list(stick.iterdir()) == [] and not screen.wipe_button.isEnabled()
    tech.ctx.sign_in(Actor("S001", "staff"))
    tech.nav.go("technician_decommission")
    assert screen.denied.isVisible() and not screen.body.isVisible()
    assert is_enrolled(load_config(site.data_dir).key_dir)


def lines(label: QLabel) -> list[str]:
    """The lines a word-wrapped label shows at its width."""
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    shown = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        shown.append(label.text()[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return shown


def test_the_backlog_wraps_between_its_facts_and_the_steps_turn_on_a_portrait_panel(
        courier_tech: Tech, site: Site) -> None:
    """Where the summary beside the title wraps, it wraps at a `` · ``: "0 / quarantined" at a line's end and
    the next line's start read as two facts. On a portrait panel the summary goes under the title, a step's
    words under its name and its buttons each on a row (in a row the stick chooser's message took four lines
    between them)."""
    tech = courier_tech
    site.records(12)
    screen = tech.open_decommission()
    for size in ((1280, 800), (1080, 1920)):
        render(tech.window, None, size=size, lang="en", large=True, mode="staff")
        shown = lines(screen.backlog)
        assert all(line.rstrip().endswith("·") for line in shown[:-1]), (size, shown)
    assert len(shown) == 1, "under the title on a portrait panel, across its width"
    assert screen.backlog.mapTo(screen, QPoint(0, 0)).y() > screen.title.mapTo(screen, QPoint(0, 0)).y()
    portrait = screen.step1_actions.direction() == QBoxLayout.Direction.TopToBottom
    assert portrait and all(row.direction() == QBoxLayout.Direction.TopToBottom for row in screen.named)
    sync, export = screen.sync_button, screen.export_button
    assert export.mapTo(screen, QPoint(0, 0)).y() > screen.sticks.mapTo(screen, QPoint(0, 0)).y() \
        > sync.mapTo(screen, QPoint(0, 0)).y()
    i18n.switch_language("zh_CN")
