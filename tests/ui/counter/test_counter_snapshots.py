"""Every counter screen and every wizard page rendered at 1920x1080 and 1280x800 in both
languages, in the states staff meet (a refusal shown, a check failed, a buyer signing): no text
clipped, no glyph missing. Set COUNTER_SNAPSHOTS=DIR to keep the PNGs for a look."""

from __future__ import annotations

import os
from pathlib import Path

from hardware.idcard.simulator import SAMPLE_CARDS
from ui import i18n
from ui.snapshot import clipped_texts, missing_glyphs, render

from .conftest import Counter, units

SIZES = ((1920, 1080), (1280, 800))


def look(counter: Counter, name: str) -> None:
    """Set COUNTER_SNAPSHOTS=DIR to keep the PNGs for a look."""
    out = Path(os.environ["COUNTER_SNAPSHOTS"]) if os.environ.get("COUNTER_SNAPSHOTS") else None
    screen = counter.nav.current
    assert screen is not None
    for lang in i18n.LANGUAGES:
        for width, height in SIZES:
            png = out / f"counter-{name}-{lang}-{width}x{height}.png" if out else None
            image = render(counter.nav, png, size=(width, height), lang=lang, mode="staff")
            where = f"{name} {lang} {width}x{height}"
            # A layout that needs more than the panel grows the window past the screen's edge.
            assert (image.width(), image.height()) == (width, height), f"{where}: {image.size()}"
            assert not clipped_texts(screen), f"{where}: {[str(p) for p in clipped_texts(screen)]}"
            assert not missing_glyphs(screen), f"{where}: {[str(p) for p in missing_glyphs(screen)]}"
    i18n.switch_language("zh_CN")
    counter.settle()


def test_every_counter_page_in_both_languages(counter: Counter, site: object) -> None:
    unit = units(site, 2)[0]
    site.ready(unit)  # type: ignore[attr-defined]
    other = units(site, 1)[0]
    site.ready(other, number="豫(2026)郏县不动产权第0000202号")  # type: ignore[attr-defined]
    # The login's longest refusal: an expired certification, from the staff member's ID card.
    slot = counter.card_reader()
    slot.place(SAMPLE_CARDS["staff_s009"])
    counter.read_card()
    assert counter.login.refusal.code == "certificate_expired"
    look(counter, "staff_login")
    counter.log_in("S001", "246810")
    counter.settle()
    look(counter, "queue")
    counter.click(counter.queue.row_buttons[unit])
    counter.settle()
    screen = counter.handover
    look(counter, "handover_start")
    counter.click(screen.start_button)
    counter.settle()
    first, second = site.buyers(unit)  # type: ignore[attr-defined]
    counter.type_id(first.id_number)
    counter.click(screen.typed_button)
    counter.settle()
    counter.click(screen.agent_toggle)
    look(counter, "handover_identify")
    counter.click(screen.agent_toggle)
    counter.click(screen.to_checks)
    counter.click(screen.check_button)
    counter.settle()
    assert screen.refusal.code == "holder_missing"
    look(counter, "handover_checks")
    # English on a 1280x800 panel: a failed check three lines high opens no gap between the checks beside
    # it (each column stacks its own), and its wrapped lines hang under its words, not under the mark.
    render(counter.nav, size=(1280, 800), lang="en", mode="staff")
    for column in screen.gate_columns:
        shown = [column.itemAt(i).widget() for i in range(column.count()) if column.itemAt(i).widget()]
        for upper, lower in zip(shown, shown[1:], strict=False):
            assert lower.y() == upper.geometry().bottom() + 1 + column.spacing()
    failed = next(label for label in screen.gate_labels if label.plain.startswith("✘"))
    assert failed.height() >= 3 * failed.fontMetrics().lineSpacing() and failed.hanging
    i18n.switch_language("zh_CN")
    screen.override_toggle.show()  # shown only for a restricted developer; looked at here for its layout
    counter.click(screen.override_toggle)
    counter.settle()
    look(counter, "handover_override")
    counter.click(screen.override_cancel)
    assert screen.current_page() == "checks"
    case = screen.handover_id
    counter.click(screen.queue_button)
    counter.settle()
    assert counter.nav.current is counter.queue and not screen.handover_id and not screen.people.text()
    counter.click(counter.queue.row_buttons[unit])  # continue the handover in progress
    counter.settle()
    assert screen.handover_id == case
    assert screen.current_page() == "identify"
    counter.type_id(second.id_number)
    counter.click(screen.typed_button)
    counter.settle()
    counter.click(screen.to_checks)
    counter.click(screen.check_button)
    counter.settle()
    look(counter, "handover_sign")
    for _ in range(4):
        counter.sign()
    look(counter, "handover_certificate")
    # The serial's keys stay square at the top of the page (given its height they stretched to 70x220 px).
    render(counter.nav, size=(1280, 800), lang="en", mode="staff")
    key = screen.serial_keypad.keys["5"]
    assert key.height() <= 1.5 * key.width()
    i18n.switch_language("zh_CN")
    counter.click(screen.bind_stock)
    counter.settle()
    look(counter, "handover_receipt")
    counter.click(screen.print_button)
    counter.settle()
    look(counter, "handover_keys")
    counter.click(screen.keys_button)
    counter.settle()
    look(counter, "handover_deliver")
    counter.click(screen.deliver_button)
    counter.settle()
    look(counter, "handover_done")

