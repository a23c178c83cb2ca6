"""Numeric keypad for resident ID numbers (ux.md: keys >= 96x96 px with an X key).

Feedback is live and in plain words: how many characters are still missing,
whether the check character (position 18) matches, or that the number cannot
be right. The rule itself is ``kiosk.rules.idcard``; this widget only words
its answer. X is accepted only as the 18th character, the one place it can be.
"""

from __future__ import annotations

from itertools import groupby

from kiosk.errors import ValidationError
from kiosk.privacy import mask_id
from kiosk.rules.idcard import parse_id_number

from ui.i18n import Retranslating
from ui.qt import QBoxLayout, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, Qt, QVBoxLayout, QWidget, Signal
from ui.widgets.guard import GuardedButton, repeatable

LENGTH = 18
KEY_PX = 112  # above ux.md's 96 px so the theme's padding can never shrink a key below it
KEY_GAP = 16

EMPTY, INCOMPLETE, VALID, BAD_CHECK, INVALID = "empty", "incomplete", "valid", "bad_check", "invalid"


class IdKeypad(Retranslating, QWidget):
    """Signals carry the status, never the number; read ``number()`` when it is ``valid``."""

    status_changed = Signal(str)
    valid_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, masked: bool = False, beside: bool = False,
                 rows: tuple[str, ...] = ("123", "456", "789", "X0<"), key_px: int = KEY_PX,
                 delete_sign: bool = False) -> None:
        """``beside``: the keys left of the number (for panels with little height); ``rows``: the keys
        row by row (e.g. two rows where a panel has little height); a key written several times in a
        row spans that many columns (``"890X<<<"``: a wide delete key); ``delete_sign``: the delete key
        shows ⌫ instead of its name (a key as narrow as a digit's, where the name would not fit it)."""
        super().__init__(parent)
        self._text = ""
        self._placeholder = "-"
        self._delete_sign = delete_sign
        self._masked = masked
        self.status = EMPTY
        self.display = QLabel()
        self.display.setProperty("role", "figure")
        self.display.setMinimumHeight(96)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(KEY_GAP)
        for row, chars in enumerate(rows):
            column = 0
            for char, run in groupby(chars):
                span = len(list(run))
                key = repeatable(QPushButton(char))
                key.setProperty("role", "key")
                key.setMinimumSize(key_px, key_px)
                key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                key.clicked.connect(lambda _=False, c=char: self.press(c))
                grid.addWidget(key, row, column, 1, span)
                self.keys[char] = key
                column += span
        self.clear_button = GuardedButton()
        self.clear_button.setProperty("role", "destructive")
        self.clear_button.setMinimumHeight(key_px)
        self.clear_button.clicked.connect(self.clear)
        # ``column``: what was typed and what it means, for a screen to add its own button below.
        self.column = QVBoxLayout()
        self.column.setSpacing(16)
        self.column.addWidget(self.display)
        self.column.addWidget(self.feedback)
        if beside:
            # Keys on the left, the rest in a column on the right: for panels with little height.
            # The number wraps at its groups (region, birth date, sequence) where the column is narrow.
            self.display.setWordWrap(True)
            self.column.addStretch(1)
            self.column.addWidget(self.clear_button)
            layout: QBoxLayout = QHBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)  # beside the keys is where height is short
            layout.setSpacing(32)  # clear is destructive: keep it apart from the keys
            # Where there is width to spare the keys take as much of it as the column (square-ish keys,
            # not tall and narrow ones beside a wide column).
            layout.addLayout(grid, 1)
            layout.addLayout(self.column, 1)
        else:
            side = QHBoxLayout()
            side.addLayout(grid)
            side.addSpacing(32)  # clear is destructive: keep it apart from the keys
            side.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
            layout = QVBoxLayout(self)
            layout.setSpacing(16)
            layout.addLayout(self.column)
            layout.addLayout(side)
        self.retranslate()
        self._update()

    # -- input -------------------------------------------------------------------------

    def press(self, char: str) -> None:
        if char == "<":
            self._text = self._text[:-1]
        elif char == "X":
            if len(self._text) == LENGTH - 1:
                self._text += "X"
        elif char.isdigit() and len(self._text) < LENGTH:
            self._text += char
        self._update()

    def clear(self) -> None:
        """Forget the number (also what the idle time-out calls)."""
        self._text = ""
        self._update()

    def set_masked(self, masked: bool) -> None:
        self._masked = masked
        self._render_display()

    def set_placeholder(self, text: str) -> None:
        """What the number's place says while nothing is typed (``-`` until set)."""
        self._placeholder = text
        self._render_display()

    def number(self) -> str | None:
        """The typed number once it is valid, else None."""
        return self._text if self.status == VALID else None

    def typed_length(self) -> int:
        return len(self._text)

    # -- feedback ------------------------------------------------------------------------

    def retranslate(self) -> None:
        delete = self.tr("Delete")
        self.keys["<"].setText("⌫" if self._delete_sign else delete)
        self.keys["<"].setAccessibleName(delete)
        self.clear_button.setText(self.tr("Clear"))
        self._render_feedback()

    def _update(self) -> None:
        status = self._status()
        self.keys["X"].setEnabled(len(self._text) == LENGTH - 1)
        for char in "0123456789":
            self.keys[char].setEnabled(len(self._text) < LENGTH)
        self.keys["<"].setEnabled(bool(self._text))
        self.clear_button.setEnabled(bool(self._text))
        self._render_display()
        changed = status != self.status
        was_valid = self.status == VALID
        self.status = status
        self._render_feedback()
        if changed:
            self.status_changed.emit(status)
            if was_valid != (status == VALID):
                self.valid_changed.emit(status == VALID)

    def _status(self) -> str:
        if not self._text:
            return EMPTY
        if len(self._text) < LENGTH:
            return INCOMPLETE
        try:
            parse_id_number(self._text)
        except ValidationError as exc:
            return BAD_CHECK if exc.code == "id_checksum" else INVALID
        return VALID

    def _render_display(self) -> None:
        text = self._text
        if self._masked:
            text = mask_id(text) if len(text) == LENGTH else text[:6] + "*" * max(0, len(text) - 6)
        # Grouped as on the card: region, birth date, sequence and check character.
        groups = [text[:6], text[6:14], text[14:]]
        self.display.setText(" ".join(g for g in groups if g) or self._placeholder)

    def _render_feedback(self) -> None:
        words = {
            EMPTY: self.tr("Type the 18 characters of your ID number."),
            INCOMPLETE: self.tr("{count} more to type.").format(count=LENGTH - len(self._text)),
            VALID: self.tr("The number is complete and its last character checks out."),
            BAD_CHECK: self.tr("The last character does not match the others. "
                               "Please compare the number with your ID card."),
            INVALID: self.tr("This cannot be an ID number. Please compare it with your ID card."),
        }
        state = {VALID: "ok", BAD_CHECK: "error", INVALID: "error"}.get(self.status, "")
        self.feedback.setText(words[self.status])
        self.feedback.setProperty("state", state)
        # A dynamic property only restyles after a re-polish.
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
