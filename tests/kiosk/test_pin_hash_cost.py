"""The kiosk hashes staff PINs at the full scrypt cost in its own processes; the in-process tests
hash them cheaper (tests/conftest.py), so this is checked in a process of its own."""

from __future__ import annotations

import subprocess
import sys

from kiosk.services.staff import verify_pin

PIN = "246813"


def test_a_kiosk_process_hashes_pins_at_the_full_cost() -> None:
    code = f"from kiosk.services.staff import hash_pin; print(hash_pin({PIN!r}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    stored = done.stdout.strip()
    assert stored.startswith("scrypt$16384$8$1$"), stored
    assert verify_pin(PIN, stored) and not verify_pin("246814", stored)
