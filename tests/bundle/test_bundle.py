"""The PyInstaller bundle, built once from build.spec and run with no Python environment around it.

Every command runs the bundle's own `kiosk` with a clean environment (no venv on PATH, no
PYTHONPATH, a fresh HOME). The build dominates (minutes): one module-scoped fixture makes it, and
under pytest-xdist the workers share it through a lock, so a run builds it once.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import identity
from kiosk.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "db"
FIXTURE_KEY = bytes(range(32))  # the key the store fixtures were written with (test data only)

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(1800)]


def _build(out: Path) -> Path:
    dist = out / "dist" / "kiosk"
    if (out / "built").exists():
        return dist
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--workpath", str(out / "work"), "--distpath", str(out / "dist"), str(ROOT / "build.spec")],
        cwd=out, capture_output=True, text=True, timeout=1500)
    assert done.returncode == 0, f"the bundle did not build:\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}"
    shutil.rmtree(out / "work")  # only the bundle is needed from here on
    (out / "built").write_text(done.stdout)
    return dist


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None:
        out = tmp_path_factory.mktemp("bundle")
        yield _build(out)
        shutil.rmtree(out)  # 430 MB; pytest would keep it with the last runs' temporary files
        return
    # Each xdist worker has its own base temp under one run directory: the bundle goes beside them.
    shared = tmp_path_factory.getbasetemp().parent / f"bundle-{os.environ['PYTEST_XDIST_TESTRUNUID']}"
    shared.mkdir(exist_ok=True)
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            dist = _build(shared)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    yield dist


def clean_env(home: Path, **more: str) -> dict[str, str]:
    """What a terminal without Python gives the bundle: system PATH only, no PYTHON*, offscreen Qt."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(home)}
    env.update(more)
    return env


def kiosk(bundle: Path, home: Path, *args: str, timeout: float = 300,
          **env: str) -> subprocess.CompletedProcess[str]:
    home.mkdir(parents=True, exist_ok=True)
    return subprocess.run([str(bundle / "kiosk"), *args], env=clean_env(home, **env), cwd=home,
                          capture_output=True, text=True, timeout=timeout)


def json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_the_build_record_names_its_glibc_floor_and_the_bundle_is_whole(bundle: Path) -> None:
    info = json.loads((bundle / "BUILD-INFO.json").read_text(encoding="utf-8"))
    floor = tuple(int(n) for n in info["glibc_floor"].split("."))
    assert floor >= (2, 34)  # PySide6 and cryptography's own floor; host libraries may raise it
    needed_by = bundle / info["glibc_floor_needed_by"]
    objdump = subprocess.run(["objdump", "-p", str(needed_by)], capture_output=True, text=True, check=True)
    assert f"GLIBC_{info['glibc_floor']}" in objdump.stdout
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert abs(size - info["size_bytes"]) < 64 * 1024  # all but BUILD-INFO.json itself
    assert os.access(bundle / "install.sh", os.X_OK)
    shipped = {p.relative_to(bundle / "_internal" / "resources") for p in (bundle / "_internal" / "resources").rglob("*.qm")}
    assert shipped == {p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*.qm")}
    # What the kiosk does not use stayed out.
    internal = bundle / "_internal"
    assert not list(internal.rglob("libQt6WebEngineCore*")) and not list(internal.rglob("libQt63D*"))
    assert not (internal / "county").exists() and not list(internal.rglob("fastapi*"))


def test_version_init_selftest_and_simulated_handovers(bundle: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = {"KIOSK_HOME": str(tmp_path / "kiosk-home")}
    version = kiosk(bundle, home, "--version")
    assert version.returncode == 0 and version.stdout.strip() == "kiosk 0.1.0"

    init = kiosk(bundle, home, "init", **data)
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "kiosk-home" / "kiosk.sqlite").is_file()

    selftest = kiosk(bundle, home, "selftest", "--json", **data)
    assert selftest.returncode == 0, selftest.stderr
    devices = {r["device"]: r for r in json_lines(selftest.stdout)}
    assert set(devices) == {"card_reader", "printer", "camera", "a4_printer"}
    assert all(r["ok"] for r in devices.values()), devices

    simulate = kiosk(bundle, home, "simulate", "--handovers", "3", "--json", **data)
    assert simulate.returncode == 0, simulate.stderr
    result = json_lines(simulate.stdout)[-1]
    assert (result["handovers"], result["delivered"], result["failed"], result["errors"]) == (3, 3, 0, [])

    audit = kiosk(bundle, home, "audit", "verify", "--json", **data)
    assert audit.returncode == 0 and json_lines(audit.stdout)[-1]["ok"] is True


def test_snapshots_of_one_screen(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    done = kiosk(bundle, tmp_path / "home", "snapshots", "--out", str(out), "--screen", "pay",
                 "--size", "1280x800", "--json", KIOSK_HOME=str(tmp_path / "unused"))
    assert done.returncode == 0, done.stderr[-3000:]
    report = json_lines(done.stdout)[-1]
    assert [s["screen"] for s in report["screens"]] == ["welcome", "pay"]  # the home screen comes along
    assert report["problems"] == 0
    assert (out / "pay.png").stat().st_size > 10_000


def test_demo_says_the_bundle_has_no_gateway(bundle: Path, tmp_path: Path) -> None:
    done = kiosk(bundle, tmp_path / "home", "demo", "--headless")
    assert done.returncode != 0
    assert "kiosk demo needs the county gateway, which the kiosk bundle does not carry" in done.stderr
    assert "Traceback" not in done.stderr


def _sha256s(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_an_upgrade_through_the_bundle_keeps_data_keys_and_enrollment(bundle: Path, tmp_path: Path) -> None:
    """A kiosk of the previous released schema, enrolled, opened by the bundle's kiosk."""
    previous = sorted(FIXTURES.glob("kiosk-m*.sqlite"))[-1]
    home, data_dir = tmp_path / "home", tmp_path / "kiosk-home"
    assert kiosk(bundle, home, "init", KIOSK_HOME=str(data_dir)).returncode == 0
    keys = data_dir / "keys"
    for leftover in data_dir.glob("kiosk.sqlite*"):
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    shutil.copy(previous, data_dir / "kiosk.sqlite")
    os.chmod(data_dir / "kiosk.sqlite", 0o600)
    (keys / "data.key").write_bytes(FIXTURE_KEY)
    identity.ensure_device_keys(keys)
    platform_sign, platform_kem = os.urandom(32), os.urandom(32)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    sign_pub = Ed25519PrivateKey.from_private_bytes(platform_sign).public_key().public_bytes(Encoding.Raw,
                                                                                             PublicFormat.Raw)
    kem_pub = X25519PrivateKey.from_private_bytes(platform_kem).public_key().public_bytes(Encoding.Raw,
                                                                                          PublicFormat.Raw)
    identity.save_enrollment(keys, identity.Enrollment(
        device_id="KIOSK-UPGRADE-01", gateway_url="https://127.0.0.1:9", service_point="410425-SP-01",
        platform_sign_public=identity.b64(sign_pub), platform_kem_public=identity.b64(kem_pub),
        fingerprint=hashlib.sha256(sign_pub + kem_pub).hexdigest(), enrolled_at="2026-01-05T09:00:00+08:00"))
    raw = sqlite3.connect(data_dir / "kiosk.sqlite")
    old_schema = [r[0] for r in raw.execute("SELECT name FROM _sqlite_migrations")]
    buyers, outbox = (raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("buyers", "outbox"))
    unit = raw.execute("SELECT unit_code FROM buyers ORDER BY id LIMIT 1").fetchone()[0]
    names = [Vault(FIXTURE_KEY).decrypt(r[0], "buyers.name") for r in raw.execute(
        "SELECT name_enc FROM buyers WHERE unit_code = ? ORDER BY position", (unit,))]
    raw.close()
    keys_before = _sha256s(keys)

    status = kiosk(bundle, home, "status", "--json", KIOSK_HOME=str(data_dir))
    assert status.returncode == 0, status.stderr
    report = json_lines(status.stdout)[-1]
    from kiosk.store.migrations import migrations
    assert report["schema"] == migrations._migrations[-1].name != old_schema[-1]
    assert (report["enrolled"], report["device_id"]) == (True, "KIOSK-UPGRADE-01")
    assert report["outbox_pending"] == outbox
    audit = kiosk(bundle, home, "audit", "verify", "--json", KIOSK_HOME=str(data_dir))
    assert audit.returncode == 0 and json_lines(audit.stdout)[-1]["ok"] is True, audit.stdout + audit.stderr

    assert _sha256s(keys) == keys_before
    assert not (data_dir / "kiosk.sqlite.pre-upgrade").exists()
    from kiosk.masterdata import buyers_of_unit
    from kiosk.store import Store
    with Store(data_dir / "kiosk.sqlite", Vault(FIXTURE_KEY)) as store:
        assert store.read("SELECT count(*) AS n FROM buyers")[0]["n"] == buyers
        assert [b.name for b in buyers_of_unit(store, unit)] == names and all(names)


def test_install_sh_refuses_an_older_glibc_and_hands_a_newer_one_to_install_service(bundle: Path,
                                                                                    tmp_path: Path) -> None:
    floor = json.loads((bundle / "BUILD-INFO.json").read_text(encoding="utf-8"))["glibc_floor"]
    root = tmp_path / "image"
    env = clean_env(tmp_path, KIOSK_TARGET_GLIBC="2.31")
    refused = subprocess.run(["sh", str(bundle / "install.sh"), "--root", str(root)], env=env,
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 3
    assert f"this system has glibc 2.31, but the bundle needs glibc {floor} or newer" in refused.stderr
    assert not root.exists()

    env["KIOSK_TARGET_GLIBC"] = floor
    dry = subprocess.run(["sh", str(bundle / "install.sh"), "--dry-run", "--json", "--root", str(root)], env=env,
                         capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    plan = json.loads(dry.stdout)
    app_unit = plan["files"][str(root / "etc/systemd/system/jiaxian-kiosk-app.service")]
    assert f"{bundle / 'kiosk'} run" in app_unit  # the units run this bundle's kiosk
    assert not root.exists()
