"""`kiosk decommission` on a real enrolled kiosk: refused without the confirmation word, without the
technician's own PIN (wrong, missing, or a staff member's) and while the outbox holds records the county
has not seen; with them exported for sneakernet it revokes the device here, wipes the data key, audits
it, and every later opening of the data says why it is refused."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import load_config
from kiosk.decommission import MARKER_FILE, Decommissioned
from kiosk.identity import Enrollment, b64, ensure_device_keys, is_enrolled, save_enrollment
from kiosk.services.context import Context
from kiosk.services.credit import record_violation
from kiosk.services.samples import install_samples, load_samples
from kiosk.services.staff import Actor
from kiosk.store.opening import open_store
from kiosk.vault import KEY_FILE
from sync import wire

USCC = "91410425MA4KJX3T7R"  # the sample developer
TECHNICIAN_PIN = "902715"  # T001's in resources/samples/staff.json


@pytest.fixture
def kiosk_home(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Enrolled (a platform key of the test's own), sample data, two records waiting in the outbox;
    T001's PIN in ``$KIOSK_PIN``."""
    monkeypatch.setenv("KIOSK_PIN", TECHNICIAN_PIN)
    config = load_config(data_dir)
    ensure_device_keys(config.key_dir)
    platform = wire.KeyPair.generate()
    sign_raw, kem_raw = platform.public.raw()
    save_enrollment(config.key_dir, Enrollment(
        device_id="d-old", gateway_url="http://127.0.0.1:9", service_point="JX-SP01",
        platform_sign_public=b64(sign_raw), platform_kem_public=b64(kem_raw),
        fingerprint=platform.public.fingerprint(), enrolled_at="2026-11-30T12:00:00+00:00"))
    with open_store(config) as store:
        ctx = Context(store, config)
        install_samples(ctx, Actor("installer", "system"), load_samples(), training=False)
        for n in range(2):
            record_violation(ctx, Actor("S001", "staff"), USCC, "late_handover", f"keys {n} days late")
    return data_dir


def test_refused_without_the_word_or_with_records_not_handed_on(
        kiosk_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(kiosk_home)
    media = tmp_path / "usb"
    media.mkdir()
    assert main(["decommission", "--technician", "T001", "--confirm", "decommission", "--export", str(media)]) == 1
    assert "DECOMMISSION" in capsys.readouterr().err
    assert list(media.iterdir()) == []  # the word is checked before anything is written
    assert main(["decommission", "--technician", "T001", "--confirm", "DECOMMISSION"]) == 1
    err = capsys.readouterr().err
    assert "have not reached the county yet" in err and "--export DIR" in err
    assert (config.key_dir / KEY_FILE).exists() and is_enrolled(config.key_dir)
    assert not (config.key_dir / MARKER_FILE).exists()
    with open_store(config):
        pass  # still a working kiosk


def test_exported_revoked_wiped_and_refused_afterwards(
        kiosk_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(kiosk_home)
    with open_store(config) as store:
        queued = store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    media = tmp_path / "usb"
    media.mkdir()
    assert main(["decommission", "--technician", "t001", "--confirm", "DECOMMISSION", "--export", str(media),
                 "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["device_id"] == "d-old" and answer["by"] == "technician:T001"
    assert answer["exported_records"] >= 2 and answer["exported_to"] == str(media)
    assert answer["files"] and all(Path(f).parent == media and Path(f).stat().st_size > 0 for f in answer["files"])
    assert queued >= 2
    assert not (config.key_dir / KEY_FILE).exists() and not is_enrolled(config.key_dir)
    assert not any((config.key_dir / name).exists() for name in ("device_sign.key", "device_kem.key"))
    assert config.db_path.exists()  # the database stays, unreadable without its key
    # The audit entry went into the chain before the key was wiped.
    with closing(sqlite3.connect(config.db_path)) as raw:
        rows = raw.execute("SELECT actor, subject, detail FROM audit WHERE action = 'device.decommissioned'"
                           ).fetchall()
    assert [(a, s) for a, s, _ in rows] == [("technician:T001", "d-old")]
    with pytest.raises(Decommissioned) as refused:
        open_store(config)
    assert "decommissioned" in str(refused.value) and "kiosk init" in str(refused.value)
    assert main(["status", "--json"]) == 1
    assert "was decommissioned at" in capsys.readouterr().err


def test_refused_without_the_technicians_own_pin(
        kiosk_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(kiosk_home)
    media = tmp_path / "usb"
    media.mkdir()
    command = ["decommission", "--technician", "T001", "--confirm", "DECOMMISSION", "--export", str(media)]
    monkeypatch.setenv("KIOSK_PIN", "111111")
    assert main(command) == 1
    assert "wrong PIN for staff T001" in capsys.readouterr().err
    monkeypatch.setenv("KIOSK_PIN", "246810")  # S001's own PIN: right, but S001 is counter staff
    assert main(["decommission", "--technician", "S001", "--confirm", "DECOMMISSION", "--export", str(media)]) == 1
    assert "S001 is not a technician" in capsys.readouterr().err
    # No PIN in the environment and no terminal to ask on (pytest's stdin is not one).
    monkeypatch.delenv("KIOSK_PIN")
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "PIN is needed" in err and "KIOSK_PIN" in err
    assert list(media.iterdir()) == []  # nothing was exported for a refused technician
    assert (config.key_dir / KEY_FILE).exists() and is_enrolled(config.key_dir)
    with closing(sqlite3.connect(config.db_path)) as raw:
        assert raw.execute("SELECT count(*) FROM audit WHERE action = 'device.decommissioned'").fetchone()[0] == 0


def test_the_facade_refuses_staff_and_a_training_directory(kiosk_home: Path) -> None:
    from kiosk.app import open_kiosk
    from kiosk.decommission import CONFIRM_WORD
    from kiosk.errors import AuthError
    from kiosk.training import TrainingError, prepare

    config = load_config(kiosk_home)
    with open_kiosk(config) as kiosk:
        with pytest.raises(AuthError) as refused:
            kiosk.decommission(Actor("S001", "staff"), CONFIRM_WORD)
        assert refused.value.code == "not_technician"
    with open_kiosk(prepare(config)) as practice:
        with pytest.raises(TrainingError) as refused_training:
            practice.decommission(Actor("T001", "technician"), CONFIRM_WORD)
        assert "training data directory" in str(refused_training.value)
    assert (config.key_dir / KEY_FILE).exists() and is_enrolled(config.key_dir)
