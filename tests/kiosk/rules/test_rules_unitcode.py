"""Unit codes (GB/T 37346): every field, configurable letter sets, round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.config import DEFAULTS
from kiosk.errors import ValidationError
from kiosk.rules.unitcode import UnitCodeRules, format_unit_code, parse_unit_code

FAST = settings(max_examples=200, deadline=None)
GOOD = "410425413219GB00029F00010002"


def rejected(text: str, code: str, rules: UnitCodeRules | None = None) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_unit_code(text, rules)
    assert info.value.code == code, str(info.value)
    assert info.value.field == "unit_code"
    return info.value


def test_every_field_parsed() -> None:
    unit = parse_unit_code(GOOD)
    assert (unit.county, unit.district, unit.subdistrict) == ("410425", "413", "219")
    assert (unit.ownership, unit.right, unit.parcel_seq) == ("G", "B", "00029")
    assert (unit.fixture, unit.fixture_number, unit.building, unit.room) == ("F", "00010002", "0001", "0002")
    assert unit.parcel_code == "410425413219GB00029"


def test_land_only_unit_has_eight_zeros() -> None:
    unit = parse_unit_code("410425006001GC00001W00000000")
    assert unit.fixture == "W" and unit.fixture_number == "00000000"
    assert unit.building is None and unit.room is None
    err = rejected("410425006001GC00001W00000001", "unit_fixture_w")
    assert "00000000" in str(err)


def test_lower_case_letters_and_spaces_accepted() -> None:
    assert parse_unit_code(" 410425413219gb00029f00010002 ").code == GOOD
    full_width = "".join(chr(ord(char) + 0xFEE0) for char in GOOD)
    assert parse_unit_code(full_width).code == GOOD


@pytest.mark.parametrize(("text", "code", "where"), [
    (GOOD[:-1], "unit_length", "has 27"),
    (GOOD + "1", "unit_length", "has 29"),
    ("41042A413219GB00029F00010002", "unit_county_chars", "position 6"),
    ("410423413219GB00029F00010002", "unit_county", "鲁山县"),
    ("4104254A3219GB00029F00010002", "unit_district", "position 8"),
    ("4104254132I9GB00029F00010002", "unit_subdistrict", "position 11"),
    ("410425413219AB00029F00010002", "unit_ownership", "position 13"),
    ("410425413219GI00029F00010002", "unit_right", "position 14"),
    ("410425413219GB0002XF00010002", "unit_parcel_seq", "position 19"),
    ("410425413219GB00000F00010002", "unit_parcel_seq", "00000"),
    ("410425413219GB00029X00010002", "unit_fixture", "position 20"),
    ("410425413219GB00029F0001000Z", "unit_fixture_number", "position 28"),
])
def test_each_failure_names_its_field(text: str, code: str, where: str) -> None:
    assert where in str(rejected(text, code))


def test_county_and_letter_sets_come_from_config() -> None:
    section = dict(DEFAULTS["unit_code"], right_letters="BC")
    rules = UnitCodeRules.from_config(section, county="410423")
    assert parse_unit_code("410423413219GC00029F00010002", rules).county == "410423"
    rejected(GOOD, "unit_county", rules)
    err = rejected("410423413219GS00029F00010002", "unit_right", rules)
    assert "B, C" in str(err)
    assert parse_unit_code("410425413219GS00029F00010002").right == "S"
    assert UnitCodeRules.from_config({}) == UnitCodeRules()


def test_format_builds_and_validates() -> None:
    assert format_unit_code(district=413, subdistrict=219, ownership="G", right="B",
                            parcel_seq=29, building=1, room=2) == GOOD
    assert format_unit_code(district="006", subdistrict="001", ownership="G", right="C",
                            parcel_seq=1, fixture="W") == "410425006001GC00001W00000000"
    assert format_unit_code(district=1, subdistrict=1, ownership="J", right="A", parcel_seq=7,
                            fixture="L", fixture_number=12).endswith("L00000012")
    with pytest.raises(ValidationError) as info:
        format_unit_code(district=1, subdistrict=1, ownership="G", right="B", parcel_seq=1, building=1)
    assert info.value.code == "unit_fixture_number"
    with pytest.raises(ValidationError) as info:
        format_unit_code(district=1000, subdistrict=1, ownership="G", right="B", parcel_seq=1,
                         building=1, room=1)
    assert info.value.code == "unit_district"
    with pytest.raises(ValidationError):
        format_unit_code(district=1, subdistrict=1, ownership="G", right="B", parcel_seq=1,
                         fixture="W", fixture_number=5)


rules_default = UnitCodeRules()


@st.composite
def unit_parts(draw: st.DrawFn) -> dict[str, object]:
    fixture = draw(st.sampled_from(rules_default.fixture_letters))
    parts: dict[str, object] = {
        "district": draw(st.integers(0, 999)),
        "subdistrict": draw(st.integers(0, 999)),
        "ownership": draw(st.sampled_from(rules_default.ownership_letters)),
        "right": draw(st.sampled_from(rules_default.right_letters)),
        "parcel_seq": draw(st.integers(1, 99999)),
        "fixture": fixture,
    }
    if fixture == "F":
        parts["building"] = draw(st.integers(0, 9999))
        parts["room"] = draw(st.integers(0, 9999))
    elif fixture != "W":
        parts["fixture_number"] = draw(st.integers(0, 99_999_999))
    return parts


@FAST
@given(unit_parts())
def test_generated_codes_round_trip(parts: dict[str, object]) -> None:
    code = format_unit_code(**parts)  # type: ignore[arg-type]
    unit = parse_unit_code(code.lower())
    assert unit.code == code and len(code) == 28
    assert int(unit.district) == parts["district"] and int(unit.subdistrict) == parts["subdistrict"]
    assert (unit.ownership, unit.right, unit.fixture) == (parts["ownership"], parts["right"], parts["fixture"])
    assert int(unit.parcel_seq) == parts["parcel_seq"]
    if unit.fixture == "F":
        assert (int(unit.building), int(unit.room)) == (parts["building"], parts["room"])
    elif unit.fixture == "W":
        assert unit.fixture_number == "00000000"
    else:
        assert int(unit.fixture_number) == parts["fixture_number"]


@FAST
@given(unit_parts(), st.integers(0, 27), st.sampled_from("#-I O"))
def test_a_character_outside_the_layout_is_rejected(parts: dict[str, object], position: int,
                                                    replacement: str) -> None:
    code = format_unit_code(**parts)  # type: ignore[arg-type]
    changed = code[:position] + replacement + code[position + 1:]
    with pytest.raises(ValidationError):
        parse_unit_code(changed)
