"""`kiosk simulate` end to end on a fresh data directory: everything delivered, the audit
chain valid, training data flagged, no ID number in clear anywhere in the files."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.rules.idcard import parse_id_number

ID_LIKE = re.compile(rb"[1-9][0-9]{16}[0-9X]")


def valid_ids_in(blob: bytes) -> list[bytes]:
    found = []
    for candidate in set(ID_LIKE.findall(blob)):
        try:
            parse_id_number(candidate.decode())
        except Exception:
            continue
        found.append(candidate)
    return found


def test_simulate_after_init(data_dir: Path, capsys: pytest.CaptureFixture,
                             caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    capsys.readouterr()
    assert main(["simulate", "--handovers", "25", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["handovers"], result["delivered"], result["failed"]) == (25, 25, 0)
    assert result["outbox_pending"] >= 25 * 3 and result["ms_per_handover"] > 0
    assert main(["audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    assert main(["simulate", "--handovers", "3", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["delivered"] == 3, "a second run uses fresh units"

    import sqlite3
    conn = sqlite3.connect(data_dir / "kiosk.sqlite")
    assert conn.execute("SELECT count(*) FROM handovers WHERE state = 'delivered'").fetchone()[0] == 28
    assert conn.execute("SELECT count(*) FROM outbox WHERE training = 0").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM units WHERE training = 0").fetchone()[0] == 0
    conn.close()

    blobs = {p.name: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    blobs["log"] = caplog.text.encode()
    blobs["output"] = json.dumps(result).encode()
    for where, blob in blobs.items():
        leaked = valid_ids_in(blob)
        assert not leaked, f"{len(leaked)} valid ID number(s) in clear in {where}"


def test_simulate_rejects_bad_counts(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["simulate", "--handovers", "many"])
    assert exit_.value.code == 2
    assert "not a whole number" in capsys.readouterr().err


def test_simulate_without_init(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["simulate", "--handovers", "1", "--data-dir", str(tmp_path / "none")]) == 1
    assert "kiosk init" in capsys.readouterr().err
