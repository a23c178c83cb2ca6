"""Column arithmetic for receipt text: how wide a string prints and how to wrap it.

A receipt printer in Chinese mode prints every multi-byte GB18030 character in
a full-width cell (24 dots) and every ASCII character in a half-width cell (12
dots), whatever Unicode calls the character; the raster fallback draws the
same cells so that both modes line up identically.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def char_columns(ch: str) -> int:
    """Half-width columns one character occupies on the paper."""
    return 1 if ch < "\x80" else 2


def text_columns(text: str) -> int:
    return sum(char_columns(ch) for ch in text)


def clean_text(text: str) -> str:
    """Turn control characters into spaces.

    Receipt text comes from case data; an ESC or GS byte inside a name would
    otherwise be executed by the printer as a command.
    """
    return _CONTROL.sub(" ", text)


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def wrap(text: str, columns: int, indent: int = 0) -> list[str]:
    """Greedy wrap to ``columns``; continuation lines start with ``indent`` spaces.

    Space-separated phrases move whole to the next line when they fit there;
    a phrase longer than a line is broken between characters, which is how
    Chinese is typeset anyway. Spaces at a break are dropped.
    """
    if columns < 2 or indent >= columns - 1:
        raise ValueError(f"cannot wrap into {columns} columns with indent {indent}")
    lines: list[str] = []
    current, used = "", 0

    def newline() -> None:
        nonlocal current, used
        lines.append(current.rstrip())
        current, used = " " * indent, indent

    for token in re.findall(r"[^ ]+| +", clean_text(text)):
        width = text_columns(token)
        if used + width <= columns:
            current += token
            used += width
        elif token.isspace():
            newline()
        else:
            if current.strip() and width <= columns - indent:
                newline()
            for ch in token:
                cw = char_columns(ch)
                if used + cw > columns:
                    newline()
                current += ch
                used += cw
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def pad_between(left: str, right: str, columns: int) -> str | None:
    """``left`` and ``right`` on one line, right-aligned; None when they do not fit."""
    gap = columns - text_columns(left) - text_columns(right)
    if gap < 1:
        return None
    return left + " " * gap + right
