"""Structured logs (kiosk.logs) and `kiosk diagnostics`: JSON lines, one file per process,
rotated under a cap, at the configured level, and nothing personal in them or in the zip
after a simulated day (the privacy tests' needle list)."""

from __future__ import annotations

import json
import logging
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import diagnostics, logs
from kiosk.cli import build_parser, process_name
from kiosk.config import load_config
from kiosk_process import kiosk
from privacy_needles import PEOPLE, id_number, leaks, sample_needles


def _set_logging(home: Path, **values: object) -> None:
    text = (home / "kiosk.toml").read_text(encoding="utf-8")
    body = "".join(f"{k} = {json.dumps(v)}\n" for k, v in values.items())
    assert "\n[logging]\n" in text  # kiosk init writes every section, its keys commented out
    (home / "kiosk.toml").write_text(text.replace("\n[logging]\n", f"\n[logging]\n{body}"), encoding="utf-8")


@pytest.fixture
def root_logging() -> Iterator[None]:
    """Leave the root logger as the test found it (logs.setup changes its level and handlers)."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_a_simulated_day_leaves_logs_and_a_diagnostics_zip_with_nothing_personal(data_dir: Path) -> None:
    _set_logging(data_dir, level="DEBUG")
    needles = sample_needles() + [n for name, prefix, phone, address in PEOPLE
                                  for n in (name, id_number(prefix, "003"), phone, address)]
    typed = id_number(PEOPLE[0][1], "003")
    for argv in (("simulate", "--handovers", "4", "--json"), ("read-card", "--port", "sim", "--json"),
                 ("check-id", typed), ("print-pending",),
                 ("enroll", "--gateway", "http://127.0.0.1:9", "--token", typed, "--fingerprint", "0" * 64)):
        done = kiosk(data_dir, *argv)
        assert done.returncode == (1 if argv[0] == "enroll" else 0), (argv, done.stderr)
    zip_path = data_dir.parent / "diagnostics.zip"
    done = kiosk(data_dir, "diagnostics", "--out", str(zip_path), "--json")
    assert done.returncode == 0, done.stderr

    log_file = data_dir / "logs" / "cli.jsonl"
    lines = [json.loads(line) for line in log_file.read_text(encoding="utf-8").splitlines()]
    assert {"ts", "level", "process", "pid", "logger", "msg"} <= set(lines[0])
    assert {e["process"] for e in lines} == {"cli"}
    assert any(e["level"] == "DEBUG" for e in lines)  # the configured level, not the default
    assert any(e["msg"] == "enroll failed: " + e["msg"].split(": ", 1)[1] for e in lines
               if e["msg"].startswith("enroll failed"))
    assert leaks(log_file.read_bytes(), needles) == []

    with zipfile.ZipFile(zip_path) as zf:
        names = set(zf.namelist())
        assert {"configuration.json", "database.json", "versions.json", "disk.json", "status.txt",
                "selftest.txt", "audit-verify.txt", "enrollment.json", "logs/cli.jsonl"} <= names
        db = json.loads(zf.read("database.json"))
        assert db["integrity_check"] == "ok" and db["migrations_pending"] == []
        assert db["policy"]["synchronous"] == "FULL"
        assert json.loads(zf.read("disk.json"))["free_bytes"] > 0
        assert '"ok": true' in zf.read("audit-verify.txt").decode()
        assert zf.read("selftest.txt").decode().startswith("exit code: 0")
        for name in names:
            assert leaks(zf.read(name), needles) == [], name
    assert (zip_path.stat().st_mode & 0o077) == 0


def test_an_id_or_phone_number_in_a_careless_log_call_or_traceback_is_masked(
        tmp_path: Path, root_logging: None) -> None:
    config = load_config(tmp_path)
    path = logs.setup(config, "agent")
    assert path == tmp_path / "logs" / "agent.jsonl"
    number, phone = id_number(PEOPLE[1][1], "005"), PEOPLE[1][2]
    log = logging.getLogger("kiosk.test")
    log.warning("buyer %s called from %s", number, phone)
    try:
        raise ValueError(f"no such buyer {number}")
    except ValueError:
        log.exception("lookup failed")
    blob = path.read_bytes()
    assert leaks(blob, [number, number[:17], phone]) == []
    entries = [json.loads(line) for line in blob.decode().splitlines()]
    assert entries[0]["msg"] == f"buyer {number[:6]}********{number[-4:]} called from {phone[:3]}****{phone[-4:]}"
    assert "ValueError: no such buyer 410425********" in entries[1]["exc"]
    assert (path.stat().st_mode & 0o077) == 0


def test_logs_rotate_under_their_cap_and_follow_the_configured_level(tmp_path: Path, root_logging: None) -> None:
    (tmp_path / "kiosk.toml").write_text(
        '[logging]\nlevel = "WARNING"\nmax_file_kib = 16\nbackups = 2\n', encoding="utf-8")
    path = logs.setup(load_config(tmp_path), "cli")
    assert path is not None
    log = logging.getLogger("kiosk.test")
    for n in range(2000):
        log.info("not written %d", n)
        log.warning("line %05d %s", n, "x" * 150)
    files = sorted(path.parent.glob("cli.jsonl*"))
    assert [f.name for f in files] == ["cli.jsonl", "cli.jsonl.1", "cli.jsonl.2"]
    assert all(f.stat().st_size <= 16 * 1024 for f in files)
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "not written" not in text and "line 01999" in text


def test_each_process_has_its_own_file(tmp_path: Path) -> None:
    parser = build_parser()

    def name(*argv: str) -> str:
        return process_name(parser.parse_args(list(argv)))

    assert name("run") == "app" and name("sync") == "agent"
    assert name("sync", "--once") == "cli" and name("status") == "cli"
    home = tmp_path / "k"
    assert kiosk(home, "init").returncode == 0
    # The agent of a kiosk that is not enrolled stops at once; it says why in its own file.
    done = kiosk(home, "sync")
    assert done.returncode == 1
    agent = [json.loads(line) for line in (home / "logs" / "agent.jsonl").read_text().splitlines()]
    assert agent[-1]["level"] == "ERROR" and agent[-1]["msg"].startswith("sync failed: ")
    assert "sync failed" not in done.stderr.split("error:", 1)[0]  # stderr: one clear sentence


def test_a_command_before_init_creates_no_data_directory(tmp_path: Path) -> None:
    home = tmp_path / "nowhere"
    assert kiosk(home, "check-id", "11010519491231002X").returncode == 0
    assert not home.exists()


def test_diagnostics_of_a_damaged_database_still_writes_the_zip_and_names_the_damage(data_dir: Path) -> None:
    assert kiosk(data_dir, "simulate", "--handovers", "1").returncode == 0
    raw = sqlite3.connect(data_dir / "kiosk.sqlite")
    raw.execute("PRAGMA writable_schema = ON")
    raw.execute("UPDATE sqlite_master SET sql = replace(sql, 'buyers(id_index)', 'buyers(unit_code)') "
                "WHERE name = 'buyers_id_index'")
    raw.commit()
    raw.close()
    out = data_dir.parent / "d.zip"
    assert kiosk(data_dir, "diagnostics", "--out", str(out)).returncode == 0
    with zipfile.ZipFile(out) as zf:
        db = json.loads(zf.read("database.json"))
    assert db["integrity_check"] != "ok" and any("buyers_id_index" in p for p in db["integrity_check"])
    refused = kiosk(data_dir, "diagnostics", "--out", str(data_dir.parent / "d.txt"))
    assert refused.returncode == 1 and "is not a .zip file name" in refused.stderr


def test_configuration_in_the_zip_withholds_credentials(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    config.values["sync"]["proxy_password"] = "hunter2"
    shown = diagnostics.configuration(config)
    assert shown["sync"]["proxy_password"] == "(withheld)"
    assert shown["sync"]["gateway_url"] == config["sync"]["gateway_url"]
