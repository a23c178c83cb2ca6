"""Certificate numbers: template from config, full-width input, round trips."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.config import DEFAULTS
from kiosk.errors import ValidationError
from kiosk.rules.certno import (
    CERTIFICATION,
    KINDS,
    OWNERSHIP,
    CertificateTemplate,
    format_certificate_number,
    parse_certificate_number,
)

TODAY = date(2026, 6, 1)
FAST = settings(max_examples=200, deadline=None)
FULL_WIDTH = str.maketrans("()0123456789", "（）０１２３４５６７８９")


def rejected(text: str, code: str, template: CertificateTemplate | None = None) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_certificate_number(text, template, today=TODAY)
    assert info.value.code == code, str(info.value)
    assert info.value.field == "certificate_number"
    return info.value


def test_parse_half_and_full_width() -> None:
    expected = "豫(2025)郏县不动产权第0001234号"
    for text in (expected, "豫（2025）郏县不动产权第0001234号", " 豫 （２０２５） 郏县 不动产权 第 0001234 号 ",
                 "豫\u3000(2025)郏县不动产权第0001234号"):
        number = parse_certificate_number(text, today=TODAY)
        assert number.normalized == expected
        assert (number.province_abbr, number.year, number.place) == ("豫", 2025, "郏县")
        assert (number.kind, number.sequence, number.sequence_number) == (OWNERSHIP, "0001234", 1234)


def test_certification_kind() -> None:
    number = parse_certificate_number("豫(2024)郏县不动产证明第1000044号", today=TODAY)
    assert number.kind == CERTIFICATION


def test_template_from_config() -> None:
    default = CertificateTemplate.from_config(DEFAULTS["certificate"])
    assert default == CertificateTemplate()
    hefei = CertificateTemplate.from_config({"province_abbr": "皖", "place": "合肥市",
                                             "sequence_min_digits": 7, "sequence_max_digits": 8,
                                             "sequence_digits": 8})
    number = parse_certificate_number("皖(2018)合肥市不动产权第10023999号", hefei, today=TODAY)
    assert number.sequence == "10023999"
    assert format_certificate_number(2018, 5, template=hefei) == "皖(2018)合肥市不动产权第00000005号"
    rejected("豫(2025)郏县不动产权第0001234号", "cert_province", hefei)


@pytest.mark.parametrize(("text", "code", "says"), [
    ("郏县不动产权第0001234号", "cert_format", "豫(2026)郏县不动产权第0001234号"),
    ("豫(2025)郏县不动产第0001234号", "cert_format", "form"),
    ("豫(2025)郏县不动产权第0001234", "cert_format", "form"),
    ("京(2023)郏县不动产权第0012345号", "cert_province", "京"),
    ("豫(2014)郏县不动产权第0012345号", "cert_year", "2014"),
    ("豫(2027)郏县不动产权第0012345号", "cert_year", "2027"),
    ("豫(25)郏县不动产权第0012345号", "cert_year", "25"),
    ("豫(2025)叶县不动产权第0012345号", "cert_place", "叶县"),
    ("豫(2025)郏县不动产权第12345号", "cert_sequence", "5 digits"),
    ("豫(2025)郏县不动产权第123456789号", "cert_sequence", "9 digits"),
])
def test_failures(text: str, code: str, says: str) -> None:
    assert says in str(rejected(text, code))


def test_format_refuses_what_it_cannot_write() -> None:
    with pytest.raises(ValidationError):
        format_certificate_number(2025, 123_456_789)
    with pytest.raises(ValidationError):
        format_certificate_number(2025, -1)
    with pytest.raises(ValidationError):
        format_certificate_number(2025, 1, kind="房屋所有权")


@FAST
@given(st.integers(2015, TODAY.year), st.integers(0, 99_999_999), st.sampled_from(KINDS),
       st.lists(st.integers(0, 40), max_size=4), st.booleans())
def test_format_parse_round_trip(year: int, sequence: int, kind: str, space_at: list[int],
                                 full_width: bool) -> None:
    text = format_certificate_number(year, sequence, kind=kind)
    typed = text.translate(FULL_WIDTH) if full_width else text
    for index in space_at:
        typed = typed[:index] + " " + typed[index:]
    number = parse_certificate_number(typed, today=TODAY)
    assert number.normalized == text
    assert (number.year, number.kind, number.sequence_number) == (year, kind, sequence)
