"""The views are tested on real cases: the flow tests' kiosk (sample data installed as real data,
enrolled with a test platform key, items pulled signed) is reused, and cases are moved through
the services step by step."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from typing import Any

_spec = importlib.util.spec_from_file_location("flows_conftest", Path(__file__).parents[1] / "flows" / "conftest.py")
assert _spec and _spec.loader
flows = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = flows
_spec.loader.exec_module(flows)

site = flows.site
single = flows.single
couple = flows.couple


def strings(view: Any) -> list[str]:
    """Every string held anywhere in a view tree (dataclasses, tuples, lists)."""
    if isinstance(view, str):
        return [view]
    if dataclasses.is_dataclass(view) and not isinstance(view, type):
        return [s for f in dataclasses.fields(view) for s in strings(getattr(view, f.name))]
    if isinstance(view, (tuple, list)):
        return [s for item in view for s in strings(item)]
    if isinstance(view, dict):
        return [s for k, v in view.items() for s in strings(k) + strings(v)]
    return []


def dataclasses_in(view: Any) -> list[Any]:
    """Every dataclass instance in a view tree."""
    if dataclasses.is_dataclass(view) and not isinstance(view, type):
        return [view] + [d for f in dataclasses.fields(view) for d in dataclasses_in(getattr(view, f.name))]
    if isinstance(view, (tuple, list)):
        return [d for item in view for d in dataclasses_in(item)]
    return []
