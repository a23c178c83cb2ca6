"""Every fixed text of the documents goes through Qt's translation and has its English translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.errors import ValidationError
from ui.documents.text import I18N_DIR, Texts, fill

ROOT = Path(__file__).resolve().parents[3]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = (translation.text or "", translation.get("type"))
    return found


def test_the_committed_translations_cover_exactly_the_texts_in_the_code(tmp_path: Path) -> None:
    if not LUPDATE.exists() and not shutil.which("pyside6-lupdate"):
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui" / "documents").glob("*.py"))
    subprocess.run([str(LUPDATE if LUPDATE.exists() else "pyside6-lupdate"), *sources, "-source-language",
                    "zh_CN", "-target-language", "en", "-ts", str(fresh)], check=True, capture_output=True)
    in_code = set(messages(fresh))
    committed = messages(I18N_DIR / "documents_en.ts")
    assert in_code == set(committed), "run lupdate on ui/documents and translate the new texts"
    unfinished = [key for key, (text, kind) in committed.items() if kind in ("unfinished", "obsolete") or not text]
    assert unfinished == []
    assert (I18N_DIR / "documents_en.qm").stat().st_mtime >= 0


def test_chinese_is_the_source_and_english_comes_from_the_qm() -> None:
    assert Texts().translate("DocumentFrame", "第 %1 页 共 %2 页") == "第 %1 页 共 %2 页"
    assert Texts("en").translate("DocumentFrame", "第 %1 页 共 %2 页") == "Page %1 of %2"
    assert fill(Texts("en").translate("DocumentFrame", "第 %1 页 共 %2 页"), 3, 12) == "Page 3 of 12"
    assert fill("%1 %10 %2", *range(1, 11)) == "1 10 2"
    with pytest.raises(ValidationError):
        Texts("fr")
