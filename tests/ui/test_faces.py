"""The faces hold no SQL and reach the core only through the facade (design.md, the brief's "Faces").

Read from the source, so a screen that reads ``kiosk.store`` or ``kiosk.ctx`` (the core's own handles,
behind the facade's views and commands) or carries a SQL statement fails here, not in review.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
# Statements as the store writes them (upper-case keywords), not English words in docstrings.
SQL = re.compile(r"\b(SELECT\b.+\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b", re.S)
CORE_HANDLES = {"store", "ctx"}


def _is_kiosk(node: ast.expr) -> bool:
    """``kiosk``/``k`` (the store thread's argument) or ``<anything>.kiosk`` (an AppContext's)."""
    return (isinstance(node, ast.Name) and node.id in ("kiosk", "k")) or (
        isinstance(node, ast.Attribute) and node.attr == "kiosk")


def _problems(path: Path, root: Path = UI.parent) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Attribute) and node.attr in CORE_HANDLES and _is_kiosk(node.value):
            found.append(f"{path.relative_to(root)}:{node.lineno}: reads the core's {node.attr} past the facade")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
            found.append(f"{path.relative_to(root)}:{node.lineno}: SQL in a face")
    return found


def test_no_face_reads_the_core_past_the_facade_or_holds_sql() -> None:
    files = sorted(UI.rglob("*.py"))
    assert len(files) > 50, "the ui package was not found"
    assert [p for f in files for p in _problems(f)] == []


def test_the_check_sees_what_it_forbids(tmp_path: Path) -> None:
    bad = tmp_path / "screen.py"
    bad.write_text("def load(kiosk):\n    rows = kiosk.store.read('SELECT code FROM units')\n"
                   "    return self.ctx.kiosk.ctx.today(), k.store\n", encoding="utf-8")
    problems = _problems(bad, tmp_path)
    assert len(problems) == 4, problems
