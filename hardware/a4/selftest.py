"""The A4 printer's self-test (``hardware.selftest``): can a job be handed to it now?"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from hardware.a4.base import parse_a4_uri
from kiosk.errors import KioskError

LPSTAT_SECONDS = 5.0


def self_test(uri: str) -> tuple[bool, str]:
    """pdf://: the directory exists or can be made and this user may write it (a refusing simulator fails);
    cups://: CUPS knows the queue and it is not disabled (``lpstat -p``). Never raises."""
    try:
        parsed = parse_a4_uri(uri)
    except KioskError as exc:
        return False, str(exc)
    if parsed.scheme == "cups":
        return _cups(parsed.name)
    directory = Path(parsed.path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return False, f"{uri}: the directory cannot be created: {exc.strerror or exc}"
    if not os.access(directory, os.W_OK):
        return False, f"{uri}: not writable by this user (check the directory's permissions)"
    if parsed.refuse:
        return False, f"{uri}: the simulator refuses every job ({parsed.refuse})"
    return True, f"{uri}: PDF files are written to {directory}"


def _cups(queue: str) -> tuple[bool, str]:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return False, f"cups://{queue}: CUPS is not installed (no lpstat); install cups and the printer"
    try:
        done = subprocess.run([lpstat, "-p", queue], capture_output=True, text=True, timeout=LPSTAT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"cups://{queue}: CUPS did not answer ({exc}); check that cupsd is running"
    said = (done.stdout or done.stderr).strip().splitlines()
    line = said[0] if said else "no answer"
    if done.returncode != 0:
        return False, f"cups://{queue}: {line} (install the printer in CUPS or correct [devices] a4_printer)"
    if "disabled" in line:
        return False, f"cups://{queue}: {line} (enable the queue: cupsenable {queue})"
    return True, f"cups://{queue}: {line}"
