"""The translation pipeline: every message translated, .ts in step with the code and the .qm."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from ui import i18n
from ui.qt import QCoreApplication, QTranslator

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def unfinished(path: Path) -> list[str]:
    return [f"[{m.context}] {m.source}" for m in i18n.read_ts(path) if not m.finished]


def placeholder_mismatches(path: Path) -> list[str]:
    return [f"[{m.context}] {m.source}" for m in i18n.read_ts(path)
            if sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(m.translation))]


CATALOG_LANGS = [(c, lang) for c in i18n.catalogs() for lang in i18n.LANGUAGES]


@pytest.mark.parametrize(("catalog", "lang"), CATALOG_LANGS)
def test_every_message_has_a_finished_translation(catalog: str, lang: str) -> None:
    path = i18n.ts_path(lang, catalog)
    assert i18n.read_ts(path), f"{path} holds no messages"
    assert unfinished(path) == []
    assert placeholder_mismatches(path) == []


@pytest.mark.parametrize("catalog", i18n.catalogs())
def test_english_is_the_identity_translation(catalog: str) -> None:
    assert [m for m in i18n.read_ts(i18n.ts_path("en", catalog)) if m.translation != m.source] == []


def test_checks_catch_an_unfinished_message_and_a_lost_placeholder(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
        "<context><name>A</name>"
        '<message><source>Done</source><translation type="unfinished"></translation></message>'
        '<message><source>Open</source><translation type="unfinished">打开</translation></message>'
        "<message><source>{n} left</source><translation>还剩</translation></message>"
        '<message><source>Old</source><translation type="vanished">旧</translation></message>'
        "</context></TS>", encoding="utf-8")
    assert unfinished(ts) == ["[A] Done", "[A] Open"]
    assert placeholder_mismatches(ts) == ["[A] {n} left"]


@pytest.mark.parametrize(("catalog", "lang"), CATALOG_LANGS)
def test_ts_holds_exactly_the_strings_of_the_code(catalog: str, lang: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"fresh_{lang}.ts"
    i18n.lupdate(fresh, catalog)
    in_code = {(m.context, m.source) for m in i18n.read_ts(fresh)}
    in_ts = {(m.context, m.source) for m in i18n.read_ts(i18n.ts_path(lang, catalog))}
    assert sorted(in_code - in_ts) == [], "run: python -m ui.i18n update, then translate"
    assert sorted(in_ts - in_code) == [], "stale messages: run python -m ui.i18n update"


@pytest.mark.parametrize(("catalog", "lang"), CATALOG_LANGS)
def test_committed_qm_says_what_the_ts_says(catalog: str, lang: str, qapp: object, tmp_path: Path) -> None:
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path(lang, catalog)))
    for m in i18n.read_ts(i18n.ts_path(lang, catalog)):
        assert translator.translate(m.context, m.source) == m.translation, (m.context, m.source)
    # The committed file is what lrelease makes of the .ts today, byte for byte.
    rebuilt = tmp_path / "rebuilt.qm"
    i18n.lrelease(i18n.ts_path(lang, catalog), rebuilt)
    assert rebuilt.read_bytes() == i18n.qm_path(lang, catalog).read_bytes()


def test_every_ui_module_belongs_to_one_catalog() -> None:
    # A module outside every catalog would have its strings never translated.
    ui_dir = Path(i18n.__file__).parent
    modules = {p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts}
    covered = [p for c in i18n.CATALOGS for p in i18n.source_files(c)]
    assert sorted(modules - set(covered)) == [] and len(covered) == len(set(covered))


def test_unknown_language_is_refused(qapp: object) -> None:
    with pytest.raises(i18n.LanguageError):
        i18n.switch_language("fr")


def test_switching_changes_what_translate_returns(qapp: object) -> None:
    message = i18n.read_ts(i18n.ts_path("zh_CN"))[0]
    assert QCoreApplication.translate(message.context, message.source) == message.translation
    i18n.switch_language("en")
    assert QCoreApplication.translate(message.context, message.source) == message.source
    i18n.switch_language("zh_CN")
    assert i18n.current_language() == "zh_CN"


def test_widgets_retranslate_on_language_change(qapp: object, qtbot: Any) -> None:
    from ui.widgets.idle import CountdownPanel

    panel = CountdownPanel()
    qtbot.addWidget(panel)
    assert panel.continue_button.text() == "需要，继续办理"
    assert panel.figure.text() == "30 秒"
    i18n.switch_language("en")
    assert panel.continue_button.text() == "Yes, continue"
    assert panel.figure.text() == "30 s"
    i18n.switch_language("zh_CN")
    assert panel.end_button.text() == "结束办理"
