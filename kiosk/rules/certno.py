"""Certificate numbers (不动产权证书号 / 不动产登记证明号), domain.md section 3.

Form: province abbreviation + (year) + place name + 不动产权 or 不动产证明 +
第 + sequence + 号, e.g. ``豫(2025)郏县不动产权第0001234号``. People type
full-width brackets and digits and put spaces in; all of that is normalised
(Unicode NFKC, whitespace removed) to the half-width form before comparing.
The sequence keeps its leading zeros as printed, because two numbers that
differ only in padding are different printed numbers.

The template (abbreviation, place, sequence length) comes from the
``certificate`` config section: the exact Jia County wording is unconfirmed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kiosk.config import DEFAULTS
from kiosk.errors import ValidationError
from kiosk.rules.county_time import county_today

FIELD = "certificate_number"
OWNERSHIP = "不动产权"
CERTIFICATION = "不动产证明"
KINDS: tuple[str, ...] = (OWNERSHIP, CERTIFICATION)
# Unified real-estate registration (不动产登记暂行条例) started on 2015-03-01.
FIRST_YEAR = 2015

_SHAPE = re.compile(r"(?P<abbr>[^()0-9]+)\((?P<year>[0-9]+)\)(?P<place>[^()0-9]+?)"
                    r"(?P<kind>不动产权|不动产证明)第(?P<seq>[0-9]+)号")

_DEFAULT = DEFAULTS["certificate"]


@dataclass(frozen=True)
class CertificateTemplate:
    """What the numbers issued for this county look like."""

    province_abbr: str = _DEFAULT["province_abbr"]
    place: str = _DEFAULT["place"]
    min_digits: int = _DEFAULT["sequence_min_digits"]
    max_digits: int = _DEFAULT["sequence_max_digits"]
    digits: int = _DEFAULT["sequence_digits"]

    @classmethod
    def from_config(cls, certificate: Mapping[str, Any]) -> CertificateTemplate:
        """Build from the ``certificate`` config section."""
        return cls(
            province_abbr=certificate.get("province_abbr", cls.province_abbr),
            place=certificate.get("place", cls.place),
            min_digits=certificate.get("sequence_min_digits", cls.min_digits),
            max_digits=certificate.get("sequence_max_digits", cls.max_digits),
            digits=certificate.get("sequence_digits", cls.digits),
        )


@dataclass(frozen=True)
class CertificateNumber:
    """A valid certificate number; ``normalized`` is the half-width text."""

    normalized: str
    province_abbr: str
    year: int
    place: str
    kind: str
    sequence: str

    @property
    def sequence_number(self) -> int:
        return int(self.sequence)


def normalize_text(text: str) -> str:
    """Half-width brackets and digits, no whitespace."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(char for char in folded if not char.isspace())


def parse_certificate_number(text: str, template: CertificateTemplate | None = None, *,
                             today: date | None = None) -> CertificateNumber:
    """Validate ``text`` against the template; ``today`` bounds the year."""
    template = template or CertificateTemplate()
    today = today or county_today()
    match = _SHAPE.fullmatch(normalize_text(text))
    if match is None:
        example = format_certificate_number(today.year, 1234, template=template)
        raise ValidationError(
            f"this is not a certificate number of the form {example}; "
            "copy it again from the certificate",
            field=FIELD, code="cert_format")
    abbr, place, sequence = match["abbr"], match["place"], match["seq"]
    if abbr != template.province_abbr:
        raise ValidationError(
            f"the province abbreviation is {abbr}, expected {template.province_abbr}; "
            "only certificates of this county can be handled here",
            field=FIELD, code="cert_province")
    year = int(match["year"])
    if len(match["year"]) != 4 or not FIRST_YEAR <= year <= today.year:
        raise ValidationError(
            f"the year in brackets is {match['year']}; it must be between {FIRST_YEAR} and "
            f"{today.year}; check the year on the certificate",
            field=FIELD, code="cert_year")
    if place != template.place:
        raise ValidationError(
            f"the place name is {place}, expected {template.place}; "
            "only certificates of this county can be handled here",
            field=FIELD, code="cert_place")
    if not template.min_digits <= len(sequence) <= template.max_digits:
        raise ValidationError(
            f"the sequence after 第 has {len(sequence)} digits, expected "
            f"{template.min_digits} to {template.max_digits}; check the number on the certificate",
            field=FIELD, code="cert_sequence")
    kind = match["kind"]
    return CertificateNumber(
        normalized=f"{abbr}({year}){place}{kind}第{sequence}号",
        province_abbr=abbr, year=year, place=place, kind=kind, sequence=sequence,
    )


def format_certificate_number(year: int, sequence: int, *, kind: str = OWNERSHIP,
                              template: CertificateTemplate | None = None) -> str:
    """The half-width number for ``sequence``, zero-padded to the template's length."""
    template = template or CertificateTemplate()
    if kind not in KINDS:
        raise ValidationError(f"kind must be one of {', '.join(KINDS)}", field=FIELD,
                              code="cert_kind")
    digits = f"{sequence:0{template.digits}d}"
    if sequence < 0 or len(digits) > template.max_digits:
        raise ValidationError(
            f"sequence {sequence} does not fit in {template.max_digits} digits",
            field=FIELD, code="cert_sequence")
    return f"{template.province_abbr}({year}){template.place}{kind}第{digits}号"
