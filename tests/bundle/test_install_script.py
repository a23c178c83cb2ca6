"""The bundle's install.sh refuses a terminal whose glibc is older than the bundle's floor.

Run with POSIX sh on a bundle folder that holds only the script and its BUILD-INFO.json: the
refusal and the check happen before the bundle's kiosk is started (tests/bundle/test_bundle.py
runs it on a real bundle, through to `kiosk install-service`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bundle" / "install.sh"


@pytest.fixture
def bundle_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "kiosk"
    folder.mkdir()
    shutil.copy2(SCRIPT, folder / "install.sh")
    (folder / "BUILD-INFO.json").write_text(json.dumps({"version": "0.1.0", "glibc_floor": "2.34"}, indent=2))
    return folder


def install(folder: Path, *args: str, target: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    if target is not None:
        env["KIOSK_TARGET_GLIBC"] = target
    return subprocess.run(["sh", str(folder / "install.sh"), *args], env=env, capture_output=True, text=True,
                          timeout=30)


@pytest.mark.parametrize("target", ["2.31", "2.4", "2.33", "1.99"])
def test_an_older_glibc_is_refused_naming_both_versions(bundle_dir: Path, target: str) -> None:
    done = install(bundle_dir, "--root", str(bundle_dir / "root"), target=target)
    assert done.returncode == 3
    assert f"this system has glibc {target}, but the bundle needs glibc 2.34 or newer" in done.stderr
    assert "nothing was installed" in done.stderr
    assert not (bundle_dir / "root").exists()


@pytest.mark.parametrize("target", ["2.34", "2.36", "2.100", "3.0"])
def test_the_floor_or_newer_passes_the_check(bundle_dir: Path, target: str) -> None:
    done = install(bundle_dir, "--check", target=target)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"glibc {target}: at least 2.34, which the bundle needs\n"


def test_without_an_injected_version_the_check_reads_this_system(bundle_dir: Path) -> None:
    system = os.confstr("CS_GNU_LIBC_VERSION")
    assert system and system.startswith("glibc ")
    done = install(bundle_dir, "--check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{system}: at least 2.34")


@pytest.mark.parametrize("info", [None, "{}", '{"glibc_floor": "new"}'])
def test_a_bundle_without_its_build_record_is_refused(bundle_dir: Path, info: str | None) -> None:
    record = bundle_dir / "BUILD-INFO.json"
    if info is None:
        record.unlink()
    else:
        record.write_text(info)
    done = install(bundle_dir, "--check", target="2.36")
    assert done.returncode == 2
    assert f"{record} is missing or names no glibc_floor" in done.stderr
