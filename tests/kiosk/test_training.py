"""Training mode (kiosk.training): `kiosk run --training` or `[training] enabled = true` runs on
a separate training data directory with simulators and sample cases, and a training directory
never syncs: the agent, enrollment and export refuse it, even with an enrollment copied in."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from gateway_harness import GatewayProcess
from kiosk.config import load_config
from kiosk.training import CASES, MARKER, prepare
from kiosk_process import kiosk

ROOT = Path(__file__).resolve().parents[2]


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_the_config_switch_runs_the_app_on_its_own_training_directory(data_dir: Path) -> None:
    production = data_dir / "kiosk.sqlite"
    audit_before = _count(production, "SELECT count(*) FROM audit")
    text = (data_dir / "kiosk.toml").read_text(encoding="utf-8")
    (data_dir / "kiosk.toml").write_text(text.replace("\n[training]\n", "\n[training]\nenabled = true\n"),
                                         encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kiosk", "run", "--first-frame-exit"], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                               "KIOSK_HOME": str(data_dir)}, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "first_frame" in json.loads(done.stdout.strip().splitlines()[-1])
    home = data_dir / "training"
    assert (home / MARKER).exists() and (home / "keys" / "data.key").exists()
    assert (home / "keys" / "data.key").read_bytes() != (data_dir / "keys" / "data.key").read_bytes()
    assert _count(home / "kiosk.sqlite", "SELECT count(*) FROM units") >= len(CASES)
    assert _count(home / "kiosk.sqlite", "SELECT count(*) FROM units WHERE training = 0") == 0
    assert _count(production, "SELECT count(*) FROM audit") == audit_before
    assert _count(production, "SELECT count(*) FROM units") == 0


def test_preparing_again_keeps_the_trainees_work(data_dir: Path) -> None:
    first = prepare(load_config(data_dir))
    units = _count(first.db_path, "SELECT count(*) FROM units")
    again = prepare(load_config(data_dir))
    assert again.data_dir == first.data_dir == data_dir / "training"
    assert _count(again.db_path, "SELECT count(*) FROM units") == units
    assert prepare(again).data_dir == again.data_dir  # a training directory has no training/ of its own
    assert again["devices"]["card_reader"] == "sim://" and again["sync"]["gateway_url"] == ""


def test_a_training_directory_never_syncs_even_with_an_enrollment_copied_in(data_dir: Path, tmp_path: Path) -> None:
    with GatewayProcess(tmp_path / "gw.sqlite") as gw:
        offer = gw.token("sp-train")
        done = kiosk(data_dir, "enroll", "--gateway", gw.url, "--token", offer["token"],
                     "--fingerprint", offer["fingerprint"])
        assert done.returncode == 0, done.stderr
        home = prepare(load_config(data_dir)).data_dir
        for name in os.listdir(data_dir / "keys"):
            if name != "data.key":
                shutil.copy2(data_dir / "keys" / name, home / "keys" / name)
        for argv in (("sync", "--once", "--gateway", gw.url), ("sync",), ("export", "--out", str(tmp_path / "usb")),
                     ("enroll", "--gateway", gw.url, "--token", gw.token("sp-train")["token"],
                      "--fingerprint", offer["fingerprint"], "--force")):
            refused = kiosk(home, *argv)
            assert refused.returncode == 1, (argv, refused.stdout)
            assert "is a training data directory: it never" in refused.stderr, refused.stderr
        assert not (tmp_path / "usb").exists()
        assert gw.cli_json("status")["records"] == 0
        # The production kiosk beside it syncs as ever.
        assert kiosk(data_dir, "sync", "--once").returncode == 0
