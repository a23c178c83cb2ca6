"""Store failures under the real conditions, through the real `kiosk` command line: a full disk
(a small tmpfs), an immutable database file (chattr +i), damaged pages, and two `kiosk simulate`
processes writing at once. Each is an error with a code and a hint, never a traceback; nothing
committed is lost, and the kiosk works again once the cause is gone."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_process import KIOSK, kiosk



def ok(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = kiosk(home, *args)
    assert done.returncode == 0, done.stderr
    return done


def facts(home: Path) -> tuple[int, int, int]:
    """(audit entries, outbox records, delivered units), read without the kiosk's code."""
    conn = sqlite3.connect(f"file:{home / 'kiosk.sqlite'}?mode=ro", uri=True)
    try:
        return (conn.execute("SELECT count(*) FROM audit").fetchone()[0],
                conn.execute("SELECT count(*) FROM outbox").fetchone()[0],
                conn.execute("SELECT count(*) FROM units WHERE state = 'delivered'").fetchone()[0])
    finally:
        conn.close()


def verified(home: Path) -> int:
    result = json.loads(ok(home, "audit", "verify", "--json").stdout)
    assert result["ok"]
    return int(result["entries"])


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root and mount rights): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave_kib: int) -> Path:
    filler = disk / "filler"
    free_kib = shutil.disk_usage(disk).free // 1024
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, b"\0" * max(0, free_kib - leave_kib) * 1024)
        while leave_kib == 0:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass  # the disk is full: that is the point
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_is_an_error_with_code_and_hint_and_loses_nothing(small_disk: Path) -> None:
    home = small_disk / "kiosk"
    ok(home, "init")
    ok(home, "simulate", "--handovers", "2")
    before = facts(home)

    filler = fill(small_disk, leave_kib=300)
    full = kiosk(home, "simulate", "--handovers", "30", "--json")
    assert full.returncode == 1
    result = json.loads(full.stdout)
    assert result["failed"] > 0
    assert all(": disk_full: " in e or ": flow" in e for e in result["errors"]), result["errors"]
    assert "free space on the disk" in result["errors"][0]
    during = facts(home)
    assert during[0] >= before[0] and during[2] == before[2] + result["delivered"]

    fill(small_disk, leave_kib=0)
    full = kiosk(home, "simulate", "--handovers", "1")
    assert full.returncode == 1
    said = full.stdout + full.stderr
    assert "disk is full" in said and "free space on the disk" in said
    assert "Traceback" not in said

    filler.unlink()
    assert facts(home) == during
    assert verified(home) == during[0]
    again = json.loads(ok(home, "simulate", "--handovers", "2", "--json").stdout)
    assert again["delivered"] == 2 and again["errors"] == []
    # The handovers the full disk stopped half way are finished first (kiosk.services.simulate).
    assert facts(home)[2] == during[2] + 2 + len(again["resumed"])
    verified(home)


def test_an_immutable_database_file_is_an_error_until_it_is_writable(tmp_path: Path) -> None:
    home = tmp_path / "kiosk"
    ok(home, "init")
    ok(home, "simulate", "--handovers", "1")
    db = home / "kiosk.sqlite"
    before = facts(home)
    done = subprocess.run(["chattr", "+i", str(db)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"this file system does not support chattr +i: {done.stderr.strip()}")
    try:
        refused = kiosk(home, "simulate", "--handovers", "1", "--json")
        assert refused.returncode == 1
        errors = json.loads(refused.stdout)["errors"]
        assert errors and ": read_only: " in errors[0] and "chattr -i" in errors[0]
        assert facts(home) == before
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)
    assert verified(home) == before[0]
    assert json.loads(ok(home, "simulate", "--handovers", "1", "--json").stdout)["delivered"] == 1
    assert facts(home)[2] == before[2] + 1


def _schema_name_garbled(data: bytearray) -> None:
    """A damaged schema page: the stored name of a table is no longer UTF-8 (Python's
    sqlite3 raised UnicodeDecodeError on it)."""
    at = data.find(b"tabledevelopersdevelopers")
    assert at > 0
    data[at + 5:at + 7] = b"\xff\xfe"


def _schema_sql_garbled(data: bytearray) -> None:
    at = data.find(b"CREATE TABLE developers")
    assert at > 0
    data[at:at + 6] = b"\xff\xfe\xff\xfe\xff\xfe"


def _header_flipped(data: bytearray) -> None:
    data[0:16] = bytes(b ^ 0xFF for b in data[0:16])


def _audit_page_flipped(data: bytearray, root: int, page_size: int) -> None:
    start = (root - 1) * page_size
    data[start:start + page_size] = bytes(b ^ 0xFF for b in data[start:start + page_size])


def test_a_damaged_database_is_an_error_and_a_restored_backup_works(tmp_path: Path) -> None:
    home = tmp_path / "kiosk"
    ok(home, "init")
    ok(home, "simulate", "--handovers", "2")
    db = home / "kiosk.sqlite"
    backup = tmp_path / "backup.sqlite"
    shutil.copy(db, backup)
    before = facts(home)
    conn = sqlite3.connect(backup)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()

    damages = {"schema_name": _schema_name_garbled, "schema_sql": _schema_sql_garbled,
               "header": _header_flipped,
               "audit_page": lambda d: _audit_page_flipped(d, root, page_size)}
    for name, damage in damages.items():
        data = bytearray(backup.read_bytes())
        damage(data)
        db.write_bytes(bytes(data))
        args = ("simulate", "--handovers", "1") if name == "header" else ("audit", "verify")
        done = kiosk(home, *args)
        said = done.stdout + done.stderr
        assert done.returncode == 1, name
        assert "is damaged" in said and "restore" in said and str(db) in said, (name, said)

    shutil.copy(backup, db)
    assert facts(home) == before
    assert verified(home) == before[0]
    ok(home, "simulate", "--handovers", "1")


def test_two_simulations_at_once_fail_cleanly_and_keep_every_delivery(tmp_path: Path) -> None:
    """Both read the same free units, so the second to write a contract or a certificate
    number meets the first's row: a 'conflict' error for that handover, not a traceback."""
    home = tmp_path / "kiosk"
    ok(home, "init")
    ok(home, "simulate", "--handovers", "1")
    seen_conflict = False
    for _ in range(20):
        delivered_before = facts(home)[2]
        env = {**os.environ, "KIOSK_HOME": str(home)}
        procs = [subprocess.Popen([str(KIOSK), "simulate", "--handovers", "3", "--json"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        outputs = [p.communicate(timeout=300) for p in procs]
        delivered = 0
        for proc, (out, err) in zip(procs, outputs):
            assert "Traceback" not in err, err
            assert proc.returncode in (0, 1), err
            if out.strip():
                result = json.loads(out)
                delivered += result["delivered"] + len(result["resumed"])
                for error in result["errors"]:
                    code = error.split(": ", 2)[1]
                    assert code and " " not in code, error
                    if code == "conflict":
                        seen_conflict = True
                        assert "one writer at a time" in error
            else:
                assert "kiosk simulate: error:" in err
        assert facts(home)[2] == delivered_before + delivered
        verified(home)
        if seen_conflict:
            break
    assert seen_conflict, "20 rounds of two simulations never met on the same row"
    assert json.loads(ok(home, "simulate", "--handovers", "2", "--json").stdout)["delivered"] == 2


@pytest.mark.parametrize("leave_kib", [0, 24, 64])
def test_init_on_a_full_disk_leaves_nothing_that_looks_like_a_lost_kiosk(small_disk: Path,
                                                                         leave_kib: int) -> None:
    """The disk fills while writing kiosk.toml, the key, the database file or its schema."""
    home = small_disk / "kiosk"
    home.mkdir()
    filler = fill(small_disk, leave_kib=leave_kib)
    done = kiosk(home, "init")
    assert done.returncode == 1
    assert "disk is full" in done.stderr and "free space on the disk" in done.stderr
    assert not (home / "kiosk.sqlite").exists() and not (home / "keys" / "data.key").exists()
    filler.unlink()
    ok(home, "init")
    ok(home, "status")
