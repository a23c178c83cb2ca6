"""Turn the raw payload bytes of a QR code into text, or refuse.

QR byte segments carry no charset unless the code declares an ECI, so the
encoding is guessed. UTF-8 first (phones and every modern generator); then
Shift_JIS, which Kanji-mode segments always are, unless its reading is only
half-width katakana with no sign of Japanese, which is what GBK Chinese looks
like under Shift_JIS; then GB18030 (older Chinese systems print GBK codes). Bytes that
decode under none of them are not text, and a guess that produces replacement
characters is not a result either. The cost of this order: Latin-1 text (the
QR default charset, rare here) with accented letters reads as GB18030.
"""

from __future__ import annotations

_REPLACEMENT = "\ufffd"


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _REPLACEMENT in text else text


# Half-width katakana that take the voicing marks ﾞ (U+FF9E) and ﾟ (U+FF9F).
_VOICEABLE = frozenset("ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ")
_SEMI_VOICEABLE = frozenset("ﾊﾋﾌﾍﾎ")


def _reads_as_japanese(text: str) -> bool:
    """Evidence that Shift_JIS is the right reading rather than GB18030.

    GBK bytes read as Shift_JIS come out as kanji and half-width katakana,
    almost never as hiragana or full-width katakana, and their voicing marks
    land after arbitrary letters. Japanese text has kana, or voicing marks
    only where they belong.
    """
    if any("\u3040" <= ch <= "\u30ff" for ch in text):
        return True
    marks = 0
    for before, ch in zip(text, text[1:]):
        if ch == "\uff9e":
            if before not in _VOICEABLE:
                return False
            marks += 1
        elif ch == "\uff9f":
            if before not in _SEMI_VOICEABLE:
                return False
            marks += 1
    return marks > 0


def _only_half_width(text: str) -> bool:
    # Kanji-mode segments arrive as Shift_JIS double-byte characters, so
    # double-byte content means Shift_JIS; a reading made only of ASCII and
    # half-width katakana is what GBK Chinese turns into.
    return all(ord(ch) < 0x80 or "\uff61" <= ch <= "\uff9f" for ch in text)


def decode_payload(raw: bytes) -> str | None:
    """The text of ``raw`` under the most plausible charset, or None when it is not valid text."""
    text = _strict(raw, "utf-8")
    if text is not None:
        return text
    sjis = _strict(raw, "shift_jis")
    if sjis is not None and (_reads_as_japanese(sjis) or not _only_half_width(sjis)):
        return sjis
    gb = _strict(raw, "gb18030")
    if gb is not None:
        return gb
    return sjis


def is_valid_text(text: str) -> bool:
    """False for text an engine produced by substituting undecodable bytes."""
    return _REPLACEMENT not in text
