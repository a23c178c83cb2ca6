"""`kiosk snapshots` of the identify screen's card step on the snapshots' own sample kiosk: the card page
waiting on an empty reader, as a buyer finds it, and the refusal after a card of nobody with a case here
as a state of its own (``identify_not_found``), each named so; the reader is left as it was."""

from __future__ import annotations

from pathlib import Path

from hardware.devices import open_devices
from hardware.idcard.simulator import SAMPLE_CARDS
from kiosk.app import open_kiosk
from kiosk.config import Config
from ui.context import AppContext
from ui.qt import QApplication, QEvent
from ui.shell.app import build_window
from ui.shell.registry import HOME, SCREENS, STRANGER
from ui.shell.snapshots import shoot
from ui.shell.window import MainWindow
from ui.tasks import TaskRunner

PROMPT = "请将身份证平放在屏幕下方的读卡区。"
REFUSAL = "本机没有查到这个身份证号的购房记录。请核对号码，或到窗口咨询工作人员。"


def test_the_card_step_is_shot_waiting_and_a_strangers_card_is_its_own_state(
        tmp_path: Path, qapp: QApplication, sample_config: Config) -> None:
    config = sample_config
    entries = [e for e in SCREENS if e.screen.name in (HOME, "identify")]
    assert [e.name for e in entries] == ["welcome", "identify", "identify_keypad", "identify_not_found"]
    runner = TaskRunner()
    with open_kiosk(config) as kiosk:
        ctx = AppContext(kiosk, open_devices(config), runner, training=True)
        window = build_window(ctx, entries, silent=True)
        slot = ctx.devices.card_reader.card_slot if ctx.devices.card_reader is not None else None
        assert slot is not None and slot.card == SAMPLE_CARDS["wang"], "the kiosk's reader: sim://"
        try:
            waiting, _, refused = (shoot(window, entry, tmp_path, lang="zh_CN", size=(1280, 800), large=False)
                                   for entry in entries[1:])
            assert slot.card == SAMPLE_CARDS["wang"], "the reader as the kiosk has it, after each shot"
        finally:
            window.navigator.home()
            runner.shutdown(wait=True)
            MainWindow.dispose(window)
            window.deleteLater()
            qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            qapp.setStyleSheet("")
    assert (waiting.screen, waiting.problems, refused.screen, refused.problems) == (
        "identify", [], "identify_not_found", [])
    assert PROMPT in waiting.texts and REFUSAL not in waiting.texts
    assert PROMPT in refused.texts and REFUSAL in refused.texts
    assert waiting.path.is_file() and refused.path.is_file()
    with open_kiosk(config) as kiosk:
        assert kiosk.cases_for_buyer(SAMPLE_CARDS[STRANGER].id_number) == []
