"""One rule for a required reason: trimmed, inner whitespace collapsed, at least four characters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.errors import ValidationError
from kiosk.rules.reason import MIN_REASON_CHARS, required_reason


@pytest.mark.parametrize("text", ["", "   ", "ok", " 重打 ", "a  b", "\t\n", None])
def test_too_short_is_refused_with_code_and_field(text: str | None) -> None:
    with pytest.raises(ValidationError, match="say why the paper is voided") as err:
        required_reason(text, why="the paper is voided")
    assert (err.value.code, err.value.field) == ("reason_required", "reason")
    assert err.value.hint


@pytest.mark.parametrize(("text", "kept"), [("污损作废", "污损作废"), ("  卡纸 \t 打印错位 \n", "卡纸 打印错位"),
                                            ("typo", "typo")])
def test_enough_is_trimmed_and_kept(text: str, kept: str) -> None:
    assert required_reason(text, why="x") == kept


@given(st.text())
def test_result_is_trimmed_and_long_enough_or_refused(text: str) -> None:
    try:
        reason = required_reason(text, why="x")
    except ValidationError:
        assert len(" ".join(text.split())) < MIN_REASON_CHARS
    else:
        assert reason == reason.strip() and len(reason) >= MIN_REASON_CHARS and "  " not in reason
