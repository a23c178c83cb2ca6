"""Resident ID numbers: published examples, every failure kind, and properties."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.errors import ValidationError
from kiosk.rules.idcard import make_check_char, parse_id_number, parse_identity_document
from kiosk.rules.regions import PROVINCES

TODAY = date(2026, 6, 1)
FAST = settings(max_examples=200, deadline=None)


def valid(body17: str) -> str:
    return body17 + make_check_char(body17)


def rejected(text: str, code: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_id_number(text, today=TODAY)
    err = info.value
    assert err.code == code, str(err)
    assert err.field == "id_number"
    stripped = text.strip()
    if len(stripped) >= 15:
        assert stripped not in str(err) and stripped.upper() not in str(err)
        assert stripped[:17] not in str(err)
    return err


@pytest.mark.parametrize(("body", "check"), [
    ("11010519491231002", "X"),   # GB 11643 Annex A example
    ("51310119820113001", "4"),
    ("37010119010203997", "3"),
])
def test_published_check_characters(body: str, check: str) -> None:
    assert make_check_char(body) == check
    assert parse_id_number(body + check, today=TODAY).normalized == body + check


def test_derived_fields() -> None:
    number = parse_id_number("11010519491231002X", today=TODAY)
    assert number.birth_date == date(1949, 12, 31)
    assert number.sex == "F"
    assert number.region == "110105"
    assert number.region_name == "北京市"
    assert number.legacy15 is False
    male = parse_id_number(valid("41042519900101123"), today=TODAY)
    assert male.sex == "M"
    assert male.region_name == "河南省平顶山市郏县"


def test_lower_case_x_and_whitespace_are_normalised() -> None:
    number = parse_id_number("  11010519491231002x\n", today=TODAY)
    assert number.normalized == "11010519491231002X"


def test_full_width_digits_are_folded() -> None:
    typed = "１１０１０５１９４９１２３１００２ｘ"
    assert parse_id_number(typed, today=TODAY).normalized == "11010519491231002X"


def test_fifteen_digit_number_converted_and_flagged() -> None:
    number = parse_id_number("110105491231002", today=TODAY)
    assert number.normalized == "11010519491231002X"
    assert number.legacy15 is True
    assert number.birth_date == date(1949, 12, 31)


def test_fifteen_digit_number_must_be_digits() -> None:
    err = rejected("11010549123100X", "id_chars")
    assert "position 15" in str(err)


@pytest.mark.parametrize("prefix", ["81", "82", "83"])
def test_residence_permit_prefixes_accepted(prefix: str) -> None:
    number = parse_id_number(valid(prefix + "000019900101123"), today=TODAY)
    assert number.region == prefix + "0000"
    assert number.region_name


@pytest.mark.parametrize("text", ["", "4104251990010112", "4104251990010112345", "4104251990"])
def test_wrong_length(text: str) -> None:
    err = rejected(text, "id_length")
    assert f"has {len(text)}" in str(err)


def test_letter_inside_body_names_the_position() -> None:
    err = rejected("41042A19900101123X", "id_chars")
    assert "position 6" in str(err)


def test_x_only_allowed_last() -> None:
    assert "position 17" in str(rejected("4104251990010112XX", "id_chars"))


def test_checksum_says_which_character_was_expected() -> None:
    good = valid("41042519900101123")
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    err = rejected(wrong, "id_checksum")
    assert f"should be {good[17]}" in str(err)


def test_not_a_real_date() -> None:
    assert "month" in str(rejected(valid("41042519901301123"), "id_date"))
    assert "day" in str(rejected(valid("41042519900230123"), "id_date"))
    rejected(valid("41042519900229123"), "id_date")     # 1990 is not a leap year
    rejected(valid("41042519000229123"), "id_date")     # 1900 is not a leap year either
    assert parse_id_number(valid("41042520000229123"), today=TODAY).birth_date == date(2000, 2, 29)


def test_future_and_before_1900() -> None:
    rejected(valid("41042520260602123"), "id_future")
    assert parse_id_number(valid("41042520260601123"), today=TODAY).birth_date == TODAY
    rejected(valid("41042518991231123"), "id_before_1900")
    assert parse_id_number(valid("41042519000101123"), today=TODAY).birth_date == date(1900, 1, 1)


@pytest.mark.parametrize("prefix", ["00", "10", "20", "72", "84", "99"])
def test_unknown_province(prefix: str) -> None:
    err = rejected(valid(prefix + "042519900101123"), "id_province")
    assert prefix in str(err)


def test_make_check_char_rejects_bad_body() -> None:
    for body in ("1234", "1101051949123100X", "110105194912310021"):
        with pytest.raises(ValidationError):
            make_check_char(body)


@st.composite
def id_numbers(draw: st.DrawFn, first: date = date(1900, 1, 1), last: date = TODAY) -> tuple[str, date]:
    province = draw(st.sampled_from(sorted(PROVINCES)))
    county = draw(st.text("0123456789", min_size=4, max_size=4))
    birth = draw(st.dates(min_value=first, max_value=last))
    sequence = draw(st.integers(0, 999))
    return valid(f"{province}{county}{birth:%Y%m%d}{sequence:03d}"), birth


@FAST
@given(id_numbers())
def test_generated_numbers_pass(generated: tuple[str, date]) -> None:
    text, birth = generated
    number = parse_id_number(text.lower(), today=TODAY)
    assert number.normalized == text
    assert number.birth_date == birth
    assert number.sex == ("M" if int(text[16]) % 2 else "F")
    assert number.legacy15 is False


@FAST
@given(id_numbers(last=date(1999, 12, 31)))
def test_fifteen_digit_form_converts_back(generated: tuple[str, date]) -> None:
    text, _ = generated
    old = text[:6] + text[8:17]
    number = parse_id_number(old, today=TODAY)
    assert number.normalized == text and number.legacy15


@FAST
@given(id_numbers(), st.integers(0, 17), st.sampled_from("0123456789XxA- \u0661\uff11"))
def test_any_single_character_change_is_rejected(generated: tuple[str, date], position: int,
                                                 replacement: str) -> None:
    text, _ = generated
    if unicodedata.normalize("NFKC", replacement).upper() == text[position]:
        replacement = "0" if text[position] != "0" else "1"
    changed = text[:position] + replacement + text[position + 1:]
    with pytest.raises(ValidationError) as info:
        parse_id_number(changed, today=TODAY)
    assert changed not in str(info.value) and text[:17] not in str(info.value)


# --- documents: resident ID card, residence permit, foreign permanent residence ID card -------

def test_document_types() -> None:
    assert parse_id_number(VALID_JIA, today=TODAY).document == "resident"
    permit = parse_id_number(valid("83000019900101123"), today=TODAY)
    assert (permit.document, permit.document_name) == ("hk_macao_taiwan_residence_permit", "港澳台居民居住证")
    foreign = parse_id_number("932682198501010017", today=TODAY)   # hutool's 新版外国人永久居留身份证 example
    assert (foreign.document, foreign.document_name) == ("foreign_permanent_residence", "外国人永久居留身份证")
    assert (foreign.birth_date, foreign.sex, foreign.region, foreign.region_name) == (
        date(1985, 1, 1), "M", "932682", "江苏省")
    assert parse_id_number("110105491231002", today=TODAY).document == "resident"


def test_foreign_card_needs_a_province_in_positions_2_3() -> None:
    err = rejected(valid("99042519900101123"), "id_province")
    assert "positions 1-3 (990)" in str(err) and "foreign permanent residence" in str(err)
    rejected(valid("90042519900101123"), "id_province")


def test_foreign_card_keeps_every_other_rule() -> None:
    rejected("932682198501010018", "id_checksum")
    rejected(valid("93268219851301001"), "id_date")
    rejected(valid("93268220260602001"), "id_future")


def test_fifteen_digit_number_is_not_an_identity_document() -> None:
    with pytest.raises(ValidationError) as info:
        parse_identity_document("110105491231002", today=TODAY)
    err = info.value
    assert (err.code, err.field) == ("id_legacy15", "id_number")
    assert "15-digit" in str(err) and err.hint and "110105491231002" not in str(err)
    # The same number still matches old records, and 18-character documents pass.
    assert parse_id_number("110105491231002", today=TODAY).normalized == "11010519491231002X"
    for number in (VALID_JIA, "932682198501010017", valid("81000019900101123")):
        assert parse_identity_document(number, today=TODAY).normalized == number


VALID_JIA = valid("41042519900101123")


@st.composite
def foreign_numbers(draw: st.DrawFn) -> tuple[str, date]:
    province = draw(st.sampled_from(sorted(PROVINCES)))
    nationality = draw(st.text("0123456789", min_size=3, max_size=3))
    birth = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    sequence = draw(st.integers(0, 999))
    return valid(f"9{province}{nationality}{birth:%Y%m%d}{sequence:03d}"), birth


@FAST
@given(foreign_numbers())
def test_generated_foreign_cards_pass(generated: tuple[str, date]) -> None:
    text, birth = generated
    number = parse_identity_document(text.lower(), today=TODAY)
    assert number.normalized == text and number.birth_date == birth
    assert number.document == "foreign_permanent_residence" and number.region_name == PROVINCES[text[1:3]]


@FAST
@given(id_numbers())
def test_generated_documents_say_which_they_are(generated: tuple[str, date]) -> None:
    text, _ = generated
    expected = "hk_macao_taiwan_residence_permit" if text[:2] in ("81", "82", "83") else "resident"
    assert parse_identity_document(text, today=TODAY).document == expected


@FAST
@given(foreign_numbers(), st.integers(0, 17), st.sampled_from("0123456789XxA- \u0661\uff11"))
def test_any_single_character_change_of_a_foreign_card_is_rejected(generated: tuple[str, date], position: int,
                                                                   replacement: str) -> None:
    text, _ = generated
    if unicodedata.normalize("NFKC", replacement).upper() == text[position]:
        replacement = "0" if text[position] != "0" else "1"
    changed = text[:position] + replacement + text[position + 1:]
    with pytest.raises(ValidationError):
        parse_id_number(changed, today=TODAY)


@FAST
@given(id_numbers(last=date(1999, 12, 31)))
def test_no_fifteen_digit_number_identifies_anyone(generated: tuple[str, date]) -> None:
    text, _ = generated
    with pytest.raises(ValidationError) as info:
        parse_identity_document(text[:6] + text[8:17], today=TODAY)
    assert info.value.code == "id_legacy15"
