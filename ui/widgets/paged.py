"""``PagedBlocks``: short texts shown a page at a time; ``PageButtons``: the buttons that turn them.

A buyer list never scrolls (ux.md: "lists have visible page buttons"): a 1280x800 panel in large
text holds three or four lines below a case's heading, and a scroll area there showed one and a
half steps with no sign of how many were left. Each block (one step, one fee, one paragraph) is
shown whole or not at all; a page holds as many blocks as the room holds in the font the style
sheet gives them now, and the pages are cut again when the room or the text size changes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from ui.i18n import Retranslating
from ui.qt import (
    QEvent,
    QFontMetrics,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QResizeEvent,
    QShowEvent,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.guard import repeatable
from ui.widgets.later import Later

SPACING = 8  # between blocks


@dataclass(frozen=True)
class Block:
    """One text shown whole. ``role`` is the theme's label role ("lead", "hint", ""); a block that
    ``leads`` (a heading) never ends a page: it moves to the next one with what it heads; a ``hanging``
    one wraps its lines under their first word (``hanging_html``)."""

    text: str
    role: str = ""
    leads: bool = False
    hanging: bool = False


def hanging_html(text: str, metrics: QFontMetrics, *, nested: bool = True) -> str:
    """``text`` as rich text whose lines hang from their first word: "1. reason" over "  → next step"
    shows the reason's wrapped lines under "reason", the next step under "reason" too, and its wrapped
    lines under "next" (not under the arrow, nor at the left edge, as plain text wraps them). Lines
    that are not ``nested`` (a list, one item a line) each start at the left edge and hang the same way.

    Qt's rich text takes indents in pixels only (not em), so they are measured in ``metrics``: the
    label's font now, measured again when the text size changes.
    """
    paragraphs = []
    under = 0  # where the first line's text starts: later lines start there
    for n, line in enumerate(text.split("\n")):
        marker, _, rest = line.strip().partition(" ")
        hang = metrics.horizontalAdvance(marker + " ") if rest else 0
        left = hang + (under if n else 0)
        if n == 0 and nested:
            under = hang
        paragraphs.append(f'<p style="margin:0; margin-left:{left}px; text-indent:-{hang}px">'
                          f"{html.escape(line.strip())}</p>")
    return "".join(paragraphs)


class HangingLabel(QLabel):
    """A word-wrapped label for plain text (``plain``), shown with its lines hanging (``hanging_html``)
    when ``hanging``; the indents are measured again whenever the label's font changes (large text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plain = ""
        self.hanging = False
        self.nested = True
        self.setWordWrap(True)

    def show_text(self, text: str, *, hanging: bool = True, nested: bool = True) -> None:
        self.plain, self.hanging, self.nested = text, hanging, nested
        # Data (a project's name) is never read as markup: plain text, or rich text made of escaped text.
        self.setTextFormat(Qt.TextFormat.RichText if hanging else Qt.TextFormat.PlainText)
        self._lay_out()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.hanging:
            self._lay_out()

    def _lay_out(self) -> None:
        hanging = self.hanging and bool(self.plain)
        self.setText(hanging_html(self.plain, QFontMetrics(self.font()), nested=self.nested) if hanging else self.plain)


def cut(heights: Sequence[int], leads: Sequence[bool], room: int, spacing: int = SPACING) -> list[range]:
    """Blocks of these heights cut into pages of at most ``room`` px (``spacing`` between blocks).

    A page holds at least one block, so a block taller than the room takes a page of its own. A
    leading block at the end of a page (not alone on it) starts the next page instead.
    """
    pages: list[range] = []
    start, used = 0, 0
    for i, height in enumerate(heights):
        need = height if i == start else used + spacing + height
        if i > start and need > room:
            end = i
            while end - 1 > start and leads[end - 1]:
                end -= 1
            pages.append(range(start, end))
            start = end
            used = sum(heights[start:i + 1]) + spacing * (i - start)
        else:
            used = need
    if start < len(heights):
        pages.append(range(start, len(heights)))
    return pages


class PagedBlocks(QWidget):
    """The blocks of the current page, from the top; ``changed`` when the page or the page count did.

    It takes the height its layout leaves it and never asks for more than its tallest block (which
    then still shows whole, on a page of its own), so the screen around it decides the room and the
    pages follow.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.blocks: tuple[Block, ...] = ()
        self.page = 0
        self.pages: list[range] = [range(0)]
        self._labels: list[HangingLabel] = []
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(SPACING)
        self._box.addStretch(1)
        # A style change restyles the labels one by one after this widget hears of it: measure after.
        self._recut = Later(self, self._cut)

    def set_blocks(self, blocks: Sequence[Block], *, keep_page: bool = True) -> None:
        """Show these blocks. With ``keep_page`` the page shown stays (a fee confirmed while the buyer
        reads page 2); else the first page shows."""
        blocks = tuple(blocks)
        if not keep_page and self.page:
            self.page = 0
            self.changed.emit()
        if blocks == self.blocks:
            self._show()
            return
        self.blocks = blocks
        while len(self._labels) < len(blocks):
            text = HangingLabel()
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._box.insertWidget(len(self._labels), text)
            self._labels.append(text)
        for text, block in zip(self._labels, blocks, strict=False):
            text.show_text(block.text, hanging=block.hanging)
            if text.property("role") != block.role:
                text.setProperty("role", block.role)
                text.style().unpolish(text)
                text.style().polish(text)
        self._cut()

    def text(self) -> str:
        """Every block's text, on every page."""
        return "\n".join(block.text for block in self.blocks)

    def shown(self) -> str:
        """The text of the page shown."""
        return "\n".join(self.blocks[i].text for i in self.pages[self.page])

    def turn(self, step: int) -> None:
        page = max(0, min(len(self.pages) - 1, self.page + step))
        if page != self.page:
            self.page = page
            self._show()
            self.changed.emit()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(320, self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._cut()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._cut()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # large text on or off
            self._recut()

    def _cut(self) -> None:
        labels = self._labels[:len(self.blocks)]
        width = self.contentsRect().width()
        for text in labels:
            text.ensurePolished()
        heights = [text.heightForWidth(width) if width > 0 else text.sizeHint().height() for text in labels]
        tallest = max(heights, default=0)
        if tallest != self.minimumHeight():
            self.setMinimumHeight(tallest)
            self.updateGeometry()
        first = self.pages[self.page].start if self.page < len(self.pages) else 0
        if width > 0 and self.isVisible():
            pages = cut(heights, [b.leads for b in self.blocks], self.contentsRect().height())
        else:
            pages = [range(len(self.blocks))]  # not laid out yet: all on one page until it is
        pages = pages or [range(0)]
        before = (self.page, len(self.pages))
        self.pages = pages
        # The page that now holds the first block shown before: a new cut keeps the reader's place.
        self.page = next((n for n, page in enumerate(pages) if first in page), min(self.page, len(pages) - 1))
        self._show()
        if (self.page, len(self.pages)) != before:
            self.changed.emit()

    def _show(self) -> None:
        shown = self.pages[self.page]
        for i, text in enumerate(self._labels):
            text.setVisible(i in shown)


class PageButtons(Retranslating, QWidget):
    """上一页 / n / m / 下一页 for one ``PagedBlocks``, shown only while it has pages to turn.

    Buyer targets (ux.md: ≥ 80 px); the buttons repeat (two quick taps turn two pages, not a double
    submit).
    """

    def __init__(self, blocks: PagedBlocks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocks = blocks
        self.previous_button = repeatable(QPushButton())
        self.previous_button.setObjectName("previous_page")
        self.next_button = repeatable(QPushButton())
        self.next_button.setObjectName("next_page")
        for button in (self.previous_button, self.next_button):
            button.setMinimumSize(160, 80)
        self.label = QLabel()
        self.label.setObjectName("page_count")
        self.previous_button.clicked.connect(lambda: blocks.turn(-1))
        self.next_button.clicked.connect(lambda: blocks.turn(1))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.previous_button)
        row.addWidget(self.label)
        row.addWidget(self.next_button)
        blocks.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        blocks = self.blocks
        # Short words and "2 / 5": the buttons share a row with the screen's primary action.
        self.previous_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.label.setText(self.tr("{n} / {total}").format(n=blocks.page + 1, total=len(blocks.pages)))
        self.previous_button.setEnabled(blocks.page > 0)
        self.next_button.setEnabled(blocks.page < len(blocks.pages) - 1)
        self.setVisible(len(blocks.pages) > 1)
