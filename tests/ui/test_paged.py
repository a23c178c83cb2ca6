"""How ``ui.widgets.paged.cut`` cuts blocks into pages: whole blocks, a heading never last on a page; and how
a hanging block wraps."""

from __future__ import annotations

from typing import Any

from ui.qt import QFontMetrics, QLabel, Qt, QTextDocument
from ui.widgets.paged import Block, HangingLabel, PagedBlocks, cut


def pages(heights: list[int], room: int, leads: set[int] = frozenset()) -> list[list[int]]:  # type: ignore[assignment]
    return [list(page) for page in cut(heights, [i in leads for i in range(len(heights))], room, spacing=10)]


def test_as_many_whole_blocks_as_the_room_holds() -> None:
    assert pages([50, 50, 50], room=110) == [[0, 1], [2]]
    assert pages([50, 50, 50], room=109) == [[0], [1], [2]]
    assert pages([50, 50, 50], room=170) == [[0, 1, 2]]
    assert pages([], room=100) == []


def test_a_block_taller_than_the_room_takes_a_page_of_its_own() -> None:
    assert pages([30, 200, 30], room=100) == [[0], [1], [2]]


def test_a_heading_moves_to_the_next_page_with_what_it_heads() -> None:
    # 0: a step, 1: a heading, 2: a step: the heading would end page 1, so it starts page 2.
    assert pages([40, 30, 40], room=90, leads={1}) == [[0], [1, 2]]
    # Two headings in a row move together.
    assert pages([40, 20, 20, 40], room=100, leads={1, 2}) == [[0], [1, 2, 3]]
    # A heading alone on a page stays there (it cannot go anywhere better).
    assert pages([30, 80], room=100, leads={0}) == [[0], [1]]


def continuation_x(label: QLabel) -> list[tuple[float, float]]:
    """For each paragraph the label draws, where its first and its second line start (px)."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setHtml(label.text())
    doc.setTextWidth(label.contentsRect().width())
    doc.size()  # lays the document out
    starts = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        if layout.lineCount() > 1:
            starts.append((layout.lineAt(0).x(), layout.lineAt(1).x()))
        block = block.next()
    return starts


def test_a_hanging_block_wraps_under_its_text_not_under_its_number_or_arrow(qtbot: Any) -> None:
    """"1. reason\\n  → next step" in a narrow column: each wrapped line continues under the text after
    "1. " and after "→ " (plain text wrapped them to the left edge), and the text stays as given."""
    text = ("1. The sale contract is not signed and filed yet, and this reason is long\n"
            "  → Sign the contract and wait for its filing number, a step that wraps too")
    blocks = PagedBlocks()
    qtbot.addWidget(blocks)
    blocks.setStyleSheet("QLabel { font-size: 32px; }")
    blocks.resize(420, 2000)
    blocks.show()
    blocks.set_blocks([Block(text, hanging=True)])
    qtbot.waitUntil(lambda: len(blocks.findChildren(QLabel)[0].text()) > len(text))
    label = blocks.findChildren(QLabel)[0]
    metrics = QFontMetrics(label.font())
    number, arrow = metrics.horizontalAdvance("1. "), metrics.horizontalAdvance("→ ")
    (reason_first, reason_next), (step_first, step_next) = continuation_x(label)
    assert (reason_first, reason_next) == (0, number)
    assert (step_first, step_next) == (number, number + arrow)
    assert blocks.text() == text and blocks.shown() == text
    # The label is as tall as the lines it draws: the pages are cut by what shows.
    assert label.heightForWidth(420) >= 6 * metrics.lineSpacing()
    # Large text: the indents are measured again in the larger font.
    blocks.setStyleSheet("QLabel { font-size: 40px; }")
    label.ensurePolished()
    larger = QFontMetrics(label.font())
    assert larger.horizontalAdvance("1. ") > number
    assert continuation_x(label)[1] == (
        larger.horizontalAdvance("1. "), larger.horizontalAdvance("1. ") + larger.horizontalAdvance("→ "))


def test_markup_in_the_data_is_shown_as_typed(qtbot: Any) -> None:
    blocks = PagedBlocks()
    qtbot.addWidget(blocks)
    blocks.resize(800, 400)
    blocks.show()
    blocks.set_blocks([Block("<b>Longshan</b> & co"), Block("1. <i>not</i> markup", hanging=True)])
    plain, hanging = blocks.findChildren(QLabel)[:2]
    assert plain.textFormat() == Qt.TextFormat.PlainText and plain.text() == "<b>Longshan</b> & co"
    doc = QTextDocument()
    doc.setHtml(hanging.text())
    assert doc.toPlainText() == "1. <i>not</i> markup"


def test_a_list_hangs_each_item_from_its_own_mark(qtbot: Any) -> None:
    """Not nested (the holders at the counter, one a line): every line starts at the left edge and
    wraps under its words, not under its mark."""
    label = HangingLabel()
    qtbot.addWidget(label)
    label.setStyleSheet("QLabel { font-size: 24px; }")
    label.resize(300, 400)
    label.show()
    label.show_text("✔ 胡** 410425********3816: present\n✘ 熊** 410425********0207: not yet identified", nested=False)
    mark = QFontMetrics(label.font()).horizontalAdvance("✔ ")
    first, second = continuation_x(label)
    assert first == (0, mark) and second[0] == 0 and second[1] > 0
    assert label.plain.count("\n") == 1 and label.textFormat() == Qt.TextFormat.RichText
    label.show_text("", nested=False)
    assert label.text() == ""
