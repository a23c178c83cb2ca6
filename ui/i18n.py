"""Languages of the app: Qt Linguist translators, switchable at any time.

Source strings in ``ui/`` are English; ``kiosk_zh_CN.ts`` carries the complete
Chinese translation, which is the default language, and ``kiosk_en.ts`` is the
identity translation. English source text was chosen because lupdate, the
``.ts`` XML and every diff stay ASCII-safe, because a missing Chinese
translation is then visible at once (English on a Chinese screen) instead of
silently looking right, and because the test that demands a finished
translation for every message can check both files the same way.

The ``.qm`` files are committed next to their ``.ts`` (the kiosk never compiles
anything at run time) and regenerated with ``python -m ui.i18n update``, which
runs ``pyside6-lupdate`` over ``ui/``, fills the identity English file and runs
``pyside6-lrelease``. A test checks that the committed ``.qm`` files say
exactly what their ``.ts`` files say.

Installing a translator makes Qt send ``QEvent.LanguageChange`` to every
widget; widgets re-set their texts in ``changeEvent`` (see ``Retranslating``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from kiosk.resources import RESOURCES_DIR
from ui.qt import QCoreApplication, QEvent, QLocale, QTranslator

UI_DIR = Path(__file__).resolve().parent
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")


# One catalog (a .ts/.qm pair per language) for each part of ui/, so work on different parts
# of the app never edits the same translation file. Patterns are relative to ui/.
CATALOGS: dict[str, tuple[str, ...]] = {
    "kiosk": ("*.py", "widgets/*.py", "screens/*.py", "voice/*.py"),
    "shell": ("shell/*.py",),
    "buyer": ("screens/buyer/*.py",),
    "counter": ("screens/counter/*.py",),
    "technician": ("screens/technician/*.py",),
    "office": ("screens/office/*.py",),
    # The printouts: rendered in the language asked for, not the screen's (ui.documents.text).
    "documents": ("documents/*.py",),
}


def ts_path(lang: str, catalog: str = "kiosk") -> Path:
    return TRANSLATIONS_DIR / f"{catalog}_{lang}.ts"


def qm_path(lang: str, catalog: str = "kiosk") -> Path:
    return TRANSLATIONS_DIR / f"{catalog}_{lang}.qm"


def source_files(catalog: str = "kiosk") -> list[Path]:
    return sorted({p for pattern in CATALOGS[catalog] for p in UI_DIR.glob(pattern)})


def catalogs() -> list[str]:
    """The catalogs that have code (a part of the app not written yet has no .ts)."""
    return [name for name in CATALOGS if source_files(name)]


class LanguageError(RuntimeError):
    """A language that the kiosk does not ship, or a damaged translation file."""


class Translations:
    """The one installed app translator; ``switch`` replaces it at any time."""

    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.language = ""

    def switch(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise LanguageError(f"unknown language {lang!r}; the kiosk ships {', '.join(LANGUAGES)}")
        if lang == self.language and self._translators:
            return  # every widget already shows it; a reinstall would retranslate the whole app for nothing
        app = QCoreApplication.instance()
        if app is None:
            raise LanguageError("create the QApplication before installing a language")
        # The compiled catalogs that ship, not catalogs(): a bundle has no ui/*.py to glob
        # (tests/ui/test_i18n.py checks that every catalog with code has both .qm files).
        shipped = [c for c in CATALOGS if qm_path(lang, c).is_file()]
        if not shipped:
            raise LanguageError(f"no translations for {lang} in {TRANSLATIONS_DIR}; reinstall the kiosk")
        loaded = []
        for catalog in shipped:
            translator = QTranslator(app)
            if not translator.load(str(qm_path(lang, catalog))):
                raise LanguageError(f"cannot load {qm_path(lang, catalog)}; reinstall the kiosk "
                                    "(translations ship compiled)")
            loaded.append(translator)
        # Install the new ones before removing the old so no frame shows raw source text.
        for translator in loaded:
            QCoreApplication.installTranslator(translator)
        for old in self._translators:
            QCoreApplication.removeTranslator(old)
            old.deleteLater()
        self._translators = loaded
        self.language = lang
        QLocale.setDefault(QLocale(lang))
        # Qt posts LanguageChange; deliver it now so the switch is done when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


_translations = Translations()


def switch_language(lang: str) -> None:
    """Install ``lang`` app-wide; every widget receives ``LanguageChange``."""
    _translations.switch(lang)


def current_language() -> str:
    return _translations.language


class Retranslating:
    """Mixin for widgets: call ``retranslate()`` once in ``__init__``; Qt does the rest.

    Listed before the Qt base class so its ``changeEvent`` runs first.
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


# -- the pipeline: lupdate / lrelease ------------------------------------------------------


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def read_ts(path: Path) -> list[Message]:
    """Every live message of a ``.ts`` file (obsolete and vanished ones are left out)."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            messages.append(Message(name, message.findtext("source", ""),
                                    (node.text or "") if node is not None else "",
                                    kind == "" and node is not None and bool(node.text)))
    return messages


def _tool(name: str) -> str:
    # The PySide6 wrappers live next to the interpreter of the venv.
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise LanguageError(f"{name} not found; it ships with PySide6 in the kiosk's virtual environment")
    return found


def lupdate(ts: Path, catalog: str = "kiosk", *, no_obsolete: bool = True) -> None:
    """Extract every tr()/translate() string of the catalog's code into ``ts`` (merging what is there)."""
    args = [_tool("pyside6-lupdate"), *map(str, source_files(catalog)), "-locations", "none", "-ts", str(ts)]
    if no_obsolete:
        args.insert(-2, "-no-obsolete")
    subprocess.run(args, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                   check=True, capture_output=True, text=True)


def fill_identity(ts: Path) -> None:
    """The English file translates every message to its own (English) source text."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        node = message.find("translation")
        if node is None:
            node = ET.SubElement(message, "translation")
        node.text = message.findtext("source", "")
        node.attrib.pop("type", None)
    _write_ts(tree.getroot(), ts)


def _write_ts(root: ET.Element, ts: Path) -> None:
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update() -> list[Message]:
    """Refresh every catalog's ``.ts`` files and compile them; returns the Chinese messages still unfinished."""
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    unfinished: list[Message] = []
    for catalog in catalogs():
        for lang in LANGUAGES:
            ts = ts_path(lang, catalog)
            if not ts.exists():
                ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                              f'<TS version="2.1" language="{lang}" sourcelanguage="en"/>\n', encoding="utf-8")
            lupdate(ts, catalog)
            if lang == "en":
                fill_identity(ts)
            else:
                # One layout for both files, whichever tool wrote last, so diffs show only real changes.
                _write_ts(ET.parse(ts).getroot(), ts)
            lrelease(ts, qm_path(lang, catalog))
        unfinished += [m for m in read_ts(ts_path("zh_CN", catalog)) if not m.finished]
    return unfinished


def main(argv: list[str]) -> int:
    if argv != ["update"]:
        print("usage: python -m ui.i18n update", file=sys.stderr)
        return 2
    unfinished = update()
    for m in unfinished:
        print(f"untranslated: [{m.context}] {m.source}", file=sys.stderr)
    return 1 if unfinished else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
