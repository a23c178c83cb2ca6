"""Qt widgets under test run offscreen in Chinese, the kiosk's default language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ui import i18n


@pytest.fixture
def zh(qapp: object) -> Iterator[None]:
    i18n.switch_language("zh_CN")
    yield
    i18n.switch_language("zh_CN")


@pytest.fixture
def en(qapp: object) -> Iterator[None]:
    i18n.switch_language("en")
    yield
    i18n.switch_language("zh_CN")
