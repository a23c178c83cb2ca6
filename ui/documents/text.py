"""Fixed text of the printouts, through Qt's translation, one context per document.

The source text in the code is English, as everywhere in ``ui/``; the printed
Chinese comes from the app's "documents" catalog (``ui.i18n.CATALOGS``:
``resources/translations/documents_zh_CN.ts``/``.qm``, English the identity file),
refreshed with ``python -m ui.i18n update`` like every other part of the app.

A document is rendered in the language asked for, not in whatever language the
screen is showing: a buyer reading the screens in English still gets the Chinese
contract, so each language has its own ``QTranslator`` here instead of the
application-wide one. Call sites spell ``tx.translate("Context", "text")`` with
literals so ``lupdate`` finds every message.
"""

from __future__ import annotations

import datetime as dt
import threading

from kiosk.errors import ValidationError
from ui.i18n import qm_path
from ui.qt import QTranslator

CATALOG = "documents"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
_lock = threading.Lock()
_translators: dict[str, QTranslator] = {}


def _translator(language: str) -> QTranslator:
    with _lock:
        if language not in _translators:
            translator = QTranslator()
            path = qm_path(language, CATALOG)
            if not translator.load(str(path)):
                raise ValidationError(f"no document translation for {language}: cannot load {path}",
                                      field="language", hint="reinstall the kiosk; translations ship compiled "
                                                             "in resources/translations")
            _translators[language] = translator
        return _translators[language]


def fill(text: str, *args: object) -> str:
    """``%1``, ``%2``… replaced by ``args`` (Qt's ``arg()`` convention, so translators can reorder them)."""
    for number in range(len(args), 0, -1):   # %10 before %1
        text = text.replace(f"%{number}", str(args[number - 1]))
    return text


class Texts:
    """The fixed texts of one document in one language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        if language not in LANGUAGES:
            raise ValidationError(f"documents are printed in {' or '.join(LANGUAGES)}, not {language!r}",
                                  field="language")
        self.language = language
        self._qt = _translator(language)

    @property
    def chinese(self) -> bool:
        return self.language == "zh_CN"

    def translate(self, context: str, source: str) -> str:
        """The text in this language (the English source when the catalog has none: the tests forbid that)."""
        return self._qt.translate(context, source) or source

    def date(self, day: dt.date) -> str:
        return f"{day.year}年{day.month}月{day.day}日" if self.chinese else day.isoformat()

    def moment(self, at: dt.datetime) -> str:
        return self.date(at.date()) + at.strftime(" %H:%M")
