"""Money as integer fen, and the capital-numeral form (大写金额) used on contracts and receipts."""

from __future__ import annotations

from kiosk.errors import ValidationError

DIGITS = "零壹贰叁肆伍陆柒捌玖"
IN_GROUP = ("", "拾", "佰", "仟")
GROUPS = ("", "万", "亿", "万亿")


def format_yuan(fen: int, *, symbol: bool = False) -> str:
    """The one way an amount is written: ``123456`` -> ``1,234.56`` (``¥1,234.56`` with ``symbol``)."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise ValidationError(f"amount must be an integer number of fen, not {type(fen).__name__}",
                              field="amount_fen")
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{'¥' if symbol else ''}{whole:,}.{cents:02d}"


def _group(value: int) -> str:
    """One four-digit group; inner zeros collapse to one 零, trailing zeros vanish."""
    out, zero = "", False
    for power in range(3, -1, -1):
        digit = value // 10 ** power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += DIGITS[0]
            zero = False
        out += DIGITS[digit] + IN_GROUP[power]
    return out


def yuan_in_words(fen: int) -> str:
    """``123456789`` fen -> ``壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分``; whole amounts end in 整."""
    if fen < 0:
        raise ValidationError("an amount in words cannot be negative", field="amount")
    yuan, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    if yuan >= 10 ** 16:
        raise ValidationError("the amount is too large to write in words", field="amount")
    groups = []
    rest = yuan
    while rest:
        groups.append(rest % 10000)
        rest //= 10000
    text, pending_zero = "", False
    for index in range(len(groups) - 1, -1, -1):
        value = groups[index]
        if value == 0:
            pending_zero = bool(text)
            continue
        if text and (pending_zero or value < 1000):
            text += DIGITS[0]
        text += _group(value) + GROUPS[index]
        pending_zero = False
    if text:
        text += "元"
    if jiao == 0 and cents == 0:
        return (text or "零元") + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif text:
        text += DIGITS[0]
    if cents:
        text += DIGITS[cents] + "分"
    return text
