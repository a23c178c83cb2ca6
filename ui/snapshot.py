"""Render widgets to PNG and check what a buyer would see (issue 10, section 7).

``render`` shows a widget offscreen at a given size, language and text mode
and saves a PNG (offscreen PNGs are byte-identical run to run, ux.md).
``overflow`` says when a window cannot be laid out at the panel's size (its
minimum size is larger, so Qt grows it past the screen's edge and the rest
is cut off on a real panel); ``clipped_texts`` and ``missing_glyphs`` are the checks the snapshot test
runs over every label and button of a screen: the text must fit its rectangle
(wrapping considered) and every character must be in the font, because Qt
draws neither a clipped line nor an empty glyph box as an error. ``cut_off`` finds
what a page short of height draws anyway: a stacked page keeps its keys at their
minimum size and draws the last row past its keypad, over what follows, and no
window minimum grows for ``overflow`` to see. ``clipped_images`` finds a picture (a payment
QR, a camera frame) shown less than whole. ``near_bezel`` finds a control within 24 px of the
panel's edge. ``scrolled_out`` finds a scroll area hiding part of its content: buyer screens' lists
page instead (``ui.widgets.paged``). ``kiosk snapshots`` reports all of them (``scrolled_out`` on buyer
screens only: a staff list may scroll).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ui import i18n, theme
from ui.widgets.pinyin import AboveKeyboard
from ui.qt import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QApplication,
    QEvent,
    QFontMetrics,
    QImage,
    QLabel,
    QLineEdit,
    QObject,
    QPoint,
    QPushButton,
    QRect,
    QStyle,
    QStyleOptionButton,
    Qt,
    QTextDocument,
    QTextEdit,
    QWidget,
)


# A layout that still moves after this many passes is a layout loop, and the picture shows it.
SETTLE_PASSES = 20


class _LayoutRequests(QObject):
    """Counts the layout requests the app delivers (the passes of ``render``)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen += 1
        return False


@dataclass(frozen=True)
class TextProblem:
    widget: str
    text: str
    detail: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.detail}: {self.text!r}"


def render(widget: QWidget, path: Path | None = None, *, size: tuple[int, int] = (1920, 1080),
           lang: str = i18n.DEFAULT_LANGUAGE, large: bool = False, mode: theme.Mode = "buyer",
           high_contrast: bool = False) -> QImage:
    """Lay ``widget`` out at ``size`` in ``lang`` and text mode (and the high-contrast theme, which
    only buyer screens have), return (and save, as PNG by the ``.png`` suffix) the picture."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    i18n.switch_language(lang)
    theme.apply_theme(app, mode, large, high_contrast=high_contrast and mode == "buyer")
    widget.resize(*size)
    widget.show()
    # Until a pass lays nothing out: the style sheet changes fonts, which changes size hints, which
    # moves widgets, and a new minimum crosses one widget boundary per pass of posted events (a
    # reading page cut for the panel reaches the window a few passes after its text changed).
    counter = _LayoutRequests()
    app.installEventFilter(counter)
    try:
        for _ in range(SETTLE_PASSES):
            counter.seen = 0
            app.processEvents()
            widget.resize(*size)
            if not counter.seen:
                break
    finally:
        app.removeEventFilter(counter)
    image = widget.grab().toImage()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # zlib level 1 (Qt's quality 80): a fifth faster than the default level, files a third larger.
        if not image.save(str(path), None, 80):
            raise OSError(f"cannot write {path}")
    return image


def overflow(widget: QWidget, size: tuple[int, int]) -> list[TextProblem]:
    """One problem when ``widget`` (rendered at ``size``) needs more room than the panel has."""
    need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    problems = []
    if widget.width() > size[0] or widget.height() > size[1] or need.width() > size[0] \
            or need.height() > size[1]:
        problems.append(TextProblem(_name(widget), "", f"needs at least {need.width()}x{need.height()} px, "
                                                        f"the panel is {size[0]}x{size[1]}"))
    # The screens' area shows all of a screen while the keyboard is away: a taller screen is cut off.
    for area in widget.findChildren(AboveKeyboard):
        shown, whole = area.viewport().height(), area.content.height()
        if not area.dock.up and whole > shown:
            problems.append(TextProblem(_name(area), "", f"the screen is {whole} px high, {shown} px are shown"))
    return problems


def _text_widgets(root: QWidget) -> list[QWidget]:
    found = [root, *root.findChildren(QWidget)]
    return [w for w in found if isinstance(w, (QLabel, QAbstractButton)) and w.isVisibleTo(root)]


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _plain_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        text = widget.text()
        if widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText
                and Qt.mightBeRichText(text)):  # type: ignore[attr-defined]  # QtGui adds it at run time
            doc = QTextDocument()
            doc.setHtml(text)
            return doc.toPlainText()
        return text
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return ""


def _text_rect(widget: QWidget) -> QRect:
    if isinstance(widget, QPushButton):
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        return widget.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, widget)
    if isinstance(widget, QLabel):
        rect = widget.contentsRect()
        margin = widget.margin()
        return rect.adjusted(margin, margin, -margin, -margin)
    return widget.contentsRect()


def clipped_texts(root: QWidget) -> list[TextProblem]:
    """Every visible label or button whose text does not fit inside its rectangle."""
    problems = []
    for widget in _text_widgets(root):
        text = _plain_text(widget)
        if not text.strip():
            continue
        rect = _text_rect(widget)
        metrics = QFontMetrics(widget.font())
        wrap = isinstance(widget, QLabel) and widget.wordWrap()
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if wrap:
            flags |= Qt.TextFlag.TextWordWrap
        needed = metrics.boundingRect(QRect(0, 0, max(1, rect.width()), 100_000), int(flags), text)
        if needed.width() > rect.width() or needed.height() > rect.height():
            problems.append(TextProblem(
                _name(widget), text,
                f"needs {needed.width()}x{needed.height()} px, has {rect.width()}x{rect.height()}"))
    return problems


def visible_texts(root: QWidget) -> list[str]:
    """The text of every visible label and button under ``root`` as it is drawn (rich text as plain
    text, no mnemonic marks): what a picture of ``root`` says, for a reader that cannot look at it."""
    return [text for text in map(_plain_text, _text_widgets(root)) if text.strip()]


def missing_glyphs(root: QWidget) -> list[TextProblem]:
    """Every visible label or button with a character its font cannot draw."""
    problems = []
    for widget in _text_widgets(root):
        metrics = QFontMetrics(widget.font())
        text = _plain_text(widget)
        missing = sorted({c for c in text if not c.isspace() and not metrics.inFontUcs4(ord(c))})
        if missing:
            codes = ", ".join(f"U+{ord(c):04X}" for c in missing)
            problems.append(TextProblem(_name(widget), text, f"no glyph for {codes} in {widget.font().family()}"))
    return problems


# What a finger uses: a widget of these kinds cut off is a control partly out of reach or out of sight.
def clipped_images(root: QWidget) -> list[TextProblem]:
    """Every shown picture label under ``root`` (a payment QR, a camera frame) that shows less than its
    picture: Qt draws the middle and cuts the edges, and a QR code cut at its edges does not scan. A
    label taller than the room its parent gives it is cut too (a wrapped title's second line takes room
    no minimum size counted), so what shows is the label's visible region."""
    problems = []
    for widget in root.findChildren(QLabel):
        pixmap = widget.pixmap()
        if not widget.isVisible() or pixmap.isNull() or widget.hasScaledContents():
            continue
        need = pixmap.deviceIndependentSize().toSize()
        drawn = QStyle.alignedRect(widget.layoutDirection(), widget.alignment(), need, widget.contentsRect())
        shown = widget.visibleRegion().boundingRect() & widget.contentsRect()
        if not shown.contains(drawn):
            problems.append(TextProblem(_name(widget), "", f"a {need.width()}x{need.height()} px picture, "
                                                           f"{shown.width()}x{shown.height()} px of it shown"))
    return problems


def scrolled_out(root: QWidget) -> list[TextProblem]:
    """Every shown scroll area under ``root`` whose content is taller or wider than what it shows: on a
    buyer screen a part nobody scrolls to (ux.md: lists have visible page buttons; ``ui.widgets.paged``).
    The screens' own area above the on-screen keyboard is ``overflow``'s to judge."""
    problems = []
    for area in root.findChildren(QAbstractScrollArea):
        if not area.isVisible() or isinstance(area, AboveKeyboard):
            continue
        hidden = [bar.maximum() for bar in (area.verticalScrollBar(), area.horizontalScrollBar())]
        if any(hidden):
            problems.append(TextProblem(_name(area), "", f"scrolls: {hidden[0]} px below and {hidden[1]} px "
                                                         "beside what it shows"))
    return problems


CONTROLS = (QAbstractButton, QLineEdit, QTextEdit, QAbstractSlider)


def cut_off(root: QWidget) -> list[TextProblem]:
    """Every shown control under ``root`` that sticks out of a widget it lies in, up to ``root``; a
    scroll area shows a part of its content on purpose, so the walk up stops there."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not (isinstance(widget, CONTROLS) and widget.isVisible()):
            continue
        rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
        outer = widget.parentWidget()
        while outer is not None and outer is not root and not isinstance(outer, QAbstractScrollArea):
            if not QRect(outer.mapTo(root, QPoint(0, 0)), outer.size()).contains(rect):
                problems.append(TextProblem(_name(widget), _plain_text(widget),
                                            f"at {rect.getRect()}, out of {_name(outer)}"))
                break
            outer = outer.parentWidget()
    return problems


def near_bezel(root: QWidget, margin: int = theme.BEZEL_PX) -> list[TextProblem]:
    """Every shown control of ``root`` (a window as big as its panel) whose visible part comes within
    ``margin`` px of the panel's edge."""
    inner = root.rect().adjusted(margin, margin, -margin, -margin)
    problems = []
    for widget in root.findChildren(QWidget):
        if not (isinstance(widget, CONTROLS) and widget.isVisible()):
            continue
        shown = widget.visibleRegion().boundingRect()
        if shown.isEmpty():
            continue
        rect = shown.translated(widget.mapTo(root, QPoint(0, 0)))
        if not inner.contains(rect):
            problems.append(TextProblem(_name(widget), _plain_text(widget),
                                        f"at {rect.getRect()}, within {margin} px of the bezel"))
    return problems
