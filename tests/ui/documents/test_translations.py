"""The documents' fixed texts: English in the code, the printed Chinese from the app's "documents" catalog,
and each document in the language asked for, whatever language the screens show.

The catalog's completeness and its .qm are checked with every other catalog in tests/ui/test_i18n.py."""

from __future__ import annotations

import pytest

from kiosk.errors import ValidationError
from ui import i18n
from ui.documents.text import CATALOG, Texts, fill


def test_the_documents_are_a_catalog_of_the_app() -> None:
    assert CATALOG in i18n.catalogs()
    assert {p.parent.name for p in i18n.source_files(CATALOG)} == {"documents"}
    chinese = {(m.context, m.source): m.translation for m in i18n.read_ts(i18n.ts_path("zh_CN", CATALOG))}
    assert chinese[("DocumentFrame", "Page %1 of %2")] == "第 %1 页 共 %2 页"


def test_chinese_is_the_default_and_english_is_the_source() -> None:
    assert Texts().translate("DocumentFrame", "Page %1 of %2") == "第 %1 页 共 %2 页"
    assert Texts("en").translate("DocumentFrame", "Page %1 of %2") == "Page %1 of %2"
    assert fill(Texts().translate("DocumentFrame", "Page %1 of %2"), 3, 12) == "第 3 页 共 12 页"
    assert fill("%1 %10 %2", *range(1, 11)) == "1 10 2"
    with pytest.raises(ValidationError):
        Texts("fr")


def test_a_document_is_in_the_language_asked_for_not_the_screens() -> None:
    try:
        i18n.switch_language("en")
        assert Texts("zh_CN").translate("CertificatePage", "Certificate preview") == "证书预览"
        i18n.switch_language("zh_CN")
        assert Texts("en").translate("CertificatePage", "Certificate preview") == "Certificate preview"
    finally:
        i18n.switch_language("zh_CN")
