"""The snapshot helpers: PNGs at a given size and language, and the two checks catching real faults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui import snapshot
from ui.qt import QImage, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget
from ui.widgets.idle import CountdownPanel
from ui.widgets.keypad import IdKeypad
from ui.widgets.signature import SignaturePad


@pytest.fixture
def restore(qapp: Any) -> Iterator[None]:
    yield
    qapp.setStyleSheet("")


def screen_with(*widgets: QWidget) -> QWidget:
    root = QWidget()
    layout = QVBoxLayout(root)
    for w in widgets:
        layout.addWidget(w)
    layout.addStretch(1)
    return root


def test_render_writes_a_png_of_the_requested_size(qtbot: QtBot, tmp_path: Path, restore: None) -> None:
    root = screen_with(QLabel("欢迎"))
    qtbot.addWidget(root)
    out = tmp_path / "welcome.png"
    image = snapshot.render(root, out, size=(1280, 800))
    assert (image.width(), image.height()) == (1280, 800)
    assert QImage(str(out)).size() == image.size()


def test_a_clipped_label_is_caught(qtbot: QtBot, restore: None) -> None:
    fits = QLabel("确认")
    clipped = QLabel("请将身份证放在读卡区")
    clipped.setObjectName("prompt")
    clipped.setFixedWidth(120)
    wrapped_but_short = QLabel("请将身份证放在读卡区，听到提示音后再取走。")
    wrapped_but_short.setWordWrap(True)
    wrapped_but_short.setFixedSize(300, 50)
    wrapped_but_short.setObjectName("wrapped")
    button = QPushButton("需要，继续办理")
    button.setObjectName("narrow")
    button.setFixedWidth(150)
    root = screen_with(fits, clipped, wrapped_but_short, button)
    qtbot.addWidget(root)
    snapshot.render(root, size=(800, 600))
    problems = {p.widget for p in snapshot.clipped_texts(root)}
    assert problems == {"prompt", "wrapped", "narrow"}


def test_wrapping_that_fits_is_not_a_problem(qtbot: QtBot, restore: None) -> None:
    label = QLabel("请将身份证放在读卡区，听到提示音后再取走。" * 2)
    label.setWordWrap(True)
    label.setFixedWidth(400)
    label.setMinimumHeight(400)
    root = screen_with(label)
    qtbot.addWidget(root)
    snapshot.render(root, size=(800, 800))
    assert snapshot.clipped_texts(root) == []


def test_a_missing_glyph_is_caught(qtbot: QtBot, restore: None) -> None:
    fine = QLabel("张三 ¥1,234.00")
    private_use = QLabel("签名\ue000")
    private_use.setObjectName("pua")
    rich = QLabel("<b>金额</b> \ue001")
    rich.setObjectName("rich")
    root = screen_with(fine, private_use, rich)
    qtbot.addWidget(root)
    snapshot.render(root, size=(800, 400))
    problems = snapshot.missing_glyphs(root)
    assert [(p.widget, p.detail.split(" in ")[0]) for p in problems] == [
        ("pua", "no glyph for U+E000"), ("rich", "no glyph for U+E001")]
    assert problems[1].text == "金额 \ue001"  # checked as the text shown, not its markup


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("large", [False, True])
def test_the_foundation_widgets_pass_both_checks(lang: str, large: bool, qtbot: QtBot, restore: None,
                                                 tmp_path: Path) -> None:
    keypad = IdKeypad()
    for c in "41042519900307123":
        keypad.press(c)
    pad = SignaturePad("0" * 64, "张三")
    countdown = CountdownPanel()
    for name, widget, size in (("keypad", keypad, (900, 900)), ("signature", pad, (1100, 700)),
                               ("countdown", countdown, (1100, 600))):
        qtbot.addWidget(widget)
        snapshot.render(widget, tmp_path / f"{name}.png", size=size, lang=lang, large=large)
        assert snapshot.clipped_texts(widget) == [], name
        assert snapshot.missing_glyphs(widget) == [], name


def test_overflow_names_a_window_larger_than_the_panel(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    box = QVBoxLayout(window)
    tall = QLabel("x")
    tall.setMinimumSize(200, 900)
    box.addWidget(tall)
    snapshot.render(window, size=(1280, 1000))
    assert snapshot.overflow(window, (1280, 1000)) == []
    snapshot.render(window, size=(1280, 800))
    [problem] = snapshot.overflow(window, (1280, 800))
    assert "the panel is 1280x800" in str(problem) and "x9" in problem.detail


def test_a_scroll_area_hiding_part_of_its_content_is_named(qtbot: QtBot, restore: None) -> None:
    area = QScrollArea()
    area.setObjectName("steps")
    area.setWidgetResizable(True)
    content = QLabel("第一步\n第二步\n第三步")
    content.setMinimumHeight(400)
    area.setWidget(content)
    area.setFixedHeight(150)
    root = screen_with(area)
    qtbot.addWidget(root)
    snapshot.render(root, size=(800, 600))
    [problem] = snapshot.scrolled_out(root)
    assert problem.widget == "steps" and "px below" in problem.detail
    area.setFixedHeight(450)
    snapshot.render(root, size=(800, 600))
    assert snapshot.scrolled_out(root) == []
