"""The check character of unified social credit codes (统一社会信用代码, GB 32100-2015), shared by both
ends: the kiosk's rule (``kiosk.rules.uscc``) and the gateway's check of the master data it publishes
use this one arithmetic, so they can never disagree about a code.

18 characters from a 31-character alphabet (no I, O, S, V, Z); the check value of the first 17 is
31 − (Σ value × 3^(i−1) mod 31), with 31 written as 0.
"""

from __future__ import annotations

import re
import unicodedata

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VALUES: dict[str, int] = {char: value for value, char in enumerate(ALPHABET)}
WEIGHTS: tuple[int, ...] = tuple(pow(3, i, 31) for i in range(17))
LENGTH = 18
# Spaces and hyphens people put between the groups; NFKC has already folded
# the full-width forms (U+3000, U+FF0D) to these.
_SEPARATORS = re.compile(r"[\s\-]+")


def normalize(text: str) -> str:
    """Full-width folded, group separators removed, upper case (not yet validated)."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()


def is_body(body17: str) -> bool:
    """Whether ``body17`` is 17 characters of the alphabet (a code without its check character)."""
    return len(body17) == LENGTH - 1 and all(char in VALUES for char in body17)


def check_char(body17: str) -> str:
    """The check character for the first 17 characters of a code; ``ValueError`` if they are not."""
    if not is_body(body17):
        raise ValueError(f"a credit code body is {LENGTH - 1} characters from {ALPHABET}")
    total = sum(VALUES[char] * weight for char, weight in zip(body17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def check_fails(text: str) -> bool:
    """Whether ``text`` has the form of a credit code but a check character that does not match."""
    code = normalize(text)
    return len(code) == LENGTH and is_body(code[:17]) and code[17] in VALUES and code[17] != check_char(code[:17])
