"""The technician tries each simulated device through the real widgets, each on its own device thread:
the camera's live picture with the code held up outlined, read and the frame rate shown; a card read
and shown masked, and no card said; the receipt printer's status and test receipt, and a printer out
of paper or with its cover open said as such; the A4 test page printed naming the printer, the time and
this terminal (read back from the simulator's PDF); the A4 calibration page printed with the offsets in use,
the offsets stepped and saved to ``a4_calibration.json`` (audited), and a refusing A4 printer said."""

from __future__ import annotations

import dataclasses
import json
import subprocess

import numpy as np

from hardware.a4 import CalibrationBook
from hardware.camera.sim_scene import code_held_up
from hardware.devices import A4PrinterDevice, CameraDevice, CardReaderDevice
from hardware.idcard.simulator import DEFAULT_CARD, SAMPLE_CARDS
from hardware.printer.sim import STATUS_FILE
from kiosk.privacy import mask_id
from kiosk.services.staff import Actor
from ui import i18n
from ui.qt import QImage, QPoint
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render

from .conftest import Site, Tech


def test_camera_preview_then_a_card_read_masked_and_no_card_said(tech: Tech) -> None:
    camera = tech.ctx.devices.camera
    assert isinstance(camera, CameraDevice) and camera.scene is not None
    camera.scene.hold_up(code_held_up("JX-TEST-CODE-42"))
    screen = tech.open_device_tests()
    assert screen.camera_state.text() == "摄像头已停止。" and screen.preview.pixmap().isNull()
    tech.click(screen.camera_button)
    tech.qtbot.waitUntil(lambda: len(screen._shown_at) >= 3 and bool(screen.codes), timeout=10_000)
    assert screen.codes[0] == "JX-TEST-CODE-42" and screen.fps > 0
    assert screen.camera_state.text() == f"{screen.fps:.1f} 帧/秒 · ✔ 已读到码：JX-TEST-CODE-42"
    image = screen.preview.pixmap().toImage().convertToFormat(QImage.Format.Format_RGB888)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    rgb = pixels[:, : image.width() * 3].reshape(image.height(), image.width(), 3)
    # The outline is drawn in green over a black-and-white code.
    red, green, blue = (rgb[:, :, n].astype(int) for n in range(3))
    assert ((green - np.maximum(red, blue)) > 30).sum() > 50
    tech.click(screen.camera_button)
    assert screen.camera_state.text() == "摄像头已停止。" and screen.camera_button.text() == "启动摄像头"
    # A card read on the same visit.
    tech.click(screen.card_button)
    tech.settle()
    number = SAMPLE_CARDS[DEFAULT_CARD].id_number
    assert screen.answers["card_reader"].text() == f"✔ 已读卡：{mask_id(number)}"
    assert number not in screen.answers["card_reader"].text()
    tech.ctx.devices = dataclasses.replace(tech.ctx.devices, card_reader=CardReaderDevice("sim://?card=none"))
    screen.card_seconds = 0.3
    tech.qtbot.wait(550)
    tech.click(screen.card_button)
    tech.settle()
    assert screen.answers["card_reader"].text().startswith("✖ 设备拒绝了 [")
    assert screen.answers["card_reader"].property("state") == "error"
    tech.nav.go("technician_devices")
    assert not screen.card  # the masked number is gone once the screen is left
    # A staff member signed in instead sees the refusal, and the camera stays off.
    tech.ctx.sign_in(Actor("S001", "staff"))
    tech.nav.go("technician_device_tests")
    assert screen.denied.isVisible() and not screen.body.isVisible()
    assert screen.preview.pixmap().isNull() and not screen._camera_on


def test_receipt_printer_status_test_receipt_and_faults(tech: Tech, site: Site) -> None:
    screen = tech.open_device_tests()
    printed = site.data_dir / "printer"
    before = set(printed.glob("*.png")) if printed.exists() else set()
    tech.click(screen.receipt_button)
    tech.settle()
    assert screen.answers["printer"].text() == "✔ 测试凭条已打印。打印机状态：就绪。"
    assert len(set(printed.glob("*.png")) - before) == 1
    (printed / STATUS_FILE).write_text(json.dumps({"paper_out": True}), encoding="utf-8")
    tech.click(screen.status_button)
    tech.settle()
    assert screen.answers["printer"].text() == "✖ 打印机状态：缺纸：请装入新纸卷并合上盖子。"
    assert screen.answers["printer"].property("state") == "error"
    (printed / STATUS_FILE).write_text(json.dumps({"cover_open": True}), encoding="utf-8")
    tech.qtbot.wait(550)
    tech.click(screen.receipt_button)
    tech.settle()
    # Refused for a state the screen words itself: in its own language, not the device layer's English.
    assert screen.answers["printer"].text() == "✖ 未打印 [printer_cover_open]：打印机盖子开着：请合上。"
    assert len(set(printed.glob("*.png")) - before) == 1  # nothing printed with the cover open
    tech.qtbot.wait(550)
    tech.click(screen.status_button)
    tech.settle()
    assert screen.answers["printer"].text() == "✖ 打印机状态：盖子开着：请合上。"


def test_a4_calibration_page_and_offsets_saved(tech: Tech, site: Site) -> None:
    screen = tech.open_device_tests()
    a4 = tech.ctx.devices.a4_printer
    assert isinstance(a4, A4PrinterDevice)
    name = a4.open().name
    tech.qtbot.waitUntil(lambda: screen.a4_name == name, timeout=5_000)
    assert screen.offset_values["dx"].text() == "+0.0 毫米" and not screen.save_button.isEnabled()
    for _ in range(3):
        tech.click(screen.steppers["dx"][1])
    tech.click(screen.steppers["dy"][0])
    assert screen.offset_values["dx"].text() == "+1.5 毫米" and screen.offset_values["dy"].text() == "-0.5 毫米"
    folder = site.data_dir / "a4"
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    # The test page first: the printer, the time and this terminal (the site is enrolled as d-test).
    tech.click(screen.a4_page_button)
    tech.settle()
    assert screen.answers["a4_printer"].text().startswith(f"✔ 测试页已发送到 {name}。")
    pages = set(folder.glob("*.pdf")) - before
    assert len(pages) == 1 and next(iter(pages)).name.endswith("-test-page-copy1.pdf")
    printed = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(next(iter(pages))), "-"], check=True,
                             capture_output=True, text=True).stdout
    printed = "".join(printed.split())
    today = tech.ctx.kiosk.ctx.local_now()
    assert "A4打印机测试页" in printed and f"打印机{name}" in printed and "终端d-test" in printed
    assert "服务网点JX-SP01" in printed and f"打印时间{today.year}年{today.month}月{today.day}日" in printed
    before |= pages
    tech.qtbot.wait(550)
    tech.click(screen.a4_button)
    tech.settle()
    pages = set(folder.glob("*.pdf")) - before
    assert len(pages) == 1 and next(iter(pages)).read_bytes().startswith(b"%PDF")
    assert screen.answers["a4_printer"].text().startswith(f"✔ 校准页已发送到 {name}。")
    tech.click(screen.save_button)
    tech.settle()
    assert screen.answers["a4_printer"].text() == f"✔ 已为 {name} 保存偏移，证书页现在按此打印。"
    saved = CalibrationBook(site.data_dir / CalibrationBook.FILE).get(name)
    assert (saved.dx_mm, saved.dy_mm) == (1.5, -0.5)
    rows = site.store.conn.execute("SELECT actor, subject, detail FROM audit WHERE action = 'device.calibrated'"
                                   ).fetchall()
    assert [(a, s, json.loads(d)) for a, s, d in rows] == [("technician:T001", name, {"dx_mm": 1.5, "dy_mm": -0.5})]
    assert not screen.save_button.isEnabled()
    # Back later: the saved offsets are the ones shown.
    tech.nav.go("technician_devices")
    tech.click(tech.devices.tests_button)
    tech.settle()
    tech.qtbot.waitUntil(lambda: screen.offset_values["dx"].text() == "+1.5 毫米", timeout=5_000)
    # A refusing A4 printer is said with its reason.
    tech.ctx.devices = dataclasses.replace(tech.ctx.devices,
                                           a4_printer=A4PrinterDevice(f"pdf://{folder}?refuse=jammed"))
    tech.qtbot.wait(550)  # the print button ignores a second tap within 500 ms
    tech.click(screen.a4_button)
    tech.settle()
    assert "[a4_refused]" in screen.answers["a4_printer"].text() and "jammed" in screen.answers["a4_printer"].text()
    tech.qtbot.wait(550)
    tech.click(screen.a4_page_button)
    tech.settle()
    assert "[a4_refused]" in screen.answers["a4_printer"].text() and screen.a4_page_button.isEnabled()
    assert set(folder.glob("*.pdf")) == before | pages  # nothing printed by the refusing printer
    tech.look("device-tests")


def test_every_device_tried_fits_a_1280x800_panel_in_large_text(tech: Tech, site: Site) -> None:
    """A card read, a receipt refused by a printer that is offline and a calibration page on one visit: the
    answer of the device tried last, under the rows; the rows' targets 16 px apart (ux.md); the printer's
    refusal in the screen's language."""
    screen = tech.open_device_tests()
    tech.click(screen.card_button)
    tech.settle()
    printed = site.data_dir / "printer"
    printed.mkdir(exist_ok=True)
    (printed / STATUS_FILE).write_text(json.dumps({"offline": True}), encoding="utf-8")
    tech.click(screen.receipt_button)
    tech.settle()
    assert screen.answers["printer"].text() == "✖ 未打印 [printer_offline]：打印机离线：请检查电源和连线。"
    assert screen.answers["printer"].isVisibleTo(screen) and not screen.answers["card_reader"].isVisibleTo(screen)
    tech.click(screen.a4_button)
    tech.settle()
    assert screen.answers["a4_printer"].isVisibleTo(screen) and not screen.answers["printer"].isVisibleTo(screen)
    for lang in ("zh_CN", "en"):
        render(tech.window, None, size=(1280, 800), lang=lang, large=True, mode="staff")
        problems = overflow(tech.window, (1280, 800)) + clipped_texts(tech.window) + missing_glyphs(tech.window)
        assert not problems, f"{lang}: {[str(p) for p in problems]}"
        rows = [screen.card_button, screen.status_button, screen.a4_button, *screen.steppers["dx"],
                *screen.steppers["dy"]]
        tops = sorted({b.mapTo(screen, QPoint(0, 0)).y() for b in rows})
        bottoms = sorted({b.mapTo(screen, QPoint(0, b.height())).y() for b in rows})
        assert all(top - bottom >= 16 for bottom, top in zip(bottoms, tops[1:], strict=False)), (tops, bottoms)
    i18n.switch_language("zh_CN")
