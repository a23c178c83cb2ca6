"""Unified social credit codes (GB 32100): published examples, failures, properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.errors import ValidationError
from kiosk.rules.uscc import ALPHABET, make_uscc_check_char, parse_uscc

FAST = settings(max_examples=200, deadline=None)


def rejected(text: str, code: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_uscc(text)
    assert info.value.code == code, str(info.value)
    assert info.value.field == "uscc"
    return info.value


@pytest.mark.parametrize("code", [
    "91350100M000100Y43",    # the example published with GB 32100
    "11100000MB03271699",    # 自然资源部, from a production system's certificate-type codes
])
def test_published_examples(code: str) -> None:
    assert make_uscc_check_char(code[:17]) == code[17]
    parsed = parse_uscc(code.lower())
    assert parsed.normalized == code
    assert parsed.region == code[2:8]
    assert parsed.organisation_code == code[8:17]


def test_check_value_31_is_written_zero() -> None:
    # A body whose weighted sum is a multiple of 31 gets check value 0, not 31.
    body = "00000000000000000"
    assert make_uscc_check_char(body) == "0"
    assert parse_uscc(body + "0").normalized == body + "0"


def test_failures() -> None:
    assert "has 17" in str(rejected("91350100M000100Y4", "uscc_length"))
    assert "position 9" in str(rejected("91350100I000100Y43", "uscc_chars"))
    assert "position 12" in str(rejected("91350100M00O100Y43", "uscc_chars"))
    assert "position 3" in str(rejected("91A50100M000100Y43", "uscc_region"))
    assert "should be 3" in str(rejected("91350100M000100Y44", "uscc_checksum"))
    with pytest.raises(ValidationError):
        make_uscc_check_char("91350100M000100Y")
    with pytest.raises(ValidationError):
        make_uscc_check_char("91350100M000100YS")


@st.composite
def usccs(draw: st.DrawFn) -> str:
    head = draw(st.text(ALPHABET, min_size=2, max_size=2))
    region = draw(st.text("0123456789", min_size=6, max_size=6))
    organisation = draw(st.text(ALPHABET, min_size=9, max_size=9))
    body = head + region + organisation
    return body + make_uscc_check_char(body)


@FAST
@given(usccs())
def test_generated_codes_pass(code: str) -> None:
    assert parse_uscc(code).normalized == code
    assert parse_uscc(code.lower()).normalized == code
    full_width = "".join(chr(ord(char) + 0xFEE0) for char in code)
    assert parse_uscc(full_width).normalized == code


@FAST
@given(usccs(), st.integers(0, 17), st.sampled_from(ALPHABET + "IOSVZ-# \uff21\uff10"))
def test_any_single_character_change_is_rejected(code: str, position: int, replacement: str) -> None:
    if unicodedata.normalize("NFKC", replacement) == code[position]:
        replacement = ALPHABET[(ALPHABET.index(code[position]) + 1) % len(ALPHABET)]
    changed = code[:position] + replacement + code[position + 1:]
    with pytest.raises(ValidationError):
        parse_uscc(changed)


# --- group separators and platform-signed codes --------------------------------------------------

@pytest.mark.parametrize("typed", ["91 350100 M000100Y43", "91-350100-M000100Y43", " 91350100 M000100Y4 3\t",
                                   "９１　３５０１００－Ｍ０００１００Ｙ４３"])
def test_spaces_and_hyphens_between_groups_are_ignored(typed: str) -> None:
    assert parse_uscc(typed).normalized == "91350100M000100Y43"


@FAST
@given(usccs(), st.lists(st.sampled_from([1, 2, 8, 17]), unique=True), st.sampled_from([" ", "-", " - ", "\u3000"]))
def test_separators_at_group_boundaries_never_change_the_code(code: str, cuts: list[int], sep: str) -> None:
    pieces, last = [], 0
    for cut in sorted(cuts):
        pieces.append(code[last:cut])
        last = cut
    pieces.append(code[last:])
    assert parse_uscc(sep.join(pieces)).normalized == code


def test_platform_codes_with_a_failing_check_character_are_kept_and_flagged() -> None:
    early = "91350211M0000XUF46"   # a legal early Fujian code that fails the check character
    assert "should be" in str(rejected(early, "uscc_checksum"))
    kept = parse_uscc(early, strict=False)
    assert (kept.normalized, kept.check_ok) == (early, False)
    assert parse_uscc("91350100M000100Y43", strict=False).check_ok is True
    with pytest.raises(ValidationError) as info:
        parse_uscc("91350211I0000XUF46", strict=False)
    assert info.value.code == "uscc_chars", "only the check character is forgiven"


@FAST
@given(usccs(), st.sampled_from(ALPHABET))
def test_lenient_parse_flags_exactly_the_wrong_check_character(code: str, last: str) -> None:
    changed = code[:17] + last
    assert parse_uscc(changed, strict=False).check_ok is (last == code[17])
