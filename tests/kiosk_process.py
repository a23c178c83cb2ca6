"""The installed `kiosk` console script run in its own process on a data directory, as a technician would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

KIOSK = Path(sys.executable).with_name("kiosk")


def kiosk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `kiosk ARGS` with KIOSK_HOME=home; whatever it answers, it never prints a traceback."""
    done = subprocess.run([str(KIOSK), *args], env={**os.environ, "KIOSK_HOME": str(home)},
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    return done
