"""`kiosk demo` (what `make demo` runs) works end to end on this machine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_demo_runs_every_step(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kiosk", "demo", "--handovers", "3", "--workdir", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr
    assert "Done: 3 of 3 handovers delivered" in done.stdout
    assert '"duplicates": 0' in done.stdout and '"ok": true' in done.stdout
    assert (tmp_path / "enroll-qr.png").exists() and (tmp_path / "kiosk" / "kiosk.sqlite").exists()
    assert len(list((tmp_path / "kiosk" / "printer").glob("*.png"))) == 6, \
        "a payment receipt and a handover receipt per handover"
    pages = list((tmp_path / "kiosk" / "a4").glob("*.pdf"))
    assert pages and all(p.read_bytes()[:5] == b"%PDF-" for p in pages), "certificates printed on stock"
