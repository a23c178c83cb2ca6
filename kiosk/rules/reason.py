"""The written reason a supervisor or clerk gives for an exceptional step.

One rule for every such reason (a void, a refund, an override, a correction,
a reprint, a cancelled handover): surrounding whitespace is trimmed, runs of
inner whitespace count once, and what is left must be at least
``MIN_REASON_CHARS`` characters, enough for a few words in Chinese
("卡纸错位") and more than a reflexive "ok". The trimmed text is what is
stored, audited and pushed.
"""

from __future__ import annotations

from kiosk.errors import ValidationError

MIN_REASON_CHARS = 4


def required_reason(text: str | None, *, why: str) -> str:
    """The trimmed reason, or ``ValidationError`` (code ``reason_required``) saying ``why`` it is asked."""
    reason = " ".join((text or "").split())
    if len(reason) < MIN_REASON_CHARS:
        raise ValidationError(
            f"say why {why}: a written reason of at least {MIN_REASON_CHARS} characters is required",
            field="reason", code="reason_required",
            hint="for example 卡纸打印错位 or 家庭住房套数填错")
    return reason
