"""The signature pad, drawn with real mouse and touch events, against the core's validate_bundle."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.errors import ValidationError
from kiosk.services.signatures import document_hash, validate_bundle
from ui import theme
from ui.qt import QPoint, Qt
from ui.widgets.signature import SignaturePad

DOC = document_hash("商品房交付确认书 …")


class Clocks:
    """A monotonic clock that moves 8 ms per reading, and a wall clock tied to it."""

    def __init__(self) -> None:
        self.t = 500.0

    def monotonic(self) -> float:
        self.t += 0.008
        return self.t

    def wall(self) -> datetime:
        return datetime(2026, 11, 30, 2, 0, tzinfo=UTC) + timedelta(seconds=self.t)


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


@pytest.fixture
def pad(qapp: Any, qtbot: QtBot, clocks: Clocks) -> Iterator[SignaturePad]:
    theme.apply_theme(qapp)
    widget = SignaturePad(DOC, "张三", clock=clocks.monotonic, wall_clock=clocks.wall)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    qapp.setStyleSheet("")


def drag(pad: SignaturePad, start: tuple[int, int], end: tuple[int, int], steps: int = 20) -> None:
    canvas = pad.canvas
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*start))
    for i in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * i // steps
        y = start[1] + (end[1] - start[1]) * i // steps
        QTest.mouseMove(canvas, QPoint(x, y))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*end))


def test_box_is_at_least_960_by_360_with_name_and_buttons(pad: SignaturePad) -> None:
    assert pad.canvas.width() >= 960 and pad.canvas.height() >= 360
    assert pad.name_label.text() == "签名人：张三"
    assert [pad.undo_button.text(), pad.clear_button.text(), pad.confirm_button.text()] == [
        "撤销一笔", "重写", "确认签名"]
    portrait = SignaturePad(DOC, "李四", portrait=True)
    assert portrait.canvas.minimumWidth() >= 1000 and portrait.canvas.minimumHeight() >= 400


def test_a_drawn_signature_is_a_bundle_the_core_accepts(pad: SignaturePad, qtbot: QtBot) -> None:
    w = pad.canvas.width()
    drag(pad, (100, 200), (100 + w // 3, 240))
    drag(pad, (200, 150), (260, 260))
    assert pad.confirm_button.isEnabled() and pad.reason.text() == ""
    with qtbot.waitSignal(pad.confirmed, timeout=2000) as blocker:
        qtbot.mouseClick(pad.confirm_button, Qt.MouseButton.LeftButton)
    bundle = blocker.args[0]
    validate_bundle(bundle, DOC)
    assert set(bundle) == {"doc_sha256", "box_mm", "strokes", "events", "started_at", "ended_at"}
    assert len(bundle["strokes"]) == 2
    first = bundle["strokes"][0]
    assert first[0][:2] == [round(100 / w, 4), round(200 / pad.canvas.height(), 4)]
    times = [p[2] for s in bundle["strokes"] for p in s]
    assert times == sorted(times) and all(isinstance(t, int) for t in times)
    assert {p[3] for s in bundle["strokes"] for p in s} == {1}
    assert bundle["started_at"] < bundle["ended_at"]
    assert all(v > 0 for v in bundle["box_mm"])


def test_too_little_ink_cannot_be_confirmed(pad: SignaturePad, qtbot: QtBot) -> None:
    assert not pad.confirm_button.isEnabled()
    assert pad.reason.text() == "请在框内横线上方签写您的姓名。"
    drag(pad, (300, 200), (300 + pad.canvas.width() // 5, 220))
    assert not pad.confirm_button.isEnabled()
    assert "签名太小" in pad.reason.text()
    confirmed: list[dict[str, Any]] = []
    pad.confirmed.connect(confirmed.append)
    qtbot.mouseClick(pad.confirm_button, Qt.MouseButton.LeftButton)
    pad.confirm()
    assert confirmed == []
    with pytest.raises(ValidationError, match="too small"):
        validate_bundle(pad.canvas.bundle(DOC), DOC)


def test_undo_and_rewrite_are_recorded_as_events(pad: SignaturePad, qtbot: QtBot) -> None:
    w = pad.canvas.width()
    drag(pad, (100, 200), (100 + w // 2, 200))
    drag(pad, (150, 150), (160, 260))
    qtbot.mouseClick(pad.undo_button, Qt.MouseButton.LeftButton)
    assert len(pad.canvas.strokes) == 1
    qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert pad.canvas.strokes == [] and not pad.undo_button.isEnabled()
    drag(pad, (100, 200), (100 + w // 2, 210))
    bundle = pad.canvas.bundle(DOC)
    validate_bundle(bundle, DOC)
    assert [e["type"] for e in bundle["events"]] == ["undo", "clear"]
    assert bundle["events"][0]["points"] == 21 and bundle["events"][1]["strokes"] == 1


def test_one_finger_touch_draws(pad: SignaturePad, qtbot: QtBot) -> None:
    device = QTest.createTouchDevice()
    canvas = pad.canvas
    QTest.touchEvent(canvas, device).press(0, QPoint(100, 200), canvas).commit()
    for x in range(120, 500, 20):
        QTest.touchEvent(canvas, device).move(0, QPoint(x, 210), canvas).commit()
    QTest.touchEvent(canvas, device).release(0, QPoint(500, 210), canvas).commit()
    assert len(canvas.strokes) == 1 and len(canvas.strokes[0]) >= 10
    assert pad.confirm_button.isEnabled()
    validate_bundle(canvas.bundle(DOC), DOC)


def test_a_double_tap_on_confirm_confirms_once(pad: SignaturePad, qtbot: QtBot) -> None:
    drag(pad, (100, 200), (700, 220))
    confirmed: list[dict[str, Any]] = []
    pad.confirmed.connect(confirmed.append)
    qtbot.mouseClick(pad.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.confirm_button, Qt.MouseButton.LeftButton)
    assert len(confirmed) == 1


def test_reset_for_the_next_co_owner_forgets_the_ink(pad: SignaturePad) -> None:
    drag(pad, (100, 200), (700, 220))
    other = document_hash("另一份文件")
    pad.reset(doc_sha256=other, signer="李四")
    assert pad.canvas.strokes == [] and pad.canvas.events == [] and pad.canvas.started_at is None
    assert pad.name_label.text() == "签名人：李四" and not pad.confirm_button.isEnabled()
    drag(pad, (100, 200), (700, 220))
    with pytest.raises(ValidationError, match="another document"):
        validate_bundle(pad.canvas.bundle(other), DOC)
    validate_bundle(pad.canvas.bundle(other), other)
