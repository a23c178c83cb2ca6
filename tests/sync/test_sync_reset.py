"""A kiosk that lost its database, through real processes: the kiosk refuses to open, the county
authorises a reset, `kiosk init --reset` records it, and the gateway learns it through a real sync.
A kiosk whose audit chain went back without a reset (a stale backup) is refused by the gateway.

The gateway runs on SQLite here: these tests pay for a dozen kiosk processes each, and the gateway's
side of a reset (the refusal, the authorisation used once, the resend never refused) runs on both
engines in tests/county/test_county_resets.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sync_gateway import LiveGateway
from sync_kiosk import ROOT, kiosk

from kiosk.identity import load_enrollment
from sync.errors import EXIT_TRUST


def county(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "county.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def reset_code(gateway: LiveGateway, device_id: str, out: Path, *, technician: str = "T-07") -> dict:
    done = county("reset-code", "--db", str(gateway.db), "--device", device_id, "--technician",
                  technician, "--reason", "disk replaced", "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def gateway_records(gateway: LiveGateway, device_id: str) -> dict[str, str]:
    return {r[0]: r[1] for r in gateway.query("SELECT record_id, kind FROM records WHERE device_id = ?",
                                               (device_id,))}


def synced(home: Path) -> dict:
    done = kiosk(home, "sync", "--once", "--json")
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


def test_a_lost_database_is_reset_under_the_countys_authorisation_and_the_gateway_learns_it(
        enrolled: Path, gateway: LiveGateway, tmp_path: Path) -> None:
    home = enrolled
    device_id = load_enrollment(home / "keys").device_id
    assert kiosk(home, "simulate", "--handovers", "2").returncode == 0
    assert synced(home)["accepted"] > 0
    stored = gateway_records(gateway, device_id)

    db = home / "kiosk.sqlite"
    os.truncate(db, 0)
    for args in (("status",), ("audit", "verify"), ("sync", "--once"), ("init",)):
        done = kiosk(home, *args)
        assert done.returncode == 1, (args, done.stdout)
        assert "is empty (0 bytes)" in done.stderr and "an enrollment" in done.stderr
        assert "Traceback" not in done.stderr
    assert gateway_records(gateway, device_id) == stored

    # A code for another device, and a code whose text was altered, are refused.
    other = tmp_path / "other.json"
    offer = gateway.token(service_point="SP-OTHER")
    other_home = tmp_path / "other-kiosk"
    assert kiosk(other_home, "init").returncode == 0
    assert kiosk(other_home, "enroll", "--gateway", offer.url, f"--token={offer.token}",
                 "--fingerprint", offer.fingerprint).returncode == 0
    reset_code(gateway, load_enrollment(other_home / "keys").device_id, other)
    done = kiosk(home, "init", "--reset", "--authorisation", str(other), "--reason", "disk replaced")
    assert done.returncode == 1 and "not a reset authorisation for this device" in done.stderr
    good = tmp_path / "reset.json"
    issued = reset_code(gateway, device_id, good)
    altered = tmp_path / "altered.json"
    item = json.loads(good.read_text())
    altered.write_text(json.dumps({**item, "data": {**item["data"], "technician": "mallory"}}))
    done = kiosk(home, "init", "--reset", "--authorisation", str(altered), "--reason", "disk replaced")
    assert done.returncode == 1 and "not signed by the county platform" in done.stderr
    assert db.stat().st_size == 0

    done = kiosk(home, "init", "--reset", "--authorisation", str(good), "--reason",
                 "disk replaced, no backup", "--json")
    assert done.returncode == 0, done.stderr
    reset = json.loads(done.stdout)
    assert reset["technician"] == "T-07" and reset["previous"] == "empty"
    assert reset["authorisation"] == issued["item_id"]
    assert Path(reset["kept"]).exists() and Path(reset["kept"]).stat().st_size == 0
    chain = json.loads(kiosk(home, "audit", "verify", "--json").stdout)
    assert chain["ok"] and chain["entries"] == 1

    assert synced(home)["accepted"] == 1
    after = gateway_records(gateway, device_id)
    assert after[reset["record_id"]] == "kiosk.reset"
    used = gateway.query("SELECT used_by_record FROM reset_authorisations WHERE item_id = ?",
                         (issued["item_id"],))[0][0]
    assert used == reset["record_id"]

    assert kiosk(home, "simulate", "--handovers", "1").returncode == 0
    assert synced(home)["rejected"] == 0
    assert len(gateway_records(gateway, device_id)) > len(after)


def test_the_gateway_refuses_a_kiosk_whose_audit_chain_went_back_until_it_is_reset(
        enrolled: Path, gateway: LiveGateway, tmp_path: Path) -> None:
    home = enrolled
    device_id = load_enrollment(home / "keys").device_id
    assert kiosk(home, "simulate", "--handovers", "1").returncode == 0
    backup = tmp_path / "stale-backup.sqlite"
    shutil.copy(home / "kiosk.sqlite", backup)
    assert kiosk(home, "simulate", "--handovers", "4").returncode == 0
    assert synced(home)["rejected"] == 0
    stored = gateway_records(gateway, device_id)

    shutil.copy(backup, home / "kiosk.sqlite")
    assert kiosk(home, "simulate", "--handovers", "1").returncode == 0
    done = kiosk(home, "sync", "--once", "--json")
    assert done.returncode == EXIT_TRUST, done.stdout + done.stderr
    assert "audit_diverged" in done.stdout and "kiosk init --reset" in done.stdout
    assert gateway_records(gateway, device_id) == stored

    code = tmp_path / "reset.json"
    reset_code(gateway, device_id, code)
    done = kiosk(home, "init", "--reset", "--authorisation", str(code), "--reason",
                 "restored the backup of last week", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["previous"] == "restored"
    assert synced(home)["rejected"] == 0
    after = gateway_records(gateway, device_id)
    assert "kiosk.reset" in after.values() and len(after) > len(stored)

    # The same authorisation cannot vouch for a second reset.
    os.truncate(home / "kiosk.sqlite", 0)
    assert kiosk(home, "init", "--reset", "--authorisation", str(code), "--reason",
                 "second loss").returncode == 0
    done = kiosk(home, "sync", "--once", "--json")
    assert done.returncode == EXIT_TRUST and "already used" in done.stdout


def test_a_running_agent_stops_when_its_database_is_deleted(enrolled: Path, gateway: LiveGateway) -> None:
    import time

    home = enrolled
    device_id = load_enrollment(home / "keys").device_id
    (home / "kiosk.toml").write_text("[sync]\ninterval_seconds = 1\n", encoding="utf-8")
    assert kiosk(home, "simulate", "--handovers", "1").returncode == 0
    agent = subprocess.Popen([sys.executable, "-m", "kiosk", "sync"], cwd=ROOT,
                             env={**os.environ, "KIOSK_HOME": str(home)},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not gateway_records(gateway, device_id) and time.monotonic() < deadline:
            time.sleep(0.2)
        stored = gateway_records(gateway, device_id)
        assert stored, "the agent pushed nothing"
        for name in ("kiosk.sqlite", "kiosk.sqlite-wal", "kiosk.sqlite-shm"):
            (home / name).unlink(missing_ok=True)
        _, err = agent.communicate(timeout=30)
    finally:
        if agent.poll() is None:
            agent.kill()
            agent.wait()
    assert agent.returncode == 1, err
    assert "Traceback" not in err
    assert f"the kiosk database {home / 'kiosk.sqlite'} was deleted while this process had it open" in err
    assert gateway_records(gateway, device_id) == stored


def test_the_gateway_refuses_a_kiosk_started_anew_without_a_reset(enrolled: Path, gateway: LiveGateway) -> None:
    """Older kiosk software made a new, empty database silently; the gateway no longer accepts it."""
    from kiosk.store import Store
    from kiosk.vault import Vault

    home = enrolled
    device_id = load_enrollment(home / "keys").device_id
    assert kiosk(home, "simulate", "--handovers", "2").returncode == 0
    assert synced(home)["rejected"] == 0
    stored = gateway_records(gateway, device_id)
    for name in ("kiosk.sqlite", "kiosk.sqlite-wal", "kiosk.sqlite-shm"):
        (home / name).unlink(missing_ok=True)
    Store(home / "kiosk.sqlite", Vault.from_key_dir(home / "keys")).close()
    assert kiosk(home, "simulate", "--handovers", "1").returncode == 0
    done = kiosk(home, "sync", "--once", "--json")
    assert done.returncode == EXIT_TRUST and "audit_diverged" in done.stdout
    assert gateway_records(gateway, device_id) == stored
