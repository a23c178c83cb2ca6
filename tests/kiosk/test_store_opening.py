"""Opening a kiosk: a lost database is not a new kiosk, a wrong data key is refused at open,
and the files a kiosk creates are owner-only."""

from __future__ import annotations

import json
import re
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from kiosk_process import kiosk

from kiosk.cli import main
from kiosk.config import load_config
from kiosk.errors import StoreError, VaultError
from kiosk.store import Store
from kiosk.store.opening import open_store
from kiosk.vault import Vault

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"
FIXTURE_KEY = bytes(range(32))


def _work(home: Path) -> None:
    with open_store(load_config(home)) as store, store.unit_of_work("staff:S001") as uow:
        uow.log("test.work", "x")
        uow.push("handover.ready", "U1", {"n": 1})


@pytest.mark.parametrize("loss", ["empty", "missing"])
def test_a_lost_database_with_a_data_key_is_not_a_new_kiosk(tmp_path: Path, loss: str) -> None:
    home = tmp_path / "kiosk"
    assert kiosk(home, "init").returncode == 0
    _work(home)
    db = home / "kiosk.sqlite"
    if loss == "empty":
        os.truncate(db, 0)
    else:
        db.unlink()
    state = "is empty (0 bytes)" if loss == "empty" else "is missing"
    for args in (("status",), ("audit", "verify"), ("init",), ("simulate", "--handovers", "1"),
                 ("print-pending",)):
        done = kiosk(home, *args)
        assert done.returncode == 1, (args, done.stdout)
        assert f"the kiosk database {db} {state}" in done.stderr
        assert "data key" in done.stderr and "restore kiosk.sqlite from the latest backup" in done.stderr
        assert "kiosk init --reset" in done.stderr
        assert "audit chain intact" not in done.stdout
    assert (db.stat().st_size == 0) if loss == "empty" else not db.exists()


def test_a_lost_database_cannot_be_reset_without_the_countys_authorisation(tmp_path: Path) -> None:
    home = tmp_path / "kiosk"
    assert kiosk(home, "init").returncode == 0
    os.truncate(home / "kiosk.sqlite", 0)
    done = kiosk(home, "init", "--reset", "--reason", "disk replaced")
    assert done.returncode == 1 and "--reset needs --authorisation FILE" in done.stderr
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({"item_id": "x", "kind": "kiosk.reset_authorised", "subject": "d-1",
                                  "issued_at": "2026-01-01T00:00:00Z", "data": {}, "sig": "AAAA"}))
    done = kiosk(home, "init", "--reset", "--authorisation", str(forged), "--reason", "disk replaced")
    assert done.returncode == 1
    assert "this kiosk is not enrolled, so no county key can vouch for a reset" in done.stderr
    assert (home / "kiosk.sqlite").stat().st_size == 0


def test_a_new_data_directory_still_initialises(tmp_path: Path) -> None:
    home = tmp_path / "new"
    assert kiosk(home, "init").returncode == 0
    assert kiosk(home, "status").returncode == 0


def test_a_wrong_data_key_is_refused_at_open(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _work(data_dir)
    key = data_dir / "keys" / "data.key"
    right = key.read_bytes()
    key.write_bytes(os.urandom(32))
    for args in (["status"], ["audit", "verify"]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert f"the data key does not belong to the database {data_dir / 'kiosk.sqlite'}" in err
        assert "restore this kiosk's own keys/data.key" in err
    with pytest.raises(VaultError) as caught:
        open_store(load_config(data_dir))
    assert caught.value.code == "wrong_key"
    key.write_bytes(right)
    assert main(["audit", "verify"]) == 0


def test_an_upgraded_database_gets_its_key_check_only_from_the_right_key(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite"
    shutil.copy(FIXTURES / "kiosk-m001.sqlite", db)
    with pytest.raises(VaultError, match="does not decrypt the data") as caught:
        Store(db, Vault(os.urandom(32)))
    assert caught.value.code == "wrong_key"
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT count(*) FROM key_check").fetchone()[0] == 0
    raw.close()
    with Store(db, Vault(FIXTURE_KEY)) as store:
        assert "m009_key_check" in store.applied_migrations()
        assert store.read("SELECT count(*) AS n FROM key_check")[0]["n"] == 1
    with pytest.raises(VaultError, match="does not belong"):
        Store(db, Vault(os.urandom(32)))


def test_an_empty_new_database_keeps_the_key_check_of_its_first_key(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite"
    first = Vault(os.urandom(32))
    Store(db, first).close()
    with pytest.raises(VaultError, match="does not belong"):
        Store(db, Vault(os.urandom(32)))
    Store(db, first).close()


def test_the_files_a_kiosk_creates_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        home = tmp_path / "kiosk"
        assert kiosk(home, "init").returncode == 0
        with open_store(load_config(home)) as store:
            with store.unit_of_work("test") as uow:
                uow.log("test.wal", "x")
            files = [home / "kiosk.sqlite", home / "kiosk.toml", home / "kiosk.sqlite-wal",
                     home / "kiosk.sqlite-shm", home / "keys" / "data.key"]
            for path in files:
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    finally:
        os.umask(old)


def test_an_older_group_readable_database_is_made_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "kiosk"
    assert kiosk(home, "init").returncode == 0
    db = home / "kiosk.sqlite"
    os.chmod(db, 0o644)
    assert kiosk(home, "status").returncode == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_database_directory_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as caught:
        Store(blocker / "kiosk.sqlite", Vault(os.urandom(32)))
    assert caught.value.code == "cannot_open" and caught.value.hint


def test_a_reset_authorisation_is_checked_for_signer_device_kind_technician_and_expiry(tmp_path: Path) -> None:
    import datetime as dt

    from kiosk.identity import Enrollment, b64, save_enrollment
    from kiosk.store.opening import check_authorisation
    from sync import wire

    home = tmp_path / "kiosk"
    config = load_config(home)
    platform, stranger = wire.KeyPair.generate(), wire.KeyPair.generate()
    sign_raw, kem_raw = platform.public.raw()
    save_enrollment(config.key_dir, Enrollment("d-1", "http://127.0.0.1:9", "SP", b64(sign_raw), b64(kem_raw),
                                               platform.public.fingerprint(), "2026-11-28T00:00:00+00:00"))
    now = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.timezone.utc)

    def item(signer: wire.KeyPair = platform, *, kind: str = "kiosk.reset_authorised", subject: str = "d-1",
             **data: str) -> dict:
        return wire.make_item(signer.sign, item_id="a-1", kind=kind, subject=subject,
                              issued_at="2026-11-30T07:00:00Z",
                              data={"technician": "T-07", "reason": "disk", "expires_at": "2026-11-30T09:00:00Z",
                                    **data})

    assert check_authorisation(item(), config, now=now) == "T-07"
    for bad, why in ((item(stranger), "not signed by the county platform"),
                     (item(subject="d-2"), "not a reset authorisation for this device (d-1)"),
                     (item(kind="device.revoked"), "not a reset authorisation"),
                     (item(technician=" "), "names no technician"),
                     (item(expires_at="soon"), "is not a time"),
                     (item(expires_at="2026-11-30T08:00:00Z"), "it expired at 2026-11-30T08:00:00Z")):
        with pytest.raises(StoreError, match=re.escape(why)) as caught:
            check_authorisation(bad, config, now=now)
        assert caught.value.code == "reset_refused" and caught.value.hint
