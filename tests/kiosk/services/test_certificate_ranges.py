"""A pack of security paper by its first and last serial: expanded as printed, and refused by name
when the two serials cannot be one pack."""

from __future__ import annotations

import pytest

from kiosk.errors import ValidationError
from kiosk.services.certificates import MAX_RANGE, serial_range


def test_a_pack_keeps_its_prefix_and_leading_zeros() -> None:
    assert serial_range("HN2026-0000398", " HN2026-0000401 ") == [
        "HN2026-0000398", "HN2026-0000399", "HN2026-0000400", "HN2026-0000401"]
    assert serial_range("0099", "0099") == ["0099"]


@pytest.mark.parametrize(("first", "last"), [
    ("HN2026-0000101", "HN2027-0000102"),  # another prefix
    ("HN2026-0000101", "HN2026-000102"),  # another width
    ("HN2026-0000102", "HN2026-0000101"),  # backwards
    ("HN2026-A", "HN2026-B"),  # no number
    ("A0000001", f"A{MAX_RANGE + 1:07d}"),  # more than a pack
])
def test_two_serials_that_are_no_pack_are_refused(first: str, last: str) -> None:
    with pytest.raises(ValidationError) as err:
        serial_range(first, last)
    assert err.value.code == "bad_range" and err.value.hint


def test_an_empty_serial_is_refused_as_a_serial() -> None:
    with pytest.raises(ValidationError) as err:
        serial_range(" ", "A1")
    assert err.value.code == "bad_serial"
