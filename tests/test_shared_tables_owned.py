"""Every SQL statement on a table the kiosk shares with the sync agent (outbox,
quarantine, approvals, sync_state) lives in that table's owner in kiosk/store,
so the agent, the flows, the CLI and the UI cannot each write it their own way
(design.md section 2). Found by walking the string literals of every module."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kiosk", "sync", "county", "hardware", "ui", "bench")
SHARED = ("outbox", "quarantine", "approvals", "sync_state")
SQL_ON_SHARED = re.compile(r"\b(FROM|INTO|UPDATE|JOIN|TABLE)\s+(" + "|".join(SHARED) + r")\b", re.IGNORECASE)
OWNERS = {f"kiosk/store/{name}.py" for name in SHARED} | {"kiosk/store/migrations.py"}


def docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skip = docstrings(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            out.append((node.lineno, str(text)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            out.append((node.lineno, node.value))
    return out


def offenders() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in OWNERS:
                continue
            found += [f"{rel}:{line}: {text!r}" for line, text in literals(path) if SQL_ON_SHARED.search(text)]
    return found


def test_only_the_owners_hold_sql_on_the_shared_tables() -> None:
    assert offenders() == []


def test_the_check_sees_sql_where_it_is() -> None:
    owner = ROOT / "kiosk" / "store" / "outbox.py"
    assert any(SQL_ON_SHARED.search(text) for _, text in literals(owner))
    assert SQL_ON_SHARED.search(f"SELECT count(*) FROM {'quarantine'} WHERE resolved_at IS NULL")
    assert not SQL_ON_SHARED.search("records waiting in the outbox are pushed")
