"""Masking of identity numbers: the one function every screen, receipt and log uses."""

from __future__ import annotations


def mask_id(number: str | None, head: int = 6, tail: int = 4) -> str:
    """Show the first ``head`` and last ``tail`` characters, star the rest.

    Short or empty input is fully starred so that a fragment never leaks.
    """
    if not number:
        return ""
    text = str(number).strip()
    if len(text) <= head + tail:
        return "*" * len(text)
    return text[:head] + "*" * (len(text) - head - tail) + text[-tail:]


def mask_phone(number: str | None) -> str:
    """Phone numbers keep the first 3 and last 4 digits (138****5678)."""
    return mask_id(number, head=3, tail=4)


def mask_name(name: str | None) -> str:
    """Keep the family name, star the rest (张**)."""
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1)
