"""Fixed text of the printouts, through Qt's translation, one context per document.

Printouts are Chinese first: the source text in the code is the Chinese (zh_CN)
wording, so a document renders in Chinese with no translation file at all, and
English comes from ``resources/i18n/documents_en.qm`` (``.ts`` kept beside it,
made with ``pyside6-lupdate ui/documents -source-language zh_CN -target-language en``).

A document is rendered in the language asked for, not in whatever language the
screen is showing: a buyer reading the screens in English still gets the Chinese
contract, so each language has its own ``QTranslator`` here instead of the
application-wide one. Call sites spell ``tx.translate("Context", "text")`` with
literals so ``lupdate`` finds every message.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from kiosk.errors import ValidationError
from ui.qt import QTranslator

SOURCE_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
_lock = threading.Lock()
_translators: dict[str, QTranslator] = {}


def _translator(language: str) -> QTranslator | None:
    if language == SOURCE_LANGUAGE:
        return None
    with _lock:
        if language not in _translators:
            translator = QTranslator()
            if not translator.load(str(I18N_DIR / f"documents_{language}.qm")):
                raise ValidationError(f"no document translation for {language} in {I18N_DIR}",
                                      field="language", hint="reinstall the kiosk; translations ship in "
                                                             "resources/i18n")
            _translators[language] = translator
        return _translators[language]


def fill(text: str, *args: object) -> str:
    """``%1``, ``%2``… replaced by ``args`` (Qt's ``arg()`` convention, so translators can reorder them)."""
    for number in range(len(args), 0, -1):   # %10 before %1
        text = text.replace(f"%{number}", str(args[number - 1]))
    return text


class Texts:
    """The fixed texts of one document in one language."""

    def __init__(self, language: str = SOURCE_LANGUAGE) -> None:
        if language not in LANGUAGES:
            raise ValidationError(f"documents are printed in {' or '.join(LANGUAGES)}, not {language!r}",
                                  field="language")
        self.language = language
        self._qt = _translator(language)

    @property
    def chinese(self) -> bool:
        return self.language == SOURCE_LANGUAGE

    def translate(self, context: str, source: str) -> str:
        """The text in this language (the source text when the language is Chinese)."""
        return (self._qt.translate(context, source) if self._qt else "") or source

    def date(self, day: dt.date) -> str:
        return f"{day.year}年{day.month}月{day.day}日" if self.chinese else day.isoformat()

    def moment(self, at: dt.datetime) -> str:
        return self.date(at.date()) + at.strftime(" %H:%M")
