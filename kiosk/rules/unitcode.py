"""Real-estate unit codes (不动产单元代码, GB/T 37346-2019), domain.md section 2.

Layout of the 28 characters (positions 1-based, as staff read them):

====  =====  =========================================================
1-6   6      county-level division code (GB/T 2260), e.g. 410425
7-9   3      cadastral district (地籍区), digits
10-12 3      cadastral sub-district (地籍子区), digits
13    1      land-ownership letter (G state, J collective, Z undetermined)
14    1      type-of-right letter (B construction land surface, …)
15-19 5      parcel sequence number, 00001-99999
20    1      fixture letter (F building, L trees, Q other, W none)
21-28 8      fixture unit number; for F: 4-digit building + 4-digit room;
             for W always 00000000
====  =====  =========================================================

The code has no check character, so a typo can only be caught by lookup; the
rules here catch everything else. The letter sets come from configuration
because the standard's own code table was not available (domain.md).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.config import DEFAULTS
from kiosk.errors import ValidationError
from kiosk.rules.regions import COUNTIES

FIELD = "unit_code"
LENGTH = 28
NO_FIXTURE = "W"
BUILDING_FIXTURE = "F"


@dataclass(frozen=True)
class UnitCodeRules:
    """What a unit code at this kiosk may contain."""

    county: str = DEFAULTS["county"]["code"]
    ownership_letters: str = DEFAULTS["unit_code"]["ownership_letters"]
    right_letters: str = DEFAULTS["unit_code"]["right_letters"]
    fixture_letters: str = DEFAULTS["unit_code"]["fixture_letters"]

    @classmethod
    def from_config(cls, unit_code: Mapping[str, Any], county: str | None = None) -> UnitCodeRules:
        """Build from the ``unit_code`` config section and the ``county.code`` value."""
        return cls(
            county=county if county is not None else cls.county,
            ownership_letters=unit_code.get("ownership_letters", cls.ownership_letters),
            right_letters=unit_code.get("right_letters", cls.right_letters),
            fixture_letters=unit_code.get("fixture_letters", cls.fixture_letters),
        )


@dataclass(frozen=True)
class UnitCode:
    """A valid unit code split into its fields (all kept as text: leading zeros matter)."""

    code: str
    county: str
    district: str
    subdistrict: str
    ownership: str
    right: str
    parcel_seq: str
    fixture: str
    fixture_number: str
    building: str | None
    room: str | None

    @property
    def parcel_code(self) -> str:
        """The first 19 characters: the parcel / sea-area code (宗地宗海代码)."""
        return self.code[:19]


def parse_unit_code(text: str, rules: UnitCodeRules | None = None) -> UnitCode:
    """Validate ``text`` position by position; lower case and full-width are accepted."""
    rules = rules or UnitCodeRules()
    code = unicodedata.normalize("NFKC", text).strip().upper()
    if len(code) != LENGTH:
        raise ValidationError(
            f"a unit code has {LENGTH} characters, this one has {len(code)}; "
            "copy it again from the building table or the contract",
            field=FIELD, code="unit_length")
    _digits(code, 1, 6, "county code", "unit_county_chars")
    county = code[0:6]
    if county != rules.county:
        raise ValidationError(
            f"positions 1-6 are county {county}{_county_label(county)} but this kiosk serves "
            f"{rules.county}{_county_label(rules.county)}; "
            "only units of this county can be handled here",
            field=FIELD, code="unit_county")
    _digits(code, 7, 9, "cadastral district (地籍区)", "unit_district")
    _digits(code, 10, 12, "cadastral sub-district (地籍子区)", "unit_subdistrict")
    _letter(code, 13, rules.ownership_letters, "land-ownership letter", "unit_ownership")
    _letter(code, 14, rules.right_letters, "type-of-right letter", "unit_right")
    _digits(code, 15, 19, "parcel sequence number", "unit_parcel_seq")
    if code[14:19] == "00000":
        raise ValidationError(
            "the parcel sequence number (positions 15-19) is 00000; it runs from 00001 to 99999",
            field=FIELD, code="unit_parcel_seq")
    _letter(code, 20, rules.fixture_letters, "fixture letter", "unit_fixture")
    _digits(code, 21, 28, "fixture unit number", "unit_fixture_number")
    fixture, number = code[19], code[20:28]
    if fixture == NO_FIXTURE and number != "00000000":
        raise ValidationError(
            "position 20 is W (land without a fixture), so positions 21-28 must be 00000000; "
            "check the fixture letter and the unit number",
            field=FIELD, code="unit_fixture_w")
    is_building = fixture == BUILDING_FIXTURE
    return UnitCode(
        code=code,
        county=county,
        district=code[6:9],
        subdistrict=code[9:12],
        ownership=code[12],
        right=code[13],
        parcel_seq=code[14:19],
        fixture=fixture,
        fixture_number=number,
        building=number[:4] if is_building else None,
        room=number[4:] if is_building else None,
    )


def format_unit_code(*, district: int | str, subdistrict: int | str, ownership: str, right: str,
                     parcel_seq: int | str, fixture: str = BUILDING_FIXTURE,
                     building: int | str | None = None, room: int | str | None = None,
                     fixture_number: int | str | None = None,
                     rules: UnitCodeRules | None = None) -> str:
    """Assemble a code from its parts (the county comes from ``rules``) and validate it.

    For ``F`` give ``building`` and ``room``; for ``W`` give nothing (the unit
    number is eight zeros); otherwise give ``fixture_number``.
    """
    rules = rules or UnitCodeRules()
    if fixture == BUILDING_FIXTURE and fixture_number is None:
        if building is None or room is None:
            raise ValidationError("a building unit (F) needs both a building and a room number",
                                  field=FIELD, code="unit_fixture_number")
        number = _pad(building, 4, "building") + _pad(room, 4, "room")
    elif fixture == NO_FIXTURE and fixture_number is None:
        number = "00000000"
    elif fixture_number is None:
        raise ValidationError(f"fixture {fixture} needs a fixture_number",
                              field=FIELD, code="unit_fixture_number")
    else:
        number = _pad(fixture_number, 8, "fixture_number")
    code = (rules.county + _pad(district, 3, "district") + _pad(subdistrict, 3, "subdistrict")
            + ownership + right + _pad(parcel_seq, 5, "parcel_seq") + fixture + number)
    return parse_unit_code(code, rules).code


def _pad(value: int | str, width: int, name: str) -> str:
    text = f"{value:0{width}d}" if isinstance(value, int) else str(value)
    if len(text) != width or not (text.isascii() and text.isdigit()):
        raise ValidationError(f"{name} must be {width} digits, got {text!r}",
                              field=FIELD, code=f"unit_{name}")
    return text


def _digits(code: str, first: int, last: int, what: str, error_code: str) -> None:
    part = code[first - 1:last]
    if part.isascii() and part.isdigit():
        return
    for position in range(first, last + 1):
        char = code[position - 1]
        if not ("0" <= char <= "9"):
            raise ValidationError(
                f"position {position} is {char!r}, but positions {first}-{last} ({what}) "
                "must be digits; check the code against the building table",
                field=FIELD, code=error_code)


def _letter(code: str, position: int, allowed: str, what: str, error_code: str) -> None:
    char = code[position - 1]
    if char not in allowed:
        raise ValidationError(
            f"position {position} ({what}) is {char!r}; allowed: {', '.join(allowed)}; "
            "check the code, or the unit_code letter sets in kiosk.toml",
            field=FIELD, code=error_code)


def _county_label(code: str) -> str:
    name = COUNTIES.get(code)
    return f" ({name})" if name else ""
