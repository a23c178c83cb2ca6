"""Widgets that choose their arrangement by the width they are given (the header, the staff status strip,
screens whose rows of buttons move where a row cannot hold them).

``Fitting`` calls the widget's ``fit()`` again at every resize and at every font or style change (large
text, the high-contrast theme, a language with longer names), and reports as its minimum width that of
its narrowest arrangement (``narrowest()``): a narrow panel then gets that arrangement rather than a
window widened past the panel's edge by the one on show.
"""

from __future__ import annotations

from ui.qt import QEvent, QResizeEvent, QSize


class Fitting:
    """Mixin for widgets; listed before the Qt base class (and after ``Retranslating``, whose texts
    are set before a ``fit`` measures them)."""

    def fit(self) -> None:
        """Take the arrangement that fits the widget's width (a no-op until the widget is built: Qt
        may send a font change from the base class's ``__init__``)."""
        raise NotImplementedError

    def narrowest(self) -> QSize | None:
        """The least width of the narrowest arrangement, and the least height the widget needs whatever
        its arrangement; None until the widget is built, or where its layout's own minimum already is
        that of its narrowest arrangement (a screen whose buttons move to a row of their own)."""
        return None

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint: QSize = super().minimumSizeHint()  # type: ignore[misc]
        narrow = self.narrowest()
        if narrow is None:
            return hint
        return QSize(min(hint.width(), narrow.width()), max(hint.height(), narrow.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)  # type: ignore[misc]
        self.fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
