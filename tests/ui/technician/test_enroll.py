"""The technician enrolls the kiosk through the real widgets at a real county gateway on 127.0.0.1:
the enrollment QR held up to the simulated camera, or the address and token typed; the fingerprint
shown before anything is pinned; every refusal (bad code, unknown or used token, unreachable gateway,
a gateway whose key is not the code's, an enrolled kiosk) said on screen with nothing stored."""

from __future__ import annotations

import dataclasses
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from hardware.camera.sim_scene import code_held_up
from hardware.devices import CameraDevice
from kiosk.app.enrollment import AlreadyEnrolled, typed_code
from kiosk.config import load_config
from kiosk.identity import is_enrolled, load_enrollment
from kiosk.services.staff import Actor
from sync import wire
from sync.enroll import GatewayEnroller
from ui.screens.technician.enroll import CONFIRM, DONE, ENROLLED, grouped

from .conftest import Site, Tech, running

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sync"))

from sync_gateway import LiveGateway  # noqa: E402

SERVICE_POINT = "JX-SP01"


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    """One gateway for the module: every test takes tokens of its own."""
    live = LiveGateway(tmp_path_factory.mktemp("county") / "county.sqlite").start()
    yield live
    live.stop()


@pytest.fixture
def fresh(qapp: Any, qtbot: Any, unenrolled_site: Site, data_dir: Path) -> Iterator[Tech]:
    with running(qapp, qtbot, data_dir, GatewayEnroller()) as tech:
        yield tech


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def hold_up(tech: Tech, text: str) -> None:
    camera = tech.ctx.devices.camera
    assert isinstance(camera, CameraDevice) and camera.scene is not None
    camera.scene.hold_up(code_held_up(text))


def type_code(tech: Tech, url: str, token: str) -> None:
    screen = tech.enroll
    tech.click(screen.url)
    tech.qtbot.keyClicks(screen.url, url)
    tech.click(screen.token)
    tech.qtbot.keyClicks(screen.token, token)


def connect(tech: Tech) -> None:
    tech.click(tech.enroll.connect_button)
    tech.settle()


def audited(site: Site, action: str) -> list[tuple[str, str, dict[str, Any]]]:
    rows = site.store.conn.execute("SELECT actor, subject, detail FROM audit WHERE action = ?",
                                   (action,)).fetchall()
    return [(actor, subject, json.loads(detail)) for actor, subject, detail in rows]


def test_a_scanned_code_is_pinned_only_after_the_fingerprint_is_confirmed(
        fresh: Tech, unenrolled_site: Site, gateway: LiveGateway) -> None:
    key_dir = load_config(unenrolled_site.data_dir).key_dir
    offer = gateway.token(SERVICE_POINT)
    screen = fresh.open_enroll()
    assert screen.scan_state.text() == "请将县平台的注册二维码对准摄像头，距离约 20 厘米。"
    hold_up(fresh, offer.to_qr_text())
    fresh.qtbot.waitUntil(lambda: screen.code is not None, timeout=10_000)
    assert screen.scan_state.text() == f"✔ 已读取注册码：网关 {gateway.url}，服务点 {SERVICE_POINT}。"
    assert not screen.preview.pixmap().isNull()  # the camera picture, the code outlined on it
    assert screen.url.text() == gateway.url
    connect(fresh)
    assert screen.state == CONFIRM and screen.confirming.isVisible() and not screen.entry.isVisible()
    assert screen.fingerprint.text() == grouped(offer.fingerprint)
    assert screen.fingerprint.text().replace(" ", "").replace("\n", "") == offer.fingerprint
    assert "与所扫注册码一致" in screen.compare.text()
    assert not is_enrolled(key_dir)  # the gateway answered; nothing is pinned until the technician confirms
    fresh.click(screen.confirm_button)
    fresh.settle()
    assert screen.state == DONE
    record = load_enrollment(key_dir)
    assert record.fingerprint == offer.fingerprint and record.service_point == SERVICE_POINT
    assert record.gateway_url == gateway.url
    assert screen.message.text() == f"✔ 已注册为服务点 {SERVICE_POINT} 的设备 {record.device_id}。现在可以启动同步程序。"
    assert audited(unenrolled_site, "device.enrolled") == [
        ("technician:T001", record.device_id, {"fingerprint": offer.fingerprint, "gateway_url": gateway.url,
                                               "pinned_from": "qr", "service_point": SERVICE_POINT})]
    assert record.device_id in {row[0] for row in gateway.query("SELECT device_id FROM devices")}
    # Back on the screen later: the kiosk says it is enrolled and offers no way to enroll over it.
    fresh.click(screen.again_button)
    fresh.settle()
    assert screen.state == ENROLLED and not screen.entry.isVisible()
    assert record.device_id in screen.message.text() and offer.fingerprint in screen.detail.text()


def test_a_typed_token_shows_the_key_to_compare_and_a_declined_key_stores_nothing(
        fresh: Tech, unenrolled_site: Site, gateway: LiveGateway) -> None:
    key_dir = load_config(unenrolled_site.data_dir).key_dir
    offer = gateway.token(SERVICE_POINT)
    screen = fresh.open_enroll()
    type_code(fresh, gateway.url, offer.token)
    connect(fresh)
    assert screen.state == CONFIRM
    assert screen.fingerprint.text() == grouped(offer.fingerprint)
    assert "逐组核对" in screen.compare.text()  # trusted on first use: the technician is the check
    fresh.click(screen.decline_button)
    assert not is_enrolled(key_dir) and audited(unenrolled_site, "device.enrolled") == []
    assert screen.message.text() == "未保存任何内容。请告知县平台指纹不一致，只用县平台确认过的注册码注册。"
    assert screen.entry.isVisible() and screen.token.text() == ""
    # The gateway answers the same device's token again (a retry), so a tap on the wrong answer is undone.
    fresh.click(screen.token)
    fresh.qtbot.keyClicks(screen.token, offer.token)
    fresh.qtbot.wait(550)  # the connect button ignores a second tap within 500 ms
    connect(fresh)
    assert screen.state == CONFIRM and not screen.message.isVisible() and not is_enrolled(key_dir)


def used_elsewhere(gateway: LiveGateway) -> str:
    """A token another device enrolled with first (its own keys, over HTTP)."""
    offer = gateway.token(SERVICE_POINT)
    body = wire.canonical_json(wire.enroll_request(offer.token, wire.KeyPair.generate()))
    answer = requests.post(gateway.url + wire.kinds.PATH_ENROLL, data=body, timeout=10,
                           headers={"Content-Type": "application/json"})
    assert answer.status_code == 200, answer.text
    return offer.token


@pytest.mark.parametrize("case", ["bad_url", "unknown_token", "used_token", "unreachable"])
def test_typed_refusals_store_nothing(fresh: Tech, unenrolled_site: Site, gateway: LiveGateway, case: str) -> None:
    url, token, text, code = {
        "used_token": (gateway.url, used_elsewhere(gateway), "✖ 此令牌已被使用。请向县平台申请新的令牌。", "token_used"),
        "bad_url": ("gateway.example:8443", "a" * 20, "✖ 网关地址须以 http:// 或 https:// 开头。请改正。", "invalid"),
        "unknown_token": (gateway.url, "Z" * 24, "✖ 网关不认识此令牌。请核对，或申请新的令牌。", "token_unknown"),
        "unreachable": (f"http://127.0.0.1:{closed_port()}", gateway.token(SERVICE_POINT).token,
                        "✖ 无法连接网关。请检查地址和网线后重试。", "network"),
    }[case]
    screen = fresh.open_enroll()
    type_code(fresh, url, token)
    connect(fresh)
    assert screen.message.text() == text and screen.message.property("state") == "error"
    assert screen.detail.text().startswith(f"[{code}]")
    assert screen.entry.isVisible() and screen.url.text() == url  # kept to be corrected
    assert not is_enrolled(load_config(unenrolled_site.data_dir).key_dir)


def test_scanned_refusals_a_foreign_code_and_a_gateway_with_another_key(
        fresh: Tech, unenrolled_site: Site, gateway: LiveGateway) -> None:
    key_dir = load_config(unenrolled_site.data_dir).key_dir
    screen = fresh.open_enroll()
    hold_up(fresh, "https://example.com/not-an-enrollment")
    fresh.qtbot.waitUntil(lambda: screen.message.isVisible(), timeout=10_000)
    assert screen.message.text() == "✖ 这不是一体机注册码。请出示县平台发放的注册二维码。"
    assert screen.code is None and not screen.connect_button.isEnabled()
    # A code whose fingerprint is not the gateway's key: someone else's server, or a forged code.
    offer = dataclasses.replace(gateway.token(SERVICE_POINT), fingerprint=wire.KeyPair.generate().public.fingerprint())
    hold_up(fresh, offer.to_qr_text())
    fresh.click(screen.scan_button)
    fresh.qtbot.waitUntil(lambda: screen.code is not None, timeout=10_000)
    connect(fresh)
    assert screen.message.text() == "✖ 网关的密钥与注册码上的不一致，未保存任何内容。请勿使用此网关，并联系县平台。"
    assert screen.detail.text().startswith("[fingerprint_mismatch]")
    assert screen.state != CONFIRM and not is_enrolled(key_dir)


def test_an_enrolled_kiosk_and_a_staff_member_are_refused(tech: Tech, site: Site) -> None:
    screen = tech.open_enroll()
    assert screen.state == ENROLLED and not screen.entry.isVisible()
    assert screen.message.text().startswith("本机已注册为服务点 JX-SP01 的设备 d-test")
    # The core refuses too, whatever a screen shows: the pinned key is never replaced from here.
    with pytest.raises(AlreadyEnrolled):
        tech.ctx.kiosk.request_enrollment(typed_code("http://127.0.0.1:9", "a" * 20))
    tech.ctx.sign_in(Actor("S001", "staff"))
    tech.nav.go("technician_enroll")
    assert screen.denied.isVisible() and not screen.body.isVisible()


def test_enroll_in_both_languages_and_sizes(fresh: Tech, gateway: LiveGateway) -> None:
    screen = fresh.open_enroll()
    offer = gateway.token(SERVICE_POINT)
    type_code(fresh, "http://127.0.0.1:9", "Z" * 24)
    connect(fresh)
    assert screen.message.isVisible()
    fresh.look("enroll-refused")
    screen.url.clear()
    fresh.qtbot.keyClicks(screen.url, gateway.url)
    screen.token.clear()
    fresh.qtbot.keyClicks(screen.token, offer.token)
    fresh.qtbot.wait(550)
    connect(fresh)
    assert screen.state == CONFIRM
    fresh.look("enroll-confirm")
