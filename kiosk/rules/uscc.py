"""Unified social credit codes (统一社会信用代码, GB 32100-2015), domain.md section 9.

18 characters from a 31-character alphabet (no I, O, S, V, Z): registration
authority, organisation type, 6-digit division code, 9-character organisation
code, check character. The check value is 31 − (Σ value × 3^(i−1) mod 31),
with 31 written as 0. Because 31 is prime and no weight is a multiple of it,
every single-character substitution changes the sum and is caught.

The organisation code's own GB 11714 check character is not enforced: codes
issued to bodies without a former organisation code may not follow it, and
refusing a real developer would stop a handover.

Codes are often written with spaces or hyphens between the groups
(``91 110000 600037341L``); those are removed before the code is checked.
What people type gets the strict check. Some real, legal early codes (Fujian
pilot codes such as ``91350211M0000XUF46``) fail the check character, so a
code that comes signed from the platform is parsed with ``strict=False``: it
is kept with ``check_ok`` False, for the caller to flag (domain.md section 9).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.errors import ValidationError
from sync.wire import credit_code

FIELD = "uscc"
LENGTH = credit_code.LENGTH
ALPHABET = credit_code.ALPHABET
VALUES = credit_code.VALUES


@dataclass(frozen=True)
class Uscc:
    """A valid code and its parts."""

    normalized: str
    registration_authority: str
    organisation_type: str
    region: str
    organisation_code: str
    check_ok: bool = True


def make_uscc_check_char(body17: str) -> str:
    """The check character for the first 17 characters of a code (``sync.wire.credit_code``)."""
    if not credit_code.is_body(body17):
        raise ValidationError("a USCC body must be 17 characters from " + ALPHABET,
                              field=FIELD, code="uscc_body")
    return credit_code.check_char(body17)


def normalize_uscc(text: str) -> str:
    """Full-width folded, separators removed, upper case (not yet validated)."""
    return credit_code.normalize(text)


def parse_uscc(text: str, *, strict: bool = True) -> Uscc:
    """Validate ``text`` (lower case, full-width and group separators accepted) and split it.

    With ``strict=False`` (platform-signed data only) a wrong check character is
    reported as ``check_ok=False`` instead of refused; every other rule still holds.
    """
    code = normalize_uscc(text)
    if len(code) != LENGTH:
        raise ValidationError(
            f"a unified social credit code has {LENGTH} characters, this one has {len(code)}; "
            "copy it again from the business licence",
            field=FIELD, code="uscc_length")
    for position, char in enumerate(code, start=1):
        if char not in VALUES:
            raise ValidationError(
                f"position {position} is {char!r}, which never occurs in a unified social credit "
                "code (digits and capital letters except I, O, S, V, Z); check it on the licence",
                field=FIELD, code="uscc_chars")
    for position in range(3, 9):
        if not code[position - 1].isdigit():
            raise ValidationError(
                f"position {position} is {code[position - 1]!r}, but positions 3-8 are the "
                "division code and must be digits; check it on the licence",
                field=FIELD, code="uscc_region")
    expected = make_uscc_check_char(code[:17])
    if code[17] != expected and strict:
        raise ValidationError(
            f"the check character (position 18) should be {expected}, not {code[17]}; "
            "one of the 18 characters is mistyped, compare the code with the business licence",
            field=FIELD, code="uscc_checksum")
    return Uscc(
        normalized=code,
        registration_authority=code[0],
        organisation_type=code[1],
        region=code[2:8],
        organisation_code=code[8:17],
        check_ok=code[17] == expected,
    )
