"""Document tests need a Qt application for fonts and painting (pytest-qt's, offscreen)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _gui(qapp: object) -> None:
    """Fonts and painting need a Qt application (pytest-qt's, offscreen)."""
