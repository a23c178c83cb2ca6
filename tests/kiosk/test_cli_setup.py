"""`kiosk init`, `kiosk status`, `kiosk --version` through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli import main


def test_init_is_idempotent_and_private(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    home = tmp_path / "k"
    assert main(["init", "--data-dir", str(home), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["schema"] and len(first["created"]) == 3
    key = home / "keys" / "data.key"
    before = key.read_bytes()
    assert key.stat().st_mode & 0o777 == 0o600
    assert main(["--data-dir", str(home), "init", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["created"] == [] and key.read_bytes() == before
    assert "[county]" in (home / "kiosk.toml").read_text(encoding="utf-8")


def test_init_refuses_to_orphan_an_existing_database(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    home = tmp_path / "k"
    assert main(["init", "--data-dir", str(home)]) == 0
    (home / "keys" / "data.key").unlink()
    assert main(["init", "--data-dir", str(home)]) == 1
    assert "data key" in capsys.readouterr().err
    assert not (home / "keys" / "data.key").exists()


def test_status_reports_backlog_and_feeds(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    capsys.readouterr()
    assert main(["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    for key in ("outbox_pending", "quarantined", "feeds", "audit_entries", "schema", "hardware"):
        assert key in status
    assert status["outbox_pending"] == 0 and status["quarantined"] == 0


def test_status_without_init_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["status", "--data-dir", str(tmp_path / "none")]) == 1
    assert "kiosk init" in capsys.readouterr().err


def test_bad_config_names_the_key(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    (data_dir / "kiosk.toml").write_text('[county]\ncode = 410425\n', encoding="utf-8")
    assert main(["status"]) == 1
    assert "county.code must be str" in capsys.readouterr().err
    (data_dir / "kiosk.toml").write_text('[county]\ncolour = "red"\n', encoding="utf-8")
    assert main(["status"]) == 1
    assert "unknown key county.colour" in capsys.readouterr().err
    (data_dir / "kiosk.toml").write_text('[county\n', encoding="utf-8")
    assert main(["status"]) == 1
    assert "not valid TOML" in capsys.readouterr().err


def test_console_script_version_and_usage_errors(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("kiosk")
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"kiosk {__version__}"
    bad = subprocess.run([exe, "no-such-command"], capture_output=True, text=True)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
    bare = subprocess.run([exe], capture_output=True, text=True)
    assert bare.returncode == 2
