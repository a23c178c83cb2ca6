"""The technician's device addresses through the real widgets: a changed URI round-trips
``kiosk.toml`` (comments and other keys kept) and the app uses the new device at once; a URI
that names no device is refused on screen, naming the device, with the file unchanged."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from kiosk.config import load_config
from kiosk.services.staff import Actor
from ui import i18n
from ui.qt import QPoint
from ui.snapshot import clipped_texts, missing_glyphs, overflow, render

from .conftest import Site, Tech


def test_a_changed_uri_round_trips_kiosk_toml(tech: Tech, site: Site) -> None:
    path = site.data_dir / "kiosk.toml"
    before = path.read_text(encoding="utf-8")
    screen = tech.open_devices()
    assert screen.fields["printer"].text() == "sim://printer"
    assert screen.fields["scanner"].text() == ""
    assert not screen.save_button.isEnabled()  # nothing changed yet
    tech.click(screen.fields["printer"])
    screen.fields["printer"].selectAll()
    tech.qtbot.keyClicks(screen.fields["printer"], "sim://receipts")
    tech.click(screen.fields["scanner"])
    tech.qtbot.keyClicks(screen.fields["scanner"], "sim://")
    tech.click(screen.save_button)
    tech.settle()
    assert screen.message.text() == "✔ 已保存到 kiosk.toml，程序现在使用这些设备。"
    after = path.read_text(encoding="utf-8")
    assert 'printer = "sim://receipts"' in after.splitlines() and 'scanner = "sim://"' in after.splitlines()
    # Only those two lines changed: every comment and every other key is as kiosk init wrote it.
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [('# printer = "sim://printer"', 'printer = "sim://receipts"'),
                       ('# scanner = ""', 'scanner = "sim://"')]
    config = load_config(site.data_dir)
    assert config["devices"]["printer"] == "sim://receipts" and config["devices"]["scanner"] == "sim://"
    # The app uses them now: the printer writes where the new URI says; a scanner is fitted.
    printer = tech.ctx.devices.get("printer")
    assert printer is not None and printer.uri == f"sim://{site.data_dir / 'receipts'}"
    assert tech.ctx.devices.get("scanner") is not None
    assert tech.ctx.kiosk.config["devices"]["printer"] == "sim://receipts"
    assert not screen.save_button.isEnabled()


def test_a_wrong_uri_is_refused_and_nothing_is_saved(tech: Tech, site: Site) -> None:
    path = site.data_dir / "kiosk.toml"
    before = path.read_text(encoding="utf-8")
    devices_before = tech.ctx.devices
    screen = tech.open_devices()
    screen.fields["card_reader"].selectAll()
    tech.click(screen.fields["card_reader"])
    screen.fields["card_reader"].clear()
    tech.qtbot.keyClicks(screen.fields["card_reader"], "usb://reader")
    tech.click(screen.save_button)
    tech.settle()
    assert screen.message.text() == "✖ 身份证读卡器：地址不正确。请改正后再保存。"
    assert screen.message.property("state") == "error"
    assert "[device_uri]" in screen.detail.text() and "usb://reader" in screen.detail.text()
    assert path.read_text(encoding="utf-8") == before
    assert tech.ctx.devices is devices_before
    assert screen.fields["card_reader"].text() == "usb://reader"  # kept to be corrected
    tech.qtbot.wait(550)  # the save button ignores a second tap within 500 ms
    tech.click(screen.undo_button)
    assert screen.fields["card_reader"].text() == "sim://" and not screen.message.isVisible()


def test_a_staff_member_cannot_change_devices(tech: Tech) -> None:
    tech.ctx.sign_in(Actor("S001", "staff"))
    tech.nav.go("technician_devices")
    screen = tech.devices
    assert screen.denied.isVisible() and not screen.body.isVisible()
    assert all(not field.text() for field in screen.fields.values())


def test_devices_in_both_languages_and_sizes(tech: Tech, tmp_path: Path) -> None:
    screen = tech.open_devices()
    screen.fields["camera"].clear()
    tech.qtbot.keyClicks(screen.fields["camera"], "rtsp://bad")
    tech.click(screen.save_button)
    tech.settle()
    out = Path(os.environ.get("TECHNICIAN_SNAPSHOTS", "") or tmp_path)
    for lang in i18n.LANGUAGES:
        for (width, height), large in itertools.product(((1920, 1080), (1280, 800)), (False, True)):
            where = f"devices {lang} {width}x{height}{' large' if large else ''}"
            tech.window.set_large_text(large)
            image = render(tech.window, out / f"devices-{lang}-{width}x{height}{'-large' if large else ''}.png",
                           size=(width, height), lang=lang, large=large, mode="staff")
            problems = overflow(tech.window, (width, height)) + clipped_texts(tech.window) \
                + missing_glyphs(tech.window)
            assert (image.width(), image.height()) == (width, height), where
            assert not problems, f"{where}: {[str(p) for p in problems]}"
    tech.window.set_large_text(False)


def test_on_a_portrait_panel_one_device_a_row_under_the_title_and_its_explanation(tech: Tech) -> None:
    screen = tech.open_devices()
    render(tech.window, None, size=(1080, 1920), lang="zh_CN", large=False, mode="staff")
    fields = list(screen.fields.values())
    assert len({f.mapTo(screen, QPoint(0, 0)).x() for f in fields}) == 1, "one column"
    assert len({f.mapTo(screen, QPoint(0, 0)).y() for f in fields}) == len(fields), "one a row"
    assert all(f.width() >= 700 for f in fields), [f.width() for f in fields]
    assert screen.explain.mapTo(screen, QPoint(0, 0)).y() > screen.title.mapTo(screen, QPoint(0, 0)).y()
    assert not overflow(tech.window, (1080, 1920)) and not clipped_texts(tech.window)
    # Back on a landscape panel: two devices a row again, the explanation beside the title.
    render(tech.window, None, size=(1280, 800), lang="zh_CN", large=False, mode="staff")
    assert len({f.mapTo(screen, QPoint(0, 0)).y() for f in fields}) == 3
    assert screen.explain.mapTo(screen, QPoint(0, 0)).x() > screen.title.mapTo(screen, QPoint(0, 0)).x()
