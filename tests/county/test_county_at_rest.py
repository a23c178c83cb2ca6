"""Personal data the gateway stores (record payloads, issued items) is sealed at rest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from gateway_harness import GatewayProcess, SignedClient, enroll, issue_token, record

from county import at_rest, issuing
from county.errors import GatewayStoreError
from county.service import Gateway
from county.store import transaction
from sync.wire import kinds

PHONE, ADDRESS, ID_NUMBER, NAME = "13912345678", "郏县龙山大道88号", "41042519850315201X", "欧阳振华"


def test_payloads_and_items_are_sealed_in_the_file(gateway: GatewayProcess, admin: Gateway,
                                                   client: SignedClient) -> None:
    mail = record("mail-1", kinds.MAIL_REQUESTED, "YJ-1",
                  payload={"recipient": NAME, "phone": PHONE, "address": ADDRESS})
    assert list(client.ack(client.seal([mail], "mail-batch"), "mail-batch").accepted) == ["mail-1"]
    with admin.locked() as conn, transaction(conn):
        issuing.issue(conn, admin.keys, kind=kinds.MASTER_BUYER, subject="410425001001GB00001F00010101/1",
                      data={"name": NAME, "id_number": ID_NUMBER}, audience=issuing.device_audience("x"),
                      now=admin.clock())
        stored = conn.execute("SELECT unseal(payload, 'records.payload') FROM records "
                              "WHERE record_id = 'mail-1'").fetchone()[0]
    assert json.loads(stored)["phone"] == PHONE
    raw = b"".join(p.read_bytes() for p in gateway.db.parent.iterdir()
                   if p.name.startswith(gateway.db.name) and not p.name.endswith("-key"))
    for secret in (PHONE, ADDRESS, ID_NUMBER, NAME):
        for form in (secret.encode("utf-8"), secret.encode("gb18030")):
            assert form not in raw, "personal data in clear in the gateway database"


def test_a_foreign_key_or_moved_value_does_not_open(tmp_path: Path) -> None:
    keys = tmp_path / "config"
    sealer = at_rest.load_or_create(tmp_path / "g.db", keys / "a.key")
    assert (keys / "a.key").stat().st_mode & 0o777 == 0o600
    blob = sealer.seal("秘密", "records.payload")
    assert sealer.unseal(blob, "records.payload") == "秘密"
    with pytest.raises(GatewayStoreError, match="does not open"):
        sealer.unseal(blob, "items.body")
    with pytest.raises(GatewayStoreError, match="does not open"):
        at_rest.load_or_create(tmp_path / "other.db", keys / "b.key").unseal(blob, "records.payload")
    with pytest.raises(GatewayStoreError, match="not sealed"):
        sealer.unseal(b"plain text", "records.payload")


def test_the_storage_key_lives_away_from_the_data_and_private(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    data = tmp_path / "data"
    data.mkdir()
    Gateway(data / "county.sqlite").close()
    assert (tmp_path / "xdg" / "jiaxian-county" / "storage.key").stat().st_mode & 0o777 == 0o600
    assert not any(p.name.endswith("key") for p in data.iterdir()), "no key beside the data"
    with pytest.raises(GatewayStoreError, match="in the database's own directory") as err:
        at_rest.load_or_create(data / "county.sqlite", data / "storage.key")
    assert "configuration directory" in (err.value.hint or "")
    (tmp_path / "xdg" / "jiaxian-county" / "storage.key").chmod(0o640)
    with pytest.raises(GatewayStoreError, match="can be read by others \\(mode 640\\)") as err:
        Gateway(data / "county.sqlite")
    assert "chmod 600" in (err.value.hint or "")


def test_a_key_left_beside_the_database_by_an_older_version_is_refused_with_the_move(
        tmp_path: Path) -> None:
    (tmp_path / "county.sqlite.storage-key").write_bytes(b"k" * 32)
    with pytest.raises(GatewayStoreError, match="sits beside the database") as err:
        at_rest.load_or_create(tmp_path / "county.sqlite", tmp_path / "config" / "storage.key")
    assert f"mv {tmp_path / 'county.sqlite.storage-key'} {tmp_path / 'config' / 'storage.key'}" in (err.value.hint or "")


def test_payloads_and_items_are_sealed_in_postgresql(pg_cluster) -> None:
    """The same sealing on the other engine: a pg_dump (a backup) holds no personal data in clear."""
    url = pg_cluster.create_database()
    with GatewayProcess(url) as gw:
        client = SignedClient(gw.url, enroll(gw.url, issue_token(url, gw.url), fingerprint=gw.fingerprint))
        mail = record("mail-pg", kinds.MAIL_REQUESTED, "YJ-2",
                      payload={"recipient": NAME, "phone": PHONE, "address": ADDRESS})
        assert list(client.ack(client.seal([mail], "mail-pg"), "mail-pg").accepted) == ["mail-pg"]
        admin = Gateway(url)
        try:
            with admin.locked() as conn, transaction(conn):
                issuing.issue(conn, admin.keys, kind=kinds.MASTER_BUYER, subject="410425001001GB00001F00010101/1",
                              data={"name": NAME, "id_number": ID_NUMBER},
                              audience=issuing.device_audience("x"), now=admin.clock())
                sealed = conn.execute("SELECT payload FROM records WHERE record_id = 'mail-pg'").fetchone()[0]
                assert json.loads(conn.unseal(sealed, "records.payload"))["phone"] == PHONE
        finally:
            admin.close()
    dump = pg_cluster.dump(url)
    assert b"mail-pg" in dump and b"COPY public.items" in dump
    for secret in (PHONE, ADDRESS, ID_NUMBER, NAME):
        for raw in (secret.encode("utf-8"), secret.encode("gb18030")):
            # pg_dump writes bytea columns as hex: a value stored unsealed would show up that way.
            for form in (raw, raw.hex().encode("ascii")):
                assert form not in dump, "personal data in clear in the PostgreSQL database"


def test_the_database_and_its_wal_are_private(tmp_path: Path) -> None:
    loose = tmp_path / "old.sqlite"
    loose.touch(mode=0o644)
    loose.chmod(0o644)
    for db in (tmp_path / "new.sqlite", loose):
        gw = Gateway(db)
        with gw.locked() as conn, transaction(conn):
            conn.execute("INSERT INTO counters (name, value) VALUES ('x', 1)")
        files = [p for p in tmp_path.iterdir() if p.name.startswith(db.name)]
        assert {p.name for p in files} >= {db.name, db.name + "-wal"}
        assert all(p.stat().st_mode & 0o777 == 0o600 for p in files), [(p.name, oct(p.stat().st_mode)) for p in files]
        gw.close()


def test_every_command_takes_the_key_file(tmp_path: Path) -> None:
    key = tmp_path / "etc" / "county.key"
    out = subprocess.run([sys.executable, "-m", "county.cli", "token", "--db", str(tmp_path / "c.sqlite"),
                          "--key-file", str(key), "--url", "http://127.0.0.1:1", "--service-point", "JX-SP01",
                          "--json"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32
