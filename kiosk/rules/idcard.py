"""Resident ID numbers (公民身份号码, GB 11643-1999), domain.md section 1.

An 18-character number is a 6-digit address code, an 8-digit birth date, a
3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character. The
older 15-digit numbers (GB 11643-1989) have a 2-digit year and no check
character; they are converted to 18 characters and flagged, because they only
identify people on old records, never as a current identity document:
``parse_id_number`` accepts them for matching, ``parse_identity_document``
(identifying a buyer, registering an agent) refuses them.

Three documents share the 18-character layout and check character, and the
number says which one it is (``document``): the resident ID card; the
residence permit of Hong Kong, Macao and Taiwan residents (address code
810000, 820000 or 830000); and the 2023 foreign permanent residence ID card,
whose first digit is 9 followed by the 2-digit province code of the issuing
office (and a 3-digit nationality code).

Errors never carry the number: a message names the position or the rule that
failed and says what to do, and the ``code`` lets the UI pick its own wording.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from operator import mul
from datetime import date
from typing import Literal

from kiosk.errors import ValidationError
from kiosk.rules.county_time import county_today
from kiosk.rules.regions import province_name, region_name

FIELD = "id_number"

# Weight of position i (1-based) is 2^(18-i) mod 11.
WEIGHTS: tuple[int, ...] = tuple(pow(2, 17 - i, 11) for i in range(17))
CHECK_CHARS = "10X98765432"

EARLIEST_BIRTH = date(1900, 1, 1)

Document = Literal["resident", "hk_macao_taiwan_residence_permit", "foreign_permanent_residence"]
RESIDENT: Document = "resident"
RESIDENCE_PERMIT: Document = "hk_macao_taiwan_residence_permit"
FOREIGN_PERMANENT_RESIDENCE: Document = "foreign_permanent_residence"
DOCUMENT_NAMES: dict[str, str] = {
    RESIDENT: "居民身份证",
    RESIDENCE_PERMIT: "港澳台居民居住证",
    FOREIGN_PERMANENT_RESIDENCE: "外国人永久居留身份证",
}
PERMIT_PROVINCES = ("81", "82", "83")
FOREIGNER_DIGIT = "9"


@dataclass(frozen=True)
class IdNumber:
    """A valid ID number and what it says about its holder."""

    normalized: str
    birth_date: date
    sex: Literal["M", "F"]
    region: str
    region_name: str | None
    legacy15: bool
    document: Document = RESIDENT

    @property
    def document_name(self) -> str:
        """The document's name as staff know it, e.g. 外国人永久居留身份证."""
        return DOCUMENT_NAMES[self.document]


def make_check_char(body17: str) -> str:
    """The MOD 11-2 check character for a 17-digit body."""
    if len(body17) != 17 or not body17.isascii() or not body17.isdigit():
        raise ValidationError("an ID-number body must be exactly 17 digits",
                              field=FIELD, code="id_body")
    total = sum(map(mul, map(int, body17), WEIGHTS))
    return CHECK_CHARS[total % 11]


def parse_id_number(text: str, *, today: date | None = None) -> IdNumber:
    """Validate ``text`` and return the normalised number with its derived facts.

    ``today`` bounds the birth date (injectable so tests do not depend on the
    clock). Raises :class:`ValidationError` with ``field='id_number'``.
    """
    today = today or county_today()
    # NFKC folds full-width digits typed with a Chinese input method.
    raw = unicodedata.normalize("NFKC", text).strip()
    if len(raw) == 15:
        body = _legacy_body(raw)
        number = body + make_check_char(body)
        legacy = True
    elif len(raw) == 18:
        number = raw[:17] + raw[17].upper()
        _check_chars(number)
        expected = make_check_char(number[:17])
        if number[17] != expected:
            raise ValidationError(
                f"the check character (position 18) should be {expected}, not {number[17]}; "
                "one of the 18 characters is mistyped, compare the number with the ID card",
                field=FIELD, code="id_checksum")
        legacy = False
    else:
        raise ValidationError(
            f"an ID number has 18 characters (15 for an old first-generation number), "
            f"this one has {len(raw)}; re-enter it from the ID card",
            field=FIELD, code="id_length")
    document = RESIDENT if legacy else document_of(number)
    foreign = document == FOREIGN_PERMANENT_RESIDENCE
    # A foreign permanent residence card carries the issuing province in positions 2-3.
    province = number[1:3] if foreign else number[:2]
    if province_name(province) is None:
        problem = (f"positions 1-3 ({number[:3]}): a number starting with 9 is a foreign permanent "
                   "residence ID card, whose positions 2-3 are the issuing province's code, and "
                   f"{province} is not one" if foreign
                   else f"positions 1-2 ({province}) are not a province code")
        raise ValidationError(f"{problem}; check the first digits against the ID card",
                              field=FIELD, code="id_province")
    birth = _birth_date(number[6:14])
    if birth > today:
        raise ValidationError(
            "the birth date (positions 7-14) is in the future; "
            "check the birth-date digits against the ID card",
            field=FIELD, code="id_future")
    return IdNumber(
        normalized=number,
        birth_date=birth,
        sex="M" if int(number[16]) % 2 else "F",
        region=number[:6],
        region_name=province_name(province) if foreign else region_name(number[:6]),
        legacy15=legacy,
        document=document,
    )


def parse_identity_document(text: str, *, today: date | None = None) -> IdNumber:
    """An ID number presented to identify a person now: as ``parse_id_number``, but an old
    15-digit number is refused (it only matches old records, domain.md section 1)."""
    number = parse_id_number(text, today=today)
    if number.legacy15:
        raise ValidationError(
            "this is an old 15-digit ID number, which is no longer an identity document "
            "(first-generation cards expired on 2013-01-01); it can only match old records",
            field=FIELD, code="id_legacy15",
            hint="ask for the current 18-character card: resident ID card, residence permit "
                 "or foreign permanent residence ID card")
    return number


def document_of(number: str) -> Document:
    """Which document a normalised, already validated 18-character number belongs to."""
    if number[0] == FOREIGNER_DIGIT:
        return FOREIGN_PERMANENT_RESIDENCE
    if number[:2] in PERMIT_PROVINCES:
        return RESIDENCE_PERMIT
    return RESIDENT


def _legacy_body(raw: str) -> str:
    for position, char in enumerate(raw, start=1):
        if not ("0" <= char <= "9"):
            raise ValidationError(
                f"position {position} of a 15-digit number is {_show(char)}; "
                "old 15-digit numbers contain digits only",
                field=FIELD, code="id_chars")
    # GB 11643-1989 numbers carry a 2-digit year of the 1900s.
    return raw[:6] + "19" + raw[6:]


def _check_chars(number: str) -> None:
    for position, char in enumerate(number, start=1):
        if "0" <= char <= "9" or (position == 18 and char == "X"):
            continue
        allowed = "a digit or X" if position == 18 else "a digit"
        raise ValidationError(
            f"position {position} is {_show(char)} but must be {allowed}; "
            "re-enter the number from the ID card",
            field=FIELD, code="id_chars")


def _birth_date(digits: str) -> date:
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if year < EARLIEST_BIRTH.year:
        raise _before_1900()
    if not 1 <= month <= 12:
        problem = "the month (positions 11-12) is not 01-12"
    else:
        try:
            return date(year, month, day)
        except ValueError:
            problem = "the day (positions 13-14) does not exist in that month"
    raise ValidationError(
        f"the birth date (positions 7-14) is not a real calendar date: {problem}; "
        "check those digits against the ID card",
        field=FIELD, code="id_date")


def _before_1900() -> ValidationError:
    return ValidationError(
        "the birth year (positions 7-10) is before 1900; "
        "check the birth-date digits against the ID card",
        field=FIELD, code="id_before_1900")


def _show(char: str) -> str:
    if char.isprintable() and not char.isspace():
        return f"'{char}'"
    return f"U+{ord(char):04X}"
