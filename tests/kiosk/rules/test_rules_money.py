"""Capital-numeral amounts (大写金额) against worked examples, and yuan formatting."""

from __future__ import annotations

import pytest

from kiosk.errors import ValidationError
from kiosk.rules.money import format_yuan, yuan_in_words


@pytest.mark.parametrize("fen, words", [
    (0, "零元整"),
    (50, "伍角"),
    (5, "伍分"),
    (100, "壹元整"),
    (1005, "壹拾元零伍分"),
    (1050, "壹拾元伍角"),
    (10000, "壹佰元整"),
    (100100, "壹仟零壹元整"),
    (10_000_000, "壹拾万元整"),
    (10_010_000, "壹拾万零壹佰元整"),
    (100_000_100, "壹佰万零壹元整"),
    (123_456_789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    (86_000_000, "捌拾陆万元整"),
    (10_000_000_000, "壹亿元整"),
    (10_000_100_000, "壹亿零壹仟元整"),
    (12_000_345_600, "壹亿贰仟万叁仟肆佰伍拾陆元整"),  # a section's trailing zeros are not read
])
def test_words(fen: int, words: str) -> None:
    assert yuan_in_words(fen) == words


def test_negative_is_refused() -> None:
    with pytest.raises(ValidationError):
        yuan_in_words(-1)


def test_format_yuan() -> None:
    assert format_yuan(123456) == "1,234.56"
    assert format_yuan(5) == "0.05"
    assert format_yuan(-8000) == "-80.00"
    assert format_yuan(-8000, symbol=True) == "-¥80.00"
    assert format_yuan(650_000, symbol=True) == "¥6,500.00"


@pytest.mark.parametrize("bad", [1.5, "100", True, None])
def test_format_yuan_refuses_what_is_not_whole_fen(bad: object) -> None:
    with pytest.raises(ValidationError) as err:
        format_yuan(bad)  # type: ignore[arg-type]
    assert err.value.field == "amount_fen"
