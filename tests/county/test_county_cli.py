"""county-gateway admin commands as subprocesses against the live gateway's database.

The tests whose outcome the gateway's database holds run on both engines (``@ENGINES``: the key
kept out of it, status counts, imports and their duplicates, a restart, published items). The
others run with the gateway on SQLite (``@SQLITE``, the module's one SQLite gateway): revocation
(its gateway side runs on both engines in test_county_hostile), bad input (eleven processes, most
refused before the database is asked; three look up a row by a key that is not there), a busy port,
the QR image and entry point of ``token`` and ``status``; ``restrict`` publishes through the same
code on both engines in the credit-code test. The rest need no gateway, or are about a SQLite file's
missing directory."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from gateway_harness import ENGINES, ROOT, SQLITE, SignedClient, enroll, record

from county import platform_keys
from county.at_rest import default_key_file
from county.store_pg import PLATFORM_KEY_NAME
from hardware.scanning import FILE_BUDGET_MS, DecoderPipeline
from hardware.scanning.images import load_image
from sync import wire
from sync.wire import kinds


@SQLITE
def test_token_qr_decodes_to_the_enrollment_offer(gateway, tmp_path):
    png = tmp_path / "enroll.png"
    out = gateway.token("郏县不动产登记中心", "--qr", str(png), "--ttl-hours", "2")
    # Read as `kiosk enroll --qr` reads it (zxing-cpp's reader over every format once found a
    # second, spurious symbol in a random token's picture).
    texts = [s.text for s in DecoderPipeline(budget_ms=FILE_BUDGET_MS).decode(load_image(png))]
    assert len(texts) == 1
    offer = wire.EnrollmentOffer.parse(texts[0])
    assert offer == wire.EnrollmentOffer(gateway.url, out["token"], gateway.fingerprint,
                                         "郏县不动产登记中心")
    device = enroll(offer.url, offer.token, fingerprint=offer.fingerprint)
    assert device.service_point == "郏县不动产登记中心"


@ENGINES
def test_platform_key_file_is_private(gateway, engine, request):
    if engine == "postgresql":
        # One key for every gateway host on the database, beside the storage key; a backup holds none.
        path = default_key_file().with_name(PLATFORM_KEY_NAME)
        stored = request.getfixturevalue("pg_cluster").dump(gateway.db)
    else:
        path = platform_keys.key_path(gateway.db)
        stored = gateway.db.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    private = json.loads(path.read_text())["sign_private"]
    assert b"sign_private" not in stored and private.encode() not in stored


@ENGINES
def test_status_json_counts_records_not_heartbeats(gateway, client):
    client.ack(client.seal([record("st-1", kinds.MAIL_REQUESTED, "mail-9")], "st"), "st")
    client.send("POST", kinds.PATH_HEALTH, b"{}")
    status = gateway.cli_json("status")
    assert set(status) == {"devices", "records", "records_by_kind", "duplicates", "rejected"}
    assert status["records_by_kind"][kinds.MAIL_REQUESTED] >= 1
    assert status["records"] == sum(status["records_by_kind"].values())


@SQLITE
def test_installed_entry_point(gateway):
    script = Path(sys.executable).with_name("county-gateway")
    done = subprocess.run([str(script), "status", "--db", str(gateway.db), "--json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and json.loads(done.stdout)["devices"] >= 0


def test_openapi_document_lists_the_protocol():
    done = subprocess.run([sys.executable, "-m", "county.cli", "openapi"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    doc = json.loads(done.stdout)
    assert doc["openapi"].startswith("3.")
    assert {kinds.PATH_ENROLL, kinds.PATH_BATCHES, kinds.PATH_CHANGES, kinds.PATH_HEALTH} <= set(
        doc["paths"])
    batch = doc["paths"][kinds.PATH_BATCHES]["post"]
    assert kinds.ENVELOPE_MEDIA_TYPE in batch["requestBody"]["content"]
    assert {p["name"] for p in batch["parameters"]} >= {kinds.H_SIGNATURE, kinds.H_NONCE}
    ack_schema = batch["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"accepted", "rejected", "sig"} <= set(ack_schema["required"])
    assert "/v1/bench/plain-batches" not in doc["paths"]


@SQLITE
def test_restrict_and_lift(gateway, client):
    uscc = "91410425MA9YYYYY2B"
    assert gateway.cli_json("restrict", "--uscc", uscc, "--reason", "欠缴", "--until",
                            "2027-01-31")["kind"] == kinds.RESTRICTION_SET
    lifted = gateway.cli_json("restrict", "--uscc", uscc, "--reason", "已缴清", "--lift")
    assert lifted["kind"] == kinds.RESTRICTION_LIFTED
    mine = [i for i in client.all_items() if i.subject == uscc]
    assert [i.kind for i in mine] == [kinds.RESTRICTION_SET, kinds.RESTRICTION_LIFTED]
    again = gateway.cli("restrict", "--uscc", uscc, "--reason", "x", "--lift", check=False)
    assert again.returncode == 1 and "not restricted" in again.stderr


@SQLITE
def test_revoke_issues_the_item_and_refuses_twice(gateway, client):
    out = gateway.cli_json("revoke", "--device", client.device.device_id, "--reason", "stolen")
    assert out["revoked"] is True
    twice = gateway.cli("revoke", "--device", client.device.device_id, check=False)
    assert twice.returncode == 1 and "already revoked" in twice.stderr
    resp = client.send("POST", kinds.PATH_HEALTH, b"{}")
    assert resp.status_code == 403 and resp.json()["error"]["code"] == "revoked_device"


@SQLITE
def test_bad_admin_input_is_a_clear_error(gateway):
    cases = [
        (("restrict", "--uscc", "123", "--reason", "x"), "unified social credit code"),
        (("approve", "--record", "no-such-record"), "no pending record"),
        (("confirm-payment", "--order", "no-such-order"), "no payment order"),
        (("revoke", "--device", "d-nobody"), "no enrolled device"),
        (("publish", "--kind", "device.revoked", "--subject", "x", "--data", "{}"),
         "cannot publish"),
        (("publish", "--kind", "config", "--subject", "x", "--data", "{oops"), "not valid JSON"),
        (("token", "--url", "ftp://x", "--service-point", "sp"), "http"),
        (("token", "--url", "http://x", "--service-point", "sp", "--qr", "/nonexistent/q.png"),
         "cannot write the QR image"),
        (("publish", "--kind", "config", "--subject", "x", "--data", "@/nonexistent.json"),
         "cannot read --data file"),
        (("serve", "--auto-approve", "-1"), "--auto-approve"),
        (("import", "/nonexistent-dir"), "not a directory"),
    ]
    for args, message in cases:
        done = gateway.cli(*args, check=False)
        assert done.returncode == 1, args
        assert message in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_missing_db_directory_is_a_clear_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "county.cli", "status", "--db",
                           str(tmp_path / "nope" / "gw.db"), "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "does not exist" in done.stderr and not done.stdout


@ENGINES
def test_import_sneakernet_then_online_is_idempotent(gateway, client, tmp_path):
    outbox = tmp_path / "usb"
    outbox.mkdir()
    first = client.seal([record("sn-1"), record("sn-2", seq=2)], "sn-a")
    (outbox / "0001.jxe").write_bytes(first)
    (outbox / "0002.jxe").write_bytes(client.seal([record("sn-3", seq=3)], "sn-b"))
    (outbox / "README.txt").write_text("batches from kiosk 1")
    before = gateway.cli_json("status")

    result = gateway.cli_json("import", str(outbox))
    assert result == {"files": 3, "imported": 2, "skipped": 1, "accepted": 3, "rejected": 0,
                      "errors": []}
    assert gateway.cli_json("status")["records"] == before["records"] + 3

    assert gateway.cli_json("import", str(outbox))["accepted"] == 3
    online = client.ack(first, "sn-a")
    assert sorted(online.accepted) == ["sn-1", "sn-2"]
    after = gateway.cli_json("status")
    assert after["records"] == before["records"] + 3
    assert after["duplicates"] == before["duplicates"] + 5


@ENGINES
def test_import_reports_damaged_and_foreign_files(gateway, client, tmp_path):
    usb = tmp_path / "usb2"
    usb.mkdir()
    good = client.seal([record("dmg-ok")], "dmg-ok")
    (usb / "a.jxe").write_bytes(good[:-10])
    stranger = wire.KeyPair.generate()
    (usb / "b.jxe").write_bytes(wire.seal_batch([record("dmg-x")], device_id="d-stranger",
                                                batch_id="x", audit_head=None,
                                                signer=stranger.sign,
                                                recipient=client.device.platform.kem))
    (usb / "c.jxe").write_bytes(good)
    done = gateway.cli("import", str(usb), "--json", check=False)
    assert done.returncode == 1
    result = json.loads(done.stdout)
    assert result["imported"] == 1 and result["accepted"] == 1
    assert {(e["file"], e["code"]) for e in result["errors"]} == {
        ("a.jxe", "bad_envelope"), ("b.jxe", "unknown_device")}


@SQLITE
def test_serve_refuses_a_busy_port(gateway, tmp_path):
    done = subprocess.run([sys.executable, "-m", "county.cli", "serve", "--db",
                           str(tmp_path / "other.db"), "--port", str(gateway.port)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ})
    assert done.returncode == 1 and "cannot listen" in done.stderr


@ENGINES
def test_restart_keeps_keys_and_records(gateway, new_device):
    c = SignedClient(gateway.url, new_device())
    env = c.seal([record("rs-1")], "rs")
    first = c.post_batch(env).content
    fingerprint = gateway.fingerprint
    gateway.restart()
    assert gateway.fingerprint == fingerprint
    assert c.post_batch(env).content == first


def test_gateway_process_loads_no_kiosk_core_or_agent_code():
    probe = ("import sys, county.cli, county.app, county.service, county.auto\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "{'kiosk', 'requests', 'PySide6', 'hardware', 'ui'} "
             "or (m.startswith('sync.') and not m.startswith('sync.wire'))))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr


@ENGINES
def test_credit_codes_failing_their_check_are_published_and_flagged(gateway, client, capsys):
    """A real early code (a Fujian pilot) fails GB 32100's check character: the county's data is
    published all the same, the operator told which code to confirm; a correct code is not flagged."""
    from county import cli
    from sync.wire.credit_code import check_char

    def run(*args: str) -> str:
        assert cli.main([args[0], "--db", str(gateway.db), *args[1:]]) == 0
        return capsys.readouterr()

    pilot, good = "91350211M0000XUF46", "91410425MA4000001"
    good += check_char(good)
    flagged = json.loads(run("publish", "--kind", kinds.MASTER_DEVELOPER, "--subject", pilot,
                             "--data", json.dumps({"name": "厦门某置业有限公司"}), "--json").out)
    assert flagged["uscc_check_failed"] == [pilot]
    project = json.loads(run("publish", "--kind", kinds.MASTER_PROJECT, "--subject", "P-pilot", "--data",
                             json.dumps({"name": "某花园", "developer_uscc": pilot.lower()}), "--json").out)
    assert project["uscc_check_failed"] == [pilot]
    clean = json.loads(run("publish", "--kind", kinds.MASTER_DEVELOPER, "--subject", good,
                           "--data", json.dumps({"name": "郏县某置业有限公司"}), "--json").out)
    assert clean["uscc_check_failed"] == []
    text = run("restrict", "--uscc", pilot, "--reason", "欠缴")
    assert f"warning: credit code {pilot} fails its check character" in text.err
    published = {(i.kind, i.subject) for i in client.all_items()}
    assert {(kinds.MASTER_DEVELOPER, pilot), (kinds.MASTER_PROJECT, "P-pilot"), (kinds.MASTER_DEVELOPER, good),
            (kinds.RESTRICTION_SET, pilot)} <= published


@SQLITE
def test_signatures_show_how_each_signer_was_identified(gateway, client):
    """What the platform keeps of signatures: the kiosk's summaries as sent, including how each signer was
    identified; a record from a kiosk before identified_by (or a malformed one) says it is not stated."""
    card = {"buyer": 3, "doc_sha256": "a" * 64, "bundle_sha256": "b" * 64, "device_sig": "c2ln",
            "signed_at": "2026-11-30T02:05:00+00:00", "identified_by": "card",
            "identified_at": "2026-11-30T02:01:00+00:00"}
    staff = {**card, "buyer": 4, "identified_by": "staff", "identified_at": None}
    older = {k: v for k, v in card.items() if not k.startswith("identified")}
    odd = {**card, "buyer": 5, "identified_by": "typed", "identified_at": "2026-11-30T02:01:00+00:00"}
    client.ack(client.seal([
        record("sig-1", kinds.CONTRACT_SIGNED, "HT-SIG-1", payload={"signatures": [card, staff]}),
        record("sig-2", kinds.HANDOVER_DELIVERED, "UNIT-SIG-2", seq=2, payload={"signatures": [older, odd, 7]}),
        record("sig-3", kinds.MAIL_REQUESTED, "HT-SIG-1", seq=3, payload={"signatures": [card]}),
    ], "sig"), "sig")

    shown = gateway.cli_json("signatures", "--subject", "HT-SIG-1")["records"]
    assert [(r["record_id"], r["kind"]) for r in shown] == [("sig-1", kinds.CONTRACT_SIGNED)]
    assert [(s["buyer"], s["identified_by"], s["identified_at"]) for s in shown[0]["signatures"]] == \
        [(3, "card", "2026-11-30T02:01:00+00:00"), (4, "staff", None)]
    delivered = gateway.cli_json("signatures", "--kind", kinds.HANDOVER_DELIVERED, "--subject", "UNIT-SIG-2")
    assert [(s["buyer"], s["identified_by"], s["identified_at"]) for s in delivered["records"][0]["signatures"]] \
        == [(3, None, None), (5, None, None)]

    text = gateway.cli("signatures").stdout
    assert "buyer 3  document aaaaaaaaaaaaaaaa…  signed 2026-11-30T02:05:00+00:00  ID card read at the " \
           "self-service terminal at 2026-11-30T02:01:00+00:00" in text
    assert "buyer 4" in text and "identified by staff at the counter" in text
    assert text.count("identification not stated") == 2 and kinds.MAIL_REQUESTED not in text
    none = gateway.cli("signatures", "--subject", "HT-NOTHING").stdout
    assert none.strip() == "no stored record carries signatures for HT-NOTHING"
