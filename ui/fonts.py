"""Start-up font check: without a CJK font Qt draws every Chinese character as an
empty box and logs nothing, so the kiosk refuses to start instead (ux.md)."""

from __future__ import annotations

from ui.qt import QFontDatabase

# Not translated: with no CJK font a Chinese message would itself be boxes, and
# the technician reading the log or the console needs both languages.
MISSING_CJK_FONT = (
    "No Simplified Chinese font is installed, so every Chinese character would show as an empty box. "
    "Install fonts-wqy-microhei (scripts/setup.sh does) or ship Noto Sans CJK SC, then start again. "
    "未安装简体中文字体，中文将显示为空白方框。请安装 fonts-wqy-microhei 后重新启动。"
)


class MissingFontError(RuntimeError):
    """No font that covers Simplified Chinese is available to Qt."""


def chinese_font_families() -> list[str]:
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def require_chinese_font() -> str:
    """Return the family the kiosk will use; raise ``MissingFontError`` if there is none.

    Call after the QApplication exists (the font database needs the platform plugin).
    """
    families = chinese_font_families()
    if not families:
        raise MissingFontError(MISSING_CJK_FONT)
    preferred = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC")
    return next((f for f in preferred if f in families), families[0])
