"""Every benchmark still runs and prints one JSON object (tiny sizes; the figures are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "qr"


@pytest.mark.parametrize("script, args", [
    ("store.py", ["--cases", "300", "--single", "20", "--lookups", "20"]),
    ("flows.py", ["--handovers", "3"]),
    ("sync.py", ["--records", "60", "--image-every", "10"]),
    ("qr.py", ["--frames", "4"]),
    ("views.py", ["--units", "30", "--handovers", "2", "--contracts", "3", "--runs", "1"]),
    ("ui.py", ["--runs", "1", "--handovers", "1", "--sessions", "4", "--warm", "2"]),
    ("gateway_starvation.py", ["--sockets", "20", "--attack", "1", "--give-up", "10"]),
    ("gateway_scale.py", ["--kiosks", "4", "--records", "3", "--batch-records", "2", "--curve", "2",
                          "--client-processes", "2", "--threads", "2"]),
])
def test_bench_prints_one_json_object(script: str, args: list[str], tmp_path: Path) -> None:
    if script == "qr.py" and not (CORPUS / "manifest.csv").exists():
        pytest.skip(f"the QR corpus is not at {CORPUS}")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], capture_output=True,
                          text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    assert isinstance(json.loads(lines[0]), dict)
